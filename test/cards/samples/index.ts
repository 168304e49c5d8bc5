import type { CardJson } from '../../../src/cards/render';
import type { Locale } from '../../../src/i18n/locale';
import { followUpSamples } from './followUps';
import { reportSamples } from './reports';
import { afterMeetingSamples } from './afterMeeting';
import { meetingSamples } from './meetings';
import { refusalSamples } from './refusals';

/** One feature's cards: the templates it renders and every card it can send, built as the bot builds them. */
export interface CardSamples {
  templates: string[];
  cards(locale: Locale): [string, CardJson][];
}

/** Each feature adds its samples here, so the checks below cover every card the bot can send. */
export const ALL_SAMPLES: CardSamples[] = [
  followUpSamples,
  afterMeetingSamples,
  meetingSamples,
  reportSamples,
  refusalSamples,
];

export function everyCard(locale: Locale): [string, CardJson][] {
  return ALL_SAMPLES.flatMap((s) => s.cards(locale));
}
