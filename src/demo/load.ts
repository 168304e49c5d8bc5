import { Store } from '../store/store';
import { defaultSettings } from '../domain/municipality';
import { LocalDate } from '../domain/localDate';
import { loadMunicipality } from '../app/municipalityContext';
import { runImport, formatImportResult } from '../import/importer';
import { ImportKind } from '../import/schemas';
import { DEMO_MUNICIPALITY, generateDemo } from './generate';
import { loadDemoMeetings } from './loadMeetings';

export interface DemoLoadResult {
  loaded: boolean;
  lines: string[];
}

/**
 * Loads the demo through the same importer an admin uses, so the demo also proves the import path.
 * Loading twice changes nothing: an existing demo municipality is left as it is.
 */
export async function loadDemo(store: Store, today: LocalDate): Promise<DemoLoadResult> {
  if (await store.municipalities.get(DEMO_MUNICIPALITY.id)) {
    return { loaded: false, lines: [`The demo municipality "${DEMO_MUNICIPALITY.id}" is already loaded.`] };
  }
  await store.municipalities.create({
    id: DEMO_MUNICIPALITY.id,
    name: DEMO_MUNICIPALITY.name,
    tenant_id: null,
    settings: defaultSettings(DEMO_MUNICIPALITY.preset),
  });
  const m = await loadMunicipality(store, DEMO_MUNICIPALITY.id);
  const data = generateDemo(today, m.policy);
  const lines = [`Loading ${DEMO_MUNICIPALITY.name} (fictional) as of ${today}:`];
  const order = [
    'staff',
    'teams',
    'cases',
    'ladder',
    'measures',
    'followups',
  ] as const satisfies readonly ImportKind[];
  for (const kind of order) {
    const rows = data[kind].map((values, i) => ({ line: i + 2, values }));
    const result = await runImport(
      store,
      { municipalityId: DEMO_MUNICIPALITY.id, actor: 'demo' },
      { ladderMaxStep: m.ladder.steps.length, policy: m.policy, today },
      kind,
      rows,
      { dryRun: false },
    );
    if (!result.applied) {
      await store.municipalities.delete(DEMO_MUNICIPALITY.id);
      throw new Error(`The demo data did not import: ${formatImportResult(result)}`);
    }
    lines.push(`  ${formatImportResult(result)}`);
  }
  try {
    lines.push(`  ${await loadDemoMeetings(store, DEMO_MUNICIPALITY.id, today, m.settings.timeZone)}`);
  } catch (err) {
    await store.municipalities.delete(DEMO_MUNICIPALITY.id);
    throw err;
  }
  return { loaded: true, lines };
}
