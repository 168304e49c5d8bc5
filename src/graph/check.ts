/**
 * `samspil graph check`: tries one harmless read per application permission Samspil needs in a
 * municipality's tenant and says which are missing (docs/graph.md "Permissions"). A 403 means the
 * permission is not consented (or, for Calendars.ReadWrite, the mailbox is outside the Exchange
 * RBAC scope given to the app).
 */
import { GraphClient, GraphError } from './client';

export interface PermissionCheck {
  permission: string;
  /** What Samspil uses it for. */
  use: string;
  outcome: 'ok' | 'missing' | 'failed';
  detail: string;
}

const PROBES = (mailbox: string) => [
  {
    permission: 'Calendars.ReadWrite',
    use: `meetings as Outlook events in ${mailbox}'s calendar`,
    path: `/users/${encodeURIComponent(mailbox)}/events?$top=1&$select=id`,
    outlook: true,
  },
  {
    permission: 'User.Read.All',
    use: 'staff from Entra ID',
    path: '/users?$top=1&$select=id',
    outlook: false,
  },
  {
    permission: 'GroupMember.Read.All',
    use: "the groups named in the municipality's settings",
    path: '/groups?$top=1&$select=id',
    outlook: false,
  },
  {
    permission: 'TeamsAppInstallation.ReadWriteSelfForUser.All',
    use: 'installing Samspil for new staff',
    path: `/users/${encodeURIComponent(mailbox)}/teamwork/installedApps?$top=1`,
    outlook: false,
  },
];

export async function checkGraphPermissions(
  client: GraphClient,
  mailbox: string,
): Promise<PermissionCheck[]> {
  const out: PermissionCheck[] = [];
  for (const p of PROBES(mailbox)) {
    try {
      await client.call({ method: 'GET', path: p.path, outlook: p.outlook });
      out.push({ permission: p.permission, use: p.use, outcome: 'ok', detail: '' });
    } catch (e) {
      const missing = e instanceof GraphError && e.status === 403;
      out.push({
        permission: p.permission,
        use: p.use,
        outcome: missing ? 'missing' : 'failed',
        detail: e instanceof Error ? e.message : String(e),
      });
    }
  }
  return out;
}
