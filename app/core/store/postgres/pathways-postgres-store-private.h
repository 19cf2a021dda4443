/* pathways-postgres-store-private.h — for the command-line tool's server
 * commands and the tests (tests/postgres/, tests/test-util.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-postgres-store.h"

G_BEGIN_DECLS

/* The read connections any thread may borrow */
#define PATHWAYS_POSTGRES_N_READERS 3

/* The first wait before reconnecting, doubled each time up to the most */
#define PATHWAYS_POSTGRES_RETRY_FIRST_MS 250
#define PATHWAYS_POSTGRES_RETRY_MAX_MS   8000

/* `pathways-cli server init`: the schema, roles and policies on an empty
 * database (or an older Pathways one brought up to date), the reference
 * data from the embedded schema's.  @conninfo must be a role that may
 * create roles (a superuser, typically "postgres") */
gboolean        pathways_postgres_server_init      (const char     *conninfo,
                                                    int            *out_from_version,
                                                    GError        **error);

/* `pathways-cli server add-user` (see pathways_pg_add_user()) */
gboolean        pathways_postgres_server_add_user  (const char     *conninfo,
                                                    const char     *name,
                                                    const char     *roles,
                                                    const char     *team,
                                                    const char     *password,
                                                    gint64          staff_id,
                                                    gboolean        no_staff,
                                                    GError        **error);

/* `pathways-cli copy`: every row of @from (an embedded store) onto the
 * initialised, empty server at @conninfo, audit log included, ids kept,
 * identity sequences moved past them; one transaction */
gboolean        pathways_postgres_server_copy_from (const char     *conninfo,
                                                    PathwaysStore  *from,
                                                    GError        **error);

/* Runs @sql on an administrative connection of its own (not a store's):
 * for the tests' throwaway databases.  With @out_value, the first
 * column of the first row. */
gboolean        pathways_postgres_admin_exec       (const char     *conninfo,
                                                    const char     *sql,
                                                    char          **out_value,
                                                    GError        **error);

/* For the tests: makes (once per cluster, whichever test process comes
 * first: an advisory lock orders them) @template, an initialised
 * database with @login a manager and administrator without a staff
 * record, from which each test's database is copied */
gboolean        pathways_postgres_test_template    (const char     *admin_conninfo,
                                                    const char     *template_name,
                                                    const char     *login,
                                                    GError        **error);

/* For the tests: SQL as the store's own login, like a client that
 * bypasses Pathways (row-level security applies) */
gboolean        pathways_postgres_store_exec       (PathwaysPostgresStore  *self,
                                                    const char             *sql,
                                                    GError                **error);
gint64          pathways_postgres_store_query_int  (PathwaysPostgresStore  *self,
                                                    const char             *sql,
                                                    GError                **error);
int             pathways_postgres_store_get_listener_pid (PathwaysPostgresStore *self);
guint           pathways_postgres_store_get_n_bulk_statements (PathwaysPostgresStore *self);

G_END_DECLS
