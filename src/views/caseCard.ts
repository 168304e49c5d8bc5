import type { CaseDetails } from '../app/caseDetails';
import type { MunicipalityContext } from '../app/municipalityContext';
import { renderCard, type CardJson } from '../cards/render';
import { formatDate, type Locale } from '../i18n/locale';
import { TEXTS } from '../i18n/texts';

const HISTORY_SHOWN = 12;

/**
 * One case; beside each open deadline the button to its action card (the adviser's own, or a leader
 * acting for the adviser, who cannot snooze the adviser's reminders).
 */
export function caseDetailsCard(
  d: CaseDetails,
  m: MunicipalityContext,
  locale: Locale,
  viewerId: string,
): CardJson {
  const t = TEXTS[locale];
  const c = d.case;
  const step = m.ladder.steps.find((s) => s.step === c.ladder_step);
  return renderCard('case-details', {
    t: t.followUps,
    caseRef: c.case_ref,
    child: c.child_initials ?? '',
    adviser: d.adviserName ?? '–',
    ladderLabel: locale === 'da' ? 'Indsatstrappen' : 'Intervention ladder',
    ladderText: step ? `${step.step}. ${step.label[locale]}` : '–',
    measures: d.measures.map(({ measure, next }) => {
      const period = `${formatDate(measure.start, locale)}${measure.end ? ` – ${formatDate(measure.end, locale)}` : ''}`;
      const own = c.adviser_id === viewerId;
      const act = !next
        ? ''
        : next.kind === 'followup'
          ? own
            ? t.followUps.actOn
            : t.followUps.actOnLeader
          : '';
      return {
        label: t.measureTypes[measure.measure_type],
        text: next ? `${period} · ${t.followUps.next}: ${formatDate(next.due, locale)}` : period,
        measureId: measure.id,
        actText: act || (next && own ? t.followUps.snooze : ''),
      };
    }),
    history: d.history.slice(0, HISTORY_SHOWN).map((h) => ({
      date: formatDate(h.heldOn, locale),
      text: `${t.measureTypes[h.measureType]}${h.childConversation ? ` · ${t.followUps.childConversation}` : ''}`,
    })),
  });
}
