/* pathways-sqlite-audit.c — the embedded audit trail: append-only and
 * hash-chained
 *
 * Every row of audit_log carries two SHA-256 digests:
 *  - content_digest, over the row's own content (id, when, the OS login,
 *    the staff member signed in as, table, row, action, before, after),
 *    each value written with its type and length so that no two
 *    different rows serialise alike;
 *  - chain_digest, over the previous row's chain_digest and this row's
 *    content_digest.
 * The digests are computed by SQL functions this file registers on every
 * connection of Pathways (the audit triggers call them), and verification
 * recomputes them all in C from what the rows hold: a program that
 * defines the functions differently, inserts rows itself, edits or
 * removes one, breaks the chain at that row.
 *
 * Erasure after retention redacts a row's before and after values: the
 * content digest stays, so the chain still verifies, and verification
 * counts the redacted rows.  The only UPDATE the append-only trigger
 * lets through is exactly that redaction, and only while this
 * connection is erasing (pathways_may_redact()).
 *
 * At every open the store compares every trigger in the file with the
 * SQL it expects (and looks for triggers it does not expect, and for
 * audit_log and its columns); anything else opens the store read-only
 * until `pathways-cli audit repair`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-sqlite"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-sqlite-internal.h"

/* The columns of audit_log from version PATHWAYS_SQLITE_AUDIT_CHAINED (8), in order */
static const char * const audit_columns[] = {
  "id", "at", "actor", "staff_id", "staff_name", "table_name", "row_id", "action",
  "before_values", "after_values", "redacted", "content_digest", "chain_digest", NULL,
};

/* The ones the content digest covers, in order */
#define CONTENT_COLUMNS "id, at, actor, staff_id, staff_name, table_name, row_id, action, before_values, after_values"
#define N_CONTENT_COLUMNS 10

#define CHAIN_PREFIX "pathways-audit-chain-v1:"

/* Tables whose every change is recorded in audit_log */
static const char * const audited_tables[] = {
  "staff", "young_person", "unit", "spell", "milestone_template", "milestone",
  "transition", "ref_code", "setting", "bank_holiday", "note",
  "postcode_area", "area_distance",
  /* the planner's proposals turned down (schema 7) */
  "plan_rejection",
  /* commissioning (schema 9) */
  "budget_line", "placement_income", "provider", "referral", "offer", "i_statement", "i_statement_answer",
  /* care history (schema 10) */
  "episode",
  /* teams, contacts and education, employment and training (schema 11) */
  "team", "contact", "activity",
  /* imports and the OC3 facts (schema 12) */
  "import_log", "oc3_fact",
};

/* The tables made after version 6, and the version that made them: a
 * database older than that has no such table, and so no triggers on it
 * (the migrations make the triggers again after every step) */
static const struct {
  const char *table;
  int         since;
} later_tables[] = {
  { "plan_rejection", 7 },
  { "budget_line", 9 }, { "placement_income", 9 }, { "provider", 9 }, { "referral", 9 }, { "offer", 9 },
  { "i_statement", 9 }, { "i_statement_answer", 9 },
  { "episode", 10 },
  { "team", 11 }, { "contact", 11 }, { "activity", 11 },
  { "import_log", 12 }, { "oc3_fact", 12 },
};

static gboolean
audited_at (const char *table,
            int         version)
{
  for (guint i = 0; i < G_N_ELEMENTS (later_tables); i++)
    if (g_str_equal (later_tables[i].table, table))
      return version >= later_tables[i].since;
  return TRUE;
}

const char * const *
pathways_sqlite_audited_tables (guint *n_tables)
{
  *n_tables = G_N_ELEMENTS (audited_tables);
  return audited_tables;
}

/* Digests -------------------------------------------------------------- */

