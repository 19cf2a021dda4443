/* pathways-person.h — one young person, as the personal adviser sees them
 *
 * Everything the young person's page shows, loaded in one go (in a
 * worker thread for the window): the profile, the rules' status and key
 * dates with their explanations, readiness, the accommodation history,
 * milestones, open moves, notes and alerts.  Plus the small rules the
 * caseload filters and the page need (age bands, overdue milestones,
 * which field a validation error is about).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-rules.h"
#include "pathways-store.h"

G_BEGIN_DECLS

typedef struct {
  PathwaysYoungPerson *person;
  char                *display_name;
  int                  age;
  PathwaysCareStatus   status;
  const char          *status_label;        /* translated */
  char                *status_explanation;
  PathwaysStage        stage;
  int                  readiness;           /* percent, -1 without milestones */
  int                  readiness_threshold; /* percent, from the settings */
  GPtrArray           *key_dates;           /* PathwaysKeyDate*, in date order */
  GListModel          *spells;              /* PathwaysSpell, by start date */
  GHashTable          *units;               /* unit id (gint64*) → PathwaysUnit, of spells and moves */
  GListModel          *milestones;          /* PathwaysMilestone, by category then due date */
  GListModel          *moves;               /* PathwaysTransition still to happen, soonest first */
  GListModel          *notes;               /* PathwaysNote, newest first */
  GListModel          *alerts;              /* PathwaysAlert, worst first */
  char                *on;                  /* the day it was computed for */
  char                *need_date;           /* the day they next need somewhere to live (the rules') */
} PathwaysPersonDetails;

PathwaysPersonDetails *pathways_person_load          (PathwaysStore        *store,
                                                      gint64                person_id,
                                                      const char           *on,
                                                      GError              **error);
void                   pathways_person_load_async    (PathwaysStore        *store,
                                                      gint64                person_id,
                                                      const char           *on,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
PathwaysPersonDetails *pathways_person_load_finish   (PathwaysStore        *store,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void                   pathways_person_details_free  (PathwaysPersonDetails *details);
PathwaysUnit          *pathways_person_details_get_unit (PathwaysPersonDetails *details,
                                                         gint64                 unit_id);

/* Age bands of the caseload filter */
typedef enum {
  PATHWAYS_AGE_BAND_OTHER,
  PATHWAYS_AGE_BAND_16_17,
  PATHWAYS_AGE_BAND_18_20,
  PATHWAYS_AGE_BAND_21_25,
} PathwaysAgeBand;

PathwaysAgeBand        pathways_age_band             (int                   age);

/* A milestone not done whose due date is before @on */
gboolean               pathways_milestone_is_overdue (PathwaysRecord       *milestone,
                                                      const char           *on);

/* The field (property name) a validation error from the store is about,
 * or NULL when it cannot be told: the store's messages name the field
 * first ("Family name is required"). */
const char            *pathways_person_field_for_error (PathwaysRecord     *record,
                                                        const GError       *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysPersonDetails, pathways_person_details_free)

G_END_DECLS
