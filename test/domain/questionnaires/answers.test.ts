import { defaultForms } from '../../../src/app/questionnaireForms';
import { invalidQuestions, hasCprIssue, parseAnswers } from '../../../src/domain/questionnaires/answers';
import { describeAnswers } from '../../../src/views/questionnaireCards';
import type { QuestionnaireForm } from '../../../src/domain/questionnaires/form';

const form = (id: string): QuestionnaireForm => defaultForms().find((f) => f.id === id && f.version === 1)!;

/** What Teams submits: every value a string, a multi-select comma-separated, empty inputs as ''. */
const childCard = {
  verb: 'answerQuestionnaire',
  meetingId: 'x',
  profession: 'teacher',
  rating: 'good_with_room',
  agreements_made: 'yes',
  sos_used: 'no',
  parents_heard: '4',
  child_ruler_level: 'vulnerable',
  next_step: 'referral_family_counselling',
  follow_up_date: '',
  comment: '  ',
};

describe('answers are validated by the zod schema built from the form', () => {
  it('keeps known keys with typed values, drops empty optional answers and unknown keys', () => {
    const r = parseAnswers(form('child'), childCard);
    expect(r.ok && r.answers).toEqual({
      profession: 'teacher',
      rating: 'good_with_room',
      agreements_made: 'yes',
      sos_used: 'no',
      parents_heard: 4,
      child_ruler_level: 'vulnerable',
      next_step: 'referral_family_counselling',
    });
  });

  it('names every missing required answer and every value outside the choices', () => {
    const r = parseAnswers(form('child'), {
      ...childCard,
      rating: '',
      sos_used: 'maybe',
      parents_heard: '9',
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(invalidQuestions(form('child'), r.error)).toEqual(['rating', 'sos_used', 'parents_heard']);
  });

  it('refuses "parent" as a staff member\'s profession, and forces it for a parent\'s answer', () => {
    expect(parseAnswers(form('child'), { ...childCard, profession: 'parent' }).ok).toBe(false);
    const parent = parseAnswers(form('child'), { ...childCard, profession: 'teacher' }, 'parent');
    expect(parent.ok && parent.answers.profession).toBe('parent');
  });

  it('splits a multi-select into its values, each one of the choices, and keeps free text beside it', () => {
    const card = {
      profession: 'pedagogue',
      rating: 'good',
      theme: 'Mobning',
      useful: '5',
      next_themes: 'anxiety,digital_life,anxiety',
      next_themes_other: 'Skilsmisse',
    };
    const r = parseAnswers(form('theme'), card);
    expect(r.ok && r.answers).toEqual({
      profession: 'pedagogue',
      rating: 'good',
      theme: 'Mobning',
      useful: 5,
      next_themes: ['anxiety', 'digital_life'],
      next_themes_other: 'Skilsmisse',
    });
    expect(parseAnswers(form('theme'), { ...card, next_themes: 'anxiety,cooking' }).ok).toBe(false);
  });

  it('refuses a CPR number in free text, naming the field but never echoing the number', () => {
    const r = parseAnswers(form('child'), { ...childCard, comment: 'Barnet 010203-1234 græd' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(hasCprIssue(r.error)).toBe(true);
      expect(JSON.stringify(r.error.issues)).not.toContain('010203');
    }
  });

  it('refuses a date that is not a date', () => {
    expect(parseAnswers(form('child'), { ...childCard, follow_up_date: '2026-13-01' }).ok).toBe(false);
  });

  it('describes the answers with their labels in form order for the thank-you card', () => {
    const r = parseAnswers(form('child'), childCard);
    if (!r.ok) throw r.error;
    expect(describeAnswers(form('child'), r.answers, 'da').slice(0, 5)).toEqual([
      { title: 'Din faggruppe', value: 'lærer' },
      { title: 'Hvordan var mødet samlet set?', value: 'Godt, men plads til forbedringer' },
      { title: 'Blev der lavet konkrete aftaler?', value: 'Ja' },
      { title: 'Blev Signs of Safety brugt?', value: 'Nej' },
      { title: 'Følte forældrene sig hørt?', value: '4 / 5' },
    ]);
    expect(describeAnswers(form('child'), r.answers, 'en')[0]).toEqual({
      title: 'Your profession',
      value: 'teacher',
    });
  });
});
