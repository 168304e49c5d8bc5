/**
 * What happens after a meeting: the meeting is marked held, each attendee gets
 * the questionnaire (and one reminder), the coordinator is asked for the SoS minutes of a child
 * meeting, and each agreement is reminded to its owner on its due date. Everything goes through
 * the outbox under unique keys, so a pass run twice or on two instances plans nothing twice.
 */
import type { MunicipalityContext } from '../app/municipalityContext';
import { currentForm } from '../app/questionnaireForms';
import { meetingSummary, timingOf } from '../app/questionnaires';
import { cardActivity } from '../cards/render';
import { localDateOf } from '../domain/calendar';
import { addDays } from '../domain/localDate';
import { agreementReminderDate, AGREEMENT_REMINDER_GRACE_DAYS } from '../domain/meetings/agreementReminder';
import {
  attended,
  questionnaireClosesAt,
  questionnaireDueAt,
  shouldRemind,
} from '../domain/questionnaires/schedule';
import { AFTER_MEETING_TEXTS } from '../i18n/afterMeetingTexts';
import { localeFrom } from '../i18n/locale';
import type { MeetingRow } from '../store/meetingsRepo';
import type { Store, TenantStore } from '../store/store';
import type { StaffRow } from '../store/types';
import { agreementCard, minutesCardExtras, minutesFormCard } from '../views/minutesCards';
import { minutesExtras } from '../app/minutes';
import type { ParentLinks } from '../app/parentLinks';
import { questionnaireCard, type MeetingSummary } from '../views/questionnaireCards';
import type { PassOptions, PassResult, PlanningPass } from './passes';
import { outboxKeys } from '../outbox/keys';
import { PassPlanner } from './passKit';

const DAY_MS = 24 * 60 * 60_000;

async function activeStaff(t: TenantStore): Promise<Map<string, StaffRow>> {
  return new Map((await t.staff.list()).filter((s) => s.active).map((s) => [s.id, s]));
}

/** Marks ended meetings held, sends each attendee the questionnaire, and reminds once. */
export const questionnairePass: PlanningPass = async (store, m, now, opts) => {
  const p = PassPlanner.for(store, m, now);
  const { t } = p;
  const timing = timingOf(m);
  // Ended, past the delay, and not yet closed.
  const meetings = await t.meetings.endedBetween(
    new Date(now.getTime() - timing.closesAfterDays * DAY_MS),
    new Date(now.getTime() - timing.delayMinutes * 60_000),
  );
  if (meetings.length === 0) return p.result;
  const staff = await activeStaff(t);
  for (const meeting of meetings) {
    if (
      now < questionnaireDueAt(meeting.ends_at, timing) ||
      now >= questionnaireClosesAt(meeting.ends_at, timing)
    )
      continue;
    await planAfterMeeting(p, meeting, staff, opts?.parentLinks);
  }
  return p.result;
};

/**
 * Teams said the meeting has ended (its `meetingEnd` event, docs/graph.md): the questionnaire and
 * the minutes request go out now instead of at the scheduled end plus the delay. Whichever comes
 * first plans them; the other finds their keys taken and plans nothing, so each goes out once.
 */
export async function planAtMeetingEnd(
  store: Store,
  m: MunicipalityContext,
  meeting: MeetingRow,
  now: Date,
  opts?: PassOptions,
): Promise<PassResult> {
  const p = PassPlanner.for(store, m, now);
  if (meeting.status === 'cancelled' || now >= questionnaireClosesAt(meeting.ends_at, timingOf(m)))
    return p.result;
  await planAfterMeeting(p, meeting, await activeStaff(p.t), opts?.parentLinks);
  return p.result;
}

