/* test-sqlite-store.c — the SQLite backend's own behaviour: files and
 * their modes, PRAGMAs, migrations with backups, refusing foreign or
 * newer files, the audit triggers, the read pool
 *
 * The only tests that touch SQLite directly (with sqlite3 calls on the
 * file, as another program would): the rest of the store's tests are
 * backend-neutral, in test-store.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "pathways-sqlite-store-private.h"
#include "test-util.h"

static char *dir;

static void
setup (void)
{
  dir = test_make_dir ();
}

static void
teardown (void)
{
  test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

static int
file_mode (const char *path)
{
  struct stat st;

  ck_assert_int_eq (g_stat (path, &st), 0);
  return st.st_mode & 0777;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, sql, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
}

static char *
raw_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  ck_assert_int_eq (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static PathwaysStore *
open_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysClock) clock = pathways_clock_new_fixed (TEST_TODAY);
  PathwaysStore *store = pathways_store_open (path, clock, &error);

  ck_assert_no_error (error);
  return store;
}

START_TEST (test_create_private_files)
{
  g_autofree char *data_home = g_build_filename (dir, "xdg-data", NULL);
  g_autofree char *path = NULL;
  g_autofree char *parent = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* The default location is in the user's data directory … */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_unsetenv (PATHWAYS_DATABASE_ENV);
  path = pathways_store_default_path ();
  parent = g_path_get_dirname (path);
  ck_assert (g_str_has_prefix (path, data_home) || !g_str_equal (g_get_user_data_dir (), data_home));

  store = pathways_store_open (path, NULL, &error);
  ck_assert_no_error (error);
  ck_assert (pathways_store_was_created (store));
  ck_assert_int_eq (pathways_store_get_schema_version (store), PATHWAYS_STORE_SCHEMA_VERSION);

  /* … private to the user: folder 0700, file 0600 */
  ck_assert_int_eq (file_mode (path), 0600);
  ck_assert_int_eq (file_mode (parent), 0700);
}
END_TEST

START_TEST (test_pragmas)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "pragmas.db");
  g_autofree char *path = g_build_filename (dir, "pragmas.db", NULL);
  g_autofree char *mode = raw_text (path, "PRAGMA journal_mode");
  g_autoptr(GError) error = NULL;

  /* WAL is the file's: any connection sees it */
  ck_assert_str_eq (mode, "wal");
  /* Foreign keys are the connection's: the writer has them on (the
   * store's reads happen on other connections) */
  ck_assert_int_eq (pathways_sqlite_store_query_int (PATHWAYS_SQLITE_STORE (store), "PRAGMA foreign_keys",
                                                     &error), 0);
  ck_assert (pathways_store_begin (store, &error));
  ck_assert_int_eq (pathways_sqlite_store_query_int (PATHWAYS_SQLITE_STORE (store), "PRAGMA foreign_keys",
                                                     &error), 1);
  pathways_store_rollback (store);
  ck_assert_no_error (error);
}
END_TEST

