import { showStatus } from '../handlers/status';
import { showOverview } from '../handlers/overview';
import type { RouteKit } from './kit';

/** The same word in Danish and English. */
export const REPORT_COMMANDS = {
  status: /^\s*status\s*$/i,
  overview: /^\s*(overblik|overview)\s*$/i,
};

/**
 * Key figures in Teams: the `status` command for leaders and coordinators. Personal chat
 * only: a unit's figures are for the leader, not for a channel.
 */
export function registerReportRoutes(kit: RouteKit): void {
  kit.app.message(REPORT_COMMANDS.status, kit.personal(showStatus));
  kit.app.message(REPORT_COMMANDS.overview, kit.personal(showOverview));
}
