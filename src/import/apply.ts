import { institutionTypeFromKey } from '../domain/institutions';
import { nextFollowUpDue } from '../domain/followup';
import type { TenantStore } from '../store/store';
import { recordHeldFollowUp } from '../app/heldFollowUp';
import type { ImportEnv } from './importer';
import { ImportKind, ImportRow } from './schemas';

type Outcome = { created?: boolean; error?: { field?: string; message: string } };
const fail = (field: string, message: string): Outcome => ({ error: { field, message } });

/** Applies one validated row inside the import transaction; references are checked, never assumed. */
export async function applyRow(
  t: TenantStore,
  env: ImportEnv,
  kind: ImportKind,
  row: unknown,
): Promise<Outcome> {
  switch (kind) {
    case 'staff':
      return applyStaff(t, row as ImportRow<'staff'>);
    case 'teams':
      return applyTeam(t, row as ImportRow<'teams'>);
    case 'cases':
      return applyCase(t, env, row as ImportRow<'cases'>);
    case 'measures':
      return applyMeasure(t, row as ImportRow<'measures'>);
    case 'followups':
      return applyFollowUp(t, env, row as ImportRow<'followups'>);
  }
}

async function applyStaff(t: TenantStore, r: ImportRow<'staff'>): Promise<Outcome> {
  const unitId = r.unit ? await t.organisation.ensureUnit(r.unit) : null;
  const res = await t.staff.upsert({
    email: r.email,
    name: r.name,
    roles: r.roles,
    profession: r.profession,
    unitId,
  });
  return { created: res.inserted };
}

/** A leader may be a later row of the same file, so leaders are linked once every row exists. */
export async function linkLeaders(t: TenantStore, rows: { line: number; row: ImportRow<'staff'> }[]) {
  const problems: { line: number; error: { field: string; message: string } }[] = [];
  for (const { line, row } of rows) {
    if (!row.leader_email) continue;
    const [self, leader] = [await t.staff.byEmail(row.email), await t.staff.byEmail(row.leader_email)];
    if (!leader) {
      problems.push({
        line,
        error: { field: 'leader_email', message: `${row.leader_email} is not in the staff list` },
      });
    } else await t.staff.setLeader(self!.id, leader.id);
  }
  return problems;
}

async function applyTeam(t: TenantStore, r: ImportRow<'teams'>): Promise<Outcome> {
  const coordinator = await t.staff.byEmail(r.coordinator_email);
  if (!coordinator) return fail('coordinator_email', `${r.coordinator_email} is not in the staff list`);
  const memberIds: string[] = [];
  for (const e of r.members) {
    const m = await t.staff.byEmail(e);
    if (!m) return fail('members', `${e} is not in the staff list`);
    memberIds.push(m.id);
  }
  const inst = await t.organisation.upsertInstitution(
    r.institution,
    institutionTypeFromKey(r.institution_type),
    r.district,
  );
  const team = await t.organisation.upsertTeam(r.team, r.district, inst.id);
  const members = [
    { staffId: coordinator.id, coordinator: true },
    ...memberIds.filter((id) => id !== coordinator.id).map((staffId) => ({ staffId, coordinator: false })),
  ];
  await t.organisation.setTeamMembers(team.id, members);
  return { created: team.inserted };
}

async function applyCase(t: TenantStore, env: ImportEnv, r: ImportRow<'cases'>): Promise<Outcome> {
  const adviser = await t.staff.byEmail(r.adviser_email);
  if (!adviser) return fail('adviser_email', `${r.adviser_email} is not in the staff list`);
  if (!adviser.roles.includes('adviser'))
    return fail('adviser_email', `${r.adviser_email} does not have the adviser role`);
  if (r.ladder_step !== null && (r.ladder_step < 1 || r.ladder_step > env.ladderMaxStep)) {
    return fail('ladder_step', `must be between 1 and ${env.ladderMaxStep} (the municipality's ladder)`);
  }
  const existing = await t.cases.byRef(r.case_ref);
  const res = await t.cases.upsert(
    {
      caseRef: r.case_ref,
      adviserId: adviser.id,
      opened: r.opened,
      ladderStep: r.ladder_step,
      childInitials: r.child_initials,
    },
    existing ? env.today : r.opened,
  );
  return { created: res.inserted };
}

async function applyMeasure(t: TenantStore, r: ImportRow<'measures'>): Promise<Outcome> {
  const c = await t.cases.byRef(r.case_ref);
  if (!c) return fail('case_ref', `no case ${r.case_ref}`);
  if (r.start < c.opened) return fail('start', `is before the case was opened (${c.opened})`);
  const res = await t.measures.upsert({
    caseId: c.id,
    measureType: r.measure_type,
    start: r.start,
    end: r.end,
  });
  return { created: res.inserted };
}

async function applyFollowUp(t: TenantStore, env: ImportEnv, r: ImportRow<'followups'>): Promise<Outcome> {
  if (r.held_on > env.today) return fail('held_on', `is in the future (today is ${env.today})`);
  const c = await t.cases.byRef(r.case_ref);
  if (!c) return fail('case_ref', `no case ${r.case_ref}`);
  if (r.measure_type === 'investigation')
    return fail('measure_type', 'an investigation has a deadline, not follow-ups');
  const m = await t.measures.runningOn(c.id, r.measure_type, r.held_on);
  if (!m)
    return fail(
      'measure_type',
      `case ${r.case_ref} has no ${r.measure_type} measure running on ${r.held_on}`,
    );
  const before = (await t.measures.followUps(m.id)).map((f) => f.held_on).filter((d) => d < r.held_on);
  const next = nextFollowUpDue({
    measureType: m.measure_type,
    start: m.start,
    end: null,
    held: before,
    policy: env.policy,
    cadence: m.cadence,
  });
  // Recorded as a card registration is, so the reminders about the deadline it meets stop.
  const res = await recordHeldFollowUp(t, env.policy, env.today, {
    measureId: m.id,
    heldOn: r.held_on,
    dueOn: next?.due ?? null,
    childConversation: r.child_conversation,
  });
  return { created: res.inserted };
}
