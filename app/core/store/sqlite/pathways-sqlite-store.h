/* pathways-sqlite-store.h — the embedded backend: one SQLite file
 *
 * The database is one file (WAL journal) in the user's data directory.
 * One writer connection, guarded by the store's writer lock; a small
 * pool of read-only connections any thread can borrow, so reads run in
 * parallel with each other and with the writer; a watcher thread that
 * notices commits made by other programs on the same file (another
 * Pathways) and turns their audit rows into "changed".
 *
 * Open it with pathways_store_open(); this header is for the opener.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-store.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_SQLITE_STORE (pathways_sqlite_store_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysSqliteStore, pathways_sqlite_store, PATHWAYS, SQLITE_STORE, PathwaysStore)

PathwaysStore *pathways_sqlite_store_open (const char     *path,
                                           PathwaysClock  *clock,
                                           GError        **error);

/* For the benchmark: the caseload's query, to time in the sqlite3 shell */
const char    *pathways_sqlite_store_caseload_sql (void);

G_END_DECLS
