// The ESM entry of adaptivecards does not load on Node 20; the UMD bundle does (docs/teams-app.md, platform facts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');
import type { CardJson } from './render';

export const MAX_CARD_VERSION = 1.5;
/** Teams rejects an activity over 40 KB (UTF-16). */
export const MAX_ACTIVITY_BYTES = 40 * 1024;

/** Parses a card with the Adaptive Cards SDK and lists every problem: unknown types, versions, size. */
export function cardProblems(card: CardJson): string[] {
  const problems: string[] = [];
  const version = Number(card.version);
  if (!(version > 0) || version > MAX_CARD_VERSION)
    problems.push(`version ${card.version} is not ≤ ${MAX_CARD_VERSION}`);
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, ctx);
  for (let i = 0; i < ctx.eventCount; i++) problems.push(ctx.getEventAt(i).message);
  // The SDK's own rules beyond parsing, e.g. input ids unique across the card and its ShowCards
  // (a second input with the same id would submit the other form's value).
  for (const e of parsed.validateProperties().validationEvents) problems.push(e.message);
  const unresolved = JSON.stringify(card).match(/\$\{[^}]*\}/g);
  if (unresolved) problems.push(`unexpanded template expressions: ${unresolved.slice(0, 3).join(', ')}`);
  const bytes = JSON.stringify(card).length * 2;
  if (bytes > MAX_ACTIVITY_BYTES)
    problems.push(`card is ${bytes} bytes (UTF-16), over ${MAX_ACTIVITY_BYTES}`);
  return problems;
}
