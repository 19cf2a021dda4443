/* pathways-postgres-store.c — the team server backend: connections,
 * transactions, rows, the listener
 *
 * Connections: the writer (used only inside a transaction, by the
 * thread holding the base class's writer lock) and up to
 * PATHWAYS_POSTGRES_N_READERS readers, opened as needed, that any thread
 * borrows.  A thread in a transaction reads on the writer, to see its
 * own writes; a thread inside begin_read keeps one reader, in one
 * REPEATABLE READ transaction, until end_read.  A connection found
 * broken is reset when it is next taken.
 *
 * The listener: one more connection, LISTEN pathways, whose socket is a
 * GSource on the store's main context.  The server's triggers notify
 * "table id kind young-person unit" for every row written; what another
 * connection wrote (the notifying backend's pid is not our writer's) is
 * posted as "changed" with external set.  When the listener loses the
 * server the store is no longer "connected"; it reconnects in a worker
 * thread with back-off, and then announces that everything changed
 * (what was notified meanwhile is lost).
 *
 * This folder is the only place with libpq calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-postgres"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-postgres-internal.h"
#include "pathways-store-private.h"

/* Beyond this many rows written elsewhere at once, "everything changed" */
#define MAX_NOTIFIED_ROWS 5000

struct _PathwaysPostgresStore
{
  PathwaysStore   parent_instance;

  char           *where;           /* the location without a password, for messages */
  char           *password;        /* from the keyring, or NULL: libpq's own sources */

  PathwaysPgConn *writer;
  gint            writer_pid;      /* atomic: the writer's server process */

  /* The readers */
  GMutex          pool_lock;
  GCond           pool_cond;
  GPtrArray      *idle;            /* PathwaysPgConn* */
  guint           n_readers;       /* opened, idle or out */
  GHashTable     *pinned;          /* GThread* → PathwaysPgConn* */

  /* What the login may not read */
  GHashTable     *hidden;          /* "table.column" and "table" (whole table) */
  GPtrArray      *hidden_person_columns;

  /* The listener, on the main context */
  PGconn         *listener;
  GSource        *listener_source;
  GSource        *retry_source;
  GCancellable   *cancellable;
  guint           retry_ms;

  guint           n_bulk_statements;  /* multi-row INSERTs sent, for the tests */
};

static void pathways_postgres_store_initable_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PathwaysPostgresStore, pathways_postgres_store, PATHWAYS_TYPE_STORE,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, pathways_postgres_store_initable_init))

enum {
  PROP_0,
  PROP_PASSWORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_listening    (PathwaysPostgresStore *self);
static void listener_lost      (PathwaysPostgresStore *self);

/* Locations ----------------------------------------------------------- */

/**
 * pathways_postgres_is_location:
 *
 * Returns: %TRUE for "postgresql://…", "postgres://…" and a libpq
 *   "key=value" connection string
 */
gboolean
pathways_postgres_is_location (const char *location)
{
  static const char * const keywords[] = {
    "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "service",
    "sslmode", "connect_timeout", "application_name", "options", "target_session_attrs", NULL,
  };
  g_autofree char *first = NULL;
  const char *eq;

  if (location == NULL)
    return FALSE;
  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    return TRUE;

  /* A libpq "key=value" connection string: its first word is a keyword */
  eq = strchr (location, '=');
  if (eq == NULL)
    return FALSE;
  first = g_strstrip (g_strndup (location, (gsize) (eq - location)));
  return g_strv_contains (keywords, first);
}

/**
 * pathways_postgres_describe_location:
 *
 * Returns: the location for messages: the database and server, never the
 *   password (“pathways” on db.example.org)
 */
char *
pathways_postgres_describe_location (const char *conninfo)
{
  g_autofree char *dbname = NULL;
  g_autofree char *host = NULL;
  PQconninfoOption *opts = PQconninfoParse (conninfo, NULL);

  if (opts == NULL)
    return g_strdup (_("the team server"));
  for (PQconninfoOption *o = opts; o->keyword != NULL; o++)
    {
      if (o->val == NULL || *o->val == '\0')
        continue;
      if (g_str_equal (o->keyword, "dbname"))
        dbname = g_strdup (o->val);
      else if (g_str_equal (o->keyword, "host"))
        host = g_strdup (o->val);
    }
  PQconninfoFree (opts);

  if (dbname == NULL)
    dbname = g_strdup (g_get_user_name ());
  if (host == NULL || host[0] == '/')
    /* Translators: a database on a team server on this computer */
    return g_strdup_printf (_("“%s” on this computer"), dbname);
  /* Translators: a database (“pathways”) on a team server (db.example.org) */
  return g_strdup_printf (_("“%s” on %s"), dbname, host);
}

/* Connections and errors ---------------------------------------------- */

/* The first line of libpq's message, for when nothing better is known */
static char *
first_line (const char *message)
{
  g_autofree char *copy = g_strdup (message ? message : "");
  char *nl = strchr (copy, '\n');

  if (nl)
    *nl = '\0';
  if (g_str_has_prefix (copy, "FATAL:  "))
    memmove (copy, copy + 8, strlen (copy + 8) + 1);
  if (g_str_has_prefix (copy, "ERROR:  "))
    memmove (copy, copy + 8, strlen (copy + 8) + 1);
  return g_strdup (g_strstrip (copy));
}

/* libpq's reasons for a failed connection, as sentences */
static void
set_connect_error (PGconn      *pg,
                   const char  *conninfo,
                   GError     **error)
{
  const char *msg = pg ? PQerrorMessage (pg) : "";
  g_autofree char *where = pathways_postgres_describe_location (conninfo);
  g_autofree char *line = first_line (msg);

  if (strstr (msg, "password authentication failed") || strstr (msg, "authentication failed"))
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_AUTH,
                 _("The team server %s refused the user name or password. Check them, or ask IT "
                   "whether your account is set up."), where);
  else if (strstr (msg, "no password supplied") || strstr (msg, "password is required"))
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_AUTH,
                 _("The team server %s needs a password."), where);
  else if (strstr (msg, "role \"") && strstr (msg, "does not exist"))
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_AUTH,
                 _("The team server %s has no user of that name: ask IT to add you "
                   "(pathways-cli server add-user)."), where);
  else if (strstr (msg, "database \"") && strstr (msg, "does not exist"))
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                 _("There is no database %s: check the name in the address."), where);
  else if (strstr (msg, "permission denied for database"))
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FORBIDDEN,
                 _("Your user may not connect to %s: ask IT to add you with pathways-cli server add-user."),
                 where);
  else if (strstr (msg, "timeout expired"))
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_OFFLINE,
                 _("The team server %s did not answer in time. It may be down, or the network may be "
                   "out; try again later."), where);
  else if (strstr (msg, "Connection refused") || strstr (msg, "No such file or directory") ||
           strstr (msg, "could not connect") || strstr (msg, "could not translate host name") ||
           strstr (msg, "the database system is shutting down") ||
           strstr (msg, "the database system is starting up") || strstr (msg, "No route to host"))
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_OFFLINE,
                 _("The team server %s is not answering: it may be down, or the address may be wrong."),
                 where);
  else if (strstr (msg, "invalid connection option") || strstr (msg, "invalid URI") ||
           strstr (msg, "missing \"=\"") || strstr (msg, "invalid integer value"))
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                 _("This is not a team server address Pathways can use (%s)."), line);
  else
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_OFFLINE,
                 _("Could not connect to the team server %s: %s"), where, line);
}

static void
notice_cb (void       *data,
           const char *message)
{
  g_debug ("Team server: %s", message);
}

