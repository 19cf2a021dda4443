/* pathways-store.c — the SQLite backend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pathways-format.h"
#include "pathways-settings.h"
#include "pathways-store-private.h"
#include "pathways-vocab.h"

#define PATHWAYS_APPLICATION_ID 1346458696  /* "PATH" */

struct _PathwaysStore
{
  GObject        parent_instance;

  sqlite3       *db;
  char          *path;
  char          *backup_path;
  PathwaysClock *clock;
  GHashTable    *statements;  /* SQL → sqlite3_stmt */
  GRecMutex      mutex;
  int            version;
  int            depth;       /* open transactions */
  GPtrArray     *recording;   /* PathwaysChangeSet stack */
  guint          created : 1;
};

G_DEFINE_FINAL_TYPE (PathwaysStore, pathways_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (pathways-store-error-quark, pathways_store_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_SCHEMA_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
actor_func (sqlite3_context *ctx,
            int              argc,
            sqlite3_value  **argv)
{
  sqlite3_result_text (ctx, g_get_user_name (), -1, SQLITE_TRANSIENT);
}

static const char *
label_for_column (const char *table,
                  const char *column)
{
  GType types[] = {
    PATHWAYS_TYPE_STAFF, PATHWAYS_TYPE_YOUNG_PERSON, PATHWAYS_TYPE_UNIT, PATHWAYS_TYPE_SPELL,
    PATHWAYS_TYPE_MILESTONE_TEMPLATE, PATHWAYS_TYPE_MILESTONE, PATHWAYS_TYPE_TRANSITION,
    PATHWAYS_TYPE_REF_CODE, PATHWAYS_TYPE_NOTE,
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
pathways_store_set_sqlite_error (PathwaysStore  *self,
                                 int             rc,
                                 GError        **error)
{
  const char *msg = sqlite3_errmsg (self->db);
  int ext = sqlite3_extended_errcode (self->db);

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
                 _("%s is not a Pathways database"), self->path);
  else if (rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN || rc == SQLITE_IOERR || rc == SQLITE_FULL)
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_IO,
                 _("Could not write to the database: %s"), msg);
  else
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FAILED,
                 _("Database error: %s"), msg);

  return FALSE;
}

static gboolean
exec (PathwaysStore  *self,
      const char     *sql,
      GError        **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return pathways_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

static gint64
query_int (PathwaysStore *self,
           const char    *sql,
           int           *out_rc)
{
  sqlite3_stmt *stmt = NULL;
  gint64 result = 0;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
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
pathways_store_prepare (PathwaysStore  *self,
                        const char     *sql,
                        GError        **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      pathways_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

sqlite3 *
pathways_store_get_db (PathwaysStore *self)
{
  return self->db;
}

void
pathways_store_lock (PathwaysStore *self)
{
  g_rec_mutex_lock (&self->mutex);
}

void
pathways_store_unlock (PathwaysStore *self)
{
  g_rec_mutex_unlock (&self->mutex);
}

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

static gboolean
backup (PathwaysStore  *self,
        int             from_version,
        GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *path = g_strdup_printf ("%s.v%d-%s.bak", self->path, from_version, stamp);
  sqlite3 *dest = NULL;
  sqlite3_backup *b;
  int rc;

  if (!make_private_file (path, error))
    return FALSE;

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      b = sqlite3_backup_init (dest, "main", self->db, "main");
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
      g_unlink (path);
      return FALSE;
    }
  sqlite3_close (dest);

  g_free (self->backup_path);
  self->backup_path = g_steal_pointer (&path);
  g_message ("Backed up schema version %d before migrating", from_version);
  return TRUE;
}

static gboolean
migrate (PathwaysStore  *self,
         int             target,
         GError        **error)
{
  const PathwaysMigration *steps;
  guint n_steps;

  steps = pathways_migrations_get (&n_steps);

  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *set_version = NULL;
      g_autoptr(GError) local_error = NULL;

      if (steps[i].version <= self->version || steps[i].version > target)
        continue;

      if (!exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA user_version = %d", steps[i].version);
      if (!steps[i].apply (self->db, &local_error) ||
          !exec (self, set_version, &local_error) ||
          (steps[i].version == target && target >= 2 &&
           !pathways_migrations_audit (self->db, &local_error)) ||
          !exec (self, "COMMIT", &local_error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Could not update the database to version %d: "),
                                      steps[i].version);
          return FALSE;
        }
      self->version = steps[i].version;
    }

  return TRUE;
}

/* GObject */

static void
pathways_store_finalize (GObject *object)
{
  PathwaysStore *self = PATHWAYS_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->recording, g_ptr_array_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);
  g_clear_object (&self->clock);
  g_rec_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (pathways_store_parent_class)->finalize (object);
}

static void
pathways_store_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PathwaysStore *self = PATHWAYS_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_SCHEMA_VERSION:
      g_value_set_int (value, self->version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_store_class_init (PathwaysStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pathways_store_finalize;
  object_class->get_property = pathways_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEMA_VERSION] =
    g_param_spec_int ("schema-version", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
pathways_store_init (PathwaysStore *self)
{
  g_rec_mutex_init (&self->mutex);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

/* Public API */

/**
 * pathways_store_default_path:
 *
 * Returns: $PATHWAYS_DATABASE if set, else
 * $XDG_DATA_HOME/pathways/pathways.db
 */
char *
pathways_store_default_path (void)
{
  const char *env = g_getenv (PATHWAYS_DATABASE_ENV);

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "pathways", "pathways.db", NULL);
}

PathwaysStore *
pathways_store_open_at_version (const char     *path,
                                PathwaysClock  *clock,
                                int             target_version,
                                GError        **error)
{
  g_autoptr(PathwaysStore) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *default_path = NULL;
  gint64 app_id, n_objects;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (clock == NULL || PATHWAYS_IS_CLOCK (clock), NULL);

  self = g_object_new (PATHWAYS_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->clock = clock ? g_object_ref (clock) : pathways_clock_new ();

  /* The data directory holds personal data about children: 0700 */
  dir = g_path_get_dirname (path);
  default_path = g_build_filename (g_get_user_data_dir (), "pathways", "pathways.db", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_IO,
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }
  if (g_str_equal (path, default_path))
    g_chmod (dir, 0700);

  self->created = !g_file_test (path, G_FILE_TEST_EXISTS);
  if (self->created && !make_private_file (path, error))
    return NULL;
  g_chmod (path, 0600);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_IO,
                   _("Could not open the database %s: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_create_function (self->db, "pathways_actor", 0, SQLITE_UTF8, NULL,
                           actor_func, NULL, NULL);

  self->version = (int) query_int (self, "PRAGMA user_version", &rc);
  if (rc == SQLITE_OK)
    app_id = query_int (self, "PRAGMA application_id", &rc);
  if (rc == SQLITE_OK)
    n_objects = query_int (self, "SELECT count(*) FROM sqlite_master", &rc);
  if (rc != SQLITE_OK)
    {
      pathways_store_set_sqlite_error (self, rc, error);
      if (rc == SQLITE_NOTADB)
        g_clear_error (error), g_set_error (error, PATHWAYS_STORE_ERROR,
                                            PATHWAYS_STORE_ERROR_NOT_DATABASE,
                                            _("%s is not a Pathways database"), path);
      return NULL;
    }

  if ((self->version > 0 && app_id != PATHWAYS_APPLICATION_ID) ||
      (self->version == 0 && n_objects > 0))
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_DATABASE,
                   _("%s is not a Pathways database"), path);
      return NULL;
    }

  if (self->version > PATHWAYS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_TOO_NEW,
                   _("This database was written by a newer version of Pathways (schema %d; "
                     "this version understands up to %d). Update Pathways to open it."),
                   self->version, PATHWAYS_STORE_SCHEMA_VERSION);
      return NULL;
    }

  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (self->version < target_version)
    {
      if (self->version > 0 && !backup (self, self->version, error))
        return NULL;
      if (!migrate (self, target_version, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * pathways_store_open:
 * @path: the database file; created if missing
 * @clock: (nullable): what "today" is, for validation
 *
 * Opens the database, creating it or bringing its schema up to date (a
 * backup copy is made first).  A database from a newer Pathways is
 * refused with %PATHWAYS_STORE_ERROR_TOO_NEW.
 */
PathwaysStore *
pathways_store_open (const char     *path,
                     PathwaysClock  *clock,
                     GError        **error)
{
  return pathways_store_open_at_version (path, clock, PATHWAYS_STORE_SCHEMA_VERSION, error);
}

const char *
pathways_store_get_path (PathwaysStore *self)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  return self->path;
}

PathwaysClock *
pathways_store_get_clock (PathwaysStore *self)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  return self->clock;
}

int
pathways_store_get_schema_version (PathwaysStore *self)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), 0);
  return self->version;
}

/**
 * pathways_store_was_created:
 *
 * Returns: %TRUE if opening the store created the database file
 */
gboolean
pathways_store_was_created (PathwaysStore *self)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  return self->created;
}

