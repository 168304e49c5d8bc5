import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { openDeadlines } from '../../app/deadlines';
import {
  postponeFollowUp,
  postponeInput,
  registerFollowUp,
  registerInput,
  snoozeInput,
  snoozeReminder,
  type ActionResult,
  type Bilingual,
} from '../../app/followUpActions';
import type { MeasureDeadline } from '../../app/deadlines';
import type { MunicipalityContext } from '../../app/municipalityContext';
import type { LocalDate } from '../../domain/localDate';
import type { Store } from '../../store/store';
import type { StaffRow } from '../../store/types';
import { renderCard } from '../../cards/render';
import { fill, TEXTS } from '../../i18n/texts';
import { formatDate } from '../../i18n/locale';
import { followUpListCard, resultCard } from '../../views/followUpCards';
import { deadlineLabel } from '../../views/deadlineText';
import { describeIssues, HandlerDeps, KnownCaller, refuse, replaceCard, sendCard, today } from './deps';

export async function showFollowUps(
  deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
): Promise<void> {
  const day = today(deps, caller);
  const deadlines = await openDeadlines(caller.tenant, caller.municipality.policy, {
    adviserId: caller.staff.id,
    today: day,
  });
  await sendCard(
    context,
    followUpListCard(deadlines, caller.locale, day),
    TEXTS[caller.locale].followUps.listTitle,
  );
}

/** A spent card is replaced by "already handled"; any other failure is answered and the card kept. */
async function answerFailure(
  context: TurnContext,
  caller: KnownCaller,
  res: { reason: Bilingual; stale?: boolean },
): Promise<void> {
  if (!res.stale) return refuse(context, caller, res.reason);
  const title = TEXTS[caller.locale].followUps.alreadyHandled;
  await replaceCard(context, renderCard('notice', { title, color: 'Default', lines: [] }));
}

/** What a follow-up card shows once its button has done its work. */
interface Outcome {
  title: string;
  lines: string[];
  color?: string;
}

/**
 * A button on a follow-up card: the submission is validated, the action runs with the server's role
 * checks, and the card is replaced in place by the outcome, or the reason is answered beside it.
 */
function cardAction<I, V extends { deadline: MeasureDeadline }>(
  schema: z.ZodType<I, z.ZodTypeDef, unknown>,
  act: (
    store: Store,
    m: MunicipalityContext,
    actor: StaffRow,
    input: I,
    today: LocalDate,
  ) => Promise<ActionResult<V>>,
  outcome: (value: V, caller: KnownCaller) => Outcome,
) {
  return async (
    deps: HandlerDeps,
    context: TurnContext,
    caller: KnownCaller,
    data: unknown,
  ): Promise<void> => {
    const parsed = schema.safeParse(data);
    if (!parsed.success) return refuse(context, caller, describeIssues(parsed.error, caller.locale));
    const res = await act(deps.store, caller.municipality, caller.staff, parsed.data, today(deps, caller));
    if (!res.ok) return answerFailure(context, caller, res);
    const o = outcome(res.value, caller);
    const d = res.value.deadline;
    await replaceCard(
      context,
      resultCard(
        caller.locale,
        { ...d, measureLabel: deadlineLabel(d, caller.locale) },
        o.title,
        o.lines,
        o.color,
      ),
    );
  };
}

export const register = cardAction(registerInput, registerFollowUp, ({ heldOn, next }, caller) => {
  const t = TEXTS[caller.locale].followUps;
  return {
    title: t.register,
    lines: [
      `${fill(t.registered, { date: formatDate(heldOn, caller.locale) })} ${fill(t.by, { name: caller.staff.name })}`,
      next ? fill(t.nextDue, { date: formatDate(next.due, caller.locale) }) : t.noNext,
    ],
  };
});

export const postpone = cardAction(postponeInput, postponeFollowUp, ({ to, reason }, caller) => {
  const t = TEXTS[caller.locale].followUps;
  return {
    title: t.postpone,
    lines: [fill(t.postponed, { date: formatDate(to, caller.locale) }), `${t.reason}: ${reason}`],
    color: 'Warning',
  };
});

/** Snoozing the reminder: the deadline stays, and the card says until when and that the leader still hears. */
export const snooze = cardAction(snoozeInput, snoozeReminder, ({ until, clamped, reason }, caller) => {
  const t = TEXTS[caller.locale].followUps;
  return {
    title: t.snooze,
    lines: [
      fill(t.snoozed, { date: formatDate(until, caller.locale) }),
      ...(clamped ? [t.snoozeClamped] : []),
      t.snoozeEscalation,
      `${t.reason}: ${reason}`,
    ],
    color: 'Accent',
  };
});
