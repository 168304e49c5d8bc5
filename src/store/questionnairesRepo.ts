import { SqlExecutor } from './engine';
import { AuditRepo } from './audit';
import { TenantContext } from './types';

/** Versioned questionnaire forms and the answers given on them. */
export class QuestionnairesRepo {
  constructor(
    readonly db: SqlExecutor,
    readonly ctx: TenantContext,
    readonly audit: AuditRepo,
  ) {}
}
