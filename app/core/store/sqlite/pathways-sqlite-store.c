/* pathways-sqlite-store.c — the embedded backend: one SQLite file
 *
 * Connections: one writer (read-write, used only inside a transaction,
 * by the thread holding the base class's writer lock) and up to
 * PATHWAYS_SQLITE_N_READERS read-only ones, opened as needed, that any
 * thread borrows for a read.  WAL lets the readers run while the writer
 * writes.  A thread in a transaction reads on the writer, to see its
 * own writes; a thread inside begin_read keeps one reader (and one read
 * transaction, so one view of the data) until end_read.
 *
 * The watcher: a thread with its own connection polls PRAGMA
 * data_version; when another connection committed, it reads the audit
 * rows written since and posts them as "changed" — except those this
 * store wrote itself (the writer notes the range of audit ids each of
 * its transactions wrote before committing), which the base class has
 * announced already.
 *
 * This folder is the only place with SQL text or sqlite3 calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-sqlite"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pathways-sqlite-internal.h"
#include "pathways-store-private.h"

#define PATHWAYS_APPLICATION_ID 1346458696  /* "PATH" */

/* Beyond this many rows written elsewhere at once, "everything changed" */
#define MAX_WATCHED_ROWS 5000

typedef struct {
  gint64 low;   /* audit ids (low, high] were written by this store */
  gint64 high;
} AuditRange;

struct _PathwaysSqliteStore
{
  PathwaysStore       parent_instance;

  int                 target_version;
  gboolean            has_audit;
  gboolean            file_read_only;  /* the file or its folder may not be written */
  char               *tamper_reason;   /* what inspecting the audit log found, or NULL */
  char               *anchor_file;     /* where the chain's head is noted (chained logs only) */
  gboolean            wal_pending;     /* made by this open: WAL from its first commit on */

  PathwaysSqliteConn *writer;
  gint64              txn_audit_low;   /* writer only */

  /* The readers */
  GMutex              pool_lock;
  GCond               pool_cond;
  GPtrArray          *idle;            /* PathwaysSqliteConn* */
  guint               n_readers;       /* opened, idle or out */
  GHashTable         *pinned;          /* GThread* → PathwaysSqliteConn* */

  /* Audit ids this store wrote, for the watcher */
  GMutex              ranges_lock;
  GArray             *own_ranges;      /* AuditRange */

  /* The watcher */
  GThread            *watcher;
  PathwaysSqliteConn *watch_conn;      /* until the watcher takes it */
  gint64              watch_data_version;
  gint64              watch_last_seen;
  GMutex              watch_lock;
  GCond               watch_cond;
  gboolean            stopping;
  guint               poll_ms;
};

static void pathways_sqlite_store_initable_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PathwaysSqliteStore, pathways_sqlite_store, PATHWAYS_TYPE_STORE,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, pathways_sqlite_store_initable_init))

enum {
  PROP_0,
  PROP_TARGET_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Tables a caller may name (pathways_store_exists() and the like) */
static const char * const known_tables[] = {
  "staff", "young_person", "unit", "spell", "milestone_template", "milestone", "transition",
  "ref_code", "note", "audit_log", "setting", "bank_holiday", "postcode_area", "area_distance",
  "budget_line", "placement_income", "provider", "referral", "offer", "i_statement", "i_statement_answer", "plan_rejection", "episode", "team", "contact", "activity", "import_log", "oc3_fact", NULL,
};

gboolean
pathways_sqlite_is_table (const char *table)
{
  return table != NULL && g_strv_contains (known_tables, table);
}

/* Connections --------------------------------------------------------- */

static void
actor_func (sqlite3_context *ctx,
            int              argc,
            sqlite3_value  **argv)
{
  sqlite3_result_text (ctx, g_get_user_name (), -1, SQLITE_TRANSIENT);
}

static void
acting_staff_func (sqlite3_context *ctx,
                   int              argc,
                   sqlite3_value  **argv)
{
  PathwaysStore *store = sqlite3_user_data (ctx);
  gint64 id = store ? pathways_store_get_acting_staff (store) : 0;

  if (id > 0)
    sqlite3_result_int64 (ctx, id);
  else
    sqlite3_result_null (ctx);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
conn_free (PathwaysSqliteConn *conn)
{
  if (conn == NULL)
    return;
  g_clear_pointer (&conn->statements, g_hash_table_unref);
  if (conn->db != NULL)
    sqlite3_close_v2 (conn->db);
  g_free (conn);
}

/* Made read-only on purpose (no write bit for its owner, even if root
 * could write it anyway), or not writable by us */
static gboolean
is_read_only (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0 && (st.st_mode & S_IWUSR) == 0)
    return TRUE;
  return g_access (path, W_OK) != 0;
}

/* A read-only folder cannot hold the -wal and -shm files a reader of a
 * WAL database needs: when neither exists there, nobody can be writing
 * it, and it is opened immutable */
static char *
read_only_uri (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = NULL;

  if (!is_read_only (dir) || g_file_test (wal, G_FILE_TEST_EXISTS))
    return NULL;
  if ((uri = g_filename_to_uri (path, NULL, NULL)) == NULL)
    return NULL;
  return g_strconcat (uri, "?immutable=1", NULL);
}

/* How a connection is used: the writer by whichever thread holds the
 * transaction, a pooled reader by one borrowing thread at a time */
typedef enum {
  CONN_WRITER,
  CONN_SHARED_READER,
  CONN_POOLED_READER,
} ConnUse;

static PathwaysSqliteConn *
conn_open (PathwaysSqliteStore  *self,
           const char           *path,
           ConnUse               use,
           GError              **error)
{
  PathwaysSqliteConn *conn = g_new0 (PathwaysSqliteConn, 1);
  gboolean writable = use == CONN_WRITER;
  /* A pooled reader is only ever used by the thread that borrowed it,
   * so it needs no lock of its own around every call (one per column
   * read was a tenth of a bulk read's time) */
  int flags = (use == CONN_POOLED_READER ? SQLITE_OPEN_NOMUTEX : SQLITE_OPEN_FULLMUTEX) |
              (writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY);
  g_autofree char *uri = writable ? NULL : read_only_uri (path);
  int rc;

  conn->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  if (uri != NULL)
    rc = sqlite3_open_v2 (uri, &conn->db, flags | SQLITE_OPEN_URI, NULL);
  else
    rc = sqlite3_open_v2 (path, &conn->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_IO,
                   _("Could not open the database %s: %s"), path,
                   conn->db ? sqlite3_errmsg (conn->db) : g_strerror (ENOMEM));
      conn_free (conn);
      return NULL;
    }
  sqlite3_extended_result_codes (conn->db, 1);
  sqlite3_busy_timeout (conn->db, 5000);
  /* The audit triggers name who made each change */
  sqlite3_create_function (conn->db, "pathways_actor", 0, SQLITE_UTF8, NULL, actor_func, NULL, NULL);
  sqlite3_create_function (conn->db, "pathways_acting_staff", 0, SQLITE_UTF8, self, acting_staff_func, NULL, NULL);
  /* The digests that chain the audit rows */
  pathways_sqlite_audit_register (conn);
  return conn;
}

static const char *
label_for_column (const char *table,
                  const char *column)
{
  GType types[] = {
    PATHWAYS_TYPE_STAFF, PATHWAYS_TYPE_YOUNG_PERSON, PATHWAYS_TYPE_UNIT, PATHWAYS_TYPE_SPELL,
    PATHWAYS_TYPE_MILESTONE_TEMPLATE, PATHWAYS_TYPE_MILESTONE, PATHWAYS_TYPE_TRANSITION,
    PATHWAYS_TYPE_REF_CODE, PATHWAYS_TYPE_NOTE, PATHWAYS_TYPE_EPISODE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
      PathwaysRecordClass *rc = PATHWAYS_RECORD_CLASS (klass);
      int idx;

      if (g_strcmp0 (rc->table, table) != 0)
        continue;
      idx = pathways_record_class_find_field (rc, column);
      if (idx >= 0)
        return g_dgettext (GETTEXT_PACKAGE, rc->fields[idx].label);
    }
  return column;
}

gboolean
pathways_sqlite_set_error (PathwaysSqliteStore  *self,
                           sqlite3              *db,
                           int                   rc,
                           GError              **error)
{
  const char *msg = sqlite3_errmsg (db);
  int ext = sqlite3_extended_errcode (db);

  if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_NOTNULL)
    {
      /* "UNIQUE constraint failed: young_person.local_id" */
      const char *what = strrchr (msg, ':');
      g_autofree char *tc = g_strdup (what ? what + 2 : "");
      char *dot = strchr (tc, '.');
      char *comma = strchr (tc, ',');
      const char *label = tc;

      if (comma)
        *comma = '\0';
      if (dot)
        {
          *dot = '\0';
          label = label_for_column (tc, dot + 1);
        }
      if (ext == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONSTRAINT,
                     _("%s must be unique: another record already has this value"), label);
      else
        g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                     _("%s is required"), label);
    }
  else if (ext == SQLITE_CONSTRAINT_FOREIGNKEY)
    g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONSTRAINT,
                         _("Other records still refer to this one, or it refers to a record "
                           "that does not exist"));
  else if (ext == SQLITE_CONSTRAINT_CHECK)
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                 _("A value is outside what is allowed (%s)"), msg);
  else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FAILED,
                         _("The database is busy: another program is using it. Try again in a moment."));
  else if (rc == SQLITE_NOTADB)
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_DATABASE,
                 _("%s is not a Pathways database"), pathways_store_get_location (PATHWAYS_STORE (self)));
  else if (rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN || rc == SQLITE_IOERR || rc == SQLITE_FULL)
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_IO,
                 _("Could not write to the database: %s"), msg);
  else
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FAILED,
                 _("Database error: %s"), msg);

  return FALSE;
}

