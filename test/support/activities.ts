import { randomUUID } from 'node:crypto';

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
  email?: string;
}

export const TENANT_ID = 'tenant-test-0001';
export const BOT = { id: '28:samspil-bot', name: 'Samspil' };

/** A Teams personal-chat message as the Bot Connector delivers it to /api/messages. */
export function personalMessage(
  serviceUrl: string,
  user: TeamsUser,
  text: string,
  extra: Record<string, unknown> = {},
) {
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: TENANT_ID },
    recipient: BOT,
    text,
    textFormat: 'plain',
    locale: 'da-DK',
    channelData: { tenant: { id: TENANT_ID } },
    ...extra,
  };
}

/**
 * An Action.Execute press on a card the bot posted earlier, as Teams delivers it: an invoke
 * `adaptiveCard/action` whose `replyToId` is that card's activity id. `data` holds the verb
 * (`data.verb`, as `submitData` returns it) and the action's data merged with the card's inputs.
 */
export function cardExecute(
  serviceUrl: string,
  user: TeamsUser,
  replyToId: string,
  data: Record<string, unknown>,
) {
  const { verb, ...rest } = data;
  return personalMessage(serviceUrl, user, '', {
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    value: { action: { type: 'Action.Execute', verb, data: rest }, trigger: 'manual' },
    replyToId,
  });
}

export function installation(serviceUrl: string, user: TeamsUser) {
  return {
    type: 'installationUpdate',
    action: 'add',
    id: randomUUID(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: TENANT_ID },
    recipient: BOT,
    channelData: { tenant: { id: TENANT_ID } },
  };
}
