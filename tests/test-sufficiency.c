/* test-sufficiency.c — the manager's figures on hand-checked datasets
 *
 * Today is 22/11/2026.  Every figure asserted below was worked out by
 * hand from the records each test makes.
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
  store = test_open_store (dir, "sufficiency.db");
}

static void
teardown (void)
{
  g_clear_object (&store);
  test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

static gint64
add_unit (const char *name,
          const char *kind,
          const char *area,
          gboolean    in_authority,
          const char *provider_type,
          gint64      cost)
{
  g_autoptr(PathwaysUnit) u = g_object_new (PATHWAYS_TYPE_UNIT, "name", name, "kind", kind, "area", area,
                                            "in-authority", in_authority, "provider-type", provider_type,
                                            "status", "available", "min-age", (gint64) 16,
                                            "max-age", (gint64) 25, "weekly-cost", cost,
                                            "registration", "registered", "ofsted-urn", "2000001", NULL);
  return test_add (store, PATHWAYS_RECORD (u));
}

static gint64
add_person (const char *local_id,
            const char *dob,
            const char *home_postcode)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person (local_id);
  g_autofree char *b18 = pathways_date_birthday (dob, 18);

  g_autofree char *b14 = pathways_date_birthday (dob, 14);

  g_object_set (yp, "date-of-birth", dob, "home-postcode", home_postcode, "date-first-looked-after", b14,
                "pathway-plan-review-date", "2026-10-01", "last-contact-date", "2026-11-12",
                "needs-assessment-date", "2025-06-01", NULL);
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
  g_autoptr(PathwaysRecord) u = unit ? pathways_store_get (store, PATHWAYS_TYPE_UNIT, unit, NULL) : NULL;
  /* The 903 letter a young person living in such a unit has */
  const char *accom = u ? pathways_vocab_extra (PATHWAYS_VOCAB_UNIT_KIND, pathways_record_get_string (u, "kind"))
                        : "U";
  g_autoptr(PathwaysSpell) s = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", who, "unit-id", unit,
                                             "address", u ? NULL : "4 Orchard Rise", "accom", accom,
                                             "start-date", start, "planned-end", planned_end,
                                             "state", state, NULL);
  return test_add (store, PATHWAYS_RECORD (s));
}

/* A placement outside the register, as 903 records it */
static gint64
add_placement (gint64      who,
               const char *place,
               const char *provider,
               gint64      cost,
               const char *planned_end)
{
  g_autoptr(PathwaysSpell) s = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", who,
                                             "address", "Foster placement", "place", place,
                                             "place-provider", provider, "weekly-cost", cost,
                                             "start-date", "2024-01-01", "planned-end", planned_end,
                                             "state", "current", NULL);
  return test_add (store, PATHWAYS_RECORD (s));
}

/* The known small authority: eight young people, seven units */
static void
make_authority (void)
{
  gint64 foyer = add_unit ("Foyer room 1", "supported", "Northbrook Central", TRUE, "voluntary", 40000);
  gint64 flat = add_unit ("Flat 3, Canal House", "council", "Eastfield", TRUE, "own_la", 11000);
  gint64 carers = add_unit ("The Walsh household", "staying_put", "Coldharbour", FALSE, "private", 90400);
  gint64 spare;
  gint64 private_flat = add_unit ("12A Market Street", "private_rented", "Nowhere Town", FALSE, "private", 20000);
  gint64 hostel = add_unit ("Bridgeway, Elm Grove", "supported", "Westmoor", TRUE, "private", 50000);
  gint64 new_carers = add_unit ("The Reid household", "staying_put", "Eastfield", TRUE, "own_la", 56500);
  gint64 a, b, c, d, e, f, h, placement;

  spare = add_unit ("Bridgeway, Foundry Lane", "supported", "Hatherley", FALSE, "private", 80000);
  (void) spare;

  /* A, 19: supported until 15/03/2027 */
  a = add_person ("LC1", "2007-03-01", "NB1 2AB");
  add_spell (a, foyer, "current", "2025-09-01", "2027-03-15");
  /* B, 20: council tenancy, open-ended */
  b = add_person ("LC2", "2006-05-01", "NB1 3CD");
  add_spell (b, flat, "current", "2025-01-01", NULL);
  /* C, 19: Staying Put 46 miles from home, to 21 */
  c = add_person ("LC3", "2007-06-01", "NB1 4EF");
  add_spell (c, carers, "current", "2025-06-01", NULL);
  /* D, 17: in-house foster placement; Staying Put booked from the 18th birthday */
  d = add_person ("LC4", "2009-02-10", "NB1 5GH");
  placement = add_placement (d, "U4", "PR1", 56500, "2027-02-10");
  (void) placement;
  add_spell (d, new_carers, "planned", "2027-02-10", NULL);
  /* E, 17: agency foster placement, nothing from 18 */
  e = add_person ("LC5", "2009-07-01", "NB1 6JK");
  add_placement (e, "U6", "PR4", 90400, "2027-07-01");
  /* F, 21: private rented until 20/01/2027, home district not in the table */
  f = add_person ("LC6", "2005-01-01", "ZZ9 9ZZ");
  add_spell (f, private_flat, "current", "2024-06-01", "2027-01-20");
  /* G, 18: nowhere recorded */
  add_person ("LC7", "2008-01-01", "NB1 7LM");
  /* H, 17: supported, open-ended past 18 */
  h = add_person ("LC8", "2009-04-15", "NB1 8NP");
  add_spell (h, hostel, "current", "2026-05-01", NULL);
  /* Over 25: not counted */
  {
    gint64 old = add_person ("LC9", "2000-01-01", "NB1 9QR");
    g_autoptr(PathwaysSpell) s = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", old, "accom", "U",
                                               "address", "Own flat", "start-date", "2022-01-01",
                                               "state", "current", NULL);
    test_add (store, PATHWAYS_RECORD (s));
  }
}

