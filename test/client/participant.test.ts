import { outboxStatusLabel } from '../../src/i18n/outboxLabels';
import { PlaygroundClient } from './support/playgroundClient';
import { SamspilUnderTest } from './support/samspilUnderTest';
import { until } from '../support/poll';

const LENE = 'lene.knudsen@fjordby.example';
const WAITING = outboxStatusLabel('waiting');

describe('Lene Knudsen, team participant, in the Agents Playground', () => {
  // The shipped default: the scheduler plans at start-up and sends every few seconds, before Lene
  // has opened Samspil.
  const samspil = new SamspilUnderTest(42051, { scheduler: 'on' });
  let pg: PlaygroundClient;

  beforeAll(async () => {
    await samspil.start();
  }, 300_000);
  afterAll(async () => {
    await pg?.close();
    await samspil.dispose();
  });
  afterEach(async () => pg?.assertClean());

  it('gets the invitation planned before she installed the app, once she opens it', async () => {
    let waiting: Record<string, unknown>[] = [];
    await until('a message waiting for Lene', async () => {
      waiting = (await samspil.report('outbox')).rows.filter((r) => r.recipient === LENE);
      // A message is briefly due before the sender finds no conversation for her and sets it waiting.
      return waiting.length > 0 && waiting.every((r) => r.status === WAITING);
    });
    expect(waiting.every((r) => r.status === WAITING)).toBe(true);
    pg = await PlaygroundClient.open('participant', {
      endpoint: samspil.endpoint,
      port: 42052,
      dir: samspil.dir,
    });
    await pg.card('Hvad kan Samspil').waitFor();
    // No `samspil tick`: the running scheduler delivers what waited for her conversation.
    await pg.card('Invitation: tværfagligt teammøde').waitFor({ timeout: 30_000 });
    await pg.shot('invitation');
    await until(
      'every message for Lene delivered',
      async () => !(await samspil.report('outbox')).rows.some((r) => r.recipient === LENE),
    );
  });

  it('answers the invitation no and then yes, each time on the invitation card itself', async () => {
    const card = pg.card('Invitation: tværfagligt teammøde');
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
    const card = await fillQuestionnaire(pg);
    await pg.shot('statusskema');
    const before = await answersInAll(samspil);
    await pg.pressUpdating(card, 'Send svar', 'Tak for dit svar');
    await pg.shot('statusskema-tak');
    expect(await answersInAll(samspil)).toBe(before + 1);
  });

  it('answers again on an unchanged copy of the form: her first answer stands, counted once', async () => {
    // A second device still shows the form she answered: the Playground replays the same press.
    const before = await answersInAll(samspil);
    const again = await pg.replayLastInvoke(samspil.endpoint);
    expect(again).toMatch(/Allerede besvaret/);
    expect(again).toMatch(/Godt/);
    expect(await answersInAll(samspil)).toBe(before);
  });

  it('presses an answer on the invitation after the meeting: the card keeps the meeting’s details and says it is held', async () => {
    const card = pg.card('Du har svaret: deltager.');
    const when = await card
      .getByText(/kl\. \d\d:\d\d–\d\d:\d\d/)
      .first()
      .innerText();
    // The next morning: Samspil restarts on that day's clock, the card still in the chat.
    await samspil.stop();
    await samspil.start(dayAfter(when));
    await pg.pressUpdating(card, 'Deltager ikke', 'Mødet er afholdt');
    const held = pg.card('Mødet er afholdt');
    const text = await held.innerText();
    expect(text).toContain(when);
    expect(text).toContain('Du har svaret: deltager.');
    expect(text).not.toContain('Allerede udført');
    expect(await held.getByRole('button', { name: /^Deltager/ }).count()).toBe(0);
    await pg.shot('svar-efter-moedet');
  });
});

const MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

/** 09:00 UTC on the day after a card's "8. december 2026 kl. 13:00–14:30". */
function dayAfter(when: string): string {
  const m = /(\d{1,2})\. (\p{L}+) (\d{4})/u.exec(when);
  if (!m) throw new Error(`no date in "${when}"`);
  return new Date(Date.UTC(Number(m[3]), MONTHS.indexOf(m[2]!), Number(m[1]) + 1, 9)).toISOString();
}

/** The newest unanswered questionnaire, filled in as Lene would. */
async function fillQuestionnaire(pg: PlaygroundClient) {
  const card = pg.card(/Statusskema efter.*Send svar/s);
  await card.waitFor();
  await card.getByText('Godt', { exact: true }).click();
  const theme = card.getByRole('textbox', { name: /Mødets tema/ });
  if (await theme.count()) await theme.fill('Overgang fra dagtilbud til skole');
  const useful = card.getByText('4', { exact: true });
  if (await useful.count()) await useful.click();
  return card;
}

/** The municipality's questionnaire answers in all, as the questionnaires report counts them. */
async function answersInAll(samspil: SamspilUnderTest): Promise<number> {
  const all = (await samspil.report('questionnaires')).rows.find((r) => r.group === 'Hele kommunen');
  const n = Number(all?.answers);
  if (!Number.isInteger(n))
    throw new Error(`the questionnaires report shows no count in all: ${JSON.stringify(all)}`);
  return n;
}
