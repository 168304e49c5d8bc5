import { z } from 'zod';
import { findCpr, redactCpr } from '../domain/cpr';

/*
 * The Bot Framework activity fields Samspil reads or stores, with the types the Bot Framework
 * Activity schema gives them. Anything else passes through untouched: the schema is open, and Teams
 * adds fields over time.
 */
const text = (max: number) => z.string().max(max);
const account = z
  .object({ id: text(512), name: text(512).optional(), aadObjectId: text(128).optional() })
  .passthrough();

const envelope = z
  .object({
    type: text(64),
    id: text(512).optional(),
    serviceUrl: text(2048).optional(),
    channelId: text(64).optional(),
    locale: text(32).optional(),
    text: text(28_000).optional(),
    from: account.optional(),
    recipient: account.optional(),
    conversation: z
      .object({
        id: text(1024),
        name: text(512).optional(),
        conversationType: text(64).optional(),
        tenantId: text(128).optional(),
      })
      .passthrough()
      .optional(),
    channelData: z.record(z.unknown()).optional(),
    replyToId: text(512).optional(),
    name: text(256).optional(),
  })
  .passthrough();

export type EnvelopeCheck = { ok: true } | { ok: false; problem: string };

/**
 * Checks the envelope of an incoming activity and makes the parts Samspil stores safe, in place.
 * Display names are people's and Teams' free text, so a CPR number in one is replaced by "[CPR]"
 * before anything stores the conversation reference or the staff link; an id holding one is no
 * Teams id at all, and the request is refused. The message says which field, never its value.
 */
export function checkEnvelope(body: unknown): EnvelopeCheck {
  const res = envelope.safeParse(body);
  if (!res.success) {
    const issue = res.error.issues[0]!;
    return {
      ok: false,
      problem: `The activity's "${issue.path.join('.') || '(body)'}" is not valid (${issue.message}).`,
    };
  }
  const a = body as z.infer<typeof envelope>;
  const ids: [string, string | undefined][] = [
    ['from.id', a.from?.id],
    ['from.aadObjectId', a.from?.aadObjectId],
    ['recipient.id', a.recipient?.id],
    ['conversation.id', a.conversation?.id],
    ['conversation.tenantId', a.conversation?.tenantId],
  ];
  for (const [field, value] of ids)
    if (value !== undefined && findCpr(value) !== null)
      return { ok: false, problem: `The activity's "${field}" looks like a CPR number and is refused.` };
  for (const holder of [a.from, a.recipient, a.conversation])
    if (holder?.name !== undefined) holder.name = redactCpr(holder.name);
  return { ok: true };
}
