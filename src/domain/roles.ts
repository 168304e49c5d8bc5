export const ROLES = ['adviser', 'leader', 'coordinator', 'participant', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}

/** 'adviser|leader' → ['adviser', 'leader']; an unknown role is an error, never silently dropped. */
export function parseRoles(text: string): Role[] {
  const parts = text
    .split('|')
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  const unknown = parts.filter((p) => !isRole(p));
  if (unknown.length) throw new Error(`unknown role "${unknown[0]}" (use ${ROLES.join(', ')})`);
  if (parts.length === 0) throw new Error('at least one role is needed');
  return [...new Set(parts as Role[])];
}

export function hasRole(roles: readonly Role[], role: Role): boolean {
  return roles.includes(role);
}