static gboolean
conn_exec (PathwaysSqliteStore  *self,
           PathwaysSqliteConn   *conn,
           const char           *sql,
           GError              **error)
{
  int rc = sqlite3_exec (conn->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return pathways_sqlite_set_error (self, conn->db, rc, error);
  return TRUE;
}

static gint64
conn_query_int (PathwaysSqliteConn *conn,
                const char         *sql,
                int                *out_rc)
{
  sqlite3_stmt *stmt = NULL;
  gint64 result = 0;
  int rc;

  rc = sqlite3_prepare_v2 (conn->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          result = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (out_rc)
    *out_rc = rc;
  return result;
}

sqlite3_stmt *
pathways_sqlite_prepare (PathwaysSqliteStore  *self,
                         PathwaysSqliteConn   *conn,
                         const char           *sql,
                         GError              **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (conn->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (conn->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      pathways_sqlite_set_error (self, conn->db, rc, error);
      return NULL;
    }
  g_hash_table_insert (conn->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
pathways_sqlite_step_done (PathwaysSqliteStore  *self,
                           PathwaysSqliteConn   *conn,
                           sqlite3_stmt         *stmt,
                           GError              **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      pathways_sqlite_set_error (self, conn->db, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

PathwaysSqliteConn *
pathways_sqlite_get_writer (PathwaysSqliteStore *self)
{
  return self->writer;
}

static PathwaysSqliteConn *
borrow_reader (PathwaysSqliteStore  *self,
               GError              **error)
{
  PathwaysSqliteConn *conn = NULL;

  g_mutex_lock (&self->pool_lock);
  while (self->idle->len == 0 && self->n_readers >= PATHWAYS_SQLITE_N_READERS)
    g_cond_wait (&self->pool_cond, &self->pool_lock);
  if (self->idle->len > 0)
    conn = g_ptr_array_steal_index (self->idle, self->idle->len - 1);
  else
    self->n_readers++;
  g_mutex_unlock (&self->pool_lock);

  if (conn == NULL)
    {
      conn = conn_open (self, pathways_store_get_location (PATHWAYS_STORE (self)), CONN_POOLED_READER, error);
      if (conn == NULL)
        {
          g_mutex_lock (&self->pool_lock);
          self->n_readers--;
          g_cond_signal (&self->pool_cond);
          g_mutex_unlock (&self->pool_lock);
        }
    }
  return conn;
}

static void
return_reader (PathwaysSqliteStore *self,
               PathwaysSqliteConn  *conn)
{
  g_mutex_lock (&self->pool_lock);
  g_ptr_array_add (self->idle, conn);
  g_cond_signal (&self->pool_cond);
  g_mutex_unlock (&self->pool_lock);
}

PathwaysSqliteConn *
pathways_sqlite_acquire (PathwaysSqliteStore  *self,
                         GError              **error)
{
  PathwaysSqliteConn *pinned;

  if (pathways_store_in_transaction (PATHWAYS_STORE (self)))
    return self->writer;

  g_mutex_lock (&self->pool_lock);
  pinned = g_hash_table_lookup (self->pinned, g_thread_self ());
  g_mutex_unlock (&self->pool_lock);
  /* (the writer stays pinned only until its transaction ends) */
  if (pinned != NULL && pinned != self->writer)
    return pinned;

  return borrow_reader (self, error);
}

/* A reader of the pool for a second thread of a bulk read, or NULL at
 * once when none is idle and the pool is full: the bulk read then reads
 * that part itself (a helper that waited could wait for the reader its
 * own bulk read holds).  Give it back with pathways_sqlite_release(). */
PathwaysSqliteConn *
pathways_sqlite_try_borrow_reader (PathwaysSqliteStore *self)
{
  PathwaysSqliteConn *conn = NULL;
  gboolean open_one = FALSE;

  g_mutex_lock (&self->pool_lock);
  if (self->idle->len > 0)
    conn = g_ptr_array_steal_index (self->idle, self->idle->len - 1);
  else if (self->n_readers < PATHWAYS_SQLITE_N_READERS)
    {
      self->n_readers++;
      open_one = TRUE;
    }
  g_mutex_unlock (&self->pool_lock);

  if (open_one &&
      (conn = conn_open (self, pathways_store_get_location (PATHWAYS_STORE (self)), CONN_POOLED_READER, NULL)) == NULL)
    {
      g_mutex_lock (&self->pool_lock);
      self->n_readers--;
      g_cond_signal (&self->pool_cond);
      g_mutex_unlock (&self->pool_lock);
    }
  return conn;
}

/* Does every commit add to the audit log (whose highest id then names
 * the state of the data a read sees)? */
gboolean
pathways_sqlite_has_audit (PathwaysSqliteStore *self)
{
  return self->has_audit;
}

void
pathways_sqlite_release (PathwaysSqliteStore *self,
                         PathwaysSqliteConn  *conn)
{
  if (conn == NULL || conn == self->writer || conn->pin_depth > 0)
    return;
  return_reader (self, conn);
}

/* Records and rows ---------------------------------------------------- */

/**
 * pathways_sqlite_record_from_row:
 *
 * Builds a record from the current row: columns "id" and "version", and
 * every column named like a field of @type.
 */
PathwaysRecord *
pathways_sqlite_record_from_row (GType         type,
                                 sqlite3_stmt *stmt)
{
  PathwaysRecord *record = g_object_new (type, NULL);
  PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (record);
  int n_cols = sqlite3_column_count (stmt);

  g_object_freeze_notify (G_OBJECT (record));

  for (int c = 0; c < n_cols; c++)
    {
      const char *name = sqlite3_column_name (stmt, c);
      g_auto(GValue) value = G_VALUE_INIT;
      int idx;

      if (g_str_equal (name, "id"))
        {
          pathways_record_set_id (record, sqlite3_column_int64 (stmt, c));
          continue;
        }
      if (g_str_equal (name, "version"))
        {
          pathways_record_set_version (record, sqlite3_column_int64 (stmt, c));
          continue;
        }
      idx = pathways_record_class_find_field (klass, name);
      if (idx < 0)
        continue;

      switch (klass->fields[idx].type)
        {
        case PATHWAYS_FIELD_STRING:
        case PATHWAYS_FIELD_DATE:
          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, (const char *) sqlite3_column_text (stmt, c));
          break;
        case PATHWAYS_FIELD_INT:
        case PATHWAYS_FIELD_MONEY:
          g_value_init (&value, G_TYPE_INT64);
          g_value_set_int64 (&value, sqlite3_column_int64 (stmt, c));
          break;
        case PATHWAYS_FIELD_BOOL:
          g_value_init (&value, G_TYPE_BOOLEAN);
          g_value_set_boolean (&value, sqlite3_column_int (stmt, c) != 0);
          break;
        case PATHWAYS_FIELD_REAL:
          g_value_init (&value, G_TYPE_DOUBLE);
          g_value_set_double (&value, sqlite3_column_double (stmt, c));
          break;
        default:
          g_assert_not_reached ();
        }
      pathways_record_set_value (record, (guint) idx, &value);
    }

  g_object_thaw_notify (G_OBJECT (record));
  return record;
}

GListModel *
pathways_sqlite_collect (PathwaysSqliteStore  *self,
                         PathwaysSqliteConn   *conn,
                         GType                 type,
                         sqlite3_stmt         *stmt,
                         GError              **error)
{
  g_autoptr(GListStore) list = g_list_store_new (type);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, pathways_sqlite_record_from_row (type, stmt));

  if (rc != SQLITE_DONE)
    {
      pathways_sqlite_set_error (self, conn->db, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

char *
pathways_sqlite_select_sql (PathwaysRecordClass *klass,
                            const char          *where_and_order)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id, version");

  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (sql, ", %s", klass->columns[i]);
  g_string_append_printf (sql, " FROM %s %s", klass->table, where_and_order);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* The one binding of a field's value, for the single writes here and
 * the bulk insert (pathways-sqlite-bulk.c), whose C-made audit rows must
 * say what this bound */
void
pathways_sqlite_bind_field (sqlite3_stmt            *stmt,
                            int                      pos,
                            const PathwaysField     *field,
                            const GValue            *value,
                            sqlite3_destructor_type  text_destructor)
{
  switch (field->type)
    {
    case PATHWAYS_FIELD_STRING:
    case PATHWAYS_FIELD_DATE:
      {
        const char *s = g_value_get_string (value);
        if (s == NULL)
          sqlite3_bind_null (stmt, pos);
        else
          sqlite3_bind_text (stmt, pos, s, -1, text_destructor);
      }
      break;
    case PATHWAYS_FIELD_INT:
    case PATHWAYS_FIELD_MONEY:
      if ((field->flags & PATHWAYS_FIELD_REFERENCE) && g_value_get_int64 (value) == 0)
        sqlite3_bind_null (stmt, pos);
      else
        sqlite3_bind_int64 (stmt, pos, g_value_get_int64 (value));
      break;
    case PATHWAYS_FIELD_BOOL:
      sqlite3_bind_int (stmt, pos, g_value_get_boolean (value) ? 1 : 0);
      break;
    case PATHWAYS_FIELD_REAL:
      sqlite3_bind_double (stmt, pos, g_value_get_double (value));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* After an UPDATE or DELETE that touched nothing: the row is gone, or
 * its version moved on (the base class explains which, and by whom) */
static gboolean
missed_row (PathwaysSqliteStore  *self,
            PathwaysRecordClass  *klass,
            gint64                id,
            GError              **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = ?", klass->table);
  sqlite3_stmt *stmt = pathways_sqlite_prepare (self, self->writer, sql, error);
  gboolean exists;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  exists = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0;
  sqlite3_reset (stmt);

  if (exists)
    g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT,
                         _("This record was changed by someone else after you opened it."));
  else
    g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                         _("This record no longer exists: someone may have deleted it"));
  return FALSE;
}

static gboolean
sqlite_insert_record (PathwaysStore   *store,
                      PathwaysRecord  *record,
                      gboolean         keep_id,
                      GError         **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (record);
  gint64 version = MAX (1, pathways_record_get_version (record));
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
  g_autoptr(GString) marks = g_string_new ("?");
  sqlite3_stmt *stmt;
  int pos = 1;

  g_string_append_printf (sql, "%s (%sversion", klass->table, keep_id ? "id, " : "");
  if (keep_id)
    g_string_append (marks, ", ?");
  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_string_append_printf (sql, ", %s", klass->columns[i]);
      g_string_append (marks, ", ?");
    }
  g_string_append_printf (sql, ") VALUES (%s)", marks->str);

  stmt = pathways_sqlite_prepare (self, self->writer, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  if (keep_id)
    sqlite3_bind_int64 (stmt, pos++, pathways_record_get_id (record));
  sqlite3_bind_int64 (stmt, pos++, version);
  for (guint i = 0; i < klass->n_fields; i++)
    pathways_sqlite_bind_field (stmt, pos++, &klass->fields[i], pathways_record_peek_value (record, i),
                                SQLITE_TRANSIENT);
  if (!pathways_sqlite_step_done (self, self->writer, stmt, error))
    return FALSE;

  if (!keep_id)
    pathways_record_set_id (record, sqlite3_last_insert_rowid (self->writer->db));
  pathways_record_set_version (record, version);
  return TRUE;
}

static gboolean
sqlite_insert_records (PathwaysStore   *store,
                       PathwaysRecord **records,
                       guint            n_records,
                       GError         **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);

  return pathways_sqlite_insert_records (self, self->has_audit &&
                                           pathways_store_get_schema_version (store) >= PATHWAYS_SQLITE_AUDIT_CHAINED,
                                         records, n_records, error);
}

static gboolean
sqlite_update_record (PathwaysStore   *store,
                      PathwaysRecord  *record,
                      GError         **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (record);
  gint64 expected = pathways_record_get_version (record);
  g_autoptr(GString) sql = g_string_new ("UPDATE ");
  sqlite3_stmt *stmt;
  gint64 version = 0;
  int pos = 1, rc;

  g_string_append_printf (sql, "%s SET ", klass->table);
  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (sql, "%s = ?, ", klass->columns[i]);
  g_string_append (sql, "version = version + 1 WHERE id = ?");
  if (expected > 0)
    g_string_append (sql, " AND version = ?");
  g_string_append (sql, " RETURNING version");

  stmt = pathways_sqlite_prepare (self, self->writer, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < klass->n_fields; i++)
    pathways_sqlite_bind_field (stmt, pos++, &klass->fields[i], pathways_record_peek_value (record, i),
                                SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, pos++, pathways_record_get_id (record));
  if (expected > 0)
    sqlite3_bind_int64 (stmt, pos, expected);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      version = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      pathways_sqlite_set_error (self, self->writer->db, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (version == 0)
    return missed_row (self, klass, pathways_record_get_id (record), error);
  pathways_record_set_version (record, version);
  return TRUE;
}

static gboolean
sqlite_delete_record (PathwaysStore   *store,
                      PathwaysRecord  *record,
                      GError         **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (record);
  gint64 expected = pathways_record_get_version (record);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?%s", klass->table, expected > 0 ? " AND version = ?" : "");
  stmt = pathways_sqlite_prepare (self, self->writer, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pathways_record_get_id (record));
  if (expected > 0)
    sqlite3_bind_int64 (stmt, 2, expected);
  if (!pathways_sqlite_step_done (self, self->writer, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->writer->db) != 1)
    return missed_row (self, klass, pathways_record_get_id (record), error);
  return TRUE;
}

/* The highest id from @first to @last that has no row (0 if none) */
static gint64
highest_missing_id (PathwaysSqliteStore  *self,
                    PathwaysRecordClass  *klass,
                    gint64                first,
                    gint64                last,
                    GError              **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE id BETWEEN ? AND ? ORDER BY id DESC",
                                          klass->table);
  sqlite3_stmt *stmt = pathways_sqlite_prepare (self, self->writer, sql, error);
  gint64 expected = last;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) == expected)
    expected--;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      pathways_sqlite_set_error (self, self->writer->db, rc, error);
      expected = -1;
    }
  sqlite3_reset (stmt);
  return expected >= first ? expected : 0;
}

static gboolean
sqlite_delete_id_range (PathwaysStore        *store,
                        PathwaysRecordClass  *klass,
                        gint64                first,
                        gint64                last,
                        gint64                version,
                        gint64               *out_conflict,
                        GError              **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  g_autofree char *check_sql = NULL;
  g_autofree char *delete_sql = NULL;
  sqlite3_stmt *stmt;
  gint64 n = 0, changed = 0;
  int rc;

  *out_conflict = 0;

  /* Every row there and at its version, or the highest that is not */
  check_sql = g_strdup_printf ("SELECT count(*), coalesce(max(CASE WHEN version <> ?3 THEN id END), 0)"
                               " FROM %s WHERE id BETWEEN ?1 AND ?2", klass->table);
  stmt = pathways_sqlite_prepare (self, self->writer, check_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  sqlite3_bind_int64 (stmt, 3, version);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      pathways_sqlite_set_error (self, self->writer->db, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  n = sqlite3_column_int64 (stmt, 0);
  changed = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  if (n != last - first + 1 || changed != 0)
    {
      gint64 missing = n != last - first + 1 ? highest_missing_id (self, klass, first, last, error) : 0;

      if (missing < 0)
        return FALSE;
      *out_conflict = MAX (missing, changed);
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT,
                           _("This record was changed by someone else after you opened it."));
      return FALSE;
    }

  /* The audit trigger writes each row's audit row */
  pathways_sqlite_bulk_cache (self->writer);
  delete_sql = g_strdup_printf ("DELETE FROM %s WHERE id BETWEEN ? AND ? AND version = ?", klass->table);
  stmt = pathways_sqlite_prepare (self, self->writer, delete_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  sqlite3_bind_int64 (stmt, 3, version);
  if (!pathways_sqlite_step_done (self, self->writer, stmt, error))
    return FALSE;
  if (sqlite3_changes64 (self->writer->db) != last - first + 1)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT,
                           _("This record was changed by someone else after you opened it."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
sqlite_set_setting (PathwaysStore  *store,
                    const char     *key,
                    const char     *value,
                    GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  sqlite3_stmt *stmt;

  stmt = pathways_sqlite_prepare (self, self->writer,
                                  "UPDATE setting SET value = ?, version = version + 1 WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;
  if (value != NULL)
    sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  if (!pathways_sqlite_step_done (self, self->writer, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->writer->db) != 1)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                   _("There is no setting called ‘%s’"), key);
      return FALSE;
    }
  return TRUE;
}

/* Transactions -------------------------------------------------------- */

static gint64
max_audit_id (PathwaysSqliteStore *self,
              int                 *out_rc)
{
  return conn_query_int (self->writer, "SELECT coalesce(max(id), 0) FROM audit_log", out_rc);
}

/* Back to the default page cache after a bulk insert's transaction */
static void
small_cache (PathwaysSqliteStore *self)
{
  if (!self->writer->big_cache)
    return;
  sqlite3_exec (self->writer->db, "PRAGMA cache_size = -2000", NULL, NULL, NULL);
  self->writer->big_cache = FALSE;
}

/* A file this open made is written with a rollback journal until its
 * first commit: that commit (a whole import into a new database, most
 * often) writes each page once, into the file, where the WAL would
 * write it twice (into the WAL, then into the file at the checkpoint).
 * It is as safe: a commit cut short is rolled back from the journal at
 * the next open.  Then the file goes over to WAL for good, so that
 * readers never wait for the writer; a reader in the middle of a read
 * just then leaves it for the next commit. */
static void
switch_to_wal (PathwaysSqliteStore *self)
{
  sqlite3_stmt *stmt = NULL;

  if (!self->wal_pending)
    return;
  if (sqlite3_prepare_v2 (self->writer->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW &&
      g_ascii_strcasecmp (PATHWAYS_SQLITE_TEXT (stmt, 0), "wal") == 0)
    self->wal_pending = FALSE;
  else
    g_debug ("Still no WAL for the new database: %s", sqlite3_errmsg (self->writer->db));
  sqlite3_finalize (stmt);
}

static gboolean
sqlite_begin (PathwaysStore  *store,
              guint           depth,
              GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  g_autofree char *sql = NULL;
  int rc = SQLITE_OK;

  if (depth > 0)
    {
      sql = g_strdup_printf ("SAVEPOINT sp%u", depth);
      return conn_exec (self, self->writer, sql, error);
    }

  /* Takes the file's write lock now, not at the first write: a
   * transaction that reads then writes cannot be overtaken */
  if (!conn_exec (self, self->writer, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->txn_audit_low = self->has_audit ? max_audit_id (self, &rc) : 0;
  if (rc != SQLITE_OK)
    {
      pathways_sqlite_set_error (self, self->writer->db, rc, error);
      sqlite3_exec (self->writer->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
sqlite_commit (PathwaysStore  *store,
               guint           depth,
               GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  g_autofree char *sql = NULL;
  AuditRange range = { 0 };
  gboolean noted = FALSE;
  g_autofree char *head_digest = NULL;
  gint64 head = 0;
  int rc = SQLITE_OK;

  if (depth > 0)
    {
      sql = g_strdup_printf ("RELEASE sp%u", depth);
      return conn_exec (self, self->writer, sql, error);
    }

  /* Tell the watcher which audit rows are ours before they can be seen */
  if (self->has_audit)
    {
      range.low = self->txn_audit_low;
      range.high = max_audit_id (self, &rc);
      if (rc == SQLITE_OK && range.high > range.low)
        {
          g_mutex_lock (&self->ranges_lock);
          g_array_append_val (self->own_ranges, range);
          g_mutex_unlock (&self->ranges_lock);
          noted = TRUE;
          /* The new head, noted outside the database once committed */
          if (self->anchor_file != NULL && self->tamper_reason == NULL &&
              !pathways_sqlite_audit_head (self->writer->db, &head, &head_digest))
            head = 0;
        }
    }

  if (!conn_exec (self, self->writer, "COMMIT", error))
    {
      if (noted)
        {
          g_mutex_lock (&self->ranges_lock);
          g_array_set_size (self->own_ranges, self->own_ranges->len - 1);
          g_mutex_unlock (&self->ranges_lock);
        }
      return FALSE;
    }
  if (head > 0 && head_digest != NULL)
    pathways_sqlite_anchor_save (self->anchor_file, pathways_store_get_location (store), head, head_digest);
  small_cache (self);
  switch_to_wal (self);
  return TRUE;
}

static void
sqlite_rollback (PathwaysStore *store,
                 guint          depth)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  g_autofree char *sql = NULL;

  sql = depth == 0 ? g_strdup ("ROLLBACK")
                   : g_strdup_printf ("ROLLBACK TO sp%u; RELEASE sp%u", depth, depth);
  if (sqlite3_exec (self->writer->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Rollback failed: %s", sqlite3_errmsg (self->writer->db));
  if (depth == 0)
    small_cache (self);
}

static gboolean
sqlite_begin_read (PathwaysStore  *store,
                   GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  PathwaysSqliteConn *conn;

  g_mutex_lock (&self->pool_lock);
  conn = g_hash_table_lookup (self->pinned, g_thread_self ());
  if (conn != NULL)
    conn->pin_depth++;
  g_mutex_unlock (&self->pool_lock);
  if (conn != NULL)
    return TRUE;

  /* Inside a transaction the reads are the writer's: borrowing a reader
   * here could wait for one held by a thread that waits for the writer */
  if (pathways_store_in_transaction (store))
    {
      self->writer->pin_depth = 1;
      g_mutex_lock (&self->pool_lock);
      g_hash_table_insert (self->pinned, g_thread_self (), self->writer);
      g_mutex_unlock (&self->pool_lock);
      return TRUE;
    }

  conn = borrow_reader (self, error);
  if (conn == NULL)
    return FALSE;
  /* One read transaction: every read until end_read sees one state */
  if (!conn_exec (self, conn, "BEGIN", error))
    {
      return_reader (self, conn);
      return FALSE;
    }
  conn->pin_depth = 1;
  g_mutex_lock (&self->pool_lock);
  g_hash_table_insert (self->pinned, g_thread_self (), conn);
  g_mutex_unlock (&self->pool_lock);
  return TRUE;
}

static void
sqlite_end_read (PathwaysStore *store)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  PathwaysSqliteConn *conn;

  g_mutex_lock (&self->pool_lock);
  conn = g_hash_table_lookup (self->pinned, g_thread_self ());
  if (conn == NULL)
    {
      g_mutex_unlock (&self->pool_lock);
      g_critical ("pathways_store_end_read() without pathways_store_begin_read()");
      return;
    }
  if (--conn->pin_depth > 0)
    {
      g_mutex_unlock (&self->pool_lock);
      return;
    }
  g_hash_table_remove (self->pinned, g_thread_self ());
  g_mutex_unlock (&self->pool_lock);

  if (conn == self->writer)
    return;
  sqlite3_exec (conn->db, "COMMIT", NULL, NULL, NULL);
  return_reader (self, conn);
}

/* Reads of records ---------------------------------------------------- */

static PathwaysRecord *
sqlite_get_record (PathwaysStore  *store,
                   GType           type,
                   gint64          id,
                   GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree char *sql = pathways_sqlite_select_sql (PATHWAYS_RECORD_CLASS (klass), "WHERE id = ?");
  g_autoptr(GListModel) list = NULL;
  PathwaysSqliteConn *conn;
  sqlite3_stmt *stmt;

  if ((conn = pathways_sqlite_acquire (self, error)) == NULL)
    return NULL;
  stmt = pathways_sqlite_prepare (self, conn, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      list = pathways_sqlite_collect (self, conn, type, stmt, error);
    }
  pathways_sqlite_release (self, conn);

  if (list == NULL)
    return NULL;
  if (g_list_model_get_n_items (list) == 0)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                   _("No record %" G_GINT64_FORMAT " in %s"), id,
                   PATHWAYS_RECORD_CLASS (klass)->table);
      return NULL;
    }
  return g_list_model_get_item (list, 0);
}

static GListModel *
sqlite_list_records (PathwaysStore  *store,
                     GType           type,
                     gint64          young_person_id,
                     GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree char *sql = NULL;
  GListModel *list = NULL;
  PathwaysSqliteConn *conn;
  sqlite3_stmt *stmt;

  sql = pathways_sqlite_select_sql (PATHWAYS_RECORD_CLASS (klass),
                                    young_person_id > 0 ? "WHERE young_person_id = ? ORDER BY id" : "ORDER BY id");
  if ((conn = pathways_sqlite_acquire (self, error)) == NULL)
    return NULL;
  stmt = pathways_sqlite_prepare (self, conn, sql, error);
  if (stmt != NULL)
    {
      if (young_person_id > 0)
        sqlite3_bind_int64 (stmt, 1, young_person_id);
      list = pathways_sqlite_collect (self, conn, type, stmt, error);
    }
  pathways_sqlite_release (self, conn);
  return list;
}

static gint64
sqlite_count_records (PathwaysStore  *store,
                      GType           type,
                      GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", PATHWAYS_RECORD_CLASS (klass)->table);
  PathwaysSqliteConn *conn;
  gint64 n;
  int rc;

  if ((conn = pathways_sqlite_acquire (self, error)) == NULL)
    return -1;
  n = conn_query_int (conn, sql, &rc);
  if (rc != SQLITE_OK)
    {
      pathways_sqlite_set_error (self, conn->db, rc, error);
      n = -1;
    }
  pathways_sqlite_release (self, conn);
  return n;
}

static gboolean
sqlite_record_exists (PathwaysStore  *store,
                      const char     *table,
                      gint64          id,
                      GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  g_autofree char *sql = NULL;
  PathwaysSqliteConn *conn;
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (pathways_sqlite_is_table (table), FALSE);

  sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = ?", table);
  if ((conn = pathways_sqlite_acquire (self, error)) == NULL)
    return FALSE;
  stmt = pathways_sqlite_prepare (self, conn, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      found = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0;
      sqlite3_reset (stmt);
    }
  pathways_sqlite_release (self, conn);
  return found;
}

static gboolean
sqlite_is_empty (PathwaysStore *store)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  PathwaysSqliteConn *conn = pathways_sqlite_acquire (self, NULL);
  gint64 n;

  if (conn == NULL)
    return TRUE;
  n = conn_query_int (conn, "SELECT (SELECT count(*) FROM young_person) + (SELECT count(*) FROM unit)"
                            " + (SELECT count(*) FROM staff)", NULL);
  pathways_sqlite_release (self, conn);
  return n == 0;
}

/* The watcher --------------------------------------------------------- */

static gboolean
is_own_audit_id (PathwaysSqliteStore *self,
                 gint64               id)
{
  gboolean own = FALSE;

  g_mutex_lock (&self->ranges_lock);
  for (guint i = 0; i < self->own_ranges->len && !own; i++)
    {
      const AuditRange *r = &g_array_index (self->own_ranges, AuditRange, i);
      own = id > r->low && id <= r->high;
    }
  g_mutex_unlock (&self->ranges_lock);
  return own;
}

static void
forget_own_ranges_up_to (PathwaysSqliteStore *self,
                         gint64               seen)
{
  g_mutex_lock (&self->ranges_lock);
  for (guint i = self->own_ranges->len; i > 0; i--)
    if (g_array_index (self->own_ranges, AuditRange, i - 1).high <= seen)
      g_array_remove_index (self->own_ranges, i - 1);
  g_mutex_unlock (&self->ranges_lock);
}

static PathwaysChangeKind
kind_of_action (const char *action)
{
  if (g_strcmp0 (action, "insert") == 0)
    return PATHWAYS_CHANGE_INSERT;
  if (g_strcmp0 (action, "delete") == 0)
    return PATHWAYS_CHANGE_DELETE;
  return PATHWAYS_CHANGE_UPDATE;
}

/* Reads the audit rows after @last_seen, and posts those written by
 * someone else.  Returns the last id read. */
static gint64
watch_audit (PathwaysSqliteStore *self,
             PathwaysSqliteConn  *conn,
             gint64               last_seen)
{
  static const char sql[] =
    "SELECT id, table_name, row_id, action,"
    "       CASE table_name WHEN 'young_person' THEN row_id"
    "         ELSE json_extract(coalesce(after_values, before_values), '$.young_person_id') END,"
    "       CASE table_name WHEN 'unit' THEN row_id"
    "         WHEN 'transition' THEN json_extract(coalesce(after_values, before_values), '$.to_unit_id')"
    "         ELSE json_extract(coalesce(after_values, before_values), '$.unit_id') END"
    "  FROM audit_log WHERE id > ? ORDER BY id LIMIT ?";
  g_autoptr(PathwaysChanges) changes = pathways_changes_new ();
  sqlite3_stmt *stmt = pathways_sqlite_prepare (self, conn, sql, NULL);
  gint64 seen = last_seen;
  guint n_rows = 0, n_foreign = 0;
  int rc;

  pathways_changes_set_external (changes, TRUE);
  if (stmt == NULL)
    {
      pathways_changes_set_everything (changes);
      pathways_store_post_changes (PATHWAYS_STORE (self), changes);
      return last_seen;
    }

  sqlite3_bind_int64 (stmt, 1, last_seen);
  sqlite3_bind_int (stmt, 2, MAX_WATCHED_ROWS + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      seen = id;
      n_rows++;
      if (is_own_audit_id (self, id))
        continue;
      n_foreign++;
      pathways_changes_add (changes, PATHWAYS_SQLITE_TEXT (stmt, 1), sqlite3_column_int64 (stmt, 2),
                            kind_of_action (PATHWAYS_SQLITE_TEXT (stmt, 3)),
                            sqlite3_column_int64 (stmt, 4), sqlite3_column_int64 (stmt, 5));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE || n_rows > MAX_WATCHED_ROWS)
    {
      /* Too much, or unreadable: start again from the latest row */
      pathways_changes_set_everything (changes);
      seen = MAX (seen, conn_query_int (conn, "SELECT coalesce(max(id), 0) FROM audit_log", NULL));
      n_foreign = 1;
    }
  forget_own_ranges_up_to (self, seen);

  if (n_foreign > 0)
    pathways_store_post_changes (PATHWAYS_STORE (self), changes);
  return seen;
}

static gpointer
watch_thread (gpointer data)
{
  PathwaysSqliteStore *self = data;
  PathwaysSqliteConn *conn = g_steal_pointer (&self->watch_conn);
  gint64 data_version = self->watch_data_version;
  gint64 last_seen = self->watch_last_seen;

  g_mutex_lock (&self->watch_lock);
  while (!self->stopping)
    {
      gboolean timed_out = FALSE;
      gint64 now_version;

      /* A change of interval (or a spurious wake-up) starts the wait again */
      while (!self->stopping && !timed_out)
        {
          gint64 end = g_get_monotonic_time () + (gint64) self->poll_ms * G_TIME_SPAN_MILLISECOND;
          timed_out = !g_cond_wait_until (&self->watch_cond, &self->watch_lock, end);
        }
      if (self->stopping)
        break;
      g_mutex_unlock (&self->watch_lock);

      now_version = conn_query_int (conn, "PRAGMA data_version", NULL);
      if (now_version != data_version)
        {
          data_version = now_version;
          if (self->has_audit)
            last_seen = watch_audit (self, conn, last_seen);
          else
            {
              g_autoptr(PathwaysChanges) changes = pathways_changes_new ();

              pathways_changes_set_everything (changes);
              pathways_changes_set_external (changes, TRUE);
              pathways_store_post_changes (PATHWAYS_STORE (self), changes);
            }
        }

      g_mutex_lock (&self->watch_lock);
    }
  g_mutex_unlock (&self->watch_lock);

  conn_free (conn);
  return NULL;
}

static void
stop_watcher (PathwaysSqliteStore *self)
{
  if (self->watcher == NULL)
    return;
  g_mutex_lock (&self->watch_lock);
  self->stopping = TRUE;
  g_cond_broadcast (&self->watch_cond);
  g_mutex_unlock (&self->watch_lock);
  g_clear_pointer (&self->watcher, g_thread_join);
}

/* Opening ------------------------------------------------------------- */

static gboolean
make_private_file (const char  *path,
                   GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_IO,
                   _("Could not create %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  g_chmod (path, 0600);
  return TRUE;
}

/* Backups and checks ---------------------------------------------------- */

static void (*backup_hook) (const char *partial_path);

/**
 * pathways_sqlite_store_set_backup_hook:
 *
 * For the tests: @hook runs when a backup is written and synced but not
 * yet renamed into place (a test kills the process there).
 */
void
pathways_sqlite_store_set_backup_hook (void (*hook) (const char *partial_path))
{
  backup_hook = hook;
}

static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* The prefix of a backup being written: hidden, and never named .bak */
static char *
partial_prefix (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  return g_strdup_printf (".%s.backup-", base);
}

/* Backups that were being written when Pathways stopped: ours, unusable */
static void
remove_partial_backups (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *prefix = partial_prefix (path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        g_autofree char *full = g_build_filename (dir, name, NULL);
        g_unlink (full);
      }
}

/**
 * pathways_sqlite_newest_backup:
 *
 * Returns: (transfer full) (nullable): the newest backup Pathways made of
 *   @path (PATH.vN-STAMP.bak beside it), or NULL
 */
char *
pathways_sqlite_newest_backup (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".v", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *best = NULL;
  gint64 best_time = 0;
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *full = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".bak"))
        continue;
      full = g_build_filename (dir, name, NULL);
      if (g_stat (full, &st) != 0 || st.st_size == 0)
        continue;
      if (best == NULL || (gint64) st.st_mtime > best_time ||
          ((gint64) st.st_mtime == best_time && g_strcmp0 (full, best) > 0))
        {
          g_free (best);
          best = g_steal_pointer (&full);
          best_time = st.st_mtime;
        }
    }
  return g_steal_pointer (&best);
}

/**
 * pathways_store_find_newest_backup:
 * @path: a database file
 *
 * Returns: (transfer full) (nullable): the newest backup Pathways made
 *   beside it, or NULL
 */
char *
pathways_store_find_newest_backup (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return pathways_sqlite_newest_backup (path);
}

/**
 * pathways_store_restore_backup:
 * @path: a (damaged) database file, not open
 * @backup: a backup of it
 * @out_aside: (out) (optional): where the damaged file was moved
 *
 * Moves the damaged file (and its -wal and -shm) aside under a name that
 * says so, and puts a copy of @backup in its place (written under a
 * hidden name, synced, renamed; 0600).  The backup itself is kept.
 */
gboolean
pathways_store_restore_backup (const char  *path,
                               const char  *backup,
                               char       **out_aside,
                               GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.damaged-%s", path, stamp);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *prefix = partial_prefix (path);
  g_autofree char *partial = g_strdup_printf ("%s" G_DIR_SEPARATOR_S "%sXXXXXX", dir, prefix);
  g_autofree char *contents = NULL;
  gsize length = 0;
  int fd;

  g_return_val_if_fail (path != NULL && backup != NULL, FALSE);

  if (!g_file_get_contents (backup, &contents, &length, error))
    return FALSE;
  fd = g_mkstemp_full (partial, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_IO,
                   _("Could not restore the backup: %s"), g_strerror (saved));
      return FALSE;
    }
  for (gsize done = 0; done < length;)
    {
      gssize n = write (fd, contents + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;
          close (fd);
          g_unlink (partial);
          g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_IO,
                       _("Could not restore the backup: %s"), g_strerror (saved));
          return FALSE;
        }
      done += (gsize) n;
    }
  if (fsync (fd) != 0)
    {
      int saved = errno;
      close (fd);
      g_unlink (partial);
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_IO,
                   _("Could not restore the backup: %s"), g_strerror (saved));
      return FALSE;
    }
  close (fd);

  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_rename (path, aside) != 0)
    {
      int saved = errno;
      g_unlink (partial);
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_IO,
                   _("Could not move the damaged database aside: %s"), g_strerror (saved));
      return FALSE;
    }
  for (guint i = 0; i < 2; i++)
    {
      const char *suffix = i == 0 ? "-wal" : "-shm";
      g_autofree char *from = g_strconcat (path, suffix, NULL);
      g_autofree char *to = g_strconcat (aside, suffix, NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;
      g_unlink (partial);
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_IO,
                   _("Could not restore the backup: %s"), g_strerror (saved));
      return FALSE;
    }
  sync_folder (dir);
  /* The backup's audit log ends earlier than the one this computer last
   * saw here: going back to it is deliberate, not tampering */
  pathways_sqlite_anchor_forget (path);
  if (out_aside)
    *out_aside = g_steal_pointer (&aside);
  return TRUE;
}

static void
set_corrupt_error (const char  *path,
                   const char  *problem,
                   GError     **error)
{
  g_autofree char *newest = pathways_sqlite_newest_backup (path);

  if (newest != NULL)
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CORRUPT,
                 _("The database %s is damaged (%s). The newest backup is %s: to go back to it, close "
                   "Pathways, move the damaged file aside and copy the backup in its place. Changes made "
                   "since the backup are not in it."), path, problem, newest);
  else
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CORRUPT,
                 _("The database %s is damaged (%s), and there is no backup of it beside it. Keep the file "
                   "as it is and ask your administrator to restore it from the authority's backups."),
                 path, problem);
}

/* The rows of an integrity PRAGMA: NULL when it says "ok" */
static char *
run_check (sqlite3    *db,
           const char *pragma,
           int        *out_rc)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  guint n = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *line = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (line, "ok") == 0)
            continue;
          if (n++ < 3)
            g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", line ? line : "?");
        }
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (out_rc)
    *out_rc = rc;
  if (rc != SQLITE_OK && problems->len == 0)
    g_string_append (problems, sqlite3_errstr (rc));
  if (n > 3)
    g_string_append_printf (problems, g_dngettext (GETTEXT_PACKAGE, "; and %u more problem",
                                                   "; and %u more problems", n - 3), n - 3);
  return problems->len > 0 ? g_string_free (g_steal_pointer (&problems), FALSE) : NULL;
}

