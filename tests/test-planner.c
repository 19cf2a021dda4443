/* test-planner.c — scheduling, completing and cancelling moves; undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-util.h"

static char *dir;
static PathwaysStore *store;
static gint64 person, other, home_unit, flat, bnb, pa;

static gint64
add_unit (const char *name,
          const char *kind,
          gint64      min_age,
          gint64      max_age)
{
  g_autoptr(PathwaysUnit) u = g_object_new (PATHWAYS_TYPE_UNIT, "name", name, "kind", kind,
                                            "status", "available", "min-age", min_age,
                                            "max-age", max_age, "weekly-cost", (gint64) 12000,
                                            "in-authority", TRUE, NULL);
  return test_add (store, PATHWAYS_RECORD (u));
}

static gint64
add_person (const char *local_id,
            const char *given)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person (local_id);

  /* 20 on the day; left care at 18 */
  g_object_set (yp, "given-name", given, "date-of-birth", "2006-05-14", "date-care-ended", "2024-05-14",
                "date-first-looked-after", "2019-03-01", "days-looked-after-since-14", (gint64) 1000,
                "days-looked-after-since-16", (gint64) 700, NULL);
  return test_add (store, PATHWAYS_RECORD (yp));
}

static gint64
add_current_spell (gint64      who,
                   gint64      unit,
                   const char *start)
{
  g_autoptr(PathwaysSpell) s = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", who, "unit-id", unit,
                                             "accom", "D", "start-date", start, "state", "current", NULL);
  return test_add (store, PATHWAYS_RECORD (s));
}

static void
set_unit_status (gint64      unit,
                 const char *status)
{
  g_autoptr(PathwaysUnit) u = pathways_store_get (store, PATHWAYS_TYPE_UNIT, unit, NULL);
  g_object_set (u, "status", status, NULL);
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (u), NULL));
}

static void
setup (void)
{
  g_autoptr(PathwaysStaff) staff = pathways_staff_new ("Helen Reid", "pa", "North");

  dir = test_make_dir ();
  store = test_open_store (dir, "planner.db");
  pa = test_add (store, PATHWAYS_RECORD (staff));
  home_unit = add_unit ("Bridgeway Support, Larch Road", "supported", 16, 25);
  flat = add_unit ("Flat 3, Canal House", "council", 18, 25);
  bnb = add_unit ("Station Road Guest House", "bed_and_breakfast", 16, 0);
  person = add_person ("LC1000", "Amara");
  other = add_person ("LC1001", "Ben");
  add_current_spell (person, home_unit, "2025-01-01");
  set_unit_status (home_unit, "occupied");
}

static void
teardown (void)
{
  g_clear_object (&store);
  test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

static char *
field_of (GType       type,
          gint64      id,
          const char *field)
{
  g_autoptr(PathwaysRecord) r = pathways_store_get (store, type, id, NULL);
  return r ? g_strdup (pathways_record_get_string (r, field)) : NULL;
}

static gint64
count_where (const char *sql)
{
  return test_query_int (store, sql);
}

static PathwaysMoveRequest
request_to (gint64      unit,
            const char *date)
{
  PathwaysMoveRequest r = { 0 };

  r.young_person_id = person;
  r.unit_id = unit;
  r.date = date;
  r.scheduled_by = pa;
  r.note = "Agreed at the pathway plan review";
  return r;
}

START_TEST (test_schedule_creates_move_spell_and_reservation)
{
  PathwaysMoveRequest req = request_to (flat, "2026-12-14");
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *state = NULL;
  gint64 move = 0;

  ck_assert (pathways_planner_schedule_move (store, &req, &move, &undo, &error));
  ck_assert_no_error (error);
  ck_assert_int_gt (move, 0);
  ck_assert_ptr_nonnull (undo);

  state = field_of (PATHWAYS_TYPE_TRANSITION, move, "state");
  ck_assert_str_eq (state, "confirmed");
  ck_assert_int_eq (count_where ("SELECT count(*) FROM spell WHERE state = 'planned' AND start_date = '2026-12-14' "
                                 "AND accom = 'U'"), 1);
  status = field_of (PATHWAYS_TYPE_UNIT, flat, "status");
  ck_assert_str_eq (status, "reserved");
  /* The current spell now ends on the day of the move */
  ck_assert_int_eq (count_where ("SELECT count(*) FROM spell WHERE state = 'current' AND planned_end = '2026-12-14'"), 1);
}
END_TEST

START_TEST (test_undo_schedule_restores_everything)
{
  PathwaysMoveRequest req = request_to (flat, "2026-12-14");
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  gint64 audit_before = count_where ("SELECT count(*) FROM audit_log");

  ck_assert (pathways_planner_schedule_move (store, &req, NULL, &undo, &error));
  ck_assert (pathways_store_undo (store, undo, &error));
  ck_assert_no_error (error);

  ck_assert_int_eq (count_where ("SELECT count(*) FROM transition"), 0);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM spell WHERE state = 'planned'"), 0);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM spell WHERE state = 'current' AND planned_end IS NULL"), 1);
  status = field_of (PATHWAYS_TYPE_UNIT, flat, "status");
  ck_assert_str_eq (status, "available");
  /* Both the action and its undoing are in the audit trail */
  ck_assert_int_gt (count_where ("SELECT count(*) FROM audit_log"), audit_before + 4);
}
END_TEST

