/* test-generator.c — the synthetic authority
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

static PathwaysStore *
generate (const char            *name,
          PathwaysGenerateSize   size,
          guint32                seed,
          PathwaysGenerateStats *stats)
{
  PathwaysStore *store = test_open_store (dir, name);
  g_autoptr(GError) error = NULL;

  ck_assert (pathways_generate (store, size, seed, TEST_TODAY, stats, &error));
  ck_assert_no_error (error);
  return store;
}

/* Every record of every kind, in order, field by field */
static char *
fingerprint (PathwaysStore *store)
{
  GType types[] = {
    PATHWAYS_TYPE_STAFF, PATHWAYS_TYPE_YOUNG_PERSON, PATHWAYS_TYPE_UNIT, PATHWAYS_TYPE_SPELL,
    PATHWAYS_TYPE_MILESTONE, PATHWAYS_TYPE_TRANSITION,
  };
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) records = pathways_store_list (store, types[t], &error);

      ck_assert_no_error (error);
      for (guint i = 0; i < g_list_model_get_n_items (records); i++)
        {
          g_autoptr(PathwaysRecord) r = g_list_model_get_item (records, i);
          PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (r);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT "|", pathways_record_get_id (r));

          g_checksum_update (sum, (const guchar *) id, -1);
          for (guint f = 0; f < pathways_record_class_get_n_fields (klass); f++)
            {
              g_autofree char *v = g_strdup_value_contents (pathways_record_peek_value (r, f));
              g_checksum_update (sum, (const guchar *) v, -1);
              g_checksum_update (sum, (const guchar *) "|", 1);
            }
        }
    }
  return g_strdup (g_checksum_get_string (sum));
}

static gint64
scalar (PathwaysStore *store,
        const char    *sql)
{
  return test_query_int (store, sql);
}

START_TEST (test_same_seed_same_data)
{
  g_autoptr(PathwaysStore) a = generate ("a.db", PATHWAYS_GENERATE_DEMO, 7, NULL);
  g_autoptr(PathwaysStore) b = generate ("b.db", PATHWAYS_GENERATE_DEMO, 7, NULL);
  g_autoptr(PathwaysStore) c = generate ("c.db", PATHWAYS_GENERATE_DEMO, 8, NULL);
  g_autofree char *fa = fingerprint (a);
  g_autofree char *fb = fingerprint (b);
  g_autofree char *fc = fingerprint (c);

  ck_assert_str_eq (fa, fb);
  ck_assert_str_ne (fa, fc);
}
END_TEST

START_TEST (test_demo_authority)
{
  PathwaysGenerateStats stats;
  g_autoptr(PathwaysStore) store = generate ("demo.db", PATHWAYS_GENERATE_DEMO, 2026, &stats);
  g_autoptr(GListModel) rows = pathways_store_load_caseload (store, TEST_TODAY, NULL);
  gint64 uasc;

  ck_assert_uint_eq (stats.n_young_people, 60);
  ck_assert_uint_eq (stats.n_units, 120);
  ck_assert_uint_ge (stats.n_staff, 5);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 60);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_SPELL, NULL), stats.n_spells);
  ck_assert_uint_eq (g_list_model_get_n_items (rows), 60);
  /* The care history as episodes: at least one for each young person */
  ck_assert_uint_ge (stats.n_episodes, 60);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_EPISODE, NULL), stats.n_episodes);
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM young_person y WHERE NOT EXISTS"
                                           " (SELECT 1 FROM episode e WHERE e.young_person_id = y.id)"), 0);

  /* Ages 15¾ to 25 on the day */
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PathwaysRecord) row = g_list_model_get_item (rows, i);
      gint64 age = pathways_record_get_int (row, "age");
      ck_assert_int_ge (age, 15);
      ck_assert_int_le (age, 25);
      ck_assert_ptr_nonnull (pathways_record_get_string (row, "pa-name"));
    }

  uasc = scalar (store, "SELECT count(*) FROM young_person WHERE uasc");
  ck_assert_int_ge (uasc, 4);
  ck_assert_int_le (uasc, 24);

  /* Everyone has exactly one current spell */
  ck_assert_int_eq (scalar (store, "SELECT count(*) FROM young_person yp WHERE "
                                   "(SELECT count(*) FROM spell s WHERE s.young_person_id = yp.id "
                                   " AND s.state = 'current') <> 1"), 0);
  /* Units have their statuses: some occupied, some free */
  ck_assert_int_gt (scalar (store, "SELECT count(*) FROM unit WHERE status = 'occupied'"), 10);
  ck_assert_int_gt (scalar (store, "SELECT count(*) FROM unit WHERE status = 'available'"), 10);
  /* Something for the alerts to find: overdue milestones */
  ck_assert_int_gt (scalar (store, "SELECT count(*) FROM milestone WHERE done_date IS NULL "
                                   "AND due_date < '" TEST_TODAY "'"), 0);
}
END_TEST

