import cron from 'node-cron';
import type { Clock } from '../domain/clock';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import { resolveMunicipality } from '../app/municipalityContext';
import { runRetention } from '../app/retention';

/**
 * The daily retention pass, at 02:30 Copenhagen time when nobody works. Every instance may run it:
 * a second run in the same night finds nothing more to delete.
 */
export function startRetentionPass(store: Store, clock: Clock, log: Logger): { stop(): void } {
  const task = cron.schedule(
    '30 2 * * *',
    async () => {
      for (const row of await store.municipalities.list().catch(() => [])) {
        try {
          const r = await runRetention(store, resolveMunicipality(row), clock.now(), {
            dryRun: false,
            actor: 'scheduler:retention',
          });
          log.info({ municipality: r.municipality, cutoff: r.cutoff, counts: r.counts }, 'retention pass');
        } catch (err) {
          log.error({ municipality: row.id, err }, 'retention pass failed');
        }
      }
    },
    { timezone: 'Europe/Copenhagen' },
  );
  return { stop: () => void task.stop() };
}
