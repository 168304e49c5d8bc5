import { addDays } from '../../src/domain/localDate';
import { defaultSettings } from '../../src/domain/municipality';
import type { Store, TenantStore } from '../../src/store/store';
import type { MeasureType } from '../../src/domain/measures';

/**
 * One municipality's year 2017 with hand-computed key figures (Herning 1.0 policy, Herning ladder):
 * - institution: 5 cases, intervals 80, 85, 90, 95, 88 days ending in 2017 → 9 held, 87.6 days; all
 *   9 late against Herning's 6 weeks, 7 of 9 on time against the law (77.78 %); 9 / 10 case
 *   half-years = 0.9 per case per half-year;
 * - foster care: 3 cases (suppressed); unit "Familie Nord" holds 3 of the institution cases (suppressed);
 * - ladder 2017: down 2, up 1, in 1, out 1 over 5 children;
 * - § 30: 5 courses started in the first half of 2017, 1 followed by an investigation (20 %);
 * - caseload: Nord adviser 6 open cases, Syd adviser 12, average 9;
 * - meetings: Team Solsikken (daycare) 5 held of 6; Team Hedeskolen (lower-secondary) 10 of 10;
 * - questionnaires: Solsikken 50 answers 41/9/0 (82/18/0 %); Hedeskolen 4 (suppressed); in all 54.
 * A second municipality has data of its own that must never show up.
 */
export const NOW = new Date('2017-12-15T12:00:00Z');
export const MUNICIPALITY = 'fjordby';

export interface Seeded {
  tenant: TenantStore;
  unitNord: string;
  leaderId: string;
  coordinatorEmail: string;
  leaderEmail: string;
  adviserEmail: string;
  solsikken: string;
  hedeskolen: string;
}

async function caseWith(
  t: TenantStore,
  ref: string,
  adviserId: string,
  measures: { type: MeasureType; start: string; end?: string | null; held?: string[] }[],
): Promise<string> {
  const c = await t.cases.upsert({
    caseRef: ref,
    adviserId,
    opened: '2016-01-01',
    ladderStep: null,
    childInitials: null,
  });
  for (const m of measures) {
    const measure = await t.measures.upsert({
      caseId: c.id,
      measureType: m.type,
      start: m.start,
      end: m.end ?? null,
    });
    for (const heldOn of m.held ?? []) {
      await t.measures.addFollowUp({ measureId: measure.id, heldOn, dueOn: null, childConversation: true });
    }
  }
  return c.id;
}

async function meeting(t: TenantStore, teamId: string, date: string, child = false): Promise<string> {
  const m = await t.meetings.create({
    teamId,
    format: child ? 'child' : 'theme',
    date,
    startTime: '09:00',
    endTime: '11:00',
    startsAt: new Date(`${date}T08:00:00Z`),
    endsAt: new Date(`${date}T10:00:00Z`),
    theme: child ? null : 'Trivsel',
    childReference: child ? 'AB' : null,
    participantIds: [],
  });
  return m.id;
}

async function answer(
  store: Store,
  municipalityId: string,
  meetingId: string,
  staffId: string | null,
  answers: object,
) {
  await store.engine.query(
    `INSERT INTO questionnaire_responses (municipality_id, meeting_id, respondent_staff_id, on_behalf_of_parent, form_id, form_version, answers)
     VALUES ($1, $2, $3, $4, 'theme', 1, $5)`,
    [municipalityId, meetingId, staffId, staffId === null, JSON.stringify(answers)],
  );
}

