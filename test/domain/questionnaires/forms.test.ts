import { defaultForms } from '../../../src/app/questionnaireForms';
import { formSchema, REQUIRED_KEYS } from '../../../src/domain/questionnaires/form';
import { choicesOf } from '../../../src/i18n/labels';
import { PROFESSIONS } from '../../../src/domain/professions';

describe('the default questionnaire forms (questionnaires/*.json, docs/domain-rules.md, "The post-meeting questionnaire")', () => {
  const forms = defaultForms();
  const byId = (id: string) => forms.find((f) => f.id === id && f.version === 1)!;

  it('ships tema, barn/ung/familie and the parents’ own form, version 1, in Danish and English', () => {
    expect(forms.map((f) => `${f.id}.v${f.version}`).sort()).toEqual(['child.v1', 'parent.v1', 'theme.v1']);
    for (const f of forms) {
      for (const q of f.questions) {
        expect(q.label.da).not.toBe('');
        expect(q.label.en).not.toBe('');
      }
    }
  });

  it('asks the child-meeting content with the answer keys the reports read', () => {
    const ids = byId('child').questions.map((q) => `${q.id}:${q.type}`);
    expect(ids).toEqual([
      'profession:single',
      'rating:single',
      'agreements_made:single',
      'sos_used:single',
      'parents_heard:scale',
      'child_ruler_level:single',
      'next_step:single',
      'follow_up_date:date',
      'comment:text',
    ]);
    const nextStep = byId('child').questions.find((q) => q.id === 'next_step')!;
    expect(choicesOf(nextStep).map((c) => c.value)).toEqual([
      'general_area',
      'early_help_course',
      'referral_family_counselling',
      'other',
    ]);
    const level = byId('child').questions.find((q) => q.id === 'child_ruler_level')!;
    expect(choicesOf(level).map((c) => c.label.da)).toEqual([
      'Børn i trivsel',
      'Børn i faldende trivsel',
      'Sårbare børn',
      'Udsatte børn',
    ]);
  });

  it('asks the theme-meeting content, with single, multiple, scale and free text', () => {
    const ids = byId('theme').questions.map((q) => `${q.id}:${q.type}`);
    expect(ids).toEqual([
      'profession:single',
      'rating:single',
      'theme:text',
      'useful:scale',
      'next_themes:multiple',
      'next_themes_other:text',
      'comment:text',
    ]);
  });

  it('asks a parent in plain words how the meeting was for them, and nothing a professional is asked', () => {
    const parent = byId('parent');
    expect(parent.questions.map((q) => `${q.id}:${q.type}`)).toEqual([
      'rating:single',
      'heard:single',
      'understood:single',
      'next_steps:single',
      'comment:text',
    ]);
    expect(parent.questions.map((q) => q.label.da)).toEqual([
      'Hvordan var mødet for dig?',
      'Følte du, at de andre lyttede til dig?',
      'Følte du dig forstået?',
      'Ved du, hvad der skal ske nu?',
      'Er der andet, du vil sige? Skriv ikke navne eller CPR-numre.',
    ]);
    // The same rating values as the staff's, so a report can set them side by side.
    expect(choicesOf(parent.questions[0]!).map((c) => `${c.value}=${c.label.da}`)).toEqual([
      'good=Godt',
      'good_with_room=Godt, men noget kunne have været bedre',
      'poor=Ikke godt',
    ]);
  });

  it('offers the rating godt / godt, men plads til forbedringer / mangelfuldt', () => {
    for (const f of forms.filter((x) => x.id !== 'parent')) {
      const rating = f.questions.find((q) => q.id === 'rating')!;
      expect(choicesOf(rating).map((c) => `${c.value}=${c.label.da}`)).toEqual([
        'good=Godt',
        'good_with_room=Godt, men plads til forbedringer',
        'poor=Mangelfuldt',
      ]);
    }
  });

  it('lets staff choose among the 19 professions, and a parent only "forælder"', () => {
    const profession = byId('child').questions[0]!;
    expect(choicesOf(profession, 'staff')).toHaveLength(19);
    expect(choicesOf(profession, 'staff').map((c) => c.value)).toEqual([...PROFESSIONS]);
    expect(choicesOf(profession, 'parent').map((c) => `${c.value}=${c.label.da}`)).toEqual([
      'parent=forælder',
    ]);
  });

  it('refuses a form that drops a key the reports read, repeats an id or has a scale upside down', () => {
    const child = byId('child');
    const without = { ...child, questions: child.questions.filter((q) => q.id !== 'rating') };
    expect(formSchema.safeParse(without).error?.issues[0]?.message).toBe('must have the question "rating"');
    const twice = { ...child, questions: [...child.questions, child.questions[1]] };
    expect(formSchema.safeParse(twice).error?.issues[0]?.message).toBe('duplicate question id "rating"');
    const upside = {
      ...child,
      questions: child.questions.map((q) => (q.id === 'parents_heard' ? { ...q, min: 5, max: 1 } : q)),
    };
    expect(formSchema.safeParse(upside).success).toBe(false);
    const reserved = {
      ...child,
      questions: [...child.questions, { id: 'verb', type: 'text', label: child.title }],
    };
    expect(formSchema.safeParse(reserved).success).toBe(false);
    expect(REQUIRED_KEYS.theme).toContain('useful');
  });
});
