/* pathways-store-private.h — for core modules and tests only
 *
 * Nothing here is backend-specific: the SQLite backend's own private
 * API is in sqlite/pathways-sqlite-store-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-store.h"

G_BEGIN_DECLS

gboolean        pathways_validate_record        (PathwaysStore  *store,
                                                 PathwaysRecord *record,
                                                 GError        **error);

/* Running core work on the store in a worker thread (GTask): @func's
 * result (non-NULL on success) is freed with @free_result unless taken
 * by pathways_store_run_finish() */
typedef gpointer (*PathwaysStoreWorkFunc) (PathwaysStore  *store,
                                           gpointer        data,
                                           GError        **error);

void            pathways_store_run_async        (PathwaysStore        *self,
                                                 PathwaysStoreWorkFunc func,
                                                 gpointer              data,
                                                 GDestroyNotify        free_data,
                                                 GDestroyNotify        free_result,
                                                 gpointer              source_tag,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gpointer        pathways_store_run_finish       (PathwaysStore        *self,
                                                 GAsyncResult         *result,
                                                 gpointer              source_tag,
                                                 GError              **error);

/* What an action in a worker thread hands back */
typedef struct {
  PathwaysChangeSet *undo;
  PathwaysRecord    *record;
  gint64             id;
} PathwaysStoreActionResult;

PathwaysStoreActionResult *pathways_store_action_result_new  (void);
void                       pathways_store_action_result_free (gpointer result);

guint           pathways_store_get_n_range_deletes (PathwaysStore *self);

G_END_DECLS
