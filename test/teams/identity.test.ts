import { fixedClock } from '../../src/domain/clock';
import { defaultSettings } from '../../src/domain/municipality';
import type { RecordingEngine } from '../../src/store/recordingEngine';
import type { Store } from '../../src/store/store';
import { cardExecute, TENANT_ID, type TeamsUser } from '../support/activities';
import { ENGINES, openRecordedTestStore } from '../support/db';
import { FakeConnector } from '../support/fakeConnector';
import { startApiServer } from '../support/apiServer';

/**
 * Who is calling costs nothing on a known person's next turn (src/teams/identity.ts, src/store/
 * readCache.ts): the municipality, the staff row and the unchanged conversation reference come
 * from the short-lived read cache, so a card press runs only the query of its card's data.
 */
const anna: TeamsUser = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna' };

describe('identifying the caller of a turn', () => {
  const connector = new FakeConnector();
  let store: Store;
  let probe: RecordingEngine;
  let dispose: () => Promise<void>;
  let server: Awaited<ReturnType<typeof startApiServer>>;
  let caseId: string;

  beforeAll(async () => {
    await connector.start();
    connector.members.set(anna.id, {
      ...anna,
      email: 'anna@qby.example',
      userPrincipalName: 'anna@qby.example',
    });
    ({ store, probe, dispose } = await openRecordedTestStore(ENGINES[0]!));
    await store.municipalities.create({
      id: 'qby',
      name: 'Qby',
      tenant_id: TENANT_ID,
      settings: defaultSettings('herning'),
    });
    const t = store.tenant({ municipalityId: 'qby', actor: 'test' });
    const { id: annaId } = await t.staff.upsert({
      email: 'anna@qby.example',
      name: 'Anna',
      roles: ['adviser'],
    });
    caseId = (
      await t.cases.upsert({ caseRef: 'C-1', adviserId: annaId, opened: '2026-10-01', childInitials: 'AB' })
    ).id;
    await t.measures.upsert({ caseId, measureType: 'preventive', start: '2026-11-02', end: null });
    server = await startApiServer(store, fixedClock('2026-11-25T08:00:00Z'), undefined, {
      devFallback: false,
    });
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await connector.stop();
    await dispose();
  });

  const press = async () => {
    probe.reset();
    const before = connector.sent().length;
    const res = await server.activity(
      cardExecute(connector.url, anna, 'act-card', { verb: 'openCase', caseId }),
    );
    expect(res.status).toBe(200);
    expect(JSON.stringify(connector.sent().slice(before))).toContain('C-1');
    return [...probe.statements];
  };

  it('links the person by e-mail on the first turn and stores the chat for proactive messages', async () => {
    const first = await press();
    expect(first.some((q) => q.includes('UPDATE staff SET aad_object_id'))).toBe(true);
    expect(first.some((q) => q.includes('INSERT INTO conversation_refs'))).toBe(true);
    const chat = await store
      .tenant({ municipalityId: 'qby', actor: 'test' })
      .conversations.get(`a:personal-${anna.id}`);
    expect(chat?.staff_id).not.toBeNull();
  });

  it("runs only the card's own query on the next presses", async () => {
    await press(); // the first turn after linking reads the linked row once
    const next = await press();
    expect(next).toHaveLength(1);
    expect(next[0]).toContain('FROM cases c');
  });
});
