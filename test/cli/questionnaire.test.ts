import { CliHarness } from '../support/cli';

describe('samspil questionnaire: the forms are data a municipality edits and publishes', () => {
  const cli = new CliHarness();

  beforeAll(async () => {
    for (const id of ['nordby', 'sydby']) {
      const r = await cli.run('municipality', 'add', id, '--name', `${id} Kommune`);
      expect(r.err).toBe('');
    }
  }, 60_000);
  afterAll(() => cli.cleanup());

  it('lists the repository defaults, version 1, until a municipality publishes its own', async () => {
    const r = await cli.run('questionnaire', 'list', '--municipality', 'nordby');
    expect(r.out.trim().split('\n')).toEqual([
      'theme\tv1\tStatusskema efter temamøde',
      'child\tv1\tStatusskema efter møde om et barn',
      // The parents' own form is data like the others, published and versioned the same way.
      'parent\tv1\tHvordan var mødet for dig?',
    ]);
  });

  it('publishes an edited form as the next version for that municipality only', async () => {
    const shown = await cli.run('questionnaire', 'show', 'theme', '--municipality', 'nordby');
    const form = JSON.parse(shown.out) as { version: number; title: { da: string } };
    const file = cli.file(
      'theme.json',
      JSON.stringify({ ...form, version: 2, title: { ...form.title, da: 'Temamøde – Nordbys skema' } }),
    );
    const r = await cli.run('questionnaire', 'publish', file, '--municipality', 'nordby');
    expect(r.err).toBe('');
    expect(r.out).toContain('Published theme v2 for nordby');
    expect((await cli.run('questionnaire', 'list', '--municipality', 'nordby')).out).toContain(
      'theme\tv2\tTemamøde – Nordbys skema',
    );
    expect((await cli.run('questionnaire', 'list', '--municipality', 'sydby')).out).toContain('theme\tv1');
    const v1 = await cli.run('questionnaire', 'show', 'theme', '--version', '1', '--municipality', 'nordby');
    expect(JSON.parse(v1.out).title.da).toBe('Statusskema efter temamøde');
  });

  it('refuses a version already in use and a form without a key the reports read, publishing nothing', async () => {
    const shown = JSON.parse(
      (await cli.run('questionnaire', 'show', 'child', '--municipality', 'nordby')).out,
    ) as {
      questions: { id: string }[];
    };
    const again = await cli.run(
      'questionnaire',
      'publish',
      cli.file('child1.json', JSON.stringify(shown)),
      '--municipality',
      'nordby',
    );
    expect(again.code).toBe(1);
    expect(again.err).toContain('version must be above 1 (the version in use). Nothing was published.');
    const broken = { ...shown, version: 2, questions: shown.questions.filter((q) => q.id !== 'sos_used') };
    const r = await cli.run(
      'questionnaire',
      'publish',
      cli.file('child2.json', JSON.stringify(broken)),
      '--municipality',
      'nordby',
    );
    expect(r.err).toContain('must have the question "sos_used"');
    expect((await cli.run('questionnaire', 'list', '--municipality', 'nordby')).out).toContain('child\tv1');
    const notJson = await cli.run(
      'questionnaire',
      'publish',
      cli.file('x.json', '{'),
      '--municipality',
      'nordby',
    );
    expect(notJson.code).toBe(2);
  });
});
