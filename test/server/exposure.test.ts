import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { exposureOf, isLoopbackHost, isLoopbackUrl } from '../../src/server/exposure';
import { FakeConnector } from '../support/fakeConnector';
import { personalMessage } from '../support/activities';
import { ROOT } from '../support/processes';
import { until } from '../support/poll';

const APP_ID = '00000000-0000-0000-0000-000000000001';
const exposure = (env: Record<string, string>, bind?: string) => exposureOf(loadConfig(env), bind);

describe('where the server listens and whether it checks who calls', () => {
  it.each([
    ['unset', {}],
    ['development', { NODE_ENV: 'development' }],
    ['test', { NODE_ENV: 'test' }],
  ])('without an app id, NODE_ENV %s: loopback only, unauthenticated', (_n, env) => {
    expect(exposure(env)).toEqual({ host: '127.0.0.1', authenticated: false });
  });

  it('with an app id and a password, a certificate or a managed identity: every address, authenticated', () => {
    const secrets: Record<string, string>[] = [
      { MicrosoftAppPassword: 'secret' },
      { CertificateThumbprint: 'AB12', CertificatePrivateKey: '-----BEGIN PRIVATE KEY-----' },
      { MicrosoftAppType: 'UserAssignedMSI' },
    ];
    for (const s of secrets)
      for (const NODE_ENV of ['development', 'production'])
        expect(exposure({ MicrosoftAppId: APP_ID, NODE_ENV, ...s })).toEqual({
          host: '0.0.0.0',
          authenticated: true,
        });
  });

  it('refuses to listen beyond loopback without an app id and its secret, whatever NODE_ENV says', () => {
    for (const NODE_ENV of ['development', 'test']) {
      expect(() => exposure({ NODE_ENV, SAMSPIL_BIND: '0.0.0.0' })).toThrow(
        /Refusing to listen on 0\.0\.0\.0/,
      );
      expect(() => exposure({ NODE_ENV }, '192.0.2.10')).toThrow(/Refusing to listen on 192\.0\.2\.10/);
      // An app id alone checks tokens but cannot answer: still loopback only.
      expect(exposure({ NODE_ENV, MicrosoftAppId: APP_ID })).toEqual({
        host: '127.0.0.1',
        authenticated: true,
      });
      expect(() => exposure({ NODE_ENV, MicrosoftAppId: APP_ID }, '::')).toThrow(/Refusing to listen on ::/);
    }
  });

  it('refuses production without an app id or without its secret, even on loopback', () => {
    expect(() => exposure({ NODE_ENV: 'production' }, '127.0.0.1')).toThrow(
      /Refusing to start in production/,
    );
    expect(() => exposure({ NODE_ENV: 'production', MicrosoftAppId: APP_ID })).toThrow(
      /MicrosoftAppPassword/,
    );
  });

  it('takes the --bind flag over SAMSPIL_BIND', () => {
    const env = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's', SAMSPIL_BIND: '10.0.0.4' };
    expect(exposure(env).host).toBe('10.0.0.4');
    expect(exposure(env, '127.0.0.1').host).toBe('127.0.0.1');
    expect(() => loadConfig({ SAMSPIL_BIND: 'http://x/' })).toThrow(/SAMSPIL_BIND/);
    expect(() => loadConfig({ CertificateThumbprint: 'AB12' })).toThrow(/CertificatePrivateKey/);
  });

  it('knows loopback in every spelling, and nothing else as loopback', () => {
    for (const h of [
      '127.0.0.1',
      '127.0.0.2',
      '127.255.255.254',
      'localhost',
      'LOCALHOST',
      '::1',
      '[::1]',
      '0:0:0:0:0:0:0:1',
      '::ffff:127.0.0.1',
    ])
      expect([h, isLoopbackHost(h)]).toEqual([h, true]);
    for (const h of [
      '0.0.0.0',
      '::',
      '192.0.2.2',
      '10.0.0.1',
      'fd00::2',
      '::ffff:10.0.0.1',
      '128.0.0.1',
      'localhost.evil.example',
      '127.0.0.1.nip.io',
    ])
      expect([h, isLoopbackHost(h)]).toEqual([h, false]);
    expect(isLoopbackUrl('http://127.0.0.1:56150/')).toBe(true);
    expect(isLoopbackUrl('https://[::1]:443')).toBe(true);
    for (const u of [
      'https://smba.trafficmanager.net/emea/',
      'http://127.0.0.1@evil.example/',
      'file:///etc/passwd',
      'not a url',
      42,
    ])
      expect(isLoopbackUrl(u)).toBe(false);
  });
});

/** The newest modification time of any file under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) t = Math.max(t, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs);
  return t;
}

/** The built command, built now if src/ changed since (`npm run build`), as an installation runs it. */
function builtCommand(): string {
  const main = path.join(ROOT, 'dist/src/cli/main.js');
  if (!fs.existsSync(main) || newest(path.join(ROOT, 'dist/src')) < newest(path.join(ROOT, 'src')))
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  return main;
}

