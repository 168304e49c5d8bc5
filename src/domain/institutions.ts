/** Institution types a team is attached to, with the model's minimum meetings a year (seeds 000, 001). */
export const INSTITUTION_TYPES = {
  daycare: { key: 'dagtilbud', minimumMeetingsPerYear: 6 },
  primary_school: { key: 'grundskole', minimumMeetingsPerYear: 6 },
  lower_secondary_school: { key: 'overbygningsskole', minimumMeetingsPerYear: 10 },
} as const;

export type InstitutionType = keyof typeof INSTITUTION_TYPES;
/** The Danish word import files use for the type. */
export type InstitutionKey = (typeof INSTITUTION_TYPES)[InstitutionType]['key'];

const TYPES = Object.keys(INSTITUTION_TYPES) as InstitutionType[];

export function isInstitutionType(s: string): s is InstitutionType {
  return (TYPES as string[]).includes(s);
}

export function minimumMeetingsPerYear(type: InstitutionType): number {
  return INSTITUTION_TYPES[type].minimumMeetingsPerYear;
}

/** 'dagtilbud' | 'grundskole' | 'overbygningsskole' (any case) → the id; anything else is an error. */
export function institutionTypeFromKey(key: string): InstitutionType {
  const k = key.trim().toLowerCase();
  const found = TYPES.find((t) => INSTITUTION_TYPES[t].key === k);
  if (!found) {
    const keys = TYPES.map((t) => INSTITUTION_TYPES[t].key).join(', ');
    throw new Error(`Unknown institution type "${key}" (use ${keys})`);
  }
  return found;
}

/** A team's fixed representatives (seeds 000, 001 "Tværfaglighed – et fælles ansvar"); named in src/i18n/labels.ts. */
export const FIXED_REPRESENTATIVES = [
  'family_counselling',
  'school',
  'daycare',
  'sfo_lbo',
  'cpp',
  'health_visitors',
  'family_network',
] as const;

/** Only present when a specific child is discussed (not at theme meetings). */
export const ONLY_WHEN_CHILD_DISCUSSED: readonly Representative[] = ['family_network'];

/** Those who may join ("osv." in the seeds: the list is open, a team may invite others). */
export const OPTIONAL_REPRESENTATIVES = [
  'ssp',
  'addiction_services',
  'family_house',
  'uu',
  'childrens_house',
] as const;

export type Representative =
  (typeof FIXED_REPRESENTATIVES)[number] | (typeof OPTIONAL_REPRESENTATIVES)[number];
