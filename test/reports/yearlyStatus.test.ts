import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromiumContext } from '../support/chromium';
import { loadMunicipality } from '../../src/app/municipalityContext';
import { collectYearlyStatus } from '../../src/reports/yearlyStatus/collect';
import { yearlyStatusHtml } from '../../src/reports/yearlyStatus/html';
import type { Store } from '../../src/store/store';
import { ENGINES, openTestStore } from '../support/db';
import { MUNICIPALITY, NOW, seedKeyFigures, type Seeded } from './fixture';

const CHARTS = [
  'followup-intervals',
  'followups-per-half-year',
  'compliance',
  'ladder-movements',
  'early-help',
  'caseload',
  'meetings',
  'ratings',
];

describe.each(ENGINES)('yearly status document on $name', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let seeded: Seeded;
  let html: string;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(engine));
    seeded = await seedKeyFigures(store);
    const municipality = await loadMunicipality(store, MUNICIPALITY);
    html = yearlyStatusHtml(
      await collectYearlyStatus({ tenant: seeded.tenant, municipality, year: 2017, now: NOW }),
    );
  }, 60_000);
  afterAll(() => dispose());

  it('is one self-contained Danish document: no script, no external resource, print styles', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="da">/);
    expect(html).toContain('<title>Årsstatus 2017: Fjordby Kommune</title>');
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|https?:\/\//i);
    expect(html).toContain('@media print');
    expect(html).not.toContain('(n<5)'); // escaped everywhere: (n&lt;5)
    for (const id of CHARTS) expect(html).toContain(`data-chart="${id}"`);
  });

  it('prints the numbers beside the charts, with the small groups suppressed', () => {
    const text = html
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/&lt;/g, '<');
    expect(text).toContain('Institutionsanbringelser 5 9 87,6');
    expect(text).toContain('Plejefamilieanbringelser skjult (n<5) skjult (n<5) skjult (n<5)');
    // Hedeskolen's 4 answers are hidden, and Solsikken's 50 with them: 54 − 50 would give them back.
    expect(text).toContain('Team Solsikken skjult (n<5)');
    expect(text).toContain('Team Hedeskolen skjult (n<5)');
    expect(text).toContain('Hele kommunen 54 41 (75,93 %) 9 (16,67 %) 4 (7,41 %)');
    expect(text).toContain('Team Solsikken Dagtilbud 5 6 nej');
    expect(text).toContain('5 1 20 %'); // § 30: 5 courses, 1 followed
    // The suppressed groups are drawn without a bar, with the suppression note instead.
    const ratings = html.slice(html.indexOf('data-chart="ratings"'));
    expect(ratings.slice(0, ratings.indexOf('</svg>'))).toContain('skjult (n&lt;5)');
  });

  it("leaves out another municipality's data and names no parent", () => {
    expect(html).not.toContain('Anden Kommune');
    expect(html).not.toMatch(/Deltager \d/);
  });
});

describe('yearly status in headless Chromium', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let file: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-yearly-'));

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    const seeded = await seedKeyFigures(store);
    const municipality = await loadMunicipality(store, MUNICIPALITY);
    file = path.join(dir, 'aarsstatus-2017.html');
    fs.writeFileSync(
      file,
      yearlyStatusHtml(
        await collectYearlyStatus({ tenant: seeded.tenant, municipality, year: 2017, now: NOW }),
      ),
    );
  }, 60_000);
  afterAll(async () => {
    await dispose();
  });

  it('renders every chart with a non-zero size, fetches nothing, and takes a screenshot', async () => {
    const context = await launchChromiumContext(path.join(dir, 'profile'), {
      viewport: { width: 1200, height: 900 },
    });
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${file}`);
      expect(await page.title()).toBe('Årsstatus 2017: Fjordby Kommune');
      for (const id of CHARTS) {
        const chart = page.locator(`svg[data-chart="${id}"]`);
        expect(await chart.count()).toBe(1);
        const box = await chart.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.width).toBeGreaterThan(100);
        expect(box!.height).toBeGreaterThan(20);
      }
      // Bars are drawn from the data: the municipality's 75,93 % "good" is wider than its 16,67 %.
      const bars = await page
        .locator('svg[data-chart="ratings"] rect.bar')
        .evaluateAll((rs) =>
          rs.map((r) => (r as unknown as { getBBox(): { width: number } }).getBBox().width),
        );
      expect(bars.length).toBeGreaterThanOrEqual(3);
      expect(bars[0]! / bars[1]!).toBeCloseTo(75.93 / 16.67, 1);
      expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
      const shot = path.join(os.tmpdir(), `samspil-yearly-status-${process.pid}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      const png = fs.readFileSync(shot);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(20_000);
      // Printing works too: the print stylesheet yields a PDF.
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    } finally {
      await context.close();
    }
  }, 60_000);
});
