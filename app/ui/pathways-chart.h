/* pathways-chart.h — a bar or line chart on the Sufficiency page
 *
 * Draws a PathwaysChartData with the same code as the committee report
 * (app/report/pathways-chart-draw.c), in the widget's text colour, and
 * tells assistive technologies what it shows: the chart's accessible
 * label is its title and its description is the text alternative.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pathways-chart-draw.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_CHART (pathways_chart_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysChart, pathways_chart, PATHWAYS, CHART, GtkWidget)

GtkWidget               *pathways_chart_new             (void);
void                     pathways_chart_set_data        (PathwaysChart           *self,
                                                         const PathwaysChartData *data);
const PathwaysChartData *pathways_chart_get_data        (PathwaysChart           *self);
/* The text alternative, as given to assistive technologies */
const char              *pathways_chart_get_description (PathwaysChart           *self);

G_END_DECLS
