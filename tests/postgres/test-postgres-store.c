/* test-postgres-store.c — what only the team server does: roles enforced
 * by the database, the server's audit, two desktops as two users, an
 * outage and the recovery, init's refusals, copying a file onto a server
 *
 * Run on the throwaway cluster of build-aux/pg-test-cluster
 * ($PATHWAYS_TEST_PG); each test has databases of its own.  The store's
 * backend-neutral behaviour is tested by the common suites run with
 * PATHWAYS_TEST_BACKEND=postgres.  Hand-written SQL as a role goes
 * through pathways_postgres_store_exec(), as a client that bypasses
 * Pathways would: row-level security still applies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pathways-generator.h"
#include "pathways-postgres-store-private.h"
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

/* A store on @db signed in as @login */
static PathwaysStore *
open_as (const char *db,
         const char *login)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysClock) clock = pathways_clock_new_fixed (TEST_TODAY);
  g_autofree char *location = test_pg_location (db, login);
  PathwaysStore *store = pathways_store_open (location, clock, &error);

  ck_assert_msg (store != NULL, "%s: %s", login, error ? error->message : "");
  return store;
}

static char *
admin_location (const char *db)
{
  return g_strdup_printf ("%s dbname=%s", test_pg_admin (), db);
}

static gint64
add_person (PathwaysStore *store,
            const char    *local_id,
            const char    *team)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person (local_id);

  pathways_young_person_set_team (yp, team);
  pathways_young_person_set_wishes_feelings (yp, "Wants to stay near her sister");
  pathways_young_person_set_immigration_status (yp, "refugee");
  pathways_young_person_set_needs_summary (yp, "Ground floor");
  return test_add (store, PATHWAYS_RECORD (yp));
}

static gint64
sql_int (PathwaysStore  *store,
         const char     *sql,
         GError        **error)
{
  return pathways_postgres_store_query_int (PATHWAYS_POSTGRES_STORE (store), sql, error);
}

static gboolean
sql_exec (PathwaysStore  *store,
          const char     *sql,
          GError        **error)
{
  return pathways_postgres_store_exec (PATHWAYS_POSTGRES_STORE (store), sql, error);
}

/* Two teams, a PA in each, a housing officer; the test's own login is a
 * manager and administrator */
typedef struct {
  char          *db;
  PathwaysStore *manager;
  gint64         north_id;
  gint64         south_id;
} Service;

static void
service_init (Service *s)
{
  s->db = test_pg_database (dir, "service");
  test_pg_add_user (s->db, "pt_pa_north", "pa", "North");
  test_pg_add_user (s->db, "pt_pa_south", "pa", "South");
  test_pg_add_user (s->db, "pt_housing", "housing", "Housing");
  s->manager = open_as (s->db, NULL);
  s->north_id = add_person (s->manager, "LC5001", "North");
  s->south_id = add_person (s->manager, "LC5002", "South");
}

static void
service_clear (Service *s)
{
  g_clear_object (&s->manager);
  g_clear_pointer (&s->db, g_free);
}

/* Roles ---------------------------------------------------------------- */

