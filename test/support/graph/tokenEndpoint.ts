/**
 * An Entra ID token endpoint of our own for @azure/identity (MSAL underneath). MSAL refuses an
 * authority that is not https ("authority_uri_insecure"), so it runs over https with a self-signed
 * certificate made for the test; the credential trusts it through its `tlsOptions.ca`, the
 * documented pipeline option of every @azure/identity credential, and nothing is disabled globally.
 * It serves the OpenID configuration MSAL reads and the client-credentials grant, and hands out
 * opaque access tokens the Graph double checks.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export class TokenEndpoint {
  /** Access token → tenant it was issued for (the Graph double reads this). */
  readonly tokens = new Map<string, string>();
  readonly grants: { tenant: string; clientId: string; scope: string }[] = [];
  ca = '';
  /** The certificate's key, for another loopback https server in the test (Samspil's notification endpoint). */
  key = '';
  authorityHost = '';
  private server!: https.Server;

  constructor(
    private readonly clientId: string,
    private readonly clientSecret: string,
  ) {}

  async start(): Promise<void> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'graph-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
          '-keyout',
          path.join(dir, 'key.pem'),
          '-out',
          path.join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      this.ca = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
      const key = readFileSync(path.join(dir, 'key.pem'), 'utf8');
      this.key = key;
      this.server = https.createServer({ key, cert: this.ca }, (req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const url = new URL(req.url ?? '/', this.authorityHost);
          const json = (status: number, body: unknown) => {
            res.writeHead(status, { 'content-type': 'application/json' });
            res.end(JSON.stringify(body));
          };
          const config = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(url.pathname);
          if (req.method === 'GET' && config) {
            const base = `${this.authorityHost}/${config[1]}`;
            return json(200, {
              token_endpoint: `${base}/oauth2/v2.0/token`,
              authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
              end_session_endpoint: `${base}/oauth2/v2.0/logout`,
              issuer: `${base}/v2.0`,
              jwks_uri: `${base}/discovery/v2.0/keys`,
              response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
            });
          }
          const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
          if (req.method === 'POST' && token) {
            const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
            if (form.get('grant_type') !== 'client_credentials' || form.get('client_id') !== this.clientId)
              return json(400, {
                error: 'unauthorized_client',
                error_description: 'AADSTS700016: Application not found.',
              });
            if (form.get('client_secret') !== this.clientSecret)
              return json(401, {
                error: 'invalid_client',
                error_description: 'AADSTS7000215: Invalid client secret provided.',
              });
            const scope = form.get('scope') ?? '';
            if (!scope.split(' ').includes('https://graph.microsoft.com/.default'))
              return json(400, {
                error: 'invalid_scope',
                error_description: 'AADSTS70011: The provided value for scope is not valid.',
              });
            const access = randomUUID();
            this.tokens.set(access, token[1] as string);
            this.grants.push({ tenant: token[1] as string, clientId: this.clientId, scope });
            return json(200, {
              token_type: 'Bearer',
              expires_in: 3599,
              ext_expires_in: 3599,
              access_token: access,
            });
          }
          json(404, { error: 'not_found' });
        });
      });
      await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
      this.authorityHost = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
