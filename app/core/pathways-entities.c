/* pathways-entities.c — the fields of each record
 *
 * A field's name is its property; with '-' turned into '_' it is its
 * column.  The labels appear in error messages ("Date of birth …").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-entities"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pathways-entities.h"

#define S  PATHWAYS_FIELD_STRING
#define D  PATHWAYS_FIELD_DATE
#define I  PATHWAYS_FIELD_INT
#define B  PATHWAYS_FIELD_BOOL
#define M  PATHWAYS_FIELD_MONEY
#define R  PATHWAYS_FIELD_REAL
#define REQ PATHWAYS_FIELD_REQUIRED
#define DER PATHWAYS_FIELD_DERIVED
#define REF PATHWAYS_FIELD_REFERENCE

static const PathwaysField staff_fields[] = {
  { "name", S, N_("Name"), REQ },
  { "role", S, N_("Role"), REQ },
  { "team", S, N_("Team"), 0 },
  { "email", S, N_("Email"), 0 },
};

static const PathwaysField young_person_fields[] = {
  { "given-name", S, N_("Given name"), REQ },
  { "family-name", S, N_("Family name"), REQ },
  { "preferred-name", S, N_("Preferred name"), 0 },
  { "date-of-birth", D, N_("Date of birth"), REQ },
  { "sex", S, N_("Sex"), REQ },
  { "ethnicity", S, N_("Ethnicity"), 0 },
  { "local-id", S, N_("Local child ID"), REQ },
  { "pa-id", I, N_("Personal adviser"), REF },
  { "team", S, N_("Team"), 0 },
  { "uasc", B, N_("Unaccompanied asylum-seeking child"), 0 },
  { "immigration-status", S, N_("Immigration status"), 0 },
  { "appeal-stage", S, N_("Appeal stage"), 0 },
  { "are-date", D, N_("Appeal rights exhausted on"), 0 },
  { "age-assessment", S, N_("Age assessment"), 0 },
  { "human-rights-assessment-date", D, N_("Human rights assessment"), 0 },
  { "disability", B, N_("Disability or SEND"), 0 },
  { "needs-summary", S, N_("Needs"), 0 },
  { "wishes-feelings", S, N_("Wishes and feelings"), 0 },
  { "home-postcode", S, N_("Home postcode"), 0 },
  { "preferred-area", S, N_("Preferred area"), 0 },
  { "date-first-looked-after", D, N_("Date first looked after"), 0 },
  { "days-looked-after-since-14", I, N_("Days looked after since 14th birthday"), 0 },
  { "days-looked-after-since-16", I, N_("Days looked after since 16th birthday"), 0 },
  { "date-care-ended", D, N_("Date care ended"), 0 },
  { "last-placement", S, N_("Last care placement"), 0 },
  { "returned-home-6-months", B, N_("Returned home for 6 months or more"), 0 },
  { "special-guardianship", B, N_("Special guardianship order made while looked after"), 0 },
  { "custody-or-hospital-at-16", B, N_("In custody or hospital on 16th birthday"), 0 },
  { "needs-assessment-date", D, N_("Needs assessment completed"), 0 },
  { "pathway-plan-review-date", D, N_("Last pathway plan review"), 0 },
  { "last-contact-date", D, N_("Last contact with PA"), 0 },
};

static const PathwaysField unit_fields[] = {
  { "name", S, N_("Name"), REQ },
  { "provider", S, N_("Provider"), 0 },
  { "provider-type", S, N_("Provider type"), 0 },
  { "address", S, N_("Address"), 0 },
  { "postcode", S, N_("Postcode"), 0 },
  { "area", S, N_("Area"), 0 },
  { "in-authority", B, N_("Inside the authority"), 0 },
  { "kind", S, N_("Kind"), REQ },
  { "bedrooms", I, N_("Bedrooms"), 0 },
  { "shared", B, N_("Shared"), 0 },
  { "min-age", I, N_("Minimum age"), 0 },
  { "max-age", I, N_("Maximum age"), 0 },
  { "support-hours", R, N_("Support hours per week"), 0 },
  { "staffing", S, N_("Staffing"), 0 },
  { "ofsted-urn", S, N_("Ofsted URN"), 0 },
  { "registration", S, N_("Registration"), 0 },
  { "weekly-cost", M, N_("Weekly cost"), 0 },
  { "commissioning", S, N_("Commissioning route"), 0 },
  { "status", S, N_("Status"), REQ },
  { "status-from", D, N_("Status from"), 0 },
  { "status-to", D, N_("Status until"), 0 },
  { "status-reason", S, N_("Reason for status"), 0 },
  { "retired-on", D, N_("Retired on"), 0 },
};

static const PathwaysField spell_fields[] = {
  { "young-person-id", I, N_("Young person"), REQ | REF },
  { "unit-id", I, N_("Unit"), REF },
  { "address", S, N_("Address"), 0 },
  { "accom", S, N_("Accommodation type (903 ACCOM)"), 0 },
  { "accom-suitable", B, N_("Suitable"), 0 },
  { "place", S, N_("Placement type (903 PLACE)"), 0 },
  { "place-provider", S, N_("Placement provider (903 PLACE_PROVIDER)"), 0 },
  { "start-date", D, N_("Start date"), REQ },
  { "planned-end", D, N_("Planned end"), 0 },
  { "actual-end", D, N_("Actual end"), 0 },
  { "state", S, N_("State"), REQ },
  { "weekly-cost", M, N_("Weekly cost"), 0 },
  { "reason-for-move", S, N_("Reason for move"), 0 },
};

static const PathwaysField milestone_template_fields[] = {
  { "name", S, N_("Name"), REQ },
  { "category", S, N_("Category"), REQ },
  { "due-age-months", I, N_("Due at age (months)"), 0 },
  { "statutory", B, N_("Statutory"), 0 },
  { "uasc-only", B, N_("Only for unaccompanied asylum-seeking young people"), 0 },
  { "description", S, N_("Description"), 0 },
};

static const PathwaysField milestone_fields[] = {
  { "young-person-id", I, N_("Young person"), REQ | REF },
  { "template-id", I, N_("Template"), REF },
  { "name", S, N_("Name"), REQ },
  { "category", S, N_("Category"), REQ },
  { "due-date", D, N_("Due date"), 0 },
  { "done-date", D, N_("Done date"), 0 },
  { "note", S, N_("Note"), 0 },
};

static const PathwaysField transition_fields[] = {
  { "young-person-id", I, N_("Young person"), REQ | REF },
  { "from-spell-id", I, N_("From"), REF },
  { "to-unit-id", I, N_("Destination"), REF },
  { "to-address", S, N_("Destination address"), 0 },
  { "to-spell-id", I, N_("Planned accommodation"), REF },
  { "planned-date", D, N_("Planned date"), REQ },
  { "state", S, N_("State"), REQ },
  { "scheduled-by", I, N_("Scheduled by"), REF },
  { "note", S, N_("Note"), 0 },
  { "from-planned-end", D, N_("Planned end before the move"), 0 },
  { "accepted-warnings", S, N_("Warnings accepted"), 0 },
};

static const PathwaysField note_fields[] = {
  { "young-person-id", I, N_("Young person"), REQ | REF },
  { "written-on", D, N_("Date"), REQ },
  { "author", S, N_("Written by"), 0 },
  { "body", S, N_("Note"), REQ },
};

static const PathwaysField ref_code_fields[] = {
  { "list", S, N_("List"), REQ },
  { "code", S, N_("Code"), REQ },
  { "meaning", S, N_("Meaning"), REQ },
  { "valid-from", D, N_("Valid from"), 0 },
  { "valid-to", D, N_("Valid until"), 0 },
  { "unsuitable-only", B, N_("Always unsuitable"), 0 },
};

static const PathwaysField audit_entry_fields[] = {
  { "at", S, N_("When"), 0 },
  { "actor", S, N_("Who"), 0 },
  { "table-name", S, N_("Table"), 0 },
  { "row-id", I, N_("Row"), 0 },
  { "action", S, N_("Action"), 0 },
  { "before-values", S, N_("Before"), 0 },
  { "after-values", S, N_("After"), 0 },
};

static const PathwaysField caseload_row_fields[] = {
  { "display-name", S, N_("Name"), DER },
  { "sort-name", S, N_("Name"), DER },
  { "local-id", S, N_("Local child ID"), DER },
  { "date-of-birth", D, N_("Date of birth"), DER },
  { "age", I, N_("Age"), DER },
  { "status-label", S, N_("Status"), DER },
  { "pa-id", I, N_("Personal adviser"), DER | REF },
  { "pa-name", S, N_("Personal adviser"), DER },
  { "team", S, N_("Team"), DER },
  { "uasc", B, N_("UASC"), DER },
  { "accommodation", S, N_("Accommodation"), DER },
  { "accommodation-kind", S, N_("Kind of accommodation"), DER },
  { "accommodation-since", D, N_("In accommodation since"), DER },
  { "days-in-accommodation", I, N_("Days in accommodation"), DER },
  { "in-authority", B, N_("Inside the authority"), DER },
  { "search-text", S, NULL, DER },
  { "status", S, N_("Status code"), DER },
  { "status-explanation", S, N_("Why"), DER },
  { "next-key-date", D, N_("Next key date"), DER },
  { "next-key-date-label", S, N_("Next key date"), DER },
  { "alert-count", I, N_("Alerts"), DER },
  { "alert-severity", I, N_("Worst alert"), DER },
  { "readiness", I, N_("Readiness"), DER },
  { "stage", S, N_("Pathway stage"), DER },
  { "stage-label", S, N_("Pathway stage"), DER },
  { "next-move-date", D, N_("Next move"), DER },
  { "next-move-to", S, N_("Moving to"), DER },
};

static const PathwaysField stock_row_fields[] = {
  { "name", S, N_("Name"), DER },
  { "provider", S, N_("Provider"), DER },
  { "address", S, N_("Address"), DER },
  { "postcode", S, N_("Postcode"), DER },
  { "area", S, N_("Area"), DER },
  { "in-authority", B, N_("Inside the authority"), DER },
  { "kind", S, N_("Kind"), DER },
  { "kind-label", S, N_("Kind"), DER },
  { "bedrooms", I, N_("Bedrooms"), DER },
  { "shared", B, N_("Shared"), DER },
  { "min-age", I, N_("Minimum age"), DER },
  { "max-age", I, N_("Maximum age"), DER },
  { "support-hours", R, N_("Support hours per week"), DER },
  { "staffing", S, N_("Staffing"), DER },
  { "ofsted-urn", S, N_("Ofsted URN"), DER },
  { "registration", S, N_("Registration"), DER },
  { "weekly-cost", M, N_("Weekly cost"), DER },
  { "commissioning", S, N_("Commissioning route"), DER },
  { "status", S, N_("Status"), DER },
  { "status-label", S, N_("Status"), DER },
  { "status-from", D, N_("Status from"), DER },
  { "status-to", D, N_("Status until"), DER },
  { "status-reason", S, N_("Reason for status"), DER },
  { "retired-on", D, N_("Retired on"), DER },
  { "occupant", S, N_("Living there"), DER },
  { "occupant-id", I, N_("Living there"), DER | REF },
  { "reserved-for", S, N_("Reserved for"), DER },
  { "reserved-from", D, N_("Reserved from"), DER },
  { "available-from", D, N_("Available from"), DER },
  { "search-text", S, NULL, DER },
};

static const PathwaysField kind_count_fields[] = {
  { "kind", S, N_("Kind"), DER },
  { "kind-label", S, N_("Kind"), DER },
  { "total", I, N_("Units"), DER },
  { "available", I, N_("Available now"), DER },
  { "void", I, N_("Void"), DER },
  { "reserved", I, N_("Reserved"), DER },
  { "coming-free", I, N_("Coming free in 3 months"), DER },
};

static const PathwaysField candidate_fields[] = {
  { "young-person-id", I, N_("Young person"), DER | REF },
  { "name", S, N_("Name"), DER },
  { "local-id", S, N_("Local child ID"), DER },
  { "age", I, N_("Age on the day"), DER },
  { "status-label", S, N_("Status"), DER },
  { "need-date", D, N_("Needs a move by"), DER },
  { "verdict", I, N_("Verdict"), DER },
  { "verdict-label", S, N_("Verdict"), DER },
  { "score", I, N_("Score"), DER },
  { "reasons", S, N_("Reasons"), DER },
};

static const PathwaysField destination_fields[] = {
  { "unit-id", I, N_("Unit"), DER | REF },
  { "name", S, N_("Name"), DER },
  { "kind", S, N_("Kind"), DER },
  { "kind-label", S, N_("Kind"), DER },
  { "area", S, N_("Area"), DER },
  { "in-authority", B, N_("Inside the authority"), DER },
  { "weekly-cost", M, N_("Weekly cost"), DER },
  { "verdict", I, N_("Verdict"), DER },
  { "verdict-label", S, N_("Verdict"), DER },
  { "reasons", S, N_("Reasons"), DER },
  { "search-text", S, NULL, DER },
  { "score", I, N_("Score"), DER },
  { "available-from", D, N_("Available from"), DER },
};

static const PathwaysField alert_fields[] = {
  { "severity", I, N_("Severity"), DER },
  { "severity-label", S, N_("Severity"), DER },
  { "kind", S, N_("Rule"), DER },
  { "due-date", D, N_("Due"), DER },
  { "young-person-id", I, N_("Young person"), DER | REF },
  { "person-name", S, N_("Young person"), DER },
  { "local-id", S, N_("Local child ID"), DER },
  { "reason", S, N_("Reason"), DER },
};

#define DEFINE_RECORD(TypeName, type_name, table, fields)                           \
  struct _##TypeName { PathwaysRecord parent_instance; };                           \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, PATHWAYS_TYPE_RECORD)                   \
  static void type_name##_class_init (TypeName##Class *klass)                       \
  {                                                                                 \
    pathways_record_class_install_fields (PATHWAYS_RECORD_CLASS (klass), table,     \
                                          fields, G_N_ELEMENTS (fields));           \
  }                                                                                 \
  static void type_name##_init (TypeName *self) { }

DEFINE_RECORD (PathwaysStaff, pathways_staff, "staff", staff_fields)
DEFINE_RECORD (PathwaysYoungPerson, pathways_young_person, "young_person", young_person_fields)
DEFINE_RECORD (PathwaysUnit, pathways_unit, "unit", unit_fields)
DEFINE_RECORD (PathwaysSpell, pathways_spell, "spell", spell_fields)
DEFINE_RECORD (PathwaysMilestoneTemplate, pathways_milestone_template, "milestone_template",
               milestone_template_fields)
DEFINE_RECORD (PathwaysMilestone, pathways_milestone, "milestone", milestone_fields)
DEFINE_RECORD (PathwaysTransition, pathways_transition, "transition", transition_fields)
DEFINE_RECORD (PathwaysRefCode, pathways_ref_code, "ref_code", ref_code_fields)
DEFINE_RECORD (PathwaysAuditEntry, pathways_audit_entry, "audit_log", audit_entry_fields)
DEFINE_RECORD (PathwaysCaseloadRow, pathways_caseload_row, NULL, caseload_row_fields)
DEFINE_RECORD (PathwaysAlert, pathways_alert, NULL, alert_fields)
DEFINE_RECORD (PathwaysNote, pathways_note, "note", note_fields)
DEFINE_RECORD (PathwaysDestination, pathways_destination, NULL, destination_fields)
DEFINE_RECORD (PathwaysStockRow, pathways_stock_row, NULL, stock_row_fields)
DEFINE_RECORD (PathwaysKindCount, pathways_kind_count, NULL, kind_count_fields)
DEFINE_RECORD (PathwaysCandidate, pathways_candidate, NULL, candidate_fields)

PathwaysYoungPerson *
pathways_young_person_new (void)
{
  return g_object_new (PATHWAYS_TYPE_YOUNG_PERSON, NULL);
}

/**
 * pathways_young_person_dup_display_name:
 *
 * Returns: the name the young person goes by: preferred name (or given
 * name) and family name
 */
