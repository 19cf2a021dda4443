/* test-rules.c — the rules of leaving care, at their boundaries
 *
 * Table-driven where the rule is a table; each alert has a case that
 * raises it and one that does not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "test-util.h"

/* A small world of facts, built by hand ------------------------------ */

typedef struct {
  PathwaysRuleSettings *settings;
  GHashTable           *people;   /* id → PathwaysPersonFacts */
  GHashTable           *units;    /* id → PathwaysUnitFacts */
  GPtrArray            *owned;    /* spells, transitions */
  gint64                next_id;
} World;

static World w;

static void
person_free (gpointer data)
{
  PathwaysPersonFacts *p = data;
  g_ptr_array_unref (p->spells);
  g_ptr_array_unref (p->transitions);
  g_free (p);
}

static void
unit_free (gpointer data)
{
  PathwaysUnitFacts *u = data;
  g_ptr_array_unref (u->spells);
  g_free (u);
}

static void
world_setup (void)
{
  g_autoptr(GPtrArray) holidays = g_ptr_array_new ();
  g_autoptr(GHashTable) table = g_hash_table_new (g_str_hash, g_str_equal);

  g_ptr_array_add (holidays, "2026-08-31");
  g_ptr_array_add (holidays, "2026-12-25");
  g_ptr_array_add (holidays, "2026-12-28");
  g_hash_table_insert (table, "contact_interval_days", "56");
  g_hash_table_insert (table, "readiness_threshold", "70");
  g_hash_table_insert (table, "readiness_weights", "practical=2;finance=2");

  w.settings = pathways_rule_settings_new_from_table (table, holidays);
  w.people = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, person_free);
  w.units = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, unit_free);
  w.owned = g_ptr_array_new_with_free_func (g_free);
  w.next_id = 1;
}

static void
world_teardown (void)
{
  g_clear_pointer (&w.people, g_hash_table_unref);
  g_clear_pointer (&w.units, g_hash_table_unref);
  g_clear_pointer (&w.owned, g_ptr_array_unref);
  g_clear_pointer (&w.settings, pathways_rule_settings_free);
}

/* A care leaver who was looked after for years and is still in care */
static PathwaysPersonFacts *
add_person (const char *name,
            const char *dob)
{
  PathwaysPersonFacts *p = g_new0 (PathwaysPersonFacts, 1);

  p->id = w.next_id++;
  p->name = name;
  p->date_of_birth = dob;
  p->date_first_looked_after = "2015-01-01";
  p->days_since_14 = 1000;
  p->days_since_16 = 300;
  p->spells = g_ptr_array_new ();
  p->transitions = g_ptr_array_new ();
  p->needs_assessment_date = "2025-01-01";
  p->pathway_plan_review_date = "2026-10-01";
  p->last_contact_date = "2026-11-01";
  g_hash_table_insert (w.people, &p->id, p);
  return p;
}

static PathwaysUnitFacts *
add_unit (const char *name,
          const char *kind,
          int         min_age,
          int         max_age)
{
  PathwaysUnitFacts *u = g_new0 (PathwaysUnitFacts, 1);

  u->id = w.next_id++;
  u->name = name;
  u->kind = kind;
  u->min_age = min_age;
  u->max_age = max_age;
  u->in_authority = TRUE;
  u->status = "available";
  u->support_hours = 10;
  u->registration = "registered";
  u->ofsted_urn = "2123456";
  u->spells = g_ptr_array_new ();
  g_hash_table_insert (w.units, &u->id, u);
  return u;
}

static PathwaysSpellFacts *
add_spell (PathwaysPersonFacts *p,
           PathwaysUnitFacts   *u,
           const char          *state,
           const char          *start,
           const char          *end)
{
  PathwaysSpellFacts *s = g_new0 (PathwaysSpellFacts, 1);

  s->id = w.next_id++;
  s->person_id = p->id;
  s->unit_id = u ? u->id : 0;
  s->state = state;
  s->start = start;
  s->suitable = TRUE;
  if (g_str_equal (state, "ended"))
    s->actual_end = end;
  else
    s->planned_end = end;
  g_ptr_array_add (w.owned, s);
  g_ptr_array_add (p->spells, s);
  if (u)
    g_ptr_array_add (u->spells, s);
  return s;
}

static PathwaysTransitionFacts *
add_move (PathwaysPersonFacts *p,
          PathwaysUnitFacts   *to,
          PathwaysSpellFacts  *to_spell,
          const char          *date,
          const char          *state)
{
  PathwaysTransitionFacts *t = g_new0 (PathwaysTransitionFacts, 1);

  t->id = w.next_id++;
  t->person_id = p->id;
  t->to_unit_id = to ? to->id : 0;
  t->to_spell_id = to_spell ? to_spell->id : 0;
  t->planned_date = date;
  t->state = state;
  g_ptr_array_add (w.owned, t);
  g_ptr_array_add (p->transitions, t);
  return t;
}

static GPtrArray *
alerts_of (PathwaysPersonFacts *p,
           const char          *on)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_alert_facts_free);

  pathways_rules_alerts_for (w.settings, p, w.units, w.people, on, out);
  return out;
}

static const PathwaysAlertFacts *
find_alert (GPtrArray  *alerts,
            const char *kind)
{
  for (guint i = 0; i < alerts->len; i++)
    {
      const PathwaysAlertFacts *a = g_ptr_array_index (alerts, i);
      if (g_str_equal (a->kind, kind))
        return a;
    }
  return NULL;
}

#define assert_alert(p, on, kind, sev)                                              \
  G_STMT_START {                                                                    \
    g_autoptr(GPtrArray) _al = alerts_of ((p), (on));                               \
    const PathwaysAlertFacts *_a = find_alert (_al, (kind));                        \
    ck_assert_msg (_a != NULL, "expected a %s alert on %s", (kind), (on));          \
    ck_assert_int_eq (_a->severity, (sev));                                         \
  } G_STMT_END

#define assert_no_alert(p, on, kind)                                                \
  G_STMT_START {                                                                    \
    g_autoptr(GPtrArray) _al = alerts_of ((p), (on));                               \
    const PathwaysAlertFacts *_a = find_alert (_al, (kind));                        \
    ck_assert_msg (_a == NULL, "unexpected %s alert on %s: %s", (kind), (on),       \
                   _a ? _a->text : "");                                             \
  } G_STMT_END

static gboolean
has_reason (PathwaysEligibility *e,
            const char          *rule)
{
  for (guint i = 0; i < e->reasons->len; i++)
    if (g_str_equal (((PathwaysReason *) g_ptr_array_index (e->reasons, i))->rule, rule))
      return TRUE;
  return FALSE;
}

/* Status ------------------------------------------------------------- */

typedef struct {
  const char        *what;
  const char        *dob;
  const char        *on;
  const char        *care_ended;
  gint64             days14;
  gint64             days16;
  gboolean           returned_home;
  gboolean           sgo;
  gboolean           custody;
  PathwaysCareStatus expected;
} StatusCase;