/**
 * pathways_store_get_backup_path:
 *
 * Returns: (nullable): the copy made before the last migration
 */
const char *
pathways_store_get_backup_path (PathwaysStore *self)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  return self->backup_path;
}

/**
 * pathways_store_is_empty:
 *
 * Returns: %TRUE if there are no young people, units or staff yet
 */
gboolean
pathways_store_is_empty (PathwaysStore *self)
{
  gint64 n;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), TRUE);

  pathways_store_lock (self);
  n = query_int (self, "SELECT (SELECT count(*) FROM young_person) + (SELECT count(*) FROM unit)"
                       " + (SELECT count(*) FROM staff)", NULL);
  pathways_store_unlock (self);
  return n == 0;
}

gboolean
pathways_store_begin (PathwaysStore  *self,
                      GError        **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  pathways_store_lock (self);
  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT sp%d", self->depth);
  if (!exec (self, sql, error))
    {
      pathways_store_unlock (self);
      return FALSE;
    }
  self->depth++;
  return TRUE;
}

gboolean
pathways_store_commit (PathwaysStore  *self,
                       GError        **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE sp%d", self->depth - 1);
  if (!exec (self, sql, error))
    {
      pathways_store_rollback (self);
      return FALSE;
    }
  self->depth--;
  pathways_store_unlock (self);
  return TRUE;
}

