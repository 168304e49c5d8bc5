import type { MeasureDeadline } from '../../src/app/deadlines';
import { timelineOf } from '../../src/tab/overview';
import { adviserHtml } from '../../src/tab/views/overviewHtml';

/** The adviser's timeline groups: overdue, this week (to Sunday), the next 30 days, the rest counted. */
const deadline = (due: string): MeasureDeadline => ({
  measureId: `m-${due}`,
  caseId: `c-${due}`,
  caseRef: `FJ-${due}`,
  adviserId: 'a',
  leaderId: null,
  kind: 'followup',
  due,
  measureType: 'preventive',
  childInitials: null,
  legalDue: null,
  first: false,
});
const dues = (list: MeasureDeadline[]) => list.map((d) => d.due);

describe('the adviser timeline', () => {
  const all = ['2026-11-20', '2026-11-25', '2026-11-29', '2026-11-30', '2026-12-25', '2026-12-26'].map(
    deadline,
  );

  it('on a Wednesday: yesterday is overdue, today to Sunday is this week, then 30 days from today', () => {
    const t = timelineOf(all, '2026-11-25');
    expect(dues(t.overdue)).toEqual(['2026-11-20']);
    expect(dues(t.thisWeek)).toEqual(['2026-11-25', '2026-11-29']);
    expect(dues(t.next30)).toEqual(['2026-11-30', '2026-12-25']);
    expect(t.later).toBe(1);
  });

  it('on a Sunday the week is that day only; a deadline today is never overdue', () => {
    const t = timelineOf(all, '2026-11-29');
    expect(dues(t.overdue)).toEqual(['2026-11-20', '2026-11-25']);
    expect(dues(t.thisWeek)).toEqual(['2026-11-29']);
    // 30 days from 29 November is 29 December, inclusive.
    expect(dues(t.next30)).toEqual(['2026-11-30', '2026-12-25', '2026-12-26']);
    expect(t.later).toBe(0);
  });

  it('late in the year the 30 days run over New Year', () => {
    const t = timelineOf(
      [deadline('2026-12-31'), deadline('2027-01-21'), deadline('2027-01-22')],
      '2026-12-22',
    );
    expect(dues(t.thisWeek)).toEqual([]);
    expect(dues(t.next30)).toEqual(['2026-12-31', '2027-01-21']);
    expect(t.later).toBe(1);
  });
});

describe('the adviser timeline on the page', () => {
  const empty = { overdue: [], thisWeek: [], next30: [] };
  it('counts the deadlines beyond 30 days with the right number, in both languages', () => {
    expect(adviserHtml({ ...empty, later: 1 }, '2026-11-25', 'da', 'bot')).toContain(
      '1 frist ligger senere end 30 dage frem.',
    );
    expect(adviserHtml({ ...empty, later: 2 }, '2026-11-25', 'da', 'bot')).toContain(
      '2 frister ligger senere end 30 dage frem.',
    );
    expect(adviserHtml({ ...empty, later: 1 }, '2026-11-25', 'en', 'bot')).toContain(
      '1 deadline is more than 30 days ahead.',
    );
    expect(adviserHtml({ ...empty, later: 0 }, '2026-11-25', 'da', 'bot')).not.toContain(
      'senere end 30 dage',
    );
  });
});
