import { saveStaffSettings } from '../../app/staffSettings';
import { settingsCard, settingsSavedCard } from '../../views/settingsCard';
import { cardMessage, opened, refusedForm, replace, type CardReply, type Message } from '../cardReply';
import type { HandlerDeps, KnownCaller } from './deps';

const cardOf = (caller: KnownCaller) => settingsCard(caller.staff, caller.municipality, caller.locale);

export async function showSettings(_deps: HandlerDeps, caller: KnownCaller): Promise<Message[]> {
  return [cardMessage(cardOf(caller))];
}

/** "Indstillinger" on the help card: the settings below, the help card kept. */
export async function showSettingsFromCard(_deps: HandlerDeps, caller: KnownCaller) {
  return opened(cardOf(caller), caller.locale);
}

export async function saveSettings(
  _deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const res = await saveStaffSettings(caller.tenant, caller.staff, values);
  if (!res.ok) return refusedForm(cardOf(caller), values, res.problems, caller.locale);
  return replace(settingsSavedCard(res.value));
}
