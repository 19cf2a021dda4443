/* pathways-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-application.h"
#include "pathways-caseload-view.h"
#include "pathways-person-page.h"
#include "pathways-timeline-view.h"
#include "pathways-stock-view.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_WINDOW (pathways_window_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysWindow, pathways_window, PATHWAYS, WINDOW, AdwApplicationWindow)

PathwaysWindow       *pathways_window_new               (PathwaysApplication *application);
void                  pathways_window_add_toast         (PathwaysWindow      *self,
                                                         AdwToast            *toast);
void                  pathways_window_load_caseload     (PathwaysWindow      *self);
PathwaysCaseloadView *pathways_window_get_caseload_view (PathwaysWindow      *self);
void                  pathways_window_open_person       (PathwaysWindow      *self,
                                                         gint64               person_id);
PathwaysPersonPage   *pathways_window_get_person_page   (PathwaysWindow      *self);
gboolean              pathways_window_is_showing_person (PathwaysWindow      *self);
PathwaysStockView    *pathways_window_get_stock_view    (PathwaysWindow      *self);
PathwaysTimelineView *pathways_window_get_timeline_view (PathwaysWindow      *self);

G_END_DECLS
