/* pathways-report.h — the committee report: PDF, CSV and Excel
 *
 * The same tables in three forms, from one PathwaysSufficiency:
 *
 *  - PDF (cairo + pango, A4): a title page with the authority and the
 *    date and the figures at a glance, then the tables with their charts,
 *    and notes on method.
 *  - CSV: one file with one section per table.  Each section is a row
 *    holding the table's title alone, then its header row, its rows, and
 *    an empty row.  Numbers are plain (no £ or % signs): percentages to
 *    one decimal place, money in pounds with pence.
 *  - Excel (.xlsx, libxlsxwriter): one worksheet per table, numbers as
 *    numbers with £ and % formats.
 *
 * The CSV and Excel files also list the young people on each compliance
 * list (for internal use).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pathways-chart-draw.h"
#include "pathways-commissioning.h"
#include "pathways-store.h"
#include "pathways-sufficiency.h"

G_BEGIN_DECLS

#define PATHWAYS_REPORT_ERROR (pathways_report_error_quark ())

typedef enum {
  PATHWAYS_REPORT_ERROR_FAILED,
  PATHWAYS_REPORT_ERROR_WRITE,
} PathwaysReportError;

typedef enum {
  PATHWAYS_REPORT_PDF,
  PATHWAYS_REPORT_CSV,
  PATHWAYS_REPORT_XLSX,
} PathwaysReportFormat;

/* The charts of the dashboard and the report */
typedef enum {
  PATHWAYS_REPORT_CHART_MIX,
  PATHWAYS_REPORT_CHART_LOCATION,
  PATHWAYS_REPORT_CHART_COST,
  PATHWAYS_REPORT_CHART_CLIFF_EDGE,
  PATHWAYS_REPORT_CHART_DEMAND_SUPPORTED,
  PATHWAYS_REPORT_CHART_DEMAND_STAYING_PUT,
  PATHWAYS_REPORT_CHART_DEMAND_STAYING_CLOSE,
  PATHWAYS_REPORT_CHART_DEMAND_MOVE_ON,
  PATHWAYS_REPORT_N_CHARTS
} PathwaysReportChart;

GQuark              pathways_report_error_quark       (void);

gboolean            pathways_report_format_from_string (const char           *text,
                                                        PathwaysReportFormat *out_format);
const char         *pathways_report_format_extension   (PathwaysReportFormat  format);

PathwaysChartData  *pathways_report_chart             (const PathwaysSufficiency *sufficiency,
                                                       PathwaysReportChart        chart);
const char         *pathways_report_demand_explanation (void);

gboolean            pathways_report_write             (const PathwaysSufficiency *sufficiency,
                                                       PathwaysReportFormat       format,
                                                       const char                *path,
                                                       GError                   **error);

gboolean            pathways_report_write_with_commissioning (const PathwaysSufficiency   *sufficiency,
                                                              const PathwaysCommissioning *commissioning,
                                                              PathwaysReportFormat         format,
                                                              const char                  *path,
                                                              GError                     **error);

/* Computes the figures (and the commissioning ones) for @date and
 * writes the report, in a worker thread */
void                pathways_report_export_async      (PathwaysStore         *store,
                                                       const char            *date,
                                                       PathwaysReportFormat   format,
                                                       const char            *path,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
gboolean            pathways_report_export_finish     (PathwaysStore         *store,
                                                       GAsyncResult          *result,
                                                       GError               **error);

/* Printing: the report's pages as A4 cairo recording surfaces (drawn by
 * pathways_print_page_draw()) */
GPtrArray          *pathways_report_render_pages      (const PathwaysSufficiency   *sufficiency,
                                                       const PathwaysCommissioning *commissioning);
void                pathways_report_pages_async       (PathwaysStore         *store,
                                                       const char            *date,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
GPtrArray          *pathways_report_pages_finish      (PathwaysStore         *store,
                                                       GAsyncResult          *result,
                                                       GError               **error);

G_END_DECLS
