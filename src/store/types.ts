import type { LocalDate, Duration } from '../domain/localDate';
import type { MeasureType } from '../domain/measures';
import type { Role } from '../domain/roles';

export interface MunicipalityRow {
  id: string;
  name: string;
  tenant_id: string | null;
  settings: Record<string, unknown>;
}

export interface StaffRow {
  id: string;
  municipality_id: string;
  email: string;
  name: string;
  roles: Role[];
  profession: string | null;
  unit_id: string | null;
  unit_name?: string | null;
  leader_id: string | null;
  aad_object_id: string | null;
  locale: string | null;
  reminder_mode: 'single' | 'digest';
  working_start: string | null;
  working_end: string | null;
  active: boolean;
}

export interface CaseRow {
  id: string;
  municipality_id: string;
  case_ref: string;
  adviser_id: string | null;
  opened: LocalDate;
  closed: LocalDate | null;
  /** The latest step of the ladder history (null: not on the ladder). */
  ladder_step: number | null;
  child_initials: string | null;
}

export interface CadenceRecord {
  every: Duration;
  reason: string;
  decidedOn: LocalDate;
}

export interface MeasureRow {
  id: string;
  municipality_id: string;
  case_id: string;
  measure_type: MeasureType;
  start: LocalDate;
  end: LocalDate | null;
  cadence: CadenceRecord | null;
  postponed_to: LocalDate | null;
  postpone_reason: string | null;
}

export interface FollowUpRow {
  id: string;
  measure_id: string;
  held_on: LocalDate;
  due_on: LocalDate | null;
  child_conversation: boolean;
  registered_by: string;
}

/** A child entered `step` on `from_date` (null: left the ladder); see migration 006. */
export interface LadderStepRow {
  case_id: string;
  from_date: LocalDate;
  step: number | null;
}

export interface InstitutionRow {
  id: string;
  name: string;
  type: 'daycare' | 'primary_school' | 'lower_secondary_school';
  district: string | null;
}

export interface AuditRow {
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  details: unknown;
}

/** Who is acting, and for which municipality: every repository call is bound to one. */
export interface TenantContext {
  municipalityId: string;
  actor: string;
}

export interface Upserted {
  id: string;
  inserted: boolean;
}
