/**
 * Dated ladder history (seed 002 §3.2: a child's step is compared on two cut-off dates). One row per
 * date a child entered a step; the latest row on or before a date is the child's step then, a null
 * step means off the ladder from that date. It replaces the undated `cases.ladder_step` and the
 * change log `ladder_moves`, whose moves are carried over as the steps they led to.
 */
export default `
CREATE TABLE ladder_steps (
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  from_date date NOT NULL,
  step integer CHECK (step IS NULL OR step >= 1),
  PRIMARY KEY (case_id, from_date)
);
CREATE INDEX ladder_steps_municipality ON ladder_steps (municipality_id, case_id, from_date);

-- Several moves on one day: the one that ends where the case stands now wins.
INSERT INTO ladder_steps (municipality_id, case_id, from_date, step)
SELECT DISTINCT ON (l.case_id, l.moved_on) l.municipality_id, l.case_id, l.moved_on, l.to_step
FROM ladder_moves l JOIN cases c ON c.id = l.case_id
ORDER BY l.case_id, l.moved_on, (l.to_step IS NOT DISTINCT FROM c.ladder_step) DESC;

-- A step with no recorded move is dated from the case's opening.
INSERT INTO ladder_steps (municipality_id, case_id, from_date, step)
SELECT c.municipality_id, c.id, c.opened, c.ladder_step FROM cases c
WHERE c.ladder_step IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ladder_steps s WHERE s.case_id = c.id);

DROP TABLE ladder_moves;
ALTER TABLE cases DROP COLUMN ladder_step;
`;
