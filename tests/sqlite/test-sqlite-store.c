/* test-sqlite-store.c — the SQLite backend's own behaviour: files and
 * their modes, PRAGMAs, migrations with backups, refusing foreign or
 * newer files, the audit triggers and their chain, tampering and its
 * repair, durability (backups, damage, read-only files), the read pool
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
#include <sys/wait.h>
#include <unistd.h>

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
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autoptr(PathwaysStaff) staff = pathways_staff_new ("Journal Test", "pa", "North");
  g_autoptr(PathwaysStore) again = NULL;
  g_autoptr(GError) error = NULL;

  /* A new file has a rollback journal until its first commit (an import
   * into a new database writes each page once), then WAL for good: WAL
   * is the file's, so any connection sees it */
  ck_assert_str_eq (mode, "delete");
  ck_assert (!g_file_test (wal_path, G_FILE_TEST_EXISTS));
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (staff), &error));
  ck_assert_no_error (error);
  g_free (mode);
  mode = raw_text (path, "PRAGMA journal_mode");
  ck_assert_str_eq (mode, "wal");
  /* … and a file opened again is WAL from the start */
  g_clear_object (&store);
  store = test_open_store (dir, "pragmas.db");
  g_free (mode);
  mode = raw_text (path, "PRAGMA journal_mode");
  ck_assert_str_eq (mode, "wal");
  /* A new file closed before any commit is left in WAL too */
  again = test_open_store (dir, "pragmas-closed.db");
  g_clear_object (&again);
  {
    g_autofree char *closed = g_build_filename (dir, "pragmas-closed.db", NULL);
    g_autofree char *closed_mode = raw_text (closed, "PRAGMA journal_mode");

    ck_assert_str_eq (closed_mode, "wal");
  }
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
    PATHWAYS_TYPE_REF_CODE, PATHWAYS_TYPE_AUDIT_ENTRY, PATHWAYS_TYPE_NOTE, PATHWAYS_TYPE_EPISODE,
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
/* A schema-6 database with the days-looked-after figures typed in: the
 * figures become episodes marked for checking, and the figures derived
 * from those are the typed ones (a 29 February birthday too) */
static void
assert_migrated (PathwaysSnapshot *snap,
                 PathwaysStore    *store,
                 const char       *local_id,
                 guint             n_episodes,
                 gint64            days14,
                 gint64            days16,
                 const char       *first,
                 const char       *ended,
                 const char       *last_place)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM young_person WHERE local_id = '%s'", local_id);
  gint64 id = test_query_int (store, sql);
  const PathwaysPersonFacts *p = pathways_snapshot_get_person (snap, id);

  ck_assert_ptr_nonnull (p);
  ck_assert_msg (p->episodes->len == n_episodes, "%s: %u episodes", local_id, p->episodes->len);
  if (n_episodes == 0)
    return;
  ck_assert (p->history_needs_check);
  ck_assert_int_eq (p->days_since_14, days14);
  ck_assert_int_eq (p->days_since_16, days16);
  ck_assert_str_eq (p->date_first_looked_after, first);
  ck_assert_str_eq (p->last_placement ? p->last_placement : "", last_place);
  if (ended == NULL)
    ck_assert_ptr_null (p->date_care_ended);
  else
    ck_assert_str_eq (p->date_care_ended, ended);
}

