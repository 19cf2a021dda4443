/* test-commission.c — the placements budget, referrals, I statements
 *
 * Runs on both backends (PATHWAYS_TEST_BACKEND).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pathways-budget-import.h"
#include "pathways-budget-xlsx.h"
#include "pathways-budget.h"
#include "pathways-istatement.h"
#include "pathways-referral.h"
#include "pathways-report.h"
#include "test-util.h"

static char *dir;
static PathwaysStore *store;

static void
setup (void)
{
  dir = test_make_dir ();
  store = test_open_store (dir, "commission.db");
}

static void
teardown (void)
{
  g_clear_object (&store);
  test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

static gint64
add_person (const char *local_id)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person (local_id);
  return test_add (store, PATHWAYS_RECORD (yp));
}

static gint64
add_unit (const char *name,
          const char *kind,
          gint64      weekly)
{
  g_autoptr(PathwaysUnit) u = g_object_new (PATHWAYS_TYPE_UNIT, "name", name, "kind", kind, "area", "Eastfield",
                                            "status", "available", "min-age", (gint64) 16, "max-age", (gint64) 21,
                                            "in-authority", TRUE, "weekly-cost", weekly, NULL);
  return test_add (store, PATHWAYS_RECORD (u));
}

static gint64
add_spell (gint64      who,
           gint64      unit,
           const char *state,
           const char *start,
           const char *planned_end,
           const char *actual_end,
           gint64      weekly)
{
  g_autoptr(PathwaysSpell) s = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", who, "unit-id", unit,
                                             "accom", "D", "start-date", start, "planned-end", planned_end,
                                             "actual-end", actual_end, "state", state,
                                             "weekly-cost", weekly, NULL);
  return test_add (store, PATHWAYS_RECORD (s));
}

static void
assert_adds_up (const PathwaysBudgetRow *r)
{
  ck_assert_int_eq (r->variance.volume + r->variance.unit_cost + r->variance.income, r->variance.total);
  ck_assert_int_eq (r->variance.total,
                    (r->forecast_gross - r->forecast_income) - (r->budget_gross - r->budget_income));
}

/* The budget: pure arithmetic ----------------------------------------- */

START_TEST (test_nights_part_weeks_and_year_boundary)
{
  /* 25/03/2027 to 08/04/2027: seven nights in each financial year */
  ck_assert_int_eq (pathways_budget_nights_in_period ("2027-03-25", "2027-04-08", "2026-04-01", "2027-03-31"), 7);
  ck_assert_int_eq (pathways_budget_nights_in_period ("2027-03-25", "2027-04-08", "2027-04-01", "2028-03-31"), 7);
  /* The day of leaving is not a night there; an open spell runs on */
  ck_assert_int_eq (pathways_budget_nights_in_period ("2026-05-01", "2026-05-02", "2026-04-01", "2027-03-31"), 1);
  ck_assert_int_eq (pathways_budget_nights_in_period ("2026-05-01", NULL, "2026-05-01", "2026-05-31"), 31);
  ck_assert_int_eq (pathways_budget_nights_in_period ("2026-06-01", NULL, "2026-05-01", "2026-05-31"), 0);
  /* Part weeks: ten nights at £350 a week is £500; £700 for seven is £700 */
  ck_assert_int_eq (pathways_budget_cost_of_nights (35000, 10), 50000);
  ck_assert_int_eq (pathways_budget_cost_of_nights (70000, 7), 70000);
  /* £100 a week for one night: 1,428.57p, to the penny */
  ck_assert_int_eq (pathways_budget_cost_of_nights (10000, 1), 1429);
  ck_assert_int_eq (pathways_budget_year_of ("2027-03-31"), 2026);
  ck_assert_int_eq (pathways_budget_year_of ("2027-04-01"), 2027);
}
END_TEST

START_TEST (test_variance_hand_worked)
{
  PathwaysVariance v;

  /* Budget £520,000 for 520 placement-weeks (£1,000 a week), £20,000
   * income; forecast 546 weeks at £1,050 (£573,300), £15,000 income.
   * Volume 26 × £1,000 = £26,000; unit cost £50 × 546 = £27,300;
   * income £20,000 − £15,000 = £5,000; total £58,300 */
  pathways_budget_decompose (52000000, 520, 2000000, 57330000, 546, 1500000, &v);
  ck_assert_int_eq (v.volume, 2600000);
  ck_assert_int_eq (v.unit_cost, 2730000);
  ck_assert_int_eq (v.income, 500000);
  ck_assert_int_eq (v.total, 5830000);

  /* An underspend: fewer weeks at a lower cost, more income.
   * Budget £90,000 for 100 weeks (£900); forecast 80 weeks at £850
   * (£68,000), income £6,000 against £4,000 budgeted.
   * Volume −20 × £900 = −£18,000; unit cost −£50 × 80 = −£4,000;
   * income −£2,000; total −£24,000 */
  pathways_budget_decompose (9000000, 100, 400000, 6800000, 80, 600000, &v);
  ck_assert_int_eq (v.volume, -1800000);
  ck_assert_int_eq (v.unit_cost, -400000);
  ck_assert_int_eq (v.income, -200000);
  ck_assert_int_eq (v.total, -2400000);

  /* Nothing budgeted: all of it is volume */
  pathways_budget_decompose (0, 0, 0, 100000, 1, 0, &v);
  ck_assert_int_eq (v.volume, 100000);
  ck_assert_int_eq (v.unit_cost, 0);
}
END_TEST