static PathwaysSufficiency *
compute (void)
{
  g_autoptr(GError) error = NULL;
  PathwaysSufficiency *suff = pathways_sufficiency_compute (store, TEST_TODAY, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (suff);
  return suff;
}

START_TEST (test_mix_cost_and_location)
{
  g_autoptr(PathwaysSufficiency) s = NULL;

  make_authority ();
  s = compute ();

  /* Everyone under 25 */
  ck_assert_int_eq (s->n_people, 8);

  /* The mix */
  ck_assert_int_eq (s->mix[PATHWAYS_MIX_SUPPORTED].count, 2);
  ck_assert_int_eq (s->mix[PATHWAYS_MIX_COUNCIL].count, 1);
  ck_assert_int_eq (s->mix[PATHWAYS_MIX_STAYING_PUT].count, 1);
  ck_assert_int_eq (s->mix[PATHWAYS_MIX_FOSTERING_IN_HOUSE].count, 1);
  ck_assert_int_eq (s->mix[PATHWAYS_MIX_FOSTERING_IFA].count, 1);
  ck_assert_int_eq (s->mix[PATHWAYS_MIX_PRIVATE_RENTED].count, 1);
  ck_assert_int_eq (s->mix[PATHWAYS_MIX_NONE].count, 1);
  ck_assert_int_eq (s->mix[PATHWAYS_MIX_EMERGENCY].count, 0);
  ck_assert_double_eq_tol (pathways_sufficiency_percent (s->mix[PATHWAYS_MIX_SUPPORTED].count, s->n_people),
                           25.0, 1e-9);

  /* In-house (own authority: the council flat, the in-house carer) v external */
  ck_assert_int_eq (s->all.count, 7);
  ck_assert_int_eq (s->all.in_house, 2);
  ck_assert_int_eq (s->all.external, 5);
  ck_assert_int_eq (s->all.provider_unknown, 0);
  ck_assert_int_eq (s->mix[PATHWAYS_MIX_SUPPORTED].external, 2);

  /* Inside the authority: only units say where they are */
  ck_assert_int_eq (s->all.in_authority, 3);
  ck_assert_int_eq (s->all.out_of_authority, 2);
  ck_assert_int_eq (s->all.location_unknown, 2);
  ck_assert_double_eq_tol (pathways_sufficiency_percent (s->all.in_authority,
                                                         s->all.in_authority + s->all.out_of_authority),
                           60.0, 1e-9);

  /* More than 20 miles: Coldharbour is 46.1 from Northbrook Central;
   * unknown: two placements without an address in the register and a
   * home district the table does not know */
  ck_assert_int_eq (s->all.far, 1);
  ck_assert_int_eq (s->all.near, 3);
  ck_assert_int_eq (s->all.distance_unknown, 3);
  ck_assert_int_eq (s->mix[PATHWAYS_MIX_STAYING_PUT].far, 1);

  /* Weekly cost: the spell's own, else the unit's */
  ck_assert_int_eq (s->mix[PATHWAYS_MIX_SUPPORTED].total_cost, 90000);
  ck_assert_int_eq (pathways_mix_figures_average_cost (&s->mix[PATHWAYS_MIX_SUPPORTED]), 45000);
  ck_assert_int_eq (s->mix[PATHWAYS_MIX_FOSTERING_IFA].total_cost, 90400);
  ck_assert_int_eq (s->all.total_cost, 358300);
  ck_assert_int_eq (s->all.n_costed, 7);
  /* 358300 / 7 = 51185.71… */
  ck_assert_int_eq (pathways_mix_figures_average_cost (&s->all), 51186);
}
END_TEST

START_TEST (test_cliff_edge)
{
  g_autoptr(PathwaysSufficiency) s = NULL;

  make_authority ();
  s = compute ();

  /* D turns 18 on 10/02/2027, H on 15/04/2027, E on 01/07/2027 */
  ck_assert_int_eq (s->cliff_total[0], 1);
  ck_assert_int_eq (s->cliff_total[1], 2);
  ck_assert_int_eq (s->cliff_total[2], 3);

  ck_assert_int_eq (s->cliff_by_route[PATHWAYS_ROUTE_STAYING_PUT][0], 1);
  ck_assert_int_eq (s->cliff_by_route[PATHWAYS_ROUTE_STAYING_PUT][2], 1);
  ck_assert_int_eq (s->cliff_by_route[PATHWAYS_ROUTE_SUPPORTED][0], 0);
  ck_assert_int_eq (s->cliff_by_route[PATHWAYS_ROUTE_SUPPORTED][1], 1);
  ck_assert_int_eq (s->cliff_by_route[PATHWAYS_ROUTE_NONE][1], 0);
  ck_assert_int_eq (s->cliff_by_route[PATHWAYS_ROUTE_NONE][2], 1);
  ck_assert_int_eq (s->cliff_by_route[PATHWAYS_ROUTE_MOVE_ON][2], 0);

  ck_assert_int_eq (s->cliff_by_mix[PATHWAYS_MIX_FOSTERING_IN_HOUSE][0], 1);
  ck_assert_int_eq (s->cliff_by_mix[PATHWAYS_MIX_SUPPORTED][1], 1);
  ck_assert_int_eq (s->cliff_by_mix[PATHWAYS_MIX_FOSTERING_IFA][1], 0);
  ck_assert_int_eq (s->cliff_by_mix[PATHWAYS_MIX_FOSTERING_IFA][2], 1);
}
END_TEST

static int
stage_index (PathwaysStage stage)
{
  for (int i = 0; i < PATHWAYS_N_FORECAST_STAGES; i++)
    if (pathways_forecast_stages[i] == stage)
      return i;
  ck_abort_msg ("not a forecast stage");
  return -1;
}

static int
sum (const int *months)
{
  int n = 0;

  for (int m = 0; m < PATHWAYS_SUFFICIENCY_MONTHS; m++)
    n += months[m];
  return n;
}

START_TEST (test_demand_supply_and_gaps)
{
  g_autoptr(PathwaysSufficiency) s = NULL;
  int sup = stage_index (PATHWAYS_STAGE_SUPPORTED);
  int sp = stage_index (PATHWAYS_STAGE_STAYING_PUT);
  int sc = stage_index (PATHWAYS_STAGE_STAYING_CLOSE);
  int mo = stage_index (PATHWAYS_STAGE_MOVE_ON);
  g_autofree char *text = NULL;

  make_authority ();
  s = compute ();

  /* Months start with this one */
  ck_assert_str_eq (s->months[0], "2026-11-01");
  ck_assert_str_eq (s->months[23], "2028-10-01");

  /* Demand: G now (supported, at 18 and not ready), A when her place
   * ends in March 2027 (supported), F when the tenancy ends in January
   * 2027 (move-on), E at 18 in July 2027 from foster care (Staying Put),
   * C when Staying Put ends at 21 in June 2028 (move-on).  D's Staying
   * Put is booked; B and H have nothing ending. */
  ck_assert_int_eq (s->demand[sup][0], 1);
  ck_assert_int_eq (s->demand[sup][4], 1);
  ck_assert_int_eq (sum (s->demand[sup]), 2);
  ck_assert_int_eq (s->demand[mo][2], 1);
  ck_assert_int_eq (s->demand[mo][19], 1);
  ck_assert_int_eq (sum (s->demand[mo]), 2);
  ck_assert_int_eq (s->demand[sp][8], 1);
  ck_assert_int_eq (sum (s->demand[sp]), 1);
  ck_assert_int_eq (sum (s->demand[sc]), 0);

  /* Supply: the empty Hatherley unit now, the foyer room in March, the
   * private flat in January.  The Reid household is free now but booked
   * for D from February: not supply. */
  ck_assert_int_eq (s->supply[sup][0], 1);
  ck_assert_int_eq (s->supply[sup][4], 1);
  ck_assert_int_eq (sum (s->supply[sup]), 2);
  ck_assert_int_eq (s->supply[mo][2], 1);
  ck_assert_int_eq (sum (s->supply[mo]), 1);
  ck_assert_int_eq (sum (s->supply[sp]), 0);

  /* The gaps a commissioner acts on */
  ck_assert_int_eq (s->gaps[sup].shortfall, 0);
  ck_assert_ptr_null (pathways_gap_describe (&s->gaps[sup]));
  ck_assert_int_eq (s->gaps[sp].shortfall, 1);
  ck_assert_str_eq (s->gaps[sp].shortfall_by, "2027-07-01");
  ck_assert_int_eq (s->gaps[mo].shortfall, 1);
  ck_assert_str_eq (s->gaps[mo].shortfall_by, "2028-06-01");
  ck_assert_int_eq (s->gaps[mo].demand, 2);
  ck_assert_int_eq (s->gaps[mo].supply, 1);
  text = pathways_gap_describe (&s->gaps[mo]);
  ck_assert_str_eq (text, "Move-on: 1 more place needed by June 2028");
}
END_TEST

START_TEST (test_gap_grows_over_time)
{
  g_autoptr(PathwaysSufficiency) s = NULL;
  g_autofree char *text = NULL;
  int sup = stage_index (PATHWAYS_STAGE_SUPPORTED);
  int mo = stage_index (PATHWAYS_STAGE_MOVE_ON);
  const char *ends[] = { "2027-01-10", "2027-01-20", "2027-03-05", "2027-06-01", "2027-06-15", "2027-06-30" };

  /* Six 21-year-olds leave supported accommodation for a home of their
   * own; one council flat comes free, in March */
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      g_autofree char *id = g_strdup_printf ("MO%u", i);
      g_autofree char *name = g_strdup_printf ("Bridgeway room %u", i);
      gint64 unit = add_unit (name, "supported", "Eastfield", TRUE, "private", 60000);
      gint64 who = add_person (id, "2005-01-01", "NB2 1AA");
      add_spell (who, unit, "current", "2025-01-01", ends[i]);
    }
  {
    gint64 flat = add_unit ("Flat 9, Dover Close", "council", "Eastfield", TRUE, "own_la", 11000);
    gint64 who = add_person ("MO9", "2004-01-01", "NB2 1AA");
    g_autoptr(PathwaysSpell) next = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", who,
                                                  "address", "Moving in with a partner", "accom", "K",
                                                  "start-date", "2027-03-01", "state", "planned", NULL);
    add_spell (who, flat, "current", "2024-01-01", "2027-03-01");
    test_add (store, PATHWAYS_RECORD (next));
  }

  s = compute ();
  /* Running shortfall: 2 in January, 3 − 1 = 2 in March, 6 − 1 = 5 in June */
  ck_assert_int_eq (s->gaps[mo].demand, 6);
  ck_assert_int_eq (s->gaps[mo].supply, 1);
  ck_assert_int_eq (s->gaps[mo].first_shortfall, 2);
  ck_assert_str_eq (s->gaps[mo].first_by, "2027-01-01");
  ck_assert_int_eq (s->gaps[mo].shortfall, 5);
  ck_assert_str_eq (s->gaps[mo].shortfall_by, "2027-06-01");
  text = pathways_gap_describe (&s->gaps[mo]);
  ck_assert_str_eq (text, "Move-on: 5 more places needed by June 2027, 2 of them by January 2027");

  /* The rooms they leave are supply for supported accommodation, which nobody needs */
  ck_assert_int_eq (s->gaps[sup].supply, 6);
  ck_assert_int_eq (s->gaps[sup].demand, 0);
  ck_assert_int_eq (s->gaps[sup].shortfall, 0);
}
END_TEST

