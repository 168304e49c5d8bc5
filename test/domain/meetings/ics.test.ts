import { zonedInstant } from '../../../src/domain/calendar';
import {
  buildMeetingIcs,
  icsContentType,
  meetingUid,
  type MeetingIcsInput,
} from '../../../src/domain/meetings/ics';

interface Prop {
  name: string;
  params: Record<string, string>;
  value: string;
}

/**
 * A minimal RFC 5545 reader, enough to check what we wrote: lines end in CRLF (§3.1), a line
 * starting with a space or tab continues the previous one, `NAME;P=V;P="V,W":value`.
 */
function parseIcs(text: string): Prop[] {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  return lines.map((line) => {
    const m = /^([A-Z-]+)((?:;[A-Z-]+=(?:"[^"]*"|[^;:"]*))*):(.*)$/.exec(line);
    if (!m) throw new Error(`Not a content line: ${line}`);
    const params: Record<string, string> = {};
    for (const p of (m[2] ?? '').matchAll(/;([A-Z-]+)=("[^"]*"|[^;:"]*)/g))
      params[p[1]!] = p[2]!.replace(/^"|"$/g, '');
    return { name: m[1]!, params, value: m[3]! };
  });
}

/** The value of the only property `name` inside `component` (VCALENDAR or VEVENT). */
function prop(props: Prop[], name: string, component = 'VEVENT'): string | undefined {
  const begin = props.findIndex((p) => p.name === 'BEGIN' && p.value === component);
  const end = props.findIndex((p) => p.name === 'END' && p.value === component);
  const inner = props.slice(begin + 1, end).filter((p) => p.name === name);
  expect(inner.length).toBeLessThanOrEqual(1);
  return inner[0]?.value;
}

const unescape = (s: string | undefined): string | undefined =>
  s?.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');

// A team meeting on Tuesday 29 September 2026, 14:00–15:30 Copenhagen time (CEST, UTC+2).
const INVITE: MeetingIcsInput = {
  method: 'request',
  uid: meetingUid('m-42', 'samspil.example.dk'),
  sequence: 0,
  start: zonedInstant('2026-09-29', '14:00'),
  end: zonedInstant('2026-09-29', '15:30'),
  stamp: new Date('2026-08-20T08:00:00Z'),
  summary: 'Tværfagligt teammøde – tema: Mobning',
  description: 'Formål: fælles sprog om mobning; anonyme eksempler.',
  location: 'Mødelokale 2, Vestskolen',
  organizer: { name: 'Anne Tovholder', email: 'anne.tovholder@kommune.dk' },
  attendees: [
    { name: 'Bo Psykolog', email: 'bo@kommune.dk' },
    { name: 'Cecilie, sundhedsplejerske', email: 'cecilie@kommune.dk' },
  ],
};