START_TEST (test_refuses_non_empty)
{
  g_autoptr(PathwaysStore) store = generate ("twice.db", PATHWAYS_GENERATE_DEMO, 1, NULL);
  g_autoptr(GError) error = NULL;
  gint64 before = pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL);

  ck_assert (!pathways_generate (store, PATHWAYS_GENERATE_DEMO, 2, TEST_TODAY, NULL, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID));
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), before);
}
END_TEST

START_TEST (test_large_authority)
{
  PathwaysGenerateStats stats;
  g_autoptr(PathwaysStore) store = generate ("large.db", PATHWAYS_GENERATE_LARGE, 1, &stats);
  gint64 uasc, in_area_units, staying_put_cost_ok;

  ck_assert_uint_eq (stats.n_young_people, 2000);
  ck_assert_uint_eq (stats.n_units, 5000);
  ck_assert_uint_ge (stats.n_spells, 16000);
  ck_assert_uint_le (stats.n_spells, 24000);
  ck_assert_uint_ge (stats.n_milestones, 50000);
  ck_assert_uint_le (stats.n_milestones, 70000);

  /* 15–25% unaccompanied asylum-seeking young people */
  uasc = scalar (store, "SELECT count(*) FROM young_person WHERE uasc");
  ck_assert_int_ge (uasc, 300);
  ck_assert_int_le (uasc, 500);

  /* Most of the register is inside the authority, not all */
  in_area_units = scalar (store, "SELECT count(*) FROM unit WHERE in_authority");
  ck_assert_int_gt (in_area_units, 2500);
  ck_assert_int_lt (in_area_units, 4500);

  /* Costs in the seeds' ranges: Staying Put at in-house £565 or IFA £904 a week;
   * supported £260–£1,500 */
  staying_put_cost_ok = scalar (store, "SELECT count(*) FROM unit WHERE kind = 'staying_put' "
                                       "AND weekly_cost NOT IN (56500, 90400)");
  ck_assert_int_eq (staying_put_cost_ok, 0);
  ck_assert_int_eq (scalar (store, "SELECT count(*) FROM unit WHERE kind = 'supported' AND "
                                   "(weekly_cost < 26000 OR weekly_cost > 150000)"), 0);

  /* Bed and breakfast stays and planned moves exist for the alerts and the planner */
  ck_assert_int_gt (scalar (store, "SELECT count(*) FROM spell WHERE state = 'current' AND accom = 'W'"), 0);
  ck_assert_int_gt (scalar (store, "SELECT count(*) FROM transition WHERE state = 'confirmed'"), 100);

  /* Nobody double-booked: no two spells in one unit overlap */
  ck_assert_int_eq (scalar (store,
    "SELECT count(*) FROM spell a JOIN spell b ON a.unit_id = b.unit_id AND a.id < b.id "
    "WHERE a.start_date < coalesce(b.actual_end, b.planned_end, '9999-12-31') "
    "  AND b.start_date < coalesce(a.actual_end, a.planned_end, '9999-12-31') "
    "  AND a.state <> 'planned' AND b.state <> 'planned'"), 0);
}
END_TEST

static Suite *
generator_suite (void)
{
  Suite *s = suite_create ("generator");
  TCase *demo = tcase_create ("demo");
  TCase *large = tcase_create ("large");

  tcase_add_checked_fixture (demo, setup, teardown);
  tcase_add_test (demo, test_same_seed_same_data);
  tcase_add_test (demo, test_demo_authority);
  tcase_add_test (demo, test_refuses_non_empty);
  suite_add_tcase (s, demo);

  tcase_add_checked_fixture (large, setup, teardown);
  tcase_set_timeout (large, 600);
  tcase_add_test (large, test_large_authority);
  suite_add_tcase (s, large);

  return s;
}

int
main (void)
{
  return test_run_suite (generator_suite ());
}
