import { ReportDefinition } from './report';

/** Messages not (yet) delivered: what an admin checks when someone says a reminder never came. */
export const outbox: ReportDefinition = {
  name: 'outbox',
  description:
    'Undelivered messages: waiting for the recipient to open Samspil, pending, being sent, and parked after failures',
  async run({ tenant }) {
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
        status: r.status,
        kind: r.kind,
        recipient: (r.recipient_staff_id && staff.get(r.recipient_staff_id)) || r.conversation_id,
        not_before: r.not_before.toISOString(),
        attempts: r.attempts,
        last_error: r.last_error,
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
