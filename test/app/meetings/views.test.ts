import { teamYearCard, shownMeetings } from '../../../src/views/teamYearCards';
import { sampleMeeting, sampleTeamYear } from '../../cards/samples/meetings';

/** What the `møder` card offers, by role and time of year. */
describe('the team year card', () => {
  const year = sampleTeamYear(['2026-09-08'], ['2026-12-08']);
  const plans = (card: object) =>
    [
      ...JSON.stringify(card).matchAll(
        /"verb":"meetingYearPlan","data":\{"teamId":"[^"]+","startYear":"(\d+)"/g,
      ),
    ].map((m) => m[1]);

  it('offers the coordinator the current school year, and the next one only from May', () => {
    const november = teamYearCard(
      [{ year, role: 'coordinator', staffId: 's1' }],
      'da',
      new Date('2026-11-23T09:00:00Z'),
      true,
    );
    expect(plans(november)).toEqual(['2026']);
    const june = teamYearCard(
      [{ year, role: 'coordinator', staffId: 's1' }],
      'da',
      new Date('2027-06-01T09:00:00Z'),
      true,
    );
    expect(plans(june)).toEqual(['2026', '2027']);
    expect(JSON.stringify(june)).toContain('Planlæg skoleåret 2027/28');
  });

  it('gives a member no year plan and no change of others’ meetings, and a channel no buttons at all', () => {
    const now = new Date('2026-11-23T09:00:00Z');
    const member = JSON.stringify(teamYearCard([{ year, role: 'member', staffId: 's2' }], 'da', now, true));
    expect(member).not.toContain('meetingYearPlan');
    expect(member).not.toContain('meetingEditForm');
    expect(member).toContain('meetingScheduleForm');
    const channel = JSON.stringify(teamYearCard([{ year, role: null, staffId: null }], 'da', now, false));
    expect(channel).not.toContain('"verb"');
    expect(channel).not.toContain('(AB)');
  });

  it('lets the organiser change the meeting they called, even as a member', () => {
    const own = {
      ...year,
      meetings: [
        sampleMeeting({
          organizer_staff_id: 's2',
          date: '2026-12-08',
          starts_at: new Date('2026-12-08T13:00:00Z'),
          ends_at: new Date('2026-12-08T14:30:00Z'),
        }),
      ],
    };
    const card = JSON.stringify(
      teamYearCard(
        [{ year: own, role: 'member', staffId: 's2' }],
        'da',
        new Date('2026-11-23T09:00:00Z'),
        true,
      ),
    );
    expect(card).toContain('meetingEditForm');
  });

  it('shows the last 3 past meetings and the next 15', () => {
    const meetings = Array.from({ length: 30 }, (_, i) => {
      const starts = new Date(Date.UTC(2026, 7, 4 + 7 * i, 12));
      return sampleMeeting({
        id: String(i),
        starts_at: starts,
        ends_at: new Date(starts.getTime() + 3_600_000),
      });
    });
    const shown = shownMeetings(meetings, new Date(Date.UTC(2026, 7, 4 + 7 * 10, 0)));
    expect(shown.map((m) => m.id)).toEqual([
      '7',
      '8',
      '9',
      ...Array.from({ length: 15 }, (_, i) => String(10 + i)),
    ]);
  });

  it('lists a team’s meetings as a table: date, time, format and status, one row each under a header', () => {
    const card = teamYearCard(
      [{ year, role: 'coordinator', staffId: 's1' }],
      'da',
      new Date('2026-11-23T09:00:00Z'),
      true,
    );
    const tables: { rows: { cells: { items: { text: string }[] }[] }[] }[] = [];
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) return n.forEach(walk);
      if (!n || typeof n !== 'object') return;
      if ((n as { type?: string }).type === 'Table') tables.push(n as (typeof tables)[number]);
      Object.values(n).forEach(walk);
    };
    walk(card);
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.rows.map((r) => r.cells.map((c) => c.items[0]!.text));
    expect(rows).toEqual([
      ['Dato', 'Tid', 'Mødeform', 'Status'],
      ['08.09.2026', 'kl. 14:00–15:30', 'Tema: Mobning', 'Afholdt'],
      ['08.12.2026', 'kl. 14:00–15:30', 'Barn/ung/familie (AB)', 'Planlagt'],
      ['12.01.2027', 'kl. 14:00–15:30', 'Tema: Mobning', 'Aflyst'],
    ]);
  });

  it('names the whole date and the format in the "Flyt eller aflys" choices', () => {
    const card = JSON.stringify(
      teamYearCard(
        [{ year, role: 'coordinator', staffId: 's1' }],
        'da',
        new Date('2026-11-23T09:00:00Z'),
        true,
      ),
    );
    expect(card).toContain('"title":"08.12.2026 kl. 14:00–15:30 · Barn/ung/familie (AB)"');
  });
});