START_TEST (test_year_parse)
{
  int y = 0;
  g_autoptr(GError) error = NULL;

  ck_assert (pathways_budget_year_parse ("2026", &y, NULL) && y == 2026);
  ck_assert (pathways_budget_year_parse ("2026/27", &y, NULL) && y == 2026);
  ck_assert (pathways_budget_year_parse ("2026-2027", &y, NULL) && y == 2026);
  ck_assert (!pathways_budget_year_parse ("2026/28", &y, &error));
  ck_assert (strstr (error->message, "2026/28") != NULL);
  ck_assert (!pathways_budget_year_parse ("twenty", &y, NULL));
  ck_assert (!pathways_budget_year_parse ("", &y, NULL));
}
END_TEST

/* The budget from the store --------------------------------------------- */

START_TEST (test_spend_actual_committed_forecast)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysBudgetReport) report = NULL;
  g_autoptr(PathwaysPlacementIncome) inc = NULL;
  gint64 yp = add_person ("C100");
  gint64 yp2 = add_person ("C101");
  gint64 unit = add_unit ("Canal House 1", "supported", 120000);
  gint64 unit2 = add_unit ("Canal House 2", "supported", 70000);
  gint64 spell = add_spell (yp, unit, "current", "2026-04-01", NULL, NULL, 120000);
  const PathwaysBudgetRow *r;
  gint64 sum_forecast = 0, sum_budget = 0;

  /* A move planned across the year's end: 25/03/2027 to 08/04/2027 */
  add_spell (yp2, unit2, "planned", "2027-03-25", "2027-04-08", NULL, 70000);
  inc = g_object_new (PATHWAYS_TYPE_PLACEMENT_INCOME, "young-person-id", yp, "spell-id", spell,
                      "source", "health", "weekly-amount", (gint64) 20000, "start-date", "2026-04-01",
                      "end-date", "2026-04-14", NULL);
  test_add (store, PATHWAYS_RECORD (inc));
  ck_assert (pathways_budget_set (store, 2026, "supported", 5200000, 52, 0, NULL, NULL, &error));
  ck_assert_no_error (error);

  report = pathways_budget_report_compute (store, 2026, "2026-11-22", &error);
  ck_assert_no_error (error);
  r = pathways_budget_report_find (report, "supported");
  ck_assert_ptr_nonnull (r);
  /* 01/04 to 22/11 is 236 nights; 23/11 to 31/03 is 129 */
  ck_assert_double_eq_tol (r->actual_weeks, 236 / 7.0, 1e-9);
  ck_assert_double_eq_tol (r->committed_weeks, (129 + 7) / 7.0, 1e-9);
  /* Two weeks of a £200 health contribution, "until" included */
  ck_assert_int_eq (r->actual_income, 40000);
  ck_assert_int_eq (r->committed_income, 0);
  /* £1,200 a week for 365 nights and £700 for 7, within a penny a month */
  ck_assert_int_le (ABS (r->forecast_gross - (120000 * 365 / 7 + 70000)), 12);
  ck_assert_int_eq (r->budget_gross, 5200000);
  assert_adds_up (r);
  assert_adds_up (report->total);
  ck_assert (strstr (r->working, "Volume:") != NULL);

  /* The months add up to the year, each explained */
  ck_assert_uint_eq (report->months->len, 12);
  for (guint m = 0; m < 12; m++)
    {
      PathwaysBudgetMonth *month = g_ptr_array_index (report->months, m);
      const PathwaysBudgetRow *mr = g_ptr_array_index (month->rows, 0);

      assert_adds_up (mr);
      sum_forecast += mr->forecast_gross;
      sum_budget += mr->budget_gross;
    }
  ck_assert_int_eq (sum_forecast, r->forecast_gross);
  ck_assert_int_eq (sum_budget, r->budget_gross);
  /* The planned move's week after 31/03 belongs to the next year */
  {
    g_autoptr(PathwaysBudgetReport) next = pathways_budget_report_compute (store, 2027, "2026-11-22", &error);
    const PathwaysBudgetRow *n = pathways_budget_report_find (next, "supported");
    ck_assert_ptr_nonnull (n);
    ck_assert_int_eq (n->committed_gross - 120000LL * 365 / 7 * 0, n->committed_gross);
    ck_assert_double_eq_tol (n->committed_weeks, 7 / 7.0 + 366 / 7.0, 1e-9);
  }
}
END_TEST

START_TEST (test_budget_set_validates_and_undoes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GListModel) lines = NULL;

  ck_assert (!pathways_budget_set (store, 2026, "castle", 100, 1, 0, NULL, NULL, &error));
  ck_assert (strstr (error->message, "castle") != NULL);
  g_clear_error (&error);
  ck_assert (!pathways_budget_set (store, 2026, "ifa", 100000, 0, 0, NULL, NULL, &error));
  ck_assert (strstr (error->message, "placement-weeks") != NULL);
  g_clear_error (&error);

  ck_assert (pathways_budget_set (store, 2026, "ifa", 4700800, 52, 0, NULL, NULL, &error));
  ck_assert (pathways_budget_set (store, 2026, "ifa", 9401600, 104, 0, "revised", &undo, &error));
  ck_assert_no_error (error);
  lines = pathways_store_list (store, PATHWAYS_TYPE_BUDGET_LINE, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (lines), 1);
  g_clear_object (&lines);

  ck_assert (pathways_store_undo (store, undo, &error));
  ck_assert_no_error (error);
  lines = pathways_store_list (store, PATHWAYS_TYPE_BUDGET_LINE, &error);
  {
    g_autoptr(PathwaysRecord) l = g_list_model_get_item (lines, 0);
    ck_assert_int_eq (pathways_record_get_int (l, "amount"), 4700800);
  }
}
END_TEST