START_TEST (test_migrate_typed_figures_to_episodes)
{
  g_autofree char *path = g_build_filename (dir, "six.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysClock) clock = pathways_clock_new_fixed (TEST_TODAY);

  {
    g_autoptr(PathwaysStore) old = pathways_store_open_at_version (path, clock, 6, &error);
    ck_assert_no_error (error);
    ck_assert (pathways_sqlite_store_exec (PATHWAYS_SQLITE_STORE (old),
      "INSERT INTO young_person (given_name, family_name, date_of_birth, sex, local_id,"
      " date_first_looked_after, days_looked_after_since_14, days_looked_after_since_16, date_care_ended,"
      " last_placement, special_guardianship) VALUES"
      " ('Left', 'AtSixteenPlus', '2008-05-14', 'F', 'M1', '2019-03-01', 900, 200, '2024-11-30', 'U4', 0),"
      " ('Still', 'InCare', '2010-01-10', 'M', 'M2', '2024-06-01', 100, 100, NULL, 'K2', 0),"
      " ('Leap', 'Day', '2008-02-29', 'F', 'M3', NULL, 400, 30, '2024-03-31', 'U6', 0),"
      " ('No', 'Figures', '2009-01-01', 'M', 'M4', NULL, 0, 0, NULL, NULL, 0),"
      " ('Special', 'Guardian', '2008-01-01', 'F', 'M5', NULL, 200, 100, '2025-01-01', 'U1', 1)",
      &error));
    ck_assert_no_error (error);
  }

  {
    g_autoptr(PathwaysStore) store = open_path (path);
    g_autoptr(PathwaysSnapshot) snap = pathways_snapshot_load (store, TEST_TODAY, &error);
    g_autofree char *sgo_rec = NULL;

    ck_assert_no_error (error);
    ck_assert_int_eq (pathways_store_get_schema_version (store), PATHWAYS_STORE_SCHEMA_VERSION);
    ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM episode WHERE origin <> 'typed-figures'"
                                             " OR needs_check = 0"), 0);
    /* before 14, 14 to 16, after 16 */
    assert_migrated (snap, store, "M1", 3, 900, 200, "2019-03-01", "2024-11-30", "U4");
    /* still looked after: open from the first day, counted to today */
    assert_migrated (snap, store, "M2", 1, 905, 317, "2024-06-01", NULL, "K2");
    /* 16th birthday on 29/02/2024 */
    assert_migrated (snap, store, "M3", 2, 400, 30, "2023-02-24", "2024-03-31", "U6");
    assert_migrated (snap, store, "M4", 0, 0, 0, NULL, NULL, NULL);
    assert_migrated (snap, store, "M5", 2, 200, 100, "2023-09-23", "2025-01-01", "U1");
    ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM episode e JOIN young_person y"
                                             " ON y.id = e.young_person_id WHERE y.local_id = 'M5'"
                                             " AND e.rec = 'E45' AND e.dec = '2025-01-01'"), 1);
  }
}
END_TEST

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

/* The audit trail ----------------------------------------------------- */

static PathwaysAuditCheck *
verify (PathwaysStore *store)
{
  g_autoptr(GError) error = NULL;
  PathwaysAuditCheck *check = pathways_store_verify_audit (store, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (check);
  return check;
}

static void
add_staff (PathwaysStore *store,
           const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysStaff) s = pathways_staff_new (name, "pa", "North");

  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (s), &error));
  ck_assert_no_error (error);
}

static int
raw_try (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc;
}

/* Any SQLite client: audit rows can be neither deleted nor changed */
START_TEST (test_audit_rows_are_final)
{
  g_autofree char *path = g_build_filename (dir, "final.db", NULL);
  g_autoptr(PathwaysStore) store = test_open_store (dir, "final.db");
  g_autoptr(PathwaysAuditCheck) check = NULL;

  add_staff (store, "Helen Reid");
  add_staff (store, "Sam Okoro");
  g_clear_object (&store);

  ck_assert_int_ne (raw_try (path, "DELETE FROM audit_log WHERE id = 1"), SQLITE_OK);
  ck_assert_int_ne (raw_try (path, "DELETE FROM audit_log"), SQLITE_OK);
  ck_assert_int_ne (raw_try (path, "UPDATE audit_log SET actor = 'someone else' WHERE id = 1"), SQLITE_OK);
  ck_assert_int_ne (raw_try (path, "UPDATE audit_log SET after_values = NULL"), SQLITE_OK);

  store = test_open_store (dir, "final.db");
  ck_assert_ptr_null (pathways_store_get_read_only_reason (store));
  check = verify (store);
  ck_assert_int_eq (check->broken_row, 0);
  ck_assert_int_ge (check->n_rows, 2);
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM audit_log WHERE actor = 'someone else'"), 0);
}
END_TEST

/* A dropped trigger: the next open says so and refuses writes in words;
 * a repair restores the trigger, is itself recorded, and the chain verifies */
