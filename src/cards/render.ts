import fs from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { escapeCardText } from './markdown';

export type CardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** The repository root, found from this file so it works from src/ (tests) and dist/src/ (built). */
function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

export const CARDS_DIR = path.join(packageRoot(), 'cards');
const cache = new Map<string, ACData.Template>();

export function cardNames(): string[] {
  return fs
    .readdirSync(CARDS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));
}

/**
 * Expands a template from cards/ with data; `$root` holds the data, so templates can reach it in
 * loops. Every visible text is then made safe from Teams' Markdown lists (markdown.ts).
 */
export function renderCard(name: string, data: Record<string, unknown>): CardJson {
  let template = cache.get(name);
  if (!template) {
    const json = JSON.parse(fs.readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8')) as object;
    template = new ACData.Template(json);
    cache.set(name, template);
  }
  const card = template.expand({ $root: data }) as CardJson;
  escapeCardText(card);
  return card;
}

/** An activity carrying one card, as the bot posts it. */
export function cardActivity(card: CardJson, summary?: string): Record<string, unknown> {
  return {
    type: 'message',
    summary,
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}
