/**
 * Tokens of the case-system API (docs/api.md). Only a SHA-256 of each token is kept: the token is
 * shown once when it is made, and a stolen database cannot be replayed against the API. A token
 * belongs to one municipality and names the import kinds it may write (its scopes); revoking keeps
 * the row, so the audit log's references to it still resolve.
 */
export default `
CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  scopes text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_municipality ON api_tokens (municipality_id);
CREATE INDEX audit_log_entity ON audit_log (municipality_id, entity, entity_id);
`;