START_TEST (test_dropped_trigger_until_repair)
{
  g_autofree char *path = g_build_filename (dir, "dropped.db", NULL);
  g_autoptr(PathwaysStore) store = test_open_store (dir, "dropped.db");
  g_autoptr(PathwaysAuditCheck) check = NULL;
  g_autoptr(PathwaysStaff) s = pathways_staff_new ("Unrecorded", "pa", "North");
  g_autoptr(GError) error = NULL;
  g_autofree char *repaired = NULL;
  const char *reason;

  add_staff (store, "Helen Reid");
  g_clear_object (&store);
  raw_exec (path, "DROP TRIGGER audit_staff_insert");

  store = test_open_store (dir, "dropped.db");
  reason = pathways_store_get_read_only_reason (store);
  ck_assert_ptr_nonnull (reason);
  ck_assert_msg (strstr (reason, "audit_staff_insert") != NULL && strstr (reason, "audit repair") != NULL,
                 "%s", reason);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (s), &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_READ_ONLY));
  ck_assert_msg (strstr (error->message, "audit_staff_insert") != NULL, "%s", error->message);
  g_clear_error (&error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_STAFF, NULL), 1);

  ck_assert (pathways_store_repair_audit (store, &repaired, &error));
  ck_assert_no_error (error);
  ck_assert_msg (repaired != NULL && strstr (repaired, "audit_staff_insert") != NULL, "%s", repaired);
  ck_assert_ptr_null (pathways_store_get_read_only_reason (store));
  add_staff (store, "Recorded again");
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM audit_log WHERE action = 'repair'"), 1);
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM audit_log WHERE table_name = 'staff'"
                                           " AND after_values LIKE '%Recorded again%'"), 1);
  check = verify (store);
  ck_assert_int_eq (check->broken_row, 0);
  g_clear_object (&store);

  /* … and the next open is writable again */
  store = test_open_store (dir, "dropped.db");
  ck_assert_ptr_null (pathways_store_get_read_only_reason (store));
}
END_TEST

/* An added trigger (one that would swallow audit rows) is tampering too */
START_TEST (test_added_trigger_is_tampering)
{
  g_autofree char *path = g_build_filename (dir, "added.db", NULL);
  g_autoptr(PathwaysStore) store = test_open_store (dir, "added.db");

  g_clear_object (&store);
  raw_exec (path, "CREATE TRIGGER swallow BEFORE INSERT ON audit_log BEGIN SELECT RAISE(IGNORE); END");
  store = test_open_store (dir, "added.db");
  ck_assert_ptr_nonnull (pathways_store_get_read_only_reason (store));
  ck_assert (strstr (pathways_store_get_read_only_reason (store), "swallow") != NULL);
  ck_assert (pathways_store_repair_audit (store, NULL, NULL));
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM sqlite_master WHERE name = 'swallow'"), 0);
}
END_TEST

static void
fake_text (sqlite3_context *ctx,
           int              argc,
           sqlite3_value  **argv)
{
  sqlite3_result_text (ctx, "0000", -1, SQLITE_STATIC);
}

static void
fake_int (sqlite3_context *ctx,
          int              argc,
          sqlite3_value  **argv)
{
  sqlite3_result_int (ctx, 1);
}

/* Rows written by a program that defines the audit functions itself
 * (as anyone, with digests of its own) break the chain, and so does a
 * row edited or inserted with the triggers out of the way */