/**
 * pathways_pg_connect:
 *
 * Connects to @conninfo (a URI or key=value string), as Pathways: a
 * connection timeout unless the string has one, UTF-8.  @password
 * (nullable) is used instead of libpq's own sources (.pgpass,
 * PGPASSWORD) when given.
 */
PGconn *
pathways_pg_connect (const char  *conninfo,
                     const char  *password,
                     GError     **error)
{
  /* Earlier keywords are overridden by what the connection string says;
   * a password given apart (from the keyring) comes last, when there is one */
  const char *keys[] = { "application_name", "connect_timeout", "client_encoding", "dbname", "password", NULL };
  const char *values[] = { "Pathways", "10", "UTF8", conninfo, password, NULL };

  if (password == NULL)
    keys[4] = NULL;
  PGconn *pg = PQconnectdbParams (keys, values, 1);

  if (pg == NULL || PQstatus (pg) != CONNECTION_OK)
    {
      set_connect_error (pg, conninfo, error);
      PQfinish (pg);
      return NULL;
    }
  PQsetNoticeProcessor (pg, notice_cb, NULL);
  PQclear (PQexec (pg, "SET search_path = public, pg_temp"));
  return pg;
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

  for (guint i = 0; table != NULL && column != NULL && i < G_N_ELEMENTS (types); i++)
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
  return column ? column : "?";
}

/* "list_code_valid_from" → "list", when "list" is a column of @table */
static void
first_column_of (const char *table,
                 char       *columns)
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
      gsize best = 0;

      if (g_strcmp0 (rc->table, table) != 0)
        continue;
      for (guint f = 0; f < rc->n_fields; f++)
        {
          gsize len = strlen (rc->columns[f]);

          if (len > best && g_str_has_prefix (columns, rc->columns[f]) &&
              (columns[len] == '\0' || columns[len] == '_'))
            best = len;
        }
      if (best > 0)
        columns[best] = '\0';
      return;
    }
}

static gboolean
connection_lost (PGconn *pg)
{
  return pg == NULL || PQstatus (pg) == CONNECTION_BAD;
}

/* Tells the main context the server went away (from any thread) */
static gboolean
lost_cb (gpointer data)
{
  g_autoptr(PathwaysPostgresStore) self = g_weak_ref_get (data);

  if (self != NULL && self->listener != NULL)
    {
      /* The listener will notice itself; make sure it is asked */
      if (PQconsumeInput (self->listener) == 0 || connection_lost (self->listener))
        listener_lost (self);
    }
  else if (self != NULL)
    pathways_store_set_connected (PATHWAYS_STORE (self), FALSE);
  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
note_lost (PathwaysPostgresStore *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  g_main_context_invoke_full (pathways_store_get_main_context (PATHWAYS_STORE (self)), G_PRIORITY_DEFAULT,
                              lost_cb, ref, weak_ref_free);
}

/**
 * pathways_pg_set_error:
 *
 * Turns a failed result (or connection) into a PATHWAYS_STORE_ERROR with
 * a sentence: SQLSTATE classes mapped as the SQLite backend maps its
 * result codes.
 */
gboolean
pathways_pg_set_error (PathwaysPostgresStore  *self,
                       PGconn                 *pg,
                       PGresult               *res,
                       GError                **error)
{
  const char *state = res ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
  const char *table = res ? PQresultErrorField (res, PG_DIAG_TABLE_NAME) : NULL;
  const char *column = res ? PQresultErrorField (res, PG_DIAG_COLUMN_NAME) : NULL;
  const char *detail = res ? PQresultErrorField (res, PG_DIAG_MESSAGE_DETAIL) : NULL;
  g_autofree char *line = first_line (res ? PQresultErrorMessage (res) : PQerrorMessage (pg));

  if (state == NULL && connection_lost (pg))
    {
      note_lost (self);
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_OFFLINE,
                   _("The team server %s cannot be reached, so nothing was saved or read. "
                     "Pathways keeps trying to reconnect."), self->where);
      return FALSE;
    }
  if (state == NULL)
    state = "";

  if (g_str_equal (state, "23505"))
    {
      /* Under row-level security the server leaves the key out of the
       * detail: the constraint's name says it ("young_person_local_id_key";
       * of several columns, the first is named, as SQLite's message does) */
      const char *constraint = PQresultErrorField (res, PG_DIAG_CONSTRAINT_NAME);
      g_autofree char *col = NULL;

      if (detail && g_str_has_prefix (detail, "Key ("))
        {
          const char *end = strchr (detail + 5, ')');
          const char *comma = strchr (detail + 5, ',');

          if (comma && end && comma < end)
            end = comma;
          if (end)
            col = g_strndup (detail + 5, (gsize) (end - (detail + 5)));
        }
      else if (constraint && table && g_str_has_prefix (constraint, table) && g_str_has_suffix (constraint, "_key"))
        {
          const char *start = constraint + strlen (table) + 1;

          col = g_strndup (start, strlen (start) - 4);
          first_column_of (table, col);
        }
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONSTRAINT,
                   _("%s must be unique: another record already has this value"),
                   label_for_column (table, col));
    }
  else if (g_str_equal (state, "23502"))
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                 _("%s is required"), label_for_column (table, column));
  else if (g_str_equal (state, "23503"))
    g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONSTRAINT,
                         _("Other records still refer to this one, or it refers to a record "
                           "that does not exist"));
  else if (g_str_equal (state, "23514"))
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                 _("A value is outside what is allowed (%s)"), line);
  else if (g_str_equal (state, "42501"))
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FORBIDDEN,
                 _("Your role on the team server does not allow this, so nothing was changed. "
                   "Ask a manager if you need it."));
  else if (g_str_equal (state, "40001") || g_str_equal (state, "40P01") || g_str_equal (state, "55P03"))
    g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FAILED,
                         _("The team server is busy with someone else’s change to the same records. "
                           "Try again in a moment."));
  else if (g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57P") || connection_lost (pg))
    {
      note_lost (self);
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_OFFLINE,
                   _("The team server %s cannot be reached, so nothing was saved or read. "
                     "Pathways keeps trying to reconnect."), self->where);
    }
  else if (g_str_equal (state, "53100"))
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_IO,
                 _("Could not write to the database: %s"), line);
  else
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FAILED,
                 _("Database error: %s"), line);
  return FALSE;
}

/**
 * pathways_pg_query:
 *
 * Runs @sql with text parameters (NULL for SQL NULL) on @conn.
 *
 * Returns: (transfer full): the result, or NULL with @error set
 */
PGresult *
pathways_pg_query (PathwaysPostgresStore  *self,
                   PathwaysPgConn         *conn,
                   const char             *sql,
                   int                     n_params,
                   const char * const     *params,
                   GError                **error)
{
  PGTransactionStatusType before = PQtransactionStatus (conn->pg);
  PGresult *res = PQexecParams (conn->pg, sql, n_params, NULL, params, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (res);

  /* A connection the server dropped while it sat idle (a restart) is
   * found out by its next statement: outside a transaction nothing was
   * done, so it is reset and the statement sent once more */
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && before == PQTRANS_IDLE &&
      connection_lost (conn->pg))
    {
      PQreset (conn->pg);
      if (!connection_lost (conn->pg))
        {
          PQsetNoticeProcessor (conn->pg, notice_cb, NULL);
          PQclear (PQexec (conn->pg, "SET search_path = public, pg_temp"));
          if (conn == self->writer)
            g_atomic_int_set (&self->writer_pid, PQbackendPID (conn->pg));
          PQclear (res);
          res = PQexecParams (conn->pg, sql, n_params, NULL, params, NULL, NULL, 0);
          status = PQresultStatus (res);
        }
    }

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      pathways_pg_set_error (self, conn->pg, res, error);
      PQclear (res);
      return NULL;
    }
  return res;
}

