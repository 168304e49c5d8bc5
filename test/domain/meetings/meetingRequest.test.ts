import type { ZodIssue } from 'zod';
import { meetingRequestSchema } from '../../../src/domain/meetings/meetingRequest';

const CPR = '010190-1234';
const messages = (input: unknown): string[] => {
  const r = meetingRequestSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i: ZodIssue) => i.message);
};

// The two meeting formats (docs/domain-rules.md) ("tema" and "barn/ung/familie").
const THEME = {
  format: 'theme',
  date: '2026-09-29',
  startTime: '14:00',
  endTime: '15:30',
  place: 'Mødelokale 2, Vestskolen',
  theme: 'Mobning',
  purpose: 'Fælles sprog om mobning',
  participants: ['u-anne', 'u-bo', 'u-anne'],
};

const CHILD = {
  format: 'child',
  date: '2026-10-06',
  startTime: '08:30',
  endTime: '09:30',
  onlineUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
  childReference: 'ØL',
  purpose: 'Bekymring for fravær',
  participants: ['u-anne', 'u-cecilie'],
  parentsTakePart: true,
  childTakesPart: true,
};

describe('meetingRequestSchema — tema', () => {
  it('accepts a theme meeting; participants are deduplicated; parents default to not taking part', () => {
    expect(meetingRequestSchema.parse(THEME)).toEqual({
      ...THEME,
      participants: ['u-anne', 'u-bo'],
      parentsTakePart: false,
    });
  });

  it('has no child reference or childTakesPart: a theme meeting names no child', () => {
    expect(meetingRequestSchema.safeParse({ ...THEME, childReference: 'AB' }).success).toBe(false);
    expect(meetingRequestSchema.safeParse({ ...THEME, childTakesPart: true }).success).toBe(false);
  });

  it('needs a theme', () => {
    expect(messages({ ...THEME, theme: '  ' })).toEqual(['theme: must not be empty']);
  });
});

describe('meetingRequestSchema — barn/ung/familie', () => {
  it('accepts a child meeting with an online link instead of a place', () => {
    expect(meetingRequestSchema.parse(CHILD)).toEqual(CHILD);
  });

  it('childTakesPart defaults to false; parentsTakePart must be answered', () => {
    const { childTakesPart: _c, parentsTakePart: _p, ...rest } = CHILD;
    expect(meetingRequestSchema.safeParse(rest).success).toBe(false);
    const parsed = meetingRequestSchema.parse({ ...rest, parentsTakePart: true });
    expect(parsed.format === 'child' && parsed.childTakesPart).toBe(false);
  });

  it('never a full name (docs/privacy.md): refuses "Firstname Lastname" as the child reference', () => {
    expect(messages({ ...CHILD, childReference: 'Ole Larsen' })).toEqual([
      'childReference: looks like a name. Refer to the child by initials (e.g. "AB") or the case reference.',
    ]);
  });
});

describe('meetingRequestSchema — shared rules', () => {
  it.each<[string, Record<string, unknown>]>([
    ['purpose', { ...THEME, purpose: `Om barnet ${CPR}` }],
    ['theme', { ...THEME, theme: CPR }],
    ['place', { ...THEME, place: `Hjemme hos ${CPR}` }],
    ['participants', { ...THEME, participants: ['u-anne', '0101901234'] }],
    ['childReference', { ...CHILD, childReference: CPR }],
  ])('refuses a CPR number in %s, naming the field', (field, input) => {
    expect(messages(input)).toEqual([
      `${field}: Looks like a CPR number – use initials or the case number. Samspil does not store CPR numbers.`,
    ]);
  });

  it('end must be after start', () => {
    expect(messages({ ...THEME, endTime: '14:00' })).toEqual(['endTime: must be after startTime']);
    expect(messages({ ...THEME, startTime: '9:00' })).toEqual(['must be a time (HH:mm)']);
  });

  it("needs a place or an online link; an empty card input ('') counts as none", () => {
    expect(messages({ ...THEME, place: '' })).toEqual(['place: give a place or an online link']);
    expect(messages({ ...CHILD, onlineUrl: '' })).toEqual(['place: give a place or an online link']);
    expect(messages({ ...CHILD, onlineUrl: 'http://example.com/x' })).toEqual(['must be an https:// link']);
  });

  it('refuses an impossible date, no participants, and an unknown format', () => {
    expect(messages({ ...THEME, date: '2026-02-29' })).toEqual(['must be a date (YYYY-MM-DD)']);
    expect(messages({ ...THEME, participants: [] })).toEqual(['Array must contain at least 1 element(s)']);
    expect(meetingRequestSchema.safeParse({ ...THEME, format: 'case' }).success).toBe(false);
  });
});
