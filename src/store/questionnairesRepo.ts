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
  /** A parent's answer: its place among the parents expected; null for staff. */
  parent_place: number | null;
  /** A parent's answer typed by the coordinator with the parent in Teams. */
  assisted: boolean;
}

/** A parent's answer: on their own phone (`assisted` false) or with the coordinator in Teams. */
export interface NewParentResponse {
  meetingId: string;
  /** The coordinator who helped; null on the parent's own phone. */
  recordedByStaffId: string | null;
  assisted: boolean;
  formId: string;
  formVersion: number;
  answers: Record<string, unknown>;
  answeredAt: Date;
}

export interface NewResponse {
  meetingId: string;
  respondentStaffId: string;
  recordedByStaffId: string;
  formId: string;
  formVersion: number;
  answers: Record<string, unknown>;
  answeredAt: Date;
}

const RESPONSE_COLUMNS = `id, meeting_id, respondent_staff_id, recorded_by_staff_id, on_behalf_of_parent, form_id,
  form_version, answers, answered_at, parent_place, assisted`;

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
       SELECT m.municipality_id, m.id, $3, $4, false, $5, $6, $7, $8
       FROM meetings m WHERE m.municipality_id = $1 AND m.id = $2
       ON CONFLICT DO NOTHING
       RETURNING ${RESPONSE_COLUMNS}`,
      [
        this.ctx.municipalityId,
        r.meetingId,
        r.respondentStaffId,
        r.recordedByStaffId,
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
      onBehalfOfParent: false,
    });
    return row;
  }

  /**
   * Stores a parent's answer in a free place of the meeting (1 .. parents_expected), picked at random
   * so the place says nothing about who answered first. Null when no place is free. Two answers racing
   * for the last place: the unique index lets one in, and the other tries the places still free.
   */
  async recordParent(r: NewParentResponse): Promise<ResponseRow | null> {
    for (;;) {
      const [free] = await this.db.query<{ places: number }>(
        `SELECT m.parents_expected - (SELECT count(*) FROM questionnaire_responses q
           WHERE q.meeting_id = m.id AND q.parent_place IS NOT NULL)::int AS places
         FROM meetings m WHERE m.municipality_id = $1 AND m.id = $2`,
        [this.ctx.municipalityId, r.meetingId],
      );
      if (!free || free.places <= 0) return null;
      const rows = await this.db.query<ResponseRow>(
        `INSERT INTO questionnaire_responses (municipality_id, meeting_id, respondent_staff_id, recorded_by_staff_id,
           on_behalf_of_parent, form_id, form_version, answers, answered_at, parent_place, assisted)
         SELECT m.municipality_id, m.id, NULL, $3, true, $4, $5, $6, $7, p.place, $8
         FROM meetings m
         CROSS JOIN LATERAL (
           SELECT g AS place FROM generate_series(1, m.parents_expected) g
           WHERE NOT EXISTS (SELECT 1 FROM questionnaire_responses q WHERE q.meeting_id = m.id AND q.parent_place = g)
           ORDER BY random() LIMIT 1) p
         WHERE m.municipality_id = $1 AND m.id = $2
         ON CONFLICT DO NOTHING
         RETURNING ${RESPONSE_COLUMNS}`,
        [
          this.ctx.municipalityId,
          r.meetingId,
          r.recordedByStaffId,
          r.formId,
          r.formVersion,
          r.answers,
          r.answeredAt,
          r.assisted,
        ],
      );
      const row = rows[0];
      if (!row) continue;
      await this.audit.write('answer', 'questionnaire_response', row.id, {
        meetingId: r.meetingId,
        formId: r.formId,
        formVersion: r.formVersion,
        onBehalfOfParent: true,
        assisted: r.assisted,
      });
      return row;
    }
  }

  /** How many parents' answers a meeting has, and how many it takes. */
  async parentPlaces(meetingId: string): Promise<{ expected: number; taken: number } | null> {
    const [row] = await this.db.query<{ expected: number; taken: number }>(
      `SELECT m.parents_expected AS expected, (SELECT count(*) FROM questionnaire_responses q
         WHERE q.meeting_id = m.id AND q.parent_place IS NOT NULL)::int AS taken
       FROM meetings m WHERE m.municipality_id = $1 AND m.id = $2`,
      [this.ctx.municipalityId, meetingId],
    );
    return row ?? null;
  }

  async responseOf(meetingId: string, staffId: string): Promise<ResponseRow | null> {
    const rows = await this.db.query<ResponseRow>(
      `SELECT ${RESPONSE_COLUMNS}
       FROM questionnaire_responses WHERE municipality_id = $1 AND meeting_id = $2 AND respondent_staff_id = $3`,
      [this.ctx.municipalityId, meetingId, staffId],
    );
    return rows[0] ?? null;
  }

  async responses(meetingId: string): Promise<ResponseRow[]> {
    return this.db.query<ResponseRow>(
      `SELECT ${RESPONSE_COLUMNS}
       FROM questionnaire_responses WHERE municipality_id = $1 AND meeting_id = $2 ORDER BY answered_at, id`,
      [this.ctx.municipalityId, meetingId],
    );
  }
}
