// The module, not the package's index (see botApp.ts).
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { Config } from '../config';

/**
 * With MicrosoftAppId empty, botbuilder skips inbound JWT checks and outbound tokens (local dev,
 * Agents Playground); with it set, every inbound request must carry a valid Bot Framework token.
 */
export function createAdapter(config: Config): TeamsAdapter {
  const auth = {
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    ...(config.CertificateThumbprint && config.CertificatePrivateKey
      ? {
          CertificateThumbprint: config.CertificateThumbprint,
          CertificatePrivateKey: config.CertificatePrivateKey,
        }
      : {}),
  };
  return new TeamsAdapter(auth, new ConfigurationServiceClientCredentialFactory(auth));
}