START_TEST (test_pa_sees_only_own_team)
{
  Service s = { 0 };
  g_autoptr(PathwaysStore) pa = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(PathwaysYoungPerson) mine = NULL;
  g_autoptr(PathwaysYoungPerson) other = NULL;
  g_autoptr(PathwaysYoungPerson) stored = NULL;
  g_autoptr(PathwaysYoungPerson) intruder = test_make_person ("LC5003");
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  service_init (&s);
  pa = open_as (s.db, "pt_pa_north");
  ck_assert_str_eq (pathways_store_get_signed_in_role (pa), "pa");
  ck_assert_int_gt (pathways_store_get_signed_in_staff_id (pa), 0);

  /* Through the store */
  people = pathways_store_list (pa, PATHWAYS_TYPE_YOUNG_PERSON, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (people), 1);
  mine = g_list_model_get_item (people, 0);
  ck_assert_int_eq (pathways_record_get_id (PATHWAYS_RECORD (mine)), s.north_id);
  other = pathways_store_get (pa, PATHWAYS_TYPE_YOUNG_PERSON, s.south_id, &error);
  ck_assert_ptr_null (other);
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND));
  g_clear_error (&error);

  /* By hand, as that role: nothing of team South can be read … */
  ck_assert_int_eq (sql_int (pa, "SELECT count(*) FROM young_person WHERE team = 'South'", &error), 0);
  ck_assert_no_error (error);
  sql = g_strdup_printf ("SELECT count(*) FROM young_person WHERE id = %" G_GINT64_FORMAT, s.south_id);
  ck_assert_int_eq (sql_int (pa, sql, &error), 0);
  g_clear_pointer (&sql, g_free);

  /* … changed, deleted or moved into the team */
  sql = g_strdup_printf ("UPDATE young_person SET needs_summary = 'changed' WHERE id = %" G_GINT64_FORMAT ";"
                         "DELETE FROM young_person WHERE id = %" G_GINT64_FORMAT, s.south_id, s.south_id);
  ck_assert (sql_exec (pa, sql, &error));
  g_clear_pointer (&sql, g_free);
  stored = pathways_store_get (s.manager, PATHWAYS_TYPE_YOUNG_PERSON, s.south_id, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (pathways_young_person_get_needs_summary (stored), "Ground floor");
  sql = g_strdup_printf ("UPDATE young_person SET team = 'South' WHERE id = %" G_GINT64_FORMAT, s.north_id);
  ck_assert (!sql_exec (pa, sql, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FORBIDDEN));
  g_clear_error (&error);
  g_clear_pointer (&sql, g_free);

  /* A record for a young person of the other team is refused, in words */
  sql = g_strdup_printf ("INSERT INTO note (young_person_id, written_on, body) VALUES (%" G_GINT64_FORMAT
                         ", '2026-11-20', 'x')", s.south_id);
  ck_assert (!sql_exec (pa, sql, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FORBIDDEN));
  g_clear_error (&error);
  pathways_young_person_set_team (intruder, "South");
  ck_assert (!pathways_store_insert (pa, PATHWAYS_RECORD (intruder), &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FORBIDDEN));
  ck_assert_msg (strstr (error->message, "Your role on the team server does not allow this") != NULL, "%s",
                 error->message);
  g_clear_error (&error);

  /* Their own team's young person they change */
  pathways_young_person_set_needs_summary (mine, "Ground floor, near college");
  ck_assert (pathways_store_update (pa, PATHWAYS_RECORD (mine), &error));
  ck_assert_no_error (error);

  /* The audit names the login the server authenticated */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE table_name = 'young_person' AND row_id = %"
                         G_GINT64_FORMAT " AND action = 'update' AND actor = 'pt_pa_north'", s.north_id);
  ck_assert_int_eq (sql_int (s.manager, sql, &error), 1);
  ck_assert_no_error (error);

  service_clear (&s);
}
END_TEST

