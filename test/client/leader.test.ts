import { PlaygroundClient } from './support/playgroundClient';
import { SamspilUnderTest } from './support/samspilUnderTest';

describe('Michael Madsen, leader of Familierådgivningen Nord, in the Agents Playground', () => {
  const samspil = new SamspilUnderTest(42041);
  let pg: PlaygroundClient;

  beforeAll(async () => {
    await samspil.start();
    pg = await PlaygroundClient.open('leader', { endpoint: samspil.endpoint, port: 42042, dir: samspil.dir });
  }, 300_000);
  afterAll(async () => {
    await pg?.close();
    await samspil.dispose();
  });
  afterEach(async () => pg.assertClean());

  it('shows his unit’s and the municipality’s key figures on status', async () => {
    await pg.card('Hvad kan Samspil').waitFor();
    await pg.say('status');
    const card = pg.card('Familierådgivningen Nord');
    await card.waitFor();
    await card
      .getByText(/Sagstal pr\. rådgiver/)
      .first()
      .waitFor();
    await pg.shot('status');
  });
});
