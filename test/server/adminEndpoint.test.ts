import { startAdminEndpoint } from '../../src/server/adminEndpoint';

/** docs/operations.md: tick/report/import reach a running server over a local, authenticated endpoint. */
describe('admin endpoint', () => {
  const calls: string[][] = [];
  let admin: Awaited<ReturnType<typeof startAdminEndpoint>>;
  beforeAll(async () => {
    admin = await startAdminEndpoint('s3cret-token', async (argv) => {
      calls.push(argv);
      return { code: 0, out: `ran ${argv.join(' ')}`, err: '' };
    });
  });
  afterAll(() => admin.close());
  const call = (body: unknown, token?: string) =>
    fetch(`http://127.0.0.1:${admin.port}/admin/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('refuses a request without the token, or with a wrong one', async () => {
    expect((await call({ argv: ['report', 'caseload'] })).status).toBe(401);
    expect((await call({ argv: ['report', 'caseload'] }, 's3cret-tokeX')).status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('runs only tick, report, import, municipality and questionnaire', async () => {
    expect((await call({ argv: ['demo'] }, 's3cret-token')).status).toBe(400);
    expect((await call({ argv: ['migrate'] }, 's3cret-token')).status).toBe(400);
    expect((await call({ argv: ['start'] }, 's3cret-token')).status).toBe(400);
    expect((await call('{nope', 's3cret-token')).status).toBe(400);
    const ok = await call({ argv: ['report', 'caseload', '--format', 'csv'] }, 's3cret-token');
    expect(await ok.json()).toEqual({ code: 0, out: 'ran report caseload --format csv', err: '' });
    expect(calls).toEqual([['report', 'caseload', '--format', 'csv']]);
  });

  it('listens on loopback only', () => {
    expect(admin.port).toBeGreaterThan(0);
  });
});