void
pathways_store_rollback (PathwaysStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (PATHWAYS_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  sql = self->depth == 1 ? g_strdup ("ROLLBACK")
                         : g_strdup_printf ("ROLLBACK TO sp%d; RELEASE sp%d",
                                            self->depth - 1, self->depth - 1);
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Rollback failed: %s", sqlite3_errmsg (self->db));
  self->depth--;
  pathways_store_unlock (self);
}

static void
bind_field (sqlite3_stmt        *stmt,
            int                  pos,
            const PathwaysField *field,
            const GValue        *value)
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
          sqlite3_bind_text (stmt, pos, s, -1, SQLITE_TRANSIENT);
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

static PathwaysRecordClass *
writable_class (PathwaysRecord *record)
{
  PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (record);

  g_return_val_if_fail (klass->table != NULL, NULL);
  return klass;
}

static gboolean
step_done (PathwaysStore  *self,
           sqlite3_stmt   *stmt,
           GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      pathways_store_set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Change recording, for undo ------------------------------------- */

typedef enum {
  CHANGE_INSERT,
  CHANGE_UPDATE,
  CHANGE_DELETE,
} ChangeKind;

typedef struct {
  ChangeKind      kind;
  PathwaysRecord *before;  /* for update and delete; NULL for insert */
  GType           type;
  gint64          id;
} Change;

struct _PathwaysChangeSet
{
  grefcount  ref;
  GPtrArray *changes;
  char      *description;
};

static void
change_free (gpointer data)
{
  Change *c = data;

  g_clear_object (&c->before);
  g_free (c);
}

static PathwaysChangeSet *
change_set_new (void)
{
  PathwaysChangeSet *cs = g_new0 (PathwaysChangeSet, 1);

  g_ref_count_init (&cs->ref);
  cs->changes = g_ptr_array_new_with_free_func (change_free);
  return cs;
}

PathwaysChangeSet *
pathways_change_set_ref (PathwaysChangeSet *cs)
{
  g_ref_count_inc (&cs->ref);
  return cs;
}

void
pathways_change_set_unref (PathwaysChangeSet *cs)
{
  if (cs != NULL && g_ref_count_dec (&cs->ref))
    {
      g_ptr_array_unref (cs->changes);
      g_free (cs->description);
      g_free (cs);
    }
}

G_DEFINE_BOXED_TYPE (PathwaysChangeSet, pathways_change_set,
                     pathways_change_set_ref, pathways_change_set_unref)

guint
pathways_change_set_get_n_changes (PathwaysChangeSet *cs)
{
  return cs->changes->len;
}

static void
record_change (PathwaysStore  *self,
               ChangeKind      kind,
               PathwaysRecord *record,
               PathwaysRecord *before)
{
  PathwaysChangeSet *cs;
  Change *c;

  if (self->recording == NULL || self->recording->len == 0)
    return;
  cs = g_ptr_array_index (self->recording, self->recording->len - 1);

  c = g_new0 (Change, 1);
  c->kind = kind;
  c->type = G_OBJECT_TYPE (record);
  c->id = pathways_record_get_id (record);
  c->before = before ? g_object_ref (before) : NULL;
  g_ptr_array_add (cs->changes, c);
}

/**
 * pathways_store_begin_recorded:
 *
 * Like pathways_store_begin(), and every write until the matching
 * pathways_store_commit_recorded() is remembered so that it can be
 * undone as one user action.
 */
gboolean
pathways_store_begin_recorded (PathwaysStore  *self,
                               GError        **error)
{
  if (!pathways_store_begin (self, error))
    return FALSE;
  if (self->recording == NULL)
    self->recording = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_change_set_unref);
  g_ptr_array_add (self->recording, change_set_new ());
  return TRUE;
}

static PathwaysChangeSet *
pop_recording (PathwaysStore *self)
{
  g_return_val_if_fail (self->recording != NULL && self->recording->len > 0, NULL);
  return g_ptr_array_steal_index (self->recording, self->recording->len - 1);
}

/**
 * pathways_store_commit_recorded:
 * @out_changes: (out) (optional): what to pass to pathways_store_undo()
 */
gboolean
pathways_store_commit_recorded (PathwaysStore       *self,
                                PathwaysChangeSet  **out_changes,
                                GError             **error)
{
  g_autoptr(PathwaysChangeSet) cs = pop_recording (self);

  if (!pathways_store_commit (self, error))
    return FALSE;

  /* Inside an outer recorded action, the changes belong to it too */
  if (self->recording->len > 0)
    {
      PathwaysChangeSet *outer = g_ptr_array_index (self->recording, self->recording->len - 1);
      for (guint i = 0; i < cs->changes->len; i++)
        {
          Change *c = g_ptr_array_index (cs->changes, i);
          Change *copy = g_new0 (Change, 1);
          *copy = *c;
          copy->before = c->before ? g_object_ref (c->before) : NULL;
          g_ptr_array_add (outer->changes, copy);
        }
    }

  if (out_changes)
    *out_changes = g_steal_pointer (&cs);
  return TRUE;
}

void
pathways_store_rollback_recorded (PathwaysStore *self)
{
  g_autoptr(PathwaysChangeSet) cs = pop_recording (self);

  pathways_store_rollback (self);
}

/* Writing records ------------------------------------------------- */

static gboolean
write_insert (PathwaysStore   *self,
              PathwaysRecord  *record,
              gboolean         validate,
              gboolean         keep_id,
              GError         **error)
{
  PathwaysRecordClass *klass;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GString) marks = NULL;
  sqlite3_stmt *stmt;
  int pos = 1;

  if ((klass = writable_class (record)) == NULL)
    return FALSE;

  if (!pathways_store_begin (self, error))
    return FALSE;

  if (validate && !pathways_validate_record (self, record, error))
    goto failed;

  sql = g_string_new ("INSERT INTO ");
  marks = g_string_new (keep_id ? "?" : NULL);
  g_string_append_printf (sql, "%s (%s", klass->table, keep_id ? "id, " : "");
  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_string_append_printf (sql, "%s%s", i ? ", " : "", klass->columns[i]);
      g_string_append (marks, (i || keep_id) ? ", ?" : "?");
    }
  g_string_append_printf (sql, ") VALUES (%s)", marks->str);

  stmt = pathways_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    goto failed;
  if (keep_id)
    sqlite3_bind_int64 (stmt, pos++, pathways_record_get_id (record));
  for (guint i = 0; i < klass->n_fields; i++)
    bind_field (stmt, pos++, &klass->fields[i], pathways_record_peek_value (record, i));
  if (!step_done (self, stmt, error))
    goto failed;

  if (!keep_id)
    pathways_record_set_id (record, sqlite3_last_insert_rowid (self->db));
  record_change (self, CHANGE_INSERT, record, NULL);

  if (!pathways_store_commit (self, error))
    {
      if (!keep_id)
        pathways_record_set_id (record, 0);
      return FALSE;
    }
  return TRUE;

