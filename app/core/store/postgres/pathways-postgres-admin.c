/* pathways-postgres-admin.c — making a team server: init, users, copying
 * an embedded database onto it
 *
 * These run on an administrative connection of their own (the IT's
 * login: a superuser, or a role that may create roles and is a member
 * of pathways_owner), never through a store.
 *
 * The reference data a new server starts with (903 codes, milestone
 * templates, rule settings, bank holidays, postcode districts) is the
 * embedded schema's own: init makes a scratch embedded database and
 * copies those tables across, so the rows are written down once, in the
 * SQLite migrations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-postgres"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pathways-postgres-internal.h"
#include "pathways-sqlite-store-private.h"

/* The tables a copy carries, parents before children */
static const char * const copied_tables[] = {
  "team", "staff", "young_person", "unit", "spell", "milestone_template", "milestone", "transition",
  "ref_code", "note", "setting", "bank_holiday", "postcode_area", "area_distance",
  "budget_line", "provider", "i_statement", "placement_income", "referral", "offer", "i_statement_answer",
  "plan_rejection",
  "episode",
  "contact", "activity",
  "import_log", "oc3_fact",
};

/* What a new server starts with */
static const char * const reference_tables[] = {
  "milestone_template", "ref_code", "setting", "bank_holiday", "postcode_area", "area_distance",
};

static gboolean
admin_fail (PGconn      *conn,
            PGresult    *res,
            GError     **error)
{
  g_autofree char *msg = g_strdup (res ? PQresultErrorMessage (res) : PQerrorMessage (conn));

  g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FAILED,
               _("The team server refused: %s"), g_strstrip (msg));
  PQclear (res);
  return FALSE;
}

static gboolean
admin_exec (PGconn      *conn,
            const char  *sql,
            GError     **error)
{
  PGresult *res = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (res);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    return admin_fail (conn, res, error);
  PQclear (res);
  return TRUE;
}

static void
append_copy_value (GString    *line,
                   const char *value)
{
  if (value == NULL)
    {
      g_string_append (line, "\\N");
      return;
    }
  for (const char *p = value; *p; p++)
    switch (*p)
      {
      case '\\':
        g_string_append (line, "\\\\");
        break;
      case '\t':
        g_string_append (line, "\\t");
        break;
      case '\n':
        g_string_append (line, "\\n");
        break;
      case '\r':
        g_string_append (line, "\\r");
        break;
      default:
        g_string_append_c (line, *p);
      }
}

/* COPY … FROM STDIN of every row of @dump (in its column names) */
static gboolean
copy_in (PGconn             *conn,
         PathwaysTableDump  *dump,
         GError            **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);
  guint n_cols = g_strv_length (dump->columns);
  PGresult *res;

  g_string_append_printf (sql, "COPY %s (", dump->table);
  for (guint c = 0; c < n_cols; c++)
    {
      char *id = PQescapeIdentifier (conn, dump->columns[c], strlen (dump->columns[c]));

      g_string_append_printf (sql, "%s%s", c ? ", " : "", id);
      PQfreemem (id);
    }
  g_string_append (sql, ") FROM STDIN");

  res = PQexec (conn, sql->str);
  if (PQresultStatus (res) != PGRES_COPY_IN)
    return admin_fail (conn, res, error);
  PQclear (res);

  for (guint r = 0; r < dump->rows->len; r++)
    {
      char **values = g_ptr_array_index (dump->rows, r);

      g_string_truncate (line, 0);
      for (guint c = 0; c < n_cols; c++)
        {
          if (c)
            g_string_append_c (line, '\t');
          append_copy_value (line, values[c]);
        }
      g_string_append_c (line, '\n');
      if (PQputCopyData (conn, line->str, (int) line->len) != 1)
        return admin_fail (conn, NULL, error);
    }
  if (PQputCopyEnd (conn, NULL) != 1)
    return admin_fail (conn, NULL, error);
  res = PQgetResult (conn);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    {
      g_autofree char *msg = g_strdup (PQresultErrorMessage (res));

      PQclear (res);
      while ((res = PQgetResult (conn)) != NULL)
        PQclear (res);
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FAILED,
                   _("Could not copy the table %s: %s"), dump->table, g_strstrip (msg));
      return FALSE;
    }
  PQclear (res);
  while ((res = PQgetResult (conn)) != NULL)
    PQclear (res);
  return TRUE;
}

/* Identity sequences past the ids copied in */
static gboolean
advance_sequence (PGconn      *conn,
                  const char  *table,
                  GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT setval(pg_get_serial_sequence('%1$s', 'id'),"
                                          " greatest(coalesce(max(id), 0), 1), max(id) IS NOT NULL) FROM %1$s",
                                          table);

  return admin_exec (conn, sql, error);
}

