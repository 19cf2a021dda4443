/* test-timeline.c — the rows and spans of the manager's timeline, and
 * the filters it shares with the caseload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-util.h"

static char *dir;
static PathwaysStore *store;
static gint64 alison, helen;
static gint64 amara, ben, zoe;
static gint64 bridgeway, flat, bnb;

static gint64
add_unit (const char *name,
          const char *kind)
{
  g_autoptr(PathwaysUnit) u = g_object_new (PATHWAYS_TYPE_UNIT, "name", name, "kind", kind,
                                            "status", "occupied", "min-age", (gint64) 16,
                                            "max-age", (gint64) 25, "in-authority", TRUE, NULL);
  return test_add (store, PATHWAYS_RECORD (u));
}

static gint64
add_person (const char *local_id,
            const char *given,
            const char *family,
            const char *born,
            gint64      pa)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person (local_id);

  g_object_set (yp, "given-name", given, "family-name", family, "date-of-birth", born,
                "pa-id", pa, NULL);
  return test_add (store, PATHWAYS_RECORD (yp));
}

static gint64
add_spell (gint64      who,
           gint64      unit,
           const char *place,
           const char *accom,
           const char *state,
           const char *start,
           const char *planned_end,
           const char *actual_end)
{
  g_autoptr(PathwaysSpell) s = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", who,
                                             "unit-id", unit, "place", place, "accom", accom,
                                             "state", state, "start-date", start,
                                             "planned-end", planned_end, "actual-end", actual_end, NULL);
  return test_add (store, PATHWAYS_RECORD (s));
}

static void
add_milestone (gint64      who,
               const char *name,
               const char *due,
               const char *done)
{
  g_autoptr(PathwaysMilestone) m = g_object_new (PATHWAYS_TYPE_MILESTONE, "young-person-id", who,
                                                 "name", name, "category", "practical",
                                                 "due-date", due, "done-date", done, NULL);
  test_add (store, PATHWAYS_RECORD (m));
}

static void
setup (void)
{
  g_autoptr(PathwaysStaff) a = pathways_staff_new ("Alison Bennett", "pa", "Leaving Care North");
  g_autoptr(PathwaysStaff) h = pathways_staff_new ("Helen Reid", "pa", "Leaving Care South");
  g_autoptr(PathwaysTransition) move = NULL;
  gint64 supported_spell;

  dir = test_make_dir ();
  store = test_open_store (dir, "timeline.db");
  alison = test_add (store, PATHWAYS_RECORD (a));
  helen = test_add (store, PATHWAYS_RECORD (h));
  bridgeway = add_unit ("Bridgeway Support, Larch Road", "supported");
  flat = add_unit ("Flat 3, Canal House", "council");
  bnb = add_unit ("Station Road Guest House", "bed_and_breakfast");

  /* Amara, 18: foster care, then supported accommodation until a
   * planned council flat */
  amara = add_person ("LC1000", "Amara", "Okafor", "2008-05-14", alison);
  add_spell (amara, 0, "U4", NULL, "ended", "2019-03-01", NULL, "2024-05-14");
  supported_spell = add_spell (amara, bridgeway, NULL, "D", "current", "2024-05-14", "2027-05-13", NULL);
  add_spell (amara, flat, NULL, "U", "planned", "2027-05-14", NULL, NULL);
  move = g_object_new (PATHWAYS_TYPE_TRANSITION, "young-person-id", amara, "from-spell-id", supported_spell,
                       "to-unit-id", flat, "planned-date", "2027-05-14", "state", "proposed", NULL);
  test_add (store, PATHWAYS_RECORD (move));
  add_milestone (amara, "Open a bank account", "2026-06-01", "2026-05-20");
  add_milestone (amara, "Register with a GP", "2026-09-01", NULL);
  add_milestone (amara, "Budgeting course", "2027-02-01", NULL);

  /* Ben, 22, in a B&B: an alert */
  ben = add_person ("LC1001", "Ben", "Adams", "2004-01-10", helen);
  add_spell (ben, bnb, NULL, "W", "current", "2026-11-01", NULL, NULL);

  /* Zoe, 16, in foster care, no PA yet */
  zoe = add_person ("LC1002", "Zoe", "Zed", "2010-01-01", 0);
  add_spell (zoe, 0, "U6", NULL, "current", "2025-09-01", NULL, NULL);
}