START_TEST (test_double_booked_unit_refused)
{
  PathwaysMoveRequest req = request_to (flat, "2026-12-14");
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysEligibility) check = NULL;
  g_autofree char *status = NULL;

  add_current_spell (other, flat, "2026-01-01");
  set_unit_status (flat, "occupied");

  check = pathways_planner_check_move (store, &req, &error);
  ck_assert_int_eq (check->verdict, PATHWAYS_VERDICT_NOT_ELIGIBLE);

  ck_assert (!pathways_planner_schedule_move (store, &req, NULL, NULL, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID));
  ck_assert_msg (strstr (error->message, "Already booked for Ben Okafor on 14/12/2026") != NULL, "%s", error->message);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM transition"), 0);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM spell WHERE state = 'planned'"), 0);
  status = field_of (PATHWAYS_TYPE_UNIT, flat, "status");
  ck_assert_str_eq (status, "occupied");
}
END_TEST

START_TEST (test_warnings_need_a_reason)
{
  PathwaysMoveRequest req = request_to (bnb, "2026-11-23");
  g_autoptr(GError) error = NULL;
  g_autofree char *accepted = NULL;
  gint64 move = 0;

  ck_assert (!pathways_planner_schedule_move (store, &req, NULL, NULL, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NEEDS_REASON));
  ck_assert_int_eq (count_where ("SELECT count(*) FROM transition"), 0);
  g_clear_error (&error);

  req.accepted_warnings = "   ";
  ck_assert (!pathways_planner_schedule_move (store, &req, NULL, NULL, &error));
  g_clear_error (&error);

  req.accepted_warnings = "Placement broke down tonight; nothing else is free";
  ck_assert (pathways_planner_schedule_move (store, &req, &move, NULL, &error));
  ck_assert_no_error (error);
  accepted = field_of (PATHWAYS_TYPE_TRANSITION, move, "accepted-warnings");
  ck_assert_str_eq (accepted, "Placement broke down tonight; nothing else is free");
  /* B&B is recorded as unsuitable accommodation (903 W2) */
  ck_assert_int_eq (count_where ("SELECT count(*) FROM spell WHERE state = 'planned' AND accom = 'W' "
                                 "AND accom_suitable = FALSE"), 1);
}
END_TEST


/* An address outside the register: its ACCOM code (from the reference
 * table), suitability and weekly cost go on the planned spell */
START_TEST (test_schedule_outside_register_with_accom_and_cost)
{
  PathwaysMoveRequest req = request_to (0, "2026-12-14");
  g_autoptr(GListModel) codes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 move = 0;

  /* The letters a move can have: the table's, without 0 (not in touch) */
  codes = pathways_planner_list_move_accom_codes (store, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_gt (g_list_model_get_n_items (codes), 10);
  for (guint i = 0; i < g_list_model_get_n_items (codes); i++)
    {
      g_autoptr(PathwaysRefCode) c = g_list_model_get_item (codes, i);
      ck_assert_str_ne (pathways_ref_code_get_code (c), "0");
    }

  req.address = "With current carers, 9 Elm Road";
  req.accom = "Q";  /* no such letter */
  ck_assert (!pathways_planner_schedule_move (store, &req, NULL, NULL, &error));
  ck_assert_msg (strstr (error->message, "“Q” is not in the SSDA903 ACCOM list on 14/12/2026") != NULL, "%s",
                 error->message);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM transition"), 0);
  g_clear_error (&error);

  req.accom = "Z";
  req.accom_suitable = 1;
  req.weekly_cost = 26550;
  req.accepted_warnings = "Agreed";
  ck_assert (pathways_planner_schedule_move (store, &req, &move, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM spell WHERE state = 'planned' AND accom = 'Z' "
                                 "AND accom_suitable = TRUE AND weekly_cost = 26550 AND unit_id IS NULL "
                                 "AND address = 'With current carers, 9 Elm Road'"), 1);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM transition WHERE to_address = 'With current carers, 9 Elm Road'"),
                    1);
}
END_TEST

