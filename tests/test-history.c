/* test-history.c — a record's history from the audit log, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-util.h"

static char *dir;
static PathwaysStore *store;

static void
setup (void)
{
  dir = test_make_dir ();
  store = test_open_store (dir, "history.db");
}

static void
teardown (void)
{
  g_clear_object (&store);
  test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

START_TEST (test_parse_row)
{
  g_autoptr(GHashTable) row = pathways_history_parse_row (
    "{\"id\":60, \"name\": \"Flat 3, \\\"Canal\\\" House\\n\", \"cost\":-12.5e1,"
    " \"gone\":null, \"ok\":true, \"no\": false, \"emoji\":\"\\ud83c\\udfe0 \\u00e9\"}");
  g_autoptr(GHashTable) empty = pathways_history_parse_row (" { } ");
  static const char *const bad[] = {
    "", "[]", "{", "{\"a\":}", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":1} x", "{\"a\":\"\\ud83c\"}",
    "{\"a\":\"\\x\"}", "{\"a\":\"\\u0000\"}", "{\"a\":tru}", "{a:1}", "{\"a\":\"\x01\"}", "{\"a\":\"\xff\"}",
  };

  ck_assert_ptr_nonnull (row);
  ck_assert_str_eq (g_hash_table_lookup (row, "id"), "60");
  ck_assert_str_eq (g_hash_table_lookup (row, "name"), "Flat 3, \"Canal\" House\n");
  ck_assert_str_eq (g_hash_table_lookup (row, "cost"), "-12.5e1");
  ck_assert (g_hash_table_contains (row, "gone"));
  ck_assert_ptr_null (g_hash_table_lookup (row, "gone"));
  ck_assert_str_eq (g_hash_table_lookup (row, "ok"), "1");
  ck_assert_str_eq (g_hash_table_lookup (row, "no"), "0");
  ck_assert_str_eq (g_hash_table_lookup (row, "emoji"), "\xf0\x9f\x8f\xa0 \xc3\xa9");
  ck_assert_ptr_nonnull (empty);
  ck_assert_uint_eq (g_hash_table_size (empty), 0);
  ck_assert_ptr_null (pathways_history_parse_row (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GHashTable) r = pathways_history_parse_row (bad[i]);
      ck_assert_msg (r == NULL, "“%s” was read", bad[i]);
    }
}
END_TEST

static const PathwaysHistoryEvent *
event (GPtrArray *events,
       guint      i)
{
  ck_assert_uint_lt (i, events->len);
  return g_ptr_array_index (events, i);
}

static const PathwaysHistoryChange *
change (const PathwaysHistoryEvent *e,
        const char                 *label)
{
  for (guint i = 0; i < e->changes->len; i++)
    {
      const PathwaysHistoryChange *c = g_ptr_array_index (e->changes, i);
      if (g_str_equal (c->label, label))
        return c;
    }
  return NULL;
}

/* Who changed what and when: newest first, in words, about the young
 * person and the records about them */
START_TEST (test_person_history)
{
  g_autoptr(PathwaysStaff) staff = pathways_staff_new ("Alison Bennett", "pa", "Leaving Care North");
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("H100");
  g_autoptr(PathwaysMilestone) m = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GError) error = NULL;
  gint64 staff_id, id;
  const PathwaysHistoryEvent *e;
  const PathwaysHistoryChange *c;

  staff_id = test_add (store, PATHWAYS_RECORD (staff));
  ck_assert (pathways_store_set_acting_staff (store, staff_id, &error));
  g_object_set (yp, "given-name", "Joanne", "family-name", "Price", "date-of-birth", "2008-05-14", NULL);
  id = test_add (store, PATHWAYS_RECORD (yp));
  g_object_set (yp, "preferred-name", "Jo", NULL);
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (yp), &error));
  g_object_set (yp, "date-of-birth", "2008-06-14", "uasc", TRUE, NULL);
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (yp), &error));
  m = g_object_new (PATHWAYS_TYPE_MILESTONE, "young-person-id", id, "name", "Open a bank account",
                    "category", "practical", "due-date", "2026-12-01", NULL);
  test_add (store, PATHWAYS_RECORD (m));
  ck_assert_no_error (error);

  events = pathways_history_load (store, "young_person", id, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (events->len, 4);

  /* Newest first: the milestone */
  e = event (events, 0);
  ck_assert_str_eq (e->action, "insert");
  ck_assert_str_eq (e->what, "Milestone");
  ck_assert_str_eq (e->summary, "Milestone added: Open a bank account");
  /* The staff member signed in as; a team server records its login */
  if (test_backend_is_sqlite ())
    ck_assert_str_eq (e->who, "Alison Bennett");
  else
    ck_assert (e->who != NULL && *e->who != '\0');
  c = change (e, "Due date");
  ck_assert_ptr_nonnull (c);
  ck_assert_ptr_null (c->before);
  ck_assert_str_eq (c->after, "01/12/2026");

  /* Two fields at once, UK dates and Yes/No */
  e = event (events, 1);
  ck_assert_str_eq (e->summary, "Profile: 2 fields changed");
  ck_assert_uint_eq (e->changes->len, 2);
  c = change (e, "Date of birth");
  ck_assert_str_eq (c->before, "14/05/2008");
  ck_assert_str_eq (c->after, "14/06/2008");
  c = change (e, "Unaccompanied asylum-seeking child") ? change (e, "Unaccompanied asylum-seeking child")
                                                      : g_ptr_array_index (e->changes, 1);
  ck_assert_str_eq (c->before, "No");
  ck_assert_str_eq (c->after, "Yes");

  e = event (events, 2);
  ck_assert_str_eq (e->summary, "Preferred name set to “Jo”");
  ck_assert_ptr_nonnull (e->when);
  ck_assert_ptr_nonnull (strchr (e->when, ':'));

  e = event (events, 3);
  ck_assert_str_eq (e->summary, "Profile added: Joanne");

  /* A unit's history is its own */
  others = pathways_history_load (store, "unit", 9999, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (others->len, 0);
}
END_TEST

START_TEST (test_unit_history)
{
  g_autoptr(PathwaysUnit) unit = g_object_new (PATHWAYS_TYPE_UNIT, "name", "Flat 3, Canal House", "kind", "council",
                                               "status", "available", "min-age", (gint64) 18, "max-age", (gint64) 25,
                                               "weekly-cost", (gint64) 12050, NULL);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  const PathwaysHistoryChange *c;
  gint64 id = test_add (store, PATHWAYS_RECORD (unit));

  g_object_set (unit, "weekly-cost", (gint64) 15000, NULL);
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (unit), &error));
  ck_assert_no_error (error);

  events = pathways_history_load (store, "unit", id, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (events->len, 2);
  ck_assert_str_eq (event (events, 1)->summary, "Unit added: Flat 3, Canal House");
  ck_assert_uint_eq (event (events, 0)->changes->len, 1);
  c = g_ptr_array_index (event (events, 0)->changes, 0);
  ck_assert_str_eq (c->before, "£120.50");
  ck_assert_str_eq (c->after, "£150");
  ck_assert_ptr_nonnull (event (events, 0)->who);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("history");
  TCase *tc = tcase_create ("history");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_parse_row);
  tcase_add_test (tc, test_person_history);
  tcase_add_test (tc, test_unit_history);
  suite_add_tcase (s, tc);
  return test_run_suite (s);
}
