import { SqlExecutor } from './engine';
import { TenantContext } from './types';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'parked' | 'cancelled';

export interface OutboxMessage {
  id: number;
  municipality_id: string;
  dedupe_key: string;
  kind: string;
  recipient_staff_id: string | null;
  conversation_id: string | null;
  payload: Record<string, unknown>;
  not_before: Date;
  status: OutboxStatus;
  attempts: number;
  lease_owner: string | null;
  lease_until: Date | null;
  last_error: string | null;
  sent_at: Date | null;
  activity_id: string | null;
}

export interface NewOutboxMessage {
  dedupeKey: string;
  kind: string;
  recipientStaffId: string | null;
  conversationId?: string | null;
  payload: Record<string, unknown>;
  notBefore: Date;
}

/** Planning side of the outbox: scoped to one municipality like every other repository. */
export class OutboxRepo {
  constructor(
    private readonly db: SqlExecutor,
    private readonly ctx: TenantContext,
  ) {}

  /** The unique dedupe key makes planning idempotent: the same reminder can never be queued twice. */
  async enqueue(m: NewOutboxMessage): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO outbox (municipality_id, dedupe_key, kind, recipient_staff_id, conversation_id, payload, not_before)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (municipality_id, dedupe_key) DO NOTHING RETURNING id`,
      [
        this.ctx.municipalityId,
        m.dedupeKey,
        m.kind,
        m.recipientStaffId,
        m.conversationId ?? null,
        m.payload,
        m.notBefore,
      ],
    );
    return rows.length === 1;
  }

  /**
   * Many messages in one statement per chunk (a morning's reminders): the same unique keys as
   * `enqueue`, so it is just as idempotent. Returns the keys that were new.
   */
  async enqueueMany(ms: readonly NewOutboxMessage[], chunk = 500): Promise<Set<string>> {
    const fresh = new Set<string>();
    for (let i = 0; i < ms.length; i += chunk) {
      const batch = ms.slice(i, i + chunk).map((m) => ({
        k: m.dedupeKey,
        kind: m.kind,
        r: m.recipientStaffId,
        c: m.conversationId ?? null,
        p: m.payload,
        nb: m.notBefore.toISOString(),
      }));
      const rows = await this.db.query<{ dedupe_key: string }>(
        `INSERT INTO outbox (municipality_id, dedupe_key, kind, recipient_staff_id, conversation_id, payload, not_before)
         SELECT $1, x.k, x.kind, x.r, x.c, x.p, x.nb
         FROM jsonb_to_recordset($2::jsonb) AS x(k text, kind text, r uuid, c text, p jsonb, nb timestamptz)
         ON CONFLICT (municipality_id, dedupe_key) DO NOTHING RETURNING dedupe_key`,
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

  /** Cancels pending messages whose key starts with the prefix (only one recipient's, when given). */
  async cancelPending(dedupeKeyPrefix: string, recipientStaffId?: string): Promise<number> {
    const rows = await this.db.query(
      `UPDATE outbox SET status = 'cancelled'
       WHERE municipality_id = $1 AND status = 'pending' AND dedupe_key LIKE $2
         AND ($3::uuid IS NULL OR recipient_staff_id = $3)
       RETURNING id`,
      [this.ctx.municipalityId, `${dedupeKeyPrefix}%`, recipientStaffId ?? null],
    );
    return rows.length;
  }
}

/**
 * Sending side: claims across all municipalities, because one sender serves the whole deployment.
 * Claims use FOR UPDATE SKIP LOCKED and a lease, so any number of instances can share one
 * PostgreSQL; a row whose sender died is claimed again when its lease has run out.
 */
export class OutboxQueue {
  constructor(private readonly db: SqlExecutor) {}

  async claim(owner: string, now: Date, limit: number, leaseMs: number): Promise<OutboxMessage[]> {
    return this.db.query<OutboxMessage>(
      `UPDATE outbox SET status = 'sending', lease_owner = $1, lease_until = $3, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM outbox
         WHERE (status = 'pending' AND not_before <= $2) OR (status = 'sending' AND lease_until < $2)
         ORDER BY not_before, id
         LIMIT $4
         FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [owner, now, new Date(now.getTime() + leaseMs), limit],
    );
  }

  /** Only the lease holder may settle a row; a sender whose lease expired loses that right. */
  async markSent(id: number, owner: string, now: Date, activityId: string | null): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE outbox SET status = 'sent', sent_at = $3, activity_id = $4, lease_owner = NULL, lease_until = NULL
       WHERE id = $1 AND lease_owner = $2 AND status = 'sending' RETURNING id`,
      [id, owner, now, activityId],
    );
    return rows.length === 1;
  }

  async retryLater(id: number, owner: string, notBefore: Date, error: string): Promise<void> {
    await this.db.query(
      `UPDATE outbox SET status = 'pending', not_before = $3, last_error = $4, lease_owner = NULL, lease_until = NULL
       WHERE id = $1 AND lease_owner = $2 AND status = 'sending'`,
      [id, owner, notBefore, error],
    );
  }

  /** Not a failure (outside working hours): back to pending without spending an attempt. */
  async defer(id: number, owner: string, notBefore: Date): Promise<void> {
    await this.db.query(
      `UPDATE outbox SET status = 'pending', not_before = $3, attempts = attempts - 1, lease_owner = NULL, lease_until = NULL
       WHERE id = $1 AND lease_owner = $2 AND status = 'sending'`,
      [id, owner, notBefore],
    );
  }

  async park(id: number, owner: string, error: string): Promise<void> {
    await this.db.query(
      `UPDATE outbox SET status = 'parked', last_error = $3, lease_owner = NULL, lease_until = NULL
       WHERE id = $1 AND lease_owner = $2 AND status = 'sending'`,
      [id, owner, error],
    );
  }

  async counts(): Promise<Record<OutboxStatus, number>> {
    const rows = await this.db.query<{ status: OutboxStatus; n: number }>(
      'SELECT status, count(*) AS n FROM outbox GROUP BY status',
    );
    const out: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, parked: 0, cancelled: 0 };
    for (const r of rows) out[r.status] = r.n;
    return out;
  }
}
