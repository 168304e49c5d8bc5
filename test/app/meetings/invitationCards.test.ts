import {
  cancelConfirmCard,
  invitationCard,
  scheduleFormCard,
  usualSlot,
  type InvitationVariant,
} from '../../../src/views/meetingCards';
import { sampleMeeting, sampleTeam } from '../../cards/samples/meetings';

/** What a participant's and a coordinator's meeting cards say as the meeting changes. */
describe('meeting cards through a meeting’s life', () => {
  const participants = [{ staff_id: 's2', name: 'Pia Psykolog', rsvp: 'yes' as const }];
  const card = (variant: InvitationVariant, over = {}) =>
    JSON.stringify(
      invitationCard({
        meeting: sampleMeeting(over),
        team: sampleTeam,
        participants,
        organizerName: 'Tove Tovholder',
        locale: 'da',
        variant,
        answer: 'yes',
        calendarUrl: 'https://samspil.example/calendar/x.ics',
      }),
    );

  it('keeps the details and the answer after the meeting, says it is held, and offers no answer buttons', () => {
    const held = card('held');
    expect(held).toContain('Mobning');
    expect(held).toContain('Nordskolen, mødelokale 2');
    expect(held).toContain('Du har svaret: deltager.');
    expect(held).toContain('Mødet er afholdt');
    expect(held).not.toContain('meetingRsvp');
    expect(held).not.toContain('Allerede udført');
  });

  it('says what a move changed, old → new, on the updated invitation', () => {
    const moved = card('updated', {
      sequence: 1,
      moved_from: {
        date: '2026-09-01',
        start_time: '13:00',
        end_time: '14:30',
        place: 'Aulaen',
        online_url: null,
      },
    });
    expect(moved).toContain(
      'Flyttet fra tirsdag 1. september 2026 kl. 13:00–14:30 til tirsdag 8. september 2026 kl. 14:00–15:30.',
    );
    expect(moved).toContain('Nyt sted: Nordskolen, mødelokale 2 (før: Aulaen).');
    expect(card('updated', { sequence: 1 })).not.toContain('Flyttet fra');
  });

  it('gives the cancellation’s reason to the participants, and none when none was given', () => {
    expect(card('cancelled', { status: 'cancelled', cancel_reason: 'Tovholderen er syg.' })).toContain(
      '"title":"Begrundelse","value":"Tovholderen er syg."',
    );
    expect(card('cancelled', { status: 'cancelled' })).not.toContain('Begrundelse');
  });

  it('asks before cancelling, saying how many will be told, with an optional reason and a way back', () => {
    const ask = cancelConfirmCard(sampleMeeting(), sampleTeam.name, 7, 'da');
    const text = JSON.stringify(ask);
    expect(text).toContain('Aflys mødet?');
    expect(text).toContain('7 deltagere får besked om aflysningen');
    const json = JSON.stringify(ask);
    expect(json).toMatch(/"id":"reason"(?:(?!"id":).)*"label":"Begrundelse til deltagerne \(valgfri\)"/);
    expect(json).not.toMatch(/"id":"reason"(?:(?!"id":).)*"isRequired":true/);
    expect(json).toContain('"verb":"meetingCancel"');
    expect(json).toContain('"verb":"meetingCancelKeep"');
    expect(JSON.stringify(cancelConfirmCard(sampleMeeting(), sampleTeam.name, 0, 'da'))).toContain(
      'Ingen er inviteret endnu',
    );
  });
});

describe('the scheduling form starts where the team usually is', () => {
  const form = (format: 'theme' | 'child', team = sampleTeam) =>
    JSON.stringify(
      scheduleFormCard({
        team,
        members: [],
        others: [],
        format,
        today: '2026-11-23',
        locale: 'da',
        usualPlace: 'Børnehuset, personalerummet',
      }),
    );

  it('takes the team’s usual start and length, else 14:00 for 90 minutes', () => {
    expect(usualSlot({ meeting_start: '13:00', meeting_minutes: 90 })).toEqual({
      start: '13:00',
      end: '14:30',
    });
    expect(usualSlot({ meeting_start: null, meeting_minutes: null })).toEqual({
      start: '14:00',
      end: '15:30',
    });
    const f = form('child', { ...sampleTeam, meeting_start: '13:00', meeting_minutes: 90 });
    expect(f).toMatch(/"id":"startTime"(?:(?!"id":).)*"value":"13:00"/);
    expect(f).toMatch(/"id":"endTime"(?:(?!"id":).)*"value":"14:30"/);
    expect(f).toMatch(/"id":"place"(?:(?!"id":).)*"value":"Børnehuset, personalerummet"/);
  });

  it('shows only the chosen format’s fields; parents are ticked for a child meeting only', () => {
    const theme = form('theme');
    expect(theme).toContain('"id":"theme"');
    expect(theme).not.toContain('"id":"childReference"');
    expect(theme).not.toContain('"id":"childTakesPart"');
    expect(theme).toMatch(/"id":"parentsTakePart"(?:(?!"id":).)*"value":"false"/);
    const child = form('child');
    expect(child).not.toContain('"id":"theme"');
    expect(child).toContain('"id":"childReference"');
    expect(child).toMatch(/"id":"parentsTakePart"(?:(?!"id":).)*"value":"true"/);
    expect(child).not.toContain('"id":"initialsChecked"');
  });
});
