import { SqlExecutor } from './engine';
import { AuditRepo } from './audit';
import { TenantContext } from './types';
import type { LocalDate } from '../domain/localDate';

export interface SnoozeRow {
  staff_id: string;
  subject: string;
  until: LocalDate;
  reason: string;
}

/** Snoozed reminders of one municipality. */
export class SnoozesRepo {
  constructor(
    private readonly db: SqlExecutor,
    private readonly ctx: TenantContext,
    private readonly audit: AuditRepo,
  ) {}

  /** Sets (or moves) a staff member's snooze of one subject; the staff member must be of this municipality. */
  async snooze(staffId: string, subject: string, until: LocalDate, reason: string): Promise<void> {
    const rows = await this.db.query(
      `INSERT INTO reminder_snoozes (municipality_id, staff_id, subject, until, reason)
       SELECT s.municipality_id, s.id, $3, $4, $5 FROM staff s WHERE s.municipality_id = $1 AND s.id = $2
       ON CONFLICT (municipality_id, staff_id, subject) DO UPDATE
         SET until = EXCLUDED.until, reason = EXCLUDED.reason, created_at = now()
       RETURNING subject`,
      [this.ctx.municipalityId, staffId, subject, until, reason],
    );
    if (rows.length === 0) throw new Error(`No staff ${staffId} in this municipality`);
    await this.audit.write('snooze', 'reminder', subject, { staffId, until });
  }

  /** Snoozes still in force on `today` (they end the day before `until`). */
  async active(today: LocalDate): Promise<SnoozeRow[]> {
    return this.db.query<SnoozeRow>(
      `SELECT staff_id, subject, until, reason FROM reminder_snoozes
       WHERE municipality_id = $1 AND until > $2`,
      [this.ctx.municipalityId, today],
    );
  }
}
