/**
 * The parents' page as HTML: server-rendered, no script, mobile first (one column, large touch
 * targets, system font), WCAG 2.1 AA (labels and fieldsets for every input, errors in a summary that
 * links to each field and beside the field, visible focus, contrast ≥ 4.5:1). Its only style is the
 * one inline sheet below, allowed by its hash in the page's Content-Security-Policy.
 */
import { createHash } from 'node:crypto';
import { esc } from '../reports/yearlyStatus/charts';
import { choicesOf } from '../i18n/labels';
import type { Question, QuestionnaireForm } from '../domain/questionnaires/form';
import type { LocalDate } from '../domain/localDate';
import { formatDate } from '../i18n/locale';
import { fill } from '../i18n/texts';
import { PARENT_PAGE_LANGUAGES, parentProblemText, type ParentPageTexts } from '../i18n/parentPage';

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff}
main{max-width:36rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.125rem;margin:1.5rem 0 .5rem}
nav{display:flex;gap:1rem;justify-content:flex-end;font-size:.9375rem}
a{color:#0b4f8a}
a:focus,input:focus,textarea:focus,button:focus{outline:3px solid #b35900;outline-offset:2px}
fieldset{border:0;margin:0 0 1.25rem;padding:0}
legend,.label{font-weight:600;margin-bottom:.5rem;padding:0}
.hint{display:block;font-weight:400;color:#4a4a4a;font-size:.9375rem}
.choice{display:flex;align-items:center;gap:.75rem;min-height:2.75rem;padding:.25rem .5rem;border:1px solid #767676;border-radius:.375rem;margin-bottom:.5rem}
.choice input{width:1.375rem;height:1.375rem;margin:0;flex:none}
.choice label{flex:1;padding:.5rem 0}
textarea,input[type=date]{width:100%;font:inherit;padding:.625rem;border:1px solid #767676;border-radius:.375rem}
textarea{min-height:8rem}
button{font:inherit;font-weight:600;color:#fff;background:#0b4f8a;border:0;border-radius:.375rem;padding:.875rem 1.5rem;min-height:2.75rem;width:100%}
.error{color:#a4000f;font-weight:600}
.summary{border:3px solid #a4000f;padding:.75rem 1rem;margin:0 0 1.5rem;border-radius:.375rem}
.summary ul{margin:.5rem 0 0;padding-left:1.25rem}
[aria-invalid=true]{border-color:#a4000f}
.notice{background:#f0f4f8;padding:.75rem 1rem;border-radius:.375rem}
.stored{font-size:.9375rem;color:#333}
`;

/** The CSP source that allows exactly the style above. */
export const PARENT_PAGE_STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

function shell(texts: ParentPageTexts, title: string, body: string, langPath: string | null): string {
  const languages = langPath
    ? `<nav aria-label="${esc(texts.language)}">${PARENT_PAGE_LANGUAGES.map((l) =>
        l.code === texts.code
          ? `<span lang="${esc(l.code)}" aria-current="true">${esc(l.name)}</span>`
          : `<a lang="${esc(l.code)}" hreflang="${esc(l.code)}" href="${esc(langPath)}?lang=${encodeURIComponent(l.code)}">${esc(l.name)}</a>`,
      ).join('')}</nav>`
    : '';
  return `<!doctype html>
<html lang="${esc(texts.code)}"${texts.rtl ? ' dir="rtl"' : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${languages}
${body}
</main>
</body>
</html>`;
}

const label = (text: { da: string; en: string } & Record<string, string>, texts: ParentPageTexts) =>
  text[texts.code] ?? text.en;

export interface ParentFormPage {
  texts: ParentPageTexts;
  form: QuestionnaireForm;
  meetingDate: LocalDate;
  closesOn: LocalDate;
  /** The page's own path: the form posts to it, the language links point at it. */
  path: string;
  /** The answers as sent, to show a refused answer again. */
  values?: Record<string, unknown>;
  /** Problem codes by question id; '' is about the whole answer. */
  problems?: { field?: string; code: string }[];
  cprRemoved?: boolean;
}

function field(q: Question, p: ParentFormPage, errors: string[]): string {
  const { texts } = p;
  const id = `q-${q.id}`;
  const value = p.values?.[q.id];
  const invalid = errors.length > 0;
  const errorId = `${id}-error`;
  const errorHtml = invalid
    ? `<p class="error" id="${errorId}">${errors.map((c) => esc(parentProblemText(texts, c))).join(' ')}</p>`
    : '';
  const need = `<span class="hint">${esc(q.required ? texts.required : texts.optional)}</span>`;
  const describedBy = invalid ? ` aria-describedby="${errorId}"` : '';
  if (q.type === 'text') {
    return `<div class="field">
<label class="label" for="${id}">${esc(label(q.label, texts))} ${need}</label>
<p class="hint" id="${id}-note">${esc(texts.commentNote)}</p>
${errorHtml}
<textarea id="${id}" name="${esc(q.id)}" maxlength="${q.maxLength}" aria-describedby="${id}-note${invalid ? ` ${errorId}` : ''}"${invalid ? ' aria-invalid="true"' : ''}>${esc(typeof value === 'string' ? value : '')}</textarea>
</div>`;
  }
  if (q.type === 'date') {
    return `<div class="field">
<label class="label" for="${id}">${esc(label(q.label, texts))} ${need}</label>
${errorHtml}
<input type="date" id="${id}" name="${esc(q.id)}" value="${esc(typeof value === 'string' ? value : '')}"${describedBy}${invalid ? ' aria-invalid="true"' : ''}${q.required ? ' required' : ''}>
</div>`;
  }
  const choices =
    q.type === 'scale'
      ? Array.from({ length: q.max - q.min + 1 }, (_, i) => {
          const n = q.min + i;
          const end = n === q.min ? q.minLabel : n === q.max ? q.maxLabel : undefined;
          return { value: String(n), text: end ? `${n} – ${label(end, texts)}` : String(n) };
        })
      : choicesOf(q, 'parent').map((c) => ({ value: c.value, text: label(c.label, texts) }));
  const multiple = q.type === 'multiple';
  const chosen = new Set(
    (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : []).map(String),
  );
  const inputs = choices
    .map((c, i) => {
      const cid = `${id}-${i}`;
      return `<div class="choice"><input type="${multiple ? 'checkbox' : 'radio'}" id="${cid}" name="${esc(q.id)}" value="${esc(c.value)}"${chosen.has(c.value) ? ' checked' : ''}${q.required && !multiple ? ' required' : ''}${invalid ? ' aria-invalid="true"' : ''}><label for="${cid}">${esc(c.text)}</label></div>`;
    })
    .join('\n');
  return `<fieldset id="${id}"${describedBy}>
<legend>${esc(label(q.label, texts))} ${need}</legend>
${errorHtml}
${inputs}
</fieldset>`;
}

export function parentFormPage(p: ParentFormPage): string {
  const { texts, form } = p;
  const byField = new Map<string, string[]>();
  for (const pr of p.problems ?? [])
    byField.set(pr.field ?? '', [...(byField.get(pr.field ?? '') ?? []), pr.code]);
  const summaryItems = form.questions
    .filter((q) => byField.has(q.id))
    .map(
      (q) =>
        `<li><a href="#q-${esc(q.id)}">${esc(label(q.label, texts))}: ${esc(
          byField
            .get(q.id)!
            .map((c) => parentProblemText(texts, c))
            .join(' '),
        )}</a></li>`,
    );
  const general = (byField.get('') ?? []).map((c) => `<li>${esc(parentProblemText(texts, c))}</li>`);
  const summary =
    summaryItems.length + general.length > 0
      ? `<div class="summary" role="alert" tabindex="-1" id="errors"><p class="error">${esc(texts.errorSummary)}</p><ul>${[...general, ...summaryItems].join('')}</ul></div>`
      : '';
  const cpr = p.cprRemoved ? `<p class="notice" role="status">${esc(texts.cprRemoved)}</p>` : '';
  const dates = `<p>${esc(fill(texts.meetingOn, { date: formatDate(p.meetingDate, texts.dateLocale) }))} ${esc(fill(texts.openUntil, { date: formatDate(p.closesOn, texts.dateLocale) }))}</p>`;
  const intro = form.intro ? `<p>${esc(label(form.intro, texts))}</p>` : '';
  const body = `<h1>${esc(texts.title)}</h1>
${summary}${cpr}
${intro}
${dates}
<form method="post" action="${esc(p.path)}" novalidate>
<input type="hidden" name="formVersion" value="${form.version}">
<input type="hidden" name="lang" value="${esc(texts.code)}">
${form.questions.map((q) => field(q, p, byField.get(q.id) ?? [])).join('\n')}
<button type="submit">${esc(texts.submit)}</button>
</form>
${storedSection(texts)}`;
  return shell(texts, texts.title, body, p.path);
}

function storedSection(texts: ParentPageTexts): string {
  return `<section class="stored" aria-labelledby="stored-title">
<h2 id="stored-title">${esc(texts.storedTitle)}</h2>
<ul>${texts.stored.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>
</section>`;
}

/** A page that only says something: thanks, already answered, or why the parent cannot answer. */
export function parentMessagePage(
  texts: ParentPageTexts,
  title: string,
  message: string,
  path: string | null,
): string {
  const body = `<h1>${esc(title)}</h1>
<p>${esc(message)}</p>
${storedSection(texts)}`;
  return shell(texts, title, body, path);
}