/* Homeless (S) is never "suitable", whatever is asked */
START_TEST (test_schedule_homeless_is_never_suitable)
{
  PathwaysMoveRequest req = request_to (0, "2026-12-14");
  g_autoptr(GError) error = NULL;

  req.address = "No fixed abode";
  req.accom = "S";
  req.accom_suitable = 1;
  req.accepted_warnings = "Nothing else";
  ck_assert (pathways_planner_schedule_move (store, &req, NULL, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM spell WHERE state = 'planned' AND accom = 'S' "
                                 "AND accom_suitable = FALSE"), 1);
}
END_TEST

START_TEST (test_past_date_refused)
{
  PathwaysMoveRequest req = request_to (flat, "2026-11-01");
  g_autoptr(GError) error = NULL;

  ck_assert (!pathways_planner_schedule_move (store, &req, NULL, NULL, &error));
  ck_assert_msg (strstr (error->message, "01/11/2026 is in the past") != NULL, "%s", error->message);
}
END_TEST

START_TEST (test_mark_moved_and_undo)
{
  PathwaysMoveRequest req = request_to (flat, "2026-11-22");
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;
  gint64 move = 0;

  ck_assert (pathways_planner_schedule_move (store, &req, &move, NULL, &error));
  ck_assert (pathways_planner_mark_moved (store, move, NULL, &undo, &error));
  ck_assert_no_error (error);

  ck_assert_int_eq (count_where ("SELECT count(*) FROM spell WHERE state = 'ended' AND actual_end = '2026-11-22'"), 1);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM spell s JOIN unit u ON u.id = s.unit_id "
                                 "WHERE s.state = 'current' AND u.name = 'Flat 3, Canal House'"), 1);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM transition WHERE state = 'done'"), 1);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM unit WHERE status = 'occupied' AND kind = 'council'"), 1);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM unit WHERE status = 'available' AND kind = 'supported'"), 1);

  /* Twice is refused */
  ck_assert (!pathways_planner_mark_moved (store, move, NULL, NULL, &error));
  ck_assert_msg (strstr (error->message, "already happened") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* Undo: back in the old place, move confirmed, flat reserved */
  ck_assert (pathways_store_undo (store, undo, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM transition WHERE state = 'confirmed'"), 1);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM spell WHERE state = 'current' AND unit_id = (SELECT id FROM unit WHERE kind = 'supported')"), 1);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM unit WHERE status = 'reserved'"), 1);
}
END_TEST

START_TEST (test_mark_moved_before_the_day_refused)
{
  PathwaysMoveRequest req = request_to (flat, "2026-12-14");
  g_autoptr(GError) error = NULL;
  gint64 move = 0;

  ck_assert (pathways_planner_schedule_move (store, &req, &move, NULL, &error));
  ck_assert (!pathways_planner_mark_moved (store, move, NULL, NULL, &error));
  ck_assert_msg (strstr (error->message, "14/12/2026") != NULL, "%s", error->message);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM transition WHERE state = 'confirmed'"), 1);
  g_clear_error (&error);

  /* They moved early, today: recorded as such */
  ck_assert (pathways_planner_mark_moved (store, move, TEST_TODAY, NULL, &error));
  ck_assert_int_eq (count_where ("SELECT count(*) FROM transition WHERE state = 'done' AND planned_date = '" TEST_TODAY "'"), 1);
}
END_TEST

