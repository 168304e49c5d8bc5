import { TenantBudget, QUARTER_MS } from '../../src/outbox/tenantBudget';
import { SENDER_PER_TENANT_SECOND } from '../../src/outbox/rateLimiter';
import { SendBudgetRepo } from '../../src/store/sendBudgetRepo';
import { openTestStore, ENGINES } from '../support/db';

describe.each(ENGINES)('one send budget per tenant, shared by every instance ($name)', (engine) => {
  it('lets three instances together send at most the sender’s share in any second, and no more than 50', async () => {
    const { store, dispose } = await openTestStore(engine);
    try {
      // Three instances: each its own budget (its own blocks), one database.
      const instances = [0, 1, 2].map(() => new TenantBudget(new SendBudgetRepo(store.engine)));
      const sent: number[] = [];
      const until = Date.now() + 2_000;
      await Promise.all(
        instances.map(async (budget) => {
          while (Date.now() < until) {
            const now = Date.now();
            if (await budget.take('tenant-a', now)) sent.push(now);
            else await new Promise((r) => setTimeout(r, TenantBudget.untilNextQuarter(Date.now())));
          }
        }),
      );
      const quarters = new Map<number, number>();
      for (const at of sent)
        quarters.set(Math.floor(at / QUARTER_MS), (quarters.get(Math.floor(at / QUARTER_MS)) ?? 0) + 1);
      expect(Math.max(...quarters.values())).toBeLessThanOrEqual(SENDER_PER_TENANT_SECOND / 4);
      // However a one-second window falls on the quarters, it holds no more than Teams allows.
      const busiest = Math.max(...sent.map((t) => sent.filter((u) => u >= t && u < t + 1_000).length));
      expect(busiest).toBeLessThanOrEqual(50);
      // And the instances did share: more than one of them sent, and the share was used.
      expect(sent.length).toBeGreaterThan(SENDER_PER_TENANT_SECOND);
    } finally {
      await dispose();
    }
  }, 120_000);

  it('keeps tenants apart: one tenant’s full quarter does not stop another’s', async () => {
    const { store, dispose } = await openTestStore(engine);
    try {
      const budget = new TenantBudget(new SendBudgetRepo(store.engine));
      // Aligned to the start of a quarter, so the whole test runs inside one.
      await new Promise((r) => setTimeout(r, TenantBudget.untilNextQuarter(Date.now()) + 5));
      const now = Date.now();
      let a = 0;
      while (await budget.take('tenant-a', now)) a++;
      expect(a).toBe(SENDER_PER_TENANT_SECOND / 4);
      expect(await budget.take('tenant-b', now)).toBe(true);
    } finally {
      await dispose();
    }
  }, 120_000);
});
