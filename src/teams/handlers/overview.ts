import { unitOverview } from '../../app/unitOverview';
import { TEXTS } from '../../i18n/texts';
import { unitOverviewCard } from '../../views/unitOverviewCard';
import { cardMessage, textMessage, type Message } from '../cardReply';
import { HandlerDeps, KnownCaller, today } from './deps';

/** `overblik` / `overview`: a leader's unit, overdue and coming deadlines per adviser. */
export async function showOverview(deps: HandlerDeps, caller: KnownCaller): Promise<Message[]> {
  const day = today(deps, caller);
  const advisers = await unitOverview(caller.tenant, caller.municipality, caller.staff, day);
  const t = TEXTS[caller.locale].followUps;
  if (!advisers) return [textMessage(t.unitOverviewNotLeader)];
  return [cardMessage(unitOverviewCard(advisers, caller.locale, day), t.unitOverviewTitle)];
}