/** The meeting is held: each attendee gets the questionnaire (reminded once later), and a child meeting's minutes are asked for. */
async function planAfterMeeting(
  p: PassPlanner,
  meeting: MeetingRow,
  staff: Map<string, StaffRow>,
  parentLinks: ParentLinks | undefined,
): Promise<void> {
  const { t, now } = p;
  const timing = timingOf(p.m);
  await t.meetings.markHeld(meeting.id);
  const summary = await meetingSummary(t, meeting);
  const form = await currentForm(t, meeting.format);
  const closesAt = questionnaireClosesAt(meeting.ends_at, timing);
  const closesOn = localDateOf(closesAt, timing.timeZone);
  const answered = new Set(
    (await t.questionnaires.responses(meeting.id)).map((r) => r.respondent_staff_id).filter(Boolean),
  );
  for (const participant of await t.meetings.participants(meeting.id)) {
    const s = staff.get(participant.staff_id);
    if (!s || !attended(participant)) continue;
    const locale = localeFrom(s.locale);
    const card = (mode: 'first' | 'reminder') =>
      cardActivity(
        questionnaireCard({ form, meeting: summary, locale, closesOn, mode, profession: s.profession }),
        AFTER_MEETING_TEXTS[locale].questionnaire.summary,
      );
    const fresh = await p.enqueue(
      outboxKeys.questionnaire(meeting.id, s.id),
      'questionnaire.first',
      { staffId: s.id },
      { activity: card('first') },
      now,
      closesAt,
    );
    // Not in the same pass as the first: a scheduler that was down must not send both at once.
    if (!fresh && shouldRemind(meeting.ends_at, now, answered.has(s.id), timing)) {
      await p.enqueue(
        outboxKeys.questionnaireReminder(meeting.id, s.id),
        'questionnaire.reminder',
        { staffId: s.id },
        { activity: card('reminder') },
        now,
        closesAt,
      );
    }
  }
  if (meeting.format === 'child') await requestMinutes(p, meeting, summary, staff, parentLinks);
}

/** The meeting's organiser, else its team's coordinators, are asked for the SoS minutes. */
async function requestMinutes(
  p: PassPlanner,
  meeting: MeetingRow,
  summary: MeetingSummary,
  staff: Map<string, StaffRow>,
  parentLinks: ParentLinks | undefined,
) {
  if (await p.t.minutes.get(meeting.id)) return;
  const extras = await minutesCardExtras(await minutesExtras(p.t, p.m, meeting, parentLinks));
  const organiser = meeting.organizer_staff_id ? staff.get(meeting.organizer_staff_id) : undefined;
  const recipients = organiser
    ? [organiser]
    : (await p.t.teams.members(meeting.team_id))
        .filter((mm) => mm.is_coordinator)
        .map((mm) => staff.get(mm.staff_id))
        .filter((s): s is StaffRow => s !== undefined);
  const participants = (await p.t.meetings.participants(meeting.id)).map((x) => ({
    id: x.staff_id,
    name: x.name,
    present: attended(x),
  }));
  for (const r of recipients) {
    const locale = localeFrom(r.locale);
    const card = minutesFormCard({
      meeting: summary,
      purpose: meeting.purpose ?? '',
      participants,
      locale,
      request: true,
      extras,
    });
    await p.enqueue(
      outboxKeys.minutesRequest(meeting.id, r.id),
      'minutes.request',
      { staffId: r.id },
      { activity: cardActivity(card, AFTER_MEETING_TEXTS[locale].minutes.requestTitle) },
    );
  }
}

/** Each open SoS agreement is reminded to its owner on its due date (the working day before if closed). */
export const agreementPass: PlanningPass = async (store: Store, m: MunicipalityContext, now: Date) => {
  const p = PassPlanner.for(store, m, now);
  const { t, today } = p;
  // A reminder day is at most a long holiday before the due date (Easter: 5 days).
  const due = await t.minutes.openAgreementsDue(
    addDays(today, -AGREEMENT_REMINDER_GRACE_DAYS),
    addDays(today, 10),
  );
  if (due.length === 0) return p.result;
  const staff = await activeStaff(t);
  const summaries = new Map<string, MeetingSummary>();
  for (const a of due) {
    if (agreementReminderDate(a.due) > today) continue;
    const owner = a.owner_staff_id ? staff.get(a.owner_staff_id) : undefined;
    if (!owner) continue;
    let summary = summaries.get(a.meeting_id);
    if (!summary) {
      const meeting = await t.meetings.get(a.meeting_id);
      if (!meeting) continue;
      summary = await meetingSummary(t, meeting);
      summaries.set(a.meeting_id, summary);
    }
    const locale = localeFrom(owner.locale);
    const card = agreementCard({ agreement: a, meeting: summary, locale });
    await p.enqueue(
      outboxKeys.agreement(a.id, a.due),
      'agreement.reminder',
      { staffId: owner.id },
      { activity: cardActivity(card, AFTER_MEETING_TEXTS[locale].agreement.reminderTitle) },
    );
  }
  return p.result;
};

export const AFTER_MEETING_PASSES: PlanningPass[] = [questionnairePass, agreementPass];
