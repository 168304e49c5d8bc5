/** Seeds 002 and 004: on average at most 25 cases per adviser (Vesthimmerland: 35 in 2015, 23.5 in 2019). */
export const CASELOAD_TARGET = 25;

export interface AdviserCaseload {
  adviserId: string;
  adviserName: string;
  unit?: string | null;
  openCases: number;
}

export interface CaseloadReport {
  advisers: (AdviserCaseload & { overTarget: boolean })[];
  /** Rounded to one decimal, as the seeds report it (23,5); 0 when there are no advisers. */
  average: number;
  target: number;
  /** Judged on the exact average: 25.04 is over a target of "at most 25" though it shows as 25. */
  averageOverTarget: boolean;
}

export function caseloadReport(rows: readonly AdviserCaseload[], target = CASELOAD_TARGET): CaseloadReport {
  const total = rows.reduce((n, r) => n + r.openCases, 0);
  const exact = rows.length ? total / rows.length : 0;
  return {
    advisers: rows.map((r) => ({ ...r, overTarget: r.openCases > target })),
    // Dividing the tenfold total keeps 23.45-style halves from rounding down on float error.
    average: rows.length ? Math.round((total * 10) / rows.length) / 10 : 0,
    target,
    averageOverTarget: exact > target,
  };
}
