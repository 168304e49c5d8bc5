import { caseloadReport } from '../domain/caseload';
import type { Period } from '../domain/keyFigures';
import {
  caseloadRows,
  earlyHelpFigures,
  periodWindow,
  followUpFigures,
  ladderFigures,
  meetingFigures,
  questionnaireFigures,
} from './keyFigureData';
import type { ReportInput, ReportScope } from './report';

type Source = Pick<ReportInput, 'tenant' | 'municipality' | 'now' | 'disclosure'>;

/** A leader's figures for one scope (a unit, or the whole municipality) over the period. */
export async function caseFiguresFor(src: Source, scope: ReportScope, period: Period) {
  const input = { ...src, scope };
  const followUps = await followUpFigures(input, period);
  const caseload = caseloadReport(
    await caseloadRows(input, period.to),
    src.municipality.settings.caseloadTarget,
  );
  return {
    intervals: followUps.intervals,
    compliance: followUps.compliance.find((r) => r.category === 'all')!.figures,
    ladder: await ladderFigures(input, period),
    earlyHelp: earlyHelpFigures(followUps.histories, periodWindow(period), src.disclosure),
    caseload: { average: caseload.average, target: caseload.target },
  };
}

/** A coordinator's figures: each of their teams' meetings and questionnaire results over the period. */
export async function teamFiguresFor(src: Source, teamIds: string[], period: Period) {
  const input = { ...src, scope: { teamIds } };
  const meetings = await meetingFigures(input, period);
  const ratings = await questionnaireFigures(input, period);
  return meetings.map((m) => ({
    meetings: m,
    ratings: ratings.groups.find((g) => g.id === m.teamId)!.figures,
  }));
}

export type CaseFigures = Awaited<ReturnType<typeof caseFiguresFor>>;
export type TeamFigures = Awaited<ReturnType<typeof teamFiguresFor>>;
