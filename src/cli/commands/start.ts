import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Command } from '../command';
import { UsageError } from '../context';
import { run } from '../run';
import { openStore } from '../../store/open';
import { createLogger } from '../../log';
import { createAdapter } from '../../teams/adapter';
import { createBotApp } from '../../teams/botApp';
import { prepareCards } from '../../cards/render';
import { BotFrameworkTransport } from '../../teams/proactive';
import { createHttpApp, listen } from '../../server/httpServer';
import { exposureOf, ExposureRefused } from '../../server/exposure';
import { sourceLimits } from '../../server/sourceLimits';
import { parseCommandArgs } from '../args';
import { startAdminEndpoint } from '../../server/adminEndpoint';
import { OutboxSender } from '../../outbox/sender';
import { startScheduler } from '../../scheduler/scheduler';
import { sendWindowFrom } from '../../app/sendWindow';
import { calendarLinksOf, parentLinksOf } from '../../config';
import { mountParentRoute } from '../../server/parentRoute';
import { mountCalendarRoute } from '../../server/calendarRoute';
import { apiRouter } from '../../api/router';
import { startRetentionPass } from '../../scheduler/retentionPass';
import { mountTabRoutes } from '../../tab/routes';
import { tabVerifierOf } from '../../tab/auth';
import { graphFromConfig } from '../../graph/municipalities';
import { mountGraphNotifications } from '../../server/graphNotifications';
import { loadMunicipality } from '../../app/municipalityContext';

/** The manifest's placeholder bot id: deep links in the demo point at it. */
const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';

export const start: Command = {
  usage: 'start [--bind ADDRESS]',
  summary: 'run the bot server (/api/messages, /healthz) and the scheduler',
  async run(args, ctx) {
    const { config } = ctx;
    const { values } = parseCommandArgs(args, { bind: { type: 'string' } }, false);
    let exposure;
    try {
      exposure = exposureOf(config, values.bind);
    } catch (err) {
      if (err instanceof ExposureRefused) throw new UsageError(err.message);
      throw err;
    }
    const log = createLogger(config.LOG_LEVEL);
    const { store, lock } = await openStore(
      { databaseUrl: config.DATABASE_URL, dataDir: config.SAMSPIL_DATA_DIR },
      'samspil start',
    );
    const adapter = createAdapter(config);
    const calendarLinks = calendarLinksOf(config);
    const graph = graphFromConfig(config);
    const parentLinks = parentLinksOf(config);
    // Templates are read and compiled now, not on the first card press or pass.
    prepareCards();
    const bot = createBotApp({
      adapter,
      botAppId: config.MicrosoftAppId,
      log,
      store,
      clock: ctx.clock,
      devFallback: !config.MicrosoftAppId,
      calendarLinks,
      parentLinks,
    });
    let ready = false;
    // The operator's token: /healthz details, and (embedded) the admin endpoint named in the lock file.
    const adminToken = config.SAMSPIL_ADMIN_TOKEN ?? randomBytes(24).toString('hex');
    const limits = sourceLimits();
    const app = createHttpApp({
      adminToken,
      limits,
      clock: ctx.clock,
      adapter,
      authenticated: exposure.authenticated,
      ready: () => ready,
      runTurn: (context) => bot.run(context),
      health: async () => {
        await store.engine.query('SELECT 1');
        return {
          store: store.engine.kind,
          now: ctx.clock.now().toISOString(),
          outbox: await store.queue.counts(),
        };
      },
      log,
      mount: (http) => {
        http.use('/api/v1', apiRouter({ store, clock: ctx.clock, log, failedAuth: limits.failedAuth }));
        if (calendarLinks) mountCalendarRoute(http, { store, links: calendarLinks, clock: ctx.clock, log });
        if (parentLinks) mountParentRoute(http, { store, links: parentLinks, clock: ctx.clock, log });
        if (graph.notifications)
          mountGraphNotifications(http, {
            store,
            clock: ctx.clock,
            log,
            calendarFor: async (id) => {
              const m = await loadMunicipality(store, id);
              const calendar = graph.calendarFor(m);
              return calendar ? { m, calendar } : null;
            },
          });
        mountTabRoutes(http, {
          store,
          clock: ctx.clock,
          log,
          verify: tabVerifierOf(config, ctx.clock),
          botId: config.MicrosoftAppId ?? PLACEHOLDER_BOT_ID,
        });
      },
    });
    const server = await listen(app, config.PORT, exposure.host);
    const port = (server.address() as AddressInfo).port;
    if (!exposure.authenticated)
      log.warn(
        { host: exposure.host, port },
        'no app id: authentication off, listening on loopback only and answering only a Bot Connector on this machine',
      );
    const sender = new OutboxSender(store, new BotFrameworkTransport(adapter, config.MicrosoftAppId ?? ''), {
      clock: ctx.clock,
      log,
      sendWindow: sendWindowFrom(store),
      leaseMs: config.SAMSPIL_OUTBOX_LEASE_SECONDS * 1000,
    });
    const scheduler =
      config.SAMSPIL_SCHEDULER === 'on'
        ? startScheduler(store, sender, ctx.clock, log, {
            calendarLinks,
            parentLinks,
            calendarFor: graph.calendarFor,
          })
        : null;
    const retention = config.SAMSPIL_SCHEDULER === 'on' ? startRetentionPass(store, ctx.clock, log) : null;
    // Embedded store: publish a loopback admin endpoint so tick/report/import can run while we hold the lock.
    const admin = lock
      ? await startAdminEndpoint(adminToken, async (argv) => {
          let out = '';
          let err = '';
          const code = await run(
            argv,
            process.env,
            { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) },
            store,
          );
          return { code, out, err };
        })
      : null;
    if (lock && admin) lock.update({ adminPort: admin.port, adminToken });
    // Only now can an operator's `samspil tick` reach us, and only now does the scheduler run.
    ready = true;
    process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
    const shown = exposure.host === '0.0.0.0' || exposure.host === '::' ? 'localhost' : exposure.host;
    const base = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
    ctx.out(
      `Samspil is listening on ${base}/api/messages, the Overblik tab on ${base}/tab/overblik ` +
        `(address ${exposure.host}, store: ${store.engine.kind}` +
        `${exposure.authenticated ? '' : ', no app id: authentication off, loopback only'}` +
        `${scheduler ? '' : ', scheduler off'}).`,
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    ready = false;
    // The pass and the drain in flight finish before the store closes.
    await scheduler?.stop();
    retention?.stop();
    await admin?.close();
    await new Promise((r) => server.close(r));
    await store.close();
    ctx.out('Samspil stopped.');
    return 0;
  },
};
