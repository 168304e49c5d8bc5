import { addDuration, isLocalDate, type LocalDate } from '../localDate';
import { guard, SUPPRESSED, type Disclosure, type Guarded } from './suppression';
import { percent } from './numbers';

export interface CaseMeasureStart {
  caseId: string;
  measureType: string;
  start: LocalDate;
}

export interface EarlyHelpWindow {
  /** Courses started in [coursesFrom, coursesTo] are counted. */
  coursesFrom: LocalDate;
  coursesTo: LocalDate;
  /** An investigation started from the course's start up to and including this date follows it. */
  followedUntil: LocalDate;
}

/**
 * Seed 002 note 7: for the cut-off date 31 March 2016 the courses given between 31 March 2015 and
 * 30 September 2015 count, with an investigation decided from the course's start up to the cut-off.
 * So courses started 12 to 6 months before the cut-off (both days included; month arithmetic clamps
 * to the month's last day), followed until the cut-off itself.
 */
export function earlyHelpWindowFor(cutoff: LocalDate): EarlyHelpWindow {
  if (!isLocalDate(cutoff)) throw new Error(`Not a date: ${cutoff}`);
  return {
    coursesFrom: addDuration(cutoff, { months: 12 }, -1),
    coursesTo: addDuration(cutoff, { months: 6 }, -1),
    followedUntil: cutoff,
  };
}

export type EarlyHelpFigures = Guarded<{ recipients: number; followed: number; share: number | null }>;

/**
 * Seed 002 table 3: the share of children given a § 11 course (now Barnets Lov § 30, `early_help`) who
 * then got a child protection investigation (`investigation` on the same case). A child counts once,
 * from the first course started in the window; an investigation started on or after that course's
 * start and no later than `followedUntil` follows it (seed note 7). n is the number of recipients.
 */
export function earlyHelpFollowedByInvestigation(
  measures: readonly CaseMeasureStart[],
  w: EarlyHelpWindow,
  d: Disclosure = SUPPRESSED,
): EarlyHelpFigures {
  if (!(w.coursesFrom <= w.coursesTo && w.coursesTo <= w.followedUntil)) {
    throw new Error(`Not a window: ${w.coursesFrom} – ${w.coursesTo}, followed until ${w.followedUntil}`);
  }
  const firstCourse = new Map<string, LocalDate>();
  for (const m of measures) {
    if (m.measureType !== 'early_help' || m.start < w.coursesFrom || m.start > w.coursesTo) continue;
    const seen = firstCourse.get(m.caseId);
    if (!seen || m.start < seen) firstCourse.set(m.caseId, m.start);
  }
  let followed = 0;
  for (const [caseId, courseStart] of firstCourse) {
    const investigated = measures.some(
      (m) =>
        m.caseId === caseId &&
        m.measureType === 'investigation' &&
        m.start >= courseStart &&
        m.start <= w.followedUntil,
    );
    if (investigated) followed++;
  }
  const recipients = firstCourse.size;
  return guard(recipients, () => ({ recipients, followed, share: percent(followed, recipients) }), d);
}