static char *
backup (PathwaysSqliteStore  *self,
        int                   from_version,
        GError              **error)
{
  const char *location = pathways_store_get_location (PATHWAYS_STORE (self));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *path = g_strdup_printf ("%s.v%d-%s.bak", location, from_version, stamp);
  g_autofree char *dir = g_path_get_dirname (location);
  g_autofree char *prefix = partial_prefix (location);
  g_autofree char *partial = g_strdup_printf ("%s" G_DIR_SEPARATOR_S "%sXXXXXX", dir, prefix);
  sqlite3 *dest = NULL;
  sqlite3_backup *b;
  int fd, rc;

  remove_partial_backups (location);

  /* Written under a hidden name, synced, then renamed: a backup cut
   * short never looks like one */
  fd = g_mkstemp_full (partial, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_IO,
                   _("Could not back up the database before updating it: %s"), g_strerror (saved));
      return NULL;
    }
  close (fd);

  rc = sqlite3_open_v2 (partial, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      b = sqlite3_backup_init (dest, "main", self->writer->db, "main");
      if (b != NULL)
        {
          sqlite3_backup_step (b, -1);
          sqlite3_backup_finish (b);
        }
      rc = sqlite3_errcode (dest);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_IO,
                   _("Could not back up the database before updating it: %s"),
                   dest ? sqlite3_errmsg (dest) : g_strerror (ENOMEM));
      sqlite3_close (dest);
      g_unlink (partial);
      return NULL;
    }
  sqlite3_close (dest);

  fd = g_open (partial, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_IO,
                   _("Could not back up the database before updating it: %s"), g_strerror (saved));
      g_unlink (partial);
      return NULL;
    }
  close (fd);

  if (backup_hook != NULL)
    backup_hook (partial);

  if (g_rename (partial, path) != 0)
    {
      int saved = errno;
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_IO,
                   _("Could not back up the database before updating it: %s"), g_strerror (saved));
      g_unlink (partial);
      return NULL;
    }
  sync_folder (dir);

  g_message ("Backed up schema version %d before migrating", from_version);
  return g_steal_pointer (&path);
}

