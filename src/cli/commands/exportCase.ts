import { Command } from '../command';
import { parseCommandArgs } from '../args';
import { UsageError } from '../context';
import { resolveMunicipalityId, withStore } from '../storeAccess';
import { caseRecord } from '../../app/caseRecord';
import { auditReport } from '../../reports/audit';
import { loadMunicipality } from '../../app/municipalityContext';

/**
 * `samspil export case REF`: everything Samspil holds about one case, as JSON, for an insight
 * request (databeskyttelsesforordningen art. 15): the case, its measures and follow-ups, and the
 * audit entries about them.
 */
export const exportCase: Command = {
  usage: 'export case REF [--municipality ID]',
  summary: 'write everything Samspil holds about one case as JSON (insight request)',
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, { municipality: { type: 'string' } });
    const [what, ref] = positionals;
    if (what !== 'case' || !ref) throw new UsageError('Say export case REF.');
    return withStore(ctx, 'export', async (store) => {
      const municipalityId = await resolveMunicipalityId(store, ctx, values.municipality);
      const tenant = store.tenant({ municipalityId, actor: 'cli:export' });
      const record = await caseRecord(tenant, ref);
      if (!record) throw new UsageError(`${municipalityId} has no case ${ref}.`);
      const audit = await auditReport.run({
        tenant,
        municipality: await loadMunicipality(store, municipalityId),
        from: '1990-01-01',
        to: '9999-12-31',
        now: ctx.clock.now(),
        scope: { caseRef: ref },
      });
      await tenant.audit.write('export', 'case', (await tenant.cases.byRef(ref))!.id, { request: 'insight' });
      const exported = {
        municipality: municipalityId,
        exported_at: ctx.clock.now().toISOString(),
        case: record,
        audit: audit.rows.map((r) => ({ ...r, details: r.details ? JSON.parse(String(r.details)) : null })),
      };
      ctx.out(JSON.stringify(exported, null, 2));
      return 0;
    });
  },
};
