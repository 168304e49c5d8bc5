import type { TurnContext } from 'botbuilder';
import { unitOverview } from '../../app/unitOverview';
import { TEXTS } from '../../i18n/texts';
import { unitOverviewCard } from '../../views/unitOverviewCard';
import { HandlerDeps, KnownCaller, sendCard, today } from './deps';

/** `overblik` / `overview`: a leader's unit, overdue and coming deadlines per adviser. */
export async function showOverview(
  deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
): Promise<void> {
  const day = today(deps, caller);
  const advisers = await unitOverview(caller.tenant, caller.municipality, caller.staff, day);
  const t = TEXTS[caller.locale].followUps;
  if (!advisers) {
    await context.sendActivity(t.unitOverviewNotLeader);
    return;
  }
  await sendCard(context, unitOverviewCard(advisers, caller.locale, day), t.unitOverviewTitle);
}
