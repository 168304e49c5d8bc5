/**
 * The bytes of an import file as text. Danish Excel saves "CSV UTF-8" (with a byte-order mark) and
 * "CSV (semikolonsepareret)" in Windows-1252, so both are read: a file that is valid UTF-8 is UTF-8
 * (with or without the mark), any other is read as Windows-1252 (iconv-lite's table). What is
 * neither is refused by line, without quoting what the line holds: a UTF-16 file ("Unicode-tekst"),
 * bytes Windows-1252 leaves undefined, NUL bytes (a binary or UTF-16 file without its mark), or
 * lines in another encoding than the rest of a UTF-8 file.
 */
import iconv from 'iconv-lite';
import { ImportFileError } from './read';

export type ImportEncoding = 'utf-8' | 'windows-1252';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const SAVE_AS = 'Save it from Excel as "CSV UTF-8" or "CSV (semikolonsepareret)".';
/** The five bytes Windows-1252 gives no character. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The file's lines as byte ranges (LF ends a line; a CR before it stays with the line). */
function lines(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      out.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return out;
}

function refuse(bad: number[], why: string): never {
  const shown = bad.slice(0, 10).join(', ') + (bad.length > 10 ? ` and ${bad.length - 10} more` : '');
  throw new ImportFileError(`${bad.length === 1 ? 'Line' : 'Lines'} ${shown}: ${why} ${SAVE_AS}`);
}

/** The text of an import file and the encoding it was read in; ImportFileError naming the lines if it is neither. */
export function decodeImportFile(bytes: Buffer): { text: string; encoding: ImportEncoding } {
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) bytes = bytes.subarray(3);
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new ImportFileError(
      `The file is UTF-16 text ("Unicode-tekst"), which the import does not read. ${SAVE_AS}`,
    );
  const split = lines(bytes);
  const withNul = split.flatMap((line, i) => (line.includes(0) ? [i + 1] : []));
  if (withNul.length)
    refuse(withNul, 'holds NUL bytes, so the file is not a text file in UTF-8 or Windows-1252.');
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'utf-8' };
  // Lines with UTF-8's multi-byte letters beside lines that are not UTF-8: two encodings in one file.
  const notUtf8 = split.flatMap((line, i) => (isUtf8(line) ? [] : [i + 1]));
  const utf8Letters = split.some((line) => isUtf8(line) && line.some((b) => b >= 0x80));
  if (utf8Letters) refuse(notUtf8, 'not UTF-8 like the rest of the file.');
  const undefinedBytes = split.flatMap((line, i) =>
    line.some((b) => UNDEFINED_IN_1252.has(b)) ? [i + 1] : [],
  );
  if (undefinedBytes.length)
    refuse(undefinedBytes, 'holds bytes that are neither UTF-8 nor Windows-1252 text.');
  return { text: iconv.decode(bytes, 'windows-1252'), encoding: 'windows-1252' };
}
