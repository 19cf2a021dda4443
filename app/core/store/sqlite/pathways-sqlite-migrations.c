/* pathways-sqlite-migrations.c — the schema, one ordered step at a time
 *
 * Never edit a migration that has shipped: add a new one.  Each runs in
 * its own transaction and sets PRAGMA user_version to its number.  The
 * table definitions are portable SQL (a PostgreSQL backend makes the
 * same tables); the audit triggers and PRAGMAs are SQLite's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-sqlite"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pathways-sqlite-internal.h"

/* Version 1: the entities */
static const char schema_v1[] =
  "CREATE TABLE staff ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  role TEXT NOT NULL CHECK (role IN ('pa', 'housing', 'manager')),"
  "  team TEXT,"
  "  email TEXT"
  ");"

  "CREATE TABLE young_person ("
  "  id INTEGER PRIMARY KEY,"
  "  given_name TEXT NOT NULL,"
  "  family_name TEXT NOT NULL,"
  "  preferred_name TEXT,"
  "  date_of_birth TEXT NOT NULL,"
  "  sex TEXT NOT NULL,"
  "  ethnicity TEXT,"
  "  local_id TEXT NOT NULL UNIQUE,"
  "  pa_id INTEGER REFERENCES staff (id),"
  "  team TEXT,"
  "  uasc INTEGER NOT NULL DEFAULT 0,"
  "  immigration_status TEXT,"
  "  appeal_stage TEXT,"
  "  are_date TEXT,"
  "  age_assessment TEXT,"
  "  human_rights_assessment_date TEXT,"
  "  disability INTEGER NOT NULL DEFAULT 0,"
  "  needs_summary TEXT,"
  "  wishes_feelings TEXT,"
  "  home_postcode TEXT,"
  "  preferred_area TEXT,"
  "  date_first_looked_after TEXT,"
  "  days_looked_after_since_14 INTEGER NOT NULL DEFAULT 0 CHECK (days_looked_after_since_14 >= 0),"
  "  days_looked_after_since_16 INTEGER NOT NULL DEFAULT 0 CHECK (days_looked_after_since_16 >= 0),"
  "  date_care_ended TEXT,"
  "  last_placement TEXT,"
  "  returned_home_6_months INTEGER NOT NULL DEFAULT 0,"
  "  special_guardianship INTEGER NOT NULL DEFAULT 0,"
  "  custody_or_hospital_at_16 INTEGER NOT NULL DEFAULT 0,"
  "  needs_assessment_date TEXT,"
  "  pathway_plan_review_date TEXT,"
  "  last_contact_date TEXT"
  ");"
  "CREATE INDEX young_person_pa ON young_person (pa_id);"

  "CREATE TABLE unit ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  provider TEXT,"
  "  provider_type TEXT,"
  "  address TEXT,"
  "  postcode TEXT,"
  "  area TEXT,"
  "  in_authority INTEGER NOT NULL DEFAULT 0,"
  "  kind TEXT NOT NULL,"
  "  bedrooms INTEGER NOT NULL DEFAULT 0 CHECK (bedrooms >= 0),"
  "  shared INTEGER NOT NULL DEFAULT 0,"
  "  min_age INTEGER NOT NULL DEFAULT 0,"
  "  max_age INTEGER NOT NULL DEFAULT 0,"
  "  support_hours REAL NOT NULL DEFAULT 0 CHECK (support_hours >= 0),"
  "  staffing TEXT,"
  "  ofsted_urn TEXT,"
  "  registration TEXT,"
  "  weekly_cost INTEGER NOT NULL DEFAULT 0 CHECK (weekly_cost >= 0),"
  "  commissioning TEXT,"
  "  status TEXT NOT NULL CHECK (status IN ('available', 'occupied', 'reserved', 'void', 'offline')),"
  "  status_from TEXT,"
  "  status_to TEXT,"
  "  status_reason TEXT,"
  "  retired_on TEXT,"
  "  CHECK (min_age <= max_age OR max_age = 0)"
  ");"
  "CREATE INDEX unit_kind ON unit (kind, status);"

  "CREATE TABLE spell ("
  "  id INTEGER PRIMARY KEY,"
  "  young_person_id INTEGER NOT NULL REFERENCES young_person (id),"
  "  unit_id INTEGER REFERENCES unit (id),"
  "  address TEXT,"
  "  accom TEXT,"
  "  accom_suitable INTEGER NOT NULL DEFAULT 1,"
  "  place TEXT,"
  "  place_provider TEXT,"
  "  start_date TEXT NOT NULL,"
  "  planned_end TEXT,"
  "  actual_end TEXT,"
  "  state TEXT NOT NULL CHECK (state IN ('planned', 'current', 'ended')),"
  "  weekly_cost INTEGER NOT NULL DEFAULT 0 CHECK (weekly_cost >= 0),"
  "  reason_for_move TEXT,"
  "  CHECK (actual_end IS NULL OR actual_end >= start_date),"
  "  CHECK (planned_end IS NULL OR planned_end >= start_date)"
  ");"
  "CREATE INDEX spell_person ON spell (young_person_id, start_date);"
  "CREATE INDEX spell_unit ON spell (unit_id, start_date);"

  "CREATE TABLE milestone_template ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  category TEXT NOT NULL,"
  "  due_age_months INTEGER NOT NULL DEFAULT 0,"
  "  statutory INTEGER NOT NULL DEFAULT 0,"
  "  uasc_only INTEGER NOT NULL DEFAULT 0,"
  "  description TEXT"
  ");"

  "CREATE TABLE milestone ("
  "  id INTEGER PRIMARY KEY,"
  "  young_person_id INTEGER NOT NULL REFERENCES young_person (id) ON DELETE CASCADE,"
  "  template_id INTEGER REFERENCES milestone_template (id),"
  "  name TEXT NOT NULL,"
  "  category TEXT NOT NULL,"
  "  due_date TEXT,"
  "  done_date TEXT,"
  "  note TEXT"
  ");"
  "CREATE INDEX milestone_person ON milestone (young_person_id, due_date);"

  "CREATE TABLE transition ("
  "  id INTEGER PRIMARY KEY,"
  "  young_person_id INTEGER NOT NULL REFERENCES young_person (id),"
  "  from_spell_id INTEGER REFERENCES spell (id),"
  "  to_unit_id INTEGER REFERENCES unit (id),"
  "  to_address TEXT,"
  "  to_spell_id INTEGER REFERENCES spell (id),"
  "  planned_date TEXT NOT NULL,"
  "  state TEXT NOT NULL CHECK (state IN ('proposed', 'confirmed', 'done', 'cancelled')),"
  "  scheduled_by INTEGER REFERENCES staff (id),"
  "  note TEXT"
  ");"
  "CREATE INDEX transition_person ON transition (young_person_id, planned_date);"
  "CREATE INDEX transition_unit ON transition (to_unit_id, planned_date);"

  "PRAGMA application_id = 1346458696;";  /* "PATH" */