static const StatusCase status_cases[] = {
  { "day before 16th, in care", "2010-11-22", "2026-11-21", NULL, 400, 0, 0, 0, 0, PATHWAYS_CARE_STATUS_LOOKED_AFTER },
  { "16th birthday, in care, 13 weeks", "2010-11-22", "2026-11-22", NULL, 400, 1, 0, 0, 0, PATHWAYS_CARE_STATUS_ELIGIBLE },
  { "day after 16th", "2010-11-22", "2026-11-23", NULL, 400, 2, 0, 0, 0, PATHWAYS_CARE_STATUS_ELIGIBLE },
  { "13 weeks exactly met", "2009-06-01", "2026-11-22", NULL, 91, 30, 0, 0, 0, PATHWAYS_CARE_STATUS_ELIGIBLE },
  { "13 weeks missed by a day", "2009-06-01", "2026-11-22", NULL, 90, 30, 0, 0, 0, PATHWAYS_CARE_STATUS_LOOKED_AFTER },
  { "no day after 16", "2009-06-01", "2026-11-22", NULL, 200, 0, 0, 0, 0, PATHWAYS_CARE_STATUS_LOOKED_AFTER },
  { "day before 18th, in care", "2008-11-22", "2026-11-21", "2026-11-22", 1000, 700, 0, 0, 0, PATHWAYS_CARE_STATUS_ELIGIBLE },
  { "18th birthday, care ended", "2008-11-22", "2026-11-22", "2026-11-22", 1000, 700, 0, 0, 0, PATHWAYS_CARE_STATUS_FORMER_RELEVANT },
  { "17, left care, was eligible", "2009-06-01", "2026-11-22", "2026-09-01", 500, 200, 0, 0, 0, PATHWAYS_CARE_STATUS_RELEVANT },
  { "17, went home 6 months", "2009-06-01", "2026-11-22", "2026-03-01", 500, 100, 1, 0, 0, PATHWAYS_CARE_STATUS_QUALIFYING },
  /* Reg 3(2) of the Care Leavers (England) Regulations 2010: custody or
   * hospital at 16 still needs the 13 weeks since 14 (none after 16) */
  { "17, custody at 16, 90 days since 14", "2009-06-01", "2026-11-22", "2025-05-01", 90, 0, 0, 0, 1, PATHWAYS_CARE_STATUS_NONE },
  { "17, custody at 16, 91 days since 14", "2009-06-01", "2026-11-22", "2025-05-01", 91, 0, 0, 0, 1, PATHWAYS_CARE_STATUS_RELEVANT },
  { "17, custody at 16, 92 days since 14", "2009-06-01", "2026-11-22", "2025-05-01", 92, 0, 0, 0, 1, PATHWAYS_CARE_STATUS_RELEVANT },
  { "19, custody at 16 after 13 weeks", "2007-06-01", "2026-11-22", "2023-05-01", 91, 0, 0, 0, 1, PATHWAYS_CARE_STATUS_FORMER_RELEVANT },
  { "19, custody at 16 after 12 weeks", "2007-06-01", "2026-11-22", "2023-05-01", 90, 0, 0, 0, 1, PATHWAYS_CARE_STATUS_NONE },
  /* A return home for 6 months ends relevant status at 16–17 only (reg 3(3)) */
  { "17, home 1 day short of 6 months", "2009-06-01", "2026-11-22", "2026-05-23", 500, 100, 1, 0, 0, PATHWAYS_CARE_STATUS_RELEVANT },
  { "17, home 6 months to the day", "2009-06-01", "2026-11-22", "2026-05-22", 500, 100, 1, 0, 0, PATHWAYS_CARE_STATUS_QUALIFYING },
  { "17, home 6 months and a day", "2009-06-01", "2026-11-22", "2026-05-21", 500, 100, 1, 0, 0, PATHWAYS_CARE_STATUS_QUALIFYING },
  /* … and someone relevant at 18 is former relevant whatever happens after (s.23C) */
  { "19, home 6 months reached before 18", "2007-06-01", "2026-11-22", "2024-11-30", 500, 100, 1, 0, 0, PATHWAYS_CARE_STATUS_QUALIFYING },
  { "19, home 6 months reached on the 18th birthday", "2007-06-01", "2026-11-22", "2024-12-01", 500, 100, 1, 0, 0, PATHWAYS_CARE_STATUS_QUALIFYING },
  { "19, home 6 months reached the day after 18", "2007-06-01", "2026-11-22", "2024-12-02", 500, 100, 1, 0, 0, PATHWAYS_CARE_STATUS_FORMER_RELEVANT },
  { "19, went home after 18", "2007-06-01", "2026-11-22", "2025-08-01", 500, 300, 1, 0, 0, PATHWAYS_CARE_STATUS_FORMER_RELEVANT },
  /* A special guardianship order: qualifying (s.24(1A)), never former relevant */
  { "19, SGO after 16 with 13 weeks", "2007-06-01", "2026-11-22", "2024-01-01", 500, 100, 0, 1, 0, PATHWAYS_CARE_STATUS_QUALIFYING },
  { "SGO, day before 21st", "2005-11-23", "2026-11-22", "2022-01-01", 500, 100, 0, 1, 0, PATHWAYS_CARE_STATUS_QUALIFYING },
  { "SGO, 21st birthday", "2005-11-22", "2026-11-22", "2022-01-01", 500, 100, 0, 1, 0, PATHWAYS_CARE_STATUS_NONE },
  { "SGO, day after 21st", "2005-11-21", "2026-11-22", "2022-01-01", 500, 100, 0, 1, 0, PATHWAYS_CARE_STATUS_NONE },
  { "17, short care after 16", "2009-06-01", "2026-11-22", "2026-01-01", 50, 50, 0, 0, 0, PATHWAYS_CARE_STATUS_QUALIFYING },
  { "17, SGO", "2009-06-01", "2026-11-22", "2026-01-01", 500, 100, 0, 1, 0, PATHWAYS_CARE_STATUS_QUALIFYING },
  { "20, qualifying", "2006-06-01", "2026-05-31", "2024-01-01", 50, 50, 0, 0, 0, PATHWAYS_CARE_STATUS_QUALIFYING },
  { "21st birthday ends qualifying", "2005-06-01", "2026-06-01", "2023-01-01", 50, 50, 0, 0, 0, PATHWAYS_CARE_STATUS_NONE },
  { "day before 25th", "2001-11-23", "2026-11-22", "2019-11-23", 1000, 700, 0, 0, 0, PATHWAYS_CARE_STATUS_FORMER_RELEVANT },
  { "25th birthday", "2001-11-22", "2026-11-22", "2019-11-22", 1000, 700, 0, 0, 0, PATHWAYS_CARE_STATUS_NONE },
  { "29 Feb, 28 Feb non-leap: 17", "2008-02-29", "2026-02-28", "2026-03-01", 1000, 600, 0, 0, 0, PATHWAYS_CARE_STATUS_ELIGIBLE },
  { "29 Feb, 1 March non-leap: 18", "2008-02-29", "2026-03-01", "2026-03-01", 1000, 600, 0, 0, 0, PATHWAYS_CARE_STATUS_FORMER_RELEVANT },
  { "never looked after since 16", "2009-06-01", "2026-11-22", "2022-01-01", 0, 0, 0, 0, 0, PATHWAYS_CARE_STATUS_NONE },
};

START_TEST (test_status)
{
  const StatusCase *c = &status_cases[_i];
  PathwaysPersonFacts *p = add_person ("Test Person", c->dob);
  g_autofree char *why = NULL;
  PathwaysCareStatus got;

  p->date_first_looked_after = "2015-01-01";
  p->date_care_ended = c->care_ended;
  p->days_since_14 = c->days14;
  p->days_since_16 = c->days16;
  p->returned_home_6_months = c->returned_home;
  p->special_guardianship = c->sgo;
  p->custody_or_hospital_at_16 = c->custody;

  got = pathways_rules_care_status (p, c->on, &why);
  ck_assert_msg (got == c->expected, "%s: got %s (%s)", c->what, pathways_care_status_code (got), why);
  ck_assert_ptr_nonnull (why);
  ck_assert (g_str_has_suffix (why, "."));
}
END_TEST

START_TEST (test_status_explanation)
{
  PathwaysPersonFacts *p = add_person ("Test Person", "2007-01-10");
  g_autofree char *why = NULL;

  p->date_care_ended = "2025-01-10";
  ck_assert_int_eq (pathways_rules_care_status (p, "2026-11-22", &why), PATHWAYS_CARE_STATUS_FORMER_RELEVANT);
  ck_assert_str_eq (why, "Former relevant: was eligible and is now 19 (Children Act 1989 s.23C).");
}
END_TEST

/* Qualifying duties run to 21, or to 25 in education or training (s.24B) */
START_TEST (test_qualifying_to_25_in_education)
{
  PathwaysPersonFacts *p = add_person ("Student", "2004-11-22");   /* 22 on 22/11/2026 */

  p->date_first_looked_after = "2020-01-01";
  p->date_care_ended = "2021-01-01";
  p->days_since_14 = 300;
  p->days_since_16 = 100;
  p->special_guardianship = TRUE;
  ck_assert_int_eq (pathways_rules_care_status (p, "2026-11-22", NULL), PATHWAYS_CARE_STATUS_NONE);
  p->in_education_or_training = TRUE;
  ck_assert_int_eq (pathways_rules_care_status (p, "2026-11-22", NULL), PATHWAYS_CARE_STATUS_QUALIFYING);
  ck_assert_int_eq (pathways_rules_care_status (p, "2029-11-21", NULL), PATHWAYS_CARE_STATUS_QUALIFYING);
  ck_assert_int_eq (pathways_rules_care_status (p, "2029-11-22", NULL), PATHWAYS_CARE_STATUS_NONE);
}
END_TEST

/* Key dates ---------------------------------------------------------- */

START_TEST (test_key_dates)
{
  PathwaysPersonFacts *p = add_person ("Test Person", "2009-06-15");
  g_autoptr(PathwaysKeyDates) d = NULL;

  p->pathway_plan_review_date = "2026-07-01";
  d = pathways_rules_key_dates (p, NULL, "2026-11-22");
  ck_assert_str_eq (d->birthday_16, "2025-06-15");
  ck_assert_str_eq (d->birthday_18, "2027-06-15");
  ck_assert_str_eq (d->birthday_21, "2030-06-15");
  ck_assert_str_eq (d->birthday_25, "2034-06-15");
  ck_assert_str_eq (d->needs_assessment_due, "2025-09-15");
  ck_assert_str_eq (d->pathway_plan_review_due, "2027-01-01");
  ck_assert_str_eq (d->universal_credit_from, "2027-05-18");
  ck_assert_str_eq (d->pa_support_end, "2030-06-15");
  ck_assert_str_eq (d->pa_support_end_on_request, "2034-06-15");
  ck_assert_ptr_null (d->staying_put_end);
  /* Collection year 1/4/2026–31/3/2027: no 17th–21st birthday?  The 17th is 15/06/2026 */
  ck_assert_uint_eq (d->oc3_birthdays->len, 1);
  ck_assert_str_eq (g_ptr_array_index (d->oc3_birthdays, 0), "2026-06-15");
  ck_assert_str_eq (d->next_key_date, "2027-01-01");
}
END_TEST

/* A Staying Put household known by its unit's kind (no ACCOM code on the
 * spell): the key dates end it at 21 as the alerts do, given the units */
START_TEST (test_key_dates_staying_put_by_unit)
{
  PathwaysPersonFacts *p = add_person ("Staying Put", "2007-06-15");
  PathwaysUnitFacts *household = add_unit ("The Reid household", "staying_put", 18, 21);
  g_autoptr(PathwaysKeyDates) with_units = NULL;
  g_autoptr(PathwaysKeyDates) codes_only = NULL;

  add_spell (p, household, "current", "2025-06-15", NULL);
  with_units = pathways_rules_key_dates (p, w.units, "2026-11-22");
  ck_assert_str_eq (with_units->staying_put_end, "2028-06-15");
  codes_only = pathways_rules_key_dates (p, NULL, "2026-11-22");
  ck_assert_ptr_null (codes_only->staying_put_end);
}
END_TEST

START_TEST (test_key_dates_after_move_and_late_entry)
{
  PathwaysPersonFacts *p = add_person ("Test Person", "2009-06-15");
  g_autoptr(PathwaysKeyDates) moved = NULL;
  g_autoptr(PathwaysKeyDates) late = NULL;

  /* Moved after the last review: the review is due on the move */
  p->pathway_plan_review_date = "2026-07-01";
  add_spell (p, NULL, "ended", "2024-01-01", "2026-09-10")->place = "U4";
  add_spell (p, NULL, "current", "2026-09-10", NULL)->accom = "D";
  moved = pathways_rules_key_dates (p, NULL, "2026-11-22");
  ck_assert_str_eq (moved->pathway_plan_review_due, "2026-09-10");

  /* Came into care after 16: assessment due 3 months after becoming eligible */
  p->date_first_looked_after = "2025-10-01";
  late = pathways_rules_key_dates (p, NULL, "2026-11-22");
  ck_assert_str_eq (late->needs_assessment_due, "2026-03-31");
}
END_TEST

