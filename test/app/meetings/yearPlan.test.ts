import { meetingFixture, type MeetingFixture } from './fixture';
import {
  confirmYearPlan,
  draftYearPlan,
  endOf,
  type YearPlanConfirm,
} from '../../../src/app/meetings/yearPlan';
import { isPublicHoliday } from '../../../src/domain/calendar';
import { isoWeekday } from '../../../src/domain/localDate';
import { defaultSchoolHolidays, isSchoolHoliday, schoolYear } from '../../../src/domain/meetings/schoolYear';
import { teamYear } from '../../../src/app/meetings/frequency';
import { municipalitySettingsSchema } from '../../../src/domain/municipality';
import { refusalText } from '../../../src/i18n/problems';

/** The year plan is proposed, edited by the coordinator and confirmed. */
describe('planning a team’s school year', () => {
  let f: MeetingFixture;
  beforeAll(async () => {
    f = await meetingFixture();
  });
  afterAll(async () => f.dispose());
  const now = new Date('2026-08-03T08:00:00Z');
  const slot = { weekday: 2, startTime: '14:00', minutes: 90 };

  const confirm = (by: string, over: Partial<YearPlanConfirm> = {}) =>
    f.staff(by).then((s) =>
      confirmYearPlan(
        f.store,
        f.m,
        s,
        {
          teamId: f.ids.north,
          startYear: 2026,
          ...slot,
          theme: 'Tværfagligt teammøde',
          purpose: 'Konsultativt',
          place: 'Nordskolen',
          onlineUrl: undefined,
          dates: [],
          ...over,
        },
        now,
      ),
    );

  it('proposes 10 dates for an overbygningsskole team, none on a weekend, holiday or school holiday', async () => {
    const team = (await f.t.teams.get(f.ids.north))!;
    const draft = await draftYearPlan(f.store, f.m, team, 2026, slot, now);
    const dates = draft.proposal.meetings.map((m) => m.date);
    expect(draft.needed).toBe(10);
    expect(dates).toHaveLength(10);
    const holidays = defaultSchoolHolidays(schoolYear(2026));
    for (const d of dates) {
      expect(isoWeekday(d)).toBe(2);
      expect(isPublicHoliday(d)).toBe(false);
      expect(isSchoolHoliday(d, holidays)).toBe(false);
    }
    expect(dates[0]! > '2026-08-03').toBe(true);
  });

  it('skips the municipality’s own school holidays when it has configured them', async () => {
    const team = (await f.t.teams.get(f.ids.north))!;
    const own = {
      ...f.m,
      settings: {
        ...f.m.settings,
        schoolHolidays: [{ name: 'Lang efterårsferie', from: '2026-09-01', to: '2026-11-30' }],
      },
    };
    const draft = await draftYearPlan(f.store, own, team, 2026, slot, now);
    expect(
      draft.proposal.meetings.map((m) => m.date).filter((d) => d >= '2026-09-01' && d <= '2026-11-30'),
    ).toEqual([]);
  });

  it('reads the municipality’s own school holidays from its settings, and refuses a malformed list', () => {
    const own = [{ kind: 'autumn', name: 'Efterårsferie', from: '2026-10-10', to: '2026-10-18' }];
    expect(municipalitySettingsSchema.parse({ schoolHolidays: own }).schoolHolidays).toEqual(own);
    expect(municipalitySettingsSchema.parse({}).schoolHolidays).toBeUndefined();
    expect(
      municipalitySettingsSchema.safeParse({
        schoolHolidays: [{ name: 'x', from: '2026-10-18', to: '2026-10-10' }],
      }).success,
    ).toBe(false);
  });

  it('refuses a date the coordinator typed on a weekend or in a school holiday, and a non-coordinator', async () => {
    const weekend = await confirm(f.ids.coordinator, { dates: ['2026-09-08', '2026-09-12'] });
    expect(weekend.ok ? '' : refusalText(weekend, 'da')).toBe(
      '12. september 2026 er ikke en arbejdsdag (weekend eller helligdag).',
    );
    const autumn = await confirm(f.ids.coordinator, { dates: ['2026-10-13'] });
    expect(autumn.ok ? '' : refusalText(autumn, 'da')).toBe(
      '13. oktober 2026 er i skoleferien (efterårsferie).',
    );
    const member = await confirm(f.ids.psychologist, { dates: ['2026-09-08'] });
    expect(member.ok ? '' : refusalText(member, 'da')).toBe('Kun teamets tovholder kan planlægge året.');
    expect(await f.t.meetings.forTeam(f.ids.north, '2026-08-01', '2027-07-31')).toEqual([]);
  });

  it('creates the confirmed meetings for every member, saves the slot, and a second press creates nothing', async () => {
    const res = await confirm(f.ids.coordinator, { dates: ['2026-09-08', '', '2026-10-06', '2026-11-03'] });
    if (!res.ok) throw new Error(refusalText(res, 'en'));
    expect(res.value.created.map((m) => [m.date, m.start_time, m.end_time, m.format])).toEqual([
      ['2026-09-08', '14:00', '15:30', 'theme'],
      ['2026-10-06', '14:00', '15:30', 'theme'],
      ['2026-11-03', '14:00', '15:30', 'theme'],
    ]);
    expect((await f.t.meetings.participants(res.value.created[0]!.id)).length).toBe(3);
    expect(await f.t.teams.get(f.ids.north)).toMatchObject({
      meeting_weekday: 2,
      meeting_start: '14:00',
      meeting_minutes: 90,
    });
    expect(res.value.after.status).toMatchObject({ planned: 3, planShortBy: 7 });
    const again = await confirm(f.ids.coordinator, { dates: ['2026-09-08', '2026-10-06', '2026-11-03'] });
    expect(again).toMatchObject({ ok: false, stale: true });
    expect((await f.t.meetings.forTeam(f.ids.north, '2026-08-01', '2027-07-31')).length).toBe(3);
  });

  it('proposes only the meetings still missing once some are planned', async () => {
    const team = (await f.t.teams.get(f.ids.north))!;
    const draft = await draftYearPlan(f.store, f.m, team, 2026, slot, now);
    expect(draft.needed).toBe(7);
    expect(draft.proposal.meetings).toHaveLength(7);
  });

  it('counts an ended scheduled meeting as held, and a cancelled one not at all', async () => {
    const team = (await f.t.teams.get(f.ids.north))!;
    const later = new Date('2026-10-07T08:00:00Z');
    const before = await teamYear(f.t, f.m, team, later);
    expect(before.status).toMatchObject({ held: 2, planned: 1 });
    await f.t.meetings.cancel(
      (await f.t.meetings.forTeam(f.ids.north, '2026-11-03', '2026-11-03'))[0]!.id,
      0,
    );
    const after = await teamYear(f.t, f.m, team, later);
    expect(after.status).toMatchObject({ held: 2, planned: 0, planShortBy: 8 });
  });

  it('computes the end time, never past midnight', () => {
    expect(endOf('14:00', 90)).toBe('15:30');
    expect(endOf('23:00', 60)).toBeNull();
  });
});
