import { REPORT_TEXTS } from '../i18n/reportTexts';
import { guardedCells, periodText } from './cells';
import { followUpFigures } from './keyFigureData';
import type { ReportDefinition } from './report';

const T = REPORT_TEXTS.da;

/** Seed 002 table 2: follow-ups held and the average days between them, per measure category. */
export const followUps: ReportDefinition = {
  name: 'followups',
  scopes: ['unit'],
  description: 'Follow-ups held and the average days between held follow-ups, per measure category',
  async run(input) {
    const { intervals } = await followUpFigures(input, input);
    const keys = ['cases', 'held', 'average_days', 'intervals'];
    return {
      title: `Opfølgninger ${periodText(input.from, input.to)}`,
      columns: [
        { key: 'category', label: 'Foranstaltning' },
        { key: 'cases', label: 'Sager (n)' },
        { key: 'held', label: 'Afholdte opfølgninger' },
        { key: 'average_days', label: 'Gns. dage mellem opfølgninger' },
        { key: 'intervals', label: 'Mellemrum målt' },
      ],
      rows: intervals.map((r) => ({
        category: T.categories[r.category],
        ...guardedCells(r.figures, keys, (f) => ({
          cases: f.n,
          held: f.held,
          average_days: f.averageDays,
          intervals: f.intervals,
        })),
      })),
      summary: { from: input.from, to: input.to },
    };
  },
};

/** Seed 004 fig. 2.2: average follow-ups per case per half-year, per measure category. */
export const followUpsPerHalfYear: ReportDefinition = {
  name: 'followups-per-half-year',
  scopes: ['unit'],
  description: 'Average follow-ups per case per half-year, per measure category',
  async run(input) {
    const { perHalfYear } = await followUpFigures(input, input);
    const keys = ['cases', 'held', 'case_half_years', 'average'];
    return {
      title: `Gennemsnitligt antal opfølgninger pr. sag pr. halvår ${periodText(input.from, input.to)}`,
      columns: [
        { key: 'category', label: 'Foranstaltning' },
        { key: 'cases', label: 'Sager (n)' },
        { key: 'held', label: 'Afholdte opfølgninger' },
        { key: 'case_half_years', label: 'Sagshalvår' },
        { key: 'average', label: 'Opfølgninger pr. sag pr. halvår' },
      ],
      rows: perHalfYear.map((r) => ({
        category: T.categories[r.category],
        ...guardedCells(r.figures, keys, (f) => ({
          cases: f.n,
          held: f.held,
          case_half_years: f.caseHalfYears,
          average: f.average,
        })),
      })),
      summary: {
        from: input.from,
        to: input.to,
        definition:
          'afholdte opfølgninger i perioden / summen over kalenderhalvår af sager med en aktiv foranstaltning i halvåret',
      },
    };
  },
};

/** Compliance against the municipality's policy and against the legal minimum. */
export const complianceReport: ReportDefinition = {
  name: 'compliance',
  scopes: ['unit'],
  description: "Share of follow-ups held on time against the municipality's policy and against the law",
  async run(input) {
    const { compliance } = await followUpFigures(input, input);
    const keys = [
      'cases',
      'held',
      'missed_policy',
      'on_time_policy',
      'policy_share',
      'legal_base',
      'missed_legal',
      'on_time_legal',
      'legal_share',
    ];
    return {
      title: `Rettidige opfølgninger ${periodText(input.from, input.to)} (politik: ${input.municipality.policy.name}; loven på sin tid)`,
      columns: [
        { key: 'category', label: 'Foranstaltning' },
        { key: 'cases', label: 'Sager (n)' },
        { key: 'held', label: 'Afholdte' },
        { key: 'missed_policy', label: 'Forfaldne, ikke afholdt (politik)' },
        { key: 'on_time_policy', label: 'Rettidige efter politik' },
        { key: 'policy_share', label: 'Andel efter politik (%)' },
        { key: 'legal_base', label: 'Med lovfrist' },
        { key: 'missed_legal', label: 'Lovfrist overskredet, ikke afholdt' },
        { key: 'on_time_legal', label: 'Rettidige efter loven' },
        { key: 'legal_share', label: 'Andel efter loven (%)' },
      ],
      rows: compliance.map((r) => ({
        category: T.categories[r.category],
        ...guardedCells(r.figures, keys, (f) => ({
          cases: f.n,
          held: f.held,
          missed_policy: f.missedPolicy,
          on_time_policy: f.onTimePolicy,
          policy_share: f.policyShare,
          legal_base: f.legalBase,
          missed_legal: f.missedLegal,
          on_time_legal: f.onTimeLegal,
          legal_share: f.legalShare,
        })),
      })),
      summary: {
        from: input.from,
        to: input.to,
        policy: input.municipality.policy.id,
        law: 'Serviceloven § 70 for opfølgninger med frist før 1.1.2024, Barnets Lov derefter',
      },
    };
  },
};
