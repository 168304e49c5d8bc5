import cron from 'node-cron';
import type { Clock } from '../domain/clock';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import type { OutboxSender, DrainResult } from '../outbox/sender';
import { planAll, PlanResult } from './planner';
import { analyzeTables } from '../store/migrate';
import { PLANNING_PASSES, type PassOptions } from './passes';

/** An hour of one-minute passes. */
const ANALYZE_EVERY_PASSES = 60;

export interface TickResult {
  plans: PlanResult[];
  sent: DrainResult;
}

/** One scheduler pass: plan what is due now, then send what the outbox holds. */
export async function tick(
  store: Store,
  sender: OutboxSender,
  now: Date,
  opts: PassOptions = {},
): Promise<TickResult> {
  const plans = await planAll(store, now, PLANNING_PASSES, opts);
  const sent = await sender.drain();
  return { plans, sent };
}

/**
 * Runs a pass every minute. Passes never overlap in one process; across processes the outbox's
 * unique keys and SKIP LOCKED claims keep planning and sending exactly-once.
 */
export function startScheduler(
  store: Store,
  sender: OutboxSender,
  clock: Clock,
  log: Logger,
  opts: PassOptions & { cron?: string } = {},
): { stop(): void } {
  let running = false;
  let passes = 0;
  // Every minute; a test may pass a six-field expression with seconds.
  const task = cron.schedule(opts.cron ?? '* * * * *', async () => {
    if (running) return;
    running = true;
    try {
      const r = await tick(store, sender, clock.now(), opts);
      const planned = r.plans.reduce((n, p) => n + p.planned, 0);
      for (const p of r.plans)
        for (const failure of p.failures)
          log.error({ municipality: p.municipality, failure }, 'planning pass failed');
      if (planned || r.sent.sent || r.sent.parked) log.info({ planned, ...r.sent }, 'scheduler pass');
      // PostgreSQL's autovacuum keeps statistics fresh; the embedded store is analysed hourly.
      if (store.engine.kind === 'pglite' && ++passes % ANALYZE_EVERY_PASSES === 0)
        await analyzeTables(store.engine);
    } catch (err) {
      log.error({ err }, 'scheduler pass failed');
    } finally {
      running = false;
    }
  });
  return { stop: () => void task.stop() };
}
