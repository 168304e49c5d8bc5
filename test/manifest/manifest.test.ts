import { COMMANDS as BOT_COMMANDS } from '../../src/teams/routes/commands';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import AdmZip from 'adm-zip';

// @microsoft/app-manifest requires strip-bom 5, an ES module that jest's CommonJS runtime cannot load
// (plain Node 20, as used by scripts/package-app.mjs, can). Only the package's file readers use it, not
// the schema validation tested here, so stand in for it before loading the package.
jest.doMock(createRequire(require.resolve('@microsoft/app-manifest')).resolve('strip-bom'), () => ({
  __esModule: true,
  default: (text: string) => text.replace(/^\uFEFF/, ''),
}));
const { AppManifestUtils } =
  jest.requireActual<typeof import('@microsoft/app-manifest')>('@microsoft/app-manifest');

const ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST_DIR = path.join(ROOT, 'manifest');
const SCRIPT = path.join(ROOT, 'scripts', 'package-app.mjs');
const PACKAGE_NAME = 'samspil-teams-app.zip';
const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

/**
 * The commands (docs/roles.md) the bot answers, by scope. Case data, minutes and key figures stay in the
 * personal chat, so those commands are offered there only; a team channel linked to a team shows
 * that team's meetings.
 */
const HELP = { da: 'hjælp', en: 'help' };
const COMMANDS_BY_SCOPE: Record<string, { da: string; en: string }[]> = {
  personal: [
    HELP,
    { da: 'mine opfølgninger', en: 'my follow-ups' },
    { da: 'indstillinger', en: 'settings' },
    { da: 'planlæg møde', en: 'schedule meeting' },
    { da: 'møder', en: 'meetings' },
    { da: 'referat', en: 'minutes' },
    { da: 'status', en: 'status' },
  ],
  team: [HELP, { da: 'møder', en: 'meetings' }],
  groupChat: [HELP],
};
const SPEC_COMMANDS = Object.values(COMMANDS_BY_SCOPE).flat();
const BOT_SCOPES = ['personal', 'team', 'groupChat'];

interface Command {
  title: string;
  description: string;
}
interface Manifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  name: { short: string; full?: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  localizationInfo: {
    defaultLanguageTag: string;
    defaultLanguageFile?: string;
    additionalLanguages?: { languageTag: string; file: string }[];
  };
  bots: {
    botId: string;
    scopes: string[];
    supportsFiles?: boolean;
    commandLists?: { scopes: string[]; commands: Command[] }[];
  }[];
  validDomains?: string[];
  staticTabs?: {
    entityId: string;
    name?: string;
    contentUrl?: string;
    websiteUrl?: string;
    scopes: string[];
    context?: string[];
  }[];
  configurableTabs?: { configurationUrl: string; scopes: string[]; context?: string[] }[];
  webApplicationInfo?: { id: string; resource: string };
  authorization?: { permissions?: { resourceSpecific?: { name: string; type: string }[] } };
}
type Localization = Record<string, string>;

type Validate = typeof AppManifestUtils.validateAgainstSchema;
const validate = (doc: unknown, schema?: unknown): Promise<string[]> =>
  AppManifestUtils.validateAgainstSchema(doc as Parameters<Validate>[0], schema as Parameters<Validate>[1]);

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const manifest = (): Manifest => readJson<Manifest>(path.join(MANIFEST_DIR, 'manifest.json'));
const danish = (): Localization => readJson<Localization>(path.join(MANIFEST_DIR, 'da.json'));
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Fails the test if anything tries to reach the network while `fn` runs. */
async function offline<T>(fn: () => Promise<T>): Promise<T> {
  const fetchSpy = jest.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no network in tests'));
  try {
    const result = await fn();
    expect(fetchSpy).not.toHaveBeenCalled();
    return result;
  } finally {
    fetchSpy.mockRestore();
  }
}

/**
 * The bundled Localization schema has a pattern with an unescaped "]" that ajv (u flag) cannot
 * compile (MicrosoftDocs/msteams-docs#8858); scripts/package-app.mjs escapes it the same way.
 */
function escapeLoneBrackets(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
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
function fixPatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(fixPatterns);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      if (key === 'patternProperties' && value && typeof value === 'object') {
        return [
          key,
          Object.fromEntries(
            Object.entries(value).map(([p, sub]) => [escapeLoneBrackets(p), fixPatterns(sub)]),
          ),
        ];
      }
      if (key === 'pattern' && typeof value === 'string') return [key, escapeLoneBrackets(value)];
      return [key, fixPatterns(value)];
    }),
  );
}
async function localizationSchema(url: string): Promise<unknown> {
  return fixPatterns(await AppManifestUtils.fetchSchema(url));
}

