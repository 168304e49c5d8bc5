import { CliHarness } from '../support/cli';

/** An admin configures a municipality's settings (school holidays, reminders …) from the command. */
describe('samspil municipality settings', () => {
  const cli = new CliHarness({ SAMSPIL_NOW: '2026-11-23T09:00:00+01:00' });
  afterAll(() => cli.cleanup());
  const show = async () => {
    const r = await cli.run('municipality', 'settings', 'testby');
    expect(r.code).toBe(0);
    return JSON.parse(r.out) as Record<string, unknown>;
  };

  beforeAll(async () => {
    expect((await cli.run('municipality', 'add', 'testby', '--name', 'Testby Kommune')).code).toBe(0);
  });

  it('prints every setting with its default', async () => {
    const s = await show();
    expect(s.reminderDaysBefore).toEqual([10, 3]);
    expect(s.workingHours).toEqual({ start: '08:00', end: '16:00' });
    expect(s.schoolHolidays).toBeUndefined();
  });

  it("merges a file over the settings: the municipality's own school holidays and reminder days", async () => {
    const holidays = [
      { kind: 'autumn', name: 'Efterårsferie', from: '2026-10-10', to: '2026-10-18' },
      { kind: 'christmas', name: 'Juleferie', from: '2026-12-19', to: '2027-01-03' },
    ];
    const file = cli.file('s.json', JSON.stringify({ schoolHolidays: holidays, reminderDaysBefore: [3, 5] }));
    const r = await cli.run('municipality', 'settings', 'testby', '--set', file);
    expect(r.out).toContain('Settings of testby updated: schoolHolidays, reminderDaysBefore.');
    const s = await show();
    expect(s.schoolHolidays).toEqual(holidays);
    expect(s.reminderDaysBefore).toEqual([5, 3]);
    expect(s.workingHours).toEqual({ start: '08:00', end: '16:00' });
  });

  it('changes nothing when a value is bad or unknown, and names it', async () => {
    const before = await show();
    const bad = cli.file(
      'bad.json',
      JSON.stringify({ workingHours: { start: '25:00', end: '16:00' }, reminderDayz: [1] }),
    );
    const r = await cli.run('municipality', 'settings', 'testby', '--set', bad);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('Settings not changed');
    expect(r.err).toContain('workingHours.start');
    expect(r.err).toContain('reminderDayz');
    expect(await show()).toEqual(before);
    const notJson = await cli.run('municipality', 'settings', 'testby', '--set', cli.file('x.json', '{nope'));
    expect(notJson.err).toContain('not a readable JSON file');
  });

  it('refuses an unknown municipality', async () => {
    const r = await cli.run('municipality', 'settings', 'nowhere');
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('No municipality "nowhere"');
  });
});

describe('samspil municipality settings: a follow-up policy of its own, as data', () => {
  const cli = new CliHarness({ SAMSPIL_NOW: '2026-11-23T09:00:00+01:00' });
  afterAll(() => cli.cleanup());
  const own = {
    id: 'testby-2026',
    name: 'Testby 2026',
    regime: 'barnets-lov-2024',
    rules: { preventive: { firstAfter: { weeks: 3 }, every: { months: 2 } } },
    source: 'Byrådets beslutning 2026',
  };

  beforeAll(async () => {
    expect((await cli.run('municipality', 'add', 'testby', '--name', 'Testby Kommune')).code).toBe(0);
  });

  it('takes a policy validated by the policy schema, and uses it once policyId names it', async () => {
    const r = await cli.run(
      'municipality',
      'settings',
      'testby',
      '--set',
      cli.file('p.json', JSON.stringify({ policy: own, policyId: own.id })),
    );
    expect([r.code, r.err]).toEqual([0, '']);
    const shown = JSON.parse((await cli.run('municipality', 'settings', 'testby')).out) as Record<
      string,
      unknown
    >;
    expect(shown).toMatchObject({ policyId: 'testby-2026', policy: own });
    const report = await cli.run('report', 'compliance', '--year', '2026', '--format', 'json');
    expect(JSON.parse(report.out).summary).toMatchObject({ policy: 'testby-2026' });
  });

  it.each([
    [
      { policyId: 'herning-2.0' },
      /policyId: must be one of legal-minimum, herning-1.0, sel-70 or testby-2026/,
    ],
    [{ policy: { ...own, rules: { preventiv: {} } } }, /policy\.rules: Unrecognized key/],
    [{ policy: { ...own, id: 'sel-70' }, policyId: 'sel-70' }, /policy\.id: "sel-70" is a preset's id/],
  ])('refuses %j and changes nothing', async (patch, message) => {
    const before = (await cli.run('municipality', 'settings', 'testby')).out;
    const r = await cli.run(
      'municipality',
      'settings',
      'testby',
      '--set',
      cli.file('bad.json', JSON.stringify(patch)),
    );
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(message);
    expect((await cli.run('municipality', 'settings', 'testby')).out).toBe(before);
  });
});
