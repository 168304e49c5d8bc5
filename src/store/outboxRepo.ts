import { randomUUID } from 'node:crypto';
import { SqlExecutor } from './engine';
import { TenantContext } from './types';
import type { ConversationRefRow } from './conversationsRepo';
import type { OutboxKey } from '../outbox/keys';

/**
 * pending → sending → sent, with the detours of docs/outbox.md "States": back to pending (retry,
 * outside working hours), parked (gave up, with a reason), waiting (no conversation with the
 * recipient yet), superseded (a newer version of the subject), expired, cancelled.
 */
export type OutboxStatus =
  'pending' | 'sending' | 'sent' | 'parked' | 'cancelled' | 'waiting' | 'superseded' | 'expired';

export const OUTBOX_STATUSES: readonly OutboxStatus[] = [
  'pending',
  'sending',
  'sent',
  'parked',
  'cancelled',
  'waiting',
  'superseded',
  'expired',
];

/** The one shape of what the outbox carries: an activity, or a replacement of an earlier card. */
export interface OutboxPayload {
  activity: Record<string, unknown>;
  /** Set when the message replaces an earlier card in place (updateActivity reuses its id). */
  replaceActivityId?: string | null;
  /**
   * Also replace, when it is sent, every earlier card of these kinds about the same subject to the
   * same recipient that was delivered by then: a card still on the wire when the newer version was
   * planned is found at send time, not at planning time (docs/outbox.md "Keys").
   */
  replaceEarlier?: { kinds: readonly string[] };
}

export interface OutboxMessage {
  id: number;
  municipality_id: string;
  dedupe_key: string;
  subject: string;
  version: number;
  kind: string;
  recipient_staff_id: string | null;
  conversation_id: string | null;
  payload: OutboxPayload;
  not_before: Date;
  expires_at: Date | null;
  status: OutboxStatus;
  attempts: number;
  lease_owner: string | null;
  lease_token: string | null;
  lease_until: Date | null;
  last_error: string | null;
  sent_at: Date | null;
  activity_id: string | null;
}

export interface NewOutboxMessage {
  key: OutboxKey;
  kind: string;
  recipientStaffId: string | null;
  conversationId?: string | null;
  payload: OutboxPayload;
  notBefore: Date;
  /** After this the message is no longer worth sending (it is dropped as expired, not sent late). */
  expiresAt?: Date | null;
}

/** The same subject to the same recipient (a person, or a channel). */
const SAME_RECIPIENT = `n.recipient_staff_id IS NOT DISTINCT FROM o.recipient_staff_id
  AND n.conversation_id IS NOT DISTINCT FROM o.conversation_id`;
const LIVE = `('pending', 'sending', 'sent', 'waiting', 'parked')`;

/** Planning side of the outbox: scoped to one municipality like every other repository. */
export class OutboxRepo {
  constructor(
    private readonly db: SqlExecutor,
    private readonly ctx: TenantContext,
  ) {}