char *
pathways_young_person_dup_display_name (PathwaysYoungPerson *self)
{
  PathwaysRecord *r = PATHWAYS_RECORD (self);
  const char *preferred = pathways_record_get_string (r, "preferred-name");
  const char *given = pathways_record_get_string (r, "given-name");
  const char *family = pathways_record_get_string (r, "family-name");

  /* Translators: a person's name: first name, then family name */
  return g_strdup_printf (C_("person name", "%s %s"), preferred ? preferred : (given ? given : ""),
                          family ? family : "");
}

PathwaysStaff *
pathways_staff_new (const char *name,
                    const char *role,
                    const char *team)
{
  return g_object_new (PATHWAYS_TYPE_STAFF, "name", name, "role", role, "team", team, NULL);
}

PathwaysUnit *
pathways_unit_new (void)
{
  return g_object_new (PATHWAYS_TYPE_UNIT, "status", "available", NULL);
}

PathwaysSpell *
pathways_spell_new (void)
{
  return g_object_new (PATHWAYS_TYPE_SPELL, NULL);
}

PathwaysMilestone *
pathways_milestone_new (void)
{
  return g_object_new (PATHWAYS_TYPE_MILESTONE, NULL);
}

PathwaysTransition *
pathways_transition_new (void)
{
  return g_object_new (PATHWAYS_TYPE_TRANSITION, "state", "proposed", NULL);
}

