/**
 * A refused form comes back as the same card: every value the user typed is put back into its
 * input, and each problem stands beside its input (as the input's `errorMessage` and as a short
 * visible line under it, since Teams shows `errorMessage` only for its own client-side checks).
 * A value that looks like a CPR number is the one thing not put back (it is never echoed).
 */
import { looksLikeCpr } from '../domain/cpr';
import type { CardJson } from './render';
import { escapeListMarker } from './markdown';

type Node = Record<string, unknown>;

export interface FieldProblem {
  /** The card input's id; a problem without one (or about an input not on the card) heads the card. */
  field?: string;
  text: string;
}

function isInput(n: Node): boolean {
  return typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string';
}

/** Every array of elements in the card (body, items, columns, ShowCard bodies), walked once each. */
function elementLists(node: unknown, out: Node[][] = []): Node[][] {
  if (Array.isArray(node)) {
    if (node.every((x) => x && typeof x === 'object')) out.push(node as Node[]);
    node.forEach((x) => elementLists(x, out));
  } else if (node && typeof node === 'object') {
    Object.values(node).forEach((v) => elementLists(v, out));
  }
  return out;
}

function problemLine(text: string): Node {
  return {
    type: 'TextBlock',
    text: escapeListMarker(text),
    color: 'Attention',
    size: 'Small',
    wrap: true,
    spacing: 'None',
  };
}

/**
 * The card with the user's values and the problems. `title` heads the card (e.g. "Ikke gemt – ret
 * det markerede"); problems no input on the card shows (or that sit in a collapsed ShowCard) are
 * listed under it, so nothing is said out of sight.
 */
export function withAnswers(
  card: CardJson,
  values: Record<string, unknown>,
  problems: readonly FieldProblem[],
  title: string,
): CardJson {
  const copy = structuredClone(card);
  const placed = new Set<FieldProblem>();
  const bodyLists = new Set(elementLists(copy.body));
  for (const list of elementLists(copy)) {
    for (let i = 0; i < list.length; i++) {
      const el = list[i]!;
      if (!isInput(el)) continue;
      const id = el.id as string;
      const v = values[id];
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
        const text = String(v);
        if (looksLikeCpr(text)) delete el.value;
        else el.value = text;
      }
      const mine = problems.filter((p) => p.field === id);
      if (mine.length === 0) continue;
      el.errorMessage = mine.map((p) => p.text).join(' ');
      list.splice(i + 1, 0, ...mine.map((p) => problemLine(p.text)));
      i += mine.length;
      if (bodyLists.has(list)) mine.forEach((p) => placed.add(p));
    }
  }
  const head: Node[] = [{ type: 'TextBlock', text: title, color: 'Attention', weight: 'Bolder', wrap: true }];
  for (const p of problems) {
    if (!placed.has(p)) head.push(problemLine(p.text));
  }
  copy.body = [...head, ...((copy.body as Node[] | undefined) ?? [])];
  return copy;
}

/** The submitted values of a card action, whatever the card sent (inputs arrive as strings). */
export function valuesOf(data: unknown): Record<string, unknown> {
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}