/* Version 2: reference codes, milestone templates, the audit log */
static const char schema_v2[] =
  "CREATE TABLE ref_code ("
  "  id INTEGER PRIMARY KEY,"
  "  list TEXT NOT NULL,"
  "  code TEXT NOT NULL,"
  "  meaning TEXT NOT NULL,"
  "  valid_from TEXT,"   /* first day the code may be used; NULL = always */
  "  valid_to TEXT,"     /* first day it may no longer be used; NULL = still valid */
  "  unsuitable_only INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (list, code, valid_from)"
  ");"

  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  table_name TEXT NOT NULL,"
  "  row_id INTEGER NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),"
  "  before_values TEXT,"
  "  after_values TEXT"
  ");"
  "CREATE INDEX audit_row ON audit_log (table_name, row_id);"

  /* DfE SSDA903 code lists.  Sources: DfE CLA return guidance; domain.md §2 */
  "INSERT INTO ref_code (list, code, meaning, valid_from, valid_to, unsuitable_only) VALUES"
  " ('ACCOM', 'B', 'With parents or relatives', NULL, NULL, 0),"
  " ('ACCOM', 'C', 'Community home or other form of residential care', NULL, NULL, 0),"
  " ('ACCOM', 'D', 'Semi-independent, transitional accommodation', NULL, NULL, 0),"
  " ('ACCOM', 'E', 'Supported lodgings', NULL, NULL, 0),"
  " ('ACCOM', 'G', 'Gone abroad', NULL, NULL, 0),"
  " ('ACCOM', 'H', 'Deported', NULL, NULL, 0),"
  " ('ACCOM', 'K', 'Ordinary lodgings, without formal support', NULL, NULL, 0),"
  " ('ACCOM', 'R', 'Residence not known', NULL, NULL, 0),"
  " ('ACCOM', 'S', 'No fixed abode or homeless', NULL, NULL, 1),"
  " ('ACCOM', 'T', 'Foyers and similar supported accommodation', NULL, NULL, 0),"
  " ('ACCOM', 'U', 'Independent living', NULL, NULL, 0),"
  " ('ACCOM', 'V', 'Emergency accommodation', NULL, NULL, 0),"
  " ('ACCOM', 'W', 'Bed and breakfast', NULL, NULL, 0),"
  " ('ACCOM', 'X', 'In custody', NULL, NULL, 1),"
  " ('ACCOM', 'Y', 'Other accommodation', NULL, NULL, 0),"
  " ('ACCOM', 'Z', 'With former foster carers (Staying Put)', NULL, NULL, 0),"
  " ('ACCOM', '0', 'Not in touch, died or returned home', NULL, NULL, 0),"

  " ('PLACE', 'A3', 'Placed for adoption with consent with current foster carers', NULL, NULL, 0),"
  " ('PLACE', 'A4', 'Placed for adoption with consent not with current foster carers', NULL, NULL, 0),"
  " ('PLACE', 'A5', 'Placed for adoption with placement order with current foster carers', NULL, NULL, 0),"
  " ('PLACE', 'A6', 'Placed for adoption with placement order not with current foster carers', NULL, NULL, 0),"
  " ('PLACE', 'H5', 'Semi-independent living not subject to Children''s Homes Regulations', NULL, '2025-04-01', 0),"
  " ('PLACE', 'K1', 'Secure children''s home', NULL, NULL, 0),"
  " ('PLACE', 'K2', 'Children''s home', NULL, NULL, 0),"
  " ('PLACE', 'K3', 'Registered supported accommodation', '2024-04-01', NULL, 0),"
  " ('PLACE', 'P1', 'Placed with own parents or person with parental responsibility', NULL, NULL, 0),"
  " ('PLACE', 'P2', 'Independent living', NULL, '2023-10-28', 0),"
  " ('PLACE', 'P3', 'Residential employment', NULL, NULL, 0),"
  " ('PLACE', 'R1', 'Residential care home', NULL, NULL, 0),"
  " ('PLACE', 'R2', 'NHS or health trust medical or nursing care', NULL, NULL, 0),"
  " ('PLACE', 'R3', 'Family centre or mother and baby unit', NULL, NULL, 0),"
  " ('PLACE', 'R5', 'Young offender institution or prison', NULL, NULL, 0),"
  " ('PLACE', 'S1', 'Residential school', NULL, NULL, 0),"
  " ('PLACE', 'T0', 'Temporary move of 7 days or less', NULL, NULL, 0),"
  " ('PLACE', 'T1', 'Temporary periods in hospital', NULL, NULL, 0),"
  " ('PLACE', 'T2', 'Temporary absence on holiday', NULL, NULL, 0),"
  " ('PLACE', 'T3', 'Temporary accommodation while carer is unavailable', NULL, NULL, 0),"
  " ('PLACE', 'T4', 'Temporary accommodation of 7 days or less', NULL, NULL, 0),"
  " ('PLACE', 'U1', 'Foster with relative or friend, long term', NULL, NULL, 0),"
  " ('PLACE', 'U2', 'Foster with relative or friend who is an approved adopter', NULL, NULL, 0),"
  " ('PLACE', 'U3', 'Foster with relative or friend, not long term', NULL, NULL, 0),"
  " ('PLACE', 'U4', 'Foster with other carer, long term', NULL, NULL, 0),"
  " ('PLACE', 'U5', 'Foster with other carer who is an approved adopter', NULL, NULL, 0),"
  " ('PLACE', 'U6', 'Foster with other carer, not long term', NULL, NULL, 0),"
  " ('PLACE', 'Z1', 'Other placement', NULL, '2025-04-01', 0),"
  " ('PLACE', 'Z11', 'Other placement (2025/26 split; exact meaning to be confirmed)', '2025-04-01', NULL, 0),"
  " ('PLACE', 'Z12', 'Other placement (2025/26 split; exact meaning to be confirmed)', '2025-04-01', NULL, 0),"
  " ('PLACE', 'Z13', 'Other placement (2025/26 split; exact meaning to be confirmed)', '2025-04-01', NULL, 0),"
  " ('PLACE', 'Z14', 'Other placement (2025/26 split; exact meaning to be confirmed)', '2025-04-01', NULL, 0),"

  " ('PLACE_PROVIDER', 'PR0', 'Parents or other person with parental responsibility', NULL, NULL, 0),"
  " ('PLACE_PROVIDER', 'PR1', 'Own provision by the local authority', NULL, NULL, 0),"
  " ('PLACE_PROVIDER', 'PR2', 'Other local authority provision', NULL, NULL, 0),"
  " ('PLACE_PROVIDER', 'PR3', 'Other public provision', NULL, NULL, 0),"
  " ('PLACE_PROVIDER', 'PR4', 'Private provision', NULL, NULL, 0),"
  " ('PLACE_PROVIDER', 'PR5', 'Voluntary or third sector provision', NULL, NULL, 0),"

  " ('ACTIV', 'F1', 'Full-time higher education', NULL, NULL, 0),"
  " ('ACTIV', 'P1', 'Part-time higher education', NULL, NULL, 0),"
  " ('ACTIV', 'F2', 'Full-time other education', NULL, NULL, 0),"
  " ('ACTIV', 'P2', 'Part-time other education', NULL, NULL, 0),"
  " ('ACTIV', 'F3', 'Full-time training or employment (retired code)', NULL, '2019-04-01', 0),"
  " ('ACTIV', 'P3', 'Part-time training or employment (retired code)', NULL, '2019-04-01', 0),"
  " ('ACTIV', 'F4', 'Full-time apprenticeship', NULL, NULL, 0),"
  " ('ACTIV', 'P4', 'Part-time apprenticeship', NULL, NULL, 0),"
  " ('ACTIV', 'F5', 'Full-time training or employment', NULL, NULL, 0),"
  " ('ACTIV', 'P5', 'Part-time training or employment', NULL, NULL, 0),"
  " ('ACTIV', 'G4', 'Not in education, training or employment: illness or disability', NULL, NULL, 0),"
  " ('ACTIV', 'G5', 'Not in education, training or employment: other reasons', NULL, NULL, 0),"
  " ('ACTIV', 'G6', 'Not in education, training or employment: pregnancy or parenting', NULL, NULL, 0),"
  " ('ACTIV', '0', 'Not in touch, unknown, died or returned home', NULL, NULL, 0),"

  " ('IN_TOUCH', 'YES', 'In touch', NULL, NULL, 0),"
  " ('IN_TOUCH', 'NO', 'Not in touch', NULL, NULL, 0),"
  " ('IN_TOUCH', 'DIED', 'Died', NULL, NULL, 0),"
  " ('IN_TOUCH', 'REFU', 'Refuses contact', NULL, NULL, 0),"
  " ('IN_TOUCH', 'NREQ', 'No longer requires services', NULL, NULL, 0),"
  " ('IN_TOUCH', 'RHOM', 'Returned home to parents for 6 months or more', NULL, NULL, 0),"

  " ('ETHNIC', 'WBRI', 'White British', NULL, NULL, 0),"
  " ('ETHNIC', 'WIRI', 'White Irish', NULL, NULL, 0),"
  " ('ETHNIC', 'WIRT', 'Traveller of Irish heritage', NULL, NULL, 0),"
  " ('ETHNIC', 'WOTH', 'Any other White background', NULL, NULL, 0),"
  " ('ETHNIC', 'WROM', 'Gypsy or Roma', NULL, NULL, 0),"
  " ('ETHNIC', 'MWBC', 'White and Black Caribbean', NULL, NULL, 0),"
  " ('ETHNIC', 'MWBA', 'White and Black African', NULL, NULL, 0),"
  " ('ETHNIC', 'MWAS', 'White and Asian', NULL, NULL, 0),"
  " ('ETHNIC', 'MOTH', 'Any other mixed background', NULL, NULL, 0),"
  " ('ETHNIC', 'AIND', 'Indian', NULL, NULL, 0),"
  " ('ETHNIC', 'APKN', 'Pakistani', NULL, NULL, 0),"
  " ('ETHNIC', 'ABAN', 'Bangladeshi', NULL, NULL, 0),"
  " ('ETHNIC', 'AOTH', 'Any other Asian background', NULL, NULL, 0),"
  " ('ETHNIC', 'BCRB', 'Caribbean', NULL, NULL, 0),"
  " ('ETHNIC', 'BAFR', 'African', NULL, NULL, 0),"
  " ('ETHNIC', 'BOTH', 'Any other Black background', NULL, NULL, 0),"
  " ('ETHNIC', 'CHNE', 'Chinese', NULL, NULL, 0),"
  " ('ETHNIC', 'OOTH', 'Any other ethnic group', NULL, NULL, 0),"
  " ('ETHNIC', 'REFU', 'Refused', NULL, NULL, 0),"
  " ('ETHNIC', 'NOBT', 'Information not yet obtained', NULL, NULL, 0);"

  /* Readiness milestones, domain.md §3.  due_age_months: age at which due */
  "INSERT INTO milestone_template (name, category, due_age_months, statutory, uasc_only, description) VALUES"
  " ('Apply for National Insurance number', 'finance', 189, 0, 0, 'Not automatic for looked-after children'),"
  " ('Personal adviser introduced', 'plans', 192, 1, 0, NULL),"
  " ('Staying Put first considered', 'accommodation', 192, 0, 0, 'At the first looked-after review after the 16th birthday'),"
  " ('Registered with a GP and dentist', 'health', 192, 0, 0, NULL),"
  " ('Independent-living skills assessment', 'practical', 192, 0, 0, 'Cooking, shopping, laundry, bills, budgeting, self-care'),"
  " ('Savings account opened', 'finance', 192, 0, 0, NULL),"
  " ('Family and support network mapped', 'family', 192, 0, 0, NULL),"
  " ('Immigration status and solicitor confirmed', 'immigration', 192, 0, 1, NULL),"
  " ('Needs assessment completed', 'plans', 195, 1, 0, 'Within 3 months of the 16th birthday'),"
  " ('Pathway plan agreed', 'plans', 195, 1, 0, NULL),"
  " ('Accommodation route chosen', 'accommodation', 198, 0, 0, 'Staying Put, Staying Close or registered supported accommodation'),"
  " ('Education, employment and training plan', 'eet', 204, 0, 0, NULL),"
  " ('Tenancy-ready course completed', 'accommodation', 204, 0, 0, NULL),"
  " ('Housing register application made', 'accommodation', 204, 0, 0, NULL),"
  " ('Record 903 IN_TOUCH, ACTIV and ACCOM at 17', 'plans', 204, 1, 0, NULL),"
  " ('ID documents: birth certificate, passport, provisional licence', 'practical', 210, 0, 0, NULL),"
  " ('Bank account opened', 'finance', 210, 0, 0, NULL),"
  " ('Health passport given', 'health', 210, 0, 0, NULL),"
  " ('Further leave application made before 18', 'immigration', 210, 0, 1, NULL),"
  " ('Advance Universal Credit claim', 'finance', 215, 0, 0, 'From 28 days before the 18th birthday'),"
  " ('Junior ISA access', 'finance', 216, 0, 0, NULL),"
  " ('Council tax exemption arranged', 'finance', 216, 0, 0, NULL),"
  " ('Registered to vote', 'practical', 216, 0, 0, NULL),"
  " ('Access to care records offered', 'family', 216, 0, 0, NULL),"
  " ('Record 903 IN_TOUCH, ACTIV and ACCOM at 18', 'plans', 216, 1, 0, NULL),"
  " ('Human rights assessment if appeal rights are exhausted', 'immigration', 216, 0, 1, NULL),"
  " ('Record 903 IN_TOUCH, ACTIV and ACCOM at 19', 'plans', 228, 1, 0, NULL),"
  " ('Record 903 IN_TOUCH, ACTIV and ACCOM at 20', 'plans', 240, 1, 0, NULL),"
  " ('Move-on plan for the end of Staying Put', 'accommodation', 246, 0, 0, 'Staying Put ends at 21'),"
  " ('Record 903 IN_TOUCH, ACTIV and ACCOM at 21', 'plans', 252, 1, 0, NULL),"
  " ('Decide on PA support from 21 to 25', 'plans', 252, 1, 0, NULL);";