failed:
  pathways_store_rollback (self);
  return FALSE;
}

static gboolean
write_update (PathwaysStore   *self,
              PathwaysRecord  *record,
              gboolean         validate,
              GError         **error)
{
  PathwaysRecordClass *klass;
  g_autoptr(GString) sql = NULL;
  g_autoptr(PathwaysRecord) before = NULL;
  sqlite3_stmt *stmt;
  int pos = 1;

  if ((klass = writable_class (record)) == NULL)
    return FALSE;

  if (!pathways_store_begin (self, error))
    return FALSE;

  if (validate && !pathways_validate_record (self, record, error))
    goto failed;

  if (self->recording != NULL && self->recording->len > 0)
    {
      before = pathways_store_get (self, G_OBJECT_TYPE (record), pathways_record_get_id (record), error);
      if (before == NULL)
        goto failed;
    }

  sql = g_string_new ("UPDATE ");
  g_string_append_printf (sql, "%s SET ", klass->table);
  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (sql, "%s%s = ?", i ? ", " : "", klass->columns[i]);
  g_string_append (sql, " WHERE id = ?");

  stmt = pathways_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    goto failed;
  for (guint i = 0; i < klass->n_fields; i++)
    bind_field (stmt, pos++, &klass->fields[i], pathways_record_peek_value (record, i));
  sqlite3_bind_int64 (stmt, pos, pathways_record_get_id (record));
  if (!step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                           _("This record no longer exists: someone may have deleted it"));
      goto failed;
    }
  record_change (self, CHANGE_UPDATE, record, before);

  return pathways_store_commit (self, error);

