import { checkGraphPermissions } from '../../src/graph/check';
import { fictionalUser, startGraph } from '../support/graph/harness';

const coordinator = fictionalUser(1, 'Anne Tovholder');

/** `samspil graph check` against a tenant where an admin consented to some permissions only. */
describe('graph check', () => {
  it('names each permission Samspil needs and marks the one not consented as missing', async () => {
    const h = await startGraph([coordinator], {
      roles: ['Calendars.ReadWrite', 'User.Read.All', 'TeamsAppInstallation.ReadWriteSelfForUser.All'],
    });
    try {
      const checks = await checkGraphPermissions(h.client({ maxAttempts: 1 }), coordinator.userPrincipalName);
      expect(checks.map((c) => [c.permission, c.outcome])).toEqual([
        ['Calendars.ReadWrite', 'ok'],
        ['User.Read.All', 'ok'],
        ['GroupMember.Read.All', 'missing'],
        ['TeamsAppInstallation.ReadWriteSelfForUser.All', 'ok'],
      ]);
      expect(checks[2]?.detail).toContain('Insufficient privileges');
      expect(h.graph.unexpected).toEqual([]);
    } finally {
      await h.stop();
    }
  });
});
