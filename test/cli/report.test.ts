import { openStore } from '../../src/store/open';
import { CliHarness } from '../support/cli';
import { NOW, seedKeyFigures } from '../reports/fixture';

const HIDDEN = 'skjult (n<5)';

describe('samspil report: key figures from the command line', () => {
  const cli = new CliHarness({ SAMSPIL_NOW: NOW.toISOString() });

  beforeAll(async () => {
    const { store, lock } = await openStore({ dataDir: cli.dataDir }, 'test seed');
    try {
      await seedKeyFigures(store);
    } finally {
      await store.close();
      lock?.release();
    }
  }, 60_000);
  afterAll(() => cli.cleanup());

  it('prints follow-ups of a year as CSV, with the known 87.6 days: exact for the administrator, the small group hidden for the public', async () => {
    const args = ['report', 'followups', '--year', '2017', '--format', 'csv', '--municipality', 'fjordby'];
    const exact = await cli.run(...args);
    expect(exact.out.trim().split('\n')[2]).toBe('Plejefamilieanbringelser,3,6,92,3');
    const r = await cli.run(...args, '--audience', 'public');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toEqual([
      'Foranstaltning,Sager (n),Afholdte opfølgninger,Gns. dage mellem opfølgninger,Mellemrum målt',
      'Institutionsanbringelser,5,9,87.6,5',
      `Plejefamilieanbringelser,${HIDDEN},${HIDDEN},${HIDDEN},${HIDDEN}`,
      'Hjemmebaserede anbringelser,0,0,,0',
      'Hjemmebaserede foranstaltninger,0,0,,0',
      '§ 30-forløb (tidl. § 11),0,0,,0',
    ]);
  });

  it('narrows to a unit and to a team by name', async () => {
    const unit = await cli.run(
      'report',
      'followups',
      '--year',
      '2017',
      '--unit',
      'familie nord',
      '--format',
      'json',
      '--municipality',
      'fjordby',
      '--audience',
      'public',
    );
    expect(unit.code).toBe(0);
    expect(JSON.parse(unit.out).rows[0]).toMatchObject({ cases: HIDDEN });
    const team = await cli.run(
      'report',
      'questionnaires',
      '--from',
      '2017-01-01',
      '--to',
      '2017-12-31',
      '--team',
      'Team Solsikken',
      '--format',
      'json',
      '--municipality',
      'fjordby',
    );
    expect(team.code).toBe(0);
    const rows = JSON.parse(team.out).rows as Record<string, unknown>[];
    expect(rows.map((x) => [x.group, x.answers, x.good_pct, x.good_with_room_pct, x.poor_pct])).toEqual([
      ['Team Solsikken', 50, 82, 18, 0],
      ['Valgte teams i alt', 50, 82, 18, 0],
    ]);
  });

  it('prints every key-figure report as a table', async () => {
    for (const name of [
      'followups-per-half-year',
      'compliance',
      'ladder-movements',
      'early-help',
      'meetings',
      'caseload',
    ]) {
      const r = await cli.run('report', name, '--year', '2017', '--municipality', 'fjordby');
      expect([name, r.code, r.err]).toEqual([name, 0, '']);
    }
  });

  it('ladder-movements --from/--to: positions on each cut-off date and one row per from–to pair in JSON', async () => {
    const r = await cli.run(
      'report',
      'ladder-movements',
      '--from',
      '2017-01-01',
      '--to',
      '2017-12-31',
      '--format',
      'json',
      '--municipality',
      'fjordby',
      '--audience',
      'public',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { summary: Record<string, unknown>; rows: Record<string, unknown>[] };
    expect(json.summary).toMatchObject({
      cut_off_start: '2016-12-31',
      cut_off_end: '2017-12-31',
      positions_start: { '2': HIDDEN, '3': HIDDEN, '4': HIDDEN, '5': HIDDEN },
      positions_end: { '2': HIDDEN, '3': HIDDEN, '4': HIDDEN },
    });
    expect(json.rows[0]).toMatchObject({ from_step: null, to_step: 2, direction: 'in', count: HIDDEN });
  });

  it("early-help --cutoff takes seed 002 note 7's window; caseload --to counts the cases open that day", async () => {
    const help = await cli.run(
      'report',
      'early-help',
      '--cutoff',
      '2017-12-31',
      '--format',
      'json',
      '--municipality',
      'fjordby',
    );
    expect(help.code).toBe(0);
    expect(JSON.parse(help.out)).toMatchObject({
      summary: {
        cutoff: '2017-12-31',
        courses_from: '2016-12-31',
        courses_to: '2017-06-30',
        followed_until: '2017-12-31',
      },
      rows: [{ recipients: 5, followed: 1, share: 20 }],
    });
    // Every fixture case was opened on 1 January 2016: none were open the day before.
    const before = await cli.run(
      'report',
      'caseload',
      '--to',
      '2015-12-31',
      '--format',
      'json',
      '--municipality',
      'fjordby',
    );
    expect(JSON.parse(before.out).summary).toMatchObject({ on: '2015-12-31', average: 0 });
    const now = await cli.run('report', 'caseload', '--format', 'json', '--municipality', 'fjordby');
    expect(JSON.parse(now.out).summary).toMatchObject({ on: '2017-12-15', average: 9 });
  });

  it('writes the yearly status as one HTML document', async () => {
    const r = await cli.run('report', 'yearly-status', '--year', '2017', '--municipality', 'fjordby');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<!doctype html>/);
    expect(r.out).toContain('<h1>Årsstatus 2017: Fjordby Kommune</h1>');
    expect(r.out.match(/<svg class="chart"/g)).toHaveLength(8);
    const unit = await cli.run(
      'report',
      'yearly-status',
      '--year',
      '2017',
      '--unit',
      'Familie Nord',
      '--municipality',
      'fjordby',
      '--audience',
      'public',
    );
    expect(unit.out).toContain('<h1>Årsstatus 2017: Fjordby Kommune – Familie Nord</h1>');
    // For the public the unit's three institution cases are too few to show; its one adviser has 6 open cases.
    expect(unit.out).toMatch(/Institutionsanbringelser<\/th><td><span class="suppressed">skjult \(n&lt;5\)/);
    expect(unit.out.match(/<tr><th scope="row">[^<]+<\/th><td>\d+<\/td><td>[\d,]+<\/td><\/tr>/g)).toEqual([
      '<tr><th scope="row">Familie Nord</th><td>1</td><td>6</td></tr>',
    ]);
    expect(unit.out).toContain('Teams hører ikke til en enhed');
  });

  it.each([
    [['report', 'nonsense'], /Name a report: .*yearly-status/],
    [['report', 'yearly-status'], /needs --year/],
    [['report', 'yearly-status', '--year', '2017', '--format', 'csv'], /HTML document/],
    [['report', 'followups', '--year', '17'], /not a year/],
    [['report', 'followups', '--year', '2017', '--from', '2017-02-01'], /either --year or --from/],
    [['report', 'followups', '--from', '2017-05-01', '--to', '2017-01-01'], /after --to/],
    [['report', 'followups', '--unit', 'Familie Øst'], /No unit "Familie Øst"/],
    [['report', 'meetings', '--team', 'Team X'], /No team "Team X"/],
    [['report', 'meetings', '--unit', 'Familie Nord'], /cannot be narrowed with --unit/],
    [['report', 'followups', '--team', 'Team Solsikken'], /cannot be narrowed with --team/],
    [['report', 'followups', '--cutoff', '2017-03-31'], /takes no --cutoff/],
    [['report', 'early-help', '--cutoff', '2017-03-31', '--year', '2017'], /either --cutoff or/],
    [['report', 'early-help', '--cutoff', '31 marts'], /--cutoff "31 marts" is not a date/],
    [['report', 'followups', '--audience', 'everyone'], /--audience must be one of internal, public/],
  ])('refuses %j with a usage message', async (args, message) => {
    const r = await cli.run(...args, '--municipality', 'fjordby');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