START_TEST (test_key_dates_29_february)
{
  PathwaysPersonFacts *p = add_person ("Leap Baby", "2008-02-29");
  g_autoptr(PathwaysKeyDates) d = pathways_rules_key_dates (p, NULL, "2026-01-10");

  ck_assert_str_eq (d->birthday_16, "2024-02-29");
  ck_assert_str_eq (d->birthday_18, "2026-03-01");
  ck_assert_str_eq (d->birthday_21, "2029-03-01");
  ck_assert_str_eq (d->universal_credit_from, "2026-02-01");
  /* OC3 collection year 2025/26: the 18th birthday on 1 March 2026 */
  ck_assert_uint_eq (d->oc3_birthdays->len, 1);
  ck_assert_str_eq (g_ptr_array_index (d->oc3_birthdays, 0), "2026-03-01");
}
END_TEST

/* Working days ------------------------------------------------------- */

static const struct {
  const char *from;
  int         n;
  const char *expected;
} working_days[] = {
  { "2026-11-20", 2, "2026-11-24" },  /* Friday: Monday and Tuesday */
  { "2026-11-23", 2, "2026-11-25" },  /* Monday: Tuesday and Wednesday */
  { "2026-11-21", 2, "2026-11-24" },  /* Saturday */
  { "2026-12-24", 2, "2026-12-30" },  /* Christmas Eve: 25th and 28th are bank holidays */
  { "2026-08-28", 1, "2026-09-01" },  /* Friday before the August bank holiday */
};

START_TEST (test_working_days)
{
  g_autofree char *got = pathways_rules_add_working_days (w.settings, working_days[_i].from, working_days[_i].n);
  ck_assert_str_eq (got, working_days[_i].expected);
}
END_TEST

/* Eligibility -------------------------------------------------------- */

START_TEST (test_staying_put_needs_foster_at_18)
{
  PathwaysPersonFacts *foster = add_person ("Foster Child", "2008-11-22");
  PathwaysPersonFacts *resi = add_person ("Residential Child", "2008-11-22");
  PathwaysUnitFacts *household = add_unit ("The Reid household", "staying_put", 18, 21);
  g_autoptr(PathwaysEligibility) ok = NULL;
  g_autoptr(PathwaysEligibility) refused = NULL;
  g_autoptr(PathwaysEligibility) too_early = NULL;
  g_autoptr(PathwaysEligibility) too_late = NULL;

  add_spell (foster, household, "current", "2020-01-01", "2026-11-22")->place = "U4";
  add_spell (resi, NULL, "current", "2020-01-01", "2026-11-22")->place = "K2";

  ok = pathways_rules_check_unit (w.settings, foster, household, w.people, "2026-11-22", 0);
  ck_assert_int_eq (ok->verdict, PATHWAYS_VERDICT_ELIGIBLE);

  refused = pathways_rules_check_unit (w.settings, resi, household, w.people, "2026-11-22", 0);
  ck_assert_int_eq (refused->verdict, PATHWAYS_VERDICT_NOT_ELIGIBLE);
  ck_assert (has_reason (refused, "staying-put-foster"));

  too_early = pathways_rules_check_unit (w.settings, foster, household, w.people, "2026-11-21", 0);
  ck_assert (has_reason (too_early, "staying-put-age"));
  too_late = pathways_rules_check_unit (w.settings, foster, household, w.people, "2029-11-22", 0);
  ck_assert (has_reason (too_late, "staying-put-age"));
}
END_TEST

/* Staying Put is with their own former foster carers: another carers'
 * household is refused, and a placement that names no household warns */
START_TEST (test_staying_put_own_carers_only)
{
  PathwaysPersonFacts *foster = add_person ("Foster Child", "2008-11-22");
  PathwaysPersonFacts *unknown = add_person ("Unknown Carers", "2008-11-22");
  PathwaysUnitFacts *own = add_unit ("The Reid household", "staying_put", 18, 21);
  PathwaysUnitFacts *other = add_unit ("The Walsh household", "staying_put", 18, 21);
  g_autoptr(PathwaysEligibility) at_own = NULL;
  g_autoptr(PathwaysEligibility) at_other = NULL;
  g_autoptr(PathwaysEligibility) unnamed = NULL;

  add_spell (foster, own, "current", "2020-01-01", "2026-11-22")->place = "U4";
  add_spell (unknown, NULL, "current", "2020-01-01", "2026-11-22")->place = "U4";

  at_own = pathways_rules_check_unit (w.settings, foster, own, w.people, "2026-11-22", 0);
  ck_assert_int_eq (at_own->verdict, PATHWAYS_VERDICT_ELIGIBLE);
  at_other = pathways_rules_check_unit (w.settings, foster, other, w.people, "2026-11-22", 0);
  ck_assert_int_eq (at_other->verdict, PATHWAYS_VERDICT_NOT_ELIGIBLE);
  ck_assert (has_reason (at_other, "staying-put-own-carers"));
  unnamed = pathways_rules_check_unit (w.settings, unknown, other, w.people, "2026-11-22", 0);
  ck_assert_int_eq (unnamed->verdict, PATHWAYS_VERDICT_WARNINGS);
  ck_assert (has_reason (unnamed, "staying-put-own-carers"));
}
END_TEST

/* Bed and breakfast is never for a 16 or 17 year old */
START_TEST (test_bed_and_breakfast_never_16_17)
{
  PathwaysPersonFacts *p = add_person ("Seventeen", "2009-06-01");
  PathwaysUnitFacts *bnb = add_unit ("Station Road Guest House", "bed_and_breakfast", 16, 0);
  g_autoptr(PathwaysEligibility) at17 = pathways_rules_check_unit (w.settings, p, bnb, w.people, "2026-11-20", 0);
  g_autoptr(PathwaysEligibility) at18 = pathways_rules_check_unit (w.settings, p, bnb, w.people, "2027-06-02", 0);

  ck_assert_int_eq (at17->verdict, PATHWAYS_VERDICT_NOT_ELIGIBLE);
  ck_assert (has_reason (at17, "emergency-16-17"));
  ck_assert_int_eq (at18->verdict, PATHWAYS_VERDICT_WARNINGS);
  ck_assert (!has_reason (at18, "emergency-16-17"));
}
END_TEST

START_TEST (test_supported_registration_16_17)
{
  PathwaysPersonFacts *p = add_person ("Sixteen", "2010-01-01");
  PathwaysUnitFacts *reg = add_unit ("Registered", "supported", 16, 21);
  PathwaysUnitFacts *unreg = add_unit ("Unregistered", "supported", 16, 21);
  g_autoptr(PathwaysEligibility) a = NULL;
  g_autoptr(PathwaysEligibility) b = NULL;
  g_autoptr(PathwaysEligibility) before = NULL;

  unreg->registration = "not_registered";
  unreg->ofsted_urn = NULL;
  a = pathways_rules_check_unit (w.settings, p, reg, w.people, "2026-11-22", 0);
  b = pathways_rules_check_unit (w.settings, p, unreg, w.people, "2026-11-22", 0);
  ck_assert_int_eq (a->verdict, PATHWAYS_VERDICT_ELIGIBLE);
  ck_assert_int_eq (b->verdict, PATHWAYS_VERDICT_NOT_ELIGIBLE);
  ck_assert (has_reason (b, "supported-registration"));
  ck_assert (strstr (((PathwaysReason *) g_ptr_array_index (b->reasons, 0))->text, "28/10/2023") != NULL);

  /* Before the regulations the same unit was allowed for a 16-year-old */
  p->date_of_birth = "2007-01-01";
  before = pathways_rules_check_unit (w.settings, p, unreg, w.people, "2023-10-27", 0);
  ck_assert (!has_reason (before, "supported-registration"));
}
END_TEST

START_TEST (test_age_rules)
{
  PathwaysPersonFacts *p = add_person ("Fifteen", "2011-06-01");
  PathwaysUnitFacts *flat = add_unit ("Council flat", "council", 18, 25);
  PathwaysUnitFacts *supported = add_unit ("Supported", "supported", 16, 17);
  g_autoptr(PathwaysEligibility) under16 = pathways_rules_check_unit (w.settings, p, supported, w.people, "2026-11-22", 0);
  g_autoptr(PathwaysEligibility) at16 = pathways_rules_check_unit (w.settings, p, supported, w.people, "2027-06-01", 0);
  g_autoptr(PathwaysEligibility) tenancy17 = pathways_rules_check_unit (w.settings, p, flat, w.people, "2028-12-01", 0);
  g_autoptr(PathwaysEligibility) tenancy18 = NULL;
  g_autoptr(PathwaysEligibility) too_old = pathways_rules_check_unit (w.settings, p, supported, w.people, "2029-06-01", 0);

  ck_assert (has_reason (under16, "unregulated-under-16"));
  ck_assert_int_eq (at16->verdict, PATHWAYS_VERDICT_ELIGIBLE);
  ck_assert (has_reason (tenancy17, "tenancy-from-18"));
  ck_assert (has_reason (tenancy17, "unit-age-range"));
  ck_assert (has_reason (too_old, "unit-age-range"));

  /* From 18, with milestones done, a tenancy is fine */
  p->milestones_total[1] = p->milestones_done[1] = 4;
  tenancy18 = pathways_rules_check_unit (w.settings, p, flat, w.people, "2029-06-01", 0);
  ck_assert_int_eq (tenancy18->verdict, PATHWAYS_VERDICT_ELIGIBLE);
}
END_TEST

START_TEST (test_bed_and_breakfast_warns)
{
  PathwaysPersonFacts *p = add_person ("Emergency", "2007-01-01");
  PathwaysUnitFacts *bnb = add_unit ("Station Road Guest House", "bed_and_breakfast", 16, 0);
  g_autoptr(PathwaysEligibility) e = pathways_rules_check_unit (w.settings, p, bnb, w.people, "2026-11-20", 0);

  ck_assert_int_eq (e->verdict, PATHWAYS_VERDICT_WARNINGS);
  ck_assert (has_reason (e, "emergency-limit"));
  ck_assert_msg (strstr (((PathwaysReason *) g_ptr_array_index (e->reasons, 0))->text, "24/11/2026") != NULL,
                 "%s", ((PathwaysReason *) g_ptr_array_index (e->reasons, 0))->text);
}
END_TEST

