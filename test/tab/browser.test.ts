import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromiumContext } from '../support/chromium';
import type { Store, TenantStore } from '../../src/store/store';
import type { StaffRow } from '../../src/store/types';
import { ENGINES } from '../support/db';
import { openDemoStore, startTabServer, type TabServer } from './fixture';

/**
 * The Overblik tab in headless Chromium, as a new user opens it after `npm run demo`: the page
 * loads only from Samspil's server, the demo user is chosen in the page, the charts are drawn
 * from data, axe-core finds no serious or critical violation, and the CSV button downloads the
 * table. Screenshots land in build/tab-shots/ for a person to look at.
 */
const SHOTS = path.resolve(__dirname, '..', '..', 'build', 'tab-shots');
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let store: Store;
let tenant: TenantStore;
let dispose: () => Promise<void>;
let server: TabServer;
let browser: BrowserContext;
let staff: StaffRow[];
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-tab-'));

beforeAll(async () => {
  ({ store, tenant, dispose } = await openDemoStore(ENGINES[1]!));
  staff = await tenant.staff.list();
  server = await startTabServer(store);
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromiumContext(profile, {
    viewport: { width: 1100, height: 900 },
    acceptDownloads: true,
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await dispose?.();
  fs.rmSync(profile, { recursive: true, force: true });
});

const who = (role: string) => staff.find((s) => s.roles.includes(role as never) && s.unit_name !== null)!;
const firstCoordinator = () => staff.find((s) => s.roles.includes('coordinator'))!;

interface Opened {
  page: Page;
  requests: string[];
}

/** Opens the tab as a new user does: the page, then the demo user picked in its own list. */
async function openAs(person: StaffRow, lang: 'da' | 'en', theme: 'default' | 'dark'): Promise<Opened> {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/tab/overblik?lang=${lang}&theme=${theme}`);
  await page.selectOption('#pick-user', person.id);
  await page.waitForSelector('#overview[data-loaded="true"]');
  expect(errors).toEqual([]);
  return { page, requests };
}

/** Every chart's bars, with their drawn widths: a chart "has data points" when some bar is wider than 0. */
async function charts(page: Page): Promise<Record<string, number[]>> {
  return page.$$eval('svg.chart', (svgs) =>
    Object.fromEntries(
      svgs.map((s) => [
        s.getAttribute('data-chart'),
        [...s.querySelectorAll('rect.bar')].map(
          (r) => (r as unknown as { getBBox(): { width: number } }).getBBox().width,
        ),
      ]),
    ),
  );
}

async function axe(page: Page): Promise<{ id: string; impact: string; nodes: number }[]> {
  // Evaluated through the DevTools protocol: the tab's CSP rightly refuses an injected inline script.
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const w = globalThis as unknown as {
      axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
    };
    return (await w.axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const ROLES: [string, () => StaffRow, string[]][] = [
  [
    'leader',
    () => who('leader'),
    ['compliance-by-month', 'overdue-per-adviser', 'caseload', 'ladder-movements', 'meetings'],
  ],
  ['coordinator', firstCoordinator, ['school-year', 'team-1-meetings', 'team-1-questionnaires']],
  ['adviser', () => who('adviser'), ['adviser-deadlines']],
];

describe('the Overblik tab in Chromium', () => {
  for (const [role, person, expected] of ROLES) {
    for (const [lang, theme] of [
      ['da', 'default'],
      ['en', 'dark'],
    ] as const) {
      it(`renders for ${role === 'adviser' ? 'an' : 'a'} ${role} in ${lang === 'da' ? 'Danish' : 'English'}, ${theme} theme, with charts from data and no serious accessibility violation`, async () => {
        const { page, requests } = await openAs(person(), lang, theme);
        try {
          expect(await page.getAttribute('html', 'lang')).toBe(lang);
          expect(await page.getAttribute('html', 'class')).toBe(`theme-${theme}`);
          const drawn = await charts(page);
          expect(Object.keys(drawn)).toEqual(expected);
          // The demo's ladder moves are small groups: complementary suppression may hide every
          // direction (docs/key-figures.md), so that chart is drawn with notes instead of bars.
          for (const id of expected.filter((i) => i !== 'ladder-movements'))
            expect(Math.max(0, ...drawn[id]!)).toBeGreaterThan(1);
          const heading = await page.textContent('main h2');
          expect(heading).toMatch(
            {
              leader: lang === 'da' ? /^Min enhed: / : /^My unit: /,
              coordinator: lang === 'da' ? /^Mine teams$/ : /^My teams$/,
              adviser: lang === 'da' ? /^Mine frister$/ : /^My deadlines$/,
            }[role]!,
          );
          if (theme === 'dark') {
            const bg = await page.$eval(
              'body',
              (b) =>
                (
                  globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
                ).getComputedStyle(b).backgroundColor,
            );
            expect(bg).toBe('rgb(31, 31, 31)');
          }
          expect(await axe(page)).toEqual([]);
          await page.screenshot({ path: path.join(SHOTS, `${role}-${lang}-${theme}.png`), fullPage: true });
          // Nothing but Samspil's own server: no CDN, no external font or script. (teams-js would fetch
          // its list of Teams origins from a CDN; the page's CSP stops that and it uses its bundled list.)
          expect(requests.filter((u) => !u.startsWith(server.url))).toEqual([]);
          expect(requests).toContain(`${server.url}/tab/assets/teams-js.js`);
        } finally {
          await page.close();
        }
      }, 60_000);
    }
  }

  it('downloads a table as CSV from its button', async () => {
    const { page } = await openAs(who('leader'), 'da', 'default');
    try {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('button.csv[data-table="caseload"]'),
      ]);
      expect(download.suggestedFilename()).toMatch(/^samspil-caseload-2026-01-01-2026-11-23\.csv$/);
      const file = path.join(profile, 'caseload.csv');
      await download.saveAs(file);
      const csv = fs.readFileSync(file, 'utf8');
      const api = await fetch(`${server.url}/tab/api/csv/caseload`, {
        headers: { 'x-samspil-demo-user': who('leader').id },
      });
      expect(csv).toBe(await api.text());
      expect(csv.split('\n')[0]).toBe('Rådgiver,Enhed,Åbne sager,Over mål');
    } finally {
      await page.close();
    }
  }, 60_000);
});
