/* test-person.c — one young person, as the personal adviser sees them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

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

static gint64
add_person (PathwaysStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0001");

  g_object_set (yp, "pa-id", test_add_staff (store), NULL);
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_no_error (error);
  return pathways_record_get_id (PATHWAYS_RECORD (yp));
}

static gint64
add_milestone (PathwaysStore *store,
               gint64         person,
               const char    *name,
               const char    *category,
               const char    *due,
               const char    *done)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysMilestone) m = pathways_milestone_new ();

  g_object_set (m, "young-person-id", person, "name", name, "category", category,
                "due-date", due, "done-date", done, NULL);
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (m), &error));
  ck_assert_no_error (error);
  return pathways_record_get_id (PATHWAYS_RECORD (m));
}

START_TEST (test_load_details)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "details.db");
  g_autoptr(PathwaysPersonDetails) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysRecord) first = NULL;
  g_autoptr(PathwaysRecord) last = NULL;
  g_autoptr(PathwaysNote) older = g_object_new (PATHWAYS_TYPE_NOTE, "written-on", "2026-10-01",
                                                "body", "Visited", NULL);
  g_autoptr(PathwaysNote) newer = g_object_new (PATHWAYS_TYPE_NOTE, "written-on", "2026-11-01",
                                                "body", "Phoned", NULL);
  g_autoptr(PathwaysRecord) note = NULL;
  gint64 id = add_person (store);

  /* Out of order on purpose: the details sort by category, then due */
  add_milestone (store, id, "Bank account", "finance", "2026-01-01", NULL);
  add_milestone (store, id, "Needs assessment", "plans", "2024-08-14", "2024-08-01");
  add_milestone (store, id, "Cooking", "practical", "2027-05-14", NULL);
  g_object_set (older, "young-person-id", id, NULL);
  g_object_set (newer, "young-person-id", id, NULL);
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (older), NULL));
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (newer), NULL));

  d = pathways_person_load (store, id, TEST_TODAY, &error);
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (d);
  ck_assert_str_eq (d->display_name, "Amara Okafor");
  ck_assert_int_eq (d->age, 18);
  ck_assert_ptr_nonnull (d->status_label);
  ck_assert_ptr_nonnull (d->status_explanation);
  ck_assert_uint_gt (d->key_dates->len, 0);

  ck_assert_uint_eq (g_list_model_get_n_items (d->milestones), 3);
  first = g_list_model_get_item (d->milestones, 0);
  last = g_list_model_get_item (d->milestones, 2);
  ck_assert_str_eq (pathways_record_get_string (first, "category"), "plans");
  ck_assert_str_eq (pathways_record_get_string (last, "category"), "finance");
  /* One of three done: readiness is a third, the rules' weights aside */
  ck_assert_int_gt (d->readiness, 0);
  ck_assert_int_lt (d->readiness, 100);

  note = g_list_model_get_item (d->notes, 0);
  ck_assert_str_eq (pathways_record_get_string (note, "body"), "Phoned");
  ck_assert_uint_eq (g_list_model_get_n_items (d->spells), 0);
  ck_assert_uint_eq (g_list_model_get_n_items (d->moves), 0);
  ck_assert (g_type_is_a (g_list_model_get_item_type (d->alerts), PATHWAYS_TYPE_ALERT));
}
END_TEST

START_TEST (test_load_missing_person)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "missing.db");
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_null (pathways_person_load (store, 4242, TEST_TODAY, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND));
}
END_TEST

