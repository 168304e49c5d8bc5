import { nextFollowUpDue } from '../domain/followup';
import type { LocalDate } from '../domain/localDate';
import type { TenantStore } from '../store/store';
import type { FollowUpInput } from '../store/measuresRepo';
import type { MeasureRow } from '../store/types';
import { deadlineSubject } from '../outbox/keys';
import type { ImportEnv, Parsed } from './importer';

type Outcome = { line: number; created?: boolean; error?: { field?: string; message: string } };

/**
 * A follow-up file applied set-based (docs/performance.md): its cases, their measures and the
 * follow-ups already held are read in three queries, each row is judged in memory (in held-on order,
 * so each due date counts from the follow-up before it), and the rows are written in multi-row
 * statements. Every row is still judged on its own; the caller rolls back if any failed.
 */
export async function applyFollowUps(
  t: TenantStore,
  env: ImportEnv,
  parsed: Parsed<'followups'>[],
): Promise<Outcome[]> {
  const rows = [...parsed].sort((a, b) => a.row.held_on.localeCompare(b.row.held_on));
  const cases = new Map(
    (await t.cases.idsByRefs([...new Set(rows.map((r) => r.row.case_ref))])).map((c) => [c.case_ref, c]),
  );
  const measures = await t.measures.ofCases([...cases.values()].map((c) => c.id));
  const held = new Map<string, LocalDate[]>(measures.map((m) => [m.id, []]));
  for (const f of await t.measures.heldOf(measures.map((m) => m.id))) held.get(f.measure_id)!.push(f.held_on);
  // Newest start first, so the first match is the measure running on a date.
  const byCaseType = new Map<string, MeasureRow[]>();
  for (const m of [...measures].sort((a, b) => b.start.localeCompare(a.start))) {
    const key = `${m.case_id}|${m.measure_type}`;
    byCaseType.set(key, [...(byCaseType.get(key) ?? []), m]);
  }

  // The latest follow-up each measure had before this file: a row after it meets the open deadline.
  const latestBefore = new Map<string, LocalDate>();
  for (const [id, dates] of held)
    if (dates.length)
      latestBefore.set(
        id,
        dates.reduce((a, b) => (a > b ? a : b)),
      );
  const met = new Set<string>();

  const out: Outcome[] = [];
  const writes = new Map<string, FollowUpInput>();
  for (const { line, row: r } of rows) {
    const fail = (field: string, message: string) => out.push({ line, error: { field, message } });
    if (r.held_on > env.today) {
      fail('held_on', `is in the future (today is ${env.today})`);
      continue;
    }
    const c = cases.get(r.case_ref);
    if (!c) {
      fail('case_ref', `no case ${r.case_ref}`);
      continue;
    }
    if (r.measure_type === 'investigation') {
      fail('measure_type', 'an investigation has a deadline, not follow-ups');
      continue;
    }
    const m = byCaseType.get(`${c.id}|${r.measure_type}`)?.find((x) => x.start <= r.held_on);
    // A follow-up reviews a running measure: one dated outside the measure's period is a wrong row.
    if (!m) {
      fail('held_on', `is before case ${r.case_ref}'s first ${r.measure_type} measure started`);
      continue;
    }
    if (m.end !== null && r.held_on > m.end) {
      fail('held_on', `is after case ${r.case_ref}'s ${r.measure_type} measure ended (${m.end})`);
      continue;
    }
    const dates = held.get(m.id)!;
    const next = nextFollowUpDue({
      measureType: m.measure_type,
      start: m.start,
      end: null,
      held: dates.filter((d) => d < r.held_on),
      policy: env.policy,
      cadence: m.cadence,
    });
    const key = `${m.id}|${r.held_on}`;
    const known = dates.includes(r.held_on);
    if (!known) dates.push(r.held_on);
    writes.set(key, {
      measureId: m.id,
      heldOn: r.held_on,
      dueOn: next?.due ?? null,
      childConversation: r.child_conversation,
    });
    const latest = latestBefore.get(m.id);
    if (!known && next && (!latest || r.held_on > latest))
      met.add(deadlineSubject({ kind: 'followup', measureId: m.id, due: next.due }));
    out.push({ line, created: !known });
  }
  if (out.some((o) => o.error)) return out;
  await t.measures.addFollowUps([...writes.values()]);
  // As a card registration does (src/app/heldFollowUp.ts): the reminders about a deadline that a
  // held follow-up met are not sent.
  await t.outbox.cancelSubjects([...met]);
  return out;
}