START_TEST (test_overlapping_booking)
{
  PathwaysPersonFacts *a = add_person ("Amara Okafor", "2006-01-01");
  PathwaysPersonFacts *b = add_person ("Ben Barker", "2006-01-01");
  PathwaysUnitFacts *flat = add_unit ("Flat 3", "council", 18, 25);
  PathwaysSpellFacts *mine;
  g_autoptr(PathwaysEligibility) e = NULL;
  g_autoptr(PathwaysEligibility) after = NULL;
  g_autoptr(PathwaysEligibility) ignored = NULL;

  a->milestones_total[1] = a->milestones_done[1] = 1;
  b->milestones_total[1] = b->milestones_done[1] = 1;
  mine = add_spell (a, flat, "current", "2026-01-01", "2027-01-15");
  e = pathways_rules_check_unit (w.settings, b, flat, w.people, "2026-12-01", 0);
  ck_assert_int_eq (e->verdict, PATHWAYS_VERDICT_NOT_ELIGIBLE);
  ck_assert (has_reason (e, "unit-booked"));
  ck_assert (strstr (((PathwaysReason *) g_ptr_array_index (e->reasons, 0))->text, "Amara Okafor") != NULL);

  /* Free on the day Amara moves out */
  after = pathways_rules_check_unit (w.settings, b, flat, w.people, "2027-01-15", 0);
  ck_assert (!has_reason (after, "unit-booked"));
  /* Rescheduling Amara's own spell does not count against itself */
  ignored = pathways_rules_check_unit (w.settings, b, flat, w.people, "2026-12-01", mine->id);
  ck_assert (!has_reason (ignored, "unit-booked"));
}
END_TEST

START_TEST (test_staying_close_scope)
{
  PathwaysPersonFacts *resi = add_person ("Residential", "2007-01-01");
  PathwaysPersonFacts *foster = add_person ("Foster", "2007-01-01");
  PathwaysUnitFacts *close = add_unit ("Staying Close flat", "staying_close", 18, 25);
  g_autoptr(PathwaysEligibility) a = NULL;
  g_autoptr(PathwaysEligibility) b = NULL;
  g_autoptr(PathwaysEligibility) c = NULL;

  resi->last_placement = "K2";
  foster->last_placement = "U4";
  a = pathways_rules_check_unit (w.settings, resi, close, w.people, "2026-11-22", 0);
  b = pathways_rules_check_unit (w.settings, foster, close, w.people, "2026-11-22", 0);
  ck_assert_int_eq (a->verdict, PATHWAYS_VERDICT_ELIGIBLE);
  ck_assert (has_reason (b, "staying-close-residential"));

  w.settings->staying_close_all = TRUE;
  c = pathways_rules_check_unit (w.settings, foster, close, w.people, "2026-11-22", 0);
  ck_assert_int_eq (c->verdict, PATHWAYS_VERDICT_ELIGIBLE);
}
END_TEST

START_TEST (test_unit_void_and_readiness)
{
  PathwaysPersonFacts *p = add_person ("Ready?", "2005-01-01");
  PathwaysUnitFacts *flat = add_unit ("Flat 9", "housing_association", 18, 25);
  g_autoptr(PathwaysEligibility) unready = NULL;
  g_autoptr(PathwaysEligibility) void_ = NULL;

  /* practical weighs 2: 1 of 2 practical done, 2 of 2 finance done … */
  p->milestones_total[2] = 2;   /* practical */
  p->milestones_done[2] = 0;
  p->milestones_total[3] = 2;   /* finance */
  p->milestones_done[3] = 2;
  ck_assert_int_eq (pathways_rules_readiness (w.settings, p), 50);
  unready = pathways_rules_check_unit (w.settings, p, flat, w.people, "2026-11-22", 0);
  ck_assert_int_eq (unready->verdict, PATHWAYS_VERDICT_WARNINGS);
  ck_assert (has_reason (unready, "readiness"));

  flat->status = "void";
  flat->status_from = "2026-11-01";
  flat->status_to = "2026-12-01";
  void_ = pathways_rules_check_unit (w.settings, p, flat, w.people, "2026-11-22", 0);
  ck_assert (has_reason (void_, "unit-void"));
}
END_TEST

/* Alerts: each one raised, and not ---------------------------------- */

START_TEST (test_alert_cliff_edge)
{
  PathwaysPersonFacts *p = add_person ("Nearly Eighteen", "2009-01-20");
  PathwaysUnitFacts *flat = add_unit ("Supported flat", "supported", 16, 25);
  PathwaysSpellFacts *planned;
  PathwaysTransitionFacts *move;

  add_spell (p, NULL, "current", "2020-01-01", "2027-01-20")->place = "U4";
  assert_alert (p, "2026-11-22", PATHWAYS_ALERT_CLIFF_EDGE, PATHWAYS_SEVERITY_HIGH);
  /* Five months before: medium; seven months before: none yet */
  assert_alert (p, "2026-08-22", PATHWAYS_ALERT_CLIFF_EDGE, PATHWAYS_SEVERITY_MEDIUM);
  assert_no_alert (p, "2026-06-01", PATHWAYS_ALERT_CLIFF_EDGE);

  /* A proposed move is not enough … */
  planned = add_spell (p, flat, "planned", "2027-01-20", NULL);
  planned->accom = "D";
  move = add_move (p, flat, planned, "2027-01-20", "proposed");
  assert_alert (p, "2026-11-22", PATHWAYS_ALERT_CLIFF_EDGE, PATHWAYS_SEVERITY_HIGH);
  /* … a confirmed one is */
  move->state = "confirmed";
  assert_no_alert (p, "2026-11-22", PATHWAYS_ALERT_CLIFF_EDGE);
}
END_TEST

START_TEST (test_alert_needs_assessment)
{
  PathwaysPersonFacts *p = add_person ("Sixteen", "2010-05-01");

  p->needs_assessment_date = NULL;
  assert_no_alert (p, "2026-07-31", PATHWAYS_ALERT_NEEDS_ASSESSMENT);   /* due 01/08/2026 */
  assert_no_alert (p, "2026-08-01", PATHWAYS_ALERT_NEEDS_ASSESSMENT);
  assert_alert (p, "2026-08-02", PATHWAYS_ALERT_NEEDS_ASSESSMENT, PATHWAYS_SEVERITY_HIGH);
  p->needs_assessment_date = "2026-07-15";
  assert_no_alert (p, "2026-11-22", PATHWAYS_ALERT_NEEDS_ASSESSMENT);
}
END_TEST

START_TEST (test_alert_plan_review)
{
  PathwaysPersonFacts *p = add_person ("Nineteen", "2007-05-01");

  p->date_care_ended = "2025-05-01";
  p->pathway_plan_review_date = "2026-05-22";
  assert_no_alert (p, "2026-11-22", PATHWAYS_ALERT_PLAN_REVIEW);   /* due on 22/11 itself */
  assert_alert (p, "2026-11-23", PATHWAYS_ALERT_PLAN_REVIEW, PATHWAYS_SEVERITY_MEDIUM);
  assert_alert (p, "2027-03-01", PATHWAYS_ALERT_PLAN_REVIEW, PATHWAYS_SEVERITY_HIGH);
  /* Qualifying care leavers have no pathway plan */
  p->days_since_14 = 40;
  p->days_since_16 = 40;
  assert_no_alert (p, "2026-12-01", PATHWAYS_ALERT_PLAN_REVIEW);
}
END_TEST

START_TEST (test_alert_contact)
{
  PathwaysPersonFacts *p = add_person ("Nineteen", "2007-05-01");

  p->date_care_ended = "2025-05-01";
  p->last_contact_date = "2026-09-27";   /* + 56 days = 22/11 */
  assert_no_alert (p, "2026-11-22", PATHWAYS_ALERT_CONTACT);
  assert_alert (p, "2026-11-23", PATHWAYS_ALERT_CONTACT, PATHWAYS_SEVERITY_MEDIUM);
  p->last_contact_date = NULL;
  assert_alert (p, "2026-11-22", PATHWAYS_ALERT_CONTACT, PATHWAYS_SEVERITY_MEDIUM);
}
END_TEST

START_TEST (test_alert_milestones)
{
  PathwaysPersonFacts *p = add_person ("Seventeen", "2009-05-01");

  assert_no_alert (p, "2026-11-22", PATHWAYS_ALERT_MILESTONE);
  p->milestones_overdue = 2;
  p->first_overdue_name = "Bank account opened";
  p->first_overdue_due = "2026-10-01";
  {
    g_autoptr(GPtrArray) al = alerts_of (p, "2026-11-22");
    const PathwaysAlertFacts *a = find_alert (al, PATHWAYS_ALERT_MILESTONE);
    ck_assert_ptr_nonnull (a);
    ck_assert_str_eq (a->text, "2 milestones overdue, the first “Bank account opened” due on 01/10/2026.");
  }
}
END_TEST

START_TEST (test_alert_gap)
{
  PathwaysPersonFacts *p = add_person ("Twenty", "2006-05-01");
  PathwaysUnitFacts *flat = add_unit ("Supported flat", "supported", 16, 25);
  PathwaysUnitFacts *next = add_unit ("Council flat", "council", 18, 25);

  p->date_care_ended = "2024-05-01";
  add_spell (p, flat, "current", "2025-01-01", "2026-12-10");
  assert_alert (p, "2026-11-22", PATHWAYS_ALERT_GAP, PATHWAYS_SEVERITY_HIGH);
  assert_alert (p, "2026-10-01", PATHWAYS_ALERT_GAP, PATHWAYS_SEVERITY_MEDIUM);
  add_spell (p, next, "planned", "2026-12-10", NULL);
  assert_no_alert (p, "2026-11-22", PATHWAYS_ALERT_GAP);
}
END_TEST

