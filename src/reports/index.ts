import { caseload } from './caseload';
import { outbox } from './outbox';
import { complianceReport, followUps, followUpsPerHalfYear } from './followUps';
import { ladderReport } from './ladder';
import { earlyHelpReport } from './earlyHelp';
import { meetingsReport } from './meetings';
import { questionnairesReport } from './questionnaires';
import { parentAnswersReport } from './parentAnswers';
import { overdueReport } from './overdue';
import { ReportDefinition } from './report';
import { auditReport } from './audit';

/** Table reports by name (`samspil report NAME`); the yearly status is an HTML document of its own. */
export const REPORTS: Record<string, ReportDefinition> = Object.fromEntries(
  [
    followUps,
    followUpsPerHalfYear,
    complianceReport,
    ladderReport,
    earlyHelpReport,
    caseload,
    overdueReport,
    meetingsReport,
    questionnairesReport,
    parentAnswersReport,
    outbox,
    auditReport,
  ].map((r) => [r.name, r]),
);