START_TEST (test_forged_rows_break_the_chain)
{
  g_autofree char *path = g_build_filename (dir, "forged.db", NULL);
  g_autoptr(PathwaysStore) store = test_open_store (dir, "forged.db");
  g_autoptr(PathwaysAuditCheck) check = NULL;
  gint64 last;
  sqlite3 *db = NULL;

  add_staff (store, "Helen Reid");
  add_staff (store, "Sam Okoro");
  last = test_query_int (store, "SELECT max(id) FROM audit_log");
  g_clear_object (&store);

  /* A forged actor and forged digests, through the triggers */
  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  sqlite3_create_function (db, "pathways_actor", 0, SQLITE_UTF8, NULL, fake_text, NULL, NULL);
  sqlite3_create_function (db, "pathways_acting_staff", 0, SQLITE_UTF8, NULL, fake_int, NULL, NULL);
  sqlite3_create_function (db, "pathways_audit_digest", 10, SQLITE_UTF8, NULL, fake_text, NULL, NULL);
  sqlite3_create_function (db, "pathways_audit_chain", 2, SQLITE_UTF8, NULL, fake_text, NULL, NULL);
  ck_assert_int_eq (sqlite3_exec (db, "INSERT INTO staff (name, role) VALUES ('Forger', 'pa')", NULL, NULL, NULL),
                    SQLITE_OK);
  sqlite3_close (db);

  store = test_open_store (dir, "forged.db");
  check = verify (store);
  ck_assert_int_eq (check->broken_row, last + 1);
  ck_assert_ptr_nonnull (check->problem);
  g_clear_pointer (&check, pathways_audit_check_free);
  g_clear_object (&store);

  /* An edited row, with the append-only trigger dropped first */
  {
    g_autofree char *edited = g_build_filename (dir, "edited.db", NULL);

    store = test_open_store (dir, "edited.db");
    add_staff (store, "Helen Reid");
    add_staff (store, "Sam Okoro");
    last = test_query_int (store, "SELECT max(id) FROM audit_log");
    g_clear_object (&store);
    raw_exec (edited, "DROP TRIGGER audit_log_no_update;"
                      "UPDATE audit_log SET after_values = replace(after_values, 'Helen', 'Ellen')"
                      " WHERE after_values LIKE '%Helen%'");
    store = test_open_store (dir, "edited.db");
    check = verify (store);
    ck_assert_int_eq (check->broken_row, last - 1);
    ck_assert_msg (strstr (check->problem, "content") != NULL, "%s", check->problem);
    g_clear_pointer (&check, pathways_audit_check_free);
    g_clear_object (&store);
  }

  /* A row inserted straight into the log, triggers or not */
  {
    g_autofree char *inserted = g_build_filename (dir, "inserted.db", NULL);

    store = test_open_store (dir, "inserted.db");
    add_staff (store, "Helen Reid");
    last = test_query_int (store, "SELECT max(id) FROM audit_log");
    g_clear_object (&store);
    raw_exec (inserted, "INSERT INTO audit_log (id, at, actor, table_name, row_id, action, after_values,"
                        " content_digest, chain_digest) VALUES (1000, '2026-11-22T10:00:00.000Z', 'nobody',"
                        " 'staff', 99, 'insert', '{}', 'abc', 'def')");
    store = test_open_store (dir, "inserted.db");
    check = verify (store);
    ck_assert_int_eq (check->broken_row, 1000);
    g_clear_pointer (&check, pathways_audit_check_free);
  }

  /* A removed row (triggers dropped): the one after it no longer follows */
  {
    g_autofree char *removed = g_build_filename (dir, "removed.db", NULL);

    g_clear_object (&store);
    store = test_open_store (dir, "removed.db");
    add_staff (store, "Helen Reid");
    add_staff (store, "Sam Okoro");
    add_staff (store, "Priya Shah");
    last = test_query_int (store, "SELECT max(id) FROM audit_log");
    g_clear_object (&store);
    raw_exec (removed, "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE after_values LIKE '%Sam Okoro%'");
    store = test_open_store (dir, "removed.db");
    check = verify (store);
    ck_assert_int_eq (check->broken_row, last);
    ck_assert_msg (strstr (check->problem, "follow") != NULL, "%s", check->problem);
  }
}
END_TEST

/* Cut rows off the end of the log the way only an attacker can: drop the
 * append-only trigger, delete the newest rows, make the trigger again
 * exactly as it was.  The chain of what is left still holds. */
static void
cut_tail (const char *path,
          int         n_rows)
{
  g_autofree char *trigger = raw_text (path, "SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_delete'");
  g_autofree char *cut = g_strdup_printf ("DELETE FROM audit_log WHERE id > (SELECT max(id) - %d FROM audit_log)",
                                          n_rows);

  ck_assert_ptr_nonnull (trigger);
  raw_exec (path, "DROP TRIGGER audit_log_no_delete");
  raw_exec (path, cut);
  raw_exec (path, trigger);
}

/* Truncation after a trigger drop and remake: read-only at open with a
 * message saying so, and `audit verify` fails; a repair records it */
START_TEST (test_truncated_tail_detected)
{
  g_autofree char *path = g_build_filename (dir, "cut.db", NULL);
  g_autoptr(PathwaysStore) store = test_open_store (dir, "cut.db");
  g_autoptr(PathwaysStaff) s = pathways_staff_new ("Unrecorded", "pa", "North");
  g_autoptr(PathwaysAuditCheck) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *repaired = NULL;
  g_autofree char *anchor = pathways_sqlite_anchor_file (path);
  const char *reason;
  gint64 head;

  add_staff (store, "Helen Reid");
  add_staff (store, "Sam Okoro");
  add_staff (store, "Priya Shah");
  head = test_query_int (store, "SELECT max(id) FROM audit_log");
  g_clear_object (&store);

  /* The anchor: private, outside the database's folder */
  ck_assert (g_file_test (anchor, G_FILE_TEST_IS_REGULAR));
  ck_assert_int_eq (file_mode (anchor), 0600);
  ck_assert (!g_str_has_prefix (anchor, dir));

  cut_tail (path, 2);
  store = test_open_store (dir, "cut.db");
  reason = pathways_store_get_read_only_reason (store);
  ck_assert_msg (reason != NULL && strstr (reason, "shorter") != NULL && strstr (reason, "audit repair") != NULL,
                 "%s", reason ? reason : "(writable)");
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (s), &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_READ_ONLY));
  g_clear_error (&error);

  check = verify (store);
  ck_assert_int_eq (check->broken_row, head - 1);  /* the first row missing */
  ck_assert_msg (check->problem != NULL && strstr (check->problem, "cut off") != NULL, "%s", check->problem);
  g_clear_pointer (&check, pathways_audit_check_free);

  /* A repair records what happened and holds to the log from then on */
  ck_assert (pathways_store_repair_audit (store, &repaired, &error));
  ck_assert_no_error (error);
  ck_assert_msg (repaired != NULL && strstr (repaired, "shorter") != NULL, "%s", repaired);
  ck_assert_ptr_null (pathways_store_get_read_only_reason (store));
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM audit_log WHERE action = 'repair'"
                                           " AND after_values LIKE '%shorter%'"), 1);
  add_staff (store, "Recorded again");
  check = verify (store);
  ck_assert_int_eq (check->broken_row, 0);
  g_clear_object (&store);
  store = test_open_store (dir, "cut.db");
  ck_assert_ptr_null (pathways_store_get_read_only_reason (store));
}
END_TEST

