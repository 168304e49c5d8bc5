import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { deadlineOfMeasure } from '../../app/deadlines';
import { renderCard } from '../../cards/render';
import { TEXTS } from '../../i18n/texts';
import { formatDate } from '../../i18n/locale';
import { HandlerDeps, KnownCaller, sendCard, today } from './deps';

const input = z.object({ caseId: z.string().uuid() });

export async function openCase(
  deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
  data: unknown,
): Promise<void> {
  const t = TEXTS[caller.locale];
  const parsed = input.safeParse(data);
  const c = parsed.success ? await caller.tenant.cases.get(parsed.data.caseId) : null;
  const adviser = c?.adviser_id ? await caller.tenant.staff.get(c.adviser_id) : null;
  // Server-side role check: the adviser of the case, or the adviser's leader.
  const allowed =
    c &&
    (c.adviser_id === caller.staff.id ||
      (caller.staff.roles.includes('leader') && adviser?.leader_id === caller.staff.id));
  if (!c || !allowed) {
    await sendCard(
      context,
      renderCard('notice', { title: t.errors.notAllowed, color: 'Attention', lines: [] }),
    );
    return;
  }
  const day = today(deps, caller);
  const measures = (await caller.tenant.measures.openWithHistory(c.adviser_id ?? undefined)).filter(
    (m) => m.case_id === c.id,
  );
  const all = await caller.tenant.measures.forCase(c.id);
  const history: { date: string; text: string }[] = [];
  for (const m of all) {
    for (const f of await caller.tenant.measures.followUps(m.id)) {
      history.push({
        date: formatDate(f.held_on, caller.locale),
        text: `${t.measureTypes[m.measure_type]}${f.child_conversation ? ` · ${t.followUps.childConversation}` : ''}`,
      });
    }
  }
  const step = caller.municipality.ladder.steps.find((s) => s.step === c.ladder_step);
  await sendCard(
    context,
    renderCard('case-details', {
      t: t.followUps,
      caseRef: c.case_ref,
      child: c.child_initials ?? '',
      adviser: adviser?.name ?? '–',
      ladderLabel: caller.locale === 'da' ? 'Indsatstrappen' : 'Intervention ladder',
      ladderText: step ? `${step.step}. ${step.label[caller.locale]}` : '–',
      measures: all.map((m) => {
        const open = measures.find((x) => x.id === m.id);
        const next = open ? deadlineOfMeasure(open, caller.municipality.policy, day) : null;
        const period = `${formatDate(m.start, caller.locale)}${m.end ? ` – ${formatDate(m.end, caller.locale)}` : ''}`;
        return {
          label: t.measureTypes[m.measure_type],
          text: next ? `${period} · ${t.followUps.next}: ${formatDate(next.due, caller.locale)}` : period,
        };
      }),
      history: history.reverse().slice(0, 12),
    }),
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
  const c = ref ? await caller.tenant.cases.byRef(ref) : null;
  // An unknown reference is answered like someone else's case: no hint of which references exist.
  await openCase(deps, context, caller, { caseId: c?.id ?? '' });
}
