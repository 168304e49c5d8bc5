import { z } from 'zod';
import { openDeadlines } from '../../app/deadlines';
import {
  currentDeadline,
  earlierRegistration,
  postponeFollowUp,
  postponeInput,
  registerFollowUp,
  registerInput,
  snoozeInput,
  snoozeReminder,
} from '../../app/followUpActions';
import { invalidInput, type Refusal, type Result } from '../../domain/result';
import type { MeasureDeadline } from '../../app/deadlines';
import type { MunicipalityContext } from '../../app/municipalityContext';
import type { LocalDate } from '../../domain/localDate';
import { REMINDER_KINDS, type ReminderKind } from '../../domain/reminders';
import type { Store } from '../../store/store';
import type { StaffRow } from '../../store/types';
import { fill, TEXTS } from '../../i18n/texts';
import { formatDate } from '../../i18n/locale';
import { followUpListCard, reminderCard, resultCard } from '../../views/followUpCards';
import { deadlineLabel, statusOf } from '../../views/deadlineText';
import type { CardJson } from '../../cards/render';
import {
  alreadyDone,
  cardMessage,
  note,
  opened,
  refusalText,
  refusedForm,
  replace,
  type CardReply,
  type Message,
} from '../cardReply';
import { HandlerDeps, KnownCaller, today } from './deps';

async function followUpList(deps: HandlerDeps, caller: KnownCaller) {
  const day = today(deps, caller);
  const deadlines = await openDeadlines(caller.tenant, caller.municipality.policy, {
    adviserId: caller.staff.id,
    today: day,
  });
  return followUpListCard(deadlines, caller.locale, day);
}

export async function showFollowUps(deps: HandlerDeps, caller: KnownCaller): Promise<Message[]> {
  return [cardMessage(await followUpList(deps, caller), TEXTS[caller.locale].followUps.listTitle)];
}

/** "Mine opfølgninger" on the help card: the list below, the help card kept. */
export async function showFollowUpsFromCard(deps: HandlerDeps, caller: KnownCaller) {
  return opened(await followUpList(deps, caller), caller.locale, TEXTS[caller.locale].followUps.listTitle);
}

/** The adviser's name when the caller acts on someone else's deadline (a leader), else undefined. */
async function adviserNameFor(caller: KnownCaller, d: MeasureDeadline): Promise<string | undefined> {
  if (d.adviserId === caller.staff.id) return undefined;
  return (await caller.tenant.staff.get(d.adviserId))?.name ?? '–';
}

/**
 * A deadline's action card, built for the caller today; null when the deadline is gone or not the
 * caller's. `kind` is the reminder the card was (kept on a refusal), else the deadline's state today.
 */
