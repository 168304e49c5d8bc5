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

/** An Action.Submit press on a card the bot posted earlier (`replyToId` is that card's activity id). */
export function cardSubmit(
  serviceUrl: string,
  user: TeamsUser,
  replyToId: string,
  data: Record<string, unknown>,
) {
  return personalMessage(serviceUrl, user, '', { text: undefined, value: data, replyToId });
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
