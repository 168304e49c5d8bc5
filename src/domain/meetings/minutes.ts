/**
 * Minutes of a meeting about a child, in Signs of Safety order (docs/domain-rules.md, "Cross-disciplinary team
 * meetings"; seed 001): header, kompetencer/ressourcer, udfordringer, hvad vil vi se ske (mål),
 * hvordan kommer vi derhen (konkrete aftaler), next meeting, and the Børnelinealen level.
 */
import { z } from 'zod';
import { CHILD_RULER_LEVELS, type ChildRulerLevel } from '../childRuler';
import { isLocalDate } from '../localDate';
import { childReferenceField } from './childReference';
import { idField, localDateField, noCprText, optionalField } from './fields';

const LEVEL_IDS = CHILD_RULER_LEVELS.map((l) => l.id) as [ChildRulerLevel, ...ChildRulerLevel[]];

/**
 * Who owns an agreement: someone at the meeting (a staff id), reminded in Teams on the due date, or
 * a role outside the staff — the parent, the family, or a role written in the minutes — which gets
 * no reminder and is followed up at the next meeting (seed 001: the parents are at the table and
 * take on agreements too). A role is written `role:<code or words>`.
 */
export type AgreementOwner = { kind: 'staff'; staffId: string } | { kind: 'role'; role: string };

/** The roles the minutes card offers; any other role is kept as written. */
export const OWNER_ROLES = ['parent', 'family'] as const;
export type OwnerRole = (typeof OWNER_ROLES)[number];

const ROLE_PREFIX = 'role:';

export function agreementOwner(ownerId: string): AgreementOwner {
  return ownerId.startsWith(ROLE_PREFIX)
    ? { kind: 'role', role: ownerId.slice(ROLE_PREFIX.length).trim() }
    : { kind: 'staff', staffId: ownerId };
}

export function roleOwnerId(role: string): string {
  return ROLE_PREFIX + role;
}

/** One concrete agreement; a staff owner is reminded on the due date, a role is followed up at the next meeting. */
export const agreementSchema = z.object({
  text: noCprText('agreements.text', { max: 1000, required: true }),
  ownerId: idField('agreements.ownerId').refine((id) => {
    const owner = agreementOwner(id);
    return owner.kind === 'staff' || (owner.role.length > 0 && owner.role.length <= 60);
  }, 'agreements.ownerId: a role of 1 to 60 characters'),
  due: localDateField,
});

export const sosMinutesSchema = z
  .object({
    header: z.object({
      meetingDate: localDateField,
      childReference: childReferenceField('header.childReference'),
      purpose: noCprText('header.purpose', { max: 1000, required: true }),
      participants: z.array(idField('header.participants')).min(1),
    }),
    /** Kompetencer/ressourcer — what works, what the child and family can. */
    resources: noCprText('resources').default(''),
    /** Udfordringer — what worries us. */
    challenges: noCprText('challenges').default(''),
    /** Hvad vil vi se ske (mål). */
    goals: noCprText('goals').default(''),
    /** Hvordan kommer vi derhen (konkrete aftaler). */
    agreements: z.array(agreementSchema).max(50).default([]),
    nextMeetingDate: optionalField(localDateField),
    childRulerLevel: optionalField(z.enum(LEVEL_IDS)),
  })
  .superRefine((m, ctx) => {
    // A due date or next meeting before the meeting itself is a typo that would fire at once. Zod
    // runs this even when a date above failed, so each comparison first checks both are dates.
    if (!isLocalDate(m.header.meetingDate)) return;
    m.agreements.forEach((a, i) => {
      if (isLocalDate(a.due) && a.due < m.header.meetingDate) {
        ctx.addIssue({
          code: 'custom',
          message: 'must not be before the meeting',
          path: ['agreements', i, 'due'],
        });
      }
    });
    if (
      m.nextMeetingDate !== undefined &&
      isLocalDate(m.nextMeetingDate) &&
      m.nextMeetingDate <= m.header.meetingDate
    ) {
      ctx.addIssue({ code: 'custom', message: 'must be after the meeting', path: ['nextMeetingDate'] });
    }
  });

export type SosMinutes = z.output<typeof sosMinutesSchema>;
export type Agreement = z.output<typeof agreementSchema>;
