/**
 * Inline SVG charts for the yearly status: no script, no external resource, so the document prints
 * and opens anywhere. Each chart carries data-chart so a test can find it.
 */
export interface Bar {
  label: string;
  /** Null: no bar (suppressed or no data), `note` is shown instead. */
  value: number | null;
  /** The number printed beside the bar. */
  display?: string;
  note?: string;
  /** A mark on this bar's row, e.g. the expected number of meetings. */
  marker?: number;
  series?: number;
}

export const COLOURS = ['#1f5f8b', '#7fb3d5', '#c0392b', '#27ae60', '#8e6bb3'];

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const fmt = (x: number) => String(Math.round(x * 10) / 10).replace('.', ',');

export function barChart(opts: {
  id: string;
  title: string;
  bars: Bar[];
  /** Axis maximum; default the largest value (or marker/target). */
  max?: number;
  /** A vertical line across the chart (e.g. the caseload target 25). */
  target?: { value: number; label: string };
  legend?: string[];
}): string {
  const labelW = 290;
  const plotW = 330;
  const rowH = 26;
  const top = opts.legend ? 28 : 10;
  const width = labelW + plotW + 90;
  const height = top + opts.bars.length * rowH + 24;
  const values = opts.bars.flatMap((b) => [b.value ?? 0, b.marker ?? 0]);
  const max = opts.max ?? Math.max(1, opts.target?.value ?? 0, ...values);
  const x = (v: number) => labelW + (plotW * Math.min(v, max)) / max;
  const parts: string[] = [];
  if (opts.legend) {
    opts.legend.forEach((l, i) => {
      parts.push(
        `<rect x="${labelW + i * 150}" y="6" width="12" height="12" fill="${COLOURS[i % COLOURS.length]}"/>`,
        `<text x="${labelW + i * 150 + 16}" y="16" font-size="11">${esc(l)}</text>`,
      );
    });
  }
  opts.bars.forEach((b, i) => {
    const y = top + i * rowH;
    parts.push(
      `<text x="${labelW - 8}" y="${y + 16}" font-size="11" text-anchor="end">${esc(b.label)}</text>`,
    );
    if (b.value === null) {
      parts.push(
        `<text x="${labelW + 4}" y="${y + 16}" font-size="11" font-style="italic">${esc(b.note ?? '–')}</text>`,
      );
    } else {
      const w = Math.max(b.value > 0 ? 1 : 0, x(b.value) - labelW);
      parts.push(
        `<rect class="bar" x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${COLOURS[(b.series ?? 0) % COLOURS.length]}"/>`,
        `<text x="${labelW + w + 4}" y="${y + 16}" font-size="11">${esc(b.display ?? fmt(b.value))}</text>`,
      );
    }
    if (b.marker !== undefined) {
      const mx = x(b.marker).toFixed(1);
      parts.push(
        `<line x1="${mx}" x2="${mx}" y1="${y + 1}" y2="${y + rowH - 1}" stroke="#000" stroke-width="2"/>`,
      );
    }
  });
  const axisY = top + opts.bars.length * rowH;
  parts.push(`<line x1="${labelW}" x2="${labelW}" y1="${top}" y2="${axisY}" stroke="#555"/>`);
  if (opts.target) {
    const tx = x(opts.target.value).toFixed(1);
    parts.push(
      `<line x1="${tx}" x2="${tx}" y1="${top}" y2="${axisY}" stroke="#c0392b" stroke-dasharray="4 3" stroke-width="2"/>`,
      `<text x="${tx}" y="${axisY + 16}" font-size="11" text-anchor="middle" fill="#c0392b">${esc(opts.target.label)}</text>`,
    );
  }
  return svg(opts.id, opts.title, width, height, parts);
}

/** One 100 % bar per group, split into its shares (the rating distribution). */
export function stackedChart(opts: {
  id: string;
  title: string;
  legend: string[];
  rows: { label: string; shares: number[] | null; note?: string }[];
}): string {
  const labelW = 290;
  const plotW = 400;
  const rowH = 26;
  const top = 28;
  const width = labelW + plotW + 20;
  const height = top + opts.rows.length * rowH + 10;
  const parts: string[] = [];
  opts.legend.forEach((l, i) => {
    parts.push(
      `<rect x="${8 + i * 210}" y="6" width="12" height="12" fill="${COLOURS[i % COLOURS.length]}"/>`,
      `<text x="${24 + i * 210}" y="16" font-size="11">${esc(l)}</text>`,
    );
  });
  opts.rows.forEach((r, i) => {
    const y = top + i * rowH;
    parts.push(
      `<text x="${labelW - 8}" y="${y + 16}" font-size="11" text-anchor="end">${esc(r.label)}</text>`,
    );
    if (!r.shares) {
      parts.push(
        `<text x="${labelW + 4}" y="${y + 16}" font-size="11" font-style="italic">${esc(r.note ?? '–')}</text>`,
      );
      return;
    }
    let x = labelW;
    r.shares.forEach((s, j) => {
      const w = (plotW * s) / 100;
      if (w <= 0) return;
      parts.push(
        `<rect class="bar" x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${COLOURS[j % COLOURS.length]}"/>`,
      );
      if (w > 34) {
        parts.push(
          `<text x="${(x + w / 2).toFixed(1)}" y="${y + 17}" font-size="10" text-anchor="middle" fill="#fff">${fmt(s)} %</text>`,
        );
      }
      x += w;
    });
  });
  return svg(opts.id, opts.title, width, height, parts);
}

function svg(id: string, title: string, width: number, height: number, parts: string[]): string {
  return [
    `<svg class="chart" data-chart="${esc(id)}" role="img" aria-label="${esc(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, Helvetica, sans-serif">`,
    `<title>${esc(title)}</title>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
