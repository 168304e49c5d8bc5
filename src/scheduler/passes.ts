import type { MunicipalityContext } from '../app/municipalityContext';
import type { Store } from '../store/store';
import type { CalendarLinks } from '../app/meetings/calendarLinks';
import type { CalendarPort } from '../app/meetings/calendarPort';
import type { ParentLinks } from '../app/parentLinks';
import { AFTER_MEETING_PASSES } from './afterMeetingPasses';
import { MEETING_PASSES } from './meetings';

/** What one planning pass put in the outbox for one municipality. */
export interface PassResult {
  planned: number;
  alreadyPlanned: number;
}

/**
 * A planning pass beside the follow-up reminders (meetings, agreements, questionnaires …): it
 * computes what is due at `now` and enqueues it in the outbox under unique keys, so running it
 * again (or on another instance) plans nothing twice.
 */
export type PlanningPass = (
  store: Store,
  m: MunicipalityContext,
  now: Date,
  opts?: PassOptions,
) => Promise<PassResult>;

/**
 * What the deployment gives every pass: the signed calendar and parents' links, when it has a
 * public URL, and a municipality's Outlook calendar, when Microsoft Graph is configured and turned
 * on for it.
 */
export interface PassOptions {
  calendarLinks?: CalendarLinks;
  parentLinks?: ParentLinks;
  calendarFor?: (m: MunicipalityContext) => CalendarPort | null;
}

/** Run in this order after the follow-up reminders, for every municipality, on every tick. */
export const PLANNING_PASSES: PlanningPass[] = [...MEETING_PASSES, ...AFTER_MEETING_PASSES];
