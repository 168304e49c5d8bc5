/** Codes shown to people by their label, never as the code itself. */
import type { ChildRulerLevel } from '../domain/childRuler';
import type { InstitutionType, Representative } from '../domain/institutions';
import { PROFESSIONS, type ProfessionId, type RespondentKind } from '../domain/professions';
import type { Role } from '../domain/roles';
import { choiceValuesOf, type Respondent } from '../domain/questionnaires/answers';
import type { Choice, Question } from '../domain/questionnaires/form';
import type { Locale } from './locale';

type Bilingual = { readonly da: string; readonly en: string };

export const ROLE_LABELS: Record<Role, Bilingual> = {
  adviser: { da: 'rådgiver', en: 'adviser' },
  leader: { da: 'leder', en: 'leader' },
  coordinator: { da: 'tovholder', en: 'coordinator' },
  participant: { da: 'deltager', en: 'participant' },
  admin: { da: 'administrator', en: 'administrator' },
};

/** The 19 professions in the seed's spelling (seed 002 §5, note 8), and a parent. */
export const RESPONDENT_LABELS: Record<RespondentKind, Bilingual> = {
  pedagogue: { da: 'pædagog', en: 'pedagogue' },
  childminder_pedagogue: { da: 'dagplejepædagog', en: 'childminding pedagogue' },
  childminder: { da: 'dagplejer', en: 'childminder' },
  daycare_leader: { da: 'dagtilbudsleder', en: 'daycare leader' },
  lbo_leader: { da: 'LBO-leder', en: 'youth club (LBO) leader' },
  sfo_leader: { da: 'SFO-leder', en: 'after-school (SFO) leader' },
  teacher: { da: 'lærer', en: 'teacher' },
  school_leader: { da: 'skoleleder', en: 'head teacher' },
  family_adviser: { da: 'familierådgiver', en: 'family adviser' },
  health_visitor: { da: 'sundhedsplejerske', en: 'health visitor' },
  psychologist: { da: 'psykolog', en: 'psychologist' },
  ssp_worker: { da: 'SSP-medarbejder', en: 'SSP worker' },
  addiction_worker: { da: 'misbrugsbehandler', en: 'addiction counsellor' },
  interdisciplinary_counsellor: { da: 'tværfaglig vejleder', en: 'interdisciplinary counsellor' },
  inclusion_pedagogue: { da: 'inklusionspædagog', en: 'inclusion pedagogue' },
  inclusion_teacher: { da: 'inklusionslærer', en: 'inclusion teacher' },
  youth_guidance_counsellor: { da: 'UU-vejleder', en: 'youth guidance (UU) counsellor' },
  children_in_motion_worker: { da: 'medarbejder fra Børn i Bevægelse', en: 'Children in Motion worker' },
  speech_therapist: { da: 'talepædagog', en: 'speech therapist' },
  parent: { da: 'forælder', en: 'parent' },
};

export const INSTITUTION_TYPE_LABELS: Record<InstitutionType, Bilingual> = {
  daycare: { da: 'Dagtilbud', en: 'Daycare' },
  primary_school: { da: 'Grundskole', en: 'Primary school' },
  lower_secondary_school: { da: 'Overbygningsskole', en: 'Lower-secondary school' },
};

/** A team's representatives as seed 001 names them ("Tværfaglighed – et fælles ansvar"). */
export const REPRESENTATIVE_LABELS: Record<Representative, Bilingual> = {
  family_counselling: { da: 'Børne- og Familierådgivningen', en: 'Child and family counselling' },
  school: { da: 'Skole', en: 'School' },
  daycare: { da: 'Dagtilbud', en: 'Daycare' },
  sfo_lbo: { da: 'SFO/LBO', en: 'After-school care/youth club (SFO/LBO)' },
  cpp: { da: 'CPP (psykologer)', en: 'CPP (psychologists)' },
  health_visitors: { da: 'Sundhedsplejen', en: 'Health visitors' },
  family_network: { da: 'Familien/netværket', en: 'The family/network' },
  ssp: { da: 'SSP', en: 'SSP (school, social services and police)' },
  addiction_services: { da: 'Misbrugsafdelingen', en: 'Substance abuse services' },
  family_house: { da: 'Familiehuset', en: 'The Family House' },
  uu: { da: 'UU', en: 'Youth guidance (UU)' },
  childrens_house: { da: 'Barnets Blå Hus', en: 'Barnets Blå Hus' },
};

/** Børnelinealen's headings and seed 001's row under each, shown as help when a meeting records the level. */
export const CHILD_RULER_LABELS: Record<ChildRulerLevel, { label: Bilingual; description: Bilingual }> = {
  thriving: {
    label: { da: 'Børn i trivsel', en: 'Children thriving' },
    description: { da: 'Børn med almindelige problemer', en: 'Children with ordinary problems' },
  },
  declining: {
    label: { da: 'Børn i faldende trivsel', en: 'Children with declining well-being' },
    description: {
      da: 'Børn med midlertidig risiko for trivselsproblemer',
      en: 'Children at temporary risk of well-being problems',
    },
  },
  vulnerable: {
    label: { da: 'Sårbare børn', en: 'Vulnerable children' },
    description: {
      da: 'Børn med problemer af langvarig/kronisk karakter',
      en: 'Children with long-term/chronic problems',
    },
  },
  at_risk: {
    label: { da: 'Udsatte børn', en: 'Children at risk' },
    description: {
      da: 'Børn med åbenbar risiko for at lide varig skade',
      en: 'Children at obvious risk of lasting harm',
    },
  },
};

/** A registered profession by its label ("familierådgiver"); free text from older data as written. */
export function professionLabel(profession: string, locale: Locale): string {
  return (RESPONDENT_LABELS as Record<string, Bilingual | undefined>)[profession]?.[locale] ?? profession;
}

/** Accepts the id, or the Danish or English name in any case (import files are written by people). */
export function professionFromText(text: string): ProfessionId | null {
  const t = text.trim().toLowerCase();
  const words = (id: ProfessionId) => [
    id,
    RESPONDENT_LABELS[id].da.toLowerCase(),
    RESPONDENT_LABELS[id].en.toLowerCase(),
  ];
  return PROFESSIONS.find((id) => words(id).includes(t)) ?? null;
}

/** The choices a question offers with their labels: the form's own, or a domain list's names. */
export function choicesOf(q: Question, respondent: Respondent = 'staff'): Choice[] {
  if ((q.type === 'single' || q.type === 'multiple') && !('source' in q && q.source)) return q.choices;
  const labelOf = (value: string): Bilingual =>
    'source' in q && q.source === 'childRuler'
      ? CHILD_RULER_LABELS[value as ChildRulerLevel].label
      : RESPONDENT_LABELS[value as RespondentKind];
  return choiceValuesOf(q, respondent).map((value) => ({ value, label: labelOf(value) }));
}