START_TEST (test_budget_import_rows_and_errors)
{
  static const char good[] =
    "Year,Kind,Amount,Placement weeks,Income,Note\n"
    "2026/27,ifa,\"£1,175,200.00\",1300,0,IFA\n"
    "2026,in_house_fostering,\"734,500\",1300,25000,\n";
  static const char bad[] =
    "year,kind,amount,placement_weeks\n"
    "2026,castle,100,1\n"
    "2026,ifa,lots,1\n"
    "2026,ifa,100,0\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysBudgetImport) ok = pathways_budget_import_parse_bytes ("budget.csv", good, strlen (good), &error);
  g_autoptr(PathwaysBudgetImport) no = NULL;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GListModel) lines = NULL;

  ck_assert_no_error (error);
  ck_assert_uint_eq (ok->n_errors, 0);
  ck_assert_uint_eq (ok->lines->len, 2);
  ck_assert (pathways_budget_import_apply (store, ok, &undo, &error));
  ck_assert_no_error (error);
  lines = pathways_store_list (store, PATHWAYS_TYPE_BUDGET_LINE, NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (lines), 2);
  g_clear_object (&lines);

  /* Each problem names the file, the row and the column */
  no = pathways_budget_import_parse_bytes ("budget.csv", bad, strlen (bad), &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (no->n_errors, 3);
  {
    PathwaysExchangeProblem *p0 = g_ptr_array_index (no->problems, 0);
    PathwaysExchangeProblem *p1 = g_ptr_array_index (no->problems, 1);
    PathwaysExchangeProblem *p2 = g_ptr_array_index (no->problems, 2);

    ck_assert_uint_eq (p0->row, 2);
    ck_assert_str_eq (p0->column, "kind");
    ck_assert (strstr (p0->message, "budget.csv row 2, kind ‘castle’") != NULL);
    ck_assert_uint_eq (p1->row, 3);
    ck_assert_str_eq (p1->column, "amount");
    ck_assert_uint_eq (p2->row, 4);
    ck_assert (strstr (p2->message, "placement-weeks") != NULL);
  }
  /* A file with errors changes nothing */
  ck_assert (!pathways_budget_import_apply (store, no, NULL, &error));
  ck_assert (strstr (error->message, "nothing was imported") != NULL);
  g_clear_error (&error);

  /* The import is undone as one */
  ck_assert (pathways_store_undo (store, undo, &error));
  lines = pathways_store_list (store, PATHWAYS_TYPE_BUDGET_LINE, NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (lines), 0);
}
END_TEST

START_TEST (test_budget_xlsx_is_private)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysBudgetReport) report = NULL;
  g_autofree char *path = g_build_filename (dir, "budget.xlsx", NULL);
  GStatBuf st;

  ck_assert (pathways_budget_set (store, 2026, "ifa", 4700800, 52, 0, NULL, NULL, &error));
  report = pathways_budget_report_compute (store, 2026, TEST_TODAY, &error);
  ck_assert_no_error (error);
  ck_assert (pathways_budget_write_xlsx (report, path, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  ck_assert_int_gt (st.st_size, 1000);
}
END_TEST

/* Referrals ------------------------------------------------------------------ */

static gint64
add_provider (const char *name,
              const char *route,
              const char *kinds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysProvider) p = g_object_new (PATHWAYS_TYPE_PROVIDER, "name", name, "route", route, "kinds", kinds,
                                                "email", "referrals@example.org", NULL);

  ck_assert_msg (pathways_provider_save (store, p, NULL, &error), "%s", error ? error->message : "");
  return pathways_record_get_id (PATHWAYS_RECORD (p));
}

static gint64
add_referral_person (void)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("C200");
  gint64 pa = test_add_staff (store);

  g_object_set (yp, "preferred-name", "Amy", "home-postcode", "NB2 1AA", "pa-id", pa,
                "wishes-feelings", "I want to live near my sister in Eastfield",
                "immigration-status", "asylum_claim", "needs-summary", "Help with budgeting",
                "ethnicity", "BAFR", NULL);
  return test_add (store, PATHWAYS_RECORD (yp));
}

static gint64
make_referral (gint64        yp,
               const gint64 *providers,
               guint         n,
               gboolean      wishes)
{
  g_autoptr(GError) error = NULL;
  PathwaysReferralRequest req = { 0, };
  gint64 id = 0;

  req.young_person_id = yp;
  req.kind = "supported";
  req.needed_by = "2026-12-01";
  req.provider_ids = providers;
  req.n_providers = n;
  req.include_wishes = wishes;
  req.risks = "None known";
  ck_assert_msg (pathways_referral_make (store, &req, &id, NULL, &error), "%s", error ? error->message : "");
  return id;
}

static gint64
record_offer (gint64      referral,
              gint64      provider,
              const char *unit_name,
              const char *area,
              gint64      weekly,
              GError    **error)
{
  g_autoptr(PathwaysOffer) o = g_object_new (PATHWAYS_TYPE_OFFER, "referral-id", referral, "provider-id", provider,
                                             "unit-name", unit_name, "area", area, "postcode", "NB6 2BB",
                                             "weekly-cost", weekly, "available-from", "2026-12-05",
                                             "registration", "registered", NULL);

  if (!pathways_offer_record (store, o, NULL, error))
    return 0;
  return pathways_record_get_id (PATHWAYS_RECORD (o));
}

