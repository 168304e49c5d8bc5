import { PlaygroundClient } from './support/playgroundClient';
import { SamspilUnderTest } from './support/samspilUnderTest';

describe('Lene Knudsen, team participant, in the Agents Playground', () => {
  const samspil = new SamspilUnderTest(42051);
  let pg: PlaygroundClient;

  beforeAll(async () => {
    await samspil.start();
    pg = await PlaygroundClient.open('participant', {
      endpoint: samspil.endpoint,
      port: 42052,
      dir: samspil.dir,
    });
    await pg.card('Hvad kan Samspil').waitFor();
    await samspil.tick();
  }, 300_000);
  afterAll(async () => {
    await pg?.close();
    await samspil.dispose();
  });
  afterEach(async () => pg.assertClean());

  it('answers the invitation no and then yes, each time on the invitation card itself', async () => {
    const card = pg.card('Invitation: tværfagligt teammøde');
    await card.waitFor({ timeout: 30_000 });
    await pg.shot('invitation');
    await pg.pressUpdating(card, 'Deltager ikke', 'Du har svaret: deltager ikke.');
    await pg.shot('svar-nej');
    await pg.pressUpdating(
      pg.card('Du har svaret: deltager ikke.'),
      /^Deltager$/,
      'Du har svaret: deltager.',
    );
    await pg.shot('svar-ja');
  });

  it('answers the status questionnaire after a meeting, and gets a thank-you in its place', async () => {
    const card = pg.card(/Statusskema efter/);
    await card.waitFor();
    await card.getByText('Godt', { exact: true }).click();
    const theme = card.getByRole('textbox', { name: /Mødets tema/ });
    if (await theme.count()) await theme.fill('Overgang fra dagtilbud til skole');
    const useful = card.getByText('4', { exact: true });
    if (await useful.count()) await useful.click();
    await pg.shot('statusskema');
    await pg.pressUpdating(card, 'Send svar', 'Tak for dit svar');
    await pg.shot('statusskema-tak');
  });
});