/* Version 3: rule settings per authority, and bank holidays for working days */
static const char schema_v3[] =
  "CREATE TABLE setting ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL UNIQUE,"
  "  value TEXT"
  ");"
  "INSERT INTO setting (key, value) VALUES"
  " ('authority_name', NULL),"
  " ('authority_areas', NULL),"            /* areas inside the authority, ';'-separated */
  " ('contact_interval_days', '56'),"      /* PA contact: at least every 8 weeks (local) */
  " ('readiness_threshold', '70'),"        /* % of weighted milestones done: ready for move-on */
  " ('readiness_weights', 'plans=1;accommodation=2;practical=2;finance=2;eet=1;health=1;family=1;immigration=1'),"
  " ('staying_close_scope', 'residential')," /* or 'all' when the 2026 Act widens it */
  " ('suha_amount', '300000'),"            /* Setting Up Home Allowance, pence (DfE minimum from 1 April 2023) */
  " ('emergency_max_working_days', '2');"  /* B&B only in an emergency, for at most 2 working days */

  "CREATE TABLE bank_holiday ("
  "  id INTEGER PRIMARY KEY,"
  "  day TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  region TEXT NOT NULL DEFAULT 'england-and-wales',"
  "  UNIQUE (day, region)"
  ");"
  /* England and Wales bank holidays (GOV.UK), substitute days included */
  "INSERT INTO bank_holiday (day, name) VALUES"
  " ('2020-01-01', 'New Year''s Day'), ('2020-04-10', 'Good Friday'), ('2020-04-13', 'Easter Monday'),"
  " ('2020-05-08', 'Early May bank holiday (VE day)'), ('2020-05-25', 'Spring bank holiday'),"
  " ('2020-08-31', 'Summer bank holiday'), ('2020-12-25', 'Christmas Day'), ('2020-12-28', 'Boxing Day (substitute day)'),"
  " ('2021-01-01', 'New Year''s Day'), ('2021-04-02', 'Good Friday'), ('2021-04-05', 'Easter Monday'),"
  " ('2021-05-03', 'Early May bank holiday'), ('2021-05-31', 'Spring bank holiday'),"
  " ('2021-08-30', 'Summer bank holiday'), ('2021-12-27', 'Christmas Day (substitute day)'), ('2021-12-28', 'Boxing Day (substitute day)'),"
  " ('2022-01-03', 'New Year''s Day (substitute day)'), ('2022-04-15', 'Good Friday'), ('2022-04-18', 'Easter Monday'),"
  " ('2022-05-02', 'Early May bank holiday'), ('2022-06-02', 'Spring bank holiday'), ('2022-06-03', 'Platinum Jubilee bank holiday'),"
  " ('2022-08-29', 'Summer bank holiday'), ('2022-09-19', 'State Funeral of Queen Elizabeth II'),"
  " ('2022-12-26', 'Boxing Day'), ('2022-12-27', 'Christmas Day (substitute day)'),"
  " ('2023-01-02', 'New Year''s Day (substitute day)'), ('2023-04-07', 'Good Friday'), ('2023-04-10', 'Easter Monday'),"
  " ('2023-05-01', 'Early May bank holiday'), ('2023-05-08', 'Coronation of King Charles III'), ('2023-05-29', 'Spring bank holiday'),"
  " ('2023-08-28', 'Summer bank holiday'), ('2023-12-25', 'Christmas Day'), ('2023-12-26', 'Boxing Day'),"
  " ('2024-01-01', 'New Year''s Day'), ('2024-03-29', 'Good Friday'), ('2024-04-01', 'Easter Monday'),"
  " ('2024-05-06', 'Early May bank holiday'), ('2024-05-27', 'Spring bank holiday'),"
  " ('2024-08-26', 'Summer bank holiday'), ('2024-12-25', 'Christmas Day'), ('2024-12-26', 'Boxing Day'),"
  " ('2025-01-01', 'New Year''s Day'), ('2025-04-18', 'Good Friday'), ('2025-04-21', 'Easter Monday'),"
  " ('2025-05-05', 'Early May bank holiday'), ('2025-05-26', 'Spring bank holiday'),"
  " ('2025-08-25', 'Summer bank holiday'), ('2025-12-25', 'Christmas Day'), ('2025-12-26', 'Boxing Day'),"
  " ('2026-01-01', 'New Year''s Day'), ('2026-04-03', 'Good Friday'), ('2026-04-06', 'Easter Monday'),"
  " ('2026-05-04', 'Early May bank holiday'), ('2026-05-25', 'Spring bank holiday'),"
  " ('2026-08-31', 'Summer bank holiday'), ('2026-12-25', 'Christmas Day'), ('2026-12-28', 'Boxing Day (substitute day)'),"
  " ('2027-01-01', 'New Year''s Day'), ('2027-03-26', 'Good Friday'), ('2027-03-29', 'Easter Monday'),"
  " ('2027-05-03', 'Early May bank holiday'), ('2027-05-31', 'Spring bank holiday'),"
  " ('2027-08-30', 'Summer bank holiday'), ('2027-12-27', 'Christmas Day (substitute day)'), ('2027-12-28', 'Boxing Day (substitute day)'),"
  " ('2028-01-03', 'New Year''s Day (substitute day)'), ('2028-04-14', 'Good Friday'), ('2028-04-17', 'Easter Monday'),"
  " ('2028-05-01', 'Early May bank holiday'), ('2028-05-29', 'Spring bank holiday'),"
  " ('2028-08-28', 'Summer bank holiday'), ('2028-12-25', 'Christmas Day'), ('2028-12-26', 'Boxing Day');"

  /* Covering indexes for the rules snapshot: readiness by category, and overdue ones */
  "CREATE INDEX milestone_progress ON milestone (young_person_id, category, due_date, done_date);"
  "CREATE INDEX milestone_open ON milestone (done_date, due_date);"
  "CREATE INDEX transition_state ON transition (state, planned_date);";

