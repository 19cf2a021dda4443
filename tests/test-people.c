/* test-people.c — a real caseload (issue #12): adding young people,
 * closing and reopening cases, reassigning, contacts, staff and teams,
 * PA support after 21, EET and retention.  Runs on both backends.
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
  store = test_open_store (dir, "people.db");
}

static void
teardown (void)
{
  g_clear_object (&store);
  test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

static gint64
add_person (const char *local_id,
            gint64      pa_id)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person (local_id);

  pathways_young_person_set_pa_id (yp, pa_id);
  return test_add (store, PATHWAYS_RECORD (yp));
}

static gint64
add_staff (const char *name,
           const char *role,
           const char *team)
{
  g_autoptr(PathwaysStaff) s = pathways_staff_new (name, role, team);

  return test_add (store, PATHWAYS_RECORD (s));
}

static PathwaysYoungPerson *
get_person (gint64 id)
{
  g_autoptr(GError) error = NULL;
  PathwaysYoungPerson *yp = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, id, &error);

  ck_assert_no_error (error);
  return yp;
}

static guint
count_alerts (gint64      person_id,
              const char *on,
              const char *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) alerts = pathways_store_load_alerts (store, on, person_id, &error);
  guint n = 0;

  ck_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (alerts); i++)
    {
      g_autoptr(PathwaysRecord) a = g_list_model_get_item (alerts, i);
      if (g_str_equal (pathways_record_get_string (a, "kind"), kind))
        n++;
    }
  return n;
}

static PathwaysCaseloadRow *
caseload_row (gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = pathways_store_load_caseload (store, TEST_TODAY, &error);

  ck_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      PathwaysCaseloadRow *row = g_list_model_get_item (rows, i);
      if (pathways_record_get_id (PATHWAYS_RECORD (row)) == id)
        return row;
      g_object_unref (row);
    }
  return NULL;
}

/* Adding a young person: milestones from the templates, undone as one */
START_TEST (test_add_person_with_milestones_and_undo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC7001");
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GListModel) milestones = NULL;
  gint64 id;

  ck_assert (pathways_planner_add_person (store, yp, &undo, &error));
  ck_assert_no_error (error);
  id = pathways_record_get_id (PATHWAYS_RECORD (yp));
  ck_assert_int_gt (id, 0);
  milestones = pathways_store_list_for_person (store, PATHWAYS_TYPE_MILESTONE, id, &error);
  ck_assert_uint_gt (g_list_model_get_n_items (milestones), 5);

  ck_assert (pathways_store_undo (store, undo, &error));
  ck_assert_no_error (error);
  ck_assert (!pathways_store_exists (store, "young_person", id));
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_MILESTONE, NULL), 0);
}
END_TEST

/* Closing a case: validated, archived (off the alerts and the timeline,
 * still in the caseload model with its date), undone, reopened */
START_TEST (test_close_case_archive_undo_reopen)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(PathwaysChangeSet) reopen = NULL;
  g_autoptr(PathwaysYoungPerson) yp = NULL;
  g_autoptr(PathwaysCaseloadRow) row = NULL;
  gint64 id = add_person ("LC7002", 0);

  /* Before birth, in the future, without a reason: refused with the reason */
  ck_assert (!pathways_people_close_case (store, id, "2008-05-13", "moved_away", NULL, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "before"));
  g_clear_error (&error);
  ck_assert (!pathways_people_close_case (store, id, "2026-11-23", "moved_away", NULL, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "in the future"));
  g_clear_error (&error);
  ck_assert (!pathways_people_close_case (store, id, TEST_TODAY, "bored", NULL, &error));
  ck_assert_str_eq (error->message, "Give the reason the case was closed");
  g_clear_error (&error);
  yp = get_person (id);
  ck_assert_ptr_null (pathways_young_person_get_closed_on (yp));
  g_clear_object (&yp);

  ck_assert_uint_gt (count_alerts (id, TEST_TODAY, PATHWAYS_ALERT_GAP), 0);
  ck_assert (pathways_people_close_case (store, id, TEST_TODAY, "moved_away", &undo, &error));
  ck_assert_no_error (error);
  yp = get_person (id);
  ck_assert_str_eq (pathways_young_person_get_closed_on (yp), TEST_TODAY);
  ck_assert_str_eq (pathways_young_person_get_close_reason (yp), "moved_away");
  g_clear_object (&yp);
  /* Archived: no alerts, not on the timeline, still findable */
  ck_assert_uint_eq (count_alerts (id, TEST_TODAY, PATHWAYS_ALERT_GAP), 0);
  {
    g_autoptr(PathwaysTimeline) tl = pathways_timeline_load (store, TEST_TODAY, &error);
    ck_assert_no_error (error);
    ck_assert_uint_eq (pathways_timeline_get_n_rows (tl), 0);
  }
  row = caseload_row (id);
  ck_assert_ptr_nonnull (row);
  ck_assert_str_eq (pathways_caseload_row_get_closed_on (row), TEST_TODAY);
  g_clear_object (&row);
  /* Closing twice is refused */
  ck_assert (!pathways_people_close_case (store, id, TEST_TODAY, "other", NULL, &error));
  g_clear_error (&error);

  /* Undo: open again */
  ck_assert (pathways_store_undo (store, undo, &error));
  ck_assert_no_error (error);
  yp = get_person (id);
  ck_assert_ptr_null (pathways_young_person_get_closed_on (yp));
  ck_assert_ptr_null (pathways_young_person_get_close_reason (yp));
  g_clear_object (&yp);

  /* Close and reopen */
  ck_assert (pathways_people_close_case (store, id, "2026-11-01", "reached_25", NULL, &error));
  ck_assert (pathways_people_reopen_case (store, id, &reopen, &error));
  ck_assert_no_error (error);
  row = caseload_row (id);
  ck_assert_ptr_null (pathways_caseload_row_get_closed_on (row));
  ck_assert (!pathways_people_reopen_case (store, id, NULL, &error));
  g_clear_error (&error);
}
END_TEST

