import { run } from '../../src/cli/run';
import type { Store, TenantStore } from '../../src/store/store';
import type { StaffRow } from '../../src/store/types';
import { ENGINES } from '../support/db';
import { NOW, openDemoStore, startTabServer, type TabServer } from './fixture';

/**
 * Who sees what in the Overblik tab, checked on the server over HTTP against the demo municipality
 * (demo mode: no app id, the page names the fictional user). The CSV of every table is exactly
 * what `samspil report … --format csv` prints for the same scope and period.
 */
let store: Store;
let tenant: TenantStore;
let dispose: () => Promise<void>;
let server: TabServer;
let staff: StaffRow[];

const as = (s: StaffRow) => ({ 'x-samspil-demo-user': s.id });
async function overview(s: StaffRow, query = 'lang=da') {
  const res = await fetch(`${server.url}/tab/api/overview?${query}`, { headers: as(s) });
  return { status: res.status, html: await res.text(), language: res.headers.get('content-language') };
}
const tableIds = (html: string) => [
  ...new Set([...html.matchAll(/data-table="([^"]+)"/g)].map((m) => m[1]!)),
];
const commandOf = (html: string, id: string) => {
  const figure = html.slice(html.indexOf(`<figure class="report" data-table="${id}"`));
  const code = /<code>samspil report (.*?) --format csv<\/code>/
    .exec(figure)![1]!
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return (code.match(/"[^"]*"|\S+/g) ?? []).map((a) => a.replace(/^"|"$/g, ''));
};
async function cliCsv(args: string[]): Promise<string> {
  let out = '';
  const code = await run(
    ['report', ...args, '--format', 'csv', '--municipality', 'demo'],
    { SAMSPIL_NOW: NOW.toISOString(), LOG_LEVEL: 'silent' },
    { out: (t) => (out += `${t}\n`), err: () => undefined },
    store,
  );
  expect(code).toBe(0);
  return out;
}

const byRole = (role: string, unit?: string) =>
  staff.filter((s) => s.roles.includes(role as never) && (!unit || s.unit_name === unit));

beforeAll(async () => {
  ({ store, tenant, dispose } = await openDemoStore(ENGINES[1]!));
  staff = await tenant.staff.list();
  server = await startTabServer(store);
}, 120_000);
afterAll(async () => {
  await server.close();
  await dispose();
});

describe('Overblik for a leader', () => {
  it("shows the unit's compliance, overdue, caseload and ladder figures and the municipality's meetings", async () => {
    const leader = byRole('leader', 'Familierådgivningen Nord')[0]!;
    const { status, html } = await overview(leader);
    expect(status).toBe(200);
    expect(tableIds(html)).toEqual(['compliance', 'overdue', 'caseload', 'ladder-movements', 'meetings']);
    for (const chart of [
      'compliance-by-month',
      'overdue-per-adviser',
      'caseload',
      'ladder-movements',
      'meetings',
    ]) {
      expect(html).toContain(`data-chart="${chart}"`);
    }
    // Eleven months of 2026 so far, two bars each (policy and law).
    const compliance = html.slice(html.indexOf('data-chart="compliance-by-month"'));
    expect((compliance.slice(0, compliance.indexOf('</svg>')).match(/ · Efter loven/g) ?? []).length).toBe(
      11,
    );
  });

  it('reads in the page language: dates in its format, and in English no Danish category or caption', async () => {
    const leader = byRole('leader', 'Familierådgivningen Nord')[0]!;
    // The tables as a person reads them, without the CLI command printed under each.
    const tables = (html: string) =>
      [...html.matchAll(/<table>[\s\S]*?<\/table>|<figcaption>.*?<\/figcaption>/g)]
        .map((m) => m[0])
        .join('\n');
    for (const lang of ['da', 'en']) {
      expect(tables((await overview(leader, `lang=${lang}`)).html)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
    const en = tables((await overview(leader, 'lang=en')).html);
    expect(en).toContain('Follow-ups on time (policy and law)');
    expect(en).toContain('Institution placements');
    expect(en).not.toMatch(/Institutionsanbringelser|Rettidige|Ikke på trappen|Forfaldne/);
  });

  it('of unit A sees nothing of unit B: no adviser, no case of another unit', async () => {
    const leader = byRole('leader', 'Familierådgivningen Nord')[0]!;
    const { html } = await overview(leader);
    const others = staff.filter((s) => s.unit_name && s.unit_name !== 'Familierådgivningen Nord');
    expect(others.length).toBeGreaterThan(5);
    for (const s of others) expect(html).not.toContain(s.name);
    expect(html).not.toContain('Familierådgivningen Syd');
    expect(html).not.toContain('Familierådgivningen Vest');
    const mine = byRole('adviser', 'Familierådgivningen Nord');
    for (const s of mine) expect(html).toContain(s.name);
  });

  it('downloads every table as CSV identical to `samspil report … --format csv`', async () => {
    const leader = byRole('leader', 'Familierådgivningen Syd')[0]!;
    const { html } = await overview(leader);
    for (const id of tableIds(html)) {
      const res = await fetch(`${server.url}/tab/api/csv/${id}`, { headers: as(leader) });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="samspil-.*\.csv"$/);
      const args = commandOf(html, id);
      if (id !== 'meetings')
        expect(args).toEqual(expect.arrayContaining(['--unit', 'Familierådgivningen Syd']));
      expect(args).toEqual(expect.arrayContaining(['--from', '2026-01-01', '--to', '2026-11-23']));
      const csv = await res.text();
      expect(csv.split('\n').length).toBeGreaterThan(2);
      expect(csv).toBe(await cliCsv(args));
    }
  });

  it('cannot download a table that is not theirs', async () => {
    const leader = byRole('leader')[0]!;
    expect(
      (await fetch(`${server.url}/tab/api/csv/team-1-questionnaires`, { headers: as(leader) })).status,
    ).toBe(404);
  });
});

describe('Overblik for an adviser', () => {
  it('shows only their own cases, by overdue, this week and the next 30 days, with a chat link', async () => {
    const adviser = byRole('adviser', 'Familierådgivningen Vest')[2]!;
    const { html } = await overview(adviser);
    expect(tableIds(html)).toEqual([]);
    const own = new Set((await tenant.cases.list({ adviserId: adviser.id })).map((c) => c.case_ref));
    const shown = [...html.matchAll(/data-case="([^"]+)"/g)].map((m) => m[1]!);
    expect(shown.length).toBeGreaterThan(3);
    for (const ref of shown) expect(own.has(ref)).toBe(true);
    const all = (await tenant.cases.list({})).map((c) => c.case_ref).filter((r) => !own.has(r));
    for (const ref of all) expect(html).not.toContain(`"${ref}"`);
    expect(html).toMatch(/<h3 id="deadlines-overdue">Overskredet \(\d+\)<\/h3>/);
    expect(html).toContain('Denne uge');
    expect(html).toContain('De næste 30 dage');
    expect(html).toContain(
      `https://teams.microsoft.com/l/chat/0/0?users=28:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d&amp;message=sag%20${shown[0]}`,
    );
  });

  it('in English when the Teams locale is English, dates included', async () => {
    const adviser = byRole('adviser')[0]!;
    const { html, language } = await overview(adviser, 'lang=en-GB');
    expect(language).toBe('en');
    expect(html).toContain('My deadlines');
    expect(html).toMatch(
      /\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d/,
    );
    expect(html).not.toContain('Mine frister');
  });
});

describe('Overblik for a coordinator', () => {
  it("shows their own team's school year, meetings and questionnaires, and no one else's team", async () => {
    const coordinator = byRole('coordinator')[0]!;
    const [teamId] = await tenant.reports.coordinatedTeamIds(coordinator.id);
    const team = (await tenant.teams.get(teamId!))!;
    const { html } = await overview(coordinator);
    expect(tableIds(html)).toEqual(['team-1-meetings', 'team-1-questionnaires']);
    expect(html).toContain('data-chart="school-year"');
    expect(html).toContain(team.name);
    for (const other of (await tenant.teams.list()).filter((t) => t.id !== team.id)) {
      expect(html).not.toContain(other.name);
    }
    for (const id of tableIds(html)) {
      const csv = await (await fetch(`${server.url}/tab/api/csv/${id}`, { headers: as(coordinator) })).text();
      expect(commandOf(html, id)).toEqual(expect.arrayContaining(['--team', team.name]));
      expect(csv).toBe(await cliCsv(commandOf(html, id)));
    }
  });
});

describe('Overblik for others, and the channel tab', () => {
  it('tells a participant what the tab is for, and shows no figures', async () => {
    const participant = staff.find((s) => s.roles.length === 1 && s.roles[0] === 'participant')!;
    const { status, html } = await overview(participant);
    expect(status).toBe(200);
    expect(html).toContain('Overblik viser tal for rådgivere, ledere og tovholdere');
    expect(html).not.toContain('<svg');
  });

  it('refuses an unknown demo user (403) and a request naming no one (401)', async () => {
    const unknown = await fetch(`${server.url}/tab/api/overview`, {
      headers: { 'x-samspil-demo-user': '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.status).toBe(403);
    expect((await fetch(`${server.url}/tab/api/overview`)).status).toBe(401);
  });

  it("shows a linked channel's team to its members only, and says when a channel is not linked", async () => {
    const team = (await tenant.teams.list())[3]!;
    const members = await tenant.teams.members(team.id);
    const conversationId = '19:overblik-test@thread.tacv2';
    await tenant.conversations.save({
      conversationId,
      kind: 'channel',
      staffId: null,
      teamId: team.id,
      reference: {},
    });
    const member = staff.find((s) => s.id === members[1]!.staff_id)!;
    const q = `scope=team&channel=${encodeURIComponent(conversationId)}`;
    const seen = await overview(member, q);
    expect(seen.status).toBe(200);
    expect(tableIds(seen.html)).toEqual(['team-meetings']);
    expect(seen.html).toContain(team.name);
    const csv = await (
      await fetch(`${server.url}/tab/api/csv/team-meetings?${q}`, { headers: as(member) })
    ).text();
    expect(csv).toBe(await cliCsv(commandOf(seen.html, 'team-meetings')));

    const outsider = staff.find(
      (s) => s.roles.includes('adviser') && !members.some((m) => m.staff_id === s.id),
    )!;
    expect((await overview(outsider, q)).status).toBe(403);
    expect((await overview(member, 'scope=team&channel=19%3Anone')).status).toBe(404);
  });
});
