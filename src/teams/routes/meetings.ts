import type { RouteKit } from './kit';

/** Team meetings: linking a channel, scheduling, the year plan, invitations and RSVP (issue 4). */
export function registerMeetingRoutes(_kit: RouteKit): void {}