START_TEST (test_housing_sees_no_wishes)
{
  Service s = { 0 };
  g_autoptr(PathwaysStore) housing = NULL;
  g_autoptr(PathwaysYoungPerson) yp = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GListModel) caseload = NULL;
  g_autoptr(GError) error = NULL;

  service_init (&s);
  housing = open_as (s.db, "pt_housing");
  ck_assert_str_eq (pathways_store_get_signed_in_role (housing), "housing");

  /* What matching needs, and nothing more */
  yp = pathways_store_get (housing, PATHWAYS_TYPE_YOUNG_PERSON, s.south_id, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (pathways_young_person_get_given_name (yp), "Amara");
  ck_assert_str_eq (pathways_young_person_get_needs_summary (yp), "Ground floor");
  ck_assert_ptr_null (pathways_young_person_get_wishes_feelings (yp));
  ck_assert_ptr_null (pathways_young_person_get_immigration_status (yp));

  /* Asking the database by hand is refused */
  sql_int (housing, "SELECT count(wishes_feelings) FROM young_person", &error);
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FORBIDDEN));
  g_clear_error (&error);
  sql_int (housing, "SELECT count(*) FROM note", &error);
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FORBIDDEN));
  g_clear_error (&error);
  notes = pathways_store_list (housing, PATHWAYS_TYPE_NOTE, &error);
  ck_assert_ptr_null (notes);
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FORBIDDEN));
  g_clear_error (&error);

  /* Nor does the audit of a young person's record show it */
  ck_assert_int_eq (sql_int (housing, "SELECT count(*) FROM audit_log WHERE table_name = 'young_person'", &error), 0);
  ck_assert_no_error (error);

  /* The caseload (every team's young people, for matching) loads */
  caseload = pathways_store_load_caseload (housing, TEST_TODAY, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (caseload), 2);

  service_clear (&s);
}
END_TEST

START_TEST (test_audit_is_final)
{
  static const char * const logins[] = { "pt_pa_north", "pt_housing", NULL };
  static const char * const attempts[] = {
    "UPDATE audit_log SET actor = 'someone else'",
    "DELETE FROM audit_log",
    "TRUNCATE audit_log",
    "INSERT INTO audit_log (at, actor, table_name, row_id, action) VALUES ('2026-01-01', 'x', 'unit', 1, 'insert')",
  };
  Service s = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 before;

  service_init (&s);
  before = sql_int (s.manager, "SELECT count(*) FROM audit_log", &error);
  ck_assert_no_error (error);
  ck_assert_int_gt (before, 0);

  /* Every application role: the PAs, housing, and the manager and
   * administrator the test signs in as */
  for (guint l = 0; l < G_N_ELEMENTS (logins); l++)
    {
      g_autoptr(PathwaysStore) store = logins[l] ? open_as (s.db, logins[l]) : g_object_ref (s.manager);

      for (guint a = 0; a < G_N_ELEMENTS (attempts); a++)
        {
          ck_assert_msg (!sql_exec (store, attempts[a], &error), "%s as %s was allowed", attempts[a],
                         logins[l] ? logins[l] : "the manager");
          ck_assert_msg (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FORBIDDEN), "%s",
                         error->message);
          g_clear_error (&error);
        }
    }
  ck_assert_int_eq (sql_int (s.manager, "SELECT count(*) FROM audit_log", &error), before);
  ck_assert_int_eq (sql_int (s.manager, "SELECT count(*) FROM audit_log WHERE actor = 'someone else'", &error), 0);

  service_clear (&s);
}
END_TEST

/* Erasure after retention: a manager's or an administrator's; a
 * personal adviser and housing are refused by the server itself */
START_TEST (test_erase_roles)
{
  Service s = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 n = 0;

  service_init (&s);
  test_pg_add_user (s.db, "pt_manager", "manager", "North");
  ck_assert (pathways_store_set_setting (s.manager, "retention_years", "18", &error));
  ck_assert_no_error (error);

  {
    static const char * const refused[] = { "pt_pa_north", "pt_housing" };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autoptr(PathwaysStore) store = open_as (s.db, refused[i]);

        ck_assert (!pathways_role_may (pathways_store_get_signed_in_role (store), PATHWAYS_MAY_ERASE));
        ck_assert_msg (!pathways_store_erase_person (store, s.north_id, &n, &error), "%s erased", refused[i]);
        ck_assert_msg (error != NULL && (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FORBIDDEN) ||
                                         g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND)),
                       "%s", error ? error->message : "");
        g_clear_error (&error);
      }
  }
  ck_assert (pathways_store_exists (s.manager, "young_person", s.north_id));

  {
    g_autoptr(PathwaysStore) manager = open_as (s.db, "pt_manager");

    ck_assert (pathways_role_may (pathways_store_get_signed_in_role (manager), PATHWAYS_MAY_ERASE));
    ck_assert_msg (pathways_store_erase_person (manager, s.north_id, &n, &error), "%s", error ? error->message : "");
    ck_assert_no_error (error);
    ck_assert_int_gt (n, 0);
  }
  ck_assert (!pathways_store_exists (s.manager, "young_person", s.north_id));
  service_clear (&s);
}
END_TEST

