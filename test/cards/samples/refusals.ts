import type { CardJson } from '../../../src/cards/render';
import type { Locale } from '../../../src/i18n/locale';
import { formatDate } from '../../../src/i18n/locale';
import { alreadyDone, refusedForm } from '../../../src/teams/cardReply';
import { PROBLEM_TEXTS, type ProblemCode } from '../../../src/i18n/problems';
import { fail, refuse } from '../../../src/app/actionResult';
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

/**
 * Every form card as it comes back refused: each input with a reason beside it (every problem
 * code in turn, and a rule's own words that start with a Danish date), plus the spent-card face.
 */
export const refusalSamples: CardSamples = {
  templates: [],
  cards(locale: Locale): [string, CardJson][] {
    const forms = [followUpSamples, afterMeetingSamples, meetingSamples]
      .flatMap((s) => s.cards(locale))
      .filter(([, card]) => inputIds(card).length > 0);
    const codes = Object.keys(PROBLEM_TEXTS) as ProblemCode[];
    const out: [string, CardJson][] = forms.map(([name, card]) => {
      const ids = inputIds(card);
      const problems = ids.map((field, i) => ({ field, code: codes[i % codes.length]! }));
      const d = formatDate('2026-08-24', 'da');
      const e = formatDate('2026-08-24', 'en');
      const values = Object.fromEntries(ids.map((id) => [id, id === ids[0] ? '010190-1234' : 'x']));
      const reply = refusedForm(
        card,
        values,
        [...problems, ...fail(`${d} er passeret.`, `${e} has passed.`).problems],
        locale,
      );
      return [`${name} refused`, reply.kind === 'replace' ? reply.card : card];
    });
    const spent = alreadyDone(locale, forms[0]![1], refuse('meetingGone'));
    const bare = alreadyDone(locale, null, refuse('meetingGone'));
    if (spent.kind === 'replace') out.push(['spent card refused', spent.card]);
    if (bare.kind === 'replace') out.push(['spent card without result refused', bare.card]);
    return out;
  },
};
