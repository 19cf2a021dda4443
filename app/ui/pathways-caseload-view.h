/* pathways-caseload-view.h — the caseload: every young person, searchable
 * and sortable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PATHWAYS_TYPE_CASELOAD_VIEW (pathways_caseload_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysCaseloadView, pathways_caseload_view, PATHWAYS, CASELOAD_VIEW, GtkWidget)

GtkWidget     *pathways_caseload_view_new             (void);
GListModel    *pathways_caseload_view_get_model       (PathwaysCaseloadView *self);
void           pathways_caseload_view_set_model       (PathwaysCaseloadView *self,
                                                       GListModel           *model);

/* For tests */
GtkColumnView *pathways_caseload_view_get_column_view (PathwaysCaseloadView *self);
guint          pathways_caseload_view_get_n_visible   (PathwaysCaseloadView *self);
void           pathways_caseload_view_set_search_text (PathwaysCaseloadView *self,
                                                       const char           *text);
const char    *pathways_caseload_view_get_visible_page (PathwaysCaseloadView *self);
void           pathways_caseload_view_select_filter   (PathwaysCaseloadView *self,
                                                       const char           *filter,
                                                       guint                 position);

G_END_DECLS
