import type { LocalDate } from '../domain/localDate';
import type { TenantStore } from '../store/store';
import type { MunicipalityContext } from '../app/municipalityContext';

export interface ReportTable {
  title: string;
  columns: { key: string; label: string }[];
  rows: Record<string, string | number | boolean | null>[];
  /** Figures about the whole table (averages, the target), shown under it and in JSON. */
  summary: Record<string, string | number | boolean | null>;
}

export interface ReportInput {
  tenant: TenantStore;
  municipality: MunicipalityContext;
  from: LocalDate;
  to: LocalDate;
}

export interface ReportDefinition {
  name: string;
  description: string;
  run(input: ReportInput): Promise<ReportTable>;
}
