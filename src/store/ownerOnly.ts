import fs from 'node:fs';
import path from 'node:path';

/**
 * The embedded store's folder holds the municipality's case data (GDPR art. 9), its lock file the
 * admin token: no other local account may read, write or even list them. PGlite unpacks a new
 * cluster with its files at 0666 and its folders by the umask, and an older Samspil left them so.
 * PostgreSQL itself insists on the same for a data directory (0700, files 0600).
 */
export const OWNER_FOLDER = 0o700;
export const OWNER_FILE = 0o600;

/**
 * Makes files the process creates from now on the owner's alone (umask 077), and takes every
 * permission for group and others off the folder and everything under it. Symbolic links are left
 * alone: chmod would follow them out of the folder.
 */
export function restrictToOwner(dir: string): void {
  process.umask(0o077);
  const fix = (p: string, st: fs.Stats) => {
    if (st.isSymbolicLink()) return;
    const want = st.isDirectory() ? OWNER_FOLDER : OWNER_FILE;
    if ((st.mode & 0o077) !== 0) fs.chmodSync(p, (st.mode & 0o700) | (want & 0o700));
  };
  fix(dir, fs.lstatSync(dir));
  for (const entry of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const p = path.join(dir, entry);
    try {
      fix(p, fs.lstatSync(p));
    } catch (err) {
      // A file PostgreSQL removed while we walked (a temporary one) needs nothing.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}
