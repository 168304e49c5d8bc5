import type { Store } from '../store/store';
import type { SendWindow } from '../outbox/sender';
import { loadMunicipality } from './municipalityContext';
import { workingHoursOf } from '../scheduler/planner';

/** The recipient's own working hours, else the municipality's, in the municipality's zone. */
export function sendWindowFrom(store: Store) {
  return async (municipalityId: string, staffId: string | null): Promise<SendWindow> => {
    const m = await loadMunicipality(store, municipalityId);
    const staff = staffId ? await store.tenant({ municipalityId, actor: 'sender' }).staff.get(staffId) : null;
    return { hours: workingHoursOf(staff, m), timeZone: m.settings.timeZone };
  };
}