START_TEST (test_referral_suggests_framework_providers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) supported = NULL;
  g_autoptr(PathwaysProvider) bad = g_object_new (PATHWAYS_TYPE_PROVIDER, "name", "Nowhere Ltd", "route", "maybe",
                                                  NULL);

  add_provider ("Spot Homes", "spot", "supported,ifa");
  add_provider ("Block Housing", "block", "supported");
  add_provider ("Carers Together", "approved_list", "staying_put");
  ck_assert (!pathways_provider_save (store, bad, NULL, &error));
  ck_assert (strstr (error->message, "framework") != NULL);
  g_clear_error (&error);

  supported = pathways_referral_suggest_providers (store, "supported", &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (supported->len, 2);
  /* Block contracts first */
  ck_assert_str_eq (pathways_provider_get_name (g_ptr_array_index (supported, 0)), "Block Housing");
  ck_assert_str_eq (pathways_provider_get_name (g_ptr_array_index (supported, 1)), "Spot Homes");
}
END_TEST

/* A provider no longer used is retired: kept, not suggested, not
 * referred to; bringing it back is the same save, and both undo */
START_TEST (test_provider_retired_not_suggested)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GPtrArray) supported = NULL;
  g_autoptr(PathwaysProvider) p = NULL;
  g_autoptr(PathwaysProvider) stale = NULL;
  gint64 spot = add_provider ("Spot Homes", "spot", "supported");
  gint64 block = add_provider ("Block Housing", "block", "supported");
  gint64 person = add_person ("C900");
  PathwaysReferralRequest req = { 0, };

  p = pathways_store_get (store, PATHWAYS_TYPE_PROVIDER, spot, &error);
  stale = pathways_store_get (store, PATHWAYS_TYPE_PROVIDER, spot, &error);
  ck_assert (!pathways_provider_get_retired (p));
  pathways_provider_set_retired (p, TRUE);
  ck_assert (pathways_provider_save (store, p, &undo, &error));
  ck_assert_no_error (error);

  supported = pathways_referral_suggest_providers (store, "supported", &error);
  ck_assert_uint_eq (supported->len, 1);
  ck_assert_int_eq (pathways_record_get_id (g_ptr_array_index (supported, 0)), block);
  g_clear_pointer (&supported, g_ptr_array_unref);

  req.young_person_id = person;
  req.kind = "supported";
  req.needed_by = "2026-12-01";
  req.provider_ids = &spot;
  req.n_providers = 1;
  ck_assert (!pathways_referral_make (store, &req, NULL, NULL, &error));
  ck_assert_msg (strstr (error->message, "Spot Homes is no longer used") != NULL, "%s", error->message);
  g_clear_error (&error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_REFERRAL, NULL), 0);

  /* A save from the copy read before the retirement is a conflict */
  pathways_provider_set_phone (stale, "0161 000 0000");
  ck_assert (!pathways_provider_save (store, stale, NULL, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT));
  g_clear_error (&error);

  ck_assert (pathways_store_undo (store, undo, &error));
  ck_assert_no_error (error);
  supported = pathways_referral_suggest_providers (store, "supported", &error);
  ck_assert_uint_eq (supported->len, 2);
}
END_TEST

/* Income against a placement: added and removed, each one undoable
 * action; another's placement and a stale removal are refused */
START_TEST (test_placement_income_add_remove)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GListModel) rows = NULL;
  gint64 person = add_person ("C901");
  gint64 other = add_person ("C902");
  gint64 unit = add_unit ("Canal House", "supported", 120000);
  gint64 spell = add_spell (person, unit, "current", "2026-04-01", NULL, NULL, 120000);
  gint64 others = add_spell (other, unit, "ended", "2025-04-01", NULL, "2026-03-31", 120000);
  g_autoptr(PathwaysPlacementIncome) hb = g_object_new (PATHWAYS_TYPE_PLACEMENT_INCOME, "young-person-id", person,
                                                        "spell-id", spell, "source", "housing_benefit",
                                                        "weekly-amount", (gint64) 8500, "start-date", "2026-04-01",
                                                        NULL);
  g_autoptr(PathwaysPlacementIncome) wrong = g_object_new (PATHWAYS_TYPE_PLACEMENT_INCOME, "young-person-id", person,
                                                           "spell-id", others, "source", "health",
                                                           "weekly-amount", (gint64) 100, "start-date", "2026-04-01",
                                                           NULL);
  g_autoptr(PathwaysPlacementIncome) stale = NULL;

  ck_assert (!pathways_budget_add_income (store, wrong, NULL, &error));
  ck_assert (strstr (error->message, "another young person") != NULL);
  g_clear_error (&error);
  ck_assert (pathways_budget_add_income (store, hb, NULL, &error));
  ck_assert_no_error (error);
  rows = pathways_store_list_for_person (store, PATHWAYS_TYPE_PLACEMENT_INCOME, person, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (rows), 1);
  g_clear_object (&rows);

  stale = pathways_store_get (store, PATHWAYS_TYPE_PLACEMENT_INCOME, pathways_record_get_id (PATHWAYS_RECORD (hb)),
                              &error);
  pathways_placement_income_set_weekly_amount (hb, 9000);
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (hb), &error));
  ck_assert (!pathways_budget_remove_income (store, stale, NULL, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT));
  g_clear_error (&error);

  ck_assert (pathways_budget_remove_income (store, hb, &undo, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_PLACEMENT_INCOME, NULL), 0);
  ck_assert (pathways_store_undo (store, undo, &error));
  ck_assert_no_error (error);
  rows = pathways_store_list_for_person (store, PATHWAYS_TYPE_PLACEMENT_INCOME, person, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (rows), 1);
  {
    g_autoptr(PathwaysPlacementIncome) back = g_list_model_get_item (rows, 0);
    ck_assert_int_eq (pathways_placement_income_get_weekly_amount (back), 9000);
  }
}
END_TEST

