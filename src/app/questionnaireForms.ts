/**
 * Where a questionnaire form comes from: the municipality's newest published version if it has
 * one, else the repository default in questionnaires/ (docs/domain-rules.md: versioned data, editable per
 * municipality without a release). An answer is always checked against the version it was given on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CARDS_DIR } from '../cards/render';
import { formSchema, type FormId, type QuestionnaireForm } from '../domain/questionnaires/form';
import type { TenantStore } from '../store/store';
import { ok, refuse, type Result } from '../domain/result';

export const QUESTIONNAIRES_DIR = path.join(path.dirname(CARDS_DIR), 'questionnaires');

let defaults: Map<string, QuestionnaireForm> | null = null;

/** Every form file in questionnaires/, checked; a broken file stops the process at first use. */
export function defaultForms(): QuestionnaireForm[] {
  if (!defaults) {
    const loaded = new Map<string, QuestionnaireForm>();
    for (const file of fs.readdirSync(QUESTIONNAIRES_DIR).filter((f) => f.endsWith('.json'))) {
      const parsed = formSchema.safeParse(
        JSON.parse(fs.readFileSync(path.join(QUESTIONNAIRES_DIR, file), 'utf8')),
      );
      if (!parsed.success) throw new Error(`questionnaires/${file}: ${parsed.error.issues[0]?.message}`);
      loaded.set(`${parsed.data.id}.v${parsed.data.version}`, parsed.data);
    }
    defaults = loaded;
  }
  return [...defaults.values()];
}

function newestDefault(formId: FormId): QuestionnaireForm {
  const forms = defaultForms().filter((f) => f.id === formId);
  const newest = forms.sort((a, b) => b.version - a.version)[0];
  if (!newest) throw new Error(`No default questionnaire "${formId}" in ${QUESTIONNAIRES_DIR}`);
  return newest;
}

/** The form a new questionnaire is sent on. */
export async function currentForm(t: TenantStore, formId: FormId): Promise<QuestionnaireForm> {
  const stored = await t.questionnaires.latestForm(formId);
  const fallback = newestDefault(formId);
  if (!stored) return fallback;
  const form = formSchema.parse(stored.definition);
  return form.version >= fallback.version ? form : fallback;
}

/** A given version: the municipality's own, else the repository's; null if neither has it. */
export async function formVersion(
  t: TenantStore,
  formId: string,
  version: number,
): Promise<QuestionnaireForm | null> {
  const stored = await t.questionnaires.form(formId, version);
  if (stored) return formSchema.parse(stored.definition);
  return defaultForms().find((f) => f.id === formId && f.version === version) ?? null;
}

/**
 * Publishes an edited form as the municipality's next version. The version must be above every
 * version in use, so answers already given keep pointing at the form they were given on.
 */
export async function publishForm(t: TenantStore, definition: unknown): Promise<Result<QuestionnaireForm>> {
  const parsed = formSchema.safeParse(definition);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    return refuse('formInvalid', { params: { path: i.path.join('.'), message: i.message } });
  }
  const form = parsed.data;
  const current = await currentForm(t, form.id);
  if (form.version <= current.version) {
    return refuse('formVersionTooLow', { params: { current: current.version } });
  }
  await t.questionnaires.saveForm(form.id, form.version, form);
  return ok(form);
}
