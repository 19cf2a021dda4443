/* pathways-window-private.h — the window's pages, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-caseload-view.h"
#include "pathways-page.h"
#include "pathways-person-page.h"
#include "pathways-stock-view.h"
#include "pathways-timeline-view.h"
#include "pathways-window.h"

G_BEGIN_DECLS

PathwaysPage         *pathways_window_get_page          (PathwaysWindow *self,
                                                         const char     *name);
gboolean              pathways_window_has_page          (PathwaysWindow *self,
                                                         const char     *name);
PathwaysCaseloadView *pathways_window_get_caseload_view (PathwaysWindow *self);
PathwaysPersonPage   *pathways_window_get_person_page   (PathwaysWindow *self);
PathwaysStockView    *pathways_window_get_stock_view    (PathwaysWindow *self);
PathwaysTimelineView *pathways_window_get_timeline_view (PathwaysWindow *self);
gboolean              pathways_window_is_showing_person (PathwaysWindow *self);
GtkWidget            *pathways_window_get_back_button   (PathwaysWindow *self);
GtkWindow            *pathways_window_get_leave_dialog  (PathwaysWindow *self);

G_END_DECLS