/* Copies @tables of the embedded @from into the server, each replacing
 * what the table held, without auditing (the rows are not new changes:
 * the file's own audit log comes with them) */
static gboolean
copy_tables (PGconn              *conn,
             PathwaysSqliteStore *from,
             const char * const  *tables,
             guint                n_tables,
             GError             **error)
{
  for (guint i = 0; i < n_tables; i++)
    {
      g_autoptr(PathwaysTableDump) dump = pathways_sqlite_store_dump_table (from, tables[i], error);
      g_autofree char *off = NULL;
      g_autofree char *on = NULL;
      gboolean audited = !g_str_equal (tables[i], "audit_log");

      if (dump == NULL)
        return FALSE;
      /* COPY does not run under row-level security: for the owner, for
       * the length of this transaction, it is lifted */
      off = audited ? g_strdup_printf ("ALTER TABLE %1$s DISABLE TRIGGER pathways_audit;"
                                       "ALTER TABLE %1$s NO FORCE ROW LEVEL SECURITY; DELETE FROM %1$s", tables[i])
                    : g_strdup_printf ("ALTER TABLE %s NO FORCE ROW LEVEL SECURITY", tables[i]);
      on = audited ? g_strdup_printf ("ALTER TABLE %1$s ENABLE TRIGGER pathways_audit;"
                                      "ALTER TABLE %1$s FORCE ROW LEVEL SECURITY", tables[i])
                   : g_strdup_printf ("ALTER TABLE %s FORCE ROW LEVEL SECURITY", tables[i]);
      if (!admin_exec (conn, off, error) ||
          !copy_in (conn, dump, error) ||
          !admin_exec (conn, on, error) ||
          !advance_sequence (conn, tables[i], error))
        return FALSE;
    }
  return TRUE;
}

typedef struct {
  PathwaysSqliteStore *seed;
} SeedData;

/* Inside init's transaction, before the triggers exist */
static gboolean
seed_reference_tables (PGconn    *conn,
                       gpointer   data,
                       GError   **error)
{
  SeedData *sd = data;

  for (guint i = 0; i < G_N_ELEMENTS (reference_tables); i++)
    {
      g_autoptr(PathwaysTableDump) dump = pathways_sqlite_store_dump_table (sd->seed, reference_tables[i], error);

      if (dump == NULL || !copy_in (conn, dump, error) || !advance_sequence (conn, reference_tables[i], error))
        return FALSE;
    }
  return TRUE;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

gboolean
pathways_postgres_server_init (const char  *conninfo,
                               int         *out_from_version,
                               GError     **error)
{
  g_autofree char *where = pathways_postgres_describe_location (conninfo);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PathwaysStore) seed = NULL;
  SeedData sd = { NULL };
  PGconn *conn;
  gboolean ok;

  g_return_val_if_fail (conninfo != NULL, FALSE);

  conn = pathways_pg_connect (conninfo, NULL, error);
  if (conn == NULL)
    return FALSE;

  /* The embedded schema's reference rows, from a scratch database */
  dir = g_dir_make_tmp ("pathways-seed-XXXXXX", error);
  if (dir == NULL)
    {
      PQfinish (conn);
      return FALSE;
    }
  path = g_build_filename (dir, "seed.db", NULL);
  seed = pathways_sqlite_store_open (path, NULL, error);
  if (seed == NULL)
    {
      PQfinish (conn);
      remove_tree (dir);
      return FALSE;
    }
  sd.seed = PATHWAYS_SQLITE_STORE (seed);

  ok = pathways_pg_schema_init (conn, where, seed_reference_tables, &sd, out_from_version, error);
  PQfinish (conn);
  g_clear_object (&seed);
  remove_tree (dir);
  return ok;
}

gboolean
pathways_postgres_server_add_user (const char  *conninfo,
                                   const char  *name,
                                   const char  *roles,
                                   const char  *team,
                                   const char  *password,
                                   gint64       staff_id,
                                   gboolean     no_staff,
                                   GError     **error)
{
  g_autofree char *where = pathways_postgres_describe_location (conninfo);
  PGconn *conn;
  gboolean ok, foreign;
  int version;

  g_return_val_if_fail (conninfo != NULL, FALSE);

  conn = pathways_pg_connect (conninfo, NULL, error);
  if (conn == NULL)
    return FALSE;
  ok = pathways_pg_schema_inspect (conn, &version, &foreign, error);
  if (ok && (foreign || version == 0))
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_DATABASE,
                   _("The team server database %s has not been set up for Pathways yet: "
                     "IT can set it up with “pathways-cli server init”."), where);
      ok = FALSE;
    }
  if (ok)
    ok = pathways_pg_add_user (conn, name, roles, team, password, staff_id, no_staff, error);
  PQfinish (conn);
  return ok;
}

