import { hasRole, isRole, parseRoles, ROLES } from '../../src/domain/roles';
import { ROLE_LABELS } from '../../src/i18n/labels';

describe('roles (docs/roles.md)', () => {
  it('are adviser, leader, coordinator, participant, admin with Danish labels', () => {
    expect(ROLES).toEqual(['adviser', 'leader', 'coordinator', 'participant', 'admin']);
    expect(ROLES.map((r) => ROLE_LABELS[r].da)).toEqual([
      'rådgiver',
      'leder',
      'tovholder',
      'deltager',
      'administrator',
    ]);
  });

  it('parseRoles reads a |-separated list; a user may hold several roles', () => {
    expect(parseRoles('adviser|leader')).toEqual(['adviser', 'leader']);
    expect(parseRoles(' Coordinator | participant ')).toEqual(['coordinator', 'participant']);
    expect(parseRoles('admin|admin')).toEqual(['admin']);
  });

  it('parseRoles throws on an unknown role rather than dropping it', () => {
    expect(() => parseRoles('adviser|boss')).toThrow(
      'unknown role "boss" (use adviser, leader, coordinator, participant, admin)',
    );
    expect(() => parseRoles(' | ')).toThrow('at least one role is needed');
  });

  it('hasRole / isRole', () => {
    expect(hasRole(['adviser', 'leader'], 'leader')).toBe(true);
    expect(hasRole(['adviser'], 'admin')).toBe(false);
    expect(isRole('participant')).toBe(true);
    expect(isRole('rådgiver')).toBe(false);
  });
});
