/* pathways-sufficiency-view.h — the Sufficiency page: the manager's dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-core.h"
#include "pathways-report.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_SUFFICIENCY_VIEW (pathways_sufficiency_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysSufficiencyView, pathways_sufficiency_view, PATHWAYS, SUFFICIENCY_VIEW, GtkWidget)

GtkWidget                 *pathways_sufficiency_view_new              (void);
/* The figures are worked out (in a thread) each time the page is shown */
void                       pathways_sufficiency_view_set_store        (PathwaysSufficiencyView *self,
                                                                       PathwaysStore           *store,
                                                                       const char              *today);
void                       pathways_sufficiency_view_reload           (PathwaysSufficiencyView *self);
/* "loading", "empty", "error" or "dashboard" */
const char                *pathways_sufficiency_view_get_visible_page (PathwaysSufficiencyView *self);
const PathwaysSufficiency *pathways_sufficiency_view_get_sufficiency   (PathwaysSufficiencyView *self);
/* Writes the report to @file in a thread; "report-exported" when done */
void                       pathways_sufficiency_view_export           (PathwaysSufficiencyView *self,
                                                                       GFile                   *file,
                                                                       PathwaysReportFormat     format);

G_END_DECLS
