/**
 * Scheduling one team meeting: what the card submits, checked on
 * the server. Whether a child has an active case, and whether the date is in the future, need the
 * store and the clock, so the caller checks those.
 */
import { z } from 'zod';
import { coded } from '../result';
import { childReferenceField } from './childReference';
import { HH_MM, hhmmField, httpsUrlField, idField, localDateField, noCprText, optionalField } from './fields';

const common = {
  date: localDateField,
  startTime: hhmmField,
  endTime: hhmmField,
  place: optionalField(noCprText('place', { max: 200 })),
  onlineUrl: optionalField(httpsUrlField),
  purpose: noCprText('purpose', { max: 1000, required: true }),
  participants: z
    .array(idField('participants'))
    .min(1)
    .transform((ids) => [...new Set(ids)]),
};

/** tema: a general theme; no child is named, so there is no child reference field at all. */
const themeMeeting = z
  .object({
    ...common,
    format: z.literal('theme'),
    theme: noCprText('theme', { max: 200, required: true }),
    parentsTakePart: z.boolean().default(false),
  })
  .strict();

/** barn/ung/familie: about one child with no active case; parents take part, possibly the child. */
const childMeeting = z
  .object({
    ...common,
    format: z.literal('child'),
    childReference: childReferenceField('childReference'),
    parentsTakePart: z.boolean(),
    childTakesPart: z.boolean().default(false),
  })
  .strict();

export const meetingRequestSchema = z
  .discriminatedUnion('format', [themeMeeting, childMeeting])
  // Zod runs refinements even when a field failed; a malformed time is reported once, above.
  .refine((m) => !HH_MM.test(m.startTime) || !HH_MM.test(m.endTime) || m.endTime > m.startTime, {
    ...coded('endBeforeStart', 'endTime: must be after startTime'),
    path: ['endTime'],
  })
  .refine((m) => m.place !== undefined || m.onlineUrl !== undefined, {
    ...coded('placeOrLink', 'place: give a place or an online link'),
    path: ['place'],
  });

export type MeetingRequest = z.output<typeof meetingRequestSchema>;
export type MeetingFormat = MeetingRequest['format'];