static void
canon_append (GString       *out,
              sqlite3_value *v)
{
  switch (sqlite3_value_type (v))
    {
    case SQLITE_NULL:
      g_string_append (out, "N;");
      break;
    case SQLITE_INTEGER:
      g_string_append_printf (out, "I%" G_GINT64_FORMAT ";", (gint64) sqlite3_value_int64 (v));
      break;
    case SQLITE_FLOAT:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        g_string_append_printf (out, "R%s;", g_ascii_dtostr (buf, sizeof buf, sqlite3_value_double (v)));
      }
      break;
    case SQLITE_BLOB:
      {
        const void *b = sqlite3_value_blob (v);
        int n = sqlite3_value_bytes (v);
        g_string_append_printf (out, "B%d:", n);
        g_string_append_len (out, b, n);
        g_string_append_c (out, ';');
      }
      break;
    case SQLITE_TEXT:
    default:
      {
        const char *t = (const char *) sqlite3_value_text (v);
        int n = sqlite3_value_bytes (v);
        g_string_append_printf (out, "T%d:", n);
        g_string_append_len (out, t, n);
        g_string_append_c (out, ';');
      }
      break;
    }
}

static char *
content_digest (int             argc,
                sqlite3_value **argv)
{
  g_autoptr(GString) canon = g_string_new ("pathways-audit-row-v1:");
  struct sha256_ctx ctx;
  char hex[65];

  for (int i = 0; i < argc; i++)
    canon_append (canon, argv[i]);
  sha256_init (&ctx);
  sha256_update (&ctx, canon->len, (const guint8 *) canon->str);
  pathways_sqlite_hex_digest (&ctx, hex);
  return g_strdup (hex);
}

static char *
chain_digest (const char *previous,
              const char *content)
{
  struct sha256_ctx ctx;
  char hex[65];

  /* (Nettle's SHA-256: a third of what GLib's costs, on every audited write) */
  sha256_init (&ctx);
  sha256_update (&ctx, strlen (CHAIN_PREFIX), (const guint8 *) CHAIN_PREFIX);
  if (previous != NULL)
    sha256_update (&ctx, strlen (previous), (const guint8 *) previous);
  sha256_update (&ctx, 1, (const guint8 *) ":");
  if (content != NULL)
    sha256_update (&ctx, strlen (content), (const guint8 *) content);
  pathways_sqlite_hex_digest (&ctx, hex);
  return g_strdup (hex);
}

static void
digest_func (sqlite3_context *ctx,
             int              argc,
             sqlite3_value  **argv)
{
  char *digest = content_digest (argc, argv);

  sqlite3_result_text (ctx, digest, -1, g_free);
}

static void
chain_func (sqlite3_context *ctx,
            int              argc,
            sqlite3_value  **argv)
{
  char *digest = chain_digest ((const char *) sqlite3_value_text (argv[0]),
                               (const char *) sqlite3_value_text (argv[1]));

  sqlite3_result_text (ctx, digest, -1, g_free);
}

static void
may_redact_func (sqlite3_context *ctx,
                 int              argc,
                 sqlite3_value  **argv)
{
  PathwaysSqliteConn *conn = sqlite3_user_data (ctx);

  sqlite3_result_int (ctx, conn->redacting ? 1 : 0);
}

void
pathways_sqlite_audit_register (PathwaysSqliteConn *conn)
{
  sqlite3_create_function (conn->db, "pathways_audit_digest", N_CONTENT_COLUMNS, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                           NULL, digest_func, NULL, NULL);
  sqlite3_create_function (conn->db, "pathways_audit_chain", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                           NULL, chain_func, NULL, NULL);
  sqlite3_create_function (conn->db, "pathways_may_redact", 0, SQLITE_UTF8, conn, may_redact_func, NULL, NULL);
}

/* The triggers ---------------------------------------------------------- */

static gboolean
fail (sqlite3     *db,
      GError     **error)
{
  g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FAILED,
               _("Database error: %s"), sqlite3_errmsg (db));
  return FALSE;
}

static char *
json_of (sqlite3    *db,
         const char *table,
         const char *row,
         GError    **error)
{
  g_autoptr(GString) sql = g_string_new ("json_object(");
  g_autofree char *pragma = g_strdup_printf ("PRAGMA table_info(%s)", table);
  sqlite3_stmt *stmt = NULL;
  gboolean first = TRUE;

  if (sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL) != SQLITE_OK)
    {
      fail (db, error);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *col = (const char *) sqlite3_column_text (stmt, 1);
      g_string_append_printf (sql, "%s'%s', %s.%s", first ? "" : ", ", col, row, col);
      first = FALSE;
    }
  sqlite3_finalize (stmt);
  if (first)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FAILED,
                   _("The table %s is missing"), table);
      return NULL;
    }
  g_string_append_c (sql, ')');

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* The statement that appends one audit row, chained: @values is a SELECT
 * list naming at, actor, staff_id, staff_name, table_name, row_id,
 * action, before_values and after_values */
