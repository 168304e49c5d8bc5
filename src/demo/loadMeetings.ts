import type { Store } from '../store/store';
import type { LocalDate } from '../domain/localDate';
import { zonedInstant } from '../domain/calendar';
import { isInstitutionType } from '../domain/institutions';
import { generateDemoMeetings, type DemoTeam } from './meetings';

/**
 * Puts the demo teams' school year in the store through the same repositories the bot uses.
 * Held meetings get RSVPs and questionnaire answers (form version 1); of the scheduled ones only
 * each team's next meeting is left unannounced, so the first scheduler pass invites to that one
 * rather than to the whole year at once.
 */
export async function loadDemoMeetings(
  store: Store,
  municipalityId: string,
  today: LocalDate,
  timeZone: string,
): Promise<string> {
  return store.inTransaction({ municipalityId, actor: 'demo' }, async (t) => {
    const teams: DemoTeam[] = [];
    const coordinatorOf = new Map<string, string>();
    for (const team of await t.teams.list()) {
      const type = team.institution_type;
      if (!type || !isInstitutionType(type)) continue;
      const members = await t.teams.members(team.id);
      const coordinator = members.find((m) => m.is_coordinator);
      if (coordinator) coordinatorOf.set(team.id, coordinator.staff_id);
      teams.push({
        id: team.id,
        institutionType: type,
        members: members.map((m) => ({ staffId: m.staff_id, profession: m.profession })),
      });
    }
    const { slots, meetings } = generateDemoMeetings(today, teams);
    for (const s of slots) await t.teams.setSlot(s.teamId, s.weekday, s.startTime, s.minutes);
    const announced = new Set<string>();
    let answers = 0;
    for (const m of meetings) {
      const endsAt = zonedInstant(m.date, m.endTime, timeZone);
      const row = await t.meetings.create({
        ...m,
        startsAt: zonedInstant(m.date, m.startTime, timeZone),
        endsAt,
        place: 'Mødelokalet',
        organizerStaffId: coordinatorOf.get(m.teamId) ?? null,
      });
      if (!m.held) {
        if (announced.has(m.teamId)) await t.meetings.markNotified(row.id, row.sequence);
        announced.add(m.teamId);
        continue;
      }
      await t.meetings.markHeld(row.id);
      await t.meetings.markNotified(row.id, row.sequence);
      for (const id of m.participantIds) await t.meetings.setRsvp(row.id, id, 'yes', row.starts_at);
      for (const r of m.responses) {
        const answer = {
          meetingId: row.id,
          formId: r.formId,
          formVersion: 1,
          answers: r.answers,
          answeredAt: new Date(endsAt.getTime() + 3_600_000),
        };
        const saved =
          r.staffId === null
            ? await t.questionnaires.recordParent({ ...answer, recordedByStaffId: null, assisted: false })
            : await t.questionnaires.record({
                ...answer,
                respondentStaffId: r.staffId,
                recordedByStaffId: r.staffId,
              });
        if (saved) answers++;
      }
    }
    const held = meetings.filter((m) => m.held).length;
    return `Planned ${meetings.length} team meetings (${held} held, ${answers} questionnaire answers)`;
  });
}
