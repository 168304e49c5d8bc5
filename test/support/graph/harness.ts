/**
 * The Graph double and its token endpoint, started together, with a real @azure/identity
 * credential and a GraphClient pointed at them. Every suite ends by asserting that no request fell
 * outside the double's route table.
 */
import { ClientSecretCredential } from '@azure/identity';
import { GraphClient, type GraphClientOptions } from '../../../src/graph/client';
import { GraphDouble, type DirectoryUser } from './double';
import { TokenEndpoint } from './tokenEndpoint';

export const TENANT = '11111111-2222-3333-4444-555555555555';
export const CLIENT_ID = '66666666-7777-8888-9999-000000000000';
const SECRET = 'test-secret-not-real';

export interface GraphHarness {
  graph: GraphDouble;
  tokens: TokenEndpoint;
  credential: ClientSecretCredential;
  client(opts?: Partial<GraphClientOptions>): GraphClient;
  stop(): Promise<void>;
}

export async function startGraph(
  users: DirectoryUser[],
  opts: { latencyMs?: number } = {},
): Promise<GraphHarness> {
  const tokens = new TokenEndpoint(CLIENT_ID, SECRET);
  await tokens.start();
  const graph = new GraphDouble({
    tenantId: TENANT,
    tokens: tokens.tokens,
    users,
    latencyMs: opts.latencyMs,
    ca: tokens.ca,
  });
  await graph.start();
  const credential = new ClientSecretCredential(TENANT, CLIENT_ID, SECRET, {
    authorityHost: tokens.authorityHost,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: tokens.ca },
  });
  return {
    graph,
    tokens,
    credential,
    client: (o = {}) => new GraphClient({ baseUrl: graph.url, credential, ...o }),
    stop: async () => {
      await graph.stop();
      await tokens.stop();
    },
  };
}

/** Fictional staff of a fictional tenant. */
export function fictionalUser(n: number, name: string): DirectoryUser {
  const mail = `${name.toLowerCase().replace(/[^a-z]/g, '.')}@fjordby.example`;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    displayName: name,
    mail,
    userPrincipalName: mail,
  };
}
