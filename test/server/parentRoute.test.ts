import http from 'node:http';
import { AddressInfo } from 'node:net';
import express from 'express';
import { ParentLinks } from '../../src/app/parentLinks';
import { loadMunicipality } from '../../src/app/municipalityContext';
import { parentLinkFor } from '../../src/app/parentAnswers';
import { ManualClock } from '../../src/domain/clock';
import { findCpr } from '../../src/domain/cpr';
import { Random } from '../../src/demo/random';
import { createLogger } from '../../src/log';
import { mountParentRoute } from '../../src/server/parentRoute';
import type { Store } from '../../src/store/store';
import { seedAfterMeeting } from '../app/afterMeetingFixture';
import { ENGINES, openTestStore } from '../support/db';
import { CPR_SPELLINGS, mutate } from '../support/mutate';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
/** The meeting ends 24 Nov 2026 10:00 Copenhagen time; the link expires 14 days later. */
const AFTER = '2026-11-24T12:00:00Z';

const ANSWER = {
  formVersion: '1',
  lang: 'da',
  rating: 'good',
  heard: 'yes',
  understood: 'partly',
  next_steps: 'yes',
  comment: 'Rart at blive spurgt',
};

/** POST /p/…: the parents' page as a browser without JavaScript submits it. */
describe("the parents' page behind the meeting's signed link", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let seed: Awaited<ReturnType<typeof seedAfterMeeting>>;
  let server: http.Server;
  let base: string;
  let links: ParentLinks;
  let url: string;
  let meetingId: string;
  const clock = new ManualClock(AFTER);

  const post = (to: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(to, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(body).toString(),
      redirect: 'manual',
    });
  const parentRows = async () =>
    (await seed.t.questionnaires.responses(meetingId)).filter((r) => r.on_behalf_of_parent);

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    seed = await seedAfterMeeting(store);
    const meeting = await seed.meeting('child', '2026-11-24');
    meetingId = meeting.id;
    const app = express();
    // The server's own JSON parser runs first, as in createHttpApp.
    app.use(express.json({ limit: '1mb' }));
    server = await new Promise<http.Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    links = new ParentLinks(base, SECRET);
    mountParentRoute(app, { store, links, clock, log: createLogger('silent') });
    url = parentLinkFor(links, await loadMunicipality(store, 'am'), meeting)!;
  }, 120_000);
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await dispose();
  });

  it('is short, and opens the parents’ form in Danish, without script, cookie or anything from elsewhere', async () => {
    expect(new URL(url).pathname.length).toBeLessThan(64);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await res.text();
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('Følte du dig forstået?');
    expect(html).toContain('Hvad gemmer vi, og hvem ser det?');
    expect(html).not.toMatch(/<script|Børnelinealen|faggruppe|Følte forældrene/i);
    expect(await (await fetch(`${url}?lang=en`)).text()).toContain('Did you feel understood?');
  });

  it('stores an answer with nothing about who gave it, thanks the parent, and remembers this phone', async () => {
    const res = await post(url, ANSWER);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Tak for dit svar');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(
      /^samspil_answered=1; Path=\/p\/am\/[^;]+; Expires=[^;]+; HttpOnly; SameSite=Strict$/,
    );
    const [row] = await parentRows();
    expect(row).toMatchObject({
      respondent_staff_id: null,
      recorded_by_staff_id: null,
      assisted: false,
      form_id: 'parent',
      answers: {
        rating: 'good',
        heard: 'yes',
        understood: 'partly',
        next_steps: 'yes',
        comment: 'Rart at blive spurgt',
      },
    });
    // The day only, not the minute.
    expect(row!.answered_at.toISOString()).toBe('2026-11-24T12:00:00.000Z');
    // The same phone pressing "Send" again takes no second place.
    const again = await post(url, ANSWER, { cookie: 'samspil_answered=1' });
    expect(await again.text()).toContain('Du har allerede svaret');
    expect(await parentRows()).toHaveLength(1);
  });

  it('takes the second parent and refuses a third politely', async () => {
    expect((await post(url, { ...ANSWER, comment: '' })).status).toBe(200);
    const third = await post(url, ANSWER);
    expect(third.status).toBe(409);
    expect(await third.text()).toContain('Alle de forældre, der var med til mødet, har svaret. Tak.');
    expect((await fetch(url)).status).toBe(409);
    expect(await parentRows()).toHaveLength(2);
  });

  it('refuses a forged or altered link, and an expired one, each with a page', async () => {
    const path = new URL(url).pathname;
    const [, , municipality, token] = path.split('/') as [string, string, string, string];
    const [id, expiry, sig] = token.split('.') as [string, string, string];
    const flip = (s: string, i = 3) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    const later = (parseInt(expiry, 36) + 86_400 * 30).toString(36);
    for (const forged of [
      `/p/${municipality}/${flip(id)}.${expiry}.${sig}`,
      `/p/${municipality}/${id}.${later}.${sig}`,
      `/p/${municipality}/${id}.${expiry}.${flip(sig)}`,
      `/p/other/${token}`,
      `/p/${municipality}/${token}x`,
      `/p/${municipality}/not-a-link`,
    ]) {
      const res = await fetch(base + forged);
      expect([forged, res.status]).toEqual([forged, 404]);
      expect(await res.text()).toContain('Linket virker ikke');
      expect((await post(base + forged, ANSWER)).status).toBe(404);
    }
    const other = await seed.meeting('child', '2026-11-25');
    const otherUrl = parentLinkFor(links, await loadMunicipality(store, 'am'), other)!;
    clock.set('2026-12-09T10:00:00Z');
    const expired = await fetch(otherUrl);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('Spørgeskemaet er lukket');
    expect((await post(otherUrl, ANSWER)).status).toBe(410);
    expect(await seed.t.questionnaires.responses(other.id)).toEqual([]);
    clock.set(AFTER);
  });

  it('sends a CPR number back as a refusal beside the comment, never echoed and never stored', async () => {
    const meeting = await seed.meeting('child', '2026-11-23');
    const link = parentLinkFor(links, await loadMunicipality(store, 'am'), meeting)!;
    const res = await post(link, { ...ANSWER, comment: 'Min søn 010190-1234 har det svært' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(findCpr(html)).toBeNull();
    expect(html).toContain('CPR');
    expect(html).toContain('aria-invalid="true"');
    // The other answers come back as given.
    expect(html).toMatch(/value="partly" checked/);
    expect(await seed.t.questionnaires.responses(meeting.id)).toEqual([]);
  });

  it('answers a missing answer with the form again, the reason beside the question and in a summary', async () => {
    const meeting = await seed.meeting('child', '2026-11-20');
    const link = parentLinkFor(links, await loadMunicipality(store, 'am'), meeting)!;
    const { heard: _h, ...rest } = ANSWER;
    const res = await post(link, rest);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<a href="#q-heard">');
    expect(html).toContain('id="q-heard-error"');
    expect(html).toMatch(/value="good" checked/);
  });

  it('refuses a huge body and a flood with a page, never a 5xx', async () => {
    const huge = await post(url, { ...ANSWER, comment: 'x'.repeat(100_000) });
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('Svaret er for langt');
    const hugeJson = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ comment: 'x'.repeat(2_000_000) }),
    });
    expect(hugeJson.status).toBe(413);
    expect(await hugeJson.text()).toContain('<html');
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await post(url, ANSWER)).status);
    expect(statuses).toContain(429);
    expect(statuses.every((s) => s < 500)).toBe(true);
    clock.advance(10 * 60_000);
  });

  it('fuzz: 400 mutated answers and links get a page below 500, and store no CPR number and no more than the places', async () => {
    const r = new Random(2126);
    const meeting = await seed.meeting('child', '2026-11-19');
    const link = parentLinkFor(links, await loadMunicipality(store, 'am'), meeting)!;
    for (let i = 0; i < 400; i++) {
      // The flood limit would answer most of these with 429 before they reach the form.
      clock.advance(60_000);
      const body = mutate(r, ANSWER) as Record<string, unknown>;
      const flat = Object.fromEntries(
        Object.entries(body && typeof body === 'object' ? body : { body }).map(([k, v]) => [
          k,
          typeof v === 'string' ? v : (JSON.stringify(v) ?? ''),
        ]),
      );
      const to = r.chance(0.2)
        ? link.slice(0, r.int(base.length + 3, link.length)) + encodeURIComponent(r.pick(CPR_SPELLINGS))
        : link;
      const res = await post(to, flat);
      expect([i, res.status < 500]).toEqual([i, true]);
      expect(findCpr(await res.text())).toBeNull();
    }
    const stored = await seed.t.questionnaires.responses(meeting.id);
    expect(stored.length).toBeLessThanOrEqual(2);
    for (const row of stored) expect(findCpr(JSON.stringify(row.answers))).toBeNull();
  }, 120_000);
});