/* Version 4: dated notes; what a scheduled move replaced, so cancelling it restores it */
static const char schema_v4[] =
  "CREATE TABLE note ("
  "  id INTEGER PRIMARY KEY,"
  "  young_person_id INTEGER NOT NULL REFERENCES young_person (id) ON DELETE CASCADE,"
  "  written_on TEXT NOT NULL,"
  "  author TEXT,"
  "  body TEXT NOT NULL"
  ");"
  "CREATE INDEX note_person ON note (young_person_id, written_on);"
  "ALTER TABLE transition ADD COLUMN from_planned_end TEXT;"
  "ALTER TABLE transition ADD COLUMN accepted_warnings TEXT;";

/* Version 5: where places are, for the sufficiency figures.  There are no
 * coordinates in the records: a postcode district (the outward code,
 * "NB3") names an area, and the distance between two areas (centre to
 * centre, in miles) is looked up here.  A pair that is not listed is an
 * unknown distance, never a guess.  The rows below are the geography of
 * the demonstration authority (Northbrook); an authority replaces them
 * with its own districts and distances. */
static const char schema_v5[] =
  "CREATE TABLE postcode_area ("
  "  id INTEGER PRIMARY KEY,"
  "  district TEXT NOT NULL UNIQUE,"
  "  area TEXT NOT NULL"
  ");"
  "CREATE TABLE area_distance ("
  "  id INTEGER PRIMARY KEY,"
  "  from_area TEXT NOT NULL,"
  "  to_area TEXT NOT NULL,"
  "  miles REAL NOT NULL CHECK (miles >= 0),"
  "  UNIQUE (from_area, to_area)"
  ");"
  "INSERT INTO postcode_area (district, area) VALUES"
  " ('NB1', 'Northbrook Central'), ('NB2', 'Eastfield'), ('NB3', 'Westmoor'), ('NB4', 'Southgate'),"
  " ('NB5', 'Millbank'), ('NB6', 'Riverside'), ('HT4', 'Hatherley'), ('AC2', 'Ashcombe'),"
  " ('KF7', 'Kingsford'), ('EL3', 'Elmstead'), ('CH9', 'Coldharbour');"
  "INSERT INTO area_distance (from_area, to_area, miles) VALUES"
  " ('Northbrook Central', 'Eastfield', 4.1), ('Northbrook Central', 'Westmoor', 4.0), ('Northbrook Central', 'Southgate', 4.0),"
  " ('Northbrook Central', 'Millbank', 4.0), ('Northbrook Central', 'Riverside', 3.2), ('Northbrook Central', 'Hatherley', 13.5),"
  " ('Northbrook Central', 'Ashcombe', 22.8), ('Northbrook Central', 'Kingsford', 30.8), ('Northbrook Central', 'Elmstead', 17.0),"
  " ('Northbrook Central', 'Coldharbour', 46.1), ('Eastfield', 'Westmoor', 8.0), ('Eastfield', 'Southgate', 6.4),"
  " ('Eastfield', 'Millbank', 3.2), ('Eastfield', 'Riverside', 6.9), ('Eastfield', 'Hatherley', 11.7),"
  " ('Eastfield', 'Ashcombe', 26.5), ('Eastfield', 'Kingsford', 27.0), ('Eastfield', 'Elmstead', 14.6),"
  " ('Eastfield', 'Coldharbour', 49.5), ('Westmoor', 'Southgate', 6.0), ('Westmoor', 'Millbank', 6.7),"
  " ('Westmoor', 'Riverside', 3.6), ('Westmoor', 'Hatherley', 16.9), ('Westmoor', 'Ashcombe', 18.8),"
  " ('Westmoor', 'Kingsford', 33.9), ('Westmoor', 'Elmstead', 18.8), ('Westmoor', 'Coldharbour', 44.0),"
  " ('Southgate', 'Millbank', 7.8), ('Southgate', 'Riverside', 2.5), ('Southgate', 'Hatherley', 11.2),"
  " ('Southgate', 'Ashcombe', 24.2), ('Southgate', 'Kingsford', 33.3), ('Southgate', 'Elmstead', 20.6),"
  " ('Southgate', 'Coldharbour', 43.1), ('Millbank', 'Riverside', 7.2), ('Millbank', 'Hatherley', 14.8),"
  " ('Millbank', 'Ashcombe', 24.1), ('Millbank', 'Kingsford', 27.2), ('Millbank', 'Elmstead', 13.0),"
  " ('Millbank', 'Coldharbour', 50.1), ('Riverside', 'Hatherley', 13.6), ('Riverside', 'Ashcombe', 21.7),"
  " ('Riverside', 'Kingsford', 33.9), ('Riverside', 'Elmstead', 20.2), ('Riverside', 'Coldharbour', 42.9),"
  " ('Hatherley', 'Ashcombe', 35.3), ('Hatherley', 'Kingsford', 30.9), ('Hatherley', 'Elmstead', 24.1),"
  " ('Hatherley', 'Coldharbour', 47.7), ('Ashcombe', 'Kingsford', 48.5), ('Ashcombe', 'Elmstead', 31.3),"
  " ('Ashcombe', 'Coldharbour', 41.8), ('Kingsford', 'Elmstead', 17.3), ('Kingsford', 'Coldharbour', 76.4),"
  " ('Elmstead', 'Coldharbour', 62.8);";

