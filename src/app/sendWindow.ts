import type { Store } from '../store/store';
import type { SendWindow } from '../outbox/sender';
import { loadMunicipality, type MunicipalityContext } from './municipalityContext';
import { DEFAULT_WORKING_HOURS, type WorkingHours } from '../domain/calendar';
import type { StaffRow } from '../store/types';

/** A recipient's working hours: their own, else the municipality's. */
export function workingHoursOf(staff: StaffRow | null | undefined, m: MunicipalityContext): WorkingHours {
  const base = m.settings.workingHours ?? DEFAULT_WORKING_HOURS;
  return { start: staff?.working_start ?? base.start, end: staff?.working_end ?? base.end };
}

/** The recipient's own working hours, else the municipality's, in the municipality's zone. */
export function sendWindowFrom(store: Store) {
  return async (municipalityId: string, staffId: string | null): Promise<SendWindow> => {
    const m = await loadMunicipality(store, municipalityId);
    const staff = staffId ? await store.tenant({ municipalityId, actor: 'sender' }).staff.get(staffId) : null;
    return { hours: workingHoursOf(staff, m), timeZone: m.settings.timeZone };
  };
}