static gboolean
conn_exec (PathwaysPostgresStore  *self,
           PathwaysPgConn         *conn,
           const char             *sql,
           GError                **error)
{
  PGresult *res = pathways_pg_query (self, conn, sql, 0, NULL, error);

  if (res == NULL)
    return FALSE;
  PQclear (res);
  return TRUE;
}

static void
conn_free (PathwaysPgConn *conn)
{
  if (conn == NULL)
    return;
  PQfinish (conn->pg);
  g_free (conn);
}

/* A broken connection is reset before use: the server may be back */
static gboolean
conn_ready (PathwaysPostgresStore  *self,
            PathwaysPgConn         *conn,
            GError                **error)
{
  if (!connection_lost (conn->pg))
    return TRUE;
  PQreset (conn->pg);
  if (connection_lost (conn->pg))
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_OFFLINE,
                   _("The team server %s cannot be reached, so nothing was saved or read. "
                     "Pathways keeps trying to reconnect."), self->where);
      note_lost (self);
      return FALSE;
    }
  PQsetNoticeProcessor (conn->pg, notice_cb, NULL);
  PQclear (PQexec (conn->pg, "SET search_path = public, pg_temp"));
  if (conn == self->writer)
    g_atomic_int_set (&self->writer_pid, PQbackendPID (conn->pg));
  return TRUE;
}

static PathwaysPgConn *
borrow_reader (PathwaysPostgresStore  *self,
               GError                **error)
{
  PathwaysPgConn *conn = NULL;

  g_mutex_lock (&self->pool_lock);
  while (self->idle->len == 0 && self->n_readers >= PATHWAYS_POSTGRES_N_READERS)
    g_cond_wait (&self->pool_cond, &self->pool_lock);
  if (self->idle->len > 0)
    conn = g_ptr_array_steal_index (self->idle, self->idle->len - 1);
  else
    self->n_readers++;
  g_mutex_unlock (&self->pool_lock);

  if (conn == NULL)
    {
      PGconn *pg = pathways_pg_connect (pathways_store_get_location (PATHWAYS_STORE (self)), self->password, error);

      if (pg == NULL)
        {
          g_mutex_lock (&self->pool_lock);
          self->n_readers--;
          g_cond_signal (&self->pool_cond);
          g_mutex_unlock (&self->pool_lock);
          if (error && *error && g_error_matches (*error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_OFFLINE))
            note_lost (self);
          return NULL;
        }
      conn = g_new0 (PathwaysPgConn, 1);
      conn->pg = pg;
    }
  else if (!conn_ready (self, conn, error))
    {
      g_mutex_lock (&self->pool_lock);
      g_ptr_array_add (self->idle, conn);
      g_cond_signal (&self->pool_cond);
      g_mutex_unlock (&self->pool_lock);
      return NULL;
    }
  return conn;
}

static void
return_reader (PathwaysPostgresStore *self,
               PathwaysPgConn        *conn)
{
  g_mutex_lock (&self->pool_lock);
  g_ptr_array_add (self->idle, conn);
  g_cond_signal (&self->pool_cond);
  g_mutex_unlock (&self->pool_lock);
}

PathwaysPgConn *
pathways_pg_acquire (PathwaysPostgresStore  *self,
                     GError                **error)
{
  PathwaysPgConn *pinned;

  if (pathways_store_in_transaction (PATHWAYS_STORE (self)))
    return self->writer;

  g_mutex_lock (&self->pool_lock);
  pinned = g_hash_table_lookup (self->pinned, g_thread_self ());
  g_mutex_unlock (&self->pool_lock);
  if (pinned != NULL && pinned != self->writer)
    return pinned;

  return borrow_reader (self, error);
}

void
pathways_pg_release (PathwaysPostgresStore *self,
                     PathwaysPgConn        *conn)
{
  if (conn == NULL || conn == self->writer || conn->pin_depth > 0)
    return;
  return_reader (self, conn);
}

/* Records and rows ---------------------------------------------------- */

