import { requiredReasons } from '../i18n/problems';
import type { MeasureDeadline } from '../app/deadlines';
import type { MunicipalityContext } from '../app/municipalityContext';
import type { LocalDate } from '../domain/localDate';
import type { ReminderKind } from '../domain/reminders';
import { SNOOZE_WORKING_DAYS } from '../domain/snooze';
import { encodeCadence } from '../domain/cadence';
import { cadenceChoices } from '../domain/followup';
import { Locale } from '../i18n/locale';
import { fill, TEXTS } from '../i18n/texts';
import { CardJson, renderCard } from '../cards/render';
import {
  deadlineLabel,
  dueText,
  durationText,
  shortDue,
  STATUS_COLOR,
  statusOf,
  statusText,
} from './deadlineText';

const TITLE: Record<ReminderKind, 'upcomingTitle' | 'dueTitle' | 'overdueTitle' | 'escalationTitle'> = {
  upcoming: 'upcomingTitle',
  due: 'dueTitle',
  overdue: 'overdueTitle',
  escalation: 'escalationTitle',
};

export interface ReminderCardInput {
  kind: ReminderKind;
  deadline: MeasureDeadline;
  municipality: MunicipalityContext;
  locale: Locale;
  today: LocalDate;
  /**
   * The case's adviser, when the reader is someone else: the leader, on an escalation or acting for
   * an absent adviser. The card then says for whom its actions are, and offers no snooze.
   */
  adviserName?: string;
}

/**
 * The one card of a deadline's actions: register, postpone, snooze and open the case. Reminders,
 * escalations, the digest, `mine opfølgninger` and the case card all reach a deadline's actions
 * through it, so they cannot differ.
 */
export function reminderCard(i: ReminderCardInput): CardJson {
  const t = TEXTS[i.locale].followUps;
  const d = i.deadline;
  const cadences = cadenceChoices(d, i.municipality.policy);
  return renderCard('followup-reminder', {
    t,
    req: requiredReasons(i.locale),
    title: t[TITLE[i.kind]],
    color: i.kind === 'upcoming' ? 'Accent' : 'Attention',
    caseRef: d.caseRef,
    caseId: d.caseId,
    childInitials: d.childInitials ?? '',
    measureLabel: deadlineLabel(d, i.locale),
    dueText: dueText(d.due, i.locale),
    legalDueText: d.legalDue && d.legalDue !== d.due ? dueText(d.legalDue, i.locale) : '',
    adviserName: i.adviserName ?? '',
    actingForText: i.adviserName ? fill(t.actingFor, { name: i.adviserName }) : '',
    statusText: statusText(d.due, i.today, i.locale),
    actionable: d.kind === 'followup',
    // Only the adviser's own reminders can be snoozed; the leader's escalation cannot.
    snoozable: i.kind !== 'escalation' && !i.adviserName,
    snoozeChoices: SNOOZE_WORKING_DAYS.map((n) => ({ title: t.snoozeOptions[n], value: String(n) })),
    measureId: d.measureId,
    due: d.due,
    deadlineKind: d.kind,
    reminderKind: i.kind,
    isFirst: d.first && d.kind === 'followup',
    cadenceChoices: cadences.choices.map((c) => ({
      title: durationText(c, i.locale),
      value: encodeCadence(c),
    })),
    cadenceDefault: cadences.suggested ? encodeCadence(cadences.suggested) : '',
    cadenceReasonDefault: '',
    ladderChoices: i.municipality.ladder.steps.map((s) => ({
      title: `${s.step}. ${s.label[i.locale]}`,
      value: String(s.step),
    })),
  });
}

export interface ResultLine {
  text: string;
}

export function resultCard(
  locale: Locale,
  d: Pick<MeasureDeadline, 'caseRef' | 'caseId'> & { measureLabel: string },
  title: string,
  lines: string[],
  color = 'Accent',
): CardJson {
  return renderCard('followup-result', {
    t: TEXTS[locale].followUps,
    title,
    color,
    caseRef: d.caseRef,
    caseId: d.caseId,
    measureLabel: d.measureLabel,
    lines: lines.map((text) => ({ text })),
  });
}

/** Rows a list card holds: each carries its deadline's button, and a card stays under Teams' 40 KB. */
const LIST_LIMIT = 20;

/**
 * The adviser's deadlines, overdue first (they are sorted by due date, so they already are), each
 * with the button to its action card: `mine opfølgninger` and the daily digest.
 */
export function followUpListCard(
  deadlines: MeasureDeadline[],
  locale: Locale,
  today: LocalDate,
  title?: string,
): CardJson {
  const t = TEXTS[locale].followUps;
  const shown = deadlines.slice(0, LIST_LIMIT);
  return renderCard('followup-list', {
    title: title ?? t.listTitle,
    emptyText: t.empty,
    items: shown.map((d) => ({
      caseId: d.caseId,
      measureId: d.measureId,
      // A legal deadline cannot be registered or postponed here, only its reminder snoozed.
      actText: d.kind === 'followup' ? t.actOn : t.snooze,
      caseRef: d.caseRef,
      child: d.childInitials ? `(${d.childInitials})` : '',
      label: deadlineLabel(d, locale),
      dueText: shortDue(d.due, locale),
      statusText: statusText(d.due, today, locale),
      color: STATUS_COLOR[statusOf(d.due, today)],
    })),
    moreText:
      deadlines.length > LIST_LIMIT
        ? fill(locale === 'da' ? '… og {n} mere' : '… and {n} more', { n: deadlines.length - LIST_LIMIT })
        : '',
  });
}
