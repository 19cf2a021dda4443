/* test-settings.c — the authority's settings: checked on write, and read
 * safely when a bad value is already in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "test-util.h"

/* Every rule of every setting, with the sentence a person sees */
static const struct {
  const char *key;
  const char *value;
  const char *message;  /* NULL: accepted */
} cases[] = {
  { "contact_interval_days", "56", NULL },
  { "contact_interval_days", "7", NULL },
  { "contact_interval_days", "365", NULL },
  { "contact_interval_days", "6", "PA contact interval must be a whole number of days from 7 to 365" },
  { "contact_interval_days", "366", "PA contact interval must be a whole number of days from 7 to 365" },
  { "contact_interval_days", "abc", "PA contact interval must be a whole number of days from 7 to 365" },
  { "contact_interval_days", "56.5", "PA contact interval must be a whole number of days from 7 to 365" },
  { "contact_interval_days", " 56", "PA contact interval must be a whole number of days from 7 to 365" },
  { "contact_interval_days", "99999999999999999999", "PA contact interval must be a whole number of days from 7 to 365" },
  { "contact_interval_days", "", "PA contact interval is required" },
  { "contact_interval_days", NULL, "PA contact interval is required" },
  { "readiness_threshold", "0", NULL },
  { "readiness_threshold", "100", NULL },
  { "readiness_threshold", "-5", "Readiness threshold must be a whole percentage from 0 to 100" },
  { "readiness_threshold", "101", "Readiness threshold must be a whole percentage from 0 to 100" },
  { "emergency_max_working_days", "2", NULL },
  { "emergency_max_working_days", "30", NULL },
  { "emergency_max_working_days", "0",
    "Emergency accommodation limit must be a whole number of working days from 1 to 30" },
  { "emergency_max_working_days", "2000000000",
    "Emergency accommodation limit must be a whole number of working days from 1 to 30" },
  { "suha_amount", "300000", NULL },
  { "suha_amount", "-1", "Setting Up Home Allowance must be a whole number of pence, from £0 to £100,000" },
  { "suha_amount", "1e300", "Setting Up Home Allowance must be a whole number of pence, from £0 to £100,000" },
  { "readiness_weights", "plans=1;finance=2.5", NULL },
  { "readiness_weights", " plans = 0 ; finance=100 ;", NULL },
  { "readiness_weights", "", NULL },
  { "readiness_weights", "finance=nan", "The weight for Finances and budgeting in Readiness weights must be a number from 0 to 100" },
  { "readiness_weights", "finance=inf", "The weight for Finances and budgeting in Readiness weights must be a number from 0 to 100" },
  { "readiness_weights", "finance=-1", "The weight for Finances and budgeting in Readiness weights must be a number from 0 to 100" },
  { "readiness_weights", "finance=1e3", "The weight for Finances and budgeting in Readiness weights must be a number from 0 to 100" },
  { "readiness_weights", "finance=101", "The weight for Finances and budgeting in Readiness weights must be a number from 0 to 100" },
  { "readiness_weights", "finance=", "The weight for Finances and budgeting in Readiness weights must be a number from 0 to 100" },
  { "readiness_weights", "castle=1", "‘castle’ in Readiness weights is not a milestone category" },
  { "readiness_weights", "plans", "‘plans’ in Readiness weights is not a category and a weight (for example finance=2)" },
  { "readiness_weights", "finance=1;finance=2", "Readiness weights names Finances and budgeting twice" },
  { "readiness_weights", "plans=0;accommodation=0;practical=0;finance=0;eet=0;health=0;family=0;immigration=0",
    "Readiness weights must give at least one category a weight above 0" },
  { "staying_close_scope", "all", NULL },
  { "staying_close_scope", "residential", NULL },
  { "staying_close_scope", "everyone", "Staying Close scope ‘everyone’ is not one of the known values" },
  { "staying_close_scope", "", "Staying Close scope is required" },
  { "authority_name", "Northbrook", NULL },
  { "authority_name", "", NULL },
  { "authority_name", "North\nbrook", "Authority name must be a single line of text" },
  { "authority_name", "North\xff" "brook", "Authority name is not valid text" },
  { "authority_areas", "Northbrook Central;Eastfield", NULL },
  { "authority_areas", "Northbrook Central;;Eastfield", "Areas inside the authority has an empty entry: separate "
                                                        "the names with ‘;’" },
  { "no_such_thing", "1", "There is no setting called ‘no_such_thing’" },
};

