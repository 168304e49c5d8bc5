/** `møder` and the year plan: each team's school year, the proposal, and its confirmation. */
import { z } from 'zod';
import { todayOf } from '../../app/meetings/common';
import { teamYear } from '../../app/meetings/frequency';
import {
  confirmYearPlan,
  datesOfCard,
  draftYearPlan,
  slotInput,
  planningTeam,
  slotOf,
  yearPlanConfirmInput,
} from '../../app/meetings/yearPlan';
import { schoolYearOf } from '../../domain/meetings/schoolYear';
import { ok } from '../../domain/result';
import { fill } from '../../i18n/texts';
import { MEETING_TEXTS } from '../../i18n/meetingTexts';
import { statusCard } from '../../views/meetingCards';
import { statusLine, teamYearCard, yearPlanCard, type TeamYearView } from '../../views/teamYearCards';
import type { HandlerDeps, KnownCaller } from './deps';
import { cprRefusal, invalid, refusedMeetingCard } from './meetingsShared';
import { cardMessage, opened, replace, textMessage, type CardReply, type Message } from '../cardReply';
import { formatDate } from '../../i18n/locale';

/**
 * In the personal chat: the caller's teams, with child references and the buttons their role
 * allows. In a team's linked channel: that team's year, without child references or buttons.
 */
export async function showMeetings(deps: HandlerDeps, caller: KnownCaller): Promise<Message[]> {
  const now = deps.clock.now();
  const t = caller.tenant;
  const kind = caller.conversation.kind;
  const views: TeamYearView[] = [];
  if (kind === 'personal') {
    for (const team of await t.teams.of(caller.staff.id)) {
      views.push({
        year: await teamYear(t, caller.municipality, team, now),
        role: team.is_coordinator ? 'coordinator' : 'member',
        staffId: caller.staff.id,
      });
    }
  } else {
    const team = await t.teams.byChannel(caller.conversation.channelId);
    if (!team) return [textMessage(MEETING_TEXTS[caller.locale].channelNotLinked)];
    views.push({ year: await teamYear(t, caller.municipality, team, now), role: null, staffId: null });
  }
  const card = teamYearCard(views, caller.locale, now, kind === 'personal');
  return [
    cardMessage(
      card,
      fill(MEETING_TEXTS[caller.locale].yearTitle, { year: views[0]?.year.year.label ?? '' }),
    ),
  ];
}

const planRequest = z.object({
  teamId: z.string().uuid(),
  startYear: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** The year-plan proposal for the card's team and slot (the team's own slot when the card has none). */
async function draftFor(deps: HandlerDeps, caller: KnownCaller, values: Record<string, unknown>) {
  const req = planRequest.safeParse(values);
  if (!req.success) return invalid(req.error);
  const found = await planningTeam(caller.tenant, caller.staff, req.data.teamId);
  if (!found.ok) return found;
  const team = found.value;
  const now = deps.clock.now();
  const m = caller.municipality;
  const startYear =
    req.data.startYear ?? schoolYearOf(todayOf(m, now), m.settings.schoolYearStartMonthDay).startYear;
  const slot = 'weekday' in values ? slotInput.safeParse(values) : null;
  const draft = await draftYearPlan(
    deps.store,
    m,
    team,
    startYear,
    slot?.success ? slot.data : slotOf(team),
    now,
  );
  return ok({ draft, slotRefusal: slot && !slot.success ? invalid(slot.error) : null });
}

/**
 * The proposal card. Pressed from the proposal itself (weekday etc. filled in) it is proposed
 * again in place with the new slot; from the school-year card it opens below that card.
 */
export async function yearPlan(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const d = await draftFor(deps, caller, values);
  if (!d.ok) return refusedMeetingCard(caller, values, d, null);
  const { draft, slotRefusal } = d.value;
  const card = yearPlanCard(draft, caller.locale);
  if (slotRefusal) return refusedMeetingCard(caller, values, slotRefusal, card);
  if ('weekday' in values) return replace(card);
  return opened(
    card,
    caller.locale,
    fill(MEETING_TEXTS[caller.locale].yearPlanTitle, { year: draft.year.label }),
  );
}

export async function confirmYear(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const form = async () => {
    const d = await draftFor(deps, caller, values);
    return d.ok ? yearPlanCard(d.value.draft, caller.locale) : null;
  };
  const cpr = cprRefusal(values);
  if (cpr) return refusedMeetingCard(caller, values, cpr, await form());
  const input = yearPlanConfirmInput.safeParse({ ...values, dates: datesOfCard(values) });
  if (!input.success) return refusedMeetingCard(caller, values, invalid(input.error), await form());
  const res = await confirmYearPlan(
    deps.store,
    caller.municipality,
    caller.staff,
    input.data,
    deps.clock.now(),
  );
  if (!res.ok) return refusedMeetingCard(caller, values, res, await form());
  const t = MEETING_TEXTS[caller.locale];
  const { team, created, after } = res.value;
  const participants = (await caller.tenant.teams.members(team.id)).filter((x) => x.active).length;
  return replace(
    statusCard(t.confirmedTitle, {
      color: 'Accent',
      lines: [
        fill(t.confirmedLine, { n: created.length, team: team.name, p: participants }),
        statusLine(after, caller.locale),
      ],
      facts: created.map((x, i) => ({
        title: fill(t.meetingN, { n: i + 1 }),
        value: `${formatDate(x.date, caller.locale)} ${x.start_time}–${x.end_time}`,
      })),
    }),
  );
}
