#!/usr/bin/env node
// Builds the Teams app package (build/samspil-teams-app.zip) from manifest/.
//
//   npm run package [-- [--out-dir DIR] [--manifest-dir DIR]]
//
// Environment (all optional; empty counts as unset):
//   TEAMS_APP_ID      Teams app id (GUID) written to manifest.id
//   MICROSOFT_APP_ID  bot's Microsoft App ID (GUID) written to bots[].botId;
//                     falls back to MicrosoftAppId, the variable the bot server reads
//   BOT_DOMAIN        host name of the bot (e.g. samspil.kommune.dk) written to validDomains, the
//                     tabs' URLs and webApplicationInfo.resource (api://<host>/<bot id>)
//
// The manifest and every localization file are validated against the official JSON schemas that
// @microsoft/app-manifest bundles; nothing is fetched from the network.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import AdmZip from 'adm-zip';
import appManifest from '@microsoft/app-manifest';

const { AppManifestUtils } = appManifest;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE_NAME = 'samspil-teams-app.zip';
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const PLACEHOLDER_GUID = '00000000-0000-0000-0000-000000000000';
const HOST = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}(:\d{1,5})?$/i;
const ICON_SIZES = { color: 192, outline: 32 };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

class PackageError extends Error {
  constructor(message, details = []) {
    super(message);
    this.details = details;
  }
}

// Validation must work offline: the schemas come from the package, never from the network.
globalThis.fetch = async (url) => {
  throw new Error(`refusing to download ${url}: only schemas bundled with @microsoft/app-manifest are used`);
};

function env(name) {
  const value = process.env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function guidFromEnv(names) {
  for (const name of names) {
    const value = env(name);
    if (value === undefined) continue;
    if (!GUID.test(value)) throw new PackageError(`${name} must be a GUID, got "${value}"`);
    return { value: value.toLowerCase(), from: name };
  }
  return undefined;
}

async function readJson(file) {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new PackageError(`cannot read ${path.relative(process.cwd(), file) || file}: ${err.message}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new PackageError(`${path.basename(file)} is not valid JSON: ${err.message}`);
  }
}

/** A file referenced by the manifest must sit next to it: the package is flat. */
function packageFileName(name, what) {
  if (typeof name !== 'string' || name === '' || path.posix.basename(name) !== name || name.includes('\\')) {
    throw new PackageError(`${what} must be a file name at the package root, got "${name}"`);
  }
  return name;
}

/**
 * The bundled Localization schemas contain a pattern with an unescaped "]" (".. \b]\.description")
 * that is not a valid regular expression with the u flag ajv uses
 * (https://github.com/MicrosoftDocs/msteams-docs/issues/8858). Escape "]" outside character classes;
 * the meaning of the pattern is unchanged.
 */
function escapeLoneBrackets(pattern) {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else {
      out += c === ']' ? '\\]' : c;
    }
  }
  return out;
}

function fixPatterns(node) {
  if (Array.isArray(node)) return node.map(fixPatterns);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'patternProperties' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([p, sub]) => [escapeLoneBrackets(p), fixPatterns(sub)]),
      );
    } else if (key === 'pattern' && typeof value === 'string') {
      out[key] = escapeLoneBrackets(value);
    } else {
      out[key] = fixPatterns(value);
    }
  }
  return out;
}

async function validateManifestSchema(manifest) {
  if (typeof manifest.$schema !== 'string') throw new PackageError('manifest.json has no $schema');
  const errors = await AppManifestUtils.validateAgainstSchema(manifest).catch((err) => {
    throw new PackageError(`cannot validate manifest.json: ${err.message}`);
  });
  if (errors.length > 0) throw new PackageError('manifest.json does not match its schema', errors);
}

/** Resolves "bots[0].commandLists[0].commands[3].title" against the manifest. */
function lookup(manifest, key) {
  let node = manifest;
  for (const part of key.split('.')) {
    const m = /^([A-Za-z_$][\w$]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    node = node?.[m[1]];
    for (const idx of m[2].match(/\d+/g) ?? []) node = node?.[Number(idx)];
  }
  return node;
}

async function validateLocalization(manifest, file, languageTag) {
  const strings = await readJson(file);
  const name = path.basename(file);
  if (
    typeof strings.$schema !== 'string' ||
    !strings.$schema.endsWith('/MicrosoftTeams.Localization.schema.json')
  ) {
    throw new PackageError(
      `${name}: $schema must point at the official MicrosoftTeams.Localization.schema.json`,
    );
  }
  const manifestSchemaVersion = /\/teams\/(v[^/]+)\//.exec(manifest.$schema)?.[1];
  const localizationSchemaVersion = /\/teams\/(v[^/]+)\//.exec(strings.$schema)?.[1];
  if (manifestSchemaVersion !== localizationSchemaVersion) {
    throw new PackageError(
      `${name}: schema version ${localizationSchemaVersion} differs from the manifest's ${manifestSchemaVersion}`,
    );
  }
  const schema = fixPatterns(
    await AppManifestUtils.fetchSchema(strings.$schema).catch((err) => {
      throw new PackageError(`cannot validate ${name}: ${err.message}`);
    }),
  );
  const errors = await AppManifestUtils.validateAgainstSchema(strings, schema);
  if (errors.length > 0) throw new PackageError(`${name} (${languageTag}) does not match its schema`, errors);
  const dangling = Object.keys(strings).filter(
    (key) => key !== '$schema' && key !== 'localizationKeys' && typeof lookup(manifest, key) !== 'string',
  );
  if (dangling.length > 0) {
    throw new PackageError(
      `${name} (${languageTag}) translates strings the manifest does not have`,
      dangling,
    );
  }
  return strings;
}

