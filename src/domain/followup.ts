import { addDuration, Duration, LocalDate, maxDate, minDate } from './localDate';
import { MEASURE_TYPE_INFO, MeasureType } from './measures';
import { CadenceRule, FollowUpPolicy, legalPolicy, LegalRegime } from './policy';
import { ok, refuse, type Result } from './result';
import { CADENCE_CHOICES, encodeCadence } from './cadence';

/** Barnets Lov § 95 stk. 1 (and SEL § 70 before it): the first follow-up within 3 months. */
const FIRST_LEGAL: Duration = { months: 3 };
/** Barnets Lov § 156 stk. 5 (two supervision visits a year) and SEL § 70 ("mindst hver 6. måned"). */
const REPEAT_LEGAL: Duration = { months: 6 };

const isPlacement = (t: MeasureType): boolean => MEASURE_TYPE_INFO[t].placement;

/** Whether the law limits the time between follow-ups after the first one. */
function repeatLimited(measureType: MeasureType, regime: LegalRegime): boolean {
  return regime === 'sel-70' || isPlacement(measureType);
}

/**
 * The latest lawful date of the first follow-up: 3 months after the start, or the end of an
 * investigation running alongside the measure if that comes first (Barnets Lov § 95). Both regimes
 * have the 3 months; the regime is taken so callers need not know that.
 */
export function legalFirstDue(
  start: LocalDate,
  _regime: LegalRegime,
  investigationEnd?: LocalDate | null,
): LocalDate {
  const limit = addDuration(start, FIRST_LEGAL);
  // An investigation that ended before the measure started did not run alongside it.
  return investigationEnd && investigationEnd >= start ? minDate(limit, investigationEnd) : limit;
}

/**
 * The latest lawful date of the next follow-up after one held on `lastHeld`. Under Barnets Lov only
 * placements have one (§ 156 stk. 5); other measures follow the cadence the adviser decided (§ 95
 * stk. 3). Under SEL § 70 every measure had 6 months.
 */
export function legalNextDue(
  lastHeld: LocalDate,
  measureType: MeasureType,
  regime: LegalRegime,
): LocalDate | null {
  if (measureType === 'investigation') return null;
  return repeatLimited(measureType, regime) ? addDuration(lastHeld, REPEAT_LEGAL) : null;
}

/** The future cadence the adviser decides and justifies at the first follow-up (§ 95 stk. 3). */
export interface CadenceDecision {
  every: Duration;
  reason: string;
  decidedOn: LocalDate;
}

/** A policy that leaves a measure type out falls back on the law's own schedule, never on nothing. */
function ruleFor(measureType: MeasureType, policy: FollowUpPolicy): CadenceRule {
  return (
    policy.rules[measureType] ??
    legalPolicy(policy.regime).rules[measureType] ?? { firstAfter: FIRST_LEGAL, every: REPEAT_LEGAL }
  );
}

export interface NextDueInput {
  measureType: MeasureType;
  start: LocalDate;
  end?: LocalDate | null;
  /** Registration dates of the follow-ups held so far, in any order. */
  held: LocalDate[];
  policy: FollowUpPolicy;
  cadence?: CadenceDecision | null;
  investigationEnd?: LocalDate | null;
  postponedTo?: LocalDate | null;
}

export interface NextDue {
  /** The date the adviser is reminded of. */
  due: LocalDate;
  /** What the schedule (cadence decision, else policy) gives before the law is applied. */
  policyDue: LocalDate;
  /** The latest lawful date; null where the law sets none. */
  legalDue: LocalDate | null;
  basis: 'first' | 'cadence' | 'policy';
  clampedByLaw: boolean;
  /** True when a valid postponement replaced the computed date. */
  postponed: boolean;
}

/**
 * The next follow-up's due date. It counts from the last registration date, not the old due date,
 * so a late follow-up does not leave the next one crammed in behind it. Null for an investigation
 * (it has a deadline instead) and for a measure that ends before the next follow-up falls due.
 */
