import { Command } from '../command';
import { parseCommandArgs } from '../args';
import { UsageError } from '../context';
import { resolveMunicipalityId, withStore } from '../storeAccess';
import { API_SCOPES, DEFAULT_SCOPES } from '../../api/scopes';
import { findCpr } from '../../domain/cpr';

/**
 * Tokens of the case-system API. `create` prints the token once: only its hash is stored, so a lost
 * token is revoked and replaced, never shown again.
 */
export const apiToken: Command = {
  usage: 'api-token create NAME [--scope S]… [--municipality ID] | list | revoke ID',
  summary: 'make, list or revoke a case-system API token of a municipality',
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      scope: { type: 'string', multiple: true },
      municipality: { type: 'string' },
    });
    const [action, arg] = positionals;
    if (action !== 'create' && action !== 'list' && action !== 'revoke')
      throw new UsageError('Say api-token create NAME, api-token list or api-token revoke ID.');
    return withStore(ctx, 'api-token', async (store) => {
      const municipalityId = await resolveMunicipalityId(store, ctx, values.municipality);
      if (action === 'list') {
        const rows = await store.apiTokens.list(municipalityId);
        if (!rows.length) ctx.out(`${municipalityId} has no API tokens.`);
        for (const r of rows) {
          const state = r.revoked_at ? `revoked ${r.revoked_at.toISOString()}` : 'active';
          const used = r.last_used_at ? `last used ${r.last_used_at.toISOString()}` : 'never used';
          ctx.out(`${r.id}  ${r.name}  [${r.scopes.join(', ')}]  ${state}, ${used}`);
        }
        return 0;
      }
      if (!arg)
        throw new UsageError(
          action === 'create' ? 'Name the token (e.g. dubu).' : 'Give the token id (see api-token list).',
        );
      if (action === 'revoke') {
        const done = await store.apiTokens.revoke(municipalityId, arg, ctx.clock.now(), 'cli:api-token');
        if (!done) throw new UsageError(`${municipalityId} has no active API token with id ${arg}.`);
        ctx.out(`Token ${arg} is revoked; requests with it now get 401.`);
        return 0;
      }
      if (findCpr(arg) !== null || arg.length > 100)
        throw new UsageError('Give the token a short name (not a CPR number).');
      const scopes = values.scope?.length ? values.scope : [...DEFAULT_SCOPES];
      const unknown = scopes.filter((s) => !API_SCOPES.includes(s));
      if (unknown.length)
        throw new UsageError(`Unknown scope ${unknown.join(', ')}; the scopes are ${API_SCOPES.join(', ')}.`);
      const { row, token } = await store.apiTokens.create(municipalityId, arg, scopes, 'cli:api-token');
      ctx.out(`Token ${row.id} "${row.name}" for ${municipalityId} [${scopes.join(', ')}]:`);
      ctx.out(token);
      ctx.out('It is shown only this once: store it in the case system now.');
      return 0;
    });
  },
};
