/* test-plan-engine.c — the service-wide planner
 *
 * Each hard constraint broken once on a crafted case (the plan then has
 * "no suitable unit" for them); confirmed moves left alone; every
 * month's optimum equal to GLPK's exact one on random instances; accepted
 * proposals becoming the moves the Schedule Move dialog makes (and one
 * undo); a what-if with no change giving the same plan, and one that adds
 * a unit meeting the need.  Runs on both backends (test_open_store()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glpk.h>
#include <math.h>
#include <string.h>

#include "test-util.h"

static char *dir;
static PathwaysStore *store;

static gint64
add_unit_full (const char *name,
               const char *kind,
               gint64      min_age,
               gint64      max_age,
               const char *area,
               gint64      weekly_cost)
{
  gboolean supported = g_str_equal (kind, "supported") || g_str_equal (kind, "foyer") ||
                       g_str_equal (kind, "supported_lodgings");
  g_autoptr(PathwaysUnit) u = g_object_new (PATHWAYS_TYPE_UNIT, "name", name, "kind", kind,
                                            "status", "available", "min-age", min_age,
                                            "max-age", max_age, "weekly-cost", weekly_cost,
                                            "in-authority", TRUE, "area", area,
                                            "support-hours", supported ? 10.0 : 0.0,
                                            "registration", supported ? "registered" : "not_required",
                                            "ofsted-urn", supported ? "2000123" : NULL, NULL);
  return test_add (store, PATHWAYS_RECORD (u));
}

static gint64
add_unit (const char *name,
          const char *kind,
          gint64      min_age,
          gint64      max_age)
{
  return add_unit_full (name, kind, min_age, max_age, "North", 25000);
}

static gint64
add_person (const char *local_id,
            const char *given,
            const char *date_of_birth)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person (local_id);

  g_object_set (yp, "given-name", given, "date-of-birth", date_of_birth, NULL);
  return test_add (store, PATHWAYS_RECORD (yp));
}

static gint64
add_spell (gint64      who,
           gint64      unit,
           const char *place,
           const char *accom,
           const char *start,
           const char *planned_end)
{
  g_autoptr(PathwaysSpell) s = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", who, "unit-id", unit,
                                             "place", place, "accom", accom, "start-date", start,
                                             "planned-end", planned_end, "state", "current", NULL);
  return test_add (store, PATHWAYS_RECORD (s));
}

/* A 17-year-old in foster care turning 18 on 10/01/2027 */
static gint64
add_foster_17 (const char *local_id,
               gint64      carers)
{
  gint64 p = add_person (local_id, "Jay", "2009-01-10");

  add_spell (p, carers, "U4", NULL, "2020-01-01", "2027-01-10");
  return p;
}

static void
setup (void)
{
  dir = test_make_dir ();
  store = test_open_store (dir, "plan.db");
}

