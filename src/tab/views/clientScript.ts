/**
 * The tab page's script (served from /tab/assets/overblik.js; no inline script, no external
 * resource). It reads the Teams context (theme, locale, channel) through the bundled teams-js, asks
 * Teams for the SSO token, and fetches the server-rendered overview with it. Outside Teams, in the
 * demo, the page's own pickers stand in for the context and the user.
 */
export const TAB_SCRIPT = `(function () {
  'use strict';
  var body = document.body;
  var main = document.getElementById('overview');
  var params = new URLSearchParams(location.search);
  var state = {
    mode: body.getAttribute('data-mode'),
    scope: body.getAttribute('data-scope'),
    lang: params.get('lang'),
    theme: params.get('theme'),
    channel: params.get('channel'),
    demoUser: params.get('as'),
    token: null,
    inTeams: false
  };
  var teams = window.microsoftTeams;

  function applyTheme(theme) {
    var t = theme === 'dark' ? 'dark' : theme === 'contrast' ? 'contrast' : 'default';
    document.documentElement.className = 'theme-' + t;
    var picker = document.getElementById('pick-theme');
    if (picker) picker.value = t;
  }

  function headers() {
    var h = {};
    if (state.token) h.authorization = 'Bearer ' + state.token;
    if (state.demoUser) h['x-samspil-demo-user'] = state.demoUser;
    return h;
  }

  function query() {
    var q = new URLSearchParams();
    if (state.lang) q.set('lang', state.lang);
    if (state.scope === 'team') q.set('scope', 'team');
    if (state.channel) q.set('channel', state.channel);
    return q.toString();
  }

  function remember() {
    var q = new URLSearchParams(location.search);
    ['as', 'lang', 'theme'].forEach(function (k) {
      var v = k === 'as' ? state.demoUser : state[k];
      if (v) q.set(k, v); else q.delete(k);
    });
    history.replaceState(null, '', location.pathname + '?' + q.toString());
  }

  function load() {
    if (state.mode === 'demo' && !state.demoUser) return;
    main.setAttribute('aria-busy', 'true');
    return fetch('/tab/api/overview?' + query(), { headers: headers() })
      .then(function (res) {
        var lang = res.headers.get('content-language');
        if (lang) document.documentElement.lang = lang;
        return res.text();
      })
      .then(function (html) {
        main.innerHTML = html;
        main.setAttribute('data-loaded', 'true');
      })
      .catch(function () {
        main.innerHTML = '<p class="error" role="alert">' + body.getAttribute('data-failed') + '</p>';
      })
      .then(function () { main.removeAttribute('aria-busy'); });
  }

  function download(id) {
    fetch('/tab/api/csv/' + encodeURIComponent(id) + '?' + query(), { headers: headers() })
      .then(function (res) {
        if (!res.ok) throw new Error(String(res.status));
        var name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') || '');
        return res.blob().then(function (blob) { return { blob: blob, name: name ? name[1] : id + '.csv' }; });
      })
      .then(function (file) {
        var a = document.createElement('a');
        a.href = URL.createObjectURL(file.blob);
        a.download = file.name;
        document.body.appendChild(a);
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
      })
      .catch(function () { alert(body.getAttribute('data-failed')); });
  }

  document.addEventListener('click', function (e) {
    var target = e.target instanceof Element ? e.target : null;
    var csv = target && target.closest('button.csv');
    if (csv) { download(csv.getAttribute('data-table')); return; }
    var link = target && target.closest('a.deeplink');
    if (link && state.inTeams) {
      e.preventDefault();
      teams.app.openLink(link.getAttribute('href'));
    }
  });

  function bindPicker(id, apply) {
    var el = document.getElementById(id);
    if (!el) return;
    el.addEventListener('change', function () { apply(el.value); remember(); });
  }
  bindPicker('pick-user', function (v) { state.demoUser = v || null; load(); });
  bindPicker('pick-lang', function (v) { state.lang = v; load(); });
  bindPicker('pick-theme', function (v) { state.theme = v; applyTheme(v); });

  function teamsContext() {
    if (!teams || window.parent === window) return Promise.resolve(null);
    return teams.app.initialize()
      .then(function () { return teams.app.getContext(); })
      .then(function (ctx) {
        state.inTeams = true;
        teams.app.registerOnThemeChangeHandler(applyTheme);
        teams.app.notifySuccess();
        return ctx;
      })
      .catch(function () { return null; });
  }

  teamsContext()
    .then(function (ctx) {
      if (ctx) {
        state.lang = state.lang || (ctx.app && ctx.app.locale) || null;
        state.theme = state.theme || (ctx.app && ctx.app.theme) || null;
        state.channel = state.channel || (ctx.channel && ctx.channel.id) || null;
      }
      applyTheme(state.theme);
      if (state.mode === 'sso') {
        if (!ctx) return null;
        return teams.authentication.getAuthToken().then(function (token) { state.token = token; });
      }
      var pick = document.getElementById('pick-user');
      if (pick && state.demoUser) pick.value = state.demoUser;
      var lang = document.getElementById('pick-lang');
      if (lang && state.lang) lang.value = state.lang.toLowerCase().indexOf('en') === 0 ? 'en' : 'da';
      return null;
    })
    .then(load, load);
})();
`;

/** The channel tab's configuration page: Teams saves the content URL of the team channel tab. */
export const CONFIG_SCRIPT = `(function () {
  'use strict';
  var teams = window.microsoftTeams;
  if (!teams || window.parent === window) return;
  teams.app.initialize().then(function () {
    teams.pages.config.registerOnSaveHandler(function (save) {
      teams.pages.config
        .setConfig({
          entityId: 'overblik-team',
          contentUrl: location.origin + '/tab/team',
          websiteUrl: location.origin + '/tab/team',
          suggestedDisplayName: document.body.getAttribute('data-name')
        })
        .then(function () { save.notifySuccess(); }, function (err) { save.notifyFailure(String(err)); });
    });
    teams.pages.config.setValidityState(true);
    teams.app.notifySuccess();
  });
})();
`;
