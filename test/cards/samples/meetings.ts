import type { CardJson } from '../../../src/cards/render';
import type { Locale } from '../../../src/i18n/locale';
import { frequencyStatus } from '../../../src/domain/meetings/frequency';
import { schoolYear } from '../../../src/domain/meetings/schoolYear';
import { proposeYearPlan } from '../../../src/domain/meetings/yearPlan';
import { defaultSchoolHolidays } from '../../../src/domain/meetings/schoolYear';
import type { MeetingRow, ParticipantRow } from '../../../src/store/meetingsRepo';
import type { MeetingTeamRow, TeamMemberRow } from '../../../src/store/teamsRepo';
import type { TeamYear } from '../../../src/app/meetings/frequency';
import {
  cancelConfirmCard,
  cancelledCard,
  channelSummaryCard,
  editCard,
  formatChoiceCard,
  invitationCard,
  scheduleFormCard,
  statusCard,
  teamChoiceCard,
  type InvitationVariant,
} from '../../../src/views/meetingCards';
import {
  frequencyWarningCard,
  overviewCard,
  teamYearCard,
  yearPlanCard,
} from '../../../src/views/teamYearCards';
import type { CardSamples } from './index';

export const sampleTeam: MeetingTeamRow = {
  id: '0b7c7a52-64a8-4a4e-9d55-3f8b0e1b9d11',
  name: 'Team Nord',
  district: 'Nord',
  institution_name: 'Nordskolen',
  institution_type: 'lower_secondary_school',
  meeting_weekday: 2,
  meeting_start: '14:00',
  meeting_minutes: 90,
};

export const sampleMeeting = (over: Partial<MeetingRow> = {}): MeetingRow => ({
  id: '6f1d2c3b-1a2b-4c5d-8e9f-0a1b2c3d4e5f',
  municipality_id: 'x',
  team_id: sampleTeam.id,
  format: 'theme',
  status: 'scheduled',
  date: '2026-09-08',
  start_time: '14:00',
  end_time: '15:30',
  starts_at: new Date('2026-09-08T12:00:00Z'),
  ends_at: new Date('2026-09-08T13:30:00Z'),
  place: 'Nordskolen, mødelokale 2',
  online_url: 'https://teams.microsoft.com/l/meetup-join/abc',
  theme: 'Mobning',
  child_reference: null,
  purpose: 'Fælles forståelse af mobning',
  parents_take_part: false,
  parents_expected: 2,
  child_takes_part: false,
  sequence: 0,
  organizer_staff_id: 's1',
  previous_meeting_id: null,
  created_by: 'test',
  notified_sequence: null,
  cancel_reason: null,
  moved_from: null,
  ...over,
});

const participants: ParticipantRow[] = [
  {
    meeting_id: 'm',
    staff_id: 's1',
    name: 'Tove Tovholder',
    email: 't@x.dk',
    profession: 'family_adviser',
    rsvp: 'yes',
    attended: null,
  },
  {
    meeting_id: 'm',
    staff_id: 's2',
    name: 'Pia Psykolog',
    email: 'p@x.dk',
    profession: 'interdisciplinary_counsellor',
    rsvp: null,
    attended: null,
  },
];

const members: TeamMemberRow[] = participants.map((p, i) => ({
  staff_id: p.staff_id,
  name: p.name,
  email: p.email,
  profession: p.profession,
  is_coordinator: i === 0,
  active: true,
}));

const year = schoolYear(2026);
const now = new Date('2026-11-23T09:00:00Z');

