/* pathways-sufficiency-view.h — the Sufficiency page: the manager's dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"
#include "pathways-report.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_SUFFICIENCY_VIEW (pathways_sufficiency_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysSufficiencyView, pathways_sufficiency_view, PATHWAYS, SUFFICIENCY_VIEW, GtkWidget)

GtkWidget                 *pathways_sufficiency_view_new              (PathwaysContext         *context);
/* Writes the report to @file in a thread; "report-exported" when done */
void                       pathways_sufficiency_view_export           (PathwaysSufficiencyView *self,
                                                                       GFile                   *file,
                                                                       PathwaysReportFormat     format);

G_END_DECLS
