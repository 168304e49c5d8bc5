import { ENGINES, openTestStore } from '../support/db';
import type { Store } from '../../src/store/store';
import type { StaffRow } from '../../src/store/types';
import { minutesExtras, saveMinutes } from '../../src/app/minutes';
import { ParentLinks } from '../../src/app/parentLinks';
import { roleOwnerId } from '../../src/domain/meetings/minutes';
import { minutesCardExtras, minutesFormCard, minutesSavedCard } from '../../src/views/minutesCards';
import { meetingSummary } from '../../src/app/questionnaires';
import { seedAfterMeeting } from './afterMeetingFixture';

/**
 * An agreement owned by a parent or the family ("Mor kontakter skolen", seed 001: the parents are at
 * the table): saved with the minutes, shown with its owner in words, never reminded, and listed for
 * the coordinator at the next meeting; the coordinator's card carries the parents' link as a QR code.
 */
describe('agreements owned by a parent or the family', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let seed: Awaited<ReturnType<typeof seedAfterMeeting>>;
  const staff: Record<string, StaffRow> = {};
  const links = new ParentLinks('https://samspil.example', 'a-secret-of-at-least-thirty-two-characters');

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    seed = await seedAfterMeeting(store);
    for (const s of await seed.t.staff.list()) staff[s.email.split('@')[0]!] = s;
  });
  afterAll(async () => dispose());

  it('saves "forælder" and "familien" as owners, shows them, reminds no one, and lists them at the next meeting', async () => {
    const meeting = await seed.meeting('child', '2026-11-24');
    const m = await seed.municipality();
    const r = await saveMinutes(
      store,
      m,
      staff.tove!,
      {
        meetingId: meeting.id,
        purpose: 'Bekymring for trivsel',
        a1Text: 'Mor kontakter skolen',
        a1Owner: roleOwnerId('parent'),
        a1Due: '2026-12-01',
        a2Text: 'Faste sengetider',
        a2Owner: roleOwnerId('family'),
        a2Due: '2026-12-10',
        a3Text: 'Ringer til mor',
        a3Owner: staff.lars!.id,
        a3Due: '2026-12-01',
        nextMeetingDate: '2027-01-12',
      },
      new Date('2026-11-24T10:00:00Z'),
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.value.agreements.map((a) => [a.text, a.owner_name, a.owner_role]).sort()).toEqual([
      ['Faste sengetider', null, 'family'],
      ['Mor kontakter skolen', null, 'parent'],
      ['Ringer til mor', 'Lars Lærer', null],
    ]);

    // Shown on the saved minutes with the owner in words.
    const saved = JSON.stringify(
      minutesSavedCard({
        meeting: await meetingSummary(seed.t, meeting),
        locale: 'da',
        purpose: 'Bekymring for trivsel',
        resources: '',
        challenges: '',
        goals: '',
        agreements: r.value.agreements,
        childRulerLevel: null,
        next: null,
        recordedBy: 'Tove Tovholder',
        recordedOn: '2026-11-24',
      }),
    );
    expect(saved).toContain('Mor kontakter skolen — forælder (ingen påmindelse), senest 1. december 2026');
    expect(saved).toContain('Faste sengetider — familien (ingen påmindelse), senest 10. december 2026');
    expect(saved).toContain('Ringer til mor — Lars Lærer, senest 1. december 2026');

    // Only the staff member's agreement is reminded.
    expect((await seed.t.minutes.openAgreementsDue('2026-11-24', '2026-12-31')).map((a) => a.text)).toEqual([
      'Ringer til mor',
    ]);

    // The next meeting's minutes card lists the parent's and the family's agreements to follow up.
    const next = r.value.nextMeeting!;
    const extras = await minutesExtras(seed.t, m, next, links);
    expect(extras.followUps.map((a) => a.text)).toEqual(['Mor kontakter skolen', 'Faste sengetider']);
    const card = JSON.stringify(
      minutesFormCard({
        meeting: await meetingSummary(seed.t, next),
        purpose: 'Bekymring for trivsel',
        participants: [],
        locale: 'da',
        request: true,
        extras: await minutesCardExtras(extras),
      }),
    );
    expect(card).toContain('Følg op: aftaler fra sidste møde');
    expect(card).toContain('Mor kontakter skolen — forælder (ingen påmindelse), senest 1. december 2026');
    expect(card).not.toContain('Ringer til mor');
  });

  it("puts the parents' link and its QR code on the coordinator's card when parents took part", async () => {
    const m = await seed.municipality();
    const withParents = await seed.t.meetings.create({
      teamId: seed.ids.team,
      format: 'child',
      date: '2026-11-26',
      startTime: '09:00',
      endTime: '10:00',
      startsAt: new Date('2026-11-26T08:00:00Z'),
      endsAt: new Date('2026-11-26T09:00:00Z'),
      childReference: 'CD',
      purpose: 'Trivsel',
      place: 'Mødelokale 2',
      parentsTakePart: true,
      participantIds: [seed.ids.tove],
    });
    const extras = await minutesExtras(seed.t, m, withParents, links);
    expect(extras.parentLink?.url).toMatch(
      /^https:\/\/samspil\.example\/p\/am\/[\w-]{22}\.[0-9a-z]+\.[\w-]{22}$/,
    );
    expect(extras.parentLink?.closesOn).toBe('2026-12-10');
    const card = JSON.stringify(
      minutesFormCard({
        meeting: await meetingSummary(seed.t, withParents),
        purpose: 'Trivsel',
        participants: [],
        locale: 'da',
        request: true,
        extras: await minutesCardExtras(extras),
      }),
    );
    expect(card).toContain('"url":"data:image/png;base64,');
    expect(card).toContain('QR-kode til forældrenes spørgeskema');
    expect(card).toContain(extras.parentLink!.url);
    expect(card).toContain('Linket virker til og med 10. december 2026.');
    // No parents at the table: no link.
    const without = await seed.meeting('child', '2026-11-27');
    expect((await minutesExtras(seed.t, m, without, links)).parentLink).toBeNull();
  });
});