static char *
append_sql (const char *values)
{
  return g_strconcat (
    "INSERT INTO audit_log (" CONTENT_COLUMNS ", content_digest, chain_digest)"
    " SELECT " CONTENT_COLUMNS ", cd,"
    " pathways_audit_chain((SELECT chain_digest FROM audit_log ORDER BY id DESC LIMIT 1), cd)"
    " FROM (SELECT *, pathways_audit_digest(" CONTENT_COLUMNS ") AS cd"
    " FROM (SELECT (SELECT coalesce(max(id), 0) + 1 FROM audit_log) AS id, ", values, "))",
    NULL);
}

#define WHO \
  "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, pathways_actor() AS actor," \
  " pathways_acting_staff() AS staff_id," \
  " (SELECT name FROM staff WHERE id = pathways_acting_staff()) AS staff_name"

static char *
row_trigger_v7 (const char *table,
                const char *when,
                const char *action,
                const char *row,
                const char *before,
                const char *after)
{
  g_autofree char *rest = g_strdup_printf (", '%s' AS table_name, %s.id AS row_id, '%s' AS action,"
                                           " %s AS before_values, %s AS after_values",
                                           table, row, action, before, after);
  g_autofree char *values = g_strconcat (WHO, rest, NULL);
  g_autofree char *insert = append_sql (values);

  return g_strdup_printf ("CREATE TRIGGER audit_%s_%s AFTER %s ON %s BEGIN %s; END",
                          table, action, when, table, insert);
}

/* Before the chained audit (version 8): no digests, no staff */
static char *
row_trigger_v2 (const char *table,
                const char *when,
                const char *action,
                const char *row,
                const char *before,
                const char *after)
{
  return g_strdup_printf ("CREATE TRIGGER audit_%s_%s AFTER %s ON %s BEGIN "
                          "INSERT INTO audit_log (at, actor, table_name, row_id, action, before_values, after_values) "
                          "VALUES (strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'), pathways_actor(), '%s', %s.id, '%s', %s, %s); END",
                          table, action, when, table, table, row, action, before, after);
}

static const char no_delete_sql[] =
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN "
  "SELECT RAISE(ABORT, 'the audit log cannot be changed: its rows are never deleted'); END";

static const char no_update_sql[] =
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
  " WHEN NOT (pathways_may_redact() AND OLD.redacted IS NULL AND NEW.redacted IS NOT NULL"
  " AND NEW.before_values IS NULL AND NEW.after_values IS NULL AND NEW.id = OLD.id AND NEW.at IS OLD.at"
  " AND NEW.actor IS OLD.actor AND NEW.staff_id IS OLD.staff_id AND NEW.staff_name IS OLD.staff_name"
  " AND NEW.table_name IS OLD.table_name AND NEW.row_id IS OLD.row_id AND NEW.action IS OLD.action"
  " AND NEW.content_digest IS OLD.content_digest AND NEW.chain_digest IS OLD.chain_digest)"
  " BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed: it is only ever added to'); END";

/**
 * pathways_sqlite_audit_expected:
 *
 * Returns: (transfer full): name → CREATE TRIGGER statement of every
 *   trigger a database of @version has, made from the tables' current
 *   columns (so a migration that adds a column is audited without more)
 */
