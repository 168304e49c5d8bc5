import { cardActivity } from '../../cards/render';
import { isWorkingDay, nextWorkingDay } from '../../domain/calendar';
import { addDays } from '../../domain/localDate';
import { fill } from '../../i18n/texts';
import { MEETING_TEXTS } from '../../i18n/meetingTexts';
import { formatDate } from '../../i18n/locale';
import { invitationCard } from '../../views/meetingCards';
import { PassPlanner } from '../passKit';
import { outboxKeys } from '../../outbox/keys';
import type { PlanningPass } from '../passes';
import { localeOf, staffById } from './common';

/** The working day before a meeting (not a weekend or holiday), inside the participant's hours. */
export const planMeetingReminders: PlanningPass = async (store, m, now, opts = {}) => {
  const plan = PassPlanner.for(store, m, now);
  const staffOf = staffById(plan);
  if (!isWorkingDay(plan.today)) return plan.result;
  // Meetings whose previous working day is today: after today, up to the next working day.
  const meetings = await plan.t.meetings.scheduledBetween(addDays(plan.today, 1), nextWorkingDay(plan.today));
  const teams = new Map((await plan.t.teams.list()).map((x) => [x.id, x]));
  for (const meeting of meetings) {
    const team = teams.get(meeting.team_id);
    if (!team) continue;
    const participants = await plan.t.meetings.participants(meeting.id);
    const people = await staffOf();
    const organizerName = people.get(meeting.organizer_staff_id ?? '')?.name ?? null;
    for (const p of participants) {
      const staff = people.get(p.staff_id);
      if (!staff?.active || p.rsvp === 'no') continue;
      const notBefore = plan.openWindow(staff);
      if (!notBefore) continue;
      const locale = localeOf(staff);
      const card = invitationCard({
        meeting,
        team,
        participants,
        organizerName,
        locale,
        variant: 'reminder',
        answer: p.rsvp,
        calendarUrl: opts.calendarLinks?.url(m.id, meeting.id, p.staff_id),
      });
      const title = fill(MEETING_TEXTS[locale].reminderTitle, { date: formatDate(meeting.date, locale) });
      await plan.enqueue(
        outboxKeys.meetingReminder(meeting.id, p.staff_id, meeting.date),
        'meeting.reminder',
        { staffId: p.staff_id },
        { activity: cardActivity(card, title) },
        notBefore,
        meeting.starts_at,
      );
    }
  }
  return plan.result;
};