START_TEST (test_cancel_releases_unit)
{
  PathwaysMoveRequest req = request_to (flat, "2026-12-14");
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  gint64 move = 0;

  ck_assert (pathways_planner_schedule_move (store, &req, &move, NULL, &error));
  ck_assert (pathways_planner_cancel_move (store, move, &undo, &error));
  ck_assert_no_error (error);

  ck_assert_int_eq (count_where ("SELECT count(*) FROM transition WHERE state = 'cancelled'"), 1);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM spell WHERE state = 'planned'"), 0);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM spell WHERE state = 'current' AND planned_end IS NULL"), 1);
  status = field_of (PATHWAYS_TYPE_UNIT, flat, "status");
  ck_assert_str_eq (status, "available");

  ck_assert (!pathways_planner_cancel_move (store, move, NULL, &error));
  ck_assert_msg (strstr (error->message, "was cancelled") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* Undo the cancellation: the move and the reservation are back */
  ck_assert (pathways_store_undo (store, undo, &error));
  ck_assert_int_eq (count_where ("SELECT count(*) FROM transition WHERE state = 'confirmed'"), 1);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM spell WHERE state = 'planned'"), 1);
  g_free (status);
  status = field_of (PATHWAYS_TYPE_UNIT, flat, "status");
  ck_assert_str_eq (status, "reserved");
}
END_TEST

static int
readiness_of (gint64 who)
{
  g_autoptr(PathwaysSnapshot) snap = pathways_snapshot_load (store, TEST_TODAY, NULL);
  return pathways_rules_readiness (pathways_snapshot_get_settings (snap), pathways_snapshot_get_person (snap, who));
}

START_TEST (test_milestone_tick_changes_readiness)
{
  g_autoptr(PathwaysMilestone) a = pathways_milestone_new ();
  g_autoptr(PathwaysMilestone) b = pathways_milestone_new ();
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (a, "young-person-id", person, "name", "Bank account opened", "category", "finance",
                "due-date", "2026-10-01", NULL);
  g_object_set (b, "young-person-id", person, "name", "Registered with a GP", "category", "health",
                "due-date", "2026-10-01", "done-date", "2026-09-20", NULL);
  id = test_add (store, PATHWAYS_RECORD (a));
  test_add (store, PATHWAYS_RECORD (b));

  /* finance weighs 2, health 1: 1 of 3 */
  ck_assert_int_eq (readiness_of (person), 33);
  ck_assert (pathways_planner_set_milestone_done (store, id, "2026-11-20", &undo, &error));
  ck_assert_int_eq (readiness_of (person), 100);

  /* A done date in the future is refused and changes nothing */
  ck_assert (!pathways_planner_set_milestone_done (store, id, "2026-12-01", NULL, &error));
  ck_assert_msg (strstr (error->message, "in the future") != NULL, "%s", error->message);
  ck_assert_int_eq (readiness_of (person), 100);
  g_clear_error (&error);

  /* Untick */
  ck_assert (pathways_store_undo (store, undo, &error));
  ck_assert_int_eq (readiness_of (person), 33);
}
END_TEST

START_TEST (test_save_invalid_writes_nothing)
{
  g_autoptr(PathwaysYoungPerson) yp = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, person, NULL);
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 audit_before = count_where ("SELECT count(*) FROM audit_log");

  g_object_set (yp, "preferred-name", "Mara", "ethnicity", "NONSENSE", NULL);
  ck_assert (!pathways_planner_save (store, PATHWAYS_RECORD (yp), &undo, &error));
  ck_assert_ptr_null (undo);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM audit_log"), audit_before);
  name = field_of (PATHWAYS_TYPE_YOUNG_PERSON, person, "preferred-name");
  ck_assert_ptr_null (name);
  g_clear_error (&error);

  g_object_set (yp, "ethnicity", "BAFR", NULL);
  ck_assert (pathways_planner_save (store, PATHWAYS_RECORD (yp), &undo, &error));
  ck_assert_uint_eq (pathways_change_set_get_n_changes (undo), 1);
}
END_TEST

START_TEST (test_destinations_ranked)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 last_verdict = -1;

  add_current_spell (other, flat, "2026-01-01");
  list = pathways_planner_list_destinations (store, person, "2026-12-14", &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PathwaysRecord) d = g_list_model_get_item (list, i);
      ck_assert_int_ge (pathways_record_get_int (d, "verdict"), last_verdict);
      last_verdict = pathways_record_get_int (d, "verdict");
      if (pathways_record_get_int (d, "unit-id") == flat)
        {
          ck_assert_int_eq (pathways_record_get_int (d, "verdict"), PATHWAYS_VERDICT_NOT_ELIGIBLE);
          ck_assert (strstr (pathways_record_get_string (d, "reasons"), "Already booked") != NULL);
          ck_assert_uint_eq (i, 2);
        }
    }
}
END_TEST

