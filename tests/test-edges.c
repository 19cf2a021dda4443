/* test-edges.c — an authority at the end of the calendar
 *
 * 31/12/9999 is the last day Pathways records, and a common "open-ended"
 * date.  A whole authority whose today is that day (or the middle of
 * 9999), with young people whose 16th, 18th or 21st birthdays fall after
 * it, B&B placements, overdue and not-yet-due reviews, Staying Put and
 * planned moves on the last day, goes through every query, the planner,
 * the sufficiency figures, the timeline and the committee report.  Each
 * answers (no endless loop: the case has a short timeout; no NULL date
 * dereferenced; no GLib critical: the suite runs with fatal criticals),
 * and the answers stay within the calendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pathways-report.h"
#include "test-util.h"

static char *dir;
static PathwaysStore *store;
static GArray *people;   /* gint64 */
static GArray *units;    /* gint64 */

static gint64
add_unit (const char *name,
          const char *kind,
          gint64      min_age,
          gint64      max_age)
{
  g_autoptr(PathwaysUnit) u = g_object_new (PATHWAYS_TYPE_UNIT, "name", name, "kind", kind,
                                            "status", "available", "min-age", min_age,
                                            "max-age", max_age, "weekly-cost", (gint64) 12000,
                                            "in-authority", TRUE, "support-hours", 10.0,
                                            "registration", "registered", "ofsted-urn", "2123456", NULL);
  gint64 id = test_add (store, PATHWAYS_RECORD (u));

  g_array_append_val (units, id);
  return id;
}

static gint64
add_person (const char *local_id,
            const char *dob,
            const char *first_looked_after,
            const char *care_ended)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person (local_id);
  gint64 id;

  g_object_set (yp, "date-of-birth", dob, "date-first-looked-after", first_looked_after,
                "date-care-ended", care_ended, "days-looked-after-since-14", (gint64) 0,
                "days-looked-after-since-16", (gint64) 0, NULL);
  id = test_add (store, PATHWAYS_RECORD (yp));
  g_array_append_val (people, id);
  return id;
}

static gint64
add_spell (gint64      who,
           gint64      unit,
           const char *state,
           const char *start,
           const char *planned_end,
           const char *accom,
           const char *place)
{
  g_autoptr(PathwaysSpell) s = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", who, "unit-id", unit,
                                             "accom", accom, "place", place, "start-date", start,
                                             "planned-end", planned_end, "state", state,
                                             "accom-suitable", g_strcmp0 (accom, "W") != 0, NULL);
  return test_add (store, PATHWAYS_RECORD (s));
}

static void
set_dates (gint64      who,
           const char *plan_review,
           const char *last_contact)
{
  g_autoptr(PathwaysRecord) yp = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, who, NULL);

  g_object_set (yp, "pathway-plan-review-date", plan_review, "last-contact-date", last_contact, NULL);
  ck_assert (pathways_store_update (store, yp, NULL));
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysClock) clock = pathways_clock_new_fixed (PATHWAYS_DATE_ISO_LAST);
  g_autofree char *path = NULL;
  gint64 sp, bnb, flat, supported, close, offline;
  gint64 a, b, c, d, e, f;
  gint64 to_spell;

  dir = test_make_dir ();
  path = g_build_filename (dir, "end.db", NULL);
  store = pathways_store_open (path, clock, &error);
  ck_assert_no_error (error);
  people = g_array_new (FALSE, FALSE, sizeof (gint64));
  units = g_array_new (FALSE, FALSE, sizeof (gint64));
  ck_assert (pathways_store_set_setting (store, "authority_name", "Northbrook", &error));

  sp = add_unit ("The Hendersons (Staying Put)", "staying_put", 18, 21);
  bnb = add_unit ("Station Road Guest House", "bed_and_breakfast", 16, 0);
  flat = add_unit ("Flat 3, Mill Lane", "council", 18, 25);
  supported = add_unit ("Riverside Supported Living", "supported", 16, 21);
  close = add_unit ("Near Oak House", "staying_close", 18, 21);
  offline = add_unit ("Flat 9, Mill Lane", "housing_association", 18, 25);
  {
    g_autoptr(PathwaysRecord) u = pathways_store_get (store, PATHWAYS_TYPE_UNIT, offline, NULL);
    g_object_set (u, "status", "void", "status-from", "9999-11-01", "status-to", "9999-12-31", NULL);
    ck_assert (pathways_store_update (store, u, NULL));
  }

  /* Nine: turns 16, 18 and 21 after the end of the calendar */
  a = add_person ("LC9001", "9990-01-01", "9995-01-01", NULL);
  add_spell (a, 0, "current", "9996-01-01", NULL, NULL, "K2");   /* a children's home */
  /* Sixteen on the last day: 18 after it, in foster care, a move planned that day */
  b = add_person ("LC9002", "9983-12-31", "9990-01-01", NULL);
  add_spell (b, 0, "current", "9995-01-01", NULL, NULL, "U1");   /* foster care */
  to_spell = add_spell (b, supported, "planned", "9999-12-31", NULL, "D", NULL);
  {
    g_autoptr(PathwaysTransition) t = g_object_new (PATHWAYS_TYPE_TRANSITION, "young-person-id", b,
                                                    "to-unit-id", supported, "to-spell-id", to_spell,
                                                    "planned-date", "9999-12-31", "state", "confirmed", NULL);
    test_add (store, PATHWAYS_RECORD (t));
  }
  /* Seventeen and a half: 18 on 15/06/10000 would be after the calendar; born 9982-06-15 turns 18 in it */
  c = add_person ("LC9003", "9982-06-15", "9990-01-01", "9999-06-15");
  add_spell (c, bnb, "current", "9999-12-30", NULL, "W", NULL);
  set_dates (c, "9999-10-01", "9999-12-01");
  /* Twenty, in Staying Put until 21 (in 10000) */
  d = add_person ("LC9004", "9979-03-01", "9990-01-01", "9997-03-01");
  add_spell (d, sp, "current", "9997-03-01", NULL, "Z", NULL);
  set_dates (d, "9999-06-01", "9999-11-01");
  /* Twenty-four in a flat whose tenancy "ends" on the last day */
  e = add_person ("LC9005", "9975-12-31", "9990-01-01", "9993-12-31");
  add_spell (e, flat, "current", "9998-01-01", "9999-12-31", "U", NULL);
  /* Born on 29 February in a leap year, nineteen, nowhere to live */
  f = add_person ("LC9006", "9980-02-29", "9990-01-01", "9998-03-01");
  (void) f;
  (void) close;
}