START_TEST (test_referral_pack_names_only_what_it_should)
{
  g_autoptr(GError) error = NULL;
  gint64 yp = add_referral_person ();
  gint64 providers[] = { add_provider ("Block Housing", "block", "supported") };
  gint64 plain = make_referral (yp, providers, 1, FALSE);
  gint64 shared = make_referral (yp, providers, 1, TRUE);
  g_autoptr(PathwaysReferralPack) a = pathways_referral_pack_build (store, plain, &error);
  g_autoptr(PathwaysReferralPack) b = pathways_referral_pack_build (store, shared, &error);
  g_autofree char *ta = pathways_referral_pack_to_text (a);
  g_autofree char *tb = pathways_referral_pack_to_text (b);

  ck_assert_no_error (error);
  /* What a provider needs */
  ck_assert_msg (strstr (ta, "Amy O.") != NULL, "%s", ta);
  ck_assert (strstr (ta, "01/12/2026") != NULL);
  ck_assert (strstr (ta, "Help with budgeting") != NULL);
  ck_assert (strstr (ta, "None known") != NULL);
  ck_assert (strstr (ta, "Alison Bennett") != NULL);
  ck_assert (strstr (ta, "Block Housing") != NULL);
  /* Never the family name, immigration, home address, ethnicity, date of birth */
  ck_assert (strstr (ta, "Okafor") == NULL);
  ck_assert (strstr (ta, "asylum_claim") == NULL && strstr (ta, "Asylum claim") == NULL);
  ck_assert (strstr (ta, "NB2") == NULL);
  ck_assert (strstr (ta, "BAFR") == NULL);
  ck_assert (strstr (ta, "14/05/2008") == NULL);
  /* Wishes and feelings only when chosen */
  ck_assert (strstr (ta, "sister") == NULL);
  ck_assert (strstr (ta, "Wishes and feelings") == NULL);
  ck_assert (strstr (tb, "I want to live near my sister") != NULL);
}
END_TEST

static gint64
count (GType type)
{
  return pathways_store_count (store, type, NULL);
}

