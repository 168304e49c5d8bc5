import { caseloadReport } from '../../domain/caseload';
import { earlyHelpWindowFor, type Disclosure } from '../../domain/keyFigures';
import { localDateOf } from '../../domain/calendar';
import { minDate, type LocalDate } from '../../domain/localDate';
import type { MunicipalityContext } from '../../app/municipalityContext';
import type { TenantStore } from '../../store/store';
import type { ReportScope } from '../report';
import {
  caseloadRows,
  earlyHelpFigures,
  followUpFigures,
  ladderFigures,
  meetingFigures,
  questionnaireFigures,
} from '../keyFigureData';

export interface YearlyStatusInput {
  tenant: TenantStore;
  municipality: MunicipalityContext;
  year: number;
  now: Date;
  scope?: ReportScope;
  /** Exact for an internal reader (an admin), hidden small groups for a document for the public. */
  disclosure?: Disclosure;
}

/**
 * Every key figure of one calendar year. Follow-ups, meetings and questionnaires count the year
 * 1 Jan – 31 Dec; ladder moves are those between the cut-off dates 31 Dec the year before and 31 Dec;
 * § 30 courses are those started 31 Dec the year before – 30 Jun, followed by an investigation up to
 * 31 Dec (seed 002 note 7's window with 31 Dec as the cut-off date); caseload is counted on 31 Dec, or
 * today while the year is still running.
 */
export async function collectYearlyStatus(input: YearlyStatusInput) {
  const { year, municipality } = input;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`Not a year: ${year}`);
  const period = { from: `${year}-01-01`, to: `${year}-12-31` };
  const today = localDateOf(input.now, municipality.settings.timeZone);
  const caseloadOn: LocalDate = minDate(period.to, today);
  const followUps = await followUpFigures(input, period);
  const earlyHelpWindow = earlyHelpWindowFor(period.to);
  const caseload = caseloadReport(
    await caseloadRows(input, caseloadOn),
    municipality.settings.caseloadTarget,
  );
  const units = [...new Set(caseload.advisers.map((a) => a.unit ?? 'Uden enhed'))].map((unit) => {
    const mine = caseload.advisers.filter((a) => (a.unit ?? 'Uden enhed') === unit);
    return { unit, ...caseloadReport(mine, caseload.target) };
  });
  return {
    municipalityName: municipality.name,
    unitName: input.scope?.unitName ?? null,
    year,
    period,
    today,
    policyName: municipality.policy.name,
    ladder: municipality.ladder,
    intervals: followUps.intervals,
    perHalfYear: followUps.perHalfYear,
    compliance: followUps.compliance,
    ladderMoves: await ladderFigures(input, period),
    earlyHelp: {
      window: earlyHelpWindow,
      figures: earlyHelpFigures(followUps.histories, earlyHelpWindow, input.disclosure),
    },
    caseload: {
      on: caseloadOn,
      average: caseload.average,
      target: caseload.target,
      advisers: caseload.advisers.length,
      units,
    },
    meetings: await meetingFigures(input, period),
    ratings: await questionnaireFigures(input, period),
  };
}

export type YearlyStatusData = Awaited<ReturnType<typeof collectYearlyStatus>>;
