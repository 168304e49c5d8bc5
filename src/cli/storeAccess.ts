import { openStore } from '../store/open';
import { Store } from '../store/store';
import { CliContext, UsageError } from './context';

export async function withStore<T>(
  ctx: CliContext,
  command: string,
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  if (ctx.sharedStore) return fn(ctx.sharedStore);
  const { store } = await openStore(
    { databaseUrl: ctx.config.DATABASE_URL, dataDir: ctx.config.SAMSPIL_DATA_DIR },
    `samspil ${command}`,
  );
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** --municipality, else SAMSPIL_MUNICIPALITY, else the only municipality there is. */
export async function resolveMunicipalityId(
  store: Store,
  ctx: CliContext,
  option: string | undefined,
): Promise<string> {
  const wanted = option ?? ctx.config.SAMSPIL_MUNICIPALITY;
  const all = await store.municipalities.list();
  if (wanted) {
    if (!all.some((m) => m.id === wanted)) {
      throw new UsageError(
        `No municipality "${wanted}". Known: ${all.map((m) => m.id).join(', ') || '(none)'}.`,
      );
    }
    return wanted;
  }
  if (all.length === 1) return all[0]!.id;
  if (all.length === 0) {
    throw new UsageError(
      'No municipality is set up yet: run "samspil municipality add" or "samspil demo" first.',
    );
  }
  throw new UsageError(
    `Several municipalities exist (${all.map((m) => m.id).join(', ')}): name one with --municipality.`,
  );
}
