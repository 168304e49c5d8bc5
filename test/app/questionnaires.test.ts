import { ENGINES, openTestStore } from '../support/db';
import type { Store } from '../../src/store/store';
import type { StaffRow } from '../../src/store/types';
import { answerQuestionnaire, earlierAnswer, recordParentAnswer } from '../../src/app/questionnaires';
import { refusalText } from '../../src/i18n/problems';
import { currentForm, defaultForms, formVersion, publishForm } from '../../src/app/questionnaireForms';
import { seedAfterMeeting } from './afterMeetingFixture';

/** Answering on the form version the card carried, once, while open, if one attended. */
describe('answering the post-meeting questionnaire', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let seed: Awaited<ReturnType<typeof seedAfterMeeting>>;
  let meetingId: string;
  const staff: Record<string, StaffRow> = {};
  const afterMeeting = new Date('2026-11-24T10:00:00Z'); // 11:00 Copenhagen, the meeting ended at 10:00
  const card = (over: Record<string, unknown> = {}) => ({
    verb: 'answerQuestionnaire',
    meetingId,
    formId: 'child',
    formVersion: '1',
    profession: 'teacher',
    rating: 'good',
    agreements_made: 'yes',
    sos_used: 'yes',
    parents_heard: '5',
    child_ruler_level: 'declining',
    next_step: 'general_area',
    follow_up_date: '',
    comment: '',
    ...over,
  });
  const answer = async (who: string, data: unknown, now = afterMeeting) =>
    answerQuestionnaire(store, await seed.municipality(), staff[who]!, data, now);

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    seed = await seedAfterMeeting(store);
    meetingId = (await seed.meeting('child', '2026-11-24')).id;
    for (const s of await seed.t.staff.list()) staff[s.email.split('@')[0]!] = s;
  });
  afterAll(async () => dispose());

  it('stores an attendee’s answer with the form id and version it was given on', async () => {
    const r = await answer('lars', card());
    expect(r.ok).toBe(true);
    const row = await seed.t.questionnaires.responseOf(meetingId, staff.lars!.id);
    expect([row?.form_id, row?.form_version, row?.on_behalf_of_parent, row?.recorded_by_staff_id]).toEqual([
      'child',
      1,
      false,
      staff.lars!.id,
    ]);
    expect(row?.answers).toMatchObject({ rating: 'good', parents_heard: 5, profession: 'teacher' });
  });

  it('refuses a second answer, keeps the first and returns it', async () => {
    const r = await answer('lars', card({ rating: 'poor' }));
    expect(r.ok === false && r.stale).toBe(true);
    const first = await earlierAnswer(seed.t, staff.lars!, meetingId);
    expect(first?.answers.rating).toBe('good');
    expect((await seed.t.questionnaires.responseOf(meetingId, staff.lars!.id))?.answers.rating).toBe('good');
  });

  it('accepts someone marked present who never answered the invitation', async () => {
    expect((await answer('sara', card({ profession: 'health_visitor' }))).ok).toBe(true);
  });

  it('refuses someone who said no, and someone who was not invited at all', async () => {
    const no = await answer('ole', card());
    expect(no.ok === false && refusalText(no, 'da')).toBe(
      'Spørgeskemaet besvares af dem, der deltog i mødet.',
    );
    const other = await seedAfterMeeting(store, 'fremmed');
    const stranger = (await other.t.staff.byEmail('lars@am.example'))!;
    const r = await answerQuestionnaire(store, await seed.municipality(), stranger, card(), afterMeeting);
    expect(r.ok).toBe(false);
  });

  it('refuses an answer before the meeting has ended, and stores nothing', async () => {
    await seed.t.meetings.setAttended(meetingId, staff.tove!.id, true);
    const early = await answer('tove', card(), new Date('2026-11-24T08:59:00Z')); // 09:59, the meeting ends at 10:00
    expect(early.ok === false && [refusalText(early, 'da'), refusalText(early, 'en')]).toEqual([
      'Spørgeskemaet åbner, når mødet er slut.',
      'The questionnaire opens when the meeting has ended.',
    ]);
    expect(await seed.t.questionnaires.responseOf(meetingId, staff.tove!.id)).toBeNull();
  });

  it('refuses answers once the questionnaire has closed (14 days after the meeting)', async () => {
    await seed.t.meetings.setAttended(meetingId, staff.tove!.id, true);
    const closed = await answer('tove', card(), new Date('2026-12-08T09:00:00Z'));
    expect(closed.ok === false && refusalText(closed, 'en')).toBe(
      'The questionnaire is closed, so the answer can no longer be recorded.',
    );
    expect(await seed.t.questionnaires.responseOf(meetingId, staff.tove!.id)).toBeNull();
  });

  it('refuses a CPR number in the comment and stores nothing of it', async () => {
    const r = await answer('tove', card({ comment: 'Barnets cpr er 1502101234' }));
    expect(r.ok === false && r.problems).toEqual([{ code: 'cpr', field: 'comment' }]);
    const dump = await store.engine.query<{ t: string }>(
      'SELECT answers::text AS t FROM questionnaire_responses',
    );
    expect(dump.map((d) => d.t).join()).not.toContain('1502101234');
    expect(await seed.t.questionnaires.responseOf(meetingId, staff.tove!.id)).toBeNull();
  });

  it('refuses a form that does not match the meeting or a version that does not exist', async () => {
    expect((await answer('tove', card({ formId: 'theme' }))).ok).toBe(false);
    expect((await answer('tove', card({ formVersion: '7' }))).ok).toBe(false);
  });

  it('“Udfyld sammen med forælder”: the parents’ form, stored anonymous and marked assisted, no more than the parents expected', async () => {
    const m = await seed.municipality();
    const parentCard = {
      verb: 'answerParentQuestionnaire',
      meetingId,
      formId: 'parent',
      formVersion: '1',
      rating: 'good_with_room',
      heard: 'yes',
      understood: 'partly',
      next_steps: 'no',
      comment: '',
    };
    // The professionals' form is not a parent's: it asks about Børnelinealen and professions.
    const childForm = await recordParentAnswer(store, m, staff.tove!, card(), afterMeeting);
    expect(childForm).toMatchObject({ ok: false, problems: [{ code: 'questionnaireMismatch' }] });
    expect((await recordParentAnswer(store, m, staff.tove!, parentCard, afterMeeting)).ok).toBe(true);
    expect((await recordParentAnswer(store, m, staff.tove!, parentCard, afterMeeting)).ok).toBe(true);
    const third = await recordParentAnswer(store, m, staff.tove!, parentCard, afterMeeting);
    expect(third.ok === false && refusalText(third, 'da')).toBe(
      'Alle de forældre, der var med til mødet, har svaret. Tak.',
    );
    const parents = (await seed.t.questionnaires.responses(meetingId)).filter((r) => r.on_behalf_of_parent);
    expect(
      parents.map((p) => [p.respondent_staff_id, p.recorded_by_staff_id, p.assisted, p.form_id, p.answers]),
    ).toEqual(
      [1, 2].map(() => [
        null,
        staff.tove!.id,
        true,
        'parent',
        { rating: 'good_with_room', heard: 'yes', understood: 'partly', next_steps: 'no' },
      ]),
    );
  });

  it('refuses a parent’s answer recorded by anyone but the coordinator or organiser', async () => {
    const r = await recordParentAnswer(store, await seed.municipality(), staff.lars!, card(), afterMeeting);
    expect(r.ok === false && refusalText(r, 'da')).toBe(
      'Kun mødets tovholder kan registrere forældres svar.',
    );
  });
});

