/* pathways-postgres-store.h — the team server: one PostgreSQL database
 *
 * Many desktops share one database on a PostgreSQL server.  Each signs
 * in as its own login (made by `pathways-cli server add-user`), whose
 * role the database enforces with row-level security; every change is
 * audited by the server under the login's name and announced to every
 * other desktop (LISTEN/NOTIFY), which turns it into "changed".
 *
 * Connections: one writer (inside a transaction, by the thread holding
 * the base class's writer lock), a small pool of readers any thread
 * borrows, and one listening connection whose socket is watched from
 * the store's main context.  When the server goes away the store's
 * "connected" property turns FALSE, reads and writes fail with
 * PATHWAYS_STORE_ERROR_OFFLINE (nothing half-written: the server rolls
 * back what was open), and the store reconnects with back-off; once
 * back it announces that everything changed.
 *
 * Open it with pathways_store_open() and a "postgresql://…" or
 * "host=… dbname=…" location; this header is for the opener.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-store.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_POSTGRES_STORE (pathways_postgres_store_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPostgresStore, pathways_postgres_store, PATHWAYS, POSTGRES_STORE, PathwaysStore)

PathwaysStore *pathways_postgres_store_open (const char     *conninfo,
                                             const char     *password,
                                             PathwaysClock  *clock,
                                             GError        **error);

gboolean       pathways_postgres_is_location (const char    *location);
char          *pathways_postgres_describe_location (const char *conninfo);

/* The libpq Pathways runs on ("15.5"), for About */
char          *pathways_postgres_dup_library_version (void);

G_END_DECLS
