import { PlaygroundClient } from './support/playgroundClient';
import { SamspilUnderTest } from './support/samspilUnderTest';

// Tuesday 10 November 2026, 10:00 in Copenhagen: a working day inside working hours.
const NOW = '2026-11-10T09:00:00Z';

describe('Susanne Pedersen, adviser, in the Agents Playground', () => {
  const samspil = new SamspilUnderTest(42021, NOW);
  let pg: PlaygroundClient;

  beforeAll(async () => {
    await samspil.loadDemo();
    await samspil.start();
    pg = await PlaygroundClient.open('adviser', { endpoint: samspil.endpoint, port: 42022, dir: samspil.dir });
  });
  afterAll(async () => {
    await pg?.close();
    await samspil.dispose();
  });
  afterEach(() => pg.assertClean());

  it('greets in Danish on installation and answers hjælp in Danish', async () => {
    await pg.card('Hvad kan Samspil').waitFor();
    await pg.shot('velkomst');
    await pg.say('hjælp');
    await pg.shot('hjaelp');
  });

  it('lists her follow-ups', async () => {
    const m = await pg.say('mine opfølgninger');
    console.log(m.text.slice(0, 3000));
    await pg.shot('mine-opfoelgninger');
  });
});
