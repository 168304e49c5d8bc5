import type { TurnContext } from 'botbuilder';
import type { Refusal } from '../../domain/result';
import { refusalText } from '../cardReply';
import type { Clock } from '../../domain/clock';
import type { Logger } from '../../log';
import type { Store } from '../../store/store';
import type { CalendarLinks } from '../../app/meetings/calendarLinks';
import type { ParentLinks } from '../../app/parentLinks';
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
  /** Signed links to the parents' questionnaire page, when the deployment has a public URL. */
  parentLinks?: ParentLinks;
}

export type KnownCaller = Caller & { staff: NonNullable<Caller['staff']> };

export function today(deps: HandlerDeps, caller: Caller): string {
  return localDateOf(deps.clock.now(), caller.municipality.settings.timeZone);
}

export async function sendCard(context: TurnContext, card: CardJson, summary?: string): Promise<void> {
  await context.sendActivity(cardActivity(card, summary));
}

/**
 * A typed command's refusal, as a short notice (a card button's refusal is its invoke response
 * instead: see cardReply.ts).
 */
export async function refuse(
  context: TurnContext,
  caller: KnownCaller,
  reason: string | Pick<Refusal, 'problems'>,
): Promise<void> {
  const text = typeof reason === 'string' ? reason : refusalText(reason, caller.locale);
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
