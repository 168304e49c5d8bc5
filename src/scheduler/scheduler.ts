import cron from 'node-cron';
import type { Clock } from '../domain/clock';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import type { OutboxSender, DrainResult } from '../outbox/sender';
import { planAll, PlanResult } from './planner';
import { analyzeTables } from '../store/migrate';
import { PLANNING_PASSES, type PassOptions } from './passes';
import { RELEASE_AFTER_PLANNED, releaseMemory } from './releaseMemory';

/** An hour of one-minute passes. */
const ANALYZE_EVERY_PASSES = 60;

export interface TickResult {
  plans: PlanResult[];
  sent: DrainResult;
}

/** One scheduler pass (`samspil tick`): plan what is due now, then send what the outbox holds. */
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

export interface RunningScheduler {
  /** Stops both loops and waits for the planning pass and the drain in flight. */
  stop(): Promise<void>;
}

/**
 * Runs planning every minute and sends independently of it (docs/outbox.md "Scheduler"): a long
 * drain (a morning of reminders, a channel held back by its window) never stops the next planning
 * pass, and a slow pass never holds sending. Neither overlaps itself in one process; across
 * processes the outbox's unique keys and SKIP LOCKED claims keep planning and sending exactly-once.
 */
export function startScheduler(
  store: Store,
  sender: OutboxSender,
  clock: Clock,
  log: Logger,
  opts: PassOptions & { cron?: string; sendEveryMs?: number } = {},
): RunningScheduler {
  let planning: Promise<void> | null = null;
  let draining: Promise<void> | null = null;
  let stopped = false;
  let passes = 0;

  const drain = () => {
    if (draining || stopped) return;
    draining = (async () => {
      try {
        const r = await sender.drain();
        if (r.sent || r.parked || r.retried || r.waiting || r.dropped || r.leaseLost)
          log.info(r, 'outbox drained');
      } catch (err) {
        log.error({ err }, 'outbox drain failed');
      } finally {
        draining = null;
      }
    })();
  };
  const plan = () => {
    if (planning || stopped) return;
    planning = (async () => {
      try {
        const plans = await planAll(store, clock.now(), PLANNING_PASSES, opts);
        const planned = plans.reduce((n, p) => n + p.planned, 0);
        for (const p of plans)
          for (const failure of p.failures)
            log.error({ municipality: p.municipality, failure }, 'planning pass failed');
        if (planned >= RELEASE_AFTER_PLANNED) releaseMemory();
        if (planned) log.info({ planned }, 'planning pass');
        // PostgreSQL's autovacuum keeps statistics fresh; the embedded store is analysed hourly.
        if (store.engine.kind === 'pglite' && ++passes % ANALYZE_EVERY_PASSES === 0)
          await analyzeTables(store.engine);
      } catch (err) {
        log.error({ err }, 'planning pass failed');
      } finally {
        planning = null;
      }
      drain();
    })();
  };
  // Every minute; a test may pass a six-field expression with seconds. Each tick also drains:
  // retries and deferred messages come due without anything new being planned.
  const task = cron.schedule(opts.cron ?? '* * * * *', plan);
  // Sending polls on its own (one cheap claim when idle): retries come due within seconds.
  const sending = setInterval(drain, opts.sendEveryMs ?? 5_000);
  // A server that was down catches up at once instead of at the next full minute.
  plan();
  return {
    async stop() {
      stopped = true;
      clearInterval(sending);
      await task.stop();
      sender.stop();
      await Promise.all([planning, draining]);
    },
  };
}
