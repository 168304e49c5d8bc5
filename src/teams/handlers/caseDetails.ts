import { TEXTS } from '../../i18n/texts';
import { looksLikeCpr } from '../../domain/cpr';
import { caseDetails } from '../../app/caseDetails';
import { caseDetailsCard } from '../../views/caseCard';
import {
  asMessages,
  note,
  opened,
  refusalText,
  textMessage,
  type CardReply,
  type Message,
} from '../cardReply';
import { HandlerDeps, KnownCaller, today } from './deps';

/** "Åbn sag" on a reminder or a list: the case below, the pressed card kept. */
export async function openCase(
  deps: HandlerDeps,
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
export async function openCaseByRef(deps: HandlerDeps, caller: KnownCaller, ref: string): Promise<Message[]> {
  // No case reference has a CPR number's shape (the import refuses one); it is not looked up.
  if (ref && looksLikeCpr(ref)) return [textMessage(TEXTS[caller.locale].errors.caseReferenceCpr)];
  const c = ref ? await caller.tenant.cases.byRef(ref) : null;
  // An unknown reference is answered like someone else's case: no hint of which references exist.
  if (!c) return [textMessage(TEXTS[caller.locale].errors.notAllowed)];
  // Typed, not pressed: there is no card to replace, so the case card (or the refusal) is a message.
  return asMessages(await openCase(deps, caller, { caseId: c.id }));
}
