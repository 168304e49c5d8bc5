import { parse } from 'csv-parse/sync';
import { redactCpr } from '../domain/cpr';

export interface SourceRow {
  /** Line in the CSV file (header is line 1), or the 1-based position in a JSON array. */
  line: number;
  values: Record<string, string>;
  /** Fields the reader could not turn into text (a nested object, a list of objects). */
  problems?: { field: string; message: string }[];
}

export class ImportFileError extends Error {}

/** Danish Excel writes ';', most other tools ','; the header line tells which. */
export function detectDelimiter(headerLine: string): ';' | ',' {
  const semis = (headerLine.match(/;/g) ?? []).length;
  const commas = (headerLine.match(/,/g) ?? []).length;
  return semis > commas ? ';' : ',';
}

export function readRows(content: string, fileName: string): SourceRow[] {
  const text = content.replace(/^\uFEFF/, '');
  const isJson = /\.json$/i.test(fileName) || /^\s*[[{]/.test(text);
  return isJson ? readJson(text) : readCsv(text);
}

function readCsv(text: string): SourceRow[] {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  if (header.trim() === '') throw new ImportFileError('The file is empty: expected a header row.');
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(header),
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: false,
    }) as typeof records;
  } catch (err) {
    // csv-parse quotes the offending field in its message, so it is redacted before it is shown.
    throw new ImportFileError(`The CSV file cannot be read: ${redactCpr((err as Error).message)}`);
  }
  return records.map((r) => ({ line: r.info.lines, values: r.record }));
}

function readJson(text: string): SourceRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ImportFileError(`The JSON file cannot be read: ${redactCpr((err as Error).message)}`);
  }
  if (!Array.isArray(data)) throw new ImportFileError('A JSON import file must hold an array of objects.');
  return rowsFromObjects(data, 1);
}

/**
 * JSON objects as source rows, numbered from `first` (1 for a file's array position, 0 for an API
 * batch's index): the same reading for `samspil import` and the case-system API.
 */
export function rowsFromObjects(items: unknown[], first: number): SourceRow[] {
  return items.map((item, i) => {
    const line = i + first;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      return { line, values: {}, problems: [{ field: '(row)', message: 'must be an object' }] };
    }
    const values: Record<string, string> = {};
    const problems: { field: string; message: string }[] = [];
    for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
      const key = k.trim().toLowerCase();
      const text = scalarText(v);
      if (text === null) problems.push({ field: key, message: NOT_SCALAR });
      else values[key] = text;
    }
    return problems.length ? { line, values, problems } : { line, values };
  });
}

const NOT_SCALAR = 'must be a text, a number or true/false, not an object or a list of objects';

/** A JSON value as the text a CSV cell would hold; null for what no cell can hold. */
export function scalarText(v: unknown): string | null {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  // A list of plain values is how JSON writes a '|'-separated column (team members).
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join('|');
  return null;
}