START_TEST (test_alert_emergency_two_working_days)
{
  PathwaysPersonFacts *p = add_person ("Emergency", "2007-05-01");
  PathwaysUnitFacts *bnb = add_unit ("Guest House", "bed_and_breakfast", 16, 0);
  PathwaysSpellFacts *s;

  p->date_care_ended = "2025-05-01";
  s = add_spell (p, bnb, "current", "2026-11-20", NULL);   /* a Friday */
  s->accom = "W";
  s->suitable = FALSE;
  assert_alert (p, "2026-11-24", PATHWAYS_ALERT_EMERGENCY, PATHWAYS_SEVERITY_MEDIUM);   /* Tuesday: 2 used */
  assert_alert (p, "2026-11-25", PATHWAYS_ALERT_EMERGENCY, PATHWAYS_SEVERITY_HIGH);     /* Wednesday: 3 */
  /* B&B is reported as B&B, not also as "unsuitable" */
  assert_no_alert (p, "2026-11-25", PATHWAYS_ALERT_UNSUITABLE);

  /* Over Christmas: 25th and 28th are bank holidays */
  s->start = "2026-12-24";
  assert_alert (p, "2026-12-30", PATHWAYS_ALERT_EMERGENCY, PATHWAYS_SEVERITY_MEDIUM);
  assert_alert (p, "2026-12-31", PATHWAYS_ALERT_EMERGENCY, PATHWAYS_SEVERITY_HIGH);

  /* Not in B&B: no alert */
  s->accom = "U";
  s->suitable = TRUE;
  s->unit_id = 0;
  assert_no_alert (p, "2026-12-31", PATHWAYS_ALERT_EMERGENCY);
}
END_TEST

START_TEST (test_alert_unsuitable)
{
  PathwaysPersonFacts *p = add_person ("Homeless", "2006-05-01");
  PathwaysSpellFacts *s;

  p->date_care_ended = "2024-05-01";
  s = add_spell (p, NULL, "current", "2026-10-01", NULL);
  s->accom = "S";
  s->suitable = FALSE;
  assert_alert (p, "2026-11-22", PATHWAYS_ALERT_UNSUITABLE, PATHWAYS_SEVERITY_HIGH);
  s->accom = "U";
  s->suitable = TRUE;
  assert_no_alert (p, "2026-11-22", PATHWAYS_ALERT_UNSUITABLE);
}
END_TEST

START_TEST (test_alert_unregistered_p2)
{
  PathwaysPersonFacts *p = add_person ("Seventeen", "2006-05-01");
  PathwaysSpellFacts *s = add_spell (p, NULL, "current", "2023-01-01", NULL);

  /* Independent living (P2) for a 17-year-old was allowed until 28/10/2023 */
  s->place = "P2";
  assert_no_alert (p, "2023-10-27", PATHWAYS_ALERT_UNREGISTERED);
  assert_alert (p, "2023-10-28", PATHWAYS_ALERT_UNREGISTERED, PATHWAYS_SEVERITY_HIGH);
  s->place = "U4";
  assert_no_alert (p, "2023-10-28", PATHWAYS_ALERT_UNREGISTERED);
}
END_TEST

START_TEST (test_alert_unregulated_under_16)
{
  PathwaysPersonFacts *p = add_person ("Fifteen", "2011-06-01");
  PathwaysUnitFacts *supported = add_unit ("Supported", "supported", 16, 21);
  PathwaysSpellFacts *s = add_spell (p, supported, "current", "2026-10-01", NULL);

  assert_alert (p, "2026-11-22", PATHWAYS_ALERT_UNREGULATED_UNDER16, PATHWAYS_SEVERITY_HIGH);
  s->unit_id = 0;
  s->place = "U4";
  assert_no_alert (p, "2026-11-22", PATHWAYS_ALERT_UNREGULATED_UNDER16);
}
END_TEST

START_TEST (test_alert_staying_put_ending)
{
  PathwaysPersonFacts *p = add_person ("Twenty", "2006-03-22");
  PathwaysUnitFacts *household = add_unit ("The Reid household", "staying_put", 18, 21);
  PathwaysUnitFacts *flat = add_unit ("Council flat", "council", 18, 25);

  p->date_care_ended = "2024-03-22";
  add_spell (p, household, "current", "2024-03-22", "2027-03-22")->accom = "Z";
  assert_alert (p, "2026-11-22", PATHWAYS_ALERT_STAYING_PUT_ENDING, PATHWAYS_SEVERITY_MEDIUM);
  assert_alert (p, "2027-01-01", PATHWAYS_ALERT_STAYING_PUT_ENDING, PATHWAYS_SEVERITY_HIGH);
  assert_no_alert (p, "2026-08-01", PATHWAYS_ALERT_STAYING_PUT_ENDING);
  add_spell (p, flat, "planned", "2027-03-22", NULL);
  assert_no_alert (p, "2026-11-22", PATHWAYS_ALERT_STAYING_PUT_ENDING);
}
END_TEST

START_TEST (test_alert_uasc)
{
  PathwaysPersonFacts *p = add_person ("Arrived", "2008-01-01");

  p->uasc = TRUE;
  p->age_assessment = "pending";
  assert_alert (p, "2026-11-22", PATHWAYS_ALERT_AGE_ASSESSMENT, PATHWAYS_SEVERITY_MEDIUM);
  p->age_assessment = "accepted";
  assert_no_alert (p, "2026-11-22", PATHWAYS_ALERT_AGE_ASSESSMENT);

  p->are_date = "2026-10-01";
  p->appeal_stage = "exhausted";
  assert_alert (p, "2026-11-22", PATHWAYS_ALERT_ARE_NO_HRA, PATHWAYS_SEVERITY_HIGH);
  p->human_rights_assessment_date = "2026-09-01";   /* before ARE: does not count */
  assert_alert (p, "2026-11-22", PATHWAYS_ALERT_ARE_NO_HRA, PATHWAYS_SEVERITY_HIGH);
  p->human_rights_assessment_date = "2026-10-20";
  assert_no_alert (p, "2026-11-22", PATHWAYS_ALERT_ARE_NO_HRA);
}
END_TEST

/* 16 and 17 year olds: bed and breakfast blocks a move, on the day
 * before, of and after the 18th birthday it becomes the adults' emergency
 * rule (at most 2 working days, a warning) */
START_TEST (test_bed_and_breakfast_blocks_under_18)
{
  struct { const char *dob; PathwaysVerdict verdict; gboolean blocked; } cases[] = {
    { "2010-11-22", PATHWAYS_VERDICT_NOT_ELIGIBLE, TRUE },   /* 16th birthday */
    { "2008-11-23", PATHWAYS_VERDICT_NOT_ELIGIBLE, TRUE },   /* 17, 18 tomorrow */
    { "2008-11-22", PATHWAYS_VERDICT_WARNINGS, FALSE },      /* 18th birthday */
    { "2008-11-21", PATHWAYS_VERDICT_WARNINGS, FALSE },      /* 18 and a day */
  };
  PathwaysUnitFacts *bnb = add_unit ("Station Road Guest House", "bed_and_breakfast", 16, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PathwaysPersonFacts *p = add_person ("Young", cases[i].dob);
      g_autoptr(PathwaysEligibility) e = pathways_rules_check_unit (w.settings, p, bnb, w.people, "2026-11-22", 0);

      ck_assert_msg (e->verdict == cases[i].verdict, "born %s: verdict %d", cases[i].dob, e->verdict);
      ck_assert (has_reason (e, "bed-and-breakfast-16-17") == cases[i].blocked);
      ck_assert (has_reason (e, "emergency-limit") == !cases[i].blocked);
      for (guint r = 0; r < e->reasons->len; r++)
        {
          const PathwaysReason *why = g_ptr_array_index (e->reasons, r);
          if (g_str_equal (why->rule, "bed-and-breakfast-16-17"))
            ck_assert (strstr (why->text, "Care Leavers (England) Regulations 2010") != NULL);
        }
    }
}
END_TEST

/* Unregistered supported accommodation for a 16 or 17 year old blocks a
 * move from 28/10/2023 (Supported Accommodation (England) Regulations
 * 2023), not before */
START_TEST (test_unregistered_supported_blocks_from_28_october_2023)
{
  PathwaysPersonFacts *p = add_person ("Seventeen", "2006-06-01");
  PathwaysUnitFacts *u = add_unit ("Unregistered house", "supported", 16, 25);
  struct { const char *date; gboolean blocked; } cases[] = {
    { "2023-10-27", FALSE }, { "2023-10-28", TRUE }, { "2023-10-29", TRUE },
  };

  u->registration = NULL;
  u->ofsted_urn = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PathwaysEligibility) e = pathways_rules_check_unit (w.settings, p, u, w.people, cases[i].date, 0);

      ck_assert_msg (has_reason (e, "supported-registration") == cases[i].blocked, "%s", cases[i].date);
      ck_assert (cases[i].blocked ? e->verdict == PATHWAYS_VERDICT_NOT_ELIGIBLE
                                  : e->verdict != PATHWAYS_VERDICT_NOT_ELIGIBLE);
    }
  u->registration = "registered";
  u->ofsted_urn = "SC123456";
  {
    g_autoptr(PathwaysEligibility) e = pathways_rules_check_unit (w.settings, p, u, w.people, "2023-10-28", 0);
    ck_assert (!has_reason (e, "supported-registration"));
  }
}
END_TEST

/* Appeal rights exhausted without a human rights assessment: an alert
 * from the 18th birthday, not before */
