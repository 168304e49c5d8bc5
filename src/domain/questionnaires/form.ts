/**
 * A questionnaire form as data (docs/domain-rules.md, "The post-meeting questionnaire": versioned JSON a
 * municipality can change without a release). This schema checks the form itself; answers are
 * checked by the schema built from it (answers.ts).
 */
import { z } from 'zod';

/**
 * Danish and English always; further languages by their code (the parents' page offers one more,
 * src/i18n/parentPage). A missing one falls back to English where it is shown.
 */
const text = z
  .object({ da: z.string().trim().min(1), en: z.string().trim().min(1) })
  .catchall(z.string().trim().min(1));
export type BilingualText = z.infer<typeof text>;

/** Question ids are the keys of the stored answers, which reports read: short, stable, snake_case. */
const questionId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be snake_case (a-z, 0-9, _)')
  // The card submits answers beside its own fields; a question must not shadow one.
  .refine((id) => !['verb'].includes(id), 'is reserved');

const choice = z.object({ value: z.string().regex(/^[a-z0-9_]{1,40}$/), label: text });

const base = { id: questionId, label: text, required: z.boolean().default(true) };

/**
 * `source` fills a choice list from the domain instead of the file, so the 19 professions and the
 * Børnelinealen levels cannot drift from src/domain.
 */
const singleChoice = z.object({
  ...base,
  type: z.literal('single'),
  choices: z.array(choice).default([]),
  source: z.enum(['professions', 'childRuler']).optional(),
});
const multipleChoice = z.object({ ...base, type: z.literal('multiple'), choices: z.array(choice).min(1) });
const scale = z.object({
  ...base,
  type: z.literal('scale'),
  min: z.number().int().min(0).max(10).default(1),
  max: z.number().int().min(1).max(10).default(5),
  minLabel: text.optional(),
  maxLabel: text.optional(),
});
const freeText = z.object({
  ...base,
  type: z.literal('text'),
  maxLength: z.number().int().min(1).max(4000).default(1000),
});
const date = z.object({ ...base, type: z.literal('date') });

export const questionSchema = z.discriminatedUnion('type', [
  singleChoice,
  multipleChoice,
  scale,
  freeText,
  date,
]);

/** `parent`: the parents' own form after a meeting about their child, answered on the public page. */
export const FORM_IDS = ['theme', 'child', 'parent'] as const;
export type FormId = (typeof FORM_IDS)[number];

export const formSchema = z
  .object({
    id: z.enum(FORM_IDS),
    version: z.number().int().min(1),
    title: text,
    intro: text.optional(),
    questions: z.array(questionSchema).min(1).max(30),
  })
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.questions.forEach((q, i) => {
      if (seen.has(q.id))
        ctx.addIssue({
          code: 'custom',
          message: `duplicate question id "${q.id}"`,
          path: ['questions', i, 'id'],
        });
      seen.add(q.id);
      if (q.type === 'single' && !q.source && q.choices.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: 'needs choices or a source',
          path: ['questions', i, 'choices'],
        });
      }
      if (q.type === 'scale' && q.min >= q.max) {
        ctx.addIssue({ code: 'custom', message: 'min must be below max', path: ['questions', i, 'max'] });
      }
    });
    // Reports read these keys, so a municipality may add questions but not lose these.
    for (const id of REQUIRED_KEYS[f.id]) {
      if (!seen.has(id))
        ctx.addIssue({ code: 'custom', message: `must have the question "${id}"`, path: ['questions'] });
    }
  });

/** The answer keys the reports rely on (fixed with the reports engineer). */
export const REQUIRED_KEYS: Record<FormId, readonly string[]> = {
  theme: ['profession', 'rating', 'theme', 'useful'],
  child: [
    'profession',
    'rating',
    'agreements_made',
    'sos_used',
    'parents_heard',
    'child_ruler_level',
    'next_step',
  ],
  parent: ['rating', 'heard', 'understood', 'next_steps'],
};

export type QuestionnaireForm = z.output<typeof formSchema>;
export type Question = z.output<typeof questionSchema>;
export type Choice = z.output<typeof choice>;
