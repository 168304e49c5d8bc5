/**
 * Who may see exact case figures (SPEC "Disclosure by audience"; docs/key-figures.md): the readers
 * who may open the cases behind them anyway. An admin may open every case; a leader the cases of
 * the own unit's advisers. Anyone else (a coordinator, the municipality-wide figures shown to a
 * leader of one unit, a document for the public) gets small groups hidden. Questionnaire answers
 * are hidden for every reader, whatever this says (src/domain/keyFigures/questionnaireResults.ts).
 */
import { EXACT, SUPPRESSED, type Disclosure } from '../domain/keyFigures';
import type { StaffRow } from '../store/types';

/** How case figures over `scope` are shown to `reader`. */
export function caseDisclosure(
  reader: Pick<StaffRow, 'roles' | 'unit_id'>,
  scope: { unitId?: string | null },
): Disclosure {
  if (reader.roles.includes('admin')) return EXACT;
  if (reader.roles.includes('leader') && reader.unit_id && scope.unitId === reader.unit_id) return EXACT;
  return SUPPRESSED;
}

/** `samspil report --audience`: the admin running it reads exact figures; `public` is for publishing. */
export const AUDIENCES = ['internal', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

export function audienceDisclosure(audience: Audience): Disclosure {
  return audience === 'internal' ? EXACT : SUPPRESSED;
}