START_TEST (test_alert_are_from_18)
{
  struct { const char *dob; gboolean alert; } cases[] = {
    { "2008-11-23", FALSE }, { "2008-11-22", TRUE }, { "2008-11-21", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PathwaysPersonFacts *p = add_person ("Arrived", cases[i].dob);

      p->uasc = TRUE;
      p->appeal_stage = "exhausted";
      p->are_date = "2026-10-01";
      if (cases[i].alert)
        assert_alert (p, "2026-11-22", PATHWAYS_ALERT_ARE_NO_HRA, PATHWAYS_SEVERITY_HIGH);
      else
        assert_no_alert (p, "2026-11-22", PATHWAYS_ALERT_ARE_NO_HRA);
    }
}
END_TEST

START_TEST (test_alert_double_booked)
{
  PathwaysPersonFacts *a = add_person ("Amara Okafor", "2006-01-01");
  PathwaysPersonFacts *b = add_person ("Ben Barker", "2006-01-01");
  PathwaysUnitFacts *flat = add_unit ("Flat 3", "council", 18, 25);
  PathwaysSpellFacts *bs;

  add_spell (a, flat, "current", "2026-01-01", "2027-01-15");
  bs = add_spell (b, flat, "planned", "2027-01-15", NULL);
  assert_no_alert (a, "2026-11-22", PATHWAYS_ALERT_DOUBLE_BOOKED);
  assert_no_alert (b, "2026-11-22", PATHWAYS_ALERT_DOUBLE_BOOKED);

  bs->start = "2026-12-01";
  assert_alert (a, "2026-11-22", PATHWAYS_ALERT_DOUBLE_BOOKED, PATHWAYS_SEVERITY_HIGH);
  assert_alert (b, "2026-11-22", PATHWAYS_ALERT_DOUBLE_BOOKED, PATHWAYS_SEVERITY_HIGH);
}
END_TEST

START_TEST (test_alert_ineligible_move)
{
  PathwaysPersonFacts *p = add_person ("Seventeen", "2009-06-01");
  PathwaysUnitFacts *flat = add_unit ("Council flat", "council", 18, 25);
  PathwaysUnitFacts *supported = add_unit ("Supported", "supported", 16, 21);
  PathwaysTransitionFacts *t;

  add_spell (p, NULL, "current", "2020-01-01", NULL)->place = "U4";
  t = add_move (p, flat, NULL, "2026-12-20", "confirmed");
  assert_alert (p, "2026-11-22", PATHWAYS_ALERT_INELIGIBLE_MOVE, PATHWAYS_SEVERITY_HIGH);
  t->to_unit_id = supported->id;
  assert_no_alert (p, "2026-11-22", PATHWAYS_ALERT_INELIGIBLE_MOVE);
}
END_TEST

/* The edges of the calendar ------------------------------------------ */

/* 31/12/9999, a common "open-ended" date, used to send the working-day
 * loop round for ever; any number of days is now counted, not walked */
START_TEST (test_working_days_at_the_end_of_the_calendar)
{
  g_autofree char *thursday = pathways_rules_add_working_days (w.settings, "9999-12-30", 1);
  g_autofree char *past = pathways_rules_add_working_days (w.settings, "9999-12-30", 2);
  g_autofree char *wednesday = pathways_rules_add_working_days (w.settings, "9999-12-29", 2);
  g_autofree char *from_last = pathways_rules_add_working_days (w.settings, "9999-12-31", 1);
  g_autofree char *billions = pathways_rules_add_working_days (w.settings, "2026-11-20", G_MAXINT);
  g_autofree char *none = pathways_rules_add_working_days (w.settings, NULL, 2);
  g_autofree char *year_one = pathways_rules_add_working_days (w.settings, "0001-02-01", 2);
  g_autofree char *zero = pathways_rules_add_working_days (w.settings, "2026-11-21", 0);
  g_autofree char *many = pathways_rules_add_working_days (w.settings, "2026-01-01", 261);

  ck_assert_str_eq (thursday, "9999-12-31");
  ck_assert_ptr_null (past);
  ck_assert_str_eq (wednesday, "9999-12-31");
  ck_assert_ptr_null (from_last);
  ck_assert_ptr_null (billions);
  ck_assert_ptr_null (none);
  ck_assert_ptr_null (year_one);
  ck_assert_str_eq (zero, "2026-11-21");
  /* 260 weekdays after 01/01/2026 in 2026, less the world's 3 bank holidays,
   * then Friday 1, Monday 4, Tuesday 5 and Wednesday 6 January 2027 */
  ck_assert_str_eq (many, "2027-01-06");

  /* Every weekday of the calendar but the three bank holidays */
  ck_assert_int_eq (pathways_rules_working_days_between (w.settings, "1900-01-01", "9999-12-31"), 2113186);
  ck_assert_int_eq (pathways_rules_working_days_between (w.settings, "2026-12-24", "2026-12-31"), 3);
  ck_assert_int_eq (pathways_rules_working_days_between (w.settings, "2026-12-31", "2026-12-24"), 0);
  ck_assert_int_eq (pathways_rules_working_days_between (w.settings, "0001-01-01", "2026-12-24"), 0);
  ck_assert_int_eq (pathways_rules_working_days_between (w.settings, NULL, "2026-12-24"), 0);
}
END_TEST

/* The working-day count agrees with walking day by day, across holidays */
START_TEST (test_working_days_counted_as_walked)
{
  const char *from = "2026-08-01";

  for (int n = 0; n <= 180; n++)
    {
      g_autofree char *counted = pathways_rules_add_working_days (w.settings, from, n);
      g_autofree char *day = g_strdup (from);
      int left = n;

      while (left > 0)
        {
          char *next = pathways_date_add_days (day, 1);
          g_free (day);
          day = next;
          if (pathways_rules_is_working_day (w.settings, day))
            left--;
        }
      ck_assert_str_eq (counted, day);
      ck_assert_int_eq (pathways_rules_working_days_between (w.settings, from, day), n);
    }
}
END_TEST

/* Bed and breakfast on the last day there is: the limit is after it */
START_TEST (test_bed_and_breakfast_at_the_end_of_the_calendar)
{
  PathwaysPersonFacts *p = add_person ("Emergency", "9980-01-01");
  PathwaysUnitFacts *bnb = add_unit ("Station Road Guest House", "bed_and_breakfast", 16, 0);
  g_autoptr(PathwaysEligibility) e = pathways_rules_check_unit (w.settings, p, bnb, w.people, "9999-12-31", 0);
  const PathwaysReason *r = NULL;
  PathwaysSpellFacts *s;

  for (guint i = 0; i < e->reasons->len; i++)
    if (g_str_equal (((PathwaysReason *) g_ptr_array_index (e->reasons, i))->rule, "emergency-limit"))
      r = g_ptr_array_index (e->reasons, i);
  ck_assert_ptr_nonnull (r);
  ck_assert_str_eq (r->text, "Bed and breakfast is never suitable: only in an emergency, and for at most 2 "
                             "working days.");

  /* Placed there the day before: one working day used, the limit not reached */
  p->date_care_ended = "9997-01-01";
  s = add_spell (p, bnb, "current", "9999-12-30", NULL);
  s->accom = "W";
  s->suitable = FALSE;
  {
    g_autoptr(GPtrArray) alerts = alerts_of (p, "9999-12-31");
    const PathwaysAlertFacts *a = find_alert (alerts, PATHWAYS_ALERT_EMERGENCY);

    ck_assert_ptr_nonnull (a);
    ck_assert_int_eq (a->severity, PATHWAYS_SEVERITY_MEDIUM);
    ck_assert_str_eq (a->text, "In bed and breakfast since 30/12/9999: must move on within 2 working days.");
  }
}
END_TEST

/* Someone born in 9990 turns 18 after the end of the calendar: no 18th
 * birthday, no cliff edge, no needs assessment due — and no crash */
START_TEST (test_birthdays_after_the_end_of_the_calendar)
{
  PathwaysPersonFacts *p = add_person ("Late", "9990-01-01");
  PathwaysUnitFacts *home = add_unit ("Oak House", "residential", 8, 17);
  PathwaysUnitFacts *sp = add_unit ("The Hendersons", "staying_put", 18, 21);
  g_autoptr(PathwaysKeyDates) d = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(PathwaysEligibility) e = NULL;
  g_autofree char *need = NULL;
  PathwaysSpellFacts *s;

  p->date_first_looked_after = "9995-01-01";
  p->needs_assessment_date = NULL;
  p->pathway_plan_review_date = "9999-10-01";
  p->last_contact_date = "9999-12-01";
  s = add_spell (p, home, "current", "9996-01-01", NULL);
  s->place = "K2";

  d = pathways_rules_key_dates (p, NULL, "9999-12-31");
  ck_assert_ptr_null (d->birthday_16);
  ck_assert_ptr_null (d->birthday_18);
  ck_assert_ptr_null (d->birthday_21);
  ck_assert_ptr_null (d->needs_assessment_due);
  ck_assert_ptr_null (d->universal_credit_from);
  ck_assert_ptr_null (d->next_key_date);
  list = pathways_key_dates_list (d);
  ck_assert_uint_eq (list->len, 0);

  alerts = alerts_of (p, "9999-12-31");
  ck_assert_ptr_null (find_alert (alerts, PATHWAYS_ALERT_CLIFF_EDGE));
  need = pathways_rules_need_date (p, w.units, "9999-12-31");
  ck_assert_str_eq (need, "9999-12-31");

  e = pathways_rules_check_unit (w.settings, p, sp, w.people, "9999-12-31", 0);
  ck_assert_int_eq (e->verdict, PATHWAYS_VERDICT_NOT_ELIGIBLE);
  ck_assert (has_reason (e, "staying-put-age"));
}
END_TEST

/* 01/01/1900, the first day: the collection year started before it */
START_TEST (test_key_dates_on_the_first_day)
{
  PathwaysPersonFacts *p = add_person ("Early", "1900-01-01");
  g_autoptr(PathwaysKeyDates) d = NULL;
  g_autoptr(GPtrArray) alerts = NULL;

  p->date_first_looked_after = "1900-01-01";
  p->needs_assessment_date = NULL;
  p->pathway_plan_review_date = NULL;
  p->last_contact_date = NULL;
  d = pathways_rules_key_dates (p, NULL, "1900-01-01");
  ck_assert_str_eq (d->birthday_18, "1918-01-01");
  ck_assert_uint_eq (d->oc3_birthdays->len, 0);
  alerts = alerts_of (p, "1900-01-01");
  ck_assert_ptr_nonnull (find_alert (alerts, PATHWAYS_ALERT_GAP));
}
END_TEST

/* Every rule for every kind of unit, on the days at both ends of the
 * calendar and beside them, for people born at both ends: each answer
 * in whole words (no empty date left in a sentence), nothing crashes */
START_TEST (test_rules_across_the_calendar)
{
  static const char * const days[] = { "1900-01-01", "1900-02-28", "1900-03-01", "1918-01-01",
                                       "2026-11-22", "9999-06-30", "9999-12-30", "9999-12-31" };
  static const char * const births[] = { "1900-01-01", "1902-02-28", "2008-02-29", "9980-02-29",
                                         "9999-12-31" };
  const PathwaysVocabEntry *kinds;
  guint n_kinds;
  g_autoptr(GPtrArray) units = g_ptr_array_new ();

  kinds = pathways_vocab_entries (PATHWAYS_VOCAB_UNIT_KIND, &n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    {
      PathwaysUnitFacts *u = add_unit (kinds[k].code, kinds[k].code, 16, 0);
      u->status = "void";
      u->status_from = "9999-12-01";
      u->status_to = "9999-12-31";
      g_ptr_array_add (units, u);
    }

  for (guint b = 0; b < G_N_ELEMENTS (births); b++)
    {
      PathwaysPersonFacts *p = add_person ("Edge", births[b]);
      PathwaysSpellFacts *s;

      p->date_first_looked_after = births[b];
      p->pathway_plan_review_date = births[b];
      p->last_contact_date = births[b];
      p->needs_assessment_date = NULL;
      s = add_spell (p, g_ptr_array_index (units, b % units->len), "current", births[b], "9999-12-31");
      s->place = "U1";
      add_spell (p, g_ptr_array_index (units, (b + 1) % units->len), "planned", "9999-12-31", NULL);
      add_move (p, g_ptr_array_index (units, (b + 1) % units->len), NULL, "9999-12-31", "confirmed");

      for (guint d = 0; d < G_N_ELEMENTS (days); d++)
        {
          g_autoptr(GPtrArray) alerts = alerts_of (p, days[d]);
          g_autoptr(PathwaysKeyDates) dates = pathways_rules_key_dates (p, NULL, days[d]);
          g_autoptr(GPtrArray) list = pathways_key_dates_list (dates);
          g_autofree char *need = pathways_rules_need_date (p, w.units, days[d]);
          g_autofree char *why = NULL;

          pathways_rules_care_status (p, days[d], &why);
          ck_assert_ptr_nonnull (why);
          ck_assert (pathways_date_parse_iso (need, NULL));
          for (guint i = 0; i < alerts->len; i++)
            {
              const PathwaysAlertFacts *a = g_ptr_array_index (alerts, i);
              ck_assert_msg (a->due != NULL && pathways_date_parse_iso (a->due, NULL), "%s", a->text);
              ck_assert_msg (strstr (a->text, " .") == NULL && strstr (a->text, "  ") == NULL &&
                             strstr (a->text, "()") == NULL && !g_str_has_suffix (a->text, " "),
                             "%s", a->text);
            }
          for (guint i = 0; i < list->len; i++)
            ck_assert (pathways_date_parse_iso (((PathwaysKeyDate *) g_ptr_array_index (list, i))->date, NULL));

          for (guint k = 0; k < units->len; k++)
            {
              g_autoptr(PathwaysMatch) m = pathways_rules_match (w.settings, p, g_ptr_array_index (units, k),
                                                                 w.units, w.people, days[d], days[d]);
              g_autofree char *from = pathways_rules_unit_free_from (g_ptr_array_index (units, k), days[d]);

              ck_assert_ptr_nonnull (m);
              for (guint i = 0; i < m->reasons->len; i++)
                {
                  const PathwaysReason *r = g_ptr_array_index (m->reasons, i);
                  ck_assert_msg (strstr (r->text, " .") == NULL && strstr (r->text, "()") == NULL &&
                                 strstr (r->text, "  ") == NULL, "%s", r->text);
                }
              ck_assert (from == NULL || pathways_date_parse_iso (from, NULL));
            }
        }
    }
}
END_TEST

/* A date of birth from before the calendar (written by another tool into
 * an old database): said so, not computed with */
START_TEST (test_date_of_birth_outside_the_calendar)
{
  PathwaysPersonFacts *p = add_person ("Old Record", "0001-02-01");
  PathwaysUnitFacts *flat = add_unit ("Flat 3", "council", 18, 25);
  g_autoptr(PathwaysEligibility) e = pathways_rules_check_unit (w.settings, p, flat, w.people, "2026-11-22", 0);
  g_autoptr(GPtrArray) alerts = alerts_of (p, "2026-11-22");
  g_autofree char *why = NULL;

  ck_assert_int_eq (pathways_rules_care_status (p, "2026-11-22", &why), PATHWAYS_CARE_STATUS_NONE);
  ck_assert_str_eq (why, "Not known: the date of birth is not a date Pathways can work with.");
  ck_assert_int_eq (e->verdict, PATHWAYS_VERDICT_NOT_ELIGIBLE);
  ck_assert (has_reason (e, "date-of-birth"));
  ck_assert_uint_eq (alerts->len, 0);
}
END_TEST

/* Readiness is a whole percentage whatever the weights hold */
START_TEST (test_readiness_with_unusable_weights)
{
  PathwaysPersonFacts *p = add_person ("Weighed", "2007-01-01");

  p->milestones_done[1] = 3;
  p->milestones_total[1] = 4;
  ck_assert_int_eq (pathways_rules_readiness (w.settings, p), 75);
  w.settings->readiness_weights[1] = NAN;
  ck_assert_int_eq (pathways_rules_readiness (w.settings, p), -1);
  w.settings->readiness_weights[1] = INFINITY;
  ck_assert_int_eq (pathways_rules_readiness (w.settings, p), -1);
  w.settings->readiness_weights[1] = -1;
  ck_assert_int_eq (pathways_rules_readiness (w.settings, p), -1);
  w.settings->readiness_weights[1] = 1e308;
  p->milestones_done[2] = 1;
  p->milestones_total[2] = 1;
  w.settings->readiness_weights[2] = 1e308;
  ck_assert_int_eq (pathways_rules_readiness (w.settings, p), -1);
}
END_TEST

/* Through the store: settings, snapshot, list model ------------------ */

START_TEST (test_store_alerts_and_settings)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(PathwaysStore) store = test_open_store (dir, "alerts.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0900");
  g_autoptr(GListModel) alerts = NULL;
  g_autoptr(GListModel) later = NULL;
  g_autoptr(PathwaysRecord) first = NULL;
  g_autofree char *interval = NULL;

  /* 18 in May 2026; care ended then; last contact 1 October */
  g_object_set (yp, "date-care-ended", "2026-05-14",
                "pathway-plan-review-date", "2026-09-01", "needs-assessment-date", "2024-07-01", NULL);
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_no_error (error);
  {
    g_autoptr(PathwaysContact) c = g_object_new (PATHWAYS_TYPE_CONTACT, "young-person-id",
                                                 pathways_record_get_id (PATHWAYS_RECORD (yp)),
                                                 "contact-date", "2026-10-01", "kind", "visit", NULL);
    ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (c), &error));
    ck_assert_no_error (error);
  }

  alerts = pathways_store_load_alerts (store, "2026-11-22", 0, &error);
  ck_assert_no_error (error);
  /* No accommodation recorded (high) and contact 52 days ago (fine with 8 weeks) */
  ck_assert_uint_eq (g_list_model_get_n_items (alerts), 1);
  first = g_list_model_get_item (alerts, 0);
  ck_assert_str_eq (pathways_record_get_string (first, "kind"), PATHWAYS_ALERT_GAP);
  ck_assert_str_eq (pathways_record_get_string (first, "person-name"), "Amara Okafor");

  /* A stricter contact interval is a setting, not code */
  ck_assert (pathways_store_set_setting (store, "contact_interval_days", "28", &error));
  interval = pathways_store_dup_setting (store, "contact_interval_days");
  ck_assert_str_eq (interval, "28");
  later = pathways_store_load_alerts (store, "2026-11-22", 0, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (later), 2);

  /* Unknown settings are refused; changes are audited */
  ck_assert (!pathways_store_set_setting (store, "no_such_thing", "1", &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND));
  {
    g_autoptr(GListModel) audit = pathways_store_list_audit (store, "setting", 0, NULL);
    ck_assert_uint_ge (g_list_model_get_n_items (audit), 1);
  }
  test_remove_dir (dir);
}
END_TEST