failed:
  pathways_store_rollback (self);
  return FALSE;
}

/**
 * pathways_store_insert:
 *
 * Validates @record and inserts it; on success its id is set.  On
 * failure nothing is written and @error says why.
 */
gboolean
pathways_store_insert (PathwaysStore   *self,
                       PathwaysRecord  *record,
                       GError         **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (PATHWAYS_IS_RECORD (record), FALSE);

  return write_insert (self, record, TRUE, FALSE, error);
}

/**
 * pathways_store_update:
 *
 * Validates @record and writes all its fields over the stored row.
 */
gboolean
pathways_store_update (PathwaysStore   *self,
                       PathwaysRecord  *record,
                       GError         **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (PATHWAYS_IS_RECORD (record), FALSE);

  return write_update (self, record, TRUE, error);
}

gboolean
pathways_store_delete (PathwaysStore   *self,
                       PathwaysRecord  *record,
                       GError         **error)
{
  PathwaysRecordClass *klass;
  g_autofree char *sql = NULL;
  g_autoptr(PathwaysRecord) before = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (PATHWAYS_IS_RECORD (record), FALSE);

  if ((klass = writable_class (record)) == NULL)
    return FALSE;

  if (!pathways_store_begin (self, error))
    return FALSE;

  if (self->recording != NULL && self->recording->len > 0)
    {
      before = pathways_store_get (self, G_OBJECT_TYPE (record), pathways_record_get_id (record), error);
      if (before == NULL)
        goto failed;
    }

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", klass->table);
  stmt = pathways_store_prepare (self, sql, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, pathways_record_get_id (record));
  if (!step_done (self, stmt, error))
    goto failed;
  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                           _("This record no longer exists: someone may have deleted it"));
      goto failed;
    }
  record_change (self, CHANGE_DELETE, record, before);

  return pathways_store_commit (self, error);

failed:
  pathways_store_rollback (self);
  return FALSE;
}

/**
 * pathways_store_undo:
 * @changes: what a recorded action wrote
 *
 * Puts every row the action touched back as it was, in one transaction
 * (itself audited).  Fails, changing nothing, if a row was changed again
 * since in a way that cannot be undone (for example deleted).
 */