START_TEST (test_referral_offers_acceptance_one_undoable_action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GPtrArray) cmp = NULL;
  g_autoptr(PathwaysTransition) move = NULL;
  g_autoptr(PathwaysSpell) planned = NULL;
  g_autoptr(PathwaysReferral) ref = NULL;
  g_autoptr(PathwaysOffer) other = NULL;
  PathwaysReferralTimes times;
  gint64 yp = add_referral_person ();
  gint64 a = add_provider ("Block Housing", "block", "supported");
  gint64 b = add_provider ("Spot Homes", "spot", "supported");
  gint64 c = add_provider ("Carers Together", "approved_list", "staying_put");
  gint64 providers[] = { a, b };
  gint64 referral = make_referral (yp, providers, 2, FALSE);
  gint64 units_before = count (PATHWAYS_TYPE_UNIT);
  gint64 offer_a, offer_b, transition = 0;
  char *saved_planned_date, *saved_note, *saved_accom;
  gint64 saved_cost;

  offer_a = record_offer (referral, a, "Riverside Flat 2", "Riverside", 90000, &error);
  ck_assert_no_error (error);
  offer_b = record_offer (referral, b, "Westmoor House 1", "Westmoor", 110000, &error);
  ck_assert_no_error (error);
  /* A provider the referral did not go to cannot offer */
  ck_assert (record_offer (referral, c, "Somewhere", "Westmoor", 1, &error) == 0);
  ck_assert (strstr (error->message, "not sent") != NULL);
  g_clear_error (&error);

  /* Side by side: the rules' verdict, distance from home, the cheapest */
  cmp = pathways_offer_compare (store, referral, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (cmp->len, 2);
  {
    PathwaysOfferComparison *ca = g_ptr_array_index (cmp, 0);
    PathwaysOfferComparison *cb = g_ptr_array_index (cmp, 1);

    ck_assert_str_eq (ca->provider, "Block Housing");
    ck_assert_double_eq_tol (ca->miles, 6.9, 1e-9);   /* Eastfield to Riverside */
    ck_assert_double_eq_tol (cb->miles, 8.0, 1e-9);   /* Eastfield to Westmoor */
    ck_assert (ca->cheapest && !cb->cheapest);
    ck_assert (ca->verdict != PATHWAYS_VERDICT_NOT_ELIGIBLE);
    ck_assert_ptr_nonnull (ca->verdict_label);
  }

  ck_assert_msg (pathways_offer_accept (store, offer_a, NULL, "Nearest to her sister", "Placed elsewhere",
                                        &transition, &undo, &error), "%s", error ? error->message : "");
  ck_assert_int_eq (count (PATHWAYS_TYPE_UNIT), units_before + 1);
  move = pathways_store_get (store, PATHWAYS_TYPE_TRANSITION, transition, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (pathways_transition_get_planned_date (move), "2026-12-05");
  ck_assert_str_eq (pathways_transition_get_state (move), "confirmed");
  planned = pathways_store_get (store, PATHWAYS_TYPE_SPELL, pathways_transition_get_to_spell_id (move), &error);
  ck_assert_int_eq (pathways_spell_get_weekly_cost (planned), 90000);
  ck_assert_str_eq (pathways_spell_get_state (planned), "planned");
  ref = pathways_store_get (store, PATHWAYS_TYPE_REFERRAL, referral, &error);
  ck_assert_str_eq (pathways_referral_get_state (ref), "placed");
  ck_assert_str_eq (pathways_referral_get_placed_on (ref), "2026-12-05");
  other = pathways_store_get (store, PATHWAYS_TYPE_OFFER, offer_b, &error);
  ck_assert_str_eq (pathways_offer_get_state (other), "closed");
  ck_assert_str_eq (pathways_offer_get_close_reason (other), "Placed elsewhere");

  /* Time from referral (22/11) to placement (05/12): 13 days */
  ck_assert (pathways_referral_times (store, &times, &error));
  ck_assert_uint_eq (times.placed, 1);
  ck_assert_int_eq (times.median_days, 13);

  saved_planned_date = g_strdup (pathways_transition_get_planned_date (move));
  saved_note = g_strdup (pathways_transition_get_note (move));
  saved_accom = g_strdup (pathways_spell_get_accom (planned));
  saved_cost = pathways_spell_get_weekly_cost (planned);

  /* Undone as one: no unit, no move, the offers and referral open again */
  ck_assert (pathways_store_undo (store, undo, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (count (PATHWAYS_TYPE_UNIT), units_before);
  ck_assert_int_eq (count (PATHWAYS_TYPE_TRANSITION), 0);
  ck_assert_int_eq (count (PATHWAYS_TYPE_SPELL), 0);
  g_clear_object (&ref);
  ref = pathways_store_get (store, PATHWAYS_TYPE_REFERRAL, referral, &error);
  ck_assert_str_eq (pathways_referral_get_state (ref), "open");
  g_clear_object (&other);
  other = pathways_store_get (store, PATHWAYS_TYPE_OFFER, offer_b, &error);
  ck_assert_str_eq (pathways_offer_get_state (other), "open");

  /* The same move as the Schedule Move dialog's (pathways_planner_schedule_move) */
  {
    g_autoptr(PathwaysUnit) u = g_object_new (PATHWAYS_TYPE_UNIT, "name", "Riverside Flat 2", "kind", "supported",
                                              "area", "Riverside", "status", "available",
                                              "registration", "registered", "weekly-cost", (gint64) 90000, NULL);
    g_autoptr(PathwaysTransition) dialog_move = NULL;
    g_autoptr(PathwaysSpell) dialog_spell = NULL;
    PathwaysMoveRequest req = { 0, };
    gint64 t2 = 0;
    g_autofree char *note = g_strdup_printf ("Placed from referral R%" G_GINT64_FORMAT, referral);

    req.young_person_id = yp;
    req.date = "2026-12-05";
    req.unit_id = test_add (store, PATHWAYS_RECORD (u));
    req.note = note;
    req.accepted_warnings = "Nearest to her sister";
    ck_assert_msg (pathways_planner_schedule_move (store, &req, &t2, NULL, &error), "%s",
                   error ? error->message : "");
    dialog_move = pathways_store_get (store, PATHWAYS_TYPE_TRANSITION, t2, &error);
    dialog_spell = pathways_store_get (store, PATHWAYS_TYPE_SPELL, pathways_transition_get_to_spell_id (dialog_move),
                                       &error);
    ck_assert_str_eq (pathways_transition_get_planned_date (dialog_move), saved_planned_date);
    ck_assert_str_eq (pathways_transition_get_note (dialog_move), saved_note);
    ck_assert_str_eq (pathways_spell_get_accom (dialog_spell), saved_accom);
    ck_assert_int_eq (pathways_spell_get_weekly_cost (dialog_spell), saved_cost);
  }
  g_free (saved_planned_date);
  g_free (saved_note);
  g_free (saved_accom);
}
END_TEST

/* I statements ---------------------------------------------------------------- */

static gint64
statement_by (const char *measure,
              guint       nth)
{
  g_autoptr(GListModel) all = pathways_store_list (store, PATHWAYS_TYPE_I_STATEMENT, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PathwaysIStatement) st = g_list_model_get_item (all, i);
      if (g_str_equal (pathways_i_statement_get_measure (st), measure) && nth-- == 0)
        return pathways_record_get_id (PATHWAYS_RECORD (st));
    }
  ck_abort_msg ("no %s statement", measure);
  return 0;
}

static gint64
add_placed (const char *local_id,
            gint64      unit,
            const char *start,
            const char *wishes,
            const char *last_contact)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person (local_id);
  gint64 id;

  g_object_set (yp, "home-postcode", "NB2 1AA", "wishes-feelings", wishes, "last-contact-date", last_contact, NULL);
  id = test_add (store, PATHWAYS_RECORD (yp));
  add_spell (id, unit, "current", start, NULL, NULL, 80000);
  return id;
}

static void
assert_tally (const PathwaysIStatementGroup *g,
              PathwaysIStatementScores      *scores,
              gint64                         statement,
              double                         score)
{
  for (guint k = 0; k < scores->statements->len; k++)
    if (pathways_record_get_id (g_ptr_array_index (scores->statements, k)) == statement)
      {
        ck_assert_msg (g->tallies[k].score == score, "%s: %g, not %g", g->name, g->tallies[k].score, score);
        return;
      }
  ck_abort_msg ("statement %" G_GINT64_FORMAT " not scored", statement);
}

START_TEST (test_i_statement_scores_per_provider)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysIStatementScores) scores = NULL;
  g_autoptr(PathwaysIStatementScores) kinds = NULL;
  g_autoptr(PathwaysUnit) ua = g_object_new (PATHWAYS_TYPE_UNIT, "name", "Canal House", "provider", "Block Housing",
                                             "kind", "supported", "area", "Eastfield", "status", "occupied", NULL);
  g_autoptr(PathwaysUnit) ub = g_object_new (PATHWAYS_TYPE_UNIT, "name", "Far Lodge", "provider", "Spot Homes",
                                             "kind", "supported_lodgings", "area", "Coldharbour", "status", "occupied",
                                             NULL);
  gint64 a = test_add (store, PATHWAYS_RECORD (ua));
  gint64 b = test_add (store, PATHWAYS_RECORD (ub));
  gint64 near = statement_by ("distance_from_home", 0);
  gint64 moves = statement_by ("moves_12_months", 0);
  gint64 wishes = statement_by ("wishes_recorded", 0);
  gint64 contact = statement_by ("pa_contact", 0);
  gint64 safe = statement_by ("asked", 0);
  gint64 respect = statement_by ("asked", 1);
  gint64 p1, p2, p3;
  const PathwaysIStatementGroup *block, *spot;

  p1 = add_placed ("C301", a, "2026-10-01", "Near my college", "2026-11-15");
  p2 = add_placed ("C302", a, "2026-03-01", NULL, NULL);
  {
    g_autoptr(PathwaysSpell) before = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", p2, "address",
                                                    "12 Canal Street", "accom", "D", "start-date", "2026-01-10",
                                                    "actual-end", "2026-03-01", "state", "ended", NULL);
    test_add (store, PATHWAYS_RECORD (before));
  }
  p3 = add_placed ("C303", b, "2025-06-01", NULL, NULL);

  ck_assert (pathways_i_statement_answer (store, p1, safe, "yes", "2026-11-01", NULL, &error));
  ck_assert (pathways_i_statement_answer (store, p2, safe, "no", "2026-06-01", NULL, &error));
  ck_assert (pathways_i_statement_answer (store, p2, safe, "partly", "2026-11-01", NULL, &error));  /* the latest counts */
  ck_assert (pathways_i_statement_answer (store, p3, safe, "no", "2026-11-01", NULL, &error));
  ck_assert_no_error (error);
  /* Measured statements are not asked; answers are yes, partly or no */
  ck_assert (!pathways_i_statement_answer (store, p1, near, "yes", "2026-11-01", NULL, &error));
  ck_assert (strstr (error->message, "not asked") != NULL);
  g_clear_error (&error);
  ck_assert (!pathways_i_statement_answer (store, p1, safe, "maybe", "2026-11-01", NULL, &error));
  ck_assert (strstr (error->message, "yes, partly or no") != NULL);
  g_clear_error (&error);

  scores = pathways_i_statement_scores_compute (store, TEST_TODAY, PATHWAYS_I_STATEMENT_BY_PROVIDER, &error);
  ck_assert_no_error (error);
  block = pathways_i_statement_scores_find (scores, "Block Housing");
  spot = pathways_i_statement_scores_find (scores, "Spot Homes");
  ck_assert_ptr_nonnull (block);
  ck_assert_ptr_nonnull (spot);
  ck_assert_int_eq (block->young_people, 2);
  ck_assert_int_eq (spot->young_people, 1);
  assert_tally (block, scores, near, 100);      /* both live in Eastfield, their home area */
  assert_tally (spot, scores, near, 0);         /* 49.5 miles away */
  assert_tally (block, scores, moves, 50);      /* one moved twice this year */
  assert_tally (spot, scores, moves, 100);
  assert_tally (block, scores, wishes, 50);
  assert_tally (block, scores, contact, 50);
  assert_tally (block, scores, safe, 75);       /* yes and partly */
  assert_tally (spot, scores, safe, 0);
  assert_tally (block, scores, respect, -1);    /* nobody asked yet */

  kinds = pathways_i_statement_scores_compute (store, TEST_TODAY, PATHWAYS_I_STATEMENT_BY_KIND, &error);
  ck_assert_ptr_nonnull (pathways_i_statement_scores_find (kinds, "supported"));
  ck_assert_ptr_nonnull (pathways_i_statement_scores_find (kinds, "supported_lodgings"));
}
END_TEST

