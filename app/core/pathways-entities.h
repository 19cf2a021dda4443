/* pathways-entities.h — the records Pathways keeps
 *
 * Each entity is a PathwaysRecord subclass: its fields (and so its
 * properties and columns) are listed in pathways-entities.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-entity-fields.h"
#include "pathways-record.h"

G_BEGIN_DECLS

/* The C type of each kind of field, for the typed accessors */
#define PATHWAYS_CTYPE_STRING const char *
#define PATHWAYS_CTYPE_DATE   const char *
#define PATHWAYS_CTYPE_INT    gint64
#define PATHWAYS_CTYPE_BOOL   gboolean
#define PATHWAYS_CTYPE_MONEY  gint64
#define PATHWAYS_CTYPE_REAL   double

/* pathways_TYPE_get_FIELD() and pathways_TYPE_set_FIELD() for each field:
 * strings and dates are (transfer none) and NULL when not recorded */
#define PATHWAYS_DECLARE_FIELD_ACCESSORS(T, p, kind, name, prop, label, flags) \
  PATHWAYS_CTYPE_##kind p##_get_##name (T *self);                              \
  void                  p##_set_##name (T *self, PATHWAYS_CTYPE_##kind value);

#define PATHWAYS_TYPE_STAFF (pathways_staff_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysStaff, pathways_staff, PATHWAYS, STAFF, PathwaysRecord)

#define PATHWAYS_TYPE_TEAM (pathways_team_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysTeam, pathways_team, PATHWAYS, TEAM, PathwaysRecord)

#define PATHWAYS_TYPE_CONTACT (pathways_contact_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysContact, pathways_contact, PATHWAYS, CONTACT, PathwaysRecord)

#define PATHWAYS_TYPE_ACTIVITY (pathways_activity_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysActivity, pathways_activity, PATHWAYS, ACTIVITY, PathwaysRecord)

#define PATHWAYS_TYPE_OC3_FACT (pathways_oc3_fact_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysOc3Fact, pathways_oc3_fact, PATHWAYS, OC3_FACT, PathwaysRecord)

#define PATHWAYS_TYPE_IMPORT_LOG (pathways_import_log_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysImportLog, pathways_import_log, PATHWAYS, IMPORT_LOG, PathwaysRecord)

#define PATHWAYS_TYPE_YOUNG_PERSON (pathways_young_person_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysYoungPerson, pathways_young_person, PATHWAYS, YOUNG_PERSON, PathwaysRecord)

#define PATHWAYS_TYPE_UNIT (pathways_unit_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysUnit, pathways_unit, PATHWAYS, UNIT, PathwaysRecord)

#define PATHWAYS_TYPE_SPELL (pathways_spell_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysSpell, pathways_spell, PATHWAYS, SPELL, PathwaysRecord)

#define PATHWAYS_TYPE_MILESTONE_TEMPLATE (pathways_milestone_template_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysMilestoneTemplate, pathways_milestone_template, PATHWAYS, MILESTONE_TEMPLATE, PathwaysRecord)

#define PATHWAYS_TYPE_MILESTONE (pathways_milestone_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysMilestone, pathways_milestone, PATHWAYS, MILESTONE, PathwaysRecord)

#define PATHWAYS_TYPE_TRANSITION (pathways_transition_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysTransition, pathways_transition, PATHWAYS, TRANSITION, PathwaysRecord)

#define PATHWAYS_TYPE_EPISODE (pathways_episode_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysEpisode, pathways_episode, PATHWAYS, EPISODE, PathwaysRecord)

#define PATHWAYS_TYPE_REF_CODE (pathways_ref_code_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysRefCode, pathways_ref_code, PATHWAYS, REF_CODE, PathwaysRecord)

#define PATHWAYS_TYPE_AUDIT_ENTRY (pathways_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysAuditEntry, pathways_audit_entry, PATHWAYS, AUDIT_ENTRY, PathwaysRecord)

/* One row of the caseload: a young person with what the caseload shows
 * of them (PA, current accommodation).  Read-only, made by a query. */
#define PATHWAYS_TYPE_CASELOAD_ROW (pathways_caseload_row_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysCaseloadRow, pathways_caseload_row, PATHWAYS, CASELOAD_ROW, PathwaysRecord)

#define PATHWAYS_TYPE_NOTE (pathways_note_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysNote, pathways_note, PATHWAYS, NOTE, PathwaysRecord)

/* A planner's proposal turned down, with the reason (pathways-plan.h) */
#define PATHWAYS_TYPE_PLAN_REJECTION (pathways_plan_rejection_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPlanRejection, pathways_plan_rejection, PATHWAYS, PLAN_REJECTION, PathwaysRecord)

/* A unit as a possible destination for a young person on a date, with
 * the rules' verdict.  Read-only. */
#define PATHWAYS_TYPE_DESTINATION (pathways_destination_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysDestination, pathways_destination, PATHWAYS, DESTINATION, PathwaysRecord)

