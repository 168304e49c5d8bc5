import { IMPORT_KINDS, type ImportKind } from '../import/schemas';

/**
 * A token's scopes: each import kind it may write (the same names as `samspil import --kind`), and
 * `read` for reading a case back. Without --scope a token gets what a case system writes.
 */
export const READ_SCOPE = 'read';
export const API_SCOPES: readonly string[] = [...IMPORT_KINDS, READ_SCOPE];
export const DEFAULT_SCOPES: readonly string[] = ['cases', 'measures', 'followups', READ_SCOPE];

export function isApiKind(s: string): s is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(s);
}
