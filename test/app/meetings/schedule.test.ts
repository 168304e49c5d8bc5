import { meetingFixture, type MeetingFixture } from './fixture';
import { scheduleCardInput, scheduleMeeting, toMeetingRequest } from '../../../src/app/meetings/schedule';
import { cprField } from '../../../src/app/meetings/common';
import { findCpr } from '../../../src/domain/cpr';
import { refusalText } from '../../../src/i18n/problems';
import { invalidInput } from '../../../src/domain/result';

/** Scheduling one meeting — who may, which child, which day. */
describe('scheduling one meeting', () => {
  let f: MeetingFixture;
  beforeAll(async () => {
    f = await meetingFixture();
  });
  afterAll(async () => f.dispose());
  const now = new Date('2026-11-23T09:00:00Z');

  const card = (over: Record<string, unknown> = {}) =>
    scheduleCardInput.parse({
      teamId: f.ids.north,
      format: 'child',
      date: '2026-12-08',
      startTime: '14:00',
      endTime: '15:00',
      place: 'Nordskolen',
      onlineUrl: '',
      theme: '',
      childReference: 'CD',
      purpose: 'Bekymring for trivsel',
      participants: `${f.ids.psychologist},${f.ids.teacher}`,
      parentsTakePart: 'true',
      childTakesPart: 'false',
      ...over,
    });
  const schedule = async (by: string, over: Record<string, unknown> = {}) => {
    const input = card(over);
    const req = toMeetingRequest(input);
    if (!req.success) throw new Error(req.error.message);
    return scheduleMeeting(
      f.store,
      f.m,
      await f.staff(by),
      String(over.teamId ?? f.ids.north),
      req.data,
      now,
      {
        initialsChecked: input.initialsChecked ?? false,
      },
    );
  };

  it('lets any member call a child meeting; the caller is a participant and parents take part', async () => {
    const res = await schedule(f.ids.teacher);
    if (!res.ok) throw new Error(refusalText(res, 'en'));
    const m = res.value.meeting;
    expect(m).toMatchObject({
      format: 'child',
      child_reference: 'CD',
      parents_take_part: true,
      organizer_staff_id: f.ids.teacher,
      sequence: 0,
    });
    expect(m.starts_at.toISOString()).toBe('2026-12-08T13:00:00.000Z');
    expect((await f.t.meetings.participants(m.id)).map((p) => p.name).sort()).toEqual([
      'Lars Lærer',
      'Pia Psykolog',
    ]);
  });

  it('lets only the coordinator call a theme meeting', async () => {
    const theme = { format: 'theme', theme: 'Mobning', childReference: '', date: '2026-12-09' };
    const refused = await schedule(f.ids.psychologist, theme);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refusalText(refused, 'da')).toContain('Kun teamets tovholder');
    expect((await schedule(f.ids.coordinator, theme)).ok).toBe(true);
  });

  it('refuses someone outside the team', async () => {
    const res = await schedule(f.ids.outsider, { date: '2026-12-10' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(refusalText(res, 'en')).toBe('You are not a member of the team.');
  });

  it('refuses a child with an active case, by case reference, and says why', async () => {
    const res = await schedule(f.ids.teacher, { childReference: 's-100', date: '2026-12-10' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(refusalText(res, 'da')).toContain('Barnet har en aktiv sag (S-100)');
  });

  it('asks before anything is sent when the initials match an open case, and schedules once the caller has checked', async () => {
    const before = await f.t.meetings.forTeam(f.ids.north, '2026-12-11', '2026-12-11');
    const asked = await schedule(f.ids.teacher, { childReference: 'AB', date: '2026-12-11' });
    expect(asked).toMatchObject({ ok: false, stale: false });
    if (!asked.ok) {
      expect(asked.problems).toEqual([{ code: 'initialsOnOpenCase', field: 'childReference' }]);
      expect(refusalText(asked, 'da')).toContain('Intet er sendt endnu');
    }
    expect(await f.t.meetings.forTeam(f.ids.north, '2026-12-11', '2026-12-11')).toEqual(before);
    const checked = await schedule(f.ids.teacher, {
      childReference: 'AB',
      date: '2026-12-11',
      initialsChecked: 'true',
    });
    if (!checked.ok) throw new Error(refusalText(checked, 'en'));
    expect(checked.value.meeting.child_reference).toBe('AB');
  });

  it('refuses a past time, a weekend, a public holiday, a school holiday and a clash', async () => {
    const reasons: string[] = [];
    for (const over of [
      { date: '2026-11-23', startTime: '09:00', endTime: '10:00' },
      { date: '2026-12-12' },
      { date: '2027-03-29' },
      { date: '2026-12-22' },
      { date: '2026-12-08', startTime: '14:30', endTime: '15:30' },
    ]) {
      const res = await schedule(f.ids.teacher, over);
      reasons.push(res.ok ? 'ok' : refusalText(res, 'da'));
    }
    expect(reasons).toEqual([
      'Mødet skal ligge i fremtiden.',
      'Datoen er ikke en arbejdsdag (weekend eller helligdag).',
      'Datoen er ikke en arbejdsdag (weekend eller helligdag).',
      'Datoen er i skoleferien (juleferie).',
      'Teamet har allerede et møde kl. 14:00–15:00 den dag.',
    ]);
  });

  it('says a link must be https, whether it is no link at all or an http one', () => {
    for (const onlineUrl of ['teams.microsoft.com/l/meetup-join/x', 'http://teams.microsoft.com/x']) {
      const req = toMeetingRequest(card({ onlineUrl }));
      expect(req.success).toBe(false);
      if (!req.success)
        expect(invalidInput(req.error).problems).toEqual([{ code: 'httpsLink', field: 'onlineUrl' }]);
    }
  });

  it('finds a CPR number in any typed field of a card, but not in ids', () => {
    // A uuid can hold a CPR-shaped run; ids are not typed, so they are not what the rule is about.
    expect(findCpr('ab010190-1234-4abc-8def-0123456789ab')).not.toBeNull();
    expect(cprField({ teamId: 'ab010190-1234-4abc-8def-0123456789ab', purpose: 'ok' })).toBeNull();
    expect(cprField({ purpose: 'ok', place: 'Hos 010190-1234' })).toBe('place');
    expect(cprField({ onlineUrl: 'https://x.example/0101901234' })).toBe('onlineUrl');
    expect(toMeetingRequest(card({ childReference: '0101901234' })).success).toBe(false);
  });
});