async function deadlineCard(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardJson | null> {
  const day = today(deps, caller);
  const res = await currentDeadline(
    deps.store,
    caller.municipality,
    caller.staff,
    String(values.measureId),
    day,
  );
  if (!res.ok) return null;
  const d = res.value;
  const kind = (REMINDER_KINDS as readonly string[]).includes(String(values.reminderKind))
    ? (values.reminderKind as ReminderKind)
    : statusOf(d.due, day);
  return reminderCard({
    kind,
    deadline: d,
    municipality: caller.municipality,
    locale: caller.locale,
    today: day,
    adviserName: await adviserNameFor(caller, d),
  });
}

/**
 * "Registrér · Udskyd · Påmind" beside a deadline in the digest, `mine opfølgninger` or the case
 * card: the deadline's action card below, the pressed card kept.
 */
export async function openDeadline(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const card = await deadlineCard(deps, caller, { measureId: values.measureId });
  if (!card) return note(TEXTS[caller.locale].followUps.deadlineGone);
  return opened(card, caller.locale, TEXTS[caller.locale].followUps.register);
}

/** A second "Gem": the card shows the registration that spent it, marked as already done. */
async function firstResult(deps: HandlerDeps, caller: KnownCaller, values: Record<string, unknown>) {
  const e = await earlierRegistration(
    deps.store,
    caller.municipality,
    caller.staff,
    values.measureId,
    values.due,
  );
  if (!e) return null;
  const t = TEXTS[caller.locale];
  return resultCard(
    caller.locale,
    { caseRef: e.caseRef, caseId: e.caseId, measureLabel: t.measureTypes[e.measureType] },
    t.followUps.registeredTitle,
    [fill(t.followUps.registered, { date: formatDate(e.heldOn, caller.locale) })],
  );
}

async function refused(deps: HandlerDeps, caller: KnownCaller, values: Record<string, unknown>, r: Refusal) {
  if (r.stale) return alreadyDone(caller.locale, await firstResult(deps, caller, values), r);
  const card = await deadlineCard(deps, caller, values);
  if (!card) return note(refusalText(r, caller.locale));
  return refusedForm(card, values, r.problems, caller.locale);
}

/** What a follow-up card shows once its button has done its work. */
interface Outcome {
  title: string;
  lines: string[];
  color?: string;
}

/**
 * A button on a follow-up card: the submission is validated, the action runs with the server's role
 * checks, and the card is replaced in place by the outcome, or comes back with the reason beside
 * the field and every typed value kept.
 */
function cardAction<I, V extends { deadline: MeasureDeadline }>(
  schema: z.ZodType<I, z.ZodTypeDef, unknown>,
  act: (
    store: Store,
    m: MunicipalityContext,
    actor: StaffRow,
    input: I,
    today: LocalDate,
  ) => Promise<Result<V>>,
  outcome: (value: V, caller: KnownCaller, by: string) => Outcome,
) {
  return async (
    deps: HandlerDeps,
    caller: KnownCaller,
    values: Record<string, unknown>,
  ): Promise<CardReply> => {
    const parsed = schema.safeParse(values);
    if (!parsed.success) return refused(deps, caller, values, invalidInput(parsed.error));
    const res = await act(deps.store, caller.municipality, caller.staff, parsed.data, today(deps, caller));
    if (!res.ok) return refused(deps, caller, values, res);
    const d = res.value.deadline;
    const forName = await adviserNameFor(caller, d);
    const o = outcome(
      res.value,
      caller,
      fill(followUpTexts(caller).by, { name: caller.staff.name }) +
        (forName ? ` ${fill(followUpTexts(caller).registeredFor, { name: forName })}` : ''),
    );
    return replace(
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

const followUpTexts = (caller: KnownCaller) => TEXTS[caller.locale].followUps;

export const register = cardAction(registerInput, registerFollowUp, ({ heldOn, next }, caller, by) => {
  const t = TEXTS[caller.locale].followUps;
  return {
    title: t.registeredTitle,
    lines: [
      `${fill(t.registered, { date: formatDate(heldOn, caller.locale) })} ${by}`,
      next ? fill(t.nextDue, { date: formatDate(next.due, caller.locale) }) : t.noNext,
    ],
  };
});

export const postpone = cardAction(postponeInput, postponeFollowUp, ({ to, reason }, caller, by) => {
  const t = TEXTS[caller.locale].followUps;
  return {
    title: t.postponedTitle,
    lines: [`${fill(t.postponed, { date: formatDate(to, caller.locale) })} ${by}`, `${t.reason}: ${reason}`],
    color: 'Accent',
  };
});

/** Snoozing the reminder: the deadline stays, and the card says until when and that the leader still hears. */
export const snooze = cardAction(snoozeInput, snoozeReminder, ({ until, clamped, reason }, caller) => {
  const t = TEXTS[caller.locale].followUps;
  return {
    title: t.snoozedTitle,
    lines: [
      fill(t.snoozed, { date: formatDate(until, caller.locale) }),
      ...(clamped ? [t.snoozeClamped] : []),
      t.snoozeEscalation,
      `${t.reason}: ${reason}`,
    ],
    color: 'Accent',
  };
});
