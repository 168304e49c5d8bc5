import path from 'node:path';
import { acquireDataFolderLock, DataFolderLock } from './dataLock';
import { openPglite } from './engines/pglite';
import { openPostgres } from './engines/postgres';
import { restrictToOwner } from './ownerOnly';
import { migrate } from './migrate';
import { createStore, Store } from './store';

export interface StoreConfig {
  databaseUrl?: string;
  dataDir: string;
}

export interface OpenedStore {
  store: Store;
  /** Held only for the embedded engine; lets the holder publish its admin endpoint. */
  lock: DataFolderLock | null;
}

/** Opens the configured engine, takes the data-folder lock when embedded, and migrates. */
export async function openStore(config: StoreConfig, command: string): Promise<OpenedStore> {
  if (config.databaseUrl) {
    const engine = await openPostgres(config.databaseUrl);
    await migrate(engine);
    return { store: createStore(engine), lock: null };
  }
  const dir = path.resolve(config.dataDir);
  const lock = acquireDataFolderLock(dir, command);
  try {
    const engine = await openPglite(path.join(dir, 'pg'));
    // After PGlite has unpacked a new cluster; an older store is fixed the same way.
    restrictToOwner(dir);
    await migrate(engine);
    return { store: createStore(engine, () => lock.release()), lock };
  } catch (err) {
    lock.release();
    throw err;
  }
}
