import type { Deadline, PlannedReminder } from '../domain/reminders';
import type { LocalDate } from '../domain/localDate';

/**
 * The identity of an outbox message (docs/outbox.md "Keys"):
 * - `key` is unique per municipality: planning the same message twice, on any instance, is a no-op;
 * - `subject` is what the message is about (a deadline, a meeting): cancellation and supersession
 *   match it exactly, never by a pattern;
 * - `version` orders messages about one subject to one recipient: a newer version supersedes an
 *   older one that is not sent yet (a moved meeting's invitation, today's digest).
 * This module is the only place keys are spelled.
 */
export interface OutboxKey {
  key: string;
  subject: string;
  version: number;
}

/** Key parts are ids and dates; a ':' or '%' inside one is escaped so parts can never run together. */
const part = (value: string | number): string =>
  String(value).replace(/[%:]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const join = (...parts: (string | number)[]): string => parts.map(part).join(':');

/** A day as a number that grows with time (2026-11-27 → 20261127). */
const dayVersion = (day: LocalDate): number => Number(day.replaceAll('-', ''));

/** What every message about one deadline shares: registration, postponement and snooze match it. */
export function deadlineSubject(d: Pick<Deadline, 'kind' | 'measureId' | 'due'>): string {
  return join(d.kind, d.measureId, d.due);
}

export const outboxKeys = {
  /**
   * A follow-up reminder: unique per recipient, deadline and kind (advance reminders per threshold,
   * the overdue nag once a day). A later day's reminder about the deadline supersedes an unsent one.
   */
  reminder(r: PlannedReminder, today: LocalDate): OutboxKey {
    const subject = deadlineSubject(r.deadline);
    const step =
      r.kind === 'upcoming'
        ? [`upcoming-${r.workingDays}`]
        : r.kind === 'overdue'
          ? ['overdue', today]
          : [r.kind];
    return { key: `${subject}:${join(...step, r.recipientId)}`, subject, version: dayVersion(today) };
  },

  /** One digest a day; today's gives way to no older one and replaces any still unsent. */
  digest(staffId: string, today: LocalDate): OutboxKey {
    return {
      key: join('digest', staffId, today),
      subject: join('digest', staffId),
      version: dayVersion(today),
    };
  },

  /**
   * A leader's escalation summary for one working day. The subject is the leader's day, so a newer
   * version (the set of overdue deadlines changed: `contents` names it) supersedes an unsent one, or
   * replaces the sent card in place; the same set planned again is a no-op. `at` orders versions.
   */
  escalationSummary(leaderId: string, today: LocalDate, contents: string, at: Date): OutboxKey {
    return {
      key: join('escalation-summary', leaderId, today, contents),
      subject: escalationSummarySubject(leaderId, today),
      version: Math.floor(at.getTime() / 60_000),
    };
  },

  /**
   * A meeting's invitation, update or cancellation for one participant at the meeting's sequence;
   * `replace` is the message that marks the participant's earlier card in place.
   */
  meetingInvitation(
    meetingId: string,
    staffId: string,
    sequence: number,
    opts: { cancelled: boolean; replace?: boolean },
  ): OutboxKey {
    const parts = [
      'meeting-invite',
      meetingId,
      staffId,
      ...(opts.cancelled ? ['cancel'] : []),
      sequence,
      ...(opts.replace ? ['replace'] : []),
    ];
    return { key: join(...parts), subject: meetingSubject(meetingId), version: sequence };
  },

  /** The working day before a meeting; a moved meeting's reminder supersedes the old date's. */
  meetingReminder(meetingId: string, staffId: string, date: LocalDate): OutboxKey {
    return {
      key: join('meeting-reminder', meetingId, staffId, date),
      subject: join('meeting-reminder', meetingId),
      version: dayVersion(date),
    };
  },

  /** A team channel's summary of a set of meeting changes (its hash names the set). */
  meetingChannel(teamId: string, changesHash: string): OutboxKey {
    return single(join('meeting-channel', teamId, changesHash));
  },

  /** A weekly frequency warning to a coordinator, or to the team's channel (`to` = 'channel'). */
  meetingFrequency(teamId: string, to: string, isoWeek: string): OutboxKey {
    return {
      key: join('meeting-frequency', teamId, to, isoWeek),
      subject: join('meeting-frequency', teamId, to),
      version: Number(isoWeek.replace('-W', '')),
    };
  },

  /** A leader's monthly overview of every team ('2027-01'). */
  meetingsOverview(leaderId: string, month: string): OutboxKey {
    return {
      key: join('meetings-overview', leaderId, month),
      subject: join('meetings-overview', leaderId),
      version: Number(month.replace('-', '')),
    };
  },

  questionnaire(meetingId: string, staffId: string): OutboxKey {
    return single(join('questionnaire', meetingId, staffId));
  },

  questionnaireReminder(meetingId: string, staffId: string): OutboxKey {
    return single(join('questionnaire-reminder', meetingId, staffId));
  },

  minutesRequest(meetingId: string, staffId: string): OutboxKey {
    return single(join('minutes-request', meetingId, staffId));
  },

  agreement(agreementId: string, due: LocalDate): OutboxKey {
    return single(join('agreement', agreementId, due));
  },
};

/** A leader's escalation summaries of one day, whose sent card a later version replaces. */
export function escalationSummarySubject(leaderId: string, today: LocalDate): string {
  return join('escalation-summary', leaderId, today);
}

/** Every message about one meeting to one participant: invitations, updates, cancellations. */
export function meetingSubject(meetingId: string): string {
  return join('meeting-invite', meetingId);
}

/** A message that nothing supersedes: its own subject. */
function single(key: string): OutboxKey {
  return { key, subject: key, version: 0 };
}
