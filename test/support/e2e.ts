import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TeamsUser } from './activities';
import { FakeConnector } from './fakeConnector';
import { startServer } from './processes';

/** A Teams user of an end-to-end test, with the personal chat the fake connector names for them. */
export function teamsUser(
  key: string,
  name: string,
  domain: string,
): TeamsUser & { chat: string; email: string } {
  return {
    id: `29:${key}`,
    aadObjectId: `aad-${key}`,
    name,
    email: `${key}@${domain}`,
    chat: `a:personal-29:${key}`,
  };
}

/** What the bot answered an invoke (a card button) with: the card's new face, or a note beside it. */
export interface InvokeReply {
  status: number;
  /** `application/vnd.microsoft.card.adaptive` (the card replaced in place) or `…activity.message`. */
  type: string;
  /** The new card as JSON text, or the note. */
  value: string;
}

/**
 * POSTs an activity to the bot's /api/messages as the Bot Connector does; the bot must accept it.
 * An invoke's answer (the HTTP body) is returned, as Teams would apply it to the pressed card.
 */
export function poster(botUrl: string) {
  return async (activity: object): Promise<InvokeReply> => {
    const res = await fetch(botUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(res.status).toBeLessThan(300);
    const text = await res.text();
    const body = text ? (JSON.parse(text) as { statusCode?: number; type?: string; value?: unknown }) : {};
    return {
      status: body.statusCode ?? res.status,
      type: body.type ?? '',
      value: typeof body.value === 'string' ? body.value : JSON.stringify(body.value ?? null),
    };
  };
}

/** Writes an import file into the test's folder and returns its path. */
export function fileWriter(dir: string) {
  return (name: string, text: string): string => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
}

/** What the bot posted to a chat, as JSON text: every card, the last card, the last in-place update. */
export function chatReader(connector: FakeConnector) {
  const cards = (chat: string) => connector.sent(chat).map((a) => JSON.stringify(a));
  return {
    cards,
    lastCard: (chat: string) => cards(chat).at(-1) ?? '',
    lastUpdate: (chat: string) => JSON.stringify(connector.updates(chat).at(-1)?.body ?? null),
  };
}

/**
 * The nth card action with this verb (actions may sit inside Action.ShowCard), as the data Teams
 * would send: `verb` and the action's `data` (cardExecute takes it so).
 */
export function submitData(card: string, verb: string, nth = 0): Record<string, string> {
  const found: Record<string, string>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const n = node as { type?: string; verb?: string; data?: Record<string, string> };
      if (n.type === 'Action.Execute' && n.verb === verb) found.push({ verb, ...(n.data ?? {}) });
      Object.values(node).forEach(walk);
    }
  };
  walk(JSON.parse(card));
  if (!found[nth]) throw new Error(`no ${verb} action in ${card}`);
  return found[nth]!;
}

/**
 * One end-to-end run: a temporary data folder, a fake Bot Connector, and the real `samspil start`
 * on a random port with its clock at `now`. The server's own scheduler is off, so every pass is the
 * admin's `samspil tick --now` and no pass of the server's own at a minute boundary races it.
 */
export class E2eBot {
  readonly dir: string;
  readonly dataDir: string;
  readonly url: string;
  readonly connector = new FakeConnector();
  readonly env: NodeJS.ProcessEnv;
  private server: Awaited<ReturnType<typeof startServer>> | null = null;

  constructor(prefix: string, now: string) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    this.dataDir = path.join(this.dir, 'data');
    const port = 40000 + Math.floor(Math.random() * 10000);
    this.url = `http://127.0.0.1:${port}/api/messages`;
    this.env = {
      SAMSPIL_DATA_DIR: this.dataDir,
      PORT: String(port),
      SAMSPIL_NOW: now,
      SAMSPIL_SCHEDULER: 'off',
    };
  }

  async startServer(): Promise<void> {
    this.server = await startServer(this.env);
  }

  /** Stops the server (so the test may open its data folder) and leaves the rest running. */
  async stopServer(): Promise<void> {
    await this.server?.stop();
  }

  async dispose(): Promise<void> {
    await this.stopServer();
    await this.connector.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
