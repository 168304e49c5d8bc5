/** What an admin reads in `samspil report outbox`: each message's state and kind in words. */
import type { OutboxStatus } from '../store/outboxRepo';

const STATUS: Partial<Record<OutboxStatus, string>> = {
  pending: 'Venter på sendetid',
  sending: 'Sendes nu',
  waiting: 'Venter på, at modtageren åbner Samspil',
  parked: 'Opgivet efter fejl',
};

const KIND: Record<string, string> = {
  'followup.upcoming': 'Opfølgning nærmer sig',
  'followup.due': 'Opfølgning forfalder i dag',
  'followup.overdue': 'Opfølgning er overskredet',
  'followup.escalation': 'Overskredet opfølgning (til leder)',
  'followup.digest': 'Dagligt overblik',
  'meeting.invitation': 'Mødeinvitation',
  'meeting.update': 'Mødet er ændret',
  'meeting.replace': 'Mødet er ændret',
  'meeting.cancellation': 'Mødet er aflyst',
  'meeting.reminder': 'Påmindelse om møde',
  'meeting.channel': 'Mødeoversigt i teamets kanal',
  'meeting.overview': 'Mødeoversigt til leder',
  'meeting.frequency': 'Advarsel om mødefrekvens',
  'minutes.request': 'Anmodning om referat',
  'questionnaire.first': 'Statusskema',
  'questionnaire.reminder': 'Påmindelse om statusskema',
  'agreement.reminder': 'Aftale fra teammøde forfalder',
};

export function outboxStatusLabel(status: OutboxStatus): string {
  return STATUS[status] ?? status;
}

/** A kind no label covers (a new message type) is shown as it is stored rather than hidden. */
export function outboxKindLabel(kind: string): string {
  return KIND[kind] ?? kind;
}
