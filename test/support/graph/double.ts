/**
 * A Microsoft Graph of our own, as strict as the real one where Samspil touches it: a loopback
 * HTTP server whose request bodies are checked against schemas generated from Microsoft's
 * published metadata (validate.ts), plus the documented service behaviours below, each citing its
 * source. Any request outside the route table is recorded in `unexpected` and answered 501; the
 * contract suite fails on it. Its token endpoint (tokenEndpoint.ts) serves @azure/identity.
 */
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { TZDate } from '@date-fns/tz';
import { BodyError, checkObject } from './validate';

export interface DirectoryUser {
  id: string;
  displayName: string;
  mail: string;
  userPrincipalName: string;
}

type Json = Record<string, unknown>;
interface StoredEvent {
  mailbox: string;
  body: Json;
}
interface Sent {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * Windows time-zone ids Exchange accepts. Graph refuses an IANA name such as "Europe/Copenhagen"
 * in an event's start/end with TimeZoneNotSupportedException (dateTimeTimeZone resource,
 * https://learn.microsoft.com/en-us/graph/api/resources/datetimetimezone: "timeZone … See Time zones
 * for more possible values", which lists Windows names). The IANA zone is what the double converts with.
 */
const WINDOWS_ZONES: Record<string, string> = {
  'Romance Standard Time': 'Europe/Copenhagen',
  'W. Europe Standard Time': 'Europe/Berlin',
  UTC: 'UTC',
};

/** Outlook resources take at most 4 concurrent requests per mailbox and app (throttling limits,
 * https://learn.microsoft.com/en-us/graph/throttling-limits#outlook-service-limits). */
const MAILBOX_CONCURRENCY = 4;

export interface GraphDoubleOptions {
  tenantId: string;
  /** Tokens the token endpoint issued, keyed by access token → tenant. */
  tokens: Map<string, string>;
  users: DirectoryUser[];
  /** Milliseconds each Outlook request takes, so concurrency is real. */
  latencyMs?: number;
  /** The CA the notification endpoints' https certificates are signed with. */
  ca?: string;
}

interface Subscription {
  id: string;
  mailbox: string;
  clientState: string | null;
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  expirationDateTime: string;
}

/** A notification the double posted, and how the endpoint answered. */
export interface Delivery {
  url: string;
  status: number;
  ms: number;
}

export class GraphDouble {
  readonly requests: Sent[] = [];
  readonly unexpected: string[] = [];
  /** Events by id, in the mailbox they live in (the organiser's, and each attendee's copy). */
  readonly events = new Map<string, StoredEvent>();
  throttled = 0;
  readonly subscriptions = new Map<string, Subscription>();
  readonly deliveries: Delivery[] = [];
  private readonly inFlight = new Map<string, number>();
  private server!: http.Server;
  private stallNext = 0;
  url = '';

