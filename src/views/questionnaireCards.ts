import { requiredReasons } from '../i18n/problems';
import type { MeetingSummary } from '../app/questionnaires';
import type { CardJson } from '../cards/render';
import { renderCard } from '../cards/render';
import { AFTER_MEETING_TEXTS } from '../i18n/afterMeetingTexts';
import { formatDate, type Locale } from '../i18n/locale';
import { whenText } from './meetingText';
import { fill } from '../i18n/texts';
import { choicesOf } from '../i18n/labels';
import type { LocalDate } from '../domain/localDate';
import { PROFESSION_KEY, type Answers, type Respondent } from '../domain/questionnaires/answers';
import type { Question, QuestionnaireForm } from '../domain/questionnaires/form';

export type { MeetingSummary };

export function meetingFacts(m: MeetingSummary, locale: Locale): { title: string; value: string }[] {
  const t = AFTER_MEETING_TEXTS[locale];
  const facts = [
    {
      title: t.meeting,
      value: whenText({ date: m.date, start_time: m.startTime, end_time: m.endTime }, locale),
    },
    { title: t.team, value: m.teamName },
  ];
  if (m.format === 'child' && m.childReference) facts.push({ title: t.child, value: m.childReference });
  if (m.format === 'theme' && m.theme) facts.push({ title: t.theme, value: m.theme });
  return facts;
}

/** A choice list of up to five options is shown expanded (radio buttons); a longer one as a dropdown. */
function questionData(q: Question, locale: Locale, respondent: Respondent, defaults: Record<string, string>) {
  const base = {
    id: q.id,
    label: q.label[locale],
    required: q.required,
    hint: '',
    value: defaults[q.id] ?? '',
  };
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const choices = choicesOf(q, respondent).map((c) => ({ title: c.label[locale], value: c.value }));
      return {
        ...base,
        kind: 'choice',
        multi: q.type === 'multiple',
        style: choices.length > 5 ? 'compact' : 'expanded',
        choices,
        maxLength: 0,
      };
    }
    case 'scale': {
      const choices = [];
      for (let v = q.min; v <= q.max; v++) {
        const end = v === q.min ? q.minLabel : v === q.max ? q.maxLabel : undefined;
        choices.push({ title: end ? `${v} – ${end[locale]}` : String(v), value: String(v) });
      }
      return { ...base, kind: 'choice', multi: false, style: 'expanded', choices, maxLength: 0 };
    }
    case 'text':
      return { ...base, kind: 'text', multi: false, style: 'default', choices: [], maxLength: q.maxLength };
    case 'date':
      return { ...base, kind: 'date', multi: false, style: 'default', choices: [], maxLength: 0 };
  }
}

export interface QuestionnaireCardInput {
  form: QuestionnaireForm;
  meeting: MeetingSummary;
  locale: Locale;
  closesOn: LocalDate;
  /** 'reminder' is the one reminder to a non-respondent; 'parent' is the coordinator's card for a parent. */
  mode: 'first' | 'reminder' | 'parent';
  /** The respondent's registered profession, pre-selected (they may change it). */
  profession?: string | null;
}

/** The form rendered as a card; it carries the form id and version the answer will be checked against. */
export function questionnaireCard(i: QuestionnaireCardInput): CardJson {
  const t = AFTER_MEETING_TEXTS[i.locale].questionnaire;
  const respondent: Respondent = i.mode === 'parent' ? 'parent' : 'staff';
  const defaults: Record<string, string> = i.profession ? { [PROFESSION_KEY]: i.profession } : {};
  const questions = i.form.questions
    // A parent's profession is fixed (the server sets it), so the card does not ask.
    .filter((q) => !(respondent === 'parent' && q.id === PROFESSION_KEY))
    .map((q) => questionData(q, i.locale, respondent, defaults));
  return renderCard('questionnaire-form', {
    req: requiredReasons(i.locale),
    title:
      i.mode === 'reminder' ? t.reminderTitle : i.mode === 'parent' ? t.parentTitle : i.form.title[i.locale],
    color: i.mode === 'reminder' ? 'Accent' : 'Default',
    intro:
      i.mode === 'reminder'
        ? t.reminderIntro
        : i.mode === 'parent'
          ? t.parentIntro
          : (i.form.intro?.[i.locale] ?? ''),
    facts: meetingFacts(i.meeting, i.locale),
    closesText: fill(t.closesOn, { date: formatDate(i.closesOn, i.locale) }),
    questions,
    submit: t.submit,
    verb: i.mode === 'parent' ? 'answerParentQuestionnaire' : 'answerQuestionnaire',
    meetingId: i.meeting.id,
    formId: i.form.id,
    formVersion: String(i.form.version),
  });
}

export interface ThanksCardInput {
  form: QuestionnaireForm | null;
  answers: Answers | null;
  meeting: MeetingSummary;
  locale: Locale;
  kind: 'thanks' | 'already' | 'parent';
  recordedBy?: string;
}

/** Replaces the questionnaire in place: the answers as given, so the spent card cannot be sent again. */
export function thanksCard(i: ThanksCardInput): CardJson {
  const t = AFTER_MEETING_TEXTS[i.locale].questionnaire;
  const respondent: Respondent = i.kind === 'parent' ? 'parent' : 'staff';
  const lines =
    i.kind === 'already'
      ? [{ text: t.already }]
      : i.kind === 'parent'
        ? [{ text: fill(t.thanksParentNote, { name: i.recordedBy ?? '' }) }]
        : [];
  return renderCard('questionnaire-thanks', {
    title: i.kind === 'already' ? t.alreadyTitle : i.kind === 'parent' ? t.thanksParentTitle : t.thanksTitle,
    color: 'Accent',
    facts: meetingFacts(i.meeting, i.locale),
    lines,
    answers:
      i.form && i.answers
        ? describeAnswers(i.form, i.answers, i.locale, respondent, (d) => formatDate(d, i.locale))
        : [],
    anotherParent: i.kind === 'parent' ? t.anotherParent : '',
    meetingId: i.meeting.id,
  });
}

/**
 * The answers as label/value pairs in form order, for the thank-you card. A choice shows its label
 * (a parent's fixed profession too), never its code; a date is worded by `dateText` (the view's).
 */
export function describeAnswers(
  form: QuestionnaireForm,
  answers: Answers,
  locale: Locale,
  respondent: Respondent = 'staff',
  dateText: (isoDate: string) => string = (d) => d,
): { title: string; value: string }[] {
  const out: { title: string; value: string }[] = [];
  for (const q of form.questions) {
    const v = answers[q.id];
    if (v === undefined) continue;
    const choices = [...choicesOf(q, respondent), ...choicesOf(q, 'staff')];
    const label = (x: string) => choices.find((c) => c.value === x)?.label[locale] ?? x;
    const value = Array.isArray(v)
      ? v.map(label).join(', ')
      : q.type === 'scale'
        ? `${v} / ${q.max}`
        : typeof v === 'string' && choices.length
          ? label(v)
          : q.type === 'date' && typeof v === 'string' && v !== ''
            ? dateText(v)
            : String(v);
    out.push({ title: q.label[locale], value });
  }
  return out;
}
