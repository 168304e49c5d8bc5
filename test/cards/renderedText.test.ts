import type { CardJson } from '../../src/cards/render';
import { MEASURE_TYPES } from '../../src/domain/measures';
import { PROFESSIONS } from '../../src/domain/professions';
import { ROLES } from '../../src/domain/roles';
import { INSTITUTION_TYPES } from '../../src/domain/institutions';
import { everyCard } from './samples';

/** Every text a person sees on a card, with where it sits: TextBlocks, facts, labels, choices, buttons. */
function visibleTexts(card: CardJson): { where: string; text: string; markdown: boolean }[] {
  const out: { where: string; text: string; markdown: boolean }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    const type = String(n.type ?? '');
    if ((type === 'TextBlock' || type === 'TextRun') && typeof n.text === 'string') {
      out.push({ where: type, text: n.text, markdown: true });
    }
    if (type === 'FactSet') {
      for (const f of (n.facts as { title: string; value: string }[]) ?? []) {
        out.push({ where: 'Fact title', text: f.title, markdown: true });
        out.push({ where: 'Fact value', text: f.value, markdown: true });
      }
    }
    if (type.startsWith('Input.')) {
      for (const key of ['label', 'title', 'placeholder', 'errorMessage']) {
        if (typeof n[key] === 'string')
          out.push({ where: `${type}.${key}`, text: n[key] as string, markdown: false });
      }
      for (const c of (n.choices as { title: string }[]) ?? []) {
        out.push({ where: `${type} choice`, text: c.title, markdown: false });
      }
    }
    if (type.startsWith('Action.') && typeof n.title === 'string') {
      out.push({ where: type, text: n.title, markdown: false });
    }
    Object.values(n).forEach(walk);
  };
  walk(card);
  return out;
}

const LIST_LINE = /^\s*\d+\.\s/m;
/** "Hver 6 uger": a Danish interval is an ordinal, "hver 6. uge", "hver 3. måned". */
const CARDINAL_INTERVAL = /\bhver \d+ (?:uger|måneder|dage|år)\b/i;
/** A Danish clock time stands after "kl." (or ends a span: "–16:00", "til 16:00"). */
const BARE_TIME = /(?<!kl\. |–|til |\d)\b\d{1,2}:\d{2}\b/;
/** A statistician's "n = 24" or a percentage with decimals ("20,83 %"): people read "24 svar", "21 %". */
const STATISTICS = /\bn = \d|\d+[,.]\d+ ?%/;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
const SNAKE_CASE = /\b[a-z]+(?:_[a-z]+)+\b/;
/** Codes that are plain words in English, and so raw codes only when they show in Danish text. */
const ONE_WORD_CODES = new Set<string>([
  ...ROLES,
  // 'institution' is a Danish word as well as a measure code.
  ...MEASURE_TYPES.filter((m) => m !== 'institution'),
  ...PROFESSIONS,
  ...Object.keys(INSTITUTION_TYPES),
  'theme',
  'child',
  'single',
  'digest',
  'yes',
  'no',
  'declining',
]);

/** The first TextBlock's text: a card's title. */
function firstText(card: CardJson): string | null {
  const body = (card.body as { type?: string; text?: string }[] | undefined) ?? [];
  const first = body.find((b) => b.type === 'TextBlock');
  return first?.text ?? null;
}

