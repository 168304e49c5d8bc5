import { z } from 'zod';
import { findCprPath, redactCpr } from '../domain/cpr';
import { findUnstorablePath } from '../domain/text';

/*
 * The Bot Framework activity fields Samspil reads or stores, with the types the Bot Framework
 * Activity schema gives them. Anything else passes through untouched: the schema is open, and Teams
 * adds fields over time.
 */
const text = (max: number) => z.string().max(max);
/** The channel's clock: ISO 8601 with a zone (Teams writes seven decimals). */
const instant = z.string().max(64).datetime({ offset: true });
const account = z
  .object({ id: text(512), name: text(512).optional(), aadObjectId: text(128).optional() })
  .passthrough();

const envelope = z
  .object({
    type: text(64),
    id: text(512).optional(),
    timestamp: instant.optional(),
    localTimestamp: instant.optional(),
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
 * botbuilder copies the envelope (ids, channel, locale, conversation) into every reply and into the
 * conversation reference Samspil stores for proactive sends. Display names and channelData are
 * people's free text, so a CPR number in one is replaced by "[CPR]"; in any other envelope field it
 * is no Teams value at all, and the request is refused. The message says which field, never its value.
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
  const unstorable = findUnstorablePath(body);
  if (unstorable)
    return { ok: false, problem: `The activity's "${unstorable}" holds a character that is not text.` };
  const a = body as Record<string, unknown> & z.infer<typeof envelope>;
  // What the user typed or submitted is judged by the handler it is for (and never stored as is).
  // The activity's own id and the id it replies to are numbered by the channel (the Agents Playground
  // uses plain digit strings, which can have a CPR number's shape), and its times were checked as
  // times above; no person writes them.
  const {
    text: _text,
    value: _value,
    attachments: _attachments,
    channelData,
    id: _id,
    replyToId: _replyToId,
    timestamp: _timestamp,
    localTimestamp: _localTimestamp,
    ...envelopeFields
  } = a;
  for (const holder of [envelopeFields.from, envelopeFields.recipient, envelopeFields.conversation])
    if (holder?.name !== undefined) holder.name = redactCpr(holder.name);
  const cpr = findCprPath(envelopeFields);
  if (cpr) return { ok: false, problem: `The activity's "${cpr}" looks like a CPR number and is refused.` };
  // Team, channel and event names in channelData are people's free text: redacted, not refused.
  if (channelData) redactStrings(channelData);
  return { ok: true };
}

/** Replaces, in place, every CPR number in the strings of an object tree. */
function redactStrings(node: Record<string, unknown> | unknown[]): void {
  for (const [k, v] of Object.entries(node)) {
    const set = (x: unknown) => ((node as Record<string, unknown>)[k] = x);
    if (typeof v === 'string') set(redactCpr(v));
    else if (v && typeof v === 'object') redactStrings(v as Record<string, unknown>);
  }
}