/* The whole log emptied, or the file replaced by another database: both
 * are found */
START_TEST (test_emptied_or_replaced_log_detected)
{
  g_autofree char *path = g_build_filename (dir, "mine.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autoptr(PathwaysStore) store = test_open_store (dir, "mine.db");
  g_autoptr(PathwaysAuditCheck) check = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *reason;
  gint64 head;

  add_staff (store, "Helen Reid");
  head = test_query_int (store, "SELECT max(id) FROM audit_log");
  g_clear_object (&store);

  /* Another database with a longer log of its own, copied over this one */
  store = test_open_store (dir, "other.db");
  for (int i = 0; i < 4; i++)
    add_staff (store, "Someone Else");
  g_clear_object (&store);
  ck_assert (g_file_get_contents (other, &contents, &length, NULL));
  ck_assert (g_file_set_contents (path, contents, length, NULL));
  store = test_open_store (dir, "mine.db");
  reason = pathways_store_get_read_only_reason (store);
  ck_assert_msg (reason != NULL && strstr (reason, "replaced") != NULL, "%s", reason ? reason : "(writable)");
  check = verify (store);
  ck_assert_int_eq (check->broken_row, head);
  g_clear_pointer (&check, pathways_audit_check_free);
  g_clear_object (&store);

  /* A copy at a place this computer has not seen is taken as it is */
  ck_assert (g_file_set_contents (copy, contents, length, NULL));
  store = test_open_store (dir, "copy.db");
  ck_assert_ptr_null (pathways_store_get_read_only_reason (store));
  g_clear_object (&store);

  /* Every row cut */
  cut_tail (other, 1000);
  store = test_open_store (dir, "other.db");
  reason = pathways_store_get_read_only_reason (store);
  ck_assert_msg (reason != NULL && strstr (reason, "empty") != NULL, "%s", reason ? reason : "(writable)");
}
END_TEST

/* A crash between a commit and noting its head leaves the anchor behind
 * the database: never taken for tampering.  Nor is an anchor cut short,
 * a new database where an old one was, or a backup restored. */
START_TEST (test_anchor_behind_is_no_alarm)
{
  g_autofree char *path = g_build_filename (dir, "crash.db", NULL);
  g_autofree char *anchor = pathways_sqlite_anchor_file (path);
  g_autoptr(PathwaysStore) store = test_open_store (dir, "crash.db");
  g_autoptr(PathwaysAuditCheck) check = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length = 0;

  add_staff (store, "Helen Reid");
  ck_assert (g_file_get_contents (anchor, &before, &length, NULL));
  add_staff (store, "Sam Okoro");
  add_staff (store, "Priya Shah");
  ck_assert (g_file_get_contents (anchor, &after, NULL, NULL));
  ck_assert_str_ne (before, after);  /* every commit moves it on */
  g_clear_object (&store);

  /* As if killed after the last commits but before the anchor moved */
  ck_assert (g_file_set_contents (anchor, before, length, NULL));
  store = test_open_store (dir, "crash.db");
  ck_assert_ptr_null (pathways_store_get_read_only_reason (store));
  check = verify (store);
  ck_assert_int_eq (check->broken_row, 0);
  ck_assert_ptr_null (check->problem);
  g_clear_pointer (&check, pathways_audit_check_free);
  g_clear_object (&store);

  /* An anchor cut short by a power cut counts as none */
  ck_assert (g_file_set_contents (anchor, "", 0, NULL));
  store = test_open_store (dir, "crash.db");
  ck_assert_ptr_null (pathways_store_get_read_only_reason (store));
  g_clear_object (&store);

  /* A new database made where this one was */
  ck_assert_int_eq (g_unlink (path), 0);
  store = test_open_store (dir, "crash.db");
  ck_assert (pathways_store_was_created (store));
  ck_assert_ptr_null (pathways_store_get_read_only_reason (store));
  check = verify (store);
  ck_assert_int_eq (check->broken_row, 0);
}
END_TEST

/* A dropped audit_log: a clear message, never a raw database error */
START_TEST (test_dropped_audit_log)
{
  g_autofree char *path = g_build_filename (dir, "noaudit.db", NULL);
  g_autoptr(PathwaysStore) store = test_open_store (dir, "noaudit.db");
  g_autoptr(PathwaysStaff) s = pathways_staff_new ("Unrecorded", "pa", "North");
  g_autoptr(PathwaysAuditCheck) check = NULL;
  g_autoptr(GError) error = NULL;

  add_staff (store, "Helen Reid");
  g_clear_object (&store);
  raw_exec (path, "DROP TABLE audit_log");

  store = test_open_store (dir, "noaudit.db");
  ck_assert_ptr_nonnull (pathways_store_get_read_only_reason (store));
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (s), &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_READ_ONLY));
  ck_assert_msg (strstr (error->message, "audit log") != NULL && strstr (error->message, "removed") != NULL,
                 "%s", error->message);
  ck_assert_msg (strstr (error->message, "no such table") == NULL, "%s", error->message);
  g_clear_error (&error);
  /* The records can still be read */
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_STAFF, NULL), 1);

  ck_assert (pathways_store_repair_audit (store, NULL, &error));
  ck_assert_no_error (error);
  add_staff (store, "Recorded");
  check = verify (store);
  ck_assert_int_eq (check->broken_row, 0);
  ck_assert_int_eq (check->n_rows, 2);  /* the repair, then the new row */
}
END_TEST