gboolean
pathways_store_undo (PathwaysStore      *self,
                     PathwaysChangeSet  *changes,
                     GError            **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  if (!pathways_store_begin (self, error))
    return FALSE;

  for (guint i = changes->changes->len; i > 0; i--)
    {
      Change *c = g_ptr_array_index (changes->changes, i - 1);
      gboolean ok = TRUE;

      switch (c->kind)
        {
        case CHANGE_INSERT:
          {
            g_autoptr(PathwaysRecord) row = g_object_new (c->type, NULL);
            pathways_record_set_id (row, c->id);
            ok = pathways_store_delete (self, row, error);
          }
          break;
        case CHANGE_UPDATE:
          ok = write_update (self, c->before, FALSE, error);
          break;
        case CHANGE_DELETE:
          ok = write_insert (self, c->before, FALSE, TRUE, error);
          break;
        default:
          g_assert_not_reached ();
        }

      if (!ok)
        {
          pathways_store_rollback (self);
          g_prefix_error (error, _("Could not undo: "));
          return FALSE;
        }
    }

  return pathways_store_commit (self, error);
}

/**
 * pathways_store_record_from_row:
 *
 * Builds a record from the current row: column "id" and every column
 * named like a field of @type.
 */
PathwaysRecord *
pathways_store_record_from_row (GType         type,
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

static GListModel *
collect (PathwaysStore  *self,
         GType           type,
         sqlite3_stmt   *stmt,
         GError        **error)
{
  g_autoptr(GListStore) list = g_list_store_new (type);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, pathways_store_record_from_row (type, stmt));

  if (rc != SQLITE_DONE)
    {
      pathways_store_set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

static char *
select_sql (PathwaysRecordClass *klass,
            const char          *where_and_order)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id");

  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (sql, ", %s", klass->columns[i]);
  g_string_append_printf (sql, " FROM %s %s", klass->table, where_and_order);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/**
 * pathways_store_get:
 *
 * Returns: (transfer full) (type PathwaysRecord): the record, or %NULL
 * with %PATHWAYS_STORE_ERROR_NOT_FOUND
 */
gpointer
pathways_store_get (PathwaysStore  *self,
                    GType           type,
                    gint64          id,
                    GError        **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GListModel) list = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, PATHWAYS_TYPE_RECORD), NULL);

  klass = g_type_class_ref (type);
  sql = select_sql (PATHWAYS_RECORD_CLASS (klass), "WHERE id = ?");

  pathways_store_lock (self);
  stmt = pathways_store_prepare (self, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      list = collect (self, type, stmt, error);
    }
  pathways_store_unlock (self);

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

/**
 * pathways_store_list:
 *
 * Returns: (transfer full): every record of @type, in id order
 */
GListModel *
pathways_store_list (PathwaysStore  *self,
                     GType           type,
                     GError        **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *sql = NULL;
  GListModel *list = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, PATHWAYS_TYPE_RECORD), NULL);

  klass = g_type_class_ref (type);
  sql = select_sql (PATHWAYS_RECORD_CLASS (klass), "ORDER BY id");

  pathways_store_lock (self);
  stmt = pathways_store_prepare (self, sql, error);
  if (stmt != NULL)
    list = collect (self, type, stmt, error);
  pathways_store_unlock (self);

  return list;
}

/**
 * pathways_store_list_for_person:
 * @type: a record type with a young-person-id field
 *
 * Returns: (transfer full): the young person's records, in id order
 */
GListModel *
pathways_store_list_for_person (PathwaysStore  *self,
                                GType           type,
                                gint64          young_person_id,
                                GError        **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *sql = NULL;
  GListModel *list = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, PATHWAYS_TYPE_RECORD), NULL);

  klass = g_type_class_ref (type);
  g_return_val_if_fail (pathways_record_class_find_field (PATHWAYS_RECORD_CLASS (klass),
                                                          "young-person-id") >= 0, NULL);
  sql = select_sql (PATHWAYS_RECORD_CLASS (klass), "WHERE young_person_id = ? ORDER BY id");

  pathways_store_lock (self);
  stmt = pathways_store_prepare (self, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, young_person_id);
      list = collect (self, type, stmt, error);
    }
  pathways_store_unlock (self);

  return list;
}

gint64
pathways_store_count (PathwaysStore  *self,
                      GType           type,
                      GError        **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *sql = NULL;
  gint64 n;
  int rc;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), -1);

  klass = g_type_class_ref (type);
  sql = g_strdup_printf ("SELECT count(*) FROM %s", PATHWAYS_RECORD_CLASS (klass)->table);
  pathways_store_lock (self);
  n = query_int (self, sql, &rc);
  if (rc != SQLITE_OK)
    {
      pathways_store_set_sqlite_error (self, rc, error);
      n = -1;
    }
  pathways_store_unlock (self);
  return n;
}

