import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../../support/chromium';
import { playgroundLaunch } from '../../../scripts/playground';
import { PLAYGROUND_BOT_ID } from '../../../scripts/playgroundConfig';
import type { PlaygroundRole } from '../../../scripts/playgroundConfig';

/** A message as the Playground's conversation stream reports it (create or update). */
export interface StreamMessage {
  action: string;
  messageId: string;
  /** Sent by Samspil (not the user's own message echoed back). */
  fromBot: boolean;
  text: string;
}

/** The replies Samspil must never give: the SDK's and our own generic failure. */
const GENERIC_ERRORS = /Sorry, something went wrong|Beklager, noget gik galt|The bot encountered an error/i;

/** The Playground's message box (a rich-text editor, not a card's input). */
const COMPOSE_BOX = '[data-lexical-editor="true"]';

/** Each message in the chat has one header (author and time). */
const MESSAGE = '[aria-label="Message header"]';

export const SHOTS = path.resolve(__dirname, '../../../build/client-shots');

/**
 * The Agents Playground for one role, driven in headless Chromium. It watches what the Playground
 * itself reports (its log stream: every activity with the connector's HTTP status, and its warnings;
 * the conversation stream: every message created or updated) and the page's own responses, and
 * collects every problem so a journey can fail on the first.
 */
export class PlaygroundClient {
  readonly problems: string[] = [];
  readonly messages: StreamMessage[] = [];
  /** The activities the Playground logged (message, invoke …), in order. */
  readonly activities: string[] = [];
  /** Every frame of the Playground's streams, kept for a failing journey's post-mortem. */
  readonly frames: string[] = [];
  private step = 0;

  private constructor(
    readonly role: PlaygroundRole,
    private readonly child: ChildProcess,
    private readonly browser: Browser,
    readonly page: Page,
    private readonly output: () => string,
  ) {}

  static async open(
    role: PlaygroundRole,
    o: { endpoint: string; port: number; dir: string },
  ): Promise<PlaygroundClient> {
    const launch = playgroundLaunch(role, o);
    const child = spawn(launch.command, launch.args, { env: launch.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the Playground did not start:\n${out}`)), 60_000);
      const onData = (d: Buffer) => {
        out += d.toString();
        const m = /Listening on (\d+)\s/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('exit', (code) => reject(new Error(`the Playground exited with ${code}:\n${out}`)));
    }).catch((err) => {
      child.kill('SIGTERM');
      throw err;
    });
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    const client = new PlaygroundClient(role, child, browser, page, () => out);
    try {
      client.watch(port);
      await page.goto(`http://127.0.0.1:${port}`);
      await page.locator(COMPOSE_BOX).waitFor();
      return client;
    } catch (err) {
      await client.close();
      const log = fs.existsSync(launch.env.M365_AGENTS_PLAYGROUND_LOGFILE!)
        ? fs.readFileSync(launch.env.M365_AGENTS_PLAYGROUND_LOGFILE!, 'utf8')
        : '';
      throw new Error(
        `${String(err)}\nPlayground output:\n${out}\n${log
          .split('\n')
          .filter((l) => l.startsWith('error'))
          .join('\n')}`,
      );
    }
  }

  private watch(port: number): void {
    const origin = `127.0.0.1:${port}`;
    this.page.on('response', (r) => {
      if (r.url().includes(origin) && r.status() >= 400) this.problems.push(`${r.status()} from ${r.url()}`);
    });
    this.page.on('websocket', (ws) => {
      ws.on('framereceived', (f) => this.onFrame(String(f.payload)));
    });
  }

  private onFrame(payload: string): void {
    this.frames.push(payload);
    let d: {
      action?: string;
      message?: { messageId?: string; from?: { id?: string } };
      log?: {
        type?: string;
        displayText?: string;
        activityName?: string;
        response?: { statusCode?: number };
      };
    };
    try {
      d = JSON.parse(payload);
    } catch {
      return;
    }
    if (d.log) {
      const { type, displayText = '', activityName, response } = d.log;
      const status = response?.statusCode ?? 0;
      if (activityName) this.activities.push(activityName);
      if (status >= 400)
        this.problems.push(`${activityName} answered ${status}: ${JSON.stringify(response)}`);
      if (type !== 'bot' && type !== 'text') this.problems.push(`Playground ${type}: ${displayText}`);
      if (/error|not supported|failed/i.test(displayText))
        this.problems.push(`Playground log: ${displayText}`);
    } else if (d.action && d.message?.messageId) {
      const text = JSON.stringify(d.message);
      const fromBot = d.message.from?.id === PLAYGROUND_BOT_ID;
      this.messages.push({ action: d.action, messageId: String(d.message.messageId), fromBot, text });
      if (GENERIC_ERRORS.test(text)) this.problems.push(`generic error reply: ${text.slice(0, 300)}`);
    }
  }

  /**
   * Fails the journey with everything that went wrong so far, including what the Playground's page
   * itself flags: errors in its log panel and attachments it cannot show.
   */
  async assertClean(): Promise<void> {
    const flagged = (await this.page.innerText('body'))
      .split('\n')
      .filter((l) => /\(×\)|\bError:|not supported yet|unknown attachment type/.test(l));
    const all = [...new Set([...this.problems, ...flagged])];
    if (all.length) throw new Error(`Playground problems:\n${all.join('\n')}`);
  }

  /** Types a message and waits for Samspil's reply (a new message in the conversation). */
  async say(text: string): Promise<StreamMessage> {
    const before = this.messages.length;
    await this.page.locator(COMPOSE_BOX).fill(text);
    await this.page.getByLabel('Send Message').click();
    return this.nextMessage(before, (m) => m.action === 'createMessage' && m.fromBot);
  }

  /** Waits until `done` holds, failing early on any problem the Playground reported. */
  private async until(done: () => boolean, what: string, ms = 20_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!done()) {
      if (this.problems.length) await this.assertClean();
      if (Date.now() > deadline) throw new Error(`no ${what} within ${ms} ms`);
      await this.page.waitForTimeout(50);
    }
  }

