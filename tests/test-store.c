/* test-store.c — the store: files, schema, validation, transactions, audit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

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

/* Creating, opening, file modes */

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

START_TEST (test_env_overrides_default)
{
  g_autofree char *path = g_build_filename (dir, "from-env.db", NULL);
  g_autofree char *found = NULL;

  g_setenv (PATHWAYS_DATABASE_ENV, path, TRUE);
  found = pathways_store_default_path ();
  g_unsetenv (PATHWAYS_DATABASE_ENV);
  ck_assert_str_eq (found, path);
}
END_TEST

START_TEST (test_reopen_keeps_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0001");
  gint64 id;

  {
    g_autoptr(PathwaysStore) store = test_open_store (dir, "reopen.db");
    ck_assert (pathways_store_is_empty (store));
    ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
    id = pathways_record_get_id (PATHWAYS_RECORD (yp));
    ck_assert_int_gt (id, 0);
  }

  {
    g_autoptr(PathwaysStore) store = test_open_store (dir, "reopen.db");
    g_autoptr(PathwaysYoungPerson) again = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, id, &error);

    ck_assert_no_error (error);
    ck_assert (!pathways_store_was_created (store));
    ck_assert (!pathways_store_is_empty (store));
    ck_assert_str_eq (pathways_record_get_string (PATHWAYS_RECORD (again), "family-name"), "Okafor");
    ck_assert_str_eq (pathways_record_get_string (PATHWAYS_RECORD (again), "date-of-birth"), "2008-05-14");
    ck_assert_int_eq (pathways_record_get_int (PATHWAYS_RECORD (again), "days-looked-after-since-14"), 900);
    ck_assert_ptr_null (pathways_store_get_backup_path (store));
  }
}
END_TEST

START_TEST (test_pragmas)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "pragmas.db");
  sqlite3 *db = pathways_store_get_db (store);
  sqlite3_stmt *stmt = NULL;

  ck_assert_int_eq (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  ck_assert_str_eq ((const char *) sqlite3_column_text (stmt, 0), "wal");
  sqlite3_finalize (stmt);

  ck_assert_int_eq (sqlite3_prepare_v2 (db, "PRAGMA foreign_keys", -1, &stmt, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  ck_assert_int_eq (sqlite3_column_int (stmt, 0), 1);
  sqlite3_finalize (stmt);
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
    ck_assert_int_eq (sqlite3_exec (pathways_store_get_db (old),
                                    "INSERT INTO staff (name, role, team) VALUES ('Helen Reid', 'pa', 'North')",
                                    NULL, NULL, NULL), SQLITE_OK);
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

/* Validation: each bad value gives a readable message and writes nothing */

typedef struct {
  const char *field;
  const char *value;   /* string/date fields */
  const char *message; /* expected substring */
} BadValue;

static const BadValue bad_people[] = {
  { "date-of-birth", "2031-02-01", "Date of birth 01/02/2031 is in the future" },
  { "date-of-birth", "2008-02-30", "Date of birth ‘2008-02-30’ is not a date" },
  { "family-name", NULL, "Family name is required" },
  { "family-name", "   ", "Family name is required" },
  { "sex", "Q", "Sex ‘Q’ is not one of the known values" },
  { "ethnicity", "XXXX", "Ethnicity ‘XXXX’ is not a 903 ETHNIC code" },
  { "last-placement", "P2", "Last care placement ‘P2’ was not a valid 903 code on 22/11/2026" },
  { "date-first-looked-after", "2001-01-01", "Date first looked after 01/01/2001 is before Date of birth 14/05/2008" },
  { "date-care-ended", "2018-01-01", "Date care ended 01/01/2018 is before Date first looked after 01/03/2019" },
  { "last-contact-date", "2027-01-01", "Last contact with PA 01/01/2027 is in the future" },
};

START_TEST (test_invalid_person)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "invalid.db");
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0002");
  g_autoptr(GError) error = NULL;
  const BadValue *bad = &bad_people[_i];

  pathways_record_set_string (PATHWAYS_RECORD (yp), bad->field, bad->value);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID));
  ck_assert_msg (strstr (error->message, bad->message) != NULL,
                 "expected “%s”, got “%s”", bad->message, error->message);
  ck_assert_int_eq (pathways_record_get_id (PATHWAYS_RECORD (yp)), 0);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 0);
}
END_TEST