static gboolean
migrate (PathwaysSqliteStore  *self,
         int                  *version,
         int                   target,
         GError              **error)
{
  const PathwaysMigration *steps;
  guint n_steps;

  steps = pathways_sqlite_migrations_get (&n_steps);

  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *set_version = NULL;
      g_autoptr(GError) local_error = NULL;

      if (steps[i].version <= *version || steps[i].version > target)
        continue;

      if (!conn_exec (self, self->writer, "BEGIN IMMEDIATE", error))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA user_version = %d", steps[i].version);
      if (!steps[i].apply (self->writer->db, &local_error) ||
          !conn_exec (self, self->writer, set_version, &local_error) ||
          (steps[i].version == target && target >= 2 &&
           !pathways_sqlite_migrations_audit (self->writer->db, steps[i].version, &local_error)) ||
          !conn_exec (self, self->writer, "COMMIT", &local_error))
        {
          sqlite3_exec (self->writer->db, "ROLLBACK", NULL, NULL, NULL);
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Could not update the database to version %d: "),
                                      steps[i].version);
          return FALSE;
        }
      *version = steps[i].version;
    }

  return TRUE;
}

static gboolean
pathways_sqlite_store_initable_init_impl (GInitable     *initable,
                                          GCancellable  *cancellable,
                                          GError       **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (initable);
  const char *path = pathways_store_get_location (PATHWAYS_STORE (self));
  g_autofree char *dir = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *damage = NULL;
  gint64 app_id = 0, n_objects = 0;
  gboolean created, dir_read_only;
  int version, rc;

  g_return_val_if_fail (path != NULL, FALSE);

  /* The data directory holds personal data about children: 0700 */
  dir = g_path_get_dirname (path);
  default_path = g_build_filename (g_get_user_data_dir (), "pathways", "pathways.db", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_IO,
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  if (g_str_equal (path, default_path))
    g_chmod (dir, 0700);

  created = !g_file_test (path, G_FILE_TEST_EXISTS);
  dir_read_only = is_read_only (dir);
  if (created && !make_private_file (path, error))
    return FALSE;

  /* A file someone made read-only stays so: it is opened read-only, and
   * its mode only ever loses the bits that let others read it */
  self->file_read_only = !created && (is_read_only (path) || dir_read_only);
  if (!created && !self->file_read_only)
    {
      GStatBuf st;

      if (g_stat (path, &st) == 0 && (st.st_mode & 077) != 0)
        g_chmod (path, st.st_mode & 0600);
    }

  self->writer = conn_open (self, path, self->file_read_only ? CONN_SHARED_READER : CONN_WRITER, error);
  if (self->writer == NULL)
    return FALSE;

  version = (int) conn_query_int (self->writer, "PRAGMA user_version", &rc);
  if (rc == SQLITE_OK)
    app_id = conn_query_int (self->writer, "PRAGMA application_id", &rc);
  if (rc == SQLITE_OK)
    n_objects = conn_query_int (self->writer, "SELECT count(*) FROM sqlite_master", &rc);
  if (rc != SQLITE_OK)
    {
      if (rc == SQLITE_NOTADB)
        g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_DATABASE,
                     _("%s is not a Pathways database"), path);
      else if ((rc & 0xff) == SQLITE_CORRUPT)
        set_corrupt_error (path, sqlite3_errstr (rc), error);
      else
        pathways_sqlite_set_error (self, self->writer->db, rc, error);
      return FALSE;
    }

  if ((version > 0 && app_id != PATHWAYS_APPLICATION_ID) || (version == 0 && n_objects > 0))
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_DATABASE,
                   _("%s is not a Pathways database"), path);
      return FALSE;
    }

  if (version > PATHWAYS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_TOO_NEW,
                   _("This database was written by a newer version of Pathways (schema %d; "
                     "this version understands up to %d). Update Pathways to open it."),
                   version, PATHWAYS_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  /* Damage is found before anything is written or migrated */
  if (!created && (damage = run_check (self->writer->db, "PRAGMA quick_check", NULL)) != NULL)
    {
      set_corrupt_error (path, damage, error);
      return FALSE;
    }

  if (self->file_read_only)
    {
      if (version < self->target_version)
        {
          g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_READ_ONLY,
                       _("The database %s needs updating for this version of Pathways, but it is read-only. "
                         "Open a copy you may change, or ask for it to be made writable."), path);
          return FALSE;
        }
      if (!conn_exec (self, self->writer, "PRAGMA query_only = ON", error))
        return FALSE;
    }
  else
    {
      /* FULL: a commit is on the disk before Pathways says "saved", even
       * across a power cut (NORMAL in WAL mode can lose the last ones).
       * A new file keeps its rollback journal until its first commit
       * (switch_to_wal()). */
      self->wal_pending = created;
      if ((!created && !conn_exec (self, self->writer, "PRAGMA journal_mode = WAL", error)) ||
          !conn_exec (self, self->writer, "PRAGMA synchronous = FULL", error) ||
          !conn_exec (self, self->writer, "PRAGMA foreign_keys = ON", error))
        return FALSE;

      if (version < self->target_version)
        {
          if (version > 0 && (backup_path = backup (self, version, error)) == NULL)
            return FALSE;
          if (!migrate (self, &version, self->target_version, error))
            return FALSE;
        }
    }

  self->has_audit = version >= 2;
  pathways_store_set_opened (PATHWAYS_STORE (self), version, created, backup_path);

  /* The audit log as Pathways made it, or nothing is written */
  self->tamper_reason = pathways_sqlite_audit_inspect (self->writer->db, version);

  /* … and no shorter than when this computer last wrote to it */
  if (version >= PATHWAYS_SQLITE_AUDIT_CHAINED)
    {
      g_autofree char *cut = NULL;

      self->anchor_file = pathways_sqlite_anchor_file (path);
      if (created)
        g_unlink (self->anchor_file);  /* a new database where an old one was */
      cut = pathways_sqlite_anchor_check (self->writer->db, self->anchor_file, NULL);
      if (cut != NULL && self->tamper_reason != NULL)
        {
          char *both = g_strconcat (self->tamper_reason, " ", cut, NULL);
          g_free (self->tamper_reason);
          self->tamper_reason = both;
        }
      else if (cut != NULL)
        self->tamper_reason = g_steal_pointer (&cut);
      else if (self->tamper_reason == NULL)
        {
          g_autofree char *head_digest = NULL;
          gint64 head = 0;

          if (pathways_sqlite_audit_head (self->writer->db, &head, &head_digest) && head > 0)
            pathways_sqlite_anchor_save (self->anchor_file, path, head, head_digest);
        }
    }

  if (self->tamper_reason != NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("%s An administrator must run “pathways-cli audit repair”."),
                                                 self->tamper_reason);
      g_warning ("The audit log of the database has been tampered with");
      pathways_store_set_read_only (PATHWAYS_STORE (self), reason);
      if (!pathways_sqlite_audit_table_exists (self->writer->db))
        self->has_audit = FALSE;
    }
  else if (self->file_read_only)
    {
      g_autofree char *reason = dir_read_only
        ? g_strdup_printf (_("the folder of the database (%s) is read-only, so the database is open for reading only"), dir)
        : g_strdup_printf (_("the database file %s is read-only, so it is open for reading only"), path);
      pathways_store_set_read_only (PATHWAYS_STORE (self), reason);
    }

  /* What the watcher starts from is read now: a commit by someone else
   * from the moment the store is open is noticed */
  {
    g_autoptr(GError) local_error = NULL;

    self->watch_conn = conn_open (self, path, CONN_SHARED_READER, &local_error);
    if (self->watch_conn == NULL)
      g_warning ("Changes made by other programs will not be noticed: %s", local_error->message);
    else
      {
        self->watch_data_version = conn_query_int (self->watch_conn, "PRAGMA data_version", NULL);
        if (self->has_audit)
          self->watch_last_seen = conn_query_int (self->watch_conn, "SELECT coalesce(max(id), 0) FROM audit_log",
                                                  NULL);
        self->watcher = g_thread_new ("pathways-watcher", watch_thread, self);
      }
  }
  return TRUE;
}

