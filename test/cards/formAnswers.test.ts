import type { CardJson } from '../../src/cards/render';
import { withAnswers } from '../../src/cards/formAnswers';
import { escapeListMarker } from '../../src/cards/markdown';

const form = (): CardJson => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Planlæg møde' },
    { type: 'Input.Text', id: 'childReference', label: 'Barn' },
    { type: 'Input.Date', id: 'date', label: 'Dato', errorMessage: 'Dato' },
    { type: 'Input.Text', id: 'purpose', label: 'Formål' },
  ],
  actions: [
    {
      type: 'Action.ShowCard',
      title: 'Udskyd',
      card: { type: 'AdaptiveCard', body: [{ type: 'Input.Text', id: 'reason', label: 'Begrundelse' }] },
    },
  ],
});

const body = (c: CardJson) => c.body as Record<string, unknown>[];

describe('a refused form comes back as the same card, with the values and the reasons', () => {
  it('puts every typed value back into its input, and never a CPR-looking one', () => {
    const card = withAnswers(
      form(),
      { childReference: '010190-1234', date: '2026-09-02', purpose: 'Trivsel', teamId: 'x' },
      [],
      'Ikke gemt',
    );
    const input = (id: string) => body(card).find((e) => e.id === id)!;
    expect(input('date').value).toBe('2026-09-02');
    expect(input('purpose').value).toBe('Trivsel');
    expect(input('childReference').value).toBeUndefined();
    expect(JSON.stringify(card)).not.toContain('010190');
  });

  it('sets each problem as its input’s errorMessage and as a visible line right under it', () => {
    const card = withAnswers(
      form(),
      {},
      [{ field: 'date', text: 'Datoen ligger i fremtiden.' }],
      'Ikke gemt',
    );
    const i = body(card).findIndex((e) => e.id === 'date');
    expect(body(card)[i]!.errorMessage).toBe('Datoen ligger i fremtiden.');
    expect(body(card)[i + 1]).toMatchObject({
      type: 'TextBlock',
      text: 'Datoen ligger i fremtiden.',
      color: 'Attention',
    });
  });

  it('heads the card with the title, and lists there what no input on the card can show', () => {
    const card = withAnswers(
      form(),
      {},
      [{ text: 'Teamet har allerede et møde den dag.' }, { field: 'nowhere', text: 'Tjek værdien.' }],
      'Ikke gemt – ret det markerede nedenfor.',
    );
    expect(
      body(card)
        .slice(0, 3)
        .map((e) => e.text),
    ).toEqual([
      'Ikke gemt – ret det markerede nedenfor.',
      'Teamet har allerede et møde den dag.',
      'Tjek værdien.',
    ]);
    // Nothing points into the folded form, so it stays folded.
    expect((card.actions as Record<string, unknown>[])[0]!.type).toBe('Action.ShowCard');
  });

  it('unfolds a folded form that holds a problem, so the reason stands beside its open field', () => {
    const card = withAnswers(
      form(),
      { reason: 'Ferie' },
      [{ field: 'reason', text: 'Skriv en begrundelse.' }],
      'Ikke gemt – ret det markerede nedenfor.',
    );
    expect(card.actions).toEqual([]);
    const unfolded = body(card).at(-1) as { type: string; items: Record<string, unknown>[] };
    expect(unfolded.type).toBe('Container');
    expect(unfolded.items.map((e) => e.text ?? e.id)).toEqual(['Udskyd', 'reason', 'Skriv en begrundelse.']);
    expect(unfolded.items[1]).toMatchObject({ value: 'Ferie', errorMessage: 'Skriv en begrundelse.' });
    // Said once: beside the field, not again under the title.
    expect(JSON.stringify(card).split('Skriv en begrundelse.').length - 1).toBe(2); // errorMessage + the line
  });

  it('says beside an emptied input that it held a CPR number', () => {
    const card = withAnswers(
      form(),
      { purpose: 'Mor 010190-1234' },
      [{ field: 'purpose', text: 'Ligner et CPR-nummer.' }],
      'Ikke gemt',
      'Feltet er tømt.',
    );
    const i = body(card).findIndex((e) => e.id === 'purpose');
    expect(body(card)[i]!.value).toBeUndefined();
    expect(body(card)[i]!.errorMessage).toBe('Ligner et CPR-nummer. Feltet er tømt.');
    expect(body(card)[i + 2]!.text).toBe('Feltet er tømt.');
    expect(JSON.stringify(card)).not.toContain('010190');
  });

  it('leaves the card it was given untouched', () => {
    const original = form();
    withAnswers(original, { purpose: 'x' }, [{ field: 'date', text: 'y' }], 'z');
    expect(original).toEqual(form());
  });
});

describe('a line that starts with "N. " is escaped so Teams does not make it a numbered list', () => {
  it('escapes the dot at the start of each line, and only there', () => {
    expect(escapeListMarker('24. august 2026')).toBe('24\\. august 2026');
    expect(escapeListMarker('Mødet 24. august')).toBe('Mødet 24. august');
    expect(escapeListMarker('1. møde\n2. møde')).toBe('1\\. møde\n2\\. møde');
    expect(escapeListMarker('3.5 timer')).toBe('3.5 timer');
  });
});
