/* pathways-stock-import-dialog.h — Import Stock… from the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_STOCK_IMPORT_DIALOG (pathways_stock_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysStockImportDialog, pathways_stock_import_dialog, PATHWAYS, STOCK_IMPORT_DIALOG, AdwWindow)

/* A provider's stock list (CSV) read in a worker thread and previewed:
 * units to add, rows for units already held, every problem (file, row,
 * column, value).  Rows with errors are skipped only when "Skip rows with
 * errors" is on; otherwise an import with errors is refused whole.  Its
 * actions: "stock-import.import" (one transaction in a worker thread) and
 * "stock-import.cancel" (stops the import, which rolls back) */
PathwaysStockImportDialog *pathways_stock_import_dialog_new   (PathwaysContext           *context);
void                       pathways_stock_import_dialog_load  (PathwaysStockImportDialog *self,
                                                               GFile                     *file);

/* Asks for the CSV file, then shows the dialog */
void                       pathways_stock_import_choose       (GtkWindow                 *parent,
                                                               PathwaysContext           *context);

/* For the tests */
gboolean                   pathways_stock_import_dialog_is_busy        (PathwaysStockImportDialog *self);
void                       pathways_stock_import_dialog_set_skip_errors (PathwaysStockImportDialog *self,
                                                                        gboolean                   skip);
guint                      pathways_stock_import_dialog_get_n_units    (PathwaysStockImportDialog *self);
guint                      pathways_stock_import_dialog_get_n_errors   (PathwaysStockImportDialog *self);
GtkListBox                *pathways_stock_import_dialog_get_problem_list (PathwaysStockImportDialog *self);
gint64                     pathways_stock_import_dialog_get_import_id  (PathwaysStockImportDialog *self);
const char                *pathways_stock_import_dialog_get_error      (PathwaysStockImportDialog *self);

G_END_DECLS
