import { SUPPRESSED_TEXT, RATINGS, type Count, type Guarded } from '../../domain/keyFigures';
import { INSTITUTION_TYPE_LABELS } from '../../i18n/labels';
import { REPORT_TEXTS } from '../../i18n/reportTexts';
import { formatDate } from '../../i18n/locale';
import { professionList } from '../cells';
import { stepLabel } from '../ladder';
import { barChart, esc, stackedChart, type Bar } from './charts';
import { STYLES } from './styles';
import type { YearlyStatusData } from './collect';

const T = REPORT_TEXTS.da;

/** Danish number: 87,6; null → –. */
function num(x: number | null | undefined, unit = ''): string {
  if (x === null || x === undefined) return '–';
  return `${String(x).replace('.', ',')}${unit}`;
}

function cell<T extends object>(g: Guarded<T>, f: (x: T & { n: number }) => string): string {
  return g.suppressed
    ? `<span class="suppressed">${esc(SUPPRESSED_TEXT)}</span>`
    : esc(f(g as T & { n: number }));
}

function table(head: string[], rows: string[][]): string {
  return [
    '<table><thead><tr>',
    ...head.map((h) => `<th>${esc(h)}</th>`),
    '</tr></thead><tbody>',
    ...rows.map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`,
    ),
    '</tbody></table>',
  ].join('');
}

function section(id: string, title: string, lead: string, chart: string, numbers: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2><p class="lead">${esc(lead)}</p><div class="figure"><div class="chart-box">${chart}</div><div class="numbers">${numbers}</div></div></section>`;
}

/** Teams belong to no unit: a unit's yearly status still shows the municipality's meetings. */
const wholeMunicipality = (d: YearlyStatusData): string =>
  d.unitName ? ' Teams hører ikke til en enhed, så tallene gælder hele kommunen.' : '';

const hidden: Pick<Bar, 'value' | 'note'> = { value: null, note: SUPPRESSED_TEXT };

function followUpSection(d: YearlyStatusData): string {
  const chart = barChart({
    id: 'followup-intervals',
    title: 'Gennemsnitligt antal dage mellem afholdte opfølgninger',
    bars: d.intervals.map((r) => ({
      label: T.categories[r.category],
      ...(r.figures.suppressed
        ? hidden
        : { value: r.figures.averageDays, display: `${num(r.figures.averageDays)} dage` }),
    })),
  });
  const rows = d.intervals.map((r) => [
    esc(T.categories[r.category]),
    cell(r.figures, (f) => String(f.n)),
    cell(r.figures, (f) => String(f.held)),
    cell(r.figures, (f) => num(f.averageDays)),
  ]);
  return section(
    'opfolgninger',
    'Opfølgninger og dage mellem dem',
    'Afholdte opfølgninger i året og det gennemsnitlige antal dage mellem to afholdte opfølgninger på samme foranstaltning (jf. Vesthimmerlands nøgletal, tabel 2).',
    chart,
    table(['Foranstaltning', 'Sager (n)', 'Afholdte', 'Gns. dage imellem'], rows),
  );
}

function perHalfYearSection(d: YearlyStatusData): string {
  const chart = barChart({
    id: 'followups-per-half-year',
    title: 'Opfølgninger pr. sag pr. halvår',
    bars: d.perHalfYear.map((r) => ({
      label: T.categories[r.category],
      ...(r.figures.suppressed ? hidden : { value: r.figures.average }),
    })),
  });
  const rows = d.perHalfYear.map((r) => [
    esc(T.categories[r.category]),
    cell(r.figures, (f) => String(f.n)),
    cell(r.figures, (f) => String(f.held)),
    cell(r.figures, (f) => String(f.caseHalfYears)),
    cell(r.figures, (f) => num(f.average)),
  ]);
  return section(
    'halvaar',
    'Opfølgninger pr. sag pr. halvår',
    'Afholdte opfølgninger delt med summen over årets to halvår af sager med en aktiv foranstaltning i halvåret (jf. Herning-evalueringens figur 2.2).',
    chart,
    table(['Foranstaltning', 'Sager (n)', 'Afholdte', 'Sagshalvår', 'Pr. sag pr. halvår'], rows),
  );
}

function complianceSection(d: YearlyStatusData): string {
  const bars = d.compliance.flatMap((r): Bar[] =>
    r.figures.suppressed
      ? [{ label: T.categories[r.category], ...hidden }]
      : [
          {
            label: `${T.categories[r.category]}, politik`,
            value: r.figures.policyShare,
            display: num(r.figures.policyShare, ' %'),
            series: 0,
          },
          {
            label: `${T.categories[r.category]}, loven`,
            value: r.figures.legalShare,
            display: num(r.figures.legalShare, ' %'),
            series: 1,
          },
        ],
  );
  const chart = barChart({
    id: 'compliance',
    title: 'Rettidige opfølgninger i procent',
    bars,
    max: 100,
    legend: ['Efter kommunens politik', 'Efter loven'],
  });
  const rows = d.compliance.map((r) => [
    esc(T.categories[r.category]),
    cell(r.figures, (f) => String(f.n)),
    cell(r.figures, (f) => String(f.held)),
    cell(r.figures, (f) => num(f.policyShare, ' %')),
    cell(r.figures, (f) => `${num(f.legalShare, ' %')} af ${f.legalBase}`),
  ]);
  return section(
    'rettidighed',
    'Rettidighed',
    `Andel af årets opfølgninger holdt senest på den dato, kommunens politik (${d.policyName}) og loven gav, regnet fra opfølgningen før.`,
    chart,
    table(['Foranstaltning', 'Sager (n)', 'Afholdte', 'Efter politik', 'Efter loven'], rows),
  );
}

function ladderSection(d: YearlyStatusData): string {
  const f = d.ladderMoves;
  const dirs = ['down', 'up', 'in', 'out'] as const;
  const bar = (c: Count) => (c === SUPPRESSED_TEXT ? hidden : { value: c });
  const chart = barChart({
    id: 'ladder-movements',
    title: 'Bevægelser på indsatstrappen',
    bars: dirs.map((k) => ({ label: T.directions[k], ...bar(f.moves[k]) })),
  });
  const numbers = table(
    ['Fra', 'Til', 'Retning', 'Børn'],
    f.pairs.map((p) => [
      esc(stepLabel(d.ladder, p.from)),
      esc(stepLabel(d.ladder, p.to)),
      T.directions[p.direction],
      p.count === SUPPRESSED_TEXT
        ? `<span class="suppressed">${esc(SUPPRESSED_TEXT)}</span>`
        : String(p.count),
    ]),
  );
  return section(
    'trappen',
    'Bevægelser på indsatstrappen',
    `Hvert barns trin på ${d.ladder.name} den 31.12.${d.year - 1} sammenlignet med den 31.12.${d.year}. Ned er mod mindre indgribende hjælp.`,
    chart,
    numbers,
  );
}

function earlyHelpSection(d: YearlyStatusData): string {
  const f = d.earlyHelp.figures;
  const chart = barChart({
    id: 'early-help',
    title: '§ 30-forløb fulgt af børnefaglig undersøgelse',
    bars: [
      {
        label: 'Andel fulgt af undersøgelse',
        ...(f.suppressed ? hidden : { value: f.share, display: num(f.share, ' %') }),
      },
    ],
    max: 100,
  });
  return section(
    'paragraf30',
    '§ 30-forløb (tidl. § 11) fulgt af en undersøgelse',
    `Børn, der fik et § 30-forløb 31.12.${d.year - 1}–30.6.${d.year}, og som derefter fik en børnefaglig undersøgelse senest 31.12.${d.year} (Vesthimmerlands tabel 3 og note 7 med 31.12. som skæringsdato).`,
    chart,
    table(
      ['Modtagere (n)', 'Fulgt af undersøgelse', 'Andel'],
      [
        [
          cell(f, (x) => String(x.recipients)),
          cell(f, (x) => String(x.followed)),
          cell(f, (x) => num(x.share, ' %')),
        ],
      ],
    ),
  );
}

function caseloadSection(d: YearlyStatusData): string {
  const c = d.caseload;
  const chart = barChart({
    id: 'caseload',
    title: 'Sagstal pr. rådgiver mod målet',
    bars: [
      ...c.units.map((u) => ({ label: u.unit, value: u.average })),
      // A unit's document has the unit's own row only; the total would repeat it.
      ...(d.unitName ? [] : [{ label: 'Hele kommunen', value: c.average, series: 1 }]),
    ],
    target: { value: c.target, label: `mål ${c.target}` },
  });
  const rows = [
    ...c.units.map((u) => [esc(u.unit), String(u.advisers.length), num(u.average)]),
    ...(d.unitName ? [] : [['Hele kommunen', String(c.advisers), num(c.average)]]),
  ];
  return section(
    'sagstal',
    'Sagstal pr. rådgiver',
    `Åbne sager pr. rådgiver ${formatDate(c.on, 'da')} mod målet om højst ${c.target} i gennemsnit.`,
    chart,
    table(['Enhed', 'Rådgivere', 'Gns. sager'], rows),
  );
}

function meetingsSection(d: YearlyStatusData): string {
  const chart = barChart({
    id: 'meetings',
    title: 'Afholdte teammøder mod minimum',
    bars: d.meetings.map((m) => ({
      label: m.teamName,
      value: m.held,
      marker: m.expected,
      series: m.met ? 3 : 2,
    })),
  });
  const rows = d.meetings.map((m) => [
    esc(m.teamName),
    esc(INSTITUTION_TYPE_LABELS[m.institutionType].da),
    String(m.held),
    num(m.expected),
    m.met ? 'ja' : 'nej',
  ]);
  return section(
    'moeder',
    'Tværfaglige teammøder',
    'Afholdte møder pr. team i året; stregen er minimum (6 for dagtilbud og grundskole, 10 for overbygningsskole).' +
      wholeMunicipality(d),
    chart,
    table(['Team', 'Institution', 'Afholdte', 'Minimum', 'Opfyldt'], rows),
  );
}

function ratingsSection(d: YearlyStatusData): string {
  const groups = [...d.ratings.groups, { id: 'all', name: 'Hele kommunen', figures: d.ratings.total }];
  const chart = stackedChart({
    id: 'ratings',
    title: 'Vurdering af møderne',
    legend: RATINGS.map((r) => T.ratings[r]),
    rows: groups.map((g) =>
      g.figures.suppressed
        ? { label: g.name, shares: null, note: SUPPRESSED_TEXT }
        : g.figures.rated === 0
          ? { label: g.name, shares: null, note: 'ingen besvarelser' }
          : {
              label: g.name,
              shares: RATINGS.map((r) => (g.figures.suppressed ? 0 : (g.figures.shares[r] ?? 0))),
            },
    ),
  });
  const rows = groups.map((g) => [
    esc(g.name),
    cell(g.figures, (f) => String(f.n)),
    ...RATINGS.map((r) => cell(g.figures, (f) => `${f.counts[r]} (${num(f.shares[r], ' %')})`)),
    cell(g.figures, (f) => professionList(f.professions)),
  ]);
  return section(
    'statusskemaer',
    'Statusskemaer efter møderne',
    'Deltagernes vurdering af årets møder pr. team og i alt. Forældres svar er anonyme.' +
      wholeMunicipality(d),
    chart,
    table(['Team', 'n', ...RATINGS.map((r) => T.ratings[r]), 'Faggrupper'], rows),
  );
}

/** The yearly status as one self-contained, printable HTML document (Danish). */
export function yearlyStatusHtml(d: YearlyStatusData): string {
  const scope = d.unitName ? ` – ${d.unitName}` : '';
  const title = `Årsstatus ${d.year}: ${d.municipalityName}${scope}`;
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p>Nøgletal for børne- og familieområdet 1.1.–31.12.${d.year}, udarbejdet ${esc(formatDate(d.today, 'da'))} af Samspil.</p>
<p class="note">Opfølgningspolitik: ${esc(d.policyName)}. Indsatstrappe: ${esc(d.ladder.name)}. Grupper med færre end 5 børn, forløb eller besvarelser vises som «${esc(SUPPRESSED_TEXT)}», så ingen kan genkendes.</p>
</header>
<main>
${followUpSection(d)}
${perHalfYearSection(d)}
${complianceSection(d)}
${ladderSection(d)}
${earlyHelpSection(d)}
${caseloadSection(d)}
${meetingsSection(d)}
${ratingsSection(d)}
</main>
</body>
</html>
`;
}
