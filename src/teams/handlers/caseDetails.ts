import type { TurnContext } from 'botbuilder';
import { caseDetails } from '../../app/caseDetails';
import { caseDetailsCard } from '../views/caseCard';
import { note, opened, refusalText, type CardReply } from '../cardReply';
import { HandlerDeps, KnownCaller, today } from './deps';

/** "Åbn sag" on a reminder or a list: the case below, the pressed card kept. */
export async function openCase(
  deps: HandlerDeps,
  _context: TurnContext,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const res = await caseDetails(
    caller.tenant,
    caller.municipality,
    caller.staff,
    String(values.caseId ?? ''),
    today(deps, caller),
  );
  if (!res.ok) return note(refusalText(res, caller.locale));
  return opened(caseDetailsCard(res.value, caller.municipality, caller.locale), caller.locale);
}
