import { localDateOf, zonedInstant } from '../domain/calendar';
import { isLocalDate, type LocalDate } from '../domain/localDate';
import type { Store } from '../store/store';
import type { RetentionCounts } from '../store/retentionRepo';
import type { MunicipalityContext } from './municipalityContext';

export interface RetentionRun {
  municipality: string;
  retentionYears: number;
  /** Everything closed or held before this day goes. */
  cutoff: LocalDate;
  auditRetentionYears: number;
  /** Audit entries written before this day go (the run's own entry is written after). */
  auditCutoff: LocalDate;
  counts: RetentionCounts;
  dryRun: boolean;
}

class DryRun extends Error {}

/** The first day still kept: today less the municipality's retention period. */
export function retentionCutoff(today: LocalDate, years: number): LocalDate {
  const same = `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}${today.slice(4)}`;
  // 29 February of a leap year: the same day years back may not exist; the day before does.
  return isLocalDate(same) ? same : `${same.slice(0, 8)}28`;
}

/**
 * Deletes what `retentionYears` no longer allows (databeskyttelsesforordningen art. 5(1)(e): kept no
 * longer than needed), and audit entries older than `auditRetentionYears`. A dry run deletes inside a transaction and rolls back, so what it reports
 * is exactly what the real run deletes. The real run writes one audit entry with the counts.
 */
export async function runRetention(
  store: Store,
  m: MunicipalityContext,
  now: Date,
  opts: { dryRun: boolean; actor: string },
): Promise<RetentionRun> {
  const today = localDateOf(now, m.settings.timeZone);
  const cutoff = retentionCutoff(today, m.settings.retentionYears);
  const auditCutoff = retentionCutoff(today, m.settings.auditRetentionYears);
  const run = {
    municipality: m.id,
    retentionYears: m.settings.retentionYears,
    cutoff,
    auditRetentionYears: m.settings.auditRetentionYears,
    auditCutoff,
    dryRun: opts.dryRun,
  };
  let counts: RetentionCounts | null = null;
  try {
    await store.inTransaction({ municipalityId: m.id, actor: opts.actor }, async (t) => {
      const data = await t.retention.deleteBefore(cutoff, zonedInstant(cutoff, '00:00', m.settings.timeZone));
      const auditEntries = await t.retention.deleteAuditBefore(
        zonedInstant(auditCutoff, '00:00', m.settings.timeZone),
      );
      counts = { ...data, auditEntries };
      if (opts.dryRun) throw new DryRun();
      await t.audit.write('delete', 'retention', null, {
        cutoff,
        retentionYears: m.settings.retentionYears,
        auditCutoff,
        auditRetentionYears: m.settings.auditRetentionYears,
        counts,
      });
    });
  } catch (err) {
    if (!(err instanceof DryRun)) throw err;
  }
  return { ...run, counts: counts! };
}

const LABELS: Record<keyof RetentionCounts, string> = {
  cases: 'closed cases',
  measures: 'measures',
  followups: 'follow-ups',
  ladderHistory: 'ladder steps',
  snoozes: 'snoozes',
  meetings: 'meetings',
  participants: 'meeting participants',
  minutes: 'minutes',
  agreements: 'agreements',
  questionnaireResponses: 'questionnaire answers',
  outbox: 'outbox messages',
  auditEntries: 'audit entries',
};

export function formatRetention(r: RetentionRun): string {
  const parts = (Object.keys(LABELS) as (keyof RetentionCounts)[]).map((k) => `${r.counts[k]} ${LABELS[k]}`);
  const verb = r.dryRun ? 'would be deleted (dry run: nothing was changed)' : 'deleted';
  const kept = `kept from ${r.cutoff} (${r.retentionYears} years), audit entries from ${r.auditCutoff} (${r.auditRetentionYears} years)`;
  return `${r.municipality}: ${kept}; ${parts.join(', ')} ${verb}.`;
}
