/** Institution types a team is attached to, with the model's minimum meetings a year (seeds 000, 001). */
export const INSTITUTION_TYPES = {
  daycare: { key: 'dagtilbud', da: 'Dagtilbud', en: 'Daycare', minimumMeetingsPerYear: 6 },
  primary_school: { key: 'grundskole', da: 'Grundskole', en: 'Primary school', minimumMeetingsPerYear: 6 },
  lower_secondary_school: {
    key: 'overbygningsskole',
    da: 'Overbygningsskole',
    en: 'Lower-secondary school',
    minimumMeetingsPerYear: 10,
  },
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

export interface Representative {
  id: string;
  da: string;
  en: string;
  /** Only present when a specific child is discussed (not at theme meetings). */
  onlyWhenChildDiscussed?: true;
}

/** A team's fixed representatives (seeds 000, 001 "Tværfaglighed – et fælles ansvar"). */
export const FIXED_REPRESENTATIVES: readonly Representative[] = [
  { id: 'family_counselling', da: 'Børne- og Familierådgivningen', en: 'Child and family counselling' },
  { id: 'school', da: 'Skole', en: 'School' },
  { id: 'daycare', da: 'Dagtilbud', en: 'Daycare' },
  { id: 'sfo_lbo', da: 'SFO/LBO', en: 'After-school care/youth club (SFO/LBO)' },
  { id: 'cpp', da: 'CPP (psykologer)', en: 'CPP (psychologists)' },
  { id: 'health_visitors', da: 'Sundhedsplejen', en: 'Health visitors' },
  {
    id: 'family_network',
    da: 'Familien/netværket',
    en: 'The family/network',
    onlyWhenChildDiscussed: true,
  },
];

/** Those who may join ("osv." in the seeds: the list is open, a team may invite others). */
export const OPTIONAL_REPRESENTATIVES: readonly Representative[] = [
  { id: 'ssp', da: 'SSP', en: 'SSP (school, social services and police)' },
  { id: 'addiction_services', da: 'Misbrugsafdelingen', en: 'Substance abuse services' },
  { id: 'family_house', da: 'Familiehuset', en: 'The Family House' },
  { id: 'uu', da: 'UU', en: 'Youth guidance (UU)' },
  { id: 'childrens_house', da: 'Barnets Blå Hus', en: 'Barnets Blå Hus' },
];
