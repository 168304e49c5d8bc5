import { Command } from '../command';
import { parseCommandArgs } from '../args';
import { resolveMunicipalityId, withStore } from '../storeAccess';
import { loadMunicipality } from '../../app/municipalityContext';
import { formatRetention, runRetention } from '../../app/retention';

export const retention: Command = {
  usage: 'retention [--dry-run] [--municipality ID]',
  summary:
    "delete what the municipalities' retentionYears no longer allow (every municipality unless one is named)",
  async run(args, ctx) {
    const { values } = parseCommandArgs(args, {
      'dry-run': { type: 'boolean', default: false },
      municipality: { type: 'string' },
    });
    return withStore(ctx, 'retention', async (store) => {
      const ids = values.municipality
        ? [await resolveMunicipalityId(store, ctx, values.municipality)]
        : (await store.municipalities.list()).map((m) => m.id);
      for (const id of ids) {
        const r = await runRetention(store, await loadMunicipality(store, id), ctx.clock.now(), {
          dryRun: values['dry-run'] ?? false,
          actor: 'cli:retention',
        });
        ctx.out(formatRetention(r));
      }
      return 0;
    });
  },
};