START_TEST (test_add_person_creates_milestones_from_templates)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC1500");
  g_autoptr(PathwaysYoungPerson) uasc = test_make_person ("LC1501");
  g_autoptr(PathwaysYoungPerson) bad = test_make_person ("LC1502");
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;
  gint64 templates = count_where ("SELECT count(*) FROM milestone_template");
  gint64 uasc_only = count_where ("SELECT count(*) FROM milestone_template WHERE uasc_only");
  g_autofree char *sql = NULL;

  ck_assert (pathways_planner_add_person (store, yp, &undo, &error));
  ck_assert_no_error (error);
  sql = g_strdup_printf ("SELECT count(*) FROM milestone WHERE young_person_id = %" G_GINT64_FORMAT,
                         pathways_record_get_id (PATHWAYS_RECORD (yp)));
  ck_assert_int_eq (count_where (sql), templates - uasc_only);
  /* Due at the template's age: the needs assessment at 16 years 3 months (born 14/05/2008) */
  ck_assert_int_eq (count_where ("SELECT count(*) FROM milestone WHERE name = 'Needs assessment completed' "
                                 "AND due_date = '2024-08-14'"), 1);

  g_object_set (uasc, "uasc", TRUE, NULL);
  ck_assert (pathways_planner_add_person (store, uasc, NULL, &error));
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM milestone WHERE young_person_id = %" G_GINT64_FORMAT,
                         pathways_record_get_id (PATHWAYS_RECORD (uasc)));
  ck_assert_int_eq (count_where (sql), templates);

  /* A bad person: nothing at all is written */
  g_object_set (bad, "date-of-birth", "2031-01-01", NULL);
  ck_assert (!pathways_planner_add_person (store, bad, NULL, &error));
  ck_assert_int_eq (pathways_record_get_id (PATHWAYS_RECORD (bad)), 0);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM young_person WHERE local_id = 'LC1502'"), 0);

  /* Undo removes the person and their milestones */
  ck_assert (pathways_store_undo (store, undo, NULL));
  ck_assert_int_eq (count_where ("SELECT count(*) FROM young_person WHERE local_id = 'LC1500'"), 0);
}
END_TEST

/* The actions the window calls run in a worker thread: each finishes
 * with its undo, and "changed" reaches the main loop with what it wrote */
typedef struct {
  gboolean           done;
  gint64             id;
  PathwaysChangeSet *undo;
  GError            *error;
} ActionDone;

static void
scheduled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ActionDone *d = user_data;

  pathways_planner_schedule_move_finish (PATHWAYS_STORE (source), result, &d->id, &d->undo, &d->error);
  d->done = TRUE;
}

static void
acted_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  ActionDone *d = user_data;

  pathways_planner_action_finish (PATHWAYS_STORE (source), result, NULL, &d->undo, &d->error);
  d->done = TRUE;
}

static void
undone_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ActionDone *d = user_data;

  pathways_store_undo_finish (PATHWAYS_STORE (source), result, &d->error);
  d->done = TRUE;
}

static gboolean
action_done (gpointer data)
{
  return ((ActionDone *) data)->done;
}

static void
changed_cb (PathwaysStore   *s,
            PathwaysChanges *changes,
            GPtrArray       *seen)
{
  g_ptr_array_add (seen, pathways_changes_ref (changes));
}

static void
action_done_clear (ActionDone *d)
{
  g_clear_pointer (&d->undo, pathways_change_set_unref);
  g_clear_error (&d->error);
  d->done = FALSE;
}