  /** Waits until the stream reports a message after index `from` that matches. */
  async nextMessage(from: number, match: (m: StreamMessage) => boolean, ms = 20_000): Promise<StreamMessage> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.messages.slice(from).find(match);
      if (found) return found;
      if (this.problems.length) await this.assertClean();
      if (Date.now() > deadline) {
        const got = this.messages.slice(from).map((m) => `${m.action} ${m.text.slice(0, 200)}`);
        throw new Error(`no matching message within ${ms} ms; got:\n${got.join('\n')}`);
      }
      await this.page.waitForTimeout(50);
    }
  }

  /** The last rendered Adaptive Card containing `text`. */
  card(text: string | RegExp): Locator {
    return this.page.locator('.ac-adaptiveCard', { hasText: text }).last();
  }

  /**
   * Presses a card's button and waits until a card shows `expected`: the pressed card, replaced in
   * place. A new message instead (a refusal or result posted below the card) fails.
   */
  async pressUpdating(card: Locator, button: string | RegExp, expected: string | RegExp): Promise<void> {
    const before = this.botMessages();
    const shown = await this.page.locator(MESSAGE).count();
    const invokes = this.activities.filter((a) => a === 'invoke').length;
    // A ShowCard's own submit button comes after the toggle of the same name.
    await card.getByRole('button', { name: button }).last().click();
    // Action.Execute: the Playground posts an invoke, and its answer is the card that replaces this one.
    await this.until(
      () => this.activities.filter((a) => a === 'invoke').length > invokes,
      `an invoke for "${String(button)}"`,
    );
    try {
      await this.page.locator('.ac-adaptiveCard', { hasText: expected }).first().waitFor({ timeout: 20_000 });
    } catch (err) {
      await this.shot('FEJL');
      throw err;
    }
    if (this.problems.length) await this.assertClean();
    const posted = this.botMessages() - before;
    const nowShown = await this.page.locator(MESSAGE).count();
    if (posted > 0 || nowShown !== shown) {
      throw new Error(`"${String(button)}" posted ${posted} new message(s) instead of updating its card`);
    }
  }

  /** Picks an option of a card's drop-down (a compact Input.ChoiceSet) by its label. */
  async chooseOption(card: Locator, label: RegExp, option: RegExp): Promise<void> {
    await card.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option }).first().click();
  }

  /** Presses a button that opens something else (a form, a list) and waits until a card shows `expected`. */
  async pressOpening(card: Locator, button: string | RegExp, expected: string | RegExp): Promise<Locator> {
    await card.getByRole('button', { name: button }).first().click();
    const opened = this.page.locator('.ac-adaptiveCard', { hasText: expected }).last();
    await opened.waitFor({ timeout: 20_000 });
    if (this.problems.length) await this.assertClean();
    return opened;
  }

  /**
   * Sends Samspil the last card press again, exactly as the Playground sent it: what a second device
   * showing the same, now spent, card sends. Returns the invoke's answer (the card it would show).
   */
  async replayLastInvoke(endpoint: string): Promise<string> {
    const body = this.frames
      .map((f) => {
        try {
          return JSON.parse(f) as {
            log?: { activityName?: string; to?: string; request?: { body?: unknown } };
          };
        } catch {
          return {};
        }
      })
      .filter((d) => d.log?.activityName === 'invoke' && d.log.to === 'User Application')
      .pop()?.log?.request?.body;
    if (!body) throw new Error('the Playground has sent no card press yet');
    const r = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (r.status !== 200) throw new Error(`the replayed press answered ${r.status}`);
    return r.text();
  }

  private botMessages(): number {
    return this.messages.filter((m) => m.action === 'createMessage' && m.fromBot).length;
  }

  /** A screenshot of the chat as it stands, named after the role and step. */
  async shot(name: string): Promise<void> {
    fs.mkdirSync(SHOTS, { recursive: true });
    this.step++;
    const file = `${this.role}-${String(this.step).padStart(2, '0')}-${name}.png`;
    await this.page.evaluate('new Promise((r) => requestAnimationFrame(() => r(null)))');
    await this.page.screenshot({ path: path.join(SHOTS, file) });
  }

  playgroundOutput(): string {
    return this.output();
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    if (this.child.exitCode === null) {
      await new Promise<void>((resolve) => {
        this.child.once('exit', () => resolve());
        this.child.kill('SIGTERM');
      });
    }
  }
}
