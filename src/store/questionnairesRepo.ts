import { SqlExecutor } from './engine';
import { AuditRepo } from './audit';
import { TenantContext } from './types';

export interface StoredFormRow {
  form_id: string;
  version: number;
  definition: unknown;
}

export interface ResponseRow {
  id: string;
  meeting_id: string;
  respondent_staff_id: string | null;
  recorded_by_staff_id: string | null;
  on_behalf_of_parent: boolean;
  form_id: string;
  form_version: number;
  answers: Record<string, unknown>;
  answered_at: Date;
}

export interface NewResponse {
  meetingId: string;
  /** NULL for a parent's answer, which a coordinator records on their behalf. */
  respondentStaffId: string | null;
  recordedByStaffId: string;
  onBehalfOfParent: boolean;
  formId: string;
  formVersion: number;
  answers: Record<string, unknown>;
  answeredAt: Date;
}

/** Versioned questionnaire forms and the answers given on them. */
export class QuestionnairesRepo {
  constructor(
    readonly db: SqlExecutor,
    readonly ctx: TenantContext,
    readonly audit: AuditRepo,
  ) {}

  /** The municipality's newest stored version of a form, or null when it uses the repository's. */
  async latestForm(formId: string): Promise<StoredFormRow | null> {
    const rows = await this.db.query<StoredFormRow>(
      `SELECT form_id, version, definition FROM questionnaire_forms
       WHERE municipality_id = $1 AND form_id = $2 ORDER BY version DESC LIMIT 1`,
      [this.ctx.municipalityId, formId],
    );
    return rows[0] ?? null;
  }

  async form(formId: string, version: number): Promise<StoredFormRow | null> {
    const rows = await this.db.query<StoredFormRow>(
      `SELECT form_id, version, definition FROM questionnaire_forms
       WHERE municipality_id = $1 AND form_id = $2 AND version = $3`,
      [this.ctx.municipalityId, formId, version],
    );
    return rows[0] ?? null;
  }

  /** Stores a new version; false if that version exists (a published version is never changed). */
  async saveForm(formId: string, version: number, definition: unknown): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO questionnaire_forms (municipality_id, form_id, version, definition)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING version`,
      [this.ctx.municipalityId, formId, version, definition],
    );
    if (rows.length === 0) return false;
    await this.audit.write('publish', 'questionnaire_form', `${formId}.v${version}`);
    return true;
  }

  /**
   * Stores an answer to a meeting of this municipality. Null when the person has answered already
   * (the unique index decides, so two submits racing on two instances still store one).
   */
  async record(r: NewResponse): Promise<ResponseRow | null> {
    const rows = await this.db.query<ResponseRow>(
      `INSERT INTO questionnaire_responses (municipality_id, meeting_id, respondent_staff_id, recorded_by_staff_id,
         on_behalf_of_parent, form_id, form_version, answers, answered_at)
       SELECT m.municipality_id, m.id, $3, $4, $5, $6, $7, $8, $9
       FROM meetings m WHERE m.municipality_id = $1 AND m.id = $2
       ON CONFLICT DO NOTHING
       RETURNING id, meeting_id, respondent_staff_id, recorded_by_staff_id, on_behalf_of_parent, form_id,
         form_version, answers, answered_at`,
      [
        this.ctx.municipalityId,
        r.meetingId,
        r.respondentStaffId,
        r.recordedByStaffId,
        r.onBehalfOfParent,
        r.formId,
        r.formVersion,
        r.answers,
        r.answeredAt,
      ],
    );
    const row = rows[0];
    if (!row) return null;
    // The answers themselves stay out of the audit log: it records who did what, not what they said.
    await this.audit.write('answer', 'questionnaire_response', row.id, {
      meetingId: r.meetingId,
      formId: r.formId,
      formVersion: r.formVersion,
      onBehalfOfParent: r.onBehalfOfParent,
    });
    return row;
  }

  async responseOf(meetingId: string, staffId: string): Promise<ResponseRow | null> {
    const rows = await this.db.query<ResponseRow>(
      `SELECT id, meeting_id, respondent_staff_id, recorded_by_staff_id, on_behalf_of_parent, form_id, form_version,
         answers, answered_at
       FROM questionnaire_responses WHERE municipality_id = $1 AND meeting_id = $2 AND respondent_staff_id = $3`,
      [this.ctx.municipalityId, meetingId, staffId],
    );
    return rows[0] ?? null;
  }

  async responses(meetingId: string): Promise<ResponseRow[]> {
    return this.db.query<ResponseRow>(
      `SELECT id, meeting_id, respondent_staff_id, recorded_by_staff_id, on_behalf_of_parent, form_id, form_version,
         answers, answered_at
       FROM questionnaire_responses WHERE municipality_id = $1 AND meeting_id = $2 ORDER BY answered_at, id`,
      [this.ctx.municipalityId, meetingId],
    );
  }
}
