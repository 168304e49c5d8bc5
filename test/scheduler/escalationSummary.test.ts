import { ENGINES, openTestStore } from '../support/db';
import type { Store } from '../../src/store/store';
import type { OutboxMessage } from '../../src/store/outboxRepo';
import { defaultSettings } from '../../src/domain/municipality';
import { loadMunicipality } from '../../src/app/municipalityContext';
import { planMunicipality } from '../../src/scheduler/planner';
import { cardProblems } from '../../src/cards/validate';
import type { CardJson } from '../../src/cards/render';

/**
 * docs/domain-rules.md "Reminders": a leader with two or more deadlines past the escalation limit
 * gets one summary a working day instead of a card per case, updated in place as deadlines are met;
 * one escalated deadline still gets its own card. Herning institution placements started 2026-11-02:
 * first follow-up due Monday 2026-11-16; 5 working days overdue on Monday 2026-11-23.
 */
describe("the leader's escalation summary (PGlite)", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  const t = () => store.tenant({ municipalityId: 'es', actor: 'test' });
  const plan = async (iso: string) =>
    planMunicipality(store, await loadMunicipality(store, 'es'), new Date(iso));
  const ids = { lise: '', kim: '', anna: '', bo: '' };
  const measures: Record<string, string> = {};
  const toLeader = async (leader: string, status?: 'pending' | 'cancelled' | 'sent') =>
    (await t().outbox.list(status, 1000))
      .filter((o) => o.recipient_staff_id === leader && o.kind.startsWith('followup.escalation'))
      .reverse();
  const cardText = (o: OutboxMessage) => JSON.stringify(o.payload.activity);

  /** Sends every pending row as the sender would, recording an activity id per row. */
  async function sendAll(): Promise<void> {
    const rows = await store.queue.claim('test', new Date('2030-01-01T00:00:00Z'), 1000, 60_000, {
      perDestination: 1000,
    });
    await store.queue.settle(
      rows.map((row) => ({
        id: row.id,
        token: row.lease_token,
        status: 'sent' as const,
        at: new Date('2026-11-23T09:00:00Z'),
        activityId: `act-${row.id}`,
      })),
    );
  }

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    await store.municipalities.create({
      id: 'es',
      name: 'Es',
      tenant_id: null,
      settings: defaultSettings('herning'),
    });
    const staff = async (email: string, name: string, roles: ('leader' | 'adviser')[]) =>
      (await t().staff.upsert({ email, name, roles })).id;
    ids.lise = await staff('lise@es.example', 'Lise Leder', ['leader']);
    ids.kim = await staff('kim@es.example', 'Kim Leder', ['leader']);
    ids.anna = await staff('anna@es.example', 'Anna Rådgiver', ['adviser']);
    ids.bo = await staff('bo@es.example', 'Bo Rådgiver', ['adviser']);
    const carl = await staff('carl@es.example', 'Carl Rådgiver', ['adviser']);
    await t().staff.setLeader(ids.anna, ids.lise);
    await t().staff.setLeader(ids.bo, ids.lise);
    await t().staff.setLeader(carl, ids.kim);
    for (const [ref, adviserId] of [
      ['ES-1', ids.anna],
      ['ES-2', ids.anna],
      ['ES-3', ids.bo],
      ['ES-4', carl],
    ] as const) {
      const c = await t().cases.upsert({
        caseRef: ref,
        adviserId,
        opened: '2026-10-01',
        ladderStep: 5,
        childInitials: null,
      });
      measures[ref] = (
        await t().measures.upsert({
          caseId: c.id,
          measureType: 'institution',
          start: '2026-11-02',
          end: null,
        })
      ).id;
    }
  });
  afterAll(async () => dispose());

  it('gives a leader with three escalated deadlines one summary, and a leader with one its own card', async () => {
    await plan('2026-11-23T07:30:00Z'); // Monday 08:30, 5 working days overdue
    const lise = await toLeader(ids.lise);
    expect(lise.map((o) => o.kind)).toEqual(['followup.escalationSummary']);
    const card = lise[0]!.payload.activity as { attachments: { content: CardJson }[] };
    expect(cardProblems(card.attachments[0]!.content)).toEqual([]);
    const text = cardText(lise[0]!);
    expect(text).toContain('Overskredne frister i din enhed');
    expect(text).toContain('3 frister hos dine medarbejdere er overskredet');
    for (const s of ['ES-1', 'ES-2', 'ES-3', 'Anna Rådgiver', 'Bo Rådgiver', 'Institutionsanbringelse'])
      expect(text).toContain(s);
    expect(text).not.toContain('ES-4');
    expect(text.match(/"verb":"openCase"/g)).toHaveLength(3);
    expect((await toLeader(ids.kim)).map((o) => o.kind)).toEqual(['followup.escalation']);
  });

  it('plans the same summary once however often the pass runs', async () => {
    await plan('2026-11-23T07:31:00Z');
    await plan('2026-11-23T08:00:00Z');
    expect((await toLeader(ids.lise)).map((o) => o.kind)).toEqual(['followup.escalationSummary']);
  });

  it('replaces the sent summary in place when a deadline is met', async () => {
    await sendAll();
    const [sent] = await toLeader(ids.lise, 'sent');
    await t().measures.addFollowUp({
      measureId: measures['ES-2']!,
      heldOn: '2026-11-23',
      dueOn: '2026-11-16',
      childConversation: true,
    });
    await plan('2026-11-23T10:00:00Z');
    const [update] = await toLeader(ids.lise, 'pending');
    expect(update!.kind).toBe('followup.escalationSummary');
    expect(update!.payload.replaceActivityId).toBe(sent!.activity_id);
    expect(cardText(update!)).toContain('2 frister hos dine medarbejdere');
    expect(cardText(update!)).not.toContain('ES-2');
  });

  it('supersedes a summary not yet sent, and shows when every deadline is met', async () => {
    await t().measures.addFollowUp({
      measureId: measures['ES-1']!,
      heldOn: '2026-11-23',
      dueOn: '2026-11-16',
      childConversation: true,
    });
    await plan('2026-11-23T11:00:00Z');
    await t().measures.addFollowUp({
      measureId: measures['ES-3']!,
      heldOn: '2026-11-23',
      dueOn: '2026-11-16',
      childConversation: true,
    });
    await plan('2026-11-23T12:00:00Z');
    // The newer version supersedes the unsent one: one card waits, the newest.
    const pending = await toLeader(ids.lise, 'pending');
    expect(pending).toHaveLength(1);
    const newest = pending[0]!;
    expect(cardText(newest)).toContain('Alle frister på listen er håndteret');
    expect(newest.payload.replaceActivityId).toBeTruthy();
  });

  it('sends a new summary the next working day only while two or more are escalated', async () => {
    await plan('2026-11-24T07:30:00Z');
    const today = (await toLeader(ids.lise)).filter((o) => o.dedupe_key.includes('2026-11-24'));
    expect(today).toEqual([]);
  });
});
