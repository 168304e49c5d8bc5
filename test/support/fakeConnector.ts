import http from 'node:http';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

/** One call the bot made to the Bot Connector REST API. */
export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string | null;
  activityId: string | null;
  body: Record<string, unknown> | null;
  at: number;
  /** The id the connector gave a posted activity (what a later PUT names). */
  answeredId?: string;
}

export type FailureRule = (
  call: ConnectorCall,
  n: number,
) => { status: number; headers?: Record<string, string>; body?: unknown } | null;

/**
 * A fake Bot Connector: an HTTP server that speaks the Bot Framework v3 REST protocol and records
 * what the bot posts. It stands in for the Teams service, the one edge we cannot reach from here.
 * Optional rate limits mirror Teams' (per conversation 7 per second); `fail` injects errors.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  private server?: http.Server;
  private n = 0;
  fail: FailureRule | null = null;
  /** Milliseconds to hold a call before answering it (a slow service); counted like `fail`. */
  latency: ((call: ConnectorCall, n: number) => number) | null = null;
  /** When set, more than this many sends to one conversation within one second get 429. */
  perConversationPerSecond: number | null = null;
  /** When set, more than this many sends in total within one second get 429. */
  perSecond: number | null = null;
  /** When set, more than this many sends per tenant (the activity's conversation.tenantId) within one second get 429. */
  perTenantPerSecond: number | null = null;
  private recent: { conversationId: string | null; tenant: string | null; at: number }[] = [];
  /** Teams members by user id, answered on GET .../members/{id} (how the bot learns e-mail/UPN). */
  readonly members = new Map<
    string,
    { id: string; name: string; email: string; userPrincipalName: string; aadObjectId: string }
  >();

  private host = '127.0.0.1';

  /** Listens on a free port of `host` (loopback unless a test needs the connector elsewhere). */
  async start(host = '127.0.0.1'): Promise<string> {
    this.host = host;
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, host, r));
    return this.url;
  }

  get url(): string {
    return `http://${this.host}:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    if (this.server) await new Promise((r) => this.server!.close(r));
  }

  /** Activities sent to a conversation (new posts and replies; not updates). */
  sent(conversationId?: string): Record<string, unknown>[] {
    return this.calls
      .filter((c) => c.method === 'POST' && c.activityId !== undefined && /\/activities/.test(c.path))
      .filter((c) => !conversationId || c.conversationId === conversationId)
      .map((c) => c.body!);
  }

  updates(conversationId?: string): ConnectorCall[] {
    return this.calls.filter(
      (c) => c.method === 'PUT' && (!conversationId || c.conversationId === conversationId),
    );
  }

  reset(): void {
    this.calls.length = 0;
    this.recent = [];
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
    const m = /^\/v3\/conversations(?:\/([^/]+))?(?:\/(activities|pagedmembers|members))?(?:\/([^/]+))?/.exec(
      path,
    );
    const call: ConnectorCall = {
      method: req.method ?? 'GET',
      path,
      conversationId: m?.[1] ?? null,
      activityId: m?.[3] ?? null,
      body: raw ? (JSON.parse(raw) as Record<string, unknown>) : null,
      at: Date.now(),
    };
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    // Calls are numbered only while a rule is set, so a rule's `n` counts from when it was set.
    const n = this.fail || this.latency ? ++this.n : this.n;
    const hold = this.latency?.(call, n) ?? 0;
    if (hold > 0) await new Promise((r) => setTimeout(r, hold));
    const injected = this.fail?.(call, n);
    if (injected)
      return reply(injected.status, injected.body ?? { error: { code: 'Injected' } }, injected.headers);
    if (this.overLimit(call))
      return reply(429, { error: { code: 'TooManyRequests' } }, { 'retry-after': '1' });
    this.calls.push(call);
    if (!m) return reply(404, { error: { code: 'NotFound' } });
    const refused = refusedAttachments(call);
    if (refused) return reply(400, { error: { code: 'BadArgument', message: refused } });
    if (call.method === 'POST' && !m[1]) {
      // createConversation: a 1:1 chat id derived from the member, as Teams does (stable per user).
      const members = (call.body?.members as { id: string }[] | undefined) ?? [];
      return reply(200, { id: `a:personal-${members[0]?.id ?? randomUUID()}` });
    }
    if (m[2] === 'members' && m[3]) {
      const member = this.members.get(m[3]);
      return member ? reply(200, member) : reply(404, { error: { code: 'MemberNotFoundInConversation' } });
    }
    if (m[2] === 'pagedmembers' || m[2] === 'members')
      return reply(200, { members: [...this.members.values()] });
    if (call.method === 'PUT') return reply(200, { id: m[3] });
    if (call.method === 'POST' && m[2] === 'activities') {
      call.answeredId = `act-${randomUUID()}`;
      return reply(200, { id: call.answeredId });
    }
    return reply(200, {});
  }

  /** Calls refused as Teams refuses them (see refusedAttachments). */
  refusals(): ConnectorCall[] {
    return this.calls.filter((c) => refusedAttachments(c) !== null);
  }

  private overLimit(call: ConnectorCall): boolean {
    if (call.method !== 'POST' || !/\/activities/.test(call.path)) return false;
    const now = Date.now();
    this.recent = this.recent.filter((r) => now - r.at < 1000);
    const tenant = ((call.body?.conversation as { tenantId?: string } | undefined)?.tenantId ?? null) as
      string | null;
    const conv = this.recent.filter((r) => r.conversationId === call.conversationId).length;
    if (this.perConversationPerSecond !== null && conv >= this.perConversationPerSecond) return true;
    if (this.perSecond !== null && this.recent.length >= this.perSecond) return true;
    const inTenant = this.recent.filter((r) => r.tenant === tenant).length;
    if (this.perTenantPerSecond !== null && inTenant >= this.perTenantPerSecond) return true;
    this.recent.push({ conversationId: call.conversationId, tenant, at: now });
    return false;
  }
}

/**
 * What Teams (and the Agents Playground's connector) refuses about attachments: updating an
 * activity that carries anything but cards answers 400 "Activity resulted into multiple skype
 * activities", and a calendar file is not a supported attachment at all (docs/teams-app.md, platform facts).
 */
function refusedAttachments(call: ConnectorCall): string | null {
  if (!/\/activities/.test(call.path) || (call.method !== 'POST' && call.method !== 'PUT')) return null;
  const attachments = (call.body?.attachments as { contentType?: string }[] | undefined) ?? [];
  if (attachments.some((a) => a.contentType?.startsWith('text/calendar'))) {
    return 'Attachment of type text/calendar is not supported';
  }
  const files = attachments.filter((a) => !a.contentType?.startsWith('application/vnd.microsoft.card.'));
  if (call.method === 'PUT' && files.length > 0) return 'Activity resulted into multiple skype activities';
  return null;
}
