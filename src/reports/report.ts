import type { LocalDate } from '../domain/localDate';
import type { TenantStore } from '../store/store';
import type { MunicipalityContext } from '../app/municipalityContext';
import type { Disclosure } from '../domain/keyFigures';

/** A summary figure, or a small keyed set of them (e.g. the children on each ladder step). */
export type SummaryValue = string | number | boolean | null | Record<string, string | number>;

export interface ReportTable {
  title: string;
  columns: { key: string; label: string }[];
  rows: Record<string, string | number | boolean | null>[];
  /** Figures about the whole table (averages, the target), shown under it and in JSON. */
  summary: Record<string, SummaryValue>;
}

/** Narrows a report: case figures to one unit's advisers, meeting figures to some teams. */
export interface ReportScope {
  unitId?: string | null;
  unitName?: string | null;
  teamIds?: string[] | null;
  /** The audit report: one case's entries (by its reference), or one actor's (an e-mail or actor id). */
  caseRef?: string | null;
  actor?: string | null;
}

export interface ReportInput {
  tenant: TenantStore;
  municipality: MunicipalityContext;
  /** Inclusive dates. */
  from: LocalDate;
  to: LocalDate;
  /** When the report is made: decides e.g. whether a scheduled meeting is over. */
  now: Date;
  scope?: ReportScope;
  /** A single cut-off date, for the reports that take one (`options`). */
  cutoff?: LocalDate;
  /**
   * How small case groups are shown to this reader (docs/key-figures.md): exact for a reader who may
   * open the cases, hidden otherwise. Unset hides. Questionnaire answers are hidden for every reader.
   */
  disclosure?: Disclosure;
}

export interface ReportDefinition {
  name: string;
  description: string;
  /** What it can be narrowed to: case figures by the advisers' unit, meeting figures by team. */
  scopes?: ('unit' | 'team' | 'case' | 'actor')[];
  /** Options beyond the period that the report accepts. */
  options?: 'cutoff'[];
  run(input: ReportInput): Promise<ReportTable>;
}