function pngHeader(buffer, name) {
  if (
    buffer.length < 33 ||
    !buffer.subarray(0, 8).equals(PNG_SIGNATURE) ||
    buffer.toString('ascii', 12, 16) !== 'IHDR'
  ) {
    throw new PackageError(`${name} is not a PNG file`);
  }
  return {
    width: buffer.readUInt32BE(16),
    height: buffer.readUInt32BE(20),
    bitDepth: buffer[24],
    colorType: buffer[25],
  };
}

async function readIcon(manifestDir, kind, fileName) {
  const name = packageFileName(fileName, `icons.${kind}`);
  let buffer;
  try {
    buffer = await readFile(path.join(manifestDir, name));
  } catch (err) {
    throw new PackageError(`cannot read icon ${name}: ${err.message}`);
  }
  const size = ICON_SIZES[kind];
  const header = pngHeader(buffer, name);
  if (header.width !== size || header.height !== size) {
    throw new PackageError(`${name} must be ${size}×${size} pixels, is ${header.width}×${header.height}`);
  }
  if (kind === 'outline' && header.colorType !== 6) {
    throw new PackageError(
      `${name} must be white on transparent (RGBA PNG), has PNG colour type ${header.colorType}`,
    );
  }
  return { name, buffer };
}

function onHost(url, host) {
  const u = new URL(url);
  u.host = host;
  return u.toString();
}

async function buildPackage({ manifestDir, outDir }) {
  const manifest = await readJson(path.join(manifestDir, 'manifest.json'));
  const notes = [];

  const appId = guidFromEnv(['TEAMS_APP_ID']);
  if (appId) manifest.id = appId.value;
  const botId = guidFromEnv(['MICROSOFT_APP_ID', 'MicrosoftAppId']);
  if (Array.isArray(manifest.bots)) {
    for (const bot of manifest.bots) {
      if (botId) bot.botId = botId.value;
      if (bot.botId === PLACEHOLDER_GUID) {
        notes.push(
          'bot id is the placeholder GUID: set MICROSOFT_APP_ID before uploading the package to Teams',
        );
      }
    }
  }
  const domain = env('BOT_DOMAIN');
  if (domain !== undefined) {
    const host = domain.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
    if (!HOST.test(host)) throw new PackageError(`BOT_DOMAIN must be a host name, got "${domain}"`);
    manifest.validDomains = [host];
    // The tabs are pages of the bot's own server: same host.
    for (const tab of manifest.staticTabs ?? []) {
      for (const key of ['contentUrl', 'websiteUrl']) if (tab[key]) tab[key] = onHost(tab[key], host);
    }
    for (const tab of manifest.configurableTabs ?? [])
      tab.configurationUrl = onHost(tab.configurationUrl, host);
  }
  // Teams SSO for the tabs uses the bot's app registration: api://<host>/<app id>.
  if (manifest.webApplicationInfo) {
    const info = manifest.webApplicationInfo;
    if (botId) info.id = botId.value;
    const host = domain
      ? domain.replace(/^https?:\/\//i, '').replace(/\/+$/, '')
      : new URL(info.resource).host;
    info.resource = `api://${host}/${info.id}`;
  }

  await validateManifestSchema(manifest);

  const files = new Map();
  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  for (const kind of Object.keys(ICON_SIZES)) {
    const icon = await readIcon(manifestDir, kind, manifest.icons?.[kind]);
    files.set(icon.name, icon.buffer);
  }
  const info = manifest.localizationInfo;
  const languages = [...(info?.additionalLanguages ?? [])];
  if (info?.defaultLanguageFile)
    languages.push({ languageTag: info.defaultLanguageTag, file: info.defaultLanguageFile });
  for (const { languageTag, file } of languages) {
    const name = packageFileName(file, `localization file for ${languageTag}`);
    if (files.has(name)) throw new PackageError(`${name} is listed twice in the package`);
    await validateLocalization(manifest, path.join(manifestDir, name), languageTag);
    files.set(name, await readFile(path.join(manifestDir, name)));
  }

  const zip = new AdmZip();
  for (const [name, buffer] of files) zip.addFile(name, buffer);
  await mkdir(outDir, { recursive: true });
  const target = path.join(outDir, PACKAGE_NAME);
  const partial = `${target}.${process.pid}.tmp`;
  await writeFile(partial, zip.toBuffer());
  await rename(partial, target);
  return { target, files: [...files.keys()], manifest, notes };
}

async function main() {
  const { values } = parseArgs({
    options: {
      'out-dir': { type: 'string', default: path.join(ROOT, 'build') },
      'manifest-dir': { type: 'string', default: path.join(ROOT, 'manifest') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('usage: node scripts/package-app.mjs [--out-dir DIR] [--manifest-dir DIR]');
    return;
  }
  const outDir = path.resolve(values['out-dir']);
  const manifestDir = path.resolve(values['manifest-dir']);
  try {
    const result = await buildPackage({ manifestDir, outDir });
    console.log(`Wrote ${path.relative(process.cwd(), result.target) || result.target}`);
    console.log(`  files:  ${result.files.join(', ')}`);
    console.log(`  app id: ${result.manifest.id}`);
    for (const bot of result.manifest.bots ?? []) console.log(`  bot id: ${bot.botId}`);
    for (const note of result.notes) console.warn(`note: ${note}`);
  } catch (err) {
    // A failed run must not leave an older, valid-looking package behind.
    await rm(path.join(outDir, PACKAGE_NAME), { force: true });
    if (err instanceof PackageError) {
      console.error(`package failed: ${err.message}`);
      for (const detail of err.details) console.error(`  - ${detail}`);
    } else {
      console.error(err);
    }
    process.exitCode = 1;
  }
}

await main();
