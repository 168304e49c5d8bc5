import type { SendBudgetRepo } from '../store/sendBudgetRepo';
import { SENDER_PER_TENANT_SECOND } from './rateLimiter';

/**
 * The shared budget is counted in quarters of a second: any one-second window Teams looks at spans
 * at most five of them, so the instances together never send more than 5 × 10 = 50 in it, even when
 * they spend two quarters back to back at the edge of a window.
 */
export const QUARTER_MS = 250;
const PER_QUARTER = SENDER_PER_TENANT_SECOND / 4;
/** Sends booked at once: two bookings a quarter per tenant while one instance drains alone. */
const BLOCK = PER_QUARTER / 2;

/**
 * The sender's share of a tenant's Teams budget, shared by every instance (docs/outbox.md "One
 * budget per tenant"): a send first takes a place from a block of the current quarter second that
 * this instance booked in the database; with none left it books another, and when the quarter is
 * full it waits for the next. Quarters are the machines' wall clock, which NTP keeps within a few
 * milliseconds of each other.
 */
export class TenantBudget {
  private readonly blocks = new Map<string, { quarter: number; left: number; full: boolean }>();
  private readonly asking = new Map<string, Promise<void>>();

  constructor(private readonly repo: SendBudgetRepo) {}

  /** Takes one send of `tenant` in the quarter of `nowMs`; false when that quarter is spent. */
  async take(tenant: string, nowMs: number): Promise<boolean> {
    const quarter = Math.floor(nowMs / QUARTER_MS);
    for (;;) {
      const b = this.blocks.get(tenant);
      if (b && b.quarter === quarter) {
        if (b.left > 0) {
          b.left--;
          return true;
        }
        if (b.full) return false;
      }
      // One booking per tenant at a time; the others wait for it and look again.
      let asking = this.asking.get(tenant);
      if (!asking) {
        asking = this.book(tenant, quarter).finally(() => this.asking.delete(tenant));
        this.asking.set(tenant, asking);
      }
      await asking;
    }
  }

  /** Milliseconds until the next quarter starts, when this one is spent. */
  static untilNextQuarter(nowMs: number): number {
    return QUARTER_MS - (nowMs % QUARTER_MS);
  }

  private async book(tenant: string, quarter: number): Promise<void> {
    // The database away (a restart): this instance keeps to its own share, as it does alone.
    const granted = await this.repo.grant(tenant, quarter, BLOCK, PER_QUARTER).catch(() => true);
    const b = this.blocks.get(tenant);
    const left = (b?.quarter === quarter ? b.left : 0) + (granted ? BLOCK : 0);
    this.blocks.set(tenant, { quarter, left, full: !granted });
  }
}
