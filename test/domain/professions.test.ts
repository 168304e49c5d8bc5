import { isProfession, isRespondentKind, PARENT, PROFESSIONS } from '../../src/domain/professions';
import { professionFromText, RESPONDENT_LABELS } from '../../src/i18n/labels';

describe('professions (seed 002 afsnit 5, note 8; docs/domain-rules.md, "The post-meeting questionnaire")', () => {
  it("are exactly the 19 registered, in the seed's order and spelling", () => {
    expect(PROFESSIONS.map((p) => RESPONDENT_LABELS[p].da)).toEqual([
      'pædagog',
      'dagplejepædagog',
      'dagplejer',
      'dagtilbudsleder',
      'LBO-leder',
      'SFO-leder',
      'lærer',
      'skoleleder',
      'familierådgiver',
      'sundhedsplejerske',
      'psykolog',
      'SSP-medarbejder',
      'misbrugsbehandler',
      'tværfaglig vejleder',
      'inklusionspædagog',
      'inklusionslærer',
      'UU-vejleder',
      'medarbejder fra Børn i Bevægelse',
      'talepædagog',
    ]);
  });

  it('have unique snake_case ids and an English label each', () => {
    const ids = [...PROFESSIONS];
    expect(new Set(ids).size).toBe(19);
    expect(ids.every((id) => /^[a-z]+(_[a-z]+)*$/.test(id))).toBe(true);
    expect(PROFESSIONS.every((p) => RESPONDENT_LABELS[p].en.length > 0)).toBe(true);
  });

  it('a parent (forælder) is a respondent but not one of the 19 professions', () => {
    expect([PARENT, RESPONDENT_LABELS[PARENT].da, RESPONDENT_LABELS[PARENT].en]).toEqual([
      'parent',
      'forælder',
      'parent',
    ]);
    expect(isProfession('parent')).toBe(false);
    expect(isRespondentKind('parent')).toBe(true);
    expect(isProfession('health_visitor')).toBe(true);
    expect(isRespondentKind('mayor')).toBe(false);
  });

  it('professionFromText reads an id, a Danish or an English name, in any case', () => {
    expect(professionFromText('Sundhedsplejerske')).toBe('health_visitor');
    expect(professionFromText(' ssp-medarbejder ')).toBe('ssp_worker');
    expect(professionFromText('Speech therapist')).toBe('speech_therapist');
    expect(professionFromText('school_leader')).toBe('school_leader');
    expect(professionFromText('forælder')).toBeNull();
    expect(professionFromText('borgmester')).toBeNull();
  });
});
