import fs from 'node:fs';
import path from 'node:path';
import { CARDS_DIR, cardNames } from '../../src/cards/render';
import { CARD_VERBS } from '../../src/teams/routes/cardVerbs';
import { everyCard } from '../cards/samples';

/** Every action of a card JSON: its type and verb. */
function actions(node: unknown, out: { type: string; verb?: string }[] = []) {
  if (Array.isArray(node)) node.forEach((n) => actions(n, out));
  else if (node && typeof node === 'object') {
    const n = node as { type?: unknown; verb?: unknown };
    if (typeof n.type === 'string' && n.type.startsWith('Action.')) {
      out.push({ type: n.type, ...(typeof n.verb === 'string' ? { verb: n.verb } : {}) });
    }
    Object.values(node).forEach((v) => actions(v, out));
  }
  return out;
}

const templates = cardNames().map(
  (name) => [name, JSON.parse(fs.readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8'))] as const,
);
const rendered = (['da', 'en'] as const).flatMap((l) => everyCard(l));
const table = new Set(Object.keys(CARD_VERBS));

describe('the card verbs: one table, every verb in it used by a card and every card verb handled', () => {
  it('finds a handler for every verb a template names, and for every verb a rendered card carries', () => {
    const literal = templates.flatMap(([name, card]) =>
      actions(card)
        .filter((a) => a.verb && !a.verb.includes('${'))
        .map((a) => `${name}: ${a.verb}`),
    );
    const fromSamples = rendered.flatMap(([name, card]) =>
      actions(card).map((a) => `${name}: ${a.verb ?? ''}`),
    );
    const unhandled = [...literal, ...fromSamples].filter(
      (x) => x.endsWith(': ') === false && !table.has(x.split(': ')[1]!),
    );
    expect(unhandled).toEqual([]);
  });

  it('has no handler that no card uses', () => {
    const used = new Set(
      [...templates.map(([, c]) => c), ...rendered.map(([, c]) => c)].flatMap((c) =>
        actions(c).flatMap((a) => (a.verb ? [a.verb] : [])),
      ),
    );
    expect([...table].filter((v) => !used.has(v))).toEqual([]);
  });

  it('uses Action.Execute for every button (Universal Actions: the invoke answer updates the card in place)', () => {
    const kinds = new Set(
      [...templates.map(([, c]) => c), ...rendered.map(([, c]) => c)].flatMap((c) =>
        actions(c).map((a) => a.type),
      ),
    );
    expect([...kinds].sort()).toEqual(['Action.Execute', 'Action.OpenUrl', 'Action.ShowCard']);
    const withoutVerb = rendered.filter(([, c]) =>
      actions(c).some((a) => a.type === 'Action.Execute' && !a.verb),
    );
    expect(withoutVerb.map(([n]) => n)).toEqual([]);
  });

  it('sends cards of version 1.4 or later, which Action.Execute needs', () => {
    const old = templates.filter(([, c]) => Number((c as { version: string }).version) < 1.4).map(([n]) => n);
    expect(old).toEqual([]);
  });
});
