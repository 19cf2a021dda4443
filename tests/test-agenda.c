/* test-agenda.c — My day and the Agenda: a caseload's alerts and key
 * dates for the coming weeks, and the iCalendar file a PA's calendar reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include "test-util.h"

static char *dir;
static PathwaysStore *store;
static gint64 alison, helen;
static gint64 amara, ben, zoe;

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
           const char *start)
{
  g_autoptr(PathwaysSpell) s = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", who,
                                             "unit-id", unit, "place", place, "accom", accom,
                                             "state", state, "start-date", start, NULL);
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
  g_autoptr(PathwaysUnit) flat = NULL;
  g_autoptr(PathwaysUnit) bnb = NULL;
  g_autoptr(PathwaysTransition) move = NULL;
  gint64 flat_id, bnb_id, foster;

  dir = test_make_dir ();
  store = test_open_store (dir, "agenda.db");
  alison = test_add (store, PATHWAYS_RECORD (a));
  helen = test_add (store, PATHWAYS_RECORD (h));
  flat = g_object_new (PATHWAYS_TYPE_UNIT, "name", "Flat 3, Canal House", "kind", "council",
                       "status", "available", "min-age", (gint64) 18, "max-age", (gint64) 25,
                       "in-authority", TRUE, NULL);
  flat_id = test_add (store, PATHWAYS_RECORD (flat));
  bnb = g_object_new (PATHWAYS_TYPE_UNIT, "name", "Station Road Guest House", "kind", "bed_and_breakfast",
                      "status", "occupied", "min-age", (gint64) 16, "max-age", (gint64) 25,
                      "in-authority", TRUE, NULL);
  bnb_id = test_add (store, PATHWAYS_RECORD (bnb));

  /* Amara, 17: 18 on 10 December, moving to a council flat that day */
  amara = add_person ("LC2000", "Amara", "Okafor", "2008-12-10", alison);
  foster = add_spell (amara, 0, "U4", NULL, "current", "2019-03-01");
  move = g_object_new (PATHWAYS_TYPE_TRANSITION, "young-person-id", amara, "from-spell-id", foster,
                       "to-unit-id", flat_id, "planned-date", "2026-12-10", "state", "confirmed", NULL);
  test_add (store, PATHWAYS_RECORD (move));
  add_milestone (amara, "Register with a GP, dentist; optician", "2026-12-01", NULL);
  add_milestone (amara, "Open a bank account", "2026-12-02", "2026-11-01");
  add_milestone (amara, "Budgeting course", "2027-06-01", NULL);

  /* Ben, 20, in a B&B: an alert; 21 on 20 December */
  ben = add_person ("LC2001", "Ben", "Adams", "2005-12-20", helen);
  add_spell (ben, bnb_id, NULL, "W", "current", "2026-11-01");

  /* Zoe, 16, no PA: 17 on 1 January */
  zoe = add_person ("LC2002", "Zoe", "Zed", "2010-01-01", 0);
  add_spell (zoe, 0, "U6", NULL, "current", "2025-09-01");
}

