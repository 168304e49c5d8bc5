import { PlaygroundClient } from './support/playgroundClient';
import { SamspilUnderTest } from './support/samspilUnderTest';

// A case Susanne has just been given: its measure started in July, so the first follow-up (within
// 3 months, Barnets Lov § 95 stk. 1) is overdue and its reminder asks for the future cadence.
// FJ-9002 and FJ-9003 are two more such cases, acted on a day later: one from yesterday's reminder,
// one from the daily digest.
const NEW_CASE =
  'case_ref;adviser_email;opened;ladder_step;child_initials\n' +
  'FJ-9001;susanne.pedersen@fjordby.example;2026-07-01;3;AB\n' +
  'FJ-9002;susanne.pedersen@fjordby.example;2026-07-01;3;CD\n' +
  'FJ-9003;susanne.pedersen@fjordby.example;2026-07-01;3;EF\n';
const NEW_MEASURE =
  'case_ref;measure_type;start;end\nFJ-9001;foster_care;2026-07-01;\nFJ-9002;foster_care;2026-07-02;\nFJ-9003;foster_care;2026-07-03;\n';
/** The next working day of the demo, inside working hours. */
const NEXT_DAY = '2026-11-11T09:00:00Z';

describe('Susanne Pedersen, adviser, in the Agents Playground', () => {
  const samspil = new SamspilUnderTest(42021);
  let pg: PlaygroundClient;

  beforeAll(async () => {
    await samspil.start();
    await samspil.samspil('import', samspil.file('case.csv', NEW_CASE));
    await samspil.samspil('import', samspil.file('measure.csv', NEW_MEASURE));
    pg = await PlaygroundClient.open('adviser', {
      endpoint: samspil.endpoint,
      port: 42022,
      dir: samspil.dir,
    });
  }, 300_000);
  afterAll(async () => {
    await pg?.close();
    await samspil.dispose();
  });
  afterEach(async () => pg.assertClean());

  it('greets her in Danish when the app is installed, although the Playground says en-US', async () => {
    await pg.card('Hvad kan Samspil').waitFor();
    await pg.shot('velkomst');
  });

  it('answers hjælp with what Samspil can do', async () => {
    await pg.say('hjælp');
    await pg.card('mine opfølgninger').waitFor();
    await pg.shot('hjaelp');
  });

  it('lists her follow-ups, overdue first, and opens a case from the list', async () => {
    await pg.say('mine opfølgninger');
    const list = pg.card('Mine opfølgninger');
    await list.getByText('FJ-9001').waitFor();
    await pg.shot('mine-opfoelgninger');
    await list.getByText('FJ-0016').click();
    await pg.card(/Sag FJ-0016.*Børnefaglig undersøgelse/s).waitFor();
    await pg.shot('sag-fj-0016');
  });

  it('sends her reminders on the scheduler pass, and registers the first follow-up with cadence and reason', async () => {
    await samspil.tick();
    const card = pg.card(/Opfølgning er overskredet.*FJ-9001/s);
    await card.waitFor({ timeout: 30_000 });
    await pg.shot('paamindelse');
    await card.getByRole('button', { name: 'Registrér opfølgning' }).click();
    // "Børnesamtale afholdt" has no preselected answer: it feeds a key figure.
    await card.getByText('Ja', { exact: true }).first().click();
    await card
      .getByRole('textbox', { name: /Begrundelse for kadencen/ })
      .fill('Stabil anbringelse; barnet trives');
    await pg.shot('foerste-opfoelgning-formular');
    await pg.pressUpdating(card, 'Gem', /registreret/i);
    await pg.shot('foerste-opfoelgning-gemt');
    // "Gem" pressed again on a copy of the spent card: the first result, marked as already done.
    const again = await pg.replayLastInvoke(samspil.endpoint);
    expect(again).toMatch(/Allerede udført/);
    expect(again).toMatch(/registreret/i);
  });

  it('postpones a follow-up with a reason, on the reminder card itself', async () => {
    const card = pg.card(/Opfølgning er overskredet.*FJ-0007/s);
    await card.getByRole('button', { name: 'Udskyd' }).first().click();
    await card.getByRole('combobox', { name: /Ny dato/ }).fill('2026-11-20');
    await card.getByRole('textbox', { name: /Begrundelse/ }).fill('Barnet er på ferie med plejefamilien');
    await pg.shot('udskyd-formular');
    await pg.pressUpdating(card, 'Udskyd', /Udsat til/);
    await pg.shot('udskudt');
  });

  it('snoozes a reminder with a reason', async () => {
    const card = pg.card(/Opfølgning er overskredet.*FJ-0005/s);
    await card.getByRole('button', { name: 'Påmind mig senere' }).first().click();
    await card.getByRole('textbox', { name: /Begrundelse/ }).fill('Afventer udtalelse fra skolen');
    await pg.pressUpdating(card, 'Påmind mig senere', /Påmindelsen er udsat til/);
    await pg.shot('snoozet');
  });

  it('switches to a daily digest in indstillinger', async () => {
    await pg.say('indstillinger');
    const card = pg.card('Indstillinger');
    await card.getByText('Dagligt overblik').click();
    await pg.shot('indstillinger');
    await pg.pressUpdating(card, 'Gem', 'Dine indstillinger er gemt.');
    await pg.shot('indstillinger-gemt');
  });

  it("a day later, registers from yesterday's reminder: the untouched date saves the day of the press", async () => {
    await samspil.stop();
    await samspil.start(NEXT_DAY);
    const card = pg.card(/Opfølgning er overskredet.*FJ-9002/s);
    await card.getByRole('button', { name: 'Registrér opfølgning' }).click();
    await card.getByText('Ja', { exact: true }).first().click();
    await card.getByRole('textbox', { name: /Begrundelse for kadencen/ }).fill('Stabil anbringelse');
    await pg.shot('dagen-efter-formular');
    await pg.pressUpdating(card, 'Gem', /registreret 11\. november 2026/i);
    await pg.shot('dagen-efter-gemt');
  });

  it('registers a follow-up from the daily digest', async () => {
    await samspil.tick();
    const digest = pg.card(/Dagens overblik.*FJ-9003/s);
    await digest.waitFor({ timeout: 30_000 });
    await pg.shot('dagens-overblik');
    const row = digest
      .locator('div', {
        hasText: 'FJ-9003',
        has: pg.page.getByRole('button', { name: /Registrér · Udskyd/ }),
      })
      .last();
    const action = await pg.pressOpening(row, /Registrér · Udskyd/, /Opfølgning er overskredet.*FJ-9003/s);
    await action.getByRole('button', { name: 'Registrér opfølgning' }).click();
    await action.getByText('Nej', { exact: true }).first().click();
    await action.getByRole('textbox', { name: /Begrundelse for kadencen/ }).fill('Plejefamilien er stabil');
    await pg.shot('fra-overblik-formular');
    await pg.pressUpdating(action, 'Gem', /registreret 11\. november 2026/i);
    await pg.shot('fra-overblik-gemt');
  });
});
