import { deadlineSubject } from '../outbox/keys';
import { z } from 'zod';
import { postpone as postponeRule, validateCadence } from '../domain/followup';
import { snoozeSubject, snoozeUntil, SNOOZE_WORKING_DAYS, type SnoozeWorkingDays } from '../domain/snooze';
import { findCpr } from '../domain/cpr';
import { isLocalDate, LocalDate } from '../domain/localDate';
import type { MeasureRow, StaffRow } from '../store/types';
import type { Store, TenantStore } from '../store/store';
import { deadlineOfMeasure, MeasureDeadline } from './deadlines';
import type { MunicipalityContext } from './municipalityContext';
import { decodeCadence } from '../domain/cadence';
import { coded, ok, refuse, refuseAll, type Problem, type Result } from '../domain/result';
import { recordHeldFollowUp } from './heldFollowUp';

const date = z.string().refine(isLocalDate, coded('date', 'must be a date (YYYY-MM-DD)'));

/**
 * What identifies the deadline a card is about; the form's own fields are checked by the action, so
 * that every problem of a submission is named at once.
 */
export const registerInput = z.object({
  measureId: z.string().uuid(),
  due: date,
  // Empty: the person did not touch the date, which means the day of the press (a card may be
  // pressed days after it was sent, so it carries no fixed default).
  heldOn: z.string().optional().default(''),
  childConversation: z.string().optional().default(''),
  ladderStep: z.string().optional().default(''),
  cadence: z.string().optional(),
  cadenceReason: z.string().optional(),
});

export const snoozeInput = z.object({
  measureId: z.string().uuid(),
  due: date,
  kind: z.enum(['followup', 'investigation', 'early_help_end']),
  workingDays: z.coerce
    .number()
    .refine((n): n is SnoozeWorkingDays => (SNOOZE_WORKING_DAYS as readonly number[]).includes(n)),
  // Its own id: the postpone form on the same card has a `reason`, and a card's input ids must be unique.
  snoozeReason: z.string().optional().default(''),
});

export const postponeInput = z.object({
  measureId: z.string().uuid(),
  due: date,
  postponeTo: z.string().optional().default(''),
  reason: z.string().optional().default(''),
});

const TEXT_MAX = 500;

/** The problems of one free-text reason: empty, too long or a CPR number. */
function reasonProblems(text: string, field: string): Problem[] {
  if (text === '') return [{ code: 'required', field }];
  if (text.length > TEXT_MAX) return [{ code: 'tooLong', field }];
  if (findCpr(text)) return [{ code: 'cpr', field }];
  return [];
}

/**
 * The current deadline of a measure, for its adviser or the adviser's leader (who may act for an
 * absent adviser); a refusal for anyone else.
 */
export async function currentDeadline(
  store: Store,
  m: MunicipalityContext,
  actor: StaffRow,
  measureId: string,
  today: LocalDate,
): Promise<Result<MeasureDeadline>> {
  const t = store.tenant({ municipalityId: m.id, actor: `staff:${actor.email}` });
  const row = z.string().uuid().safeParse(measureId).success
    ? await t.measures.openOneWithHistory(measureId)
    : null;
  if (!row) return refuse('measureGone');
  // Roles are checked here, on the server: the card button is never the only guard.
  const mayAct =
    row.adviser_id === actor.id || (actor.roles.includes('leader') && row.leader_id === actor.id);
  if (!mayAct) return refuse('notYourCase');
  const d = deadlineOfMeasure(row, m.policy, today);
  if (!d) return refuse('nothingToRegister', { stale: true });
  return ok(d);
}

export interface Registered {
  deadline: MeasureDeadline;
  heldOn: LocalDate;
  next: MeasureDeadline | null;
  /** The adviser the actor acted for (a leader registering for an absent adviser), else null. */
  actingForId: string | null;
}

/** A leader acting on an adviser's deadline: the audit says for whom, beside the change itself. */
async function auditActingFor(
  t: TenantStore,
  actor: StaffRow,
  d: MeasureDeadline,
  action: string,
): Promise<string | null> {
  if (d.adviserId === actor.id) return null;
  await t.audit.write('act_for_adviser', 'measure', d.measureId, { action, adviserId: d.adviserId });
  return d.adviserId;
}

