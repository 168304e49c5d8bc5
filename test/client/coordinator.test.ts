import { PlaygroundClient } from './support/playgroundClient';
import { SamspilUnderTest } from './support/samspilUnderTest';

describe('Anne Knudsen, coordinator of Tværfagligt team Børnehuset Mågen, in the Agents Playground', () => {
  const samspil = new SamspilUnderTest(42031);
  let pg: PlaygroundClient;

  beforeAll(async () => {
    await samspil.start();
    pg = await PlaygroundClient.open('coordinator', {
      endpoint: samspil.endpoint,
      port: 42032,
      dir: samspil.dir,
    });
    await pg.card('Hvad kan Samspil').waitFor();
  }, 300_000);
  afterAll(async () => {
    await pg?.close();
    await samspil.dispose();
  });
  afterEach(async () => pg.assertClean());

  it('shows the team’s meetings this school year on møder as a table: date, time, format, status', async () => {
    await pg.say('møder');
    const year = pg.card(/Teammøder 2026\/27/);
    await year.waitFor();
    const table = year.getByRole('table').first();
    await table.waitFor();
    const header = await table.getByRole('row').first().innerText();
    expect(header.replace(/\s+/g, ' ')).toMatch(/Dato Tid Mødeform Status/);
    // Børnehuset Mågen's six meetings of the year, one row each under the header.
    expect(await table.getByRole('row').count()).toBe(7);
    await pg.shot('moeder');
  });

  it('schedules a child meeting: a CPR number and an open case are refused beside the field; initials like an open case’s are asked about before anything is sent', async () => {
    // A case whose child has the initials QX, so the coordinator's QX is asked about.
    await samspil.samspil(
      'import',
      samspil.file(
        'cases.csv',
        'case_ref;adviser_email;opened;ladder_step;child_initials\nFJ-9002;susanne.pedersen@fjordby.example;2026-07-01;3;QX\n',
      ),
    );
    const year = pg.card(/Teammøder 2026\/27/);
    const choice = await pg.pressOpening(year, 'Planlæg møde', 'Møde om et barn, en ung eller en familie');
    await pg.pressUpdating(
      choice,
      'Møde om et barn, en ung eller en familie',
      'Planlæg og send invitationer',
    );
    const card = pg.card('Planlæg og send invitationer');
    // The form starts at the team's usual time and place, with only a child meeting's fields.
    expect(await card.getByRole('textbox', { name: /Sted/ }).inputValue()).not.toBe('');
    expect(await card.getByRole('textbox', { name: /^Tema/ }).count()).toBe(0);
    await card.getByRole('combobox', { name: /Dato/ }).fill('2026-11-24');
    await card.getByRole('textbox', { name: /Sted/ }).fill('Børnehuset Mågen, personalerummet');
    const purpose = card.getByRole('textbox', { name: /Formål/ });
    await purpose.fill('Bekymring for trivsel i børnehaven');
    const child = card.getByRole('textbox', { name: /Barn \(initialer/ });
    await child.fill('010190-1234');
    await pg.pressUpdating(card, 'Planlæg og send invitationer', 'Ligner et CPR-nummer');
    await pg.shot('cpr-afvist');
    const refused = pg.card('Planlæg og send invitationer');
    await expectValue(refused.getByRole('textbox', { name: /Formål/ }), 'Bekymring for trivsel i børnehaven');
    await refused.getByRole('textbox', { name: /Barn \(initialer/ }).fill('FJ-0016');
    await pg.pressUpdating(refused, 'Planlæg og send invitationer', 'Barnet har en aktiv sag (FJ-0016)');
    await pg.shot('aaben-sag-afvist');
    const sentBefore = (await samspil.report('outbox')).rows.length;
    const again = pg.card('Planlæg og send invitationer');
    await again.getByRole('textbox', { name: /Barn \(initialer/ }).fill('QX');
    await pg.pressUpdating(again, 'Planlæg og send invitationer', 'Initialerne findes også på en åben sag');
    await pg.shot('initialer-spoerger-foerst');
    // Nothing planned or sent yet: the warning came first.
    await samspil.tick();
    expect((await samspil.report('outbox')).rows.length).toBe(sentBefore);
    const asked = pg.card('Planlæg og send invitationer');
    await expectValue(asked.getByRole('textbox', { name: /Barn \(initialer/ }), 'QX');
    await asked.getByText(/Jeg har kontrolleret initialerne/).click();
    await pg.pressUpdating(asked, 'Planlæg og send invitationer', 'Mødet er planlagt');
    await pg.shot('moede-planlagt');
  });

  it('moves the child meeting, and cancels two theme meetings only after confirming, once with a reason', async () => {
    await pg.say('møder');
    let edit = await pg.pressOpening(pg.card(/Teammøder 2026\/27/), 'Flyt eller aflys', 'Flyt mødet');
    await edit.getByRole('textbox', { name: /Sted/ }).fill('Rådhuset, mødelokale 2');
    await pg.pressUpdating(edit, 'Flyt mødet', 'Mødet er flyttet');
    await pg.shot('moede-flyttet');
    await pg.say('møder');
    await pg.chooseOption(pg.card(/Teammøder 2026\/27/), /Vælg et møde/, /\.02\.2027/);
    edit = await pg.pressOpening(pg.card(/Teammøder 2026\/27/), 'Flyt eller aflys', 'Aflys mødet');
    await pg.pressUpdating(edit, 'Aflys mødet', 'Aflys mødet?');
    const ask = pg.card('Aflys mødet?');
    await ask
      .getByText(/får besked om aflysningen|Ingen er inviteret endnu/)
      .first()
      .waitFor();
    await ask.getByRole('textbox', { name: /Begrundelse/ }).fill('Tovholderen er syg; vi finder en ny dato.');
    await pg.shot('aflys-spoerger-foerst');
    await pg.pressUpdating(ask, 'Aflys og giv besked', 'Mødet er aflyst');
    await pg.card('Mødet er aflyst').getByText('Tovholderen er syg; vi finder en ny dato.').waitFor();
    await pg.shot('moede-aflyst');
    // A second cancellation leaves the team short of the model's minimum for the year plan below.
    await pg.say('møder');
    await pg.chooseOption(pg.card(/Teammøder 2026\/27/), /Vælg et møde/, /\.04\.2027/);
    edit = await pg.pressOpening(pg.card(/Teammøder 2026\/27/), 'Flyt eller aflys', 'Aflys mødet');
    await pg.pressUpdating(edit, 'Aflys mødet', 'Aflys mødet?');
    await pg.pressUpdating(pg.card('Aflys mødet?'), 'Aflys og giv besked', 'Mødet er aflyst');
  });

  it('then plans the rest of the school year from the proposed dates', async () => {
    await pg.say('møder');
    const year = pg.card(/Teammøder 2026\/27/);
    const plan = await pg.pressOpening(
      year,
      /Planlæg skoleåret 2026/,
      /Forslag til mødeplan|allerede planlagt nok/,
    );
    await plan.getByRole('textbox', { name: /Sted/ }).fill('Børnehuset Mågen, personalerummet');
    await pg.shot('skoleaar-forslag');
    if (await plan.getByRole('button', { name: 'Bekræft og send invitationer' }).count()) {
      await pg.pressUpdating(plan, 'Bekræft og send invitationer', 'Mødeplanen er bekræftet');
      await pg.shot('skoleaar-bekraeftet');
    }
  });

  it('writes the Signs of Safety minutes of the child meeting after it is held, with an agreement', async () => {
    // The next morning after the meeting on 24 November: Samspil restarts on that day's clock.
    await samspil.stop();
    await samspil.start('2026-11-25T09:00:00Z');
    await samspil.tick();
    const card = pg.card('Gem referat');
    await card.waitFor({ timeout: 30_000 });
    await card
      .getByRole('textbox', { name: /Kompetencer/ })
      .fill('Trygge rammer i børnehaven; mor søger hjælp');
    await card.getByRole('textbox', { name: /Udfordringer/ }).fill('Uro ved aflevering om morgenen');
    await card.getByRole('textbox', { name: /Hvad vil vi se ske/ }).fill('Rolige afleveringer');
    await card
      .getByRole('textbox', { name: /^Aftale/ })
      .first()
      .fill('Fast afleveringsritual med pædagogen');
    await card
      .getByRole('combobox', { name: /Ansvarlig/ })
      .first()
      .click();
    await pg.page.getByRole('option').first().click();
    // A refusal first: an agreement without a date comes back with the reason beside the date.
    await pg.pressUpdating(card, 'Gem referat', 'Angiv en dato');
    await expectValue(card.getByRole('textbox', { name: /Udfordringer/ }), 'Uro ved aflevering om morgenen');
    await card
      .getByRole('combobox', { name: /^Senest/ })
      .first()
      .fill('2026-12-15');
    await pg.shot('referat-formular');
    await pg.pressUpdating(card, 'Gem referat', 'Referat gemt');
    await pg.shot('referat-gemt');
  });
});

async function expectValue(input: import('playwright-core').Locator, value: string): Promise<void> {
  const got = await input.inputValue();
  if (got !== value) throw new Error(`expected "${value}" kept in the field, got "${got}"`);
}