/** Resolves a localization key such as "bots[0].commandLists[0].commands[3].title" in the manifest. */
function lookup(doc: unknown, key: string): unknown {
  let node: unknown = doc;
  for (const part of key.split('.')) {
    const m = /^([A-Za-z_$][\w$]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    node = (node as Record<string, unknown> | undefined)?.[m[1] as string];
    for (const idx of m[2]?.match(/\d+/g) ?? []) node = (node as unknown[] | undefined)?.[Number(idx)];
  }
  return node;
}

/** Every string in the manifest that Teams localizes for a bot with tabs. */
function localizableKeys(m: Manifest): string[] {
  const keys = ['name.short', 'description.short', 'description.full'];
  if (m.name.full !== undefined) keys.push('name.full');
  m.staticTabs?.forEach((tab, i) => {
    if (tab.name !== undefined) keys.push(`staticTabs[${i}].name`);
  });
  m.bots.forEach((bot, b) =>
    bot.commandLists?.forEach((list, l) =>
      list.commands.forEach((_c, c) => {
        keys.push(`bots[${b}].commandLists[${l}].commands[${c}].title`);
        keys.push(`bots[${b}].commandLists[${l}].commands[${c}].description`);
      }),
    ),
  );
  return keys;
}

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  channels: number;
  pixels: Buffer;
}

/** A minimal PNG decoder: 8-bit, non-interlaced greyscale/RGB/RGBA, enough to inspect the icons. */
function decodePng(buffer: Buffer): Png {
  expect(buffer.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let header: Omit<Png, 'pixels' | 'channels'> & { interlace: number } = {
    width: 0,
    height: 0,
    bitDepth: 0,
    colorType: -1,
    interlace: -1,
  };
  const idat: Buffer[] = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('ascii', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (offset === 8) expect(type).toBe('IHDR');
    if (type === 'IHDR') {
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8] as number,
        colorType: data[9] as number,
        interlace: data[12] as number,
      };
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[header.colorType];
  if (channels === undefined || header.bitDepth !== 8 || header.interlace !== 0) {
    throw new Error(
      `unsupported PNG: colour type ${header.colorType}, depth ${header.bitDepth}, interlace ${header.interlace}`,
    );
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = header.width * channels;
  expect(raw.length).toBe(header.height * (stride + 1));
  const pixels = Buffer.alloc(header.height * stride);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] as number;
      const a = x >= channels ? (pixels[y * stride + x - channels] as number) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + x] as number) : 0;
      const c = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] as number) : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = a;
          break;
        case 2:
          predictor = b;
          break;
        case 3:
          predictor = (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error(`bad PNG filter ${filter} on row ${y}`);
      }
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return {
    width: header.width,
    height: header.height,
    bitDepth: header.bitDepth,
    colorType: header.colorType,
    channels,
    pixels,
  };
}

