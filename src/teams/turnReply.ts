import type { Activity, TurnContext } from 'botbuilder';
import { toTransportError } from './proactive';

/**
 * Teams gives an invoke about 10 s (docs/teams-app.md, platform facts); a turn's replies through
 * the connector must be done well before, so the invoke can still answer.
 */
export const TURN_REPLY_WINDOW_MS = 7_000;
/** What Teams may answer a reply that retrying fixes: throttled, or briefly unavailable. */
const RETRYABLE = new Set([412, 429, 502, 503, 504]);

/**
 * Sends a turn's own reply (a card opened below the pressed one). botbuilder's client already
 * retries a 429 a few times inside the call; when it still fails, the reply is tried again after
 * the service's Retry-After for as long as the invoke has time (`deadline`, epoch ms). False when
 * it could not be sent by then, so the press answers that in words instead of a generic error.
 * Replies draw on the part of the tenant's budget the outbox sender leaves free (docs/outbox.md
 * "One budget per tenant"), so a 429 here is rare even during the morning's reminders.
 */
export async function replyWithinTurn(
  context: TurnContext,
  activity: Partial<Activity>,
  deadline: number,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<boolean> {
  for (;;) {
    try {
      await context.sendActivity(activity);
      return true;
    } catch (err) {
      const e = toTransportError(err);
      if (!RETRYABLE.has(e.status)) throw err;
      const wait = Math.max(250, e.retryAfterMs ?? 1_000);
      if (Date.now() + wait >= deadline) return false;
      await sleep(wait);
    }
  }
}
