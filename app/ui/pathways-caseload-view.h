/* pathways-caseload-view.h — the caseload: every young person, searchable
 * and sortable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_CASELOAD_VIEW (pathways_caseload_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysCaseloadView, pathways_caseload_view, PATHWAYS, CASELOAD_VIEW, GtkWidget)

GtkWidget     *pathways_caseload_view_new             (PathwaysContext      *context);
GListModel    *pathways_caseload_view_get_model       (PathwaysCaseloadView *self);

G_END_DECLS