GHashTable *
pathways_sqlite_audit_expected (sqlite3  *db,
                                int       version,
                                GError  **error)
{
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (version < 2)
    return g_steal_pointer (&expected);

  for (guint i = 0; i < G_N_ELEMENTS (audited_tables); i++)
    {
      const char *t = audited_tables[i];
      g_autofree char *old_json = NULL;
      g_autofree char *new_json = NULL;
      char *(*make) (const char *, const char *, const char *, const char *, const char *, const char *) =
        version >= PATHWAYS_SQLITE_AUDIT_CHAINED ? row_trigger_v7 : row_trigger_v2;

      if (!audited_at (t, version))
        continue;
      old_json = json_of (db, t, "OLD", error);
      if (old_json == NULL)
        return NULL;
      new_json = json_of (db, t, "NEW", error);
      if (new_json == NULL)
        return NULL;
      g_hash_table_insert (expected, g_strdup_printf ("audit_%s_insert", t),
                           make (t, "INSERT", "insert", "NEW", "NULL", new_json));
      g_hash_table_insert (expected, g_strdup_printf ("audit_%s_update", t),
                           make (t, "UPDATE", "update", "NEW", old_json, new_json));
      g_hash_table_insert (expected, g_strdup_printf ("audit_%s_delete", t),
                           make (t, "DELETE", "delete", "OLD", old_json, "NULL"));
    }
  if (version >= PATHWAYS_SQLITE_AUDIT_CHAINED)
    {
      g_hash_table_insert (expected, g_strdup ("audit_log_no_delete"), g_strdup (no_delete_sql));
      g_hash_table_insert (expected, g_strdup ("audit_log_no_update"), g_strdup (no_update_sql));
    }
  return g_steal_pointer (&expected);
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FAILED,
                   _("Could not update the database structure: %s"), msg ? msg : "?");
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

/* The names of every trigger in the file */
static GPtrArray *
existing_triggers (sqlite3  *db,
                   GError  **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      fail (db, error);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return g_steal_pointer (&names);
}

/**
 * pathways_sqlite_audit_make_triggers:
 * @drop_unknown: also drop triggers Pathways did not make (a repair)
 *
 * (Re)creates the audit triggers of a database of @version.  Called
 * after every migration run, and by a repair.
 */
gboolean
pathways_sqlite_audit_make_triggers (sqlite3   *db,
                                     int        version,
                                     gboolean   drop_unknown,
                                     GError   **error)
{
  g_autoptr(GHashTable) expected = pathways_sqlite_audit_expected (db, version, error);
  g_autoptr(GPtrArray) existing = NULL;
  GHashTableIter iter;
  gpointer name, sql;

  if (expected == NULL || (existing = existing_triggers (db, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < existing->len; i++)
    {
      const char *n = existing->pdata[i];

      if (drop_unknown || g_hash_table_contains (expected, n) || g_str_has_prefix (n, "audit_"))
        {
          g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"", n);
          if (!exec (db, drop, error))
            return FALSE;
        }
    }

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &name, &sql))
    if (!exec (db, sql, error))
      return FALSE;
  return TRUE;
}

/* Kept under its old name for the migrations */
gboolean
pathways_sqlite_migrations_audit (sqlite3  *db,
                                  int       version,
                                  GError  **error)
{
  return pathways_sqlite_audit_make_triggers (db, version, FALSE, error);
}

static GPtrArray *
audit_log_columns (sqlite3 *db)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA table_info(audit_log)", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  return columns;
}

gboolean
pathways_sqlite_audit_table_exists (sqlite3 *db)
{
  g_autoptr(GPtrArray) columns = audit_log_columns (db);

  return columns->len > 0;
}

gboolean
pathways_sqlite_audit_columns_ok (sqlite3 *db)
{
  g_autoptr(GPtrArray) columns = audit_log_columns (db);

  g_ptr_array_add (columns, NULL);
  return g_strv_equal ((const char * const *) columns->pdata, audit_columns);
}

/**
 * pathways_sqlite_audit_inspect:
 *
 * Returns: (transfer full) (nullable): what was tampered with, in words
 *   a person can act on, or NULL when audit_log and every trigger are
 *   exactly what Pathways made
 */
