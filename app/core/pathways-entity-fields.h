/* pathways-entity-fields.h — the fields of every record, listed once
 *
 * Each list is an X-macro: X (T, p, KIND, c_name, "property-name",
 * label, flags) per field, in column order.  pathways-entities.c makes
 * the field tables (and so the GObject properties, the columns and the
 * labels in messages) from these lists, and pathways-entities.h the
 * typed accessors (pathways_young_person_get_given_name() …), so a
 * field is named in one place and a misspelt accessor does not compile.
 *
 * KIND is STRING, DATE (ISO "YYYY-MM-DD" or NULL), INT, BOOL, MONEY
 * (pence) or REAL.  The labels are N_() strings: this file is in
 * po/POTFILES.in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define PATHWAYS_STAFF_FIELDS(X, T, p) \
  X (T, p, STRING, name, "name", N_("Name"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, role, "role", N_("Role"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, team, "team", N_("Team"), 0) \
  X (T, p, STRING, email, "email", N_("Email"), 0) \
  X (T, p, DATE, left_on, "left-on", N_("Left on"), 0)

/* A team of the service; a staff member's and a young person's "team"
 * is a team's name (issue #12) */
#define PATHWAYS_TEAM_FIELDS(X, T, p) \
  X (T, p, STRING, name, "name", N_("Team name"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, DATE, closed_on, "closed-on", N_("Closed on"), 0)

/* A contact with a young person (issue #12) */
#define PATHWAYS_CONTACT_FIELDS(X, T, p) \
  X (T, p, INT, young_person_id, "young-person-id", N_("Young person"), PATHWAYS_FIELD_REQUIRED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, DATE, contact_date, "contact-date", N_("Date of contact"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, kind, "kind", N_("Type of contact"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, note, "note", N_("Note"), 0) \
  X (T, p, STRING, author, "author", N_("Recorded by"), 0)

/* Education, employment or training from a date (903 OC3 ACTIV) */
#define PATHWAYS_ACTIVITY_FIELDS(X, T, p) \
  X (T, p, INT, young_person_id, "young-person-id", N_("Young person"), PATHWAYS_FIELD_REQUIRED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, STRING, activ, "activ", N_("Education, employment or training (903 ACTIV)"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, DATE, start_date, "start-date", N_("From"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, DATE, end_date, "end-date", N_("Until"), 0)

#define PATHWAYS_YOUNG_PERSON_FIELDS(X, T, p) \
  X (T, p, STRING, given_name, "given-name", N_("Given name"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, family_name, "family-name", N_("Family name"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, preferred_name, "preferred-name", N_("Preferred name"), 0) \
  X (T, p, DATE, date_of_birth, "date-of-birth", N_("Date of birth"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, sex, "sex", N_("Sex"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, ethnicity, "ethnicity", N_("Ethnicity"), 0) \
  X (T, p, STRING, local_id, "local-id", N_("Local child ID"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, INT, pa_id, "pa-id", N_("Personal adviser"), PATHWAYS_FIELD_REFERENCE) \
  X (T, p, STRING, team, "team", N_("Team"), 0) \
  X (T, p, BOOL, uasc, "uasc", N_("Unaccompanied asylum-seeking child"), 0) \
  X (T, p, STRING, immigration_status, "immigration-status", N_("Immigration status"), 0) \
  X (T, p, STRING, appeal_stage, "appeal-stage", N_("Appeal stage"), 0) \
  X (T, p, DATE, are_date, "are-date", N_("Appeal rights exhausted on"), 0) \
  X (T, p, STRING, age_assessment, "age-assessment", N_("Age assessment"), 0) \
  X (T, p, DATE, human_rights_assessment_date, "human-rights-assessment-date", N_("Human rights assessment"), 0) \
  X (T, p, BOOL, disability, "disability", N_("Disability or SEND"), 0) \
  X (T, p, STRING, needs_summary, "needs-summary", N_("Needs"), 0) \
  X (T, p, STRING, wishes_feelings, "wishes-feelings", N_("Wishes and feelings"), 0) \
  X (T, p, STRING, home_postcode, "home-postcode", N_("Home postcode"), 0) \
  X (T, p, STRING, preferred_area, "preferred-area", N_("Preferred area"), 0) \
  X (T, p, DATE, date_first_looked_after, "date-first-looked-after", N_("Date first looked after"), 0) \
  X (T, p, INT, days_looked_after_since_14, "days-looked-after-since-14", N_("Days looked after since 14th birthday"), 0) \
  X (T, p, INT, days_looked_after_since_16, "days-looked-after-since-16", N_("Days looked after since 16th birthday"), 0) \
  X (T, p, DATE, date_care_ended, "date-care-ended", N_("Date care ended"), 0) \
  X (T, p, STRING, last_placement, "last-placement", N_("Last care placement"), 0) \
  X (T, p, BOOL, returned_home_6_months, "returned-home-6-months", N_("Returned home for 6 months or more"), 0) \
  X (T, p, BOOL, special_guardianship, "special-guardianship", N_("Special guardianship order made while looked after"), 0) \
  X (T, p, BOOL, custody_or_hospital_at_16, "custody-or-hospital-at-16", N_("In custody or hospital on 16th birthday"), 0) \
  X (T, p, DATE, needs_assessment_date, "needs-assessment-date", N_("Needs assessment completed"), 0) \
  X (T, p, DATE, pathway_plan_review_date, "pathway-plan-review-date", N_("Last pathway plan review"), 0) \
  X (T, p, DATE, last_contact_date, "last-contact-date", N_("Last contact with PA"), 0) \
  X (T, p, DATE, closed_on, "closed-on", N_("Case closed on"), 0) \
  X (T, p, STRING, close_reason, "close-reason", N_("Reason the case was closed"), 0) \
  X (T, p, STRING, pa_support_after_21, "pa-support-after-21", N_("Personal adviser support after 21"), 0) \
  X (T, p, DATE, pa_support_offered_on, "pa-support-offered-on", N_("Support after 21 last offered on"), 0)

#define PATHWAYS_UNIT_FIELDS(X, T, p) \
  X (T, p, STRING, name, "name", N_("Name"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, provider, "provider", N_("Provider"), 0) \
  X (T, p, STRING, provider_type, "provider-type", N_("Provider type"), 0) \
  X (T, p, STRING, address, "address", N_("Address"), 0) \
  X (T, p, STRING, postcode, "postcode", N_("Postcode"), 0) \
  X (T, p, STRING, area, "area", N_("Area"), 0) \
  X (T, p, BOOL, in_authority, "in-authority", N_("Inside the authority"), 0) \
  X (T, p, STRING, kind, "kind", N_("Kind"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, INT, bedrooms, "bedrooms", N_("Bedrooms"), 0) \
  X (T, p, BOOL, shared, "shared", N_("Shared"), 0) \
  X (T, p, INT, min_age, "min-age", N_("Minimum age"), 0) \
  X (T, p, INT, max_age, "max-age", N_("Maximum age"), 0) \
  X (T, p, REAL, support_hours, "support-hours", N_("Support hours per week"), 0) \
  X (T, p, STRING, staffing, "staffing", N_("Staffing"), 0) \
  X (T, p, STRING, ofsted_urn, "ofsted-urn", N_("Ofsted URN"), 0) \
  X (T, p, STRING, registration, "registration", N_("Registration"), 0) \
  X (T, p, MONEY, weekly_cost, "weekly-cost", N_("Weekly cost"), 0) \
  X (T, p, STRING, commissioning, "commissioning", N_("Commissioning route"), 0) \
  X (T, p, STRING, status, "status", N_("Status"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, DATE, status_from, "status-from", N_("Status from"), 0) \
  X (T, p, DATE, status_to, "status-to", N_("Status until"), 0) \
  X (T, p, STRING, status_reason, "status-reason", N_("Reason for status"), 0) \
  X (T, p, DATE, retired_on, "retired-on", N_("Retired on"), 0)

#define PATHWAYS_SPELL_FIELDS(X, T, p) \
  X (T, p, INT, young_person_id, "young-person-id", N_("Young person"), PATHWAYS_FIELD_REQUIRED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, INT, unit_id, "unit-id", N_("Unit"), PATHWAYS_FIELD_REFERENCE) \
  X (T, p, STRING, address, "address", N_("Address"), 0) \
  X (T, p, STRING, accom, "accom", N_("Accommodation type (903 ACCOM)"), 0) \
  X (T, p, BOOL, accom_suitable, "accom-suitable", N_("Suitable"), 0) \
  X (T, p, STRING, place, "place", N_("Placement type (903 PLACE)"), 0) \
  X (T, p, STRING, place_provider, "place-provider", N_("Placement provider (903 PLACE_PROVIDER)"), 0) \
  X (T, p, DATE, start_date, "start-date", N_("Start date"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, DATE, planned_end, "planned-end", N_("Planned end"), 0) \
  X (T, p, DATE, actual_end, "actual-end", N_("Actual end"), 0) \
  X (T, p, STRING, state, "state", N_("State"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, MONEY, weekly_cost, "weekly-cost", N_("Weekly cost"), 0) \
  X (T, p, STRING, reason_for_move, "reason-for-move", N_("Reason for move"), 0)

#define PATHWAYS_MILESTONE_TEMPLATE_FIELDS(X, T, p) \
  X (T, p, STRING, name, "name", N_("Name"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, category, "category", N_("Category"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, INT, due_age_months, "due-age-months", N_("Due at age (months)"), 0) \
  X (T, p, BOOL, statutory, "statutory", N_("Statutory"), 0) \
  X (T, p, BOOL, uasc_only, "uasc-only", N_("Only for unaccompanied asylum-seeking young people"), 0) \
  X (T, p, STRING, description, "description", N_("Description"), 0)

#define PATHWAYS_MILESTONE_FIELDS(X, T, p) \
  X (T, p, INT, young_person_id, "young-person-id", N_("Young person"), PATHWAYS_FIELD_REQUIRED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, INT, template_id, "template-id", N_("Template"), PATHWAYS_FIELD_REFERENCE) \
  X (T, p, STRING, name, "name", N_("Name"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, category, "category", N_("Category"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, DATE, due_date, "due-date", N_("Due date"), 0) \
  X (T, p, DATE, done_date, "done-date", N_("Done date"), 0) \
  X (T, p, STRING, note, "note", N_("Note"), 0)

#define PATHWAYS_TRANSITION_FIELDS(X, T, p) \
  X (T, p, INT, young_person_id, "young-person-id", N_("Young person"), PATHWAYS_FIELD_REQUIRED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, INT, from_spell_id, "from-spell-id", N_("From"), PATHWAYS_FIELD_REFERENCE) \
  X (T, p, INT, to_unit_id, "to-unit-id", N_("Destination"), PATHWAYS_FIELD_REFERENCE) \
  X (T, p, STRING, to_address, "to-address", N_("Destination address"), 0) \
  X (T, p, INT, to_spell_id, "to-spell-id", N_("Planned accommodation"), PATHWAYS_FIELD_REFERENCE) \
  X (T, p, DATE, planned_date, "planned-date", N_("Planned date"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, state, "state", N_("State"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, INT, scheduled_by, "scheduled-by", N_("Scheduled by"), PATHWAYS_FIELD_REFERENCE) \
  X (T, p, STRING, note, "note", N_("Note"), 0) \
  X (T, p, DATE, from_planned_end, "from-planned-end", N_("Planned end before the move"), 0) \
  X (T, p, STRING, accepted_warnings, "accepted-warnings", N_("Warnings accepted"), 0)

/* A proposal of the planner turned down: never proposed again */
#define PATHWAYS_PLAN_REJECTION_FIELDS(X, T, p) \
  X (T, p, INT, young_person_id, "young-person-id", N_("Young person"), PATHWAYS_FIELD_REQUIRED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, INT, unit_id, "unit-id", N_("Unit"), PATHWAYS_FIELD_REQUIRED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, DATE, rejected_on, "rejected-on", N_("Rejected on"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, reason, "reason", N_("Reason"), PATHWAYS_FIELD_REQUIRED)

#define PATHWAYS_NOTE_FIELDS(X, T, p) \
  X (T, p, INT, young_person_id, "young-person-id", N_("Young person"), PATHWAYS_FIELD_REQUIRED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, DATE, written_on, "written-on", N_("Date"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, author, "author", N_("Written by"), 0) \
  X (T, p, STRING, body, "body", N_("Note"), PATHWAYS_FIELD_REQUIRED)

/* A period looked after, as an SSDA903 Episodes row (../shared/903.md).
 * DEC is the day the episode ceased (the next one starts on it when
 * they join).  origin: NULL when typed in as an episode, "typed-figures"
 * when made from the days-looked-after figures of an older Pathways
 * (needs-check set), "import" from an SSDA903 import (import-id). */
#define PATHWAYS_EPISODE_FIELDS(X, T, p) \
  X (T, p, INT, young_person_id, "young-person-id", N_("Young person"), PATHWAYS_FIELD_REQUIRED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, DATE, decom, "decom", N_("Start date"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, rne, "rne", N_("Reason for new episode (RNE)"), 0) \
  X (T, p, STRING, ls, "ls", N_("Legal status (LS)"), 0) \
  X (T, p, STRING, cin, "cin", N_("Category of need (CIN)"), 0) \
  X (T, p, STRING, place, "place", N_("Placement type (PLACE)"), 0) \
  X (T, p, STRING, place_provider, "place-provider", N_("Placement provider (PLACE_PROVIDER)"), 0) \
  X (T, p, DATE, dec, "dec", N_("End date"), 0) \
  X (T, p, STRING, rec, "rec", N_("Reason episode ceased (REC)"), 0) \
  X (T, p, STRING, reason_place_change, "reason-place-change", N_("Reason for placement change"), 0) \
  X (T, p, STRING, home_post, "home-post", N_("Home postcode"), 0) \
  X (T, p, STRING, pl_post, "pl-post", N_("Placement postcode"), 0) \
  X (T, p, STRING, urn, "urn", N_("Ofsted URN"), 0) \
  X (T, p, STRING, origin, "origin", N_("Origin"), 0) \
  X (T, p, BOOL, needs_check, "needs-check", N_("Needs checking"), 0) \
  X (T, p, INT, import_id, "import-id", N_("Import"), 0)

/* What the OC3 return asks of a care leaver at a 17th to 21st birthday
 * (../shared/903.md): IN_TOUCH, ACTIV and ACCOM (letter and suitability
 * digit, or 0).  origin: NULL when typed in, "import" from an OC3 file
 * (import-id).  Schema 12. */
#define PATHWAYS_OC3_FACT_FIELDS(X, T, p) \
  X (T, p, INT, young_person_id, "young-person-id", N_("Young person"), PATHWAYS_FIELD_REQUIRED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, DATE, birthday, "birthday", N_("Birthday"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, in_touch, "in-touch", N_("In touch (903 IN_TOUCH)"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, activ, "activ", N_("Main activity (903 ACTIV)"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, accom, "accom", N_("Accommodation (903 ACCOM)"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, origin, "origin", N_("Origin"), 0) \
  X (T, p, INT, import_id, "import-id", N_("Import"), 0)

/* One import of files (schema 12): when, who, which files (a line each:
 * name, size, SHA-256, tab-separated), what it changed (the counts, and
 * in changes what undo needs), and when it was undone */
#define PATHWAYS_IMPORT_LOG_FIELDS(X, T, p) \
  X (T, p, STRING, imported_at, "imported-at", N_("Imported at"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, imported_by, "imported-by", N_("Imported by"), 0) \
  X (T, p, STRING, kind, "kind", N_("Kind of import"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, files, "files", N_("Files"), 0) \
  X (T, p, INT, people_added, "people-added", N_("Young people added"), 0) \
  X (T, p, INT, people_updated, "people-updated", N_("Young people updated"), 0) \
  X (T, p, INT, episodes_added, "episodes-added", N_("Episodes added"), 0) \
  X (T, p, INT, episodes_changed, "episodes-changed", N_("Episodes changed"), 0) \
  X (T, p, INT, facts_recorded, "facts-recorded", N_("OC3 facts recorded"), 0) \
  X (T, p, INT, rows_skipped, "rows-skipped", N_("Rows skipped"), 0) \
  X (T, p, STRING, changes, "changes", N_("Changes"), 0) \
  X (T, p, STRING, undone_at, "undone-at", N_("Undone at"), 0)

#define PATHWAYS_REF_CODE_FIELDS(X, T, p) \
  X (T, p, STRING, list, "list", N_("List"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, code, "code", N_("Code"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, meaning, "meaning", N_("Meaning"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, DATE, valid_from, "valid-from", N_("Valid from"), 0) \
  X (T, p, DATE, valid_to, "valid-to", N_("Valid until"), 0) \
  X (T, p, BOOL, unsuitable_only, "unsuitable-only", N_("Always unsuitable"), 0)

#define PATHWAYS_AUDIT_ENTRY_FIELDS(X, T, p) \
  X (T, p, STRING, at, "at", N_("When"), 0) \
  X (T, p, STRING, actor, "actor", N_("Who"), 0) \
  X (T, p, INT, staff_id, "staff-id", N_("Staff member"), 0) \
  X (T, p, STRING, staff_name, "staff-name", N_("Signed in as"), 0) \
  X (T, p, STRING, table_name, "table-name", N_("Table"), 0) \
  X (T, p, INT, row_id, "row-id", N_("Row"), 0) \
  X (T, p, STRING, action, "action", N_("Action"), 0) \
  X (T, p, STRING, before_values, "before-values", N_("Before"), 0) \
  X (T, p, STRING, after_values, "after-values", N_("After"), 0) \
  X (T, p, STRING, redacted, "redacted", N_("Redacted"), 0) \
  X (T, p, STRING, content_digest, "content-digest", N_("Content digest"), 0) \
  X (T, p, STRING, chain_digest, "chain-digest", N_("Chain digest"), 0)

#define PATHWAYS_CASELOAD_ROW_FIELDS(X, T, p) \
  X (T, p, STRING, display_name, "display-name", N_("Name"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, sort_name, "sort-name", N_("Name"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, local_id, "local-id", N_("Local child ID"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, DATE, date_of_birth, "date-of-birth", N_("Date of birth"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, age, "age", N_("Age"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, status_label, "status-label", N_("Status"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, pa_id, "pa-id", N_("Personal adviser"), PATHWAYS_FIELD_DERIVED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, STRING, pa_name, "pa-name", N_("Personal adviser"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, team, "team", N_("Team"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, BOOL, uasc, "uasc", N_("UASC"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, accommodation, "accommodation", N_("Accommodation"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, accommodation_kind, "accommodation-kind", N_("Kind of accommodation"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, DATE, accommodation_since, "accommodation-since", N_("In accommodation since"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, days_in_accommodation, "days-in-accommodation", N_("Days in accommodation"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, BOOL, in_authority, "in-authority", N_("Inside the authority"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, search_text, "search-text", NULL, PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, status, "status", N_("Status code"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, status_explanation, "status-explanation", N_("Why"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, DATE, next_key_date, "next-key-date", N_("Next key date"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, next_key_date_label, "next-key-date-label", N_("Next key date"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, alert_count, "alert-count", N_("Alerts"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, alert_severity, "alert-severity", N_("Worst alert"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, readiness, "readiness", N_("Readiness"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, stage, "stage", N_("Pathway stage"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, stage_label, "stage-label", N_("Pathway stage"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, DATE, next_move_date, "next-move-date", N_("Next move"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, next_move_to, "next-move-to", N_("Moving to"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, DATE, closed_on, "closed-on", N_("Case closed on"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, name_sort_key, "name-sort-key", NULL, PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, status_sort_key, "status-sort-key", NULL, PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, accommodation_sort_key, "accommodation-sort-key", NULL, PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, pa_sort_key, "pa-sort-key", NULL, PATHWAYS_FIELD_DERIVED)

#define PATHWAYS_STOCK_ROW_FIELDS(X, T, p) \
  X (T, p, STRING, name, "name", N_("Name"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, provider, "provider", N_("Provider"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, address, "address", N_("Address"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, postcode, "postcode", N_("Postcode"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, area, "area", N_("Area"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, BOOL, in_authority, "in-authority", N_("Inside the authority"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, kind, "kind", N_("Kind"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, kind_label, "kind-label", N_("Kind"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, bedrooms, "bedrooms", N_("Bedrooms"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, BOOL, shared, "shared", N_("Shared"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, min_age, "min-age", N_("Minimum age"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, max_age, "max-age", N_("Maximum age"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, REAL, support_hours, "support-hours", N_("Support hours per week"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, staffing, "staffing", N_("Staffing"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, ofsted_urn, "ofsted-urn", N_("Ofsted URN"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, registration, "registration", N_("Registration"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, MONEY, weekly_cost, "weekly-cost", N_("Weekly cost"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, commissioning, "commissioning", N_("Commissioning route"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, status, "status", N_("Status"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, status_label, "status-label", N_("Status"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, DATE, status_from, "status-from", N_("Status from"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, DATE, status_to, "status-to", N_("Status until"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, status_reason, "status-reason", N_("Reason for status"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, DATE, retired_on, "retired-on", N_("Retired on"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, occupant, "occupant", N_("Living there"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, occupant_id, "occupant-id", N_("Living there"), PATHWAYS_FIELD_DERIVED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, STRING, reserved_for, "reserved-for", N_("Reserved for"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, DATE, reserved_from, "reserved-from", N_("Reserved from"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, DATE, available_from, "available-from", N_("Available from"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, search_text, "search-text", NULL, PATHWAYS_FIELD_DERIVED)

#define PATHWAYS_KIND_COUNT_FIELDS(X, T, p) \
  X (T, p, STRING, kind, "kind", N_("Kind"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, kind_label, "kind-label", N_("Kind"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, total, "total", N_("Units"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, available, "available", N_("Available now"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, void, "void", N_("Void"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, reserved, "reserved", N_("Reserved"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, coming_free, "coming-free", N_("Coming free in 3 months"), PATHWAYS_FIELD_DERIVED)

#define PATHWAYS_CANDIDATE_FIELDS(X, T, p) \
  X (T, p, INT, young_person_id, "young-person-id", N_("Young person"), PATHWAYS_FIELD_DERIVED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, STRING, name, "name", N_("Name"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, local_id, "local-id", N_("Local child ID"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, age, "age", N_("Age on the day"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, status_label, "status-label", N_("Status"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, DATE, need_date, "need-date", N_("Needs a move by"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, verdict, "verdict", N_("Verdict"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, verdict_label, "verdict-label", N_("Verdict"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, score, "score", N_("Score"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, score_terms, "score-terms", N_("What the score is made of"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, reasons, "reasons", N_("Reasons"), PATHWAYS_FIELD_DERIVED)

#define PATHWAYS_DESTINATION_FIELDS(X, T, p) \
  X (T, p, INT, unit_id, "unit-id", N_("Unit"), PATHWAYS_FIELD_DERIVED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, STRING, name, "name", N_("Name"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, kind, "kind", N_("Kind"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, kind_label, "kind-label", N_("Kind"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, area, "area", N_("Area"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, provider, "provider", N_("Provider"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, address, "address", N_("Address"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, postcode, "postcode", N_("Postcode"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, bedrooms, "bedrooms", N_("Bedrooms"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, BOOL, in_authority, "in-authority", N_("Inside the authority"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, MONEY, weekly_cost, "weekly-cost", N_("Weekly cost"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, verdict, "verdict", N_("Verdict"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, verdict_label, "verdict-label", N_("Verdict"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, reasons, "reasons", N_("Reasons"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, search_text, "search-text", NULL, PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, score, "score", N_("Score"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, score_terms, "score-terms", N_("What the score is made of"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, DATE, available_from, "available-from", N_("Available from"), PATHWAYS_FIELD_DERIVED)

#define PATHWAYS_ALERT_FIELDS(X, T, p) \
  X (T, p, INT, severity, "severity", N_("Severity"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, severity_label, "severity-label", N_("Severity"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, kind, "kind", N_("Rule"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, DATE, due_date, "due-date", N_("Due"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, INT, young_person_id, "young-person-id", N_("Young person"), PATHWAYS_FIELD_DERIVED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, STRING, person_name, "person-name", N_("Young person"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, local_id, "local-id", N_("Local child ID"), PATHWAYS_FIELD_DERIVED) \
  X (T, p, STRING, reason, "reason", N_("Reason"), PATHWAYS_FIELD_DERIVED)
