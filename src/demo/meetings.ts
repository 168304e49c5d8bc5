import type { LocalDate } from '../domain/localDate';
import { minimumMeetingsPerYear, type InstitutionType } from '../domain/institutions';
import { professionFromText } from '../i18n/labels';
import { CHILD_RULER_LEVELS } from '../domain/childRuler';
import { defaultSchoolHolidays, schoolYear, schoolYearOf } from '../domain/meetings/schoolYear';
import { proposeYearPlan } from '../domain/meetings/yearPlan';
import { Random } from './random';

export interface DemoTeam {
  id: string;
  institutionType: InstitutionType;
  members: { staffId: string; profession: string | null }[];
}

export interface DemoResponse {
  /** null: a parent's answer on the parents' form, from their own phone. */
  staffId: string | null;
  formId: 'theme' | 'child' | 'parent';
  answers: Record<string, unknown>;
}

export interface DemoMeeting {
  teamId: string;
  format: 'theme' | 'child';
  date: LocalDate;
  startTime: string;
  endTime: string;
  theme: string | null;
  childReference: string | null;
  purpose: string;
  parentsTakePart: boolean;
  participantIds: string[];
  /** Past meetings are held; the rest are scheduled. */
  held: boolean;
  responses: DemoResponse[];
}

export interface DemoTeamSlot {
  teamId: string;
  weekday: number;
  startTime: string;
  minutes: number;
}

const THEMES = [
  'Mobning og fællesskaber',
  'Bekymrende skolefravær',
  'Angst hos børn og unge',
  'Børn i skilsmissefamilier',
  'Sprog og trivsel',
  'Overgang fra dagtilbud til skole',
  'Digital trivsel',
  'Sorg og krise',
];
const INITIAL_LETTERS = 'ABCDEFGHIJKLMNOPRSTUVY';
const DURATION_MINUTES = 90;
const RATINGS: [string, number][] = [
  ['good', 82],
  ['good_with_room', 16],
  ['poor', 2],
];
const NEXT_STEPS = ['general_area', 'general_area', 'early_help_course', 'referral_family_counselling'];
const THEME_WISHES = [
  'bullying',
  'wellbeing',
  'anxiety',
  'school_absence',
  'parent_cooperation',
  'digital_life',
];

function endTime(start: string, minutes: number): string {
  const [h, m] = start.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

function answersFor(rnd: Random, formId: 'theme' | 'child', profession: string, theme: string | null) {
  const common = { profession, rating: rnd.weighted(RATINGS) };
  if (formId === 'theme') {
    return {
      ...common,
      theme: theme ?? '',
      useful: rnd.int(3, 5),
      next_themes: [rnd.pick(THEME_WISHES)],
    };
  }
  return {
    ...common,
    agreements_made: rnd.chance(0.9) ? 'yes' : 'no',
    sos_used: rnd.chance(0.85) ? 'yes' : 'no',
    parents_heard: rnd.int(3, 5),
    child_ruler_level: rnd.pick(CHILD_RULER_LEVELS.slice(0, 3)).id,
    next_step: rnd.pick(NEXT_STEPS),
  };
}

/**
 * A parent's answer on the parents' form, drawn from the same random calls as a child-form answer
 * so the rest of the demo stays as it was.
 */
function parentAnswers(rnd: Random) {
  const a = answersFor(rnd, 'child', 'parent', null) as Record<string, unknown>;
  const heard = Number(a.parents_heard) >= 4 ? 'yes' : 'partly';
  return {
    rating: a.rating,
    heard,
    understood: heard,
    next_steps: a.agreements_made === 'yes' ? 'yes' : 'partly',
  };
}

function demoMeeting(
  rnd: Random,
  team: DemoTeam,
  index: number,
  slot: DemoTeamSlot,
  date: LocalDate,
  i: number,
  today: LocalDate,
): DemoMeeting {
  const format = i % 3 === 2 ? 'child' : 'theme';
  const theme = format === 'theme' ? THEMES[(index + i) % THEMES.length]! : null;
  const held = date < today;
  const responses: DemoResponse[] = [];
  if (held) {
    for (const m of team.members) {
      if (!rnd.chance(0.75)) continue;
      const profession = professionFromText(m.profession ?? '') ?? 'interdisciplinary_counsellor';
      responses.push({
        staffId: m.staffId,
        formId: format,
        answers: answersFor(rnd, format, profession, theme),
      });
    }
    if (format === 'child') {
      responses.push({ staffId: null, formId: 'parent', answers: parentAnswers(rnd) });
    }
  }
  return {
    teamId: team.id,
    format,
    date,
    startTime: slot.startTime,
    endTime: endTime(slot.startTime, slot.minutes),
    theme,
    childReference:
      format === 'child' ? `${rnd.pick([...INITIAL_LETTERS])}${rnd.pick([...INITIAL_LETTERS])}` : null,
    purpose:
      format === 'theme'
        ? 'Fælles viden og praksis om temaet'
        : 'Afklare hvordan vi sammen støtter barnet i hverdagen',
    parentsTakePart: format === 'child',
    participantIds: team.members.map((m) => m.staffId),
    held,
    responses,
  };
}

/**
 * The demo teams' last and current school year: each team meets on its own weekday at 13:00, on the dates the bot
 * itself would propose. Meetings before `today` are held and answered (about three in four
 * participants answer, and a parent at child meetings); the rest are scheduled. One daycare team
 * has planned only 4 of its 6, so a new user sees the frequency warning at once.
 */
export function generateDemoMeetings(
  today: LocalDate,
  teams: readonly DemoTeam[],
  seed = 2026,
): { slots: DemoTeamSlot[]; meetings: DemoMeeting[] } {
  const rnd = new Random(seed);
  const current = schoolYearOf(today);
  const years = [schoolYear(current.startYear - 1), current];
  const slots: DemoTeamSlot[] = [];
  const meetings: DemoMeeting[] = [];
  const shortTeam = teams.find((t) => t.institutionType === 'daycare')?.id;
  teams.forEach((team, index) => {
    const slot = { teamId: team.id, weekday: (index % 4) + 1, startTime: '13:00', minutes: DURATION_MINUTES };
    slots.push(slot);
    for (const year of years) {
      const plan = proposeYearPlan({
        schoolYear: year,
        minimum: minimumMeetingsPerYear(team.institutionType),
        weekday: slot.weekday,
        startTime: slot.startTime,
        durationMinutes: slot.minutes,
        schoolHolidays: defaultSchoolHolidays(year),
      });
      let dates = plan.meetings.map((m) => m.date);
      if (year === current && team.id === shortTeam) dates = dates.slice(0, 4);
      dates.forEach((date, i) => meetings.push(demoMeeting(rnd, team, index, slot, date, i, today)));
    }
  });
  return { slots, meetings: meetings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) };
}