gboolean
pathways_store_exists (PathwaysStore *self,
                       const char    *table,
                       gint64         id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = ?", table);
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  pathways_store_lock (self);
  stmt = pathways_store_prepare (self, sql, NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      found = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0;
      sqlite3_reset (stmt);
    }
  pathways_store_unlock (self);
  return found;
}

/**
 * pathways_store_list_ref_codes:
 * @list: PATHWAYS_REF_ACCOM, …
 * @on_date: (nullable): only codes valid on this day; %NULL for all
 *
 * Returns: (transfer full): PathwaysRefCode records ordered by code
 */
GListModel *
pathways_store_list_ref_codes (PathwaysStore  *self,
                               const char     *list,
                               const char     *on_date,
                               GError        **error)
{
  g_autofree char *sql = NULL;
  GListModel *result = NULL;
  sqlite3_stmt *stmt;
  g_autoptr(GTypeClass) klass = g_type_class_ref (PATHWAYS_TYPE_REF_CODE);

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  sql = select_sql (PATHWAYS_RECORD_CLASS (klass),
                    "WHERE list = ?1 AND (?2 IS NULL OR "
                    "((valid_from IS NULL OR valid_from <= ?2) AND (valid_to IS NULL OR valid_to > ?2)))"
                    " ORDER BY code, valid_from");
  pathways_store_lock (self);
  stmt = pathways_store_prepare (self, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, list, -1, SQLITE_TRANSIENT);
      if (on_date)
        sqlite3_bind_text (stmt, 2, on_date, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 2);
      result = collect (self, PATHWAYS_TYPE_REF_CODE, stmt, error);
    }
  pathways_store_unlock (self);
  return result;
}

/**
 * pathways_store_lookup_ref_code:
 * @out_known: (out) (optional): set to whether @code is in @list at all,
 *   whatever its dates
 *
 * Returns: (transfer full) (nullable): the code as valid on @on_date
 */
PathwaysRefCode *
pathways_store_lookup_ref_code (PathwaysStore  *self,
                                const char     *list,
                                const char     *code,
                                const char     *on_date,
                                gboolean       *out_known,
                                GError        **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (PATHWAYS_TYPE_REF_CODE);
  g_autofree char *sql = NULL;
  g_autoptr(GListModel) all = NULL;
  PathwaysRefCode *found = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  sql = select_sql (PATHWAYS_RECORD_CLASS (klass), "WHERE list = ? AND code = ? ORDER BY valid_from");
  pathways_store_lock (self);
  stmt = pathways_store_prepare (self, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, list, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, code, -1, SQLITE_TRANSIENT);
      all = collect (self, PATHWAYS_TYPE_REF_CODE, stmt, error);
    }
  pathways_store_unlock (self);

  if (out_known)
    *out_known = all != NULL && g_list_model_get_n_items (all) > 0;
  if (all == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (all) && found == NULL; i++)
    {
      g_autoptr(PathwaysRecord) rc = g_list_model_get_item (all, i);
      const char *from = pathways_record_get_string (rc, "valid-from");
      const char *to = pathways_record_get_string (rc, "valid-to");

      if (on_date == NULL ||
          ((from == NULL || strcmp (from, on_date) <= 0) && (to == NULL || strcmp (to, on_date) > 0)))
        found = PATHWAYS_REF_CODE (g_object_ref (rc));
    }

  return found;
}

/**
 * pathways_store_list_audit:
 * @table: (nullable): only changes to this table
 * @row_id: only changes to this row (0 for all)
 *
 * Returns: (transfer full): PathwaysAuditEntry records, newest first
 */
GListModel *
pathways_store_list_audit (PathwaysStore  *self,
                           const char     *table,
                           gint64          row_id,
                           GError        **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (PATHWAYS_TYPE_AUDIT_ENTRY);
  g_autofree char *sql = NULL;
  GListModel *result = NULL;
  sqlite3_stmt *stmt;

  sql = select_sql (PATHWAYS_RECORD_CLASS (klass),
                    "WHERE (?1 IS NULL OR table_name = ?1) AND (?2 = 0 OR row_id = ?2)"
                    " ORDER BY id DESC");
  pathways_store_lock (self);
  stmt = pathways_store_prepare (self, sql, error);
  if (stmt != NULL)
    {
      if (table)
        sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 1);
      sqlite3_bind_int64 (stmt, 2, row_id);
      result = collect (self, PATHWAYS_TYPE_AUDIT_ENTRY, stmt, error);
    }
  pathways_store_unlock (self);
  return result;
}