/**
 * Registers a held follow-up from a card. The next due date is computed from the registration date
 * (docs/domain-rules.md); the first registration records the cadence and its reason (Barnets Lov § 95
 * stk. 3). Every problem of the form is named at once, each beside its field.
 */
export async function registerFollowUp(
  store: Store,
  m: MunicipalityContext,
  actor: StaffRow,
  input: z.infer<typeof registerInput>,
  today: LocalDate,
): Promise<Result<Registered>> {
  const cur = await currentDeadline(store, m, actor, input.measureId, today);
  if (!cur.ok) return cur;
  const d = cur.value;
  if (d.due !== input.due || d.kind !== 'followup') {
    return refuse('followUpHandled', { stale: true });
  }
  const problems: Problem[] = [];
  const heldOn = input.heldOn === '' ? today : input.heldOn;
  if (!isLocalDate(heldOn)) problems.push({ code: 'date', field: 'heldOn' });
  else if (heldOn > today) problems.push({ code: 'futureDate', field: 'heldOn' });
  if (input.childConversation !== 'yes' && input.childConversation !== 'no')
    problems.push({ code: 'choose', field: 'childConversation' });
  let ladderStep: number | null = null;
  // "unchanged" is the card's first choice (a choice needs a value, so it cannot be empty).
  if (input.ladderStep && input.ladderStep !== 'unchanged') {
    ladderStep = Number(input.ladderStep);
    if (!m.ladder.steps.some((s) => s.step === ladderStep))
      problems.push({ code: 'unknownLadderStep', field: 'ladderStep' });
  }
  let cadence: { every: NonNullable<ReturnType<typeof decodeCadence>>; reason: string } | null = null;
  if (d.first) {
    const every = input.cadence ? decodeCadence(input.cadence) : null;
    const reason = (input.cadenceReason ?? '').trim();
    if (!every) problems.push({ code: 'cadenceMissing', field: 'cadence' });
    const textProblems = reasonProblems(reason, 'cadenceReason');
    problems.push(...textProblems);
    if (every && textProblems.length === 0) {
      const valid = validateCadence({ every, reason, decidedOn: heldOn }, d.measureType, m.policy.regime);
      if (!valid.ok) problems.push(...valid.problems.map((p) => ({ ...p, field: 'cadenceReason' })));
      else cadence = { every, reason };
    }
  }
  if (problems.length > 0) return refuseAll(problems);
  let actingForId: string | null = null;
  await store.inTransaction({ municipalityId: m.id, actor: `staff:${actor.email}` }, async (t) => {
    if (cadence) await t.measures.setCadence(d.measureId, { ...cadence, decidedOn: heldOn });
    await recordHeldFollowUp(
      t,
      m.policy,
      today,
      {
        measureId: d.measureId,
        heldOn,
        dueOn: d.due,
        childConversation: input.childConversation === 'yes',
      },
      d,
    );
    if (ladderStep !== null) await t.cases.setStep(d.caseId, ladderStep, heldOn);
    actingForId = await auditActingFor(t, actor, d, 'register');
  });
  const row = await store
    .tenant({ municipalityId: m.id, actor: 'system' })
    .measures.openOneWithHistory(d.measureId);
  return ok({ deadline: d, heldOn, next: row ? deadlineOfMeasure(row, m.policy, today) : null, actingForId });
}

