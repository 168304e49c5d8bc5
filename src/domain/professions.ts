/** The 19 professions registered in the Vesthimmerland team data, in the seed's order (seed 002 §5, note 8). */
export const PROFESSIONS = [
  { id: 'pedagogue', da: 'pædagog', en: 'pedagogue' },
  { id: 'childminder_pedagogue', da: 'dagplejepædagog', en: 'childminding pedagogue' },
  { id: 'childminder', da: 'dagplejer', en: 'childminder' },
  { id: 'daycare_leader', da: 'dagtilbudsleder', en: 'daycare leader' },
  { id: 'lbo_leader', da: 'LBO-leder', en: 'youth club (LBO) leader' },
  { id: 'sfo_leader', da: 'SFO-leder', en: 'after-school (SFO) leader' },
  { id: 'teacher', da: 'lærer', en: 'teacher' },
  { id: 'school_leader', da: 'skoleleder', en: 'head teacher' },
  { id: 'family_adviser', da: 'familierådgiver', en: 'family adviser' },
  { id: 'health_visitor', da: 'sundhedsplejerske', en: 'health visitor' },
  { id: 'psychologist', da: 'psykolog', en: 'psychologist' },
  { id: 'ssp_worker', da: 'SSP-medarbejder', en: 'SSP worker' },
  { id: 'addiction_worker', da: 'misbrugsbehandler', en: 'addiction counsellor' },
  { id: 'interdisciplinary_counsellor', da: 'tværfaglig vejleder', en: 'interdisciplinary counsellor' },
  { id: 'inclusion_pedagogue', da: 'inklusionspædagog', en: 'inclusion pedagogue' },
  { id: 'inclusion_teacher', da: 'inklusionslærer', en: 'inclusion teacher' },
  { id: 'youth_guidance_counsellor', da: 'UU-vejleder', en: 'youth guidance (UU) counsellor' },
  {
    id: 'children_in_motion_worker',
    da: 'medarbejder fra Børn i Bevægelse',
    en: 'Children in Motion worker',
  },
  { id: 'speech_therapist', da: 'talepædagog', en: 'speech therapist' },
] as const;

/** Parents answer questionnaires too, but are not staff (and are anonymous in reports): kept apart. */
export const PARENT = { id: 'parent', da: 'forælder', en: 'parent' } as const;

export type ProfessionId = (typeof PROFESSIONS)[number]['id'];
/** Who a questionnaire answer comes from: one of the 19, or a parent. */
export type RespondentKind = ProfessionId | typeof PARENT.id;

export function isProfession(id: string): id is ProfessionId {
  return PROFESSIONS.some((p) => p.id === id);
}

export function isRespondentKind(id: string): id is RespondentKind {
  return id === PARENT.id || isProfession(id);
}

/** Accepts the id, or the Danish or English name in any case (import files are written by people). */
export function professionFromText(text: string): ProfessionId | null {
  const t = text.trim().toLowerCase();
  return (
    PROFESSIONS.find((p) => p.id === t || p.da.toLowerCase() === t || p.en.toLowerCase() === t)?.id ?? null
  );
}
