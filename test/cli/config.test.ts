import { CliHarness } from '../support/cli';
import { COMMANDS } from '../../src/cli/commands';
import { REPORTS } from '../../src/reports';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { calendarLinksOf, loadConfig } from '../../src/config';
import { MIGRATIONS } from '../../src/store/migrations';

describe('configuration (docs/operations.md): validated at start, a bad value names the variable', () => {
  it('names a bad PORT and a bad DATABASE_URL', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
  });
  it('runs the scheduler unless SAMSPIL_SCHEDULER=off, and names a bad value', () => {
    expect(loadConfig({}).SAMSPIL_SCHEDULER).toBe('on');
    expect(loadConfig({ SAMSPIL_SCHEDULER: 'off' }).SAMSPIL_SCHEDULER).toBe('off');
    expect(() => loadConfig({ SAMSPIL_SCHEDULER: 'maybe' })).toThrow(/SAMSPIL_SCHEDULER/);
  });
  it('needs a link secret with a public URL, and https in production', () => {
    expect(() => loadConfig({ SAMSPIL_PUBLIC_URL: 'https://samspil.example' })).toThrow(
      /SAMSPIL_LINK_SECRET/,
    );
    expect(() => loadConfig({ SAMSPIL_PUBLIC_URL: 'samspil.example' })).toThrow(/SAMSPIL_PUBLIC_URL/);
    const secret = 'x'.repeat(32);
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        SAMSPIL_PUBLIC_URL: 'http://samspil.example',
        SAMSPIL_LINK_SECRET: secret,
      }),
    ).toThrow(/SAMSPIL_PUBLIC_URL: must be https/);
    expect(
      loadConfig({ SAMSPIL_PUBLIC_URL: 'https://samspil.example', SAMSPIL_LINK_SECRET: secret }),
    ).toMatchObject({
      SAMSPIL_PUBLIC_URL: 'https://samspil.example',
    });
  });
  it('refuses SAMSPIL_NOW in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SAMSPIL_NOW: '2026-11-23T09:00:00Z' })).toThrow(
      /SAMSPIL_NOW: is refused/,
    );
    expect(loadConfig({ SAMSPIL_NOW: '2026-11-23T09:00:00Z' }).SAMSPIL_NOW).toBe('2026-11-23T09:00:00Z');
  });
  it('defaults to the embedded store in ./data on port 3978', () => {
    const c = loadConfig({});
    expect([c.DATABASE_URL, c.SAMSPIL_DATA_DIR, c.PORT]).toEqual([undefined, './data', 3978]);
  });
});

describe('samspil command', () => {
  const cli = new CliHarness();
  afterAll(() => cli.cleanup());

  it('refuses to start in production without an app id (docs/domain-rules.md: no unauthenticated production bot)', async () => {
    const r = await new CliHarness({ NODE_ENV: 'production' }).run('start');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Refusing to start in production without MicrosoftAppId');
  });

  it('stops a start with a bad variable and names it', async () => {
    const r = await new CliHarness({ PORT: '99999' }).run('start');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Invalid configuration:\n\s+PORT/);
  });

  it('answers an unknown command with usage, and --help with the list of commands', async () => {
    const bad = await cli.run('frobnicate');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Unknown command "frobnicate"');
    const help = await cli.run('--help');
    for (const c of ['start', 'migrate', 'demo', 'import', 'tick', 'report'])
      expect(help.out).toContain(`  ${c}`);
  });

  it('answers --help on every command with its usage and what it does, touching no store', async () => {
    for (const [name, c] of Object.entries(COMMANDS)) {
      for (const flag of ['--help', '-h']) {
        const r = await new CliHarness({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }).run(
          name,
          flag,
        );
        expect([name, flag, r.code, r.err]).toEqual([name, flag, 0, '']);
        expect(r.out).toContain(`samspil ${c.usage}`);
        expect(r.out).toContain(c.summary);
      }
    }
    const report = await cli.run('report', '--help');
    for (const name of [...Object.keys(REPORTS), 'yearly-status']) expect(report.out).toContain(`  ${name}`);
    expect(report.out).toContain('--audience');
  });

  it('migrates and says so', async () => {
    const r = await cli.run('migrate');
    expect(r.out).toContain(`Database is up to date (${MIGRATIONS.length} migrations applied`);
  });

  it('lists undelivered messages with samspil report outbox', async () => {
    await cli.run('municipality', 'add', 'obx', '--name', 'Obx Kommune');
    const r = await cli.run('report', 'outbox', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      title: 'Udbakke: ikke-leverede beskeder',
      summary: { parked: 0, pending: 0, sending: 0, waiting: 0 },
      rows: [],
    });
  });
});

describe('calendar links: on by default outside production, configured in production', () => {
  it('signs links for http://localhost:PORT with a secret kept in the data folder, the same for every command', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-links-'));
    try {
      const env = { SAMSPIL_DATA_DIR: dir, PORT: '4123' };
      const a = calendarLinksOf(loadConfig(env))!;
      const b = calendarLinksOf(loadConfig(env))!;
      const url = a.url('m', '11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222');
      expect(url).toMatch(/^http:\/\/localhost:4123\/calendar\//);
      expect(b.url('m', '11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222')).toBe(
        url,
      );
      expect(fs.statSync(path.join(dir, 'link-secret')).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has no links in production unless the public URL and the secret are set', () => {
    expect(calendarLinksOf(loadConfig({ NODE_ENV: 'production' }))).toBeUndefined();
    const set = calendarLinksOf(
      loadConfig({
        NODE_ENV: 'production',
        SAMSPIL_PUBLIC_URL: 'https://samspil.example',
        SAMSPIL_LINK_SECRET: 'x'.repeat(32),
      }),
    );
    expect(
      set?.url('m', '11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'),
    ).toMatch(/^https:\/\/samspil\.example\/calendar\//);
  });
});
