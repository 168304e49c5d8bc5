import fs from 'node:fs';
import path from 'node:path';
import { outboxKindLabel, outboxStatusLabel } from '../../src/i18n/outboxLabels';
import { REMINDER_KINDS } from '../../src/domain/reminders';

/** Every literal message kind in the planners' source, e.g. 'meeting.invitation'. */
function plannedKinds(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts'))
        for (const m of fs
          .readFileSync(p, 'utf8')
          .matchAll(/'((?:followup|meeting|minutes|questionnaire|agreement)\.[a-z]+)'/g))
          found.add(m[1]!);
    }
  };
  walk(path.resolve(__dirname, '../../src/scheduler'));
  for (const k of REMINDER_KINDS) found.add(`followup.${k}`);
  return [...found];
}

describe('the outbox report speaks Danish to the admin', () => {
  it('finds the kinds the planners send (the scan itself works)', () => {
    expect(plannedKinds()).toEqual(expect.arrayContaining(['meeting.invitation', 'followup.overdue']));
  });

  it.each(plannedKinds())('labels %s in words, not as its code', (kind) => {
    expect(outboxKindLabel(kind)).not.toBe(kind);
    expect(outboxKindLabel(kind)).toMatch(/^[A-ZÆØÅ][a-zæøå]/);
  });

  it('says why a message waits, and which are being sent or given up', () => {
    expect(outboxStatusLabel('waiting')).toBe('Venter på, at modtageren åbner Samspil');
    expect(outboxStatusLabel('parked')).toBe('Opgivet efter fejl');
    expect(
      new Set(['pending', 'sending', 'waiting', 'parked'].map((s) => outboxStatusLabel(s as never))).size,
    ).toBe(4);
  });
});