/** `samspil start` from dist; resolves with the port it printed once it is listening. */
async function startBuilt(
  main: string,
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-exposure-'));
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(Microsoft|Certificate|SAMSPIL_|NODE_ENV$|PORT$)/.test(k)),
  );
  const child = spawn(process.execPath, [main, 'start', ...args], {
    cwd: ROOT,
    env: {
      ...clean,
      NODE_OPTIONS: '',
      SAMSPIL_DATA_DIR: dataDir,
      PORT: '0',
      SAMSPIL_SCHEDULER: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  child.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not listening after 60 s:\n${out}`)), 60_000);
    child.stdout!.on('data', () => {
      const m = /is listening on http:\/\/[^ ]*:(\d+)\/api\/messages/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out}`));
    });
  });
  return { child, port, output: () => out };
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/** Whether a TCP connection to host:port is accepted. */
const reachable = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect({ host, port, timeout: 2000 });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
    s.once('timeout', () => {
      s.destroy();
      resolve(false);
    });
  });

/** Other addresses of this machine: 127.0.0.2 (loopback range, another address) and every non-loopback one. */
const otherAddresses = (): string[] => [
  '127.0.0.2',
  ...Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal && a.family === 'IPv4')
    .map((a) => a!.address),
];

const post = (port: number, body: object) =>
  fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const user = { id: '29:stranger', aadObjectId: '11111111-2222-4333-8444-555555555555', name: 'Ukendt' };

describe('`samspil start` from the built command', () => {
  let main: string;
  beforeAll(() => {
    main = builtCommand();
  }, 300_000);

  it('without an app id (NODE_ENV=test) listens on 127.0.0.1 only, says so, and answers no connector but one on this machine', async () => {
    // The probe itself is sound: a server on every address is reached at each of them.
    const control = http.createServer((_q, r) => r.end());
    await new Promise<void>((r) => control.listen(0, '0.0.0.0', r));
    const controlPort = (control.address() as net.AddressInfo).port;
    const addresses = otherAddresses();
    for (const a of addresses) expect([a, await reachable(a, controlPort)]).toEqual([a, true]);
    await new Promise((r) => control.close(r));

    const local = new FakeConnector();
    const elsewhere = new FakeConnector();
    await local.start();
    const outside = addresses.find((a) => !a.startsWith('127.'));
    await elsewhere.start(outside ?? '127.0.0.2');
    const server = await startBuilt(main, { NODE_ENV: 'test', LOG_LEVEL: 'info' });
    try {
      expect(server.output()).toContain(`is listening on http://127.0.0.1:${server.port}/api/messages`);
      expect(server.output()).toContain('no app id: authentication off, loopback only');
      // The log line goes to stderr and the banner to stdout: two pipes, so either may arrive first.
      const logged = /"msg":"no app id: authentication off, listening on loopback only/;
      await until('the loopback-only log line', async () => logged.test(server.output()), 10_000);
      expect(server.output()).toMatch(logged);
      expect(await reachable('127.0.0.1', server.port)).toBe(true);
      for (const a of addresses) expect([a, await reachable(a, server.port)]).toEqual([a, false]);

      // A forged serviceUrl (the stranger's connector) is refused before the turn: nothing is sent to it.
      const forged = await post(server.port, personalMessage(elsewhere.url, user, 'mine opfølgninger'));
      expect(forged.status).toBe(outside ? 403 : 200);
      if (outside) expect(elsewhere.calls).toHaveLength(0);
      // The same activity naming the connector on this machine is answered there: the test sees deliveries.
      const honest = await post(server.port, personalMessage(local.url, user, 'mine opfølgninger'));
      expect(honest.status).toBe(200);
      expect(local.sent(`a:personal-${user.id}`)).toHaveLength(1);
    } finally {
      await stop(server.child);
      await local.stop();
      await elsewhere.stop();
    }
  }, 120_000);

  it('with an app id and a password, an unauthenticated activity gets 401 and its serviceUrl nothing', async () => {
    const connector = new FakeConnector();
    await connector.start();
    const server = await startBuilt(
      main,
      { NODE_ENV: 'production', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', LOG_LEVEL: 'warn' },
      ['--bind', '127.0.0.1'],
    );
    try {
      const res = await post(server.port, personalMessage(connector.url, user, 'mine opfølgninger'));
      expect(res.status).toBe(401);
      await new Promise((r) => setTimeout(r, 500));
      expect(connector.calls).toHaveLength(0);
    } finally {
      await stop(server.child);
      await connector.stop();
    }
  }, 120_000);

  it.each([
    ['--bind 0.0.0.0 without an app id', {}, ['--bind', '0.0.0.0'], /Refusing to listen on 0\.0\.0\.0/],
    [
      'SAMSPIL_BIND=0.0.0.0 without an app id',
      { SAMSPIL_BIND: '0.0.0.0' },
      [],
      /Refusing to listen on 0\.0\.0\.0/,
    ],
    [
      'production without a password',
      { NODE_ENV: 'production', MicrosoftAppId: APP_ID },
      [],
      /Refusing to start in production/,
    ],
  ])(
    'refuses to start: %s',
    async (_n, env, args, message) => {
      const res = await startBuilt(main, env as Record<string, string>, args).then(
        async (s) => {
          await stop(s.child);
          return 'started';
        },
        (err: Error) => err.message,
      );
      expect(res).toMatch(/exited with 2/);
      expect(res).toMatch(message);
    },
    60_000,
  );
});