/* Version 6: optimistic concurrency.  Every row a person can change
 * carries a version, 1 when inserted and one more on every update; a
 * save or delete of a row whose version moved on since it was read is
 * refused (and the audit triggers, made again after this step, record
 * the version too, which is how the refusal can say who changed what). */
static const char schema_v6[] =
  "ALTER TABLE staff ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE young_person ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE unit ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE spell ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE milestone_template ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE milestone ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE transition ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE ref_code ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE setting ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE bank_holiday ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE note ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE postcode_area ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE area_distance ADD COLUMN version INTEGER NOT NULL DEFAULT 1;";

/* Care history as SSDA903 episodes (issue #12).  The episode table, the
 * code lists an episode uses that the store did not hold yet, and the
 * days-looked-after figures typed into older versions turned into
 * episodes marked "typed-figures" and needs_check, so nothing is lost:
 * - figures of a young person whose care ended (date_care_ended C):
 *   the days since 16 become an episode ending on C, the days between 14
 *   and 16 one ending on the 16th birthday (or where the later one
 *   starts), and a first looked-after date before those one more episode
 *   up to the 14th birthday; the last one has the last placement, and
 *   E45 (special guardianship) if that was ticked;
 * - figures of one still looked after: one open episode from the date
 *   first looked after (or where the days since 14 put it).
 * Derived again from these, the days since 14 and 16 are the typed ones
 * whenever those were consistent with the dates. */
