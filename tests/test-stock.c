/* test-stock.c — the housing register: availability, matching, status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-util.h"

static char *dir;
static PathwaysStore *store;

static gint64
add_unit (const char *name,
          const char *kind,
          gint64      min_age,
          gint64      max_age)
{
  g_autoptr(PathwaysUnit) u = g_object_new (PATHWAYS_TYPE_UNIT, "name", name, "kind", kind, "area", "Eastfield",
                                            "status", "available", "min-age", min_age, "max-age", max_age,
                                            "in-authority", TRUE, "weekly-cost", (gint64) 11000, NULL);
  return test_add (store, PATHWAYS_RECORD (u));
}

static gint64
add_person (const char *local_id,
            const char *given,
            const char *dob)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person (local_id);
  g_autofree char *b18 = pathways_date_birthday (dob, 18);

  g_object_set (yp, "given-name", given, "date-of-birth", dob, "date-first-looked-after", "2019-03-01",
                "days-looked-after-since-14", (gint64) 900, "days-looked-after-since-16", (gint64) 300, NULL);
  if (strcmp (b18, TEST_TODAY) <= 0)
    g_object_set (yp, "date-care-ended", b18, NULL);
  return test_add (store, PATHWAYS_RECORD (yp));
}

static gint64
add_spell (gint64      who,
           gint64      unit,
           const char *state,
           const char *start,
           const char *planned_end)
{
  g_autoptr(PathwaysSpell) s = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", who, "unit-id", unit,
                                             "accom", "D", "start-date", start, "planned-end", planned_end,
                                             "state", state, "address", unit ? NULL : "12 Canal Street", NULL);
  return test_add (store, PATHWAYS_RECORD (s));
}

static void
setup (void)
{
  dir = test_make_dir ();
  store = test_open_store (dir, "stock.db");
}

static void
teardown (void)
{
  g_clear_object (&store);
  test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

static gboolean
free_on (gint64      unit,
         const char *date)
{
  g_autoptr(GHashTable) set = pathways_stock_free_on (store, date, NULL);
  return g_hash_table_contains (set, &unit);
}

static char *
free_from (gint64 unit)
{
  g_autoptr(PathwaysSnapshot) snap = pathways_snapshot_load (store, TEST_TODAY, NULL);
  return pathways_rules_unit_free_from (pathways_snapshot_get_unit (snap, unit), TEST_TODAY);
}

START_TEST (test_availability_over_time)
{
  gint64 flat = add_unit ("Flat 3", "council", 18, 25);
  gint64 amara = add_person ("LC2000", "Amara", "2005-01-01");
  gint64 ben = add_person ("LC2001", "Ben", "2005-02-01");
  g_autofree char *from1 = NULL;
  g_autofree char *from2 = NULL;

  /* Amara lives there until 15/01/2027 */
  add_spell (amara, flat, "current", "2025-06-01", "2027-01-15");
  ck_assert (!free_on (flat, "2026-12-01"));
  ck_assert (free_on (flat, "2027-01-15"));
  from1 = free_from (flat);
  ck_assert_str_eq (from1, "2027-01-15");

  /* Ben is booked in from 01/02/2027, open-ended */
  add_spell (ben, flat, "planned", "2027-02-01", NULL);
  ck_assert (free_on (flat, "2027-01-20"));
  ck_assert (!free_on (flat, "2027-02-05"));
  /* Still free from 15/01 (for a fortnight) */
  from2 = free_from (flat);
  ck_assert_str_eq (from2, "2027-01-15");
}
END_TEST

START_TEST (test_availability_void_offline_retired)
{
  gint64 a = add_unit ("Void flat", "council", 18, 25);
  gint64 b = add_unit ("Offline flat", "council", 18, 25);
  gint64 c = add_unit ("Old flat", "council", 18, 25);
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert (pathways_stock_set_status (store, a, "void", "2026-11-01", "2026-12-01", "Repairs", NULL, &error));
  ck_assert (pathways_stock_set_status (store, b, "offline", "2026-11-01", NULL, "Suspended", NULL, &error));
  ck_assert (pathways_stock_retire (store, c, "2026-11-20", "Sold", NULL, &error));
  ck_assert_no_error (error);

  ck_assert (!free_on (a, TEST_TODAY));
  ck_assert (free_on (a, "2026-12-01"));
  fa = free_from (a);
  ck_assert_str_eq (fa, "2026-12-01");
  ck_assert (!free_on (b, "2027-06-01"));
  fb = free_from (b);
  ck_assert_ptr_null (fb);
  ck_assert (!free_on (c, TEST_TODAY));
}
END_TEST

