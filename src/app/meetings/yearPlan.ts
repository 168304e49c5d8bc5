/**
 * Planning a team's school year: the bot proposes the dates, the coordinator edits
 * and confirms them on the card, and only then are meetings created (and invited by the next tick).
 */
import { z } from 'zod';
import { addDays, type LocalDate } from '../../domain/localDate';
import { HH_MM, httpsUrlField, noCprText, optionalField } from '../../domain/meetings/fields';
import { schoolYear, type SchoolYear } from '../../domain/meetings/schoolYear';
import { proposeYearPlan, type YearPlanProposal } from '../../domain/meetings/yearPlan';
import { isLocalDate } from '../../domain/localDate';
import type { MeetingRow } from '../../store/meetingsRepo';
import type { MeetingTeamRow } from '../../store/teamsRepo';
import type { Store, TenantStore } from '../../store/store';
import type { StaffRow } from '../../store/types';
import type { MunicipalityContext } from '../municipalityContext';
import { ok, refuse, type Result } from '../../domain/result';
import { instantOf, schoolHolidaysFor, teamRole, todayOf, unusableDay } from './common';
import { teamYear, type TeamYear } from './frequency';

export interface Slot {
  weekday: number;
  startTime: string;
  minutes: number;
}

export const DEFAULT_SLOT: Slot = { weekday: 2, startTime: '14:00', minutes: 90 };

export function slotOf(team: MeetingTeamRow): Slot {
  return {
    weekday: team.meeting_weekday ?? DEFAULT_SLOT.weekday,
    startTime: team.meeting_start ?? DEFAULT_SLOT.startTime,
    minutes: team.meeting_minutes ?? DEFAULT_SLOT.minutes,
  };
}

export interface YearPlanDraft {
  team: MeetingTeamRow;
  year: SchoolYear;
  slot: Slot;
  current: TeamYear;
  /** Meetings still to plan: the minimum less those held or planned already. */
  needed: number;
  proposal: YearPlanProposal;
}

/** The proposal for the rest of `year` (from tomorrow): as many dates as the minimum still needs. */
export async function draftYearPlan(
  store: Store,
  m: MunicipalityContext,
  team: MeetingTeamRow,
  startYear: number,
  slot: Slot,
  now: Date,
): Promise<YearPlanDraft> {
  const t = store.tenant({ municipalityId: m.id, actor: 'scheduler' });
  const year = schoolYear(startYear, m.settings.schoolYearStartMonthDay);
  const current = await teamYear(t, m, team, now, year);
  const needed = current.status.planShortBy;
  const proposal =
    needed === 0
      ? { meetings: [], shortBy: 0 }
      : proposeYearPlan({
          schoolYear: year,
          minimum: needed,
          weekday: slot.weekday,
          startTime: slot.startTime,
          durationMinutes: slot.minutes,
          schoolHolidays: schoolHolidaysFor(m, year),
          from: addDays(todayOf(m, now), 1),
          timeZone: m.settings.timeZone,
        });
  return { team, year, slot, current, needed, proposal };
}

const MAX_DATES = 53;

/** Slot fields, as the card sends them. */
export const slotInput = z.object({
  weekday: z.coerce.number().int().min(1).max(5),
  startTime: z.string().regex(HH_MM),
  minutes: z.coerce.number().int().min(15).max(480),
});

export const yearPlanConfirmInput = slotInput.extend({
  teamId: z.string().uuid(),
  startYear: z.coerce.number().int().min(2000).max(2100),
  theme: noCprText('theme', { max: 200, required: true }),
  purpose: noCprText('purpose', { max: 1000, required: true }),
  place: optionalField(noCprText('place', { max: 200 })),
  onlineUrl: optionalField(httpsUrlField),
  /** The proposed dates as the coordinator left them (date0 … dateN); a blank one is dropped. */
  dates: z.array(z.string()).max(MAX_DATES),
});

export type YearPlanConfirm = z.infer<typeof yearPlanConfirmInput>;