START_TEST (test_migrate_from_v1_with_backup)
{
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysClock) clock = pathways_clock_new_fixed (TEST_TODAY);
  g_autoptr(GListModel) codes = NULL;
  g_autoptr(GListModel) staff = NULL;
  const char *backup;

  {
    g_autoptr(PathwaysStore) old = pathways_store_open_at_version (path, clock, 1, &error);
    ck_assert_no_error (error);
    ck_assert_int_eq (pathways_store_get_schema_version (old), 1);
    /* Schema 1 has no audit yet: write a row as an old Pathways would */
    ck_assert (pathways_sqlite_store_exec (PATHWAYS_SQLITE_STORE (old),
                                           "INSERT INTO staff (name, role, team) VALUES ('Helen Reid', 'pa', 'North')",
                                           &error));
  }

  {
    g_autoptr(PathwaysStore) store = pathways_store_open (path, clock, &error);
    ck_assert_no_error (error);
    ck_assert_int_eq (pathways_store_get_schema_version (store), PATHWAYS_STORE_SCHEMA_VERSION);

    /* A backup of the old file was made first, private too */
    backup = pathways_store_get_backup_path (store);
    ck_assert_ptr_nonnull (backup);
    ck_assert (g_file_test (backup, G_FILE_TEST_EXISTS));
    ck_assert_int_eq (file_mode (backup), 0600);
    ck_assert (strstr (backup, ".v1-") != NULL);

    /* The data survived and version 2's tables are there */
    staff = pathways_store_list (store, PATHWAYS_TYPE_STAFF, &error);
    ck_assert_no_error (error);
    ck_assert_uint_eq (g_list_model_get_n_items (staff), 1);
    codes = pathways_store_list_ref_codes (store, PATHWAYS_REF_ACCOM, NULL, &error);
    ck_assert_uint_eq (g_list_model_get_n_items (codes), 17);

    /* The backup is the old database, untouched: schema 1 with its row */
    {
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;

      ck_assert_int_eq (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
      ck_assert_int_eq (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                                                " (SELECT count(*) FROM staff)", -1, &stmt, NULL), SQLITE_OK);
      ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
      ck_assert_int_eq (sqlite3_column_int (stmt, 0), 1);
      ck_assert_int_eq (sqlite3_column_int (stmt, 1), 1);
      sqlite3_finalize (stmt);
      sqlite3_close (db);
    }
  }
}
END_TEST

START_TEST (test_refuse_newer_database)
{
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysStore) store = NULL;

  g_clear_object (&store);
  store = test_open_store (dir, "newer.db");
  g_clear_object (&store);
  raw_exec (path, "PRAGMA user_version = 99");

  store = pathways_store_open (path, NULL, &error);
  ck_assert_ptr_null (store);
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_TOO_NEW));
  ck_assert_msg (strstr (error->message, "newer version of Pathways") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "99") != NULL, "%s", error->message);
}
END_TEST

START_TEST (test_refuse_foreign_files)
{
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autoptr(GError) error = NULL;
  PathwaysStore *store;

  ck_assert (g_file_set_contents (text, "Not a database at all, just some text that is long enough "
                                        "to fill the SQLite header and then some more words.", -1, NULL));
  store = pathways_store_open (text, NULL, &error);
  ck_assert_ptr_null (store);
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_DATABASE));
  g_clear_error (&error);

  /* Another program's SQLite database is not touched */
  raw_exec (other, "CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)");
  store = pathways_store_open (other, NULL, &error);
  ck_assert_ptr_null (store);
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_DATABASE));
}
END_TEST

START_TEST (test_audit_cannot_be_bypassed)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "bypass.db");
  g_autofree char *path = g_build_filename (dir, "bypass.db", NULL);
  sqlite3 *db = NULL;
  int rc;

  g_clear_object (&store);
  /* A program without Pathways' audit function cannot write unrecorded changes */
  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  rc = sqlite3_exec (db, "INSERT INTO staff (name, role) VALUES ('Sneaky', 'pa')", NULL, NULL, NULL);
  ck_assert_int_ne (rc, SQLITE_OK);
  sqlite3_close (db);

  store = test_open_store (dir, "bypass.db");
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_STAFF, NULL), 0);
}
END_TEST