  /**
   * Plans a message once: the unique key makes a second enqueue (another pass, another instance) a
   * no-op. A newer version supersedes older unsent versions of the subject to the same recipient in
   * the same statement; an older version arriving late is stored as superseded. Nothing is ever
   * cancelled and re-inserted, so concurrent passes cannot undo each other. True when it was new.
   */
  async enqueue(m: NewOutboxMessage): Promise<boolean> {
    const rows = await this.db.query<{ inserted: number }>(
      `WITH me AS (
         SELECT $1::text AS municipality_id, $3::text AS subject, $4::bigint AS version,
                $6::uuid AS recipient_staff_id, $7::text AS conversation_id
       ), older AS (
         UPDATE outbox n SET status = 'superseded', last_error = 'superseded by version ' || $4::bigint
         FROM me o
         WHERE n.municipality_id = o.municipality_id AND n.subject = o.subject AND n.version < o.version
           AND ${SAME_RECIPIENT} AND n.status IN ('pending', 'waiting')
         RETURNING n.id
       ), ins AS (
         INSERT INTO outbox (municipality_id, dedupe_key, subject, version, kind, recipient_staff_id,
                             conversation_id, payload, not_before, expires_at, status)
         SELECT o.municipality_id, $2, o.subject, o.version, $5, o.recipient_staff_id, o.conversation_id,
                $8, $9, $10,
                CASE WHEN EXISTS (SELECT 1 FROM outbox n WHERE n.municipality_id = o.municipality_id
                       AND n.subject = o.subject AND n.version > o.version AND ${SAME_RECIPIENT}
                       AND n.status IN ${LIVE})
                     THEN 'superseded' ELSE 'pending' END
         FROM me o
         ON CONFLICT (municipality_id, dedupe_key) DO NOTHING
         RETURNING id
       )
       SELECT (SELECT count(*) FROM ins) AS inserted, (SELECT count(*) FROM older) AS superseded`,
      [
        this.ctx.municipalityId,
        m.key.key,
        m.key.subject,
        m.key.version,
        m.kind,
        m.recipientStaffId,
        m.conversationId ?? null,
        m.payload,
        m.notBefore,
        m.expiresAt ?? null,
      ],
    );
    return rows[0]?.inserted === 1;
  }

  /**
   * `enqueue` for many messages, one statement per chunk (a morning's reminders), leaving the same
   * rows and statuses as enqueueing them one by one (docs/outbox.md "Keys"). Returns the keys that
   * were new.
   *
   * One statement sees one snapshot, so what the one-by-one calls would have seen of each other is
   * spelled out: a row of the same batch with a higher version makes a message superseded at insert,
   * unless that row is already stored (its key conflicts, and the stored row's own status decides,
   * as it would one by one); the stored unsent rows are superseded by the highest version the batch
   * carries for their subject and recipient. A key repeated in the batch counts once, as the first.
   */
  async enqueueMany(ms: readonly NewOutboxMessage[], chunk = 500): Promise<Set<string>> {
    const fresh = new Set<string>();
    const seen = new Set<string>();
    const unique = ms.filter((m) => !seen.has(m.key.key) && seen.add(m.key.key));
    for (let i = 0; i < unique.length; i += chunk) {
      const batch = unique.slice(i, i + chunk).map((m, ord) => ({
        ord,
        k: m.key.key,
        s: m.key.subject,
        v: m.key.version,
        kind: m.kind,
        r: m.recipientStaffId,
        c: m.conversationId ?? null,
        p: m.payload,
        nb: m.notBefore.toISOString(),
        ex: m.expiresAt ? m.expiresAt.toISOString() : null,
        // Subject and recipient as one value, so rows of the batch are matched by hashing.
        g: JSON.stringify([m.key.subject, m.recipientStaffId, m.conversationId ?? null]),
      }));
      const rows = await this.db.query<{ dedupe_key: string }>(
        `WITH x AS (
           SELECT x.*, EXISTS (SELECT 1 FROM outbox e WHERE e.municipality_id = $1 AND e.dedupe_key = x.k) AS stored
           FROM jsonb_to_recordset($2::jsonb) AS x(ord int, k text, s text, v bigint, kind text, r uuid, c text,
                                                  p jsonb, nb timestamptz, ex timestamptz, g text)
         ), top AS (
           SELECT s AS subject, r AS recipient_staff_id, c AS conversation_id, max(v) AS version
           FROM x GROUP BY s, r, c
         ), newest AS (
           SELECT g, max(v) AS version FROM x WHERE NOT stored GROUP BY g
         ), older AS (
           -- Each subject looked up in the subject index: the rows to supersede are few, the
           -- municipality's unsent rows may be a morning's worth. OFFSET 0 keeps the planner from
           -- turning the lookups into one hash join over all of them.
           UPDATE outbox n SET status = 'superseded', last_error = 'superseded by version ' || w.version
           FROM (SELECT e.id, o.version FROM top o CROSS JOIN LATERAL (
                   SELECT n.id FROM outbox n
                   WHERE n.municipality_id = $1 AND n.subject = o.subject AND n.version < o.version
                     AND ${SAME_RECIPIENT} AND n.status IN ('pending', 'waiting')
                   OFFSET 0) e) w
           WHERE n.id = w.id
           RETURNING n.id
         ), ins AS (
           INSERT INTO outbox (municipality_id, dedupe_key, subject, version, kind, recipient_staff_id,
                               conversation_id, payload, not_before, expires_at, status)
           SELECT $1, o.k, o.s, o.v, o.kind, o.r, o.c, o.p, o.nb, o.ex,
                  CASE WHEN EXISTS (SELECT 1 FROM outbox n WHERE n.municipality_id = $1
                         AND n.subject = o.s AND n.version > o.v
                         AND n.recipient_staff_id IS NOT DISTINCT FROM o.r
                         AND n.conversation_id IS NOT DISTINCT FROM o.c AND n.status IN ${LIVE})
                         OR t.version > o.v
                       THEN 'superseded' ELSE 'pending' END
           FROM x o LEFT JOIN newest t ON t.g = o.g
           WHERE NOT o.stored
           ORDER BY o.ord
           ON CONFLICT (municipality_id, dedupe_key) DO NOTHING
           RETURNING dedupe_key
         )
         SELECT dedupe_key FROM ins`,
        [this.ctx.municipalityId, JSON.stringify(batch)],
      );
      for (const r of rows) fresh.add(r.dedupe_key);
    }
    return fresh;
  }

