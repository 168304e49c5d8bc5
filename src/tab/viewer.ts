import { resolveMunicipality, type MunicipalityContext } from '../app/municipalityContext';
import type { Store, TenantStore } from '../store/store';
import type { StaffRow } from '../store/types';
import { TokenRejected, type TokenIdentity } from './auth';

/** The signed-in member of staff the tab shows figures to, with what the server lets them see. */
export interface Viewer {
  municipality: MunicipalityContext;
  tenant: TenantStore;
  staff: StaffRow;
  isAdviser: boolean;
  isLeader: boolean;
  /** Teams this person coordinates (a coordinator is whoever coordinates a team, as for `status`). */
  coordinatedTeamIds: string[];
}

/** Why a request gets no overview: 401 (who are you?), 403 (known, but not here) or 404 (no such tab). */
export class ViewerRefused extends Error {
  constructor(
    readonly status: 401 | 403 | 404,
    readonly reason: ViewerRefusal,
  ) {
    super(`overview refused: ${reason}`);
  }
}

/** Why, as a code src/i18n/tabTexts.ts words. */
export type ViewerRefusal = 'noToken' | 'unknownTenant' | 'unknownStaff' | 'notLinked' | 'notMember';

export interface ViewerSource {
  /** Verifies a bearer token; absent when the deployment has no app id (local and demo use). */
  verify?: (token: string) => Promise<TokenIdentity>;
}

const NO_TOKEN = 'noToken';
const UNKNOWN_TENANT = 'unknownTenant';
const UNKNOWN_STAFF = 'unknownStaff';

async function viewerOf(store: Store, municipality: MunicipalityContext, staff: StaffRow): Promise<Viewer> {
  const tenant = store.tenant({ municipalityId: municipality.id, actor: `tab:${staff.email}` });
  const coordinatedTeamIds = await tenant.reports.coordinatedTeamIds(staff.id);
  return {
    municipality,
    tenant,
    staff,
    isAdviser: staff.roles.includes('adviser'),
    isLeader: staff.roles.includes('leader'),
    coordinatedTeamIds,
  };
}

/** From a verified token: tenant → municipality, object id → staff (linked by UPN the first time). */
export async function viewerFromToken(store: Store, identity: TokenIdentity): Promise<Viewer> {
  const row = await store.municipalities.byTenant(identity.tenantId);
  if (!row) throw new ViewerRefused(403, UNKNOWN_TENANT);
  const municipality = resolveMunicipality(row);
  const t = store.tenant({ municipalityId: row.id, actor: `tab:${identity.objectId}` });
  let staff = await t.staff.byAadObjectId(identity.objectId);
  if (!staff && identity.userName) {
    staff = await t.staff.byEmail(identity.userName);
    if (staff && staff.aad_object_id === null) await t.staff.linkAadObjectId(staff.id, identity.objectId);
    else if (staff) staff = null; // that e-mail is linked to another account
  }
  if (!staff || !staff.active) throw new ViewerRefused(403, UNKNOWN_STAFF);
  return viewerOf(store, municipality, staff);
}

/**
 * The municipalities a demo user may come from: those without a tenant, as the bot's local fallback.
 * Only ever consulted without an app id, which production refuses.
 */
async function untenanted(store: Store): Promise<MunicipalityContext[]> {
  return (await store.municipalities.list()).filter((m) => m.tenant_id === null).map(resolveMunicipality);
}

export async function demoStaff(store: Store): Promise<{ municipality: string; staff: StaffRow[] }[]> {
  const out = [];
  for (const m of await untenanted(store)) {
    const t = store.tenant({ municipalityId: m.id, actor: 'tab:demo' });
    out.push({ municipality: m.name, staff: (await t.staff.list()).filter((s) => s.active) });
  }
  return out;
}

/** The request's viewer: by bearer token when an app id is set, else the demo user the page chose. */
export async function resolveViewer(
  store: Store,
  source: ViewerSource,
  headers: { authorization?: string; demoUser?: string },
): Promise<Viewer> {
  if (source.verify) {
    const m = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
    if (!m) throw new ViewerRefused(401, NO_TOKEN);
    let identity: TokenIdentity;
    try {
      identity = await source.verify(m[1]!);
    } catch (err) {
      if (err instanceof TokenRejected) throw new ViewerRefused(401, NO_TOKEN);
      throw err;
    }
    return viewerFromToken(store, identity);
  }
  const id = headers.demoUser ?? '';
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new ViewerRefused(401, NO_TOKEN);
  for (const municipality of await untenanted(store)) {
    const t = store.tenant({ municipalityId: municipality.id, actor: 'tab:demo' });
    const staff = await t.staff.get(id);
    if (staff?.active) return viewerOf(store, municipality, staff);
  }
  throw new ViewerRefused(403, UNKNOWN_STAFF);
}
