/** What the meeting handlers share: the CPR check first, and a refusal shown on the card itself. */
import { cprField } from '../../app/meetings/common';
import { invalidInput, refuse, type Refusal } from '../../domain/result';
import type { ZodError } from 'zod';
import type { CardJson } from '../../cards/render';
import { alreadyDone, note, refusalText, refusedForm, type CardReply } from '../cardReply';
import type { KnownCaller } from './deps';

/** A CPR-looking value in any typed field is refused before every other rule, beside that field. */
export function cprRefusal(values: Record<string, unknown>): Refusal | null {
  const field = cprField(values);
  return field === null ? null : refuse('cpr', { field });
}

/** The schema's problems, each by the input it is about. */
export const invalid = (err: ZodError): Refusal => invalidInput(err);

/**
 * A refused meeting card: a spent one shows it is done; a form comes back with the user's values
 * and the reasons beside the fields; a card without the form (null) keeps its face and gets a note.
 */
export function refusedMeetingCard(
  caller: KnownCaller,
  values: Record<string, unknown>,
  r: Refusal,
  form: CardJson | null,
): CardReply {
  if (r.stale) return alreadyDone(caller.locale, null, r);
  if (!form) return note(refusalText(r, caller.locale));
  return refusedForm(form, values, r.problems, caller.locale);
}