  async list(status?: OutboxStatus, limit = 200): Promise<OutboxMessage[]> {
    return this.db.query<OutboxMessage>(
      `SELECT * FROM outbox WHERE municipality_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY id DESC LIMIT $3`,
      [this.ctx.municipalityId, status ?? null, limit],
    );
  }

  /**
   * Cancels the unsent messages about a subject (only one recipient's, when given): a registered
   * follow-up, a postponement, a snooze. Waiting messages too: they are no longer current.
   */
  /** `cancel` for many subjects in one statement (a set-based import of held follow-ups). */
  async cancelSubjects(subjects: readonly string[]): Promise<number> {
    if (subjects.length === 0) return 0;
    const rows = await this.db.query(
      `UPDATE outbox SET status = 'cancelled'
       WHERE municipality_id = $1 AND subject = ANY($2::text[]) AND status IN ('pending', 'waiting')
       RETURNING id`,
      [this.ctx.municipalityId, [...subjects]],
    );
    return rows.length;
  }

  async cancel(subject: string, recipientStaffId?: string): Promise<number> {
    const rows = await this.db.query(
      `UPDATE outbox SET status = 'cancelled'
       WHERE municipality_id = $1 AND subject = $2 AND status IN ('pending', 'waiting')
         AND ($3::uuid IS NULL OR recipient_staff_id = $3)
       RETURNING id`,
      [this.ctx.municipalityId, subject, recipientStaffId ?? null],
    );
    return rows.length;
  }