START_TEST (test_validate)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = pathways_setting_validate (cases[_i].key, cases[_i].value, &error);

  if (cases[_i].message == NULL)
    ck_assert_msg (ok, "%s=%s refused: %s", cases[_i].key, cases[_i].value, error ? error->message : "");
  else
    {
      ck_assert_msg (!ok, "%s=%s accepted", cases[_i].key, cases[_i].value);
      ck_assert_str_eq (error->message, cases[_i].message);
      ck_assert (error->domain == PATHWAYS_STORE_ERROR);
      ck_assert_int_eq (error->code, g_str_equal (cases[_i].key, "no_such_thing") ? PATHWAYS_STORE_ERROR_NOT_FOUND
                                                                                 : PATHWAYS_STORE_ERROR_INVALID);
    }
}
END_TEST

/* Lengths and counts of the text settings */
START_TEST (test_validate_lengths)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name200 = g_strnfill (200, 'n');
  g_autofree char *name201 = g_strnfill (201, 'n');
  g_autofree char *megabyte = g_strnfill (1 << 20, 'n');
  g_autofree char *area101 = g_strnfill (101, 'a');
  g_autoptr(GString) many = g_string_new (NULL);

  ck_assert (pathways_setting_validate ("authority_name", name200, &error));
  ck_assert (!pathways_setting_validate ("authority_name", name201, &error));
  ck_assert_str_eq (error->message, "Authority name is too long (at most 200 characters)");
  g_clear_error (&error);
  ck_assert (!pathways_setting_validate ("authority_name", megabyte, &error));
  g_clear_error (&error);
  ck_assert (!pathways_setting_validate ("authority_areas", area101, &error));
  ck_assert_str_eq (error->message,
                    "Areas inside the authority has an entry that is too long (at most 100 characters each)");
  g_clear_error (&error);
  for (int i = 0; i < 101; i++)
    g_string_append_printf (many, "%sArea %d", i ? ";" : "", i);
  ck_assert (!pathways_setting_validate ("authority_areas", many->str, &error));
  ck_assert_str_eq (error->message, "Areas inside the authority has more than 100 entries");
}
END_TEST

/* The table and the store hold the same settings, and every default is valid */
START_TEST (test_table_matches_the_store)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(PathwaysStore) store = test_open_store (dir, "settings.db");
  g_autoptr(GHashTable) stored = pathways_store_dup_settings (store, NULL);
  const PathwaysSettingInfo *all;
  guint n;
  GHashTableIter iter;
  gpointer key, value;

  all = pathways_settings_get_all (&n);
  ck_assert_uint_eq (g_hash_table_size (stored), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert_msg (g_hash_table_contains (stored, all[i].key), "%s is not in the store", all[i].key);
      ck_assert_msg (pathways_setting_validate (all[i].key, all[i].default_value, &error),
                     "%s: default %s: %s", all[i].key, all[i].default_value, error ? error->message : "");
      ck_assert_ptr_nonnull (all[i].label);
      ck_assert_ptr_nonnull (all[i].meaning);
    }
  /* A new database starts with the defaults */
  g_hash_table_iter_init (&iter, stored);
  while (g_hash_table_iter_next (&iter, &key, &value))
    ck_assert_str_eq (value ? value : "", pathways_setting_lookup (key)->default_value
                                          ? pathways_setting_lookup (key)->default_value : "");
  test_remove_dir (dir);
}
END_TEST

/* The store refuses a bad value with the form's sentence, and writes nothing */
START_TEST (test_store_refuses)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(PathwaysStore) store = test_open_store (dir, "settings.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) audit_before = pathways_store_list_audit (store, "setting", 0, NULL);
  g_autoptr(GListModel) audit_after = NULL;
  const char *bad[][2] = {
    { "contact_interval_days", "abc" },
    { "readiness_threshold", "-5" },
    { "emergency_max_working_days", "2000000000" },
    { "readiness_weights", "finance=nan" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *before = pathways_store_dup_setting (store, bad[i][0]);
      g_autofree char *after = NULL;

      ck_assert (!pathways_store_set_setting (store, bad[i][0], bad[i][1], &error));
      ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID));
      g_clear_error (&error);
      after = pathways_store_dup_setting (store, bad[i][0]);
      ck_assert_str_eq (after, before);
    }
  audit_after = pathways_store_list_audit (store, "setting", 0, NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (audit_after), g_list_model_get_n_items (audit_before));

  ck_assert (pathways_store_set_setting (store, "emergency_max_working_days", "3", &error));
  ck_assert_no_error (error);
  test_remove_dir (dir);
}
END_TEST

