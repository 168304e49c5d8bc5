import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Clock } from '../domain/clock';
import type { Config } from '../config';

/** Who a valid Entra ID token names: the tenant (→ municipality) and the user's object id (→ staff). */
export interface TokenIdentity {
  tenantId: string;
  objectId: string;
  /** The signed-in name (UPN/e-mail), used once to link a staff member not yet known by object id. */
  userName: string | null;
}

export interface EntraOptions {
  /** The app registration the tab's SSO token is issued for (webApplicationInfo.id). */
  appId: string;
  /** webApplicationInfo.resource, `api://<host>/<app id>`, when the deployment has a public URL. */
  resource?: string;
  jwksUrl: string;
  /** Issuers are `<authority>/<tid>/v2.0`, the v2 access tokens Teams SSO asks for. */
  authority: string;
}

export class TokenRejected extends Error {}

/**
 * Verifies a Teams SSO token (an Entra ID v2 access token): the signature against the published
 * key set, the audience (the app id or its `api://` resource), the expiry against the injected
 * clock, and the issuer of the token's own tenant. Anything else is a TokenRejected.
 */
export function entraTokenVerifier(
  opts: EntraOptions,
  clock: Clock,
  keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(opts.jwksUrl)),
): (token: string) => Promise<TokenIdentity> {
  const audience = [opts.appId, ...(opts.resource ? [opts.resource] : [])];
  return async (token) => {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        audience,
        algorithms: ['RS256'],
        currentDate: clock.now(),
        requiredClaims: ['exp', 'tid', 'oid', 'iss'],
        clockTolerance: 60,
      }));
    } catch (err) {
      throw new TokenRejected((err as Error).message);
    }
    const tid = typeof payload.tid === 'string' ? payload.tid : '';
    const oid = typeof payload.oid === 'string' ? payload.oid : '';
    if (!tid || !oid) throw new TokenRejected('token lacks tid or oid');
    // Entra signs every tenant's tokens with the same keys: the issuer must be the token's own tenant.
    if (payload.iss !== `${opts.authority}/${tid}/v2.0`) throw new TokenRejected('unexpected issuer');
    const name = payload.preferred_username ?? payload.upn;
    return { tenantId: tid, objectId: oid, userName: typeof name === 'string' ? name : null };
  };
}

/** `api://samspil.kommune.dk/<app id>` — the resource the manifest's webApplicationInfo names. */
export function resourceOf(publicUrl: string | undefined, appId: string): string | undefined {
  if (!publicUrl) return undefined;
  return `api://${new URL(publicUrl).host}/${appId}`;
}

/** The deployment's verifier: none without an app id (local and demo use; production refuses that). */
export function tabVerifierOf(
  config: Config,
  clock: Clock,
): ((token: string) => Promise<TokenIdentity>) | undefined {
  const appId = config.MicrosoftAppId;
  if (!appId) return undefined;
  return entraTokenVerifier(
    {
      appId,
      resource: resourceOf(config.SAMSPIL_PUBLIC_URL, appId),
      jwksUrl: config.SAMSPIL_ENTRA_JWKS_URL,
      authority: config.SAMSPIL_ENTRA_AUTHORITY,
    },
    clock,
  );
}
