import fs from 'node:fs';
import path from 'node:path';
import { CliHarness } from '../support/cli';

/**
 * README, "Import files": a bad row gives its line number and reason, and a file with errors imports
 * nothing; CPR-looking values are rejected; --dry-run changes nothing.
 */
describe('samspil import (embedded store, end to end through the command)', () => {
  const cli = new CliHarness({ SAMSPIL_NOW: '2026-11-23T09:00:00+01:00' });
  afterAll(() => cli.cleanup());

  const staffCsv = [
    'email;name;roles;profession;unit;leader_email',
    'leder@test.example;Lise Leder;leader|adviser;familierådgiver;Familieafdelingen;',
    'anna@test.example;Anna Rådgiver;adviser;familierådgiver;Familieafdelingen;leder@test.example',
  ].join('\n');

  const badCases = [
    'case_ref,adviser_email,opened,ladder_step,child_initials',
    'S-001,anna@test.example,2026-01-15,3,AB',
    'S-002,anna@test.example,2026-13-40,2,CD',
    '010203-1234,anna@test.example,2026-02-01,2,EF',
    'S-004,anna@test.example,01-03-2026,4,GH',
  ].join('\n');

  const caseCount = async () => {
    const r = await cli.run('report', 'caseload', '--format', 'json');
    expect(r.code).toBe(0);
    return JSON.parse(r.out).rows.map((row: { adviser: string; open_cases: number }) => [
      row.adviser,
      row.open_cases,
    ]);
  };

  beforeAll(async () => {
    expect((await cli.run('municipality', 'add', 'testby', '--name', 'Testby Kommune')).code).toBe(0);
    const staff = await cli.run('import', cli.file('staff.csv', staffCsv));
    expect(staff.err).toBe('');
    expect(staff.out).toMatch(/Imported 2 staff rows \(2 new, 0 updated\)/);
  }, 120_000);

  it('reports the CPR-looking value and the bad date by line, and imports nothing', async () => {
    const r = await cli.run('import', cli.file('cases.csv', badCases), '--kind', 'cases');
    expect(r.code).toBe(1);
    expect(r.err).toContain('2 of 4 cases rows have errors; nothing was imported.');
    expect(r.err).toMatch(/line 3: opened is not a valid date/);
    expect(r.err).not.toContain('2026-13-40');
    expect(r.err).toMatch(/line 4: case_ref looks like a CPR number/);
    expect(r.err).not.toMatch(/line 2:|line 5:/);
    expect(await caseCount()).toEqual([
      ['Anna Rådgiver', 0],
      ['Lise Leder', 0],
    ]);
  });

  it('does not echo the CPR number back in the error', async () => {
    const r = await cli.run('import', cli.file('cases.csv', badCases), '--kind', 'cases');
    expect(r.err).not.toContain('010203-1234');
  });

  it('changes nothing on --dry-run and says what would happen', async () => {
    const fixed = badCases.replace('2026-13-40', '2026-10-04').replace('010203-1234', 'S-003');
    const r = await cli.run('import', cli.file('cases-fixed.csv', fixed), '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'Dry run: 4 cases rows (4 new, 0 updated) would be imported. Nothing was changed.',
    );
    expect(await caseCount()).toEqual([
      ['Anna Rådgiver', 0],
      ['Lise Leder', 0],
    ]);
  });

  it('imports every row of the fixed file, DD-MM-YYYY dates included', async () => {
    const fixed = badCases.replace('2026-13-40', '2026-10-04').replace('010203-1234', 'S-003');
    const r = await cli.run('import', cli.file('cases-fixed.csv', fixed));
    expect(r.out).toContain('Imported 4 cases rows (4 new, 0 updated).');
    expect(await caseCount()).toEqual([
      ['Anna Rådgiver', 4],
      ['Lise Leder', 0],
    ]);
    const again = await cli.run('import', cli.file('cases-fixed.csv', fixed));
    expect(again.out).toContain('Imported 4 cases rows (0 new, 4 updated).');
  });

  it('imports JSON measures and follow-ups, and rejects references that do not exist', async () => {
    const measures = JSON.stringify([
      { case_ref: 'S-001', measure_type: 'foster_care', start: '2026-02-01', end: null },
      { case_ref: 'S-404', measure_type: 'preventive', start: '2026-02-01' },
    ]);
    const bad = await cli.run('import', cli.file('measures.json', measures), '--kind', 'measures');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/line 2: case_ref no case S-404/);
    const ok = await cli.run(
      'import',
      cli.file('measures.json', JSON.stringify([JSON.parse(measures)[0]])),
      '--kind',
      'measures',
    );
    expect(ok.out).toContain('Imported 1 measures rows (1 new, 0 updated).');
    const followups =
      'case_ref;measure_type;held_on;child_conversation\nS-001;foster_care;2026-02-14;ja\nS-001;foster_care;2026-12-01;nej\n';
    const future = await cli.run('import', cli.file('f.csv', followups));
    expect(future.err).toMatch(/line 3: held_on is in the future \(today is 2026-11-23\)/);
    const held = await cli.run('import', cli.file('f.csv', followups.split('\n').slice(0, 2).join('\n')));
    expect(held.out).toContain('Imported 1 followups rows (1 new, 0 updated).');
  });

  it('reads a staff file Danish Excel saved as "CSV (semikolonsepareret)" (Windows-1252) with æ, ø and å intact', async () => {
    const file = path.join(__dirname, '../import/fixtures/staff-windows-1252.csv');
    expect(fs.readFileSync(file).includes(Buffer.from('ø', 'utf8'))).toBe(false); // really not UTF-8
    const r = await cli.run('import', file);
    expect(r.err).toBe('');
    expect(r.out).toContain('Imported 2 staff rows (2 new, 0 updated).');
    const names = (await caseCount()).map(([name]: [string]) => name);
    expect(names).toEqual(expect.arrayContaining(['Åse Bøgh', 'Søren Ærøskøbing']));
    expect(JSON.stringify(names)).not.toContain('\uFFFD');
  });

  it('reads UTF-8 with the byte-order mark Excel\'s "CSV UTF-8" writes', async () => {
    const csv =
      '\uFEFFemail;name;roles;profession;unit;leader_email\nbo@test.example;Bo Ærtebølle;adviser;;Familieafdelingen;\n';
    const r = await cli.run('import', cli.file('bom.csv', csv));
    expect(r.err).toBe('');
    const names = (await caseCount()).map(([name]: [string]) => name);
    expect(names).toContain('Bo Ærtebølle');
  });

  it('refuses, by line and without quoting it, a file in neither encoding and imports nothing', async () => {
    const utf16 = await cli.run(
      'import',
      cli.file('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(staffCsv, 'utf16le')])),
    );
    expect(utf16.code).toBe(1);
    expect(utf16.err).toContain('The file is UTF-16 text');
    const mixed = Buffer.concat([
      Buffer.from(
        'email;name;roles;profession;unit;leader_email\nny@test.example;Ny Ærø;adviser;;Enhed;\n',
        'utf8',
      ),
      Buffer.from('to@test.example;To Bøgh;adviser;;Enhed;\n', 'latin1'),
    ]);
    const r = await cli.run('import', cli.file('mixed.csv', mixed));
    expect(r.code).toBe(1);
    expect(r.err).toContain('Line 3: not UTF-8 like the rest of the file.');
    expect(r.err).not.toMatch(/Bøgh|B.gh/);
    const names = (await caseCount()).map(([name]: [string]) => name);
    expect(names).not.toContain('Ny Ærø');
  });
});
