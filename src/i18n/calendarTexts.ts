/**
 * What a meeting's Outlook event says, Danish and English. It is copied into every attendee's
 * mailbox, so it names the team and the kind of meeting and nothing about a child: no initials,
 * no case reference, no theme text a coordinator may have written about one.
 */
import type { Locale } from './locale';

const da = {
  subject: {
    theme: (team: string) => `Tværfagligt temamøde – ${team}`,
    child: (team: string) => `Tværfagligt møde – ${team}`,
  },
  body: (organiser: string) =>
    `Mødet er indkaldt af ${organiser} i Samspil. Formål, deltagere og spørgeskemaet efter mødet findes i Samspil i Teams. Du kan svare her i Outlook eller på invitationen i Samspil – svaret gælder begge steder.`,
  cancelComment: 'Mødet er aflyst i Samspil.',
};

const en: typeof da = {
  subject: {
    theme: (team: string) => `Cross-disciplinary theme meeting – ${team}`,
    child: (team: string) => `Cross-disciplinary meeting – ${team}`,
  },
  body: (organiser: string) =>
    `The meeting was called by ${organiser} in Samspil. Its purpose, participants and the questionnaire after the meeting are in Samspil in Teams. You can answer here in Outlook or on the invitation in Samspil – the answer counts in both.`,
  cancelComment: 'The meeting was cancelled in Samspil.',
};

export const CALENDAR_TEXTS: Record<Locale, typeof da> = { da, en };
