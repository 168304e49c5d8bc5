import express from 'express';
import type { Clock } from '../domain/clock';
import { localeFrom, type Locale } from '../i18n/locale';
import { TAB_TEXTS } from '../i18n/tabTexts';
import type { Logger } from '../log';
import { formatReport } from '../reports/format';
import type { Store } from '../store/store';
import type { TokenIdentity } from './auth';
import { periodOf, runSpec, scopesOf, tableSpecs, type Scopes } from './overview';
import { overviewHtml } from './page';
import { demoStaff, resolveViewer, ViewerRefused, type Viewer, type ViewerRefusal } from './viewer';
import { CONFIG_SCRIPT, TAB_SCRIPT } from './views/clientScript';
import { configHtml, noticeHtml, shellHtml } from './views/shell';
import { TAB_CSS } from './views/styles';

export interface TabDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  /** Verifies Teams SSO tokens; absent without an app id, when the page offers demo users instead. */
  verify?: (token: string) => Promise<TokenIdentity>;
  /** The bot's app id, for the chat deep links (the manifest's placeholder in the demo). */
  botId: string;
}

const TEAMS_JS = require.resolve('@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js');

/**
 * Teams shows a tab in an iframe of its own hosts; nothing else may frame it, and the page loads
 * nothing from anywhere but this server.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com https://*.cloud.microsoft https://*.microsoft365.com",
].join('; ');

const pageLocale = (req: express.Request): Locale =>
  localeFrom(typeof req.query.lang === 'string' ? req.query.lang : null);

function sendAsset(res: express.Response, type: string, body: string): void {
  res.status(200).set('content-type', type).set('cache-control', 'public, max-age=300').send(body);
}

/** The Overblik tab: pages, assets and the authenticated overview and CSV endpoints under /tab. */
export function mountTabRoutes(app: express.Express, deps: TabDeps): void {
  const router = express.Router();
  router.use((_req, res, next) => {
    // Teams frames the tab: its own frame-ancestors replace the server's "none", and X-Frame-Options,
    // which cannot name several hosts, goes (src/server/securityHeaders.ts).
    res.set('content-security-policy', CSP).removeHeader('x-frame-options');
    next();
  });

  router.get('/assets/overblik.css', (_req, res) => sendAsset(res, 'text/css; charset=utf-8', TAB_CSS));
  router.get('/assets/overblik.js', (_req, res) =>
    sendAsset(res, 'text/javascript; charset=utf-8', TAB_SCRIPT),
  );
  router.get('/assets/config.js', (_req, res) =>
    sendAsset(res, 'text/javascript; charset=utf-8', CONFIG_SCRIPT),
  );
  router.get('/assets/teams-js.js', (_req, res) => {
    res.set('content-type', 'text/javascript; charset=utf-8').set('cache-control', 'public, max-age=3600');
    res.sendFile(TEAMS_JS);
  });

  const shell = (scope: 'personal' | 'team') => async (req: express.Request, res: express.Response) => {
    const demo = deps.verify ? undefined : await demoStaff(deps.store);
    res
      .status(200)
      .set('content-type', 'text/html; charset=utf-8')
      .set('cache-control', 'no-store')
      .send(shellHtml({ locale: pageLocale(req), scope, demo }));
  };
  router.get('/overblik', wrap(deps, shell('personal')));
  router.get('/team', wrap(deps, shell('team')));
  router.get('/config', (req, res) => {
    res
      .status(200)
      .set('content-type', 'text/html; charset=utf-8')
      .send(configHtml(pageLocale(req)));
  });

  router.get(
    '/api/overview',
    wrap(deps, async (req, res) => {
      const { viewer, scopes, locale } = await requestContext(deps, req);
      const html = await overviewHtml(viewer, scopes, locale, deps.clock.now(), deps.botId);
      res
        .status(200)
        .set('content-type', 'text/html; charset=utf-8')
        .set('content-language', locale)
        .set('cache-control', 'no-store')
        .send(html);
    }),
  );

  router.get(
    '/api/csv/:table',
    wrap(deps, async (req, res) => {
      const { viewer, scopes } = await requestContext(deps, req);
      const now = deps.clock.now();
      const period = periodOf(viewer, now);
      const spec = tableSpecs(viewer, scopes, period).find((s) => s.id === req.params.table);
      if (!spec) {
        res.status(404).type('text/plain').send('No such table for you.');
        return;
      }
      const csv = formatReport(await runSpec(viewer, spec, period, now), 'csv');
      res
        .status(200)
        .set('content-type', 'text/csv; charset=utf-8')
        .set(
          'content-disposition',
          `attachment; filename="samspil-${spec.report}-${period.from}-${period.to}.csv"`,
        )
        .set('cache-control', 'no-store')
        .send(`${csv}\n`);
    }),
  );

  app.use('/tab', router);
}

async function requestContext(
  deps: TabDeps,
  req: express.Request,
): Promise<{ viewer: Viewer; scopes: Scopes; locale: Locale }> {
  const viewer = await resolveViewer(
    deps.store,
    { verify: deps.verify },
    { authorization: req.get('authorization'), demoUser: req.get('x-samspil-demo-user') },
  );
  // The page's own language switch wins; else the person's choice in `indstillinger` (docs/language.md).
  const locale = localeFrom(typeof req.query.lang === 'string' ? req.query.lang : viewer.staff.locale);
  if (req.query.scope !== 'team') return { viewer, scopes: await scopesOf(viewer), locale };
  const channel = typeof req.query.channel === 'string' ? req.query.channel : '';
  const team = channel ? await viewer.tenant.teams.byChannel(channel) : null;
  if (!team) throw new ViewerRefused(404, 'notLinked');
  const members = await viewer.tenant.teams.members(team.id);
  if (!viewer.isLeader && !members.some((m) => m.staff_id === viewer.staff.id)) {
    throw new ViewerRefused(403, 'notMember');
  }
  return { viewer, scopes: await scopesOf(viewer, team), locale };
}

function refusalWords(reason: ViewerRefusal, locale: Locale): string {
  const t = TAB_TEXTS[locale];
  return reason === 'notLinked' || reason === 'notMember' ? t.team[reason] : t.refused[reason];
}

/** A refusal is answered with its status and a notice; any other failure is logged and a 500. */
function wrap(
  deps: TabDeps,
  fn: (req: express.Request, res: express.Response) => Promise<void>,
): express.RequestHandler {
  return (req, res) => {
    fn(req, res).catch((err: unknown) => {
      if (err instanceof ViewerRefused) {
        const locale = pageLocale(req);
        res
          .status(err.status)
          .set('content-type', 'text/html; charset=utf-8')
          .set('content-language', locale)
          .send(noticeHtml(refusalWords(err.reason, locale)));
        return;
      }
      deps.log.error({ err }, 'tab request failed');
      if (!res.headersSent) res.status(500).type('text/plain').send(TAB_TEXTS[pageLocale(req)].failed);
    });
  };
}
