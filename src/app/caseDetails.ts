/** One case as its adviser (or the adviser's leader) sees it: measures, next deadlines, follow-ups held. */
import type { LocalDate } from '../domain/localDate';
import type { TenantStore } from '../store/store';
import type { StaffRow } from '../store/types';
import { deadlineOfMeasure, type MeasureDeadline } from './deadlines';
import type { MunicipalityContext } from './municipalityContext';
import { fail, ok, type ActionResult } from './actionResult';

type CaseRow = NonNullable<Awaited<ReturnType<TenantStore['cases']['get']>>>;
type MeasureRow = Awaited<ReturnType<TenantStore['measures']['forCase']>>[number];

export interface CaseDetails {
  case: CaseRow;
  adviserName: string | null;
  measures: { measure: MeasureRow; next: MeasureDeadline | null }[];
  /** Follow-ups held, newest first. */
  history: { heldOn: LocalDate; measureType: MeasureRow['measure_type']; childConversation: boolean }[];
}

export const NOT_YOUR_CASE = fail(
  'Du har ikke adgang til denne sag.',
  'You do not have access to this case.',
);

export async function caseDetails(
  t: TenantStore,
  m: MunicipalityContext,
  staff: StaffRow,
  caseId: string,
  today: LocalDate,
): Promise<ActionResult<CaseDetails>> {
  const c = await t.cases.get(caseId);
  const adviser = c?.adviser_id ? await t.staff.get(c.adviser_id) : null;
  // Checked on the server: the adviser of the case, or the adviser's leader.
  const allowed =
    c && (c.adviser_id === staff.id || (staff.roles.includes('leader') && adviser?.leader_id === staff.id));
  if (!c || !allowed) return NOT_YOUR_CASE;
  const open = (await t.measures.openWithHistory(c.adviser_id ?? undefined)).filter(
    (x) => x.case_id === c.id,
  );
  const all = await t.measures.forCase(c.id);
  const history: CaseDetails['history'] = [];
  for (const x of all) {
    for (const f of await t.measures.followUps(x.id)) {
      history.push({
        heldOn: f.held_on,
        measureType: x.measure_type,
        childConversation: f.child_conversation,
      });
    }
  }
  history.sort((a, b) => (a.heldOn < b.heldOn ? 1 : a.heldOn > b.heldOn ? -1 : 0));
  return ok({
    case: c,
    adviserName: adviser?.name ?? null,
    measures: all.map((x) => {
      const row = open.find((o) => o.id === x.id);
      return { measure: x, next: row ? deadlineOfMeasure(row, m.policy, today) : null };
    }),
    history,
  });
}