export const sampleTeamYear = (held: string[], planned: string[]): TeamYear => ({
  team: sampleTeam,
  year,
  meetings: [
    sampleMeeting({ status: 'held', date: '2026-09-08' }),
    sampleMeeting({
      format: 'child',
      theme: null,
      child_reference: 'AB',
      date: '2026-12-08',
      starts_at: new Date('2026-12-08T13:00:00Z'),
      ends_at: new Date('2026-12-08T14:30:00Z'),
    }),
    sampleMeeting({
      status: 'cancelled',
      date: '2027-01-12',
      starts_at: new Date('2027-01-12T13:00:00Z'),
      ends_at: new Date('2027-01-12T14:30:00Z'),
    }),
  ],
  status: frequencyStatus({ minimum: 10, held, planned, schoolYear: year, today: '2026-11-23' }),
});

function meetingCards(locale: Locale): [string, CardJson][] {
  const cards: [string, CardJson][] = [];
  const variants: InvitationVariant[] = [
    'invitation',
    'updated',
    'cancelled',
    'reminder',
    'replaced',
    'held',
  ];
  for (const variant of variants) {
    for (const m of [
      sampleMeeting(),
      sampleMeeting({
        format: 'child',
        theme: null,
        child_reference: 'AB',
        online_url: null,
        parents_take_part: true,
        parents_expected: 2,
      }),
    ]) {
      cards.push([
        `invitation ${variant} ${m.format}`,
        invitationCard({
          meeting: m,
          team: sampleTeam,
          participants,
          organizerName: 'Tove Tovholder',
          locale,
          variant,
          answer: 'yes',
          calendarUrl: 'https://samspil.kommune.example/calendar/demo/m/s.ics?sig=abc',
        }),
      ]);
    }
  }
  for (const format of ['child', 'theme'] as const) {
    cards.push([
      `schedule form ${format}`,
      scheduleFormCard({
        team: sampleTeam,
        members,
        others: [{ id: 's9', name: 'Sune SSP', profession: 'ssp_worker' }],
        format,
        today: '2026-11-23',
        locale,
        usualPlace: 'Nordskolen, mødelokale 2',
      }),
    ]);
  }
  cards.push([
    'schedule form asking to confirm the initials check',
    scheduleFormCard({
      team: sampleTeam,
      members,
      others: [],
      format: 'child',
      today: '2026-11-23',
      locale,
      usualPlace: null,
      askInitialsCheck: true,
    }),
  ]);
  cards.push(['schedule format choice', formatChoiceCard(sampleTeam, locale)]);
  const behind = sampleTeamYear(['2026-09-08'], ['2026-12-08']);
  const fine = sampleTeamYear(
    ['2026-08-18', '2026-09-15', '2026-10-06', '2026-11-03'],
    ['2026-12-01', '2027-01-12', '2027-02-02', '2027-03-02', '2027-04-06', '2027-05-04'],
  );
  cards.push([
    'year personal',
    teamYearCard(
      [
        { year: behind, role: 'coordinator', staffId: 's1' },
        { year: fine, role: 'member', staffId: 's2' },
      ],
      locale,
      now,
      true,
    ),
  ]);
  // A busy coordinator: three teams with a meeting every week stay under the 40 KB activity limit.
  const busy: TeamYear = {
    ...behind,
    meetings: Array.from({ length: 50 }, (_, i) => {
      const starts = new Date(Date.UTC(2026, 7, 4 + 7 * i, 12));
      return sampleMeeting({
        id: `6f1d2c3b-1a2b-4c5d-8e9f-${String(i).padStart(12, '0')}`,
        date: starts.toISOString().slice(0, 10),
        starts_at: starts,
        ends_at: new Date(starts.getTime() + 90 * 60_000),
        theme: 'Et tema med en lidt længere beskrivelse af hvad mødet handler om',
      });
    }),
  };
  cards.push([
    'year busy',
    teamYearCard(
      [0, 1, 2].map(() => ({ year: busy, role: 'coordinator' as const, staffId: 's1' })),
      locale,
      now,
      true,
    ),
  ]);
  cards.push([
    'year channel',
    teamYearCard([{ year: behind, role: null, staffId: null }], locale, now, false),
  ]);
  cards.push([
    'year personal in June (next year plannable)',
    teamYearCard(
      [{ year: behind, role: 'coordinator', staffId: 's1' }],
      locale,
      new Date('2027-06-01T09:00:00Z'),
      true,
    ),
  ]);
  cards.push(['year no teams', teamYearCard([], locale, now, true)]);
  const proposal = proposeYearPlan({
    schoolYear: year,
    minimum: 10,
    weekday: 2,
    startTime: '14:00',
    durationMinutes: 90,
    schoolHolidays: defaultSchoolHolidays(year),
  });
  const draft = {
    team: sampleTeam,
    year,
    slot: { weekday: 2, startTime: '14:00', minutes: 90 },
    current: behind,
    needed: 10,
    proposal,
  };
  cards.push(['year plan', yearPlanCard(draft, locale)]);
  cards.push([
    'year plan short',
    yearPlanCard({ ...draft, proposal: { meetings: proposal.meetings.slice(0, 3), shortBy: 7 } }, locale),
  ]);
  cards.push([
    'year plan enough',
    yearPlanCard({ ...draft, needed: 0, proposal: { meetings: [], shortBy: 0 } }, locale),
  ]);
  cards.push(['edit', editCard(sampleMeeting(), sampleTeam.name, locale, '2026-11-23')]);
  const moved = sampleMeeting({
    sequence: 1,
    moved_from: {
      date: '2026-09-01',
      start_time: '13:00',
      end_time: '14:30',
      place: 'Aulaen',
      online_url: null,
    },
  });
  cards.push([
    'invitation updated after a move',
    invitationCard({
      meeting: moved,
      team: sampleTeam,
      participants,
      organizerName: null,
      locale,
      variant: 'updated',
    }),
  ]);
  const cancelledWithReason = sampleMeeting({
    status: 'cancelled',
    sequence: 1,
    cancel_reason: 'Tovholderen er syg; vi finder en ny dato.',
  });
  cards.push([
    'invitation cancelled with a reason',
    invitationCard({
      meeting: cancelledWithReason,
      team: sampleTeam,
      participants,
      organizerName: null,
      locale,
      variant: 'cancelled',
    }),
  ]);
  cards.push(['cancel question', cancelConfirmCard(sampleMeeting(), sampleTeam.name, 7, locale)]);
  cards.push([
    'cancel question, nobody invited',
    cancelConfirmCard(sampleMeeting(), sampleTeam.name, 0, locale),
  ]);
  cards.push(['cancelled with a reason', cancelledCard(cancelledWithReason, locale)]);
  cards.push([
    'status',
    statusCard('Mødet er planlagt', { color: 'Accent', lines: ['x'], facts: [{ title: 'a', value: 'b' }] }),
  ]);
  cards.push([
    'channel summary',
    channelSummaryCard(
      sampleTeam.name,
      [
        { meeting: sampleMeeting(), change: 'new' },
        { meeting: sampleMeeting({ format: 'child', theme: null, child_reference: 'AB' }), change: 'moved' },
        { meeting: sampleMeeting({ status: 'cancelled' }), change: 'cancelled' },
      ],
      locale,
    ),
  ]);
  cards.push(['warning personal', frequencyWarningCard(behind, locale, true)]);
  cards.push(['warning channel', frequencyWarningCard(behind, locale, false)]);
  cards.push(['overview', overviewCard([behind, fine], locale)]);
  cards.push(['overview empty', overviewCard([], locale)]);
  cards.push([
    'team choice',
    teamChoiceCard([sampleTeam, { id: 'b', name: 'Team Syd' }], 'meetingScheduleForm', locale),
  ]);
  return cards;
}

export const meetingSamples: CardSamples = {
  templates: [
    'meeting-invitation',
    'meeting-schedule',
    'meeting-year',
    'meeting-year-plan',
    'meeting-edit',
    'meeting-cancel',
    'meeting-status',
    'meeting-team-choice',
    'meeting-format-choice',
  ],
  cards: meetingCards,
};
