/**
 * Text PostgreSQL can store: no NUL character (text and jsonb refuse it) and no half of a UTF-16
 * surrogate pair (not a character at all; jsonb refuses it too). Other control characters are
 * text, if odd, and are kept.
 */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

/** The path of the first string or key in `value` that is not storable text, or null. */
export function findUnstorablePath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path || '(value)';
  if (value === null || typeof value !== 'object') return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [k, v] of entries) {
    if (!isStorableText(k)) return path || '(key)';
    const found = findUnstorablePath(v, path ? `${path}.${k}` : k);
    if (found) return found;
  }
  return null;
}
