import type { TurnContext } from 'botbuilder';
import type { z } from 'zod';
import type { Clock } from '../../domain/clock';
import type { Logger } from '../../log';
import type { Store } from '../../store/store';
import type { CalendarLinks } from '../../app/meetings/calendarLinks';
import { localDateOf } from '../../domain/calendar';
import { cardActivity, CardJson, renderCard } from '../../cards/render';
import { TEXTS } from '../../i18n/texts';
import { localeFrom } from '../../i18n/locale';
import { Caller, conversationKindOf, identify } from '../identity';

export interface HandlerDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  devFallback: boolean;
  /** Signed links to a participant's .ics, when the deployment has a public URL. */
  calendarLinks?: CalendarLinks;
}

export type KnownCaller = Caller & { staff: NonNullable<Caller['staff']> };

export function today(deps: HandlerDeps, caller: Caller): string {
  return localDateOf(deps.clock.now(), caller.municipality.settings.timeZone);
}

export async function sendCard(context: TurnContext, card: CardJson, summary?: string): Promise<void> {
  await context.sendActivity(cardActivity(card, summary));
}

/** Replaces the card the user pressed, so no spent button can be pressed twice. */
export async function replaceCard(context: TurnContext, card: CardJson): Promise<void> {
  const id = context.activity.replyToId;
  if (!id) return sendCard(context, card);
  await context.updateActivity({ ...cardActivity(card), id });
}

/** "Fill in or correct" with the submission's bad fields, each by its card label when one is given. */
export function describeIssues(
  err: z.ZodError,
  locale: 'da' | 'en',
  label: (field: string) => string = (field) => field,
): string {
  const fields = [...new Set(err.issues.map((i) => String(i.path[0] ?? '')))].filter(Boolean).map(label);
  return locale === 'da'
    ? `Udfyld eller ret: ${fields.join(', ')}.`
    : `Fill in or correct: ${fields.join(', ')}.`;
}

/** A refusal is answered beside the card, which stays as it was and still usable. */
export async function refuse(
  context: TurnContext,
  caller: KnownCaller,
  reason: { da: string; en: string } | string,
): Promise<void> {
  const text = typeof reason === 'string' ? reason : reason[caller.locale];
  await sendCard(
    context,
    renderCard('notice', {
      title: TEXTS[caller.locale].errors.invalid,
      color: 'Attention',
      lines: [{ text }],
    }),
  );
}

async function unknownUser(deps: HandlerDeps, context: TurnContext, caller: Caller | null): Promise<void> {
  const locale = caller?.locale ?? localeFrom();
  const admins = caller ? await caller.tenant.staff.withRole('admin') : [];
  await sendCard(
    context,
    renderCard('unknown-user', {
      t: TEXTS[locale].unknownUser,
      contacts: admins.map((a) => `${a.name} (${a.email})`).join(', '),
    }),
  );
}

/**
 * Runs a handler for a known staff member; anyone else gets the polite "not set up" card.
 * `personalOnly` handlers show case data, which never goes to a channel or group chat.
 */
export function forStaff(
  deps: HandlerDeps,
  fn: (context: TurnContext, caller: KnownCaller) => Promise<void>,
  opts: { personalOnly?: boolean } = {},
) {
  return async (context: TurnContext): Promise<void> => {
    const caller = await identify(deps.store, context, { devFallback: deps.devFallback });
    if (!caller?.staff) return unknownUser(deps, context, caller);
    if (opts.personalOnly && conversationKindOf(context) !== 'personal') {
      await context.sendActivity(TEXTS[caller.locale].errors.personalOnly);
      return;
    }
    await fn(context, caller as KnownCaller);
  };
}
