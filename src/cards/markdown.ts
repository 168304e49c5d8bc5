/**
 * Teams renders TextBlock text and FactSet values as Markdown, so a line that starts with a number,
 * a dot and a space ("24. august 2026", "5. Anbringelse") becomes a numbered list, indented and out
 * of line (docs/teams-app.md, platform facts). Escaping the dot keeps the text as written.
 */
const LIST_MARKER = /^(\s*\d+)\.(?=\s)/gm;

export function escapeListMarker(text: string): string {
  return text.replace(LIST_MARKER, '$1\\.');
}

type Node = Record<string, unknown>;

/** Escapes every TextBlock text, TextRun text and Fact value of a card, in place. */
export function escapeCardText(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(escapeCardText);
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  if ((n.type === 'TextBlock' || n.type === 'TextRun') && typeof n.text === 'string') {
    n.text = escapeListMarker(n.text);
  }
  if (n.type === 'FactSet' && Array.isArray(n.facts)) {
    for (const f of n.facts as Node[]) {
      if (typeof f.value === 'string') f.value = escapeListMarker(f.value);
      if (typeof f.title === 'string') f.title = escapeListMarker(f.title);
    }
  }
  Object.values(n).forEach(escapeCardText);
}