/* An existing database's log is chained when it is migrated */
START_TEST (test_migration_chains_old_rows)
{
  g_autofree char *path = g_build_filename (dir, "six.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysClock) clock = pathways_clock_new_fixed (TEST_TODAY);
  g_autoptr(PathwaysAuditCheck) check = NULL;
  g_autoptr(PathwaysStore) store = NULL;

  {
    g_autoptr(PathwaysStore) old = pathways_store_open_at_version (path, clock, 6, &error);
    ck_assert_no_error (error);
    ck_assert (pathways_sqlite_store_exec (PATHWAYS_SQLITE_STORE (old),
                                           "INSERT INTO staff (name, role) VALUES ('Helen Reid', 'pa');"
                                           "INSERT INTO staff (name, role) VALUES ('Sam Okoro', 'pa');", &error));
    ck_assert_no_error (error);
    ck_assert_int_eq (pathways_sqlite_store_query_int (PATHWAYS_SQLITE_STORE (old),
                                                       "SELECT count(*) FROM audit_log", NULL), 2);
  }
  store = open_path (path);
  ck_assert_ptr_null (pathways_store_get_read_only_reason (store));
  check = verify (store);
  ck_assert_int_eq (check->broken_row, 0);
  /* the two, the row that says they were chained, and what later
   * migration steps wrote (each audited), every one on the chain */
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM audit_log WHERE action = 'chain'"), 1);
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM audit_log WHERE table_name = 'staff'"), 2);
  ck_assert_int_ge (check->n_rows, 3);
  ck_assert_int_eq (check->n_rows, test_query_int (store, "SELECT count(*) FROM audit_log"));
  /* the new rows go on the chain */
  {
    guint before = check->n_rows;

    add_staff (store, "Priya Shah");
    g_clear_pointer (&check, pathways_audit_check_free);
    check = verify (store);
    ck_assert_int_eq (check->broken_row, 0);
    /* the staff row (and its team's, when the team is new) */
    ck_assert_int_gt (check->n_rows, before);
    ck_assert_int_eq (check->n_rows, test_query_int (store, "SELECT count(*) FROM audit_log"));
    ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM audit_log WHERE table_name = 'staff'"), 3);
  }
}
END_TEST

/* Durability -------------------------------------------------------- */

START_TEST (test_synchronous_full)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "sync.db");
  g_autoptr(GError) error = NULL;

  ck_assert (pathways_store_begin (store, &error));
  /* 2 = FULL, on the writer */
  ck_assert_int_eq (pathways_sqlite_store_query_int (PATHWAYS_SQLITE_STORE (store), "PRAGMA synchronous",
                                                     &error), 2);
  pathways_store_rollback (store);
  ck_assert_no_error (error);
}
END_TEST

