/* pathways-plan-view.h — the Plan page, for managers and housing liaison
 *
 * Plans by itself the first time it is shown; runs the service plan (pathways-plan-service.h) in a worker thread with
 * its progress and Cancel, then lists every proposal — who, when, to
 * which unit, the need, the weekly cost and the personal adviser,
 * sortable by each — with the selected one explained below (why this
 * unit, the next-best alternatives, what would make a unit suitable),
 * what to commission, and the weights the planner uses (the authority's
 * settings; a change plans again).
 *
 * Actions (prefix "plan."): run (F5), cancel, accept-selected
 * (Ctrl+Return: one undoable action), accept (x: a young person's id),
 * reject-selected (asks for the reason), reject ((xs): a young person's
 * id and the reason), set-weight ((si): the setting and its value),
 * what-if (opens What If…: pathways-what-if-dialog.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_PLAN_VIEW (pathways_plan_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPlanView, pathways_plan_view, PATHWAYS, PLAN_VIEW, GtkWidget)

GtkWidget          *pathways_plan_view_new              (PathwaysContext  *context);
/* For tests: "empty", "running", "error", "nothing" or "plan"; the
 * proposals as shown (sorted) and their selection */
const char         *pathways_plan_view_get_visible_page (PathwaysPlanView *self);
GtkSelectionModel  *pathways_plan_view_get_selection    (PathwaysPlanView *self);

G_END_DECLS
