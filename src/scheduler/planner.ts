import { openDeadlines, MeasureDeadline } from '../app/deadlines';
import { MunicipalityContext, resolveMunicipality } from '../app/municipalityContext';
import {
  localDateOf,
  localTimeOf,
  zonedInstant,
  DEFAULT_WORKING_HOURS,
  WorkingHours,
} from '../domain/calendar';
import { suggestedCadence } from '../domain/followup';
import { digestFor, remindersFor } from '../domain/reminders';
import type { Store } from '../store/store';
import type { StaffRow } from '../store/types';
import { cardActivity } from '../cards/render';
import { localeFrom } from '../i18n/locale';
import { TEXTS } from '../i18n/texts';
import { followUpListCard, reminderCard } from '../teams/views/followUpCards';
import { PLANNING_PASSES, PlanningPass } from './passes';

export interface PlanResult {
  municipality: string;
  planned: number;
  alreadyPlanned: number;
  /** Passes that threw: the others still ran, and the failed one is tried again next tick. */
  failures: string[];
}

export function workingHoursOf(staff: StaffRow | null | undefined, m: MunicipalityContext): WorkingHours {
  const base = m.settings.workingHours ?? DEFAULT_WORKING_HOURS;
  return { start: staff?.working_start ?? base.start, end: staff?.working_end ?? base.end };
}

/**
 * One planning pass for one municipality at `now`: every reminder due today goes into the outbox
 * under its unique key, so running the pass again (or on another instance) plans nothing twice.
 * A recipient whose working day is over gets nothing more today; tomorrow's pass takes over.
 */
export async function planMunicipality(store: Store, m: MunicipalityContext, now: Date): Promise<PlanResult> {
  const tz = m.settings.timeZone;
  const today = localDateOf(now, tz);
  const t = store.tenant({ municipalityId: m.id, actor: 'scheduler' });
  const deadlines = await openDeadlines(t, m.policy, { today });
  const staff = new Map((await t.staff.list()).map((s) => [s.id, s]));
  const policy = {
    daysBefore: m.settings.reminderDaysBefore,
    escalateAfterWorkingDays: m.settings.escalateAfterWorkingDays,
  };
  const result: PlanResult = { municipality: m.id, planned: 0, alreadyPlanned: 0, failures: [] };

  const openWindow = (s: StaffRow | undefined): Date | null => {
    const hours = workingHoursOf(s, m);
    if (localTimeOf(now, tz) >= hours.end) return null;
    const start = zonedInstant(today, hours.start, tz);
    return start > now ? start : now;
  };
  const enqueue = async (
    key: string,
    kind: string,
    recipient: StaffRow,
    activity: Record<string, unknown>,
    notBefore: Date,
  ) => {
    const fresh = await t.outbox.enqueue({
      dedupeKey: key,
      kind,
      recipientStaffId: recipient.id,
      payload: { activity },
      notBefore,
    });
    if (fresh) result.planned++;
    else result.alreadyPlanned++;
  };

  for (const d of deadlines) {
    for (const r of remindersFor(d, today, policy)) {
      const recipient = staff.get(r.recipientId);
      if (!recipient?.active) continue;
      // Digest users get one overview a day instead (planDigests); escalations always go singly.
      if (r.kind !== 'escalation' && recipient.reminder_mode === 'digest') continue;
      const notBefore = openWindow(recipient);
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
      await enqueue(
        r.key,
        `followup.${r.kind}`,
        recipient,
        cardActivity(card, TEXTS[locale].followUps[`${r.kind}Title`]),
        notBefore,
      );
    }
  }
  await planDigests(m, today, deadlines, staff, openWindow, enqueue);
  return result;
}

async function planDigests(
  m: MunicipalityContext,
  today: string,
  deadlines: MeasureDeadline[],
  staff: Map<string, StaffRow>,
  openWindow: (s: StaffRow | undefined) => Date | null,
  enqueue: (
    key: string,
    kind: string,
    recipient: StaffRow,
    activity: Record<string, unknown>,
    notBefore: Date,
  ) => Promise<void>,
) {
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
    const notBefore = openWindow(s);
    if (!notBefore) continue;
    const locale = localeFrom(null, s.locale);
    const card = followUpListCard(
      entries.map((e) => e.deadline as MeasureDeadline),
      locale,
      today,
      TEXTS[locale].followUps.digestTitle,
    );
    await enqueue(
      `digest:${s.id}:${today}`,
      'followup.digest',
      s,
      cardActivity(card, TEXTS[locale].followUps.digestTitle),
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
): Promise<PlanResult[]> {
  const out: PlanResult[] = [];
  for (const row of await store.municipalities.list()) {
    const result: PlanResult = { municipality: row.id, planned: 0, alreadyPlanned: 0, failures: [] };
    const run = async (name: string, pass: () => Promise<Pick<PlanResult, 'planned' | 'alreadyPlanned'>>) => {
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
      for (const pass of passes) await run(pass.name || 'pass', () => pass(store, m, now));
    } catch (err) {
      result.failures.push(`settings: ${(err as Error).message}`);
    }
    out.push(result);
  }
  return out;
}
