/**
 * The tab's one stylesheet (served from /tab/assets, so the CSP needs no inline styles). Colours
 * follow Teams' three themes; the charts' own text and marks are recoloured here for dark and high
 * contrast, since their SVG is shared with the printable yearly status.
 */
export const TAB_CSS = `
:root { --bg: #ffffff; --fg: #242424; --muted: #4d4d4d; --line: #d1d1d1; --accent: #1f5c6b; --panel: #f5f5f5; --link: #0f548c; }
.theme-dark { --bg: #1f1f1f; --fg: #f0f0f0; --muted: #c8c8c8; --line: #525252; --accent: #7fc4d6; --panel: #2b2b2b; --link: #8fc8ff; }
.theme-contrast { --bg: #000000; --fg: #ffffff; --muted: #ffffff; --line: #ffffff; --accent: #ffff00; --panel: #000000; --link: #ffff00; }
* { box-sizing: border-box; }
html, body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.45 "Segoe UI", system-ui, -apple-system, Arial, sans-serif; }
main, header { max-width: 1100px; margin: 0 auto; padding: 12px 20px; }
header { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: end; border-bottom: 1px solid var(--line); }
h1 { font-size: 20px; margin: 0 16px 0 0; color: var(--accent); }
h2 { font-size: 18px; margin: 28px 0 6px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 20px 0 6px; }
label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); }
select, button { font: inherit; color: var(--fg); background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: 4px 8px; }
button:focus-visible, select:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
a { color: var(--link); }
.demo { flex-basis: 100%; margin: 0; color: var(--muted); }
.period, .lead, .note, .command { color: var(--muted); }
.chart-box { overflow-x: auto; background: var(--panel); border-radius: 6px; padding: 8px; margin: 8px 0; }
svg.chart { max-width: 100%; height: auto; }
svg.chart text:not([fill="#fff"]) { fill: var(--fg); }
svg.chart line[stroke="#000"], svg.chart line[stroke="#555"] { stroke: var(--fg); }
.theme-contrast svg.chart rect.bar { stroke: #ffffff; stroke-width: 1; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 6px 0; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; }
td { text-align: right; }
figure.report { margin: 6px 0 18px; }
figcaption { font-weight: 600; margin-bottom: 4px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
code { font-size: 12px; word-break: break-all; }
ol.timeline { list-style: none; padding: 0; margin: 0; }
li.deadline { display: grid; grid-template-columns: 170px 1fr auto auto; gap: 4px 14px; padding: 6px 0; border-bottom: 1px solid var(--line); }
li.deadline time { font-weight: 600; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.error { border-left: 4px solid #c0392b; padding: 8px 12px; background: var(--panel); }
@media (max-width: 640px) { li.deadline { grid-template-columns: 1fr; } }
`;