static void
teardown (void)
{
  g_clear_object (&store);
  test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

static PathwaysPlan *
plan_with (int                   months,
           const PathwaysWhatIf *what_if,
           GHashTable           *rejected)
{
  PathwaysPlanOptions o;
  g_autoptr(GError) error = NULL;
  PathwaysPlan *plan;

  pathways_plan_options_init (&o);
  o.months = months;
  o.what_if = what_if;
  o.rejected = rejected;
  plan = pathways_plan_run (store, &o, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (plan);
  return plan;
}

static const PathwaysProposal *
proposal_for (PathwaysPlan *plan,
              gint64        person)
{
  const PathwaysProposal *r = pathways_plan_find_person (plan, person);

  ck_assert_msg (r != NULL, "no proposal for young person %" G_GINT64_FORMAT, person);
  return r;
}

/* Turning 18: a registered supported place on the birthday, not B&B */
START_TEST (test_turning_18_moves_on_the_birthday)
{
  gint64 supported = add_unit ("Bridgeway Support", "supported", 16, 25);
  gint64 p;
  g_autoptr(PathwaysPlan) plan = NULL;
  const PathwaysProposal *r;

  add_unit ("Station Road Guest House", "bed_and_breakfast", 16, 0);
  p = add_foster_17 ("LC1", 0);
  plan = plan_with (12, NULL, NULL);
  r = proposal_for (plan, p);
  ck_assert_int_eq (r->unit_id, supported);
  ck_assert_str_eq (r->date, "2027-01-10");
  ck_assert_int_eq (r->need, PATHWAYS_NEED_TURNING_18);
  ck_assert_ptr_nonnull (r->why);
  ck_assert_int_eq (plan->n_unmet, 0);
}
END_TEST

/* Each hard constraint, broken once: the only unit breaks it */
typedef enum {
  BREAK_REGISTRATION,     /* unregistered supported accommodation for a 17-year-old */
  BREAK_BNB_16_17,        /* bed and breakfast for a 17-year-old */
  BREAK_AGE_RANGE,        /* the unit takes 16–17s; they are 18 */
  BREAK_OTHER_CARERS,     /* Staying Put with another household */
  BREAK_OFFLINE,          /* the unit is offline for the whole plan */
  BREAK_OCCUPIED,         /* someone lives there with no end */
  BREAK_TENANCY_UNDER_18, /* a tenancy for a 17-year-old */
  N_BREAKS
} Break;

START_TEST (test_each_hard_constraint_is_kept)
{
  Break b = (Break) _i;
  gint64 p = 0, unit = 0;
  g_autoptr(PathwaysPlan) plan = NULL;
  const PathwaysProposal *r;

  switch (b)
    {
    case BREAK_REGISTRATION:
      {
        g_autoptr(PathwaysUnit) u = NULL;
        unit = add_unit ("Unregistered", "supported", 16, 25);
        u = pathways_store_get (store, PATHWAYS_TYPE_UNIT, unit, NULL);
        g_object_set (u, "registration", "not_registered", "ofsted-urn", NULL, NULL);
        ck_assert (pathways_store_update (store, PATHWAYS_RECORD (u), NULL));
        /* 17 now, nowhere to live */
        p = add_person ("LC1", "Sam", "2009-06-01");
      }
      break;
    case BREAK_BNB_16_17:
      unit = add_unit ("Guest House", "bed_and_breakfast", 16, 0);
      p = add_person ("LC1", "Sam", "2009-06-01");
      break;
    case BREAK_AGE_RANGE:
      unit = add_unit ("Under 18s", "supported", 16, 17);
      p = add_person ("LC1", "Sam", "2007-06-01");
      break;
    case BREAK_OTHER_CARERS:
      {
        gint64 own = add_unit ("The Reid household", "staying_put", 0, 21);
        unit = add_unit ("The Walsh household", "staying_put", 18, 21);
        /* The Reids are not free: someone else is placed with them */
        add_spell (add_person ("LC9", "Other", "2010-01-01"), own, "U4", NULL, "2026-01-01", NULL);
        p = add_foster_17 ("LC1", own);
      }
      break;
    case BREAK_OFFLINE:
      {
        g_autoptr(PathwaysUnit) u = NULL;
        unit = add_unit ("Offline", "supported", 16, 25);
        u = pathways_store_get (store, PATHWAYS_TYPE_UNIT, unit, NULL);
        g_object_set (u, "status", "offline", "status-from", "2026-01-01", "status-reason", "Repairs", NULL);
        ck_assert (pathways_store_update (store, PATHWAYS_RECORD (u), NULL));
        p = add_person ("LC1", "Sam", "2007-06-01");
      }
      break;
    case BREAK_OCCUPIED:
      unit = add_unit ("Occupied", "supported", 16, 25);
      add_spell (add_person ("LC9", "Other", "2007-01-01"), unit, NULL, "D", "2026-01-01", NULL);
      p = add_person ("LC1", "Sam", "2007-06-01");
      break;
    case BREAK_TENANCY_UNDER_18:
      unit = add_unit ("Flat", "council", 16, 25);
      p = add_person ("LC1", "Sam", "2009-06-01");
      break;
    case N_BREAKS:
    default:
      g_assert_not_reached ();
    }

  plan = plan_with (6, NULL, NULL);
  r = proposal_for (plan, p);
  ck_assert_msg (r->unit_id == 0, "constraint %d broken: proposed unit %" G_GINT64_FORMAT, b, r->unit_id);
  ck_assert_ptr_nonnull (r->what_would_help);
  ck_assert_ptr_nonnull (r->commission);
  ck_assert_int_ge (plan->commissions->len, 1);
  for (guint i = 0; i < plan->proposals->len; i++)
    ck_assert_int_ne (((PathwaysProposal *) g_ptr_array_index (plan->proposals, i))->unit_id, unit);

  /* The same young person with a unit that breaks nothing is placed */
  {
    gint64 good = add_unit (b == BREAK_AGE_RANGE || b == BREAK_OCCUPIED || b == BREAK_OFFLINE ? "Good 18+"
                            : "Good", "supported", 16, 25);
    g_autoptr(PathwaysPlan) again = NULL;

    if (b == BREAK_OTHER_CARERS)
      return;  /* (they may go to supported accommodation instead: not the point) */
    again = plan_with (6, NULL, NULL);
    ck_assert_int_eq (proposal_for (again, p)->unit_id, good);
  }
}
END_TEST

/* Staying Put: the rules name their own carers' household, the one the
 * planner proposes among several (the others go unchecked) */
START_TEST (test_staying_put_with_own_carers_among_others)
{
  gint64 walsh = add_unit ("The Walsh household", "staying_put", 18, 21);
  gint64 own = add_unit ("The Reid household", "staying_put", 0, 21);
  gint64 khan = add_unit ("The Khan household", "staying_put", 18, 21);
  gint64 p = add_foster_17 ("LC1", own);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysSnapshot) snap = pathways_snapshot_load (store, "2026-11-22", &error);
  g_autoptr(PathwaysPlan) plan = NULL;
  const PathwaysPersonFacts *facts;

  ck_assert_no_error (error);
  facts = pathways_snapshot_get_person (snap, p);
  ck_assert_ptr_nonnull (facts);
  /* On their 18th birthday, and before it: the Reids, and only them */
  ck_assert_int_eq (pathways_rules_staying_put_household (facts, "2027-01-10"), own);
  ck_assert_int_eq (pathways_rules_staying_put_household (facts, "2026-12-01"), own);
  ck_assert_int_ne (pathways_rules_staying_put_household (facts, "2027-01-10"), walsh);
  ck_assert_int_ne (pathways_rules_staying_put_household (facts, "2027-01-10"), khan);

  plan = plan_with (6, NULL, NULL);
  ck_assert_int_eq (proposal_for (plan, p)->unit_id, own);
}
END_TEST

/* One place, two people who need it: one of them has no suitable unit,
 * and the one who has waited is not made to wait longer than needed */
START_TEST (test_one_person_per_place)
{
  gint64 unit = add_unit ("Only one", "supported", 16, 25);
  gint64 a = add_person ("LC1", "Ann", "2007-06-01");
  gint64 b = add_person ("LC2", "Bea", "2007-07-01");
  g_autoptr(PathwaysPlan) plan = plan_with (6, NULL, NULL);
  const PathwaysProposal *ra = proposal_for (plan, a);
  const PathwaysProposal *rb = proposal_for (plan, b);

  ck_assert ((ra->unit_id == unit) != (rb->unit_id == unit));
  ck_assert_int_eq (plan->n_moves, 1);
  ck_assert_int_eq (plan->n_unmet, 1);
}
END_TEST

/* A confirmed move is kept, and its unit not given to anyone else */
START_TEST (test_confirmed_moves_untouched)
{
  gint64 target = add_unit ("Booked", "supported", 16, 25);
  gint64 a = add_person ("LC1", "Ann", "2007-06-01");
  gint64 b = add_person ("LC2", "Bea", "2007-07-01");
  gint64 home = add_unit ("Home", "supported", 16, 25);
  PathwaysMoveRequest req = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysPlan) plan = NULL;
  gint64 before;

  add_spell (a, home, NULL, "D", "2026-01-01", NULL);
  req.young_person_id = a;
  req.unit_id = target;
  req.date = "2026-12-01";
  ck_assert (pathways_planner_schedule_move (store, &req, NULL, NULL, &error));
  ck_assert_no_error (error);
  before = test_query_int (store, "SELECT count(*) FROM transition WHERE state = 'confirmed'");

  plan = plan_with (12, NULL, NULL);
  ck_assert_ptr_null (pathways_plan_find_person (plan, a));
  ck_assert_int_eq (plan->n_kept, 1);
  ck_assert_int_ne (proposal_for (plan, b)->unit_id, target);
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM transition WHERE state = 'confirmed'"), before);
}
END_TEST

