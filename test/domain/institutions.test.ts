import {
  FIXED_REPRESENTATIVES,
  INSTITUTION_TYPES,
  institutionTypeFromKey,
  isInstitutionType,
  minimumMeetingsPerYear,
  ONLY_WHEN_CHILD_DISCUSSED,
  OPTIONAL_REPRESENTATIVES,
} from '../../src/domain/institutions';
import { INSTITUTION_TYPE_LABELS, REPRESENTATIVE_LABELS } from '../../src/i18n/labels';

describe('institution types (seeds 000, 001 "Mødefrekvens")', () => {
  it('dagtilbud min. 6, grundskoler min. 6, overbygningsskoler min. 10 årlige møder', () => {
    expect(minimumMeetingsPerYear('daycare')).toBe(6);
    expect(minimumMeetingsPerYear('primary_school')).toBe(6);
    expect(minimumMeetingsPerYear('lower_secondary_school')).toBe(10);
  });

  it('has Danish and English labels', () => {
    expect(
      (Object.keys(INSTITUTION_TYPES) as (keyof typeof INSTITUTION_TYPES)[]).map((t) => [
        INSTITUTION_TYPE_LABELS[t].da,
        INSTITUTION_TYPE_LABELS[t].en,
      ]),
    ).toEqual([
      ['Dagtilbud', 'Daycare'],
      ['Grundskole', 'Primary school'],
      ['Overbygningsskole', 'Lower-secondary school'],
    ]);
  });

  it('maps the import keys dagtilbud|grundskole|overbygningsskole to ids, in any case', () => {
    expect(institutionTypeFromKey('dagtilbud')).toBe('daycare');
    expect(institutionTypeFromKey('grundskole')).toBe('primary_school');
    expect(institutionTypeFromKey(' Overbygningsskole ')).toBe('lower_secondary_school');
  });

  it('refuses an unknown key with the keys it accepts', () => {
    expect(() => institutionTypeFromKey('gymnasium')).toThrow(
      'Unknown institution type "gymnasium" (use dagtilbud, grundskole, overbygningsskole)',
    );
    expect(() => institutionTypeFromKey('daycare')).toThrow('Unknown institution type');
    expect(isInstitutionType('daycare')).toBe(true);
    expect(isInstitutionType('dagtilbud')).toBe(false);
  });
});

describe('team representatives (seed 001 "Tværfaglighed – et fælles ansvar")', () => {
  it('has the seven fixed representatives, the family/network only when a child is discussed', () => {
    expect(FIXED_REPRESENTATIVES.map((r) => REPRESENTATIVE_LABELS[r].da)).toEqual([
      'Børne- og Familierådgivningen',
      'Skole',
      'Dagtilbud',
      'SFO/LBO',
      'CPP (psykologer)',
      'Sundhedsplejen',
      'Familien/netværket',
    ]);
    expect(FIXED_REPRESENTATIVES.filter((r) => ONLY_WHEN_CHILD_DISCUSSED.includes(r))).toEqual([
      'family_network',
    ]);
  });

  it('SSP, Misbrugsafdelingen, Familiehuset, UU and Barnets Blå Hus may join', () => {
    expect(OPTIONAL_REPRESENTATIVES.map((r) => REPRESENTATIVE_LABELS[r].da)).toEqual([
      'SSP',
      'Misbrugsafdelingen',
      'Familiehuset',
      'UU',
      'Barnets Blå Hus',
    ]);
  });

  it('representative ids are unique across both lists', () => {
    const ids = [...FIXED_REPRESENTATIVES, ...OPTIONAL_REPRESENTATIVES];
    expect(new Set(ids).size).toBe(12);
  });
});
