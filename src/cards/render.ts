import fs from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { compileTemplate, Uncompiled } from './compile';
import { escapeCardText } from './markdown';

function escaped(card: CardJson): CardJson {
  escapeCardText(card);
  return card;
}

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

interface Prepared {
  sdk: ACData.Template;
  compiled: ((data: unknown) => unknown) | null;
}
const cache = new Map<string, Prepared>();

export function cardNames(): string[] {
  return fs
    .readdirSync(CARDS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));
}

function prepared(name: string): Prepared {
  let p = cache.get(name);
  if (!p) {
    const json = JSON.parse(fs.readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8')) as object;
    p = { sdk: new ACData.Template(json), compiled: compileTemplate(json) };
    cache.set(name, p);
  }
  return p;
}

/** Reads and compiles every template once (at start-up), so no card press or pass pays for it. */
export function prepareCards(): void {
  for (const name of cardNames()) prepared(name);
}

/** Expands a template from cards/ with the templating SDK; `$root` holds the data. */
export function expandWithSdk(name: string, data: Record<string, unknown>): CardJson {
  return escaped(prepared(name).sdk.expand({ $root: data }) as CardJson);
}

/**
 * Expands a template from cards/ with data; `$root` holds the data, so templates can reach it in
 * loops, and every visible text made safe from Teams' Markdown lists (markdown.ts). The compiled template does it (src/cards/compile.ts); a card it cannot render exactly as
 * the SDK would goes to the SDK.
 */
export function renderCard(name: string, data: Record<string, unknown>): CardJson {
  const p = prepared(name);
  if (p.compiled) {
    try {
      return escaped(p.compiled(data) as CardJson);
    } catch (err) {
      if (!(err instanceof Uncompiled)) throw err;
    }
  }
  return escaped(p.sdk.expand({ $root: data }) as CardJson);
}

/** An activity carrying one card, as the bot posts it. */
export function cardActivity(card: CardJson, summary?: string): Record<string, unknown> {
  return {
    type: 'message',
    summary,
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}
