import { ENGINES, openTestStore } from '../support/db';
import { seedAfterMeeting } from './afterMeetingFixture';
import { formatRetention, retentionCutoff, runRetention } from '../../src/app/retention';
import { REPORTS } from '../../src/reports';
import type { Store } from '../../src/store/store';

const NOW = new Date('2026-11-23T09:00:00+01:00');

/**
 * docs/privacy.md: retention deletes what `retentionYears` no longer allows, a dry run reports it and
 * changes nothing, the real run deletes exactly that and audits the counts, and reports for the
 * periods still kept are the same before and after.
 */
describe.each(ENGINES)('retention on $name', (fixture) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let seed: Awaited<ReturnType<typeof seedAfterMeeting>>;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(fixture));
    // Data kept from 2024-11-23, audit entries from 2022-11-23.
    seed = await seedAfterMeeting(store, 'am', { retentionYears: 2, auditRetentionYears: 4 });
    const t = seed.t;
    const adviser = (
      await t.staff.upsert({ email: 'rita@am.example', name: 'Rita Rådgiver', roles: ['adviser'] })
    ).id;
    const cases = [
      { ref: 'OLD-1', opened: '2021-03-01', closed: '2023-05-01' }, // closed before the cut-off: goes
      { ref: 'KEPT-1', opened: '2021-03-01', closed: '2025-05-01' }, // closed after it: kept
      { ref: 'OPEN-1', opened: '2020-03-01', closed: null }, // open: kept however old
    ];
    for (const c of cases) {
      const { id } = await t.cases.upsert({
        caseRef: c.ref,
        adviserId: adviser,
        opened: c.opened,
        ladderStep: 2,
        childInitials: 'AB',
        closed: c.closed,
      });
      await t.cases.setStep(id, 3, '2022-01-10');
      const m = await t.measures.upsert({
        caseId: id,
        measureType: 'preventive',
        start: '2021-04-01',
        end: null,
      });
      for (const held of ['2022-01-10', '2022-07-10'])
        await t.measures.addFollowUp({ measureId: m.id, heldOn: held, dueOn: null, childConversation: true });
      await t.snoozes.snooze(adviser, `followup:${m.id}:2023-01-10`, '2023-01-12', 'ferie');
      await t.outbox.enqueue({
        key: {
          key: `followup:${m.id}:2023-01-10:adviser:3`,
          subject: `followup:${m.id}:2023-01-10`,
          version: 0,
        },
        kind: 'reminder',
        recipientStaffId: adviser,
        payload: { activity: {} },
        notBefore: NOW,
      });
    }
    for (const date of ['2024-05-07', '2025-05-06']) {
      const meeting = await seed.meeting('child', date);
      await t.questionnaires.record({
        meetingId: meeting.id,
        respondentStaffId: seed.ids.lars,
        recordedByStaffId: seed.ids.lars,
        formId: 'child',
        formVersion: 1,
        answers: { rating: 'good', profession: 'teacher' },
        answeredAt: NOW,
      });
      await t.minutes.save({
        meetingId: meeting.id,
        resources: 'r',
        challenges: 'c',
        goals: 'g',
        nextMeetingDate: null,
        childRulerLevel: null,
        agreements: [{ text: 'Ring til far', ownerId: seed.ids.tove, due: date }],
        recordedAt: NOW,
      });
    }
    // Audit entries of their own age, whatever they are about: one from before the audit cut-off
    // about a case that is kept, one after it about a case that goes.
    await store.engine.query(
      `INSERT INTO audit_log (municipality_id, at, actor, action, entity, entity_id, details) VALUES
         ('am', '2022-06-01T10:00:00Z', 'test', 'update', 'case', 'OPEN-1', '{"old":true}'),
         ('am', '2023-06-01T10:00:00Z', 'test', 'update', 'case', 'OLD-1', '{"old":false}')`,
    );
  });
  afterAll(async () => dispose());

  const tableCounts = async () => {
    const tables = [
      'cases',
      'measures',
      'followups',
      'ladder_steps',
      'reminder_snoozes',
      'outbox',
      'meetings',
      'meeting_participants',
      'meeting_minutes',
      'agreements',
      'questionnaire_responses',
      'audit_log',
    ];
    const out: Record<string, number> = {};
    for (const table of tables)
      out[table] = Number(
        (await store.engine.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n,
      );
    return out;
  };
  const reports = async () => {
    const m = await seed.municipality();
    const out: Record<string, unknown> = {};
    for (const name of ['followups', 'meetings', 'questionnaires', 'ladder-movements']) {
      const t = await REPORTS[name]!.run({
        tenant: seed.t,
        municipality: m,
        from: '2024-11-23',
        to: '2026-11-23',
        now: NOW,
      });
      out[name] = t.rows;
    }
    return out;
  };

  it('the cut-off is today less the retention period (29 February falls back to the 28th)', () => {
    expect(retentionCutoff('2026-11-23', 2)).toBe('2024-11-23');
    expect(retentionCutoff('2028-02-29', 5)).toBe('2023-02-28');
  });

  it('a dry run reports what would go and changes nothing; the real run deletes exactly that, audits the counts and leaves kept reports as they were', async () => {
    const m = await seed.municipality();
    const before = await tableCounts();
    const reportsBefore = await reports();
    const dry = await runRetention(store, m, NOW, { dryRun: true, actor: 'test' });
    expect(dry.cutoff).toBe('2024-11-23');
    expect(dry.counts).toEqual({
      cases: 1,
      measures: 1,
      followups: 2,
      ladderHistory: (
        await store.engine.query<{ n: number }>(
          "SELECT count(*) AS n FROM ladder_steps lm JOIN cases c ON c.id = lm.case_id WHERE c.case_ref = 'OLD-1'",
        )
      )[0]!.n,
      snoozes: 1,
      meetings: 1,
      participants: 4,
      minutes: 1,
      agreements: 1,
      questionnaireResponses: 1,
      outbox: 1,
      auditEntries: 1,
    });
    expect(dry.auditCutoff).toBe('2022-11-23');
    expect(formatRetention(dry)).toMatch(
      /^am: kept from 2024-11-23 \(2 years\), audit entries from 2022-11-23 \(4 years\); 1 closed cases, .* 1 audit entries would be deleted \(dry run: nothing was changed\)\.$/,
    );
    expect(await tableCounts()).toEqual(before);

    const real = await runRetention(store, m, NOW, { dryRun: false, actor: 'test' });
    expect(real.counts).toEqual(dry.counts);
    const after = await tableCounts();
    const removed = Object.fromEntries(Object.entries(before).map(([k, n]) => [k, n - after[k]!]));
    expect(removed).toEqual({
      cases: dry.counts.cases,
      measures: dry.counts.measures,
      followups: dry.counts.followups,
      ladder_steps: dry.counts.ladderHistory,
      reminder_snoozes: dry.counts.snoozes,
      outbox: dry.counts.outbox,
      meetings: dry.counts.meetings,
      meeting_participants: dry.counts.participants,
      meeting_minutes: dry.counts.minutes,
      agreements: dry.counts.agreements,
      questionnaire_responses: dry.counts.questionnaireResponses,
      // One old entry gone, the run's own entry added.
      audit_log: dry.counts.auditEntries - 1,
    });
    const old = await store.engine.query<{ details: { old: boolean } }>(
      "SELECT details FROM audit_log WHERE municipality_id = 'am' AND details ? 'old'",
    );
    expect(old.map((r) => r.details.old)).toEqual([false]);
    expect((await seed.t.cases.list()).map((c) => c.case_ref).sort()).toEqual(['KEPT-1', 'OPEN-1']);
    const [entry] = await store.engine.query<{ details: { cutoff: string; counts: unknown } }>(
      "SELECT details FROM audit_log WHERE municipality_id = 'am' AND entity = 'retention'",
    );
    expect(entry!.details).toEqual({
      cutoff: '2024-11-23',
      retentionYears: 2,
      auditCutoff: '2022-11-23',
      auditRetentionYears: 4,
      counts: dry.counts,
    });
    expect(JSON.stringify(entry)).not.toMatch(/OLD-1|Ring til far/);
    expect(await reports()).toEqual(reportsBefore);
  });

  it('running it again deletes nothing more', async () => {
    const again = await runRetention(store, await seed.municipality(), NOW, { dryRun: false, actor: 'test' });
    expect(Object.values(again.counts).every((n) => n === 0)).toBe(true);
  });
});
