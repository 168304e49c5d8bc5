import { deadlineOfMeasure, openDeadlines, MeasureDeadline } from '../app/deadlines';
import { resolveMunicipality } from '../app/municipalityContext';
import { isWorkingDay, nextWorkingDay } from '../domain/calendar';
import { digestFor, nextReminderDay, remindersFor, ReminderPolicy } from '../domain/reminders';
import { isSnoozed, snoozeSubject } from '../domain/snooze';
import type { Store } from '../store/store';
import type { MeasureToPlan, PlannedMeasure } from '../store/measuresRepo';
import type { StaffRow } from '../store/types';
import { cardActivity } from '../cards/render';
import { localeFrom } from '../i18n/locale';
import { TEXTS } from '../i18n/texts';
import { followUpListCard, reminderCard } from '../views/followUpCards';
import { PLANNING_PASSES, PassOptions, PassResult, PlanningPass } from './passes';
import { PassPlanner } from './passKit';
import { outboxKeys } from '../outbox/keys';
import { planEscalations } from './escalationSummary';

export interface PlanResult {
  municipality: string;
  planned: number;
  alreadyPlanned: number;
  /** Passes that threw: the others still ran, and the failed one is tried again next tick. */
  failures: string[];
}

type Message = Parameters<PassPlanner['enqueueMany']>[0][number];

/**
 * One planning pass for one municipality at `now`: every reminder due today goes into the outbox
 * under its unique key, so running the pass again (or on another instance) plans nothing twice.
 * A recipient whose working day is over gets nothing more today; tomorrow's pass takes over.
 *
 * It costs what is due, not what exists (docs/performance.md): it reads only the measures whose
 * `plan_on` day has come, inserts their reminders in set-based statements and moves each measure's
 * `plan_on` to the next day it has something new. It works in slices of a few hundred measures, each
 * in its own transaction holding the municipality's advisory lock (a second instance skips instead
 * of repeating it), and gives the event loop back between them: on the embedded store a transaction
 * holds the only connection, so a card press waits for one slice, never for the whole pass.
 */
export const planMunicipality: PlanningPass = async (store, m, now) => {
  const scope = { municipalityId: m.id, actor: 'scheduler' };
  const policy: ReminderPolicy = {
    daysBefore: m.settings.reminderDaysBefore,
    escalateAfterWorkingDays: m.settings.escalateAfterWorkingDays,
  };
  const total = { planned: 0, alreadyPlanned: 0 };
  const add = (r: PassResult) => {
    total.planned += r.planned;
    total.alreadyPlanned += r.alreadyPlanned;
  };
  let snoozed: Map<string, string> | null = null;
  // Escalations wait for the end of the pass: the leader may get one summary instead (escalationSummary.ts).
  const escalations: Escalations = { singles: new Map(), touched: new Set() };
  // A row whose write-back did not apply (a writer changed it meanwhile) is left to the next pass.
  const seen = new Set<string>();
  for (;;) {
    const slice = await store.inTransaction(scope, async (t) => {
      const p = new PassPlanner(t, m, now);
      if (!(await t.planning.tryLock())) return null;
      const rows = (await t.measures.toPlanSlice(p.today, SLICE)).filter((r) => !seen.has(r.id));
      if (rows.length === 0) {
        await p.enqueueMany(await planEscalations(p, escalations.singles, escalations.touched, policy));
        if (isWorkingDay(p.today) && (await t.planning.markOnce('digest', p.today)))
          await planDigests(p, policy);
        return { result: p.result, rows: 0 };
      }
      // Snoozes are read once a pass, and only when something is due.
      if (!snoozed) {
        snoozed = new Map();
        for (const z of await t.snoozes.active(p.today)) snoozed.set(`${z.staff_id}|${z.subject}`, z.until);
      }
      for (const r of rows) seen.add(r.id);
      await planDue(p, rows, policy, snoozed, escalations);
      return { result: p.result, rows: rows.length };
    });
    if (!slice) break;
    add(slice.result);
    if (slice.rows === 0) break;
    await yieldToLoop();
  }
  // After the pass, so it holds no lock for it.
  if (seen.size >= ANALYZE_AFTER_ROWS) await store.tenant(scope).measures.analyze();
  return total;
};

/**
 * Measures per slice: a few hundred rows keep each transaction, and each stretch of the event loop
 * (deadlines, cards, the insert's JSON), to a few milliseconds (docs/performance.md "A pass that
 * yields").
 */
