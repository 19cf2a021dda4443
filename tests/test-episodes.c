/* test-episodes.c — care history as SSDA903 episodes, whatever the backend
 *
 * Adding, listing, changing, ending and deleting a young person's
 * episodes; what the store refuses (overlaps, before birth, ending before
 * starting, codes not valid on the episode's dates), each with the
 * sentence the person sees; and the status that follows from the
 * episodes (short breaks, 29 February, special guardianship, custody,
 * a return home), through the rules snapshot the pages use.
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

/* A young person born on @dob with no typed figures */
static gint64
add_person (PathwaysStore *store,
            const char    *local_id,
            const char    *dob)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person (local_id);

  g_object_set (yp, "date-of-birth", dob, "date-first-looked-after", NULL,
                "days-looked-after-since-14", (gint64) 0, "days-looked-after-since-16", (gint64) 0, NULL);
  return test_add (store, PATHWAYS_RECORD (yp));
}

static PathwaysEpisode *
episode (gint64      person,
         const char *decom,
         const char *dec,
         const char *rec)
{
  PathwaysEpisode *e = pathways_episode_new (person, decom);

  g_object_set (e, "rne", "S", "ls", "C2", "cin", "N1", "place", "U4", "place-provider", "PR1",
                "dec", dec, "rec", rec, NULL);
  return e;
}

static gint64
add_episode (PathwaysStore *store,
             gint64         person,
             const char    *decom,
             const char    *dec,
             const char    *rec)
{
  g_autoptr(PathwaysEpisode) e = episode (person, decom, dec, rec);

  return test_add (store, PATHWAYS_RECORD (e));
}

/* Add, list, end, change, delete: each audited */

START_TEST (test_episode_lifecycle)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "life.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(PathwaysEpisode) open = NULL;
  gint64 person = add_person (store, "EP1", "2008-05-14");
  gint64 later, earlier;

  later = add_episode (store, person, "2023-01-01", NULL, NULL);
  earlier = add_episode (store, person, "2020-02-01", "2021-06-30", "E4A");

  list = pathways_care_history_list (store, person, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 2);
  {
    g_autoptr(PathwaysEpisode) first = g_list_model_get_item (list, 0);
    ck_assert_int_eq (pathways_record_get_id (PATHWAYS_RECORD (first)), earlier);
    ck_assert_str_eq (pathways_episode_get_rec (first), "E4A");
  }

  open = pathways_store_get (store, PATHWAYS_TYPE_EPISODE, later, &error);
  ck_assert_no_error (error);
  ck_assert (pathways_care_history_end (store, open, "2024-11-30", "E6", &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (pathways_record_get_version (PATHWAYS_RECORD (open)), 2);
  {
    g_autoptr(PathwaysEpisode) again = pathways_store_get (store, PATHWAYS_TYPE_EPISODE, later, &error);
    ck_assert_str_eq (pathways_episode_get_dec (again), "2024-11-30");
    ck_assert_str_eq (pathways_episode_get_rec (again), "E6");
  }
  /* An ended episode is not ended twice */
  ck_assert (!pathways_care_history_end (store, open, "2025-01-01", "E8", &error));
  ck_assert_str_eq (error->message, "This episode already ended on 30/11/2024");
  g_clear_error (&error);

  /* Changed (the placement), then deleted */
  pathways_episode_set_place (open, "K2");
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (open), &error));
  ck_assert_no_error (error);
  ck_assert (pathways_store_delete (store, PATHWAYS_RECORD (open), &error));
  ck_assert_no_error (error);
  g_clear_object (&list);
  list = pathways_care_history_list (store, person, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 1);

  /* insert, update (ended), update (placement), delete */
  audit = pathways_store_list_audit (store, "episode", later, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (audit), 4);
  {
    g_autoptr(PathwaysAuditEntry) newest = g_list_model_get_item (audit, 0);
    ck_assert_str_eq (pathways_audit_entry_get_action (newest), "delete");
  }
}
END_TEST

/* What the store refuses, in the words the person sees; nothing written */

typedef struct {
  const char *what;
  const char *decom;
  const char *dec;
  const char *rec;
  const char *field;
  const char *value;
  const char *message;
} Refusal;