START_TEST (test_superuser_refused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autofree char *db = test_pg_database (dir, "super");
  g_autofree char *location = test_pg_location (db, "postgres");

  /* The cluster's superuser would bypass row-level security */
  store = pathways_store_open (location, NULL, &error);
  ck_assert_ptr_null (store);
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FORBIDDEN));
  ck_assert_msg (strstr (error->message, "is a database superuser or bypasses row-level security") != NULL, "%s",
                 error->message);
}
END_TEST

/* Two desktops --------------------------------------------------------- */

static void
changed_cb (PathwaysStore   *store,
            PathwaysChanges *changes,
            gpointer         data)
{
  if (pathways_changes_is_external (changes))
    g_ptr_array_add (data, pathways_changes_ref (changes));
}

static gboolean
has_changes (gpointer data)
{
  return ((GPtrArray *) data)->len > 0;
}

START_TEST (test_two_desktops_two_users)
{
  Service s = { 0 };
  g_autoptr(PathwaysStore) pa = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_changes_unref);
  g_autoptr(PathwaysYoungPerson) theirs = NULL;
  g_autoptr(PathwaysYoungPerson) mine = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  service_init (&s);
  pa = open_as (s.db, "pt_pa_north");
  g_signal_connect (s.manager, "changed", G_CALLBACK (changed_cb), seen);

  /* Both load the record; the PA saves first */
  mine = pathways_store_get (s.manager, PATHWAYS_TYPE_YOUNG_PERSON, s.north_id, &error);
  theirs = pathways_store_get (pa, PATHWAYS_TYPE_YOUNG_PERSON, s.north_id, &error);
  ck_assert_no_error (error);
  pathways_young_person_set_preferred_name (theirs, "Mara");
  start = g_get_monotonic_time ();
  ck_assert (pathways_store_update (pa, PATHWAYS_RECORD (theirs), &error));
  ck_assert_no_error (error);

  /* The other desktop hears of it, within 2 seconds */
  test_wait_for (has_changes, seen);
  ck_assert_int_lt (g_get_monotonic_time () - start, 2 * G_USEC_PER_SEC);
  ck_assert (pathways_changes_lookup (g_ptr_array_index (seen, 0), PATHWAYS_TYPE_YOUNG_PERSON, s.north_id, NULL));
  ck_assert (pathways_changes_has_person (g_ptr_array_index (seen, 0), s.north_id));

  /* And its stale save is refused, naming who changed what */
  pathways_young_person_set_needs_summary (mine, "Needs a lift");
  ck_assert (!pathways_store_update (s.manager, PATHWAYS_RECORD (mine), &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT));
  ck_assert_msg (g_str_has_prefix (error->message, "Amara Okafor’s record was changed by pt_pa_north at "), "%s",
                 error->message);
  ck_assert_msg (strstr (error->message, "(Preferred name)") != NULL, "%s", error->message);

  g_signal_handlers_disconnect_by_data (s.manager, seen);
  service_clear (&s);
}
END_TEST

/* An outage ------------------------------------------------------------ */

static gboolean
is_connected (gpointer data)
{
  return pathways_store_get_connected (data);
}

static gboolean
is_disconnected (gpointer data)
{
  return !pathways_store_get_connected (data);
}

static gboolean
saw_everything (gpointer data)
{
  GPtrArray *seen = data;

  for (guint i = 0; i < seen->len; i++)
    if (pathways_changes_is_everything (g_ptr_array_index (seen, i)))
      return TRUE;
  return FALSE;
}