/* The committee report: Barnet's table ------------------------------------- */

/* Barnet, March 2016 (seed 004, 5.8.3 and 1.4.7): 315 looked after
 * children; IFA £904 a week against £565 in-house */
static void
add_placements (const char *place,
                const char *provider,
                int         n,
                gint64      weekly,
                int        *serial)
{
  for (int i = 0; i < n; i++)
    {
      g_autofree char *local = g_strdup_printf ("B%04d", (*serial)++);
      g_autoptr(PathwaysYoungPerson) yp = test_make_person (local);
      g_autoptr(PathwaysSpell) s = NULL;
      gint64 id;

      g_object_set (yp, "date-of-birth", "2010-01-01", "date-care-ended", NULL, NULL);
      id = test_add (store, PATHWAYS_RECORD (yp));
      s = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", id, "address", "1 Carers Road", "place", place,
                        "place-provider", provider, "start-date", "2026-01-01", "state", "current",
                        "weekly-cost", weekly, NULL);
      test_add (store, PATHWAYS_RECORD (s));
    }
}

START_TEST (test_report_reproduces_barnets_mix_and_costs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysCommissioning) c = NULL;
  g_autoptr(PathwaysSufficiency) suff = NULL;
  g_autofree char *path = g_build_filename (dir, "report.csv", NULL);
  g_autofree char *csv = NULL;
  const PathwaysMixRow *ifa, *own;
  int serial = 0;

  ck_assert (pathways_store_begin (store, &error));
  add_placements ("U6", "PR1", 114, 56500, &serial);   /* LBB fostering */
  add_placements ("U6", "PR4", 66, 90400, &serial);    /* IFA */
  add_placements ("K2", "PR4", 32, 0, &serial);        /* independent or private residential */
  add_placements ("R1", "PR1", 44, 0, &serial);        /* other */
  add_placements ("U3", "PR1", 41, 0, &serial);        /* kinship fostering */
  add_placements ("A5", "PR1", 9, 0, &serial);         /* placed for adoption */
  add_placements ("K2", "PR1", 9, 0, &serial);         /* LBB residential */
  ck_assert (pathways_store_commit (store, &error));
  ck_assert_no_error (error);

  c = pathways_commissioning_compute (store, TEST_TODAY, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (c->mix->total, 315);
  ifa = pathways_placement_mix_find (c->mix, "ifa");
  own = pathways_placement_mix_find (c->mix, "in_house_fostering");
  ck_assert_int_eq (own->count, 114);
  ck_assert_int_eq ((int) (own->percent + 0.5), 36);
  ck_assert_int_eq (ifa->count, 66);
  ck_assert_int_eq ((int) (ifa->percent + 0.5), 21);
  ck_assert_int_eq ((int) (pathways_placement_mix_find (c->mix, "residential")->percent + 0.5), 10);
  ck_assert_int_eq ((int) (pathways_placement_mix_find (c->mix, "other")->percent + 0.5), 14);
  ck_assert_int_eq ((int) (pathways_placement_mix_find (c->mix, "kinship_fostering")->percent + 0.5), 13);
  ck_assert_int_eq ((int) (pathways_placement_mix_find (c->mix, "adoption")->percent + 0.5), 3);
  ck_assert_int_eq ((int) (pathways_placement_mix_find (c->mix, "in_house_residential")->percent + 0.5), 3);
  ck_assert_int_eq (ifa->average_weekly, 90400);
  ck_assert_int_eq (own->average_weekly, 56500);

  /* In the committee report, most placements first, and £339 a week more for IFA */
  suff = pathways_sufficiency_compute (store, TEST_TODAY, &error);
  ck_assert_no_error (error);
  ck_assert (pathways_report_write_with_commissioning (suff, c, PATHWAYS_REPORT_CSV, path, &error));
  ck_assert_no_error (error);
  ck_assert (g_file_get_contents (path, &csv, NULL, NULL));
  {
    const char *in_house = strstr (csv, "In-house fostering,36.2,114,565.00");
    const char *agency = strstr (csv, "Independent fostering agency,21.0,66,904.00");

    ck_assert_ptr_nonnull (in_house);
    ck_assert_ptr_nonnull (agency);
    ck_assert (in_house < agency);
    ck_assert_ptr_nonnull (strstr (csv, "Kinship fostering,13.0,41,"));
    ck_assert_ptr_nonnull (strstr (csv, "Independent or private residential,10.2,32,"));
  }
  ck_assert (strstr (csv, "IFA costs more a week by,,339.00") != NULL);
}
END_TEST