static G_GNUC_NORETURN void
die_in_backup (const char *partial)
{
  _exit (9);
}

static guint
count_suffix (const char *folder,
              const char *suffix)
{
  g_autoptr(GDir) d = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    n += g_str_has_suffix (name, suffix);
  return n;
}

/* A backup cut short leaves nothing that looks like a backup */
START_TEST (test_interrupted_backup)
{
  g_autofree char *path = g_build_filename (dir, "five.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysClock) clock = pathways_clock_new_fixed (TEST_TODAY);
  int status = 0;
  pid_t pid;

  {
    g_autoptr(PathwaysStore) old = pathways_store_open_at_version (path, clock, 5, &error);
    ck_assert_no_error (error);
  }

  fflush (NULL);
  pid = fork ();
  ck_assert_int_ge (pid, 0);
  if (pid == 0)
    {
      pathways_sqlite_store_set_backup_hook (die_in_backup);
      pathways_store_open (path, NULL, NULL);
      _exit (0);
    }
  ck_assert_int_eq (waitpid (pid, &status, 0), pid);
  ck_assert (WIFEXITED (status) && WEXITSTATUS (status) == 9);
  ck_assert_uint_eq (count_suffix (dir, ".bak"), 0);

  /* The next open makes a whole one, and tidies away the partial one */
  {
    g_autoptr(PathwaysStore) store = open_path (path);
    ck_assert_ptr_nonnull (pathways_store_get_backup_path (store));
    ck_assert_uint_eq (count_suffix (dir, ".bak"), 1);
    ck_assert_int_eq (file_mode (pathways_store_get_backup_path (store)), 0600);
  }
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      ck_assert_msg (strstr (name, ".backup-") == NULL, "left behind: %s", name);
  }
}
END_TEST

/* Overwritten pages: found at open, with the newest backup named */
START_TEST (test_corrupt_page_names_backup)
{
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysClock) clock = pathways_clock_new_fixed (TEST_TODAY);
  g_autofree char *backup = NULL;
  PathwaysStore *store;
  FILE *f;

  {
    g_autoptr(PathwaysStore) old = pathways_store_open_at_version (path, clock, 5, &error);
    ck_assert_no_error (error);
  }
  {
    g_autoptr(PathwaysStore) s = open_path (path);

    backup = g_strdup (pathways_store_get_backup_path (s));
    for (guint i = 0; i < 40; i++)
      {
        g_autofree char *name = g_strdup_printf ("Staff member %u", i);
        add_staff (s, name);
      }
  }
  /* Pages 3 to 5 (4096 bytes each) overwritten */
  f = fopen (path, "r+b");
  ck_assert_ptr_nonnull (f);
  ck_assert_int_eq (fseek (f, 2 * 4096, SEEK_SET), 0);
  for (guint i = 0; i < 3 * 4096; i++)
    fputc ((int) ((i * 7919u) & 0xff), f);
  fclose (f);

  store = pathways_store_open (path, clock, &error);
  ck_assert_ptr_null (store);
  ck_assert_msg (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CORRUPT), "%s",
                 error ? error->message : "");
  ck_assert_msg (strstr (error->message, "damaged") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, backup) != NULL, "%s", error->message);
  g_clear_error (&error);

  /* Going back to the backup: the damaged file is kept aside */
  {
    g_autofree char *newest = pathways_store_find_newest_backup (path);
    g_autofree char *aside = NULL;
    g_autoptr(PathwaysStore) again = NULL;

    ck_assert_str_eq (newest, backup);
    ck_assert (pathways_store_restore_backup (path, newest, &aside, &error));
    ck_assert_no_error (error);
    ck_assert (g_file_test (aside, G_FILE_TEST_EXISTS));
    ck_assert (g_file_test (backup, G_FILE_TEST_EXISTS));
    ck_assert_int_eq (file_mode (path), 0600);
    again = open_path (path);
    ck_assert_int_eq (pathways_store_count (again, PATHWAYS_TYPE_STAFF, NULL), 0);
  }
}
END_TEST

/* A read-only file is opened read-only, never made writable; so is a
 * file in a read-only folder; reads work, writes are refused in words */