START_TEST (test_fields_match_columns)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "columns.db");
  GType types[] = {
    PATHWAYS_TYPE_STAFF, PATHWAYS_TYPE_YOUNG_PERSON, PATHWAYS_TYPE_UNIT, PATHWAYS_TYPE_SPELL,
    PATHWAYS_TYPE_MILESTONE_TEMPLATE, PATHWAYS_TYPE_MILESTONE, PATHWAYS_TYPE_TRANSITION,
    PATHWAYS_TYPE_REF_CODE, PATHWAYS_TYPE_AUDIT_ENTRY, PATHWAYS_TYPE_NOTE,
  };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[t]);
      PathwaysRecordClass *rc = PATHWAYS_RECORD_CLASS (klass);
      g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(%s)", pathways_record_class_get_table (rc));
      sqlite3_stmt *stmt = NULL;
      guint n_columns = 0;

      g_autofree char *path = g_build_filename (dir, "columns.db", NULL);
      sqlite3 *db = NULL;
      gboolean has_version = FALSE;

      ck_assert_int_eq (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
      ck_assert_int_eq (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *col = (const char *) sqlite3_column_text (stmt, 1);
          n_columns++;
          has_version |= g_str_equal (col, "version");
          if (!g_str_equal (col, "id") && !g_str_equal (col, "version"))
            ck_assert_msg (pathways_record_class_find_field (rc, col) >= 0, "%s.%s has no field",
                           pathways_record_class_get_table (rc), col);
        }
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      /* id, the fields, and a version on every table a person writes */
      if (types[t] == PATHWAYS_TYPE_AUDIT_ENTRY)
        ck_assert_uint_eq (n_columns, pathways_record_class_get_n_fields (rc) + 1);
      else
        {
          ck_assert_msg (has_version, "%s has no version", pathways_record_class_get_table (rc));
          ck_assert_uint_eq (n_columns, pathways_record_class_get_n_fields (rc) + 2);
        }
    }
}
END_TEST

/* A schema-5 database (before versions) is migrated, with a backup:
 * its rows get version 1 and the audit records versions from then on */
START_TEST (test_migrate_from_v5_adds_versions)
{
  g_autofree char *path = g_build_filename (dir, "five.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysClock) clock = pathways_clock_new_fixed (TEST_TODAY);
  g_autoptr(PathwaysYoungPerson) yp = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(PathwaysAuditEntry) latest = NULL;
  gint64 id;

  {
    g_autoptr(PathwaysStore) old = pathways_store_open_at_version (path, clock, 5, &error);
    ck_assert_no_error (error);
    ck_assert_int_eq (pathways_store_get_schema_version (old), 5);
    ck_assert (pathways_sqlite_store_exec (PATHWAYS_SQLITE_STORE (old),
                                           "INSERT INTO young_person (given_name, family_name, date_of_birth, sex,"
                                           " local_id) VALUES ('Yonas', 'Abdullahi', '2008-03-01', 'M', 'LC5000')",
                                           &error));
    ck_assert_no_error (error);
  }

  {
    g_autoptr(PathwaysStore) store = open_path (path);

    ck_assert_int_eq (pathways_store_get_schema_version (store), PATHWAYS_STORE_SCHEMA_VERSION);
    ck_assert_ptr_nonnull (pathways_store_get_backup_path (store));
    ck_assert (strstr (pathways_store_get_backup_path (store), ".v5-") != NULL);

    id = test_query_int (store, "SELECT id FROM young_person WHERE local_id = 'LC5000'");
    yp = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, id, &error);
    ck_assert_no_error (error);
    ck_assert_int_eq (pathways_record_get_version (PATHWAYS_RECORD (yp)), 1);

    pathways_young_person_set_preferred_name (yp, "Yoni");
    ck_assert (pathways_store_update (store, PATHWAYS_RECORD (yp), &error));
    ck_assert_no_error (error);
    ck_assert_int_eq (pathways_record_get_version (PATHWAYS_RECORD (yp)), 2);

    audit = pathways_store_list_audit (store, "young_person", id, &error);
    latest = g_list_model_get_item (audit, 0);
    ck_assert (strstr (pathways_audit_entry_get_before_values (latest), "\"version\":1") != NULL);
    ck_assert (strstr (pathways_audit_entry_get_after_values (latest), "\"version\":2") != NULL);
  }
}
END_TEST

typedef struct {
  PathwaysStore *store;
  gint64         n_people;
  gint64         n_readers;
} ReadData;

static gpointer
read_thread (gpointer data)
{
  ReadData *d = data;

  d->n_people = pathways_store_count (d->store, PATHWAYS_TYPE_YOUNG_PERSON, NULL);
  return NULL;
}

/* Reads never wait for the writer: with a write transaction open (and
 * its write lock on the file taken), another thread reads at once and
 * sees what was committed, not what is being written */