  /**
   * True while a message of these kinds about a subject to a person, older than `version`, is on
   * the wire (claimed, not yet settled): its card may still arrive after a newer version is planned.
   */
  async delivering(
    subject: string,
    staffId: string,
    kinds: readonly string[],
    version: number,
  ): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM outbox
       WHERE municipality_id = $1 AND subject = $2 AND recipient_staff_id = $3 AND status = 'sending'
         AND kind = ANY($4::text[]) AND version < $5
       LIMIT 1`,
      [this.ctx.municipalityId, subject, staffId, kinds, version],
    );
    return rows.length > 0;
  }

  /**
   * The activity id of the newest sent message about a subject to a person, of the given kinds
   * (and older than `beforeVersion`, when given).
   */
  async lastActivity(
    subject: string,
    staffId: string,
    kinds: readonly string[],
    beforeVersion: number | null = null,
  ): Promise<string | null> {
    const rows = await this.db.query<{ activity_id: string }>(
      `SELECT activity_id FROM outbox
       WHERE municipality_id = $1 AND subject = $2 AND recipient_staff_id = $3 AND status = 'sent'
         AND activity_id IS NOT NULL AND kind = ANY($4::text[]) AND ($5::bigint IS NULL OR version < $5)
       ORDER BY sent_at DESC, id DESC LIMIT 1`,
      [this.ctx.municipalityId, subject, staffId, kinds, beforeVersion],
    );
    return rows[0]?.activity_id ?? null;
  }
}

/** A claimed row with what the sender needs to act on it, read in the claim's own query. */
export interface ClaimedMessage extends OutboxMessage {
  lease_token: string;
  /** The conversation to send to (the row's, or the recipient's personal chat); null when none. */
  conversation: ConversationRefRow | null;
  /** A newer version of the subject to the same recipient exists: drop, do not send. */
  superseded: boolean;
  /** Past its expires_at: drop, do not send. */
  expired: boolean;
  /** The recipient's own working hours (null: the municipality's), for the send window. */
  recipient: { working_start: string | null; working_end: string | null } | null;
}

export interface ClaimOptions {
  /** Destinations (see `destinationOf`) whose send window is full: leave their rows for later. */
  skipDestinations?: readonly string[];
  /** Municipalities (tenants) whose send window is full. */
  skipMunicipalities?: readonly string[];
  /** At most this many rows per destination in one claim (default 4). */
  perDestination?: number;
  /**
   * At most this many rows per municipality (tenant) in one claim (default: the whole limit). Each
   * municipality's due rows are read on their own, so a large backlog of one leaves room for others.
   */
  perMunicipality?: number;
}

/** How a claimed message ended; `settle` writes a whole batch of these in one statement. */
export type Settlement =
  | { id: number; token: string; status: 'sent'; at: Date; activityId: string | null }
  | { id: number; token: string; status: 'retry'; notBefore: Date; error: string }
  | { id: number; token: string; status: 'deferred'; notBefore: Date }
  | { id: number; token: string; status: 'parked'; error: string }
  | { id: number; token: string; status: 'waiting' | 'superseded' | 'expired'; error: string };

/** The destination a row goes to: its conversation, or its recipient's personal chat. */
export function destinationOf(m: Pick<OutboxMessage, 'conversation_id' | 'recipient_staff_id'>): string {
  return m.conversation_id ?? `staff:${m.recipient_staff_id}`;
}

/**
 * Sending side: claims across all municipalities, because one sender serves the whole deployment.
 * Leases are measured on the database's clock, never an instance's: instances whose clocks differ
 * (NTP drift, a demo's SAMSPIL_NOW) must agree on when a lease has run out. `not_before` is the
 * application's time (working hours, tests at a fixed date).
 * Claims use FOR UPDATE SKIP LOCKED and a lease with a fresh token, so any number of instances can
 * share one PostgreSQL; a row whose sender died is claimed again when its lease has run out, and
 * the dead sender's token no longer settles it (fencing).
 */
export class OutboxQueue {
  constructor(private readonly db: SqlExecutor) {}

  /**
   * Claims up to `limit` due rows in one statement, with their conversation and currency: at most
   * `perDestination` per conversation and `perMunicipality` per municipality, oldest first.
   */
  async claim(
    owner: string,
    now: Date,
    limit: number,
    leaseMs: number,
    opts: ClaimOptions = {},
  ): Promise<ClaimedMessage[]> {
    const token = randomUUID();
    const rows = await this.db.query<
      OutboxMessage & {
        superseded: boolean;
        expired: boolean;
        c_conversation_id: string | null;
        c_kind: ConversationRefRow['kind'] | null;
        c_staff_id: string | null;
        c_team_id: string | null;
        c_reference: Record<string, unknown> | null;
        c_dead: boolean | null;
        s_id: string | null;
        s_working_start: string | null;
        s_working_end: string | null;
      }
    >(
      `WITH ready AS (
         SELECT o.id, o.not_before,
                row_number() OVER (PARTITION BY COALESCE(o.conversation_id, 'staff:' || o.recipient_staff_id::text)
                                   ORDER BY o.not_before, o.id) AS nth,
                row_number() OVER (PARTITION BY mu.id ORDER BY o.not_before, o.id) AS nth_tenant
         FROM municipalities mu
         CROSS JOIN LATERAL (
               SELECT id, not_before, conversation_id, recipient_staff_id FROM outbox
               WHERE municipality_id = mu.id
                 AND ((status = 'pending' AND not_before <= $2) OR (status = 'sending' AND lease_until < now()))
                 AND NOT (COALESCE(conversation_id, 'staff:' || recipient_staff_id::text) = ANY($6::text[]))
               ORDER BY not_before, id
               LIMIT $9 * 8) o
         WHERE NOT (mu.id = ANY($7::text[]))
       ), picked AS (
         SELECT id FROM outbox
         WHERE id IN (SELECT id FROM ready WHERE nth <= $8 AND nth_tenant <= $9 ORDER BY not_before, id LIMIT $4)
           AND ((status = 'pending' AND not_before <= $2) OR (status = 'sending' AND lease_until < now()))
         FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE outbox o SET status = 'sending', lease_owner = $1, lease_token = $5,
                lease_until = now() + $3 * interval '1 millisecond',
                attempts = o.attempts + 1
         FROM picked WHERE o.id = picked.id
         RETURNING o.*
       )
       SELECT c.*,
              EXISTS (SELECT 1 FROM outbox n WHERE n.municipality_id = c.municipality_id AND n.subject = c.subject
                        AND n.version > c.version AND n.recipient_staff_id IS NOT DISTINCT FROM c.recipient_staff_id
                        AND n.conversation_id IS NOT DISTINCT FROM c.conversation_id
                        AND n.status IN ${LIVE}) AS superseded,
              (c.expires_at IS NOT NULL AND c.expires_at <= $2) AS expired,
              r.conversation_id AS c_conversation_id, r.kind AS c_kind, r.staff_id AS c_staff_id,
              r.team_id AS c_team_id, r.reference AS c_reference, r.dead AS c_dead,
              s.id AS s_id, s.working_start AS s_working_start, s.working_end AS s_working_end
       FROM claimed c
       LEFT JOIN staff s ON s.id = c.recipient_staff_id
       LEFT JOIN LATERAL (
         SELECT * FROM conversation_refs r
         WHERE r.municipality_id = c.municipality_id
           AND ((c.conversation_id IS NOT NULL AND r.conversation_id = c.conversation_id)
             OR (c.conversation_id IS NULL AND r.staff_id = c.recipient_staff_id AND r.kind = 'personal'))
         ORDER BY r.updated_at DESC LIMIT 1
       ) r ON true
       ORDER BY c.not_before, c.id`,
      [
        owner,
        now,
        leaseMs,
        limit,
        token,
        opts.skipDestinations ?? [],
        opts.skipMunicipalities ?? [],
        opts.perDestination ?? 4,
        opts.perMunicipality ?? limit,
      ],
    );
    return rows.map(
      ({
        c_conversation_id,
        c_kind,
        c_staff_id,
        c_team_id,
        c_reference,
        c_dead,
        s_id,
        s_working_start,
        s_working_end,
        ...row
      }) => ({
        ...row,
        lease_token: token,
        recipient: s_id === null ? null : { working_start: s_working_start, working_end: s_working_end },
        conversation:
          c_conversation_id === null
            ? null
            : {
                conversation_id: c_conversation_id,
                kind: c_kind!,
                staff_id: c_staff_id,
                team_id: c_team_id,
                reference: c_reference!,
                dead: c_dead === true,
              },
      }),
    );
  }

  /**
   * Extends the lease of rows still held under `token` (a send waiting on Retry-After) and returns
   * the ids it still holds: a row missing from the answer was lost to another sender.
   */
  async renew(ids: readonly number[], token: string, leaseMs: number): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.query<{ id: number }>(
      `UPDATE outbox SET lease_until = now() + $3 * interval '1 millisecond'
       WHERE id = ANY($1::bigint[]) AND lease_token = $2 AND status = 'sending' RETURNING id`,
      [ids, token, leaseMs],
    );
    return new Set(rows.map((r) => Number(r.id)));
  }

  /**
   * Writes many outcomes in one statement. A row is settled only under the token of its claim, so a
   * sender whose lease ran out cannot overwrite the work of the sender that took the row over.
   * A message marked waiting whose recipient's conversation appeared meanwhile goes straight back to
   * pending. Returns the ids that were settled.
   */
  async settle(outcomes: readonly Settlement[]): Promise<Set<number>> {
    if (outcomes.length === 0) return new Set();
    const values = outcomes.map((o) => ({
      id: o.id,
      token: o.token,
      status: o.status === 'retry' || o.status === 'deferred' ? 'pending' : o.status,
      at: o.status === 'sent' ? o.at.toISOString() : null,
      activity_id: o.status === 'sent' ? o.activityId : null,
      not_before: o.status === 'retry' || o.status === 'deferred' ? o.notBefore.toISOString() : null,
      error: 'error' in o ? o.error : null,
      // Not failures: waiting for working hours or for a conversation spends no attempt.
      refund: o.status === 'deferred' || o.status === 'waiting' ? 1 : 0,
    }));
    const rows = await this.db.query<{ id: number }>(
      `UPDATE outbox o SET
         status = CASE WHEN v.status = 'waiting' AND EXISTS (
                         SELECT 1 FROM conversation_refs r WHERE r.municipality_id = o.municipality_id
                           AND r.staff_id = o.recipient_staff_id AND r.kind = 'personal' AND NOT r.dead)
                       THEN 'pending' ELSE v.status END,
         sent_at = COALESCE(v.at, o.sent_at),
         activity_id = COALESCE(v.activity_id, o.activity_id),
         not_before = COALESCE(v.not_before, o.not_before),
         last_error = COALESCE(v.error, o.last_error),
         attempts = o.attempts - v.refund,
         lease_owner = NULL, lease_token = NULL, lease_until = NULL
       FROM jsonb_to_recordset($1::jsonb) AS v(id bigint, token uuid, status text, at timestamptz,
            activity_id text, not_before timestamptz, error text, refund int)
       WHERE o.id = v.id AND o.lease_token = v.token AND o.status = 'sending'
       RETURNING o.id`,
      [JSON.stringify(values)],
    );
    return new Set(rows.map((r) => Number(r.id)));
  }

  /**
   * The cards a replacement (`replaceEarlier`) must update: the activity ids of the older messages
   * of those kinds about its subject to its recipient that were sent, and whether one is still on
   * the wire (then the replacement waits for it rather than leave it live beside the newer one).
   */
  async earlierCards(
    m: Pick<
      OutboxMessage,
      'municipality_id' | 'subject' | 'version' | 'recipient_staff_id' | 'conversation_id'
    >,
    kinds: readonly string[],
  ): Promise<{ activityIds: string[]; inFlight: boolean }> {
    const rows = await this.db.query<{ status: OutboxStatus; activity_id: string | null }>(
      `SELECT status, activity_id FROM outbox
       WHERE municipality_id = $1 AND subject = $2 AND version < $3
         AND recipient_staff_id IS NOT DISTINCT FROM $4::uuid AND conversation_id IS NOT DISTINCT FROM $5::text
         AND kind = ANY($6::text[]) AND status IN ('sent', 'sending')
       ORDER BY sent_at, id`,
      [m.municipality_id, m.subject, m.version, m.recipient_staff_id, m.conversation_id, kinds],
    );
    return {
      activityIds: rows.flatMap((r) => (r.status === 'sent' && r.activity_id ? [r.activity_id] : [])),
      inFlight: rows.some((r) => r.status === 'sending'),
    };
  }

  async counts(): Promise<Record<OutboxStatus, number>> {
    const rows = await this.db.query<{ status: OutboxStatus; n: number }>(
      'SELECT status, count(*) AS n FROM outbox GROUP BY status',
    );
    const out = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
    for (const r of rows) out[r.status] = r.n;
    return out;
  }
}