  constructor(private readonly opts: GraphDoubleOptions) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1.0`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** The next `n` event creations are carried out but their answer never comes (a client timeout). */
  stallCreates(n: number): void {
    this.stallNext = n;
  }

  /** The organiser's events that are not cancelled. */
  organizerEvents(mailbox: string): Json[] {
    return [...this.events.values()]
      .filter((e) => e.mailbox === mailbox && e.body.isOrganizer === true)
      .map((e) => e.body);
  }

  private user(idOrUpn: string): DirectoryUser {
    const u = this.opts.users.find(
      (x) => x.id === idOrUpn || x.userPrincipalName.toLowerCase() === idOrUpn.toLowerCase(),
    );
    if (!u) throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${idOrUpn}' is invalid.`);
    return u;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname.replace(/^\/v1\.0/, ''));
    let body: unknown = undefined;
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      if (res.destroyed) return;
      res.writeHead(status, {
        ...headers,
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    const route = ROUTES.find((r) => r.method === req.method && r.pattern.test(path));
    try {
      if (raw) {
        try {
          body = JSON.parse(raw);
        } catch {
          throw new GraphError(400, 'BadRequest', 'Unable to read JSON request payload.');
        }
      }
      this.requests.push({
        method: req.method ?? '',
        path: url.pathname + url.search,
        headers: req.headers,
        body,
      });
      if (!route) {
        this.unexpected.push(`${req.method} ${url.pathname}${url.search}`);
        throw new GraphError(501, 'NotImplemented', `The double has no route for ${req.method} ${path}`);
      }
      this.authorise(req);
      const params = route.pattern.exec(path)?.slice(1) ?? [];
      const mailbox = route.outlook ? this.user(params[0] as string).id : null;
      if (mailbox) this.enter(mailbox);
      try {
        if (mailbox) await sleep(this.opts.latencyMs ?? 0);
        const out = await route.handle(this, { params, body, query: url.searchParams, headers: req.headers });
        if (out.stall) return; // the request is carried out, its answer is lost (the socket stays silent)
        send(out.status, out.body);
      } finally {
        if (mailbox) this.leave(mailbox);
      }
    } catch (e) {
      if (e instanceof GraphError) {
        send(
          e.status,
          { error: { code: e.code, message: e.message, innerError: { 'request-id': randomUUID() } } },
          e.headers,
        );
      } else if (e instanceof BodyError) {
        send(400, { error: { code: 'RequestBodyRead', message: e.message } });
      } else {
        send(500, { error: { code: 'InternalServerError', message: String(e) } });
      }
    }
  }

  private authorise(req: IncomingMessage): void {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const tenant = token ? this.opts.tokens.get(token) : undefined;
    if (tenant === undefined)
      throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    if (tenant !== this.opts.tenantId)
      throw new GraphError(
        401,
        'InvalidAuthenticationToken',
        'Access token validation failure. Invalid audience.',
      );
  }

  private enter(mailbox: string): void {
    const n = (this.inFlight.get(mailbox) ?? 0) + 1;
    if (n > MAILBOX_CONCURRENCY) {
      this.throttled++;
      throw new GraphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', {
        'retry-after': '1',
      });
    }
    this.inFlight.set(mailbox, n);
  }

  private leave(mailbox: string): void {
    this.inFlight.set(mailbox, (this.inFlight.get(mailbox) ?? 1) - 1);
  }

  // ---- behaviours ---------------------------------------------------------------------------

  createEvent(mailboxKey: string, body: unknown): Outcome {
    checkObject('event', body);
    const b = body as Json;
    const organiser = this.user(mailboxKey);
    for (const side of ['start', 'end'] as const) zoneOf(b[side]);
    // transactionId: "A custom identifier specified by a client app for the server to avoid redundant
    // POST operations in case of client retries to create the same event" (event resource,
    // https://learn.microsoft.com/en-us/graph/api/resources/event): the retried create returns the first.
    if (typeof b.transactionId === 'string') {
      const earlier = [...this.events.values()].find(
        (e) => e.mailbox === organiser.id && e.body.transactionId === b.transactionId,
      );
      if (earlier) return this.answerCreate({ status: 201, body: earlier.body });
    }
    const id = `AAMk${randomUUID().replaceAll('-', '')}`;
    const iCalUId = `040000008200E00074C5B7101A82E008${randomUUID().replaceAll('-', '').toUpperCase()}`;
    const now = new Date().toISOString();
    const online =
      b.isOnlineMeeting === true && (b.onlineMeetingProvider ?? 'teamsForBusiness') === 'teamsForBusiness';
    const event: Json = {
      '@odata.etag': `W/"${randomUUID()}"`,
      id,
      iCalUId,
      createdDateTime: now,
      lastModifiedDateTime: now,
      changeKey: randomUUID(),
      subject: b.subject ?? '',
      body: b.body ?? { contentType: 'text', content: '' },
      start: b.start,
      end: b.end,
      location: b.location ?? { displayName: '' },
      attendees: ((b.attendees as Json[] | undefined) ?? []).map((a) => ({
        type: 'required',
        ...a,
        status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      })),
      organizer: { emailAddress: { name: organiser.displayName, address: organiser.mail } },
      isOrganizer: true,
      isCancelled: false,
      isOnlineMeeting: online,
      onlineMeetingProvider: online ? 'teamsForBusiness' : 'unknown',
      onlineMeeting: online ? { joinUrl: mintJoinUrl() } : null,
      transactionId: b.transactionId ?? null,
      responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    };
    this.events.set(id, { mailbox: organiser.id, body: event });
    this.copyToAttendees(event);
    return this.answerCreate({ status: 201, body: event });
  }

  private answerCreate(out: Outcome): Outcome {
    if (this.stallNext > 0) {
      this.stallNext--;
      return { ...out, stall: true };
    }
    return out;
  }

  /** Each attendee in the tenant gets a copy in their own mailbox, as Exchange delivers it. */
  private copyToAttendees(event: Json): void {
    for (const a of event.attendees as Json[]) {
      const address = ((a.emailAddress as Json | undefined)?.address as string | undefined)?.toLowerCase();
      const u = this.opts.users.find((x) => x.mail.toLowerCase() === address);
      if (!u) continue;
      const existing = [...this.events.entries()].find(
        ([, e]) => e.mailbox === u.id && e.body.iCalUId === event.iCalUId,
      );
      const copy = {
        ...event,
        id: existing?.[0] ?? `AAMk${randomUUID().replaceAll('-', '')}`,
        isOrganizer: false,
      };
      this.events.set(copy.id as string, { mailbox: u.id, body: copy });
    }
  }

  private eventIn(mailboxKey: string, id: string): StoredEvent {
    const mailbox = this.user(mailboxKey).id;
    const e = this.events.get(id);
    if (!e || e.mailbox !== mailbox)
      throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return e;
  }

  getEvent(mailboxKey: string, id: string, prefer: string | undefined): Outcome {
    const e = this.eventIn(mailboxKey, id);
    // Prefer: outlook.timezone="…" returns start and end in that zone, else UTC (event resource).
    const zone = /outlook\.timezone="([^"]+)"/.exec(prefer ?? '')?.[1] ?? 'UTC';
    const iana = WINDOWS_ZONES[zone];
    if (!iana) throw new GraphError(400, 'TimeZoneNotSupportedException', notSupported(zone));
    const shown = (v: unknown) => {
      const instant = instantOf(v);
      const local = new TZDate(instant.getTime(), iana);
      const p = (n: number) => String(n).padStart(2, '0');
      return {
        dateTime: `${local.getFullYear()}-${p(local.getMonth() + 1)}-${p(local.getDate())}T${p(local.getHours())}:${p(local.getMinutes())}:00.0000000`,
        timeZone: zone,
      };
    };
    return { status: 200, body: { ...e.body, start: shown(e.body.start), end: shown(e.body.end) } };
  }

  updateEvent(mailboxKey: string, id: string, body: unknown): Outcome {
    checkObject('event', body);
    const e = this.eventIn(mailboxKey, id);
    const b = body as Json;
    if (b.start) zoneOf(b.start);
    if (b.end) zoneOf(b.end);
    const next: Json = {
      ...e.body,
      ...b,
      lastModifiedDateTime: new Date().toISOString(),
      changeKey: randomUUID(),
    };
    // Replacing the body of an online meeting without the meeting blob it carried loses the join
    // information, and Teams mints a new link (Update event, "If you update the body of an online
    // meeting event …", https://learn.microsoft.com/en-us/graph/api/event-update).
    const join = (e.body.onlineMeeting as Json | null)?.joinUrl as string | undefined;
    if (b.body && join && !String((b.body as Json).content ?? '').includes(join)) {
      next.onlineMeeting = { joinUrl: mintJoinUrl() };
    }
    if (b.attendees) {
      const before = new Map(
        (e.body.attendees as Json[]).map((a) => [
          ((a.emailAddress as Json).address as string).toLowerCase(),
          a,
        ]),
      );
      next.attendees = (b.attendees as Json[]).map((a) => ({
        type: 'required',
        ...a,
        status: before.get(((a.emailAddress as Json).address as string).toLowerCase())?.status ?? {
          response: 'none',
          time: '0001-01-01T00:00:00Z',
        },
      }));
    }
    e.body = next;
    this.copyToAttendees(next);
    return { status: 200, body: next };
  }

  cancelEvent(mailboxKey: string, id: string, body: unknown): Outcome {
    const b = (body ?? {}) as Json;
    for (const k of Object.keys(b))
      if (k !== 'Comment')
        throw new BodyError(
          `The parameter '${k}' in the request payload is not a valid parameter for the operation 'cancel'.`,
        );
    const e = this.eventIn(mailboxKey, id);
    // Only the organiser may cancel (event: cancel, https://learn.microsoft.com/en-us/graph/api/event-cancel).
    if (e.body.isOrganizer !== true)
      throw new GraphError(
        400,
        'ErrorAccessDenied',
        "Your request can't be completed. You need to be an organizer to cancel a meeting.",
      );
    for (const copy of this.events.values())
      if (copy.body.iCalUId === e.body.iCalUId) copy.body = { ...copy.body, isCancelled: true };
    this.lastCancelComment = typeof b.Comment === 'string' ? b.Comment : null;
    return { status: 202 };
  }

  lastCancelComment: string | null = null;

  /**
   * An attendee answers in Outlook: the organiser's event records it, and each subscription on the
   * organiser's events is notified (as Graph does, without the event's data).
   */
  async respond(
    attendeeMail: string,
    organiserEventId: string,
    response: 'accepted' | 'declined' | 'tentativelyAccepted',
  ): Promise<Delivery[]> {
    const e = this.events.get(organiserEventId);
    if (!e) throw new Error(`no event ${organiserEventId}`);
    const attendees = (e.body.attendees as Json[]).map((a) =>
      ((a.emailAddress as Json).address as string).toLowerCase() === attendeeMail.toLowerCase()
        ? { ...a, status: { response, time: new Date().toISOString() } }
        : a,
    );
    e.body = { ...e.body, attendees, changeKey: randomUUID() };
    return this.notifyChanged(e.mailbox, organiserEventId);
  }

  /** Posts a change notification about one event to every subscription on its mailbox. */
  async notifyChanged(mailbox: string, eventId: string): Promise<Delivery[]> {
    const out: Delivery[] = [];
    for (const s of this.subscriptions.values()) {
      if (s.mailbox !== mailbox) continue;
      const body = {
        value: [
          {
            subscriptionId: s.id,
            subscriptionExpirationDateTime: s.expirationDateTime,
            changeType: 'updated',
            resource: `Users/${mailbox}/Events/${eventId}`,
            resourceData: {
              '@odata.type': '#Microsoft.Graph.Event',
              '@odata.id': `Users/${mailbox}/Events/${eventId}`,
              '@odata.etag': `W/"${randomUUID()}"`,
              id: eventId,
            },
            clientState: s.clientState,
            tenantId: this.opts.tenantId,
          },
        ],
      };
      out.push(await this.post(s.notificationUrl, JSON.stringify(body), 'application/json', 3_000));
    }
    return out;
  }

  /** A lifecycle notification (reauthorizationRequired, subscriptionRemoved, missed) for one subscription. */
  async lifecycle(subscriptionId: string, lifecycleEvent: string): Promise<Delivery> {
    const s = this.subscriptions.get(subscriptionId);
    if (!s?.lifecycleNotificationUrl) throw new Error(`no lifecycle URL for ${subscriptionId}`);
    if (lifecycleEvent === 'subscriptionRemoved') this.subscriptions.delete(subscriptionId);
    const body = {
      value: [
        {
          subscriptionId,
          subscriptionExpirationDateTime: s.expirationDateTime,
          tenantId: this.opts.tenantId,
          clientState: s.clientState,
          lifecycleEvent,
        },
      ],
    };
    return this.post(s.lifecycleNotificationUrl, JSON.stringify(body), 'application/json', 3_000);
  }

  /**
   * Create subscription (https://learn.microsoft.com/en-us/graph/api/subscription-post-subscriptions):
   * the notification URL must be https and is validated first: Graph posts `validationToken` and
   * wants it back within 10 s as text/plain with 200, else the subscription is refused with these
   * texts ("Receive change notifications through webhooks",
   * https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks). An Outlook
   * event subscription lasts at most 10,080 minutes (subscription resource,
   * https://learn.microsoft.com/en-us/graph/api/resources/subscription).
   */
  async createSubscription(body: unknown): Promise<Outcome> {
    checkObject('subscription', body);
    const b = body as Json;
    for (const k of ['changeType', 'notificationUrl', 'resource', 'expirationDateTime'])
      if (typeof b[k] !== 'string')
        throw new GraphError(
          400,
          'InvalidRequest',
          `The property '${k}' is required to create a subscription.`,
        );
    const mailboxKey = /^\/?users\/([^/]+)\/events$/i.exec(b.resource as string)?.[1];
    if (!mailboxKey)
      throw new GraphError(400, 'InvalidRequest', `Unsupported resource '${String(b.resource)}'.`);
    const mailbox = this.user(mailboxKey).id;
    for (const t of (b.changeType as string).split(','))
      if (!['created', 'updated', 'deleted'].includes(t))
        throw new GraphError(400, 'InvalidRequest', `'${t}' is not a valid changeType.`);
    const expires = Date.parse(b.expirationDateTime as string);
    if (expires > Date.now() + 10_080 * 60_000)
      throw new GraphError(
        400,
        'InvalidRequest',
        'Subscription expiration can only be 10080 minutes in the future.',
      );
    for (const url of [b.notificationUrl, b.lifecycleNotificationUrl]) {
      if (url === undefined || url === null) continue;
      if (!String(url).startsWith('https://'))
        throw new GraphError(400, 'InvalidRequest', 'The notification URL must use HTTPS.');
      await this.validateEndpoint(String(url));
    }
    const s: Subscription = {
      id: randomUUID(),
      mailbox,
      clientState: (b.clientState as string | undefined) ?? null,
      notificationUrl: b.notificationUrl as string,
      lifecycleNotificationUrl: (b.lifecycleNotificationUrl as string | undefined) ?? null,
      expirationDateTime: new Date(expires).toISOString(),
    };
    this.subscriptions.set(s.id, s);
    return { status: 201, body: { ...b, id: s.id, expirationDateTime: s.expirationDateTime } };
  }

  private async validateEndpoint(url: string): Promise<void> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    const target = `${url}${url.includes('?') ? '&' : '?'}validationToken=${encodeURIComponent(token)}`;
    const d = await this.post(target, '', 'text/plain', 10_000, true);
    if (d.status === -1)
      throw new GraphError(400, 'ValidationError', 'Subscription validation request timed out.');
    if (d.status !== 200 || this.lastBody !== token || !/^text\/plain/.test(this.lastType))
      throw new GraphError(
        400,
        'ValidationError',
        'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.',
      );
  }

  renewSubscription(id: string, body: unknown): Outcome {
    checkObject('subscription', body);
    const s = this.subscriptions.get(id);
    if (!s) throw new GraphError(404, 'ResourceNotFound', `The object was not found.`);
    const b = body as Json;
    for (const k of Object.keys(b))
      if (k !== 'expirationDateTime' && k !== 'notificationUrl')
        throw new GraphError(
          400,
          'InvalidRequest',
          `Only expirationDateTime and notificationUrl can be updated.`,
        );
    const expires = Date.parse(String(b.expirationDateTime));
    if (expires > Date.now() + 10_080 * 60_000)
      throw new GraphError(
        400,
        'InvalidRequest',
        'Subscription expiration can only be 10080 minutes in the future.',
      );
    s.expirationDateTime = new Date(expires).toISOString();
    return {
      status: 200,
      body: { id, expirationDateTime: s.expirationDateTime, resource: `/users/${s.mailbox}/events` },
    };
  }

  private lastBody = '';
  private lastType = '';

  private post(url: string, body: string, type: string, timeoutMs: number, quiet = false): Promise<Delivery> {
    const started = Date.now();
    return new Promise((resolve) => {
      const req = https.request(
        url,
        { method: 'POST', ca: this.opts.ca, headers: { 'content-type': type }, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            this.lastBody = Buffer.concat(chunks).toString('utf8');
            this.lastType = String(res.headers['content-type'] ?? '');
            const d = { url, status: res.statusCode ?? 0, ms: Date.now() - started };
            if (!quiet) this.deliveries.push(d);
            resolve(d);
          });
        },
      );
      let timedOut = false;
      req.on('timeout', () => {
        timedOut = true;
        req.destroy(new Error('timeout'));
      });
      req.on('error', () => {
        // -1: no answer in time; -2: no answer at all (refused, TLS failure).
        const d = { url, status: timedOut ? -1 : -2, ms: Date.now() - started };
        if (!quiet) this.deliveries.push(d);
        resolve(d);
      });
      req.end(body);
    });
  }
}

