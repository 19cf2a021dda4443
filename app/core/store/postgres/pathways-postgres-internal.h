/* pathways-postgres-internal.h — shared by the files of the PostgreSQL
 * backend (the only place that includes libpq-fe.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libpq-fe.h>

#include "pathways-postgres-store-private.h"
#include "pathways-store-backend.h"

G_BEGIN_DECLS

/* One connection: the writer used by the holder of the writer lock, a
 * reader by whoever borrowed it */
typedef struct {
  PGconn *pg;
  guint   pin_depth;   /* begin_read nesting, while pinned to a thread */
} PathwaysPgConn;

typedef struct {
  int         version;
  const char *description;
  const char *sql;
} PathwaysPgMigration;

/* Fills the reference tables of a new database, inside init's transaction */
typedef gboolean (*PathwaysPgSeed) (PGconn    *conn,
                                    gpointer   data,
                                    GError   **error);

/* pathways-postgres-schema.c */
gboolean        pathways_pg_schema_inspect   (PGconn          *conn,
                                              int             *out_version,
                                              gboolean        *out_foreign,
                                              GError         **error);
gboolean        pathways_pg_schema_init      (PGconn          *conn,
                                              const char      *where,
                                              PathwaysPgSeed   seed,
                                              gpointer         seed_data,
                                              int             *out_from,
                                              GError         **error);
gboolean        pathways_pg_add_user         (PGconn          *conn,
                                              const char      *name,
                                              const char      *roles,
                                              const char      *team,
                                              const char      *password,
                                              gint64           staff_id,
                                              gboolean         no_staff,
                                              GError         **error);
gboolean        pathways_pg_is_table         (const char      *table);

/* pathways-postgres-store.c */
PGconn         *pathways_pg_connect          (const char      *conninfo,
                                              const char      *password,
                                              GError         **error);
PathwaysPgConn *pathways_pg_acquire          (PathwaysPostgresStore  *self,
                                              GError                **error);
void            pathways_pg_release          (PathwaysPostgresStore  *self,
                                              PathwaysPgConn         *conn);
PGresult       *pathways_pg_query            (PathwaysPostgresStore  *self,
                                              PathwaysPgConn         *conn,
                                              const char             *sql,
                                              int                     n_params,
                                              const char * const     *params,
                                              GError                **error);
gboolean        pathways_pg_set_error        (PathwaysPostgresStore  *self,
                                              PGconn                 *pg,
                                              PGresult               *res,
                                              GError                **error);
PathwaysRecord *pathways_pg_record_from_row  (GType                   type,
                                              PGresult               *res,
                                              int                     row);
GListModel     *pathways_pg_collect          (GType                   type,
                                              PGresult               *res);
char           *pathways_pg_select_sql       (PathwaysPostgresStore  *self,
                                              PathwaysRecordClass    *klass,
                                              const char             *where_and_order);
gboolean        pathways_pg_can_read         (PathwaysPostgresStore  *self,
                                              const char             *table);
char           *pathways_pg_hide_columns     (PathwaysPostgresStore  *self,
                                              const char             *sql);

/* pathways-postgres-reads.c */
void            pathways_postgres_store_class_init_reads (PathwaysStoreClass *klass);

/* Values of a result */
static inline const char *
pathways_pg_text (PGresult *res, int r, int c)
{
  return PQgetisnull (res, r, c) ? NULL : PQgetvalue (res, r, c);
}
#define PG_TEXT(res, r, c) pathways_pg_text ((res), (r), (c))
static inline gint64
pathways_pg_int (PGresult *res, int r, int c)
{
  return PQgetisnull (res, r, c) ? 0 : g_ascii_strtoll (PQgetvalue (res, r, c), NULL, 10);
}
static inline gboolean
pathways_pg_bool (PGresult *res, int r, int c)
{
  const char *v = PQgetisnull (res, r, c) ? "f" : PQgetvalue (res, r, c);
  return v[0] == 't' || v[0] == '1';
}
static inline double
pathways_pg_double (PGresult *res, int r, int c)
{
  return PQgetisnull (res, r, c) ? 0.0 : g_ascii_strtod (PQgetvalue (res, r, c), NULL);
}

G_END_DECLS