/** date0, date1, … of the card's data, in order. */
export function datesOfCard(data: Record<string, unknown>): string[] {
  return Object.keys(data)
    .filter((k) => /^date\d+$/.test(k))
    .sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)))
    .map((k) => String(data[k] ?? '').trim());
}

/** The team whose year the caller may plan: only its coordinator plans it. */
export async function planningTeam(
  t: TenantStore,
  staff: StaffRow,
  teamId: string,
): Promise<Result<MeetingTeamRow>> {
  const team = await t.teams.get(teamId);
  if (!team) return refuse('teamGone');
  if ((await teamRole(t, staff, team.id)) !== 'coordinator') return refuse('yearNeedsCoordinator');
  return ok(team);
}

export interface ConfirmedPlan {
  team: MeetingTeamRow;
  created: MeetingRow[];
  after: TeamYear;
}

export async function confirmYearPlan(
  store: Store,
  m: MunicipalityContext,
  staff: StaffRow,
  input: YearPlanConfirm,
  now: Date,
): Promise<Result<ConfirmedPlan>> {
  const actor = { municipalityId: m.id, actor: `staff:${staff.email}` };
  const t = store.tenant(actor);
  const found = await planningTeam(t, staff, input.teamId);
  if (!found.ok) return found;
  const team = found.value;
  if (!input.place && !input.onlineUrl) return refuse('placeOrLink', { field: 'place' });
  const year = schoolYear(input.startYear, m.settings.schoolYearStartMonthDay);
  const holidays = schoolHolidaysFor(m, year);
  // The card names its date inputs date0 … dateN in order, so each refusal can stand beside its date.
  const entries = input.dates.map((d, i) => ({ d, field: `date${i}` })).filter((e) => e.d !== '');
  const dates = entries.map((e) => e.d);
  if (dates.length === 0) return refuse('chooseADate', { field: 'date0' });
  const seen = new Set<LocalDate>();
  const endTime = endOf(input.startTime, input.minutes);
  if (!endTime) return refuse('endSameDay', { field: 'minutes' });
  for (const { d, field } of entries) {
    if (!isLocalDate(d)) return refuse('date', { field });
    if (d < year.start || d > year.end) {
      return refuse('outsideSchoolYear', { field, params: { date: d, schoolYear: year.label } });
    }
    if (instantOf(m, d, input.startTime) <= now) return refuse('pastDate', { field });
    const why = unusableDay(d, holidays);
    if (why) return refuse('unusableDay', { field, params: why });
    if (seen.has(d)) return refuse('dateTwice', { field, params: { date: d } });
    seen.add(d);
  }
  const existing = new Set(
    (await t.meetings.forTeam(team.id, year.start, year.end))
      .filter((x) => x.status !== 'cancelled')
      .map((x) => x.date),
  );
  const fresh = dates.filter((d) => !existing.has(d));
  // A second press of the confirm button finds every date planned already.
  if (fresh.length === 0) return refuse('yearPlanned', { stale: true });
  const participants = (await t.teams.members(team.id)).filter((x) => x.active).map((x) => x.staff_id);
  const created = await store.inTransaction(actor, async (tx) => {
    await tx.teams.setSlot(team.id, input.weekday, input.startTime, input.minutes);
    const out: MeetingRow[] = [];
    for (const date of fresh.sort()) {
      out.push(
        await tx.meetings.create({
          teamId: team.id,
          format: 'theme',
          date,
          startTime: input.startTime,
          endTime,
          startsAt: instantOf(m, date, input.startTime),
          endsAt: instantOf(m, date, endTime),
          place: input.place ?? null,
          onlineUrl: input.onlineUrl ?? null,
          theme: input.theme,
          purpose: input.purpose,
          organizerStaffId: staff.id,
          participantIds: participants,
        }),
      );
    }
    return out;
  });
  const after = await teamYear(t, m, { ...team, meeting_weekday: input.weekday }, now, year);
  return ok({ team, created, after });
}

/** 'HH:mm' + minutes, or null past midnight. */
export function endOf(start: string, minutes: number): string | null {
  const [h, mm] = start.split(':').map(Number) as [number, number];
  const total = h * 60 + mm + minutes;
  if (total >= 24 * 60) return null;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