static const Refusal refusals[] = {
  { "overlaps an ended one", "2023-06-01", "2023-07-01", "E8", NULL, NULL,
    "Start date 01/06/2023: this episode overlaps the one from 01/01/2023 to 01/01/2024" },
  { "covers an ended one", "2022-06-01", "2024-07-01", "E8", NULL, NULL,
    "Start date 01/06/2022: this episode overlaps the one from 01/01/2023 to 01/01/2024" },
  { "overlaps one that has not ended", "2024-05-01", NULL, NULL, NULL, NULL,
    "Start date 01/05/2024: this episode overlaps the one from 01/02/2024 that has not ended" },
  { "starts before birth", "2008-05-13", "2009-01-01", "E8", NULL, NULL,
    "Start date 13/05/2008 is before the date of birth 14/05/2008" },
  { "ends before it starts", "2022-03-01", "2022-02-28", "E8", NULL, NULL,
    "End date 28/02/2022 is not after the start date 01/03/2022" },
  { "ends the day it starts", "2022-03-01", "2022-03-01", "E8", NULL, NULL,
    "End date 01/03/2022 is not after the start date 01/03/2022" },
  { "P2 after 28/10/2023", "2023-10-28", "2023-12-01", "E8", "place", "P2",
    "Placement type (PLACE) ‘P2’ was not a valid 903 code on 28/10/2023" },
  { "H5 from 2025/26", "2025-04-01", NULL, NULL, "place", "H5",
    "Placement type (PLACE) ‘H5’ was not a valid 903 code on 01/04/2025" },
  { "unknown legal status", "2021-01-01", "2021-02-01", "E8", "ls", "Z9",
    "Legal status (LS) ‘Z9’ is not a 903 LS code" },
  { "unknown reason ceased", "2021-01-01", "2021-02-01", "E43", NULL, NULL,
    "Reason episode ceased (REC) ‘E43’ is not a 903 REC code" },
  { "reason without an end", "2021-01-01", NULL, "E8", NULL, NULL,
    "Reason episode ceased (REC) needs the end date of the episode" },
  { "end without a reason", "2021-01-01", "2021-02-01", NULL, NULL, NULL,
    "Reason episode ceased (REC) is needed when the episode has an end date" },
  { "starts in the future", "2026-11-23", NULL, NULL, NULL, NULL,
    "Start date 23/11/2026 is in the future" },
  { "unknown provider", "2021-01-01", "2021-02-01", "E8", "place-provider", "PR9",
    "Placement provider (PLACE_PROVIDER) ‘PR9’ is not a 903 PLACE_PROVIDER code" },
};

START_TEST (test_episode_refusals)
{
  const Refusal *r = &refusals[_i];
  g_autoptr(PathwaysStore) store = test_open_store (dir, "refuse.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysEpisode) e = NULL;
  gint64 person = add_person (store, "EP2", "2008-05-14");

  add_episode (store, person, "2023-01-01", "2024-01-01", "X1");
  add_episode (store, person, "2024-02-01", NULL, NULL);

  e = episode (person, r->decom, r->dec, r->rec);
  if (r->field != NULL)
    g_object_set (e, r->field, r->value, NULL);
  ck_assert_msg (!pathways_store_insert (store, PATHWAYS_RECORD (e), &error), "%s: written", r->what);
  ck_assert_msg (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID), "%s", r->what);
  ck_assert_str_eq (error->message, r->message);
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM episode"), 2);
}
END_TEST

/* Episodes that join (one ends the day the next starts) are one history;
 * an episode may be changed without overlapping itself, but not into
 * another */
START_TEST (test_episodes_join_and_change)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "join.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysEpisode) second = NULL;
  gint64 person = add_person (store, "EP3", "2008-05-14");
  gint64 id;

  add_episode (store, person, "2023-01-01", "2024-01-01", "X1");
  id = add_episode (store, person, "2024-01-01", NULL, NULL);
  second = pathways_store_get (store, PATHWAYS_TYPE_EPISODE, id, &error);
  ck_assert_no_error (error);

  pathways_episode_set_place (second, "K2");
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (second), &error));
  ck_assert_no_error (error);

  pathways_episode_set_decom (second, "2023-12-31");
  ck_assert (!pathways_store_update (store, PATHWAYS_RECORD (second), &error));
  ck_assert_str_eq (error->message, "Start date 31/12/2023: this episode overlaps the one from 01/01/2023 "
                                    "to 01/01/2024");
}
END_TEST

/* Derivation, through the snapshot the pages and the caseload use */

static const PathwaysPersonFacts *
facts_on (PathwaysSnapshot **snap,
          PathwaysStore     *store,
          gint64             person,
          const char        *on)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (snap, pathways_snapshot_free);
  *snap = pathways_snapshot_load (store, on, &error);
  ck_assert_no_error (error);
  return pathways_snapshot_get_person (*snap, person);
}

