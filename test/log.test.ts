import { loggableError } from '../src/log';
import { capturedLog } from './support/logCapture';
import { looksLikeCpr } from '../src/domain/cpr';
import { CPR_SPELLING_TABLE } from './support/cprSpellings';

const capture = () => capturedLog();

describe('the log (docs/operations.md: no log line holds a CPR number or what a person typed)', () => {
  it.each(CPR_SPELLING_TABLE.map((row) => [row.text, row.why]))(
    'a CPR number written as %j (%s) is replaced wherever it sits in a record',
    (text) => {
      const { log, lines } = capture();
      const err = new Error(`value ${text} at line 3`);
      log.error({ err, ref: text, nested: { list: [`x ${text}`] }, [text]: 1 }, `failed on ${text}`);
      expect(lines).toHaveLength(1);
      expect(looksLikeCpr(lines[0]!)).toBe(false);
      // JSON escapes a line break as \n; the record as its values hold it must be clean too.
      expect(looksLikeCpr(JSON.stringify(Object.values(JSON.parse(lines[0]!) as object)))).toBe(false);
      expect(lines[0]).toContain('[CPR]');
    },
  );

  it('an error keeps its type, code and where it happened, but not the value it quotes', () => {
    const err = Object.assign(new Error('invalid input syntax for type uuid: "Sofie Jensen"'), {
      code: '22P02',
    });
    const { log, lines } = capture();
    log.error({ err, verb: 'openCase' }, 'card action failed');
    const record = JSON.parse(lines[0]!) as { err: Record<string, string>; verb: string };
    expect(record.verb).toBe('openCase');
    expect(record.err.type).toBe('Error');
    expect(record.err.code).toBe('22P02');
    expect(record.err.message).toBe('invalid input syntax for type uuid: "[value]"');
    expect(record.err.stack).toContain('log.test.ts');
    expect(lines[0]).not.toContain('Sofie');
  });

  it("fields that carry people's text are censored by name, whatever they hold", () => {
    const { log, lines } = capture();
    log.warn(
      {
        text: 'Sofie har det svært',
        value: { reason: 'flyttet' },
        body: { a: 1 },
        activity: { text: 'hej' },
      },
      'x',
    );
    const record = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(record.text).toBe('[redacted]');
    expect(record.value).toBe('[redacted]');
    expect(record.body).toBe('[redacted]');
    expect((record.activity as { text: string }).text).toBe('[redacted]');
    expect(lines[0]).not.toMatch(/Sofie|flyttet|hej/);
  });

  it('loggableError takes causes and thrown non-errors too', () => {
    const e = new Error('outer "a"', { cause: new Error('inner 0101901234') });
    expect(loggableError(e)).toMatchObject({ message: 'outer "[value]"', cause: { message: 'inner [CPR]' } });
    expect(loggableError('0101901234 "x"')).toEqual({ type: 'string', message: '[CPR] "[value]"' });
  });
});
