import type { CardJson } from '../../../src/cards/render';
import type { Locale } from '../../../src/i18n/locale';
import { alreadyDone, refusedForm } from '../../../src/teams/cardReply';
import { REFUSAL_WORDS } from '../../../src/i18n/problems';
import { refuse, type Problem, type RefusalCode } from '../../../src/domain/result';
import type { CardSamples } from './index';
import { followUpSamples } from './followUps';
import { afterMeetingSamples } from './afterMeeting';
import { meetingSamples } from './meetings';

function inputIds(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => inputIds(n, out));
  else if (node && typeof node === 'object') {
    const n = node as { type?: string; id?: string };
    if (n.type?.startsWith('Input.') && n.id) out.push(n.id);
    Object.values(node).forEach((v) => inputIds(v, out));
  }
  return out;
}

/** Every refusal worded from values, with values as a rule gives them (a date first, as Danish words it). */
const WITH_PARAMS: Problem[] = [
  { code: 'cadenceOverSixMonths', params: { regime: 'sel-70' } },
  { code: 'cadenceOverSixMonths', params: { regime: 'barnets-lov-2024' } },
  { code: 'postponeNotLater', params: { after: '2026-08-24' } },
  { code: 'postponePastLegal', params: { legalDue: '2026-08-24' } },
  { code: 'childHasActiveCase', params: { caseRef: 'S-100' } },
  { code: 'teamBusy', params: { startTime: '09:00', endTime: '10:00' } },
  { code: 'unusableDay', params: { date: '2026-08-24', holiday: null } },
  { code: 'unusableDay', params: { holiday: 'Efterårsferie' } },
  { code: 'outsideSchoolYear', params: { date: '2026-08-24', schoolYear: '2026/27' } },
  { code: 'dateTwice', params: { date: '2026-08-24' } },
  { code: 'unknownTeam', params: { name: 'Mågen', yourTeams: [] } },
  { code: 'linkNeedsCoordinator', params: { team: 'Mågen' } },
  { code: 'agreementOwnerAbsent', params: { agreement: 2 } },
  { code: 'formInvalid', params: { path: 'questions', message: 'must have the question "useful"' } },
  { code: 'formVersionTooLow', params: { current: 2 } },
];

/**
 * Every form card as it comes back refused: each input with a reason beside it (every refusal
 * code in turn, those worded from values among them), plus the spent-card face.
 */
export const refusalSamples: CardSamples = {
  templates: [],
  cards(locale: Locale): [string, CardJson][] {
    const forms = [followUpSamples, afterMeetingSamples, meetingSamples]
      .flatMap((s) => s.cards(locale))
      .filter(([, card]) => inputIds(card).length > 0);
    const bare = (Object.keys(REFUSAL_WORDS) as RefusalCode[])
      .filter((code) => typeof REFUSAL_WORDS[code] !== 'function')
      .map((code) => ({ code }) as Problem);
    const all = [...bare, ...WITH_PARAMS];
    const out: [string, CardJson][] = forms.map(([name, card], n) => {
      const ids = inputIds(card);
      const problems = ids.map((field, i) => ({ ...all[(n + i) % all.length]!, field }));
      const values = Object.fromEntries(ids.map((id) => [id, id === ids[0] ? '010190-1234' : 'x']));
      // Problems no input holds are listed in the heading; spread over the forms, every code is shown.
      const unplaced = all.filter((_, i) => i % forms.length === n);
      const reply = refusedForm(card, values, [...problems, ...unplaced], locale);
      return [`${name} refused`, reply.kind === 'replace' ? reply.card : card];
    });
    const spent = alreadyDone(locale, forms[0]![1], refuse('meetingGone'));
    const noResult = alreadyDone(locale, null, refuse('meetingGone'));
    if (spent.kind === 'replace') out.push(['spent card refused', spent.card]);
    if (noResult.kind === 'replace') out.push(['spent card without result refused', noResult.card]);
    return out;
  },
};
