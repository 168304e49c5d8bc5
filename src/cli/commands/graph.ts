import { Command } from '../command';
import { parseCommandArgs } from '../args';
import { UsageError } from '../context';
import { resolveMunicipalityId, withStore } from '../storeAccess';
import { loadMunicipality } from '../../app/municipalityContext';
import { graphFromConfig } from '../../graph/municipalities';
import { checkGraphPermissions } from '../../graph/check';

export const graph: Command = {
  usage: 'graph check [--municipality ID] [--mailbox UPN]',
  summary: "try each Microsoft Graph permission in a municipality's tenant and say what is missing",
  details:
    'The mailbox is a coordinator whose calendar Samspil writes to (default: the first coordinator); ' +
    'a 403 on it means Calendars.ReadWrite is not consented or the mailbox is outside the app’s Exchange RBAC scope. ' +
    'See docs/graph.md.',
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(
      args,
      { municipality: { type: 'string' }, mailbox: { type: 'string' } },
      true,
    );
    if (positionals[0] !== 'check')
      throw new UsageError('Usage: samspil graph check [--municipality ID] [--mailbox UPN]');
    return withStore(ctx, 'graph check', async (store) => {
      const m = await loadMunicipality(store, await resolveMunicipalityId(store, ctx, values.municipality));
      const client = graphFromConfig(ctx.config).clientFor(m);
      if (!client) {
        ctx.err(
          `${m.id}: Graph is not turned on (settings graph.enabled) or the municipality has no tenant (municipality add --tenant).`,
        );
        return 1;
      }
      const t = store.tenant({ municipalityId: m.id, actor: 'cli:graph' });
      const mailbox = values.mailbox ?? (await t.staff.withRole('coordinator'))[0]?.email;
      if (!mailbox) throw new UsageError('No coordinator to try the calendar with: give --mailbox UPN.');
      const checks = await checkGraphPermissions(client, mailbox);
      for (const c of checks)
        ctx.out(
          `${c.outcome === 'ok' ? 'ok     ' : c.outcome === 'missing' ? 'MISSING' : 'FAILED '} ${c.permission} (${c.use})${c.detail ? `: ${c.detail}` : ''}`,
        );
      return checks.every((c) => c.outcome === 'ok') ? 0 : 1;
    });
  },
};
