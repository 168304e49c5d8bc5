import { ENGINES, EngineFixture, openTestStore } from '../../support/db';
import { defaultSettings } from '../../../src/domain/municipality';
import { loadMunicipality, type MunicipalityContext } from '../../../src/app/municipalityContext';
import type { Store, TenantStore } from '../../../src/store/store';
import type { NewMeeting } from '../../../src/store/meetingsRepo';

export interface MeetingFixture {
  store: Store;
  m: MunicipalityContext;
  t: TenantStore;
  ids: {
    coordinator: string;
    psychologist: string;
    teacher: string;
    leader: string;
    outsider: string;
    southCoordinator: string;
    north: string;
    south: string;
  };
  staff(id: string): Promise<NonNullable<Awaited<ReturnType<TenantStore['staff']['get']>>>>;
  dispose(): Promise<void>;
}

/**
 * A municipality with two teams: Team Nord at an overbygningsskole (minimum 10 a year) with a
 * coordinator, a psychologist and a teacher; Team Syd at a grundskole (minimum 6). A leader and
 * someone in no team. One open case 'S-100' (child 'AB') for the active-case rule.
 */
export async function meetingFixture(
  engine: EngineFixture = ENGINES[0]!,
  id = 'mf',
): Promise<MeetingFixture> {
  const { store, dispose } = await openTestStore(engine);
  await store.municipalities.create({
    id,
    name: 'Mf Kommune',
    tenant_id: null,
    settings: defaultSettings('herning'),
  });
  const t = store.tenant({ municipalityId: id, actor: 'test' });
  const add = async (
    email: string,
    name: string,
    roles: ('coordinator' | 'participant' | 'leader' | 'adviser')[],
    profession: string,
  ) => (await t.staff.upsert({ email: `${email}@mf.example`, name, roles, profession })).id;
  const ids = {
    coordinator: await add('tove', 'Tove Tovholder', ['coordinator'], 'lærer'),
    psychologist: await add('pia', 'Pia Psykolog', ['participant'], 'psykolog'),
    teacher: await add('lars', 'Lars Lærer', ['participant'], 'lærer'),
    leader: await add('lise', 'Lise Leder', ['leader'], 'familierådgiver'),
    outsider: await add('otto', 'Otto Udenfor', ['adviser'], 'familierådgiver'),
    southCoordinator: await add('sara', 'Sara Syd', ['coordinator'], 'pædagog'),
    north: '',
    south: '',
  };
  const nordskolen = await t.organisation.upsertInstitution('Nordskolen', 'lower_secondary_school', 'Nord');
  const sydskolen = await t.organisation.upsertInstitution('Sydskolen', 'primary_school', 'Syd');
  ids.north = (await t.organisation.upsertTeam('Team Nord', 'Nord', nordskolen.id)).id;
  ids.south = (await t.organisation.upsertTeam('Team Syd', 'Syd', sydskolen.id)).id;
  await t.organisation.setTeamMembers(ids.north, [
    { staffId: ids.coordinator, coordinator: true },
    { staffId: ids.psychologist, coordinator: false },
    { staffId: ids.teacher, coordinator: false },
  ]);
  await t.organisation.setTeamMembers(ids.south, [{ staffId: ids.southCoordinator, coordinator: true }]);
  await t.cases.upsert({
    caseRef: 'S-100',
    adviserId: ids.outsider,
    opened: '2026-01-05',
    ladderStep: 2,
    childInitials: 'AB',
  });
  return {
    store,
    m: await loadMunicipality(store, id),
    t,
    ids,
    staff: async (sid) => (await t.staff.get(sid))!,
    dispose,
  };
}

/**
 * A theme meeting on `date`, 14:00–15:30 Copenhagen winter time, at Nordskolen about bullying, called
 * by `organizer` with `participants`; `over` changes what a test is about.
 */
export function themeMeeting(
  who: { teamId: string; organizer: string; participants: string[] },
  date: string,
  over: Partial<NewMeeting> = {},
): NewMeeting {
  return {
    teamId: who.teamId,
    format: 'theme',
    date,
    startTime: '14:00',
    endTime: '15:30',
    startsAt: new Date(`${date}T13:00:00Z`),
    endsAt: new Date(`${date}T14:30:00Z`),
    place: 'Nordskolen',
    theme: 'Mobning',
    purpose: 'x',
    organizerStaffId: who.organizer,
    participantIds: who.participants,
    ...over,
  };
}

/** A theme meeting of Team Nord, called by its coordinator with the psychologist. */
export function teamNordMeeting(
  f: MeetingFixture,
  date = '2026-12-08',
  over: Partial<NewMeeting> = {},
): NewMeeting {
  return themeMeeting(
    {
      teamId: f.ids.north,
      organizer: f.ids.coordinator,
      participants: [f.ids.coordinator, f.ids.psychologist],
    },
    date,
    over,
  );
}
