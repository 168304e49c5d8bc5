import { Command } from '../command';
import { parseCommandArgs } from '../args';
import { UsageError } from '../context';
import { withStore } from '../storeAccess';
import { defaultSettings, MunicipalityPreset, MUNICIPALITY_PRESETS } from '../../domain/municipality';

export const municipality: Command = {
  usage: 'municipality add ID --name NAME [--preset P] [--tenant ID] | list',
  summary: 'set up a municipality (a Teams tenant) or list them',
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      name: { type: 'string' },
      preset: { type: 'string', default: 'herning' },
      tenant: { type: 'string' },
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
    if (action !== 'add' || !id || !values.name) throw new UsageError('Give "add ID --name NAME" or "list".');
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