START_TEST (test_care_history_consistency)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "history.db");
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0003");
  g_autoptr(GError) error = NULL;

  /* More days since 16 than since 14 is impossible */
  g_object_set (yp, "days-looked-after-since-16", (gint64) 1000, NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_msg (strstr (error->message, "cannot be more than") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* More days since 14 than have passed since the 14th birthday (14/05/2022) */
  g_object_set (yp, "days-looked-after-since-16", (gint64) 10, "days-looked-after-since-14", (gint64) 2000, NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_msg (strstr (error->message, "more than the") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* An unknown personal adviser */
  g_object_set (yp, "days-looked-after-since-14", (gint64) 900, "pa-id", (gint64) 4242, NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_msg (strstr (error->message, "Personal adviser refers to a record that does not exist") != NULL,
                 "%s", error->message);
  g_clear_error (&error);

  /* Fixed, it goes in */
  g_object_set (yp, "pa-id", test_add_staff (store), NULL);
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_no_error (error);
}
END_TEST

START_TEST (test_unique_local_id)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "unique.db");
  g_autoptr(PathwaysYoungPerson) a = test_make_person ("LC0100");
  g_autoptr(PathwaysYoungPerson) b = test_make_person ("LC0100");
  g_autoptr(GError) error = NULL;

  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (a), &error));
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (b), &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONSTRAINT));
  ck_assert_msg (strstr (error->message, "Local child ID must be unique") != NULL, "%s", error->message);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 1);
}
END_TEST

static PathwaysUnit *
make_unit (void)
{
  return g_object_new (PATHWAYS_TYPE_UNIT,
                       "name", "Bridgeway Support, Larch Road",
                       "kind", "supported",
                       "status", "available",
                       "min-age", (gint64) 16,
                       "max-age", (gint64) 21,
                       "weekly-cost", (gint64) 65000,
                       "ofsted-urn", "2123456",
                       "registration", "registered",
                       NULL);
}

START_TEST (test_invalid_unit)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "units.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysUnit) unit = make_unit ();

  g_object_set (unit, "weekly-cost", (gint64) -100, NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (unit), &error));
  ck_assert_msg (strstr (error->message, "Weekly cost cannot be negative") != NULL, "%s", error->message);
  g_clear_error (&error);

  g_object_set (unit, "weekly-cost", (gint64) 100, "ofsted-urn", "URN-12", NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (unit), &error));
  ck_assert_msg (strstr (error->message, "Ofsted URN ‘URN-12’") != NULL, "%s", error->message);
  g_clear_error (&error);

  g_object_set (unit, "ofsted-urn", "SC123456", "min-age", (gint64) 21, "max-age", (gint64) 16, NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (unit), &error));
  ck_assert_msg (strstr (error->message, "Age range 21–16 is not sensible") != NULL, "%s", error->message);
  g_clear_error (&error);

  g_object_set (unit, "min-age", (gint64) 16, "kind", "castle", NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (unit), &error));
  ck_assert_msg (strstr (error->message, "Kind ‘castle’") != NULL, "%s", error->message);
  g_clear_error (&error);

  g_object_set (unit, "kind", "supported", "status-from", "2026-12-01", "status-to", "2026-11-01", NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (unit), &error));
  ck_assert_msg (strstr (error->message, "Status until 01/11/2026 is before Status from 01/12/2026") != NULL,
                 "%s", error->message);
  g_clear_error (&error);

  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL), 0);
}
END_TEST

