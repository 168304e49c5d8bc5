import { ENGINES, openTestStore } from '../support/db';
import { defaultSettings } from '../../src/domain/municipality';
import { fixedClock } from '../../src/domain/clock';
import { createLogger } from '../../src/log';
import { OutboxSender } from '../../src/outbox/sender';
import type { MessageTransport } from '../../src/outbox/transport';
import { startScheduler } from '../../src/scheduler/scheduler';
import { sendWindowFrom } from '../../src/app/sendWindow';

/** The scheduler `samspil start` runs: passes on a cron schedule, never two at once. */
describe('the running scheduler', () => {
  it('plans and sends on its schedule, one pass at a time, and stops', async () => {
    const { store, dispose } = await openTestStore(ENGINES[0]!);
    const sent: string[] = [];
    const transport: MessageTransport = {
      async send(conversation) {
        // Slower than the schedule, so a second pass would start before this one ends.
        await new Promise((r) => setTimeout(r, 1500));
        sent.push(conversation.conversation_id);
        return { activityId: `act-${sent.length}` };
      },
    };
    try {
      await store.municipalities.create({
        id: 'sc',
        name: 'Sc',
        tenant_id: null,
        settings: defaultSettings('herning'),
      });
      const t = store.tenant({ municipalityId: 'sc', actor: 'test' });
      const anna = (await t.staff.upsert({ email: 'anna@sc.example', name: 'Anna', roles: ['adviser'] })).id;
      await t.conversations.save({
        conversationId: 'a:anna',
        kind: 'personal',
        staffId: anna,
        reference: {},
      });
      const c = await t.cases.upsert({
        caseRef: 'SC-1',
        adviserId: anna,
        opened: '2026-10-01',
        ladderStep: 5,
        childInitials: 'XY',
      });
      // Herning institution placement from 2026-11-02: first follow-up due Monday 2026-11-16.
      await t.measures.upsert({ caseId: c.id, measureType: 'institution', start: '2026-11-02', end: null });
      const clock = fixedClock('2026-11-16T09:00:00Z');
      const log = createLogger('silent');
      const sender = new OutboxSender(store, transport, { clock, log, sendWindow: sendWindowFrom(store) });
      let passes = 0;
      let inFlight = 0;
      let overlapped = false;
      const drain = sender.drain.bind(sender);
      sender.drain = async () => {
        passes++;
        if (++inFlight > 1) overlapped = true;
        try {
          return await drain();
        } finally {
          inFlight--;
        }
      };
      const scheduler = startScheduler(store, sender, clock, log, { cron: '* * * * * *' });
      await new Promise((r) => setTimeout(r, 4000));
      scheduler.stop();
      await new Promise((r) => setTimeout(r, 1600));
      expect(sent).toEqual(['a:anna']);
      expect(passes).toBeGreaterThanOrEqual(2);
      expect(overlapped).toBe(false);
      expect((await t.outbox.list('sent')).map((o) => o.kind)).toEqual(['followup.due']);
    } finally {
      await dispose();
    }
  }, 30_000);
});
