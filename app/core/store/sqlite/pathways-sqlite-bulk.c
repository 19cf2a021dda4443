/* pathways-sqlite-bulk.c — many new rows of one table in one pass
 *
 * What an import of a large SSDA903 return writes: tens of thousands of
 * new rows.  Each goes through one INSERT prepared once for the whole
 * batch, and its audit row is made here, in C, in the same pass, in the
 * format the audit triggers use (pathways-sqlite-audit.c): the same
 * columns, after_values the row as json_object() writes it, the content
 * digest over the same canonical text and the chain digest over the
 * previous row's.  So `pathways-cli audit verify` cannot tell these rows
 * from the triggers' — it recomputes every digest from what the rows hold.
 *
 * The triggers are switched off on the writer connection for the batch
 * only (SQLITE_DBCONFIG_ENABLE_TRIGGER: a setting of the connection, not
 * of the file, so nothing in the schema changes and the open-time check
 * of the triggers is not disturbed), and only when the table has no
 * trigger but its audit ones and every column of the table is a field
 * of the record; otherwise each row is inserted with the triggers on.
 *
 * SHA-256 is Nettle's: GLib's costs three times as much, and at this
 * size the digests are most of the audit's cost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-sqlite"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <nettle/sha2.h>
#include <string.h>

#include "pathways-sqlite-internal.h"

/* The writer's page cache while a bulk insert's transaction is open */
#define PATHWAYS_SQLITE_BULK_CACHE_KIB 262144

#define ROW_PREFIX "pathways-audit-row-v1:"
#define CHAIN_PREFIX "pathways-audit-chain-v1:"

/* A column of the table: the record's id, its version, or field @field */
typedef enum {
  COLUMN_ID,
  COLUMN_VERSION,
  COLUMN_FIELD,
} ColumnKind;

typedef struct {
  char       *name;
  ColumnKind  kind;
  guint       field;
  char       *key;      /* what comes before the value in the row's JSON: '{' or ',', then "name": */
  gsize       key_len;
} Column;

static void
column_clear (gpointer data)
{
  g_free (((Column *) data)->name);
  g_free (((Column *) data)->key);
}

/**
 * pathways_sqlite_bulk_cache:
 *
 * Gives @conn room for a bulk write's pages until its transaction ends
 * (the default 2 MiB would spill pages to the file over and over as the
 * tables and their indices change).
 */
void
pathways_sqlite_bulk_cache (PathwaysSqliteConn *conn)
{
  if (!conn->big_cache &&
      sqlite3_exec (conn->db, "PRAGMA cache_size = -" G_STRINGIFY (PATHWAYS_SQLITE_BULK_CACHE_KIB), NULL, NULL,
                    NULL) == SQLITE_OK)
    conn->big_cache = TRUE;
}

/* g_string_append_len() without its checks, for the many short pieces
 * of a row's JSON and canonical text */
static inline void
put (GString    *out,
     const char *text,
     gsize       len)
{
  if (G_UNLIKELY (out->len + len >= out->allocated_len))
    {
      g_string_append_len (out, text, (gssize) len);
      return;
    }
  memcpy (out->str + out->len, text, len);
  out->len += len;
  out->str[out->len] = '\0';
}

/**
 * pathways_sqlite_hex_digest:
 *
 * Finishes @ctx into @out, the digest in lower-case hexadecimal as
 * GLib's checksums write it.
 */
void
pathways_sqlite_hex_digest (struct sha256_ctx *ctx,
                            char               out[65])
{
  static const char hex[] = "0123456789abcdef";
  guint8 d[SHA256_DIGEST_SIZE];

  sha256_digest (ctx, sizeof d, d);
  for (guint i = 0; i < sizeof d; i++)
    {
      out[2 * i] = hex[d[i] >> 4];
      out[2 * i + 1] = hex[d[i] & 0xf];
    }
  out[64] = '\0';
}

/* @value in decimal, as "%" G_GINT64_FORMAT writes it (no printf: this
 * runs a dozen times a row) */
static void
append_int (GString *out,
            gint64   value)
{
  char buf[24];
  char *p = buf + sizeof buf;
  guint64 u = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;

  do
    {
      *--p = (char) ('0' + u % 10);
      u /= 10;
    }
  while (u != 0);
  if (value < 0)
    *--p = '-';
  put (out, p, (gsize) (buf + sizeof buf - p));
}

