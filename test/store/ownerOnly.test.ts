import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../support/processes';

/** Every file and folder under `dir` that another local account could read, write or enter. */
function openToOthers(dir: string): string[] {
  const all = [
    dir,
    ...fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((e) => path.join(dir, e)),
  ];
  return all
    .map((p) => ({ p, st: fs.lstatSync(p) }))
    .filter(({ st }) => !st.isSymbolicLink() && (st.mode & 0o077) !== 0)
    .map(({ p, st }) => `${(st.mode & 0o777).toString(8)} ${path.relative(dir, p)}`);
}

const count = (dir: string) => fs.readdirSync(dir, { recursive: true }).length;

/** The real command in its own process, started with the permissive umask most accounts have. */
function samspil(dataDir: string, ...args: string[]) {
  const r = spawnSync(
    'sh',
    ['-c', 'umask 022; exec "$0" --import tsx src/cli/main.ts "$@"', process.execPath, ...args],
    {
      cwd: ROOT,
      env: { ...process.env, SAMSPIL_DATA_DIR: dataDir, NODE_OPTIONS: '', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 240_000,
    },
  );
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r;
}

/** docs/privacy.md "The embedded store": its folder is the owner's alone. */
describe('the embedded store on disk', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-owner-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is created with no file or folder readable, writable or listable by others', () => {
    const dir = path.join(root, 'new');
    samspil(dir, 'migrate');
    samspil(dir, 'municipality', 'add', 'ejerby', '--name', 'Ejerby Kommune');
    // The whole cluster, not an empty folder: PGlite unpacks close to a thousand files.
    expect(count(dir)).toBeGreaterThan(500);
    expect(openToOthers(dir)).toEqual([]);
  }, 480_000);

  it('is made the owner’s when an older version left it open to everyone', () => {
    const dir = path.join(root, 'old');
    samspil(dir, 'migrate');
    // As the probe found a store of the earlier version: files 0666, folders 0755.
    for (const e of ['', ...fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })]) {
      const p = path.join(dir, e);
      fs.chmodSync(p, fs.statSync(p).isDirectory() ? 0o755 : 0o666);
    }
    expect(openToOthers(dir).length).toBeGreaterThan(500);
    samspil(dir, 'municipality', 'list');
    expect(openToOthers(dir)).toEqual([]);
  }, 480_000);
});
