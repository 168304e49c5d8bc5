import { requiredReasons } from '../i18n/problems';
import type { CardJson } from '../cards/render';
import { renderCard } from '../cards/render';
import { AFTER_MEETING_TEXTS } from '../i18n/afterMeetingTexts';
import { formatDate, type Locale } from '../i18n/locale';
import { fill } from '../i18n/texts';
import { CHILD_RULER_LEVELS, isChildRulerLevel, childRulerLevel } from '../domain/childRuler';
import { CHILD_RULER_LABELS } from '../i18n/labels';
import type { LocalDate } from '../domain/localDate';
import { AGREEMENT_ROWS } from '../app/minutes';
import { meetingFacts, type MeetingSummary } from './questionnaireCards';
import { qrDataUri } from './qrCode';
import { roleOwnerId } from '../domain/meetings/minutes';

export interface MinutesFormInput {
  meeting: MeetingSummary;
  purpose: string;
  /** `present`: counted as attended now (RSVP yes or marked present); the coordinator may correct it. */
  participants: { id: string; name: string; present: boolean }[];
  locale: Locale;
  /** The request the coordinator gets when the meeting ends, or the form opened on demand. */
  request: boolean;
  extras?: MinutesCardExtras;
}

/** The parents' link with its QR code, and the last meeting's agreements owned by a role. */
export interface MinutesCardExtras {
  parentLink: { url: string; qr: string; closesOn: LocalDate } | null;
  followUps: AgreementLine[];
}

type AgreementLine = {
  text: string;
  owner_name: string | null;
  owner_role: string | null;
  due: LocalDate;
};

/** The extras with the link drawn as a QR code (the app layer gives the link, the view draws it). */
export async function minutesCardExtras(e: {
  followUps: AgreementLine[];
  parentLink: { url: string; closesOn: LocalDate } | null;
}): Promise<MinutesCardExtras> {
  return {
    followUps: e.followUps,
    parentLink: e.parentLink && { ...e.parentLink, qr: await qrDataUri(e.parentLink.url) },
  };
}

/** Who owns an agreement, in words: the staff member's name, or the role (a parent, the family). */
function ownerText(a: AgreementLine, locale: Locale): string {
  if (a.owner_name) return a.owner_name;
  const role = a.owner_role ?? '';
  const t = AFTER_MEETING_TEXTS[locale].minutes;
  return `${t.roles[role] ?? role} (${t.noReminder})`;
}

function agreementLines(agreements: AgreementLine[], locale: Locale) {
  const t = AFTER_MEETING_TEXTS[locale].minutes;
  return agreements.map((a) => ({
    text: `• ${a.text} — ${ownerText(a, locale)}, ${t.due.toLowerCase()} ${formatDate(a.due, locale)}`,
  }));
}

/** The template data both minutes cards share: the parents' link and the agreements to follow up. */
function extrasData(e: MinutesCardExtras | undefined, locale: Locale) {
  const t = AFTER_MEETING_TEXTS[locale].minutes;
  const link = e?.parentLink ?? null;
  return {
    parentLink: link
      ? {
          title: t.parentLinkTitle,
          body: fill(t.parentLinkBody, { date: formatDate(link.closesOn, locale) }),
          qr: link.qr,
          alt: t.parentLinkAlt,
          url: link.url,
        }
      : null,
    followUps: agreementLines(e?.followUps ?? [], locale),
    followUpTitle: t.followUpTitle,
    followUpIntro: t.followUpIntro,
  };
}

/** The SoS minutes card: four fields in SoS order, a fixed number of agreement rows, the next meeting. */
export function minutesFormCard(i: MinutesFormInput): CardJson {
  const t = AFTER_MEETING_TEXTS[i.locale].minutes;
  const rows = Array.from({ length: AGREEMENT_ROWS }, (_, k) => ({
    label: fill(t.agreementNo, { n: k + 1 }),
    textId: `a${k + 1}Text`,
    ownerId: `a${k + 1}Owner`,
    dueId: `a${k + 1}Due`,
  }));
  return renderCard('minutes-form', {
    t,
    req: requiredReasons(i.locale),
    title: i.request ? t.requestTitle : t.formTitle,
    intro: i.request ? t.requestIntro : '',
    facts: [
      ...meetingFacts(i.meeting, i.locale),
      { title: t.participants, value: i.participants.map((p) => p.name).join(', ') },
    ],
    purpose: i.purpose,
    rows,
    ownerChoices: [
      ...i.participants.map((p) => ({ title: p.name, value: p.id })),
      { title: t.ownerParent, value: roleOwnerId('parent') },
      { title: t.ownerFamily, value: roleOwnerId('family') },
    ],
    presentChoices: i.participants.map((p) => ({ title: p.name, value: p.id })),
    ...extrasData(i.extras, i.locale),
    presentValue: i.participants
      .filter((p) => p.present)
      .map((p) => p.id)
      .join(','),
    meetingDate: i.meeting.date,
    levelChoices: CHILD_RULER_LEVELS.map((l) => ({
      title: CHILD_RULER_LABELS[l.id].label[i.locale],
      value: l.id,
    })),
    meetingId: i.meeting.id,
  });
}