START_TEST (test_reads_run_beside_the_writer)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "pool.db");
  g_autoptr(PathwaysYoungPerson) a = test_make_person ("LC6000");
  g_autoptr(PathwaysYoungPerson) b = test_make_person ("LC6001");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  ReadData d = { store, -1, 0 };
  GThread *reader;

  test_add (store, PATHWAYS_RECORD (a));

  ck_assert (pathways_store_begin (store, &error));
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (b), &error));
  /* The writer sees its own row … */
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 2);

  /* … a reader elsewhere the committed state, without waiting */
  g_timer_start (timer);
  reader = g_thread_new ("reader", read_thread, &d);
  g_thread_join (reader);
  ck_assert_double_lt (g_timer_elapsed (timer, NULL), 1.0);
  ck_assert_int_eq (d.n_people, 1);

  ck_assert (pathways_store_commit (store, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 2);

  /* Never more read connections than the pool holds */
  ck_assert_uint_le (pathways_sqlite_store_get_n_readers_open (PATHWAYS_SQLITE_STORE (store)),
                     PATHWAYS_SQLITE_N_READERS);
  ck_assert_uint_ge (pathways_sqlite_store_get_n_readers_open (PATHWAYS_SQLITE_STORE (store)), 1);
}
END_TEST

static gpointer
many_reads_thread (gpointer data)
{
  PathwaysStore *store = data;

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GListModel) people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL);
      ck_assert_ptr_nonnull (people);
    }
  return NULL;
}

/* Eight threads reading at once share at most three connections */
START_TEST (test_pool_is_shared)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "shared.db");
  g_autoptr(PathwaysYoungPerson) a = test_make_person ("LC6100");
  GThread *threads[8];

  test_add (store, PATHWAYS_RECORD (a));
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("reader", many_reads_thread, store);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  ck_assert_uint_le (pathways_sqlite_store_get_n_readers_open (PATHWAYS_SQLITE_STORE (store)),
                     PATHWAYS_SQLITE_N_READERS);
  ck_assert_uint_ge (pathways_sqlite_store_get_n_readers_open (PATHWAYS_SQLITE_STORE (store)), 1);
}
END_TEST

/* The locations pathways_store_open() understands for this backend */
START_TEST (test_locations)
{
  g_autofree char *path = g_build_filename (dir, "where.db", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *prefixed = g_strconcat ("sqlite:", path, NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(PathwaysStore) store = pathways_store_open (uri, NULL, &error);
    ck_assert_no_error (error);
    ck_assert (PATHWAYS_IS_SQLITE_STORE (store));
    ck_assert_str_eq (pathways_store_get_path (store), path);
    ck_assert (pathways_store_was_created (store));
  }
  {
    g_autoptr(PathwaysStore) store = pathways_store_open (prefixed, NULL, &error);
    ck_assert_no_error (error);
    ck_assert_str_eq (pathways_store_get_path (store), path);
    ck_assert (!pathways_store_was_created (store));
  }
}
END_TEST

static Suite *
sqlite_suite (void)
{
  Suite *s = suite_create ("sqlite");
  TCase *files = tcase_create ("files");
  TCase *schema = tcase_create ("schema");
  TCase *conns = tcase_create ("connections");

  tcase_add_checked_fixture (files, setup, teardown);
  tcase_add_test (files, test_create_private_files);
  tcase_add_test (files, test_pragmas);
  tcase_add_test (files, test_refuse_newer_database);
  tcase_add_test (files, test_refuse_foreign_files);
  tcase_add_test (files, test_locations);
  suite_add_tcase (s, files);

  tcase_add_checked_fixture (schema, setup, teardown);
  tcase_add_test (schema, test_migrate_from_v1_with_backup);
  tcase_add_test (schema, test_migrate_from_v5_adds_versions);
  tcase_add_test (schema, test_fields_match_columns);
  tcase_add_test (schema, test_audit_cannot_be_bypassed);
  suite_add_tcase (s, schema);

  tcase_add_checked_fixture (conns, setup, teardown);
  tcase_add_test (conns, test_reads_run_beside_the_writer);
  tcase_add_test (conns, test_pool_is_shared);
  suite_add_tcase (s, conns);

  return s;
}

int
main (void)
{
  return test_run_suite (sqlite_suite ());
}