static void
teardown (void)
{
  g_clear_object (&store);
  test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

static guint32
day (const char *iso)
{
  return pathways_timeline_day_from_iso (iso);
}

static PathwaysTimeline *
load (void)
{
  g_autoptr(GError) error = NULL;
  PathwaysTimeline *timeline = pathways_timeline_load (store, TEST_TODAY, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (timeline);
  return timeline;
}

START_TEST (test_rows_by_family_name)
{
  g_autoptr(PathwaysTimeline) timeline = load ();

  ck_assert_uint_eq (pathways_timeline_get_n_rows (timeline), 3);
  ck_assert_int_eq (pathways_timeline_get_row (timeline, 0)->id, ben);
  ck_assert_int_eq (pathways_timeline_get_row (timeline, 1)->id, amara);
  ck_assert_int_eq (pathways_timeline_get_row (timeline, 2)->id, zoe);
  ck_assert_uint_eq (pathways_timeline_get_today (timeline), day (TEST_TODAY));
}
END_TEST

START_TEST (test_spans_of_a_pathway)
{
  g_autoptr(PathwaysTimeline) timeline = load ();
  const PathwaysTimelineRow *row = pathways_timeline_find_row (timeline, amara);
  const PathwaysTimelineSpan *s;

  ck_assert_ptr_nonnull (row);
  ck_assert_str_eq (row->name, "Amara Okafor");
  ck_assert_str_eq (row->pa_name, "Alison Bennett");
  ck_assert_str_eq (row->team, "Leaving Care North");
  ck_assert_int_eq (row->age, 18);
  ck_assert_int_eq (row->stage, PATHWAYS_STAGE_SUPPORTED);
  ck_assert_uint_eq (row->spans->len, 3);

  /* Foster care, ended: a fact, coloured as care */
  s = &g_array_index (row->spans, PathwaysTimelineSpan, 0);
  ck_assert_int_eq (s->kind, PATHWAYS_TIMELINE_KIND_IN_CARE);
  ck_assert_uint_eq (s->start, day ("2019-03-01"));
  ck_assert_uint_eq (s->end, day ("2024-05-14"));
  ck_assert (!s->end_planned);
  ck_assert (!s->planned);
  ck_assert_str_eq (s->kind_label, "Foster with other carer, long term");

  /* Supported accommodation, current, ending as planned */
  s = &g_array_index (row->spans, PathwaysTimelineSpan, 1);
  ck_assert_int_eq (s->kind, PATHWAYS_TIMELINE_KIND_SUPPORTED);
  ck_assert_uint_eq (s->start, day ("2024-05-14"));
  ck_assert_uint_eq (s->end, day ("2027-05-13"));
  ck_assert (s->end_planned);
  ck_assert_str_eq (s->where, "Bridgeway Support, Larch Road");
  ck_assert_str_eq (s->kind_label, "Registered supported accommodation");

  /* The council flat: planned, open-ended */
  s = &g_array_index (row->spans, PathwaysTimelineSpan, 2);
  ck_assert_int_eq (s->kind, PATHWAYS_TIMELINE_KIND_MOVE_ON);
  ck_assert (s->planned);
  ck_assert_uint_eq (s->end, 0);
  ck_assert_ptr_null (s->end_date);
  ck_assert_str_eq (s->kind_label, "Council tenancy");

  /* Birthdays */
  ck_assert_str_eq (row->birthday_dates[PATHWAYS_TIMELINE_BIRTHDAY_18], "2026-05-14");
  ck_assert_uint_eq (row->birthdays[PATHWAYS_TIMELINE_BIRTHDAY_21], day ("2029-05-14"));
  ck_assert_uint_eq (row->birthdays[PATHWAYS_TIMELINE_BIRTHDAY_25], day ("2033-05-14"));

  /* The move and the milestones */
  ck_assert_uint_eq (row->moves->len, 1);
  ck_assert_uint_eq (g_array_index (row->moves, PathwaysTimelineMove, 0).day, day ("2027-05-14"));
  ck_assert_str_eq (g_array_index (row->moves, PathwaysTimelineMove, 0).state, "proposed");
  ck_assert_str_eq (g_array_index (row->moves, PathwaysTimelineMove, 0).to, "Flat 3, Canal House");
  ck_assert_uint_eq (row->milestones->len, 3);
  ck_assert_str_eq (g_array_index (row->milestones, PathwaysTimelineMilestone, 0).done_date, "2026-05-20");
  ck_assert (!g_array_index (row->milestones, PathwaysTimelineMilestone, 0).overdue);
  ck_assert (g_array_index (row->milestones, PathwaysTimelineMilestone, 1).overdue);
  ck_assert (!g_array_index (row->milestones, PathwaysTimelineMilestone, 2).overdue);
}
END_TEST

START_TEST (test_emergency_and_range)
{
  g_autoptr(PathwaysTimeline) timeline = load ();
  const PathwaysTimelineRow *b = pathways_timeline_find_row (timeline, ben);
  const PathwaysTimelineRow *z = pathways_timeline_find_row (timeline, zoe);
  guint32 first, last;

  /* B&B stands apart from "other", and is an alert */
  ck_assert_uint_eq (b->spans->len, 1);
  ck_assert_int_eq (g_array_index (b->spans, PathwaysTimelineSpan, 0).kind, PATHWAYS_TIMELINE_KIND_EMERGENCY);
  ck_assert_uint_eq (g_array_index (b->spans, PathwaysTimelineSpan, 0).end, 0);
  ck_assert_int_gt (b->alert_count, 0);
  ck_assert_int_ge (b->alert_severity, PATHWAYS_SEVERITY_MEDIUM);

  ck_assert_int_eq (z->pa_id, 0);
  ck_assert_ptr_null (z->pa_name);
  ck_assert_int_eq (z->stage, PATHWAYS_STAGE_LOOKED_AFTER);
  ck_assert_int_eq (g_array_index (z->spans, PathwaysTimelineSpan, 0).kind, PATHWAYS_TIMELINE_KIND_IN_CARE);

  /* From the first spell to the last 25th birthday (Zoe's, 2035), with a margin */
  pathways_timeline_get_range (timeline, &first, &last);
  ck_assert_uint_eq (first, day ("2019-03-01") - 31);
  ck_assert_uint_eq (last, day ("2035-01-01") + 31);
}
END_TEST

START_TEST (test_filters)
{
  g_autoptr(PathwaysTimeline) timeline = load ();
  PathwaysPersonFilter f;
  g_autoptr(GArray) lines = NULL;
  guint n = 0;

  pathways_person_filter_init (&f);
  ck_assert (pathways_person_filter_is_empty (&f));
  g_clear_pointer (&lines, g_array_unref);
  lines = pathways_timeline_layout (timeline, &f, PATHWAYS_TIMELINE_GROUP_NONE, &n);
  ck_assert_uint_eq (n, 3);
  ck_assert_uint_eq (lines->len, 3);

  /* By PA */
  f.pa_id = alison;
  g_clear_pointer (&lines, g_array_unref);
  lines = pathways_timeline_layout (timeline, &f, PATHWAYS_TIMELINE_GROUP_NONE, &n);
  ck_assert_uint_eq (n, 1);
  ck_assert_int_eq (g_array_index (lines, PathwaysTimelineLine, 0).row->id, amara);
  pathways_person_filter_clear (&f);

  /* By team */
  f.team = g_strdup ("Leaving Care South");
  g_clear_pointer (&lines, g_array_unref);
  lines = pathways_timeline_layout (timeline, &f, PATHWAYS_TIMELINE_GROUP_NONE, &n);
  ck_assert_uint_eq (n, 1);
  ck_assert_int_eq (g_array_index (lines, PathwaysTimelineLine, 0).row->id, ben);
  pathways_person_filter_clear (&f);

  /* By age band: 16–17 is Zoe only */
  f.age_band = PATHWAYS_AGE_BAND_16_17;
  g_clear_pointer (&lines, g_array_unref);
  lines = pathways_timeline_layout (timeline, &f, PATHWAYS_TIMELINE_GROUP_NONE, &n);
  ck_assert_uint_eq (n, 1);
  ck_assert_int_eq (g_array_index (lines, PathwaysTimelineLine, 0).row->id, zoe);
  pathways_person_filter_clear (&f);

  /* By pathway stage */
  f.stage = PATHWAYS_STAGE_SUPPORTED;
  g_clear_pointer (&lines, g_array_unref);
  lines = pathways_timeline_layout (timeline, &f, PATHWAYS_TIMELINE_GROUP_NONE, &n);
  ck_assert_uint_eq (n, 1);
  ck_assert_int_eq (g_array_index (lines, PathwaysTimelineLine, 0).row->id, amara);
  pathways_person_filter_clear (&f);

  /* By status: the same code the rules give */
  f.status = g_strdup (pathways_timeline_find_row (timeline, ben)->status_code);
  ck_assert (pathways_timeline_row_matches (pathways_timeline_find_row (timeline, ben), &f));
  pathways_person_filter_clear (&f);

  /* With alerts: Ben is in; two filters together narrow */
  f.with_alerts = TRUE;
  ck_assert (pathways_timeline_row_matches (pathways_timeline_find_row (timeline, ben), &f));
  f.pa_id = alison;
  ck_assert (!pathways_timeline_row_matches (pathways_timeline_find_row (timeline, ben), &f));
  ck_assert (!pathways_person_filter_is_empty (&f));
  pathways_person_filter_clear (&f);
}
END_TEST

START_TEST (test_grouped_by_pa)
{
  g_autoptr(PathwaysTimeline) timeline = load ();
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GArray) pas = NULL;
  g_autoptr(GArray) teams = NULL;
  const PathwaysTimelineLine *l;
  guint n = 0;

  lines = pathways_timeline_layout (timeline, NULL, PATHWAYS_TIMELINE_GROUP_PA, &n);
  ck_assert_uint_eq (n, 3);
  ck_assert_uint_eq (lines->len, 6);

  /* PAs by name; nobody's PA last */
  l = &g_array_index (lines, PathwaysTimelineLine, 0);
  ck_assert_ptr_null (l->row);
  ck_assert_str_eq (l->header, "Alison Bennett");
  ck_assert_uint_eq (l->n_in_group, 1);
  ck_assert_int_eq (g_array_index (lines, PathwaysTimelineLine, 1).row->id, amara);
  ck_assert_str_eq (g_array_index (lines, PathwaysTimelineLine, 2).header, "Helen Reid");
  ck_assert_int_eq (g_array_index (lines, PathwaysTimelineLine, 3).row->id, ben);
  ck_assert_ptr_null (g_array_index (lines, PathwaysTimelineLine, 4).row);
  ck_assert_str_eq (g_array_index (lines, PathwaysTimelineLine, 4).header, "No personal adviser");
  ck_assert_int_eq (g_array_index (lines, PathwaysTimelineLine, 5).row->id, zoe);

  pas = pathways_timeline_list_pas (timeline);
  ck_assert_uint_eq (pas->len, 2);
  ck_assert_int_eq (g_array_index (pas, PathwaysTimelineChoice, 0).id, alison);
  teams = pathways_timeline_list_teams (timeline);
  ck_assert_uint_eq (teams->len, 2);
  ck_assert_str_eq (g_array_index (teams, PathwaysTimelineChoice, 1).label, "Leaving Care South");
}
END_TEST

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  PathwaysTimeline **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = pathways_timeline_load_finish (PATHWAYS_STORE (source), result, &error);
  ck_assert_no_error (error);
}

