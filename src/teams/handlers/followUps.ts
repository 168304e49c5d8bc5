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
  Bilingual,
} from '../../app/followUpActions';
import { renderCard } from '../../cards/render';
import { fill, TEXTS } from '../../i18n/texts';
import { formatDate } from '../../i18n/locale';
import { followUpListCard, resultCard } from '../views/followUpCards';
import { deadlineLabel } from '../views/deadlineText';
import { HandlerDeps, KnownCaller, refuse, replaceCard, sendCard, today } from './deps';

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

function describeIssues(err: z.ZodError, locale: 'da' | 'en'): string {
  const fields = [...new Set(err.issues.map((i) => String(i.path[0] ?? '')))].filter(Boolean);
  return locale === 'da'
    ? `Udfyld eller ret: ${fields.join(', ')}.`
    : `Fill in or correct: ${fields.join(', ')}.`;
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

export async function register(
  deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
  data: unknown,
): Promise<void> {
  const parsed = registerInput.safeParse(data);
  if (!parsed.success) return refuse(context, caller, describeIssues(parsed.error, caller.locale));
  const day = today(deps, caller);
  const res = await registerFollowUp(deps.store, caller.municipality, caller.staff, parsed.data, day);
  const t = TEXTS[caller.locale].followUps;
  if (!res.ok) return answerFailure(context, caller, res);
  const { deadline, heldOn, next } = res.value;
  const lines = [
    fill(t.registered, { date: formatDate(heldOn, caller.locale) }) +
      ` ${fill(t.by, { name: caller.staff.name })}`,
    next ? fill(t.nextDue, { date: formatDate(next.due, caller.locale) }) : t.noNext,
  ];
  await replaceCard(
    context,
    resultCard(
      caller.locale,
      { ...deadline, measureLabel: deadlineLabel(deadline, caller.locale) },
      t.register,
      lines,
    ),
  );
}

export async function postpone(
  deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
  data: unknown,
): Promise<void> {
  const parsed = postponeInput.safeParse(data);
  if (!parsed.success) return refuse(context, caller, describeIssues(parsed.error, caller.locale));
  const res = await postponeFollowUp(
    deps.store,
    caller.municipality,
    caller.staff,
    parsed.data,
    today(deps, caller),
  );
  const t = TEXTS[caller.locale].followUps;
  if (!res.ok) return answerFailure(context, caller, res);
  const { deadline, to, reason } = res.value;
  await replaceCard(
    context,
    resultCard(
      caller.locale,
      { ...deadline, measureLabel: deadlineLabel(deadline, caller.locale) },
      t.postpone,
      [fill(t.postponed, { date: formatDate(to, caller.locale) }), `${t.reason}: ${reason}`],
      'Warning',
    ),
  );
}

export async function snooze(
  deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
  data: unknown,
): Promise<void> {
  const parsed = snoozeInput.safeParse(data);
  if (!parsed.success) return refuse(context, caller, describeIssues(parsed.error, caller.locale));
  const res = await snoozeReminder(
    deps.store,
    caller.municipality,
    caller.staff,
    parsed.data,
    today(deps, caller),
  );
  const t = TEXTS[caller.locale].followUps;
  if (!res.ok) return answerFailure(context, caller, res);
  const { deadline, until, clamped, reason } = res.value;
  await replaceCard(
    context,
    resultCard(
      caller.locale,
      { ...deadline, measureLabel: deadlineLabel(deadline, caller.locale) },
      t.snooze,
      [
        fill(t.snoozed, { date: formatDate(until, caller.locale) }),
        ...(clamped ? [t.snoozeClamped] : []),
        t.snoozeEscalation,
        `${t.reason}: ${reason}`,
      ],
      'Accent',
    ),
  );
}