/* The audit trail, integrity ------------------------------------------ */

static gboolean
sqlite_verify_audit (PathwaysStore       *store,
                     PathwaysAuditCheck  *check,
                     GError             **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  PathwaysSqliteConn *conn;
  gboolean ok;

  if (pathways_store_get_schema_version (store) < PATHWAYS_SQLITE_AUDIT_CHAINED)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_UNSUPPORTED,
                           _("This database's audit log is not chained yet: open it once with this version of "
                             "Pathways"));
      return FALSE;
    }
  if ((conn = pathways_sqlite_acquire (self, error)) == NULL)
    return FALSE;
  ok = pathways_sqlite_audit_verify (conn->db, check, error);
  /* A chain that holds may still have lost its end */
  if (ok && check->broken_row == 0)
    {
      check->problem = pathways_sqlite_anchor_check (conn->db, self->anchor_file, &check->broken_row);
      if (check->problem != NULL && g_str_has_suffix (check->problem, "."))
        check->problem[strlen (check->problem) - 1] = '\0';  /* a clause, like the chain's */
    }
  pathways_sqlite_release (self, conn);
  return ok;
}

static gboolean
sqlite_repair_audit (PathwaysStore  *store,
                     char          **out_repaired,
                     GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  int version = pathways_store_get_schema_version (store);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *what = NULL;
  g_autofree char *note = NULL;
  gboolean missing;

  if (self->file_read_only)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_READ_ONLY,
                   _("The database %s is read-only: it cannot be repaired"), pathways_store_get_location (store));
      return FALSE;
    }
  if (version < PATHWAYS_SQLITE_AUDIT_CHAINED)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_UNSUPPORTED,
                           _("This database's audit log is not chained yet"));
      return FALSE;
    }

  if (!conn_exec (self, self->writer, "BEGIN IMMEDIATE", error))
    return FALSE;
  what = pathways_sqlite_audit_inspect (self->writer->db, version);
  missing = !pathways_sqlite_audit_table_exists (self->writer->db);
  if (!missing)
    {
      g_autofree char *cut = pathways_sqlite_anchor_check (self->writer->db, self->anchor_file, NULL);

      if (cut != NULL && what != NULL)
        {
          char *both = g_strconcat (what, " ", cut, NULL);
          g_free (what);
          what = both;
        }
      else if (cut != NULL)
        what = g_steal_pointer (&cut);
    }
  if ((missing && !pathways_sqlite_audit_create_table (self->writer->db, &local_error)) ||
      (what != NULL && !missing && !pathways_sqlite_audit_columns_ok (self->writer->db) &&
       (g_set_error (&local_error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FAILED,
                     _("%s Pathways cannot repair that: restore the newest backup."), what), TRUE)) ||
      !pathways_sqlite_audit_make_triggers (self->writer->db, version, TRUE, &local_error))
    goto failed;
  if (what != NULL)
    {
      g_autoptr(GString) json = g_string_new ("{\"repaired\":\"");

      for (const char *p = what; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (json, '\\');
          if ((guchar) *p >= 0x20)
            g_string_append_c (json, *p);
        }
      g_string_append (json, "\"}");
      note = g_string_free (g_steal_pointer (&json), FALSE);
      if (!pathways_sqlite_audit_append (self->writer->db, "audit_log", 0, "repair", note, &local_error))
        goto failed;
    }
  if (!conn_exec (self, self->writer, "COMMIT", &local_error))
    goto failed;

  /* The repaired log's head is the one to hold to from now on */
  {
    g_autofree char *head_digest = NULL;
    gint64 head = 0;

    if (self->anchor_file != NULL && pathways_sqlite_audit_head (self->writer->db, &head, &head_digest) && head > 0)
      pathways_sqlite_anchor_save (self->anchor_file, pathways_store_get_location (store), head, head_digest);
  }
  g_clear_pointer (&self->tamper_reason, g_free);
  self->has_audit = TRUE;
  pathways_store_set_read_only (store, NULL);
  if (out_repaired)
    *out_repaired = g_steal_pointer (&what);
  return TRUE;

