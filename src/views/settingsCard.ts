import type { CardJson } from '../cards/render';
import { renderCard } from '../cards/render';
import { DEFAULT_WORKING_HOURS } from '../domain/calendar';
import type { Locale } from '../i18n/locale';
import { requiredReasons } from '../i18n/problems';
import { fill, TEXTS } from '../i18n/texts';
import type { MunicipalityContext } from '../app/municipalityContext';
import type { StaffRow } from '../store/types';

/** `indstillinger`: reminders one by one or as a daily digest, working hours, language. */
export function settingsCard(staff: StaffRow, municipality: MunicipalityContext, locale: Locale): CardJson {
  const hours = municipality.settings.workingHours ?? DEFAULT_WORKING_HOURS;
  const t = TEXTS[locale];
  return renderCard('settings', {
    t: t.settings,
    req: requiredReasons(locale),
    save: t.followUps.save,
    mode: staff.reminder_mode,
    start: staff.working_start ?? hours.start,
    end: staff.working_end ?? hours.end,
    language: locale,
  });
}

/** What the settings card turns into once saved. */
export function settingsSavedCard(s: {
  language: Locale;
  reminderMode: 'single' | 'digest';
  workingStart: string;
  workingEnd: string;
}): CardJson {
  const t = TEXTS[s.language].settings;
  return renderCard('notice', {
    title: t.saved,
    color: 'Accent',
    lines: [
      { text: `${t.mode}: ${t[s.reminderMode]}` },
      { text: fill(t.hoursLine, { start: s.workingStart, end: s.workingEnd }) },
    ],
  });
}
