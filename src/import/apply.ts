import { institutionTypeFromKey } from '../domain/institutions';
import type { TenantStore } from '../store/store';
import type { ImportEnv } from './importer';
import { ImportKind, ImportRow } from './schemas';
import { applyFollowUps } from './followUpBatch';

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
    case 'ladder':
      return applyLadderStep(t, env, row as ImportRow<'ladder'>);
    case 'measures':
      return applyMeasure(t, row as ImportRow<'measures'>);
    case 'followups': {
      // One way to apply follow-ups: the set-based batch, here with a batch of one.
      const [outcome] = await applyFollowUps(t, env, [{ line: 0, row: row as ImportRow<'followups'> }]);
      return { created: outcome!.created, error: outcome!.error };
    }
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

const stepProblem = (step: number | null, env: ImportEnv): Outcome | null =>
  step !== null && (step < 1 || step > env.ladderMaxStep)
    ? fail('ladder_step', `must be between 1 and ${env.ladderMaxStep} (the municipality's ladder)`)
    : null;

/** A new case's step is dated from its opening, a changed step of a known case from the import day. */
async function applyCase(t: TenantStore, env: ImportEnv, r: ImportRow<'cases'>): Promise<Outcome> {
  const adviser = await t.staff.byEmail(r.adviser_email);
  if (!adviser) return fail('adviser_email', `${r.adviser_email} is not in the staff list`);
  if (!adviser.roles.includes('adviser'))
    return fail('adviser_email', `${r.adviser_email} does not have the adviser role`);
  const bad = stepProblem(r.ladder_step, env);
  if (bad) return bad;
  if (r.closed && r.closed > env.today) return fail('closed', `is in the future (today is ${env.today})`);
  const existing = await t.cases.byRef(r.case_ref);
  const res = await t.cases.upsert(
    {
      caseRef: r.case_ref,
      adviserId: adviser.id,
      opened: r.opened,
      ladderStep: r.ladder_step,
      childInitials: r.child_initials,
      closed: r.closed,
    },
    existing ? env.today : r.opened,
  );
  return { created: res.inserted };
}

/** One dated step of a child's ladder history (seed 002 §3.2); an empty step is "off the ladder". */
async function applyLadderStep(t: TenantStore, env: ImportEnv, r: ImportRow<'ladder'>): Promise<Outcome> {
  const bad = stepProblem(r.ladder_step, env);
  if (bad) return bad;
  if (r.from > env.today) return fail('from', `is in the future (today is ${env.today})`);
  const c = await t.cases.byRef(r.case_ref);
  if (!c) return fail('case_ref', `no case ${r.case_ref}`);
  if (r.from < c.opened) return fail('from', `is before the case was opened (${c.opened})`);
  const created = !(await t.cases.steps(c.id)).some((s) => s.from_date === r.from);
  await t.cases.setStep(c.id, r.ladder_step, r.from);
  return { created };
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