static PathwaysCareStatus
status_on (PathwaysStore *store,
           gint64         person,
           const char    *on)
{
  g_autoptr(PathwaysSnapshot) snap = NULL;
  const PathwaysPersonFacts *p = facts_on (&snap, store, person, on);

  return pathways_rules_care_status (p, on, NULL);
}

/* Each person's episodes and spells reach the rules by start date, and
 * the same date by the order they were added in, whatever order they
 * were added or stored in */
START_TEST (test_snapshot_orders_by_start)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "order.db");
  g_autoptr(PathwaysSnapshot) snap = NULL;
  g_autoptr(PathwaysSpell) later = NULL;
  g_autoptr(PathwaysSpell) earlier = NULL;
  gint64 person = add_person (store, "EP9", "2008-05-14");
  gint64 other = add_person (store, "EP10", "2008-06-01");
  const PathwaysPersonFacts *p;
  const PathwaysSpellFacts *s0, *s1;
  const PathwaysEpisodeFacts *e0, *e1;

  add_episode (store, person, "2024-01-01", NULL, NULL);
  add_episode (store, other, "2022-03-01", NULL, NULL);
  add_episode (store, person, "2023-01-01", "2024-01-01", "X1");
  later = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", person, "address", "12 Larch Road", "accom", "D",
                        "start-date", "2026-05-14", "state", "current", NULL);
  earlier = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", person, "address", "Foster placement",
                          "place", "U4", "start-date", "2024-01-01", "actual-end", "2026-05-14",
                          "state", "ended", NULL);
  test_add (store, PATHWAYS_RECORD (later));
  test_add (store, PATHWAYS_RECORD (earlier));

  p = facts_on (&snap, store, person, "2026-11-22");
  ck_assert_uint_eq (p->episodes->len, 2);
  e0 = g_ptr_array_index (p->episodes, 0);
  e1 = g_ptr_array_index (p->episodes, 1);
  ck_assert_str_eq (e0->decom, "2023-01-01");
  ck_assert_str_eq (e1->decom, "2024-01-01");
  ck_assert_uint_eq (p->spells->len, 2);
  s0 = g_ptr_array_index (p->spells, 0);
  s1 = g_ptr_array_index (p->spells, 1);
  ck_assert_str_eq (s0->start, "2024-01-01");
  ck_assert_str_eq (s1->start, "2026-05-14");
}
END_TEST

/* The 13 weeks since 14, the day before, of and after they are met: an
 * episode that began 89 days before the 16th birthday */
START_TEST (test_thirteen_weeks_from_episodes)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "weeks.db");
  g_autoptr(PathwaysSnapshot) snap = NULL;
  gint64 person = add_person (store, "EP4", "2010-01-10");   /* 16 on 10/01/2026 */
  const PathwaysPersonFacts *p;

  add_episode (store, person, "2025-10-13", NULL, NULL);

  p = facts_on (&snap, store, person, "2026-01-10");
  ck_assert_int_eq (p->days_since_14, 90);
  ck_assert_int_eq (p->days_since_16, 1);
  ck_assert_int_eq (pathways_rules_care_status (p, "2026-01-10", NULL), PATHWAYS_CARE_STATUS_LOOKED_AFTER);
  p = facts_on (&snap, store, person, "2026-01-11");
  ck_assert_int_eq (p->days_since_14, 91);
  ck_assert_int_eq (p->days_since_16, 2);
  ck_assert_str_eq (p->date_first_looked_after, "2025-10-13");
  ck_assert_ptr_null (p->date_care_ended);
  ck_assert_str_eq (p->last_placement, "U4");
  ck_assert_int_eq (pathways_rules_care_status (p, "2026-01-11", NULL), PATHWAYS_CARE_STATUS_ELIGIBLE);
  p = facts_on (&snap, store, person, "2026-01-12");
  ck_assert_int_eq (p->days_since_14, 92);
  ck_assert_int_eq (pathways_rules_care_status (p, "2026-01-12", NULL), PATHWAYS_CARE_STATUS_ELIGIBLE);
}
END_TEST