failed:
  sqlite3_exec (self->writer->db, "ROLLBACK", NULL, NULL, NULL);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
sqlite_erase_person (PathwaysStore  *store,
                     gint64          young_person_id,
                     gint64         *out_n_redacted,
                     GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);

  return pathways_sqlite_audit_erase (self->writer, young_person_id, out_n_redacted, error);
}

static char *
sqlite_check_integrity (PathwaysStore  *store,
                        GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  const char *path = pathways_store_get_location (store);
  PathwaysSqliteConn *conn;
  g_autofree char *problems = NULL;

  if ((conn = pathways_sqlite_acquire (self, error)) == NULL)
    return NULL;
  problems = run_check (conn->db, "PRAGMA integrity_check", NULL);
  pathways_sqlite_release (self, conn);
  if (problems != NULL)
    {
      set_corrupt_error (path, problems, error);
      return NULL;
    }
  return g_strdup_printf (_("%s is sound: every page, row and index checked"), path);
}

static void
pathways_sqlite_store_initable_init (GInitableIface *iface)
{
  iface->init = pathways_sqlite_store_initable_init_impl;
}

/* GObject ------------------------------------------------------------- */

static void
pathways_sqlite_store_dispose (GObject *object)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (object);

  /* First: the watcher may be posting changes of this store */
  stop_watcher (self);

  G_OBJECT_CLASS (pathways_sqlite_store_parent_class)->dispose (object);
}