static void
teardown (void)
{
  g_clear_object (&store);
  test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

static PathwaysAgenda *
load (int days)
{
  g_autoptr(GError) error = NULL;
  PathwaysAgenda *agenda = pathways_agenda_load (store, TEST_TODAY, days, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (agenda);
  return agenda;
}

static const PathwaysAgendaItem *
find (GPtrArray  *items,
      gint64      person,
      const char *code)
{
  for (guint i = 0; i < items->len; i++)
    {
      const PathwaysAgendaItem *item = g_ptr_array_index (items, i);

      if (item->person_id == person && g_str_equal (item->code, code))
        return item;
    }
  return NULL;
}

START_TEST (test_dates_of_a_pa)
{
  g_autoptr(PathwaysAgenda) agenda = load (42);
  g_autoptr(GPtrArray) items = pathways_agenda_select (agenda, alison, NULL, 1u << PATHWAYS_AGENDA_DATE);
  const PathwaysAgendaItem *item;
  g_autofree char *key = NULL;

  ck_assert_str_eq (pathways_agenda_get_from (agenda), TEST_TODAY);
  ck_assert_str_eq (pathways_agenda_get_to (agenda), "2027-01-02");

  /* Only Alison's young person, by day: the milestone, then the 18th
   * birthday and the move on the same day */
  ck_assert_uint_ge (items->len, 3);
  for (guint i = 0; i < items->len; i++)
    {
      item = g_ptr_array_index (items, i);
      ck_assert_int_eq (item->person_id, amara);
      ck_assert_int_eq (item->kind, PATHWAYS_AGENDA_DATE);
      ck_assert_str_eq (item->pa_name, "Alison Bennett");
      ck_assert_str_eq (item->team, "Leaving Care North");
      if (i > 0)
        ck_assert_str_le (((PathwaysAgendaItem *) g_ptr_array_index (items, i - 1))->date, item->date);
    }

  item = find (items, amara, PATHWAYS_AGENDA_BIRTHDAY);
  ck_assert_ptr_nonnull (item);
  ck_assert_str_eq (item->date, "2026-12-10");
  ck_assert_str_eq (item->title, "18th birthday: leaves care");
  ck_assert_str_eq (item->short_name, "Amara O.");
  key = g_strdup_printf ("%" G_GINT64_FORMAT "-birthday-18", amara);
  ck_assert_str_eq (item->key, key);

  item = find (items, amara, PATHWAYS_AGENDA_MOVE);
  ck_assert_ptr_nonnull (item);
  ck_assert_str_eq (item->date, "2026-12-10");
  ck_assert_str_eq (item->title, "Planned move to Flat 3, Canal House");

  /* The milestone due in the weeks; not the one done, nor next June's */
  item = find (items, amara, PATHWAYS_AGENDA_MILESTONE);
  ck_assert_ptr_nonnull (item);
  ck_assert_str_eq (item->date, "2026-12-01");
  ck_assert_str_eq (((PathwaysAgendaItem *) g_ptr_array_index (items, 0))->date, "2026-12-01");
  for (guint i = 0; i < items->len; i++)
    {
      item = g_ptr_array_index (items, i);
      ck_assert (strstr (item->title, "bank account") == NULL);
      ck_assert (strstr (item->title, "Budgeting") == NULL);
    }
}
END_TEST

START_TEST (test_the_window)
{
  g_autoptr(PathwaysAgenda) week = load (7);
  g_autoptr(PathwaysAgenda) weeks = load (42);
  g_autoptr(GPtrArray) none = pathways_agenda_select (week, 0, NULL, 1u << PATHWAYS_AGENDA_DATE);
  g_autoptr(GPtrArray) all = pathways_agenda_select (weeks, 0, NULL, 1u << PATHWAYS_AGENDA_DATE);

  /* Nothing falls in the first week (Zoe's assessment aside) */
  for (guint i = 0; i < none->len; i++)
    ck_assert_str_le (((PathwaysAgendaItem *) g_ptr_array_index (none, i))->date, "2026-11-28");
  ck_assert_ptr_null (find (none, amara, PATHWAYS_AGENDA_BIRTHDAY));

  /* Six weeks: Ben's 21st and Zoe's 17th (New Year's Day) too */
  ck_assert_str_eq (find (all, ben, PATHWAYS_AGENDA_BIRTHDAY)->date, "2026-12-20");
  ck_assert_str_eq (find (all, ben, PATHWAYS_AGENDA_BIRTHDAY)->title,
                    "21st birthday: PA support ends unless asked for");
  ck_assert_str_eq (find (all, zoe, PATHWAYS_AGENDA_BIRTHDAY)->date, "2027-01-01");
  ck_assert_ptr_null (find (all, zoe, PATHWAYS_AGENDA_BIRTHDAY)->pa_name);
}
END_TEST

START_TEST (test_alerts_worst_first)
{
  g_autoptr(PathwaysAgenda) agenda = load (42);
  g_autoptr(GPtrArray) all = pathways_agenda_select (agenda, 0, NULL, PATHWAYS_AGENDA_ALL);
  g_autoptr(GPtrArray) south = pathways_agenda_select (agenda, 0, "Leaving Care South", PATHWAYS_AGENDA_ALL);
  gboolean dates = FALSE;
  const PathwaysAgendaItem *bnb;

  /* Alerts first, worst first; then the dates */
  ck_assert_uint_gt (all->len, 0);
  ck_assert_int_eq (((PathwaysAgendaItem *) g_ptr_array_index (all, 0))->kind, PATHWAYS_AGENDA_ALERT);
  for (guint i = 1; i < all->len; i++)
    {
      const PathwaysAgendaItem *prev = g_ptr_array_index (all, i - 1);
      const PathwaysAgendaItem *item = g_ptr_array_index (all, i);

      if (item->kind == PATHWAYS_AGENDA_DATE)
        dates = TRUE;
      else
        {
          ck_assert_msg (!dates, "an alert after the dates");
          ck_assert_int_ge (prev->severity, item->severity);
        }
    }
  ck_assert (dates);

  /* Ben in a B&B, for his team */
  bnb = find (south, ben, PATHWAYS_ALERT_UNSUITABLE) ? find (south, ben, PATHWAYS_ALERT_UNSUITABLE)
                                                   : find (south, ben, PATHWAYS_ALERT_EMERGENCY);
  ck_assert_ptr_nonnull (bnb);
  ck_assert_int_eq (bnb->kind, PATHWAYS_AGENDA_ALERT);
  for (guint i = 0; i < south->len; i++)
    ck_assert_int_eq (((PathwaysAgendaItem *) g_ptr_array_index (south, i))->person_id, ben);
}
END_TEST

START_TEST (test_pas_and_teams)
{
  g_autoptr(PathwaysAgenda) agenda = load (42);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) pas = pathways_agenda_list_pas (agenda, &ids);
  g_autoptr(GPtrArray) teams = pathways_agenda_list_teams (agenda);

  ck_assert_uint_eq (pas->len, 2);
  ck_assert_str_eq (g_ptr_array_index (pas, 0), "Alison Bennett");
  ck_assert_int_eq (g_array_index (ids, gint64, 0), alison);
  ck_assert_str_eq (g_ptr_array_index (pas, 1), "Helen Reid");
  ck_assert_int_eq (g_array_index (ids, gint64, 1), helen);
  ck_assert_uint_eq (teams->len, 2);
  ck_assert_str_eq (g_ptr_array_index (teams, 0), "Leaving Care North");
}
END_TEST

/* RFC 5545: CRLF, lines of at most 75 octets, all-day events with a
 * stable UID, TEXT escaped; no family name, no date of birth */
START_TEST (test_ics)
{
  g_autoptr(PathwaysAgenda) agenda = load (42);
  g_autoptr(GPtrArray) items = pathways_agenda_select (agenda, alison, NULL, PATHWAYS_AGENDA_ALL);
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2026, 11, 22, 9, 30, 0);
  g_autofree char *ics = pathways_agenda_to_ics (items, "Pathways key dates", stamp);
  g_autofree char *again = pathways_agenda_to_ics (items, "Pathways key dates", stamp);
  g_autofree char *uid = g_strdup_printf ("\r\nUID:%" G_GINT64_FORMAT "-birthday-18@pathways.invalid\r\n", amara);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) unfolded = g_string_new (NULL);
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint events = 0;

  ck_assert_str_eq (ics, again);
  ck_assert (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
  ck_assert (g_str_has_suffix (ics, "END:VCALENDAR\r\n"));
  ck_assert_ptr_nonnull (strstr (ics, uid));
  ck_assert_ptr_nonnull (strstr (ics, "\r\nDTSTART;VALUE=DATE:20261210\r\nDTEND;VALUE=DATE:20261211\r\n"));
  ck_assert_ptr_nonnull (strstr (ics, "\r\nDTSTAMP:20261122T093000Z\r\n"));
  ck_assert_ptr_nonnull (strstr (ics, "\r\nCLASS:CONFIDENTIAL\r\n"));
  ck_assert_ptr_null (strstr (ics, "Okafor"));
  ck_assert_ptr_null (strstr (ics, "2008"));
  /* Alerts are for the app, not the calendar */
  ck_assert_ptr_null (strstr (ics, PATHWAYS_ALERT_MILESTONE));

  lines = g_strsplit (ics, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      ck_assert_msg (strlen (lines[i]) <= 75, "line %u has %zu octets", i, strlen (lines[i]));
      ck_assert_ptr_null (strchr (lines[i], '\n'));
      if (lines[i][0] == ' ')
        g_string_append (unfolded, lines[i] + 1);
      else
        {
          g_string_append (unfolded, "\n");
          g_string_append (unfolded, lines[i]);
        }
      if (g_str_has_prefix (lines[i], "UID:"))
        ck_assert (g_hash_table_add (uids, g_strdup (lines[i])));
      if (g_str_equal (lines[i], "BEGIN:VEVENT"))
        events++;
    }
  ck_assert_uint_eq (events, g_hash_table_size (uids));
  ck_assert_uint_ge (events, 3);
  /* Folded and escaped: the comma and semicolon of the milestone's name */
  ck_assert_ptr_nonnull (strstr (unfolded->str,
                                 "\nSUMMARY:Milestone due: Register with a GP\\, dentist\\; optician — Amara O.\n"));
  ck_assert_ptr_nonnull (strstr (unfolded->str, "\nSUMMARY:18th birthday: leaves care — Amara O.\n"));
}
END_TEST

