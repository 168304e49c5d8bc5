import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ENGINES, openTestStore } from '../support/db';
import { run } from '../../src/cli/run';
import { formatReport } from '../../src/reports/format';
import type { Store } from '../../src/store/store';

const ENV = { SAMSPIL_NOW: '2026-11-23T09:00:00+01:00', LOG_LEVEL: 'silent' };

/**
 * docs/privacy.md and docs/api.md through the samspil command (in-process, on the embedded store):
 * API tokens shown once, the audit report by case and actor, the insight export of one case, the
 * hardened import, and CSV cells that cannot run as formulas.
 */
describe('samspil api-token, report audit, export case, import hardening', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-privacy-'));
  const file = (name: string, content: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  const cli = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await run(
      argv,
      ENV,
      { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) },
      store,
    );
    return { code, out, err };
  };

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    expect((await cli('municipality', 'add', 'testby', '--name', 'Testby Kommune')).code).toBe(0);
    const staff = file('staff.csv', 'email;name;roles\nanna@testby.example;Anna Rådgiver;adviser\n');
    expect((await cli('import', staff)).code).toBe(0);
    const cases = file('cases.csv', 'case_ref;adviser_email;opened\nT-1;anna@testby.example;2026-01-15\n');
    expect((await cli('import', cases)).code).toBe(0);
    const measures = file(
      'm.json',
      JSON.stringify([{ case_ref: 'T-1', measure_type: 'preventive', start: '2026-02-01' }]),
    );
    expect((await cli('import', measures, '--kind', 'measures')).code).toBe(0);
    const followups = file(
      'f.csv',
      'case_ref;measure_type;held_on;child_conversation\nT-1;preventive;2026-05-04;ja\n',
    );
    expect((await cli('import', followups)).code).toBe(0);
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await dispose();
  });

  it('api-token create prints the token once; list shows its scopes and state but never the token; revoke ends it', async () => {
    const made = await cli('api-token', 'create', 'dubu', '--scope', 'cases', '--scope', 'followups');
    expect(made.code).toBe(0);
    const token = made.out.split('\n')[1]!;
    expect(token).toMatch(/^samspil_[A-Za-z0-9_-]{43}$/);
    expect(made.out).toContain('It is shown only this once');
    const id = /Token ([0-9a-f-]{36})/.exec(made.out)![1]!;
    const listed = await cli('api-token', 'list');
    expect(listed.out).toContain(`${id}  dubu  [cases, followups]  active, never used`);
    expect(listed.out).not.toContain(token);
    expect((await store.apiTokens.verify(token, new Date()))?.id).toBe(id);
    expect((await cli('api-token', 'revoke', id)).code).toBe(0);
    expect((await cli('api-token', 'list')).out).toMatch(
      new RegExp(`${id}  dubu  \\[cases, followups\\]  revoked`),
    );
    expect(await store.apiTokens.verify(token, new Date())).toBeNull();
    const bad = await cli('api-token', 'create', 'x', '--scope', 'everything');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Unknown scope everything');
  });

  it('report audit --case lists what happened to the case, its measure and follow-up; --actor narrows to one actor', async () => {
    /** `report audit` over every year the test can touch, as JSON rows. */
    const audit = async (...by: string[]) => {
      const r = await cli(
        'report',
        'audit',
        ...by,
        '--from',
        '2026-01-01',
        '--to',
        '2030-12-31',
        '--format',
        'json',
      );
      expect(r.code).toBe(0);
      return {
        out: r.out,
        rows: JSON.parse(r.out).rows as { actor: string; action: string; entity: string }[],
      };
    };
    const all = await audit('--case', 'T-1');
    expect(all.rows.map((r) => `${r.actor} ${r.action} ${r.entity}`)).toEqual([
      'cli:import create case',
      'cli:import create measure',
      'cli:import create followup',
    ]);
    const none = await audit('--actor', 'someone@else.example');
    expect(JSON.parse(none.out).rows).toEqual([]);
    const byImport = await audit('--actor', 'cli:import');
    expect(JSON.parse(byImport.out).rows.length).toBeGreaterThanOrEqual(4);
    expect((await cli('report', 'caseload', '--case', 'T-1')).code).toBe(2);
  });

  it('export case writes everything held about the case as JSON, and the export itself is audited', async () => {
    const r = await cli('export', 'case', 'T-1');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.case).toMatchObject({
      case_ref: 'T-1',
      opened: '2026-01-15',
      adviser_email: 'anna@testby.example',
      measures: [
        {
          measure_type: 'preventive',
          start: '2026-02-01',
          followups: [{ held_on: '2026-05-04', child_conversation: true }],
        },
      ],
    });
    expect(doc.audit).toHaveLength(3);
    const again = JSON.parse((await cli('export', 'case', 'T-1')).out);
    expect(again.audit.map((a: { action: string }) => a.action)).toContain('export');
    expect((await cli('export', 'case', 'NOPE')).err).toContain('testby has no case NOPE');
  });

  it('import refuses a folder, nested values, repeated keys, over-long values and implausible dates, each with line and reason', async () => {
    const folder = await cli('import', dir);
    expect(folder.code).toBe(1);
    expect(folder.err).toBe(`${dir} is a folder, not a file.\n`);
    const rows = [
      { case_ref: 'T-2', adviser_email: 'anna@testby.example', opened: '2026-03-01' },
      { case_ref: 'T-3', adviser_email: 'anna@testby.example', opened: { d: '2026-03-01' } },
      { case_ref: 'T-2', adviser_email: 'anna@testby.example', opened: '2026-03-02' },
      { case_ref: 'x'.repeat(100_000), adviser_email: 'anna@testby.example', opened: '2026-03-01' },
      { case_ref: 'T-5', adviser_email: 'anna@testby.example', opened: '1900-01-01' },
      { case_ref: 'T-6', adviser_email: 'anna@testby.example', opened: '2099-01-01' },
    ];
    const r = await cli('import', file('bad.json', JSON.stringify(rows)), '--kind', 'cases');
    expect(r.code).toBe(1);
    expect(r.err.split('\n').filter(Boolean)).toEqual([
      '5 of 6 cases rows have errors; nothing was imported.',
      '  line 2: opened must be a text, a number or true/false, not an object or a list of objects',
      '  line 3: case_ref repeats line 1 (the same case_ref); each may appear once per file',
      '  line 4: case_ref is longer than 200 characters',
      '  line 5: opened is before 1990-01-01, which cannot be right',
      '  line 6: opened is after 2036-11-23, more than 10 years ahead',
    ]);
    expect(r.err.length).toBeLessThan(1000);
  });

  it('a CSV parse error quoting a CPR number is shown without it', async () => {
    const r = await cli(
      'import',
      file('q.csv', 'case_ref;adviser_email;opened\n"0101901234"x;a@b.dk;2026-01-01\n'),
      '--kind',
      'cases',
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/The CSV file cannot be read/);
    expect(r.err).not.toMatch(/0101901234/);
  });

  it('CSV report cells that start with = + - @, a tab or CR are written as text, numbers stay numbers', () => {
    const csv = formatReport(
      {
        title: 't',
        columns: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((key) => ({ key, label: key })),
        rows: [{ a: '=1+1', b: '+45 1234', c: '-x', d: '@SUM(A1)', e: '\tx', f: -3, g: 'Team Nord' }],
        summary: {},
      },
      'csv',
    );
    expect(csv.split('\n')[1]).toBe(`'=1+1,'+45 1234,'-x,'@SUM(A1),'\tx,-3,Team Nord`);
  });
});