/* The canonical form of one value, as canon_append() in the audit writes it */
static void
canon_text (GString    *out,
            const char *text,
            gsize       len)
{
  if (text == NULL)
    {
      put (out, "N;", 2);
      return;
    }
  put (out, "T", 1);
  append_int (out, (gint64) len);
  put (out, ":", 1);
  put (out, text, len);
  put (out, ";", 1);
}

static void
canon_int (GString *out,
           gint64   value)
{
  put (out, "I", 1);
  append_int (out, value);
  put (out, ";", 1);
}

/* A JSON string as SQLite's json_object() writes it */
static void
json_string (GString    *out,
             const char *s)
{
  static const char special[32] = {
    0, 0, 0, 0, 0, 0, 0, 0, 'b', 't', 'n', 0, 'f', 'r', 0, 0,
  };
  static const char hex[] = "0123456789abcdef";
  const char *run = s;

  const char *p;

  put (out, "\"", 1);
  for (p = s; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c != '"' && c != '\\' && c > 0x1f)
        continue;
      put (out, run, (gsize) (p - run));
      run = p + 1;
      g_string_append_c (out, '\\');
      if (c == '"' || c == '\\')
        g_string_append_c (out, (char) c);
      else if (special[c] != 0)
        g_string_append_c (out, special[c]);
      else
        {
          g_string_append (out, "u00");
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 0xf]);
        }
    }
  put (out, run, (gsize) (p - run));
  put (out, "\"", 1);
}

/* The same value as json_object() writes what pathways_sqlite_bind_field()
 * bound */
static void
json_field (GString             *json,
            const PathwaysField *field,
            const GValue        *value)
{
  switch (field->type)
    {
    case PATHWAYS_FIELD_STRING:
    case PATHWAYS_FIELD_DATE:
      if (g_value_get_string (value) == NULL)
        put (json, "null", 4);
      else
        json_string (json, g_value_get_string (value));
      break;
    case PATHWAYS_FIELD_INT:
    case PATHWAYS_FIELD_MONEY:
      if ((field->flags & PATHWAYS_FIELD_REFERENCE) && g_value_get_int64 (value) == 0)
        put (json, "null", 4);
      else
        append_int (json, g_value_get_int64 (value));
      break;
    case PATHWAYS_FIELD_BOOL:
      put (json, g_value_get_boolean (value) ? "1" : "0", 1);
      break;
    case PATHWAYS_FIELD_REAL:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        g_ascii_formatd (buf, sizeof buf, "%.15g", g_value_get_double (value));
        g_string_append (json, buf);
        if (strpbrk (buf, ".eEn") == NULL)
          g_string_append (json, ".0");
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
db_fail (sqlite3  *db,
         GError  **error)
{
  g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FAILED,
               _("Database error: %s"), sqlite3_errmsg (db));
  return FALSE;
}

/* The table's columns mapped to the record's id, version and fields, in
 * the table's order (json_object()'s order in the triggers); NULL when a
 * column is none of them, or the table has a trigger besides its audit
 * ones: then the triggers must do the work */
static GArray *
map_columns (sqlite3             *db,
             PathwaysRecordClass *klass,
             GError             **error)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_autofree char *pragma = g_strdup_printf ("PRAGMA table_info(%s)", klass->table);
  g_autofree char *audit_prefix = g_strdup_printf ("audit_%s_", klass->table);
  sqlite3_stmt *stmt = NULL;
  gboolean other_trigger = FALSE, unknown = FALSE;
  int rc;

  g_array_set_clear_func (columns, column_clear);
  if (sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL) != SQLITE_OK)
    return db_fail (db, error), NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = PATHWAYS_SQLITE_TEXT (stmt, 1);
      Column c = { g_strdup (name), COLUMN_FIELD, 0 };

      if (g_str_equal (name, "id"))
        c.kind = COLUMN_ID;
      else if (g_str_equal (name, "version"))
        c.kind = COLUMN_VERSION;
      else
        {
          guint i;
          for (i = 0; i < klass->n_fields && !g_str_equal (klass->columns[i], name); i++)
            ;
          if (i == klass->n_fields)
            unknown = TRUE;
          c.field = i;
        }
      g_array_append_val (columns, c);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return db_fail (db, error), NULL;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return db_fail (db, error), NULL;
  sqlite3_bind_text (stmt, 1, klass->table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!g_str_has_prefix (PATHWAYS_SQLITE_TEXT (stmt, 0), audit_prefix))
      other_trigger = TRUE;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return db_fail (db, error), NULL;

  if (unknown || other_trigger || columns->len == 0)
    return g_array_new (FALSE, TRUE, sizeof (Column));  /* empty: no */

  for (guint i = 0; i < columns->len; i++)
    {
      Column *c = &g_array_index (columns, Column, i);
      g_autoptr(GString) key = g_string_new (i == 0 ? "{" : ",");

      json_string (key, c->name);
      g_string_append_c (key, ':');
      c->key_len = key->len;
      c->key = g_string_free (g_steal_pointer (&key), FALSE);
    }
  return g_steal_pointer (&columns);
}

