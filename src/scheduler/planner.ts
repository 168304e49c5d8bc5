import { openDeadlines, MeasureDeadline } from '../app/deadlines';
import { resolveMunicipality } from '../app/municipalityContext';
import { suggestedCadence } from '../domain/followup';
import { digestFor, remindersFor } from '../domain/reminders';
import { isSnoozed, snoozeSubject } from '../domain/snooze';
import type { Store } from '../store/store';
import type { StaffRow } from '../store/types';
import { cardActivity } from '../cards/render';
import { localeFrom } from '../i18n/locale';
import { TEXTS } from '../i18n/texts';
import { followUpListCard, reminderCard } from '../views/followUpCards';
import { PLANNING_PASSES, PassOptions, PassResult, PlanningPass } from './passes';
import { PassPlanner } from './passKit';
import { outboxKeys } from '../outbox/keys';

export interface PlanResult {
  municipality: string;
  planned: number;
  alreadyPlanned: number;
  /** Passes that threw: the others still ran, and the failed one is tried again next tick. */
  failures: string[];
}

/**
 * One planning pass for one municipality at `now`: every reminder due today goes into the outbox
 * under its unique key, so running the pass again (or on another instance) plans nothing twice.
 * A recipient whose working day is over gets nothing more today; tomorrow's pass takes over.
 */
export const planMunicipality: PlanningPass = async (store, m, now) => {
  const p = PassPlanner.for(store, m, now);
  const { t, today } = p;
  const deadlines = await openDeadlines(t, m.policy, { today });
  const staff = new Map((await t.staff.list()).map((s) => [s.id, s]));
  const snoozed = new Map(
    (await t.snoozes.active(today)).map((z) => [`${z.staff_id}|${z.subject}`, z.until]),
  );
  const policy = {
    daysBefore: m.settings.reminderDaysBefore,
    escalateAfterWorkingDays: m.settings.escalateAfterWorkingDays,
  };

  for (const d of deadlines) {
    for (const r of remindersFor(d, today, policy)) {
      const recipient = staff.get(r.recipientId);
      if (!recipient?.active) continue;
      // Digest users get one overview a day instead (planDigests); escalations always go singly.
      if (r.kind !== 'escalation' && recipient.reminder_mode === 'digest') continue;
      // A snooze silences the adviser's own reminders, never the leader's escalation.
      if (r.kind !== 'escalation' && isSnoozed(snoozed.get(`${recipient.id}|${snoozeSubject(d)}`), today))
        continue;
      const notBefore = p.openWindow(recipient);
      if (!notBefore) continue;
      const locale = localeFrom(null, recipient.locale);
      const card = reminderCard({
        kind: r.kind,
        deadline: d,
        municipality: m,
        locale,
        today,
        adviserName: r.kind === 'escalation' ? staff.get(d.adviserId)?.name : undefined,
        suggestedCadence: d.first ? suggestedCadence(d.measureType, m.policy) : undefined,
      });
      await p.enqueue(
        outboxKeys.reminder(r, today),
        `followup.${r.kind}`,
        { staffId: recipient.id },
        { activity: cardActivity(card, TEXTS[locale].followUps[`${r.kind}Title`]) },
        notBefore,
      );
    }
  }
  await planDigests(p, deadlines, staff);
  return p.result;
};

async function planDigests(p: PassPlanner, deadlines: MeasureDeadline[], staff: Map<string, StaffRow>) {
  const { m, today } = p;
  const policy = {
    daysBefore: m.settings.reminderDaysBefore,
    escalateAfterWorkingDays: m.settings.escalateAfterWorkingDays,
  };
  for (const s of staff.values()) {
    if (s.reminder_mode !== 'digest' || !s.active || !s.roles.includes('adviser')) continue;
    const entries = digestFor(
      deadlines.filter((d) => d.adviserId === s.id),
      today,
      policy,
    );
    if (entries.length === 0) continue;
    const notBefore = p.openWindow(s);
    if (!notBefore) continue;
    const locale = localeFrom(null, s.locale);
    const card = followUpListCard(
      entries.map((e) => e.deadline as MeasureDeadline),
      locale,
      today,
      TEXTS[locale].followUps.digestTitle,
    );
    await p.enqueue(
      outboxKeys.digest(s.id, today),
      'followup.digest',
      { staffId: s.id },
      { activity: cardActivity(card, TEXTS[locale].followUps.digestTitle) },
      notBefore,
    );
  }
}

/**
 * Every municipality, every pass. A pass that throws (one bad row, a bug in one feature) is recorded
 * and skipped, so it cannot hold back the other passes' reminders or another municipality's.
 */
export async function planAll(
  store: Store,
  now: Date,
  passes: readonly PlanningPass[] = PLANNING_PASSES,
  opts: PassOptions = {},
): Promise<PlanResult[]> {
  const out: PlanResult[] = [];
  for (const row of await store.municipalities.list()) {
    const result: PlanResult = { municipality: row.id, planned: 0, alreadyPlanned: 0, failures: [] };
    const run = async (name: string, pass: () => Promise<PassResult>) => {
      try {
        const r = await pass();
        result.planned += r.planned;
        result.alreadyPlanned += r.alreadyPlanned;
      } catch (err) {
        result.failures.push(`${name}: ${(err as Error)?.message ?? String(err)}`);
      }
    };
    try {
      const m = resolveMunicipality(row);
      await run('follow-up reminders', () => planMunicipality(store, m, now));
      for (const pass of passes) await run(pass.name || 'pass', () => pass(store, m, now, opts));
    } catch (err) {
      result.failures.push(`settings: ${(err as Error).message}`);
    }
    out.push(result);
  }
  return out;
}
