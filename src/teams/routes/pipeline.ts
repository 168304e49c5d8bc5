/**
 * The one caller pipeline: a typed command and a pressed card button pass the same steps. Who is
 * calling is resolved once (identity.ts); someone Samspil does not know, or a personal-only route
 * used in a channel, is answered here; a handler gets the caller and returns its reply, which only
 * this file and execute.ts turn into Teams activities.
 */
import type { TurnContext } from 'botbuilder';
import { cardActivity, renderCard } from '../../cards/render';
import { localeFrom } from '../../i18n/locale';
import { TEXTS } from '../../i18n/texts';
import type { Message } from '../cardReply';
import type { HandlerDeps, KnownCaller } from '../handlers/deps';
import { identify, type Caller } from '../identity';

/** Where a route may be used: personal chat only (case data, answers, settings) or any conversation. */
export type Scope = 'personal' | 'anywhere';

export type Admission =
  | { ok: true; caller: KnownCaller }
  | { ok: false; why: 'unknown'; caller: Caller | null }
  | { ok: false; why: 'personalOnly'; caller: KnownCaller };

/** Who is calling, and whether this route serves them here. */
export async function admit(deps: HandlerDeps, context: TurnContext, scope: Scope): Promise<Admission> {
  const caller = await identify(deps.store, context, { devFallback: deps.devFallback });
  if (!caller?.staff) return { ok: false, why: 'unknown', caller };
  const known = caller as KnownCaller;
  if (scope === 'personal' && known.conversation.kind !== 'personal') {
    return { ok: false, why: 'personalOnly', caller: known };
  }
  return { ok: true, caller: known };
}

export async function sendMessages(context: TurnContext, messages: readonly Message[]): Promise<void> {
  for (const m of messages) {
    await context.sendActivity('text' in m ? m.text : cardActivity(m.card, m.summary));
  }
}

/** The polite "not set up" card for someone Samspil does not know, naming whom to ask. */
export async function unknownUserMessage(caller: Caller | null): Promise<Message> {
  const locale = caller?.locale ?? localeFrom();
  const admins = caller ? await caller.tenant.staff.withRole('admin') : [];
  return {
    card: renderCard('unknown-user', {
      t: TEXTS[locale].unknownUser,
      contacts: admins.map((a) => `${a.name} (${a.email})`).join(', '),
    }),
  };
}
