/**
 * Measure types are the keys a follow-up policy maps to a schedule (README, "Import files"). Barnets Lov
 * numbering; the pre-2024 Serviceloven paragraph is kept in `law` because the seeds use it (the
 * names are `measureTypes` in src/i18n/texts.ts).
 */
export const MEASURE_TYPES = [
  'institution',
  'foster_care',
  'own_room',
  'short_term',
  'preventive',
  'early_help',
  'investigation',
] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];

/**
 * Report categories: seed 002 table 2's three (institution, foster care, home-based measures), with
 * seed 004's "hjemmebaserede anbringelser" (own room, boarding school; §4.3, table 4.1) as a series of
 * its own and § 30 (formerly § 11) courses apart from § 32 (formerly § 52) measures: seed 002 counts
 * § 11 courses on their own (table 3) and table 2 is about foranstaltninger.
 */
export type MeasureCategory =
  'institution' | 'foster_care' | 'home_placement' | 'home_based' | 'early_help' | 'investigation';

export interface MeasureTypeInfo {
  type: MeasureType;
  placement: boolean;
  category: MeasureCategory;
  law: string;
}

export const MEASURE_TYPE_INFO: Record<MeasureType, MeasureTypeInfo> = {
  institution: {
    type: 'institution',
    placement: true,
    category: 'institution',
    law: 'Barnets Lov §§ 46–47 (tidl. SEL § 52 stk. 3 nr. 7)',
  },
  foster_care: {
    type: 'foster_care',
    placement: true,
    category: 'foster_care',
    law: 'Barnets Lov §§ 46–47 (tidl. SEL § 52 stk. 3 nr. 7)',
  },
  own_room: {
    type: 'own_room',
    placement: true,
    category: 'home_placement',
    law: 'Barnets Lov §§ 46–47',
  },
  /*
   * Seed 004 §5.1 speaks of "kortvarige anbringelser på døgninstitution", a treatment stay at an
   * institution, and §4.3 lists home-based placements as boarding schools and own rooms only: a
   * short-term placement is counted with institutions.
   */
  short_term: {
    type: 'short_term',
    placement: true,
    category: 'institution',
    law: 'Barnets Lov §§ 46–47',
  },
  preventive: {
    type: 'preventive',
    placement: false,
    category: 'home_based',
    law: 'Barnets Lov § 32 (tidl. SEL § 52)',
  },
  early_help: {
    type: 'early_help',
    placement: false,
    category: 'early_help',
    law: 'Barnets Lov § 30 (tidl. SEL § 11)',
  },
  investigation: {
    type: 'investigation',
    placement: false,
    category: 'investigation',
    law: 'Barnets Lov § 20 (tidl. SEL § 50)',
  },
};

export function isMeasureType(s: string): s is MeasureType {
  return (MEASURE_TYPES as readonly string[]).includes(s);
}