/* 903 codes are checked against the date they apply to */
START_TEST (test_spell_codes_by_date)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "spells.db");
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0200");
  g_autoptr(PathwaysSpell) spell = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  spell = g_object_new (PATHWAYS_TYPE_SPELL,
                        "young-person-id", pathways_record_get_id (PATHWAYS_RECORD (yp)),
                        "address", "12 Canal Street",
                        "place", "P2",
                        "place-provider", "PR4",
                        "start-date", "2023-10-27",
                        "actual-end", "2023-12-01",
                        "state", "ended",
                        NULL);

  /* P2 (independent living) was allowed until 28 October 2023 … */
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (spell), &error));
  ck_assert_no_error (error);

  /* … but not from that day */
  pathways_record_set_id (PATHWAYS_RECORD (spell), 0);
  g_object_set (spell, "start-date", "2023-10-28", NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (spell), &error));
  ck_assert_msg (strstr (error->message, "‘P2’ was not a valid 903 code on 28/10/2023") != NULL,
                 "%s", error->message);
  g_clear_error (&error);

  /* K3 starts on 1 April 2024 */
  g_object_set (spell, "place", "K3", "start-date", "2024-03-31", NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (spell), &error));
  g_clear_error (&error);
  g_object_set (spell, "start-date", "2024-04-01", "actual-end", "2024-06-01", NULL);
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (spell), &error));
  ck_assert_no_error (error);

  /* Homeless (S) is never suitable */
  pathways_record_set_id (PATHWAYS_RECORD (spell), 0);
  g_object_set (spell, "place", NULL, "accom", "S", "accom-suitable", TRUE, NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (spell), &error));
  ck_assert_msg (strstr (error->message, "is never suitable") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* An ended spell needs its end; a current one cannot start in the future */
  g_object_set (spell, "accom", "U", "accom-suitable", TRUE, "actual-end", NULL, NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (spell), &error));
  ck_assert_msg (strstr (error->message, "actual end date") != NULL, "%s", error->message);
  g_clear_error (&error);
  g_object_set (spell, "state", "current", "start-date", "2027-01-01", NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (spell), &error));
  ck_assert_msg (strstr (error->message, "cannot start in the future (01/01/2027)") != NULL,
                 "%s", error->message);
  g_clear_error (&error);

  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_SPELL, NULL), 2);
}
END_TEST

START_TEST (test_reference_codes_by_date)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "codes.db");
  g_autoptr(GListModel) before = pathways_store_list_ref_codes (store, PATHWAYS_REF_PLACE, "2023-10-27", NULL);
  g_autoptr(GListModel) after = pathways_store_list_ref_codes (store, PATHWAYS_REF_PLACE, "2026-11-22", NULL);
  g_autoptr(GListModel) ethnic = pathways_store_list_ref_codes (store, PATHWAYS_REF_ETHNIC, NULL, NULL);
  gboolean p2_before = FALSE, p2_after = FALSE, k3_before = FALSE, k3_after = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (before); i++)
    {
      g_autoptr(PathwaysRecord) c = g_list_model_get_item (before, i);
      p2_before |= g_str_equal (pathways_record_get_string (c, "code"), "P2");
      k3_before |= g_str_equal (pathways_record_get_string (c, "code"), "K3");
    }
  for (guint i = 0; i < g_list_model_get_n_items (after); i++)
    {
      g_autoptr(PathwaysRecord) c = g_list_model_get_item (after, i);
      p2_after |= g_str_equal (pathways_record_get_string (c, "code"), "P2");
      k3_after |= g_str_equal (pathways_record_get_string (c, "code"), "K3");
    }
  ck_assert (p2_before && !p2_after);
  ck_assert (!k3_before && k3_after);
  ck_assert_uint_eq (g_list_model_get_n_items (ethnic), 20);
}
END_TEST

/* Transactions */

START_TEST (test_rollback_user_action)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "tx.db");
  g_autoptr(PathwaysYoungPerson) good = test_make_person ("LC0300");
  g_autoptr(PathwaysYoungPerson) bad = test_make_person ("LC0301");
  g_autoptr(GError) error = NULL;

  /* One user action = two writes; the second fails, so neither stays */
  ck_assert (pathways_store_begin (store, &error));
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (good), &error));
  g_object_set (bad, "date-of-birth", "2031-02-01", NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (bad), &error));
  pathways_store_rollback (store);

  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 0);
  {
    g_autoptr(GListModel) audit = pathways_store_list_audit (store, "young_person", 0, NULL);
    ck_assert_uint_eq (g_list_model_get_n_items (audit), 0);
  }

  /* Committed, both stay */
  g_clear_error (&error);
  pathways_record_set_id (PATHWAYS_RECORD (good), 0);
  g_object_set (bad, "date-of-birth", "2008-01-01", NULL);
  ck_assert (pathways_store_begin (store, &error));
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (good), &error));
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (bad), &error));
  ck_assert (pathways_store_commit (store, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 2);
}
END_TEST

