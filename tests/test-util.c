/* test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "pathways-postgres-store-private.h"
#include "pathways-sqlite-store-private.h"
#include "test-util.h"

/* The PostgreSQL backend's tests: a throwaway cluster
 * (build-aux/pg-test-cluster), one database per test copied from an
 * initialised template, dropped when the test's folder is removed */
#define TEST_PG_ENV "PATHWAYS_TEST_PG"
#define TEST_PG_TEMPLATE "pathways_test_template_v" G_STRINGIFY (PATHWAYS_STORE_SCHEMA_VERSION)

const char *
test_pg_admin (void)
{
  const char *admin = g_getenv (TEST_PG_ENV);

  return admin != NULL && *admin != '\0' ? admin : NULL;
}

/* The prefix of the databases of the tests using @dir */
static char *
test_pg_prefix (const char *dir)
{
  return g_strdup_printf ("pt_%08x_", g_str_hash (dir));
}

char *
test_pg_location (const char *database,
                  const char *login)
{
  return g_strdup_printf ("%s dbname=%s user=%s", test_pg_admin (), database, login ? login : g_get_user_name ());
}

char *
test_pg_database (const char *dir,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = test_pg_prefix (dir);
  g_autoptr(GString) db = g_string_new (prefix);
  g_autofree char *exists = NULL;
  g_autofree char *query = NULL;

  ck_assert_msg (test_pg_admin () != NULL, "%s is not set: start a cluster with build-aux/pg-test-cluster",
                 TEST_PG_ENV);
  for (const char *p = name; *p && db->len < 60; p++)
    g_string_append_c (db, g_ascii_isalnum (*p) ? g_ascii_tolower (*p) : '_');

  ck_assert_msg (pathways_postgres_test_template (test_pg_admin (), TEST_PG_TEMPLATE, g_get_user_name (), &error),
                 "template: %s", error ? error->message : "");
  query = g_strdup_printf ("SELECT 1 FROM pg_database WHERE datname = '%s'", db->str);
  ck_assert_msg (pathways_postgres_admin_exec (test_pg_admin (), query, &exists, &error), "%s",
                 error ? error->message : "");
  if (exists == NULL)
    {
      g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s TEMPLATE %s", db->str, TEST_PG_TEMPLATE);

      ck_assert_msg (pathways_postgres_admin_exec (test_pg_admin (), create, NULL, &error), "%s",
                     error ? error->message : "");
    }
  return g_string_free (g_steal_pointer (&db), FALSE);
}

/* As if the server of @database stopped (every connection to it ends,
 * and no new one is let in) or came back; other tests' databases on the
 * cluster carry on */
void
test_pg_set_away (const char *database,
                  gboolean    away)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  if (away)
    sql = g_strdup_printf ("ALTER DATABASE %1$s ALLOW_CONNECTIONS false;"
                           "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '%1$s'",
                           database);
  else
    sql = g_strdup_printf ("ALTER DATABASE %s ALLOW_CONNECTIONS true", database);
  ck_assert_msg (pathways_postgres_admin_exec (test_pg_admin (), sql, NULL, &error), "%s",
                 error ? error->message : "");
}

/* A login of @role (and @team) on @database, made by IT's add-user */
void
test_pg_add_user (const char *database,
                  const char *login,
                  const char *role,
                  const char *team)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *admin = g_strdup_printf ("%s dbname=%s", test_pg_admin (), database);

  ck_assert_msg (pathways_postgres_server_add_user (admin, login, role, team, NULL, 0, FALSE, &error),
                 "%s", error ? error->message : "");
}

static void
test_pg_drop_databases (const char *dir)
{
  g_autofree char *prefix = test_pg_prefix (dir);
  g_autofree char *query = NULL;
  g_autofree char *names = NULL;
  g_auto(GStrv) each = NULL;

  if (test_pg_admin () == NULL)
    return;
  query = g_strdup_printf ("SELECT string_agg(datname, ' ') FROM pg_database WHERE datname LIKE '%s%%'", prefix);
  if (!pathways_postgres_admin_exec (test_pg_admin (), query, &names, NULL) || names == NULL)
    return;
  each = g_strsplit (names, " ", -1);
  for (guint i = 0; each[i]; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", each[i]);
      pathways_postgres_admin_exec (test_pg_admin (), drop, NULL, NULL);
    }
}

char *
test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pathways-test-XXXXXX", &error);

  ck_assert_no_error (error);
  return dir;
}

void
test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (test_backend_is_postgres ())
    test_pg_drop_databases (dir);
  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        test_remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

const char *
test_backend (void)
{
  const char *backend = g_getenv ("PATHWAYS_TEST_BACKEND");

  return backend != NULL && *backend != '\0' ? backend : "sqlite";
}

gboolean
test_backend_is_sqlite (void)
{
  return g_str_equal (test_backend (), "sqlite");
}

gboolean
test_backend_is_postgres (void)
{
  return g_str_equal (test_backend (), "postgres");
}

/* Where a test's database @name lives for the backend under test */
static char *
test_location (const char *dir,
               const char *name)
{
  if (test_backend_is_sqlite ())
    return g_build_filename (dir, name, NULL);
  if (test_backend_is_postgres ())
    {
      g_autofree char *db = test_pg_database (dir, name);
      return test_pg_location (db, NULL);
    }
  ck_abort_msg ("PATHWAYS_TEST_BACKEND=%s: no such backend in this build", test_backend ());
  return NULL;
}