/* Values already in a database (written by another tool) that break the
 * rules are not used: the defaults are, and a two-billion-day emergency
 * limit does not hang anything */
START_TEST (test_bad_stored_values_fall_back)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(PathwaysStore) store = test_open_store (dir, "settings.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0001");
  g_autoptr(PathwaysUnit) bnb = g_object_new (PATHWAYS_TYPE_UNIT, "name", "Guest House", "kind", "bed_and_breakfast",
                                              "status", "available", "min-age", (gint64) 16, NULL);
  g_autoptr(PathwaysSnapshot) snap = NULL;
  g_autoptr(GListModel) alerts = NULL;
  const PathwaysRuleSettings *rs;
  gint64 person, unit;
  gboolean found = FALSE;

  g_object_set (yp, "date-of-birth", "2007-01-01", "date-care-ended", "2025-01-01", NULL);
  person = test_add (store, PATHWAYS_RECORD (yp));
  unit = test_add (store, PATHWAYS_RECORD (bnb));
  {
    g_autoptr(PathwaysSpell) s = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", person, "unit-id", unit,
                                               "accom", "W", "start-date", "2026-11-20", "state", "current", NULL);
    test_add (store, PATHWAYS_RECORD (s));
  }
  test_exec (store,
             "UPDATE setting SET value = '2000000000' WHERE key = 'emergency_max_working_days';"
             "UPDATE setting SET value = 'abc' WHERE key = 'contact_interval_days';"
             "UPDATE setting SET value = '-5' WHERE key = 'readiness_threshold';"
             "UPDATE setting SET value = 'finance=nan' WHERE key = 'readiness_weights';"
             "UPDATE setting SET value = 'castle' WHERE key = 'staying_close_scope';");

  snap = pathways_snapshot_load (store, TEST_TODAY, &error);
  ck_assert_no_error (error);
  rs = pathways_snapshot_get_settings (snap);
  ck_assert_int_eq (rs->emergency_max_working_days, 2);
  ck_assert_int_eq (rs->contact_interval_days, 56);
  ck_assert_int_eq (rs->readiness_threshold, 70);
  ck_assert (!rs->staying_close_all);
  for (guint c = 0; c < PATHWAYS_N_MILESTONE_CATEGORIES; c++)
    ck_assert (isfinite (rs->readiness_weights[c]) && rs->readiness_weights[c] >= 0);

  /* Placed on a Friday: over the (default) limit of 2 by Wednesday */
  alerts = pathways_store_load_alerts (store, TEST_TODAY, person, &error);
  ck_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (alerts); i++)
    {
      g_autoptr(PathwaysRecord) a = g_list_model_get_item (alerts, i);
      if (g_str_equal (pathways_record_get_string (a, "kind"), PATHWAYS_ALERT_EMERGENCY))
        {
          found = TRUE;
          ck_assert_str_eq (pathways_record_get_string (a, "due-date"), "2026-11-24");
        }
    }
  ck_assert (found);
  test_remove_dir (dir);
}
END_TEST

START_TEST (test_weights_parse)
{
  g_autoptr(GError) error = NULL;
  double w[PATHWAYS_N_MILESTONE_CATEGORIES];
  const PathwaysVocabEntry *categories;
  guint n;

  categories = pathways_vocab_entries (PATHWAYS_VOCAB_MILESTONE_CATEGORY, &n);
  ck_assert (pathways_readiness_weights_parse ("finance=2.5;plans=0", w, &error));
  for (guint c = 0; c < n; c++)
    {
      double expected = g_str_equal (categories[c].code, "finance") ? 2.5
                      : g_str_equal (categories[c].code, "plans") ? 0 : 1;
      ck_assert_double_eq (w[c], expected);
    }
  ck_assert (pathways_readiness_weights_parse (NULL, w, &error));
  for (guint c = 0; c < n; c++)
    ck_assert_double_eq (w[c], 1);
  ck_assert (!pathways_readiness_weights_parse ("finance=nan", w, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID));
}
END_TEST

static Suite *
settings_suite (void)
{
  Suite *s = suite_create ("settings");
  TCase *tc = tcase_create ("settings");

  tcase_set_timeout (tc, 30);
  tcase_add_loop_test (tc, test_validate, 0, G_N_ELEMENTS (cases));
  tcase_add_test (tc, test_validate_lengths);
  tcase_add_test (tc, test_table_matches_the_store);
  tcase_add_test (tc, test_store_refuses);
  tcase_add_test (tc, test_bad_stored_values_fall_back);
  tcase_add_test (tc, test_weights_parse);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (settings_suite ());
}