PathwaysRecord *
pathways_pg_record_from_row (GType     type,
                             PGresult *res,
                             int       row)
{
  PathwaysRecord *record = g_object_new (type, NULL);
  PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (record);
  int n_cols = PQnfields (res);

  g_object_freeze_notify (G_OBJECT (record));

  for (int c = 0; c < n_cols; c++)
    {
      const char *name = PQfname (res, c);
      g_auto(GValue) value = G_VALUE_INIT;
      int idx;

      if (g_str_equal (name, "id"))
        {
          pathways_record_set_id (record, pathways_pg_int (res, row, c));
          continue;
        }
      if (g_str_equal (name, "version"))
        {
          pathways_record_set_version (record, pathways_pg_int (res, row, c));
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
          g_value_set_string (&value, PG_TEXT (res, row, c));
          break;
        case PATHWAYS_FIELD_INT:
        case PATHWAYS_FIELD_MONEY:
          g_value_init (&value, G_TYPE_INT64);
          g_value_set_int64 (&value, pathways_pg_int (res, row, c));
          break;
        case PATHWAYS_FIELD_BOOL:
          g_value_init (&value, G_TYPE_BOOLEAN);
          g_value_set_boolean (&value, pathways_pg_bool (res, row, c));
          break;
        case PATHWAYS_FIELD_REAL:
          g_value_init (&value, G_TYPE_DOUBLE);
          g_value_set_double (&value, pathways_pg_double (res, row, c));
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
pathways_pg_collect (GType     type,
                     PGresult *res)
{
  g_autoptr(GListStore) list = g_list_store_new (type);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int n = PQntuples (res);

  for (int r = 0; r < n; r++)
    g_ptr_array_add (items, pathways_pg_record_from_row (type, res, r));
  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

static gboolean
is_hidden (PathwaysPostgresStore *self,
           const char            *table,
           const char            *column)
{
  g_autofree char *key = g_strdup_printf ("%s.%s", table, column);

  return g_hash_table_contains (self->hidden, key);
}

/* SELECT id, version, <the fields> FROM table …, a column the login may
 * not read being NULL */
char *
pathways_pg_select_sql (PathwaysPostgresStore *self,
                        PathwaysRecordClass   *klass,
                        const char            *where_and_order)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id, version");

  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (is_hidden (self, klass->table, klass->columns[i]))
        g_string_append_printf (sql, ", NULL AS %s", klass->columns[i]);
      else
        g_string_append_printf (sql, ", %s", klass->columns[i]);
    }
  g_string_append_printf (sql, " FROM %s %s", klass->table, where_and_order);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* A bulk read's SQL with the young person's columns the login may not
 * read as NULL (their names appear nowhere else in the schema) */
char *
pathways_pg_hide_columns (PathwaysPostgresStore *self,
                          const char            *sql)
{
  g_autofree char *out = g_strdup (sql);

  for (guint i = 0; i < self->hidden_person_columns->len; i++)
    {
      const char *col = g_ptr_array_index (self->hidden_person_columns, i);
      g_autofree char *pattern = g_strdup_printf ("\\b([a-z_]+\\.)?%s\\b", col);
      g_autoptr(GRegex) re = g_regex_new (pattern, 0, 0, NULL);
      char *next;

      if (re == NULL)
        continue;
      next = g_regex_replace_literal (re, out, -1, 0, "NULL", 0, NULL);
      if (next != NULL)
        {
          g_free (out);
          out = next;
        }
    }
  return g_steal_pointer (&out);
}

/* A field's value as text for a parameter (NULL for SQL NULL) */
static char *
field_param (const PathwaysField *field,
             const GValue        *value)
{
  switch (field->type)
    {
    case PATHWAYS_FIELD_STRING:
    case PATHWAYS_FIELD_DATE:
      return g_value_dup_string (value);
    case PATHWAYS_FIELD_INT:
    case PATHWAYS_FIELD_MONEY:
      if ((field->flags & PATHWAYS_FIELD_REFERENCE) && g_value_get_int64 (value) == 0)
        return NULL;
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
    case PATHWAYS_FIELD_BOOL:
      return g_strdup (g_value_get_boolean (value) ? "t" : "f");
    case PATHWAYS_FIELD_REAL:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_dtostr (buf, sizeof buf, g_value_get_double (value)));
      }
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/* Parameters: owned strings, some NULL */
typedef struct {
  GPtrArray *values;
} Params;

static void
params_init (Params *p)
{
  p->values = g_ptr_array_new_with_free_func (g_free);
}

static void
params_clear (Params *p)
{
  g_clear_pointer (&p->values, g_ptr_array_unref);
}

static int
params_add (Params *p,
            char   *value)
{
  g_ptr_array_add (p->values, value);
  return (int) p->values->len;
}

static int
params_add_int (Params *p,
                gint64  value)
{
  return params_add (p, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

#define PARAMS_N(p) ((int) (p)->values->len)
#define PARAMS_V(p) ((const char * const *) (p)->values->pdata)

static gboolean
missed_row (PathwaysPostgresStore  *self,
            PathwaysRecordClass    *klass,
            gint64                  id,
            GError                **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = $1", klass->table);
  g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[] = { sid };
  PGresult *res = pathways_pg_query (self, self->writer, sql, 1, params, error);
  gboolean exists;

  if (res == NULL)
    return FALSE;
  exists = pathways_pg_int (res, 0, 0) > 0;
  PQclear (res);

  if (exists)
    g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT,
                         _("This record was changed by someone else after you opened it."));
  else
    g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                         _("This record no longer exists: someone may have deleted it"));
  return FALSE;
}

static gboolean
pg_insert_record (PathwaysStore   *store,
                  PathwaysRecord  *record,
                  gboolean         keep_id,
                  GError         **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (record);
  gint64 version = MAX (1, pathways_record_get_version (record));
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
  g_autoptr(GString) marks = g_string_new (NULL);
  Params p;
  PGresult *res;

  params_init (&p);
  g_string_append_printf (sql, "%s (%sversion", klass->table, keep_id ? "id, " : "");
  if (keep_id)
    g_string_append_printf (marks, "$%d, ", params_add_int (&p, pathways_record_get_id (record)));
  g_string_append_printf (marks, "$%d", params_add_int (&p, version));
  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_string_append_printf (sql, ", %s", klass->columns[i]);
      g_string_append_printf (marks, ", $%d",
                              params_add (&p, field_param (&klass->fields[i], pathways_record_peek_value (record, i))));
    }
  g_string_append_printf (sql, ") VALUES (%s) RETURNING id", marks->str);

  res = pathways_pg_query (self, self->writer, sql->str, PARAMS_N (&p), PARAMS_V (&p), error);
  params_clear (&p);
  if (res == NULL)
    return FALSE;
  if (!keep_id)
    pathways_record_set_id (record, pathways_pg_int (res, 0, 0));
  PQclear (res);
  pathways_record_set_version (record, version);
  return TRUE;
}

/* Rows a multi-row INSERT carries at most: each statement is one round
 * trip, and its parameters stay within the protocol's 65,535 */
#define BULK_ROWS 250
#define MAX_PARAMETERS 65535

/* "INSERT INTO t (version, …) VALUES ($1, …), ($k, …) … RETURNING id" */
static char *
bulk_insert_sql (PathwaysRecordClass *klass,
                 guint                n_rows)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
  guint per_row = klass->n_fields + 1;
  guint n = 0;

  g_string_append_printf (sql, "%s (version", klass->table);
  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (sql, ", %s", klass->columns[i]);
  g_string_append (sql, ") VALUES ");
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r > 0 ? ", (" : "(");
      for (guint c = 0; c < per_row; c++)
        g_string_append_printf (sql, c > 0 ? ", $%u" : "$%u", ++n);
      g_string_append_c (sql, ')');
    }
  g_string_append (sql, " RETURNING id");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* One statement: @n_rows of @records, each given its id */
static gboolean
insert_batch (PathwaysPostgresStore  *self,
              PathwaysRecordClass    *klass,
              const char             *sql,
              PathwaysRecord        **records,
              guint                   n_rows,
              GError                **error)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_rows);
  Params p;
  PGresult *res;

  params_init (&p);
  for (guint r = 0; r < n_rows; r++)
    {
      params_add_int (&p, MAX (1, pathways_record_get_version (records[r])));
      for (guint i = 0; i < klass->n_fields; i++)
        params_add (&p, field_param (&klass->fields[i], pathways_record_peek_value (records[r], i)));
    }
  res = pathways_pg_query (self, self->writer, sql, PARAMS_N (&p), PARAMS_V (&p), error);
  params_clear (&p);
  if (res == NULL)
    return FALSE;
  self->n_bulk_statements++;
  if (PQntuples (res) != (int) n_rows)
    {
      PQclear (res);
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FAILED,
                           _("The team server did not give every new record its id, so nothing was saved."));
      return FALSE;
    }
  for (int r = 0; r < (int) n_rows; r++)
    {
      gint64 id = pathways_pg_int (res, r, 0);
      g_array_append_val (ids, id);
    }
  PQclear (res);

  /* The ids are the column's identity sequence's, drawn as the VALUES
   * rows are made, in their order: increasing, whatever order RETURNING
   * gives them back in */
  g_array_sort (ids, compare_ids);
  for (guint r = 0; r < n_rows; r++)
    {
      pathways_record_set_id (records[r], g_array_index (ids, gint64, r));
      pathways_record_set_version (records[r], MAX (1, pathways_record_get_version (records[r])));
    }
  return TRUE;
}

/* Many new rows of one table, BULK_ROWS a statement, in the caller's
 * transaction; the server's triggers audit each row (and chain it) and
 * notify the listeners, as for one INSERT.  On failure the caller rolls
 * back and puts the ids back to 0. */