START_TEST (test_load_demo_person_has_units)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "demo.db");
  g_autoptr(GListModel) rows = NULL;
  gboolean saw_unit = FALSE;

  ck_assert (pathways_generate (store, PATHWAYS_GENERATE_DEMO, 3, TEST_TODAY, NULL, NULL));
  rows = pathways_store_load_caseload (store, TEST_TODAY, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (rows) && !saw_unit; i++)
    {
      g_autoptr(PathwaysRecord) row = g_list_model_get_item (rows, i);
      g_autoptr(PathwaysPersonDetails) d = NULL;
      g_autoptr(GError) error = NULL;

      d = pathways_person_load (store, pathways_record_get_id (row), TEST_TODAY, &error);
      ck_assert_no_error (error);
      ck_assert_int_eq (d->age, pathways_record_get_int (row, "age"));
      for (guint j = 0; j < g_list_model_get_n_items (d->spells); j++)
        {
          g_autoptr(PathwaysRecord) s = g_list_model_get_item (d->spells, j);
          gint64 unit = pathways_record_get_int (s, "unit-id");
          if (unit != 0)
            {
              ck_assert_ptr_nonnull (pathways_person_details_get_unit (d, unit));
              saw_unit = TRUE;
            }
        }
    }
  ck_assert (saw_unit);
}
END_TEST

static const struct {
  int             age;
  PathwaysAgeBand band;
} bands[] = {
  { 15, PATHWAYS_AGE_BAND_OTHER },
  { 16, PATHWAYS_AGE_BAND_16_17 },
  { 17, PATHWAYS_AGE_BAND_16_17 },
  { 18, PATHWAYS_AGE_BAND_18_20 },
  { 20, PATHWAYS_AGE_BAND_18_20 },
  { 21, PATHWAYS_AGE_BAND_21_25 },
  { 25, PATHWAYS_AGE_BAND_21_25 },
  { 26, PATHWAYS_AGE_BAND_OTHER },
};

START_TEST (test_age_bands)
{
  ck_assert_int_eq (pathways_age_band (bands[_i].age), bands[_i].band);
}
END_TEST

START_TEST (test_overdue)
{
  g_autoptr(PathwaysMilestone) m = pathways_milestone_new ();

  g_object_set (m, "due-date", "2026-11-21", NULL);
  ck_assert (pathways_milestone_is_overdue (PATHWAYS_RECORD (m), TEST_TODAY));
  ck_assert (!pathways_milestone_is_overdue (PATHWAYS_RECORD (m), "2026-11-21"));
  g_object_set (m, "done-date", "2026-11-20", NULL);
  ck_assert (!pathways_milestone_is_overdue (PATHWAYS_RECORD (m), TEST_TODAY));
  g_object_set (m, "done-date", NULL, "due-date", NULL, NULL);
  ck_assert (!pathways_milestone_is_overdue (PATHWAYS_RECORD (m), TEST_TODAY));
}
END_TEST

START_TEST (test_field_for_error)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "fields.db");
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0002");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) other = g_error_new_literal (PATHWAYS_STORE_ERROR, 0, "Something else broke");

  /* The store's own messages, each mapped to its field */
  g_object_set (yp, "family-name", "  ", NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_str_eq (pathways_person_field_for_error (PATHWAYS_RECORD (yp), error), "family-name");
  g_clear_error (&error);

  g_object_set (yp, "family-name", "Okafor", "date-of-birth", "2031-01-01", NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_str_eq (pathways_person_field_for_error (PATHWAYS_RECORD (yp), error), "date-of-birth");
  g_clear_error (&error);

  /* "Date care ended …" must not be taken for a shorter label */
  g_object_set (yp, "date-of-birth", "2008-05-14", "date-care-ended", "2019-01-01", NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_str_eq (pathways_person_field_for_error (PATHWAYS_RECORD (yp), error), "date-care-ended");
  g_clear_error (&error);

  ck_assert_ptr_null (pathways_person_field_for_error (PATHWAYS_RECORD (yp), other));
  ck_assert_ptr_null (pathways_person_field_for_error (PATHWAYS_RECORD (yp), NULL));
}
END_TEST

static Suite *
person_suite (void)
{
  Suite *s = suite_create ("person");
  TCase *tc = tcase_create ("details");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_load_details);
  tcase_add_test (tc, test_load_missing_person);
  tcase_add_test (tc, test_load_demo_person_has_units);
  tcase_add_loop_test (tc, test_age_bands, 0, G_N_ELEMENTS (bands));
  tcase_add_test (tc, test_overdue);
  tcase_add_test (tc, test_field_for_error);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (person_suite ());
}
