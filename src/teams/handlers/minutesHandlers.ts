import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { meetingsLackingMinutes, saveMinutes } from '../../app/minutes';
import { mayManageMeeting, meetingSummary } from '../../app/questionnaires';
import { localDateOf } from '../../domain/calendar';
import { AFTER_MEETING_TEXTS } from '../../i18n/afterMeetingTexts';
import { fill } from '../../i18n/texts';
import type { MeetingRow } from '../../store/meetingsRepo';
import { attended } from '../../domain/questionnaires/schedule';
import { agreementCard, minutesFormCard, minutesListCard, minutesSavedCard } from '../../views/minutesCards';
import { HandlerDeps, KnownCaller, refuse, replaceCard, sendCard, today } from './deps';

/** SoS field names as the coordinator sees them, for "fill in or correct". */
function fieldLabel(path: (string | number)[], locale: 'da' | 'en'): string {
  const t = AFTER_MEETING_TEXTS[locale].minutes;
  const [head, index, leaf] = path;
  if (head === 'agreements' && typeof index === 'number') {
    const part = leaf === 'ownerId' ? t.owner : leaf === 'due' ? t.due : t.agreementText;
    return `${fill(t.agreementNo, { n: index + 1 })} (${part.toLowerCase()})`;
  }
  if (head === 'header') return t.purpose;
  const labels: Record<string, string> = {
    resources: t.resources,
    challenges: t.challenges,
    goals: t.goals,
    nextMeetingDate: t.nextMeeting,
    childRulerLevel: t.childRuler,
  };
  return labels[String(head)] ?? String(head);
}

/** Minutes record the actor ('staff:<e-mail>'); the card shows the person's name. */
async function recorderName(caller: KnownCaller, actor: string): Promise<string> {
  const email = actor.replace(/^staff:/, '');
  return (await caller.tenant.staff.byEmail(email))?.name ?? email;
}

async function savedCard(caller: KnownCaller, meeting: MeetingRow, already: boolean) {
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
  });
}

export async function submitMinutes(
  deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
  data: unknown,
) {
  const t = AFTER_MEETING_TEXTS[caller.locale].minutes;
  const input = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const res = await saveMinutes(deps.store, caller.municipality, caller.staff, input, deps.clock.now());
  if (!res.ok) {
    if (res.kind === 'refused') return refuse(context, caller, res.reason);
    if (res.kind === 'already') return replaceCard(context, await savedCard(caller, res.meeting, true));
    const fields = [...new Set(res.error.issues.map((i) => fieldLabel(i.path, caller.locale)))].join(', ');
    const cpr = res.error.issues.some(
      (i) => (i as { params?: { reason?: string } }).params?.reason === 'cpr',
    );
    return refuse(context, caller, fill(cpr ? t.cpr : t.fix, { fields }));
  }
  const minutes = res.minutes;
  await replaceCard(
    context,
    minutesSavedCard({
      meeting: await meetingSummary(caller.tenant, res.meeting),
      locale: caller.locale,
      purpose: String(input.purpose ?? '') || (res.meeting.purpose ?? ''),
      resources: minutes.resources,
      challenges: minutes.challenges,
      goals: minutes.goals,
      agreements: res.agreements,
      childRulerLevel: minutes.child_ruler_level,
      next: res.nextMeeting ? { date: res.nextMeeting.date, startTime: res.nextMeeting.start_time } : null,
      recordedBy: caller.staff.name,
      recordedOn: today(deps, caller),
    }),
  );
}

/** Opens the minutes of a meeting: the form if none are written yet, else the saved minutes. */
export async function openMinutes(
  deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
  data: unknown,
) {
  const id = z.object({ meetingId: z.string().uuid() }).safeParse(data);
  const meeting = id.success ? await caller.tenant.meetings.get(id.data.meetingId) : null;
  if (!meeting || meeting.format !== 'child') {
    return refuse(context, caller, {
      da: 'Mødet findes ikke (længere).',
      en: 'The meeting no longer exists.',
    });
  }
  if (!(await mayManageMeeting(deps.store, caller.municipality, caller.staff, meeting))) {
    return refuse(context, caller, {
      da: 'Kun mødets tovholder kan skrive referatet.',
      en: "Only the meeting's coordinator can write the minutes.",
    });
  }
  if (await caller.tenant.minutes.get(meeting.id))
    return sendCard(context, await savedCard(caller, meeting, false));
  const participants = (await caller.tenant.meetings.participants(meeting.id)).map((p) => ({
    id: p.staff_id,
    name: p.name,
    present: attended(p),
  }));
  await sendCard(
    context,
    minutesFormCard({
      meeting: await meetingSummary(caller.tenant, meeting),
      purpose: meeting.purpose ?? '',
      participants,
      locale: caller.locale,
      request: false,
    }),
  );
}

/** The owner marks an agreement done; the reminder is updated in place, a second press changes nothing. */
export async function markAgreementDone(
  deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
  data: unknown,
) {
  const t = AFTER_MEETING_TEXTS[caller.locale].agreement;
  const id = z.object({ agreementId: z.string().uuid() }).safeParse(data);
  const agreement = id.success ? await caller.tenant.minutes.agreement(id.data.agreementId) : null;
  if (!agreement) return refuse(context, caller, t.gone);
  if (agreement.owner_staff_id !== caller.staff.id) return refuse(context, caller, t.notOwner);
  const meeting = await caller.tenant.meetings.get(agreement.meeting_id);
  if (!meeting) return refuse(context, caller, t.gone);
  const fresh = await caller.tenant.minutes.markDone(agreement.id, today(deps, caller));
  const now = await caller.tenant.minutes.agreement(agreement.id);
  await replaceCard(
    context,
    agreementCard({
      agreement: now ?? agreement,
      meeting: await meetingSummary(caller.tenant, meeting),
      locale: caller.locale,
      note: fresh ? undefined : t.alreadyDone,
    }),
  );
}

/** `referat` / `minutes`: the caller's child meetings that still lack minutes, each with a button. */
export async function listMeetingsLackingMinutes(
  deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
) {
  const meetings = await meetingsLackingMinutes(
    deps.store,
    caller.municipality,
    caller.staff,
    deps.clock.now(),
  );
  const summaries = await Promise.all(meetings.map((m) => meetingSummary(caller.tenant, m)));
  await sendCard(
    context,
    minutesListCard(summaries, caller.locale),
    AFTER_MEETING_TEXTS[caller.locale].minutes.listTitle,
  );
}
