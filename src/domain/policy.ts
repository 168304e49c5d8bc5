import { z } from 'zod';
import type { Duration } from './localDate';
import type { MeasureType } from './measures';

/**
 * Follow-up policies are data (docs/domain-rules.md, "Follow-ups"): a municipality picks a preset and may edit it as
 * JSON, so nothing here may assume a particular municipality. The law is not part of a policy: it is
 * applied on top of every policy by `followup.ts`, so an edited policy can never loosen it.
 */

/** One measure type's schedule. */
export interface CadenceRule {
  /** First follow-up, counted from the measure's start. */
  firstAfter: Duration;
  /** Then this interval, counted from the last registered follow-up. */
  every: Duration;
  /** A phase change: once the last follow-up is at least `after` from the measure's start, use `every`. */
  later?: { after: Duration; every: Duration };
}

/** Which law the schedule is checked against; historical (pre-2024) data keeps its own terms. */
export type LegalRegime = 'barnets-lov-2024' | 'sel-70';

export interface FollowUpPolicy {
  id: string;
  name: string;
  regime: LegalRegime;
  /** No rule for `investigation`: it has a deadline (Barnets Lov § 20 stk. 3), not follow-ups. */
  rules: Partial<Record<MeasureType, CadenceRule>>;
  /** Where the numbers come from, shown to the admin who edits the policy. */
  source: string;
}

const durationSchema = z
  .object({
    days: z.number().int().nonnegative().optional(),
    weeks: z.number().int().nonnegative().optional(),
    months: z.number().int().nonnegative().optional(),
  })
  .strict()
  // An empty interval would make every day a due date.
  .refine((d) => (d.days ?? 0) + (d.weeks ?? 0) + (d.months ?? 0) > 0, {
    message: 'A duration must be longer than zero (days, weeks or months)',
  });

const cadenceRuleSchema = z
  .object({
    firstAfter: durationSchema,
    every: durationSchema,
    later: z.object({ after: durationSchema, every: durationSchema }).strict().optional(),
  })
  .strict();

/** Strict keys: a misspelt measure type in an edited policy is an error, not a silently missing rule. */
const rulesSchema = z
  .object({
    institution: cadenceRuleSchema.optional(),
    foster_care: cadenceRuleSchema.optional(),
    own_room: cadenceRuleSchema.optional(),
    short_term: cadenceRuleSchema.optional(),
    preventive: cadenceRuleSchema.optional(),
    early_help: cadenceRuleSchema.optional(),
  })
  .strict();

export const followUpPolicySchema: z.ZodType<FollowUpPolicy, z.ZodTypeDef, unknown> = z
  .object({
    id: z.string().trim().min(1),
    name: z.string().trim().min(1),
    regime: z.enum(['barnets-lov-2024', 'sel-70']),
    rules: rulesSchema,
    source: z.string(),
  })
  .strict();

/** Barnets Lov 2024 as a policy, for a municipality that has no stricter one of its own. */
export const LEGAL_MINIMUM: FollowUpPolicy = (() => {
  // § 95: first within 3 months. § 156 stk. 5: placements at least two supervision visits a year.
  const placement: CadenceRule = { firstAfter: { months: 3 }, every: { months: 6 } };
  // The law fixes no cadence after the first follow-up for non-placements; the adviser decides it
  // then (§ 95 stk. 3). 6 months is only what the card suggests.
  const nonPlacement: CadenceRule = { firstAfter: { months: 3 }, every: { months: 6 } };
  return {
    id: 'legal-minimum',
    name: 'Lovens minimum (Barnets Lov 2024)',
    regime: 'barnets-lov-2024',
    rules: {
      institution: placement,
      foster_care: placement,
      own_room: placement,
      short_term: placement,
      preventive: nonPlacement,
      early_help: nonPlacement,
    },
    source:
      'Barnets Lov § 95 (første opfølgning senest 3 mdr.) og § 156 stk. 5 (tilsyn mindst 2 gange årligt)',
  };
})();

/** Herning-modellen 1.0, seed 004 tabel 5.1 (Herning-modellen 1.0 s. 32 ff). */
export const HERNING_1_0: FollowUpPolicy = {
  id: 'herning-1.0',
  name: 'Herning-modellen 1.0',
  regime: 'barnets-lov-2024',
  rules: {
    institution: { firstAfter: { weeks: 2 }, every: { weeks: 6 } },
    foster_care: {
      firstAfter: { weeks: 2 },
      every: { weeks: 6 },
      later: { after: { months: 12 }, every: { months: 3 } },
    },
    own_room: { firstAfter: { weeks: 2 }, every: { weeks: 6 } },
    short_term: { firstAfter: { weeks: 4 }, every: { weeks: 4 } },
    preventive: { firstAfter: { weeks: 4 }, every: { months: 3 } },
    // Not in table 5.1 (the § 11/§ 30 courses were outside it); 3 months keeps the law's first
    // follow-up and matches the table's home-based cadence.
    early_help: { firstAfter: { months: 3 }, every: { months: 3 } },
  },
  source: 'Herning-modellen 1.0 s. 32 ff., jf. seed 004 tabel 5.1 "Opfølgningskrav"',
};

/** Serviceloven § 70 before 2024, so the seeds' era is reported against the law of its time. */
export const SEL_70: FollowUpPolicy = (() => {
  const rule: CadenceRule = { firstAfter: { months: 3 }, every: { months: 6 } };
  return {
    id: 'sel-70',
    name: 'Serviceloven § 70 (før 2024)',
    regime: 'sel-70',
    rules: {
      institution: rule,
      foster_care: rule,
      own_room: rule,
      short_term: rule,
      preventive: rule,
      early_help: rule,
    },
    source:
      'Serviceloven § 70 (ophævet 1.1.2024): første opfølgning senest 3 mdr., derefter mindst hver 6. mdr.',
  };
})();

export const POLICY_PRESET_IDS = ['legal-minimum', 'herning-1.0', 'sel-70'] as const;
export type PolicyPresetId = (typeof POLICY_PRESET_IDS)[number];

export function isPolicyPresetId(s: string): s is PolicyPresetId {
  return (POLICY_PRESET_IDS as readonly string[]).includes(s);
}

/** Keyed by string: a municipality's stored setting is looked up unchecked and may name no preset. */
export const POLICY_PRESETS: Readonly<Record<string, FollowUpPolicy>> = {
  'legal-minimum': LEGAL_MINIMUM,
  'herning-1.0': HERNING_1_0,
  'sel-70': SEL_70,
};

/** The law's own schedule for a regime: the fallback when a policy has no rule for a measure type. */
export function legalPolicy(regime: LegalRegime): FollowUpPolicy {
  return regime === 'sel-70' ? SEL_70 : LEGAL_MINIMUM;
}