static const char schema_episodes[] =
  "CREATE TABLE episode ("
  "  id INTEGER PRIMARY KEY,"
  "  young_person_id INTEGER NOT NULL REFERENCES young_person (id) ON DELETE CASCADE,"
  "  decom TEXT NOT NULL,"
  "  rne TEXT,"
  "  ls TEXT,"
  "  cin TEXT,"
  "  place TEXT,"
  "  place_provider TEXT,"
  "  dec TEXT CHECK (dec IS NULL OR dec > decom),"
  "  rec TEXT,"
  "  reason_place_change TEXT,"
  "  home_post TEXT,"
  "  pl_post TEXT,"
  "  urn TEXT,"
  "  origin TEXT,"
  "  needs_check INTEGER NOT NULL DEFAULT 0,"
  "  import_id INTEGER,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX episode_person ON episode (young_person_id, decom);"

  "INSERT INTO ref_code (list, code, meaning, valid_from, valid_to, unsuitable_only) VALUES"
  " ('LS', 'C1', 'Interim care order', NULL, NULL, 0),"
  " ('LS', 'C2', 'Full care order', NULL, NULL, 0),"
  " ('LS', 'D1', 'Freeing order granted', NULL, NULL, 0),"
  " ('LS', 'E1', 'Placement order granted', NULL, NULL, 0),"
  " ('LS', 'V2', 'Single period of accommodation under section 20 (Children Act 1989)', NULL, NULL, 0),"
  " ('LS', 'V3', 'Accommodated under an agreed series of short-term breaks when individual episodes of care are recorded', NULL, NULL, 0),"
  " ('LS', 'V4', 'Accommodated under an agreed series of short-term breaks when agreements are recorded', NULL, NULL, 0),"
  " ('LS', 'L1', 'Under police protection and in local authority accommodation', NULL, NULL, 0),"
  " ('LS', 'L2', 'Emergency protection order', NULL, NULL, 0),"
  " ('LS', 'L3', 'Under child assessment order and in local authority accommodation', NULL, NULL, 0),"
  " ('LS', 'J1', 'On remand or committed for trial or sentence and accommodated by the local authority', NULL, NULL, 0),"
  " ('LS', 'J2', 'Detained in local authority accommodation under PACE', NULL, NULL, 0),"
  " ('LS', 'J3', 'Sentenced to a youth rehabilitation order with residence or intensive fostering requirement', NULL, NULL, 0),"
  " ('RNE', 'S', 'Started to be looked after', NULL, NULL, 0),"
  " ('RNE', 'L', 'Change of legal status only', NULL, NULL, 0),"
  " ('RNE', 'P', 'Change of placement and carer(s) only', NULL, NULL, 0),"
  " ('RNE', 'T', 'Change of placement, same carer(s)', NULL, NULL, 0),"
  " ('RNE', 'B', 'Change of legal status and placement and carer(s) at the same time', NULL, NULL, 0),"
  " ('RNE', 'U', 'Change of legal status and change of placement, same carer(s)', NULL, NULL, 0),"
  " ('CIN', 'N1', 'Abuse or neglect', NULL, NULL, 0),"
  " ('CIN', 'N2', 'Child''s disability', NULL, NULL, 0),"
  " ('CIN', 'N3', 'Parental illness or disability', NULL, NULL, 0),"
  " ('CIN', 'N4', 'Family in acute stress', NULL, NULL, 0),"
  " ('CIN', 'N5', 'Family dysfunction', NULL, NULL, 0),"
  " ('CIN', 'N6', 'Socially unacceptable behaviour', NULL, NULL, 0),"
  " ('CIN', 'N7', 'Low income', NULL, NULL, 0),"
  " ('CIN', 'N8', 'Absent parenting', NULL, NULL, 0),"
  " ('REC', 'E11', 'Adopted: application for an adoption order unopposed', NULL, NULL, 0),"
  " ('REC', 'E12', 'Adopted: consent dispensed with by the court', NULL, NULL, 0),"
  " ('REC', 'E2', 'Died', NULL, NULL, 0),"
  " ('REC', 'E3', 'Care taken over by another local authority in the UK', NULL, NULL, 0),"
  " ('REC', 'E4A', 'Returned home to live with parent(s) or other person(s) with parental responsibility as part of the care planning process', NULL, NULL, 0),"
  " ('REC', 'E4B', 'Returned home to live with parent(s) or other person(s) with parental responsibility not as part of the care planning process', NULL, NULL, 0),"
  " ('REC', 'E13', 'Left care to live with parent(s) or relative(s) or other person(s) with no parental responsibility', NULL, NULL, 0),"
  " ('REC', 'E41', 'Residence order or child arrangements order granted', NULL, NULL, 0),"
  " ('REC', 'E45', 'Special guardianship order made to former foster carer(s) who were a relative or friend', NULL, NULL, 0),"
  " ('REC', 'E46', 'Special guardianship order made to former foster carer(s), other than relative or friend', NULL, NULL, 0),"
  " ('REC', 'E47', 'Special guardianship order made to carer(s), other than former foster carer(s), who were a relative or friend', NULL, NULL, 0),"
  " ('REC', 'E48', 'Special guardianship order made to carer(s), other than former foster carer(s), other than relative or friend', NULL, NULL, 0),"
  " ('REC', 'E5', 'Moved into independent living arrangement and no longer looked after: supportive accommodation providing formalised advice or support (hostels, foyers, Staying Close, care leavers projects)', NULL, NULL, 0),"
  " ('REC', 'E6', 'Moved into independent living arrangement and no longer looked after: accommodation providing no formalised advice or support', NULL, NULL, 0),"
  " ('REC', 'E7', 'Transferred to residential care funded by adult social care services', NULL, NULL, 0),"
  " ('REC', 'E8', 'Period of being looked after ceased for any other reason', NULL, NULL, 0),"
  " ('REC', 'E9', 'Sentenced to custody', NULL, NULL, 0),"
  " ('REC', 'E14', 'Accommodation on remand ended', NULL, NULL, 0),"
  " ('REC', 'E15', 'Age assessment determined the child is aged 18 or over', NULL, NULL, 0),"
  " ('REC', 'E16', 'Child moved abroad', NULL, NULL, 0),"
  " ('REC', 'E17', 'Aged 18 (or over) and remained with current carers (Staying Put)', NULL, NULL, 0),"
  " ('REC', 'X1', 'Episode ceases and new episode begins on the same day', NULL, NULL, 0),"
  " ('REASON_PLACE_CHANGE', 'CARPL', 'Change to or implementation of the care plan', NULL, NULL, 0),"
  " ('REASON_PLACE_CHANGE', 'CLOSE', 'Resignation of the carer or closure of the provision', NULL, NULL, 0),"
  " ('REASON_PLACE_CHANGE', 'ALLEG', 'Allegation (s47 enquiry)', NULL, NULL, 0),"
  " ('REASON_PLACE_CHANGE', 'STAND', 'Standards of care concern', NULL, NULL, 0),"
  " ('REASON_PLACE_CHANGE', 'APPRR', 'Approval removed', NULL, NULL, 0),"
  " ('REASON_PLACE_CHANGE', 'CREQB', 'Carer requests placement end due to the child''s behaviour', NULL, NULL, 0),"
  " ('REASON_PLACE_CHANGE', 'CREQO', 'Carer requests placement end for another reason', NULL, NULL, 0),"
  " ('REASON_PLACE_CHANGE', 'CHILD', 'Child requests placement end', NULL, NULL, 0),"
  " ('REASON_PLACE_CHANGE', 'LAREQ', 'Responsible or area authority requests placement end', NULL, NULL, 0),"
  " ('REASON_PLACE_CHANGE', 'PLACE', 'Change in the status of the placement only', NULL, NULL, 0),"
  " ('REASON_PLACE_CHANGE', 'CUSTOD', 'Custody arrangement', NULL, NULL, 0),"
  " ('REASON_PLACE_CHANGE', 'OTHER', 'Other', NULL, NULL, 0);"

  "CREATE TEMP TABLE typed_figures AS SELECT id, date_first_looked_after AS fla,"
  "  days_looked_after_since_14 AS d14, days_looked_after_since_16 AS d16, date_care_ended AS ce,"
  "  last_placement AS lp, special_guardianship AS sgo,"
  "  date(date_of_birth, '+14 years') AS b14, date(date_of_birth, '+16 years') AS b16,"
  "  NULL AS late_start, NULL AS early_start, NULL AS early_end"
  "  FROM young_person WHERE days_looked_after_since_14 > 0 OR days_looked_after_since_16 > 0"
  "  OR date_first_looked_after IS NOT NULL OR date_care_ended IS NOT NULL;"
  "UPDATE typed_figures SET late_start = date(ce, printf('-%d days', d16)) WHERE ce IS NOT NULL AND d16 > 0;"
  "UPDATE typed_figures SET early_end = min(b16, coalesce(late_start, ce)) WHERE ce IS NOT NULL AND d14 > d16;"
  "UPDATE typed_figures SET early_start = date(early_end, printf('-%d days', d14 - d16)) WHERE early_end IS NOT NULL;"
  "INSERT INTO episode (young_person_id, decom, place, dec, rec, origin, needs_check)"
  "  SELECT id, late_start, lp, ce, CASE WHEN sgo THEN 'E45' END, 'typed-figures', 1"
  "  FROM typed_figures WHERE late_start IS NOT NULL AND late_start < ce;"
  "INSERT INTO episode (young_person_id, decom, place, dec, rec, origin, needs_check)"
  "  SELECT id, early_start, CASE WHEN late_start IS NULL THEN lp END, early_end,"
  "  CASE WHEN late_start IS NULL AND sgo THEN 'E45' END, 'typed-figures', 1"
  "  FROM typed_figures WHERE early_start IS NOT NULL;"
  "INSERT INTO episode (young_person_id, decom, place, dec, rec, origin, needs_check)"
  "  SELECT id, fla, CASE WHEN late_start IS NULL AND early_start IS NULL THEN lp END,"
  "  CASE WHEN late_start IS NULL AND early_start IS NULL THEN ce ELSE min(b14, coalesce(early_start, late_start)) END,"
  "  CASE WHEN late_start IS NULL AND early_start IS NULL AND sgo THEN 'E45' END, 'typed-figures', 1"
  "  FROM typed_figures WHERE ce IS NOT NULL AND fla IS NOT NULL"
  "  AND fla < CASE WHEN late_start IS NULL AND early_start IS NULL THEN ce"
  "               ELSE min(b14, coalesce(early_start, late_start)) END;"
  "INSERT INTO episode (young_person_id, decom, place, origin, needs_check)"
  "  SELECT id, coalesce(fla, CASE WHEN d14 > d16 THEN date(b16, printf('-%d days', d14 - d16))"
  "                                WHEN d16 > 0 THEN b16 END), lp, 'typed-figures', 1"
  "  FROM typed_figures WHERE ce IS NULL AND (fla IS NOT NULL OR d14 > 0 OR d16 > 0);"
  "DROP TABLE typed_figures;";
