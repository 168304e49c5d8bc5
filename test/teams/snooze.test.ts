import { ManualClock } from '../../src/domain/clock';
import { defaultSettings } from '../../src/domain/municipality';
import { loadMunicipality } from '../../src/app/municipalityContext';
import { planMunicipality } from '../../src/scheduler/planner';
import type { Store } from '../../src/store/store';
import { cardExecute, TENANT_ID, type TeamsUser } from '../support/activities';
import { ENGINES, openTestStore } from '../support/db';
import { FakeConnector } from '../support/fakeConnector';
import { startApiServer } from '../support/apiServer';

const anna: TeamsUser = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna Rådgiver' };
const bo: TeamsUser = { id: '29:bo', aadObjectId: 'aad-bo', name: 'Bo Rådgiver' };

/**
 * docs/domain-rules.md, "Reminders": an adviser may snooze a single reminder with a reason. Herning
 * institution placement started 2026-11-02: the first follow-up was due Monday 2026-11-16.
 */
describe('snoozing a follow-up reminder from its card', () => {
  const connector = new FakeConnector();
  const clock = new ManualClock('2026-11-17T08:00:00Z');
  let store: Store;
  let dispose: () => Promise<void>;
  let server: Awaited<ReturnType<typeof startApiServer>>;
  let measureId = '';
  let leaderId = '';
  let annaId = '';
  const t = () => store.tenant({ municipalityId: 'sn', actor: 'test' });
  const plan = async (iso: string) => {
    clock.set(iso);
    return planMunicipality(store, await loadMunicipality(store, 'sn'), new Date(iso));
  };
  const keys = async (status?: 'pending' | 'cancelled') =>
    (await t().outbox.list(status)).map((o) => o.dedupe_key.replace(measureId, 'M'));

  /** Presses "snooze" on a reminder: the invoke's answer (the card's new face, or a note) and what else was sent. */
  async function press(user: TeamsUser, data: Record<string, unknown>, replyToId = 'card-1') {
    const before = { sent: connector.sent().length, updates: connector.updates().length };
    const res = await server.activity(
      cardExecute(connector.url, user, replyToId, { verb: 'snoozeReminder', ...data }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { type: string; value: unknown };
    return {
      type: body.type,
      reply: typeof body.value === 'string' ? body.value : JSON.stringify(body.value),
      sent: JSON.stringify(connector.sent().slice(before.sent)),
      updated: JSON.stringify(
        connector
          .updates()
          .slice(before.updates)
          .map((u) => u.body),
      ),
    };
  }

  beforeAll(async () => {
    await connector.start();
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    await store.municipalities.create({
      id: 'sn',
      name: 'Sn',
      tenant_id: TENANT_ID,
      settings: defaultSettings('herning'),
    });
    leaderId = (await t().staff.upsert({ email: 'leder@sn.example', name: 'Lise Leder', roles: ['leader'] }))
      .id;
    annaId = (await t().staff.upsert({ email: 'anna@sn.example', name: 'Anna', roles: ['adviser'] })).id;
    const boId = (await t().staff.upsert({ email: 'bo@sn.example', name: 'Bo', roles: ['adviser'] })).id;
    await t().staff.setLeader(annaId, leaderId);
    await t().staff.linkAadObjectId(annaId, anna.aadObjectId);
    await t().staff.linkAadObjectId(boId, bo.aadObjectId);
    const c = await t().cases.upsert({
      caseRef: 'SN-1',
      adviserId: annaId,
      opened: '2026-10-01',
      ladderStep: 5,
      childInitials: 'XY',
    });
    measureId = (
      await t().measures.upsert({ caseId: c.id, measureType: 'institution', start: '2026-11-02', end: null })
    ).id;
    server = await startApiServer(store, clock, undefined, { devFallback: false });
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await connector.stop();
    await dispose();
  });

  const snooze = { due: '2026-11-16', kind: 'followup' };

  it('refuses without a reason or with a CPR number, and keeps the card', async () => {
    await plan('2026-11-17T08:00:00Z'); // 09:00, one working day overdue
    expect(await keys('pending')).toContain('followup:M:2026-11-16:overdue:2026-11-17:' + annaId);
    const empty = await press(anna, { ...snooze, measureId, workingDays: '2', snoozeReason: '  ' });
    // The same reminder comes back with the reason beside the reason field; nothing else is sent.
    expect(empty.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(empty.reply).toMatch(/"id":"snoozeReason"[^}]*"errorMessage":"Skal udfyldes./);
    expect(empty.reply).toContain('"verb":"snoozeReminder"');
    expect([empty.sent, empty.updated]).toEqual(['[]', '[]']);
    const cpr = await press(anna, {
      ...snooze,
      measureId,
      workingDays: '2',
      snoozeReason: 'Barnet 010203-1234',
    });
    expect(cpr.reply).toContain('Ligner et CPR-nummer');
    expect(cpr.reply).not.toContain('010203-1234');
    const wrongDays = await press(anna, { ...snooze, measureId, workingDays: '30', snoozeReason: 'Ferie' });
    expect(wrongDays.reply).toMatch(/"id":"workingDays"(?:(?!"id":).)*"errorMessage":"Tjek værdien."/);
    expect(await t().snoozes.active('2026-11-17')).toEqual([]);
  });

  it("refuses another adviser's case", async () => {
    const r = await press(bo, { ...snooze, measureId, workingDays: '2', snoozeReason: 'Ferie' });
    // Not Bo's case: no form to show him, so the card stays and a note says why.
    expect(r.type).toBe('application/vnd.microsoft.activity.message');
    expect(r.reply).toBe('Du har ikke adgang til denne sag.');
    expect(await t().snoozes.active('2026-11-17')).toEqual([]);
  });

  it("replaces the card, cancels today's reminder and records who, until when and why", async () => {
    const r = await press(anna, {
      ...snooze,
      measureId,
      workingDays: '2',
      snoozeReason: 'Afventer svar fra skolen',
    });
    expect(r.reply).toContain('Påmindelsen er udsat til 19. november 2026.');
    expect(r.reply).toContain('Lederen får stadig besked');
    expect(await keys('cancelled')).toContain('followup:M:2026-11-16:overdue:2026-11-17:' + annaId);
    const [z] = await t().snoozes.active('2026-11-17');
    expect(z).toMatchObject({ staff_id: annaId, until: '2026-11-19', reason: 'Afventer svar fra skolen' });
    expect((await t().audit.list()).some((a) => a.action === 'snooze' && a.entity === 'reminder')).toBe(true);
  });

  it('sends no reminder while snoozed, and reminds again on the day it ends', async () => {
    await plan('2026-11-18T08:00:00Z');
    expect((await keys()).some((k) => k.includes(':overdue:2026-11-18:'))).toBe(false);
    await plan('2026-11-19T08:00:00Z');
    expect(await keys('pending')).toContain('followup:M:2026-11-16:overdue:2026-11-19:' + annaId);
  });

  it("never silences the leader's escalation", async () => {
    clock.set('2026-11-20T08:00:00Z');
    const again = await press(anna, { ...snooze, measureId, workingDays: '5', snoozeReason: 'Syg' });
    expect(again.reply).toContain('27. november 2026');
    await plan('2026-11-23T08:00:00Z'); // 5 working days overdue
    const planned = await keys();
    expect(planned).toContain('followup:M:2026-11-16:escalation:' + leaderId);
    expect(planned.some((k) => k.includes(':overdue:2026-11-23:'))).toBe(false);
  });

  it('says a spent card is spent when the deadline has moved on', async () => {
    const r = await press(anna, {
      measureId,
      due: '2026-10-01',
      kind: 'followup',
      workingDays: '1',
      snoozeReason: 'x',
    });
    expect(r.reply).toContain('Allerede udført');
    expect(r.reply).toContain('allerede håndteret');
  });
});