START_TEST (test_demo_caseload_has_rules)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(PathwaysStore) store = test_open_store (dir, "demo.db");
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GListModel) alerts = NULL;
  guint with_status = 0, with_alerts = 0;

  ck_assert (pathways_generate (store, PATHWAYS_GENERATE_DEMO, 2026, TEST_TODAY, NULL, NULL));
  rows = pathways_store_load_caseload (store, TEST_TODAY, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PathwaysRecord) row = g_list_model_get_item (rows, i);
      with_status += pathways_record_get_string (row, "status-label") != NULL;
      with_alerts += pathways_record_get_int (row, "alert-count") > 0;
      ck_assert_int_le (pathways_record_get_int (row, "readiness"), 100);
    }
  ck_assert_uint_eq (with_status, 60);
  ck_assert_uint_gt (with_alerts, 5);

  /* Sorted worst first */
  alerts = pathways_store_load_alerts (store, TEST_TODAY, 0, NULL);
  for (guint i = 1; i < g_list_model_get_n_items (alerts); i++)
    {
      g_autoptr(PathwaysRecord) a = g_list_model_get_item (alerts, i - 1);
      g_autoptr(PathwaysRecord) b = g_list_model_get_item (alerts, i);
      ck_assert_int_ge (pathways_record_get_int (a, "severity"), pathways_record_get_int (b, "severity"));
    }
  test_remove_dir (dir);
}
END_TEST

/* What each caseload row shows of the rules (one pass of them per young
 * person) is what the full computation gives: the care status, the next
 * key date, the readiness, and the count and worst of everyone's alerts
 * from pathways_store_load_alerts() */
static void
assert_caseload_agrees (PathwaysStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = pathways_store_load_caseload (store, TEST_TODAY, &error);
  g_autoptr(GListModel) alerts = pathways_store_load_alerts (store, TEST_TODAY, 0, &error);
  g_autoptr(PathwaysSnapshot) snap = pathways_snapshot_load (store, TEST_TODAY, &error);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) worst = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint with_alerts = 0;

  ck_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (alerts); i++)
    {
      g_autoptr(PathwaysRecord) a = g_list_model_get_item (alerts, i);
      gint64 id = pathways_record_get_int (a, "young-person-id");
      int severity = (int) pathways_record_get_int (a, "severity");

      if (severity == PATHWAYS_SEVERITY_INFO)
        continue;
      g_hash_table_replace (counts, g_memdup2 (&id, sizeof id),
                            GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (counts, &id)) + 1));
      g_hash_table_replace (worst, g_memdup2 (&id, sizeof id),
                            GINT_TO_POINTER (MAX (GPOINTER_TO_INT (g_hash_table_lookup (worst, &id)), severity)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PathwaysRecord) row = g_list_model_get_item (rows, i);
      gint64 id = pathways_record_get_id (row);
      const PathwaysPersonFacts *p = pathways_snapshot_get_person (snap, id);
      g_autoptr(PathwaysKeyDates) dates = NULL;
      g_autofree char *why = NULL;
      PathwaysCareStatus status;

      ck_assert_ptr_nonnull (p);
      status = pathways_rules_care_status (p, TEST_TODAY, &why);
      dates = pathways_rules_key_dates (p, pathways_snapshot_get_units (snap), TEST_TODAY);
      ck_assert_str_eq (pathways_record_get_string (row, "status"), pathways_care_status_code (status));
      ck_assert_pstr_eq (pathways_record_get_string (row, "status-explanation"), why);
      ck_assert_pstr_eq (pathways_record_get_string (row, "next-key-date"), dates->next_key_date);
      ck_assert_int_eq (pathways_record_get_int (row, "readiness"),
                        pathways_rules_readiness (pathways_snapshot_get_settings (snap), p));
      ck_assert_int_eq (pathways_record_get_int (row, "alert-count"), GPOINTER_TO_INT (g_hash_table_lookup (counts, &id)));
      ck_assert_int_eq (pathways_record_get_int (row, "alert-severity"), GPOINTER_TO_INT (g_hash_table_lookup (worst, &id)));
      with_alerts += pathways_record_get_int (row, "alert-count") > 0;
    }
  ck_assert_uint_gt (with_alerts, 5);
}