interface Outcome {
  status: number;
  body?: unknown;
  stall?: boolean;
}
interface Call {
  params: string[];
  body: unknown;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
}
interface Route {
  method: string;
  pattern: RegExp;
  /** Outlook resources count against the mailbox's concurrency (first parameter is the mailbox). */
  outlook: boolean;
  handle: (g: GraphDouble, c: Call) => Outcome | Promise<Outcome>;
}

const ROUTES: Route[] = [
  {
    method: 'POST',
    pattern: /^\/subscriptions$/,
    outlook: false,
    handle: (g, c) => g.createSubscription(c.body),
  },
  {
    method: 'PATCH',
    pattern: /^\/subscriptions\/([^/]+)$/,
    outlook: false,
    handle: (g, c) => g.renewSubscription(c.params[0] as string, c.body),
  },
  {
    method: 'POST',
    pattern: /^\/users\/([^/]+)\/events$/,
    outlook: true,
    handle: (g, c) => g.createEvent(c.params[0] as string, c.body),
  },
  {
    method: 'GET',
    pattern: /^\/users\/([^/]+)\/events\/([^/]+)$/,
    outlook: true,
    handle: (g, c) =>
      g.getEvent(c.params[0] as string, c.params[1] as string, c.headers.prefer as string | undefined),
  },
  {
    method: 'PATCH',
    pattern: /^\/users\/([^/]+)\/events\/([^/]+)$/,
    outlook: true,
    handle: (g, c) => g.updateEvent(c.params[0] as string, c.params[1] as string, c.body),
  },
  {
    method: 'POST',
    pattern: /^\/users\/([^/]+)\/events\/([^/]+)\/cancel$/,
    outlook: true,
    handle: (g, c) => g.cancelEvent(c.params[0] as string, c.params[1] as string, c.body),
  },
];

function notSupported(zone: string): string {
  return `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zone}'.`;
}

function zoneOf(v: unknown): string {
  const zone = (v as Json | undefined)?.timeZone;
  if (typeof zone !== 'string' || !WINDOWS_ZONES[zone])
    throw new GraphError(400, 'TimeZoneNotSupportedException', notSupported(String(zone ?? '')));
  return zone;
}

/** The instant a stored dateTimeTimeZone names. */
function instantOf(v: unknown): Date {
  const { dateTime, timeZone } = v as { dateTime: string; timeZone: string };
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)/.exec(dateTime);
  if (!m) throw new Error(`bad dateTime ${dateTime}`);
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, WINDOWS_ZONES[timeZone] as string).getTime());
}

function mintJoinUrl(): string {
  const thread = `19%3ameeting_${randomUUID().replaceAll('-', '')}%40thread.v2`;
  return `https://teams.microsoft.com/l/meetup-join/${thread}/0?context=%7b%22Tid%22%3a%22t%22%7d`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