/* Short breaks (LS V3/V4) are not counted towards the 13 weeks */
START_TEST (test_short_breaks_do_not_count)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "breaks.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysSnapshot) snap = NULL;
  g_autoptr(PathwaysEpisode) breaks = NULL;
  gint64 person = add_person (store, "EP5", "2009-06-01");   /* 16 on 01/06/2025 */
  const PathwaysPersonFacts *p;

  breaks = episode (person, "2024-01-01", "2025-05-01", "E8");
  pathways_episode_set_ls (breaks, "V3");
  test_add (store, PATHWAYS_RECORD (breaks));
  add_episode (store, person, "2025-06-01", "2025-07-01", "E4A");   /* 30 days after 16 */

  p = facts_on (&snap, store, person, "2026-11-22");
  ck_assert_int_eq (p->days_since_14, 30);
  ck_assert_int_eq (p->days_since_16, 30);
  ck_assert_str_eq (p->date_first_looked_after, "2024-01-01");
  ck_assert_str_eq (p->date_care_ended, "2025-07-01");
  /* Looked after after 16 but not 13 weeks: qualifying, not relevant */
  ck_assert_int_eq (pathways_rules_care_status (p, "2026-11-22", NULL), PATHWAYS_CARE_STATUS_QUALIFYING);

  /* The same series as an ordinary s.20 accommodation would count */
  pathways_episode_set_ls (breaks, "V2");
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (breaks), &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (status_on (store, person, "2026-11-22"), PATHWAYS_CARE_STATUS_RELEVANT);
}
END_TEST

/* Born 29 February: 14 on 1 March 2022, 16 on 29 February 2024 */
START_TEST (test_leap_day_birthday)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "leap.db");
  g_autoptr(PathwaysSnapshot) snap = NULL;
  gint64 person = add_person (store, "EP6", "2008-02-29");
  const PathwaysPersonFacts *p;

  add_episode (store, person, "2022-02-27", "2022-06-01", "E4A");   /* 2 days before 14 */
  add_episode (store, person, "2024-02-28", "2024-03-01", "E8");    /* the day before 16, and the day */

  p = facts_on (&snap, store, person, "2026-11-22");
  ck_assert_int_eq (p->days_since_14, 92 + 2);
  ck_assert_int_eq (p->days_since_16, 1);
  ck_assert_int_eq (pathways_rules_care_status (p, "2026-11-22", NULL), PATHWAYS_CARE_STATUS_FORMER_RELEVANT);
}
END_TEST

/* Left care under a special guardianship order (REC E45–E48): qualifying,
 * never former relevant, to 21 */
START_TEST (test_special_guardianship_from_episodes)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "sgo.db");
  gint64 person = add_person (store, "EP7", "2007-06-01");   /* 16 on 01/06/2023 */

  add_episode (store, person, "2022-01-01", "2024-01-01", "E46");
  ck_assert_int_eq (status_on (store, person, "2026-11-22"), PATHWAYS_CARE_STATUS_QUALIFYING);
  ck_assert_int_eq (status_on (store, person, "2028-05-31"), PATHWAYS_CARE_STATUS_QUALIFYING);
  ck_assert_int_eq (status_on (store, person, "2028-06-01"), PATHWAYS_CARE_STATUS_NONE);
}
END_TEST

/* Sentenced to custody (E9) before the 16th birthday: relevant only with
 * the 13 weeks since 14 (reg 3(2) of the 2010 Regulations) */
START_TEST (test_custody_at_16_from_episodes)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "custody.db");
  gint64 enough = add_person (store, "EP8", "2009-06-01");   /* 14 on 01/06/2023, 16 on 01/06/2025 */
  gint64 short_of = add_person (store, "EP9", "2009-06-01");

  add_episode (store, enough, "2025-01-01", "2025-04-02", "E9");     /* 91 days */
  add_episode (store, short_of, "2025-01-01", "2025-04-01", "E9");   /* 90 days */
  ck_assert_int_eq (status_on (store, enough, "2026-11-22"), PATHWAYS_CARE_STATUS_RELEVANT);
  ck_assert_int_eq (status_on (store, short_of, "2026-11-22"), PATHWAYS_CARE_STATUS_NONE);
}
END_TEST

/* Went home (E4A): relevant status ends once the return home has lasted
 * 6 months, at 16–17; at 18 a former relevant young person stays one */
START_TEST (test_return_home_from_episodes)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "home.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysYoungPerson) yp = NULL;
  gint64 young = add_person (store, "EP10", "2009-06-01");   /* 17 */
  gint64 adult = add_person (store, "EP11", "2007-06-01");   /* 18 on 01/06/2025 */

  add_episode (store, young, "2024-01-01", "2026-03-01", "E4A");
  add_episode (store, adult, "2023-01-01", "2025-09-01", "E4B");
  yp = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, young, &error);
  pathways_young_person_set_returned_home_6_months (yp, TRUE);
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (yp), &error));
  g_clear_object (&yp);
  yp = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, adult, &error);
  pathways_young_person_set_returned_home_6_months (yp, TRUE);
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_no_error (error);

  ck_assert_int_eq (status_on (store, young, "2026-08-31"), PATHWAYS_CARE_STATUS_RELEVANT);
  ck_assert_int_eq (status_on (store, young, "2026-09-01"), PATHWAYS_CARE_STATUS_QUALIFYING);
  ck_assert_int_eq (status_on (store, young, "2026-09-02"), PATHWAYS_CARE_STATUS_QUALIFYING);
  ck_assert_int_eq (status_on (store, adult, "2026-11-22"), PATHWAYS_CARE_STATUS_FORMER_RELEVANT);
}
END_TEST

