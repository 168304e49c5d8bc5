import type { ZodIssue } from 'zod';
import { sosMinutesSchema } from '../../../src/domain/meetings/minutes';

const CPR = '010190-1234'; // 1 Jan 1990: a valid date, so findCpr (cpr.ts) flags it

// Signs of Safety minutes of a child meeting, in the order of seed 001.
const MINUTES = {
  header: {
    meetingDate: '2026-09-29',
    childReference: 'AB',
    purpose: 'Fælles forståelse af AB’s fravær',
    participants: ['u-anne', 'u-bo', 'u-cecilie'],
  },
  resources: 'Glad for sin klasselærer. Mor kommer til alle møder.',
  challenges: 'Højt fravær om mandagen.',
  goals: 'AB møder hver dag til tiden.',
  agreements: [
    { text: 'Klasselæreren ringer hjem mandag morgen', ownerId: 'u-anne', due: '2026-10-05' },
    { text: 'Sundhedsplejersken taler med AB', ownerId: 'u-cecilie', due: '2026-10-13' },
  ],
  nextMeetingDate: '2026-11-03',
  childRulerLevel: 'declining',
};

type Minutes = typeof MINUTES;
const issuesOf = (input: unknown): ZodIssue[] => {
  const r = sosMinutesSchema.safeParse(input);
  return r.success ? [] : r.error.issues;
};

describe('sosMinutesSchema (docs/domain-rules.md, "Cross-disciplinary team meetings": Signs of Safety minutes)', () => {
  it('accepts minutes in SoS order with agreements, next meeting and Børnelinealen level', () => {
    expect(sosMinutesSchema.parse(MINUTES)).toEqual(MINUTES);
  });

  it("only the header is required; an empty card field ('') means absent", () => {
    expect(
      sosMinutesSchema.parse({ header: MINUTES.header, nextMeetingDate: '', childRulerLevel: '' }),
    ).toEqual({
      header: MINUTES.header,
      resources: '',
      challenges: '',
      goals: '',
      agreements: [],
    });
  });

  it('keeps field order as SoS has it', () => {
    expect(Object.keys(sosMinutesSchema.parse(MINUTES))).toEqual([
      'header',
      'resources',
      'challenges',
      'goals',
      'agreements',
      'nextMeetingDate',
      'childRulerLevel',
    ]);
  });

  it.each<[string, (m: Minutes, v: string) => void]>([
    ['header.childReference', (m, v) => (m.header.childReference = v)],
    ['header.purpose', (m, v) => (m.header.purpose = `Om ${v}`)],
    ['header.participants', (m, v) => (m.header.participants = ['u-anne', v])],
    ['resources', (m, v) => (m.resources = `Barnet (${v}) er glad`)],
    ['challenges', (m, v) => (m.challenges = v)],
    ['goals', (m, v) => (m.goals = `mål for ${v}`)],
    ['agreements.text', (m, v) => (m.agreements[1]!.text = `ring om ${v}`)],
    ['agreements.ownerId', (m, v) => (m.agreements[0]!.ownerId = v)],
  ])('never a CPR number (docs/privacy.md): refuses a CPR number in %s, naming the field', (field, put) => {
    for (const cpr of [CPR, '0101901234', '010190 1234']) {
      const m = structuredClone(MINUTES);
      put(m, cpr);
      const cprIssues = issuesOf(m).filter((i) => i.message.includes('CPR'));
      expect(cprIssues).toHaveLength(1);
      expect(cprIssues[0]!.message).toBe(
        `${field}: Looks like a CPR number – use initials or the case number. Samspil does not store CPR numbers.`,
      );
      expect(cprIssues[0]!.message).not.toContain(cpr);
    }
  });

  it.each(['Anna Hansen', 'anna hansen', 'Anne-Mette Ø. Jensen', 'Mikkel  Nielsen'])(
    'never a full name (docs/privacy.md): refuses %j as the child reference',
    (name) => {
      const m = structuredClone(MINUTES);
      m.header.childReference = name;
      expect(issuesOf(m).map((i) => i.message)).toEqual([
        'header.childReference: looks like a name. Refer to the child by initials (e.g. "AB") or the case reference.',
      ]);
    },
  );

  it.each(['A', 'AB', 'ØÅ', 'JMKL', '27.24.00-G01-123-24', 'SAG-2026-0042', '2026/1234'])(
    'accepts %j: initials (1–4 capitals incl. ÆØÅ) or a case reference',
    (ref) => {
      const m = structuredClone(MINUTES);
      m.header.childReference = ref;
      expect(issuesOf(m)).toEqual([]);
    },
  );

  it.each(['Mikkel', 'ABCDE', 'ab', 'A.B.', ''])(
    'refuses %j as neither initials nor a case reference',
    (ref) => {
      const m = structuredClone(MINUTES);
      m.header.childReference = ref;
      expect(issuesOf(m).map((i) => i.message)).toEqual([
        'header.childReference: use initials (1–4 capital letters, e.g. "AB") or the case reference.',
      ]);
    },
  );

  it('refuses an agreement due before the meeting, a next meeting not after it, and an unknown level', () => {
    const m = structuredClone(MINUTES);
    m.agreements[1]!.due = '2026-09-28';
    m.nextMeetingDate = '2026-09-29';
    m.childRulerLevel = 'sårbar';
    expect(issuesOf(m).map((i) => i.path.join('.'))).toEqual(['childRulerLevel']);
    m.childRulerLevel = 'vulnerable';
    expect(issuesOf(m).map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'agreements.1.due: must not be before the meeting',
      'nextMeetingDate: must be after the meeting',
    ]);
  });

  it('an agreement needs text, an owner and a real due date', () => {
    const m = structuredClone(MINUTES);
    m.agreements = [{ text: ' ', ownerId: '', due: '2026-02-30' }];
    expect(issuesOf(m).map((i) => i.path.join('.'))).toEqual([
      'agreements.0.text',
      'agreements.0.ownerId',
      'agreements.0.due',
    ]);
  });
});