/* Reassigning several young people: one action, the PA's team follows,
 * undone as one; a housing officer or someone who left is refused */
START_TEST (test_reassign_several_and_undo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  gint64 north = add_staff ("Alison Bennett", "pa", "Leaving Care North");
  gint64 south = add_staff ("Helen Reid", "pa", "Leaving Care South");
  gint64 housing = add_staff ("Hamid Shah", "housing", "Leaving Care South");
  gint64 ids[3];

  ids[0] = add_person ("LC7010", north);
  ids[1] = add_person ("LC7011", north);
  ids[2] = add_person ("LC7012", north);

  ck_assert (!pathways_people_reassign (store, ids, 3, housing, NULL, &error));
  ck_assert_str_eq (error->message, "Hamid Shah is not a personal adviser");
  g_clear_error (&error);
  ck_assert (!pathways_people_reassign (store, ids, 0, south, NULL, &error));
  g_clear_error (&error);

  ck_assert (pathways_people_reassign (store, ids, 2, south, &undo, &error));
  ck_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PathwaysYoungPerson) yp = get_person (ids[i]);
      ck_assert_int_eq (pathways_young_person_get_pa_id (yp), i < 2 ? south : north);
      if (i < 2)
        ck_assert_str_eq (pathways_young_person_get_team (yp), "Leaving Care South");
    }
  {
    g_autoptr(GHashTable) sizes = pathways_people_caseload_sizes (store, &error);
    ck_assert_int_eq (GPOINTER_TO_INT (g_hash_table_lookup (sizes, &south)), 2);
    ck_assert_int_eq (GPOINTER_TO_INT (g_hash_table_lookup (sizes, &north)), 1);
  }

  ck_assert (pathways_store_undo (store, undo, &error));
  ck_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PathwaysYoungPerson) yp = get_person (ids[i]);
      ck_assert_int_eq (pathways_young_person_get_pa_id (yp), north);
    }
}
END_TEST

/* Staff: leaving is refused while they have a caseload; a team is a
 * row of its own, made when first named, and renaming it renames it
 * everywhere */