START_TEST (test_server_away_and_back)
{
  Service s = { 0 };
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_changes_unref);
  g_autoptr(PathwaysYoungPerson) half = test_make_person ("LC5101");
  g_autoptr(PathwaysYoungPerson) during = test_make_person ("LC5102");
  g_autoptr(PathwaysYoungPerson) after = test_make_person ("LC5103");
  g_autoptr(GError) error = NULL;

  service_init (&s);
  g_signal_connect (s.manager, "changed", G_CALLBACK (changed_cb), seen);
  ck_assert (pathways_store_get_connected (s.manager));

  /* A transaction open when the server goes */
  ck_assert (pathways_store_begin (s.manager, &error));
  ck_assert (pathways_store_insert (s.manager, PATHWAYS_RECORD (half), &error));
  test_pg_set_away (s.db, TRUE);
  ck_assert (!pathways_store_commit (s.manager, &error));
  ck_assert_msg (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_OFFLINE), "%s", error->message);
  g_clear_error (&error);

  /* The store says so, and a write meanwhile fails cleanly */
  test_wait_for (is_disconnected, s.manager);
  ck_assert (!pathways_store_insert (s.manager, PATHWAYS_RECORD (during), &error));
  ck_assert_msg (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_OFFLINE), "%s", error->message);
  ck_assert_msg (strstr (error->message, "cannot be reached, so nothing was saved") != NULL, "%s", error->message);
  ck_assert_int_eq (pathways_record_get_id (PATHWAYS_RECORD (during)), 0);
  g_clear_error (&error);

  /* Back: it reconnects by itself and refreshes everything */
  test_pg_set_away (s.db, FALSE);
  test_wait_for (is_connected, s.manager);
  test_wait_for (saw_everything, seen);
  ck_assert (pathways_store_insert (s.manager, PATHWAYS_RECORD (after), &error));
  ck_assert_no_error (error);

  /* Nothing half-written: the two young people of the service and the new one */
  ck_assert_int_eq (pathways_store_count (s.manager, PATHWAYS_TYPE_YOUNG_PERSON, &error), 3);
  ck_assert_int_eq (test_query_int (s.manager, "SELECT count(*) FROM young_person WHERE local_id IN "
                                               "('LC5101', 'LC5102')"), 0);

  g_signal_handlers_disconnect_by_data (s.manager, seen);
  service_clear (&s);
}
END_TEST

/* The server restarted between two reads: the next read (and write)
 * just works, on a new connection; the listener comes back by itself */
START_TEST (test_restart_between_reads)
{
  Service s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC5201");
  g_autofree char *kill = NULL;
  char *killed = NULL;

  service_init (&s);
  ck_assert_int_eq (pathways_store_count (s.manager, PATHWAYS_TYPE_YOUNG_PERSON, &error), 2);
  kill = g_strdup_printf ("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '%s'", s.db);
  ck_assert (pathways_postgres_admin_exec (test_pg_admin (), kill, &killed, &error));
  ck_assert_int_ge (g_ascii_strtoll (killed, NULL, 10), 2);   /* at least a reader and the listener */
  g_free (killed);

  ck_assert_int_eq (pathways_store_count (s.manager, PATHWAYS_TYPE_YOUNG_PERSON, &error), 2);
  ck_assert_no_error (error);
  ck_assert (pathways_store_insert (s.manager, PATHWAYS_RECORD (yp), &error));
  ck_assert_no_error (error);
  test_wait_for (is_connected, s.manager);
  ck_assert_int_eq (pathways_store_count (s.manager, PATHWAYS_TYPE_YOUNG_PERSON, &error), 3);

  service_clear (&s);
}
END_TEST

/* Signing in with a password: the one login of the test cluster that
 * must give one (build-aux/pg-test-cluster) */