START_TEST (test_actions_async)
{
  PathwaysMoveRequest req = request_to (flat, "2026-12-14");
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_changes_unref);
  g_autoptr(PathwaysChangeSet) schedule_undo = NULL;
  g_autofree char *status = NULL;
  ActionDone d = { 0 };
  gint64 move;

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), seen);

  pathways_planner_schedule_move_async (store, &req, NULL, scheduled_cb, &d);
  /* Nothing is written on the calling thread: it has not happened yet */
  ck_assert_uint_eq (seen->len, 0);
  ck_assert (test_wait_for (action_done, &d));
  ck_assert_no_error (d.error);
  move = d.id;
  ck_assert_int_gt (move, 0);
  schedule_undo = g_steal_pointer (&d.undo);
  ck_assert_uint_eq (seen->len, 1);
  {
    PathwaysChangeKind kind;
    ck_assert (pathways_changes_lookup (g_ptr_array_index (seen, 0), PATHWAYS_TYPE_TRANSITION, move, &kind));
    ck_assert_int_eq (kind, PATHWAYS_CHANGE_INSERT);
    ck_assert (pathways_changes_has_unit (g_ptr_array_index (seen, 0), flat));
    ck_assert (pathways_changes_has_person (g_ptr_array_index (seen, 0), person));
  }
  status = field_of (PATHWAYS_TYPE_UNIT, flat, "status");
  ck_assert_str_eq (status, "reserved");
  action_done_clear (&d);

  /* Cancelled in the background too, and undone */
  pathways_planner_cancel_move_async (store, move, NULL, acted_cb, &d);
  ck_assert (test_wait_for (action_done, &d));
  ck_assert_no_error (d.error);
  ck_assert_ptr_nonnull (d.undo);
  ck_assert_int_eq (count_where ("SELECT count(*) FROM transition WHERE state = 'cancelled'"), 1);
  ck_assert_uint_eq (seen->len, 2);
  action_done_clear (&d);

  /* The schedule's undo now meets rows changed since: refused, saying why */
  pathways_store_undo_async (store, schedule_undo, NULL, undone_cb, &d);
  ck_assert (test_wait_for (action_done, &d));
  ck_assert (g_error_matches (d.error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT));
  ck_assert_msg (g_str_has_prefix (d.error->message, "Could not undo:"), "%s", d.error->message);
  ck_assert_uint_eq (seen->len, 2);
  action_done_clear (&d);

  /* A tick, in the background */
  {
    g_autoptr(GListModel) milestones = NULL;
    g_autoptr(PathwaysMilestone) m = g_object_new (PATHWAYS_TYPE_MILESTONE, "young-person-id", person,
                                                   "name", "Bank account opened", "category", "finance", NULL);
    test_add (store, PATHWAYS_RECORD (m));
    pathways_planner_set_milestone_done_async (store, pathways_record_get_id (PATHWAYS_RECORD (m)), TEST_TODAY,
                                               NULL, acted_cb, &d);
    ck_assert (test_wait_for (action_done, &d));
    ck_assert_no_error (d.error);
    ck_assert_int_eq (count_where ("SELECT count(*) FROM milestone WHERE done_date = '" TEST_TODAY "'"), 1);
    action_done_clear (&d);
  }
}
END_TEST

static Suite *
planner_suite (void)
{
  Suite *s = suite_create ("planner");
  TCase *moves = tcase_create ("moves");
  TCase *other_actions = tcase_create ("milestones-profile");

  tcase_add_checked_fixture (moves, setup, teardown);
  tcase_add_test (moves, test_schedule_creates_move_spell_and_reservation);
  tcase_add_test (moves, test_undo_schedule_restores_everything);
  tcase_add_test (moves, test_double_booked_unit_refused);
  tcase_add_test (moves, test_warnings_need_a_reason);
  tcase_add_test (moves, test_past_date_refused);
  tcase_add_test (moves, test_schedule_outside_register_with_accom_and_cost);
  tcase_add_test (moves, test_schedule_homeless_is_never_suitable);
  tcase_add_test (moves, test_mark_moved_and_undo);
  tcase_add_test (moves, test_mark_moved_before_the_day_refused);
  tcase_add_test (moves, test_cancel_releases_unit);
  tcase_add_test (moves, test_destinations_ranked);
  tcase_add_test (moves, test_actions_async);
  suite_add_tcase (s, moves);

  tcase_add_checked_fixture (other_actions, setup, teardown);
  tcase_add_test (other_actions, test_milestone_tick_changes_readiness);
  tcase_add_test (other_actions, test_save_invalid_writes_nothing);
  tcase_add_test (other_actions, test_add_person_creates_milestones_from_templates);
  suite_add_tcase (s, other_actions);
  return s;
}

int
main (void)
{
  return test_run_suite (planner_suite ());
}