char *
pathways_sqlite_audit_inspect (sqlite3 *db,
                               int      version)
{
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) message = NULL;
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer name, sql;

  if (version < PATHWAYS_SQLITE_AUDIT_CHAINED)
    return NULL;

  columns = audit_log_columns (db);
  if (columns->len == 0)
    return g_strdup (_("The audit log (the table audit_log) has been removed from the database, so no "
                       "change could be recorded."));
  g_ptr_array_add (columns, NULL);
  if (!g_strv_equal ((const char * const *) columns->pdata, audit_columns))
    {
      g_autofree char *have = g_strjoinv (", ", (char **) columns->pdata);
      return g_strdup_printf (_("The columns of the audit log (audit_log) have been changed: it has %s."), have);
    }

  expected = pathways_sqlite_audit_expected (db, version, &error);
  if (expected == NULL)
    return g_strdup_printf (_("A table the audit log watches is missing or damaged: %s"), error->message);

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &name, &sql))
    {
      g_autofree char *stored = NULL;

      stmt = NULL;
      if (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                              -1, &stmt, NULL) == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            stored = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        }
      sqlite3_finalize (stmt);
      if (stored == NULL)
        g_ptr_array_add (problems, g_strdup_printf (_("the trigger %s is missing"), (char *) name));
      else if (!g_str_equal (stored, sql))
        g_ptr_array_add (problems, g_strdup_printf (_("the trigger %s has been changed"), (char *) name));
    }

  {
    g_autoptr(GPtrArray) existing = existing_triggers (db, NULL);

    for (guint i = 0; existing != NULL && i < existing->len; i++)
      /* team_renamed is the schema's own (a renamed team renames it everywhere) */
      if (!g_hash_table_contains (expected, existing->pdata[i]) && !g_str_equal (existing->pdata[i], "team_renamed"))
        g_ptr_array_add (problems, g_strdup_printf (_("an unknown trigger %s has been added"),
                                                    (char *) existing->pdata[i]));
  }

  if (problems->len == 0)
    return NULL;

  g_ptr_array_sort (problems, (GCompareFunc) g_strcmp0);
  message = g_string_new (_("The audit log has been tampered with: "));
  for (guint i = 0; i < problems->len && i < 5; i++)
    g_string_append_printf (message, "%s%s", i > 0 ? "; " : "", (char *) problems->pdata[i]);
  if (problems->len > 5)
    g_string_append_printf (message, g_dngettext (GETTEXT_PACKAGE, "; and %u more", "; and %u more",
                                                  problems->len - 5), problems->len - 5);
  g_string_append (message, ".");
  return g_string_free (g_steal_pointer (&message), FALSE);
}

/* Appending rows of our own ------------------------------------------- */

/**
 * pathways_sqlite_audit_append:
 *
 * Adds one row to the chain (a repair, an erasure, the migration that
 * chained the log), by the same SQL the triggers use.
 */
gboolean
pathways_sqlite_audit_append (sqlite3     *db,
                              const char  *table,
                              gint64       row_id,
                              const char  *action,
                              const char  *after_json,
                              GError     **error)
{
  g_autofree char *sql = append_sql (WHO ", ?1 AS table_name, ?2 AS row_id, ?3 AS action,"
                                     " NULL AS before_values, ?4 AS after_values");
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fail (db, error);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row_id);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_TRANSIENT);
  if (after_json)
    sqlite3_bind_text (stmt, 4, after_json, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return fail (db, error);
  return TRUE;
}

/* The migration: version 8 -------------------------------------------- */

static const char chained_table[] =
  "CREATE TABLE audit_log_chained ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"          /* the OS login */
  "  staff_id INTEGER,"             /* the staff member signed in as in the app */
  "  staff_name TEXT,"
  "  table_name TEXT NOT NULL,"
  "  row_id INTEGER NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'erase', 'repair', 'chain')),"
  "  before_values TEXT,"
  "  after_values TEXT,"
  "  redacted TEXT,"                /* when the content was erased; NULL while it is whole */
  "  content_digest TEXT NOT NULL,"
  "  chain_digest TEXT NOT NULL"
  ");";

/**
 * pathways_sqlite_audit_create_table:
 *
 * For a repair after audit_log was dropped: an empty one, as version 8 made it
 * makes it (its history is gone; the repair row says so)
 */
gboolean
pathways_sqlite_audit_create_table (sqlite3  *db,
                                    GError  **error)
{
  g_autoptr(GString) sql = g_string_new (chained_table);

  g_string_replace (sql, "audit_log_chained", "audit_log", 1);
  g_string_append (sql, "CREATE INDEX audit_row ON audit_log (table_name, row_id);");
  return exec (db, sql->str, error);
}

/**
 * pathways_sqlite_audit_migrate_v7:
 *
 * Rebuilds audit_log with the staff columns and the digests, chaining
 * the rows it held in their order, and records that in the chain.
 */