describe('questionnaire forms are versioned data, editable per municipality', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let seed: Awaited<ReturnType<typeof seedAfterMeeting>>;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    seed = await seedAfterMeeting(store);
  });
  afterAll(async () => dispose());

  const theme1 = () => defaultForms().find((f) => f.id === 'theme' && f.version === 1)!;

  it('uses the repository default until the municipality publishes its own version', async () => {
    expect((await currentForm(seed.t, 'theme')).version).toBe(1);
    const edited = {
      ...theme1(),
      version: 2,
      questions: [
        ...theme1().questions,
        {
          id: 'length_ok',
          type: 'single',
          label: { da: 'Passende længde?', en: 'Right length?' },
          choices: [
            { value: 'yes', label: { da: 'Ja', en: 'Yes' } },
            { value: 'no', label: { da: 'Nej', en: 'No' } },
          ],
        },
      ],
    };
    expect(await publishForm(seed.t, edited)).toMatchObject({ ok: true });
    expect((await currentForm(seed.t, 'theme')).version).toBe(2);
    // Answers given on version 1 are still checked against version 1.
    expect((await formVersion(seed.t, 'theme', 1))?.questions.map((q) => q.id)).not.toContain('length_ok');
    expect((await formVersion(seed.t, 'theme', 2))?.questions.map((q) => q.id)).toContain('length_ok');
    const other = await seedAfterMeeting(store, 'andenby');
    expect((await currentForm(other.t, 'theme')).version).toBe(1);
  });

  it('refuses a version that is not above the one in use, and a form the reports cannot read', async () => {
    const low = await publishForm(seed.t, { ...theme1(), version: 2 });
    expect(low.ok ? '' : refusalText(low, 'en')).toBe('version must be above 2 (the version in use)');
    const broken = {
      ...theme1(),
      version: 3,
      questions: theme1().questions.filter((q) => q.id !== 'useful'),
    };
    const unreadable = await publishForm(seed.t, broken);
    expect(unreadable.ok ? '' : refusalText(unreadable, 'en')).toBe(
      'questions: must have the question "useful"',
    );
  });
});