/* Who and when, as the triggers' WHO: one moment for the batch */
typedef struct {
  char    at[32];
  char   *actor;
  gint64  staff_id;      /* 0: NULL */
  char   *staff_name;
  gint64  next_id;
  char    chain[65];
  gboolean has_chain;
  GString *who;          /* at, actor, staff_id and staff_name as the content digest's text has them */
} AuditHead;

static gboolean
audit_head (sqlite3    *db,
            AuditHead  *head,
            GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), pathways_actor(), pathways_acting_staff(),"
                          " (SELECT name FROM staff WHERE id = pathways_acting_staff()),"
                          " (SELECT coalesce(max(id), 0) + 1 FROM audit_log),"
                          " (SELECT chain_digest FROM audit_log ORDER BY id DESC LIMIT 1)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return db_fail (db, error);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return db_fail (db, error);
    }
  g_strlcpy (head->at, PATHWAYS_SQLITE_TEXT (stmt, 0), sizeof head->at);
  head->actor = g_strdup (PATHWAYS_SQLITE_TEXT (stmt, 1));
  head->staff_id = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 2);
  head->staff_name = g_strdup (PATHWAYS_SQLITE_TEXT (stmt, 3));
  head->next_id = sqlite3_column_int64 (stmt, 4);
  head->has_chain = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
  if (head->has_chain)
    g_strlcpy (head->chain, PATHWAYS_SQLITE_TEXT (stmt, 5), sizeof head->chain);
  else
    head->chain[0] = '\0';
  sqlite3_finalize (stmt);

  head->who = g_string_new (NULL);
  canon_text (head->who, head->at, strlen (head->at));
  canon_text (head->who, head->actor, head->actor ? strlen (head->actor) : 0);
  if (head->staff_id > 0)
    canon_int (head->who, head->staff_id);
  else
    put (head->who, "N;", 2);
  canon_text (head->who, head->staff_name, head->staff_name ? strlen (head->staff_name) : 0);
  return TRUE;
}

static void
audit_head_clear (AuditHead *head)
{
  g_clear_pointer (&head->actor, g_free);
  g_clear_pointer (&head->staff_name, g_free);
  if (head->who != NULL)
    g_string_free (g_steal_pointer (&head->who), TRUE);
}

static char *
insert_sql (PathwaysRecordClass *klass)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");

  g_string_append_printf (sql, "%s (version", klass->table);
  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (sql, ", %s", klass->columns[i]);
  g_string_append (sql, ") VALUES (?");
  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append (sql, ", ?");
  g_string_append_c (sql, ')');
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Each row with the connection's triggers on: they audit it */
static gboolean
insert_each (PathwaysSqliteStore  *self,
             PathwaysSqliteConn   *conn,
             sqlite3_stmt         *insert,
             PathwaysRecord      **records,
             guint                 n_records,
             GError              **error)
{
  for (guint r = 0; r < n_records; r++)
    {
      PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (records[r]);
      gint64 version = MAX (1, pathways_record_get_version (records[r]));

      sqlite3_bind_int64 (insert, 1, version);
      for (guint i = 0; i < klass->n_fields; i++)
        pathways_sqlite_bind_field (insert, (int) i + 2, &klass->fields[i],
                                    pathways_record_peek_value (records[r], i), SQLITE_STATIC);
      if (!pathways_sqlite_step_done (self, conn, insert, error))
        return FALSE;
      sqlite3_clear_bindings (insert);
      pathways_record_set_id (records[r], sqlite3_last_insert_rowid (conn->db));
      pathways_record_set_version (records[r], version);
    }
  return TRUE;
}