START_TEST (test_ics_file_private)
{
  g_autoptr(PathwaysAgenda) agenda = load (42);
  g_autoptr(GPtrArray) items = pathways_agenda_select (agenda, 0, NULL, 1u << PATHWAYS_AGENDA_DATE);
  g_autofree char *path = g_build_filename (dir, "agenda.ics", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  struct stat st;

  ck_assert (pathways_agenda_write_ics (items, NULL, path, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (stat (path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  ck_assert (g_file_get_contents (path, &text, NULL, NULL));
  ck_assert (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
}
END_TEST

static gboolean
loaded (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

START_TEST (test_async_load)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(PathwaysAgenda) agenda = NULL;
  g_autoptr(GError) error = NULL;

  pathways_agenda_load_async (store, TEST_TODAY, 42, NULL, loaded_cb, &result);
  ck_assert (test_wait_for (loaded, &result));
  agenda = pathways_agenda_load_finish (store, result, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (pathways_agenda_get_to (agenda), "2027-01-02");
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("agenda");
  TCase *tc = tcase_create ("agenda");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_dates_of_a_pa);
  tcase_add_test (tc, test_the_window);
  tcase_add_test (tc, test_alerts_worst_first);
  tcase_add_test (tc, test_pas_and_teams);
  tcase_add_test (tc, test_ics);
  tcase_add_test (tc, test_ics_file_private);
  tcase_add_test (tc, test_async_load);
  suite_add_tcase (s, tc);
  return test_run_suite (s);
}