static gboolean
pg_insert_records (PathwaysStore   *store,
                   PathwaysRecord **records,
                   guint            n_records,
                   GError         **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (records[0]);
  guint batch = MIN (BULK_ROWS, MAX_PARAMETERS / (klass->n_fields + 1));
  g_autofree char *full_sql = NULL;

  for (guint done = 0; done < n_records; done += batch)
    {
      guint n = MIN (batch, n_records - done);
      g_autofree char *last_sql = NULL;
      const char *sql;

      if (n == batch)
        sql = full_sql != NULL ? full_sql : (full_sql = bulk_insert_sql (klass, n));
      else
        sql = last_sql = bulk_insert_sql (klass, n);
      if (!insert_batch (self, klass, sql, records + done, n, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
pg_update_record (PathwaysStore   *store,
                  PathwaysRecord  *record,
                  GError         **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (record);
  gint64 expected = pathways_record_get_version (record);
  g_autoptr(GString) sql = g_string_new ("UPDATE ");
  gint64 version = 0;
  Params p;
  PGresult *res;

  params_init (&p);
  g_string_append_printf (sql, "%s SET ", klass->table);
  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (sql, "%s = $%d, ", klass->columns[i],
                            params_add (&p, field_param (&klass->fields[i], pathways_record_peek_value (record, i))));
  g_string_append_printf (sql, "version = version + 1 WHERE id = $%d",
                          params_add_int (&p, pathways_record_get_id (record)));
  if (expected > 0)
    g_string_append_printf (sql, " AND version = $%d", params_add_int (&p, expected));
  g_string_append (sql, " RETURNING version");

  res = pathways_pg_query (self, self->writer, sql->str, PARAMS_N (&p), PARAMS_V (&p), error);
  params_clear (&p);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) > 0)
    version = pathways_pg_int (res, 0, 0);
  PQclear (res);

  if (version == 0)
    return missed_row (self, klass, pathways_record_get_id (record), error);
  pathways_record_set_version (record, version);
  return TRUE;
}

static gboolean
pg_delete_record (PathwaysStore   *store,
                  PathwaysRecord  *record,
                  GError         **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (record);
  gint64 expected = pathways_record_get_version (record);
  g_autofree char *sql = NULL;
  g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, pathways_record_get_id (record));
  g_autofree char *sversion = g_strdup_printf ("%" G_GINT64_FORMAT, expected);
  const char *params[] = { sid, sversion };
  PGresult *res;
  gboolean deleted;

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = $1%s", klass->table, expected > 0 ? " AND version = $2" : "");
  res = pathways_pg_query (self, self->writer, sql, expected > 0 ? 2 : 1, params, error);
  if (res == NULL)
    return FALSE;
  deleted = g_str_equal (PQcmdTuples (res), "1");
  PQclear (res);
  if (!deleted)
    return missed_row (self, klass, pathways_record_get_id (record), error);
  return TRUE;
}

/* The advisory lock imports and their undo take, to the end of their
 * transaction ("PILG": Pathways' import log) */
#define IMPORTS_LOCK_KEY "1346964551"

static gboolean
pg_lock_imports (PathwaysStore  *store,
                 GError        **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  PGresult *res = pathways_pg_query (self, self->writer, "SELECT pg_advisory_xact_lock(" IMPORTS_LOCK_KEY ")",
                                     0, NULL, error);

  if (res == NULL)
    return FALSE;
  PQclear (res);
  return TRUE;
}

static gboolean
pg_delete_id_range (PathwaysStore        *store,
                    PathwaysRecordClass  *klass,
                    gint64                first,
                    gint64                last,
                    gint64                version,
                    gint64               *out_conflict,
                    GError              **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  g_autofree char *sfirst = g_strdup_printf ("%" G_GINT64_FORMAT, first);
  g_autofree char *slast = g_strdup_printf ("%" G_GINT64_FORMAT, last);
  g_autofree char *sversion = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  const char *params[] = { sfirst, slast, sversion };
  g_autofree char *sql = NULL;
  gint64 n, changed, deleted;
  PGresult *res;

  *out_conflict = 0;

  /* Every row there and at its version, or the highest that is not */
  sql = g_strdup_printf ("SELECT count(*), coalesce(max(CASE WHEN version <> $3 THEN id END), 0)"
                         " FROM %s WHERE id BETWEEN $1 AND $2", klass->table);
  res = pathways_pg_query (self, self->writer, sql, 3, params, error);
  if (res == NULL)
    return FALSE;
  n = pathways_pg_int (res, 0, 0);
  changed = pathways_pg_int (res, 0, 1);
  PQclear (res);
  if (n != last - first + 1)
    {
      g_clear_pointer (&sql, g_free);
      sql = g_strdup_printf ("SELECT coalesce(max(g), 0) FROM generate_series($1::bigint, $2::bigint) g"
                             " WHERE NOT EXISTS (SELECT 1 FROM %s WHERE id = g)", klass->table);
      res = pathways_pg_query (self, self->writer, sql, 2, params, error);
      if (res == NULL)
        return FALSE;
      changed = MAX (changed, pathways_pg_int (res, 0, 0));
      PQclear (res);
    }
  if (changed != 0)
    {
      *out_conflict = changed;
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT,
                           _("This record was changed by someone else after you opened it."));
      return FALSE;
    }

  /* The audit trigger writes each row's audit row */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DELETE FROM %s WHERE id BETWEEN $1 AND $2 AND version = $3", klass->table);
  res = pathways_pg_query (self, self->writer, sql, 3, params, error);
  if (res == NULL)
    return FALSE;
  deleted = g_ascii_strtoll (PQcmdTuples (res), NULL, 10);
  PQclear (res);
  if (deleted != last - first + 1)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT,
                           _("This record was changed by someone else after you opened it."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
pg_set_setting (PathwaysStore  *store,
                const char     *key,
                const char     *value,
                GError        **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  const char *params[] = { value, key };
  PGresult *res;
  gboolean changed;

  res = pathways_pg_query (self, self->writer,
                           "UPDATE setting SET value = $1, version = version + 1 WHERE key = $2", 2, params, error);
  if (res == NULL)
    return FALSE;
  changed = g_str_equal (PQcmdTuples (res), "1");
  PQclear (res);
  if (!changed)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                   _("There is no setting called ‘%s’"), key);
      return FALSE;
    }
  return TRUE;
}

/* Transactions -------------------------------------------------------- */

static gboolean
pg_begin (PathwaysStore  *store,
          guint           depth,
          GError        **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  g_autofree char *sql = NULL;

  if (depth > 0)
    {
      sql = g_strdup_printf ("SAVEPOINT sp%u", depth);
      return conn_exec (self, self->writer, sql, error);
    }
  if (!conn_ready (self, self->writer, error))
    return FALSE;
  return conn_exec (self, self->writer, "BEGIN", error);
}

static gboolean
pg_commit (PathwaysStore  *store,
           guint           depth,
           GError        **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  g_autofree char *sql = NULL;

  sql = depth > 0 ? g_strdup_printf ("RELEASE sp%u", depth) : g_strdup ("COMMIT");
  return conn_exec (self, self->writer, sql, error);
}

static void
pg_rollback (PathwaysStore *store,
             guint          depth)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  g_autofree char *sql = NULL;
  PGresult *res;

  /* Without the server there is nothing to roll back: it has already */
  if (connection_lost (self->writer->pg))
    return;
  sql = depth == 0 ? g_strdup ("ROLLBACK")
                   : g_strdup_printf ("ROLLBACK TO sp%u; RELEASE sp%u", depth, depth);
  res = PQexec (self->writer->pg, sql);
  if (PQresultStatus (res) != PGRES_COMMAND_OK && !connection_lost (self->writer->pg))
    g_warning ("Rollback failed: %s", PQresultErrorMessage (res));
  PQclear (res);
}

static gboolean
pg_begin_read (PathwaysStore  *store,
               GError        **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  PathwaysPgConn *conn;

  g_mutex_lock (&self->pool_lock);
  conn = g_hash_table_lookup (self->pinned, g_thread_self ());
  if (conn != NULL)
    conn->pin_depth++;
  g_mutex_unlock (&self->pool_lock);
  if (conn != NULL)
    return TRUE;

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
  /* One snapshot: every read until end_read sees one state */
  if (!conn_exec (self, conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error))
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
pg_end_read (PathwaysStore *store)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  PathwaysPgConn *conn;

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
  if (!connection_lost (conn->pg))
    PQclear (PQexec (conn->pg, "COMMIT"));
  return_reader (self, conn);
}

/* Reads of records ---------------------------------------------------- */

static PathwaysRecord *
pg_get_record (PathwaysStore  *store,
               GType           type,
               gint64          id,
               GError        **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree char *sql = pathways_pg_select_sql (self, PATHWAYS_RECORD_CLASS (klass), "WHERE id = $1");
  g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[] = { sid };
  PathwaysRecord *record = NULL;
  PathwaysPgConn *conn;
  PGresult *res;

  if ((conn = pathways_pg_acquire (self, error)) == NULL)
    return NULL;
  res = pathways_pg_query (self, conn, sql, 1, params, error);
  pathways_pg_release (self, conn);
  if (res == NULL)
    return NULL;
  if (PQntuples (res) > 0)
    record = pathways_pg_record_from_row (type, res, 0);
  else
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                 _("No record %" G_GINT64_FORMAT " in %s"), id, PATHWAYS_RECORD_CLASS (klass)->table);
  PQclear (res);
  return record;
}