START_TEST (test_async_load)
{
  g_autoptr(PathwaysTimeline) timeline = NULL;

  pathways_timeline_load_async (store, TEST_TODAY, NULL, loaded_cb, &timeline);
  for (guint i = 0; i < 2000 && timeline == NULL; i++)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  ck_assert_ptr_nonnull (timeline);
  ck_assert_uint_eq (pathways_timeline_get_n_rows (timeline), 3);
}
END_TEST

/* Sorted by the name shown: a preferred name counts, not the legal one */
START_TEST (test_rows_by_shown_name)
{
  g_autoptr(PathwaysYoungPerson) yonas = test_make_person ("LC2000");
  g_autoptr(PathwaysTimeline) timeline = NULL;
  gint64 yonas_id, bilal_id;
  guint yonas_at = G_MAXUINT, bilal_at = G_MAXUINT;

  /* Legally Aaron, goes by Yonas: labelled "Yonas Abdullahi", so after
   * Bilal Abdullahi, though Aaron would come first */
  g_object_set (yonas, "given-name", "Aaron", "preferred-name", "Yonas", "family-name", "Abdullahi", NULL);
  yonas_id = test_add (store, PATHWAYS_RECORD (yonas));
  bilal_id = add_person ("LC2001", "Bilal", "Abdullahi", "2008-02-01", alison);

  timeline = load ();
  for (guint i = 0; i < pathways_timeline_get_n_rows (timeline); i++)
    {
      const PathwaysTimelineRow *row = pathways_timeline_get_row (timeline, i);

      if (row->id == yonas_id)
        yonas_at = i;
      else if (row->id == bilal_id)
        bilal_at = i;
    }
  ck_assert_str_eq (pathways_timeline_find_row (timeline, yonas_id)->name, "Yonas Abdullahi");
  ck_assert_str_eq (pathways_timeline_find_row (timeline, yonas_id)->sort_name, "Abdullahi, Yonas");
  ck_assert_uint_eq (bilal_at, 0);
  ck_assert_uint_eq (yonas_at, 1);
  /* Then Adams, Okafor, Zed as before */
  ck_assert_int_eq (pathways_timeline_get_row (timeline, 2)->id, ben);
}
END_TEST

