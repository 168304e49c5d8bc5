import { ReportDefinition } from './report';
import { localDateOf, localTimeOf } from '../domain/calendar';
import { formatShortDate } from '../i18n/locale';
import { outboxKindLabel, outboxStatusLabel } from '../i18n/outboxLabels';

/** Messages not (yet) delivered: what an admin checks when someone says a reminder never came. */
export const outbox: ReportDefinition = {
  name: 'outbox',
  description:
    'Undelivered messages: waiting for the recipient to open Samspil, pending, being sent, and parked after failures',
  async run({ tenant, municipality }) {
    const tz = municipality.settings.timeZone;
    const rows = [
      ...(await tenant.outbox.list('parked')),
      ...(await tenant.outbox.list('waiting')),
      ...(await tenant.outbox.list('sending')),
      ...(await tenant.outbox.list('pending')),
    ];
    const staff = new Map((await tenant.staff.list()).map((s) => [s.id, s.email]));
    return {
      title: 'Udbakke: ikke-leverede beskeder',
      columns: [
        { key: 'status', label: 'Status' },
        { key: 'kind', label: 'Type' },
        { key: 'recipient', label: 'Modtager' },
        { key: 'not_before', label: 'Tidligst' },
        { key: 'attempts', label: 'Forsøg' },
        { key: 'last_error', label: 'Seneste fejl' },
      ],
      rows: rows.map((r) => ({
        status: outboxStatusLabel(r.status),
        kind: outboxKindLabel(r.kind),
        recipient: (r.recipient_staff_id && staff.get(r.recipient_staff_id)) || r.conversation_id,
        not_before: `${formatShortDate(localDateOf(r.not_before, tz), 'da')} kl. ${localTimeOf(r.not_before, tz)}`,
        attempts: r.attempts,
        // Waiting is no failure: the status says why; the connector's own words stay for real errors.
        last_error: r.status === 'waiting' ? null : r.last_error,
      })),
      summary: {
        parked: rows.filter((r) => r.status === 'parked').length,
        waiting: rows.filter((r) => r.status === 'waiting').length,
        pending: rows.filter((r) => r.status === 'pending').length,
        sending: rows.filter((r) => r.status === 'sending').length,
      },
    };
  },
};
