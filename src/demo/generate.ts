import { addDays, addDuration, LocalDate } from '../domain/localDate';
import { MeasureType } from '../domain/measures';
import { FollowUpPolicy } from '../domain/policy';
import { nextFollowUpDue } from '../domain/followup';
import { Random } from './random';
import { DISTRICTS, FIRST_NAMES, INSTITUTIONS, SURNAMES } from './names';

export type Row = Record<string, string>;

export interface DemoData {
  staff: Row[];
  teams: Row[];
  cases: Row[];
  /** Dated steps after the one each case was opened on (seed 002 §3.2: movements on the ladder). */
  ladder: Row[];
  measures: Row[];
  followups: Row[];
}

export const DEMO_MUNICIPALITY = { id: 'demo', name: 'Fjordby Kommune (demo)', preset: 'herning' as const };
const DOMAIN = 'fjordby.example';
const UNITS = ['Familierådgivningen Nord', 'Familierådgivningen Syd', 'Familierådgivningen Vest'];

/** Measure types by how common they are in a municipality's caseload, with a fitting Herning ladder step. */
const MEASURE_MIX: [MeasureType, number][] = [
  ['preventive', 34],
  ['early_help', 20],
  ['foster_care', 16],
  ['institution', 9],
  ['own_room', 4],
  ['short_term', 5],
  ['investigation', 12],
];
/** Steps on the Herning ladder (seed 004 figur 2.1): 1 prevention … 5 institution. */
const LADDER_STEP: Record<MeasureType, [number, number]> = {
  early_help: [1, 1],
  investigation: [1, 2],
  preventive: [2, 2],
  foster_care: [3, 4],
  short_term: [5, 5],
  own_room: [5, 5],
  institution: [5, 5],
};

class People {
  private used = new Set<string>();
  constructor(private readonly rnd: Random) {}
  next(): { name: string; email: string } {
    for (;;) {
      const first = this.rnd.pick(FIRST_NAMES);
      const last = this.rnd.pick(SURNAMES);
      const name = `${first} ${last}`;
      if (this.used.has(name)) continue;
      this.used.add(name);
      const local = name
        .toLowerCase()
        .replace(/æ/g, 'ae')
        .replace(/ø/g, 'oe')
        .replace(/å/g, 'aa')
        .replace(/ /g, '.');
      return { name, email: `${local}@${DOMAIN}` };
    }
  }
}

/**
 * A fictional municipality of realistic size (18 advisers with about 25 cases each, 12 teams of all
 * three institution types), dated relative to `today` so reminders are due at once.
 */
export function generateDemo(today: LocalDate, policy: FollowUpPolicy, seed = 2026): DemoData {
  const rnd = new Random(seed);
  const people = new People(rnd);
  const staff: Row[] = [];
  const add = (roles: string, profession: string, unit = '', leader = '') => {
    const p = people.next();
    staff.push({ email: p.email, name: p.name, roles, profession, unit, leader_email: leader });
    return p.email;
  };

  add('admin', '');
  const advisers: string[] = [];
  for (const unit of UNITS) {
    const leader = add('leader', 'familierådgiver', unit);
    for (let i = 0; i < 6; i++) advisers.push(add('adviser', 'familierådgiver', unit, leader));
  }
  // The leaders also carry a few cases; the 18 dedicated advisers carry the caseload.
  const dedicated = advisers;

  const teams: Row[] = [];
  const kinds = ['dagtilbud', 'grundskole', 'overbygningsskole'] as const;
  kinds.forEach((type) => {
    INSTITUTIONS[type].forEach((institution, i) => {
      const district = DISTRICTS[i]!;
      const lead = type === 'dagtilbud' ? 'dagtilbudsleder' : 'skoleleder';
      const coordinator = add('coordinator|participant', 'tværfaglig vejleder');
      const members = [
        add('participant', lead),
        add('participant', 'psykolog'),
        add('participant', 'sundhedsplejerske'),
        add('participant', type === 'dagtilbud' ? 'pædagog' : 'SFO-leder'),
        add('participant', type === 'overbygningsskole' ? 'UU-vejleder' : 'inklusionspædagog'),
        dedicated[(teams.length * 3) % dedicated.length]!,
      ];
      teams.push({
        team: `Tværfagligt team ${institution}`,
        district,
        institution,
        institution_type: type,
        coordinator_email: coordinator,
        members: members.join('|'),
      });
    });
  });

  const cases: Row[] = [];
  const measures: Row[] = [];
  const followups: Row[] = [];
  let serial = 0;
  for (const adviser of dedicated) {
    const count = rnd.int(19, 31);
    for (let i = 0; i < count; i++) {
      serial++;
      const type = rnd.weighted(MEASURE_MIX);
      const ref = `FJ-${String(serial).padStart(4, '0')}`;
      const [lo, hi] = LADDER_STEP[type];
      const ageDays = type === 'investigation' ? rnd.int(5, 130) : rnd.int(20, 720);
      const start = addDays(today, -ageDays);
      const opened = addDays(start, -rnd.int(0, 60));
      cases.push({
        case_ref: ref,
        adviser_email: adviser,
        opened,
        ladder_step: String(rnd.int(lo, hi)),
        child_initials: initials(rnd),
      });
      const end = type === 'early_help' ? addDuration(start, { months: 6 }) : '';
      measures.push({ case_ref: ref, measure_type: type, start, end });
      if (type !== 'investigation')
        followups.push(...history(rnd, ref, type, start, end || null, today, policy));
    }
  }
  const ladder = caseHistory(new Random(seed + 1), cases, measures, today);
  return { staff, teams, cases, ladder, measures, followups };
}