START_TEST (test_compliance_lists_are_the_rules_alerts)
{
  g_autoptr(PathwaysSufficiency) s = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(PathwaysAlert) first = NULL;
  gint64 bnb = add_unit ("Station Road Guest House", "bed_and_breakfast", "Eastfield", TRUE, "private", 40000);
  gint64 a = add_person ("CP1", "2007-03-01", "NB2 1AA");
  gint64 i = add_person ("CP2", "2007-04-01", "NB2 1AA");
  gint64 ok = add_person ("CP3", "2007-05-01", "NB2 1AA");
  g_autoptr(PathwaysYoungPerson) late = NULL;
  g_autoptr(GError) error = NULL;

  add_spell (a, 0, "current", "2026-01-01", NULL);
  add_spell (ok, 0, "current", "2026-01-01", NULL);
  add_spell (i, bnb, "current", "2026-11-10", NULL);

  /* A's pathway plan was last reviewed on 01/01/2026 */
  late = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, a, &error);
  ck_assert_no_error (error);
  g_object_set (late, "pathway-plan-review-date", "2026-01-01", NULL);
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (late), &error));

  s = compute ();
  /* A's is more than six months old; CP2's is due again on her move
   * into the B&B, which came after her last review */
  ck_assert_uint_eq (s->compliance[PATHWAYS_COMPLIANCE_PLAN_OVERDUE]->len, 2);
  {
    GPtrArray *plans = s->compliance[PATHWAYS_COMPLIANCE_PLAN_OVERDUE];
    gint64 p0 = ((PathwaysComplianceItem *) g_ptr_array_index (plans, 0))->person_id;
    gint64 p1 = ((PathwaysComplianceItem *) g_ptr_array_index (plans, 1))->person_id;
    ck_assert ((p0 == a && p1 == i) || (p0 == i && p1 == a));
  }
  ck_assert_uint_eq (s->compliance[PATHWAYS_COMPLIANCE_EMERGENCY]->len, 1);
  ck_assert_int_eq (((PathwaysComplianceItem *) g_ptr_array_index (s->compliance[PATHWAYS_COMPLIANCE_EMERGENCY], 0))->person_id, i);
  ck_assert_uint_eq (s->compliance[PATHWAYS_COMPLIANCE_UNREGISTERED]->len, 0);
  ck_assert_uint_eq (s->compliance[PATHWAYS_COMPLIANCE_STAYING_PUT_ENDING]->len, 0);
  ck_assert_int_eq (s->mix[PATHWAYS_MIX_EMERGENCY].count, 1);

  /* As a list model for the page: rows open the young person by id */
  model = pathways_sufficiency_compliance_model (s, PATHWAYS_COMPLIANCE_EMERGENCY);
  ck_assert_uint_eq (g_list_model_get_n_items (model), 1);
  first = g_list_model_get_item (model, 0);
  ck_assert_int_eq (pathways_record_get_int (PATHWAYS_RECORD (first), "young-person-id"), i);
  ck_assert_str_eq (pathways_record_get_string (PATHWAYS_RECORD (first), "local-id"), "CP2");
}
END_TEST