START_TEST (test_failed_update_changes_nothing)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "update.db");
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0400");
  g_autoptr(PathwaysYoungPerson) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  id = pathways_record_get_id (PATHWAYS_RECORD (yp));

  g_object_set (yp, "preferred-name", "Mara", "date-of-birth", "2031-01-01", NULL);
  ck_assert (!pathways_store_update (store, PATHWAYS_RECORD (yp), &error));
  g_clear_error (&error);

  again = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, id, &error);
  ck_assert_ptr_null (pathways_record_get_string (PATHWAYS_RECORD (again), "preferred-name"));
  ck_assert_str_eq (pathways_record_get_string (PATHWAYS_RECORD (again), "date-of-birth"), "2008-05-14");

  /* Deleting a row that others refer to is refused */
  {
    g_autoptr(PathwaysSpell) spell = g_object_new (PATHWAYS_TYPE_SPELL,
                                                   "young-person-id", id, "address", "Somewhere",
                                                   "accom", "U", "start-date", "2026-01-01",
                                                   "state", "current", NULL);
    ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (spell), &error));
    ck_assert (!pathways_store_delete (store, PATHWAYS_RECORD (again), &error));
    ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONSTRAINT));
    ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 1);
  }
}
END_TEST

/* Audit trail */

START_TEST (test_audit_trail)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "audit.db");
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0500");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(PathwaysRecord) upd = NULL;
  g_autoptr(PathwaysRecord) ins = NULL;
  g_autoptr(PathwaysRecord) del = NULL;
  gint64 id;

  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  id = pathways_record_get_id (PATHWAYS_RECORD (yp));
  g_object_set (yp, "preferred-name", "Mara", NULL);
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (yp), &error));
  ck_assert (pathways_store_delete (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_no_error (error);

  entries = pathways_store_list_audit (store, "young_person", id, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (entries), 3);
  del = g_list_model_get_item (entries, 0);
  upd = g_list_model_get_item (entries, 1);
  ins = g_list_model_get_item (entries, 2);

  ck_assert_str_eq (pathways_record_get_string (ins, "action"), "insert");
  ck_assert_str_eq (pathways_record_get_string (ins, "actor"), g_get_user_name ());
  ck_assert_ptr_null (pathways_record_get_string (ins, "before-values"));
  ck_assert (strstr (pathways_record_get_string (ins, "after-values"), "\"family_name\":\"Okafor\"") != NULL);
  ck_assert (g_str_has_prefix (pathways_record_get_string (ins, "at"), "20"));

  ck_assert_str_eq (pathways_record_get_string (upd, "action"), "update");
  ck_assert (strstr (pathways_record_get_string (upd, "before-values"), "\"preferred_name\":null") != NULL);
  ck_assert (strstr (pathways_record_get_string (upd, "after-values"), "\"preferred_name\":\"Mara\"") != NULL);

  ck_assert_str_eq (pathways_record_get_string (del, "action"), "delete");
  ck_assert_ptr_nonnull (pathways_record_get_string (del, "before-values"));
  ck_assert_ptr_null (pathways_record_get_string (del, "after-values"));
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

/* Every entity's fields match its table's columns */
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

      ck_assert_int_eq (sqlite3_prepare_v2 (pathways_store_get_db (store), sql, -1, &stmt, NULL), SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *col = (const char *) sqlite3_column_text (stmt, 1);
          n_columns++;
          if (!g_str_equal (col, "id"))
            ck_assert_msg (pathways_record_class_find_field (rc, col) >= 0, "%s.%s has no field",
                           pathways_record_class_get_table (rc), col);
        }
      sqlite3_finalize (stmt);
      ck_assert_uint_eq (n_columns, pathways_record_class_get_n_fields (rc) + 1);
    }
}
END_TEST

/* The caseload model */

