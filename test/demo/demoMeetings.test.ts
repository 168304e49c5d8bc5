import { generateDemoMeetings, type DemoTeam } from '../../src/demo/meetings';
import { loadDemo } from '../../src/demo/load';
import { isWorkingDay } from '../../src/domain/calendar';
import {
  defaultSchoolHolidays,
  isSchoolHoliday,
  schoolYear,
  schoolYearOf,
} from '../../src/domain/meetings/schoolYear';
import { minimumMeetingsPerYear } from '../../src/domain/institutions';
import { defaultForms } from '../../src/app/questionnaireForms';
import { parseAnswers } from '../../src/domain/questionnaires/answers';
import { ENGINES, openTestStore } from '../support/db';

const TODAY = '2026-11-23';
const team = (id: string, institutionType: DemoTeam['institutionType']): DemoTeam => ({
  id,
  institutionType,
  members: ['a', 'b', 'c', 'd', 'e', 'f'].map((s, i) => ({
    staffId: `${id}-${s}`,
    profession: ['skoleleder', 'psykolog', 'sundhedsplejerske', 'pædagog', 'UU-vejleder', null][i]!,
  })),
});
const teams = [
  team('d1', 'daycare'),
  team('d2', 'daycare'),
  team('p1', 'primary_school'),
  team('s1', 'lower_secondary_school'),
];

describe("the demo municipality's team meetings", () => {
  const demo = generateDemoMeetings(TODAY, teams);

  it('is the same on every run', () => {
    expect(generateDemoMeetings(TODAY, teams)).toEqual(demo);
  });

  it('plans each team its minimum for last and this school year, outside holidays, but one daycare team only 4 of 6 this year', () => {
    const year = schoolYearOf(TODAY);
    const holidays = defaultSchoolHolidays(year);
    const count = (id: string) =>
      demo.meetings.filter((m) => m.teamId === id && m.date >= year.start && m.date <= year.end).length;
    expect(count('d1')).toBe(4);
    expect(count('d2')).toBe(minimumMeetingsPerYear('daycare'));
    expect(count('p1')).toBe(6);
    expect(count('s1')).toBe(10);
    const previous = schoolYear(year.startYear - 1);
    expect(demo.meetings.filter((m) => m.teamId === 'd1' && m.date < year.start)).toHaveLength(6);
    expect(demo.meetings.filter((m) => m.teamId === 's1' && m.date < year.start)).toHaveLength(10);
    for (const m of demo.meetings) {
      expect(isWorkingDay(m.date)).toBe(true);
      expect(m.date >= previous.start).toBe(true);
      expect(isSchoolHoliday(m.date, [...holidays, ...defaultSchoolHolidays(previous)])).toBe(false);
    }
  });

  it('has held meetings before today with answers, and scheduled ones after', () => {
    expect(demo.meetings.filter((m) => m.held).every((m) => m.date < TODAY)).toBe(true);
    expect(demo.meetings.filter((m) => !m.held).every((m) => m.date >= TODAY)).toBe(true);
    expect(demo.meetings.some((m) => m.held && m.responses.length > 0)).toBe(true);
    expect(demo.meetings.filter((m) => !m.held).every((m) => m.responses.length === 0)).toBe(true);
  });

  it('answers every questionnaire validly on version 1 of its form, parents marked as parents', () => {
    const forms = defaultForms().filter((f) => f.version === 1);
    const responses = demo.meetings.flatMap((m) => m.responses);
    expect(responses.some((r) => r.staffId === null)).toBe(true);
    for (const r of responses) {
      const form = forms.find((f) => f.id === r.formId)!;
      const parsed = parseAnswers(form, r.answers, r.staffId === null ? 'parent' : 'staff');
      expect(parsed.ok ? null : parsed.error.issues).toBeNull();
      // A parent answers the parents' own form, which asks no profession.
      if (r.staffId === null) expect([r.formId, r.answers.profession]).toEqual(['parent', undefined]);
    }
  });

  it("loads with the demo: held meetings with answers, and only each team's next meeting left to announce", async () => {
    const { store, dispose } = await openTestStore(ENGINES[0]!);
    try {
      const result = await loadDemo(store, TODAY);
      expect(result.lines.join('\n')).toMatch(
        /Planned \d+ team meetings \(\d+ held, \d+ questionnaire answers\)/,
      );
      const t = store.tenant({ municipalityId: 'demo', actor: 'test' });
      const all = await t.teams.list();
      expect(all).toHaveLength(12);
      expect(all.every((x) => x.meeting_weekday !== null)).toBe(true);
      const unannounced = await t.meetings.unnotified(TODAY);
      expect(new Set(unannounced.map((m) => m.team_id)).size).toBe(unannounced.length);
      expect(unannounced.length).toBe(12);
      const year = schoolYearOf(TODAY);
      const first = (await t.meetings.forTeam(all[0]!.id, year.start, TODAY)).filter((m) => m.date < TODAY);
      expect(first.every((m) => m.status === 'held')).toBe(true);
      const answered = await Promise.all(first.map((m) => t.questionnaires.responses(m.id)));
      expect(answered.flat().length).toBeGreaterThan(0);
    } finally {
      await dispose();
    }
  }, 60_000);
});