/* The planner: the weights of its objective, which a manager changes in
 * Preferences (pathways-settings.c describes each) */
static const char schema_plan_weights[] =
  "INSERT INTO setting (key, value) VALUES"
  " ('plan_weight_cost', '10'),"
  " ('plan_weight_distance', '30'),"
  " ('plan_weight_stability', '10'),"
  " ('plan_weight_readiness', '30'),"
  " ('plan_weight_wishes', '20'),"
  " ('plan_weight_waiting', '50');"
  /* Proposals turned down, so that the next plan does not make them again */
  "CREATE TABLE plan_rejection ("
  "  id INTEGER PRIMARY KEY,"
  "  young_person_id INTEGER NOT NULL REFERENCES young_person (id) ON DELETE CASCADE,"
  "  unit_id INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,"
  "  rejected_on TEXT NOT NULL,"
  "  reason TEXT NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX plan_rejection_person ON plan_rejection (young_person_id);";

/* Version 9: commissioning.  The placements budget (lines per financial
 * year — the year it starts in, 1 April — and kind of provision; income
 * per placement), providers and the frameworks they are on, referrals to
 * them and the offers that come back, and the authority's I statements
 * with the answers young people give at review.  The I statements below
 * are the demonstration authority's, in the words of the consultations
 * the committee reports describe; an authority keeps its own. */
static const char schema_commissioning[] =
  "CREATE TABLE budget_line ("
  "  id INTEGER PRIMARY KEY,"
  "  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9998),"
  "  kind TEXT NOT NULL,"
  "  amount INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),"
  "  placement_weeks REAL NOT NULL DEFAULT 0 CHECK (placement_weeks >= 0),"
  "  income INTEGER NOT NULL DEFAULT 0 CHECK (income >= 0),"
  "  note TEXT,"
  "  version INTEGER NOT NULL DEFAULT 1,"
  "  UNIQUE (year, kind)"
  ");"
  "CREATE TABLE placement_income ("
  "  id INTEGER PRIMARY KEY,"
  "  young_person_id INTEGER NOT NULL REFERENCES young_person (id) ON DELETE CASCADE,"
  "  spell_id INTEGER REFERENCES spell (id) ON DELETE SET NULL,"
  "  source TEXT NOT NULL,"
  "  weekly_amount INTEGER NOT NULL DEFAULT 0 CHECK (weekly_amount >= 0),"
  "  start_date TEXT NOT NULL,"
  "  end_date TEXT,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX placement_income_person ON placement_income (young_person_id);"
  "CREATE TABLE provider ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  route TEXT NOT NULL,"
  "  framework TEXT,"
  "  kinds TEXT,"
  "  contact_name TEXT,"
  "  email TEXT,"
  "  phone TEXT,"
  "  registration TEXT,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE TABLE referral ("
  "  id INTEGER PRIMARY KEY,"
  "  young_person_id INTEGER NOT NULL REFERENCES young_person (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"
  "  made_on TEXT NOT NULL,"
  "  needed_by TEXT NOT NULL,"
  "  provider_ids TEXT NOT NULL,"
  "  include_wishes INTEGER NOT NULL DEFAULT 0,"
  "  risks TEXT,"
  "  made_by INTEGER REFERENCES staff (id),"
  "  state TEXT NOT NULL CHECK (state IN ('open', 'placed', 'closed')),"
  "  placed_on TEXT,"
  "  close_reason TEXT,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX referral_person ON referral (young_person_id);"
  "CREATE TABLE offer ("
  "  id INTEGER PRIMARY KEY,"
  "  referral_id INTEGER NOT NULL REFERENCES referral (id) ON DELETE CASCADE,"
  "  young_person_id INTEGER NOT NULL REFERENCES young_person (id) ON DELETE CASCADE,"
  "  provider_id INTEGER NOT NULL REFERENCES provider (id),"
  "  unit_name TEXT NOT NULL,"
  "  address TEXT,"
  "  postcode TEXT,"
  "  area TEXT,"
  "  weekly_cost INTEGER NOT NULL DEFAULT 0 CHECK (weekly_cost >= 0),"
  "  available_from TEXT NOT NULL,"
  "  received_on TEXT,"
  "  registration TEXT,"
  "  state TEXT NOT NULL CHECK (state IN ('open', 'accepted', 'closed')),"
  "  close_reason TEXT,"
  "  unit_id INTEGER REFERENCES unit (id) ON DELETE SET NULL,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX offer_referral ON offer (referral_id);"
  "CREATE TABLE i_statement ("
  "  id INTEGER PRIMARY KEY,"
  "  text TEXT NOT NULL,"
  "  measure TEXT NOT NULL CHECK (measure IN ('distance_from_home', 'moves_12_months', 'wishes_recorded',"
  "                                           'pa_contact', 'asked')),"
  "  threshold REAL NOT NULL DEFAULT 0,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  retired INTEGER NOT NULL DEFAULT 0,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE TABLE i_statement_answer ("
  "  id INTEGER PRIMARY KEY,"
  "  young_person_id INTEGER NOT NULL REFERENCES young_person (id) ON DELETE CASCADE,"
  "  statement_id INTEGER NOT NULL REFERENCES i_statement (id) ON DELETE CASCADE,"
  "  answer TEXT NOT NULL CHECK (answer IN ('yes', 'partly', 'no')),"
  "  asked_on TEXT NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX i_statement_answer_person ON i_statement_answer (young_person_id, statement_id);"
  "INSERT INTO i_statement (text, measure, threshold, position) VALUES"
  " ('I live near my friends, my family and my school or college.', 'distance_from_home', 20, 1), ('I do not have to keep moving: I can stay where I live.', 'moves_12_months', 1, 2), ('I am listened to about where I live.', 'wishes_recorded', 0, 3), ('My personal adviser keeps in touch with me.', 'pa_contact', 0, 4), ('I feel safe where I live.', 'asked', 0, 5), ('I am treated with respect by the people who support me.', 'asked', 0, 6);";

/* Issue #12, a real caseload: teams (the team a staff member or young
 * person is in names a row here; renaming a team renames it in both),
 * staff who left on a date, cases closed with a reason, contacts with
 * the young person, PA support after 21 on request, and education,
 * employment or training (903 ACTIV) from a date. */
