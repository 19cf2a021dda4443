/* pathways-store-backend.h — what the base class offers its backends
 *
 * For the implementations of PathwaysStore (app/core/store/sqlite/ and
 * app/core/store/postgres/) only.
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

/* Whether the server can be reached: notifies "connected" on the main
 * context (from any thread) when it changes */
void            pathways_store_set_connected    (PathwaysStore   *self,
                                                 gboolean         connected);

/* Who signed in, as the server says: once, while opening */
void            pathways_store_set_signed_in    (PathwaysStore   *self,
                                                 const char      *login,
                                                 const char      *role,
                                                 gint64           staff_id);

/* Opened read-only (@reason in words; NULL to allow writes again):
 * the base class refuses every write with the reason */
void            pathways_store_set_read_only    (PathwaysStore   *self,
                                                 const char      *reason);

/* A table's rows as text, for copying one backend's database into
 * another's: @columns names them; each row is an array of
 * g_strv_length(columns) strings, NULL for SQL NULL */
typedef struct {
  char      *table;
  GStrv      columns;
  GPtrArray *rows;
} PathwaysTableDump;

PathwaysTableDump *pathways_table_dump_new  (const char        *table,
                                             GStrv              columns);
void               pathways_table_dump_add  (PathwaysTableDump *dump,
                                             char             **values);
void               pathways_table_dump_free (PathwaysTableDump *dump);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysTableDump, pathways_table_dump_free)

G_END_DECLS
