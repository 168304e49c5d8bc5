/**
 * Answers checked against the very form version they were given on: the zod schema is built from
 * the form, so a municipality's edited form needs no code change (docs/domain-rules.md, "Post-meeting status
 * questionnaire").
 */
import { z } from 'zod';
import { CHILD_RULER_LEVELS } from '../childRuler';
import { PARENT, PROFESSIONS } from '../professions';
import { localDateField, noCprText, optionalField } from '../meetings/fields';
import { refusalCodeOf } from '../result';
import type { Question, QuestionnaireForm } from './form';

/** A staff member answers for themself; a coordinator records a parent's answer on their behalf. */
export type Respondent = 'staff' | 'parent';

export type AnswerValue = string | number | string[];
export type Answers = Record<string, AnswerValue>;

/** The question whose answer says who answered: fixed to `parent` for a parent's answer. */
export const PROFESSION_KEY = 'profession';

/**
 * The values a question offers; staff pick one of the 19 professions, never "parent". A question
 * with a `source` takes its list from the domain (named in src/i18n/labels.ts), else from the form.
 */
export function choiceValuesOf(q: Question, respondent: Respondent = 'staff'): string[] {
  if (q.type === 'multiple') return q.choices.map((c) => c.value);
  if (q.type !== 'single') return [];
  if (q.source === 'professions') return respondent === 'parent' ? [PARENT] : [...PROFESSIONS];
  if (q.source === 'childRuler') return CHILD_RULER_LEVELS.map((l) => l.id);
  return q.choices.map((c) => c.value);
}

function oneOf(field: string, values: string[]) {
  return z
    .string()
    .trim()
    .refine((v) => values.includes(v), `${field}: choose one of the options`);
}

function fieldSchema(q: Question, respondent: Respondent): z.ZodTypeAny {
  switch (q.type) {
    case 'single':
      return oneOf(q.id, choiceValuesOf(q, respondent));
    case 'multiple': {
      const values = q.choices.map((c) => c.value);
      // Input.ChoiceSet with isMultiSelect submits "a,b,c" (docs/teams-app.md, platform facts).
      return z
        .union([z.string(), z.array(z.string())])
        .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
        .pipe(
          z
            .array(z.string().refine((v) => values.includes(v), `${q.id}: choose among the options`))
            .min(q.required ? 1 : 0, `${q.id}: choose at least one`)
            .transform((a) => [...new Set(a)]),
        );
    }
    case 'scale':
      return z.coerce
        .number({ invalid_type_error: `${q.id}: must be a number` })
        .int(`${q.id}: must be a whole number`)
        .min(q.min, `${q.id}: at least ${q.min}`)
        .max(q.max, `${q.id}: at most ${q.max}`);
    case 'text':
      return noCprText(q.id, { max: q.maxLength, required: q.required });
    case 'date':
      return localDateField;
  }
}

/** The zod schema of one form version's answers; unknown keys are dropped, never stored. */
export function answersSchema(form: QuestionnaireForm, respondent: Respondent = 'staff') {
  const shape: Record<string, z.ZodTypeAny> = {};
  for (const q of form.questions) {
    const field = fieldSchema(q, respondent);
    const emptyIsMissing = optionalField(field);
    shape[q.id] = q.required
      ? emptyIsMissing.refine(
          (v) => v !== undefined && !(Array.isArray(v) && v.length === 0),
          `${q.id}: required`,
        )
      : emptyIsMissing;
  }
  const schema = z.object(shape).transform((a) => {
    const out: Answers = {};
    for (const [k, v] of Object.entries(a)) {
      if (v === undefined || (Array.isArray(v) && v.length === 0) || v === '') continue;
      out[k] = v as AnswerValue;
    }
    return out;
  });
  // A parent's answer is marked as such whatever the card sent (they are anonymous in reports).
  return z.preprocess((input) => {
    if (respondent !== 'parent' || typeof input !== 'object' || input === null) return input;
    return form.questions.some((q) => q.id === PROFESSION_KEY)
      ? { ...input, [PROFESSION_KEY]: PARENT }
      : input;
  }, schema);
}

export function parseAnswers(
  form: QuestionnaireForm,
  input: unknown,
  respondent: Respondent = 'staff',
): { ok: true; answers: Answers } | { ok: false; error: z.ZodError } {
  const r = answersSchema(form, respondent).safeParse(input);
  return r.success ? { ok: true, answers: r.data as Answers } : { ok: false, error: r.error };
}

/** The question ids a failed submission must fix, in form order, for the "fill in or correct" answer. */
export function invalidQuestions(form: QuestionnaireForm, error: z.ZodError): string[] {
  const bad = new Set(error.issues.map((i) => String(i.path[0] ?? '')));
  return form.questions.filter((q) => bad.has(q.id)).map((q) => q.id);
}

/** Whether any issue is a CPR number, so the answer can say so without echoing it. */
export function hasCprIssue(error: z.ZodError): boolean {
  return error.issues.some((i) => refusalCodeOf(i) === 'cpr');
}
