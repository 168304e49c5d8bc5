import { parse } from 'csv-parse/sync';

export interface SourceRow {
  /** Line in the CSV file (header is line 1), or the 1-based position in a JSON array. */
  line: number;
  values: Record<string, string>;
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
    throw new ImportFileError(`The CSV file cannot be read: ${(err as Error).message}`);
  }
  return records.map((r) => ({ line: r.info.lines, values: r.record }));
}

function readJson(text: string): SourceRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ImportFileError(`The JSON file cannot be read: ${(err as Error).message}`);
  }
  if (!Array.isArray(data)) throw new ImportFileError('A JSON import file must hold an array of objects.');
  return data.map((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      return { line: i + 1, values: { __invalid: 'not an object' } };
    }
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
      values[k.trim().toLowerCase()] =
        v === null || v === undefined ? '' : Array.isArray(v) ? v.join('|') : String(v);
    }
    return { line: i + 1, values };
  });
}
