import { caseload } from './caseload';
import { outbox } from './outbox';
import { ReportDefinition } from './report';

export const REPORTS: Record<string, ReportDefinition> = { [caseload.name]: caseload, [outbox.name]: outbox };
