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
});
