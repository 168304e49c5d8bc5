/** One case as its adviser (or the adviser's leader) sees it: measures, next deadlines, follow-ups held. */
import type { LocalDate } from '../domain/localDate';
import type { TenantStore } from '../store/store';
import type { StaffRow } from '../store/types';
import type { MeasureWithHistory } from '../store/measuresRepo';
import { deadlineOfMeasure, type MeasureDeadline } from './deadlines';
import type { MunicipalityContext } from './municipalityContext';
import { ok, refuse, type Result } from '../domain/result';

type CaseRow = NonNullable<Awaited<ReturnType<TenantStore['cases']['get']>>>;
type MeasureRow = Awaited<ReturnType<TenantStore['measures']['forCase']>>[number];

export interface CaseDetails {
  case: CaseRow;
  adviserName: string | null;
  measures: { measure: MeasureRow; next: MeasureDeadline | null }[];
  /** Follow-ups held, newest first. */
  history: { heldOn: LocalDate; measureType: MeasureRow['measure_type']; childConversation: boolean }[];
}

export async function caseDetails(
  t: TenantStore,
  m: MunicipalityContext,
  staff: StaffRow,
  caseId: string,
  today: LocalDate,
): Promise<Result<CaseDetails>> {
  const data = await t.cases.withMeasures(caseId);
  const c = data?.case;
  const adviser = data?.adviser;
  // Checked on the server: the adviser of the case, or the adviser's leader.
  const allowed =
    c && (c.adviser_id === staff.id || (staff.roles.includes('leader') && adviser?.leader_id === staff.id));
  if (!data || !c || !allowed) return refuse('notYourCase');
  // A deadline is the open case's only (as MeasuresRepo.openWithHistory reads them).
  const open = !c.closed && c.adviser_id !== null;
  const history: CaseDetails['history'] = [];
  for (const { measure, followUps } of data.measures) {
    for (const f of followUps) {
      history.push({
        heldOn: f.held_on,
        measureType: measure.measure_type,
        childConversation: f.child_conversation,
      });
    }
  }
  history.sort((a, b) => (a.heldOn < b.heldOn ? 1 : a.heldOn > b.heldOn ? -1 : 0));
  return ok({
    case: c,
    adviserName: adviser?.name ?? null,
    measures: data.measures.map(({ measure, followUps }) => {
      const row: MeasureWithHistory | null = open
        ? {
            ...measure,
            case_ref: c.case_ref,
            child_initials: c.child_initials,
            adviser_id: c.adviser_id!,
            leader_id: adviser?.leader_id ?? null,
            held: followUps.map((f) => f.held_on),
          }
        : null;
      return { measure, next: row ? deadlineOfMeasure(row, m.policy, today) : null };
    }),
    history,
  });
}
