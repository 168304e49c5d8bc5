import { Ladder, LADDER_PRESETS } from '../domain/ladder';
import { MunicipalitySettings, municipalitySettingsSchema, policyOf } from '../domain/municipality';
import type { FollowUpPolicy } from '../domain/policy';
import type { Store } from '../store/store';
import type { MunicipalityRow } from '../store/types';

/** A municipality with its settings validated and its ladder and policy resolved. */
export interface MunicipalityContext {
  id: string;
  name: string;
  tenantId: string | null;
  settings: MunicipalitySettings;
  ladder: Ladder;
  policy: FollowUpPolicy;
}

export function resolveMunicipality(row: MunicipalityRow): MunicipalityContext {
  const settings = municipalitySettingsSchema.parse(row.settings ?? {});
  const ladder = typeof settings.ladder === 'string' ? LADDER_PRESETS[settings.ladder] : settings.ladder;
  if (!ladder) throw new Error(`Municipality ${row.id}: unknown ladder "${String(settings.ladder)}"`);
  const policy = policyOf(settings);
  return { id: row.id, name: row.name, tenantId: row.tenant_id, settings, ladder, policy };
}

export async function loadMunicipality(store: Store, id: string): Promise<MunicipalityContext> {
  const row = await store.municipalities.get(id);
  if (!row) throw new Error(`No municipality "${id}"`);
  return resolveMunicipality(row);
}
