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

  it('heads the card with the title, and lists there what no visible input can show', () => {
    const card = withAnswers(
      form(),
      {},
      [
        { text: 'Teamet har allerede et møde den dag.' },
        { field: 'reason', text: 'Skriv en begrundelse.' },
        { field: 'nowhere', text: 'Tjek værdien.' },
      ],
      'Ikke gemt – ret det markerede nedenfor.',
    );
    expect(
      body(card)
        .slice(0, 4)
        .map((e) => e.text),
    ).toEqual([
      'Ikke gemt – ret det markerede nedenfor.',
      'Teamet har allerede et møde den dag.',
      'Skriv en begrundelse.', // its input is in a folded ShowCard
      'Tjek værdien.',
    ]);
    expect(JSON.stringify(card.actions)).toContain('"errorMessage":"Skriv en begrundelse."');
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
