import { localeFrom } from '../../src/i18n/locale';

describe('the language Samspil speaks to a person', () => {
  it('is Danish when the person has chosen nothing, whatever their Teams client says', () => {
    expect(localeFrom()).toBe('da');
    expect(localeFrom(null)).toBe('da');
  });

  it('is the person’s own choice from settings', () => {
    expect(localeFrom('en')).toBe('en');
    expect(localeFrom('EN-gb')).toBe('en');
    expect(localeFrom('da')).toBe('da');
  });
});