export function nextFollowUpDue(input: NextDueInput): NextDue | null {
  const { measureType, start, policy } = input;
  if (measureType === 'investigation') return null;
  const rule = ruleFor(measureType, policy);
  let policyDue: LocalDate;
  let legalDue: LocalDate | null;
  let basis: NextDue['basis'];
  if (input.held.length === 0) {
    policyDue = addDuration(start, rule.firstAfter);
    legalDue = legalFirstDue(start, policy.regime, input.investigationEnd);
    basis = 'first';
  } else {
    const last = maxDate(...input.held);
    const interval =
      rule.later && last >= addDuration(start, rule.later.after) ? rule.later.every : rule.every;
    policyDue = addDuration(last, input.cadence?.every ?? interval);
    legalDue = legalNextDue(last, measureType, policy.regime);
    basis = input.cadence ? 'cadence' : 'policy';
  }
  const clampedByLaw = legalDue !== null && legalDue < policyDue;
  let due = legalDue !== null && clampedByLaw ? legalDue : policyDue;
  // A stored postponement that is no longer valid (the date moved, the law changed) is ignored
  // rather than trusted: the computed date is always safe.
  const postponed = !!input.postponedTo && postpone({ due, legalDue }, input.postponedTo, 'stored').ok;
  if (postponed && input.postponedTo) due = input.postponedTo;
  if (input.end && input.end < due) return null;
  return { due, policyDue, legalDue, basis, clampedByLaw, postponed };
}

/** Day length used only to compare durations independent of a date: 26 weeks counts as 6 months. */
const approxDays = (d: Duration): number => (d.months ?? 0) * 30.44 + (d.weeks ?? 0) * 7 + (d.days ?? 0);

/**
 * What the first-follow-up card pre-fills as the future cadence: the policy's interval, but never one
 * the law would refuse, so accepting the suggestion always validates.
 */
export function suggestedCadence(measureType: MeasureType, policy: FollowUpPolicy): Duration {
  const every = ruleFor(measureType, policy).every;
  return repeatLimited(measureType, policy.regime) && approxDays(every) > approxDays(REPEAT_LEGAL)
    ? REPEAT_LEGAL
    : every;
}

/**
 * The cadences a follow-up card offers: the usual choices, and at the first follow-up the policy's
 * own as well, chosen in advance, so the cadence the municipality expects is always there to pick
 * (Barnets Lov § 95 stk. 3). Every card builder asks here, so no card offers less.
 */
export function cadenceChoices(
  deadline: { first: boolean; measureType: MeasureType },
  policy: FollowUpPolicy,
): { choices: Duration[]; suggested: Duration | null } {
  if (!deadline.first) return { choices: [...CADENCE_CHOICES], suggested: null };
  const suggested = suggestedCadence(deadline.measureType, policy);
  const offered = CADENCE_CHOICES.some((c) => encodeCadence(c) === encodeCadence(suggested));
  return { choices: offered ? [...CADENCE_CHOICES] : [...CADENCE_CHOICES, suggested], suggested };
}

/** Checks the cadence decided at the first follow-up: a reason, a positive interval, the law's limit. */
export function validateCadence(
  decision: CadenceDecision,
  measureType: MeasureType,
  regime: LegalRegime,
): Result<null> {
  if (measureType === 'investigation') return refuse('investigationHasDeadline');
  if (decision.reason.trim() === '') return refuse('cadenceReasonMissing');
  if (approxDays(decision.every) <= 0) return refuse('cadenceNotPositive');
  if (repeatLimited(measureType, regime) && approxDays(decision.every) > approxDays(REPEAT_LEGAL)) {
    return refuse('cadenceOverSixMonths', { params: { regime } });
  }
  return ok(null);
}

/** A postponement needs a reason, must move the date later, and may never pass the legal date. */
export function postpone(
  current: { due: LocalDate; legalDue: LocalDate | null },
  to: LocalDate,
  reason: string,
): Result<{ due: LocalDate }> {
  if (reason.trim() === '') return refuse('postponeReasonMissing');
  if (to <= current.due) return refuse('postponeNotLater', { params: { after: current.due } });
  if (current.legalDue && to > current.legalDue) {
    return refuse('postponePastLegal', { params: { legalDue: current.legalDue } });
  }
  return ok({ due: to });
}

/** Barnets Lov § 20 stk. 3: a child protection investigation is finished within 4 months. */
export function investigationDeadline(start: LocalDate): LocalDate {
  return addDuration(start, { months: 4 });
}