START_TEST (test_password_sign_in)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = test_pg_database (dir, "password");
  g_autofree char *admin = g_strdup_printf ("%s dbname=%s", test_pg_admin (), db);
  g_autofree char *location = test_pg_location (db, "pt_password_user");
  g_autoptr(PathwaysStore) store = NULL;

  ck_assert_msg (pathways_postgres_server_add_user (admin, "pt_password_user", "pa", "North",
                                                    "correct horse battery", 0, FALSE, &error),
                 "%s", error ? error->message : "");

  /* None, or the wrong one: refused, in words, without the password */
  store = pathways_store_open_with_password (location, NULL, NULL, &error);
  ck_assert_ptr_null (store);
  ck_assert_msg (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_AUTH), "%s", error->message);
  ck_assert_msg (strstr (error->message, "needs a password") != NULL, "%s", error->message);
  g_clear_error (&error);
  store = pathways_store_open_with_password (location, "wrong horse", NULL, &error);
  ck_assert_ptr_null (store);
  ck_assert_msg (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_AUTH), "%s", error->message);
  ck_assert_msg (strstr (error->message, "refused the user name or password") != NULL, "%s", error->message);
  ck_assert (strstr (error->message, "horse") == NULL);
  g_clear_error (&error);

  /* The right one, kept apart from the location (which never holds it) */
  store = pathways_store_open_with_password (location, "correct horse battery", NULL, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (pathways_store_get_signed_in_login (store), "pt_password_user");
  ck_assert (strstr (pathways_store_get_location (store), "horse") == NULL);
  /* Its readers and listener sign in with it too */
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, &error), 0);
  ck_assert_no_error (error);
  ck_assert_int_gt (pathways_postgres_store_get_listener_pid (PATHWAYS_POSTGRES_STORE (store)), 0);
}
END_TEST

/* Init's refusals ------------------------------------------------------ */

static char *
empty_database (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = test_pg_database (dir, "x");   /* dropped with the others of @dir */
  g_autofree char *db = g_strdup_printf ("%.*s%s", (int) (strlen (prefix) - 1), prefix, name);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", db);

  ck_assert_msg (pathways_postgres_admin_exec (test_pg_admin (), create, NULL, &error), "%s",
                 error ? error->message : "");
  return g_steal_pointer (&db);
}

START_TEST (test_init_refusals)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *foreign = empty_database ("foreign");
  g_autofree char *fresh = empty_database ("fresh");
  g_autofree char *foreign_admin = admin_location (foreign);
  g_autofree char *fresh_admin = admin_location (fresh);
  g_autofree char *newer = test_pg_database (dir, "newer");
  g_autofree char *newer_admin = admin_location (newer);
  g_autofree char *fresh_location = test_pg_location (fresh, NULL);
  g_autofree char *newer_location = test_pg_location (newer, NULL);
  g_autoptr(PathwaysStore) store = NULL;
  int from = -1;

  /* Someone else's tables: not touched */
  ck_assert (pathways_postgres_admin_exec (foreign_admin, "CREATE TABLE invoices (id int)", NULL, &error));
  ck_assert (!pathways_postgres_server_init (foreign_admin, NULL, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_DATABASE));
  ck_assert_msg (strstr (error->message, "is not a Pathways database") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* An empty database the app cannot use until init … */
  store = pathways_store_open (fresh_location, NULL, &error);
  ck_assert_ptr_null (store);
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_DATABASE));
  ck_assert_msg (strstr (error->message, "pathways-cli server init") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* … which sets it up once and, run again, changes nothing */
  ck_assert_msg (pathways_postgres_server_init (fresh_admin, &from, &error), "%s", error ? error->message : "");
  ck_assert_int_eq (from, 0);
  ck_assert (pathways_postgres_server_init (fresh_admin, &from, &error));
  ck_assert_int_eq (from, PATHWAYS_STORE_SCHEMA_VERSION);

  /* Every table under row-level security, forced (the owner too) */
  {
    g_autofree char *unguarded = NULL;

    ck_assert (pathways_postgres_admin_exec (fresh_admin,
                                             "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                                             " WHERE n.nspname = 'public' AND c.relkind = 'r'"
                                             "   AND NOT (c.relrowsecurity AND c.relforcerowsecurity)",
                                             &unguarded, &error));
    ck_assert_str_eq (unguarded, "0");
  }

  /* A newer Pathways' schema: refused by init and by the app alike */
  ck_assert (pathways_postgres_admin_exec (newer_admin,
                                           "INSERT INTO schema_version (version, description) VALUES (99, 'later')",
                                           NULL, &error));
  ck_assert (!pathways_postgres_server_init (newer_admin, NULL, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_TOO_NEW));
  g_clear_error (&error);
  store = pathways_store_open (newer_location, NULL, &error);
  ck_assert_ptr_null (store);
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_TOO_NEW));
  ck_assert_msg (strstr (error->message, "written by a newer version of Pathways (schema 99;") != NULL, "%s",
                 error->message);
}
END_TEST

