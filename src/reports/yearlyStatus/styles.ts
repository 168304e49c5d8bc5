/** Inline CSS: readable on screen, one clean A4 document on paper. */
export const STYLES = `
body { font-family: Arial, Helvetica, sans-serif; color: #1b1b1b; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid #1f5f8b; padding-bottom: .2rem; margin-top: 2rem; }
.lead { margin: .3rem 0 .8rem; }
.note { font-size: .85rem; color: #444; }
.figure { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
.chart-box { flex: 0 0 auto; }
.numbers { flex: 1 1 300px; }
table { border-collapse: collapse; font-size: .85rem; width: 100%; }
th, td { border: 1px solid #ccc; padding: .25rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #eef3f7; }
td { text-align: right; }
.suppressed { font-style: italic; color: #666; }
section { break-inside: avoid; page-break-inside: avoid; }
@media print {
  @page { size: A4 portrait; margin: 15mm; }
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { margin-top: 1rem; }
  .figure { display: block; }
  .chart-box svg { max-width: 100%; height: auto; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
