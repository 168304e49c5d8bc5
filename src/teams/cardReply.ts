/**
 * What a card action answers (docs/cards.md). Every card button is an `Action.Execute`, so the
 * answer is the invoke response: the pressed card is replaced in place (`replace`), or it stays as
 * it is with a short note beside it (`note`). Cards that open something new (a case, a form) are
 * sent below with `send`; nothing about the pressed card ever arrives as a separate message.
 */
import type { CardJson } from '../cards/render';
import { withAnswers } from '../cards/formAnswers';
import type { Problem, Refusal } from '../domain/result';
import { problemText, refusalText } from '../i18n/problems';
import type { Locale } from '../i18n/locale';
import { TEXTS } from '../i18n/texts';
import { renderCard } from '../cards/render';

export interface OutgoingCard {
  card: CardJson;
  summary?: string;
}

export type CardReply =
  | { kind: 'replace'; card: CardJson; send?: OutgoingCard[] }
  | { kind: 'note'; text: string; send?: OutgoingCard[] };

export const replace = (card: CardJson): CardReply => ({ kind: 'replace', card });
export const note = (text: string): CardReply => ({ kind: 'note', text });

/** A new card below the pressed one, which stays as it was (e.g. "open case" on a reminder). */
export function opened(card: CardJson, locale: Locale, summary?: string): CardReply {
  return { kind: 'note', text: TEXTS[locale].cards.openedBelow, send: [{ card, summary }] };
}

export { refusalText };

/**
 * What a typed command answers: messages in the conversation, in order. A command has no card to
 * replace, so a refusal is a short notice card (`refusalNotice`).
 */
export type Message = { card: CardJson; summary?: string } | { text: string };

export const cardMessage = (card: CardJson, summary?: string): Message => ({ card, summary });
export const textMessage = (text: string): Message => ({ text });

/** A typed command's refusal, as a short notice (a card button's refusal is its invoke response instead). */
export function refusalNotice(reason: string | Pick<Refusal, 'problems'>, locale: Locale): Message {
  const text = typeof reason === 'string' ? reason : refusalText(reason, locale);
  return cardMessage(
    renderCard('notice', { title: TEXTS[locale].errors.invalid, color: 'Attention', lines: [{ text }] }),
  );
}

/** A card action's answer, sent as messages when a command runs it (there is no pressed card). */
export function asMessages(reply: CardReply): Message[] {
  if (reply.send?.length) return reply.send.map((s) => cardMessage(s.card, s.summary));
  return reply.kind === 'note' ? [textMessage(reply.text)] : [cardMessage(reply.card)];
}

/**
 * A refused form: the same card with the user's values and each problem beside its input.
 * `rebuilt` is the form as the bot would send it again.
 */
export function refusedForm(
  rebuilt: CardJson,
  values: Record<string, unknown>,
  problems: readonly Problem[],
  locale: Locale,
): CardReply {
  const lines = problems.map((p) => ({ field: p.field, text: problemText(p, locale) }));
  return replace(
    withAnswers(rebuilt, values, lines, TEXTS[locale].cards.notSaved, TEXTS[locale].cards.cprCleared),
  );
}

/**
 * A spent card (pressed twice, or out of date) shows its first result, marked as already done;
 * with no result to show, the reason why it is spent.
 */
export function alreadyDone(
  locale: Locale,
  firstResult: CardJson | null,
  r?: Pick<Refusal, 'problems'>,
): CardReply {
  const title = TEXTS[locale].cards.alreadyDone;
  if (firstResult) {
    const body = (firstResult.body as unknown[] | undefined) ?? [];
    const mark = { type: 'TextBlock', text: title, weight: 'Bolder', color: 'Accent', wrap: true };
    return replace({ ...firstResult, body: [mark, ...body] });
  }
  return replace(
    renderCard('notice', { title, color: 'Accent', lines: r ? [{ text: refusalText(r, locale) }] : [] }),
  );
}
