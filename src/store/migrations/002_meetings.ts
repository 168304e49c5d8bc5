/**
 * Cross-disciplinary team meetings and the post-meeting questionnaire. Like every
 * tenant-owned table, each carries municipality_id and every query filters on it.
 */
export default `
-- The team's usual meeting slot, used when the bot proposes a school year's dates.
ALTER TABLE teams ADD COLUMN meeting_weekday integer CHECK (meeting_weekday BETWEEN 1 AND 5);
ALTER TABLE teams ADD COLUMN meeting_start text;
ALTER TABLE teams ADD COLUMN meeting_minutes integer;

CREATE TABLE meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  format text NOT NULL CHECK (format IN ('theme', 'child')),
  -- scheduled → held once it has ended (the scheduler marks it), or cancelled by the coordinator.
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled')),
  date date NOT NULL,
  start_time text NOT NULL,
  end_time text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  place text,
  online_url text,
  theme text,
  -- Initials or a case reference only; never a CPR number or a name (docs/domain-rules.md).
  child_reference text,
  purpose text,
  parents_take_part boolean NOT NULL DEFAULT false,
  child_takes_part boolean NOT NULL DEFAULT false,
  -- iCalendar SEQUENCE: one more on every change or cancellation (same UID = the meeting id).
  sequence integer NOT NULL DEFAULT 0,
  organizer_staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
  previous_meeting_id uuid REFERENCES meetings(id) ON DELETE SET NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (format <> 'child' OR child_reference IS NOT NULL)
);
CREATE INDEX meetings_team ON meetings (municipality_id, team_id, date);
CREATE INDEX meetings_ends ON meetings (municipality_id, status, ends_at);

CREATE TABLE meeting_participants (
  meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  -- NULL until the participant answers the invitation card.
  rsvp text CHECK (rsvp IN ('yes', 'no')),
  rsvp_at timestamptz,
  -- Marked present (true) or absent (false) by the coordinator; NULL when nobody said.
  attended boolean,
  PRIMARY KEY (meeting_id, staff_id)
);
CREATE INDEX meeting_participants_staff ON meeting_participants (staff_id);

-- Signs of Safety minutes of a meeting about a child (one per meeting).
CREATE TABLE meeting_minutes (
  meeting_id uuid PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  resources text NOT NULL DEFAULT '',
  challenges text NOT NULL DEFAULT '',
  goals text NOT NULL DEFAULT '',
  next_meeting_date date,
  next_meeting_id uuid REFERENCES meetings(id) ON DELETE SET NULL,
  child_ruler_level text,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE agreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  text text NOT NULL,
  owner_staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  due date NOT NULL,
  done_on date
);
CREATE INDEX agreements_due ON agreements (municipality_id, due);

-- Questionnaire forms are versioned data: a municipality's edited form is a new version.
CREATE TABLE questionnaire_forms (
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  form_id text NOT NULL,
  version integer NOT NULL,
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, form_id, version)
);

CREATE TABLE questionnaire_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  -- The staff member who answered; NULL for a parent's answer (recorded by a coordinator).
  respondent_staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
  recorded_by_staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
  on_behalf_of_parent boolean NOT NULL DEFAULT false,
  form_id text NOT NULL,
  form_version integer NOT NULL,
  answers jsonb NOT NULL,
  answered_at timestamptz NOT NULL DEFAULT now(),
  CHECK (on_behalf_of_parent OR respondent_staff_id IS NOT NULL)
);
-- A person answers once per meeting.
CREATE UNIQUE INDEX questionnaire_responses_once ON questionnaire_responses (meeting_id, respondent_staff_id)
  WHERE respondent_staff_id IS NOT NULL;
CREATE INDEX questionnaire_responses_municipality ON questionnaire_responses (municipality_id, answered_at);
`;