START_TEST (test_retire_with_future_booking_refused)
{
  gint64 flat = add_unit ("Flat 7, Canal House", "council", 18, 25);
  gint64 amara = add_person ("LC2100", "Amara", "2005-01-01");
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(PathwaysUnit) after = NULL;
  gint64 spell = add_spell (amara, flat, "planned", "2027-01-10", NULL);

  ck_assert (!pathways_stock_retire (store, flat, "2026-12-01", "Sold", NULL, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONSTRAINT));
  ck_assert_msg (strstr (error->message, "Flat 7, Canal House cannot be retired: Amara Okafor is booked there "
                                         "on 10/01/2027") != NULL, "%s", error->message);
  g_clear_error (&error);
  after = pathways_store_get (store, PATHWAYS_TYPE_UNIT, flat, NULL);
  ck_assert_ptr_null (pathways_record_get_string (PATHWAYS_RECORD (after), "retired-on"));

  /* Without the booking it can go, and come back with undo */
  {
    g_autoptr(PathwaysSpell) s = pathways_store_get (store, PATHWAYS_TYPE_SPELL, spell, NULL);
    ck_assert (pathways_store_delete (store, PATHWAYS_RECORD (s), NULL));
  }
  ck_assert (pathways_stock_retire (store, flat, "2026-12-01", "Sold", &undo, &error));
  ck_assert (!free_on (flat, "2026-12-02"));
  ck_assert (pathways_store_undo (store, undo, &error));
  ck_assert (free_on (flat, "2026-12-02"));
}
END_TEST

START_TEST (test_status_changes_validated)
{
  gint64 flat = add_unit ("Flat 9", "council", 18, 25);
  gint64 amara = add_person ("LC2200", "Amara", "2005-01-01");
  g_autoptr(GError) error = NULL;

  ck_assert (!pathways_stock_set_status (store, flat, "void", TEST_TODAY, NULL, NULL, NULL, &error));
  ck_assert_msg (strstr (error->message, "reason") != NULL, "%s", error->message);
  g_clear_error (&error);

  ck_assert (!pathways_stock_set_status (store, flat, "void", "2026-12-10", "2026-11-10", "Repairs", NULL, &error));
  ck_assert_msg (strstr (error->message, "is before") != NULL, "%s", error->message);
  g_clear_error (&error);

  add_spell (amara, flat, "current", "2026-01-01", NULL);
  ck_assert (!pathways_stock_set_status (store, flat, "offline", TEST_TODAY, NULL, "Damp", NULL, &error));
  ck_assert_msg (strstr (error->message, "Amara Okafor is living or booked there") != NULL, "%s", error->message);
  g_clear_error (&error);

  ck_assert (!pathways_stock_set_status (store, flat, "occupied", NULL, NULL, NULL, NULL, &error));
}
END_TEST

START_TEST (test_rank_units_ineligible_last)
{
  gint64 seventeen = add_person ("LC2300", "Kai", "2009-06-01");
  gint64 flat = add_unit ("Council flat", "council", 18, 25);
  gint64 supported = add_unit ("Supported flat", "supported", 16, 21);
  g_autoptr(PathwaysUnit) reg = pathways_store_get (store, PATHWAYS_TYPE_UNIT, supported, NULL);
  g_autoptr(GListModel) ranked = NULL;
  g_autoptr(PathwaysRecord) first = NULL;
  g_autoptr(PathwaysRecord) last = NULL;
  g_autofree char *need = NULL;

  g_object_set (reg, "registration", "registered", "ofsted-urn", "2123456", "support-hours", 10.0, NULL);
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (reg), NULL));
  add_spell (seventeen, 0, "current", "2020-01-01", NULL);

  ranked = pathways_stock_rank_units (store, seventeen, "2026-12-01", &need, NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (ranked), 2);
  first = g_list_model_get_item (ranked, 0);
  last = g_list_model_get_item (ranked, 1);
  ck_assert_int_eq (pathways_record_get_int (first, "unit-id"), supported);
  ck_assert_int_eq (pathways_record_get_int (last, "unit-id"), flat);
  ck_assert_int_eq (pathways_record_get_int (last, "verdict"), PATHWAYS_VERDICT_NOT_ELIGIBLE);
  ck_assert (strstr (pathways_record_get_string (last, "reasons"), "A tenancy of their own is only from 18") != NULL);
  ck_assert_str_eq (need, "2026-12-01");
}
END_TEST

