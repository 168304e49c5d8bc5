/** What the meeting handlers share: refusing with the reason, and marking a spent card. */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Bilingual } from '../../app/meetings/common';
import { CPR_REFUSAL, cprField } from '../../app/meetings/common';
import { MEETING_TEXTS, type MeetingTexts } from '../../i18n/meetingTexts';
import { statusCard } from '../../views/meetingCards';
import { describeIssues as describeFields, KnownCaller, replaceCard, sendCard } from './deps';

/** The card stays as it was, still usable; the answer says what to fix. */
export async function refuse(
  context: TurnContext,
  caller: KnownCaller,
  reason: Bilingual | string,
): Promise<void> {
  const text = typeof reason === 'string' ? reason : reason[caller.locale];
  await sendCard(
    context,
    statusCard(MEETING_TEXTS[caller.locale].refusedTitle, { color: 'Attention', lines: [text] }),
  );
}

/** A spent card (a second press, an out-of-date version) is replaced by what happened instead. */
export async function answerFailure(
  context: TurnContext,
  caller: KnownCaller,
  res: { reason: Bilingual; stale?: boolean },
): Promise<void> {
  if (!res.stale) return refuse(context, caller, res.reason);
  await replaceCard(
    context,
    statusCard(MEETING_TEXTS[caller.locale].alreadyHandled, { lines: [res.reason[caller.locale]] }),
  );
}

const LABELS: Record<string, keyof MeetingTexts> = {
  date: 'date',
  startTime: 'start',
  endTime: 'end',
  place: 'place',
  onlineUrl: 'onlineUrl',
  theme: 'theme',
  childReference: 'child',
  purpose: 'purpose',
  participants: 'participants',
  weekday: 'weekday',
  minutes: 'minutes',
};

/** The fields to fix, by their card labels; a name where initials belong is said outright. */
export function describeIssues(err: z.ZodError, locale: 'da' | 'en'): string {
  const t = MEETING_TEXTS[locale];
  if (err.issues.some((i) => (i as { params?: { reason?: string } }).params?.reason === 'name')) {
    return locale === 'da'
      ? 'Barnet må ikke nævnes ved navn: brug initialer (fx "AB") eller sagsnummeret.'
      : 'The child must not be named: use initials (e.g. "AB") or the case number.';
  }
  return describeFields(err, locale, (f) => (LABELS[f] ? String(t[LABELS[f]!]) : f));
}

/** true when the submission was refused for a CPR-looking value (checked before anything else). */
export async function refusedForCpr(
  context: TurnContext,
  caller: KnownCaller,
  data: unknown,
): Promise<boolean> {
  const field = cprField(data);
  if (field === null) return false;
  const label = LABELS[field] ? String(MEETING_TEXTS[caller.locale][LABELS[field]!]) : field;
  await refuse(context, caller, `${label}: ${CPR_REFUSAL[caller.locale]}`);
  return true;
}

export function dataOf(data: unknown): Record<string, unknown> {
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}