static void
teardown (void)
{
  g_clear_object (&store);
  g_clear_pointer (&people, g_array_unref);
  g_clear_pointer (&units, g_array_unref);
  test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

static void
assert_iso_or_null (const char *iso,
                    const char *what)
{
  ck_assert_msg (iso == NULL || pathways_date_parse_iso (iso, NULL), "%s: “%s” is not a recordable day", what, iso);
}

static void
run_everything (const char *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) caseload = NULL;
  g_autoptr(GListModel) alerts = NULL;
  g_autoptr(GListModel) stock = NULL;
  g_autoptr(GListModel) counts = NULL;
  g_autoptr(GListModel) coming = NULL;
  g_autoptr(GHashTable) free_units = NULL;
  g_autoptr(PathwaysSufficiency) sufficiency = NULL;
  g_autoptr(PathwaysTimeline) timeline = NULL;

  pathways_clock_set_fixed (pathways_store_get_clock (store), today);

  caseload = pathways_store_load_caseload (store, today, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (caseload), people->len);
  for (guint i = 0; i < g_list_model_get_n_items (caseload); i++)
    {
      g_autoptr(PathwaysRecord) row = g_list_model_get_item (caseload, i);
      assert_iso_or_null (pathways_record_get_string (row, "next-key-date"), "next key date");
      ck_assert_int_ge (pathways_record_get_int (row, "age"), 0);
    }

  alerts = pathways_store_load_alerts (store, today, 0, &error);
  ck_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (alerts); i++)
    {
      g_autoptr(PathwaysRecord) a = g_list_model_get_item (alerts, i);
      assert_iso_or_null (pathways_record_get_string (a, "due-date"), "alert due");
      ck_assert_ptr_null (strstr (pathways_record_get_string (a, "reason"), " ."));
    }

  stock = pathways_store_load_stock (store, today, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (stock), units->len);
  counts = pathways_stock_counts (store, today, &error);
  ck_assert_no_error (error);
  coming = pathways_stock_coming_free (store, today, 12, &error);
  ck_assert_no_error (error);
  free_units = pathways_stock_free_on (store, PATHWAYS_DATE_ISO_LAST, &error);
  ck_assert_no_error (error);

  for (guint u = 0; u < units->len; u++)
    {
      g_autoptr(GListModel) ranked = pathways_stock_rank_people (store, g_array_index (units, gint64, u),
                                                                 today, &error);
      ck_assert_no_error (error);
      ck_assert_ptr_nonnull (ranked);
    }

  for (guint p = 0; p < people->len; p++)
    {
      gint64 id = g_array_index (people, gint64, p);
      g_autofree char *used = NULL;
      g_autoptr(GListModel) ranked = pathways_stock_rank_units (store, id, NULL, &used, &error);
      g_autoptr(GListModel) destinations = pathways_planner_list_destinations (store, id, today, &error);
      g_autoptr(PathwaysPersonDetails) details = pathways_person_load (store, id, today, &error);

      ck_assert_no_error (error);
      ck_assert_ptr_nonnull (ranked);
      ck_assert_ptr_nonnull (destinations);
      ck_assert_ptr_nonnull (details);
      assert_iso_or_null (used, "need date");
      ck_assert_ptr_nonnull (used);

      for (guint u = 0; u < units->len; u++)
        {
          PathwaysMoveRequest req = { .young_person_id = id, .date = today,
                                      .unit_id = g_array_index (units, gint64, u) };
          g_autoptr(PathwaysEligibility) e = pathways_planner_check_move (store, &req, &error);

          ck_assert_no_error (error);
          ck_assert_ptr_nonnull (e);
          for (guint r = 0; r < e->reasons->len; r++)
            {
              const PathwaysReason *reason = g_ptr_array_index (e->reasons, r);
              ck_assert_msg (strstr (reason->text, " .") == NULL && strstr (reason->text, "()") == NULL,
                             "%s", reason->text);
            }
        }
    }

  sufficiency = pathways_sufficiency_compute (store, today, &error);
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (sufficiency);
  ck_assert_str_eq (sufficiency->months[0], g_str_has_prefix (today, "9999-12") ? "9999-12-01" : "9999-06-01");
  for (int m = 0; m < PATHWAYS_SUFFICIENCY_MONTHS; m++)
    assert_iso_or_null (sufficiency->months[m], "forecast month");

  for (int f = PATHWAYS_REPORT_PDF; f <= PATHWAYS_REPORT_XLSX; f++)
    {
      g_autofree char *name = g_strdup_printf ("report-%s.%s", today,
                                               pathways_report_format_extension ((PathwaysReportFormat) f));
      g_autofree char *path = g_build_filename (dir, name, NULL);

      ck_assert_msg (pathways_report_write (sufficiency, (PathwaysReportFormat) f, path, &error),
                     "%s", error ? error->message : "");
      ck_assert (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }

  timeline = pathways_timeline_load (store, today, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (pathways_timeline_get_n_rows (timeline), people->len);
}

START_TEST (test_last_day)
{
  run_everything (PATHWAYS_DATE_ISO_LAST);
}
END_TEST

START_TEST (test_middle_of_the_last_year)
{
  run_everything ("9999-06-30");
}
END_TEST

/* On the last day: the rules' answers for these people */
START_TEST (test_answers_on_the_last_day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) alerts = pathways_store_load_alerts (store, PATHWAYS_DATE_ISO_LAST,
                                                             g_array_index (people, gint64, 2), &error);
  g_autoptr(PathwaysPersonDetails) nine = pathways_person_load (store, g_array_index (people, gint64, 0),
                                                                PATHWAYS_DATE_ISO_LAST, &error);
  gboolean emergency = FALSE;

  ck_assert_no_error (error);
  /* In B&B since the day before: within the limit, which falls after the calendar */
  for (guint i = 0; i < g_list_model_get_n_items (alerts); i++)
    {
      g_autoptr(PathwaysRecord) a = g_list_model_get_item (alerts, i);
      if (g_str_equal (pathways_record_get_string (a, "kind"), PATHWAYS_ALERT_EMERGENCY))
        {
          emergency = TRUE;
          ck_assert_str_eq (pathways_record_get_string (a, "reason"),
                            "In bed and breakfast since 30/12/9999: must move on within 2 working days.");
          ck_assert_str_eq (pathways_record_get_string (a, "severity-label"), "Medium");
        }
      /* Last contact on 01/12/9999: due after the calendar, not overdue */
      ck_assert_str_ne (pathways_record_get_string (a, "kind"), PATHWAYS_ALERT_CONTACT);
    }
  ck_assert (emergency);
  /* Nine years old: no birthday of 16, 18 or 21 to show */
  ck_assert_int_eq (nine->age, 9);
  ck_assert_uint_eq (nine->key_dates->len, 0);
}
END_TEST

static Suite *
edges_suite (void)
{
  Suite *s = suite_create ("edges");
  TCase *tc = tcase_create ("end-of-calendar");

  /* An endless loop fails here, in seconds */
  tcase_set_timeout (tc, 30);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_last_day);
  tcase_add_test (tc, test_middle_of_the_last_year);
  tcase_add_test (tc, test_answers_on_the_last_day);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (edges_suite ());
}
