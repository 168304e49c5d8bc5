/**
 * The 19 professions registered in the Vesthimmerland team data, in the seed's order (seed 002 §5,
 * note 8); their names are in src/i18n/labels.ts.
 */
export const PROFESSIONS = [
  'pedagogue',
  'childminder_pedagogue',
  'childminder',
  'daycare_leader',
  'lbo_leader',
  'sfo_leader',
  'teacher',
  'school_leader',
  'family_adviser',
  'health_visitor',
  'psychologist',
  'ssp_worker',
  'addiction_worker',
  'interdisciplinary_counsellor',
  'inclusion_pedagogue',
  'inclusion_teacher',
  'youth_guidance_counsellor',
  'children_in_motion_worker',
  'speech_therapist',
] as const;

/** Parents answer questionnaires too, but are not staff (and are anonymous in reports): kept apart. */
export const PARENT = 'parent';

export type ProfessionId = (typeof PROFESSIONS)[number];
/** Who a questionnaire answer comes from: one of the 19, or a parent. */
export type RespondentKind = ProfessionId | typeof PARENT;

export function isProfession(id: string): id is ProfessionId {
  return (PROFESSIONS as readonly string[]).includes(id);
}

export function isRespondentKind(id: string): id is RespondentKind {
  return id === PARENT || isProfession(id);
}