START_TEST (test_caseload_rules_agree)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(PathwaysStore) store = test_open_store (dir, "agree.db");
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GListModel) spells = NULL;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;
  gint64 who;
  guint ended = 0;

  ck_assert (pathways_generate (store, PATHWAYS_GENERATE_DEMO, 2026, TEST_TODAY, NULL, &error));
  assert_caseload_agrees (store);

  /* Edits, recorded for undo: a milestone long overdue and every current
   * spell of the first young person ended (a gap) */
  rows = pathways_store_load_caseload (store, TEST_TODAY, &error);
  {
    g_autoptr(PathwaysRecord) first = g_list_model_get_item (rows, 0);
    who = pathways_record_get_id (first);
  }
  ck_assert (pathways_store_begin_recorded (store, &error));
  {
    g_autoptr(PathwaysMilestone) m = g_object_new (PATHWAYS_TYPE_MILESTONE, "young-person-id", who,
                                                   "name", "Bank account opened", "category", "finance",
                                                   "due-date", "2026-01-05", NULL);
    ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (m), &error));
  }
  spells = pathways_store_list_for_person (store, PATHWAYS_TYPE_SPELL, who, &error);
  for (guint i = 0; i < g_list_model_get_n_items (spells); i++)
    {
      g_autoptr(PathwaysRecord) s = g_list_model_get_item (spells, i);

      if (g_strcmp0 (pathways_record_get_string (s, "state"), "current") != 0)
        continue;
      g_object_set (s, "state", "ended", "actual-end", TEST_TODAY, NULL);
      ck_assert (pathways_store_update (store, s, &error));
      ended++;
    }
  ck_assert (pathways_store_commit_recorded (store, &undo, &error));
  ck_assert_no_error (error);
  assert_caseload_agrees (store);
  {
    g_autoptr(GListModel) after = pathways_store_load_caseload (store, TEST_TODAY, &error);
    g_autoptr(PathwaysRecord) before_row = g_list_model_get_item (rows, 0);
    g_autoptr(PathwaysRecord) after_row = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (after) && after_row == NULL; i++)
      {
        g_autoptr(PathwaysRecord) r = g_list_model_get_item (after, i);
        if (pathways_record_get_id (r) == who)
          after_row = g_steal_pointer (&r);
      }
    ck_assert_ptr_nonnull (after_row);
    ck_assert_int_gt (pathways_record_get_int (after_row, "alert-count"),
                      pathways_record_get_int (before_row, "alert-count"));
  }

  /* Undone: as before */
  ck_assert (pathways_store_undo (store, undo, &error));
  ck_assert_no_error (error);
  assert_caseload_agrees (store);
  test_remove_dir (dir);
}
END_TEST

/* Who may do what: the UI's copy of the server's policies */
START_TEST (test_role_permissions)
{
  static const struct {
    const char *role;
    gboolean    people, private, edit, moves, stock, reference;
  } cases[] = {
    { NULL, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE },   /* the embedded database: one person, everything */
    { "pa", TRUE, TRUE, TRUE, TRUE, FALSE, FALSE },
    { "housing", TRUE, FALSE, FALSE, TRUE, TRUE, FALSE },
    { "manager", TRUE, TRUE, TRUE, TRUE, TRUE, FALSE },
    { "admin", FALSE, FALSE, FALSE, FALSE, FALSE, TRUE },
    { "intruder", FALSE, FALSE, FALSE, FALSE, FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *r = cases[i].role;
      g_autofree char *why = pathways_role_dup_refusal (r, PATHWAYS_MAY_SEE_PRIVATE);

      ck_assert_int_eq (pathways_role_may (r, PATHWAYS_MAY_SEE_PEOPLE), cases[i].people);
      ck_assert_int_eq (pathways_role_may (r, PATHWAYS_MAY_SEE_PRIVATE), cases[i].private);
      ck_assert_int_eq (pathways_role_may (r, PATHWAYS_MAY_EDIT_PEOPLE), cases[i].edit);
      ck_assert_int_eq (pathways_role_may (r, PATHWAYS_MAY_SCHEDULE_MOVES), cases[i].moves);
      ck_assert_int_eq (pathways_role_may (r, PATHWAYS_MAY_EDIT_STOCK), cases[i].stock);
      ck_assert_int_eq (pathways_role_may (r, PATHWAYS_MAY_EDIT_REFERENCE), cases[i].reference);
      /* A refusal says why; an allowed thing has none */
      ck_assert_int_eq (why == NULL, cases[i].private);
    }
  {
    g_autofree char *why = pathways_role_dup_refusal ("housing", PATHWAYS_MAY_SEE_PRIVATE);
    ck_assert_str_eq (why, "Wishes and feelings, notes and milestones are for the young person’s personal "
                           "adviser and managers: housing officers see what matching needs.");
  }
}
END_TEST

static Suite *
rules_suite (void)
{
  Suite *s = suite_create ("rules");
  TCase *status = tcase_create ("status");
  TCase *dates = tcase_create ("dates");
  TCase *elig = tcase_create ("eligibility");
  TCase *alerts = tcase_create ("alerts");
  TCase *store = tcase_create ("store");
  TCase *edges = tcase_create ("edges");

  tcase_add_checked_fixture (status, world_setup, world_teardown);
  tcase_add_loop_test (status, test_status, 0, G_N_ELEMENTS (status_cases));
  tcase_add_test (status, test_qualifying_to_25_in_education);
  tcase_add_test (status, test_status_explanation);
  tcase_add_test (status, test_role_permissions);
  suite_add_tcase (s, status);

  tcase_add_checked_fixture (dates, world_setup, world_teardown);
  tcase_add_test (dates, test_key_dates);
  tcase_add_test (dates, test_key_dates_staying_put_by_unit);
  tcase_add_test (dates, test_key_dates_after_move_and_late_entry);
  tcase_add_test (dates, test_key_dates_29_february);
  tcase_add_loop_test (dates, test_working_days, 0, G_N_ELEMENTS (working_days));
  suite_add_tcase (s, dates);

  tcase_add_checked_fixture (elig, world_setup, world_teardown);
  tcase_add_test (elig, test_staying_put_needs_foster_at_18);
  tcase_add_test (elig, test_staying_put_own_carers_only);
  tcase_add_test (elig, test_bed_and_breakfast_never_16_17);
  tcase_add_test (elig, test_supported_registration_16_17);
  tcase_add_test (elig, test_age_rules);
  tcase_add_test (elig, test_bed_and_breakfast_warns);
  tcase_add_test (elig, test_bed_and_breakfast_blocks_under_18);
  tcase_add_test (elig, test_unregistered_supported_blocks_from_28_october_2023);
  tcase_add_test (elig, test_overlapping_booking);
  tcase_add_test (elig, test_staying_close_scope);
  tcase_add_test (elig, test_unit_void_and_readiness);
  suite_add_tcase (s, elig);

  tcase_add_checked_fixture (alerts, world_setup, world_teardown);
  tcase_add_test (alerts, test_alert_cliff_edge);
  tcase_add_test (alerts, test_alert_needs_assessment);
  tcase_add_test (alerts, test_alert_plan_review);
  tcase_add_test (alerts, test_alert_contact);
  tcase_add_test (alerts, test_alert_milestones);
  tcase_add_test (alerts, test_alert_gap);
  tcase_add_test (alerts, test_alert_emergency_two_working_days);
  tcase_add_test (alerts, test_alert_unsuitable);
  tcase_add_test (alerts, test_alert_unregistered_p2);
  tcase_add_test (alerts, test_alert_unregulated_under_16);
  tcase_add_test (alerts, test_alert_staying_put_ending);
  tcase_add_test (alerts, test_alert_uasc);
  tcase_add_test (alerts, test_alert_are_from_18);
  tcase_add_test (alerts, test_alert_double_booked);
  tcase_add_test (alerts, test_alert_ineligible_move);
  suite_add_tcase (s, alerts);

  tcase_set_timeout (store, 120);
  /* An endless loop fails in seconds, not at the suite's timeout */
  tcase_set_timeout (edges, 10);
  tcase_add_checked_fixture (edges, world_setup, world_teardown);
  tcase_add_test (edges, test_working_days_at_the_end_of_the_calendar);
  tcase_add_test (edges, test_working_days_counted_as_walked);
  tcase_add_test (edges, test_bed_and_breakfast_at_the_end_of_the_calendar);
  tcase_add_test (edges, test_birthdays_after_the_end_of_the_calendar);
  tcase_add_test (edges, test_key_dates_on_the_first_day);
  tcase_add_test (edges, test_rules_across_the_calendar);
  tcase_add_test (edges, test_date_of_birth_outside_the_calendar);
  tcase_add_test (edges, test_readiness_with_unusable_weights);
  suite_add_tcase (s, edges);

  tcase_add_test (store, test_store_alerts_and_settings);
  tcase_add_test (store, test_demo_caseload_has_rules);
  tcase_add_test (store, test_caseload_rules_agree);
  suite_add_tcase (s, store);

  return s;
}

int
main (void)
{
  return test_run_suite (rules_suite ());
}
