/* pathways-caseload-view-private.h — for the window and the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-caseload-view.h"

G_BEGIN_DECLS

/* Shows @model (NULL: "loading") instead of what the view loads itself */
void           pathways_caseload_view_set_model       (PathwaysCaseloadView *self,
                                                       GListModel           *model);
GtkColumnView *pathways_caseload_view_get_column_view (PathwaysCaseloadView *self);
guint          pathways_caseload_view_get_n_visible   (PathwaysCaseloadView *self);
void           pathways_caseload_view_set_search_text (PathwaysCaseloadView *self,
                                                       const char           *text);
const char    *pathways_caseload_view_get_visible_page (PathwaysCaseloadView *self);
void           pathways_caseload_view_select_filter   (PathwaysCaseloadView *self,
                                                       const char           *filter,
                                                       guint                 position);

G_END_DECLS