START_TEST (test_read_only_file_and_folder)
{
  g_autofree char *path = g_build_filename (dir, "ro.db", NULL);
  g_autofree char *sub = g_build_filename (dir, "locked", NULL);
  g_autofree char *inner = g_build_filename (sub, "inner.db", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(PathwaysStore) store = test_open_store (dir, "ro.db");
    add_staff (store, "Helen Reid");
  }
  ck_assert_int_eq (g_chmod (path, 0400), 0);
  {
    g_autoptr(PathwaysStore) store = open_path (path);
    g_autoptr(PathwaysStaff) s = pathways_staff_new ("Refused", "pa", "North");

    ck_assert_int_eq (file_mode (path), 0400);
    ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_STAFF, NULL), 1);
    ck_assert_ptr_nonnull (pathways_store_get_read_only_reason (store));
    ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (s), &error));
    ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_READ_ONLY));
    ck_assert_msg (strstr (error->message, "read-only") != NULL, "%s", error->message);
    g_clear_error (&error);
  }
  ck_assert_int_eq (file_mode (path), 0400);
  g_chmod (path, 0600);

  ck_assert_int_eq (g_mkdir (sub, 0700), 0);
  {
    g_autoptr(PathwaysStore) store = open_path (inner);
    add_staff (store, "Sam Okoro");
  }
  ck_assert_int_eq (g_chmod (sub, 0500), 0);
  {
    g_autoptr(PathwaysStore) store = open_path (inner);
    g_autoptr(PathwaysStaff) s = pathways_staff_new ("Refused", "pa", "North");
    g_autoptr(PathwaysAuditCheck) check = verify (store);

    ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_STAFF, NULL), 1);
    ck_assert_int_eq (check->broken_row, 0);
    ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (s), &error));
    ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_READ_ONLY));
    ck_assert_msg (strstr (error->message, "folder") != NULL, "%s", error->message);
  }
  g_chmod (sub, 0700);
}
END_TEST

/* The actor: the OS login and the staff member chosen, on every row */
START_TEST (test_actor_login_and_staff)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "actor.db");
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(PathwaysAuditEntry) latest = NULL;
  g_autoptr(GError) error = NULL;
  gint64 helen;

  add_staff (store, "Helen Reid");
  helen = test_query_int (store, "SELECT id FROM staff WHERE name = 'Helen Reid'");
  ck_assert (!pathways_store_set_acting_staff (store, 999, &error));
  g_clear_error (&error);
  ck_assert (pathways_store_set_acting_staff (store, helen, &error));
  add_staff (store, "Sam Okoro");

  audit = pathways_store_list_audit (store, "staff", 0, &error);
  ck_assert_no_error (error);
  latest = g_list_model_get_item (audit, 0);
  ck_assert_str_eq (pathways_audit_entry_get_actor (latest), g_get_user_name ());
  ck_assert_int_eq (pathways_audit_entry_get_staff_id (latest), helen);
  ck_assert_str_eq (pathways_audit_entry_get_staff_name (latest), "Helen Reid");
  g_clear_object (&latest);
  latest = g_list_model_get_item (audit, 1);
  ck_assert_ptr_null (pathways_audit_entry_get_staff_name (latest));
}
END_TEST

static Suite *
sqlite_suite (void)
{
  Suite *s = suite_create ("sqlite");
  TCase *files = tcase_create ("files");
  TCase *schema = tcase_create ("schema");
  TCase *conns = tcase_create ("connections");
  TCase *audit = tcase_create ("audit");
  TCase *durable = tcase_create ("durable");

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
  tcase_add_test (schema, test_migrate_typed_figures_to_episodes);
  tcase_add_test (schema, test_fields_match_columns);
  tcase_add_test (schema, test_audit_cannot_be_bypassed);
  suite_add_tcase (s, schema);

  tcase_add_checked_fixture (audit, setup, teardown);
  tcase_add_test (audit, test_audit_rows_are_final);
  tcase_add_test (audit, test_dropped_trigger_until_repair);
  tcase_add_test (audit, test_added_trigger_is_tampering);
  tcase_add_test (audit, test_forged_rows_break_the_chain);
  tcase_add_test (audit, test_dropped_audit_log);
  tcase_add_test (audit, test_migration_chains_old_rows);
  tcase_add_test (audit, test_actor_login_and_staff);
  tcase_add_test (audit, test_truncated_tail_detected);
  tcase_add_test (audit, test_emptied_or_replaced_log_detected);
  tcase_add_test (audit, test_anchor_behind_is_no_alarm);
  suite_add_tcase (s, audit);

  tcase_add_checked_fixture (durable, setup, teardown);
  tcase_add_test (durable, test_synchronous_full);
  tcase_add_test (durable, test_interrupted_backup);
  tcase_add_test (durable, test_corrupt_page_names_backup);
  tcase_add_test (durable, test_read_only_file_and_folder);
  suite_add_tcase (s, durable);

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
