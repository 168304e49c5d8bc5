/** A staff member's own settings: reminders one by one or as a daily digest, working hours, language. */
import { z } from 'zod';
import type { TenantStore } from '../store/store';
import type { StaffRow } from '../store/types';
import { invalidInput, ok, type ActionResult } from './actionResult';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');

export const settingsInput = z
  .object({
    reminderMode: z.enum(['single', 'digest']),
    workingStart: hhmm,
    workingEnd: hhmm,
    language: z.enum(['da', 'en']),
  })
  // Nothing is sent outside working hours, so an empty or inverted day would silence every reminder.
  .refine((s) => s.workingStart < s.workingEnd, { message: 'start before end', path: ['workingEnd'] });

export type StaffSettingsInput = z.infer<typeof settingsInput>;

export async function saveStaffSettings(
  t: TenantStore,
  staff: StaffRow,
  data: unknown,
): Promise<ActionResult<StaffSettingsInput>> {
  const parsed = settingsInput.safeParse(data);
  if (!parsed.success) return invalidInput(parsed.error);
  const s = parsed.data;
  await t.staff.updateSettings(staff.id, {
    reminderMode: s.reminderMode,
    workingStart: s.workingStart,
    workingEnd: s.workingEnd,
    locale: s.language,
  });
  return ok(s);
}