/** Postpones the current follow-up: only with a reason, never past the legal date. */
export async function postponeFollowUp(
  store: Store,
  m: MunicipalityContext,
  actor: StaffRow,
  input: z.infer<typeof postponeInput>,
  today: LocalDate,
): Promise<Result<{ deadline: MeasureDeadline; to: LocalDate; reason: string; actingForId: string | null }>> {
  const cur = await currentDeadline(store, m, actor, input.measureId, today);
  if (!cur.ok) return cur;
  const d = cur.value;
  if (d.due !== input.due) return refuse('followUpHandled', { stale: true });
  if (d.kind !== 'followup') return refuse('onlyFollowUpsPostpone');
  const reason = input.reason.trim();
  const problems = reasonProblems(reason, 'reason');
  let to: LocalDate | null = null;
  if (!isLocalDate(input.postponeTo)) problems.unshift({ code: 'date', field: 'postponeTo' });
  else {
    const res = postponeRule({ due: d.due, legalDue: d.legalDue }, input.postponeTo, reason || '-');
    if (!res.ok) problems.unshift(...res.problems.map((p) => ({ ...p, field: 'postponeTo' })));
    else to = res.value.due;
  }
  if (problems.length > 0 || !to) return refuseAll(problems);
  const due = to;
  let actingForId: string | null = null;
  await store.inTransaction({ municipalityId: m.id, actor: `staff:${actor.email}` }, async (t) => {
    await t.measures.setPostponement(d.measureId, due, reason);
    await t.outbox.cancel(deadlineSubject(d));
    actingForId = await auditActingFor(t, actor, d, 'postpone');
  });
  return ok({ deadline: d, to: due, reason, actingForId });
}

/**
 * Snoozes the adviser's reminders about the current deadline for a few working days, with a reason.
 * The deadline itself does not move, the leader's escalation still comes, and a deadline not yet due
 * is still reminded on its due day.
 */
export async function snoozeReminder(
  store: Store,
  m: MunicipalityContext,
  actor: StaffRow,
  input: z.infer<typeof snoozeInput>,
  today: LocalDate,
): Promise<Result<{ deadline: MeasureDeadline; until: LocalDate; clamped: boolean; reason: string }>> {
  const cur = await currentDeadline(store, m, actor, input.measureId, today);
  if (!cur.ok) return cur;
  const d = cur.value;
  if (d.due !== input.due || d.kind !== input.kind) return refuse('deadlineHandled', { stale: true });
  // Snoozing silences one's own reminders; a leader has no reminder to snooze, only the escalation.
  if (d.adviserId !== actor.id) return refuse('onlyAdviserSnoozes');
  const reason = input.snoozeReason.trim();
  const problems = reasonProblems(reason, 'snoozeReason');
  if (problems.length > 0) return refuseAll(problems);
  const { until, clamped } = snoozeUntil(today, input.workingDays, d.due);
  const subject = snoozeSubject(d);
  await store.inTransaction({ municipalityId: m.id, actor: `staff:${actor.email}` }, async (t) => {
    await t.snoozes.snooze(actor.id, subject, until, reason);
    // Today's reminders already planned for the adviser are not sent either.
    await t.outbox.cancel(deadlineSubject(d), actor.id);
  });
  return ok({ deadline: d, until, clamped, reason });
}

export interface EarlierRegistration {
  caseRef: string;
  caseId: string;
  measureType: MeasureRow['measure_type'];
  heldOn: LocalDate;
}

/**
 * The registration that spent a follow-up card (a second press of "Gem"), so the card can show
 * that first result: only to the case's adviser or the adviser's leader, as every action here.
 */
export async function earlierRegistration(
  store: Store,
  m: MunicipalityContext,
  actor: StaffRow,
  measureId: unknown,
  due: unknown,
): Promise<EarlierRegistration | null> {
  if (typeof measureId !== 'string' || typeof due !== 'string' || !isLocalDate(due)) return null;
  const t = store.tenant({ municipalityId: m.id, actor: `staff:${actor.email}` });
  const measure = z.string().uuid().safeParse(measureId).success ? await t.measures.get(measureId) : null;
  const c = measure ? await t.cases.get(measure.case_id) : null;
  if (!measure || !c) return null;
  const adviser = c.adviser_id ? await t.staff.get(c.adviser_id) : null;
  const mayAct =
    c.adviser_id === actor.id || (actor.roles.includes('leader') && adviser?.leader_id === actor.id);
  if (!mayAct) return null;
  const held = (await t.measures.followUps(measure.id)).find((f) => f.due_on === due);
  return held
    ? { caseRef: c.case_ref, caseId: c.id, measureType: measure.measure_type, heldOn: held.held_on }
    : null;
}
