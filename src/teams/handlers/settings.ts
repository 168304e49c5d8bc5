import type { TurnContext } from 'botbuilder';
import { DEFAULT_WORKING_HOURS } from '../../domain/calendar';
import { saveStaffSettings } from '../../app/staffSettings';
import { renderCard } from '../../cards/render';
import { TEXTS } from '../../i18n/texts';
import { opened, refusedForm, replace, type CardReply } from '../cardReply';
import { HandlerDeps, KnownCaller, sendCard } from './deps';

function settingsCard(caller: KnownCaller) {
  const hours = caller.municipality.settings.workingHours ?? DEFAULT_WORKING_HOURS;
  const t = TEXTS[caller.locale];
  return renderCard('settings', {
    t: t.settings,
    save: t.followUps.save,
    mode: caller.staff.reminder_mode,
    start: caller.staff.working_start ?? hours.start,
    end: caller.staff.working_end ?? hours.end,
    language: caller.locale,
  });
}

export async function showSettings(
  _deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
): Promise<void> {
  await sendCard(context, settingsCard(caller));
}

/** "Indstillinger" on the help card: the settings below, the help card kept. */
export async function showSettingsFromCard(_deps: HandlerDeps, _c: TurnContext, caller: KnownCaller) {
  return opened(settingsCard(caller), caller.locale);
}

export async function saveSettings(
  _deps: HandlerDeps,
  _context: TurnContext,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const res = await saveStaffSettings(caller.tenant, caller.staff, values);
  if (!res.ok) return refusedForm(settingsCard(caller), values, res.problems, caller.locale);
  const s = res.value;
  const t = TEXTS[s.language].settings;
  return replace(
    renderCard('notice', {
      title: t.saved,
      color: 'Good',
      lines: [
        { text: `${t.mode}: ${t[s.reminderMode]}` },
        { text: `${t.hoursStart} ${s.workingStart} – ${s.workingEnd}` },
      ],
    }),
  );
}
