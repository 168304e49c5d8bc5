import type { RouteKit } from './kit';

/** Key figures in Teams: the `status` command for leaders and coordinators (issue 5). */
export function registerReportRoutes(_kit: RouteKit): void {}