static Suite *
commission_suite (void)
{
  Suite *s = suite_create ("commission");
  TCase *pure = tcase_create ("arithmetic");
  TCase *budget = tcase_create ("budget");
  TCase *referrals = tcase_create ("referrals");
  TCase *statements = tcase_create ("i-statements");
  TCase *report = tcase_create ("report");

  tcase_add_test (pure, test_nights_part_weeks_and_year_boundary);
  tcase_add_test (pure, test_variance_hand_worked);
  tcase_add_test (pure, test_year_parse);
  suite_add_tcase (s, pure);

  tcase_add_checked_fixture (budget, setup, teardown);
  tcase_add_test (budget, test_spend_actual_committed_forecast);
  tcase_add_test (budget, test_budget_set_validates_and_undoes);
  tcase_add_test (budget, test_budget_import_rows_and_errors);
  tcase_add_test (budget, test_budget_xlsx_is_private);
  tcase_add_test (budget, test_placement_income_add_remove);
  suite_add_tcase (s, budget);

  tcase_add_checked_fixture (referrals, setup, teardown);
  tcase_add_test (referrals, test_referral_suggests_framework_providers);
  tcase_add_test (referrals, test_provider_retired_not_suggested);
  tcase_add_test (referrals, test_referral_pack_names_only_what_it_should);
  tcase_add_test (referrals, test_referral_offers_acceptance_one_undoable_action);
  suite_add_tcase (s, referrals);

  tcase_add_checked_fixture (statements, setup, teardown);
  tcase_add_test (statements, test_i_statement_scores_per_provider);
  suite_add_tcase (s, statements);

  tcase_add_checked_fixture (report, setup, teardown);
  tcase_add_test (report, test_report_reproduces_barnets_mix_and_costs);
  suite_add_tcase (s, report);
  return s;
}

int
main (void)
{
  return test_run_suite (commission_suite ());
}
