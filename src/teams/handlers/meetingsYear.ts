/** `møder` and the year plan: each team's school year, the proposal, and its confirmation (items 3, 5). */
import { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { teamRole, todayOf } from '../../app/meetings/common';
import { teamYear } from '../../app/meetings/frequency';
import {
  confirmYearPlan,
  datesOfCard,
  draftYearPlan,
  slotInput,
  slotOf,
  yearPlanConfirmInput,
} from '../../app/meetings/yearPlan';
import { schoolYearOf } from '../../domain/meetings/schoolYear';
import { fill } from '../../i18n/texts';
import { MEETING_TEXTS } from '../../i18n/meetingTexts';
import { conversationKindOf } from '../identity';
import { statusCard } from '../../views/meetingCards';
import { statusLine, teamYearCard, yearPlanCard, type TeamYearView } from '../../views/teamYearCards';
import { HandlerDeps, KnownCaller, replaceCard, sendCard } from './deps';
import { answerFailure, dataOf, describeIssues, refuse, refusedForCpr } from './meetingsShared';
import { channelIdOf } from './meetingsChannel';

/**
 * In the personal chat: the caller's teams, with child references and the buttons their role
 * allows. In a team's linked channel: that team's year, without child references or buttons.
 */
export async function showMeetings(
  deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
): Promise<void> {
  const now = deps.clock.now();
  const t = caller.tenant;
  const kind = conversationKindOf(context);
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
    const team = await t.teams.byChannel(channelIdOf(context));
    if (!team) return void (await context.sendActivity(MEETING_TEXTS[caller.locale].channelNotLinked));
    views.push({ year: await teamYear(t, caller.municipality, team, now), role: null, staffId: null });
  }
  const card = teamYearCard(views, caller.locale, now, kind === 'personal');
  await sendCard(
    context,
    card,
    fill(MEETING_TEXTS[caller.locale].yearTitle, { year: views[0]?.year.year.label ?? '' }),
  );
}

const planRequest = z.object({
  teamId: z.string().uuid(),
  startYear: z.coerce.number().int().min(2000).max(2100).optional(),
});

/**
 * The proposal card. Pressed from the proposal itself (weekday etc. filled in) it is proposed
 * again in place with the new slot; from anywhere else a new card is sent.
 */
export async function yearPlan(deps: HandlerDeps, context: TurnContext, caller: KnownCaller, data: unknown) {
  const req = planRequest.safeParse(data);
  if (!req.success) return refuse(context, caller, describeIssues(req.error, caller.locale));
  const t = caller.tenant;
  const team = await t.teams.get(req.data.teamId);
  if (!team || (await teamRole(t, caller.staff, team.id)) !== 'coordinator') {
    return refuse(context, caller, {
      da: 'Kun teamets tovholder kan planlægge året.',
      en: "Only the team's coordinator can plan the year.",
    });
  }
  const now = deps.clock.now();
  const m = caller.municipality;
  const startYear =
    req.data.startYear ?? schoolYearOf(todayOf(m, now), m.settings.schoolYearStartMonthDay).startYear;
  const fromCard = 'weekday' in dataOf(data);
  const slot = fromCard ? slotInput.safeParse(data) : null;
  if (slot && !slot.success) return refuse(context, caller, describeIssues(slot.error, caller.locale));
  const draft = await draftYearPlan(deps.store, m, team, startYear, slot?.data ?? slotOf(team), now);
  const card = yearPlanCard(draft, caller.locale);
  if (fromCard) return replaceCard(context, card);
  await sendCard(context, card, fill(MEETING_TEXTS[caller.locale].yearPlanTitle, { year: draft.year.label }));
}

export async function confirmYear(
  deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
  data: unknown,
) {
  if (await refusedForCpr(context, caller, data)) return;
  const raw = dataOf(data);
  const input = yearPlanConfirmInput.safeParse({ ...raw, dates: datesOfCard(raw) });
  if (!input.success) return refuse(context, caller, describeIssues(input.error, caller.locale));
  const res = await confirmYearPlan(
    deps.store,
    caller.municipality,
    caller.staff,
    input.data,
    deps.clock.now(),
  );
  if (!res.ok) return answerFailure(context, caller, res);
  const t = MEETING_TEXTS[caller.locale];
  const { team, created, after } = res.value;
  const participants = (await caller.tenant.teams.members(team.id)).filter((x) => x.active).length;
  await replaceCard(
    context,
    statusCard(t.confirmedTitle, {
      color: 'Good',
      lines: [
        fill(t.confirmedLine, { n: created.length, team: team.name, p: participants }),
        statusLine(after, caller.locale),
      ],
      facts: created.map((x, i) => ({
        title: fill(t.meetingN, { n: i + 1 }),
        value: `${x.date} ${x.start_time}–${x.end_time}`,
      })),
    }),
  );
}
