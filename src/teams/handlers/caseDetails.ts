import type { TurnContext } from 'botbuilder';
import { TEXTS } from '../../i18n/texts';
import { looksLikeCpr } from '../../domain/cpr';
import { caseDetails } from '../../app/caseDetails';
import { caseDetailsCard } from '../../views/caseCard';
import { note, opened, refusalText, type CardReply } from '../cardReply';
import { HandlerDeps, KnownCaller, sendCard, today } from './deps';

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
  return opened(
    caseDetailsCard(res.value, caller.municipality, caller.locale, caller.staff.id),
    caller.locale,
  );
}

/** `sag REF` / `case REF`: what the Overblik tab's chat link sends, to open one case's card. */
export const CASE_COMMAND = /^\s*(?:sag|case)\s+(\S+)\s*$/i;

export async function openCaseByRef(
  deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
): Promise<void> {
  const ref = CASE_COMMAND.exec(context.activity.text ?? '')?.[1];
  // No case reference has a CPR number's shape (the import refuses one); it is not looked up.
  if (ref && looksLikeCpr(ref)) {
    await context.sendActivity(TEXTS[caller.locale].errors.caseReferenceCpr);
    return;
  }
  const c = ref ? await caller.tenant.cases.byRef(ref) : null;
  // An unknown reference is answered like someone else's case: no hint of which references exist.
  if (!c) {
    await context.sendActivity(TEXTS[caller.locale].errors.notAllowed);
    return;
  }
  const reply = await openCase(deps, context, caller, { caseId: c.id });
  // Typed, not pressed: there is no card to replace, so the case card (or the refusal) is a message.
  if (reply.send?.length) for (const out of reply.send) await sendCard(context, out.card, out.summary);
  else if (reply.kind === 'note') await context.sendActivity(reply.text);
  else await sendCard(context, reply.card);
}
