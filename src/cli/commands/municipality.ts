import { Command } from '../command';
import { parseCommandArgs } from '../args';
import { UsageError } from '../context';
import { withStore } from '../storeAccess';
import fs from 'node:fs';
import {
  defaultSettings,
  MunicipalityPreset,
  MUNICIPALITY_PRESETS,
  municipalitySettingsSchema,
  strictMunicipalitySettingsSchema,
} from '../../domain/municipality';
import type { Store } from '../../store/store';
import type { CliContext } from '../context';

/**
 * Prints a municipality's settings as JSON, or merges a JSON file over them (school holidays,
 * reminder days, working hours, questionnaire timing …). The whole result is validated first, so a
 * bad value changes nothing and the message names the setting.
 */
async function settings(store: Store, ctx: CliContext, id: string, file: string | undefined) {
  const row = await store.municipalities.get(id);
  if (!row) throw new UsageError(`No municipality "${id}".`);
  if (file === undefined) {
    ctx.out(JSON.stringify(municipalitySettingsSchema.parse(row.settings ?? {}), null, 2));
    return 0;
  }
  let patch: unknown;
  try {
    patch = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`${file}: not a readable JSON file (${(err as Error).message}).`);
  }
  if (!patch || typeof patch !== 'object' || Array.isArray(patch))
    throw new UsageError(`${file}: must hold a JSON object of settings.`);
  const parsed = strictMunicipalitySettingsSchema.safeParse({ ...row.settings, ...patch });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(settings)'}: ${i.message}`);
    throw new UsageError(`Settings not changed:\n${issues.join('\n')}`);
  }
  await store.municipalities.updateSettings(id, parsed.data);
  await store
    .tenant({ municipalityId: id, actor: 'cli:municipality' })
    .audit.write('update', 'municipality_settings', id, { keys: Object.keys(patch as object) });
  ctx.out(`Settings of ${id} updated: ${Object.keys(patch as object).join(', ')}.`);
  return 0;
}

export const municipality: Command = {
  usage: 'municipality add ID --name NAME [--preset P] [--tenant ID] | list | settings ID [--set FILE]',
  summary: "set up a municipality (a Teams tenant), list them, or show or change one's settings",
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      name: { type: 'string' },
      preset: { type: 'string', default: 'herning' },
      tenant: { type: 'string' },
      set: { type: 'string' },
    });
    const [action, id] = positionals;
    if (action === 'list') {
      return withStore(ctx, 'municipality', async (store) => {
        const rows = await store.municipalities.list();
        ctx.out(
          rows.length
            ? rows.map((m) => `${m.id}\t${m.name}\t${m.tenant_id ?? '(no tenant)'}`).join('\n')
            : '(none)',
        );
        return 0;
      });
    }
    if (action === 'settings') {
      if (!id) throw new UsageError('Give "settings ID [--set FILE]".');
      return withStore(ctx, 'municipality', (store) => settings(store, ctx, id, values.set));
    }
    if (action !== 'add' || !id || !values.name)
      throw new UsageError('Give "add ID --name NAME", "list" or "settings ID [--set FILE]".');
    if (!/^[a-z0-9-]{2,40}$/.test(id))
      throw new UsageError('The id must be 2–40 lower-case letters, digits or dashes.');
    const preset = values.preset as MunicipalityPreset;
    if (!MUNICIPALITY_PRESETS.includes(preset)) {
      throw new UsageError(`--preset must be one of ${MUNICIPALITY_PRESETS.join(', ')}.`);
    }
    return withStore(ctx, 'municipality', async (store) => {
      if (await store.municipalities.get(id)) throw new UsageError(`Municipality "${id}" already exists.`);
      await store.municipalities.create({
        id,
        name: values.name!,
        tenant_id: values.tenant ?? null,
        settings: defaultSettings(preset),
      });
      ctx.out(`Municipality ${id} (${values.name}) created with the ${preset} preset.`);
      return 0;
    });
  },
};
