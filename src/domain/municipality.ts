import { z } from 'zod';
import { isLadderPresetId, LADDER_PRESET_IDS, ladderSchema } from './ladder';
import { CASELOAD_TARGET } from './caseload';
import { schoolHolidaysSchema } from './meetings/schoolYear';
import {
  followUpPolicySchema,
  isPolicyPresetId,
  POLICY_PRESET_IDS,
  POLICY_PRESETS,
  type FollowUpPolicy,
} from './policy';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm');

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** A month-day that exists in every year (so not 02-29). */
const monthDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/, 'must be MM-DD')
  .refine((s) => {
    const [m, d] = s.split('-').map(Number) as [number, number];
    return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(2001, m, 0)).getUTCDate();
  }, 'is not a day of the year');

/** A municipality's settings (JSON in the store); every field has a default so old rows stay valid. */
const settingsObject = z.object({
  timeZone: z.string().refine(isTimeZone, 'is not an IANA time zone').default('Europe/Copenhagen'),
  /** A preset id, or a whole ladder the municipality has edited. */
  ladder: z
    .union([
      z.string().refine(isLadderPresetId, `must be one of ${LADDER_PRESET_IDS.join(', ')} or a ladder`),
      ladderSchema,
    ])
    .default('herning'),
  /**
   * The follow-up policy in use: a preset of src/domain/policy.ts ('legal-minimum', 'herning-1.0',
   * 'sel-70') or the id of the municipality's own `policy`. Unset means the law: a municipality that
   * chose nothing should not be held to another municipality's cadence.
   */
  policyId: z.string().trim().min(1).default('legal-minimum'),
  /** The municipality's own follow-up policy, as data; the law is applied on top of it (followup.ts). */
  policy: followUpPolicySchema.optional(),
  caseloadTarget: z.number().positive().default(CASELOAD_TARGET),
  /** Working days before a due date that advance reminders go out; kept largest first, no repeats. */
  reminderDaysBefore: z
    .array(z.number().int().min(1).max(60))
    .min(1)
    .transform((days) => [...new Set(days)].sort((a, b) => b - a))
    .default([10, 3]),
  escalateAfterWorkingDays: z.number().int().min(1).max(60).default(5),
  workingHours: z
    .object({ start: hhmm, end: hhmm })
    .refine((h) => h.start < h.end, 'start must be before end')
    .default({ start: '08:00', end: '16:00' }),
  /** Years a closed case's data is kept before deletion. */
  retentionYears: z.number().int().min(1).max(30).default(5),
  /**
   * Years an audit entry is kept, counted from when it was written, whatever it is about
   * (docs/privacy.md "Audit and insight").
   */
  auditRetentionYears: z.number().int().min(1).max(30).default(5),
  /** The school year team meetings are planned over starts on this day (MM-DD). */
  schoolYearStartMonthDay: monthDay.default('08-01'),
  /**
   * The municipality's own school holidays (autumn, Christmas, winter, Easter, summer …) that the
   * year plan skips; unset means the common Danish pattern (schoolYear.ts defaultSchoolHolidays).
   */
  schoolHolidays: schoolHolidaysSchema.optional(),
  /** Minutes after a meeting ends before its questionnaire goes out (and the minutes are asked for). */
  questionnaireDelayMinutes: z.number().int().min(0).max(10_080).default(30), // at most a week
  /** Working days after sending that a participant who has not answered is reminded, once. */
  questionnaireReminderWorkingDays: z.number().int().min(1).max(30).default(2),
  /** Days after the meeting ends that the questionnaire closes: later answers are refused. */
  questionnaireClosesAfterDays: z.number().int().min(1).max(120).default(14),
  /**
   * Microsoft Graph for this municipality's tenant (docs/graph.md): meetings become Outlook events
   * with a Teams link in the organiser's calendar. Unset or `enabled: false` means Samspil works
   * without it (invitation cards and .ics links only).
   */
  graph: z.object({ enabled: z.boolean() }).strict().optional(),
});

/** `policyId` names a preset or the own policy, and the own policy does not take a preset's id. */
function checkPolicy(s: z.infer<typeof settingsObject>, ctx: z.RefinementCtx): void {
  if (s.policy && isPolicyPresetId(s.policy.id))
    ctx.addIssue({
      code: 'custom',
      path: ['policy', 'id'],
      message: `"${s.policy.id}" is a preset's id; give the municipality's own policy an id of its own`,
    });
  if (!isPolicyPresetId(s.policyId) && s.policyId !== s.policy?.id)
    ctx.addIssue({
      code: 'custom',
      path: ['policyId'],
      message: `must be one of ${POLICY_PRESET_IDS.join(', ')}${s.policy ? ` or ${s.policy.id}` : ''} (the own policy's id)`,
    });
}

export const municipalitySettingsSchema = settingsObject.superRefine(checkPolicy);
/** For edits: a setting Samspil does not know is an error, not silently kept. */
export const strictMunicipalitySettingsSchema = settingsObject.strict().superRefine(checkPolicy);

export type MunicipalitySettings = z.infer<typeof municipalitySettingsSchema>;

/** The policy a municipality's settings name: its own, or a preset. */
export function policyOf(settings: MunicipalitySettings): FollowUpPolicy {
  if (settings.policy && settings.policyId === settings.policy.id) return settings.policy;
  const preset = POLICY_PRESETS[settings.policyId];
  if (!preset) throw new Error(`Unknown follow-up policy "${settings.policyId}"`);
  return preset;
}

export const MUNICIPALITY_PRESETS = ['herning', 'hjorring', 'vesthimmerland'] as const;
export type MunicipalityPreset = (typeof MUNICIPALITY_PRESETS)[number];

/**
 * Each model's own ladder. Herning gets its own tighter policy (seed 004 table 5.1); the others have
 * no written cadence in the seeds, so they start on the law and may edit it.
 */
export function defaultSettings(preset: MunicipalityPreset): MunicipalitySettings {
  const policyId = preset === 'herning' ? 'herning-1.0' : 'legal-minimum';
  return municipalitySettingsSchema.parse({ ladder: preset, policyId });
}
