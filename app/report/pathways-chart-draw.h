/* pathways-chart-draw.h — bar and line charts drawn with cairo and pango
 *
 * One drawing code for the committee report (a cairo PDF surface) and
 * the Sufficiency page (GtkSnapshot's cairo node), so the charts on the
 * screen and on paper are the same.  A chart is plain data; the text
 * alternative that screen readers and the report's notes use is made
 * from the same data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  PATHWAYS_CHART_HBARS,    /* categories down the side, series stacked */
  PATHWAYS_CHART_COLUMNS,  /* categories along the bottom, series side by side, optional line */
} PathwaysChartKind;

#define PATHWAYS_CHART_MAX_SERIES 4

typedef struct {
  PathwaysChartKind kind;
  char   *title;
  char   *value_label;          /* what the numbers count, "young people" */
  guint   n_series;
  char   *series[PATHWAYS_CHART_MAX_SERIES];
  guint   n_categories;
  char  **categories;           /* n_categories */
  double *values;               /* n_series × n_categories, series-major */
  double *line;                 /* NULL, or n_categories */
  char   *line_label;
  guint   neutral_series;       /* bits (1 << series): "not recorded" and the like, drawn grey */
} PathwaysChartData;

typedef struct {
  double r, g, b, a;
} PathwaysChartColor;

PathwaysChartData *pathways_chart_data_new      (PathwaysChartKind        kind,
                                                 const char              *title,
                                                 const char              *value_label,
                                                 guint                    n_series,
                                                 const char * const      *series,
                                                 guint                    n_categories);
void               pathways_chart_data_free     (PathwaysChartData       *data);
PathwaysChartData *pathways_chart_data_copy     (const PathwaysChartData *data);
void               pathways_chart_data_set      (PathwaysChartData       *data,
                                                 guint                    series,
                                                 guint                    category,
                                                 double                   value);
double             pathways_chart_data_get      (const PathwaysChartData *data,
                                                 guint                    series,
                                                 guint                    category);
void               pathways_chart_data_set_category (PathwaysChartData   *data,
                                                     guint                category,
                                                     const char          *label);
void               pathways_chart_data_add_line (PathwaysChartData       *data,
                                                 const char              *label);

/* The chart in words, for screen readers and the report's notes */
char              *pathways_chart_data_describe (const PathwaysChartData *data);

/* The height the chart wants at @width (HBARS grow with categories) */
double             pathways_chart_preferred_height (const PathwaysChartData *data,
                                                    double                   width);

void               pathways_chart_draw          (cairo_t                 *cr,
                                                 const PathwaysChartData *data,
                                                 double                   width,
                                                 double                   height,
                                                 const PathwaysChartColor *foreground,
                                                 const char              *font_family);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysChartData, pathways_chart_data_free)

G_END_DECLS
