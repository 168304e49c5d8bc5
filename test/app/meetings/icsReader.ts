/**
 * A small RFC 5545 reader for the tests: CRLF lines, folded lines (a leading space continues the
 * previous one), `NAME;PARAM=V:value`. It fails on anything that is not a well-formed VCALENDAR.
 */
export interface IcsEvent {
  method: string;
  props: Record<string, string>;
  attendees: string[];
}

export function readIcs(text: string): IcsEvent {
  if (!text.endsWith('\r\n')) throw new Error('an .ics ends every line with CRLF');
  const lines = text
    .split('\r\n')
    .slice(0, -1)
    .reduce<string[]>((acc, line) => {
      if (line.startsWith(' ') || line.startsWith('\t')) acc[acc.length - 1] += line.slice(1);
      else acc.push(line);
      return acc;
    }, []);
  if (lines[0] !== 'BEGIN:VCALENDAR' || lines.at(-1) !== 'END:VCALENDAR') throw new Error('not a VCALENDAR');
  const begin = lines.indexOf('BEGIN:VEVENT');
  const end = lines.indexOf('END:VEVENT');
  if (begin < 0 || end < begin) throw new Error('no VEVENT');
  const prop = (line: string) => {
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`not a content line: ${line}`);
    return { name: line.slice(0, colon).split(';')[0]!, value: line.slice(colon + 1), raw: line };
  };
  const method = lines.map(prop).find((p) => p.name === 'METHOD')?.value ?? '';
  const props: Record<string, string> = {};
  const attendees: string[] = [];
  for (const line of lines.slice(begin + 1, end)) {
    const p = prop(line);
    if (p.name === 'ATTENDEE') attendees.push(p.value.replace(/^mailto:/i, ''));
    else props[p.name] = p.value;
  }
  return { method, props, attendees };
}
