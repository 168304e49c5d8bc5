/**
 * The audit log holds facts, not what people wrote (docs/privacy.md "Audit and insight"). Earlier
 * versions copied the reason of a snooze, a postponement and a cadence decision into the entry's
 * details; those reasons are removed here (each stays in its own table, under that table's
 * retention). The insight export's marker is renamed from `reason` to `request`.
 */
export default `
UPDATE audit_log SET details = (details - 'reason') || jsonb_build_object('request', details->'reason')
  WHERE entity = 'case' AND action = 'export' AND details ? 'reason';
UPDATE audit_log SET details = details - 'reason' WHERE details ? 'reason';
`;