/** A § 30 course is concrete and time-limited: its end date is reminded like a follow-up. */
export function earlyHelpEndReminder(measure: {
  measureType: MeasureType;
  end?: LocalDate | null;
}): LocalDate | null {
  return measure.measureType === 'early_help' ? (measure.end ?? null) : null;
}

/** Held on the due date counts as on time. */
export function isOnTime(heldOn: LocalDate, due: LocalDate): boolean {
  return heldOn <= due;
}

/** Barnets Lov replaced Serviceloven's child provisions, § 70 among them, on this day. */
export const BARNETS_LOV_IN_FORCE: LocalDate = '2024-01-01';

/**
 * The next due date judged by the law of its time: a follow-up that fell due before Barnets Lov came
 * into force is held to SEL § 70 (every 6 months for every measure), one due from then on to Barnets
 * Lov, whatever regime the municipality's policy names. The policy's own cadence applies under both.
 */
export function dueUnderLawOfItsTime(input: NextDueInput): NextDue | null {
  const sel = nextFollowUpDue({ ...input, policy: { ...input.policy, regime: 'sel-70' } });
  if (sel && (sel.legalDue ?? sel.due) < BARNETS_LOV_IN_FORCE) return sel;
  return nextFollowUpDue({ ...input, policy: { ...input.policy, regime: 'barnets-lov-2024' } });
}

export interface HeldCompliance {
  heldOn: LocalDate;
  /** The date the follow-up was due by the municipality's schedule (already within the law). */
  policyDue: LocalDate;
  legalDue: LocalDate | null;
  onTimePolicy: boolean;
  /** Null where the law set no date, so a report can leave it out of the share instead of counting it. */
  onTimeLegal: boolean | null;
}

/** One measure's follow-up history, as the compliance figures judge it. */
export interface FollowUpHistory {
  measureType: MeasureType;
  start: LocalDate;
  end?: LocalDate | null;
  held: LocalDate[];
  cadence?: CadenceDecision | null;
  investigationEnd?: LocalDate | null;
}

function dueAfter(h: FollowUpHistory, before: LocalDate[], policy: FollowUpPolicy): NextDue | null {
  const last = before[before.length - 1];
  // A cadence only governs follow-ups after the one where it was decided.
  const decided = h.cadence && last !== undefined && last >= h.cadence.decidedOn ? h.cadence : null;
  return dueUnderLawOfItsTime({
    measureType: h.measureType,
    start: h.start,
    end: h.end,
    held: before,
    policy,
    cadence: decided,
    investigationEnd: h.investigationEnd,
  });
}

/**
 * For each follow-up held, whether it was on time against the municipality's policy and against the
 * law of its time — the compliance figure seed 004 says the evaluation could not compute. Each is
 * judged against the due date that applied when it was due, i.e. counted from the follow-up before it.
 */
export function complianceOfHistory(h: FollowUpHistory, policy: FollowUpPolicy): HeldCompliance[] {
  const sorted = [...h.held].sort();
  const out: HeldCompliance[] = [];
  sorted.forEach((heldOn, i) => {
    // The end is not applied here: a follow-up held is judged even if it was held after the end.
    const next = dueAfter({ ...h, end: null }, sorted.slice(0, i), policy);
    if (!next) return;
    out.push({
      heldOn,
      policyDue: next.due,
      legalDue: next.legalDue,
      onTimePolicy: isOnTime(heldOn, next.due),
      onTimeLegal: next.legalDue === null ? null : isOnTime(heldOn, next.legalDue),
    });
  });
  return out;
}

/**
 * The follow-up that fell due after the last one held by `until` and was not held by the end of
 * `until`: its policy and legal due dates, each null where it had not passed (or the measure ended
 * first). A date passes at its end, and never before `today` is over: held on the due date is on time.
 */
export function dueButNotHeld(
  h: FollowUpHistory,
  policy: FollowUpPolicy,
  until: LocalDate,
  today: LocalDate,
): { policyDue: LocalDate | null; legalDue: LocalDate | null } {
  const next = dueAfter(h, [...h.held].filter((d) => d <= until).sort(), policy);
  const passed = (d: LocalDate | null | undefined) => (d && d <= until && d < today ? d : null);
  return { policyDue: passed(next?.due), legalDue: passed(next?.legalDue) };
}
