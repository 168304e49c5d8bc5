/**
 * The ids a card carries, checked by type where a card press arrives, before any handler, query or
 * log line sees them. Samspil issued every one of them when it built the card (cards/*.json put
 * them in an action's `data`), so a value of another shape is a tampered or foreign card: it is
 * refused as a whole, and only the name of the field is kept, never its value.
 */
import { z } from 'zod';
import { FORM_IDS } from '../../domain/questionnaires/form';

// An input holding an id (the meeting chosen in a list) may come back empty; its handler asks again.
const issued = z.union([z.string().uuid(), z.literal('')]);

const cardIds = z
  .object({
    caseId: issued.optional(),
    measureId: issued.optional(),
    meetingId: issued.optional(),
    teamId: issued.optional(),
    agreementId: issued.optional(),
    formId: z.enum(FORM_IDS).optional(),
    formVersion: z.union([z.number().int().positive(), z.string().regex(/^[1-9]\d{0,5}$/)]).optional(),
  })
  .passthrough();

export type CardIdCheck = { ok: true } | { ok: false; field: string };

/** Whether every id in a card's submitted data has the shape Samspil gave it; else the first bad field. */
export function checkCardIds(values: Record<string, unknown>): CardIdCheck {
  const res = cardIds.safeParse(values);
  if (res.success) return { ok: true };
  return { ok: false, field: String(res.error.issues[0]!.path[0] ?? '(data)') };
}