/* The explanation the page shows comes with the source of the rule */
START_TEST (test_status_names_its_source)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "source.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysPersonDetails) d = NULL;
  gint64 person = add_person (store, "EP12", "2007-06-01");

  add_episode (store, person, "2022-01-01", "2024-01-01", "E45");
  d = pathways_person_load (store, person, TEST_TODAY, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (d->status, PATHWAYS_CARE_STATUS_QUALIFYING);
  ck_assert_msg (strstr (d->status_explanation, "s.24(1A)") != NULL, "%s", d->status_explanation);
}
END_TEST

/* A record's notifications, which bindings in the pages follow: one
 * "notify" for the property changed — through its typed setter, by
 * property name, or its id and version — none for the same value again,
 * and none for the others (records notify by their pspecs) */
static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    data)
{
  g_string_append_printf (data, "%s;", pspec->name);
}

START_TEST (test_record_notifies_by_field)
{
  g_autoptr(PathwaysEpisode) e = pathways_episode_new (42, "2024-05-01");
  g_autoptr(GString) seen = g_string_new (NULL);

  ck_assert_int_eq (pathways_episode_get_young_person_id (e), 42);
  ck_assert_str_eq (pathways_episode_get_decom (e), "2024-05-01");
  ck_assert_ptr_null (pathways_episode_get_place (e));

  g_signal_connect (e, "notify", G_CALLBACK (count_notify_cb), seen);
  pathways_episode_set_place (e, "K2");
  pathways_episode_set_place (e, "K2");
  ck_assert_str_eq (seen->str, "place;");
  g_object_set (e, "ls", "C2", "decom", "2024-05-01", NULL);
  ck_assert_str_eq (seen->str, "place;ls;");
  pathways_record_set_id (PATHWAYS_RECORD (e), 7);
  pathways_record_set_version (PATHWAYS_RECORD (e), 3);
  pathways_record_set_version (PATHWAYS_RECORD (e), 3);
  ck_assert_str_eq (seen->str, "place;ls;id;version;");
  pathways_episode_set_urn (e, "");  /* empty is stored as "not recorded" */
  ck_assert_ptr_null (pathways_episode_get_urn (e));
  g_string_truncate (seen, 0);
  g_string_append (seen, "place;ls;id;version;");
  pathways_episode_set_young_person_id (e, 43);
  ck_assert_str_eq (seen->str, "place;ls;id;version;young-person-id;");
  ck_assert_str_eq (pathways_episode_get_place (e), "K2");
  ck_assert_str_eq (pathways_episode_get_ls (e), "C2");
}
END_TEST

static Suite *
episodes_suite (void)
{
  Suite *s = suite_create ("episodes");
  TCase *store = tcase_create ("store");
  TCase *derive = tcase_create ("derivation");

  tcase_add_checked_fixture (store, setup, teardown);
  tcase_add_test (store, test_episode_lifecycle);
  tcase_add_loop_test (store, test_episode_refusals, 0, G_N_ELEMENTS (refusals));
  tcase_add_test (store, test_episodes_join_and_change);
  tcase_add_test (store, test_record_notifies_by_field);
  suite_add_tcase (s, store);

  tcase_add_checked_fixture (derive, setup, teardown);
  tcase_add_test (derive, test_snapshot_orders_by_start);
  tcase_add_test (derive, test_thirteen_weeks_from_episodes);
  tcase_add_test (derive, test_short_breaks_do_not_count);
  tcase_add_test (derive, test_leap_day_birthday);
  tcase_add_test (derive, test_special_guardianship_from_episodes);
  tcase_add_test (derive, test_custody_at_16_from_episodes);
  tcase_add_test (derive, test_return_home_from_episodes);
  tcase_add_test (derive, test_status_names_its_source);
  suite_add_tcase (s, derive);

  return s;
}

int
main (void)
{
  return test_run_suite (episodes_suite ());
}
