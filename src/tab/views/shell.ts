import type { Locale } from '../../i18n/locale';
import { ROLE_LABELS } from '../../i18n/labels';
import { TAB_TEXTS } from '../../i18n/tabTexts';
import { esc } from '../../reports/yearlyStatus/charts';
import type { StaffRow } from '../../store/types';

export interface ShellOptions {
  locale: Locale;
  scope: 'personal' | 'team';
  /** Demo users to choose from; absent with SSO (an app id is configured). */
  demo?: { municipality: string; staff: StaffRow[] }[];
}

function option(value: string, label: string): string {
  return `<option value="${esc(value)}">${esc(label)}</option>`;
}

/** People worth looking as in the demo: leaders, coordinators and advisers, with their roles. */
function demoPicker(groups: NonNullable<ShellOptions['demo']>, locale: Locale): string {
  const t = TAB_TEXTS[locale];
  const shown = (s: StaffRow) =>
    s.roles.some((r) => r === 'leader' || r === 'coordinator' || r === 'adviser');
  const rank = (s: StaffRow) => (s.roles.includes('leader') ? 0 : s.roles.includes('coordinator') ? 1 : 2);
  const options = groups.map(
    (g) =>
      `<optgroup label="${esc(g.municipality)}">${g.staff
        .filter(shown)
        .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
        .map((s) =>
          option(
            s.id,
            `${s.name} – ${s.roles.map((r) => ROLE_LABELS[r][locale]).join(', ')}${s.unit_name ? `, ${s.unit_name}` : ''}`,
          ),
        )
        .join('')}</optgroup>`,
  );
  return [
    `<p class="demo">${esc(t.demoBanner)}</p>`,
    `<label for="pick-user">${esc(t.demoPick)}<select id="pick-user">${option('', '–')}${options.join('')}</select></label>`,
    `<label for="pick-lang">${esc(t.language)}<select id="pick-lang">${option('da', 'Dansk')}${option('en', 'English')}</select></label>`,
    `<label for="pick-theme">${esc(t.theme)}<select id="pick-theme">${(
      ['default', 'dark', 'contrast'] as const
    )
      .map((k) => option(k, t.themes[k]))
      .join('')}</select></label>`,
  ].join('');
}

function page(locale: Locale, title: string, bodyAttrs: string, content: string, scripts: string[]): string {
  return [
    '<!doctype html>',
    `<html lang="${locale}" class="theme-default"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    '<link rel="stylesheet" href="/tab/assets/overblik.css">',
    `</head><body ${bodyAttrs}>`,
    content,
    ...scripts.map((s) => `<script src="${s}"></script>`),
    '</body></html>',
  ].join('');
}

/** The tab page: a header, and the overview the script fetches with the viewer's token. */
export function shellHtml(o: ShellOptions): string {
  const t = TAB_TEXTS[o.locale];
  const attrs = `data-mode="${o.demo ? 'demo' : 'sso'}" data-scope="${o.scope}" data-failed="${esc(t.failed)}"`;
  const header = `<header><h1>Samspil · ${esc(t.title)}</h1>${o.demo ? demoPicker(o.demo, o.locale) : ''}</header>`;
  const main = `<main id="overview" aria-live="polite"><p>${esc(o.demo ? t.demoBanner : t.loading)}</p></main>`;
  return page(o.locale, `Samspil – ${t.title}`, attrs, header + main, [
    '/tab/assets/teams-js.js',
    '/tab/assets/overblik.js',
  ]);
}

export function configHtml(locale: Locale): string {
  const t = TAB_TEXTS[locale];
  return page(
    locale,
    `Samspil – ${t.config.title}`,
    `data-name="${esc(t.title)}"`,
    `<main><h1>${esc(t.config.title)}</h1><p>${esc(t.config.lead)}</p></main>`,
    ['/tab/assets/teams-js.js', '/tab/assets/config.js'],
  );
}

/** A refusal or notice in place of the overview, in the viewer's language. */
export function noticeHtml(text: string): string {
  return `<p class="error" role="alert">${esc(text)}</p>`;
}
