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

/** The ids of every input inside a node (a ShowCard's card, a container). */
function inputIds(node: unknown): Set<string> {
  const ids = new Set<string>();
  for (const list of elementLists(node)) for (const el of list) if (isInput(el)) ids.add(el.id as string);
  return ids;
}

/**
 * A folded form (an `Action.ShowCard` among the card's actions) that holds an input with a problem
 * is unfolded into the body: a refusal that points at a field must find it open, not folded shut.
 * Its title heads it, its inputs and buttons follow, and the other folded forms stay as they were.
 */
function unfoldForms(card: CardJson, problemFields: ReadonlySet<string>): void {
  const actions = (card.actions as Node[] | undefined) ?? [];
  const kept: Node[] = [];
  const unfolded: Node[] = [];
  for (const a of actions) {
    const sub = a.type === 'Action.ShowCard' ? (a.card as Node | undefined) : undefined;
    const ids = sub ? inputIds(sub.body) : new Set<string>();
    if (!sub || ![...ids].some((id) => problemFields.has(id))) {
      kept.push(a);
      continue;
    }
    unfolded.push({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: escapeListMarker(String(a.title ?? '')), weight: 'Bolder', wrap: true },
        ...((sub.body as Node[] | undefined) ?? []),
        ...(sub.actions ? [{ type: 'ActionSet', actions: sub.actions }] : []),
      ],
    });
  }
  if (unfolded.length === 0) return;
  card.body = [...((card.body as Node[] | undefined) ?? []), ...unfolded];
  card.actions = kept;
}

/**
 * The card with the user's values and the problems. `title` heads the card (e.g. "Ikke gemt – ret
 * det markerede"); problems no input on the card shows are listed under it, so nothing is said out
 * of sight, and a folded form with a problem is unfolded. A value that looks like a CPR number is
 * not put back, and `cprCleared` says so beside its emptied input.
 */
export function withAnswers(
  card: CardJson,
  values: Record<string, unknown>,
  problems: readonly FieldProblem[],
  title: string,
  cprCleared = '',
): CardJson {
  const copy = structuredClone(card);
  unfoldForms(copy, new Set(problems.flatMap((p) => (p.field ? [p.field] : []))));
  const placed = new Set<FieldProblem>();
  const bodyLists = new Set(elementLists(copy.body));
  for (const list of elementLists(copy)) {
    for (let i = 0; i < list.length; i++) {
      const el = list[i]!;
      if (!isInput(el)) continue;
      const id = el.id as string;
      const v = values[id];
      const mine = problems.filter((p) => p.field === id).map((p) => p.text);
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
        const text = String(v);
        if (looksLikeCpr(text)) {
          delete el.value;
          if (cprCleared) mine.push(cprCleared);
        } else el.value = text;
      }
      if (mine.length === 0) continue;
      el.errorMessage = mine.join(' ');
      list.splice(i + 1, 0, ...mine.map((text) => problemLine(text)));
      i += mine.length;
      if (bodyLists.has(list)) problems.filter((p) => p.field === id).forEach((p) => placed.add(p));
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
