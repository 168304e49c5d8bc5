import type { CaseDetails } from '../app/caseDetails';
import type { MunicipalityContext } from '../app/municipalityContext';
import { renderCard, type CardJson } from '../cards/render';
import { formatDate, type Locale } from '../i18n/locale';
import { TEXTS } from '../i18n/texts';

const HISTORY_SHOWN = 12;

export function caseDetailsCard(d: CaseDetails, m: MunicipalityContext, locale: Locale): CardJson {
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
      return {
        label: t.measureTypes[measure.measure_type],
        text: next ? `${period} · ${t.followUps.next}: ${formatDate(next.due, locale)}` : period,
      };
    }),
    history: d.history.slice(0, HISTORY_SHOWN).map((h) => ({
      date: formatDate(h.heldOn, locale),
      text: `${t.measureTypes[h.measureType]}${h.childConversation ? ` · ${t.followUps.childConversation}` : ''}`,
    })),
  });
}