describe('buildMeetingIcs — invitation (RFC 5545 / RFC 5546 iTIP, as Outlook reads it)', () => {
  const props = parseIcs(buildMeetingIcs(INVITE));

  it('is a METHOD:REQUEST calendar with one VEVENT holding the stable UID and SEQUENCE 0', () => {
    expect(prop(props, 'VERSION', 'VCALENDAR')).toBe('2.0');
    expect(prop(props, 'METHOD', 'VCALENDAR')).toBe('REQUEST');
    expect(props.filter((p) => p.name === 'BEGIN' && p.value === 'VEVENT')).toHaveLength(1);
    expect(prop(props, 'UID')).toBe('meeting-m-42@samspil.example.dk');
    expect(prop(props, 'SEQUENCE')).toBe('0');
    expect(prop(props, 'STATUS')).toBe('CONFIRMED');
  });

  it('writes 14:00–15:30 Copenhagen summer time as UTC 12:00–13:30, and DTSTAMP', () => {
    expect(prop(props, 'DTSTART')).toBe('20260929T120000Z');
    expect(prop(props, 'DTEND')).toBe('20260929T133000Z');
    expect(prop(props, 'DTSTAMP')).toBe('20260820T080000Z');
  });

  it('after the switch to winter time 14:00 is 13:00 UTC (27 October 2026)', () => {
    const winter = buildMeetingIcs({
      ...INVITE,
      start: zonedInstant('2026-10-27', '14:00'),
      end: zonedInstant('2026-10-27', '15:30'),
    });
    expect(prop(parseIcs(winter), 'DTSTART')).toBe('20261027T130000Z');
  });

  it('names the organizer and every attendee by mailto with the answer given in Samspil, and asks Outlook for none', () => {
    const organizer = props.find((p) => p.name === 'ORGANIZER')!;
    expect([organizer.value, organizer.params.CN]).toEqual([
      'mailto:anne.tovholder@kommune.dk',
      'Anne Tovholder',
    ]);
    const answered = parseIcs(
      buildMeetingIcs({
        ...INVITE,
        attendees: [
          { ...INVITE.attendees[0]!, answer: 'yes' },
          { ...INVITE.attendees[1]!, answer: 'no' },
          { name: 'Dorte Dagtilbud', email: 'dorte@kommune.dk', answer: null },
        ],
      }),
    );
    const attendees = answered.filter((p) => p.name === 'ATTENDEE');
    // RSVP=FALSE: Outlook's Accept/Decline would mail the organiser outside Samspil, which owns the answer.
    expect(
      attendees.map((a) => [a.value.toLowerCase(), a.params.CN, a.params.RSVP, a.params.PARTSTAT]),
    ).toEqual([
      ['mailto:bo@kommune.dk', 'Bo Psykolog', 'FALSE', 'ACCEPTED'],
      ['mailto:cecilie@kommune.dk', 'Cecilie, sundhedsplejerske', 'FALSE', 'DECLINED'],
      ['mailto:dorte@kommune.dk', 'Dorte Dagtilbud', 'FALSE', 'NEEDS-ACTION'],
    ]);
  });

  it('carries summary, location and description, escaped and unfolded back intact', () => {
    expect(unescape(prop(props, 'SUMMARY'))).toBe(INVITE.summary);
    expect(unescape(prop(props, 'LOCATION'))).toBe(INVITE.location);
    expect(unescape(prop(props, 'DESCRIPTION'))).toBe(INVITE.description);
  });

  it('folds long lines at 75 octets (RFC 5545 §3.1)', () => {
    const long = buildMeetingIcs({ ...INVITE, description: 'æ'.repeat(200) });
    for (const line of long.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(unescape(prop(parseIcs(long), 'DESCRIPTION'))).toBe('æ'.repeat(200));
  });

  it('an online-only meeting puts the link in LOCATION (Outlook does not show URL) and the description', () => {
    const link = 'https://teams.microsoft.com/l/meetup-join/abc';
    const online = parseIcs(buildMeetingIcs({ ...INVITE, location: undefined, onlineUrl: link }));
    expect(prop(online, 'LOCATION')).toBe(link);
    expect(prop(online, 'URL')).toBe(link);
    expect(unescape(prop(online, 'DESCRIPTION'))).toBe(`${INVITE.description}\n\n${link}`);
  });

  it('a meeting about a child is CLASS:PRIVATE', () => {
    expect(prop(props, 'CLASS')).toBe('PUBLIC');
    expect(prop(parseIcs(buildMeetingIcs({ ...INVITE, private: true })), 'CLASS')).toBe('PRIVATE');
  });
});

describe('buildMeetingIcs — changes and cancellation (RFC 5546 §2.1.4/§3.2.5: same UID, higher SEQUENCE)', () => {
  const original = parseIcs(buildMeetingIcs(INVITE));

  it('moving the meeting to 6 October keeps the UID and raises SEQUENCE', () => {
    const moved = parseIcs(
      buildMeetingIcs({
        ...INVITE,
        sequence: 1,
        start: zonedInstant('2026-10-06', '14:00'),
        end: zonedInstant('2026-10-06', '15:30'),
        stamp: new Date('2026-09-01T09:00:00Z'),
      }),
    );
    expect(prop(moved, 'METHOD', 'VCALENDAR')).toBe('REQUEST');
    expect(prop(moved, 'UID')).toBe(prop(original, 'UID'));
    expect(Number(prop(moved, 'SEQUENCE'))).toBeGreaterThan(Number(prop(original, 'SEQUENCE')));
    expect(prop(moved, 'DTSTART')).toBe('20261006T120000Z');
  });

  it('cancelling sends METHOD:CANCEL, STATUS:CANCELLED, same UID, higher SEQUENCE, no RSVP asked', () => {
    const cancelled = parseIcs(buildMeetingIcs({ ...INVITE, method: 'cancel', sequence: 2 }));
    expect(prop(cancelled, 'METHOD', 'VCALENDAR')).toBe('CANCEL');
    expect(prop(cancelled, 'STATUS')).toBe('CANCELLED');
    expect(prop(cancelled, 'UID')).toBe('meeting-m-42@samspil.example.dk');
    expect(prop(cancelled, 'SEQUENCE')).toBe('2');
    expect(cancelled.filter((p) => p.name === 'ATTENDEE').map((a) => a.params.RSVP)).toEqual([
      'FALSE',
      'FALSE',
    ]);
  });

  it('icsContentType carries the method for mail clients', () => {
    expect([icsContentType('request'), icsContentType('cancel')]).toEqual([
      'text/calendar; charset=utf-8; method=REQUEST',
      'text/calendar; charset=utf-8; method=CANCEL',
    ]);
  });
});

describe('buildMeetingIcs — refuses', () => {
  it.each([
    [{ sequence: -1 }, 'sequence'],
    [{ sequence: 1.5 }, 'sequence'],
    [{ end: zonedInstant('2026-09-29', '14:00') }, 'end must be after start'],
    [{ location: undefined }, 'needs a location or an online link'],
    [{ onlineUrl: 'javascript:alert(1)' }, 'https'],
    [{ attendees: [] }, 'attendees'],
    [{ attendees: [{ email: 'not-an-email' }] }, 'email'],
    [{ summary: 'Møde om 010190-1234' }, 'summary: Looks like a CPR number'],
    [{ description: 'CPR 0101901234' }, 'description: Looks like a CPR number'],
  ])('%j', (override, message) => {
    expect(() => buildMeetingIcs({ ...INVITE, ...override } as MeetingIcsInput)).toThrow(message);
  });

  it('a meeting id that cannot go in a UID', () => {
    expect(() => meetingUid('a b')).toThrow('Meeting id');
    expect(meetingUid('m-42')).toBe('meeting-m-42@samspil.invalid');
  });
});