START_TEST (test_staff_leave_and_teams)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) teams = NULL;
  g_autoptr(PathwaysTeam) team = NULL;
  g_autoptr(PathwaysStaff) staff = NULL;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  gint64 pa = add_staff ("Alison Bennett", "pa", "Leaving Care North");
  gint64 other = add_staff ("Helen Reid", "pa", "Leaving Care North");
  gint64 id = add_person ("LC7020", pa);

  teams = pathways_store_list (store, PATHWAYS_TYPE_TEAM, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (teams), 1);
  team = g_list_model_get_item (teams, 0);
  ck_assert_str_eq (pathways_team_get_name (team), "Leaving Care North");

  ck_assert (!pathways_people_staff_leaves (store, pa, TEST_TODAY, NULL, &error));
  ck_assert_str_eq (error->message,
                    "Alison Bennett is still the personal adviser of 1 young person: reassign them first");
  g_clear_error (&error);
  ck_assert (pathways_people_reassign (store, &id, 1, other, NULL, &error));
  ck_assert (pathways_people_staff_leaves (store, pa, TEST_TODAY, &undo, &error));
  ck_assert_no_error (error);
  /* Someone who left cannot be given young people */
  ck_assert (!pathways_people_reassign (store, &id, 1, pa, NULL, &error));
  ck_assert_str_eq (error->message, "Alison Bennett left on 22/11/2026");
  g_clear_error (&error);

  /* Renaming the team follows into staff */
  pathways_team_set_name (team, "Leaving Care North and Central");
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (team), &error));
  ck_assert_no_error (error);
  staff = pathways_store_get (store, PATHWAYS_TYPE_STAFF, other, &error);
  ck_assert_str_eq (pathways_staff_get_team (staff), "Leaving Care North and Central");
}
END_TEST

/* Contacts: validated, with their author; the alert reads the latest
 * one that reached the young person (an attempt does not count) */
START_TEST (test_contacts_feed_the_alert)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC7030");
  g_autoptr(PathwaysContact) bad = NULL;
  g_autoptr(PathwaysContact) attempt = NULL;
  g_autoptr(PathwaysContact) visit = NULL;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GListModel) contacts = NULL;
  gint64 id;

  g_object_set (yp, "date-care-ended", "2026-05-14", "pathway-plan-review-date", "2026-09-01",
                "needs-assessment-date", "2024-07-01", NULL);
  id = test_add (store, PATHWAYS_RECORD (yp));
  ck_assert_uint_eq (count_alerts (id, TEST_TODAY, PATHWAYS_ALERT_CONTACT), 1);

  bad = g_object_new (PATHWAYS_TYPE_CONTACT, "young-person-id", id, "contact-date", "2008-05-01",
                      "kind", "visit", NULL);
  ck_assert (!pathways_people_record_contact (store, bad, NULL, &error));
  ck_assert_str_eq (error->message, "Date of contact 01/05/2008 is before their date of birth 14/05/2008");
  g_clear_error (&error);
  pathways_contact_set_contact_date (bad, "2026-11-23");
  ck_assert (!pathways_people_record_contact (store, bad, NULL, &error));
  g_clear_error (&error);
  pathways_contact_set_contact_date (bad, TEST_TODAY);
  pathways_contact_set_kind (bad, "carrier pigeon");
  ck_assert (!pathways_people_record_contact (store, bad, NULL, &error));
  g_clear_error (&error);

  /* An attempt today still leaves them overdue */
  attempt = g_object_new (PATHWAYS_TYPE_CONTACT, "young-person-id", id, "contact-date", TEST_TODAY,
                          "kind", "attempted", "note", "No answer", NULL);
  ck_assert (pathways_people_record_contact (store, attempt, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (pathways_contact_get_author (attempt));
  ck_assert_uint_eq (count_alerts (id, TEST_TODAY, PATHWAYS_ALERT_CONTACT), 1);

  /* A visit 56 days ago is just in time; the day after it is overdue */
  visit = g_object_new (PATHWAYS_TYPE_CONTACT, "young-person-id", id, "contact-date", "2026-09-27",
                        "kind", "visit", NULL);
  ck_assert (pathways_people_record_contact (store, visit, &undo, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (count_alerts (id, TEST_TODAY, PATHWAYS_ALERT_CONTACT), 0);
  ck_assert_uint_eq (count_alerts (id, "2026-11-23", PATHWAYS_ALERT_CONTACT), 1);

  contacts = pathways_people_list_contacts (store, id, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (contacts), 2);
  {
    g_autoptr(PathwaysContact) first = g_list_model_get_item (contacts, 0);
    ck_assert_str_eq (pathways_contact_get_kind (first), "attempted");  /* newest first */
  }

  ck_assert (pathways_store_undo (store, undo, &error));
  ck_assert_uint_eq (count_alerts (id, TEST_TODAY, PATHWAYS_ALERT_CONTACT), 1);
}
END_TEST

/* Born 22/11/2005: 21 on TEST_TODAY.  Former relevant. */
static gint64
add_turning_21 (const char *local_id)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person (local_id);

  g_object_set (yp, "date-of-birth", "2005-11-22", "date-first-looked-after", "2019-03-01",
                "date-care-ended", "2023-11-22", "pathway-plan-review-date", "2026-09-01",
                "needs-assessment-date", "2022-01-10", NULL);
  return test_add (store, PATHWAYS_RECORD (yp));
}

/* PA contact after 21: owed to those who asked, or in education */
START_TEST (test_contact_after_21_only_on_request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysYoungPerson) yp = NULL;
  gint64 id = add_turning_21 ("LC7040");

  /* No contact recorded: overdue the day before 21, not owed on the day */
  ck_assert_uint_eq (count_alerts (id, "2026-11-21", PATHWAYS_ALERT_CONTACT), 1);
  ck_assert_uint_eq (count_alerts (id, "2026-11-22", PATHWAYS_ALERT_CONTACT), 0);
  ck_assert_uint_eq (count_alerts (id, "2026-11-23", PATHWAYS_ALERT_CONTACT), 0);

  /* In full-time education from their birthday: owed again */
  {
    g_autoptr(PathwaysActivity) a = g_object_new (PATHWAYS_TYPE_ACTIVITY, "young-person-id", id,
                                                  "activ", "F1", "start-date", "2026-11-22", NULL);
    g_autoptr(PathwaysActivity) wrong = g_object_new (PATHWAYS_TYPE_ACTIVITY, "young-person-id", id,
                                                      "activ", "ZZ", "start-date", "2026-11-22", NULL);
    ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (wrong), &error));
    g_clear_error (&error);
    test_add (store, PATHWAYS_RECORD (a));
    ck_assert_uint_eq (count_alerts (id, "2026-11-22", PATHWAYS_ALERT_CONTACT), 1);
    /* Ended the day before: not */
    pathways_activity_set_end_date (a, "2026-11-22");
    ck_assert (pathways_store_update (store, PATHWAYS_RECORD (a), &error));
    ck_assert_uint_eq (count_alerts (id, "2026-11-23", PATHWAYS_ALERT_CONTACT), 0);
  }

  /* Asked for a PA: owed */
  yp = get_person (id);
  pathways_young_person_set_pa_support_after_21 (yp, "requested");
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (count_alerts (id, "2026-11-23", PATHWAYS_ALERT_CONTACT), 1);

  /* Not a known answer */
  pathways_young_person_set_pa_support_after_21 (yp, "maybe");
  ck_assert (!pathways_store_update (store, PATHWAYS_RECORD (yp), &error));
  g_clear_error (&error);
}
END_TEST