START_TEST (test_large_authority_adds_up)
{
  g_autoptr(PathwaysSufficiency) s = NULL;
  int sum_mix = 0, placed = 0;

  ck_assert (pathways_generate (store, PATHWAYS_GENERATE_DEMO, 3, TEST_TODAY, NULL, NULL));
  s = compute ();
  for (int k = 0; k < PATHWAYS_N_MIX_KINDS; k++)
    {
      sum_mix += s->mix[k].count;
      if (k != PATHWAYS_MIX_NONE)
        placed += s->mix[k].count;
    }
  ck_assert_int_eq (sum_mix, s->n_people);
  ck_assert_int_eq (placed, s->all.count);
  ck_assert_int_eq (s->all.in_house + s->all.external + s->all.provider_unknown, s->all.count);
  ck_assert_int_eq (s->all.in_authority + s->all.out_of_authority + s->all.location_unknown, s->all.count);
  ck_assert_int_eq (s->all.far + s->all.near + s->all.distance_unknown, s->all.count);
  /* The demo geography knows every district the generator uses */
  ck_assert_int_gt (s->all.near + s->all.far, 0);
  ck_assert_int_le (s->cliff_total[0], s->cliff_total[1]);
  ck_assert_int_le (s->cliff_total[1], s->cliff_total[2]);
}
END_TEST

static Suite *
sufficiency_suite (void)
{
  Suite *s = suite_create ("sufficiency");
  TCase *tc = tcase_create ("figures");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_mix_cost_and_location);
  tcase_add_test (tc, test_cliff_edge);
  tcase_add_test (tc, test_demand_supply_and_gaps);
  tcase_add_test (tc, test_gap_grows_over_time);
  tcase_add_test (tc, test_compliance_lists_are_the_rules_alerts);
  tcase_add_test (tc, test_large_authority_adds_up);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (sufficiency_suite ());
}
