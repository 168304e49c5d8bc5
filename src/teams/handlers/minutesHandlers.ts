import {
  completeAgreement,
  meetingsLackingMinutes,
  minutesAccess,
  minutesExtras,
  saveMinutes,
} from '../../app/minutes';
import {
  cardMessage,
  note,
  opened,
  refusalText,
  refusedForm,
  replace,
  type CardReply,
  type Message,
} from '../cardReply';
import { meetingSummary } from '../../app/questionnaires';
import { localDateOf } from '../../domain/calendar';
import { AFTER_MEETING_TEXTS } from '../../i18n/afterMeetingTexts';
import type { MeetingRow } from '../../store/meetingsRepo';
import { attended } from '../../domain/questionnaires/schedule';
import {
  agreementCard,
  minutesCardExtras,
  minutesFormCard,
  minutesListCard,
  minutesSavedCard,
} from '../../views/minutesCards';
import { HandlerDeps, KnownCaller, today } from './deps';

/** Minutes record the actor ('staff:<e-mail>'); the card shows the person's name. */
async function recorderName(caller: KnownCaller, actor: string): Promise<string> {
  const email = actor.replace(/^staff:/, '');
  return (await caller.tenant.staff.byEmail(email))?.name ?? email;
}

/** The parents' link (as a QR code) and the last meeting's agreements a role owns, for both minutes cards. */
async function extrasOf(deps: HandlerDeps, caller: KnownCaller, meeting: MeetingRow) {
  return minutesCardExtras(
    await minutesExtras(caller.tenant, caller.municipality, meeting, deps.parentLinks),
  );
}

async function savedCard(deps: HandlerDeps, caller: KnownCaller, meeting: MeetingRow, already: boolean) {
  const t = caller.tenant;
  const minutes = await t.minutes.get(meeting.id);
  const next = minutes?.next_meeting_id ? await t.meetings.get(minutes.next_meeting_id) : null;
  return minutesSavedCard({
    meeting: await meetingSummary(t, meeting),
    locale: caller.locale,
    purpose: meeting.purpose ?? '',
    resources: minutes?.resources ?? '',
    challenges: minutes?.challenges ?? '',
    goals: minutes?.goals ?? '',
    agreements: await t.minutes.agreements(meeting.id),
    childRulerLevel: minutes?.child_ruler_level ?? null,
    next: next ? { date: next.date, startTime: next.start_time } : null,
    recordedBy: await recorderName(caller, minutes?.recorded_by ?? ''),
    recordedOn: minutes
      ? localDateOf(minutes.recorded_at, caller.municipality.settings.timeZone)
      : meeting.date,
    already,
    extras: await extrasOf(deps, caller, meeting),
  });
}

/** The minutes form of a meeting, as it is sent: to show a refused save on it again. */
async function minutesForm(deps: HandlerDeps, caller: KnownCaller, meeting: MeetingRow) {
  const participants = (await caller.tenant.meetings.participants(meeting.id)).map((p) => ({
    id: p.staff_id,
    name: p.name,
    present: attended(p),
  }));
  return minutesFormCard({
    meeting: await meetingSummary(caller.tenant, meeting),
    purpose: meeting.purpose ?? '',
    participants,
    locale: caller.locale,
    request: false,
    extras: await extrasOf(deps, caller, meeting),
  });
}

export async function submitMinutes(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const res = await saveMinutes(deps.store, caller.municipality, caller.staff, values, deps.clock.now());
  if (!res.ok) {
    // The action checked the card's meeting id before it could refuse the inputs or find it spent.
    const aboutCard = res.stale || res.problems.some((p) => p.field);
    const meeting = aboutCard ? await caller.tenant.meetings.get(String(values.meetingId ?? '')) : null;
    // Saved before: the spent card shows the minutes that were saved, titled as already saved.
    if (res.stale && meeting) return replace(await savedCard(deps, caller, meeting, true));
    if (!meeting) return note(refusalText(res, caller.locale));
    return refusedForm(await minutesForm(deps, caller, meeting), values, res.problems, caller.locale);
  }
  const saved = res.value;
  const minutes = saved.minutes;
  return replace(
    minutesSavedCard({
      meeting: await meetingSummary(caller.tenant, saved.meeting),
      locale: caller.locale,
      purpose: String(values.purpose ?? '') || (saved.meeting.purpose ?? ''),
      resources: minutes.resources,
      challenges: minutes.challenges,
      goals: minutes.goals,
      agreements: saved.agreements,
      childRulerLevel: minutes.child_ruler_level,
      next: saved.nextMeeting
        ? { date: saved.nextMeeting.date, startTime: saved.nextMeeting.start_time }
        : null,
      recordedBy: caller.staff.name,
      recordedOn: today(deps, caller),
      extras: await extrasOf(deps, caller, saved.meeting),
    }),
  );
}

/** Opens the minutes of a meeting below the list: the form if none are written yet, else the saved minutes. */
export async function openMinutes(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const res = await minutesAccess(deps.store, caller.municipality, caller.staff, values.meetingId);
  if (!res.ok) return note(refusalText(res, caller.locale));
  const meeting = res.value;
  if (await caller.tenant.minutes.get(meeting.id))
    return opened(await savedCard(deps, caller, meeting, false), caller.locale);
  return opened(await minutesForm(deps, caller, meeting), caller.locale);
}

/** The owner marks an agreement done; the reminder is updated in place, a second press changes nothing. */
export async function markAgreementDone(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const t = AFTER_MEETING_TEXTS[caller.locale].agreement;
  const res = await completeAgreement(caller.tenant, caller.staff, values.agreementId, today(deps, caller));
  if (!res.ok) return note(refusalText(res, caller.locale));
  const { agreement, meeting, fresh } = res.value;
  return replace(
    agreementCard({
      agreement,
      meeting: await meetingSummary(caller.tenant, meeting),
      locale: caller.locale,
      note: fresh ? undefined : t.alreadyDone,
    }),
  );
}

/** `referat` / `minutes`: the caller's child meetings that still lack minutes, each with a button. */
export async function listMeetingsLackingMinutes(deps: HandlerDeps, caller: KnownCaller): Promise<Message[]> {
  const meetings = await meetingsLackingMinutes(
    deps.store,
    caller.municipality,
    caller.staff,
    deps.clock.now(),
  );
  const summaries = await Promise.all(meetings.map((m) => meetingSummary(caller.tenant, m)));
  return [
    cardMessage(
      minutesListCard(summaries, caller.locale),
      AFTER_MEETING_TEXTS[caller.locale].minutes.listTitle,
    ),
  ];
}