START_TEST (test_rank_people_by_need)
{
  gint64 flat = add_unit ("Flat 1, Eastfield", "council", 18, 25);
  gint64 other = add_unit ("Supported flat", "supported", 16, 25);
  gint64 settled = add_person ("LC2400", "Settled", "2005-01-01");
  gint64 ending = add_person ("LC2401", "Ending", "2005-01-01");
  gint64 young = add_person ("LC2402", "Young", "2010-01-01");
  g_autoptr(GListModel) ranked = NULL;
  g_autoptr(PathwaysRecord) first = NULL;
  g_autoptr(PathwaysRecord) last = NULL;
  g_autoptr(PathwaysYoungPerson) yp = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, ending, NULL);

  /* "Ending" leaves supported accommodation on 10/01/2027 and wants Eastfield */
  add_spell (settled, other, "current", "2025-01-01", NULL);
  add_spell (ending, 0, "current", "2025-01-01", "2027-01-10");
  g_object_set (yp, "preferred-area", "Eastfield", NULL);
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (yp), NULL));

  ranked = pathways_stock_rank_people (store, flat, "2027-01-10", NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (ranked), 3);
  first = g_list_model_get_item (ranked, 0);
  last = g_list_model_get_item (ranked, 2);
  ck_assert_int_eq (pathways_record_get_int (first, "young-person-id"), ending);
  ck_assert (strstr (pathways_record_get_string (first, "reasons"), "accommodation ends on 10/01/2027") != NULL);
  ck_assert (strstr (pathways_record_get_string (first, "reasons"), "Wants to live in Eastfield") != NULL);
  ck_assert_int_eq (pathways_record_get_int (last, "young-person-id"), young);
  ck_assert_int_eq (pathways_record_get_int (last, "verdict"), PATHWAYS_VERDICT_NOT_ELIGIBLE);
}
END_TEST

START_TEST (test_counts_and_coming_free)
{
  gint64 a = add_unit ("A", "council", 18, 25);
  gint64 b = add_unit ("B", "council", 18, 25);
  gint64 c = add_unit ("C", "council", 18, 25);
  gint64 d = add_unit ("D", "council", 18, 25);
  gint64 amara = add_person ("LC2500", "Amara", "2005-01-01");
  gint64 ben = add_person ("LC2501", "Ben", "2005-01-01");
  g_autoptr(GListModel) counts = NULL;
  g_autoptr(GListModel) coming = NULL;
  g_autoptr(PathwaysRecord) council = NULL;
  g_autoptr(PathwaysRecord) soonest = NULL;

  add_spell (amara, b, "current", "2025-01-01", "2027-01-10");   /* coming free in 2 months */
  add_spell (ben, c, "planned", "2026-12-01", NULL);             /* reserved */
  ck_assert (pathways_stock_set_status (store, d, "void", "2026-11-01", "2027-06-01", "Repairs", NULL, NULL));
  (void) a;

  counts = pathways_stock_counts (store, TEST_TODAY, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (counts); i++)
    {
      g_autoptr(PathwaysRecord) r = g_list_model_get_item (counts, i);
      if (g_str_equal (pathways_record_get_string (r, "kind"), "council"))
        council = g_object_ref (r);
    }
  ck_assert_ptr_nonnull (council);
  ck_assert_int_eq (pathways_record_get_int (council, "total"), 4);
  ck_assert_int_eq (pathways_record_get_int (council, "available"), 1);
  ck_assert_int_eq (pathways_record_get_int (council, "reserved"), 1);
  ck_assert_int_eq (pathways_record_get_int (council, "void"), 1);
  ck_assert_int_eq (pathways_record_get_int (council, "coming-free"), 1);

  coming = pathways_stock_coming_free (store, TEST_TODAY, 12, NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (coming), 2);
  soonest = g_list_model_get_item (coming, 0);
  ck_assert_str_eq (pathways_record_get_string (soonest, "name"), "B");
  ck_assert_str_eq (pathways_record_get_string (soonest, "available-from"), "2027-01-10");
}
END_TEST

START_TEST (test_stock_rows)
{
  gint64 flat = add_unit ("Flat 2", "council", 18, 25);
  gint64 amara = add_person ("LC2600", "Amara", "2005-01-01");
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(PathwaysRecord) row = NULL;

  add_spell (amara, flat, "current", "2025-01-01", NULL);
  rows = pathways_store_load_stock (store, TEST_TODAY, NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (rows), 1);
  row = g_list_model_get_item (rows, 0);
  ck_assert_str_eq (pathways_record_get_string (row, "occupant"), "Amara Okafor");
  ck_assert_str_eq (pathways_record_get_string (row, "kind-label"), "Council tenancy");
  ck_assert_ptr_null (pathways_record_get_string (row, "available-from"));
  ck_assert_int_eq (pathways_record_get_int (row, "weekly-cost"), 11000);
  ck_assert (strstr (pathways_record_get_string (row, "search-text"), "eastfield") != NULL);
}
END_TEST

