/* pathways-store-backend.h — what the base class offers its backends
 *
 * For the implementations of PathwaysStore (app/core/store/sqlite/, and
 * later app/core/store/postgres/) only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-store.h"

G_BEGIN_DECLS

/* TRUE when the calling thread holds the writer lock inside a
 * transaction: its reads must see its own writes */
gboolean        pathways_store_in_transaction   (PathwaysStore   *self);

/* What opening found: the schema version, whether the database was
 * created, and the backup made before migrating (or NULL) */
void            pathways_store_set_opened       (PathwaysStore   *self,
                                                 int              schema_version,
                                                 gboolean         created,
                                                 const char      *backup_path);

/* The main context "changed" is emitted on (the thread-default context
 * of the thread that made the store) */
GMainContext   *pathways_store_get_main_context (PathwaysStore   *self);

/* Emits "changed" with @changes on the store's main context, from any
 * thread: for changes made elsewhere (another program on the same file,
 * another desktop on the same server).  Safe to call while the store is
 * being disposed: the emission is dropped if the store has gone. */
void            pathways_store_post_changes     (PathwaysStore   *self,
                                                 PathwaysChanges *changes);

G_END_DECLS