static GListModel *
pg_list_records (PathwaysStore  *store,
                 GType           type,
                 gint64          young_person_id,
                 GError        **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree char *sql = NULL;
  g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, young_person_id);
  const char *params[] = { sid };
  GListModel *list = NULL;
  PathwaysPgConn *conn;
  PGresult *res;

  sql = pathways_pg_select_sql (self, PATHWAYS_RECORD_CLASS (klass),
                                young_person_id > 0 ? "WHERE young_person_id = $1 ORDER BY id" : "ORDER BY id");
  if ((conn = pathways_pg_acquire (self, error)) == NULL)
    return NULL;
  res = pathways_pg_query (self, conn, sql, young_person_id > 0 ? 1 : 0, params, error);
  pathways_pg_release (self, conn);
  if (res == NULL)
    return NULL;
  list = pathways_pg_collect (type, res);
  PQclear (res);
  return list;
}

static gint64
query_int (PathwaysPostgresStore  *self,
           const char             *sql,
           int                     n_params,
           const char * const     *params,
           GError                **error)
{
  PathwaysPgConn *conn;
  PGresult *res;
  gint64 n = -1;

  if ((conn = pathways_pg_acquire (self, error)) == NULL)
    return -1;
  res = pathways_pg_query (self, conn, sql, n_params, params, error);
  pathways_pg_release (self, conn);
  if (res != NULL)
    {
      n = PQntuples (res) > 0 ? pathways_pg_int (res, 0, 0) : 0;
      PQclear (res);
    }
  return n;
}

static gint64
pg_count_records (PathwaysStore  *store,
                  GType           type,
                  GError        **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", PATHWAYS_RECORD_CLASS (klass)->table);

  return query_int (PATHWAYS_POSTGRES_STORE (store), sql, 0, NULL, error);
}

static gboolean
pg_record_exists (PathwaysStore  *store,
                  const char     *table,
                  gint64          id,
                  GError        **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[] = { sid };

  g_return_val_if_fail (pathways_pg_is_table (table), FALSE);

  sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = $1", table);
  return query_int (PATHWAYS_POSTGRES_STORE (store), sql, 1, params, error) > 0;
}

static gboolean
pg_is_empty (PathwaysStore *store)
{
  return query_int (PATHWAYS_POSTGRES_STORE (store),
                    "SELECT (SELECT count(*) FROM young_person) + (SELECT count(*) FROM unit)"
                    " + (SELECT count(*) FROM staff)", 0, NULL, NULL) == 0;
}

/* The listener -------------------------------------------------------- */

static PathwaysChangeKind
kind_of_action (const char *action)
{
  if (g_strcmp0 (action, "insert") == 0)
    return PATHWAYS_CHANGE_INSERT;
  if (g_strcmp0 (action, "delete") == 0)
    return PATHWAYS_CHANGE_DELETE;
  return PATHWAYS_CHANGE_UPDATE;
}

static void
post_everything (PathwaysPostgresStore *self)
{
  g_autoptr(PathwaysChanges) changes = pathways_changes_new ();

  pathways_changes_set_everything (changes);
  pathways_changes_set_external (changes, TRUE);
  pathways_store_post_changes (PATHWAYS_STORE (self), changes);
}

static gboolean
listener_ready_cb (gint          fd,
                   GIOCondition  condition,
                   gpointer      data)
{
  PathwaysPostgresStore *self = data;
  g_autoptr(PathwaysChanges) changes = pathways_changes_new ();
  int own = g_atomic_int_get (&self->writer_pid);
  guint n_rows = 0, n_foreign = 0;
  PGnotify *n;

  if (PQconsumeInput (self->listener) == 0 || connection_lost (self->listener))
    {
      /* The source goes with the connection */
      self->listener_source = NULL;
      listener_lost (self);
      return G_SOURCE_REMOVE;
    }

  pathways_changes_set_external (changes, TRUE);
  while ((n = PQnotifies (self->listener)) != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (n->extra ? n->extra : "", " ", 5);

      n_rows++;
      if (n->be_pid != own && g_strv_length (parts) == 5 && n_rows <= MAX_NOTIFIED_ROWS)
        {
          pathways_changes_add (changes, parts[0], g_ascii_strtoll (parts[1], NULL, 10),
                                kind_of_action (parts[2]), g_ascii_strtoll (parts[3], NULL, 10),
                                g_ascii_strtoll (parts[4], NULL, 10));
          n_foreign++;
        }
      PQfreemem (n);
    }

  if (n_rows > MAX_NOTIFIED_ROWS)
    post_everything (self);
  else if (n_foreign > 0)
    pathways_store_post_changes (PATHWAYS_STORE (self), changes);
  return G_SOURCE_CONTINUE;
}

static void
stop_listener (PathwaysPostgresStore *self)
{
  if (self->listener_source != NULL)
    {
      g_source_destroy (self->listener_source);
      g_clear_pointer (&self->listener_source, g_source_unref);
    }
  g_clear_pointer (&self->listener, PQfinish);
}

static void
watch_listener (PathwaysPostgresStore *self)
{
  self->listener_source = g_unix_fd_source_new (PQsocket (self->listener), G_IO_IN | G_IO_ERR | G_IO_HUP);
  g_source_set_callback (self->listener_source, G_SOURCE_FUNC (listener_ready_cb), self, NULL);
  g_source_set_name (self->listener_source, "[pathways] team server notifications");
  g_source_attach (self->listener_source, pathways_store_get_main_context (PATHWAYS_STORE (self)));
}

/* In a worker thread: a new listening connection */
static void
connect_listener_thread (GTask        *task,
                         gpointer      source,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  char **where = task_data;   /* location, password */
  GError *error = NULL;
  PGconn *pg = pathways_pg_connect (where[0], where[1], &error);
  PGresult *res;

  if (pg == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  res = PQexec (pg, "LISTEN pathways");
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    {
      g_task_return_new_error (task, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_OFFLINE, "%s",
                               PQresultErrorMessage (res));
      PQclear (res);
      PQfinish (pg);
      return;
    }
  PQclear (res);
  PQsetnonblocking (pg, 1);
  g_task_return_pointer (task, pg, (GDestroyNotify) PQfinish);
}

/* The listener task's location and password (either may be NULL) */
static void
secret_strv_free (char **strv)
{
  for (guint i = 0; i < 2; i++)
    if (strv[i] != NULL)
      {
        explicit_bzero (strv[i], strlen (strv[i]));
        g_free (strv[i]);
      }
  g_free (strv);
}

static gboolean retry_cb (gpointer data);

static void
schedule_retry (PathwaysPostgresStore *self)
{
  if (self->retry_source != NULL)
    return;
  self->retry_source = g_timeout_source_new (self->retry_ms);
  g_source_set_callback (self->retry_source, retry_cb, self, NULL);
  g_source_set_name (self->retry_source, "[pathways] team server reconnect");
  g_source_attach (self->retry_source, pathways_store_get_main_context (PATHWAYS_STORE (self)));
  self->retry_ms = MIN (self->retry_ms * 2, PATHWAYS_POSTGRES_RETRY_MAX_MS);
}

static void
listener_connected_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  PathwaysPostgresStore *self;
  PGconn *pg = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_pointer (&pg, PQfinish);
      return;
    }
  self = PATHWAYS_POSTGRES_STORE (source);
  if (pg == NULL)
    {
      g_debug ("Team server still away: %s", error->message);
      schedule_retry (self);
      return;
    }

  self->listener = pg;
  watch_listener (self);
  self->retry_ms = PATHWAYS_POSTGRES_RETRY_FIRST_MS;
  pathways_store_set_connected (PATHWAYS_STORE (self), TRUE);
  /* What was written while we were away was not heard */
  post_everything (self);
}

