/**
 * A scheduler instance as its own OS process, for the multi-instance outbox test: it drains the
 * outbox of the PostgreSQL database in DATABASE_URL until nothing is left to send.
 * CRASH_AFTER_CLAIM=N: claim N rows, report it, then hang until killed (a sender that dies).
 */
import { loadConfig } from '../../src/config';
import { offsetClock } from '../../src/domain/clock';
import { createLogger } from '../../src/log';
import { OutboxSender } from '../../src/outbox/sender';
import { openPostgres } from '../../src/store/engines/postgres';
import { createStore } from '../../src/store/store';
import { createAdapter } from '../../src/teams/adapter';
import { BotFrameworkTransport } from '../../src/teams/proactive';

async function main(): Promise<void> {
  const store = createStore(await openPostgres(process.env.DATABASE_URL!, { max: 4 }));
  // A Monday morning in Copenhagen that moves with real time, so leases expire as they would.
  const clock = offsetClock(new Date('2026-11-23T08:00:00Z'));
  const leaseMs = Number(process.env.LEASE_MS ?? 3000);
  const crashAfter = Number(process.env.CRASH_AFTER_CLAIM ?? 0);
  if (crashAfter) {
    const claimed = await store.queue.claim('doomed', clock.now(), crashAfter, leaseMs);
    process.stdout.write(`claimed ${claimed.length}\n`);
    await new Promise(() => undefined);
  }
  const sender = new OutboxSender(store, new BotFrameworkTransport(createAdapter(loadConfig({})), ''), {
    clock,
    log: createLogger('silent'),
    leaseMs,
    owner: process.env.OWNER,
    sendWindow: async () => ({ hours: { start: '08:00', end: '16:00' }, timeZone: 'Europe/Copenhagen' }),
  });
  let sent = 0;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    sent += (await sender.drain()).sent;
    const counts = await store.queue.counts();
    if (counts.pending === 0 && counts.sending === 0) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  process.stdout.write(`sent ${sent}\n`);
  await store.close();
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err));
  process.exit(1);
});
