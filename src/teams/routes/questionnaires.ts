import type { RouteKit } from './kit';

/** Signs of Safety minutes and the post-meeting questionnaire (issues 4 and 5). */
export function registerQuestionnaireRoutes(_kit: RouteKit): void {}