/* "INSERT INTO t (id, version, …) VALUES (?, …), (?, …) …": @n_rows rows */
static char *
batch_sql (PathwaysRecordClass *klass,
           guint                n_rows)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
  g_autoptr(GString) row = g_string_new ("(?, ?");

  g_string_append_printf (sql, "%s (id, version", klass->table);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_string_append_printf (sql, ", %s", klass->columns[i]);
      g_string_append (row, ", ?");
    }
  g_string_append_c (row, ')');
  g_string_append (sql, ") VALUES ");
  for (guint r = 0; r < n_rows; r++)
    {
      if (r > 0)
        g_string_append (sql, ", ");
      g_string_append_len (sql, row->str, (gssize) row->len);
    }
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* The parameters of an audit batch: shared by its rows, then each row's */
#define AUDIT_SHARED 5
#define AUDIT_PER_ROW 5

static char *
audit_batch_sql (guint n_rows)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO audit_log (id, at, actor, staff_id, staff_name, table_name,"
                                         " row_id, action, before_values, after_values, content_digest,"
                                         " chain_digest) VALUES ");

  /* ?1 to ?5 (when, who, the table) are the batch's, then five a row */
  for (guint r = 0; r < n_rows; r++)
    {
      guint p = AUDIT_SHARED + 1 + r * AUDIT_PER_ROW;

      g_string_append_printf (sql, "%s(?%u, ?1, ?2, ?3, ?4, ?5, ?%u, 'insert', NULL, ?%u, ?%u, ?%u)",
                              r > 0 ? ", " : "", p, p + 1, p + 2, p + 3, p + 4);
    }
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Rows per statement at most: each statement's set-up (the audit log's
 * CHECK builds a small table per execution) is shared by this many rows,
 * within SQLite's 32,766 parameters a statement */
#define BATCH 256
#define MAX_PARAMETERS 32766

typedef struct {
  GString *json;
  char     content[65];
  char     chain[65];
} AuditRow;

/* Whether pathways_sqlite_bind_field() would bind NULL */
static gboolean
is_null (const PathwaysField *field,
         const GValue        *value)
{
  switch (field->type)
    {
    case PATHWAYS_FIELD_STRING:
    case PATHWAYS_FIELD_DATE:
      return g_value_get_string (value) == NULL;
    case PATHWAYS_FIELD_INT:
    case PATHWAYS_FIELD_MONEY:
      return (field->flags & PATHWAYS_FIELD_REFERENCE) && g_value_get_int64 (value) == 0;
    default:
      return FALSE;
    }
}

/* The records' rows, @n at a time through @insert (batch_sql() for @n
 * rows; used again batch after batch, not looked up by its text each
 * time: that text is tens of kilobytes) */
static gboolean
write_rows (PathwaysSqliteStore  *self,
            PathwaysSqliteConn   *conn,
            PathwaysRecordClass  *klass,
            sqlite3_stmt         *insert,
            PathwaysRecord      **records,
            guint                 n,
            gint64               *next_id,
            GError              **error)
{
  int pos = 1;

  sqlite3_reset (insert);
  sqlite3_clear_bindings (insert);
  for (guint r = 0; r < n; r++)
    {
      PathwaysRecord *record = records[r];
      gint64 version = MAX (1, pathways_record_get_version (record));
      gint64 id = (*next_id)++;

      sqlite3_bind_int64 (insert, pos++, id);
      sqlite3_bind_int64 (insert, pos++, version);
      for (guint i = 0; i < klass->n_fields; i++, pos++)
        if (!is_null (&klass->fields[i], pathways_record_peek_value (record, i)))  /* (unbound is NULL) */
          pathways_sqlite_bind_field (insert, pos, &klass->fields[i], pathways_record_peek_value (record, i),
                                      SQLITE_STATIC);
      pathways_record_set_id (record, id);
      pathways_record_set_version (record, version);
    }
  if (!pathways_sqlite_step_done (self, conn, insert, error))
    return FALSE;
  sqlite3_clear_bindings (insert);
  return TRUE;
}