function runPackager(args: string[], env: Record<string, string> = {}) {
  const cleanEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['TEAMS_APP_ID', 'MICROSOFT_APP_ID', 'MicrosoftAppId', 'BOT_DOMAIN'])
    delete cleanEnv[name];
  return spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: ROOT,
    env: { ...cleanEnv, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('Teams app manifest', () => {
  it('names an official, bundled schema version ≥ 1.17 and validates against it offline', async () => {
    const m = manifest();
    const url =
      /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?json-schemas\/teams\/v(\d+)\.(\d+)\/MicrosoftTeams\.schema\.json$/.exec(
        m.$schema,
      );
    expect(url).not.toBeNull();
    const [major, minor] = [Number(url?.[1]), Number(url?.[2])];
    expect(major * 1000 + minor).toBeGreaterThanOrEqual(1017);
    expect(m.manifestVersion).toBe(`${major}.${minor}`);
    expect(await offline(() => validate(m))).toEqual([]);
  });

  it('the schema check really rejects a broken manifest', async () => {
    const m = clone(manifest()) as unknown as Record<string, unknown> & Manifest;
    m.bots[0]!.botId = 'not-a-guid';
    m.name.short = 'A name much longer than thirty characters';
    delete (m.developer as Partial<Manifest['developer']>).privacyUrl;
    m.unexpected = true;
    const errors = await offline(() => validate(m));
    expect(errors.join('\n')).toMatch(/\/bots\/0\/botId/);
    expect(errors.join('\n')).toMatch(/\/name\/short/);
    expect(errors.join('\n')).toMatch(/privacyUrl/);
    expect(errors.join('\n')).toMatch(/unexpected/);
  });

  it('has GUID ids, a conversational bot in personal, team and group chats, and no file support', () => {
    const m = manifest();
    expect(m.id).toMatch(GUID);
    expect(m.bots).toHaveLength(1);
    const bot = m.bots[0]!;
    expect(bot.botId).toMatch(GUID);
    expect([...bot.scopes].sort()).toEqual([...BOT_SCOPES].sort());
    expect(bot.supportsFiles).toBe(false);
  });

  it('asks for exactly one resource-specific permission: meeting events in a chat it is in (meetingEnd)', () => {
    expect(manifest().authorization).toEqual({
      permissions: { resourceSpecific: [{ name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' }] },
    });
  });

  it('has the personal tab "Overblik" beside the chat, a channel tab, and single sign-on', () => {
    const m = manifest();
    const [overblik, chat, ...more] = m.staticTabs ?? [];
    expect(more).toEqual([]);
    expect(overblik).toMatchObject({ entityId: 'overblik', scopes: ['personal'], context: ['personalTab'] });
    expect(new URL(overblik!.contentUrl!).pathname).toBe('/tab/overblik');
    expect(danish()['staticTabs[0].name']).toBe('Overblik');
    // A bot with static tabs keeps its chat only if the manifest lists it.
    expect(chat).toEqual({ entityId: 'conversations', scopes: ['personal'] });
    expect(m.configurableTabs).toHaveLength(1);
    expect(m.configurableTabs![0]).toMatchObject({ scopes: ['team'], context: ['channelTab'] });
    expect(new URL(m.configurableTabs![0]!.configurationUrl).pathname).toBe('/tab/config');
    for (const url of [
      overblik!.contentUrl!,
      overblik!.websiteUrl!,
      m.configurableTabs![0]!.configurationUrl,
    ]) {
      expect(new URL(url).protocol).toBe('https:');
      expect(m.validDomains).toContain(new URL(url).host);
    }
    // SSO is issued for the bot's own app registration, as src/tab/auth.ts expects.
    expect(m.webApplicationInfo).toEqual({
      id: m.bots[0]!.botId,
      resource: `api://samspil.example/${m.bots[0]!.botId}`,
    });
  });

  it('keeps its version in step with package.json and uses example developer URLs', () => {
    const m = manifest();
    expect(m.version).toBe(readJson<{ version: string }>(path.join(ROOT, 'package.json')).version);
    for (const url of [m.developer.websiteUrl, m.developer.privacyUrl, m.developer.termsOfUseUrl]) {
      expect(new URL(url).protocol).toBe('https:');
      expect(new URL(url).hostname).toBe('samspil.example');
    }
    expect(m.developer.privacyUrl).not.toBe(m.developer.termsOfUseUrl);
    for (const domain of m.validDomains ?? []) expect(domain).not.toMatch(/^https?:|\//);
  });

  it('lists every command in at most 3 lists of at most 12, for every bot scope', () => {
    const m = manifest();
    const lists = m.bots[0]!.commandLists ?? [];
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.length).toBeLessThanOrEqual(3);
    for (const list of lists) {
      expect(list.commands.length).toBeLessThanOrEqual(12);
      const titles = list.commands.map((c) => c.title);
      expect(new Set(titles).size).toBe(titles.length);
    }
    for (const scope of BOT_SCOPES) {
      const inScope = lists
        .filter((l) => l.scopes.includes(scope))
        .flatMap((l) => l.commands.map((c) => c.title));
      expect(inScope.sort()).toEqual(COMMANDS_BY_SCOPE[scope]!.map((c) => c.en).sort());
    }
  });

  it('offers only commands the bot answers, in both languages', () => {
    const routes = Object.values(BOT_COMMANDS).map((c) => c.pattern);
    const da = danish();
    manifest().bots[0]!.commandLists!.forEach((list, l) =>
      list.commands.forEach((command, c) => {
        const daTitle = da[`bots[0].commandLists[${l}].commands[${c}].title`] as string;
        for (const title of [command.title, daTitle]) expect(routes.some((r) => r.test(title))).toBe(true);
      }),
    );
  });

  it('has every command in Danish (da.json) and English (manifest), each with a description', () => {
    const m = manifest();
    const da = danish();
    m.bots[0]!.commandLists!.forEach((list, l) => {
      const pairs = list.commands.map((command, c) => {
        const key = `bots[0].commandLists[${l}].commands[${c}]`;
        return {
          en: command.title,
          da: da[`${key}.title`],
          enDescription: command.description,
          daDescription: da[`${key}.description`],
        };
      });
      for (const spec of SPEC_COMMANDS.filter((sc) => pairs.some((p) => p.en === sc.en))) {
        // The Danish title sits at the same index as its English title.
        expect(pairs.find((p) => p.en === spec.en)?.da).toBe(spec.da);
      }
      for (const p of pairs) {
        expect(p.enDescription.trim()).not.toBe('');
        expect(p.daDescription?.trim()).toBeTruthy();
        expect(p.daDescription).not.toBe(p.enDescription);
      }
    });
  });

  it('declares English as the manifest language with a Danish localization file', () => {
    const info = manifest().localizationInfo;
    expect(info.defaultLanguageTag).toBe('en');
    expect(info.additionalLanguages).toEqual([{ languageTag: 'da', file: 'da.json' }]);
    expect(existsSync(path.join(MANIFEST_DIR, 'da.json'))).toBe(true);
  });

  it('da.json validates against the official Localization schema of the same version, offline', async () => {
    const m = manifest();
    const da = danish();
    expect(da.$schema).toBe(
      m.$schema.replace('MicrosoftTeams.schema.json', 'MicrosoftTeams.Localization.schema.json'),
    );
    const schema = await offline(() => localizationSchema(da.$schema as string));
    expect(await offline(() => validate(da, schema))).toEqual([]);

    const broken = {
      ...da,
      'bots[0].commandLists[0].commands[0].titel': 'hjælp',
      'name.short': 'x'.repeat(31),
    };
    const errors = await offline(() => validate(broken, schema));
    expect(errors.join('\n')).toMatch(/titel/);
    expect(errors.join('\n')).toMatch(/name\.short/);
  });

  it('da.json translates every localizable string and only strings the manifest has', () => {
    const m = manifest();
    const da = danish();
    const translated = Object.keys(da).filter((k) => k !== '$schema');
    expect([...translated].sort()).toEqual([...localizableKeys(m)].sort());
    for (const key of translated) expect(typeof lookup(m, key)).toBe('string');
  });

  it('has a 192×192 full-colour icon', () => {
    const png = decodePng(readFileSync(path.join(MANIFEST_DIR, manifest().icons.color)));
    expect([png.width, png.height]).toEqual([192, 192]);
    expect([2, 6]).toContain(png.colorType);
    const colours = new Set<string>();
    let chromatic = 0;
    for (let i = 0; i < png.pixels.length; i += png.channels) {
      const [r, g, b] = [png.pixels[i], png.pixels[i + 1], png.pixels[i + 2]] as number[];
      colours.add(`${r},${g},${b}`);
      if (Math.max(r!, g!, b!) - Math.min(r!, g!, b!) > 40) chromatic++;
    }
    expect(colours.size).toBeGreaterThan(3);
    expect(chromatic).toBeGreaterThan(png.width * png.height * 0.5);
  });

  it('has a 32×32 outline icon, white on transparent', () => {
    const png = decodePng(readFileSync(path.join(MANIFEST_DIR, manifest().icons.outline)));
    expect([png.width, png.height]).toEqual([32, 32]);
    expect(png.colorType).toBe(6);
    let transparent = 0;
    let opaque = 0;
    const notWhite: number[] = [];
    for (let i = 0; i < png.pixels.length; i += 4) {
      const alpha = png.pixels[i + 3] as number;
      if (alpha === 0) transparent++;
      if (alpha === 255) opaque++;
      if (alpha > 0 && (png.pixels[i] !== 255 || png.pixels[i + 1] !== 255 || png.pixels[i + 2] !== 255)) {
        notWhite.push(i / 4);
      }
    }
    expect(notWhite).toEqual([]);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
    expect(opaque).toBeGreaterThan(32);
  });
});

describe('scripts/package-app.mjs', () => {
  let outDir: string;
  beforeEach(() => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'samspil-package-'));
  });
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes a zip with exactly the manifest, the icons and da.json at its root, ids from env', async () => {
    const appId = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
    const botId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const run = runPackager(['--out-dir', outDir], {
      TEAMS_APP_ID: appId,
      MICROSOFT_APP_ID: botId,
      BOT_DOMAIN: 'samspil.kommune.example',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const zip = new AdmZip(path.join(outDir, PACKAGE_NAME));
    const entries = zip.getEntries();
    expect(entries.map((e) => e.entryName).sort()).toEqual([
      'color.png',
      'da.json',
      'manifest.json',
      'outline.png',
    ]);
    expect(entries.some((e) => e.isDirectory)).toBe(false);
    for (const name of ['color.png', 'outline.png', 'da.json']) {
      expect(zip.readFile(name)?.equals(readFileSync(path.join(MANIFEST_DIR, name)))).toBe(true);
    }

    const packaged = JSON.parse(zip.readAsText('manifest.json')) as Manifest;
    expect(packaged.id).toBe(appId);
    expect(packaged.bots[0]!.botId).toBe(botId);
    expect(packaged.validDomains).toEqual(['samspil.kommune.example']);
    expect(packaged.staticTabs![0]!.contentUrl).toBe('https://samspil.kommune.example/tab/overblik');
    expect(packaged.staticTabs![0]!.websiteUrl).toBe('https://samspil.kommune.example/tab/overblik');
    expect(packaged.configurableTabs![0]!.configurationUrl).toBe(
      'https://samspil.kommune.example/tab/config',
    );
    expect(packaged.webApplicationInfo).toEqual({
      id: botId,
      resource: `api://samspil.kommune.example/${botId}`,
    });
    const rest = (x: Manifest) => ({
      ...x,
      id: undefined,
      bots: undefined,
      validDomains: undefined,
      staticTabs: undefined,
      configurableTabs: undefined,
      webApplicationInfo: undefined,
    });
    expect(rest(packaged)).toEqual(rest(manifest()));
    expect(await offline(() => validate(packaged))).toEqual([]);
  });

  it('falls back to MicrosoftAppId (the server variable) and warns about the placeholder bot id', () => {
    const botId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const withServerVar = runPackager(['--out-dir', outDir], { MicrosoftAppId: botId });
    expect(withServerVar.status).toBe(0);
    const packaged = JSON.parse(
      new AdmZip(path.join(outDir, PACKAGE_NAME)).readAsText('manifest.json'),
    ) as Manifest;
    expect(packaged.bots[0]!.botId).toBe(botId);
    expect(packaged.id).toBe(manifest().id);

    const plain = runPackager(['--out-dir', outDir]);
    expect(plain.status).toBe(0);
    expect(plain.stderr).toMatch(/placeholder/);
  });

  it('refuses an id that is not a GUID and leaves no package behind', () => {
    writeFileSync(path.join(outDir, PACKAGE_NAME), 'an older package');
    const run = runPackager(['--out-dir', outDir], { MICROSOFT_APP_ID: 'my-bot' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/MICROSOFT_APP_ID must be a GUID/);
    expect(existsSync(path.join(outDir, PACKAGE_NAME))).toBe(false);
  });

  describe('with a broken manifest folder', () => {
    let manifestDir: string;
    beforeEach(() => {
      manifestDir = mkdtempSync(path.join(os.tmpdir(), 'samspil-manifest-'));
      cpSync(MANIFEST_DIR, manifestDir, { recursive: true });
    });
    afterEach(() => rmSync(manifestDir, { recursive: true, force: true }));

    const edit = <T>(file: string, change: (doc: T) => void) => {
      const doc = readJson<T>(path.join(manifestDir, file));
      change(doc);
      writeFileSync(path.join(manifestDir, file), JSON.stringify(doc));
    };

    it.each<[string, () => void, RegExp]>([
      [
        'a schema error in manifest.json',
        () =>
          edit<Manifest>(
            'manifest.json',
            (m) => (m.bots[0]!.commandLists = new Array(4).fill(m.bots[0]!.commandLists![0])),
          ),
        /manifest\.json does not match its schema[\s\S]*commandLists/,
      ],
      [
        'a da.json key the schema does not know',
        () => edit<Localization>('da.json', (d) => (d['name.kort'] = 'Samspil')),
        /da\.json \(da\) does not match its schema[\s\S]*name\.kort/,
      ],
      [
        'a da.json translation of a command the manifest lacks',
        () =>
          edit<Localization>('da.json', (d) => (d['bots[0].commandLists[0].commands[9].title'] = 'ekstra')),
        /translates strings the manifest does not have[\s\S]*commands\[9\]/,
      ],
      [
        'an outline icon of the wrong size',
        () => cpSync(path.join(manifestDir, 'color.png'), path.join(manifestDir, 'outline.png')),
        /outline\.png must be 32×32/,
      ],
      ['a missing localization file', () => rmSync(path.join(manifestDir, 'da.json')), /da\.json/],
    ])('fails on %s', (_name, breakIt, message) => {
      breakIt();
      const run = runPackager(['--out-dir', outDir, '--manifest-dir', manifestDir]);
      expect(run.stderr).toMatch(message);
      expect(run.status).toBe(1);
      expect(existsSync(path.join(outDir, PACKAGE_NAME))).toBe(false);
    });
  });
});