PathwaysStore *
test_open_store (const char *dir,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysClock) clock = pathways_clock_new_fixed (TEST_TODAY);
  g_autofree char *location = test_location (dir, name);
  PathwaysStore *store = pathways_store_open (location, clock, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (store);
  return store;
}

/* A second store on the same database, as another Pathways would open it */
PathwaysStore *
test_open_store_again (PathwaysStore *store)
{
  g_autoptr(GError) error = NULL;
  PathwaysStore *again = pathways_store_open (pathways_store_get_location (store),
                                              pathways_store_get_clock (store), &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (again);
  return again;
}

/* The first column of the first row of @sql (portable SQL): for
 * assertions about what is stored that the store has no read for */
gint64
test_query_int (PathwaysStore *store,
                const char    *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = 0;

  if (PATHWAYS_IS_SQLITE_STORE (store))
    n = pathways_sqlite_store_query_int (PATHWAYS_SQLITE_STORE (store), sql, &error);
  else if (PATHWAYS_IS_POSTGRES_STORE (store))
    n = pathways_postgres_store_query_int (PATHWAYS_POSTGRES_STORE (store), sql, &error);
  else
    ck_abort_msg ("test_query_int: no query hook for %s", G_OBJECT_TYPE_NAME (store));
  ck_assert_msg (error == NULL, "%s: %s", sql, error ? error->message : "");
  return n;
}

/* Runs @sql (portable SQL) straight in the backend, past the store's
 * checks: for planting what a damaged or hand-edited database may hold */
void
test_exec (PathwaysStore *store,
           const char    *sql)
{
  g_autoptr(GError) error = NULL;

  if (PATHWAYS_IS_SQLITE_STORE (store))
    pathways_sqlite_store_exec (PATHWAYS_SQLITE_STORE (store), sql, &error);
  else if (PATHWAYS_IS_POSTGRES_STORE (store))
    pathways_postgres_store_exec (PATHWAYS_POSTGRES_STORE (store), sql, &error);
  else
    ck_abort_msg ("test_exec: no hook for %s", G_OBJECT_TYPE_NAME (store));
  ck_assert_msg (error == NULL, "%s: %s", sql, error ? error->message : "");
}

/* Inserts @record, failing the test with the store's message if it cannot */
gint64
test_add (PathwaysStore  *store,
          PathwaysRecord *record)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (pathways_store_insert (store, record, &error), "%s", error ? error->message : "");
  return pathways_record_get_id (record);
}

gint64
test_add_staff (PathwaysStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysStaff) pa = pathways_staff_new ("Alison Bennett", "pa", "Leaving Care North");

  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (pa), &error));
  ck_assert_no_error (error);
  return pathways_record_get_id (PATHWAYS_RECORD (pa));
}

PathwaysYoungPerson *
test_make_person (const char *local_id)
{
  return g_object_new (PATHWAYS_TYPE_YOUNG_PERSON,
                       "given-name", "Amara",
                       "family-name", "Okafor",
                       "date-of-birth", "2008-05-14",
                       "sex", "F",
                       "ethnicity", "BAFR",
                       "local-id", local_id,
                       "date-first-looked-after", "2019-03-01",
                       "days-looked-after-since-14", (gint64) 900,
                       "days-looked-after-since-16", (gint64) 200,
                       NULL);
}

int
test_run_suite (Suite *suite)
{
  SRunner *runner;
  int failed;

  /* meson's "skipped": no cluster to run the PostgreSQL suites on
   * (build-aux/run-tests and CI always start one) */
  if (test_backend_is_postgres () && test_pg_admin () == NULL)
    {
      g_printerr ("PATHWAYS_TEST_BACKEND=postgres but %s is not set: start a cluster with "
                  "build-aux/pg-test-cluster start\n", TEST_PG_ENV);
      srunner_free (srunner_create (suite));
      return 77;
    }
  runner = srunner_create (suite);

  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/**
 * test_wait_for_full:
 *
 * Iterates the main loop until @done returns %TRUE, for at most
 * TEST_WAIT_MAX_TURNS turns and TEST_WAIT_MAX_SECONDS seconds (sleeping
 * 5 ms on a turn with nothing to do); past either, the test fails,
 * naming what it waited for and where.  Use test_wait_for().
 *
 * Returns: %TRUE (it does not return otherwise)
 */
gboolean
test_wait_for_full (gboolean   (*done) (gpointer),
                    gpointer     data,
                    const char  *what,
                    const char  *file,
                    int          line)
{
  gint64 start = g_get_monotonic_time ();
  guint turn;

  for (turn = 0; turn < TEST_WAIT_MAX_TURNS; turn++)
    {
      if (done (data))
        return TRUE;
      if (g_get_monotonic_time () - start > TEST_WAIT_MAX_SECONDS * G_USEC_PER_SEC)
        break;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (5000);
    }
  if (done (data))
    return TRUE;
  ck_abort_msg ("%s:%d: gave up waiting for %s after %u main-loop turns and %.1f s", file, line, what, turn,
                (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  return FALSE;
}
