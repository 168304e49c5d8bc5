import { SqlExecutor } from './engine';
import { TenantContext } from './types';
import { cacheKeys, ReadCache } from './readCache';

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

export interface ConversationRefRow {
  conversation_id: string;
  kind: ConversationKind;
  staff_id: string | null;
  team_id: string | null;
  reference: Record<string, unknown>;
  dead: boolean;
}

/**
 * Conversation references for proactive messages. They are refreshed from every inbound activity
 * because Teams' serviceUrl is regional and may change.
 */
export class ConversationsRepo {
  constructor(
    private readonly db: SqlExecutor,
    private readonly ctx: TenantContext,
    private readonly cache: ReadCache,
  ) {}

  /**
   * `save` as every Teams turn asks it: skipped when this process wrote the very same reference
   * within the cache's TTL (src/store/readCache.ts), so a busy chat does not write a row per turn.
   * A changed reference (Teams moved the chat to another serviceUrl), a conversation marked dead
   * here, or a TTL gone by writes again; a chat marked dead by another instance comes back to life
   * at the latest one TTL after its next turn.
   */
  async refresh(ref: Parameters<ConversationsRepo['save']>[0]): Promise<void> {
    const key = cacheKeys.conversation(this.ctx.municipalityId, ref.conversationId);
    // Every turn carries a new activityId; it only names the message a proactive send replies to,
    // and any recent one of the same chat does, so it does not count as a change.
    const { activityId: _turn, ...lasting } = ref.reference;
    const written = JSON.stringify([ref.kind, ref.staffId, ref.teamId ?? null, lasting]);
    if (this.cache.holds(key, written)) return;
    await this.save(ref);
    this.cache.set(key, written);
  }

  /**
   * Saves a reference; a personal chat's first appearance also releases the messages that waited for
   * it (docs/outbox.md "Waiting"), in the same statement.
   */
  async save(ref: {
    conversationId: string;
    kind: ConversationKind;
    staffId: string | null;
    teamId?: string | null;
    reference: Record<string, unknown>;
  }): Promise<void> {
    this.cache.drop(cacheKeys.conversation(this.ctx.municipalityId, ref.conversationId));
    await this.db.query(
      `WITH saved AS (
         INSERT INTO conversation_refs (municipality_id, conversation_id, kind, staff_id, team_id, reference, dead, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, false, now())
         ON CONFLICT (municipality_id, conversation_id) DO UPDATE
           SET reference = EXCLUDED.reference, dead = false, updated_at = now(),
               staff_id = COALESCE(EXCLUDED.staff_id, conversation_refs.staff_id),
               team_id = COALESCE(EXCLUDED.team_id, conversation_refs.team_id)
         RETURNING staff_id, kind
       )
       UPDATE outbox SET status = 'pending'
       WHERE municipality_id = $1 AND status = 'waiting'
         AND recipient_staff_id = (SELECT staff_id FROM saved WHERE kind = 'personal')`,
      [this.ctx.municipalityId, ref.conversationId, ref.kind, ref.staffId, ref.teamId ?? null, ref.reference],
    );
  }

  async personalFor(staffId: string): Promise<ConversationRefRow | null> {
    const rows = await this.db.query<ConversationRefRow>(
      `SELECT conversation_id, kind, staff_id, team_id, reference, dead FROM conversation_refs
       WHERE municipality_id = $1 AND staff_id = $2 AND kind = 'personal' ORDER BY updated_at DESC LIMIT 1`,
      [this.ctx.municipalityId, staffId],
    );
    return rows[0] ?? null;
  }

  async get(conversationId: string): Promise<ConversationRefRow | null> {
    const rows = await this.db.query<ConversationRefRow>(
      `SELECT conversation_id, kind, staff_id, team_id, reference, dead FROM conversation_refs
       WHERE municipality_id = $1 AND conversation_id = $2`,
      [this.ctx.municipalityId, conversationId],
    );
    return rows[0] ?? null;
  }

  /** 403 BotNotInConversationRoster / MessageWritesBlocked: the app was removed or blocked. */
  async markDead(conversationId: string): Promise<void> {
    this.cache.drop(cacheKeys.conversation(this.ctx.municipalityId, conversationId));
    await this.db.query(
      'UPDATE conversation_refs SET dead = true WHERE municipality_id = $1 AND conversation_id = $2',
      [this.ctx.municipalityId, conversationId],
    );
  }
}