/* Text lengths ------------------------------------------------------- */

/* The longest text each written field takes, in characters: generous for
 * what a person writes (a name, an address, a note), tight for codes.
 * Every text field of every table is listed (a test checks). */
static const struct {
  const char *table;
  const char *field;
  guint       max;
} max_lengths[] = {
  { "staff", "name", 100 }, { "staff", "role", 20 }, { "staff", "team", 100 }, { "staff", "email", 254 },

  { "young_person", "given-name", 100 }, { "young_person", "family-name", 100 },
  { "young_person", "preferred-name", 100 }, { "young_person", "sex", 10 },
  { "young_person", "ethnicity", 10 }, { "young_person", "local-id", 50 }, { "young_person", "team", 100 },
  { "young_person", "immigration-status", 50 }, { "young_person", "appeal-stage", 50 },
  { "young_person", "age-assessment", 50 }, { "young_person", "needs-summary", 10000 },
  { "young_person", "wishes-feelings", 10000 }, { "young_person", "home-postcode", 10 },
  { "young_person", "preferred-area", 100 }, { "young_person", "last-placement", 10 },

  { "unit", "name", 200 }, { "unit", "provider", 200 }, { "unit", "provider-type", 50 },
  { "unit", "address", 500 }, { "unit", "postcode", 10 }, { "unit", "area", 100 }, { "unit", "kind", 50 },
  { "unit", "staffing", 50 }, { "unit", "ofsted-urn", 20 }, { "unit", "registration", 50 },
  { "unit", "commissioning", 50 }, { "unit", "status", 20 }, { "unit", "status-reason", 500 },

  { "spell", "address", 500 }, { "spell", "accom", 10 }, { "spell", "place", 10 },
  { "spell", "place-provider", 10 }, { "spell", "state", 20 }, { "spell", "reason-for-move", 500 },

  { "milestone_template", "name", 200 }, { "milestone_template", "category", 50 },
  { "milestone_template", "description", 2000 },

  { "milestone", "name", 200 }, { "milestone", "category", 50 }, { "milestone", "note", 2000 },

  { "transition", "to-address", 500 }, { "transition", "state", 20 }, { "transition", "note", 2000 },
  { "transition", "accepted-warnings", 4000 },

  { "note", "author", 100 }, { "note", "body", 10000 },

  { "ref_code", "list", 50 }, { "ref_code", "code", 20 }, { "ref_code", "meaning", 500 },
};

/**
 * pathways_field_get_max_length:
 * @table: a record's table ("young_person")
 * @field: a text field of it ("given-name")
 *
 * Returns: the most characters @field may hold, or 0 if it is not a text
 * field that is written
 */
guint
pathways_field_get_max_length (const char *table,
                               const char *field)
{
  for (guint i = 0; table != NULL && field != NULL && i < G_N_ELEMENTS (max_lengths); i++)
    if (g_str_equal (max_lengths[i].table, table) && g_str_equal (max_lengths[i].field, field))
      return max_lengths[i].max;
  return 0;
}