static gboolean
retry_cb (gpointer data)
{
  PathwaysPostgresStore *self = data;

  g_clear_pointer (&self->retry_source, g_source_unref);
  start_listening (self);
  return G_SOURCE_REMOVE;
}

static void
start_listening (PathwaysPostgresStore *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GMainContext) context = g_main_context_ref (pathways_store_get_main_context (PATHWAYS_STORE (self)));

  /* The task answers on the store's main context */
  g_main_context_push_thread_default (context);
  task = g_task_new (self, self->cancellable, listener_connected_cb, NULL);
  g_main_context_pop_thread_default (context);
  g_task_set_source_tag (task, start_listening);
  {
    char **where = g_new0 (char *, 3);

    where[0] = g_strdup (pathways_store_get_location (PATHWAYS_STORE (self)));
    where[1] = g_strdup (self->password);
    g_task_set_task_data (task, where, (GDestroyNotify) secret_strv_free);
  }
  g_task_run_in_thread (task, connect_listener_thread);
}

static void
listener_lost (PathwaysPostgresStore *self)
{
  if (self->listener_source != NULL)
    {
      g_source_destroy (self->listener_source);
      g_clear_pointer (&self->listener_source, g_source_unref);
    }
  g_clear_pointer (&self->listener, PQfinish);
  pathways_store_set_connected (PATHWAYS_STORE (self), FALSE);
  g_message ("Lost the team server %s; reconnecting", self->where);
  schedule_retry (self);
}

static void
pg_reconnect (PathwaysStore *store)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);

  /* Connected, or a try already under way (no timer pending) */
  if (self->listener != NULL || self->retry_source == NULL)
    return;
  g_source_destroy (self->retry_source);
  g_clear_pointer (&self->retry_source, g_source_unref);
  self->retry_ms = PATHWAYS_POSTGRES_RETRY_FIRST_MS;
  start_listening (self);
}

/* Opening ------------------------------------------------------------- */

static gboolean
refuse (GError     **error,
        int          code,
        char        *message)
{
  g_set_error_literal (error, PATHWAYS_STORE_ERROR, code, message);
  g_free (message);
  return FALSE;
}

static gboolean
read_login (PathwaysPostgresStore  *self,
            GError                **error)
{
  PGresult *res;
  const char *role = NULL;

  res = pathways_pg_query (self, self->writer,
                           "SELECT r.rolsuper, r.rolbypassrls, session_user,"
                           "  (SELECT x FROM unnest(ARRAY['manager', 'admin', 'housing', 'pa']) x"
                           "    WHERE pg_has_role(session_user, 'pathways_' || x, 'member') LIMIT 1),"
                           "  (SELECT staff_id FROM app_user WHERE login = session_user)"
                           " FROM pg_roles r WHERE r.rolname = session_user", 0, NULL, error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) != 1)
    {
      PQclear (res);
      return refuse (error, PATHWAYS_STORE_ERROR_FAILED, g_strdup (_("The team server did not say who you are.")));
    }
  if (pathways_pg_bool (res, 0, 0) || pathways_pg_bool (res, 0, 1))
    {
      char *msg = g_strdup_printf (_("Pathways will not sign in to %s as “%s”: that user is a database superuser "
                                     "or bypasses row-level security, so the team’s access rules would not "
                                     "apply. Sign in with a user made by pathways-cli server add-user."),
                                   self->where, PQgetvalue (res, 0, 2));
      PQclear (res);
      return refuse (error, PATHWAYS_STORE_ERROR_FORBIDDEN, msg);
    }
  role = PG_TEXT (res, 0, 3);
  if (role == NULL)
    {
      char *msg = g_strdup_printf (_("The team server user “%s” has no Pathways role: ask IT to add it with "
                                     "pathways-cli server add-user."), PQgetvalue (res, 0, 2));
      PQclear (res);
      return refuse (error, PATHWAYS_STORE_ERROR_FORBIDDEN, msg);
    }
  pathways_store_set_signed_in (PATHWAYS_STORE (self), PQgetvalue (res, 0, 2), role,
                                pathways_pg_int (res, 0, 4));
  PQclear (res);

  /* What this login may not read: a column is NULL for it */
  res = pathways_pg_query (self, self->writer,
                           "SELECT c.relname, a.attname FROM pg_attribute a"
                           "  JOIN pg_class c ON c.oid = a.attrelid"
                           "  JOIN pg_namespace n ON n.oid = c.relnamespace"
                           " WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0"
                           "   AND NOT a.attisdropped AND NOT has_column_privilege(c.oid, a.attnum, 'SELECT')",
                           0, NULL, error);
  if (res == NULL)
    return FALSE;
  for (int r = 0; r < PQntuples (res); r++)
    {
      const char *table = PQgetvalue (res, r, 0);
      const char *column = PQgetvalue (res, r, 1);

      g_hash_table_add (self->hidden, g_strdup_printf ("%s.%s", table, column));
      if (g_str_equal (table, "young_person"))
        g_ptr_array_add (self->hidden_person_columns, g_strdup (column));
    }
  PQclear (res);

  /* And the tables it may not read at all */
  res = pathways_pg_query (self, self->writer,
                           "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                           " WHERE n.nspname = 'public' AND c.relkind = 'r'"
                           "   AND NOT has_any_column_privilege(c.oid, 'SELECT')", 0, NULL, error);
  if (res == NULL)
    return FALSE;
  for (int r = 0; r < PQntuples (res); r++)
    g_hash_table_add (self->hidden, g_strdup (PQgetvalue (res, r, 0)));
  PQclear (res);
  return TRUE;
}

/**
 * pathways_pg_can_read:
 *
 * Returns: %FALSE for a table the signed-in login may not read at all
 */
gboolean
pathways_pg_can_read (PathwaysPostgresStore *self,
                      const char            *table)
{
  return !g_hash_table_contains (self->hidden, table);
}