static const char schema_caseload[] =
  "CREATE TABLE team ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  closed_on TEXT,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ");"
  "INSERT INTO team (name)"
  "  SELECT team FROM staff WHERE team IS NOT NULL AND team <> ''"
  "  UNION SELECT team FROM young_person WHERE team IS NOT NULL AND team <> '' ORDER BY 1;"
  "CREATE TRIGGER team_renamed AFTER UPDATE OF name ON team WHEN NEW.name <> OLD.name BEGIN"
  "  UPDATE staff SET team = NEW.name, version = version + 1 WHERE team = OLD.name;"
  "  UPDATE young_person SET team = NEW.name, version = version + 1 WHERE team = OLD.name;"
  "END;"
  "ALTER TABLE staff ADD COLUMN left_on TEXT;"
  "ALTER TABLE young_person ADD COLUMN closed_on TEXT;"
  "ALTER TABLE young_person ADD COLUMN close_reason TEXT;"
  "ALTER TABLE young_person ADD COLUMN pa_support_after_21 TEXT"
  "  CHECK (pa_support_after_21 IN ('requested', 'declined'));"
  "ALTER TABLE young_person ADD COLUMN pa_support_offered_on TEXT;"
  "CREATE TABLE contact ("
  "  id INTEGER PRIMARY KEY,"
  "  young_person_id INTEGER NOT NULL REFERENCES young_person (id) ON DELETE CASCADE,"
  "  contact_date TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('visit', 'phone', 'video', 'message', 'attempted')),"
  "  note TEXT,"
  "  author TEXT,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX contact_person ON contact (young_person_id, contact_date);"
  /* A contact date typed into the profile before contacts were recorded
   * becomes the first contact, so the alert reads the same */
  "INSERT INTO contact (young_person_id, contact_date, kind, note)"
  "  SELECT id, last_contact_date, 'visit', 'Last contact date recorded on the profile'"
  "  FROM young_person WHERE last_contact_date IS NOT NULL;"
  "CREATE TABLE activity ("
  "  id INTEGER PRIMARY KEY,"
  "  young_person_id INTEGER NOT NULL REFERENCES young_person (id) ON DELETE CASCADE,"
  "  activ TEXT NOT NULL,"
  "  start_date TEXT NOT NULL,"
  "  end_date TEXT,"
  "  version INTEGER NOT NULL DEFAULT 1,"
  "  CHECK (end_date IS NULL OR end_date >= start_date)"
  ");"
  "CREATE INDEX activity_person ON activity (young_person_id, start_date);"
  "INSERT OR IGNORE INTO setting (key, value) VALUES ('retention_years', '75');";

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FAILED,
                   _("Could not update the database structure: %s"), msg ? msg : "?");
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_v1 (sqlite3  *db,
          GError  **error)
{
  return exec_sql (db, schema_v1, error);
}

static gboolean
apply_v2 (sqlite3  *db,
          GError  **error)
{
  return exec_sql (db, schema_v2, error);
}

static gboolean
apply_v3 (sqlite3  *db,
          GError  **error)
{
  return exec_sql (db, schema_v3, error);
}

static gboolean
apply_v4 (sqlite3  *db,
          GError  **error)
{
  return exec_sql (db, schema_v4, error);
}

static gboolean
apply_v5 (sqlite3  *db,
          GError  **error)
{
  return exec_sql (db, schema_v5, error);
}

static gboolean
apply_v6 (sqlite3  *db,
          GError  **error)
{
  return exec_sql (db, schema_v6, error);
}

static gboolean
apply_plan_weights (sqlite3  *db,
                    GError  **error)
{
  return exec_sql (db, schema_plan_weights, error);
}

/* Version 8: a tamper-evident audit trail.  audit_log is rebuilt with
 * the staff member signed in as (beside the OS login) and the digests
 * that chain its rows (pathways-sqlite-audit.c), the rows it held
 * chained in their order; the triggers made after this step refuse any
 * UPDATE or DELETE of it.  And how long a young person's records are
 * kept before they may be erased. */
static const char schema_v7_retention[] =
  "INSERT INTO setting (key, value) VALUES ('retention_years', '75');";

static gboolean
apply_v7_chained_audit (sqlite3  *db,
                        GError  **error)
{
  return pathways_sqlite_audit_migrate_v7 (db, error) && exec_sql (db, schema_v7_retention, error);
}

static gboolean
apply_commissioning (sqlite3  *db,
                     GError  **error)
{
  return exec_sql (db, schema_commissioning, error);
}

static gboolean
apply_episodes (sqlite3  *db,
                GError  **error)
{
  return exec_sql (db, schema_episodes, error);
}

/* Version 12 (issue #13): the OC3 facts of each care leaver (IN_TOUCH,
 * ACTIV and ACCOM at a 17th to 21st birthday, typed in or imported) and
 * the log of imports, each with what it changed so that it can be undone
 * as one.  Self-contained: one statement string. */
static const char schema_imports[] =
  "CREATE TABLE import_log ("
  "  id INTEGER PRIMARY KEY,"
  "  imported_at TEXT NOT NULL,"
  "  imported_by TEXT,"
  "  kind TEXT NOT NULL,"
  "  files TEXT,"
  "  people_added INTEGER NOT NULL DEFAULT 0,"
  "  people_updated INTEGER NOT NULL DEFAULT 0,"
  "  episodes_added INTEGER NOT NULL DEFAULT 0,"
  "  episodes_changed INTEGER NOT NULL DEFAULT 0,"
  "  facts_recorded INTEGER NOT NULL DEFAULT 0,"
  "  rows_skipped INTEGER NOT NULL DEFAULT 0,"
  "  changes TEXT,"
  "  undone_at TEXT,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE TABLE oc3_fact ("
  "  id INTEGER PRIMARY KEY,"
  "  young_person_id INTEGER NOT NULL REFERENCES young_person (id) ON DELETE CASCADE,"
  "  birthday TEXT NOT NULL,"
  "  in_touch TEXT NOT NULL,"
  "  activ TEXT NOT NULL,"
  "  accom TEXT NOT NULL,"
  "  origin TEXT,"
  "  import_id INTEGER,"
  "  version INTEGER NOT NULL DEFAULT 1,"
  "  UNIQUE (young_person_id, birthday)"
  ");";

static gboolean
apply_caseload (sqlite3  *db,
                GError  **error)
{
  return exec_sql (db, schema_caseload, error);
}

static gboolean
apply_imports (sqlite3  *db,
               GError  **error)
{
  return exec_sql (db, schema_imports, error);
}

/* Version 13: a provider the authority no longer uses is retired (kept
 * for the referrals and offers that name it, no longer suggested) */
static gboolean
apply_provider_retired (sqlite3  *db,
                        GError  **error)
{
  return exec_sql (db, "ALTER TABLE provider ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;", error);
}

static const PathwaysMigration migrations[] = {
  { 1, "young people, staff, units, spells, milestones, transitions", apply_v1 },
  { 2, "903 reference codes, milestone templates, audit log", apply_v2 },
  { 3, "rule settings, bank holidays", apply_v3 },
  { 4, "notes; scheduled moves remember what they replaced", apply_v4 },
  { 5, "postcode districts and distances between areas", apply_v5 },
  { 6, "a version on every row, for optimistic concurrency", apply_v6 },
  { 7, "the planner's weights and the proposals turned down", apply_plan_weights },
  { 8, "an append-only, hash-chained audit log naming the staff member; retention", apply_v7_chained_audit },
  { 9, "commissioning: budget lines, placement income, providers, referrals, offers, I statements",
    apply_commissioning },
  { 10, "care history as SSDA903 episodes (typed figures kept as episodes to check)", apply_episodes },
  { 11, "teams, staff who left, closed cases, contacts, PA support after 21, EET", apply_caseload },
  { 12, "care leavers' OC3 facts at their birthdays; the import log, for undo", apply_imports },
  { 13, "providers no longer used are retired", apply_provider_retired },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == PATHWAYS_STORE_SCHEMA_VERSION);

const PathwaysMigration *
pathways_sqlite_migrations_get (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