static void
pathways_sqlite_store_finalize (GObject *object)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (object);

  stop_watcher (self);
  /* (a new file closed before any commit is in WAL too) */
  if (self->writer != NULL)
    switch_to_wal (self);
  g_warn_if_fail (g_hash_table_size (self->pinned) == 0);
  g_clear_pointer (&self->pinned, g_hash_table_unref);
  g_clear_pointer (&self->idle, g_ptr_array_unref);
  g_clear_pointer (&self->writer, conn_free);
  g_clear_pointer (&self->watch_conn, conn_free);
  g_clear_pointer (&self->own_ranges, g_array_unref);
  g_clear_pointer (&self->tamper_reason, g_free);
  g_clear_pointer (&self->anchor_file, g_free);
  g_mutex_clear (&self->pool_lock);
  g_cond_clear (&self->pool_cond);
  g_mutex_clear (&self->ranges_lock);
  g_mutex_clear (&self->watch_lock);
  g_cond_clear (&self->watch_cond);

  G_OBJECT_CLASS (pathways_sqlite_store_parent_class)->finalize (object);
}

static void
pathways_sqlite_store_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (object);

  switch (prop_id)
    {
    case PROP_TARGET_VERSION:
      self->target_version = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_sqlite_store_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (object);

  switch (prop_id)
    {
    case PROP_TARGET_VERSION:
      g_value_set_int (value, self->target_version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_sqlite_store_class_init (PathwaysSqliteStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PathwaysStoreClass *store_class = PATHWAYS_STORE_CLASS (klass);

  /* Before the first connection: SQLite keeps no count of the memory it
   * uses (nothing here reads it), so its allocations need not all take
   * one lock shared by every connection and thread */
  (void) sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);  /* refused harmlessly if SQLite is in use already */

  object_class->dispose = pathways_sqlite_store_dispose;
  object_class->finalize = pathways_sqlite_store_finalize;
  object_class->get_property = pathways_sqlite_store_get_property;
  object_class->set_property = pathways_sqlite_store_set_property;

  store_class->begin = sqlite_begin;
  store_class->commit = sqlite_commit;
  store_class->rollback = sqlite_rollback;
  store_class->begin_read = sqlite_begin_read;
  store_class->end_read = sqlite_end_read;
  store_class->insert_record = sqlite_insert_record;
  store_class->insert_records = sqlite_insert_records;
  store_class->update_record = sqlite_update_record;
  store_class->delete_record = sqlite_delete_record;
  store_class->delete_id_range = sqlite_delete_id_range;
  store_class->set_setting = sqlite_set_setting;
  store_class->get_record = sqlite_get_record;
  store_class->list_records = sqlite_list_records;
  store_class->count_records = sqlite_count_records;
  store_class->record_exists = sqlite_record_exists;
  store_class->is_empty = sqlite_is_empty;
  store_class->verify_audit = sqlite_verify_audit;
  store_class->repair_audit = sqlite_repair_audit;
  store_class->erase_person = sqlite_erase_person;
  store_class->check_integrity = sqlite_check_integrity;
  pathways_sqlite_store_class_init_reads (store_class);

  properties[PROP_TARGET_VERSION] =
    g_param_spec_int ("target-version", NULL, NULL, 1, PATHWAYS_STORE_SCHEMA_VERSION,
                      PATHWAYS_STORE_SCHEMA_VERSION,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathways_sqlite_store_init (PathwaysSqliteStore *self)
{
  g_mutex_init (&self->pool_lock);
  g_cond_init (&self->pool_cond);
  g_mutex_init (&self->ranges_lock);
  g_mutex_init (&self->watch_lock);
  g_cond_init (&self->watch_cond);
  self->idle = g_ptr_array_new_with_free_func ((GDestroyNotify) conn_free);
  self->pinned = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->own_ranges = g_array_new (FALSE, FALSE, sizeof (AuditRange));
  self->poll_ms = PATHWAYS_SQLITE_POLL_MS;
  self->target_version = PATHWAYS_STORE_SCHEMA_VERSION;
}

/* Public API ---------------------------------------------------------- */

PathwaysStore *
pathways_store_open_at_version (const char     *path,
                                PathwaysClock  *clock,
                                int             target_version,
                                GError        **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (clock == NULL || PATHWAYS_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (target_version >= 1 && target_version <= PATHWAYS_STORE_SCHEMA_VERSION, NULL);

  return g_initable_new (PATHWAYS_TYPE_SQLITE_STORE, NULL, error,
                         "location", path,
                         "clock", clock,
                         "target-version", target_version,
                         NULL);
}

/**
 * pathways_sqlite_store_open:
 * @path: the database file; created if missing
 *
 * See pathways_store_open().
 */
PathwaysStore *
pathways_sqlite_store_open (const char     *path,
                            PathwaysClock  *clock,
                            GError        **error)
{
  return pathways_store_open_at_version (path, clock, PATHWAYS_STORE_SCHEMA_VERSION, error);
}

/**
 * pathways_sqlite_store_exec:
 *
 * Runs @sql on the writer connection, outside any transaction of the
 * store: for the backend's tests (making old databases).
 */
gboolean
pathways_sqlite_store_exec (PathwaysSqliteStore  *self,
                            const char           *sql,
                            GError              **error)
{
  g_return_val_if_fail (PATHWAYS_IS_SQLITE_STORE (self), FALSE);

  return conn_exec (self, self->writer, sql, error);
}

/**
 * pathways_sqlite_store_query_int:
 *
 * Returns: the first column of the first row of @sql, read like any
 *   read (from any thread): for the tests
 */
gint64
pathways_sqlite_store_query_int (PathwaysSqliteStore  *self,
                                 const char           *sql,
                                 GError              **error)
{
  PathwaysSqliteConn *conn;
  gint64 n;
  int rc;

  g_return_val_if_fail (PATHWAYS_IS_SQLITE_STORE (self), 0);

  if ((conn = pathways_sqlite_acquire (self, error)) == NULL)
    return 0;
  n = conn_query_int (conn, sql, &rc);
  if (rc != SQLITE_OK)
    pathways_sqlite_set_error (self, conn->db, rc, error);
  pathways_sqlite_release (self, conn);
  return n;
}

void
pathways_sqlite_store_set_poll_interval (PathwaysSqliteStore *self,
                                         guint                milliseconds)
{
  g_return_if_fail (PATHWAYS_IS_SQLITE_STORE (self));

  g_mutex_lock (&self->watch_lock);
  self->poll_ms = MAX (10, milliseconds);
  g_cond_broadcast (&self->watch_cond);
  g_mutex_unlock (&self->watch_lock);
}

/**
 * pathways_sqlite_store_get_n_readers_open:
 *
 * Returns: how many read connections are open (idle or lent)
 */
guint
pathways_sqlite_store_get_n_readers_open (PathwaysSqliteStore *self)
{
  guint n;

  g_return_val_if_fail (PATHWAYS_IS_SQLITE_STORE (self), 0);

  g_mutex_lock (&self->pool_lock);
  n = self->n_readers;
  g_mutex_unlock (&self->pool_lock);
  return n;
}

/**
 * pathways_sqlite_store_dump_table:
 *
 * Returns: (transfer full): every row of @table as text (REAL columns in
 *   SQLite's own rendering, which loses nothing), in id order
 */
PathwaysTableDump *
pathways_sqlite_store_dump_table (PathwaysSqliteStore  *self,
                                  const char           *table,
                                  GError              **error)
{
  g_autoptr(PathwaysTableDump) dump = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autofree char *sql = NULL;
  PathwaysSqliteConn *conn;
  sqlite3_stmt *stmt = NULL;
  int rc, n_cols;

  g_return_val_if_fail (PATHWAYS_IS_SQLITE_STORE (self), NULL);
  g_return_val_if_fail (pathways_sqlite_is_table (table), NULL);

  if ((conn = pathways_sqlite_acquire (self, error)) == NULL)
    return NULL;
  sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", table);
  rc = sqlite3_prepare_v2 (conn->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      pathways_sqlite_set_error (self, conn->db, rc, error);
      pathways_sqlite_release (self, conn);
      return NULL;
    }
  n_cols = sqlite3_column_count (stmt);
  for (int c = 0; c < n_cols; c++)
    g_strv_builder_add (names, sqlite3_column_name (stmt, c));
  dump = pathways_table_dump_new (table, g_strv_builder_end (names));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **values = g_new0 (char *, n_cols);

      for (int c = 0; c < n_cols; c++)
        {
          if (sqlite3_column_type (stmt, c) == SQLITE_FLOAT)
            {
              char buf[G_ASCII_DTOSTR_BUF_SIZE];
              values[c] = g_strdup (g_ascii_dtostr (buf, sizeof buf, sqlite3_column_double (stmt, c)));
            }
          else
            values[c] = g_strdup ((const char *) sqlite3_column_text (stmt, c));
        }
      pathways_table_dump_add (dump, values);
    }
  if (rc != SQLITE_DONE)
    pathways_sqlite_set_error (self, conn->db, rc, error);
  sqlite3_finalize (stmt);
  pathways_sqlite_release (self, conn);
  return rc == SQLITE_DONE ? g_steal_pointer (&dump) : NULL;
}

const char *
pathways_sqlite_library_version (void)
{
  return sqlite3_libversion ();
}
