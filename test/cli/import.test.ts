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
  });

  it('reports the CPR-looking value and the bad date by line, and imports nothing', async () => {
    const r = await cli.run('import', cli.file('cases.csv', badCases), '--kind', 'cases');
    expect(r.code).toBe(1);
    expect(r.err).toContain('2 of 4 cases rows have errors; nothing was imported.');
    expect(r.err).toMatch(/line 3: opened "2026-13-40" is not a valid date/);
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
});
