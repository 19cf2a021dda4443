/* pathways-stock-import.h — reading a provider's list of units from CSV
 *
 * One row per unit.  The columns are the unit record's fields, named as
 * in the record (name, kind, weekly-cost, …; case, spaces and
 * underscores do not matter, and the English labels are accepted too):
 * see README "Importing stock".  Every value is checked as the unit
 * editor checks it; each problem names the file, row, column and value.
 * Rows without errors become PathwaysUnit records ready to insert.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pathways-csv.h"
#include "pathways-exchange.h"

G_BEGIN_DECLS

typedef struct {
  char               *name;         /* the file's name */
  guint64             size;
  char               *sha256;
  PathwaysCsvEncoding encoding;
  GPtrArray          *units;        /* PathwaysUnit: new units from rows without errors */
  GArray             *unit_rows;    /* guint: each unit's row in the file */
  GPtrArray          *problems;     /* PathwaysExchangeProblem */
  guint               n_errors;
  guint               n_warnings;
  guint               rows_read;
  guint               rows_skipped;  /* rows with errors */
  guint               rows_known;    /* rows for units already held (same name and postcode) */
} PathwaysStockImport;

char                *pathways_stock_import_key         (const char             *name,
                                                        const char             *postcode);
PathwaysStockImport *pathways_stock_import_parse_bytes (const char             *name,
                                                        const char             *bytes,
                                                        gsize                   length,
                                                        GHashTable             *known_keys,
                                                        GCancellable           *cancellable,
                                                        GError                **error);
PathwaysStockImport *pathways_stock_import_parse_file  (const char             *path,
                                                        GHashTable             *known_keys,
                                                        GCancellable           *cancellable,
                                                        GError                **error);
void                 pathways_stock_import_free        (PathwaysStockImport    *import);
char               **pathways_stock_import_columns     (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysStockImport, pathways_stock_import_free)

G_END_DECLS
