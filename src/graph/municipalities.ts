/**
 * Which municipalities use Graph, and their clients: a municipality that turned Graph on in its
 * settings (`graph.enabled`) and has a tenant gets a client with tokens for that tenant, one per
 * tenant for the life of the process (so tokens are cached and the 4 Outlook calls in flight are
 * counted across its passes). Every other municipality gets null and works as without Graph.
 */
import type { TokenCredential } from '@azure/identity';
import type { MunicipalityContext } from '../app/municipalityContext';
import type { CalendarPort } from '../app/meetings/calendarPort';
import type { Config } from '../config';
import { GraphClient, type GraphClientOptions } from './client';
import { graphCredential } from './credential';
import { OutlookCalendar } from './outlookCalendar';

export interface GraphMunicipalities {
  clientFor(m: MunicipalityContext): GraphClient | null;
  calendarFor(m: MunicipalityContext): CalendarPort | null;
  /** Where Graph posts notifications; null without a public https URL (no RSVPs from Outlook then). */
  notifications: { changes: string; lifecycle: string } | null;
}

export function graphMunicipalities(
  baseUrl: string,
  credentialFor: (tenantId: string) => TokenCredential,
  options: Partial<GraphClientOptions> = {},
  notifications: GraphMunicipalities['notifications'] = null,
): GraphMunicipalities {
  const clients = new Map<string, GraphClient>();
  const clientFor = (m: MunicipalityContext): GraphClient | null => {
    if (!m.settings.graph?.enabled || !m.tenantId) return null;
    let client = clients.get(m.tenantId);
    if (!client) {
      client = new GraphClient({ baseUrl, credential: credentialFor(m.tenantId), ...options });
      clients.set(m.tenantId, client);
    }
    return client;
  };
  return {
    clientFor,
    notifications,
    calendarFor: (m) => {
      const client = clientFor(m);
      return client ? new OutlookCalendar(client, notifications) : null;
    },
  };
}

/** The deployment's Graph access, from its configuration (SAMSPIL_GRAPH_URL and the AZURE_* variables). */
export function graphFromConfig(config: Config): GraphMunicipalities {
  const base = config.SAMSPIL_PUBLIC_URL?.replace(/\/+$/, '');
  // Graph posts notifications only to https endpoints.
  const notifications = base?.startsWith('https://')
    ? { changes: `${base}/graph/notifications`, lifecycle: `${base}/graph/lifecycle` }
    : null;
  return graphMunicipalities(
    config.SAMSPIL_GRAPH_URL,
    (tenantId) => graphCredential(tenantId, config),
    {},
    notifications,
  );
}