/* Copying a file onto a server ---------------------------------------- */

START_TEST (test_copy_from_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysClock) clock = pathways_clock_new_fixed (TEST_TODAY);
  g_autofree char *path = g_build_filename (dir, "team.db", NULL);
  g_autofree char *db = empty_database ("copy");
  g_autofree char *admin = admin_location (db);
  g_autoptr(PathwaysStore) file = pathways_store_open (path, clock, &error);
  g_autoptr(PathwaysStore) server = NULL;
  g_autoptr(PathwaysStoreCaseload) from_rows = NULL;
  g_autoptr(PathwaysStoreCaseload) to_rows = NULL;
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC9999");
  g_autoptr(GListModel) audit_from = NULL;
  g_autoptr(GListModel) audit_to = NULL;
  GType types[] = { PATHWAYS_TYPE_STAFF, PATHWAYS_TYPE_YOUNG_PERSON, PATHWAYS_TYPE_UNIT, PATHWAYS_TYPE_SPELL,
                    PATHWAYS_TYPE_MILESTONE, PATHWAYS_TYPE_TRANSITION, PATHWAYS_TYPE_NOTE, PATHWAYS_TYPE_REF_CODE };
  gint64 max_id;

  ck_assert_no_error (error);
  ck_assert (pathways_generate (file, PATHWAYS_GENERATE_DEMO, 2026, TEST_TODAY, NULL, &error));
  ck_assert (pathways_store_set_setting (file, "contact_interval_days", "42", &error));
  ck_assert_no_error (error);

  ck_assert_msg (pathways_postgres_server_init (admin, NULL, &error), "%s", error ? error->message : "");
  ck_assert_msg (pathways_postgres_server_copy_from (admin, file, &error), "%s", error ? error->message : "");
  /* The test's login, without a staff record of its own */
  ck_assert (pathways_postgres_server_add_user (admin, g_get_user_name (), "manager,admin", NULL, NULL, 0, TRUE,
                                                &error));
  server = open_as (db, NULL);

  /* Everything, ids kept */
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    ck_assert_int_eq (pathways_store_count (server, types[i], NULL), pathways_store_count (file, types[i], NULL));
  from_rows = pathways_store_load_caseload_rows (file, &error);
  to_rows = pathways_store_load_caseload_rows (server, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (to_rows->rows->len, from_rows->rows->len);
  for (guint i = 0; i < from_rows->rows->len; i++)
    {
      PathwaysStoreCaseloadRow *a = &g_array_index (from_rows->rows, PathwaysStoreCaseloadRow, i);
      PathwaysStoreCaseloadRow *b = &g_array_index (to_rows->rows, PathwaysStoreCaseloadRow, i);

      ck_assert_int_eq (a->id, b->id);
      ck_assert_str_eq (a->local_id, b->local_id);
      ck_assert_str_eq (a->family_name, b->family_name);
      ck_assert_int_eq (a->pa_id, b->pa_id);
      ck_assert_int_eq (a->uasc, b->uasc);
    }
  {
    g_autofree char *days = pathways_store_dup_setting (server, "contact_interval_days");
    ck_assert_str_eq (days, "42");
  }

  /* The audit log too, as it was (the copy itself is no one's change) */
  audit_from = pathways_store_list_audit (file, NULL, 0, &error);
  audit_to = pathways_store_list_audit (server, NULL, 0, &error);
  ck_assert_no_error (error);
  ck_assert_uint_gt (g_list_model_get_n_items (audit_from), 0);
  /* (and one more of its own: the login added since) */
  ck_assert_uint_eq (g_list_model_get_n_items (audit_to), g_list_model_get_n_items (audit_from) + 1);
  ck_assert_int_eq (test_query_int (server, "SELECT count(*) FROM audit_log WHERE table_name = 'app_user'"), 1);
  {
    guint last_from = g_list_model_get_n_items (audit_from) - 1;
    guint last_to = g_list_model_get_n_items (audit_to) - 1;
    g_autoptr(PathwaysAuditEntry) a = g_list_model_get_item (audit_from, last_from);
    g_autoptr(PathwaysAuditEntry) b = g_list_model_get_item (audit_to, last_to);

    /* The oldest entry, the same in both */
    ck_assert_int_eq (pathways_record_get_id (PATHWAYS_RECORD (a)), pathways_record_get_id (PATHWAYS_RECORD (b)));
    ck_assert_str_eq (pathways_record_get_string (PATHWAYS_RECORD (a), "at"),
                      pathways_record_get_string (PATHWAYS_RECORD (b), "at"));
    ck_assert_str_eq (pathways_record_get_string (PATHWAYS_RECORD (a), "actor"),
                      pathways_record_get_string (PATHWAYS_RECORD (b), "actor"));
    ck_assert_str_eq (pathways_record_get_string (PATHWAYS_RECORD (a), "table-name"),
                      pathways_record_get_string (PATHWAYS_RECORD (b), "table-name"));
  }

  /* New rows get new ids, past the copied ones */
  max_id = test_query_int (server, "SELECT max(id) FROM young_person");
  ck_assert_int_gt (test_add (server, PATHWAYS_RECORD (yp)), max_id);

  /* A second copy onto a server that holds records is refused whole */
  ck_assert (!pathways_postgres_server_copy_from (admin, file, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONSTRAINT));
  ck_assert_int_eq (pathways_store_count (server, PATHWAYS_TYPE_YOUNG_PERSON, NULL),
                    pathways_store_count (file, PATHWAYS_TYPE_YOUNG_PERSON, NULL) + 1);
}
END_TEST

