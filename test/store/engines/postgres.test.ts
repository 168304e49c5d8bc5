import { openIsolatedPostgres } from '../../support/db';

/** How Samspil connects to a shared PostgreSQL (src/store/engines/postgres.ts). */
describe('the PostgreSQL engine', () => {
  it('runs without JIT (docs/performance.md "Statistics") and keeps the URL\'s own options', async () => {
    const pg = await openIsolatedPostgres(2);
    try {
      // Several connections at once: each starts with the same options.
      const answers = await Promise.all(
        [1, 2].map(() =>
          pg.engine.query<{ jit: string; schema: string }>(
            'SELECT current_setting($1) AS jit, current_schema() AS schema',
            ['jit'],
          ),
        ),
      );
      for (const [row] of answers) {
        expect(row?.jit).toBe('off');
        expect(row?.schema).toMatch(/^t_[0-9a-f]{12}$/);
      }
    } finally {
      await pg.dispose();
    }
  });
});
