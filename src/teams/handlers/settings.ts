import type { TurnContext } from 'botbuilder';
import { saveStaffSettings } from '../../app/staffSettings';
import { settingsCard, settingsSavedCard } from '../../views/settingsCard';
import { opened, refusedForm, replace, type CardReply } from '../cardReply';
import { HandlerDeps, KnownCaller, sendCard } from './deps';

const cardOf = (caller: KnownCaller) => settingsCard(caller.staff, caller.municipality, caller.locale);

export async function showSettings(
  _deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
): Promise<void> {
  await sendCard(context, cardOf(caller));
}

/** "Indstillinger" on the help card: the settings below, the help card kept. */
export async function showSettingsFromCard(_deps: HandlerDeps, _c: TurnContext, caller: KnownCaller) {
  return opened(cardOf(caller), caller.locale);
}

export async function saveSettings(
  _deps: HandlerDeps,
  _context: TurnContext,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const res = await saveStaffSettings(caller.tenant, caller.staff, values);
  if (!res.ok) return refusedForm(cardOf(caller), values, res.problems, caller.locale);
  return replace(settingsSavedCard(res.value));
}
