import { SqlExecutor } from './engine';

/** A change-notification subscription on one organiser's events (migration 013). */
export interface GraphSubscriptionRow {
  municipality_id: string;
  mailbox: string;
  subscription_id: string;
  client_state: string;
  expires_at: Date;
}

/**
 * Subscriptions across municipalities: a notification names only its subscription, so it is
 * looked up here first and everything after that goes through the municipality's tenant store.
 */
export class GraphSubscriptionsRepo {
  constructor(private readonly db: SqlExecutor) {}

  async byId(subscriptionId: string): Promise<GraphSubscriptionRow | null> {
    const rows = await this.db.query<GraphSubscriptionRow>(
      'SELECT * FROM graph_subscriptions WHERE subscription_id = $1',
      [subscriptionId],
    );
    return rows[0] ?? null;
  }

  async forMunicipality(municipalityId: string): Promise<GraphSubscriptionRow[]> {
    return this.db.query<GraphSubscriptionRow>(
      'SELECT * FROM graph_subscriptions WHERE municipality_id = $1',
      [municipalityId],
    );
  }

  async save(row: GraphSubscriptionRow): Promise<void> {
    await this.db.query(
      `INSERT INTO graph_subscriptions (municipality_id, mailbox, subscription_id, client_state, expires_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (municipality_id, mailbox) DO UPDATE SET subscription_id = EXCLUDED.subscription_id,
         client_state = EXCLUDED.client_state, expires_at = EXCLUDED.expires_at`,
      [row.municipality_id, row.mailbox, row.subscription_id, row.client_state, row.expires_at],
    );
  }

  async renewed(subscriptionId: string, expiresAt: Date): Promise<void> {
    await this.db.query('UPDATE graph_subscriptions SET expires_at = $2 WHERE subscription_id = $1', [
      subscriptionId,
      expiresAt,
    ]);
  }

  /** Graph removed it: the next pass makes a new one. */
  async remove(subscriptionId: string): Promise<void> {
    await this.db.query('DELETE FROM graph_subscriptions WHERE subscription_id = $1', [subscriptionId]);
  }
}
