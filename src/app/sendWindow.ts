import type { Store } from '../store/store';
import type { SendWindow } from '../outbox/sender';
import { loadMunicipality, type MunicipalityContext } from './municipalityContext';
import { DEFAULT_WORKING_HOURS, type WorkingHours } from '../domain/calendar';
import type { StaffRow } from '../store/types';

/** A recipient's working hours: their own, else the municipality's. */
export function workingHoursOf(
  staff: Pick<StaffRow, 'working_start' | 'working_end'> | null | undefined,
  m: MunicipalityContext,
): WorkingHours {
  const base = m.settings.workingHours ?? DEFAULT_WORKING_HOURS;
  return { start: staff?.working_start ?? base.start, end: staff?.working_end ?? base.end };
}

/**
 * The recipient's own working hours, else the municipality's, in the municipality's zone. The
 * sender asks for every message, so a municipality's settings are read at most once a minute.
 */
export function sendWindowFrom(store: Store, cacheMs = 60_000) {
  const cache = new Map<string, { at: number; m: Promise<MunicipalityContext> }>();
  return async (
    municipalityId: string,
    staff: Pick<StaffRow, 'working_start' | 'working_end'> | null,
  ): Promise<SendWindow> => {
    let hit = cache.get(municipalityId);
    if (!hit || Date.now() - hit.at > cacheMs) {
      hit = { at: Date.now(), m: loadMunicipality(store, municipalityId) };
      cache.set(municipalityId, hit);
      hit.m.catch(() => cache.delete(municipalityId));
    }
    const m = await hit.m;
    return { hours: workingHoursOf(staff, m), timeZone: m.settings.timeZone };
  };
}
