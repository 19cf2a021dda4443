/* pathways-plan-service.h — the service plan, shared by the pages that show it
 *
 * One per context (pathways_plan_service_get_for_context()): it runs the
 * planner (pathways_plan_run()) in a worker thread with the authority's
 * weights and the stored rejections, with progress and Cancel, holds the
 * last plan, and plans again when the store changes what a plan depends
 * on (moves, spells, units, young people, milestones, rejections,
 * settings) once a plan has been asked for.  The Plan page, the
 * proposal on a young person's page and the timeline all read the same
 * plan from here; accepting and turning down proposals go through it too,
 * each one undoable action with its toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"
#include "pathways-plan.h"

G_BEGIN_DECLS

/* A row of the plan: one proposal, keeping the plan it came from alive */
#define PATHWAYS_TYPE_PLAN_ROW (pathways_plan_row_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPlanRow, pathways_plan_row, PATHWAYS, PLAN_ROW, GObject)

const PathwaysProposal *pathways_plan_row_get_proposal (PathwaysPlanRow *self);
/* The young person's personal adviser's name, or NULL */
const char             *pathways_plan_row_get_pa_name  (PathwaysPlanRow *self);

#define PATHWAYS_TYPE_PLAN_SERVICE (pathways_plan_service_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPlanService, pathways_plan_service, PATHWAYS, PLAN_SERVICE, GObject)

PathwaysPlanService *pathways_plan_service_get_for_context (PathwaysContext     *context);

/* Plan now (cancelling a run under way) */
void                 pathways_plan_service_run           (PathwaysPlanService *self);
void                 pathways_plan_service_cancel        (PathwaysPlanService *self);
/* "running" and "progress" (0–1) are properties */
gboolean             pathways_plan_service_get_running   (PathwaysPlanService *self);
double               pathways_plan_service_get_progress  (PathwaysPlanService *self);
/* The last plan (NULL before the first, or after an error) and why the
 * last run failed (NULL if it did not).  "updated" is emitted after each
 * run that finished, well or not. */
PathwaysPlan        *pathways_plan_service_get_plan      (PathwaysPlanService *self);
const GError        *pathways_plan_service_get_error     (PathwaysPlanService *self);
/* PathwaysPlanRow, in the plan's order (by date, then name) */
GListModel          *pathways_plan_service_get_rows      (PathwaysPlanService *self);
PathwaysPlanRow     *pathways_plan_service_find_person   (PathwaysPlanService *self,
                                                          gint64               person_id);

/* Schedule the proposals of these young people as moves (one undoable
 * action), or turn one down with a reason (stored; the next plan does
 * not make it again).  Done in a worker thread; a toast says what was
 * done, with Undo, or why nothing was. */
void                 pathways_plan_service_accept        (PathwaysPlanService *self,
                                                          const gint64        *person_ids,
                                                          guint                n_people);
void                 pathways_plan_service_reject        (PathwaysPlanService *self,
                                                          gint64               person_id,
                                                          const char          *reason);
/* Several with one reason, in one undoable action */
void                 pathways_plan_service_reject_many   (PathwaysPlanService *self,
                                                          const gint64        *person_ids,
                                                          guint                n_people,
                                                          const char          *reason);
/* Asks for the reason (a dialog over @parent's window), then rejects */
void                 pathways_plan_service_ask_reject    (PathwaysPlanService *self,
                                                          GtkWidget           *parent,
                                                          gint64               person_id);
GtkWidget           *pathways_plan_service_ask_reject_many (PathwaysPlanService *self,
                                                          GtkWidget           *parent,
                                                          const gint64        *person_ids,
                                                          guint                n_people);

/* For the plan's sections: a row of @list that wraps and names itself
 * by what it says, and a button with a mnemonic label for @action */
GtkWidget           *pathways_plan_add_row               (GtkListBox          *list,
                                                          const char          *title,
                                                          const char          *subtitle);
GtkWidget           *pathways_plan_button                (const char          *label,
                                                          const char          *action,
                                                          GVariant            *target);

G_END_DECLS