/* The yearly offer of PA support after 21, for those who have not asked */
START_TEST (test_annual_offer_alert)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysYoungPerson) yp = NULL;
  gint64 id = add_turning_21 ("LC7050");

  ck_assert_uint_eq (count_alerts (id, "2026-11-21", PATHWAYS_ALERT_PA_OFFER), 0);
  ck_assert_uint_eq (count_alerts (id, "2026-11-22", PATHWAYS_ALERT_PA_OFFER), 1);
  ck_assert_uint_eq (count_alerts (id, "2026-11-23", PATHWAYS_ALERT_PA_OFFER), 1);

  /* Offered and declined on the birthday: due again a year on */
  yp = get_person (id);
  g_object_set (yp, "pa-support-after-21", "declined", "pa-support-offered-on", "2026-11-22", NULL);
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (count_alerts (id, "2026-11-23", PATHWAYS_ALERT_PA_OFFER), 0);
  ck_assert_uint_eq (count_alerts (id, "2027-11-21", PATHWAYS_ALERT_PA_OFFER), 0);
  ck_assert_uint_eq (count_alerts (id, "2027-11-22", PATHWAYS_ALERT_PA_OFFER), 1);

  /* Asked for it: no reminder */
  pathways_young_person_set_pa_support_after_21 (yp, "requested");
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_uint_eq (count_alerts (id, "2027-11-22", PATHWAYS_ALERT_PA_OFFER), 0);
}
END_TEST

