/** A staff member's own settings: reminders one by one or as a daily digest, working hours, language. */
import { z } from 'zod';
import type { TenantStore } from '../store/store';
import type { StaffRow } from '../store/types';
import { hhmmField } from '../domain/meetings/fields';
import { coded, invalidInput, ok, type Result } from '../domain/result';

export const settingsInput = z
  .object({
    reminderMode: z.enum(['single', 'digest']),
    workingStart: hhmmField,
    workingEnd: hhmmField,
    language: z.enum(['da', 'en']),
  })
  // Nothing is sent outside working hours, so an empty or inverted day would silence every reminder.
  .refine((s) => s.workingStart < s.workingEnd, {
    ...coded('endBeforeStart', 'start before end'),
    path: ['workingEnd'],
  });

export type StaffSettingsInput = z.infer<typeof settingsInput>;

export async function saveStaffSettings(
  t: TenantStore,
  staff: StaffRow,
  data: unknown,
): Promise<Result<StaffSettingsInput>> {
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