export interface MinutesSavedInput {
  meeting: MeetingSummary;
  locale: Locale;
  purpose: string;
  resources: string;
  challenges: string;
  goals: string;
  agreements: AgreementLine[];
  childRulerLevel: string | null;
  next: { date: LocalDate; startTime: string } | null;
  recordedBy: string;
  recordedOn: LocalDate;
  /** Shown when a second save found minutes already stored. */
  already?: boolean;
  extras?: MinutesCardExtras;
}

export function minutesSavedCard(i: MinutesSavedInput): CardJson {
  const t = AFTER_MEETING_TEXTS[i.locale].minutes;
  const level =
    i.childRulerLevel && isChildRulerLevel(i.childRulerLevel)
      ? CHILD_RULER_LABELS[childRulerLevel(i.childRulerLevel).id].label[i.locale]
      : t.notSet;
  const lines = [{ text: fill(t.savedBy, { name: i.recordedBy, date: formatDate(i.recordedOn, i.locale) }) }];
  if (i.next) {
    lines.push({
      text: fill(t.nextCreated, { date: formatDate(i.next.date, i.locale), time: i.next.startTime }),
    });
  }
  if (i.already) lines.unshift({ text: t.alreadyBody });
  return renderCard('minutes-saved', {
    t,
    title: i.already ? t.alreadyTitle : t.savedTitle,
    color: 'Accent',
    facts: [
      ...meetingFacts(i.meeting, i.locale),
      { title: t.purpose, value: i.purpose },
      { title: t.childRuler, value: level },
    ],
    sections: [
      { title: t.resources, text: i.resources || '–' },
      { title: t.challenges, text: i.challenges || '–' },
      { title: t.goals, text: i.goals || '–' },
    ],
    agreements: agreementLines(i.agreements, i.locale),
    lines,
    ...extrasData(i.extras, i.locale),
    meetingId: i.meeting.id,
  });
}

export interface AgreementCardInput {
  agreement: { id: string; text: string; due: LocalDate; done_on: LocalDate | null };
  meeting: MeetingSummary;
  locale: Locale;
  /** A line under the card, e.g. "already marked done". */
  note?: string;
}

/** The reminder to an agreement's owner; once done, the same card without the button. */
export function agreementCard(i: AgreementCardInput): CardJson {
  const t = AFTER_MEETING_TEXTS[i.locale].agreement;
  const done = i.agreement.done_on !== null;
  const lines = [];
  if (done) lines.push({ text: fill(t.doneBy, { date: formatDate(i.agreement.done_on!, i.locale) }) });
  if (i.note) lines.push({ text: i.note });
  return renderCard('agreement-reminder', {
    title: done ? t.doneTitle : t.reminderTitle,
    color: 'Accent',
    text: i.agreement.text,
    facts: [
      { title: t.due, value: formatDate(i.agreement.due, i.locale) },
      ...meetingFacts(i.meeting, i.locale),
    ],
    lines,
    actionable: !done,
    doneLabel: t.done,
    agreementId: i.agreement.id,
  });
}

/** The coordinator's child meetings that still lack minutes, newest first. */
export function minutesListCard(meetings: MeetingSummary[], locale: Locale): CardJson {
  const t = AFTER_MEETING_TEXTS[locale].minutes;
  return renderCard('minutes-list', {
    title: t.listTitle,
    emptyText: t.none,
    open: t.open,
    items: meetings.map((m) => ({
      meetingId: m.id,
      text: `${formatDate(m.date, locale)} ${m.startTime} · ${m.teamName} · ${m.childReference ?? ''}`,
    })),
  });
}
