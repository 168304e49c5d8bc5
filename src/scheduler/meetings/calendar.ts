/**
 * The calendar pass: for a municipality with Microsoft Graph, each meeting's Outlook event is
 * brought in step with the meeting before the invitations are planned, so a new Teams link is on
 * the first invitation card, and each organiser's mailbox keeps its change-notification
 * subscription. Without Graph the pass does nothing.
 */
import { syncCalendar } from '../../app/meetings/calendarSync';
import { keepSubscriptions } from '../../app/meetings/outlookAnswers';
import type { PlanningPass } from '../passes';

export const syncMeetingCalendars: PlanningPass = async (store, m, now, opts) => {
  const calendar = opts?.calendarFor?.(m) ?? null;
  const nothing = { planned: 0, alreadyPlanned: 0 };
  if (!calendar) return nothing;
  const r = await syncCalendar(store, m, calendar, now);
  // Answers given in Outlook reach Samspil through a subscription per organiser's mailbox.
  await keepSubscriptions(store, m, calendar, now);
  // The others were written; these are tried again on the next pass (the planner reports them).
  if (r.failed.length > 0)
    throw new Error(
      `${r.failed.length} meeting(s) not written to Outlook: ${r.failed.map((f) => `${f.meetingId}: ${f.error}`).join('; ')}`,
    );
  return nothing;
};
