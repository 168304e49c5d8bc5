/**
 * Where Microsoft Graph posts change and lifecycle notifications about the organisers' events
 * ("Receive change notifications through webhooks",
 * https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks):
 * - a validation request carries `validationToken` in the query: answered at once with the token,
 *   200 and text/plain (Graph gives up after 10 s and refuses the subscription);
 * - a notification is answered 202 at once (Graph expects an answer within 3 s and retries, then
 *   drops, a slow endpoint); the events are read again afterwards;
 * - lifecycle notifications: `reauthorizationRequired` renews the subscription,
 *   `subscriptionRemoved` forgets it so the next pass makes a new one.
 * Every notification's clientState must be its subscription's.
 */
import type express from 'express';
import { z } from 'zod';
import type { Clock } from '../domain/clock';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import type { MunicipalityContext } from '../app/municipalityContext';
import type { CalendarPort } from '../app/meetings/calendarPort';
import { applyEventChange, SUBSCRIPTION_LIFETIME_MS } from '../app/meetings/outlookAnswers';

const changes = z.object({
  value: z.array(
    z.object({
      subscriptionId: z.string(),
      clientState: z.string().nullish(),
      changeType: z.string(),
      resourceData: z.object({ id: z.string() }).passthrough().nullish(),
    }),
  ),
});

const lifecycle = z.object({
  value: z.array(
    z.object({
      subscriptionId: z.string(),
      clientState: z.string().nullish(),
      lifecycleEvent: z.enum(['reauthorizationRequired', 'subscriptionRemoved', 'missed']),
    }),
  ),
});

export interface GraphNotificationDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  calendarFor: (municipalityId: string) => Promise<{ m: MunicipalityContext; calendar: CalendarPort } | null>;
}

/** The promise of the work a notification started (tests wait for it; the HTTP answer never does). */
export type Pending = Set<Promise<unknown>>;

export function mountGraphNotifications(app: express.Express, deps: GraphNotificationDeps): Pending {
  const pending: Pending = new Set();
  const later = (work: () => Promise<unknown>) => {
    const p = work()
      .catch((err) =>
        deps.log.warn({ err }, 'Graph notification not applied; the next notification or pass catches up'),
      )
      .finally(() => pending.delete(p));
    pending.add(p);
  };
  const validation = (req: express.Request, res: express.Response): boolean => {
    const token = req.query.validationToken;
    if (typeof token !== 'string') return false;
    res.status(200).type('text/plain').send(token);
    return true;
  };

  app.post('/graph/notifications', (req, res) => {
    if (validation(req, res)) return;
    const parsed = changes.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'Not a change notification.' });
      return;
    }
    res.status(202).end();
    for (const n of parsed.data.value) {
      const eventId = n.resourceData?.id;
      if (!eventId || n.changeType === 'deleted') continue;
      later(async () => {
        const outcome = await applyEventChange(
          deps.store,
          deps.calendarFor,
          { subscriptionId: n.subscriptionId, clientState: n.clientState ?? null, eventId },
          deps.clock.now(),
        );
        if (outcome === 'wrongClientState' || outcome === 'unknownSubscription')
          deps.log.warn({ subscriptionId: n.subscriptionId, outcome }, 'Graph notification refused');
      });
    }
  });

  app.post('/graph/lifecycle', (req, res) => {
    if (validation(req, res)) return;
    const parsed = lifecycle.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'Not a lifecycle notification.' });
      return;
    }
    res.status(202).end();
    for (const n of parsed.data.value) {
      later(async () => {
        const sub = await deps.store.graphSubscriptions.byId(n.subscriptionId);
        if (!sub || sub.client_state !== n.clientState) return;
        if (n.lifecycleEvent === 'subscriptionRemoved')
          return deps.store.graphSubscriptions.remove(sub.subscription_id);
        if (n.lifecycleEvent !== 'reauthorizationRequired') return;
        const found = await deps.calendarFor(sub.municipality_id);
        if (!found) return;
        const r = await found.calendar.renew(
          sub.subscription_id,
          new Date(deps.clock.now().getTime() + SUBSCRIPTION_LIFETIME_MS),
        );
        await deps.store.graphSubscriptions.renewed(sub.subscription_id, r.expiresAt);
      });
    }
  });
  return pending;
}