/* A scaled copy for benchmarks: n rows, sorted, groups growing with it */
START_TEST (test_scaled_copy)
{
  g_autoptr(PathwaysTimeline) timeline = load ();
  g_autoptr(PathwaysTimeline) big = pathways_timeline_new_scaled (timeline, 10);
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GArray) pas = NULL;
  guint n = 0;

  ck_assert_uint_eq (pathways_timeline_get_n_rows (big), 10);
  lines = pathways_timeline_layout (big, NULL, PATHWAYS_TIMELINE_GROUP_PA, &n);
  ck_assert_uint_eq (n, 10);
  pas = pathways_timeline_list_pas (big);
  /* Alison and Helen in each of four copies (the fourth has Alison only: 10 = 3 + 3 + 3 + 1) */
  ck_assert_uint_eq (pas->len, 7);
  for (guint i = 1; i < pathways_timeline_get_n_rows (big); i++)
    ck_assert_int_le (g_utf8_collate (pathways_timeline_get_row (big, i - 1)->sort_name,
                                      pathways_timeline_get_row (big, i)->sort_name), 0);
}
END_TEST

static Suite *
timeline_suite (void)
{
  Suite *s = suite_create ("timeline");
  TCase *tc = tcase_create ("timeline");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_rows_by_family_name);
  tcase_add_test (tc, test_spans_of_a_pathway);
  tcase_add_test (tc, test_emergency_and_range);
  tcase_add_test (tc, test_filters);
  tcase_add_test (tc, test_grouped_by_pa);
  tcase_add_test (tc, test_async_load);
  tcase_add_test (tc, test_rows_by_shown_name);
  tcase_add_test (tc, test_scaled_copy);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (timeline_suite ());
}