/* "Free on a date" for a housing officer: no B&B or emergency beds, no
 * Staying Put household, nothing already reserved for a planned move */
START_TEST (test_free_on_answer_is_offerable)
{
  gint64 flat = add_unit ("Flat 20", "council", 18, 25);
  gint64 bnb = add_unit ("Station Hotel", "bed_and_breakfast", 16, 25);
  gint64 hostel = add_unit ("Night shelter", "emergency", 16, 25);
  gint64 carers = add_unit ("The Okafors (Staying Put)", "staying_put", 18, 21);
  gint64 reserved = add_unit ("Flat 21", "council", 18, 25);
  g_autoptr(PathwaysUnit) u = pathways_store_get (store, PATHWAYS_TYPE_UNIT, reserved, NULL);
  g_autoptr(GListModel) ranked = NULL;
  gint64 amara = add_person ("LC2800", "Amara", "2005-01-01");
  gboolean carers_ranked = FALSE;

  ck_assert (free_on (flat, "2027-01-15"));
  ck_assert (!free_on (bnb, "2027-01-15"));
  ck_assert (!free_on (hostel, "2027-01-15"));
  ck_assert (!free_on (carers, "2027-01-15"));

  /* Reserved from today for a move planned later: not free in between */
  ck_assert (free_on (reserved, "2027-01-15"));
  g_object_set (u, "status", "reserved", "status-from", TEST_TODAY, "status-to", NULL, NULL);
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (u), NULL));
  ck_assert (!free_on (reserved, "2027-01-15"));
  ck_assert (free_on (flat, "2027-01-15"));

  /* A young person's own page still ranks every unit, the rules saying why */
  ranked = pathways_stock_rank_units (store, amara, "2027-01-15", NULL, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (ranked); i++)
    {
      g_autoptr(PathwaysRecord) d = g_list_model_get_item (ranked, i);
      carers_ranked |= pathways_record_get_int (d, "unit-id") == carers;
    }
  ck_assert (carers_ranked);
}
END_TEST

START_TEST (test_let_outside_the_service)
{
  gint64 flat = add_unit ("Flat 12, let", "council", 18, 25);
  gint64 amara = add_person ("LC2700", "Amara", "2005-01-01");
  g_autoptr(PathwaysUnit) u = pathways_store_get (store, PATHWAYS_TYPE_UNIT, flat, NULL);
  g_autofree char *from = NULL;
  g_autoptr(GListModel) ranked = NULL;
  g_autoptr(PathwaysRecord) only = NULL;

  /* Let to a general-needs tenant until 01/03/2027: not ours to offer until then */
  g_object_set (u, "status", "occupied", "status-from", "2025-06-01", "status-to", "2027-03-01",
                "status-reason", "Let outside the leaving-care service", NULL);
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (u), NULL));
  ck_assert (!free_on (flat, TEST_TODAY));
  ck_assert (free_on (flat, "2027-03-01"));
  from = free_from (flat);
  ck_assert_str_eq (from, "2027-03-01");

  ranked = pathways_stock_rank_units (store, amara, TEST_TODAY, NULL, NULL);
  only = g_list_model_get_item (ranked, 0);
  ck_assert_int_eq (pathways_record_get_int (only, "verdict"), PATHWAYS_VERDICT_NOT_ELIGIBLE);
  ck_assert (strstr (pathways_record_get_string (only, "reasons"),
                     "Let to someone outside the leaving-care service until 01/03/2027") != NULL);

  /* Once one of our young people lives there, their booking is what counts */
  add_spell (amara, flat, "current", "2026-10-01", "2026-12-20");
  ck_assert (!free_on (flat, "2026-12-01"));
  ck_assert (free_on (flat, "2026-12-20"));
}
END_TEST

static Suite *
stock_suite (void)
{
  Suite *s = suite_create ("stock");
  TCase *tc = tcase_create ("register");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_availability_over_time);
  tcase_add_test (tc, test_availability_void_offline_retired);
  tcase_add_test (tc, test_free_on_answer_is_offerable);
  tcase_add_test (tc, test_retire_with_future_booking_refused);
  tcase_add_test (tc, test_status_changes_validated);
  tcase_add_test (tc, test_rank_units_ineligible_last);
  tcase_add_test (tc, test_rank_people_by_need);
  tcase_add_test (tc, test_counts_and_coming_free);
  tcase_add_test (tc, test_stock_rows);
  tcase_add_test (tc, test_let_outside_the_service);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (stock_suite ());
}
