import { fixedClock } from '../../../src/domain/clock';
import { looksLikeCpr } from '../../../src/domain/cpr';
import type { Store } from '../../../src/store/store';
import { checkCardIds } from '../../../src/teams/routes/cardData';
import { cardExecute, TENANT_ID, type TeamsUser } from '../../support/activities';
import { startApiServer } from '../../support/apiServer';
import { ENGINES, openTestStore } from '../../support/db';
import { FakeConnector } from '../../support/fakeConnector';
import { capturedLog } from '../../support/logCapture';

const ID = '6f1c2a4e-8b1d-4c3e-9f00-123456789abc';

describe('the ids a card carries are checked by type where the press arrives', () => {
  it.each([
    [{ caseId: ID }, true],
    [{ meetingId: ID, teamId: ID, agreementId: ID, measureId: ID }, true],
    [{ meetingId: '' }, true],
    [{ formId: 'child', formVersion: '2' }, true],
    [{ reason: 'any text: it is an input, judged by its handler' }, true],
    [{ caseId: '030390-2222' }, false],
    [{ measureId: 'x' }, false],
    [{ teamId: 7 }, false],
    [{ meetingId: `${ID}' OR '1'='1` }, false],
    [{ formId: 'tema; DROP' }, false],
    [{ formVersion: '1e9' }, false],
  ])('%j is %s', (values, ok) => {
    expect(checkCardIds(values).ok).toBe(ok);
  });

  it('names the field, never the value', () => {
    expect(checkCardIds({ caseId: ID, measureId: '030390-2222' })).toEqual({ ok: false, field: 'measureId' });
  });
});

describe('a card press with an id of the wrong type, against the real server', () => {
  const connector = new FakeConnector();
  const nina: TeamsUser = { id: '29:nina', aadObjectId: 'aad-nina', name: 'Nina Nord' };
  const { log, lines } = capturedLog();
  let store: Store;
  let dispose: () => Promise<void>;
  let server: Awaited<ReturnType<typeof startApiServer>>;

  beforeAll(async () => {
    await connector.start();
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    await store.municipalities.create({
      id: 'nordby',
      name: 'Nordby Kommune',
      tenant_id: TENANT_ID,
      settings: {},
    });
    const t = store.tenant({ municipalityId: 'nordby', actor: 'test' });
    const staff = await t.staff.upsert({
      email: 'nina@nordby.example',
      name: 'Nina Nord',
      roles: ['adviser', 'coordinator'],
      unitId: null,
    });
    await t.staff.linkAadObjectId(staff.id, nina.aadObjectId);
    server = await startApiServer(store, fixedClock('2026-11-23T09:00:00+01:00'), undefined, {
      devFallback: false,
      log,
    });
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await connector.stop();
    await dispose();
  });

  it.each(['openCase', 'snoozeReminder', 'meetingMove', 'openMinutes'])(
    '%s with a CPR number for an id gets the old-card answer; the log names the field only',
    async (verb) => {
      const before = lines.length;
      const res = await server.activity(
        cardExecute(connector.url, nina, 'card-1', {
          verb,
          caseId: '030390-2222',
          measureId: '030390-2222',
          meetingId: '030390-2222',
        }),
      );
      const answer = JSON.stringify(await res.json());
      expect(res.status).toBe(200);
      expect(answer).toContain('Det kort er fra en ældre udgave af Samspil');
      expect(looksLikeCpr(answer)).toBe(false);
      const written = lines.slice(before);
      expect(written.join('\n')).toContain('card with an id of the wrong type refused');
      expect(written.join('\n')).not.toMatch(/030390|2222/);
      expect(written.some((l) => l.includes('card action failed'))).toBe(false);
    },
  );
});