gboolean
pathways_postgres_server_copy_from (const char     *conninfo,
                                    PathwaysStore  *from,
                                    GError        **error)
{
  g_autofree char *where = pathways_postgres_describe_location (conninfo);
  g_autofree char *held = NULL;
  PGconn *conn;
  PGresult *res;
  gboolean foreign;
  int version;

  g_return_val_if_fail (conninfo != NULL, FALSE);
  g_return_val_if_fail (PATHWAYS_IS_SQLITE_STORE (from), FALSE);

  conn = pathways_pg_connect (conninfo, NULL, error);
  if (conn == NULL)
    return FALSE;
  if (!pathways_pg_schema_inspect (conn, &version, &foreign, error))
    goto failed_conn;
  if (foreign || version != PATHWAYS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_DATABASE,
                   _("%s is not a Pathways database of this version: set it up first with "
                     "“pathways-cli server init”."), where);
      goto failed_conn;
    }

  if (!admin_exec (conn, "BEGIN", error) || !admin_exec (conn, "SET LOCAL ROLE pathways_owner", error))
    goto failed;

  /* Onto an empty server only: nothing there is overwritten */
  res = PQexec (conn, "SELECT (SELECT count(*) FROM young_person) + (SELECT count(*) FROM staff)"
                      " + (SELECT count(*) FROM unit) + (SELECT count(*) FROM audit_log)");
  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    {
      admin_fail (conn, res, error);
      goto failed;
    }
  held = g_strdup (PQgetvalue (res, 0, 0));
  PQclear (res);
  if (!g_str_equal (held, "0"))
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONSTRAINT,
                   _("The team server database %s already holds records, so nothing was copied. Copy onto a "
                     "database just set up with “pathways-cli server init”, before adding users."), where);
      goto failed;
    }

  if (!copy_tables (conn, PATHWAYS_SQLITE_STORE (from), copied_tables, G_N_ELEMENTS (copied_tables), error) ||
      !copy_tables (conn, PATHWAYS_SQLITE_STORE (from), (const char *[]) { "audit_log" }, 1, error) ||
      !admin_exec (conn, "COMMIT", error))
    goto failed;

  PQfinish (conn);
  return TRUE;

failed:
  PQclear (PQexec (conn, "ROLLBACK"));
failed_conn:
  PQfinish (conn);
  return FALSE;
}

gboolean
pathways_postgres_admin_exec (const char  *conninfo,
                              const char  *sql,
                              char       **out_value,
                              GError     **error)
{
  PGconn *conn = pathways_pg_connect (conninfo, NULL, error);
  PGresult *res;
  ExecStatusType status;

  if (conn == NULL)
    return FALSE;
  res = PQexec (conn, sql);
  status = PQresultStatus (res);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      admin_fail (conn, res, error);
      PQfinish (conn);
      return FALSE;
    }
  if (out_value != NULL)
    *out_value = status == PGRES_TUPLES_OK && PQntuples (res) > 0 && !PQgetisnull (res, 0, 0)
                 ? g_strdup (PQgetvalue (res, 0, 0)) : NULL;
  PQclear (res);
  PQfinish (conn);
  return TRUE;
}

gboolean
pathways_postgres_test_template (const char  *admin_conninfo,
                                 const char  *template_name,
                                 const char  *login,
                                 GError     **error)
{
  g_autofree char *exists = NULL;
  const char *values[] = { template_name };
  PGconn *conn = pathways_pg_connect (admin_conninfo, NULL, error);
  PGresult *res;
  gboolean ok = FALSE;

  if (conn == NULL)
    return FALSE;
  if (!admin_exec (conn, "SELECT pg_advisory_lock(1346458696)", error))
    goto out;
  res = PQexecParams (conn, "SELECT 1 FROM pg_database WHERE datname = $1", 1, NULL, values, NULL, NULL, 0);
  ok = PQresultStatus (res) == PGRES_TUPLES_OK;
  exists = ok && PQntuples (res) > 0 ? g_strdup ("1") : NULL;
  if (!ok)
    admin_fail (conn, res, error);
  else
    PQclear (res);

  if (ok && exists == NULL)
    {
      g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", template_name);
      g_autofree char *target = g_strdup_printf ("%s dbname=%s", admin_conninfo, template_name);

      ok = admin_exec (conn, create, error) &&
           pathways_postgres_server_init (target, NULL, error) &&
           pathways_postgres_server_add_user (target, login, "manager,admin", NULL, NULL, 0, TRUE, error);
      if (!ok)
        {
          g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s", template_name);
          PQclear (PQexec (conn, drop));
        }
    }
  PQclear (PQexec (conn, "SELECT pg_advisory_unlock(1346458696)"));

out:
  PQfinish (conn);
  return ok;
}
