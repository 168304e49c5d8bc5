/**
 * Graph tokens for one municipality's tenant, from @azure/identity with its standard variables
 * (docs/graph.md): a client secret (AZURE_CLIENT_SECRET) or a certificate
 * (AZURE_CLIENT_CERTIFICATE_PATH) of the multi-tenant app AZURE_CLIENT_ID, else a managed identity,
 * which can only reach the tenant it lives in. AZURE_AUTHORITY_HOST (another cloud) is read by
 * @azure/identity itself.
 */
import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';
import type { Config } from '../config';

export type GraphCredentialConfig = Pick<
  Config,
  'AZURE_CLIENT_ID' | 'AZURE_CLIENT_SECRET' | 'AZURE_CLIENT_CERTIFICATE_PATH' | 'AZURE_AUTHORITY_HOST'
>;

export function graphCredential(tenantId: string, c: GraphCredentialConfig): TokenCredential {
  const options = c.AZURE_AUTHORITY_HOST ? { authorityHost: c.AZURE_AUTHORITY_HOST } : {};
  if (c.AZURE_CLIENT_ID && c.AZURE_CLIENT_SECRET)
    return new ClientSecretCredential(tenantId, c.AZURE_CLIENT_ID, c.AZURE_CLIENT_SECRET, options);
  if (c.AZURE_CLIENT_ID && c.AZURE_CLIENT_CERTIFICATE_PATH)
    return new ClientCertificateCredential(
      tenantId,
      c.AZURE_CLIENT_ID,
      c.AZURE_CLIENT_CERTIFICATE_PATH,
      options,
    );
  return c.AZURE_CLIENT_ID
    ? new ManagedIdentityCredential({ clientId: c.AZURE_CLIENT_ID })
    : new ManagedIdentityCredential();
}