gboolean
pathways_sqlite_audit_migrate_v7 (sqlite3  *db,
                                  GError  **error)
{
  g_autoptr(GPtrArray) triggers = existing_triggers (db, error);
  g_autofree char *done = NULL;
  sqlite3_stmt *rows = NULL, *insert = NULL;
  gint64 n = 0;
  int rc;

  if (triggers == NULL)
    return FALSE;
  /* The old triggers name audit_log: gone before it is */
  for (guint i = 0; i < triggers->len; i++)
    if (g_str_has_prefix (triggers->pdata[i], "audit_"))
      {
        g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"", (char *) triggers->pdata[i]);
        if (!exec (db, drop, error))
          return FALSE;
      }
  if (!exec (db, chained_table, error))
    return FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT id FROM audit_log ORDER BY id", -1, &rows, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "INSERT INTO audit_log_chained (" CONTENT_COLUMNS ", content_digest, chain_digest)"
                          " SELECT " CONTENT_COLUMNS ", cd,"
                          " pathways_audit_chain((SELECT chain_digest FROM audit_log_chained ORDER BY id DESC LIMIT 1), cd)"
                          " FROM (SELECT *, pathways_audit_digest(" CONTENT_COLUMNS ") AS cd FROM"
                          " (SELECT id, at, actor, NULL AS staff_id, NULL AS staff_name, table_name, row_id, action,"
                          "  before_values, after_values FROM audit_log WHERE id = ?))",
                          -1, &insert, NULL) != SQLITE_OK)
    {
      fail (db, error);
      sqlite3_finalize (rows);
      return FALSE;
    }
  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, sqlite3_column_int64 (rows, 0));
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          rc = SQLITE_ERROR;
          break;
        }
      n++;
    }
  if (rc != SQLITE_DONE)
    fail (db, error);
  sqlite3_finalize (rows);
  sqlite3_finalize (insert);
  if (rc != SQLITE_DONE)
    return FALSE;

  if (!exec (db,
             "DROP TABLE audit_log;"
             "ALTER TABLE audit_log_chained RENAME TO audit_log;"
             "CREATE INDEX audit_row ON audit_log (table_name, row_id);", error))
    return FALSE;

  done = g_strdup_printf ("{\"rows_chained\":%" G_GINT64_FORMAT "}", n);
  return pathways_sqlite_audit_append (db, "audit_log", 0, "chain", done, error);
}

/* Verification -------------------------------------------------------- */

/**
 * pathways_sqlite_audit_verify:
 *
 * Walks the chain from the first row, recomputing every digest from what
 * the rows hold.  Fills @check; FALSE only when the log cannot be read.
 */