START_TEST (test_caseload_rows)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "caseload.db");
  g_autoptr(PathwaysYoungPerson) a = test_make_person ("LC0600");
  g_autoptr(PathwaysYoungPerson) b = test_make_person ("LC0601");
  g_autoptr(PathwaysUnit) unit = make_unit ();
  g_autoptr(PathwaysSpell) old = NULL;
  g_autoptr(PathwaysSpell) cur = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysRecord) first = NULL;
  g_autoptr(PathwaysRecord) second = NULL;

  g_object_set (a, "pa-id", test_add_staff (store), NULL);
  g_object_set (b, "given-name", "Ben", "family-name", "Barker", "preferred-name", "Benji", NULL);
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (a), &error));
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (b), &error));
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (unit), &error));

  old = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", pathways_record_get_id (PATHWAYS_RECORD (a)),
                      "address", "Foster placement", "place", "U4", "start-date", "2020-01-01",
                      "actual-end", "2026-05-14", "state", "ended", NULL);
  cur = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", pathways_record_get_id (PATHWAYS_RECORD (a)),
                      "unit-id", pathways_record_get_id (PATHWAYS_RECORD (unit)), "accom", "D",
                      "place", "K3", "start-date", "2026-05-14", "state", "current", NULL);
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (old), &error));
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (cur), &error));
  ck_assert_no_error (error);

  rows = pathways_store_load_caseload (store, "2026-11-22", &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (rows), 2);

  /* Sorted by family name: Barker before Okafor */
  first = g_list_model_get_item (rows, 0);
  second = g_list_model_get_item (rows, 1);
  ck_assert_str_eq (pathways_record_get_string (first, "display-name"), "Benji Barker");
  ck_assert_ptr_null (pathways_record_get_string (first, "accommodation"));
  ck_assert_ptr_null (pathways_record_get_string (first, "pa-name"));
  ck_assert (strstr (pathways_record_get_string (first, "search-text"), "benji") != NULL);

  ck_assert_str_eq (pathways_record_get_string (second, "display-name"), "Amara Okafor");
  ck_assert_int_eq (pathways_record_get_int (second, "age"), 18);
  ck_assert_str_eq (pathways_record_get_string (second, "pa-name"), "Alison Bennett");
  ck_assert_str_eq (pathways_record_get_string (second, "accommodation"), "Bridgeway Support, Larch Road");
  ck_assert_str_eq (pathways_record_get_string (second, "accommodation-kind"), "Registered supported accommodation");
  ck_assert_str_eq (pathways_record_get_string (second, "accommodation-since"), "2026-05-14");
  ck_assert_int_eq (pathways_record_get_int (second, "days-in-accommodation"), 192);
}
END_TEST

static void
caseload_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GListModel **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = pathways_store_load_caseload_finish (PATHWAYS_STORE (source), result, &error);
  ck_assert_no_error (error);
}

START_TEST (test_caseload_async)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "async.db");
  g_autoptr(PathwaysYoungPerson) a = test_make_person ("LC0700");
  g_autoptr(GListModel) rows = NULL;
  guint turns = 0;

  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (a), NULL));
  pathways_store_load_caseload_async (store, TEST_TODAY, NULL, caseload_loaded_cb, &rows);
  while (rows == NULL && turns++ < 1000)
    g_main_context_iteration (NULL, TRUE);

  ck_assert_ptr_nonnull (rows);
  ck_assert_uint_eq (g_list_model_get_n_items (rows), 1);
}
END_TEST

static Suite *
store_suite (void)
{
  Suite *s = suite_create ("store");
  TCase *files = tcase_create ("files");
  TCase *valid = tcase_create ("validation");
  TCase *tx = tcase_create ("transactions");
  TCase *models = tcase_create ("models");

  tcase_add_checked_fixture (files, setup, teardown);
  tcase_add_test (files, test_create_private_files);
  tcase_add_test (files, test_env_overrides_default);
  tcase_add_test (files, test_reopen_keeps_data);
  tcase_add_test (files, test_pragmas);
  tcase_add_test (files, test_migrate_from_v1_with_backup);
  tcase_add_test (files, test_refuse_newer_database);
  tcase_add_test (files, test_refuse_foreign_files);
  tcase_add_test (files, test_fields_match_columns);
  suite_add_tcase (s, files);

  tcase_add_checked_fixture (valid, setup, teardown);
  tcase_add_loop_test (valid, test_invalid_person, 0, G_N_ELEMENTS (bad_people));
  tcase_add_test (valid, test_care_history_consistency);
  tcase_add_test (valid, test_unique_local_id);
  tcase_add_test (valid, test_invalid_unit);
  tcase_add_test (valid, test_spell_codes_by_date);
  tcase_add_test (valid, test_reference_codes_by_date);
  suite_add_tcase (s, valid);

  tcase_add_checked_fixture (tx, setup, teardown);
  tcase_add_test (tx, test_rollback_user_action);
  tcase_add_test (tx, test_failed_update_changes_nothing);
  tcase_add_test (tx, test_audit_trail);
  tcase_add_test (tx, test_audit_cannot_be_bypassed);
  suite_add_tcase (s, tx);

  tcase_add_checked_fixture (models, setup, teardown);
  tcase_add_test (models, test_caseload_rows);
  tcase_add_test (models, test_caseload_async);
  suite_add_tcase (s, models);

  return s;
}

int
main (void)
{
  return test_run_suite (store_suite ());
}
