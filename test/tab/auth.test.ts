import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { defaultSettings } from '../../src/domain/municipality';
import type { Store } from '../../src/store/store';
import { entraTokenVerifier, resourceOf } from '../../src/tab/auth';
import { ENGINES, openTestStore } from '../support/db';
import { clock, NOW, startTabServer, type TabServer } from './fixture';

/**
 * The tab's SSO check against a key set served on loopback, as Entra ID publishes its keys: a
 * token must be signed by a published key, for this app, unexpired, from its own tenant's issuer,
 * and name a tenant and a member of staff Samspil knows.
 */
const APP_ID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '99999999-2222-4333-8444-555555555555';
const OID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const AUTHORITY = 'https://login.microsoftonline.com';

let store: Store;
let dispose: () => Promise<void>;
let keys: http.Server;
let server: TabServer;
let signingKey: KeyLike;
let foreignKey: KeyLike;
let adviserId: string;
let jwksRequests = 0;

interface Claims {
  aud?: string;
  iss?: string;
  tid?: string;
  oid?: string;
  preferred_username?: string;
  exp?: number;
}

async function token(claims: Claims = {}, key: KeyLike = signingKey, kid = 'k1'): Promise<string> {
  const now = Math.floor(NOW.getTime() / 1000);
  const tid = claims.tid ?? TENANT;
  return new SignJWT({ tid, oid: claims.oid ?? OID, preferred_username: claims.preferred_username })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer(claims.iss ?? `${AUTHORITY}/${tid}/v2.0`)
    .setAudience(claims.aud ?? `api://samspil.kommune.example/${APP_ID}`)
    .setIssuedAt(now - 60)
    .setExpirationTime(claims.exp ?? now + 3600)
    .sign(key);
}

const overview = (auth?: string, extra: Record<string, string> = {}) =>
  fetch(`${server.url}/tab/api/overview`, {
    headers: { ...(auth ? { authorization: auth } : {}), ...extra },
  });

beforeAll(async () => {
  ({ store, dispose } = await openTestStore(ENGINES[1]!));
  await store.municipalities.create({
    id: 'nordby',
    name: 'Nordby Kommune',
    tenant_id: TENANT,
    settings: defaultSettings('herning'),
  });
  const t = store.tenant({ municipalityId: 'nordby', actor: 'test' });
  adviserId = (
    await t.staff.upsert({ email: 'rikke@nordby.example', name: 'Rikke Rådgiver', roles: ['adviser'] })
  ).id;
  await t.staff.linkAadObjectId(adviserId, OID);
  await t.staff.upsert({ email: 'ny@nordby.example', name: 'Nina Ny', roles: ['leader'] });

  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  foreignKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  keys = http.createServer((_req, res) => {
    jwksRequests++;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => keys.listen(0, '127.0.0.1', r));
  const jwksUrl = `http://127.0.0.1:${(keys.address() as AddressInfo).port}/discovery/v2.0/keys`;
  server = await startTabServer(store, {
    verify: entraTokenVerifier(
      {
        appId: APP_ID,
        resource: resourceOf('https://samspil.kommune.example', APP_ID),
        jwksUrl,
        authority: AUTHORITY,
      },
      clock,
    ),
  });
}, 60_000);

afterAll(async () => {
  await server.close();
  await new Promise((r) => keys.close(r));
  await dispose();
});

describe('Overblik tab sign-in (Teams SSO, Entra ID token)', () => {
  it('shows the overview of the staff member the token names, fetching the published keys', async () => {
    const res = await overview(`Bearer ${await token()}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Rikke Rådgiver');
    expect(html).toContain('Nordby Kommune');
    expect(jwksRequests).toBeGreaterThan(0);
  });

  it('accepts the bare app id as audience too', async () => {
    expect((await overview(`Bearer ${await token({ aud: APP_ID })}`)).status).toBe(200);
  });

  it.each<[string, () => Promise<string>]>([
    ['no token at all', async () => ''],
    ['a token that is not a JWT', async () => 'Bearer not-a-token'],
    ['a token signed by a key Entra ID never published (forged)', () => token({}, foreignKey)],
    ['a token whose key id is unknown', () => token({}, foreignKey, 'k2')],
    ['an expired token', () => token({ exp: Math.floor(NOW.getTime() / 1000) - 600 })],
    ['a token for another app (wrong audience)', () => token({ aud: 'api://other.example/1234' })],
    ["a token issued by another tenant's issuer", () => token({ iss: `${AUTHORITY}/${OTHER_TENANT}/v2.0` })],
    ['a token from another authority', () => token({ iss: `https://evil.example/${TENANT}/v2.0` })],
  ])('answers 401 to %s, and names no one', async (_name, make) => {
    const t = await make();
    const res = await overview(t ? (t.startsWith('Bearer') ? t : `Bearer ${t}`) : undefined);
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain('Log ind via Teams');
    expect(html).not.toContain('Rikke');
  });

  it('ignores the demo user header when an app id is configured', async () => {
    const res = await overview(undefined, { 'x-samspil-demo-user': adviserId });
    expect(res.status).toBe(401);
  });

  it('answers 403 to a valid token of a tenant Samspil does not serve', async () => {
    const res = await overview(`Bearer ${await token({ tid: OTHER_TENANT })}`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Din organisation bruger ikke Samspil');
  });

  it('answers 403 to a valid token of someone who is not staff', async () => {
    const res = await overview(
      `Bearer ${await token({ oid: '12345678-bbbb-4ccc-8ddd-eeeeeeeeeeee', preferred_username: 'x@nordby.example' })}`,
    );
    expect(res.status).toBe(403);
  });

  it('links a member of staff by the signed user name the first time, by object id after', async () => {
    const oid = '22222222-bbbb-4ccc-8ddd-eeeeeeeeeeee';
    const first = await overview(`Bearer ${await token({ oid, preferred_username: 'NY@nordby.example' })}`);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('Nina Ny');
    const again = await overview(`Bearer ${await token({ oid })}`);
    expect(await again.text()).toContain('Nina Ny');
    // A second account cannot take over a member of staff already linked to another object id.
    const thief = await overview(
      `Bearer ${await token({ oid: '33333333-bbbb-4ccc-8ddd-eeeeeeeeeeee', preferred_username: 'ny@nordby.example' })}`,
    );
    expect(thief.status).toBe(403);
  });

  it('serves the page to sign in with Teams, listing no demo users, framed only by Teams', async () => {
    const res = await fetch(`${server.url}/tab/overblik`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-mode="sso"');
    expect(html).not.toContain('pick-user');
    expect(html).not.toContain('Rikke');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com /);
    const sdk = await fetch(`${server.url}/tab/assets/teams-js.js`);
    expect(sdk.status).toBe(200);
    expect(await sdk.text()).toContain('getAuthToken');
  });

  it('the CSV download is behind the same check', async () => {
    expect((await fetch(`${server.url}/tab/api/csv/overdue`)).status).toBe(401);
  });
});