gboolean
pathways_sqlite_audit_verify (sqlite3              *db,
                              PathwaysAuditCheck   *check,
                              GError              **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *previous = NULL;
  gint64 previous_id = 0;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT " CONTENT_COLUMNS ", redacted, content_digest, chain_digest"
                              " FROM audit_log ORDER BY id", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FAILED,
                   _("Could not read the audit log: %s"), sqlite3_errmsg (db));
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_value *values[N_CONTENT_COLUMNS];
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gboolean redacted = sqlite3_column_type (stmt, 10) != SQLITE_NULL;
      const char *stored_content = (const char *) sqlite3_column_text (stmt, 11);
      const char *stored_chain = (const char *) sqlite3_column_text (stmt, 12);
      g_autofree char *chain = NULL;

      check->n_rows++;
      for (int c = 0; c < N_CONTENT_COLUMNS; c++)
        values[c] = sqlite3_column_value (stmt, c);

      if (redacted)
        {
          check->n_redacted++;
          if (sqlite3_column_type (stmt, 8) != SQLITE_NULL || sqlite3_column_type (stmt, 9) != SQLITE_NULL)
            {
              check->broken_row = id;
              check->problem = g_strdup (_("the row is marked as redacted but still holds content"));
              break;
            }
        }
      else
        {
          g_autofree char *content = content_digest (N_CONTENT_COLUMNS, values);

          if (g_strcmp0 (content, stored_content) != 0)
            {
              check->broken_row = id;
              check->problem = g_strdup (stored_content == NULL
                                         ? _("the row has no content digest: it was not written by Pathways")
                                         : _("the row's content does not match its digest: it was changed "
                                             "after it was written, or written by another program"));
              break;
            }
        }

      chain = chain_digest (previous, stored_content);
      if (g_strcmp0 (chain, stored_chain) != 0)
        {
          check->broken_row = id;
          if (previous_id == 0)
            check->problem = g_strdup (_("the first row does not start the chain: earlier rows were removed, "
                                         "or the row was forged"));
          else
            check->problem = g_strdup_printf (_("the row does not follow row %" G_GINT64_FORMAT
                                                " in the chain: rows between them were removed, or the row "
                                                "was inserted or forged"), previous_id);
          break;
        }
      g_free (previous);
      previous = g_strdup (stored_chain);
      previous_id = id;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FAILED,
                   _("Could not read the audit log: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

/* Erasure ------------------------------------------------------------- */

/* Which audit rows are about young person ?1 */
#define ABOUT_PERSON \
  "((table_name = 'young_person' AND row_id = ?1)" \
  " OR json_extract(coalesce(after_values, before_values), '$.young_person_id') = ?1)"

/**
 * pathways_sqlite_audit_erase:
 *
 * Inside the writer's transaction: deletes young person @id and every
 * record of theirs, redacts every audit row about them and records the
 * erasure in the chain.
 */
gboolean
pathways_sqlite_audit_erase (PathwaysSqliteConn  *conn,
                             gint64               id,
                             gint64              *out_n_redacted,
                             GError             **error)
{
  sqlite3 *db = conn->db;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *note = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;
  gboolean progress = TRUE;
  int rc;

  /* Every table with a young_person_id: the person's own records */
  if (sqlite3_prepare_v2 (db, "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c"
                              " WHERE m.type = 'table' AND m.name <> 'audit_log' AND c.name = 'young_person_id'"
                              " ORDER BY m.name = 'transition' DESC, m.name", -1, &stmt, NULL) != SQLITE_OK)
    return fail (db, error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  /* In an order the foreign keys accept: whatever still refers to
   * another row of theirs waits for the next round */
  while (tables->len > 0 && progress)
    {
      progress = FALSE;
      for (guint i = 0; i < tables->len;)
        {
          g_autofree char *sql = g_strdup_printf ("SAVEPOINT erase_one; DELETE FROM \"%s\" WHERE young_person_id = %"
                                                  G_GINT64_FORMAT "; RELEASE erase_one;",
                                                  (char *) tables->pdata[i], id);
          if (sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK)
            {
              g_ptr_array_remove_index (tables, i);
              progress = TRUE;
            }
          else
            {
              sqlite3_exec (db, "ROLLBACK TO erase_one; RELEASE erase_one;", NULL, NULL, NULL);
              i++;
            }
        }
    }
  if (tables->len > 0)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONSTRAINT,
                   _("Could not erase the records in %s: other records still refer to them"),
                   (char *) tables->pdata[0]);
      return FALSE;
    }

  if (sqlite3_prepare_v2 (db, "DELETE FROM young_person WHERE id = ?", -1, &stmt, NULL) != SQLITE_OK)
    return fail (db, error);
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((sqlite3_extended_errcode (db) & 0xff) == SQLITE_CONSTRAINT)
        {
          g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONSTRAINT,
                               _("Other records still refer to this young person"));
          return FALSE;
        }
      return fail (db, error);
    }

  conn->redacting = TRUE;
  rc = sqlite3_prepare_v2 (db, "UPDATE audit_log SET before_values = NULL, after_values = NULL,"
                               " redacted = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
                               " WHERE redacted IS NULL AND " ABOUT_PERSON, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      n = sqlite3_changes64 (db);
    }
  sqlite3_finalize (stmt);
  conn->redacting = FALSE;
  if (rc != SQLITE_DONE)
    return fail (db, error);

  note = g_strdup_printf ("{\"redacted_rows\":%" G_GINT64_FORMAT "}", n);
  if (!pathways_sqlite_audit_append (db, "young_person", id, "erase", note, error))
    return FALSE;
  if (out_n_redacted)
    *out_n_redacted = n;
  return TRUE;
}
