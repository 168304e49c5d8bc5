import type { TenantStore } from '../store/store';
import type { LocalDate } from '../domain/localDate';

export interface CaseRecord {
  case_ref: string;
  opened: LocalDate;
  closed: LocalDate | null;
  adviser_email: string | null;
  child_initials: string | null;
  ladder_step: number | null;
  measures: {
    measure_type: string;
    start: LocalDate;
    end: LocalDate | null;
    cadence: unknown;
    postponed_to: LocalDate | null;
    postpone_reason: string | null;
    followups: {
      held_on: LocalDate;
      due_on: LocalDate | null;
      child_conversation: boolean;
      registered_by: string;
    }[];
  }[];
}

/** Everything Samspil holds about one case by its reference, as plain data; null when unknown. */
export async function caseRecord(t: TenantStore, caseRef: string): Promise<CaseRecord | null> {
  const c = await t.cases.byRef(caseRef);
  if (!c) return null;
  const adviser = c.adviser_id ? await t.staff.get(c.adviser_id) : null;
  const measures = [];
  for (const m of await t.measures.forCase(c.id)) {
    const followups = (await t.measures.followUps(m.id)).map((f) => ({
      held_on: f.held_on,
      due_on: f.due_on,
      child_conversation: f.child_conversation,
      registered_by: f.registered_by,
    }));
    measures.push({
      measure_type: m.measure_type,
      start: m.start,
      end: m.end,
      cadence: m.cadence,
      postponed_to: m.postponed_to,
      postpone_reason: m.postpone_reason,
      followups,
    });
  }
  return {
    case_ref: c.case_ref,
    opened: c.opened,
    closed: c.closed,
    adviser_email: adviser?.email ?? null,
    child_initials: c.child_initials,
    ladder_step: c.ladder_step,
    measures,
  };
}
