import type { FollowUpPolicy } from '../domain/policy';
import type { LocalDate } from '../domain/localDate';
import { deadlineSubject } from '../outbox/keys';
import type { FollowUpInput } from '../store/measuresRepo';
import type { TenantStore } from '../store/store';
import type { Upserted } from '../store/types';
import { deadlineOfMeasure, type MeasureDeadline } from './deadlines';

async function currentDeadline(t: TenantStore, policy: FollowUpPolicy, measureId: string, today: LocalDate) {
  const row = await t.measures.openOneWithHistory(measureId);
  return row ? deadlineOfMeasure(row, policy, today) : null;
}

/**
 * The one way a held follow-up is recorded, whether an adviser registers it from a card, an admin
 * imports it or the case system pushes it: the follow-up is stored and, when it moves the measure's
 * deadline, the reminders still waiting in the outbox about the deadline it met are cancelled. A
 * historic follow-up older than the latest one moves nothing, so nothing is cancelled.
 *
 * `meets` is the deadline the caller knows it meets (the card shows one); without it the deadline is
 * read before and after.
 */
export async function recordHeldFollowUp(
  t: TenantStore,
  policy: FollowUpPolicy,
  today: LocalDate,
  input: FollowUpInput,
  meets?: MeasureDeadline,
): Promise<Upserted> {
  const before = meets ?? (await currentDeadline(t, policy, input.measureId, today));
  const res = await t.measures.addFollowUp(input);
  if (!before || before.kind !== 'followup') return res;
  const after = meets ? null : await currentDeadline(t, policy, input.measureId, today);
  if (after?.kind !== before.kind || after.due !== before.due) await t.outbox.cancel(deadlineSubject(before));
  return res;
}
