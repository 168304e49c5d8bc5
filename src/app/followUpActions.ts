import { deadlineSubject } from '../outbox/keys';
import { z } from 'zod';
import { postpone as postponeRule, validateCadence } from '../domain/followup';
import { snoozeSubject, snoozeUntil, SNOOZE_WORKING_DAYS, type SnoozeWorkingDays } from '../domain/snooze';
import { findCpr } from '../domain/cpr';
import { isLocalDate, LocalDate } from '../domain/localDate';
import type { MeasureRow, StaffRow } from '../store/types';
import type { Store } from '../store/store';
import { deadlineOfMeasure, MeasureDeadline } from './deadlines';
import type { MunicipalityContext } from './municipalityContext';
import { decodeCadence } from '../domain/cadence';
import { coded, ok, onField, refuse, type Result } from '../domain/result';
import { recordHeldFollowUp } from './heldFollowUp';

const date = z.string().refine(isLocalDate, coded('date', 'must be a date (YYYY-MM-DD)'));

export const registerInput = z.object({
  measureId: z.string().uuid(),
  due: date,
  heldOn: date,
  childConversation: z.enum(['yes', 'no']),
  ladderStep: z.string().optional().default(''),
  cadence: z.string().optional(),
  cadenceReason: z.string().max(500).optional(),
});

export const snoozeInput = z.object({
  measureId: z.string().uuid(),
  due: date,
  kind: z.enum(['followup', 'investigation', 'early_help_end']),
  workingDays: z.coerce
    .number()
    .refine((n): n is SnoozeWorkingDays => (SNOOZE_WORKING_DAYS as readonly number[]).includes(n)),
  // Its own id: the postpone form on the same card has a `reason`, and a card's input ids must be unique.
  snoozeReason: z.string().max(500),
});

export const postponeInput = z.object({
  measureId: z.string().uuid(),
  due: date,
  postponeTo: date,
  reason: z.string().max(500),
});

async function currentDeadline(
  store: Store,
  m: MunicipalityContext,
  actor: StaffRow,
  measureId: string,
  today: LocalDate,
): Promise<Result<MeasureDeadline>> {
  const t = store.tenant({ municipalityId: m.id, actor: `staff:${actor.email}` });
  const rows = await t.measures.openWithHistory();
  const row = rows.find((r) => r.id === measureId);
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
}

/**
 * Registers a held follow-up from a card. The next due date is computed from the registration date
 * (docs/domain-rules.md); the first registration records the cadence and its reason (Barnets Lov § 95 stk. 3).
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
  if (d.due !== input.due || d.kind !== 'followup') return refuse('followUpHandled', { stale: true });
  if (input.heldOn > today) return refuse('futureDate', { field: 'heldOn' });
  let ladderStep: number | null = null;
  // "unchanged" is the card's first choice (a choice needs a value, so it cannot be empty).
  if (input.ladderStep && input.ladderStep !== 'unchanged') {
    ladderStep = Number(input.ladderStep);
    if (!m.ladder.steps.some((s) => s.step === ladderStep))
      return refuse('unknownLadderStep', { field: 'ladderStep' });
  }
  let cadence: { every: NonNullable<ReturnType<typeof decodeCadence>>; reason: string } | null = null;
  if (d.first) {
    const every = input.cadence ? decodeCadence(input.cadence) : null;
    const reason = (input.cadenceReason ?? '').trim();
    if (!every) return refuse('cadenceMissing', { field: 'cadence' });
    if (findCpr(reason)) return refuse('cpr', { field: 'cadenceReason' });
    const valid = validateCadence({ every, reason, decidedOn: input.heldOn }, d.measureType, m.policy.regime);
    if (!valid.ok) return onField(valid, 'cadenceReason');
    cadence = { every, reason };
  }
  await store.inTransaction({ municipalityId: m.id, actor: `staff:${actor.email}` }, async (t) => {
    if (cadence) await t.measures.setCadence(d.measureId, { ...cadence, decidedOn: input.heldOn });
    await recordHeldFollowUp(
      t,
      m.policy,
      today,
      {
        measureId: d.measureId,
        heldOn: input.heldOn,
        dueOn: d.due,
        childConversation: input.childConversation === 'yes',
      },
      d,
    );
    if (ladderStep !== null) await t.cases.setStep(d.caseId, ladderStep, input.heldOn);
  });
  const after = await store
    .tenant({ municipalityId: m.id, actor: 'system' })
    .measures.openWithHistory(d.adviserId);
  const row = after.find((r) => r.id === d.measureId);
  return ok({
    deadline: d,
    heldOn: input.heldOn,
    next: row ? deadlineOfMeasure(row, m.policy, today) : null,
  });
}

/** Postpones the current follow-up: only with a reason, never past the legal date. */
export async function postponeFollowUp(
  store: Store,
  m: MunicipalityContext,
  actor: StaffRow,
  input: z.infer<typeof postponeInput>,
  today: LocalDate,
): Promise<Result<{ deadline: MeasureDeadline; to: LocalDate; reason: string }>> {
  const cur = await currentDeadline(store, m, actor, input.measureId, today);
  if (!cur.ok) return cur;
  const d = cur.value;
  if (d.due !== input.due) return refuse('followUpHandled', { stale: true });
  if (d.kind !== 'followup') return refuse('onlyFollowUpsPostpone');
  const reason = input.reason.trim();
  if (findCpr(reason)) return refuse('cpr', { field: 'reason' });
  const res = postponeRule({ due: d.due, legalDue: d.legalDue }, input.postponeTo, reason);
  if (!res.ok) return onField(res, reason === '' ? 'reason' : 'postponeTo');
  const to = res.value.due;
  await store.inTransaction({ municipalityId: m.id, actor: `staff:${actor.email}` }, async (t) => {
    await t.measures.setPostponement(d.measureId, to, reason);
    await t.outbox.cancel(deadlineSubject(d));
  });
  return ok({ deadline: d, to, reason });
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
  const reason = input.snoozeReason.trim();
  if (!reason) return refuse('snoozeReasonMissing', { field: 'snoozeReason' });
  if (findCpr(reason)) return refuse('cpr', { field: 'snoozeReason' });
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
