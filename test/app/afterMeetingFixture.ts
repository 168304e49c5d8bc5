import { zonedInstant } from '../../src/domain/calendar';
import { defaultSettings } from '../../src/domain/municipality';
import { loadMunicipality } from '../../src/app/municipalityContext';
import type { Store } from '../../src/store/store';
import type { MeetingRow } from '../../src/store/meetingsRepo';

/**
 * A municipality with one team (Tove coordinates; Lars, Sara and Ole are members) and a child
 * meeting on Tuesday 24 Nov 2026 09:00–10:00: Lars said yes, Sara was marked present, Ole said no.
 */
export async function seedAfterMeeting(store: Store, id = 'am', settings: Record<string, unknown> = {}) {
  await store.municipalities.create({
    id,
    name: 'Eftermødeby Kommune',
    tenant_id: null,
    settings: { ...defaultSettings('herning'), ...settings },
  });
  const t = store.tenant({ municipalityId: id, actor: 'test' });
  const staff = async (
    email: string,
    name: string,
    roles: ('coordinator' | 'participant')[],
    profession: string,
  ) => (await t.staff.upsert({ email: `${email}@am.example`, name, roles, profession })).id;
  const ids = {
    tove: await staff('tove', 'Tove Tovholder', ['coordinator'], 'interdisciplinary_counsellor'),
    lars: await staff('lars', 'Lars Lærer', ['participant'], 'teacher'),
    sara: await staff('sara', 'Sara Sundhedsplejerske', ['participant'], 'health_visitor'),
    ole: await staff('ole', 'Ole Psykolog', ['participant'], 'psychologist'),
    team: '',
  };
  const inst = await t.organisation.upsertInstitution('Nordskolen', 'primary_school', 'Nord');
  ids.team = (await t.organisation.upsertTeam('Team Nord', 'Nord', inst.id)).id;
  await t.organisation.setTeamMembers(ids.team, [
    { staffId: ids.tove, coordinator: true },
    { staffId: ids.lars, coordinator: false },
    { staffId: ids.sara, coordinator: false },
    { staffId: ids.ole, coordinator: false },
  ]);
  const meeting = async (
    format: 'child' | 'theme',
    date: string,
    start = '09:00',
    end = '10:00',
  ): Promise<MeetingRow> => {
    const m = await t.meetings.create({
      teamId: ids.team,
      format,
      date,
      startTime: start,
      endTime: end,
      startsAt: zonedInstant(date, start),
      endsAt: zonedInstant(date, end),
      childReference: format === 'child' ? 'AB' : null,
      theme: format === 'theme' ? 'Mobning' : null,
      purpose: format === 'child' ? 'Bekymring for trivsel' : null,
      place: 'Mødelokale 2',
      participantIds: [ids.tove, ids.lars, ids.sara, ids.ole],
    });
    await t.meetings.setRsvp(m.id, ids.lars, 'yes', zonedInstant('2026-11-20', '10:00'));
    await t.meetings.setRsvp(m.id, ids.ole, 'no', zonedInstant('2026-11-20', '10:00'));
    await t.meetings.setAttended(m.id, ids.sara, true);
    return m;
  };
  return { t, ids, meeting, municipality: () => loadMunicipality(store, id) };
}