describe('Danish (and English) that reads right in Teams: every card sample through the real templates', () => {
  for (const locale of ['da', 'en'] as const) {
    const texts = everyCard(locale).flatMap(([name, card]) =>
      visibleTexts(card).map((t) => ({ ...t, card: name })),
    );
    it(`${locale}: no line Teams' Markdown would turn into a numbered list`, () => {
      expect(texts.filter((t) => t.markdown && LIST_LINE.test(t.text))).toEqual([]);
    });
    it(`${locale}: no ISO date in visible text (dates in the locale's format)`, () => {
      expect(texts.filter((t) => ISO_DATE.test(t.text))).toEqual([]);
    });
    it(`${locale}: no raw code (snake_case identifiers, or code values shown as words)`, () => {
      const raw = texts.filter(
        (t) =>
          SNAKE_CASE.test(t.text) ||
          (locale === 'da' && t.text.split(/[\s,.:;()/]+/).some((w) => ONE_WORD_CODES.has(w))),
      );
      expect(raw).toEqual([]);
    });
    it(`${locale}: intervals as ordinals, "kl." before a time, and figures as people read them`, () => {
      const findings = texts.filter(
        (t) =>
          STATISTICS.test(t.text) ||
          (locale === 'da' && (CARDINAL_INTERVAL.test(t.text) || (t.markdown && BARE_TIME.test(t.text)))),
      );
      expect(findings).toEqual([]);
    });
    it(`${locale}: a result card's title says what happened, not the button that was pressed`, () => {
      const buttons = new Set(texts.filter((t) => t.where.startsWith('Action.')).map((t) => t.text));
      const verbTitles = everyCard(locale)
        .filter(([, card]) => !JSON.stringify(card).includes('"type":"Input.'))
        .map(([name, card]) => ({ card: name, title: firstText(card) }))
        .filter((c) => c.title !== null && buttons.has(c.title));
      expect(verbTitles).toEqual([]);
    });
    it(`${locale}: no yellow ("Warning") or light green ("Good") text, which does not read on white`, () => {
      // Teams' light theme draws Warning in yellow and Good in #92c353 (about 2:1 on white).
      const pale = everyCard(locale).filter(([, c]) => /"color":"(Warning|Good)"/.test(JSON.stringify(c)));
      expect(pale.map(([n]) => n)).toEqual([]);
    });
    it(`${locale}: a required input left empty says why (its errorMessage is a reason, not its label)`, () => {
      const inputs: { card: string; label: unknown; errorMessage: unknown }[] = [];
      const walk = (card: string, node: unknown): void => {
        if (Array.isArray(node)) return node.forEach((n) => walk(card, n));
        if (!node || typeof node !== 'object') return;
        const n = node as Record<string, unknown>;
        if (n.isRequired === true) inputs.push({ card, label: n.label, errorMessage: n.errorMessage });
        Object.values(n).forEach((v) => walk(card, v));
      };
      for (const [name, card] of everyCard(locale)) walk(name, card);
      expect(inputs.length).toBeGreaterThan(10);
      expect(inputs.filter((i) => typeof i.errorMessage !== 'string' || i.errorMessage === i.label)).toEqual(
        [],
      );
    });
    it(`${locale}: the samples cover refused forms, so their reasons are checked too`, () => {
      expect(texts.some((t) => t.card.includes('refused'))).toBe(true);
    });
  }

  it('the checks themselves catch what they are for', () => {
    expect(CARDINAL_INTERVAL.test('Hver 6 uger')).toBe(true);
    expect(CARDINAL_INTERVAL.test('Hver 6. uge')).toBe(false);
    expect(BARE_TIME.test('16. marts 2027 13:00–14:30')).toBe(true);
    expect(BARE_TIME.test('16. marts 2027 kl. 13:00–14:30')).toBe(false);
    expect(BARE_TIME.test('fra kl. 08:00 til 16:00')).toBe(false);
    expect(STATISTICS.test('20,83 % (n = 24)')).toBe(true);
    expect(STATISTICS.test('21 % af 24 svar')).toBe(false);
    expect(LIST_LINE.test('24. august 2026')).toBe(true);
    expect(LIST_LINE.test('24\\. august 2026')).toBe(false);
    expect(ISO_DATE.test('Møde 2027-01-26')).toBe(true);
    expect(SNAKE_CASE.test('Deltagere: family_adviser')).toBe(true);
    expect(SNAKE_CASE.test('Familierådgiver')).toBe(false);
  });
});
