import type { SqlExecutor } from './engine';

/**
 * The per-tenant, per-quarter-second counter every instance's sender draws on (migration 011,
 * docs/outbox.md "One budget per tenant"). A grant is one statement: the block is added only while
 * the quarter's total stays within the limit, so instances together never book more than it.
 */
export class SendBudgetRepo {
  private grants = 0;

  constructor(private readonly db: SqlExecutor) {}

  /** Books `block` sends of `tenant` in `slot` (a quarter second since the epoch); false when it is full. */
  async grant(tenant: string, slot: number, block: number, limit: number): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO tenant_send_budget (tenant, slot, used) VALUES ($1, $2, $3)
       ON CONFLICT (tenant, slot) DO UPDATE SET used = tenant_send_budget.used + EXCLUDED.used
       WHERE tenant_send_budget.used + EXCLUDED.used <= $4
       RETURNING used`,
      [tenant, slot, block, limit],
    );
    // Slots long gone are of no use to anyone: cleared now and then, by whoever grants.
    if (++this.grants % 100 === 0)
      await this.db.query('DELETE FROM tenant_send_budget WHERE slot < $1', [slot - 240]);
    return rows.length === 1;
  }
}
