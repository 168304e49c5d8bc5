import { TeamsInfo, TurnContext } from 'botbuilder';
import type { Store, TenantStore } from '../store/store';
import type { MunicipalityRow, StaffRow } from '../store/types';
import { MunicipalityContext, resolveMunicipality } from '../app/municipalityContext';
import { Locale, localeFrom } from '../i18n/locale';
import type { ConversationKind } from '../store/conversationsRepo';

/** Where the turn came from: the conversation's kind, and what a channel link needs. */
export interface Conversation {
  kind: ConversationKind;
  /**
   * A message in a channel thread carries ';messageid=…' in its conversation id; posting to that id
   * would answer inside the thread, so the team's posts use the channel itself.
   */
  channelId: string;
  reference: Record<string, unknown>;
}

/** Who is calling, resolved once per turn by the routes (src/teams/routes/pipeline.ts). */
export interface Caller {
  municipality: MunicipalityContext;
  tenant: TenantStore;
  staff: StaffRow | null;
  locale: Locale;
  conversation: Conversation;
}

export interface IdentityOptions {
  /**
   * Local development (no app id, e.g. Agents Playground): a tenant Samspil does not know is
   * served by the single municipality that has no tenant set (the demo). Never in production.
   */
  devFallback: boolean;
}

function tenantIdOf(context: TurnContext): string | null {
  const a = context.activity;
  const fromChannel = (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return a.conversation?.tenantId ?? fromChannel ?? null;
}

/**
 * Validating settings costs more than the cached read of them (time-zone checks): each row the
 * read cache hands out is resolved once.
 */
const resolved = new WeakMap<MunicipalityRow, MunicipalityContext>();
function resolvedOnce(row: MunicipalityRow): MunicipalityContext {
  let m = resolved.get(row);
  if (!m) resolved.set(row, (m = resolveMunicipality(row)));
  return m;
}

export async function municipalityFor(store: Store, context: TurnContext, opts: IdentityOptions) {
  const tenantId = tenantIdOf(context);
  const row = tenantId ? await store.municipalities.recentByTenant(tenantId) : null;
  if (row) return resolvedOnce(row);
  if (!opts.devFallback) return null;
  const untenanted = (await store.municipalities.list()).filter((m) => m.tenant_id === null);
  return untenanted.length === 1 ? resolveMunicipality(untenanted[0]!) : null;
}

/** AAD object id first; else the Teams member's e-mail/UPN, which is then linked for next time. */
async function staffFor(t: TenantStore, context: TurnContext): Promise<StaffRow | null> {
  const from = context.activity.from;
  if (from?.aadObjectId) {
    const known = await t.staff.recentByAadObjectId(from.aadObjectId);
    if (known) return known;
  }
  let email: string | undefined;
  try {
    const member = await TeamsInfo.getMember(context, from.id);
    email = member.email ?? member.userPrincipalName;
  } catch {
    return null;
  }
  if (!email) return null;
  const staff = await t.staff.byEmail(email);
  if (staff && from.aadObjectId) await t.staff.linkAadObjectId(staff.id, from.aadObjectId);
  return staff;
}

export function conversationKindOf(context: TurnContext): ConversationKind {
  const type = context.activity.conversation?.conversationType;
  return type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
}

/**
 * Who is calling, from which municipality; stores the conversation reference for proactive sends.
 * All three are the short-lived cached reads of src/store/readCache.ts: a turn of someone known, in
 * a chat whose reference has not changed, costs no query here.
 */
export async function identify(
  store: Store,
  context: TurnContext,
  opts: IdentityOptions,
): Promise<Caller | null> {
  const municipality = await municipalityFor(store, context, opts);
  if (!municipality) return null;
  const tenant = store.tenant({
    municipalityId: municipality.id,
    actor: `teams:${context.activity.from?.aadObjectId ?? context.activity.from?.id}`,
  });
  const staff = await staffFor(tenant, context);
  const kind = conversationKindOf(context);
  const reference = TurnContext.getConversationReference(context.activity) as unknown as Record<
    string,
    unknown
  >;
  await tenant.conversations.refresh({
    conversationId: context.activity.conversation.id,
    kind,
    staffId: kind === 'personal' ? (staff?.id ?? null) : null,
    reference,
  });
  const actor = staff ? `staff:${staff.email}` : `teams:${context.activity.from?.id}`;
  return {
    municipality,
    tenant: store.tenant({ municipalityId: municipality.id, actor }),
    staff,
    locale: localeFrom(staff?.locale),
    conversation: { kind, channelId: context.activity.conversation.id.split(';')[0]!, reference },
  };
}
