import http from 'node:http';
import { AddressInfo } from 'node:net';
import express from 'express';
import { ParentLinks } from '../../src/app/parentLinks';
import { loadMunicipality } from '../../src/app/municipalityContext';
import { parentLinkFor } from '../../src/app/parentAnswers';
import type { Clock } from '../../src/domain/clock';
import { createLogger } from '../../src/log';
import { mountParentRoute } from '../../src/server/parentRoute';
import { securityHeaders } from '../../src/server/securityHeaders';
import type { MeetingRow } from '../../src/store/meetingsRepo';
import { seedAfterMeeting } from '../app/afterMeetingFixture';
import { ENGINES, openTestStore } from '../support/db';

/**
 * The parents' page on a real HTTP server over the embedded store, with the server's security
 * headers and its JSON parser in front (as createHttpApp has them), and the after-meeting fixture's
 * municipality "am".
 */
export async function startParentServer(clock: Clock) {
  const { store, dispose } = await openTestStore(ENGINES[0]!);
  const seed = await seedAfterMeeting(store);
  const app = express();
  app.use(securityHeaders);
  app.use(express.json({ limit: '1mb' }));
  const server = await new Promise<http.Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const links = new ParentLinks(base, 'a-secret-of-at-least-thirty-two-characters');
  mountParentRoute(app, { store, links, clock, log: createLogger('silent') });
  return {
    store,
    seed,
    base,
    links,
    /** The link the coordinator's card shows for this meeting. */
    linkFor: async (meeting: MeetingRow) =>
      parentLinkFor(links, await loadMunicipality(store, 'am'), meeting)!,
    async close() {
      await new Promise((r) => server.close(r));
      await dispose();
    },
  };
}
