import type { Locale } from './locale';

/** Texts of the key figures: the `status` card and the labels reports and the yearly status share. */
const da = {
  categories: {
    institution: 'Institutionsanbringelser',
    foster_care: 'Plejefamilieanbringelser',
    home_placement: 'Hjemmebaserede anbringelser',
    home_based: 'Hjemmebaserede foranstaltninger',
    early_help: '§ 30-forløb (tidl. § 11)',
    all: 'Alle',
  },
  ratings: {
    good: 'Godt',
    good_with_room: 'Godt, men plads til forbedringer',
    poor: 'Mangelfuldt',
  },
  directions: { up: 'Op', down: 'Ned', in: 'Ind', out: 'Ud', none: 'Uændret' },
  offLadder: 'Ikke på trappen',
  unknownProfession: 'ukendt',
  suppressed: 'skjult (n<5)',
  status: {
    title: 'Nøgletal',
    period: 'Periode: {from} – {to}',
    municipality: 'Hele kommunen',
    unit: 'Enhed: {unit}',
    noUnit: 'Du er ikke knyttet til en enhed; du ser kommunens tal.',
    followUps: 'Opfølgninger',
    followUpsHeld: '{held} afholdt, {days} dage imellem i gennemsnit',
    followUpsHeldOnly: '{held} afholdt',
    compliance: 'Rettidighed',
    complianceLine: '{policy} efter kommunens politik, {legal} efter loven',
    ladder: 'Indsatstrappen',
    ladderLine: 'ned {down}, op {up}, ind {in}, ud {out}',
    earlyHelp: '§ 30-forløb fulgt af undersøgelse',
    earlyHelpLine: '{followed} af {recipients} ({share})',
    caseload: 'Sagstal pr. rådgiver',
    caseloadLine: '{average} i gennemsnit (mål: højst {target})',
    meetings: 'Teammøder i skoleåret {year}',
    questionnaires: 'Statusskemaer',
    ratingLine: '{n} svar: godt {good}, plads til forbedringer {room}, mangelfuldt {poor}',
    noTeams: 'Du er ikke tovholder for et team.',
    noData: '–',
    notAllowed:
      'Nøgletal er for ledere og tovholdere. Som leder ser du din enheds og kommunens nøgletal, som tovholder dine teams møder og statusskemaer. Spørg din leder, hvis du har brug for tallene.',
    footnote: 'Grupper med færre end 5 vises ikke, så ingen kan genkendes.',
  },
};

type ReportTexts = typeof da;

const en: ReportTexts = {
  categories: {
    institution: 'Institution placements',
    foster_care: 'Foster care placements',
    home_placement: 'Home-based placements',
    home_based: 'Home-based measures',
    early_help: '§ 30 courses (formerly § 11)',
    all: 'All',
  },
  ratings: { good: 'Good', good_with_room: 'Good, but room for improvement', poor: 'Poor' },
  directions: { up: 'Up', down: 'Down', in: 'In', out: 'Out', none: 'Unchanged' },
  offLadder: 'Not on the ladder',
  unknownProfession: 'unknown',
  suppressed: 'hidden (n<5)',
  status: {
    title: 'Key figures',
    period: 'Period: {from} – {to}',
    municipality: 'Whole municipality',
    unit: 'Unit: {unit}',
    noUnit: 'You are not attached to a unit; you see the municipality’s figures.',
    followUps: 'Follow-ups',
    followUpsHeld: '{held} held, {days} days apart on average',
    followUpsHeldOnly: '{held} held',
    compliance: 'On time',
    complianceLine: '{policy} by the municipality’s policy, {legal} by the law',
    ladder: 'Ladder',
    ladderLine: 'down {down}, up {up}, in {in}, out {out}',
    earlyHelp: '§ 30 courses followed by an investigation',
    earlyHelpLine: '{followed} of {recipients} ({share})',
    caseload: 'Caseload per adviser',
    caseloadLine: '{average} on average (target: at most {target})',
    meetings: 'Team meetings in the school year {year}',
    questionnaires: 'Questionnaires',
    ratingLine: '{n} answers: good {good}, room for improvement {room}, poor {poor}',
    noTeams: 'You do not coordinate a team.',
    noData: '–',
    notAllowed:
      'Key figures are for leaders and coordinators. As a leader you see your unit’s and the municipality’s figures, as a coordinator your teams’ meetings and questionnaires. Ask your leader if you need the figures.',
    footnote: 'Groups of fewer than 5 are not shown, so no one can be recognised.',
  },
};

export const REPORT_TEXTS: Record<Locale, ReportTexts> = { da, en };
