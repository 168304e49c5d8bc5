import { randomUUID } from 'node:crypto';
import { caseDetails } from '../../src/app/caseDetails';
import { refuse } from '../../src/domain/result';

const NOT_YOUR_CASE = refuse('notYourCase');
import { deadlineOfMeasure } from '../../src/app/deadlines';
import { loadMunicipality, MunicipalityContext } from '../../src/app/municipalityContext';
import { defaultSettings } from '../../src/domain/municipality';
import type { RecordingEngine } from '../../src/store/recordingEngine';
import type { Store, TenantStore } from '../../src/store/store';
import type { StaffRow } from '../../src/store/types';
import { ENGINES, openRecordedTestStore } from '../support/db';

/**
 * A case card's data (the case, its measures with their next deadline, the follow-ups held) as its
 * adviser or the adviser's leader sees it, read in one query (docs/performance.md "A card press").
 */
const TODAY = '2026-11-25';

describe.each(ENGINES)('the case card data on $name', (fixture) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let probe: RecordingEngine;
  let t: TenantStore;
  let m: MunicipalityContext;
  const staff: Record<'leader' | 'anna' | 'bo', StaffRow> = {} as never;
  const cases: Record<'open' | 'closed' | 'bos', string> = {} as never;

  beforeAll(async () => {
    ({ store, probe, dispose } = await openRecordedTestStore(fixture));
    await store.municipalities.create({
      id: 'qby',
      name: 'Qby',
      tenant_id: null,
      settings: defaultSettings('herning'),
    });
    m = await loadMunicipality(store, 'qby');
    t = store.tenant({ municipalityId: 'qby', actor: 'test' });
    const person = async (key: keyof typeof staff, roles: ('adviser' | 'leader')[]) => {
      const { id } = await t.staff.upsert({ email: `${key}@qby.example`, name: key, roles });
      return id;
    };
    const leaderId = await person('leader', ['leader']);
    const annaId = await person('anna', ['adviser']);
    const boId = await person('bo', ['adviser']);
    await t.staff.setLeader(annaId, leaderId);
    for (const [k, id] of [
      ['leader', leaderId],
      ['anna', annaId],
      ['bo', boId],
    ] as const)
      staff[k] = (await t.staff.get(id))!;
    const kase = async (ref: string, adviserId: string) =>
      (await t.cases.upsert({ caseRef: ref, adviserId, opened: '2026-01-05', childInitials: 'AB' })).id;
    cases.open = await kase('C-1', annaId);
    cases.closed = await kase('C-2', annaId);
    cases.bos = await kase('C-3', boId);
    const later = await t.measures.upsert({
      caseId: cases.open,
      measureType: 'preventive',
      start: '2026-03-02',
      end: null,
    });
    await t.measures.upsert({
      caseId: cases.open,
      measureType: 'investigation',
      start: '2026-10-01',
      end: null,
    });
    for (const [heldOn, child] of [
      ['2026-05-04', true],
      ['2026-08-03', false],
    ] as const)
      await t.measures.addFollowUp({ measureId: later.id, heldOn, dueOn: null, childConversation: child });
    const gone = await t.measures.upsert({
      caseId: cases.closed,
      measureType: 'preventive',
      start: '2026-02-02',
      end: null,
    });
    await t.measures.addFollowUp({
      measureId: gone.id,
      heldOn: '2026-04-01',
      dueOn: null,
      childConversation: true,
    });
    await t.cases.upsert({
      caseRef: 'C-2',
      adviserId: annaId,
      opened: '2026-01-05',
      childInitials: 'AB',
      closed: '2026-09-01',
    });
  });
  afterAll(async () => dispose());

  it('gives the adviser the case, every measure with the deadline the planner would compute, and the follow-ups newest first, in one query', async () => {
    const before = probe.count();
    const res = await caseDetails(t, m, staff.anna, cases.open, TODAY);
    expect(probe.count() - before).toBe(1);
    if (!res.ok) throw new Error('refused');
    const d = res.value;
    expect([d.case.case_ref, d.adviserName]).toEqual(['C-1', 'anna']);
    expect(d.measures.map((x) => [x.measure.measure_type, x.measure.start])).toEqual([
      ['preventive', '2026-03-02'],
      ['investigation', '2026-10-01'],
    ]);
    for (const x of d.measures) {
      // The same deadline as from the planner's own read of the measure.
      const row = await t.measures.openOneWithHistory(x.measure.id);
      expect(x.next).toEqual(deadlineOfMeasure(row!, m.policy, TODAY));
      expect(x.next).not.toBeNull();
    }
    expect(d.history).toEqual([
      { heldOn: '2026-08-03', measureType: 'preventive', childConversation: false },
      { heldOn: '2026-05-04', measureType: 'preventive', childConversation: true },
    ]);
  });

  it("opens it for the adviser's leader, and refuses another adviser and an unknown case alike", async () => {
    expect((await caseDetails(t, m, staff.leader, cases.open, TODAY)).ok).toBe(true);
    expect(await caseDetails(t, m, staff.bo, cases.open, TODAY)).toEqual(NOT_YOUR_CASE);
    expect(await caseDetails(t, m, staff.leader, cases.bos, TODAY)).toEqual(NOT_YOUR_CASE);
    expect(await caseDetails(t, m, staff.anna, randomUUID(), TODAY)).toEqual(NOT_YOUR_CASE);
  });

  it('shows a closed case with its history and no deadline left', async () => {
    const res = await caseDetails(t, m, staff.anna, cases.closed, TODAY);
    if (!res.ok) throw new Error('refused');
    expect(res.value.measures.map((x) => x.next)).toEqual([null]);
    expect(res.value.history.map((h) => h.heldOn)).toEqual(['2026-04-01']);
  });
});
