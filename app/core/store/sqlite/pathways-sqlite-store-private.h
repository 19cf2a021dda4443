/* pathways-sqlite-store-private.h — inside the SQLite backend, and for
 * its own tests (tests/sqlite/)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "pathways-sqlite-store.h"
#include "pathways-store-backend.h"

G_BEGIN_DECLS

/* The read connections any thread may borrow */
#define PATHWAYS_SQLITE_N_READERS 3

/* How often the watcher looks for commits by other programs */
#define PATHWAYS_SQLITE_POLL_MS 1000

typedef struct {
  int          version;
  const char  *description;
  gboolean   (*apply) (sqlite3 *db, GError **error);
} PathwaysMigration;

const PathwaysMigration *pathways_sqlite_migrations_get   (guint    *n_migrations);
gboolean                 pathways_sqlite_migrations_audit (sqlite3  *db,
                                                           int       version,
                                                           GError  **error);

/* Opens (creating or migrating) but stops at @target_version: used by
 * the tests to make a database of an older schema.  Such a store is for
 * raw SQL only (pathways_sqlite_store_exec()): the records of this build
 * need the current schema. */
PathwaysStore  *pathways_store_open_at_version      (const char     *path,
                                                     PathwaysClock  *clock,
                                                     int             target_version,
                                                     GError        **error);

/* For the backend's tests */
gboolean        pathways_sqlite_store_exec          (PathwaysSqliteStore  *self,
                                                     const char           *sql,
                                                     GError              **error);
gint64          pathways_sqlite_store_query_int     (PathwaysSqliteStore  *self,
                                                     const char           *sql,
                                                     GError              **error);
void            pathways_sqlite_store_set_poll_interval (PathwaysSqliteStore *self,
                                                     guint                 milliseconds);
/* Where the head of the database's audit chain is noted, outside it */
char           *pathways_sqlite_anchor_file         (const char     *db_path);
/* Runs when a backup is written and synced, before it is renamed into
 * place: a test stops the process there */
void            pathways_sqlite_store_set_backup_hook (void (*hook) (const char *partial_path));
guint           pathways_sqlite_store_get_n_readers_open (PathwaysSqliteStore *self);

/* Every row of @table (one of the store's tables) as text, in id order:
 * for copying an embedded database onto a team server */
PathwaysTableDump *pathways_sqlite_store_dump_table (PathwaysSqliteStore  *self,
                                                     const char           *table,
                                                     GError              **error);

G_END_DECLS