/**
 * What a year of case work leaves behind, so the ladder and early-help figures have something to
 * show: some placements began a step lower, some preventive cases step down, some § 30 courses are
 * followed by an investigation, and some cases whose course ended are closed. It draws on its own
 * random stream, so the cases, measures and follow-ups above stay exactly as they are.
 */
function caseHistory(rnd: Random, cases: Row[], measures: Row[], today: LocalDate): Row[] {
  const ladder: Row[] = [];
  const added: Row[] = [];
  cases.forEach((c, i) => {
    const m = measures[i]!;
    const start = m.start!;
    const step = Number(c.ladder_step);
    if (step >= 3 && rnd.chance(0.3)) {
      // Months of support at home first; the placement moved the child up the ladder.
      c.opened = addDays(start, -rnd.int(120, 400));
      c.ladder_step = '2';
      ladder.push({ case_ref: c.case_ref!, ladder_step: String(step), from: start });
    } else if (m.measure_type === 'preventive' && rnd.chance(0.2)) {
      const down = addDays(start, rnd.int(90, 240));
      if (down < today) ladder.push({ case_ref: c.case_ref!, ladder_step: '1', from: down });
    } else if (m.measure_type === 'early_help' && m.end && m.end < today) {
      if (rnd.chance(0.25)) {
        const opened = addDays(start, rnd.int(30, 150));
        const done = addDays(opened, rnd.int(50, 110));
        if (opened < today)
          added.push({
            case_ref: c.case_ref!,
            measure_type: 'investigation',
            start: opened,
            end: done < today ? done : '',
          });
      } else if (rnd.chance(0.6)) {
        const closed = addDays(m.end, rnd.int(3, 40));
        if (closed < today) {
          c.closed = closed;
          // The child leaves the ladder with the case (an empty step is "off the ladder").
          ladder.push({ case_ref: c.case_ref!, ladder_step: '', from: closed });
        }
      }
    }
  });
  measures.push(...added);
  return ladder;
}

function initials(rnd: Random): string {
  const letters = 'ABCDEFGHIJKLMNOPRSTUVØ';
  return rnd.pick([...letters]) + rnd.pick([...letters]);
}

/** Held follow-ups from the measure's start to today (or its end): mostly on time, some late, a few missed. */
function history(
  rnd: Random,
  ref: string,
  type: MeasureType,
  start: LocalDate,
  end: LocalDate | null,
  today: LocalDate,
  policy: FollowUpPolicy,
): Row[] {
  const held: LocalDate[] = [];
  const rows: Row[] = [];
  for (let guard = 0; guard < 100; guard++) {
    const next = nextFollowUpDue({ measureType: type, start, end: null, held, policy, cadence: null });
    if (!next) break;
    const lateness = rnd.weighted<number>([
      [rnd.int(-10, 0), 70],
      [rnd.int(1, 20), 22],
      [rnd.int(21, 60), 8],
    ]);
    const heldOn = addDays(next.due, lateness);
    // A follow-up after the measure ended would be refused by the import.
    if (end && heldOn > end) break;
    // The newest follow-up is sometimes not yet held: that is what makes reminders and overdue cards.
    if (heldOn >= today || (addDays(heldOn, 45) >= today && rnd.chance(0.15))) break;
    held.push(heldOn);
    rows.push({
      case_ref: ref,
      measure_type: type,
      held_on: heldOn,
      child_conversation: rnd.chance(0.85) ? 'ja' : 'nej',
    });
  }
  return rows;
}
