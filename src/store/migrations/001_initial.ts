/** The foundation schema. Every tenant-owned row carries municipality_id; queries always filter on it. */
export default `
CREATE TABLE municipalities (
  id text PRIMARY KEY,
  name text NOT NULL,
  tenant_id text UNIQUE,
  settings jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  name text NOT NULL,
  UNIQUE (municipality_id, name)
);

CREATE TABLE staff (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  email text NOT NULL,
  name text NOT NULL,
  roles text[] NOT NULL DEFAULT '{}',
  profession text,
  unit_id uuid REFERENCES units(id) ON DELETE SET NULL,
  leader_id uuid REFERENCES staff(id) ON DELETE SET NULL,
  aad_object_id text,
  locale text,
  reminder_mode text NOT NULL DEFAULT 'single' CHECK (reminder_mode IN ('single', 'digest')),
  working_start text,
  working_end text,
  active boolean NOT NULL DEFAULT true,
  UNIQUE (municipality_id, email)
);
CREATE INDEX staff_aad ON staff (aad_object_id);

CREATE TABLE institutions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('daycare', 'primary_school', 'lower_secondary_school')),
  district text,
  UNIQUE (municipality_id, name)
);

CREATE TABLE teams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  name text NOT NULL,
  district text NOT NULL,
  institution_id uuid NOT NULL REFERENCES institutions(id),
  UNIQUE (municipality_id, name)
);

CREATE TABLE team_members (
  team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  is_coordinator boolean NOT NULL DEFAULT false,
  PRIMARY KEY (team_id, staff_id)
);

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  case_ref text NOT NULL,
  adviser_id uuid REFERENCES staff(id) ON DELETE SET NULL,
  opened date NOT NULL,
  closed date,
  ladder_step integer,
  child_initials text,
  UNIQUE (municipality_id, case_ref)
);
CREATE INDEX cases_adviser ON cases (municipality_id, adviser_id);

CREATE TABLE measures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  measure_type text NOT NULL,
  start date NOT NULL,
  "end" date,
  cadence jsonb,
  postponed_to date,
  postpone_reason text,
  UNIQUE (case_id, measure_type, start)
);
CREATE INDEX measures_municipality ON measures (municipality_id);

CREATE TABLE followups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  measure_id uuid NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
  held_on date NOT NULL,
  due_on date,
  child_conversation boolean NOT NULL,
  registered_by text NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (measure_id, held_on)
);
CREATE INDEX followups_municipality ON followups (municipality_id, held_on);

CREATE TABLE ladder_moves (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  moved_on date NOT NULL,
  from_step integer,
  to_step integer
);
CREATE INDEX ladder_moves_municipality ON ladder_moves (municipality_id, moved_on);

CREATE TABLE conversation_refs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  conversation_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('personal', 'channel', 'groupChat')),
  staff_id uuid REFERENCES staff(id) ON DELETE CASCADE,
  team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
  reference jsonb NOT NULL,
  dead boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, conversation_id)
);

CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  dedupe_key text NOT NULL,
  kind text NOT NULL,
  recipient_staff_id uuid REFERENCES staff(id) ON DELETE CASCADE,
  conversation_id text,
  payload jsonb NOT NULL,
  not_before timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'parked', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  lease_owner text,
  lease_until timestamptz,
  last_error text,
  sent_at timestamptz,
  activity_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, dedupe_key)
);
CREATE INDEX outbox_ready ON outbox (status, not_before);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  details jsonb
);
CREATE INDEX audit_log_municipality ON audit_log (municipality_id, at);
`;
