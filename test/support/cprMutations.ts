import { Random } from '../../src/demo/random';

/**
 * Random re-spellings of a CPR number that a person could still produce: another separator,
 * a line break, a look-alike letter for a 0 or 1, an invisible character, digits of another script,
 * the number inside a sentence. Each keeps the ten digits (and so the date) of the original.
 */
const SEPARATORS = [
  '-',
  ' ',
  '.',
  '/',
  '_',
  '\n',
  '\r\n',
  ' - ',
  '\u2013',
  '\u2212',
  ',',
  ':',
  '--',
  '\u00a0',
];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];
const LOOK_ALIKE: Record<string, string[]> = { '0': ['O', 'o', 'Ø'], '1': ['l', 'I'] };
const SCRIPTS = [0xff10, 0x0660, 0x0966, 0x1d7ce]; // full-width, Arabic-Indic, Devanagari, math bold

export function respell(r: Random, digits: string): string {
  const groups = r.chance(0.3)
    ? [
        digits.slice(0, 2),
        digits.slice(2, 4),
        `${r.pick(['19', '20'])}${digits.slice(4, 6)}`,
        digits.slice(6),
      ]
    : [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6), digits.slice(6)];
  const sep = () => (r.chance(0.3) ? '' : r.pick(SEPARATORS));
  const split = r.int(0, 2); // which gaps get a separator: all, date|serial only, none
  let text = groups
    .map((g, i) => (i === 0 ? g : (split === 0 || (split === 1 && i === 3) ? sep() : '') + g))
    .join('');
  let lookAlikes = 0;
  text = [...text]
    .map((c) => {
      if (LOOK_ALIKE[c] && lookAlikes < 3 && r.chance(0.15)) {
        lookAlikes++;
        return r.pick(LOOK_ALIKE[c]!);
      }
      if (/\d/.test(c) && r.chance(0.05)) return String.fromCodePoint(r.pick(SCRIPTS) + Number(c));
      if (r.chance(0.04)) return c + r.pick(INVISIBLE);
      return c;
    })
    .join('');
  return r.chance(0.4)
    ? `${r.pick(['Barn', 'cpr', 'Sag', 'Født'])}: ${text} ${r.pick(['', 'i skolen', '.'])}`
    : text;
}

/** The ten digits of a table spelling (its date and serial), for re-spelling. */
export function digitsOf(folded: string): string | null {
  const d = folded
    .replace(/[Oo\u00d8\u00f8]/g, '0')
    .replace(/[lI]/g, '1')
    .replace(/\D/g, '');
  if (d.length === 10) return d;
  if (d.length === 12) return d.slice(0, 4) + d.slice(6);
  return null;
}
