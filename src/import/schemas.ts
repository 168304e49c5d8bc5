import { z } from 'zod';
import { isMeasureType, MeasureType } from '../domain/measures';
import { parseRoles, ROLES } from '../domain/roles';
import { professionFromText } from '../i18n/labels';
import {
  email,
  emailList,
  importDate,
  optionalImportDate,
  optionalText,
  parseImportDate,
  reference,
  requiredText,
  yesNo,
} from './fields';
import type { LocalDate } from '../domain/localDate';

export const IMPORT_KINDS = ['staff', 'teams', 'cases', 'ladder', 'measures', 'followups'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const roles = requiredText.transform((s, ctx) => {
  try {
    return parseRoles(s);
  } catch {
    ctx.addIssue({ code: 'custom', message: `must be one or more of ${ROLES.join(', ')}, separated by |` });
    return z.NEVER;
  }
});

const profession = optionalText.transform((s, ctx) => {
  if (s === null) return null;
  const id = professionFromText(s);
  if (!id) {
    ctx.addIssue({ code: 'custom', message: 'is not one of the registered professions' });
    return z.NEVER;
  }
  return id;
});

const measureType = requiredText.refine((s): s is MeasureType => isMeasureType(s), {
  message:
    'must be one of institution, foster_care, own_room, short_term, preventive, early_help, investigation',
});

/** Initials or nothing: a child's name never enters Samspil (docs/domain-rules.md: minutes refer to initials only). */
const childInitials = optionalText.refine((s) => s === null || /^[A-ZÆØÅ]{1,4}$/u.test(s), {
  message: 'must be 1–4 capital letters (initials only, never a name)',
});

/** A ladder step number, or empty for "not on the ladder". */
const ladderStep = optionalText.transform((s, ctx) => {
  if (s === null) return null;
  if (!/^\d+$/.test(s)) {
    ctx.addIssue({ code: 'custom', message: 'must be a whole number' });
    return z.NEVER;
  }
  return Number(s);
});

/**
 * A case's closing date. Left out or empty keeps what is stored, so re-importing an old extract
 * never reopens a case closed since; `åben` (or `open`) reopens it on purpose.
 */
const closedDate = z
  .string()
  .optional()
  .transform((s, ctx): LocalDate | null | undefined => {
    const t = s?.trim() ?? '';
    if (t === '') return undefined;
    if (['åben', 'aaben', 'open'].includes(t.toLowerCase())) return null;
    const d = parseImportDate(t);
    if (!d) {
      ctx.addIssue({ code: 'custom', message: 'is not a date (YYYY-MM-DD or DD-MM-YYYY) or "åben"' });
      return z.NEVER;
    }
    return d;
  });

export const rowSchemas = {
  staff: z.object({
    email,
    name: requiredText,
    roles,
    profession,
    unit: optionalText,
    leader_email: optionalText.pipe(z.string().email('is not a valid e-mail address').nullable()),
  }),
  teams: z.object({
    team: requiredText,
    district: requiredText,
    institution: requiredText,
    institution_type: requiredText.pipe(
      z.enum(['dagtilbud', 'grundskole', 'overbygningsskole'], {
        message: 'must be dagtilbud, grundskole or overbygningsskole',
      }),
    ),
    coordinator_email: email,
    members: emailList,
  }),
  cases: z
    .object({
      case_ref: reference,
      adviser_email: email,
      opened: importDate,
      ladder_step: ladderStep,
      child_initials: childInitials,
      closed: closedDate,
    })
    .refine((r) => !r.closed || r.opened <= r.closed, { path: ['closed'], message: 'is before opened' }),
  ladder: z.object({ case_ref: reference, ladder_step: ladderStep, from: importDate }),
  measures: z
    .object({ case_ref: reference, measure_type: measureType, start: importDate, end: optionalImportDate })
    .refine((r) => r.end === null || r.end >= r.start, { path: ['end'], message: 'is before start' }),
  followups: z.object({
    case_ref: reference,
    measure_type: measureType,
    held_on: importDate,
    child_conversation: yesNo,
  }),
} satisfies Record<ImportKind, z.ZodTypeAny>;

export type ImportRow<K extends ImportKind> = z.output<(typeof rowSchemas)[K]>;

/**
 * The columns that name one thing in the municipality's own keys: two rows of one file with the
 * same key would silently overwrite each other, so the second is refused. Also the API's item key.
 */
export const ROW_KEYS = {
  staff: ['email'],
  teams: ['team'],
  cases: ['case_ref'],
  measures: ['case_ref', 'measure_type', 'start'],
  followups: ['case_ref', 'measure_type', 'held_on'],
  ladder: ['case_ref', 'from'],
} satisfies Record<ImportKind, string[]>;

export function rowKey(kind: ImportKind, row: Record<string, unknown>): string {
  return JSON.stringify(ROW_KEYS[kind].map((c) => row[c] ?? null));
}

/** The columns of a kind and whether each must be given: for the API's OpenAPI document. */
export function rowColumns(kind: ImportKind): { name: string; required: boolean }[] {
  const schema: z.ZodTypeAny = rowSchemas[kind];
  const object = schema instanceof z.ZodEffects ? (schema.innerType() as z.ZodTypeAny) : schema;
  if (!(object instanceof z.ZodObject)) throw new Error(`Row schema of ${kind} is not an object`);
  return Object.entries(object.shape as Record<string, z.ZodTypeAny>).map(([name, field]) => ({
    name,
    required: !field.isOptional(),
  }));
}

/** Guesses the kind from the header when --kind is not given. */
export function kindFromColumns(columns: string[]): ImportKind | null {
  const has = (...cs: string[]) => cs.every((c) => columns.includes(c));
  if (has('email', 'roles')) return 'staff';
  if (has('team', 'institution_type')) return 'teams';
  if (has('case_ref', 'adviser_email')) return 'cases';
  if (has('case_ref', 'ladder_step', 'from')) return 'ladder';
  if (has('case_ref', 'held_on')) return 'followups';
  if (has('case_ref', 'measure_type', 'start')) return 'measures';
  return null;
}