/* The audit rows of @n records written already, through @audit
 * (audit_batch_sql() for @n rows) */
static gboolean
write_audit (PathwaysSqliteStore  *self,
             PathwaysSqliteConn   *conn,
             PathwaysRecordClass  *klass,
             GArray               *columns,
             AuditHead            *head,
             GString              *canon,
             AuditRow             *rows,
             sqlite3_stmt         *audit,
             PathwaysRecord      **records,
             guint                 n,
             GError              **error)
{
  gsize table_len = strlen (klass->table);
  int pos = 1;

  for (guint r = 0; r < n; r++)
    {
      PathwaysRecord *record = records[r];
      gint64 version = pathways_record_get_version (record);
      gint64 id = pathways_record_get_id (record);
      gint64 audit_id = head->next_id + r;
      struct sha256_ctx ctx;
      GString *json = rows[r].json;

      /* after_values, as json_object() over the table's columns */
      g_string_truncate (json, 0);
      for (guint c = 0; c < columns->len; c++)
        {
          const Column *col = &g_array_index (columns, Column, c);

          put (json, col->key, col->key_len);
          if (col->kind == COLUMN_ID)
            append_int (json, id);
          else if (col->kind == COLUMN_VERSION)
            append_int (json, version);
          else
            json_field (json, &klass->fields[col->field], pathways_record_peek_value (record, col->field));
        }
      put (json, "}", 1);

      /* The digests, over what the audit row holds, as the triggers'
       * (the canonical text up to the JSON, then the JSON itself: it is
       * not copied) */
      g_string_truncate (canon, 0);
      put (canon, ROW_PREFIX, strlen (ROW_PREFIX));
      canon_int (canon, audit_id);
      put (canon, head->who->str, head->who->len);
      canon_text (canon, klass->table, table_len);
      canon_int (canon, id);
      canon_text (canon, "insert", 6);
      put (canon, "N;T", 3);
      append_int (canon, (gint64) json->len);
      put (canon, ":", 1);

      sha256_init (&ctx);
      sha256_update (&ctx, canon->len, (const guint8 *) canon->str);
      sha256_update (&ctx, json->len, (const guint8 *) json->str);
      sha256_update (&ctx, 1, (const guint8 *) ";");
      pathways_sqlite_hex_digest (&ctx, rows[r].content);
      sha256_init (&ctx);
      sha256_update (&ctx, strlen (CHAIN_PREFIX), (const guint8 *) CHAIN_PREFIX);
      sha256_update (&ctx, strlen (head->chain), (const guint8 *) head->chain);
      sha256_update (&ctx, 1, (const guint8 *) ":");
      sha256_update (&ctx, 64, (const guint8 *) rows[r].content);
      pathways_sqlite_hex_digest (&ctx, rows[r].chain);
      memcpy (head->chain, rows[r].chain, sizeof rows[r].chain);
    }
  sqlite3_reset (audit);
  sqlite3_clear_bindings (audit);
  sqlite3_bind_text (audit, 1, head->at, -1, SQLITE_STATIC);
  if (head->actor)
    sqlite3_bind_text (audit, 2, head->actor, -1, SQLITE_STATIC);
  if (head->staff_id > 0)
    sqlite3_bind_int64 (audit, 3, head->staff_id);
  if (head->staff_name)
    sqlite3_bind_text (audit, 4, head->staff_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (audit, 5, klass->table, (int) table_len, SQLITE_STATIC);
  pos = AUDIT_SHARED + 1;
  for (guint r = 0; r < n; r++)
    {
      sqlite3_bind_int64 (audit, pos++, head->next_id + r);
      sqlite3_bind_int64 (audit, pos++, pathways_record_get_id (records[r]));
      sqlite3_bind_text (audit, pos++, rows[r].json->str, (int) rows[r].json->len, SQLITE_STATIC);
      sqlite3_bind_text (audit, pos++, rows[r].content, 64, SQLITE_STATIC);
      sqlite3_bind_text (audit, pos++, rows[r].chain, 64, SQLITE_STATIC);
    }
  if (!pathways_sqlite_step_done (self, conn, audit, error))
    return FALSE;
  sqlite3_clear_bindings (audit);
  head->next_id += n;
  return TRUE;
}

/**
 * pathways_sqlite_insert_records:
 *
 * Inserts @records (all of one type, new: their ids are set, the next
 * ones of the table, as SQLite gives them) inside the writer's open
 * transaction, @BATCH rows a statement, with one chained audit row each.
 * On failure the caller rolls back.
 */
gboolean
pathways_sqlite_insert_records (PathwaysSqliteStore  *self,
                                gboolean              chained,
                                PathwaysRecord      **records,
                                guint                 n_records,
                                GError              **error)
{
  PathwaysSqliteConn *conn = pathways_sqlite_get_writer (self);
  PathwaysRecordClass *klass;
  g_autofree char *sql = NULL, *max_sql = NULL;
  g_autoptr(GArray) columns = NULL;
  g_autoptr(GString) canon = NULL;
  AuditRow rows[BATCH];
  AuditHead head = { 0 };
  sqlite3_stmt *stmt, *insert = NULL, *audit = NULL;
  gint64 next_id;
  guint batch;
  int was_on = 1;
  gboolean ok = FALSE;

  if (n_records == 0)
    return TRUE;
  klass = PATHWAYS_RECORD_GET_CLASS (records[0]);

  /* Not the chained audit (an old file opened as it is), or a table the
   * C audit cannot stand in for: the triggers do it, row by row */
  if (chained && (columns = map_columns (conn->db, klass, error)) == NULL)
    return FALSE;
  if (!chained || columns->len == 0)
    {
      sql = insert_sql (klass);
      if ((stmt = pathways_sqlite_prepare (self, conn, sql, error)) == NULL)
        return FALSE;
      return insert_each (self, conn, stmt, records, n_records, error);
    }

  /* The ids SQLite would give them (no table of the store is AUTOINCREMENT) */
  max_sql = g_strdup_printf ("SELECT coalesce(max(id), 0) + 1 FROM %s", klass->table);
  if ((stmt = pathways_sqlite_prepare (self, conn, max_sql, error)) == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return db_fail (conn->db, error);
    }
  next_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (!audit_head (conn->db, &head, error))
    return FALSE;

  pathways_sqlite_bulk_cache (conn);

  /* Off for this connection while the batch is written (SQLite prepares
   * the statements again on the change) */
  sqlite3_db_config (conn->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, -1, &was_on);
  sqlite3_db_config (conn->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);

  canon = g_string_sized_new (1024);
  for (guint r = 0; r < BATCH; r++)
    rows[r].json = g_string_sized_new (1024);
  batch = MIN (BATCH, MAX_PARAMETERS / (klass->n_fields + 2));
  ok = TRUE;
  for (guint done = 0; done < n_records && ok; done += batch)
    {
      guint n = MIN (batch, n_records - done);

      if (done == 0 || n < batch)
        {
          g_autofree char *insert_sql = batch_sql (klass, n);

          ok = (insert = pathways_sqlite_prepare (self, conn, insert_sql, error)) != NULL;
        }
      ok = ok && write_rows (self, conn, klass, insert, records + done, n, &next_id, error);
    }

  /* Then their audit rows.  Their one CHECK (the action is one of six)
   * holds by construction, 'insert' being written in the statement, and
   * SQLite would otherwise build a table of the six for every row: it is
   * left out for these statements only (the rows of the records' own
   * table were checked, above) */
  if (ok)
    ok = sqlite3_exec (conn->db, "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL) == SQLITE_OK ||
         db_fail (conn->db, error);
  for (guint done = 0; done < n_records && ok; done += batch)
    {
      guint n = MIN (batch, n_records - done);

      if (done == 0 || n < batch)
        {
          g_autofree char *audit_sql = audit_batch_sql (n);

          ok = (audit = pathways_sqlite_prepare (self, conn, audit_sql, error)) != NULL;
        }
      ok = ok && write_audit (self, conn, klass, columns, &head, canon, rows, audit, records + done, n, error);
    }
  sqlite3_exec (conn->db, "PRAGMA ignore_check_constraints = OFF", NULL, NULL, NULL);
  for (guint r = 0; r < BATCH; r++)
    g_string_free (rows[r].json, TRUE);

  sqlite3_db_config (conn->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, was_on, NULL);
  audit_head_clear (&head);
  if (!ok)
    for (guint r = 0; r < n_records; r++)
      pathways_record_set_id (records[r], 0);
  return ok;
}
