import { ENGINES, openTestStore } from '../support/db';
import type { Store } from '../../src/store/store';
import { seedAfterMeeting } from '../app/afterMeetingFixture';

/** Minutes, agreements, forms and answers on both engines, each bound to its municipality. */
describe.each(ENGINES)('minutes and questionnaire repositories on $name', (fixture) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let seed: Awaited<ReturnType<typeof seedAfterMeeting>>;
  let meetingId: string;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(fixture));
    seed = await seedAfterMeeting(store);
    await seedAfterMeeting(store, 'other');
    meetingId = (await seed.meeting('child', '2026-11-24')).id;
  });
  afterAll(async () => dispose());

  const other = () => store.tenant({ municipalityId: 'other', actor: 'test' });
  const minutes = (agreements: { text: string; ownerId: string; due: string }[]) => ({
    meetingId,
    resources: 'Gode venner',
    challenges: 'Fravær',
    goals: 'I skole hver dag',
    nextMeetingDate: '2027-01-12',
    childRulerLevel: 'declining',
    agreements,
    recordedAt: new Date('2026-11-24T10:00:00Z'),
  });

  it('stores minutes with their agreements once; a second save changes nothing', async () => {
    const saved = await seed.t.minutes.save(
      minutes([{ text: 'Ringer til mor', ownerId: seed.ids.lars, due: '2026-12-01' }]),
    );
    expect(saved?.resources).toBe('Gode venner');
    expect(saved?.next_meeting_date).toBe('2027-01-12');
    expect(await seed.t.minutes.save(minutes([]))).toBeNull();
    const agreements = await seed.t.minutes.agreements(meetingId);
    expect(agreements.map((a) => [a.text, a.owner_name, a.due, a.done_on])).toEqual([
      ['Ringer til mor', 'Lars Lærer', '2026-12-01', null],
    ]);
    expect((await seed.t.audit.list()).some((a) => a.entity === 'meeting_minutes')).toBe(true);
  });

  it('finds open agreements by due date and marks one done only once', async () => {
    const [a] = await seed.t.minutes.openAgreementsDue('2026-11-30', '2026-12-01');
    expect(a?.text).toBe('Ringer til mor');
    expect(await seed.t.minutes.openAgreementsDue('2026-12-02', '2026-12-31')).toEqual([]);
    expect(await seed.t.minutes.markDone(a!.id, '2026-11-30')).toBe(true);
    expect(await seed.t.minutes.markDone(a!.id, '2026-12-01')).toBe(false);
    expect((await seed.t.minutes.agreement(a!.id))?.done_on).toBe('2026-11-30');
    expect(await seed.t.minutes.openAgreementsDue('2026-11-30', '2026-12-01')).toEqual([]);
  });

  it('never shows or changes minutes and agreements across municipalities', async () => {
    expect(await other().minutes.get(meetingId)).toBeNull();
    expect(await other().minutes.agreements(meetingId)).toEqual([]);
    expect(await other().minutes.save(minutes([]))).toBeNull();
    const [a] = await seed.t.minutes.agreements(meetingId);
    expect(await other().minutes.agreement(a!.id)).toBeNull();
    expect(await other().minutes.markDone(a!.id, '2026-12-01')).toBe(false);
  });

  it('refuses an agreement owned by another municipality’s staff', async () => {
    const stranger = (await other().staff.byEmail('lars@am.example'))!.id;
    const second = (await seed.meeting('child', '2026-11-25')).id;
    await expect(
      seed.t.minutes.save({
        ...minutes([{ text: 'x', ownerId: stranger, due: '2026-12-01' }]),
        meetingId: second,
      }),
    ).rejects.toThrow('No staff');
  });

  it('stores an answer once per person; a parent answer has no respondent and may repeat', async () => {
    const base = {
      meetingId,
      recordedByStaffId: seed.ids.lars,
      formId: 'child',
      formVersion: 1,
      answers: { rating: 'good' },
      answeredAt: new Date('2026-11-24T10:00:00Z'),
    };
    const first = await seed.t.questionnaires.record({
      ...base,
      respondentStaffId: seed.ids.lars,
    });
    expect(first?.form_version).toBe(1);
    expect(
      await seed.t.questionnaires.record({
        ...base,
        respondentStaffId: seed.ids.lars,
        answers: { rating: 'poor' },
      }),
    ).toBeNull();
    expect((await seed.t.questionnaires.responseOf(meetingId, seed.ids.lars))?.answers).toEqual({
      rating: 'good',
    });
    // Parents take the meeting's places (2 by default): a third answer finds none.
    const parent = { ...base, formId: 'parent', recordedByStaffId: null, assisted: false };
    const first_ = await seed.t.questionnaires.recordParent(parent);
    const second = await seed.t.questionnaires.recordParent({
      ...parent,
      recordedByStaffId: seed.ids.tove,
      assisted: true,
    });
    expect([first_?.parent_place, second?.parent_place].sort()).toEqual([1, 2]);
    expect(await seed.t.questionnaires.recordParent(parent)).toBeNull();
    expect(await seed.t.questionnaires.parentPlaces(meetingId)).toEqual({ expected: 2, taken: 2 });
    const all = await seed.t.questionnaires.responses(meetingId);
    expect(
      all
        .map(
          (r) =>
            `${r.respondent_staff_id === seed.ids.lars ? 'lars' : r.respondent_staff_id}:${r.on_behalf_of_parent}:${r.assisted}`,
        )
        .sort(),
    ).toEqual(['lars:false:false', 'null:true:false', 'null:true:true']);
    // Another municipality can neither see the answers nor answer this meeting.
    expect(await other().questionnaires.responses(meetingId)).toEqual([]);
    expect(await other().questionnaires.recordParent({ ...parent })).toBeNull();
  });

  it('keeps form versions per municipality and never overwrites a published version', async () => {
    expect(await seed.t.questionnaires.saveForm('theme', 2, { id: 'theme', version: 2 })).toBe(true);
    expect(await seed.t.questionnaires.saveForm('theme', 2, { id: 'theme', version: 2, x: 1 })).toBe(false);
    expect((await seed.t.questionnaires.latestForm('theme'))?.definition).toEqual({
      id: 'theme',
      version: 2,
    });
    expect(await other().questionnaires.latestForm('theme')).toBeNull();
  });

  it('marks an ended meeting held once, and lists meetings that ended in a window', async () => {
    const ended = await seed.t.meetings.endedBetween(
      new Date('2026-11-24T08:00:00Z'),
      new Date('2026-11-24T09:00:00Z'),
    );
    expect(ended.map((m) => m.id)).toEqual([meetingId]);
    expect(await seed.t.meetings.markHeld(meetingId)).toBe(true);
    expect(await seed.t.meetings.markHeld(meetingId)).toBe(false);
    expect((await seed.t.meetings.get(meetingId))?.status).toBe('held');
    expect(
      await other().meetings.endedBetween(new Date('2026-11-24T08:00:00Z'), new Date('2026-11-24T09:00:00Z')),
    ).toEqual([]);
  });
});
