/**
 * Planning that costs what is due (docs/performance.md). Each measure carries its current deadline's
 * due date and the next day the planner has something to do for it (`plan_on`). A writer that can
 * change the deadline resets `plan_on` to '-infinity' and bumps `deadline_rev` in the same statement
 * (the revision stops a pass that read the row before the change from writing stale dates back), so the next pass picks
 * the row up in its one indexed range query and writes the exact dates back; a row with nothing left
 * to remind (ended, closed case) has NULL and costs nothing. New and existing rows start at
 * '-infinity', so the first pass after this migration computes every deadline once.
 * `planning_marks` records once-a-day work (the digest) so a later pass the same day skips it.
 */
export default `
ALTER TABLE measures ADD COLUMN next_due date;
ALTER TABLE measures ADD COLUMN plan_on date DEFAULT '-infinity';
ALTER TABLE measures ADD COLUMN deadline_rev integer NOT NULL DEFAULT 0;
CREATE INDEX measures_plan_on ON measures (municipality_id, plan_on) WHERE plan_on IS NOT NULL;
CREATE INDEX measures_next_due ON measures (municipality_id, next_due) WHERE next_due IS NOT NULL;
CREATE TABLE planning_marks (
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  mark text NOT NULL,
  day date NOT NULL,
  PRIMARY KEY (municipality_id, mark, day)
);
`;
