import { collectYearlyStatus, type YearlyStatusInput } from './collect';
import { yearlyStatusHtml } from './html';

export const YEARLY_STATUS = 'yearly-status';

/** `samspil report yearly-status --year Y`: the year's key figures as one printable HTML document. */
export async function yearlyStatusDocument(input: YearlyStatusInput): Promise<string> {
  return yearlyStatusHtml(await collectYearlyStatus(input));
}
