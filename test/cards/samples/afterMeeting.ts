import type { CardJson } from '../../../src/cards/render';
import type { Locale } from '../../../src/i18n/locale';
import { defaultForms } from '../../../src/app/questionnaireForms';
import { parseAnswers } from '../../../src/domain/questionnaires/answers';
import { questionnaireCard, thanksCard, type MeetingSummary } from '../../../src/views/questionnaireCards';
import {
  agreementCard,
  minutesFormCard,
  minutesListCard,
  minutesSavedCard,
} from '../../../src/views/minutesCards';
import type { CardSamples } from './index';

export const childMeeting: MeetingSummary = {
  id: '6f0f3c1e-8a57-4c35-9d55-5b1f0a6c2b11',
  date: '2026-11-24',
  startTime: '09:00',
  endTime: '10:00',
  teamName: 'Team Nord',
  format: 'child',
  childReference: 'AB',
  theme: null,
};
export const themeMeeting: MeetingSummary = {
  ...childMeeting,
  format: 'theme',
  childReference: null,
  theme: 'Mobning',
};

const SAMPLE_ANSWERS: Record<string, Record<string, unknown>> = {
  child: {
    profession: 'teacher',
    rating: 'good',
    agreements_made: 'yes',
    sos_used: 'yes',
    parents_heard: '4',
    child_ruler_level: 'declining',
    next_step: 'early_help_course',
    follow_up_date: '2027-01-15',
    comment: 'Godt møde',
  },
  parent: { rating: 'good', heard: 'yes', understood: 'partly', next_steps: 'yes', comment: 'Tak' },
  theme: {
    profession: 'pedagogue',
    rating: 'good_with_room',
    theme: 'Mobning',
    useful: '5',
    next_themes: 'anxiety,digital_life',
  },
};

/**
 * The parents' link as the coordinator's card shows it. The QR image is a fixed PNG here: the samples
 * are built synchronously, and test/views/qrCode.test.ts checks the real one.
 */
const SAMPLE_EXTRAS = {
  parentLink: {
    url: 'https://samspil.example/p/demo/bw8sHopXTDWdVVsfCmwrEQ.tq2k9c.Zm9vYmFyYmF6cXV4cXV1eA',
    qr: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    closesOn: '2026-12-08',
  },
  followUps: [
    { text: 'Mor kontakter skolen', owner_name: null, owner_role: 'parent', due: '2026-12-01' },
    { text: 'Familien prøver faste sengetider', owner_name: null, owner_role: 'family', due: '2026-12-10' },
  ],
};

/** Every after-meeting card the bot can send, for every default form, in the given language. */
function afterMeetingCards(locale: Locale): [string, CardJson][] {
  const cards: [string, CardJson][] = [];
  for (const form of defaultForms()) {
    const meeting = form.id === 'child' ? childMeeting : themeMeeting;
    for (const mode of ['first', 'reminder', 'parent'] as const) {
      cards.push([
        `questionnaire ${form.id} v${form.version} ${mode}`,
        questionnaireCard({ form, meeting, locale, closesOn: '2026-12-08', mode, profession: 'teacher' }),
      ]);
    }
    const parsed = parseAnswers(form, SAMPLE_ANSWERS[form.id]);
    if (!parsed.ok) throw new Error(`sample answers for ${form.id} do not fit the form`);
    for (const kind of ['thanks', 'already', 'parent'] as const) {
      cards.push([
        `questionnaire ${form.id} ${kind}`,
        thanksCard({ form, answers: parsed.answers, meeting, locale, kind, recordedBy: 'Tove Tovholder' }),
      ]);
    }
  }
  const participants = [
    { id: 'a1b2c3d4-0000-4000-8000-000000000001', name: 'Lars Lærer', present: true },
    { id: 'a1b2c3d4-0000-4000-8000-000000000002', name: 'Sara Sundhedsplejerske', present: false },
  ];
  for (const request of [true, false]) {
    cards.push([
      `minutes form request=${request}`,
      minutesFormCard({
        meeting: childMeeting,
        purpose: 'Bekymring for trivsel',
        participants,
        locale,
        request,
      }),
    ]);
  }
  cards.push([
    'minutes form with the parents’ link and agreements to follow up',
    minutesFormCard({
      meeting: childMeeting,
      purpose: 'Bekymring for trivsel',
      participants,
      locale,
      request: true,
      extras: SAMPLE_EXTRAS,
    }),
  ]);
  const saved = {
    meeting: childMeeting,
    locale,
    purpose: 'Bekymring for trivsel',
    resources: 'Gode venner',
    challenges: 'Fravær',
    goals: 'Kommer i skole hver dag',
    agreements: [
      { text: 'Ringer til mor', owner_name: 'Lars Lærer', owner_role: null, due: '2026-12-01' },
      { text: 'Kontakter skolen', owner_name: null, owner_role: 'parent', due: '2026-12-03' },
    ],
    childRulerLevel: 'declining',
    next: { date: '2027-01-12', startTime: '09:00' },
    recordedBy: 'Tove Tovholder',
    recordedOn: '2026-11-24',
  };
  cards.push(['minutes saved', minutesSavedCard(saved)]);
  cards.push([
    'minutes saved, nothing optional',
    minutesSavedCard({ ...saved, agreements: [], childRulerLevel: null, next: null, resources: '' }),
  ]);
  cards.push(['minutes already saved', minutesSavedCard({ ...saved, already: true })]);
  cards.push(['minutes saved with the parents’ link', minutesSavedCard({ ...saved, extras: SAMPLE_EXTRAS })]);
  const agreement = {
    id: 'b1b2c3d4-0000-4000-8000-000000000009',
    text: 'Ringer til mor',
    due: '2026-12-01',
    done_on: null,
  };
  cards.push(['agreement reminder', agreementCard({ agreement, meeting: childMeeting, locale })]);
  cards.push([
    'agreement done',
    agreementCard({ agreement: { ...agreement, done_on: '2026-12-01' }, meeting: childMeeting, locale }),
  ]);
  cards.push([
    'agreement already done',
    agreementCard({
      agreement: { ...agreement, done_on: '2026-12-01' },
      meeting: childMeeting,
      locale,
      note: 'x',
    }),
  ]);
  cards.push([
    'minutes list',
    minutesListCard([childMeeting, { ...childMeeting, date: '2026-11-20' }], locale),
  ]);
  cards.push(['minutes list empty', minutesListCard([], locale)]);
  return cards;
}

export const afterMeetingSamples: CardSamples = {
  templates: [
    'questionnaire-form',
    'questionnaire-thanks',
    'minutes-form',
    'minutes-saved',
    'agreement-reminder',
    'minutes-list',
  ],
  cards: afterMeetingCards,
};
