import { fill } from '../../i18n/texts';
import { teamYear, type TeamYear } from '../../app/meetings/frequency';
import { REPORT_TEXTS } from '../../i18n/reportTexts';
import { caseFiguresFor, teamFiguresFor } from '../../reports/statusFigures';
import { caseDisclosure } from '../../app/disclosure';
import { caseSection, statusCard, teamSections, type StatusSection } from '../../views/statusCard';
import { HandlerDeps, KnownCaller, today } from './deps';
import { cardMessage, textMessage, type Message } from '../cardReply';

/**
 * `status`: key figures scoped by role, checked here on the server. A leader sees their unit's and the
 * municipality's case figures, a coordinator their own teams' meetings and questionnaire results (a
 * coordinator is whoever coordinates a team, with or without the role); both see both; anyone else is
 * told what the command is for. The period is the calendar year so far.
 */
export async function showStatus(deps: HandlerDeps, caller: KnownCaller): Promise<Message[]> {
  const s = REPORT_TEXTS[caller.locale].status;
  const isLeader = caller.staff.roles.includes('leader');
  const teamIds = await caller.tenant.reports.coordinatedTeamIds(caller.staff.id);
  const isCoordinator = teamIds.length > 0 || caller.staff.roles.includes('coordinator');
  if (!isLeader && !isCoordinator) return [textMessage(s.notAllowed)];
  const to = today(deps, caller);
  const period = { from: `${to.slice(0, 4)}-01-01`, to };
  const src = { tenant: caller.tenant, municipality: caller.municipality, now: deps.clock.now() };
  const sections: StatusSection[] = [];
  const notes: string[] = [];
  if (isLeader) {
    const unitId = caller.staff.unit_id;
    const unitName = unitId ? await caller.tenant.reports.unitName(unitId) : null;
    if (unitId && unitName) {
      sections.push(
        caseSection(
          fill(s.unit, { unit: unitName }),
          await caseFiguresFor(
            { ...src, disclosure: caseDisclosure(caller.staff, { unitId }) },
            { unitId },
            period,
          ),
          caller.locale,
        ),
      );
    } else {
      notes.push(s.noUnit);
    }
    const all = await caseFiguresFor({ ...src, disclosure: caseDisclosure(caller.staff, {}) }, {}, period);
    sections.push(caseSection(s.municipality, all, caller.locale));
  }
  if (isCoordinator) {
    if (teamIds.length === 0) notes.push(s.noTeams);
    else {
      // The pace is the school year's, judged as `møder` judges it (teamYear), so the two agree.
      const paces = new Map<string, TeamYear>();
      for (const id of teamIds) {
        const team = await caller.tenant.teams.get(id);
        if (team) paces.set(id, await teamYear(caller.tenant, caller.municipality, team, deps.clock.now()));
      }
      sections.push(...teamSections(await teamFiguresFor(src, teamIds, period), paces, caller.locale));
    }
  }
  return [
    cardMessage(statusCard({ locale: caller.locale, period, note: notes.join(' '), sections }), s.title),
  ];
}
