import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { DEFAULT_WORKING_HOURS } from '../../domain/calendar';
import { renderCard } from '../../cards/render';
import { TEXTS } from '../../i18n/texts';
import { Locale } from '../../i18n/locale';
import { HandlerDeps, KnownCaller, replaceCard, sendCard } from './deps';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');
export const settingsInput = z
  .object({
    reminderMode: z.enum(['single', 'digest']),
    workingStart: hhmm,
    workingEnd: hhmm,
    language: z.enum(['da', 'en']),
  })
  .refine((s) => s.workingStart < s.workingEnd, { message: 'start before end', path: ['workingEnd'] });

function settingsCard(
  caller: KnownCaller,
  locale: Locale,
  values?: Partial<z.infer<typeof settingsInput>>,
  errorText = '',
) {
  const hours = caller.municipality.settings.workingHours ?? DEFAULT_WORKING_HOURS;
  return renderCard('settings', {
    t: TEXTS[locale].settings,
    save: TEXTS[locale].followUps.save,
    mode: values?.reminderMode ?? caller.staff.reminder_mode,
    start: values?.workingStart ?? caller.staff.working_start ?? hours.start,
    end: values?.workingEnd ?? caller.staff.working_end ?? hours.end,
    language: values?.language ?? caller.locale,
    errorText,
  });
}

export async function showSettings(
  _deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
): Promise<void> {
  await sendCard(context, settingsCard(caller, caller.locale));
}

export async function saveSettings(
  _deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
  data: unknown,
): Promise<void> {
  const parsed = settingsInput.safeParse(data);
  if (!parsed.success) {
    const da = caller.locale === 'da';
    const error = da
      ? 'Tjek felterne: arbejdstiden skal angives som TT:MM, og starten skal ligge før slutningen.'
      : 'Check the fields: working hours are HH:mm, and the start must be before the end.';
    // The card stays usable: it is re-shown with what the user entered and the reason.
    await replaceCard(context, settingsCard(caller, caller.locale, data as Record<string, string>, error));
    return;
  }
  const s = parsed.data;
  await caller.tenant.staff.updateSettings(caller.staff.id, {
    reminderMode: s.reminderMode,
    workingStart: s.workingStart,
    workingEnd: s.workingEnd,
    locale: s.language,
  });
  await replaceCard(
    context,
    renderCard('notice', {
      title: TEXTS[s.language].settings.saved,
      color: 'Good',
      lines: [
        { text: `${TEXTS[s.language].settings.mode}: ${TEXTS[s.language].settings[s.reminderMode]}` },
        { text: `${TEXTS[s.language].settings.hoursStart} ${s.workingStart} – ${s.workingEnd}` },
      ],
    }),
  );
}
