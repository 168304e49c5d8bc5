/**
 * Planning passes of the team meetings: invitations, updates and cancellations with their
 * .ics, the day-before reminder, frequency warnings and the leader's monthly overview. Each computes
 * what is due at `now` and enqueues it under a unique key, so a second run plans nothing twice.
 */
import type { PlanningPass } from '../passes';
import { syncMeetingCalendars } from './calendar';
import { planFrequencyWarnings, planLeaderOverview } from './frequency';
import { planMeetingInvitations } from './invitations';
import { planMeetingReminders } from './reminders';

export { planFrequencyWarnings, planLeaderOverview, planMeetingInvitations, planMeetingReminders };

export const MEETING_PASSES: PlanningPass[] = [
  syncMeetingCalendars,
  planMeetingInvitations,
  planMeetingReminders,
  planFrequencyWarnings,
  planLeaderOverview,
];