export async function seedKeyFigures(store: Store): Promise<Seeded> {
  await store.municipalities.create({
    id: MUNICIPALITY,
    name: 'Fjordby Kommune',
    tenant_id: 'tenant-test-0001',
    settings: defaultSettings('herning'),
  });
  const t = store.tenant({ municipalityId: MUNICIPALITY, actor: 'test' });
  const unitNord = await t.organisation.ensureUnit('Familie Nord');
  const unitSyd = await t.organisation.ensureUnit('Familie Syd');
  const leader = await t.staff.upsert({
    email: 'leder@fjordby.dk',
    name: 'Lene Leder',
    roles: ['leader'],
    unitId: unitNord,
  });
  const a1 = await t.staff.upsert({
    email: 'nord@fjordby.dk',
    name: 'Nina Nord',
    roles: ['adviser'],
    unitId: unitNord,
  });
  const a2 = await t.staff.upsert({
    email: 'syd@fjordby.dk',
    name: 'Sune Syd',
    roles: ['adviser'],
    unitId: unitSyd,
  });

  const start = '2016-11-01';
  const inst = [
    ['2016-12-01', 80],
    ['2017-01-10', 85],
    ['2017-02-01', 90],
    ['2017-03-01', 95],
    ['2017-04-01', 88],
  ] as const;
  for (const [i, [first, gap]] of inst.entries()) {
    await caseWith(t, `I-${i + 1}`, i < 3 ? a1.id : a2.id, [
      { type: 'institution', start, held: [first, addDays(first, gap)] },
    ]);
  }
  for (let i = 1; i <= 3; i++) {
    await caseWith(t, `F-${i}`, a1.id, [
      { type: 'foster_care', start: '2016-06-01', held: ['2017-03-01', '2017-06-01'] },
    ]);
  }
  // Ladder moves (the cases start off the ladder, so creating them records nothing).
  const ladder: [string, number | null, string][][] = [
    [
      ['L-1', 4, '2016-06-01'],
      ['L-1', 3, '2017-03-01'],
    ],
    [
      ['L-2', 3, '2016-06-01'],
      ['L-2', 4, '2017-04-01'],
    ],
    [['L-3', 2, '2017-05-01']],
    [
      ['L-4', 2, '2016-01-01'],
      ['L-4', null, '2017-06-01'],
    ],
    [
      ['L-5', 5, '2016-01-01'],
      ['L-5', 4, '2017-12-31'],
      ['L-5', 3, '2018-01-01'],
    ],
  ];
  for (const moves of ladder) {
    const id = await caseWith(t, moves[0]![0], a2.id, []);
    for (const [, step, on] of moves) await t.cases.setStep(id, step, on);
  }
  for (let i = 1; i <= 5; i++) {
    const measures: { type: MeasureType; start: string; end?: string }[] = [
      { type: 'early_help', start: `2017-0${i}-01`, end: `2017-0${i + 1}-28` },
    ];
    if (i === 1) measures.push({ type: 'investigation', start: '2017-08-01', end: '2017-11-30' });
    await caseWith(t, `E-${i}`, a2.id, measures);
  }

  const daycare = await t.organisation.upsertInstitution('Solsikken', 'daycare', 'Nord');
  const school = await t.organisation.upsertInstitution('Hedeskolen', 'lower_secondary_school', 'Syd');
  const solsikken = (await t.organisation.upsertTeam('Team Solsikken', 'Nord', daycare.id)).id;
  const hedeskolen = (await t.organisation.upsertTeam('Team Hedeskolen', 'Syd', school.id)).id;
  const professions = [
    'teacher',
    'teacher',
    'teacher',
    'teacher',
    'pedagogue',
    'pedagogue',
    'pedagogue',
    'health_visitor',
    'health_visitor',
    'psychologist',
  ];
  const people: string[] = [];
  for (const [i, profession] of professions.entries()) {
    const p = await t.staff.upsert({
      email: `p${i + 1}@fjordby.dk`,
      name: `Deltager ${i + 1}`,
      roles: i === 0 ? ['participant', 'coordinator'] : ['participant'],
      profession,
    });
    people.push(p.id);
  }
  await t.organisation.setTeamMembers(
    solsikken,
    people.map((staffId, i) => ({ staffId, coordinator: i === 0 })),
  );

  const setStatus = (id: string, status: string) =>
    store.engine.query('UPDATE meetings SET status = $2 WHERE id = $1', [id, status]);
  const held: string[] = [];
  for (const d of ['2017-02-01', '2017-03-01', '2017-04-01', '2017-05-01', '2017-06-01']) {
    held.push(await meeting(t, solsikken, d, d === '2017-06-01'));
  }
  await setStatus(held[0]!, 'held');
  await setStatus(await meeting(t, solsikken, '2017-09-01'), 'cancelled');
  await meeting(t, solsikken, '2017-12-20'); // after NOW: not held yet
  await meeting(t, solsikken, '2016-12-01'); // the year before
  const schoolMeetings: string[] = [];
  for (let m = 1; m <= 10; m++)
    schoolMeetings.push(await meeting(t, hedeskolen, `2017-${String(m).padStart(2, '0')}-15`));

  let n = 0;
  for (const meetingId of held) {
    for (const [i, staffId] of people.entries()) {
      await answer(store, MUNICIPALITY, meetingId, staffId, {
        profession: professions[i],
        rating: n++ < 41 ? 'good' : 'good_with_room',
        comment: '',
      });
    }
  }
  for (const staffId of people.slice(0, 3)) {
    await answer(store, MUNICIPALITY, schoolMeetings[0]!, staffId, { profession: 'teacher', rating: 'poor' });
  }
  await answer(store, MUNICIPALITY, schoolMeetings[0]!, null, { profession: 'parent', rating: 'poor' });

  await seedOtherMunicipality(store);
  return {
    tenant: t,
    unitNord,
    leaderId: leader.id,
    leaderEmail: 'leder@fjordby.dk',
    adviserEmail: 'nord@fjordby.dk',
    coordinatorEmail: 'p1@fjordby.dk',
    solsikken,
    hedeskolen,
  };
}

/** Data of another municipality: follow-ups 10 days apart, a team with answers. */
async function seedOtherMunicipality(store: Store): Promise<void> {
  await store.municipalities.create({
    id: 'other',
    name: 'Anden Kommune',
    tenant_id: null,
    settings: defaultSettings('herning'),
  });
  const t = store.tenant({ municipalityId: 'other', actor: 'test' });
  const a = await t.staff.upsert({ email: 'x@anden.dk', name: 'X', roles: ['adviser'] });
  for (let i = 1; i <= 5; i++) {
    await caseWith(t, `O-${i}`, a.id, [
      { type: 'institution', start: '2016-11-01', held: ['2017-05-01', '2017-05-11'] },
    ]);
  }
  const inst = await t.organisation.upsertInstitution('Solsikken', 'daycare', null);
  const team = await t.organisation.upsertTeam('Team Solsikken', 'Nord', inst.id);
  const m = await meeting(t, team.id, '2017-03-01');
  for (let i = 0; i < 6; i++) await answer(store, 'other', m, null, { profession: 'parent', rating: 'poor' });
}
