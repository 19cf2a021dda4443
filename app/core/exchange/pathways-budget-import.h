/* pathways-budget-import.h — reading budget lines from finance's CSV
 *
 * One row per budget line, with a header naming the columns (in any
 * order; case, spaces, '-' and '_' do not matter):
 *
 *   year            the financial year: 2026 or 2026/27   (needed)
 *   kind            a kind of provision: supported, staying_put, staying_close,
 *                   in_house_fostering, ifa, residential, emergency, …   (needed)
 *   amount          the gross budget in pounds (£1,250.00, 1250)   (needed)
 *   placement_weeks the placement-weeks it pays for   (needed when amount > 0)
 *   income          the income expected against it, in pounds
 *   note            any text
 *
 * Every problem names the file, row and column.  A file with any error
 * is not imported at all (a budget half-read is worse than none).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pathways-csv.h"
#include "pathways-exchange.h"
#include "pathways-store.h"

G_BEGIN_DECLS

typedef struct {
  int     year;
  char   *kind;
  gint64  amount;
  double  placement_weeks;
  gint64  income;
  char   *note;
  guint   row;
} PathwaysBudgetImportLine;

typedef struct {
  char      *name;
  GPtrArray *lines;      /* PathwaysBudgetImportLine */
  GPtrArray *problems;   /* PathwaysExchangeProblem */
  guint      n_errors;
  guint      rows_read;
} PathwaysBudgetImport;

PathwaysBudgetImport *pathways_budget_import_parse_bytes (const char            *name,
                                                          const char            *bytes,
                                                          gsize                  length,
                                                          GError               **error);
PathwaysBudgetImport *pathways_budget_import_parse_file  (const char            *path,
                                                          GError               **error);
/* Sets every line in one transaction (undoable as one); refused when
 * the file had errors */
gboolean              pathways_budget_import_apply       (PathwaysStore         *store,
                                                          PathwaysBudgetImport  *import,
                                                          PathwaysChangeSet    **out_undo,
                                                          GError               **error);
void                  pathways_budget_import_free        (PathwaysBudgetImport  *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysBudgetImport, pathways_budget_import_free)

G_END_DECLS
