import fs from 'node:fs';
import { Command } from '../command';
import { parseCommandArgs } from '../args';
import { UsageError } from '../context';
import { resolveMunicipalityId, withStore } from '../storeAccess';
import { currentForm, formVersion, publishForm } from '../../app/questionnaireForms';
import { refusalText } from '../../i18n/problems';
import { FORM_IDS, type FormId } from '../../domain/questionnaires/form';

function formIdOf(v: string | undefined): FormId {
  if (!v || !(FORM_IDS as readonly string[]).includes(v)) {
    throw new UsageError(`Name a form: ${FORM_IDS.join(', ')}.`);
  }
  return v as FormId;
}

/**
 * The post-meeting questionnaires are versioned data (docs/domain-rules.md): an admin prints the form in use, edits
 * the JSON and publishes it as the municipality's next version; answers keep the version they were
 * given on.
 */
export const questionnaire: Command = {
  usage: 'questionnaire list | show FORM [--version N] | publish FILE [--municipality ID]',
  summary: 'list, print or publish a new version of the post-meeting questionnaires (theme, child)',
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      version: { type: 'string' },
      municipality: { type: 'string' },
    });
    const [action, arg] = positionals;
    if (action !== 'list' && action !== 'show' && action !== 'publish') {
      throw new UsageError('Give "list", "show FORM" or "publish FILE".');
    }
    let definition: unknown;
    if (action === 'publish') {
      if (!arg) throw new UsageError('Name the JSON file to publish.');
      try {
        definition = JSON.parse(fs.readFileSync(arg, 'utf8'));
      } catch (err) {
        throw new UsageError(`${arg}: ${(err as Error).message}`);
      }
    }
    return withStore(ctx, 'questionnaire', async (store) => {
      const municipalityId = await resolveMunicipalityId(store, ctx, values.municipality);
      const t = store.tenant({ municipalityId, actor: 'cli:questionnaire' });
      if (action === 'list') {
        for (const id of FORM_IDS) {
          const form = await currentForm(t, id);
          ctx.out(`${id}\tv${form.version}\t${form.title.da}`);
        }
        return 0;
      }
      if (action === 'show') {
        const id = formIdOf(arg);
        const version = values.version === undefined ? undefined : Number(values.version);
        if (version !== undefined && !Number.isInteger(version)) {
          throw new UsageError(`--version "${values.version}" is not a whole number.`);
        }
        const form = version === undefined ? await currentForm(t, id) : await formVersion(t, id, version);
        if (!form) throw new UsageError(`No version ${version} of the ${id} form.`);
        ctx.out(JSON.stringify(form, null, 2));
        return 0;
      }
      const r = await publishForm(t, definition);
      if (!r.ok) {
        ctx.err(`${arg}: ${refusalText(r, 'en')}. Nothing was published.`);
        return 1;
      }
      ctx.out(
        `Published ${r.value.id} v${r.value.version} for ${municipalityId}; new questionnaires use it.`,
      );
      return 0;
    });
  },
};
