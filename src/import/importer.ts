import { ZodError } from 'zod';
import type { FollowUpPolicy } from '../domain/policy';
import type { LocalDate } from '../domain/localDate';
import type { Store, TenantStore } from '../store/store';
import type { TenantContext } from '../store/types';
import type { MunicipalityContext } from '../app/municipalityContext';
import { localDateOf } from '../domain/calendar';
import { looksLikeCpr, redactCpr } from '../domain/cpr';
import { isStorableText } from '../domain/text';
import { isLocalDate } from '../domain/localDate';
import { cprIssues, implausibleDate } from './fields';
import { SourceRow } from './read';
import { ImportKind, ImportRow, ROW_KEYS, rowKey, rowSchemas } from './schemas';
import { applyRow, linkLeaders } from './apply';
import { applyFollowUps } from './followUpBatch';

export interface ImportError {
  line: number;
  field?: string;
  message: string;
}

export interface ImportResult {
  kind: ImportKind;
  rows: number;
  created: number;
  updated: number;
  errors: ImportError[];
  dryRun: boolean;
  /** True only when the rows were written (no errors, not a dry run). */
  applied: boolean;
}

/** What an import needs to know about the municipality to judge a row. */
export interface ImportEnv {
  ladderMaxStep: number;
  policy: FollowUpPolicy;
  /** The day the import runs: a follow-up cannot be held after it, ladder moves are dated by it. */
  today: LocalDate;
}

export type Parsed<K extends ImportKind> = { line: number; row: ImportRow<K> };

/** The import environment of a municipality at an instant (its ladder, policy and local day). */
export function importEnvOf(m: MunicipalityContext, now: Date): ImportEnv {
  return {
    ladderMaxStep: m.ladder.steps.length,
    policy: m.policy,
    today: localDateOf(now, m.settings.timeZone),
  };
}

class Rollback extends Error {}

/** The tables each import kind writes, analysed after it commits. */
const IMPORT_TABLES: Record<ImportKind, string> = {
  staff: 'staff, units',
  teams: 'teams, team_members, institutions',
  cases: 'cases',
  measures: 'measures',
  followups: 'followups, measures',
  ladder: 'ladder_steps',
};

/**
 * Every check that needs no database, row by row: what the reader could not read, CPR numbers (before
 * anything else, so no later message can quote one), the row schema, implausible dates, and a key
 * already used by an earlier row of the same file.
 */
export function validate<K extends ImportKind>(
  kind: K,
  rows: SourceRow[],
  today: LocalDate,
): { parsed: Parsed<K>[]; errors: ImportError[] } {
  const parsed: Parsed<K>[] = [];
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  for (const src of rows) {
    const cpr = cprIssues(src.values);
    const unstorable = Object.entries(src.values)
      .filter(([k, v]) => !isStorableText(k) || !isStorableText(v))
      .map(([field]) => ({
        field,
        message: 'holds a character that is not text (a NUL or a broken character)',
      }));
    const problems = [...(src.problems ?? []), ...cpr, ...unstorable];
    if (problems.length) {
      // A column name can itself be a CPR number; the field is named without it.
      errors.push(
        ...problems.map((c) => ({ line: src.line, field: safeField(c.field), message: c.message })),
      );
      continue;
    }
    const res = rowSchemas[kind].safeParse(src.values);
    if (!res.success) {
      errors.push(...zodErrors(src.line, res.error));
      continue;
    }
    const row = res.data as Record<string, unknown>;
    const dates = Object.entries(row).flatMap(([field, v]) => {
      const why = typeof v === 'string' && isLocalDate(v) ? implausibleDate(v, today) : null;
      return why ? [{ line: src.line, field, message: why }] : [];
    });
    if (dates.length) {
      errors.push(...dates);
      continue;
    }
    const key = rowKey(kind, row);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        line: src.line,
        field: ROW_KEYS[kind].join('+'),
        message: `repeats line ${first} (the same ${ROW_KEYS[kind].join(', ')}); each may appear once per file`,
      });
      continue;
    }
    seen.set(key, src.line);
    parsed.push({ line: src.line, row: row as ImportRow<K> });
  }
  return { parsed, errors };
}

function safeField(field: string): string {
  if (!isStorableText(field)) return '(a column with a broken name)';
  return looksLikeCpr(field) ? '(a column named like a CPR number)' : field;
}

function zodErrors(line: number, err: ZodError): ImportError[] {
  return err.issues.map((i) => ({
    line,
    field: i.path.join('.') || undefined,
    message: redactCpr(i.message === 'Required' ? 'is missing' : i.message),
  }));
}

/**
 * Validates every row, then applies them in one transaction. A file with any bad row imports
 * nothing; a dry run applies everything and rolls back, so it reports exactly what would change.
 */
export async function runImport(
  store: Store,
  ctx: TenantContext,
  env: ImportEnv,
  kind: ImportKind,
  rows: SourceRow[],
  opts: { dryRun: boolean },
): Promise<ImportResult> {
  const result: ImportResult = {
    kind,
    rows: rows.length,
    created: 0,
    updated: 0,
    errors: [],
    dryRun: opts.dryRun,
    applied: false,
  };
  const { parsed, errors } = validate(kind, rows, env.today);
  if (errors.length) return { ...result, errors: sortErrors(errors) };
  try {
    await store.inTransaction(ctx, async (t: TenantStore) => {
      for (const outcome of await applyRows(t, env, kind, parsed)) {
        if ('error' in outcome && outcome.error) result.errors.push({ line: outcome.line, ...outcome.error });
        else if ('created' in outcome && outcome.created) result.created++;
        else result.updated++;
      }
      if (result.errors.length || opts.dryRun) throw new Rollback();
    });
    result.applied = true;
    // Keep the planner's statistics true after a bulk change (PGlite has no autovacuum to do it).
    await store.engine.query(`ANALYZE ${IMPORT_TABLES[kind]}`);
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  result.errors = sortErrors(result.errors);
  return result;
}

async function applyRows(t: TenantStore, env: ImportEnv, kind: ImportKind, parsed: Parsed<ImportKind>[]) {
  if (kind === 'followups') return applyFollowUps(t, env, parsed as Parsed<'followups'>[]);
  const out: { line: number; created?: boolean; error?: { field?: string; message: string } }[] = [];
  for (const p of parsed) out.push({ line: p.line, ...(await applyRow(t, env, kind, p.row)) });
  if (kind === 'staff') out.push(...(await linkLeaders(t, parsed as Parsed<'staff'>[])));
  return out;
}

function sortErrors(errors: ImportError[]): ImportError[] {
  return [...errors].sort((a, b) => a.line - b.line);
}

export function formatImportResult(r: ImportResult): string {
  if (r.errors.length) {
    const bad = new Set(r.errors.map((e) => e.line)).size;
    // Redacted once more as it leaves: an apply-layer message may quote a value (an unknown e-mail).
    const lines = r.errors.map((e) =>
      redactCpr(`  line ${e.line}: ${e.field ? `${e.field} ` : ''}${e.message}`),
    );
    return [`${bad} of ${r.rows} ${r.kind} rows have errors; nothing was imported.`, ...lines].join('\n');
  }
  const what = `${r.rows} ${r.kind} rows (${r.created} new, ${r.updated} updated)`;
  return r.dryRun ? `Dry run: ${what} would be imported. Nothing was changed.` : `Imported ${what}.`;
}