/**
 * pathways_store_dup_setting:
 *
 * Returns: (transfer full) (nullable): the value of @key
 */
char *
pathways_store_dup_setting (PathwaysStore *self,
                            const char    *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  pathways_store_lock (self);
  stmt = pathways_store_prepare (self, "SELECT value FROM setting WHERE key = ?", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  pathways_store_unlock (self);
  return value;
}

/**
 * pathways_store_dup_settings:
 *
 * Returns: (transfer full): key → value (values may be %NULL)
 */
GHashTable *
pathways_store_dup_settings (PathwaysStore  *self,
                             GError        **error)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  pathways_store_lock (self);
  stmt = pathways_store_prepare (self, "SELECT key, value FROM setting", error);
  if (stmt != NULL)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_hash_table_replace (map, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                              g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      if (rc != SQLITE_DONE)
        pathways_store_set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
    }
  pathways_store_unlock (self);

  if (stmt == NULL || rc != SQLITE_DONE)
    g_clear_pointer (&map, g_hash_table_unref);
  return map;
}

/**
 * pathways_store_set_setting:
 *
 * Writes one setting (audited).  Unknown keys are refused: the settings
 * a release understands are created by its migrations.
 */
gboolean
pathways_store_set_setting (PathwaysStore  *self,
                            const char     *key,
                            const char     *value,
                            GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!pathways_setting_validate (key, value, error))
    return FALSE;
  if (!pathways_store_begin (self, error))
    return FALSE;
  stmt = pathways_store_prepare (self, "UPDATE setting SET value = ? WHERE key = ?", error);
  if (stmt == NULL)
    goto failed;
  if (value != NULL && *value != '\0')
    sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error))
    goto failed;
  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                   _("There is no setting called ‘%s’"), key);
      goto failed;
    }
  return pathways_store_commit (self, error);

failed:
  pathways_store_rollback (self);
  return FALSE;
}

/**
 * pathways_store_dup_bank_holidays:
 *
 * Returns: (transfer full) (element-type utf8): England and Wales bank
 * holidays, ISO dates in order
 */
GPtrArray *
pathways_store_dup_bank_holidays (PathwaysStore  *self,
                                  GError        **error)
{
  GPtrArray *days = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  pathways_store_lock (self);
  stmt = pathways_store_prepare (self, "SELECT day FROM bank_holiday "
                                       "WHERE region = 'england-and-wales' ORDER BY day", error);
  if (stmt != NULL)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (days, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      if (rc != SQLITE_DONE)
        pathways_store_set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
    }
  pathways_store_unlock (self);

  if (stmt == NULL || rc != SQLITE_DONE)
    g_clear_pointer (&days, g_ptr_array_unref);
  return days;
}

typedef struct {
  char                  *on;
  PathwaysStoreLoadFunc  func;
  GDestroyNotify         free_result;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *d = data;

  g_free (d->on);
  g_free (d);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *d = task_data;
  GError *error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;
  result = d->func (source_object, d->on, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, d->free_result);
}

/**
 * pathways_store_load_in_thread:
 * @source_tag: the public _async function, checked by the _finish
 *
 * Runs @func for @on in a worker thread: every slow query of the views
 * (caseload, stock, timeline, sufficiency) goes through here, so none
 * of them blocks the main loop.
 */
void
pathways_store_load_in_thread (PathwaysStore         *self,
                               const char            *on,
                               PathwaysStoreLoadFunc  func,
                               GDestroyNotify         free_result,
                               gpointer               source_tag,
                               GCancellable          *cancellable,
                               GAsyncReadyCallback    callback,
                               gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *d;

  g_return_if_fail (PATHWAYS_IS_STORE (self));
  g_return_if_fail (on != NULL);

  d = g_new0 (LoadData, 1);
  d->on = g_strdup (on);
  d->func = func;
  d->free_result = free_result;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, d, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

gpointer
pathways_store_load_in_thread_finish (PathwaysStore  *self,
                                      GAsyncResult   *result,
                                      gpointer        source_tag,
                                      GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
