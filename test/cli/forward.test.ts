import path from 'node:path';
import { withAbsoluteFiles } from '../../src/cli/forward';

/** A command forwarded to the running server names its files absolutely: the server may run elsewhere. */
describe('forwarding a command to the running server', () => {
  const abs = (p: string) => path.resolve(p);

  it('makes the import file, a published form and a settings file absolute, and nothing else', () => {
    expect(withAbsoluteFiles(['import', 'staff.csv', '--kind', 'staff'])).toEqual([
      'import',
      abs('staff.csv'),
      '--kind',
      'staff',
    ]);
    expect(withAbsoluteFiles(['questionnaire', 'publish', 'child.v2.json'])).toEqual([
      'questionnaire',
      'publish',
      abs('child.v2.json'),
    ]);
    expect(withAbsoluteFiles(['questionnaire', 'show', 'child'])).toEqual(['questionnaire', 'show', 'child']);
    expect(withAbsoluteFiles(['municipality', 'settings', 'demo', '--set', 's.json'])).toEqual([
      'municipality',
      'settings',
      'demo',
      '--set',
      abs('s.json'),
    ]);
    expect(withAbsoluteFiles(['municipality', 'settings', 'demo', '--set=s.json'])).toEqual([
      'municipality',
      'settings',
      'demo',
      `--set=${abs('s.json')}`,
    ]);
    expect(withAbsoluteFiles(['report', 'caseload', '--format', 'csv'])).toEqual([
      'report',
      'caseload',
      '--format',
      'csv',
    ]);
  });
});