static gboolean
pathways_postgres_store_initable_init_impl (GInitable     *initable,
                                            GCancellable  *cancellable,
                                            GError       **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (initable);
  const char *location = pathways_store_get_location (PATHWAYS_STORE (self));
  g_autoptr(GError) local_error = NULL;
  gboolean foreign;
  PGconn *pg;
  int version;

  self->where = pathways_postgres_describe_location (location);
  pg = pathways_pg_connect (location, self->password, error);
  if (pg == NULL)
    return FALSE;
  self->writer = g_new0 (PathwaysPgConn, 1);
  self->writer->pg = pg;
  g_atomic_int_set (&self->writer_pid, PQbackendPID (pg));

  if (!pathways_pg_schema_inspect (pg, &version, &foreign, error))
    return FALSE;
  if (foreign)
    return refuse (error, PATHWAYS_STORE_ERROR_NOT_DATABASE,
                   g_strdup_printf (_("%s is not a Pathways database"), self->where));
  if (version == 0)
    return refuse (error, PATHWAYS_STORE_ERROR_NOT_DATABASE,
                   g_strdup_printf (_("The team server database %s has not been set up for Pathways yet: "
                                      "IT can set it up with “pathways-cli server init”."), self->where));
  if (version > PATHWAYS_STORE_SCHEMA_VERSION)
    return refuse (error, PATHWAYS_STORE_ERROR_TOO_NEW,
                   g_strdup_printf (_("This database was written by a newer version of Pathways (schema %d; "
                                      "this version understands up to %d). Update Pathways to open it."),
                                    version, PATHWAYS_STORE_SCHEMA_VERSION));
  if (version < PATHWAYS_STORE_SCHEMA_VERSION)
    return refuse (error, PATHWAYS_STORE_ERROR_NEEDS_UPGRADE,
                   g_strdup_printf (_("The team server database %s was set up by an older Pathways (schema %d; "
                                      "this version needs %d). IT can update it with “pathways-cli server init”."),
                                    self->where, version, PATHWAYS_STORE_SCHEMA_VERSION));

  if (!read_login (self, error))
    return FALSE;
  pathways_store_set_opened (PATHWAYS_STORE (self), version, FALSE, NULL);

  /* Listening from the start: a change by someone else from the moment
   * the store is open is heard */
  self->listener = pathways_pg_connect (location, self->password, &local_error);
  if (self->listener != NULL)
    {
      PGresult *res = PQexec (self->listener, "LISTEN pathways");

      if (PQresultStatus (res) != PGRES_COMMAND_OK)
        g_warning ("Changes made on other desktops will not be noticed: %s", PQresultErrorMessage (res));
      PQclear (res);
      PQsetnonblocking (self->listener, 1);
      watch_listener (self);
    }
  else
    {
      g_warning ("Changes made on other desktops will not be noticed yet: %s", local_error->message);
      schedule_retry (self);
    }
  return TRUE;
}

static void
pathways_postgres_store_initable_init (GInitableIface *iface)
{
  iface->init = pathways_postgres_store_initable_init_impl;
}

/* GObject ------------------------------------------------------------- */

static void
pathways_postgres_store_dispose (GObject *object)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->retry_source != NULL)
    {
      g_source_destroy (self->retry_source);
      g_clear_pointer (&self->retry_source, g_source_unref);
    }
  stop_listener (self);

  G_OBJECT_CLASS (pathways_postgres_store_parent_class)->dispose (object);
}

static void
pathways_postgres_store_finalize (GObject *object)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (object);

  g_warn_if_fail (g_hash_table_size (self->pinned) == 0);
  g_clear_pointer (&self->pinned, g_hash_table_unref);
  g_clear_pointer (&self->idle, g_ptr_array_unref);
  g_clear_pointer (&self->writer, conn_free);
  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_clear_pointer (&self->hidden_person_columns, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->where, g_free);
  if (self->password != NULL)
    explicit_bzero (self->password, strlen (self->password));
  g_clear_pointer (&self->password, g_free);
  g_mutex_clear (&self->pool_lock);
  g_cond_clear (&self->pool_cond);

  G_OBJECT_CLASS (pathways_postgres_store_parent_class)->finalize (object);
}

static void
pathways_postgres_store_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (object);

  switch (prop_id)
    {
    case PROP_PASSWORD:
      g_assert (self->password == NULL);
      self->password = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_postgres_store_class_init (PathwaysPostgresStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PathwaysStoreClass *store_class = PATHWAYS_STORE_CLASS (klass);

  object_class->dispose = pathways_postgres_store_dispose;
  object_class->finalize = pathways_postgres_store_finalize;
  object_class->set_property = pathways_postgres_store_set_property;

  /* Write-only: the password is kept in memory for reconnecting, never
   * in the location (which is shown and saved) */
  properties[PROP_PASSWORD] =
    g_param_spec_string ("password", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  store_class->begin = pg_begin;
  store_class->commit = pg_commit;
  store_class->rollback = pg_rollback;
  store_class->begin_read = pg_begin_read;
  store_class->end_read = pg_end_read;
  store_class->insert_record = pg_insert_record;
  store_class->insert_records = pg_insert_records;
  store_class->update_record = pg_update_record;
  store_class->delete_record = pg_delete_record;
  store_class->delete_id_range = pg_delete_id_range;
  store_class->lock_imports = pg_lock_imports;
  store_class->set_setting = pg_set_setting;
  store_class->get_record = pg_get_record;
  store_class->list_records = pg_list_records;
  store_class->count_records = pg_count_records;
  store_class->record_exists = pg_record_exists;
  store_class->is_empty = pg_is_empty;
  store_class->reconnect = pg_reconnect;
  pathways_postgres_store_class_init_reads (store_class);
}

static void
pathways_postgres_store_init (PathwaysPostgresStore *self)
{
  g_mutex_init (&self->pool_lock);
  g_cond_init (&self->pool_cond);
  self->idle = g_ptr_array_new_with_free_func ((GDestroyNotify) conn_free);
  self->pinned = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->hidden_person_columns = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
  self->retry_ms = PATHWAYS_POSTGRES_RETRY_FIRST_MS;
}

/* Public API ---------------------------------------------------------- */

/**
 * pathways_postgres_store_open:
 * @conninfo: "postgresql://…" or "host=… dbname=…"
 *
 * See pathways_store_open().
 */
PathwaysStore *
pathways_postgres_store_open (const char     *conninfo,
                              const char     *password,
                              PathwaysClock  *clock,
                              GError        **error)
{
  g_return_val_if_fail (conninfo != NULL, NULL);

  return g_initable_new (PATHWAYS_TYPE_POSTGRES_STORE, NULL, error,
                         "location", conninfo,
                         "password", password,
                         "clock", clock,
                         NULL);
}

gboolean
pathways_postgres_store_exec (PathwaysPostgresStore  *self,
                              const char             *sql,
                              GError                **error)
{
  PathwaysPgConn *conn;
  ExecStatusType status;
  PGresult *res;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_POSTGRES_STORE (self), FALSE);

  if ((conn = pathways_pg_acquire (self, error)) == NULL)
    return FALSE;
  /* Several statements at once: the simple query protocol */
  res = PQexec (conn->pg, sql);
  status = PQresultStatus (res);
  ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
  if (!ok)
    pathways_pg_set_error (self, conn->pg, res, error);
  PQclear (res);
  pathways_pg_release (self, conn);
  return ok;
}

gint64
pathways_postgres_store_query_int (PathwaysPostgresStore  *self,
                                   const char             *sql,
                                   GError                **error)
{
  g_return_val_if_fail (PATHWAYS_IS_POSTGRES_STORE (self), 0);

  return query_int (self, sql, 0, NULL, error);
}

/**
 * pathways_postgres_store_get_listener_pid:
 *
 * Returns: the server process of the listening connection (0 while
 *   disconnected): for the tests, which end it to see the store recover
 */
int
pathways_postgres_store_get_listener_pid (PathwaysPostgresStore *self)
{
  g_return_val_if_fail (PATHWAYS_IS_POSTGRES_STORE (self), 0);

  return self->listener != NULL ? PQbackendPID (self->listener) : 0;
}

/**
 * pathways_postgres_store_get_n_bulk_statements:
 *
 * Returns: how many multi-row INSERTs pathways_store_insert_checked()
 *   has sent on this store: for the tests, which check a bulk import
 *   takes that path
 */
guint
pathways_postgres_store_get_n_bulk_statements (PathwaysPostgresStore *self)
{
  g_return_val_if_fail (PATHWAYS_IS_POSTGRES_STORE (self), 0);

  return self->n_bulk_statements;
}

char *
pathways_postgres_dup_library_version (void)
{
  int v = PQlibVersion ();

  /* 150005 → "15.5" (10 and later: major × 10000 + minor) */
  return g_strdup_printf ("%d.%d", v / 10000, v % 10000);
}