const SLICE = 400;

/** A pass that moved this many rows (the one after an import, a morning) refreshes the statistics. */
const ANALYZE_AFTER_ROWS = 1_000;

/** A pass's escalations, held back for the leader's summary (escalationSummary.ts). */
interface Escalations {
  singles: Map<string, Message[]>;
  touched: Set<string>;
}

/** Lets waiting I/O (a card press, a send's answer) run before the next slice. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One slice of due measures: their reminders inserted, their next planning day written back. */
async function planDue(
  p: PassPlanner,
  rows: MeasureToPlan[],
  policy: ReminderPolicy,
  snoozed: ReadonlyMap<string, string>,
  escalations: Escalations,
): Promise<void> {
  const { t, m, today } = p;
  const people = new Set<string>();
  for (const r of rows) {
    if (r.adviser_id) people.add(r.adviser_id);
    if (r.leader_id) people.add(r.leader_id);
  }
  const staff = new Map((await t.staff.byIds([...people])).map((s) => [s.id, s]));
  const messages: Message[] = [];
  const planned: PlannedMeasure[] = [];
  for (const row of rows) {
    if (row.leader_id) escalations.touched.add(row.leader_id);
    const d = row.case_closed || !row.adviser_id ? null : deadlineOfMeasure(row, m.policy, today);
    if (!d) {
      // Nothing to remind until a write changes the measure or its case (which resets plan_on).
      planned.push({ id: row.id, rev: row.deadline_rev, nextDue: null, planOn: null });
      continue;
    }
    let complete = true;
    for (const r of remindersFor(d, today, policy)) {
      const recipient = staff.get(r.recipientId);
      if (!recipient?.active) continue;
      // Digest users get one overview a day instead (planDigests); escalations go to the leader either way.
      if (r.kind !== 'escalation' && recipient.reminder_mode === 'digest') continue;
      // A snooze silences the adviser's own reminders, never the leader's escalation.
      if (r.kind !== 'escalation' && isSnoozed(snoozed.get(`${recipient.id}|${snoozeSubject(d)}`), today))
        continue;
      const notBefore = p.openWindow(recipient);
      if (!notBefore) {
        complete = false; // the window has closed: tomorrow's pass catches up
        continue;
      }
      const locale = localeFrom(recipient.locale);
      const card = reminderCard({
        kind: r.kind,
        deadline: d,
        municipality: m,
        locale,
        today,
        adviserName: r.kind === 'escalation' ? staff.get(d.adviserId)?.name : undefined,
      });
      const message: Message = {
        key: outboxKeys.reminder(r, today),
        kind: `followup.${r.kind}`,
        to: { staffId: recipient.id },
        payload: { activity: cardActivity(card, TEXTS[locale].followUps[`${r.kind}Title`]) },
        notBefore,
      };
      // The leader hears of two or more at once in one summary (escalationSummary.ts).
      if (r.kind === 'escalation')
        escalations.singles.set(recipient.id, [...(escalations.singles.get(recipient.id) ?? []), message]);
      else messages.push(message);
    }
    planned.push({
      id: row.id,
      rev: row.deadline_rev,
      nextDue: d.due,
      planOn: nextLook(d.due, today, complete, policy),
    });
  }
  await p.enqueueMany(messages);
  await t.measures.setPlanned(planned);
}

/** The next day a pass must look at a deadline it has just planned for `today`. */
function nextLook(due: string, today: string, complete: boolean, policy: ReminderPolicy): string {
  const first = nextReminderDay(due, null, policy);
  if (first > today) return first; // nothing was due yet
  if (!complete || !isWorkingDay(today)) return nextWorkingDay(today);
  return nextReminderDay(due, today, policy);
}

/** Once a working day: each digest user's overview of everything due soon, due or overdue. */
async function planDigests(p: PassPlanner, policy: ReminderPolicy) {
  const { t, m, today } = p;
  const readers = (await t.staff.list()).filter(
    (s: StaffRow) => s.reminder_mode === 'digest' && s.active && s.roles.includes('adviser'),
  );
  for (const s of readers) {
    const notBefore = p.openWindow(s);
    if (!notBefore) continue;
    const deadlines = await openDeadlines(t, m.policy, { adviserId: s.id, today });
    const entries = digestFor(deadlines, today, policy);
    if (entries.length === 0) continue;
    const locale = localeFrom(s.locale);
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
