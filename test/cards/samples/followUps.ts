import { settingsCard } from '../../../src/views/settingsCard';
import type { StaffRow } from '../../../src/store/types';
import { renderCard, CardJson } from '../../../src/cards/render';
import { TEXTS } from '../../../src/i18n/texts';
import { Locale } from '../../../src/i18n/locale';
import { followUpListCard, reminderCard, resultCard } from '../../../src/views/followUpCards';
import { escalationSummaryCard } from '../../../src/views/escalationSummaryCard';
import { unitOverviewCard } from '../../../src/views/unitOverviewCard';
import { MeasureDeadline } from '../../../src/app/deadlines';
import { resolveMunicipality } from '../../../src/app/municipalityContext';
import { defaultSettings } from '../../../src/domain/municipality';
import { ReminderKind } from '../../../src/domain/reminders';

import type { CardSamples } from './index';

export const municipality = resolveMunicipality({
  id: 'x',
  name: 'X',
  tenant_id: null,
  settings: defaultSettings('herning'),
});
export const deadline = (over: Partial<MeasureDeadline> = {}): MeasureDeadline => ({
  kind: 'followup',
  measureId: '4d41bfd7-4375-494c-8e4d-461938eeb2ca',
  caseId: 'a3b04d34-f328-4dea-b286-6e4d9256556b',
  caseRef: 'FJ-0001',
  due: '2026-11-30',
  adviserId: 'a',
  leaderId: 'l',
  measureType: 'foster_care',
  childInitials: 'AB',
  legalDue: '2027-02-02',
  first: true,
  ...over,
});

/** Every card the bot can send, in both languages, built the way the bot builds it. */
function followUpCards(locale: Locale): [string, CardJson][] {
  const t = TEXTS[locale];
  const kinds: ReminderKind[] = ['upcoming', 'due', 'overdue', 'escalation'];
  const cards: [string, CardJson][] = [];
  for (const kind of kinds) {
    for (const d of [
      deadline(),
      deadline({ first: false, legalDue: null }),
      deadline({ kind: 'investigation', measureType: 'investigation' }),
      deadline({ kind: 'early_help_end', measureType: 'early_help', childInitials: null }),
    ]) {
      cards.push([
        `reminder ${kind} ${d.kind} first=${d.first}`,
        reminderCard({
          kind,
          deadline: d,
          municipality,
          locale,
          today: '2026-11-25',
          adviserName: 'Anna',
        }),
      ]);
    }
  }
  cards.push([
    'result',
    resultCard(locale, { caseRef: 'FJ-1', caseId: 'c', measureLabel: 'x' }, t.followUps.registeredTitle, [
      'a',
      'b',
    ]),
  ]);
  cards.push(['list', followUpListCard([deadline(), deadline({ due: '2026-11-20' })], locale, '2026-11-25')]);
  cards.push(['list empty', followUpListCard([], locale, '2026-11-25')]);
  cards.push([
    'list long',
    followUpListCard(
      Array.from({ length: 45 }, (_, i) => deadline({ caseRef: `FJ-${i}` })),
      locale,
      '2026-11-25',
    ),
  ]);
  cards.push(['digest', followUpListCard([deadline()], locale, '2026-11-25', t.followUps.digestTitle)]);
  cards.push([
    'escalation summary',
    escalationSummaryCard({
      deadlines: [deadline({ due: '2026-11-16' }), deadline({ caseRef: 'FJ-0002', due: '2026-11-10' })],
      adviserNames: new Map([['a', 'Anna Rådgiver']]),
      locale,
      today: '2026-11-25',
    }),
  ]);
  cards.push([
    'escalation summary, all met',
    escalationSummaryCard({ deadlines: [], adviserNames: new Map(), locale, today: '2026-11-25' }),
  ]);
  cards.push([
    'unit overview',
    unitOverviewCard(
      [
        {
          adviserId: 'a',
          adviserName: 'Anna Rådgiver',
          overdue: [deadline({ due: '2026-11-16' })],
          coming: [deadline({ due: '2026-12-01' })],
        },
        { adviserId: 'b', adviserName: 'Bo Rådgiver', overdue: [], coming: [] },
      ],
      locale,
      '2026-11-25',
    ),
  ]);
  cards.push(['unit overview, no advisers', unitOverviewCard([], locale, '2026-11-25')]);
  cards.push(['help', renderCard('help', { t: t.help })]);
  cards.push([
    'unknown user',
    renderCard('unknown-user', { t: t.unknownUser, contacts: 'Admin (admin@x.example)' }),
  ]);
  cards.push(['unknown user, no admin', renderCard('unknown-user', { t: t.unknownUser, contacts: '' })]);
  cards.push(['notice', renderCard('notice', { title: 'x', color: 'Accent', lines: [{ text: 'y' }] })]);
  cards.push([
    'settings',
    settingsCard(
      { reminder_mode: 'single', working_start: '08:00', working_end: '16:00' } as StaffRow,
      municipality,
      locale,
    ),
  ]);
  cards.push([
    'case details',
    renderCard('case-details', {
      t: t.followUps,
      caseRef: 'FJ-1',
      child: 'AB',
      adviser: 'Anna',
      ladderLabel: 'Indsatstrappen',
      ladderText: '2. Hjemmebaserede indsatser',
      measures: [
        { label: 'x', text: 'y', measureId: deadline().measureId, actText: t.followUps.actOn },
        { label: 'z', text: 'w', measureId: 'm2', actText: '' },
      ],
      history: [],
    }),
  ]);
  return cards;
}

export const followUpSamples: CardSamples = {
  templates: [
    'followup-reminder',
    'followup-result',
    'followup-list',
    'help',
    'unknown-user',
    'notice',
    'settings',
    'case-details',
    'escalation-summary',
    'unit-overview',
  ],
  cards: followUpCards,
};
