import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ManualClock } from '../../src/domain/clock';
import { launchChromium } from '../support/chromium';
import { startParentServer } from './parentFixture';

/**
 * A parent opens the link of a held meeting about their child on a phone (Chromium at 390×844,
 * touch, JavaScript off: the page must work without it), answers in Danish and sees the thank-you
 * page; a second parent answers; a third is refused politely; an expired and a tampered link are
 * refused. axe-core checks every page against WCAG 2.1 A and AA. Screenshots land in
 * build/parent-shots/ for a person to look at.
 */
const SHOTS = path.resolve(__dirname, '..', '..', 'build', 'parent-shots');
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

let f: Awaited<ReturnType<typeof startParentServer>>;
let seed: typeof f.seed;
let browser: Browser;
let url = '';
let meetingId = '';
const clock = new ManualClock('2026-11-24T12:00:00Z');

beforeAll(async () => {
  f = await startParentServer(clock);
  seed = f.seed;
  const meeting = await seed.meeting('child', '2026-11-24');
  await seed.t.meetings.markHeld(meeting.id);
  meetingId = meeting.id;
  url = await f.linkFor(meeting);
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await f?.close();
});

/** Each parent on their own phone: a fresh context, so no cookie carries over. */
async function phone(javaScriptEnabled = false): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled, locale: 'da-DK' });
  return { context, page: await context.newPage() };
}

/** Every WCAG 2.1 A/AA violation axe finds on the page as it is now, run in a second, scripted tab. */
async function axe(html: string): Promise<{ id: string; impact: string; nodes: number }[]> {
  const { context, page } = await phone(true);
  try {
    await page.setContent(html);
    // Nothing wider than the phone: no sideways scrolling.
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(390);
    // Evaluated through the DevTools protocol: the page's CSP rightly refuses an injected script.
    await page.evaluate(AXE);
    return await page.evaluate(async () => {
      const w = globalThis as unknown as {
        axe: {
          run(
            c: unknown,
            o: unknown,
          ): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
        };
      };
      const r = await w.axe.run((globalThis as unknown as { document: unknown }).document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
  } finally {
    await context.close();
  }
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function answer(page: Page, choices: Record<string, string>, comment = ''): Promise<void> {
  for (const [question, label] of Object.entries(choices)) {
    await page.locator(`#q-${question}`).getByLabel(label, { exact: true }).check();
  }
  if (comment) await page.getByLabel(/Er der andet/).fill(comment);
  await page.getByRole('button', { name: 'Send svar' }).click();
}

jest.setTimeout(150_000);

describe("the parents' page on a phone", () => {
  it('parent 1 opens the link, is told what is missing, answers in Danish and sees the thank-you page', async () => {
    const { context, page } = await phone();
    const opened = await page.goto(url);
    expect(opened?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Spørgeskema efter mødet om dit barn');
    await shot(page, '1-form');
    expect(await axe(await page.content())).toEqual([]);

    await page.getByRole('button', { name: 'Send svar' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Der er noget, du skal rette');
    await shot(page, '2-form-missing-answers');
    expect(await axe(await page.content())).toEqual([]);

    await answer(
      page,
      { rating: 'Godt', heard: 'Ja', understood: 'Delvist', next_steps: 'Ja' },
      'Godt at blive hørt.',
    );
    await expect(page.locator('h1').textContent()).resolves.toBe('Tak for dit svar');
    await shot(page, '3-thanks');
    expect(await axe(await page.content())).toEqual([]);
    // Back on the link from the same phone: already answered, no second form.
    await page.goto(url);
    await expect(page.locator('h1').textContent()).resolves.toBe('Du har allerede svaret');
    await context.close();
  });

  it('parent 2 answers too; a third answer is refused politely', async () => {
    const second = await phone();
    await second.page.goto(url);
    await answer(second.page, {
      rating: 'Godt, men noget kunne have været bedre',
      heard: 'Delvist',
      understood: 'Ja',
      next_steps: 'Nej',
    });
    await expect(second.page.locator('h1').textContent()).resolves.toBe('Tak for dit svar');
    await second.context.close();

    const third = await phone();
    const res = await third.page.goto(url);
    expect(res?.status()).toBe(409);
    await expect(third.page.locator('main').textContent()).resolves.toContain(
      'Alle de forældre, der var med til mødet, har svaret. Tak.',
    );
    await shot(third.page, '4-third-parent-refused');
    expect(await axe(await third.page.content())).toEqual([]);
    await third.context.close();

    const stored = (await seed.t.questionnaires.responses(meetingId)).filter((r) => r.on_behalf_of_parent);
    expect(stored.map((r) => [r.form_id, r.assisted, r.recorded_by_staff_id]).sort()).toEqual([
      ['parent', false, null],
      ['parent', false, null],
    ]);
  });

  it('refuses a tampered link and an expired one with a page a parent understands', async () => {
    const { context, page } = await phone();
    const tampered = url.replace(/.(?=\.[^.]+$)/, (c) => (c === 'a' ? 'b' : 'a'));
    expect((await page.goto(tampered))?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Linket virker ikke');
    await shot(page, '5-tampered-link');
    expect(await axe(await page.content())).toEqual([]);

    const later = await seed.meeting('child', '2026-11-10');
    const old = await f.linkFor(later);
    expect((await page.goto(old))?.status()).toBe(410);
    await expect(page.locator('main').textContent()).resolves.toContain('Spørgeskemaet er lukket');
    await shot(page, '6-expired-link');
    expect(await axe(await page.content())).toEqual([]);
    await context.close();
  });

  it('reads in English on request, axe-clean too', async () => {
    const meeting = await seed.meeting('child', '2026-11-23');
    const link = await f.linkFor(meeting);
    const { context, page } = await phone();
    await page.goto(link);
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Questionnaire after the meeting about your child',
    );
    await shot(page, '7-form-english');
    expect(await axe(await page.content())).toEqual([]);
    await context.close();
  });
});
