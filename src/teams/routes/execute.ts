/**
 * Card buttons (`Action.Execute`, invoke `adaptiveCard/action`): each verb of the table runs its
 * handler and answers within the invoke, so the card changes in place (docs/teams-app.md, platform facts: invokes time out
 * after about 10 s, so handlers answer at once and leave slow work to the outbox). A failing handler
 * answers a short note on the card, never an HTTP error and never a lost form.
 */
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { valuesOf } from '../../cards/formAnswers';
import { localeFrom } from '../../i18n/locale';
import { TEXTS } from '../../i18n/texts';
import { cardActivity, type CardJson } from '../../cards/render';
import type { HandlerDeps } from '../handlers/deps';
import { CARD_VERBS, type CardVerb, type CardVerbRoute } from './cardVerbs';
import { checkCardIds } from './cardData';
import { admit } from './pipeline';
import { replyWithinTurn, TURN_REPLY_WINDOW_MS } from '../turnReply';

async function execute(
  deps: HandlerDeps,
  verb: CardVerb,
  route: CardVerbRoute,
  context: TurnContext,
  data: unknown,
): Promise<CardJson | string> {
  let locale = localeFrom();
  const values = valuesOf(data);
  // Wall time, not the domain clock: Teams gives an invoke a real number of seconds to answer.
  const deadline = Date.now() + TURN_REPLY_WINDOW_MS;
  try {
    const admission = await admit(deps, context, route.scope);
    if (!admission.ok && admission.why === 'unknown') {
      const t = TEXTS[admission.caller?.locale ?? locale].unknownUser;
      return `${t.title}. ${t.body}`;
    }
    locale = admission.caller!.locale;
    if (!admission.ok) return TEXTS[locale].errors.personalOnly;
    const ids = checkCardIds(values);
    if (!ids.ok) {
      // Not a card Samspil built (or one altered): refused before a handler, a query or a log reads the value.
      deps.log.warn({ verb, field: ids.field }, 'card with an id of the wrong type refused');
      return TEXTS[locale].errors.oldCard;
    }
    const reply = await route.run(deps, admission.caller, values);
    for (const s of reply.send ?? [])
      if (!(await replyWithinTurn(context, cardActivity(s.card, s.summary), deadline)))
        return TEXTS[locale].cards.notShownBusy;
    return reply.kind === 'replace' ? reply.card : reply.text;
  } catch (err) {
    deps.log.error({ err, verb }, 'card action failed');
    return TEXTS[locale].errors.generic;
  }
}

/** Registers every verb of the table as an `Action.Execute` route. */
export function registerCardVerbs(app: Application<TurnState>, deps: HandlerDeps): void {
  for (const verb of Object.keys(CARD_VERBS) as CardVerb[]) {
    const route: CardVerbRoute = CARD_VERBS[verb];
    app.adaptiveCards.actionExecute(verb, (context, _state, data) =>
      execute(deps, verb, route, context, data),
    );
  }
}
