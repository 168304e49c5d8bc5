import {
  assertNoCpr,
  CPR_REJECTION_MESSAGE,
  CprRejectedError,
  findCpr,
  findCprPath,
  looksLikeCpr,
  redactCpr,
} from '../../src/domain/cpr';
import { CPR_SPELLING_TABLE, NOT_CPR_TABLE } from '../support/cprSpellings';

describe('findCpr (docs/privacy.md: fields that look like a CPR number are rejected)', () => {
  it.each([
    ['010203-1234', '010203-1234'],
    ['0102031234', '0102031234'],
    ['010203 1234', '010203 1234'],
    ['barnet 010203-1234 har det godt', '010203-1234'],
    ['(010203-1234).', '010203-1234'],
    ['Sag/010203-1234', '010203-1234'],
    ['cpr:0102031234\n', '0102031234'],
    ['311299-0001', '311299-0001'],
  ])('CPR-kontoret format DDMMYY-SSSS: %j contains %j', (text, match) => {
    expect(findCpr(text)).toBe(match);
  });

  it('Teams autocorrect: an en dash or non-breaking space as separator is still a CPR number', () => {
    expect(findCpr('010203\u20131234')).toBe('010203\u20131234');
    expect(findCpr('010203\u00a01234')).toBe('010203 1234');
  });

  it('Gregorian leap years: 29 Feb is valid for "00" (2000) and "04", not for "01"; 30 Feb never', () => {
    expect(findCpr('290200-1234')).toBe('290200-1234');
    expect(findCpr('290204-1234')).toBe('290204-1234');
    expect(findCpr('290201-1234')).toBeNull();
    expect(findCpr('300200-1234')).toBeNull();
  });

  it('CPR-kontoret, since 2007: numbers failing the modulus-11 check are still CPR numbers and are detected', () => {
    const digits = '0102031234';
    const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
    const sum = weights.reduce((s, w, i) => s + w * Number(digits[i]), 0);
    expect(sum % 11).not.toBe(0);
    expect(looksLikeCpr(digits)).toBe(true);
  });

  it.each(CPR_SPELLING_TABLE.map((row) => [row.text, row.why]))(
    'a CPR number however it is written: %j (%s)',
    (text) => {
      expect(looksLikeCpr(text)).toBe(true);
      expect(redactCpr(text)).not.toMatch(/\d{4}/);
    },
  );

  it.each(NOT_CPR_TABLE.map((row) => [row.text, row.what]))('not a CPR number: %j (%s)', (text) => {
    expect(findCpr(text)).toBeNull();
    expect(looksLikeCpr(text)).toBe(false);
    expect(redactCpr(text)).toBe(text);
  });

  it('a letter looking like a digit counts only beside digits, never inside a word', () => {
    expect(findCpr('Ø1Ø19Ø-1234')).toBe('Ø1Ø19Ø-1234');
    expect(looksLikeCpr('Olsen 10.10.1234')).toBe(false);
    expect(looksLikeCpr('OlOlOl-llll')).toBe(false);
  });

  it('a four-digit year is one the CPR register can hold (1858–2057)', () => {
    expect(looksLikeCpr('01-01-1858-1234')).toBe(true);
    expect(looksLikeCpr('01-01-1857-1234')).toBe(false);
    expect(looksLikeCpr('01-01-2057-1234')).toBe(true);
    expect(looksLikeCpr('01-01-2058-1234')).toBe(false);
  });

  it('findCprPath names the first field holding a CPR number, in nested objects and arrays and keys', () => {
    expect(findCprPath({ items: [{ case_ref: 'S-1' }, { case_ref: 'x 01.01.90-1234' }] })).toBe(
      'items.1.case_ref',
    );
    expect(findCprPath({ from: { name: 'Ida', id: '29:1' } })).toBeNull();
    expect(findCprPath({ meta: { '0101901234': true } })).toBe('meta');
    expect(findCprPath(101901234)).toBeNull();
  });

  it('redactCpr replaces every CPR spelling in a message and leaves other digits', () => {
    expect(redactCpr('Invalid quote at "0101901234" and 01 01 90 1234, line 12')).toBe(
      'Invalid quote at "[CPR]" and [CPR], line 12',
    );
    expect(redactCpr('journal 270312345678')).toBe('journal 270312345678');
  });

  it('skips an invalid candidate and finds a valid one later in the text', () => {
    expect(findCpr('320199-1234 og 010203-1234')).toBe('010203-1234');
  });

  it('a standalone 10-digit run next to a longer run is still found', () => {
    expect(findCpr('270312345678 / 0102031234')).toBe('0102031234');
  });
});

describe('assertNoCpr and the rejection message (docs/domain-rules.md: rejected with a clear message)', () => {
  it('messages are in Danish and English and point to the alternative', () => {
    expect(CPR_REJECTION_MESSAGE.da).toBe(
      'Ligner et CPR-nummer – brug initialer eller sagsnummer. Samspil gemmer ikke CPR-numre.',
    );
    expect(CPR_REJECTION_MESSAGE.en).toContain('CPR number');
    expect(CPR_REJECTION_MESSAGE.en).toContain('case number');
  });

  it('throws CprRejectedError naming the field, without echoing the CPR number', () => {
    let caught: unknown;
    try {
      assertNoCpr('Barnet 010203-1234 er flyttet', 'note');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CprRejectedError);
    expect(caught).toBeInstanceOf(Error);
    const err = caught as CprRejectedError;
    expect(err.field).toBe('note');
    expect(err.name).toBe('CprRejectedError');
    expect(err.message).toBe(`note: ${CPR_REJECTION_MESSAGE.en}`);
    expect(err.message).not.toContain('010203');
    expect(err.userMessage('da')).toBe(`note: ${CPR_REJECTION_MESSAGE.da}`);
  });

  it('accepts case references and ordinary text', () => {
    expect(() => assertNoCpr('27.03.12-G01-1234-26', 'caseRef')).not.toThrow();
    expect(() => assertNoCpr('Sag 2024-123, opfølgning 2026-04-07 kl. 08:00', 'note')).not.toThrow();
    expect(() => assertNoCpr('270312345678', 'caseRef')).not.toThrow();
  });
});