/* A unit of the register with who lives there and when it is free */
#define PATHWAYS_TYPE_STOCK_ROW (pathways_stock_row_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysStockRow, pathways_stock_row, PATHWAYS, STOCK_ROW, PathwaysRecord)

/* Counts at a glance for one kind of unit */
#define PATHWAYS_TYPE_KIND_COUNT (pathways_kind_count_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysKindCount, pathways_kind_count, PATHWAYS, KIND_COUNT, PathwaysRecord)

/* A young person ranked for a unit */
#define PATHWAYS_TYPE_CANDIDATE (pathways_candidate_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysCandidate, pathways_candidate, PATHWAYS, CANDIDATE, PathwaysRecord)

/* An alert from the rules engine.  Read-only. */
#define PATHWAYS_TYPE_ALERT (pathways_alert_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysAlert, pathways_alert, PATHWAYS, ALERT, PathwaysRecord)

/* Typed accessors */
PATHWAYS_STAFF_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysStaff, pathways_staff)
PATHWAYS_YOUNG_PERSON_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysYoungPerson, pathways_young_person)
PATHWAYS_TEAM_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysTeam, pathways_team)
PATHWAYS_CONTACT_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysContact, pathways_contact)
PATHWAYS_ACTIVITY_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysActivity, pathways_activity)
PATHWAYS_OC3_FACT_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysOc3Fact, pathways_oc3_fact)
PATHWAYS_IMPORT_LOG_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysImportLog, pathways_import_log)
PATHWAYS_UNIT_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysUnit, pathways_unit)
PATHWAYS_SPELL_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysSpell, pathways_spell)
PATHWAYS_MILESTONE_TEMPLATE_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysMilestoneTemplate, pathways_milestone_template)
PATHWAYS_MILESTONE_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysMilestone, pathways_milestone)
PATHWAYS_TRANSITION_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysTransition, pathways_transition)
PATHWAYS_NOTE_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysNote, pathways_note)
PATHWAYS_PLAN_REJECTION_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysPlanRejection, pathways_plan_rejection)
PATHWAYS_EPISODE_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysEpisode, pathways_episode)
PATHWAYS_REF_CODE_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysRefCode, pathways_ref_code)
PATHWAYS_AUDIT_ENTRY_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysAuditEntry, pathways_audit_entry)
PATHWAYS_CASELOAD_ROW_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysCaseloadRow, pathways_caseload_row)
PATHWAYS_STOCK_ROW_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysStockRow, pathways_stock_row)
PATHWAYS_KIND_COUNT_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysKindCount, pathways_kind_count)
PATHWAYS_CANDIDATE_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysCandidate, pathways_candidate)
PATHWAYS_DESTINATION_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysDestination, pathways_destination)
PATHWAYS_ALERT_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysAlert, pathways_alert)

/* Reference-code lists (the "list" column of ref_code) */
#define PATHWAYS_REF_ACCOM          "ACCOM"
#define PATHWAYS_REF_PLACE          "PLACE"
#define PATHWAYS_REF_PLACE_PROVIDER "PLACE_PROVIDER"
#define PATHWAYS_REF_ACTIV          "ACTIV"
#define PATHWAYS_REF_IN_TOUCH       "IN_TOUCH"
#define PATHWAYS_REF_ETHNIC         "ETHNIC"
#define PATHWAYS_REF_RNE            "RNE"
#define PATHWAYS_REF_LS             "LS"
#define PATHWAYS_REF_CIN            "CIN"
#define PATHWAYS_REF_REC            "REC"
#define PATHWAYS_REF_REASON_PLACE_CHANGE "REASON_PLACE_CHANGE"

/* PathwaysEpisode's origin */
#define PATHWAYS_EPISODE_FROM_TYPED_FIGURES "typed-figures"
#define PATHWAYS_EPISODE_FROM_IMPORT        "import"
/* PathwaysOc3Fact's origin when imported */
#define PATHWAYS_OC3_FACT_FROM_IMPORT       "import"

PathwaysYoungPerson *pathways_young_person_new              (void);
char                *pathways_young_person_dup_display_name (PathwaysYoungPerson *self);
PathwaysStaff       *pathways_staff_new                     (const char *name,
                                                             const char *role,
                                                             const char *team);
PathwaysUnit        *pathways_unit_new                      (void);
PathwaysSpell       *pathways_spell_new                     (void);
PathwaysMilestone   *pathways_milestone_new                 (void);
PathwaysTransition  *pathways_transition_new                (void);
PathwaysEpisode     *pathways_episode_new                   (gint64      young_person_id,
                                                             const char *decom);

/* The longest text a field of a table takes, in characters (0: not a
 * written text field) */
guint                pathways_field_get_max_length          (const char *table,
                                                             const char *field);

G_END_DECLS
