import { Command } from '../command';
import { parseCommandArgs } from '../args';
import { UsageError } from '../context';
import { withStore } from '../storeAccess';
import { fixedClock } from '../../domain/clock';
import { createLogger } from '../../log';
import { OutboxSender } from '../../outbox/sender';
import { tick as schedulerTick } from '../../scheduler/scheduler';
import { createAdapter } from '../../teams/adapter';
import { BotFrameworkTransport } from '../../teams/proactive';
import { sendWindowFrom } from '../../app/sendWindow';
import { calendarLinksOf, parentLinksOf } from '../../config';
import { graphFromConfig } from '../../graph/municipalities';

export const tick: Command = {
  usage: 'tick [--now ISO]',
  summary: 'run one scheduler pass (plan reminders, send due ones) and exit',
  async run(args, ctx) {
    const { values } = parseCommandArgs(args, { now: { type: 'string' } }, false);
    if (values.now !== undefined) {
      if (ctx.config.NODE_ENV === 'production')
        throw new UsageError('--now is refused when NODE_ENV=production.');
      if (Number.isNaN(Date.parse(values.now)))
        throw new UsageError(`--now "${values.now}" is not an ISO date-time.`);
    }
    const clock = values.now ? fixedClock(values.now) : ctx.clock;
    const log = createLogger(ctx.config.LOG_LEVEL);
    return withStore(ctx, 'tick', async (store) => {
      const transport = new BotFrameworkTransport(createAdapter(ctx.config), ctx.config.MicrosoftAppId ?? '');
      const sender = new OutboxSender(store, transport, { clock, log, sendWindow: sendWindowFrom(store) });
      const r = await schedulerTick(store, sender, clock.now(), {
        calendarLinks: calendarLinksOf(ctx.config),
        calendarFor: graphFromConfig(ctx.config).calendarFor,
        parentLinks: parentLinksOf(ctx.config),
      });
      for (const p of r.plans) {
        ctx.out(`${p.municipality}: ${p.planned} reminders planned (${p.alreadyPlanned} already planned)`);
        for (const f of p.failures) ctx.err(`${p.municipality}: planning failed in ${f}`);
      }
      ctx.out(
        `sent ${r.sent.sent}, retried ${r.sent.retried}, deferred ${r.sent.deferred}, parked ${r.sent.parked}` +
          `, waiting ${r.sent.waiting}, dropped ${r.sent.dropped}`,
      );
      // What was planned was still sent; the exit code tells the admin that something was not planned.
      return r.plans.some((p) => p.failures.length > 0) ? 1 : 0;
    });
  },
};
