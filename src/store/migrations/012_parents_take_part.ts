/**
 * Parents take part as themselves (seed 002 §2.4: whether the parents felt heard is one of the
 * model's own measures). A parent answers the parents' form on Samspil's public page, or with the
 * coordinator's help in Teams; an agreement in the minutes may be owned by a parent or the family.
 */
export default `
-- How many parents' answers a meeting's link accepts: the parents expected at the table.
ALTER TABLE meetings ADD COLUMN parents_expected smallint NOT NULL DEFAULT 2
  CHECK (parents_expected BETWEEN 0 AND 6);

-- A parent's answer takes one of the meeting's numbered places (1 .. parents_expected); the unique
-- index lets no more answers in than places, however many submits race on however many instances.
-- assisted: typed in Teams by the coordinator with the parent, rather than on the parent's own phone.
ALTER TABLE questionnaire_responses ADD COLUMN parent_place smallint;
ALTER TABLE questionnaire_responses ADD COLUMN assisted boolean NOT NULL DEFAULT false;
-- Every parent's answer before this migration was recorded by a coordinator.
UPDATE questionnaire_responses SET assisted = true WHERE on_behalf_of_parent;
CREATE UNIQUE INDEX questionnaire_responses_parent_place ON questionnaire_responses (meeting_id, parent_place)
  WHERE parent_place IS NOT NULL;

-- An agreement is owned by someone at the meeting (reminded in Teams) or by a role outside the staff
-- ('parent', 'family' or a role written in the minutes), which is followed up at the next meeting.
ALTER TABLE agreements ALTER COLUMN owner_staff_id DROP NOT NULL;
ALTER TABLE agreements ADD COLUMN owner_role text;
ALTER TABLE agreements ADD CONSTRAINT agreements_owner CHECK ((owner_staff_id IS NULL) <> (owner_role IS NULL));
`;
