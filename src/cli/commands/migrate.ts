import { Command } from '../command';
import { openStore } from '../../store/open';
import { migrate as runMigrations } from '../../store/migrate';

export const migrate: Command = {
  usage: 'migrate',
  summary: 'apply database migrations (start does it too)',
  async run(_args, ctx) {
    const { store } = await openStore(
      { databaseUrl: ctx.config.DATABASE_URL, dataDir: ctx.config.SAMSPIL_DATA_DIR },
      'samspil migrate',
    );
    try {
      // openStore has migrated; asking again reports what is applied and proves nothing is pending.
      const pending = await runMigrations(store.engine);
      const [{ n }] = (await store.engine.query<{ n: number }>(
        'SELECT count(*) AS n FROM schema_migrations',
      )) as [{ n: number }];
      ctx.out(
        `Database is up to date (${n} migrations applied${pending.length ? `, ${pending.length} just now` : ''}).`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
