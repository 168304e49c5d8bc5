import { SqlExecutor } from './engine';
import { AuditRepo } from './audit';
import { TenantContext } from './types';

/** Signs of Safety minutes of child meetings and their agreements. */
export class MinutesRepo {
  constructor(
    readonly db: SqlExecutor,
    readonly ctx: TenantContext,
    readonly audit: AuditRepo,
  ) {}
}
