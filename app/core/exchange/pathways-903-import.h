/* pathways-903-import.h — an SSDA903 import plan applied to the store
 *
 * What the store holds is read as "known" children (CHILD = the local
 * child ID) for pathways_903_plan_build(), and an accepted plan is
 * written in one transaction: new young people added, known ones
 * updated, episodes added or changed (matched by DECOM), the UASC flag
 * set.  Episodes made from typed figures are replaced by the imported
 * history of the same child.  Any refusal by the store rolls everything
 * back and names the child.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-903-export.h"
#include "pathways-903-plan.h"
#include "pathways-stock-import.h"
#include "pathways-store.h"

G_BEGIN_DECLS

typedef struct {
  guint people_added;
  guint people_updated;
  guint episodes_added;
  guint episodes_changed;
  guint episodes_replaced;   /* typed-figure episodes the import replaced */
  guint uasc_set;
  guint facts_recorded;      /* OC3 facts added or changed */
  gint64 import_id;          /* the import log's row */
} Pathways903ImportCounts;

GHashTable *pathways_903_known_from_store (PathwaysStore            *store,
                                           GError                  **error);
gboolean    pathways_903_plan_apply       (PathwaysStore            *store,
                                           Pathways903Plan          *plan,
                                           Pathways903ImportCounts  *out_counts,
                                           GError                  **error);
/* The same, each record saved (and validated) on its own, as before the
 * bulk path: for tests and the benchmark */
gboolean    pathways_903_plan_apply_one_by_one (PathwaysStore       *store,
                                           Pathways903Plan          *plan,
                                           Pathways903ImportCounts  *out_counts,
                                           GError                  **error);

PathwaysImportLog *pathways_import_log_latest     (PathwaysStore            *store,
                                                   GError                  **error);
gboolean    pathways_import_undo                  (PathwaysStore            *store,
                                                   gint64                    import_id,
                                                   PathwaysImportLog       **out_undone,
                                                   GError                  **error);
gboolean    pathways_import_undo_latest           (PathwaysStore            *store,
                                                   PathwaysImportLog       **out_undone,
                                                   GError                  **error);
char       *pathways_import_log_describe          (PathwaysImportLog        *log);

/* The same in a worker thread (for the app) */
void        pathways_903_known_load_async         (PathwaysStore            *store,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
GHashTable *pathways_903_known_load_finish        (PathwaysStore            *store,
                                                   GAsyncResult             *result,
                                                   GError                  **error);
/* @plan must stay as it is until the callback */
void        pathways_903_plan_apply_async         (PathwaysStore            *store,
                                                   Pathways903Plan          *plan,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
gboolean    pathways_903_plan_apply_finish        (PathwaysStore            *store,
                                                   GAsyncResult             *result,
                                                   Pathways903ImportCounts  *out_counts,
                                                   GError                  **error);
/* @import_id: 0 for the newest; refused unless it is the newest import
 * not undone, checked inside the undo's transaction */
void        pathways_import_undo_async            (PathwaysStore            *store,
                                                   gint64                    import_id,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
PathwaysImportLog *pathways_import_undo_finish    (PathwaysStore            *store,
                                                   GAsyncResult             *result,
                                                   GError                  **error);
void        pathways_import_undo_latest_async     (PathwaysStore            *store,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
gboolean    pathways_import_undo_latest_finish    (PathwaysStore            *store,
                                                   GAsyncResult             *result,
                                                   GError                  **error);

/* Every collection year's return, from the year of the first episode to
 * the one @today falls in, each in @directory/YYYY (0700; files written
 * even with breaches).  Importing them oldest first rebuilds the history. */
gboolean    pathways_903_export_all_years         (PathwaysStore            *store,
                                                   const Pathways903Codes   *codes,
                                                   const char               *directory,
                                                   const char               *today,
                                                   guint                    *out_n_years,
                                                   GError                  **error);

/* Stock lists: the keys (name and postcode) of the units held, for
 * pathways_stock_import_parse_file(), and the new units written as one
 * transaction (nothing when the store refuses any: the error names the
 * row) */
GHashTable *pathways_stock_known_keys             (PathwaysStore            *store,
                                                   GError                  **error);
gboolean    pathways_stock_import_apply           (PathwaysStore            *store,
                                                   PathwaysStockImport      *import,
                                                   GError                  **error);
gboolean    pathways_stock_import_apply_full      (PathwaysStore            *store,
                                                   PathwaysStockImport      *import,
                                                   GCancellable             *cancellable,
                                                   gint64                   *out_import_id,
                                                   GError                  **error);
/* The same in a worker thread: the held units' keys read and the file
 * parsed against them; then the new units added (@import must stay as it
 * is until the callback; cancelling rolls back).  The import is logged:
 * pathways_import_undo_async() with its id undoes it. */
void        pathways_stock_import_read_async      (PathwaysStore            *store,
                                                   const char               *path,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
PathwaysStockImport *pathways_stock_import_read_finish (PathwaysStore       *store,
                                                   GAsyncResult             *result,
                                                   GError                  **error);
void        pathways_stock_import_apply_async     (PathwaysStore            *store,
                                                   PathwaysStockImport      *import,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
gboolean    pathways_stock_import_apply_finish    (PathwaysStore            *store,
                                                   GAsyncResult             *result,
                                                   gint64                   *out_import_id,
                                                   GError                  **error);

/* Ofsted's Annex A, List 9 on @on_date (ISO): every relevant, former
 * relevant and qualifying care leaver whose case is open, in local id
 * order (PathwaysAnnexARow) */
GPtrArray  *pathways_annex_a_rows_from_store      (PathwaysStore            *store,
                                                   const char               *on_date,
                                                   GError                  **error);

/* The SSDA903 return for @year from what the store holds: every young
 * person with their episodes and, from the rules snapshot on the last
 * day of the year, whether they are a care leaver (relevant or former
 * relevant), checked against the DfE rules (see pathways-903-export.h) */
Pathways903Export *pathways_903_export_from_store (PathwaysStore          *store,
                                                   int                     year,
                                                   const Pathways903Codes *codes,
                                                   GError                **error);

G_END_DECLS