/* Accepting proposals schedules the moves the dialog would, as one undo */
START_TEST (test_accept_schedules_ordinary_moves)
{
  gint64 supported = add_unit ("Bridgeway Support", "supported", 16, 25);
  gint64 flat = add_unit ("Flat", "supported", 16, 25);
  gint64 a = add_foster_17 ("LC1", 0);
  gint64 b = add_foster_17 ("LC2", 0);
  g_autoptr(PathwaysPlan) plan = plan_with (12, NULL, NULL);
  const PathwaysProposal *rows[2] = { proposal_for (plan, a), proposal_for (plan, b) };
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert (rows[0]->unit_id == supported || rows[0]->unit_id == flat);
  ck_assert (pathways_plan_accept (store, plan, rows, 2, 0, NULL, &undo, &error));
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (undo);
  /* As pathways_planner_schedule_move(): a confirmed move, a planned spell, the unit reserved */
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM transition WHERE state = 'confirmed' "
                                           "AND planned_date = '2027-01-10'"), 2);
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM spell WHERE state = 'planned' "
                                           "AND start_date = '2027-01-10'"), 2);
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM unit WHERE status = 'reserved'"), 2);

  /* Planned again: they are kept */
  {
    g_autoptr(PathwaysPlan) again = plan_with (12, NULL, NULL);
    ck_assert_int_eq (again->n_kept, 2);
  }

  ck_assert (pathways_store_undo (store, undo, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM transition"), 0);
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM spell WHERE state = 'planned'"), 0);
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM unit WHERE status = 'reserved'"), 0);
}
END_TEST

/* All or nothing: a proposal the store refuses leaves nothing scheduled */
START_TEST (test_accept_is_all_or_nothing)
{
  gint64 unit = add_unit ("Bridgeway Support", "supported", 16, 25);
  gint64 a = add_foster_17 ("LC1", 0);
  g_autoptr(PathwaysPlan) plan = plan_with (12, NULL, NULL);
  PathwaysProposal forged;
  const PathwaysProposal *rows[2];
  g_autoptr(GError) error = NULL;

  rows[0] = proposal_for (plan, a);
  ck_assert_int_eq (rows[0]->unit_id, unit);
  forged = *rows[0];
  forged.person_id = a + 1000;  /* nobody */
  rows[1] = &forged;
  ck_assert (!pathways_plan_accept (store, plan, rows, 2, 0, NULL, NULL, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM transition"), 0);
}
END_TEST

/* A rejected proposal is not made again */
START_TEST (test_rejected_unit_not_proposed)
{
  gint64 cheap = add_unit_full ("Cheap", "supported", 16, 25, "North", 10000);
  gint64 dear = add_unit_full ("Dear", "supported", 16, 25, "North", 40000);
  gint64 a = add_foster_17 ("LC1", 0);
  g_autoptr(GHashTable) rejected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(PathwaysPlan) first = plan_with (12, NULL, NULL);
  g_autoptr(PathwaysPlan) second = NULL;

  ck_assert_int_eq (proposal_for (first, a)->unit_id, cheap);
  g_hash_table_insert (rejected, g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, a, cheap),
                       g_strdup ("Too far from college"));
  second = plan_with (12, NULL, rejected);
  ck_assert_int_eq (proposal_for (second, a)->unit_id, dear);
}
END_TEST

/* Turned down in the store (both backends): the next run respects it,
 * and undo brings the proposal back */
START_TEST (test_rejection_is_stored)
{
  gint64 cheap = add_unit_full ("Cheap", "supported", 16, 25, "North", 10000);
  gint64 dear = add_unit_full ("Dear", "supported", 16, 25, "North", 40000);
  gint64 a = add_foster_17 ("LC1", 0);
  g_autoptr(PathwaysPlan) first = NULL;
  g_autoptr(PathwaysPlan) second = NULL;
  g_autoptr(PathwaysPlan) third = NULL;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;

  first = pathways_plan_run (store, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (proposal_for (first, a)->unit_id, cheap);
  ck_assert (!pathways_plan_reject (store, proposal_for (first, a), "  ", NULL, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NEEDS_REASON));
  g_clear_error (&error);
  ck_assert (pathways_plan_reject (store, proposal_for (first, a), "Too far from college", &undo, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM plan_rejection"), 1);

  second = pathways_plan_run (store, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (proposal_for (second, a)->unit_id, dear);

  ck_assert (pathways_store_undo (store, undo, &error));
  ck_assert_no_error (error);
  third = pathways_plan_run (store, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (proposal_for (third, a)->unit_id, cheap);
}
END_TEST

/* What-if: no change gives the same plan; a unit added meets the need */
START_TEST (test_what_if)
{
  gint64 a = add_person ("LC1", "Ann", "2009-06-01");  /* 17, nowhere to live */
  g_autoptr(PathwaysWhatIf) none = pathways_what_if_new ();
  g_autoptr(PathwaysWhatIf) more = NULL;
  g_autoptr(PathwaysPlan) current = NULL;
  g_autoptr(PathwaysPlan) same = NULL;
  g_autoptr(PathwaysPlan) better = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text_current = NULL;
  g_autofree char *text_same = NULL;

  add_unit ("Flat", "council", 18, 25);
  /* (six months: she turns 18, and could have the flat, after them) */
  current = plan_with (6, NULL, NULL);
  same = plan_with (6, none, NULL);
  ck_assert_int_eq (current->total_cost, same->total_cost);
  ck_assert_uint_eq (current->proposals->len, same->proposals->len);
  text_current = pathways_plan_format (current, NULL, PATHWAYS_PLAN_FORMAT_CSV);
  text_same = pathways_plan_format (same, NULL, PATHWAYS_PLAN_FORMAT_CSV);
  ck_assert_str_eq (text_current, text_same);
  ck_assert_int_eq (proposal_for (current, a)->unit_id, 0);
  ck_assert_int_eq (current->n_unmet, 1);
  ck_assert_str_eq (((PathwaysCommission *) g_ptr_array_index (current->commissions, 0))->category,
                    "supported-16-17");

  more = pathways_what_if_parse ("# one more registered place\n"
                                 "add kind=supported area=North count=2 cost=200.00 from=22/11/2026 "
                                 "name=\"New flats\"\n", -1, "more.txt", TEST_TODAY, &error);
  ck_assert_no_error (error);
  better = plan_with (6, more, NULL);
  ck_assert_int_lt (proposal_for (better, a)->unit_id, 0);
  ck_assert_int_eq (better->n_unmet, 0);
  ck_assert_int_lt (better->total_cost, current->total_cost);
}
END_TEST

START_TEST (test_what_if_errors_name_the_line)
{
  static const struct { const char *text; const char *expected; } cases[] = {
    { "add kind=castle area=North cost=1", "w.txt, line 1: kind ‘castle’ is not a kind of unit." },
    { "\n# fine\nadd area=North cost=1", "w.txt, line 3: ‘add’ needs kind=, the kind of unit." },
    { "add kind=supported area=North cost=lots", "w.txt, line 1: cost ‘lots’ is not an amount" },
    { "add kind=supported area=North cost=1 from=31/02/2027", "w.txt, line 1: from ‘31/02/2027’ is not a date" },
    { "add kind=supported area=North cost=1 count=0", "w.txt, line 1: count must be a whole number from 1 to 500." },
    { "remove unit=-3", "w.txt, line 1: ‘remove’ needs unit=ID" },
    { "demolish unit=3", "w.txt, line 1: ‘demolish’ is not a change: use add or remove." },
    { "add kind=supported area=\"North", "w.txt, line 1: A quoted value is not closed." },
    { "add kind", "w.txt, line 1: ‘kind’ is not KEY=VALUE." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PathwaysWhatIf) w = pathways_what_if_parse (cases[i].text, -1, "w.txt", TEST_TODAY, &error);
      ck_assert_ptr_null (w);
      ck_assert_ptr_nonnull (error);
      ck_assert_msg (g_str_has_prefix (error->message, cases[i].expected), "%s", error->message);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PathwaysWhatIf) w = pathways_what_if_parse ("remove unit=3\nadd kind=council area=East cost=150 count=3",
                                                         -1, "w.txt", TEST_TODAY, &error);
    ck_assert_no_error (error);
    ck_assert (pathways_what_if_removes (w, 3));
    ck_assert_uint_eq (pathways_what_if_get_added (w)->len, 3);
  }
}
END_TEST

/* The exact reference: each month's flow problem as a linear programme
 * (a network matrix, so its optimum is integral) solved by GLPK */
typedef struct {
  gint64 lemon;
  gint64 exact;
  int    months;
} Compare;

static void
month_solved_cb (int           month,
                 PathwaysFlow *flow,
                 gpointer      data)
{
  Compare *c = data;
  int n = pathways_flow_get_n_nodes (flow), m = pathways_flow_get_n_arcs (flow);
  glp_prob *lp = glp_create_prob ();
  g_autofree int *ia = g_new0 (int, 2 * m + 1);
  g_autofree int *ja = g_new0 (int, 2 * m + 1);
  g_autofree double *ar = g_new0 (double, 2 * m + 1);
  glp_smcp parm;
  int k = 0;

  glp_set_obj_dir (lp, GLP_MIN);
  glp_add_rows (lp, n);
  for (int i = 0; i < n; i++)
    glp_set_row_bnds (lp, i + 1, GLP_FX, (double) pathways_flow_get_supply (flow, i),
                      (double) pathways_flow_get_supply (flow, i));
  glp_add_cols (lp, m);
  for (int a = 0; a < m; a++)
    {
      int from, to;
      gint64 cap, cost;
      pathways_flow_get_arc (flow, a, &from, &to, &cap, &cost);
      glp_set_col_bnds (lp, a + 1, GLP_DB, 0.0, (double) cap);
      glp_set_obj_coef (lp, a + 1, (double) cost);
      ia[++k] = from + 1; ja[k] = a + 1; ar[k] = 1.0;
      ia[++k] = to + 1; ja[k] = a + 1; ar[k] = -1.0;
    }
  glp_load_matrix (lp, k, ia, ja, ar);
  glp_init_smcp (&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_ON;
  ck_assert_int_eq (glp_simplex (lp, &parm), 0);
  ck_assert_int_eq (glp_get_status (lp), GLP_OPT);
  c->exact += llround (glp_get_obj_val (lp));
  c->lemon += pathways_flow_get_total_cost (flow);
  ck_assert_int_eq (llround (glp_get_obj_val (lp)), pathways_flow_get_total_cost (flow));
  c->months++;
  glp_delete_prob (lp);
  (void) month;
}

/* 30 young people × 50 units × 12 months, several seeds */
START_TEST (test_cost_equals_glpk_optimum)
{
  static const char * const kinds[] = { "supported", "supported_lodgings", "foyer", "council",
                                        "housing_association", "staying_close" };
  static const char * const areas[] = { "North", "South", "East" };
  GRand *rand = g_rand_new_with_seed (1000 + _i);
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gint64));
  PathwaysPlanOptions o;
  Compare c = { 0 };
  g_autoptr(PathwaysPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (!pathways_store_begin (store, &error))
    ck_abort_msg ("%s", error->message);
  for (int i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("Unit %d", i);
      const char *kind = kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))];
      gboolean tenancy = g_str_equal (kind, "council") || g_str_equal (kind, "housing_association");
      gint64 id = add_unit_full (name, kind, tenancy ? 18 : 16, g_rand_boolean (rand) ? 25 : 21,
                                 areas[g_rand_int_range (rand, 0, 3)], g_rand_int_range (rand, 80, 600) * 100);
      g_array_append_val (units, id);
    }
  for (int i = 0; i < 30; i++)
    {
      g_autofree char *local = g_strdup_printf ("LC%d", i);
      g_autofree char *dob = g_strdup_printf ("%d-%02d-%02d", g_rand_int_range (rand, 2006, 2010),
                                              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      gint64 p = add_person (local, "Young", dob);
      int what = g_rand_int_range (rand, 0, 3);

      if (what == 1)
        {
          /* In a unit of the register until some day in the next year */
          gint64 u = g_array_index (units, gint64, g_rand_int_range (rand, 0, 50));
          g_autofree char *end = g_strdup_printf ("2027-%02d-%02d", g_rand_int_range (rand, 1, 13),
                                                  g_rand_int_range (rand, 1, 29));
          add_spell (p, u, NULL, "D", "2025-01-01", end);
        }
      else if (what == 2)
        {
          g_autofree char *b18 = pathways_date_birthday (dob, 18);
          add_spell (p, 0, "U4", NULL, "2020-01-01", b18);
        }
      /* (else nowhere to live) */
    }
  if (!pathways_store_commit (store, &error))
    ck_abort_msg ("%s", error->message);
  g_rand_free (rand);

  pathways_plan_options_init (&o);
  o.months = 12;
  o.month_solved = month_solved_cb;
  o.month_solved_data = &c;
  plan = pathways_plan_run (store, &o, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_int_gt (c.months, 0);
  ck_assert_int_eq (c.lemon, c.exact);
  ck_assert_int_eq (plan->total_cost, c.exact);
  ck_assert_int_gt (plan->n_moves, 0);
}
END_TEST

/* A cancelled plan stops with G_IO_ERROR_CANCELLED */
START_TEST (test_cancel)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysPlan) plan = NULL;

  add_unit ("Bridgeway Support", "supported", 16, 25);
  add_foster_17 ("LC1", 0);
  g_cancellable_cancel (cancellable);
  plan = pathways_plan_run (store, NULL, cancellable, &error);
  ck_assert_ptr_null (plan);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
}
END_TEST

/* The weights are validated settings */
START_TEST (test_weights_are_settings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) settings = NULL;
  PathwaysPlanWeights w;

  ck_assert (!pathways_store_set_setting (store, "plan_weight_cost", "101", &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  ck_assert (pathways_store_set_setting (store, "plan_weight_cost", "40", &error));
  ck_assert_no_error (error);
  settings = pathways_store_dup_settings (store, &error);
  ck_assert_no_error (error);
  pathways_plan_weights_from_settings (&w, settings);
  ck_assert_int_eq (w.cost, 40);
  ck_assert_int_eq (w.waiting, 50);
}
END_TEST

static Suite *
plan_suite (void)
{
  Suite *s = suite_create ("plan-engine");
  TCase *tc = tcase_create ("plan");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_turning_18_moves_on_the_birthday);
  tcase_add_loop_test (tc, test_each_hard_constraint_is_kept, 0, N_BREAKS);
  tcase_add_test (tc, test_one_person_per_place);
  tcase_add_test (tc, test_staying_put_with_own_carers_among_others);
  tcase_add_test (tc, test_confirmed_moves_untouched);
  tcase_add_test (tc, test_accept_schedules_ordinary_moves);
  tcase_add_test (tc, test_accept_is_all_or_nothing);
  tcase_add_test (tc, test_rejected_unit_not_proposed);
  tcase_add_test (tc, test_rejection_is_stored);
  tcase_add_test (tc, test_what_if);
  tcase_add_test (tc, test_what_if_errors_name_the_line);
  tcase_add_loop_test (tc, test_cost_equals_glpk_optimum, 0, 4);
  tcase_add_test (tc, test_cancel);
  tcase_add_test (tc, test_weights_are_settings);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (plan_suite ());
}
