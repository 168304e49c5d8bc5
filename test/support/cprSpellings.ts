/**
 * How CPR numbers are written, by people and by the systems they copy from; the detector's test
 * (test/domain/cpr.test.ts) checks every row, and the fuzzers plant them (and mutations of them)
 * everywhere a value can go. Each row says why it is a CPR number. All numbers are made up: the
 * dates are real dates, the serials arbitrary.
 */
export interface Spelling {
  text: string;
  why: string;
}

export const CPR_SPELLING_TABLE: readonly Spelling[] = [
  { text: '0101901234', why: 'the ten digits with no separator, as the CPR register stores them' },
  { text: '010190-1234', why: 'DDMMYY-SSSS, the form printed on the health card' },
  { text: '010190 - 1234', why: 'spaces typed around the dash' },
  { text: '01.01.90-1234', why: 'the date written with dots, the serial after a dash' },
  { text: '01 01 90 1234', why: 'every group apart, as read aloud over the phone' },
  { text: '010190/1234', why: 'a slash instead of the dash' },
  { text: '0101-90-1234', why: 'a dash inside the date' },
  { text: '010190--1234', why: 'a doubled dash, a slip of the finger' },
  { text: '010190_1234', why: 'an underscore, as in a file name' },
  { text: '010190,1234', why: 'a comma, as when a spreadsheet cell is split' },
  { text: '010190:1234', why: 'a colon, as after a label' },
  { text: '010190\n1234', why: 'the date and the serial on two lines (a pasted address label)' },
  { text: '01\r\n01\r\n90\r\n1234', why: 'every group on its own line, with Windows line breaks' },
  { text: '03-03-1990-2222', why: 'a four-digit year, as case systems print the birth date' },
  { text: '03.03.1990 2222', why: 'a Danish date in full, then the serial' },
  { text: '030319902222', why: 'a four-digit year and no separators' },
  { text: '29.02.2000-1234', why: 'a leap day in a four-digit year' },
  { text: 'O1O19O-1234', why: 'the letter O typed for zero' },
  { text: 'Ø1Ø19Ø-1234', why: 'the Danish letter Ø typed for zero' },
  { text: '0l0l90-l234', why: 'a lower-case l typed for one, the typewriter habit' },
  { text: '0I0I90-I234', why: 'a capital I typed for one' },
  { text: 'OlOl9O-l234', why: 'only four real digits, the rest look-alike letters' },
  { text: '250285\u20131111', why: 'an en dash, which Outlook and Teams make of a typed hyphen' },
  { text: '010190\u22121234', why: 'a minus sign, pasted from a formatted document' },
  { text: '010190\u00a01234', why: 'a non-breaking space, which Teams inserts' },
  { text: '3112\u200b99\u200b0001', why: 'zero-width spaces between the groups, invisible on screen' },
  { text: '0101\u00ad90-1234', why: 'a soft hyphen inside the date, invisible on screen' },
  {
    text: '\uff10\uff11\uff10\uff11\uff19\uff10\uff11\uff12\uff13\uff14',
    why: 'full-width digits, from an East Asian input method',
  },
  { text: '\u0660\u0661\u0660\u0661\u0669\u0660-\u0661\u0662\u0663\u0664', why: 'Arabic-Indic digits' },
  { text: '\u0966\u0967\u0966\u0967\u096f\u0966\u0967\u0968\u0969\u096a', why: 'Devanagari digits' },
  { text: '290200-1234', why: 'a leap day in 2000, a real birth date' },
  { text: '0102031234', why: 'a number failing the modulus-11 check, issued since 2007' },
  { text: 'Barnet (cpr: 010190-1234) er flyttet', why: 'a CPR number inside a sentence' },
  { text: 'sag/0101901234', why: 'glued to a word by a slash' },
];

export interface NotCpr {
  text: string;
  what: string;
}

/** Ordinary text that looks numeric but is no CPR number; the detector must let it through. */
export const NOT_CPR_TABLE: readonly NotCpr[] = [
  { text: '320199-1234', what: 'day 32 is no date' },
  { text: '311399-1234', what: 'month 13 is no date' },
  { text: '310499-1234', what: '31 April is no date' },
  { text: '290201-1234', what: '29 February 2001 is no date' },
  { text: '001299-1234', what: 'day 00' },
  { text: '15-06-1700-1234', what: 'a four-digit year no CPR number can hold' },
  { text: '270312345678', what: 'a 12-digit journal number' },
  { text: '12701031234', what: 'an 11-digit run' },
  { text: '123456789', what: 'a 9-digit run' },
  { text: '010203-12345', what: 'five digits after the dash' },
  { text: '+45 12345678', what: 'a phone number' },
  { text: '+45 20 30 40 50', what: 'a phone number in pairs' },
  { text: '0045 20 11 90 12', what: 'a phone number with the international prefix' },
  { text: '2024-01-02', what: 'an ISO date' },
  { text: '01-02-2003', what: 'a Danish date alone' },
  { text: '15.01.2024 kl. 10:30', what: 'a Danish date and time' },
  { text: 'Mødet er 12.05.2026 kl. 14.00-15.30', what: 'a meeting time' },
  { text: '27.03.12-G01-1234-26', what: 'a KL journal number (case reference)' },
  { text: 'S-2024-1101-1234', what: 'a case reference of year, number and part' },
  { text: '2026-012345', what: 'a case number' },
  { text: 'Olsen 10.10.1234', what: 'a word whose letters look like digits' },
  { text: '2026-12-07T08:12:01.931Z', what: 'an ISO timestamp' },
  { text: '2026-12-07 08:12:01.9312+00', what: 'a timestamp as PostgreSQL prints it' },
  { text: 'Ole og Ib holdt møde 10.10', what: 'names and a short date' },
  { text: 'Sag 2024-123, opfølgning 2026-04-07 kl. 08:00', what: 'a note with a case number and a time' },
  { text: '1.234.567,89 kr.', what: 'an amount' },
  { text: '192.168.10.100', what: 'an IP address' },
  { text: '', what: 'empty' },
];
