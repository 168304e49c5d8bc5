import type { ReportDefinition } from './report';

/**
 * Who did what when (docs/privacy.md): the audit log of the period, optionally about one case (the
 * case, its measures and their follow-ups) or by one actor. Details are what the writer recorded:
 * ids, dates and counts, never free text about a child.
 */
export const auditReport: ReportDefinition = {
  name: 'audit',
  description: 'who did what when (--case REF, --actor EMAIL)',
  scopes: ['case', 'actor'],
  async run({ tenant, from, to, scope }) {
    let entityIds: string[] | undefined;
    if (scope?.caseRef) {
      const c = await tenant.cases.byRef(scope.caseRef);
      entityIds = [];
      if (c) {
        entityIds.push(c.id);
        for (const m of await tenant.measures.forCase(c.id)) {
          entityIds.push(m.id, ...(await tenant.measures.followUps(m.id)).map((f) => f.id));
        }
      }
    }
    const rows = await tenant.audit.search({ from, to, entityIds, actor: scope?.actor ?? undefined });
    return {
      title: `Audit log ${from}–${to}${scope?.caseRef ? `, case ${scope.caseRef}` : ''}${scope?.actor ? `, by ${scope.actor}` : ''}`,
      columns: [
        { key: 'at', label: 'at' },
        { key: 'actor', label: 'actor' },
        { key: 'action', label: 'action' },
        { key: 'entity', label: 'entity' },
        { key: 'entity_id', label: 'entity_id' },
        { key: 'details', label: 'details' },
      ],
      rows: rows.map((r) => ({
        at: new Date(r.at).toISOString(),
        actor: r.actor,
        action: r.action,
        entity: r.entity,
        entity_id: r.entity_id,
        details: r.details === null || r.details === undefined ? '' : JSON.stringify(r.details),
      })),
      summary: { entries: rows.length },
    };
  },
};