/* Retention: a validated setting; who among the closed cases is past it */
START_TEST (test_retention)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) past = NULL;
  g_autofree char *end = NULL;
  gint64 id = add_person ("LC7060", 0);

  ck_assert (!pathways_store_set_setting (store, "retention_years", "17", &error));
  ck_assert_str_eq (error->message, "Retention period must be a whole number of years from 18 to 120");
  g_clear_error (&error);
  end = pathways_people_retention_end (store, "2008-05-14");
  ck_assert_str_eq (end, "2083-05-14");

  ck_assert (pathways_people_close_case (store, id, TEST_TODAY, "other", NULL, &error));
  past = pathways_people_past_retention (store, "2083-05-13", &error);
  ck_assert_uint_eq (g_list_model_get_n_items (past), 0);
  g_clear_object (&past);
  past = pathways_people_past_retention (store, "2083-05-14", &error);
  ck_assert_uint_eq (g_list_model_get_n_items (past), 1);
  g_clear_object (&past);

  ck_assert (pathways_store_set_setting (store, "retention_years", "25", &error));
  past = pathways_people_past_retention (store, "2033-05-14", &error);
  ck_assert_uint_eq (g_list_model_get_n_items (past), 1);
}
END_TEST

/* Renaming a team is one action: the team, its staff and its young
 * people take the new name, and one undo gives the old one back */
START_TEST (test_rename_team_and_undo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(PathwaysStaff) staff = NULL;
  g_autoptr(PathwaysYoungPerson) yp = NULL;
  gint64 pa = add_staff ("Alison Bennett", "pa", "Leaving Care North");
  gint64 id = add_person ("LC7030", pa);
  gint64 team_id = test_query_int (store, "SELECT id FROM team WHERE name = 'Leaving Care North'");

  yp = get_person (id);
  pathways_young_person_set_team (yp, "Leaving Care North");
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (yp), &error));
  g_clear_object (&yp);

  ck_assert (!pathways_people_rename_team (store, team_id, "", NULL, &error));
  ck_assert_str_eq (error->message, "Team name is required");
  g_clear_error (&error);

  ck_assert (pathways_people_rename_team (store, team_id, "Leaving Care Central", &undo, &error));
  ck_assert_no_error (error);
  staff = pathways_store_get (store, PATHWAYS_TYPE_STAFF, pa, &error);
  ck_assert_str_eq (pathways_staff_get_team (staff), "Leaving Care Central");
  yp = get_person (id);
  ck_assert_str_eq (pathways_young_person_get_team (yp), "Leaving Care Central");
  g_clear_object (&staff);
  g_clear_object (&yp);

  ck_assert (pathways_store_undo (store, undo, &error));
  ck_assert_no_error (error);
  staff = pathways_store_get (store, PATHWAYS_TYPE_STAFF, pa, &error);
  ck_assert_str_eq (pathways_staff_get_team (staff), "Leaving Care North");
  yp = get_person (id);
  ck_assert_str_eq (pathways_young_person_get_team (yp), "Leaving Care North");
}
END_TEST

/* Deleting an activity or an episode is one action, and undone as one */
START_TEST (test_delete_and_undo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(PathwaysChangeSet) undo_episode = NULL;
  g_autoptr(PathwaysActivity) a = NULL;
  g_autoptr(PathwaysEpisode) e = NULL;
  gint64 id = add_person ("LC7040", 0);

  a = g_object_new (PATHWAYS_TYPE_ACTIVITY, "young-person-id", id, "activ", "F2", "start-date", "2026-09-01", NULL);
  test_add (store, PATHWAYS_RECORD (a));
  ck_assert (pathways_people_delete (store, PATHWAYS_RECORD (a), &undo, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_ACTIVITY, NULL), 0);
  ck_assert (pathways_store_undo (store, undo, &error));
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_ACTIVITY, NULL), 1);

  e = pathways_episode_new (id, "2022-06-01");
  g_object_set (e, "ls", "C2", "place", "U4", "rne", "S", NULL);
  test_add (store, PATHWAYS_RECORD (e));
  ck_assert (pathways_care_history_delete (store, e, &undo_episode, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_EPISODE, NULL), 0);
  ck_assert (pathways_store_undo (store, undo_episode, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_EPISODE, NULL), 1);
}
END_TEST

static Suite *
people_suite (void)
{
  Suite *s = suite_create ("people");
  TCase *tc = tcase_create ("caseload");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_add_person_with_milestones_and_undo);
  tcase_add_test (tc, test_close_case_archive_undo_reopen);
  tcase_add_test (tc, test_reassign_several_and_undo);
  tcase_add_test (tc, test_staff_leave_and_teams);
  tcase_add_test (tc, test_contacts_feed_the_alert);
  tcase_add_test (tc, test_contact_after_21_only_on_request);
  tcase_add_test (tc, test_annual_offer_alert);
  tcase_add_test (tc, test_retention);
  tcase_add_test (tc, test_rename_team_and_undo);
  tcase_add_test (tc, test_delete_and_undo);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (people_suite ());
}
