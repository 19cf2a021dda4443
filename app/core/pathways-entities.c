/* pathways-entities.c — the records, made from their field lists
 *
 * The fields are listed in pathways-entity-fields.h.  A field's name is
 * its property; with '-' turned into '_' it is its column.  The labels
 * appear in error messages ("Date of birth …").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-entities"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pathways-entities.h"

#include "pathways-record-define.h"

DEFINE_RECORD (PathwaysStaff, pathways_staff, "staff", PATHWAYS_STAFF_FIELDS)
DEFINE_RECORD (PathwaysYoungPerson, pathways_young_person, "young_person", PATHWAYS_YOUNG_PERSON_FIELDS)
DEFINE_RECORD (PathwaysTeam, pathways_team, "team", PATHWAYS_TEAM_FIELDS)
DEFINE_RECORD (PathwaysContact, pathways_contact, "contact", PATHWAYS_CONTACT_FIELDS)
DEFINE_RECORD (PathwaysActivity, pathways_activity, "activity", PATHWAYS_ACTIVITY_FIELDS)
DEFINE_RECORD (PathwaysOc3Fact, pathways_oc3_fact, "oc3_fact", PATHWAYS_OC3_FACT_FIELDS)
DEFINE_RECORD (PathwaysImportLog, pathways_import_log, "import_log", PATHWAYS_IMPORT_LOG_FIELDS)
DEFINE_RECORD (PathwaysUnit, pathways_unit, "unit", PATHWAYS_UNIT_FIELDS)
DEFINE_RECORD (PathwaysSpell, pathways_spell, "spell", PATHWAYS_SPELL_FIELDS)
DEFINE_RECORD (PathwaysMilestoneTemplate, pathways_milestone_template, "milestone_template",
               PATHWAYS_MILESTONE_TEMPLATE_FIELDS)
DEFINE_RECORD (PathwaysMilestone, pathways_milestone, "milestone", PATHWAYS_MILESTONE_FIELDS)
DEFINE_RECORD (PathwaysTransition, pathways_transition, "transition", PATHWAYS_TRANSITION_FIELDS)
DEFINE_RECORD (PathwaysRefCode, pathways_ref_code, "ref_code", PATHWAYS_REF_CODE_FIELDS)
DEFINE_RECORD (PathwaysAuditEntry, pathways_audit_entry, "audit_log", PATHWAYS_AUDIT_ENTRY_FIELDS)
DEFINE_RECORD (PathwaysCaseloadRow, pathways_caseload_row, NULL, PATHWAYS_CASELOAD_ROW_FIELDS)
DEFINE_RECORD (PathwaysAlert, pathways_alert, NULL, PATHWAYS_ALERT_FIELDS)
DEFINE_RECORD (PathwaysNote, pathways_note, "note", PATHWAYS_NOTE_FIELDS)
DEFINE_RECORD (PathwaysPlanRejection, pathways_plan_rejection, "plan_rejection", PATHWAYS_PLAN_REJECTION_FIELDS)
DEFINE_RECORD (PathwaysEpisode, pathways_episode, "episode", PATHWAYS_EPISODE_FIELDS)
DEFINE_RECORD (PathwaysDestination, pathways_destination, NULL, PATHWAYS_DESTINATION_FIELDS)
DEFINE_RECORD (PathwaysStockRow, pathways_stock_row, NULL, PATHWAYS_STOCK_ROW_FIELDS)
DEFINE_RECORD (PathwaysKindCount, pathways_kind_count, NULL, PATHWAYS_KIND_COUNT_FIELDS)
DEFINE_RECORD (PathwaysCandidate, pathways_candidate, NULL, PATHWAYS_CANDIDATE_FIELDS)

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
  const char *preferred = pathways_young_person_get_preferred_name (self);
  const char *given = pathways_young_person_get_given_name (self);
  const char *family = pathways_young_person_get_family_name (self);

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

PathwaysEpisode *
pathways_episode_new (gint64      young_person_id,
                      const char *decom)
{
  PathwaysEpisode *self = g_object_new (PATHWAYS_TYPE_EPISODE, NULL);

  /* The typed setters, not g_object_new()'s properties by name: an
   * import makes a hundred thousand of these */
  pathways_episode_set_young_person_id (self, young_person_id);
  pathways_episode_set_decom (self, decom);
  return self;
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
  { "young_person", "close-reason", 30 }, { "young_person", "pa-support-after-21", 20 },

  { "team", "name", 100 },

  { "contact", "kind", 20 }, { "contact", "note", 4000 }, { "contact", "author", 100 },

  { "activity", "activ", 10 },

  { "oc3_fact", "in-touch", 10 }, { "oc3_fact", "activ", 10 }, { "oc3_fact", "accom", 10 },
  { "oc3_fact", "origin", 20 },

  { "import_log", "imported-at", 40 }, { "import_log", "imported-by", 200 }, { "import_log", "kind", 20 },
  { "import_log", "files", 100000 }, { "import_log", "changes", 200000000 }, { "import_log", "undone-at", 40 },

  { "unit", "name", 200 }, { "unit", "provider", 200 }, { "unit", "provider-type", 50 },
  { "unit", "address", 500 }, { "unit", "postcode", 10 }, { "unit", "area", 100 }, { "unit", "kind", 50 },
  { "unit", "staffing", 50 }, { "unit", "ofsted-urn", 20 }, { "unit", "registration", 50 },
  { "unit", "commissioning", 50 }, { "unit", "status", 20 }, { "unit", "status-reason", 500 },

  { "spell", "address", 500 }, { "spell", "accom", 10 }, { "spell", "place", 10 },
  { "spell", "place-provider", 10 }, { "spell", "state", 20 }, { "spell", "reason-for-move", 500 },

  { "milestone_template", "name", 200 }, { "milestone_template", "category", 50 },
  { "milestone_template", "description", 2000 },

  { "plan_rejection", "reason", 2000 },

  { "milestone", "name", 200 }, { "milestone", "category", 50 }, { "milestone", "note", 2000 },

  { "transition", "to-address", 500 }, { "transition", "state", 20 }, { "transition", "note", 2000 },
  { "transition", "accepted-warnings", 4000 },

  { "note", "author", 100 }, { "note", "body", 10000 },

  { "episode", "rne", 10 }, { "episode", "ls", 10 }, { "episode", "cin", 10 }, { "episode", "place", 10 },
  { "episode", "place-provider", 10 }, { "episode", "rec", 10 }, { "episode", "reason-place-change", 10 },
  { "episode", "home-post", 10 }, { "episode", "pl-post", 10 }, { "episode", "urn", 20 },
  { "episode", "origin", 20 },

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