static Suite *
postgres_suite (void)
{
  Suite *s = suite_create ("postgres");
  TCase *roles = tcase_create ("roles");
  TCase *desktops = tcase_create ("desktops");
  TCase *server = tcase_create ("server");

  tcase_add_checked_fixture (roles, setup, teardown);
  tcase_add_test (roles, test_pa_sees_only_own_team);
  tcase_add_test (roles, test_housing_sees_no_wishes);
  tcase_add_test (roles, test_audit_is_final);
  tcase_add_test (roles, test_erase_roles);
  tcase_add_test (roles, test_superuser_refused);
  tcase_add_test (roles, test_password_sign_in);
  suite_add_tcase (s, roles);

  tcase_add_checked_fixture (desktops, setup, teardown);
  tcase_add_test (desktops, test_two_desktops_two_users);
  tcase_add_test (desktops, test_server_away_and_back);
  tcase_add_test (desktops, test_restart_between_reads);
  suite_add_tcase (s, desktops);

  tcase_add_checked_fixture (server, setup, teardown);
  tcase_set_timeout (server, 240);
  tcase_add_test (server, test_init_refusals);
  tcase_add_test (server, test_copy_from_file);
  suite_add_tcase (s, server);

  return s;
}

int
main (void)
{
  g_setenv ("PATHWAYS_TEST_BACKEND", "postgres", TRUE);
  return test_run_suite (postgres_suite ());
}
