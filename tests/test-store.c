/* test-store.c — the store, whatever its backend: validation,
 * transactions, the audit trail, versions and conflicts, the "changed"
 * signal, async actions, the caseload
 *
 * Backend-neutral: the store comes from test_open_store(), which opens
 * the backend named by $PATHWAYS_TEST_BACKEND.  What only the SQLite
 * backend does (files, PRAGMAs, migrations) is in sqlite/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
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

/* Opening */

START_TEST (test_env_overrides_default)
{
  g_autofree char *path = g_build_filename (dir, "from-env.db", NULL);
  g_autofree char *found = NULL;

  g_setenv (PATHWAYS_DATABASE_ENV, path, TRUE);
  found = pathways_store_default_path ();
  g_unsetenv (PATHWAYS_DATABASE_ENV);
  ck_assert_str_eq (found, path);
}
END_TEST

START_TEST (test_reopen_keeps_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0001");
  gint64 id;

  {
    g_autoptr(PathwaysStore) store = test_open_store (dir, "reopen.db");
    ck_assert (pathways_store_is_empty (store));
    ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
    id = pathways_record_get_id (PATHWAYS_RECORD (yp));
    ck_assert_int_gt (id, 0);
  }

  {
    g_autoptr(PathwaysStore) store = test_open_store (dir, "reopen.db");
    g_autoptr(PathwaysYoungPerson) again = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, id, &error);

    ck_assert_no_error (error);
    ck_assert (!pathways_store_was_created (store));
    ck_assert (!pathways_store_is_empty (store));
    ck_assert_str_eq (pathways_record_get_string (PATHWAYS_RECORD (again), "family-name"), "Okafor");
    ck_assert_str_eq (pathways_record_get_string (PATHWAYS_RECORD (again), "date-of-birth"), "2008-05-14");
    ck_assert_int_eq (pathways_record_get_int (PATHWAYS_RECORD (again), "days-looked-after-since-14"), 900);
    ck_assert_ptr_null (pathways_store_get_backup_path (store));
  }
}
END_TEST





/* Validation: each bad value gives a readable message and writes nothing */

typedef struct {
  const char *field;
  const char *value;   /* string/date fields */
  const char *message; /* expected substring */
} BadValue;

static const BadValue bad_people[] = {
  { "date-of-birth", "2031-02-01", "Date of birth 01/02/2031 is in the future" },
  { "date-of-birth", "2008-02-30", "Date of birth ‘2008-02-30’ is not a date" },
  { "family-name", NULL, "Family name is required" },
  { "family-name", "   ", "Family name is required" },
  { "sex", "Q", "Sex ‘Q’ is not one of the known values" },
  { "ethnicity", "XXXX", "Ethnicity ‘XXXX’ is not a 903 ETHNIC code" },
  { "last-placement", "P2", "Last care placement ‘P2’ was not a valid 903 code on 22/11/2026" },
  { "date-first-looked-after", "2001-01-01", "Date first looked after 01/01/2001 is before Date of birth 14/05/2008" },
  { "date-care-ended", "2018-01-01", "Date care ended 01/01/2018 is before Date first looked after 01/03/2019" },
  { "last-contact-date", "2027-01-01", "Last contact with PA 01/01/2027 is in the future" },
};

START_TEST (test_invalid_person)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "invalid.db");
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0002");
  g_autoptr(GError) error = NULL;
  const BadValue *bad = &bad_people[_i];

  pathways_record_set_string (PATHWAYS_RECORD (yp), bad->field, bad->value);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID));
  ck_assert_msg (strstr (error->message, bad->message) != NULL,
                 "expected “%s”, got “%s”", bad->message, error->message);
  ck_assert_int_eq (pathways_record_get_id (PATHWAYS_RECORD (yp)), 0);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 0);
}
END_TEST

START_TEST (test_care_history_consistency)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "history.db");
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0003");
  g_autoptr(GError) error = NULL;

  /* More days since 16 than since 14 is impossible */
  g_object_set (yp, "days-looked-after-since-16", (gint64) 1000, NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_msg (strstr (error->message, "cannot be more than") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* More days since 14 than have passed since the 14th birthday (14/05/2022) */
  g_object_set (yp, "days-looked-after-since-16", (gint64) 10, "days-looked-after-since-14", (gint64) 2000, NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_msg (strstr (error->message, "more than the") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* An unknown personal adviser */
  g_object_set (yp, "days-looked-after-since-14", (gint64) 900, "pa-id", (gint64) 4242, NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_msg (strstr (error->message, "Personal adviser refers to a record that does not exist") != NULL,
                 "%s", error->message);
  g_clear_error (&error);

  /* Fixed, it goes in */
  g_object_set (yp, "pa-id", test_add_staff (store), NULL);
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_no_error (error);
}
END_TEST

START_TEST (test_unique_local_id)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "unique.db");
  g_autoptr(PathwaysYoungPerson) a = test_make_person ("LC0100");
  g_autoptr(PathwaysYoungPerson) b = test_make_person ("LC0100");
  g_autoptr(GError) error = NULL;

  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (a), &error));
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (b), &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONSTRAINT));
  ck_assert_msg (strstr (error->message, "Local child ID must be unique") != NULL, "%s", error->message);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 1);
}
END_TEST

static PathwaysUnit *
make_unit (void)
{
  return g_object_new (PATHWAYS_TYPE_UNIT,
                       "name", "Bridgeway Support, Larch Road",
                       "kind", "supported",
                       "status", "available",
                       "min-age", (gint64) 16,
                       "max-age", (gint64) 21,
                       "weekly-cost", (gint64) 65000,
                       "ofsted-urn", "2123456",
                       "registration", "registered",
                       NULL);
}

START_TEST (test_invalid_unit)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "units.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysUnit) unit = make_unit ();

  g_object_set (unit, "weekly-cost", (gint64) -100, NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (unit), &error));
  ck_assert_msg (strstr (error->message, "Weekly cost cannot be negative") != NULL, "%s", error->message);
  g_clear_error (&error);

  g_object_set (unit, "weekly-cost", (gint64) 100, "ofsted-urn", "URN-12", NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (unit), &error));
  ck_assert_msg (strstr (error->message, "Ofsted URN ‘URN-12’") != NULL, "%s", error->message);
  g_clear_error (&error);

  g_object_set (unit, "ofsted-urn", "SC123456", "min-age", (gint64) 21, "max-age", (gint64) 16, NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (unit), &error));
  ck_assert_msg (strstr (error->message, "Age range 21–16 is not sensible") != NULL, "%s", error->message);
  g_clear_error (&error);

  g_object_set (unit, "min-age", (gint64) 16, "kind", "castle", NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (unit), &error));
  ck_assert_msg (strstr (error->message, "Kind ‘castle’") != NULL, "%s", error->message);
  g_clear_error (&error);

  g_object_set (unit, "kind", "supported", "status-from", "2026-12-01", "status-to", "2026-11-01", NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (unit), &error));
  ck_assert_msg (strstr (error->message, "Status until 01/11/2026 is before Status from 01/12/2026") != NULL,
                 "%s", error->message);
  g_clear_error (&error);

  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL), 0);
}
END_TEST

/* 903 codes are checked against the date they apply to */
START_TEST (test_spell_codes_by_date)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "spells.db");
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0200");
  g_autoptr(PathwaysSpell) spell = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  spell = g_object_new (PATHWAYS_TYPE_SPELL,
                        "young-person-id", pathways_record_get_id (PATHWAYS_RECORD (yp)),
                        "address", "12 Canal Street",
                        "place", "P2",
                        "place-provider", "PR4",
                        "start-date", "2023-10-27",
                        "actual-end", "2023-12-01",
                        "state", "ended",
                        NULL);

  /* P2 (independent living) was allowed until 28 October 2023 … */
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (spell), &error));
  ck_assert_no_error (error);

  /* … but not from that day */
  pathways_record_set_id (PATHWAYS_RECORD (spell), 0);
  g_object_set (spell, "start-date", "2023-10-28", NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (spell), &error));
  ck_assert_msg (strstr (error->message, "‘P2’ was not a valid 903 code on 28/10/2023") != NULL,
                 "%s", error->message);
  g_clear_error (&error);

  /* K3 starts on 1 April 2024 */
  g_object_set (spell, "place", "K3", "start-date", "2024-03-31", NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (spell), &error));
  g_clear_error (&error);
  g_object_set (spell, "start-date", "2024-04-01", "actual-end", "2024-06-01", NULL);
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (spell), &error));
  ck_assert_no_error (error);

  /* Homeless (S) is never suitable */
  pathways_record_set_id (PATHWAYS_RECORD (spell), 0);
  g_object_set (spell, "place", NULL, "accom", "S", "accom-suitable", TRUE, NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (spell), &error));
  ck_assert_msg (strstr (error->message, "is never suitable") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* An ended spell needs its end; a current one cannot start in the future */
  g_object_set (spell, "accom", "U", "accom-suitable", TRUE, "actual-end", NULL, NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (spell), &error));
  ck_assert_msg (strstr (error->message, "actual end date") != NULL, "%s", error->message);
  g_clear_error (&error);
  g_object_set (spell, "state", "current", "start-date", "2027-01-01", NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (spell), &error));
  ck_assert_msg (strstr (error->message, "cannot start in the future (01/01/2027)") != NULL,
                 "%s", error->message);
  g_clear_error (&error);

  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_SPELL, NULL), 2);
}
END_TEST

START_TEST (test_reference_codes_by_date)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "codes.db");
  g_autoptr(GListModel) before = pathways_store_list_ref_codes (store, PATHWAYS_REF_PLACE, "2023-10-27", NULL);
  g_autoptr(GListModel) after = pathways_store_list_ref_codes (store, PATHWAYS_REF_PLACE, "2026-11-22", NULL);
  g_autoptr(GListModel) ethnic = pathways_store_list_ref_codes (store, PATHWAYS_REF_ETHNIC, NULL, NULL);
  gboolean p2_before = FALSE, p2_after = FALSE, k3_before = FALSE, k3_after = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (before); i++)
    {
      g_autoptr(PathwaysRecord) c = g_list_model_get_item (before, i);
      p2_before |= g_str_equal (pathways_record_get_string (c, "code"), "P2");
      k3_before |= g_str_equal (pathways_record_get_string (c, "code"), "K3");
    }
  for (guint i = 0; i < g_list_model_get_n_items (after); i++)
    {
      g_autoptr(PathwaysRecord) c = g_list_model_get_item (after, i);
      p2_after |= g_str_equal (pathways_record_get_string (c, "code"), "P2");
      k3_after |= g_str_equal (pathways_record_get_string (c, "code"), "K3");
    }
  ck_assert (p2_before && !p2_after);
  ck_assert (!k3_before && k3_after);
  ck_assert_uint_eq (g_list_model_get_n_items (ethnic), 20);
}
END_TEST

/* Transactions */

START_TEST (test_rollback_user_action)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "tx.db");
  g_autoptr(PathwaysYoungPerson) good = test_make_person ("LC0300");
  g_autoptr(PathwaysYoungPerson) bad = test_make_person ("LC0301");
  g_autoptr(GError) error = NULL;

  /* One user action = two writes; the second fails, so neither stays */
  ck_assert (pathways_store_begin (store, &error));
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (good), &error));
  g_object_set (bad, "date-of-birth", "2031-02-01", NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (bad), &error));
  pathways_store_rollback (store);

  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 0);
  {
    g_autoptr(GListModel) audit = pathways_store_list_audit (store, "young_person", 0, NULL);
    ck_assert_uint_eq (g_list_model_get_n_items (audit), 0);
  }

  /* Committed, both stay */
  g_clear_error (&error);
  pathways_record_set_id (PATHWAYS_RECORD (good), 0);
  g_object_set (bad, "date-of-birth", "2008-01-01", NULL);
  ck_assert (pathways_store_begin (store, &error));
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (good), &error));
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (bad), &error));
  ck_assert (pathways_store_commit (store, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 2);
}
END_TEST

START_TEST (test_failed_update_changes_nothing)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "update.db");
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0400");
  g_autoptr(PathwaysYoungPerson) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  id = pathways_record_get_id (PATHWAYS_RECORD (yp));

  g_object_set (yp, "preferred-name", "Mara", "date-of-birth", "2031-01-01", NULL);
  ck_assert (!pathways_store_update (store, PATHWAYS_RECORD (yp), &error));
  g_clear_error (&error);

  again = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, id, &error);
  ck_assert_ptr_null (pathways_record_get_string (PATHWAYS_RECORD (again), "preferred-name"));
  ck_assert_str_eq (pathways_record_get_string (PATHWAYS_RECORD (again), "date-of-birth"), "2008-05-14");

  /* Deleting a row that others refer to is refused */
  {
    g_autoptr(PathwaysSpell) spell = g_object_new (PATHWAYS_TYPE_SPELL,
                                                   "young-person-id", id, "address", "Somewhere",
                                                   "accom", "U", "start-date", "2026-01-01",
                                                   "state", "current", NULL);
    ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (spell), &error));
    ck_assert (!pathways_store_delete (store, PATHWAYS_RECORD (again), &error));
    ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONSTRAINT));
    ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 1);
  }
}
END_TEST

/* Audit trail */

START_TEST (test_audit_trail)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "audit.db");
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0500");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(PathwaysRecord) upd = NULL;
  g_autoptr(PathwaysRecord) ins = NULL;
  g_autoptr(PathwaysRecord) del = NULL;
  gint64 id;

  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  id = pathways_record_get_id (PATHWAYS_RECORD (yp));
  g_object_set (yp, "preferred-name", "Mara", NULL);
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (yp), &error));
  ck_assert (pathways_store_delete (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_no_error (error);

  entries = pathways_store_list_audit (store, "young_person", id, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (entries), 3);
  del = g_list_model_get_item (entries, 0);
  upd = g_list_model_get_item (entries, 1);
  ins = g_list_model_get_item (entries, 2);

  ck_assert_str_eq (pathways_record_get_string (ins, "action"), "insert");
  ck_assert_str_eq (pathways_record_get_string (ins, "actor"), g_get_user_name ());
  ck_assert_ptr_null (pathways_record_get_string (ins, "before-values"));
  ck_assert (strstr (pathways_record_get_string (ins, "after-values"), "\"family_name\":\"Okafor\"") != NULL);
  ck_assert (g_str_has_prefix (pathways_record_get_string (ins, "at"), "20"));

  ck_assert_str_eq (pathways_record_get_string (upd, "action"), "update");
  ck_assert (strstr (pathways_record_get_string (upd, "before-values"), "\"preferred_name\":null") != NULL);
  ck_assert (strstr (pathways_record_get_string (upd, "after-values"), "\"preferred_name\":\"Mara\"") != NULL);

  ck_assert_str_eq (pathways_record_get_string (del, "action"), "delete");
  ck_assert_ptr_nonnull (pathways_record_get_string (del, "before-values"));
  ck_assert_ptr_null (pathways_record_get_string (del, "after-values"));
}
END_TEST


/* Every entity's fields match its table's columns */

/* The caseload model */

START_TEST (test_caseload_rows)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "caseload.db");
  g_autoptr(PathwaysYoungPerson) a = test_make_person ("LC0600");
  g_autoptr(PathwaysYoungPerson) b = test_make_person ("LC0601");
  g_autoptr(PathwaysUnit) unit = make_unit ();
  g_autoptr(PathwaysSpell) old = NULL;
  g_autoptr(PathwaysSpell) cur = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysRecord) first = NULL;
  g_autoptr(PathwaysRecord) second = NULL;

  g_object_set (a, "pa-id", test_add_staff (store), NULL);
  g_object_set (b, "given-name", "Ben", "family-name", "Barker", "preferred-name", "Benji", NULL);
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (a), &error));
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (b), &error));
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (unit), &error));

  old = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", pathways_record_get_id (PATHWAYS_RECORD (a)),
                      "address", "Foster placement", "place", "U4", "start-date", "2020-01-01",
                      "actual-end", "2026-05-14", "state", "ended", NULL);
  cur = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", pathways_record_get_id (PATHWAYS_RECORD (a)),
                      "unit-id", pathways_record_get_id (PATHWAYS_RECORD (unit)), "accom", "D",
                      "place", "K3", "start-date", "2026-05-14", "state", "current", NULL);
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (old), &error));
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (cur), &error));
  ck_assert_no_error (error);

  rows = pathways_store_load_caseload (store, "2026-11-22", &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (rows), 2);

  /* Sorted by family name: Barker before Okafor */
  first = g_list_model_get_item (rows, 0);
  second = g_list_model_get_item (rows, 1);
  ck_assert_str_eq (pathways_record_get_string (first, "display-name"), "Benji Barker");
  ck_assert_ptr_null (pathways_record_get_string (first, "accommodation"));
  ck_assert_ptr_null (pathways_record_get_string (first, "pa-name"));
  ck_assert (strstr (pathways_record_get_string (first, "search-text"), "benji") != NULL);

  ck_assert_str_eq (pathways_record_get_string (second, "display-name"), "Amara Okafor");
  ck_assert_int_eq (pathways_record_get_int (second, "age"), 18);
  ck_assert_str_eq (pathways_record_get_string (second, "pa-name"), "Alison Bennett");
  ck_assert_str_eq (pathways_record_get_string (second, "accommodation"), "Bridgeway Support, Larch Road");
  ck_assert_str_eq (pathways_record_get_string (second, "accommodation-kind"), "Registered supported accommodation");
  ck_assert_str_eq (pathways_record_get_string (second, "accommodation-since"), "2026-05-14");
  ck_assert_int_eq (pathways_record_get_int (second, "days-in-accommodation"), 192);
}
END_TEST

/* The caseload is made from the rules snapshot, not from a query of its
 * own: on a generated authority every row shows what the caseload's
 * query (the one the benchmark times in the sqlite3 shell) reads */
START_TEST (test_caseload_agrees_with_query)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "agrees.db");
  g_autoptr(PathwaysStoreCaseload) query = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  guint with_unit = 0, with_address = 0, without = 0;

  ck_assert (pathways_generate_people (store, 60, 7, TEST_TODAY, NULL, &error));
  ck_assert_no_error (error);
  query = pathways_store_load_caseload_rows (store, &error);
  ck_assert_no_error (error);
  rows = pathways_store_load_caseload (store, TEST_TODAY, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (rows), query->rows->len);
  for (guint i = 0; i < query->rows->len; i++)
    {
      PathwaysStoreCaseloadRow *r = &g_array_index (query->rows, PathwaysStoreCaseloadRow, i);
      g_hash_table_insert (by_id, &r->id, r);
    }

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PathwaysRecord) row = g_list_model_get_item (rows, i);
      const PathwaysStoreCaseloadRow *r = g_hash_table_lookup (by_id, &(gint64) { pathways_record_get_id (row) });
      const char *where = r->since == NULL ? NULL : r->unit_name ? r->unit_name : r->address;
      g_autofree char *display = g_strdup_printf ("%s %s", r->preferred_name ? r->preferred_name : r->given_name,
                                                  r->family_name);

      ck_assert_ptr_nonnull (r);
      ck_assert_str_eq (pathways_record_get_string (row, "display-name"), display);
      ck_assert_pstr_eq (pathways_record_get_string (row, "local-id"), r->local_id);
      ck_assert_pstr_eq (pathways_record_get_string (row, "date-of-birth"), r->date_of_birth);
      ck_assert_int_eq (pathways_record_get_int (row, "pa-id"), r->pa_id);
      ck_assert_pstr_eq (pathways_record_get_string (row, "pa-name"), r->pa_name);
      ck_assert_pstr_eq (pathways_record_get_string (row, "team"), r->team);
      ck_assert_int_eq (pathways_record_get_bool (row, "uasc"), r->uasc);
      ck_assert_pstr_eq (pathways_record_get_string (row, "accommodation"), where);
      ck_assert_pstr_eq (pathways_record_get_string (row, "accommodation-since"), r->since);
      ck_assert_int_eq (pathways_record_get_bool (row, "in-authority"), r->unit_in_authority);
      ck_assert_pstr_eq (pathways_record_get_string (row, "closed-on"), r->closed_on);
      with_unit += r->unit_name != NULL;
      with_address += r->since != NULL && r->unit_name == NULL && r->address != NULL;
      without += r->since == NULL;

      /* In the query's order: by family name, given name, id */
      if (i > 0)
        {
          g_autoptr(PathwaysRecord) prev = g_list_model_get_item (rows, i - 1);
          const PathwaysStoreCaseloadRow *p = g_hash_table_lookup (by_id, &(gint64) { pathways_record_get_id (prev) });
          int c = strcmp (p->family_name, r->family_name);

          if (c == 0)
            c = strcmp (p->given_name, r->given_name);
          ck_assert (c < 0 || (c == 0 && p->id < r->id));
        }
    }
  /* The authority has all three kinds of row */
  ck_assert_uint_gt (with_unit, 0);
  ck_assert_uint_gt (with_address + without, 0);
}
END_TEST

/* Snapshots loaded while another thread commits: each is of one state
 * of the data, though the SQLite backend reads the milestones on a
 * second reader beside the rest.  Each commit adds a milestone done and
 * names the young person after how many they have, so a snapshot that
 * mixed two states would count one more or one fewer than the name says. */
typedef struct {
  PathwaysStore *store;
  gint64         who;
  int            commits;
} Committer;

static gpointer
commit_milestones_thread (gpointer data)
{
  Committer *c = data;

  for (int i = 1; i <= c->commits; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PathwaysMilestone) m = g_object_new (PATHWAYS_TYPE_MILESTONE, "young-person-id", c->who,
                                                     "name", "Cooked a meal", "category", "practical",
                                                     "due-date", "2026-01-05", "done-date", "2026-01-05", NULL);
      g_autoptr(PathwaysYoungPerson) p = pathways_store_get (c->store, PATHWAYS_TYPE_YOUNG_PERSON, c->who, &error);
      g_autofree char *name = g_strdup_printf ("%d", i);

      g_assert_no_error (error);
      g_assert_true (pathways_store_begin (c->store, &error));
      g_object_set (p, "preferred-name", name, NULL);
      g_assert_true (pathways_store_insert (c->store, PATHWAYS_RECORD (m), &error));
      g_assert_true (pathways_store_update (c->store, PATHWAYS_RECORD (p), &error));
      g_assert_true (pathways_store_commit (c->store, &error));
    }
  return NULL;
}

START_TEST (test_snapshot_one_state)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "one-state.db");
  g_autoptr(PathwaysYoungPerson) a = test_make_person ("LC0620");
  g_autoptr(GError) error = NULL;
  Committer c = { store, 0, 30 };
  GThread *writer;
  int loads = 0;
  gboolean done = FALSE;

  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (a), &error));
  c.who = pathways_record_get_id (PATHWAYS_RECORD (a));
  writer = g_thread_new ("committer", commit_milestones_thread, &c);
  while (!done)
    {
      g_autoptr(PathwaysSnapshot) snap = NULL;
      const PathwaysPersonFacts *p;
      int n = 0, named;

      snap = pathways_snapshot_load (store, "2026-11-22", &error);
      ck_assert_no_error (error);
      p = pathways_snapshot_get_person (snap, c.who);
      for (guint i = 0; i < PATHWAYS_N_MILESTONE_CATEGORIES; i++)
        n += p->milestones_done[i];
      named = strstr (p->name, "Amara") != NULL ? 0 : atoi (p->name);
      ck_assert_int_eq (n, named);
      if (++loads >= 400 || n == 30)
        done = TRUE;
    }
  g_thread_join (writer);
  ck_assert_int_gt (loads, 1);
}
END_TEST

/* One rules snapshot per state of the data: every reader between two
 * changes gets the same one; a commit or a reader inside a transaction
 * (who must see its own writes) gets a new one */
START_TEST (test_shared_snapshot)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "shared.db");
  g_autoptr(PathwaysYoungPerson) a = test_make_person ("LC0610");
  g_autoptr(PathwaysYoungPerson) b = test_make_person ("LC0611");
  g_autoptr(PathwaysSnapshot) first = NULL;
  g_autoptr(PathwaysSnapshot) again = NULL;
  g_autoptr(PathwaysSnapshot) other_day = NULL;
  g_autoptr(PathwaysSnapshot) after = NULL;
  g_autoptr(PathwaysSnapshot) inside = NULL;
  g_autoptr(GError) error = NULL;
  guint generation;

  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (a), &error));
  generation = pathways_store_get_generation (store);
  ck_assert_uint_eq (generation % 2, 0);

  first = pathways_snapshot_load_shared (store, "2026-11-22", &error);
  ck_assert_no_error (error);
  again = pathways_snapshot_load_shared (store, "2026-11-22", &error);
  ck_assert_ptr_eq (first, again);
  ck_assert_ptr_nonnull (pathways_snapshot_get_person (again, pathways_record_get_id (PATHWAYS_RECORD (a))));
  /* Another day is another snapshot */
  other_day = pathways_snapshot_load_shared (store, "2026-11-23", &error);
  ck_assert_ptr_ne (other_day, first);
  ck_assert_str_eq (pathways_snapshot_get_date (other_day), "2026-11-23");

  /* A commit: the next reader sees it in a new snapshot, the old one
   * still readable by whoever holds it */
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (b), &error));
  ck_assert_uint_ne (pathways_store_get_generation (store), generation);
  after = pathways_snapshot_load_shared (store, "2026-11-22", &error);
  ck_assert_no_error (error);
  ck_assert_ptr_ne (after, first);
  ck_assert_ptr_nonnull (pathways_snapshot_get_person (after, pathways_record_get_id (PATHWAYS_RECORD (b))));
  ck_assert_ptr_null (pathways_snapshot_get_person (first, pathways_record_get_id (PATHWAYS_RECORD (b))));

  /* Inside a transaction: its own writes, shared with nobody */
  ck_assert (pathways_store_begin (store, &error));
  ck_assert_uint_eq (pathways_store_get_generation (store) % 2, 1);
  g_object_set (b, "preferred-name", "Bee", NULL);
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (b), &error));
  inside = pathways_snapshot_load_shared (store, "2026-11-22", &error);
  ck_assert_no_error (error);
  ck_assert_ptr_ne (inside, after);
  ck_assert (strstr (pathways_snapshot_get_person (inside, pathways_record_get_id (PATHWAYS_RECORD (b)))->name,
                     "Bee") != NULL);
  pathways_store_rollback (store);
  ck_assert_uint_eq (pathways_store_get_generation (store) % 2, 0);
}
END_TEST

static void
caseload_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GListModel **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = pathways_store_load_caseload_finish (PATHWAYS_STORE (source), result, &error);
  ck_assert_no_error (error);
}

START_TEST (test_caseload_async)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "async.db");
  g_autoptr(PathwaysYoungPerson) a = test_make_person ("LC0700");
  g_autoptr(GListModel) rows = NULL;
  guint turns = 0;

  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (a), NULL));
  pathways_store_load_caseload_async (store, TEST_TODAY, NULL, caseload_loaded_cb, &rows);
  while (rows == NULL && turns++ < 1000)
    g_main_context_iteration (NULL, TRUE);

  ck_assert_ptr_nonnull (rows);
  ck_assert_uint_eq (g_list_model_get_n_items (rows), 1);
}
END_TEST

START_TEST (test_team_server_away)
{
  /* Team server addresses open the PostgreSQL backend; one that does
   * not answer is said so, by database, never repeating the password.
   * (Unix sockets in a folder that does not exist: no network.) */
  static const char * const locations[] = {
    "postgresql://pa:secret@%2Fnonexistent%2Fpathways-test/pathways",
    "postgres:///pathways?host=/nonexistent/pathways-test&password=secret",
    "host=/nonexistent/pathways-test dbname=pathways password=secret",
  };

  for (guint i = 0; i < G_N_ELEMENTS (locations); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PathwaysStore) store = pathways_store_open (locations[i], NULL, &error);

      ck_assert_ptr_null (store);
      ck_assert_msg (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_OFFLINE), "%s",
                     error ? error->message : "");
      ck_assert_msg (strstr (error->message, "The team server “pathways” on this computer is not answering") != NULL,
                     "%s", error->message);
      /* The location is not repeated: it may hold a password */
      ck_assert (strstr (error->message, "secret") == NULL);
    }
}
END_TEST

static void
count_notify_cb (guint *count)
{
  (*count)++;
}

START_TEST (test_typed_accessors)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0900");
  g_autoptr(PathwaysUnit) unit = pathways_unit_new ();
  guint notified = 0;

  /* The same field, by name and typed */
  ck_assert_str_eq (pathways_young_person_get_given_name (yp), "Amara");
  pathways_young_person_set_date_of_birth (yp, "2008-06-01");
  ck_assert_str_eq (pathways_record_get_string (PATHWAYS_RECORD (yp), "date-of-birth"), "2008-06-01");
  pathways_record_set_bool (PATHWAYS_RECORD (yp), "uasc", TRUE);
  ck_assert (pathways_young_person_get_uasc (yp));
  ck_assert_int_eq (pathways_young_person_get_days_looked_after_since_14 (yp), 900);
  /* An empty string is "not recorded", as by name */
  pathways_young_person_set_preferred_name (yp, "");
  ck_assert_ptr_null (pathways_young_person_get_preferred_name (yp));

  /* A typed setter notifies when the value changes, and only then */
  g_signal_connect_swapped (yp, "notify::preferred-name", G_CALLBACK (count_notify_cb), &notified);
  g_signal_connect_swapped (yp, "notify::uasc", G_CALLBACK (count_notify_cb), &notified);
  pathways_young_person_set_preferred_name (yp, "");
  pathways_young_person_set_preferred_name (yp, NULL);
  pathways_young_person_set_uasc (yp, TRUE);
  ck_assert_uint_eq (notified, 0);
  pathways_young_person_set_preferred_name (yp, "Em");
  pathways_young_person_set_preferred_name (yp, "Em");
  ck_assert_uint_eq (notified, 1);
  pathways_young_person_set_preferred_name (yp, "");
  pathways_young_person_set_uasc (yp, FALSE);
  ck_assert_uint_eq (notified, 3);
  ck_assert_ptr_null (pathways_young_person_get_preferred_name (yp));

  pathways_unit_set_weekly_cost (unit, 65000);
  pathways_unit_set_support_hours (unit, 12.5);
  ck_assert_int_eq (pathways_record_get_int (PATHWAYS_RECORD (unit), "weekly-cost"), 65000);
  ck_assert_double_eq (pathways_record_get_real (PATHWAYS_RECORD (unit), "support-hours"), 12.5);
  ck_assert_str_eq (pathways_unit_get_status (unit), "available");
}
END_TEST

/* A rolled-back savepoint takes its writes (and their changes) with it */
START_TEST (test_nested_rollback_keeps_outer)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "nested.db");
  g_autoptr(PathwaysYoungPerson) a = test_make_person ("LC0950");
  g_autoptr(PathwaysYoungPerson) b = test_make_person ("LC0951");
  g_autoptr(GError) error = NULL;

  ck_assert (pathways_store_begin (store, &error));
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (a), &error));
  ck_assert (pathways_store_begin (store, &error));
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (b), &error));
  pathways_store_rollback (store);
  ck_assert (pathways_store_commit (store, &error));
  ck_assert_no_error (error);

  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 1);
  ck_assert (pathways_store_exists (store, "young_person", pathways_record_get_id (PATHWAYS_RECORD (a))));
}
END_TEST

/* Versions and conflicts ------------------------------------------- */

START_TEST (test_versions_count_up)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "versions.db");
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC1000");
  g_autoptr(PathwaysRecord) stale = NULL;
  g_autoptr(PathwaysYoungPerson) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  ck_assert_int_eq (pathways_record_get_version (PATHWAYS_RECORD (yp)), 0);
  id = test_add (store, PATHWAYS_RECORD (yp));
  ck_assert_int_eq (pathways_record_get_version (PATHWAYS_RECORD (yp)), 1);
  stale = pathways_record_copy (PATHWAYS_RECORD (yp));

  pathways_young_person_set_preferred_name (yp, "Mara");
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_int_eq (pathways_record_get_version (PATHWAYS_RECORD (yp)), 2);
  again = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, id, &error);
  ck_assert_int_eq (pathways_record_get_version (PATHWAYS_RECORD (again)), 2);

  /* The copy from before is stale: neither saved nor deleted */
  pathways_record_set_string (stale, "needs-summary", "Quiet room");
  ck_assert (!pathways_store_update (store, stale, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT));
  ck_assert_int_eq (pathways_record_get_version (stale), 1);
  g_clear_error (&error);
  ck_assert (!pathways_store_delete (store, stale, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT));
  g_clear_error (&error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 1);

  /* The current one is */
  ck_assert (pathways_store_delete (store, PATHWAYS_RECORD (again), &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 0);
}
END_TEST

/* Two stores on one database, as two desktops: the second save of a
 * record loaded before the first is refused, saying who changed what */
START_TEST (test_stale_save_is_explained)
{
  g_autoptr(PathwaysStore) a = test_open_store (dir, "conflict.db");
  g_autoptr(PathwaysStore) b = test_open_store_again (a);
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC1100");
  g_autoptr(PathwaysYoungPerson) mine = NULL;
  g_autoptr(PathwaysYoungPerson) theirs = NULL;
  g_autoptr(PathwaysYoungPerson) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  gint64 id = test_add (a, PATHWAYS_RECORD (yp));

  mine = pathways_store_get (a, PATHWAYS_TYPE_YOUNG_PERSON, id, &error);
  theirs = pathways_store_get (b, PATHWAYS_TYPE_YOUNG_PERSON, id, &error);
  ck_assert_no_error (error);

  pathways_young_person_set_preferred_name (theirs, "Mara");
  pathways_young_person_set_date_of_birth (theirs, "2008-05-15");
  ck_assert (pathways_store_update (b, PATHWAYS_RECORD (theirs), &error));
  ck_assert_no_error (error);

  pathways_young_person_set_needs_summary (mine, "Needs a quiet room to study");
  ck_assert (!pathways_store_update (a, PATHWAYS_RECORD (mine), &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT));

  /* Whose record, who, when, what, and what to do */
  expected = g_strdup_printf ("Amara Okafor’s record was changed by %s at ", g_get_user_name ());
  ck_assert_msg (g_str_has_prefix (error->message, expected), "%s", error->message);
  ck_assert_msg (strstr (error->message, " after you opened it (Preferred name, Date of birth). "
                                         "Reload to see their changes; yours are kept on screen.") != NULL,
                 "%s", error->message);
  ck_assert_msg (g_regex_match_simple (" at [0-2][0-9]:[0-5][0-9] on [0-3][0-9]/[01][0-9]/20[0-9][0-9] ",
                                       error->message, 0, 0), "%s", error->message);

  /* Nothing of mine was written; my edit is still in my copy */
  stored = pathways_store_get (a, PATHWAYS_TYPE_YOUNG_PERSON, id, NULL);
  ck_assert_ptr_null (pathways_young_person_get_needs_summary (stored));
  ck_assert_str_eq (pathways_young_person_get_preferred_name (stored), "Mara");
  ck_assert_str_eq (pathways_young_person_get_needs_summary (mine), "Needs a quiet room to study");
  ck_assert_int_eq (pathways_record_get_version (PATHWAYS_RECORD (mine)), 1);

  /* Reloaded, it saves */
  g_clear_error (&error);
  pathways_young_person_set_needs_summary (stored, "Needs a quiet room to study");
  ck_assert (pathways_store_update (a, PATHWAYS_RECORD (stored), &error));
  ck_assert_no_error (error);
}
END_TEST

START_TEST (test_stale_delete_is_explained)
{
  g_autoptr(PathwaysStore) a = test_open_store (dir, "deleted.db");
  g_autoptr(PathwaysStore) b = test_open_store_again (a);
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC1200");
  g_autoptr(PathwaysNote) note = g_object_new (PATHWAYS_TYPE_NOTE, NULL);
  g_autoptr(PathwaysNote) mine = NULL;
  g_autoptr(PathwaysNote) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  pathways_note_set_young_person_id (note, test_add (a, PATHWAYS_RECORD (yp)));
  pathways_note_set_written_on (note, TEST_TODAY);
  pathways_note_set_body (note, "Visited the flat with Amara");
  test_add (a, PATHWAYS_RECORD (note));

  mine = pathways_store_get (a, PATHWAYS_TYPE_NOTE, pathways_record_get_id (PATHWAYS_RECORD (note)), NULL);
  theirs = pathways_store_get (b, PATHWAYS_TYPE_NOTE, pathways_record_get_id (PATHWAYS_RECORD (note)), NULL);
  ck_assert (pathways_store_delete (b, PATHWAYS_RECORD (theirs), &error));

  pathways_note_set_body (mine, "Visited the flat with Amara and her PA");
  ck_assert (!pathways_store_update (a, PATHWAYS_RECORD (mine), &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT));
  expected = g_strdup_printf ("This record was deleted by %s at ", g_get_user_name ());
  ck_assert_msg (g_str_has_prefix (error->message, expected), "%s", error->message);
  ck_assert_int_eq (pathways_store_count (a, PATHWAYS_TYPE_NOTE, NULL), 0);
}
END_TEST

/* Undo of an action whose rows were changed since is refused, saying so */
START_TEST (test_stale_undo_is_refused)
{
  g_autoptr(PathwaysStore) a = test_open_store (dir, "undo.db");
  g_autoptr(PathwaysStore) b = test_open_store_again (a);
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC1300");
  g_autoptr(PathwaysYoungPerson) mine = NULL;
  g_autoptr(PathwaysYoungPerson) theirs = NULL;
  g_autoptr(PathwaysYoungPerson) stored = NULL;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  gint64 id = test_add (a, PATHWAYS_RECORD (yp));

  mine = pathways_store_get (a, PATHWAYS_TYPE_YOUNG_PERSON, id, NULL);
  pathways_young_person_set_preferred_name (mine, "Mara");
  ck_assert (pathways_planner_save (a, PATHWAYS_RECORD (mine), &undo, &error));

  theirs = pathways_store_get (b, PATHWAYS_TYPE_YOUNG_PERSON, id, NULL);
  pathways_young_person_set_family_name (theirs, "Okafor-Reid");
  ck_assert (pathways_store_update (b, PATHWAYS_RECORD (theirs), &error));
  ck_assert_no_error (error);

  ck_assert (!pathways_store_undo (a, undo, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT));
  expected = g_strdup_printf ("Could not undo: Amara Okafor’s record was changed again by %s at ", g_get_user_name ());
  ck_assert_msg (g_str_has_prefix (error->message, expected), "%s", error->message);
  ck_assert_msg (g_str_has_suffix (error->message, " (Family name)."), "%s", error->message);

  /* Their change and mine both stand */
  stored = pathways_store_get (a, PATHWAYS_TYPE_YOUNG_PERSON, id, NULL);
  ck_assert_str_eq (pathways_young_person_get_family_name (stored), "Okafor-Reid");
  ck_assert_str_eq (pathways_young_person_get_preferred_name (stored), "Mara");
}
END_TEST

/* An action that wrote one row twice undoes to where it began */
START_TEST (test_undo_twice_written_row)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "twice.db");
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC1400");
  g_autoptr(PathwaysYoungPerson) stored = NULL;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = test_add (store, PATHWAYS_RECORD (yp));

  ck_assert (pathways_store_begin_recorded (store, &error));
  pathways_young_person_set_preferred_name (yp, "Mara");
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (yp), &error));
  pathways_young_person_set_preferred_name (yp, "Amy");
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (yp), &error));
  ck_assert (pathways_store_commit_recorded (store, &undo, &error));
  ck_assert_uint_eq (pathways_change_set_get_n_changes (undo), 2);

  ck_assert (pathways_store_undo (store, undo, &error));
  ck_assert_no_error (error);
  stored = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, id, NULL);
  ck_assert_ptr_null (pathways_young_person_get_preferred_name (stored));
  ck_assert_int_gt (pathways_record_get_version (PATHWAYS_RECORD (stored)), 3);
}
END_TEST

/* The "changed" signal ---------------------------------------------- */

static void
changed_cb (PathwaysStore   *store,
            PathwaysChanges *changes,
            GPtrArray       *seen)
{
  g_ptr_array_add (seen, pathways_changes_ref (changes));
}

static PathwaysChanges *
last_changes (GPtrArray *seen)
{
  ck_assert_uint_gt (seen->len, 0);
  return g_ptr_array_index (seen, seen->len - 1);
}

static void
assert_change (PathwaysChanges    *changes,
               GType               type,
               gint64              id,
               PathwaysChangeKind  kind)
{
  PathwaysChangeKind found = -1;
  g_autofree char *text = pathways_changes_describe (changes);

  ck_assert_msg (pathways_changes_lookup (changes, type, id, &found), "%s %" G_GINT64_FORMAT " not in: %s",
                 g_type_name (type), id, text);
  ck_assert_int_eq (found, kind);
}

START_TEST (test_changed_insert_update_delete)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "changed.db");
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_changes_unref);
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC1500");
  g_autoptr(PathwaysUnit) unit = pathways_unit_new ();
  g_autoptr(PathwaysSpell) spell = pathways_spell_new ();
  g_autoptr(GError) error = NULL;
  PathwaysChanges *c;
  gint64 person, unit_id, spell_id;

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), seen);

  person = test_add (store, PATHWAYS_RECORD (yp));
  ck_assert_uint_eq (seen->len, 1);
  c = last_changes (seen);
  assert_change (c, PATHWAYS_TYPE_YOUNG_PERSON, person, PATHWAYS_CHANGE_INSERT);
  ck_assert (pathways_changes_has_person (c, person));
  ck_assert (!pathways_changes_has_person (c, person + 1));
  ck_assert (!pathways_changes_is_external (c));
  ck_assert (!pathways_changes_has_type (c, PATHWAYS_TYPE_UNIT));

  pathways_unit_set_name (unit, "Flat 2, Elm Court");
  pathways_unit_set_kind (unit, "council");
  unit_id = test_add (store, PATHWAYS_RECORD (unit));

  /* A spell belongs to its young person and concerns its unit */
  pathways_spell_set_young_person_id (spell, person);
  pathways_spell_set_unit_id (spell, unit_id);
  pathways_spell_set_accom (spell, "U");
  pathways_spell_set_start_date (spell, "2026-06-01");
  pathways_spell_set_state (spell, "current");
  spell_id = test_add (store, PATHWAYS_RECORD (spell));
  ck_assert_uint_eq (seen->len, 3);
  c = last_changes (seen);
  assert_change (c, PATHWAYS_TYPE_SPELL, spell_id, PATHWAYS_CHANGE_INSERT);
  ck_assert (pathways_changes_has_person (c, person));
  ck_assert (pathways_changes_has_unit (c, unit_id));
  ck_assert_uint_eq (pathways_changes_get_n_changes (c), 1);

  pathways_spell_set_planned_end (spell, "2027-06-01");
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (spell), &error));
  ck_assert_uint_eq (seen->len, 4);
  assert_change (last_changes (seen), PATHWAYS_TYPE_SPELL, spell_id, PATHWAYS_CHANGE_UPDATE);

  ck_assert (pathways_store_delete (store, PATHWAYS_RECORD (spell), &error));
  ck_assert_uint_eq (seen->len, 5);
  c = last_changes (seen);
  assert_change (c, PATHWAYS_TYPE_SPELL, spell_id, PATHWAYS_CHANGE_DELETE);
  ck_assert (pathways_changes_has_unit (c, unit_id));

  ck_assert (pathways_store_set_setting (store, "contact_interval_days", "42", &error));
  ck_assert_uint_eq (seen->len, 6);
  ck_assert (pathways_changes_has_table (last_changes (seen), "setting"));
  ck_assert (!pathways_changes_has_type (last_changes (seen), PATHWAYS_TYPE_YOUNG_PERSON));
  ck_assert_no_error (error);
}
END_TEST

START_TEST (test_changed_undo_and_rollback)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "undo-changed.db");
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_changes_unref);
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC1600");
  g_autoptr(PathwaysYoungPerson) bad = test_make_person ("LC1601");
  g_autoptr(PathwaysNote) note = g_object_new (PATHWAYS_TYPE_NOTE, NULL);
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;
  gint64 person = test_add (store, PATHWAYS_RECORD (yp));
  gint64 note_id;

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), seen);

  pathways_note_set_young_person_id (note, person);
  pathways_note_set_written_on (note, TEST_TODAY);
  pathways_note_set_body (note, "Called about the bond");
  ck_assert (pathways_planner_save (store, PATHWAYS_RECORD (note), &undo, &error));
  note_id = pathways_record_get_id (PATHWAYS_RECORD (note));
  ck_assert_uint_eq (seen->len, 1);
  assert_change (last_changes (seen), PATHWAYS_TYPE_NOTE, note_id, PATHWAYS_CHANGE_INSERT);

  /* Undo is a change like any other */
  ck_assert (pathways_store_undo (store, undo, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (seen->len, 2);
  assert_change (last_changes (seen), PATHWAYS_TYPE_NOTE, note_id, PATHWAYS_CHANGE_DELETE);
  ck_assert (pathways_changes_has_person (last_changes (seen), person));

  /* What is rolled back or refused announces nothing */
  ck_assert (pathways_store_begin (store, &error));
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (bad), &error));
  pathways_store_rollback (store);
  pathways_young_person_set_date_of_birth (bad, "2031-01-01");
  pathways_record_set_id (PATHWAYS_RECORD (bad), 0);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (bad), &error));
  ck_assert_uint_eq (seen->len, 2);
}
END_TEST

/* Many new rows in one pass (what an import writes): more than a
 * statement's worth, ids in the records' order, one audit row each, one
 * "changed" with every row, undone as a whole; a failing row in a later
 * statement leaves nothing written and every id back at 0 */
START_TEST (test_insert_checked_many)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "many.db");
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_changes_unref);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) again = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PathwaysYoungPerson) holder = NULL;
  g_autoptr(PathwaysChangeSet) undo = NULL, read_back = NULL, old_set = NULL;
  g_autoptr(PathwaysRecord) last = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *old_text = NULL;
  gint64 audit_before = test_query_int (store, "SELECT count(*) FROM audit_log");
  const guint n = 613;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *local_id = g_strdup_printf ("LC%05u", 20000 + i);
      PathwaysYoungPerson *yp = test_make_person (local_id);

      if (i % 2 == 1)
        pathways_young_person_set_preferred_name (yp, "Mara “Em” O'Neil");
      g_ptr_array_add (people, yp);
    }
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), seen);

  ck_assert (pathways_store_begin_recorded (store, &error));
  ck_assert_msg (pathways_store_insert_checked (store, (PathwaysRecord **) people->pdata, n, &error), "%s",
                 error ? error->message : "");
  ck_assert (pathways_store_commit_recorded (store, &undo, &error));
  ck_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      PathwaysRecord *r = g_ptr_array_index (people, i);

      ck_assert_int_gt (pathways_record_get_id (r), 0);
      ck_assert_int_eq (pathways_record_get_version (r), 1);
      if (i > 0)
        ck_assert_int_gt (pathways_record_get_id (r),
                          pathways_record_get_id (g_ptr_array_index (people, i - 1)));
    }
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), n);
  last = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON,
                             pathways_record_get_id (g_ptr_array_index (people, n - 2)), &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (pathways_young_person_get_local_id (PATHWAYS_YOUNG_PERSON (last)), "LC20611");
  ck_assert_str_eq (pathways_young_person_get_preferred_name (PATHWAYS_YOUNG_PERSON (last)), "Mara “Em” O'Neil");
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM audit_log") - audit_before, n);

  ck_assert_uint_eq (seen->len, 1);
  ck_assert_uint_eq (pathways_changes_get_n_changes (last_changes (seen)), n);
  assert_change (last_changes (seen), PATHWAYS_TYPE_YOUNG_PERSON,
                 pathways_record_get_id (g_ptr_array_index (people, 0)), PATHWAYS_CHANGE_INSERT);
  assert_change (last_changes (seen), PATHWAYS_TYPE_YOUNG_PERSON,
                 pathways_record_get_id (g_ptr_array_index (people, n - 1)), PATHWAYS_CHANGE_INSERT);
  ck_assert_uint_eq (pathways_change_set_get_n_changes (undo), n);

  /* Kept with an import as text: the run of new ids is one entry, and
   * reads back as every one of them */
  text = pathways_change_set_serialize (undo);
  ck_assert_uint_lt (strlen (text), 80);
  read_back = pathways_change_set_deserialize (text, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (pathways_change_set_get_n_changes (read_back), n);
  /* (as a change set written one entry a row, before runs, reads) */
  old_text = g_strdup_printf ("[('young_person', 0, %" G_GINT64_FORMAT ", 1, {}), ('young_person', 0, %"
                              G_GINT64_FORMAT ", 1, {})]", pathways_record_get_id (g_ptr_array_index (people, 0)),
                              pathways_record_get_id (g_ptr_array_index (people, 1)));
  old_set = pathways_change_set_deserialize (old_text, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (pathways_change_set_get_n_changes (old_set), 2);

  ck_assert (pathways_store_undo (store, read_back, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 0);
  ck_assert_uint_eq (seen->len, 2);
  assert_change (last_changes (seen), PATHWAYS_TYPE_YOUNG_PERSON,
                 pathways_record_get_id (g_ptr_array_index (people, n - 1)), PATHWAYS_CHANGE_DELETE);

  /* The 400th repeats the first's local child ID: a later statement fails */
  for (guint i = 0; i < 450; i++)
    {
      g_autofree char *local_id = g_strdup_printf ("LC%05u", 30000 + (i == 399 ? 0 : i));
      g_ptr_array_add (again, test_make_person (local_id));
    }
  ck_assert (!pathways_store_insert_checked (store, (PathwaysRecord **) again->pdata, again->len, &error));
  ck_assert_ptr_nonnull (error);
  for (guint i = 0; i < again->len; i++)
    ck_assert_int_eq (pathways_record_get_id (g_ptr_array_index (again, i)), 0);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 0);
  ck_assert_uint_eq (seen->len, 2);

  /* Not validated, but the table's own rules still hold: an episode
   * ending on the day it began is refused, and nothing is written */
  g_clear_error (&error);
  holder = test_make_person ("LC40000");
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (holder), &error));
  for (guint i = 0; i < 300; i++)
    {
      PathwaysEpisode *e = pathways_episode_new (pathways_record_get_id (PATHWAYS_RECORD (holder)), "2020-01-01");

      pathways_episode_set_dec (e, i == 290 ? "2020-01-01" : "2020-01-02");
      g_ptr_array_add (episodes, e);
    }
  ck_assert (!pathways_store_insert_checked (store, (PathwaysRecord **) episodes->pdata, episodes->len, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_EPISODE, NULL), 0);
}
END_TEST

static gboolean
saw_external (gpointer data)
{
  GPtrArray *seen = data;

  for (guint i = 0; i < seen->len; i++)
    if (pathways_changes_is_external (g_ptr_array_index (seen, i)))
      return TRUE;
  return FALSE;
}

/* A commit in another store on the same database (another Pathways)
 * reaches this one's "changed", with the rows it wrote */
START_TEST (test_changed_from_another_store)
{
  g_autoptr(PathwaysStore) a = test_open_store (dir, "two.db");
  g_autoptr(PathwaysStore) b = test_open_store_again (a);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_changes_unref);
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC1700");
  PathwaysChanges *external = NULL;
  gint64 id;

  g_signal_connect (a, "changed", G_CALLBACK (changed_cb), seen);
  id = test_add (b, PATHWAYS_RECORD (yp));

  ck_assert_msg (test_wait_for (saw_external, seen), "no change reached the other store");
  for (guint i = 0; i < seen->len; i++)
    if (pathways_changes_is_external (g_ptr_array_index (seen, i)))
      external = g_ptr_array_index (seen, i);
  assert_change (external, PATHWAYS_TYPE_YOUNG_PERSON, id, PATHWAYS_CHANGE_INSERT);
  ck_assert (pathways_changes_has_person (external, id));

  /* Its own commits it announces once, not again as someone else's */
  g_ptr_array_set_size (seen, 0);
  pathways_young_person_set_preferred_name (yp, "Mara");
  {
    g_autoptr(PathwaysYoungPerson) here = pathways_store_get (a, PATHWAYS_TYPE_YOUNG_PERSON, id, NULL);
    pathways_young_person_set_preferred_name (here, "Mara");
    ck_assert (pathways_store_update (a, PATHWAYS_RECORD (here), NULL));
  }
  ck_assert_uint_eq (seen->len, 1);
  ck_assert (!pathways_changes_is_external (g_ptr_array_index (seen, 0)));
  for (guint turn = 0; turn < 300; turn++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  ck_assert (!saw_external (seen));
}
END_TEST

typedef struct {
  PathwaysStore *store;
  gint           began;
  gint64         committed_at;
} Holder;

static gpointer
hold_writer_thread (gpointer data)
{
  Holder *h = data;
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC1801");

  ck_assert (pathways_store_begin (h->store, NULL));
  ck_assert (pathways_store_insert (h->store, PATHWAYS_RECORD (yp), NULL));
  g_atomic_int_set (&h->began, 1);
  g_usleep (300 * 1000);
  h->committed_at = g_get_monotonic_time ();
  ck_assert (pathways_store_commit (h->store, NULL));
  return NULL;
}

typedef struct {
  gboolean        done;
  gint64          done_at;
  PathwaysRecord *saved;
  GError         *error;
} Done;

static void
inserted_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Done *d = user_data;

  pathways_store_write_finish (PATHWAYS_STORE (source), result, &d->saved, &d->error);
  d->done_at = g_get_monotonic_time ();
  d->done = TRUE;
}

static gboolean
tick_cb (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
is_done (gpointer data)
{
  return ((Done *) data)->done;
}

/* A save waits for a busy writer in a worker thread, not on the main
 * loop: the loop keeps turning and the save lands after the other
 * transaction */
START_TEST (test_async_keeps_main_loop_free)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "async-write.db");
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC1800");
  Holder h = { store, 0, 0 };
  Done d = { 0 };
  guint ticks = 0, tick_id;
  GThread *holder;

  holder = g_thread_new ("holder", hold_writer_thread, &h);
  for (guint i = 0; i < 1000 && !g_atomic_int_get (&h.began); i++)
    g_usleep (1000);
  ck_assert (g_atomic_int_get (&h.began));

  tick_id = g_timeout_add (5, tick_cb, &ticks);
  pathways_store_insert_async (store, PATHWAYS_RECORD (yp), NULL, inserted_cb, &d);
  ck_assert (test_wait_for (is_done, &d));
  g_source_remove (tick_id);
  g_thread_join (holder);

  ck_assert_no_error (d.error);
  ck_assert_uint_gt (ticks, 10);
  ck_assert_int_gt (d.done_at, h.committed_at);
  /* The stored copy has its id and version; the caller's is untouched */
  ck_assert_int_gt (pathways_record_get_id (d.saved), 0);
  ck_assert_int_eq (pathways_record_get_version (d.saved), 1);
  ck_assert_int_eq (pathways_record_get_id (PATHWAYS_RECORD (yp)), 0);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 2);
  g_clear_object (&d.saved);
}
END_TEST

static void
got_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  Done *d = user_data;

  d->saved = pathways_store_get_finish (PATHWAYS_STORE (source), result, &d->error);
  d->done = TRUE;
}

/* A record read in a worker thread: the stored copy, or NOT_FOUND */
START_TEST (test_get_async)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "get-async.db");
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC1801");
  Done d = { 0 };

  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (yp), NULL));
  pathways_store_get_async (store, PATHWAYS_TYPE_YOUNG_PERSON, pathways_record_get_id (PATHWAYS_RECORD (yp)),
                            NULL, got_cb, &d);
  ck_assert (test_wait_for (is_done, &d));
  ck_assert_no_error (d.error);
  ck_assert (PATHWAYS_IS_YOUNG_PERSON (d.saved));
  ck_assert_str_eq (pathways_young_person_get_local_id (PATHWAYS_YOUNG_PERSON (d.saved)), "LC1801");
  ck_assert_int_eq (pathways_record_get_version (d.saved), 1);
  g_clear_object (&d.saved);

  d.done = FALSE;
  pathways_store_get_async (store, PATHWAYS_TYPE_YOUNG_PERSON, 999999, NULL, got_cb, &d);
  ck_assert (test_wait_for (is_done, &d));
  ck_assert_ptr_null (d.saved);
  ck_assert (g_error_matches (d.error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND));
  g_clear_error (&d.error);
}
END_TEST

/* The audit chain holds after ordinary work, on either backend */
START_TEST (test_audit_chain_verifies)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "chain.db");
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0301");
  g_autoptr(PathwaysAuditCheck) check = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  pathways_young_person_set_preferred_name (yp, "Ami");
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (yp), &error));
  ck_assert (pathways_store_delete (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_no_error (error);

  check = pathways_store_verify_audit (store, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (check->broken_row, 0);
  ck_assert_int_ge (check->n_rows, 3);
  ck_assert_int_eq (check->n_redacted, 0);
}
END_TEST

/* Erasure after the retention period: refused before it ends; then the
 * young person and their records go, their audit rows are redacted, the
 * erasure is recorded, and the chain still verifies */
START_TEST (test_erase_after_retention)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "erase.db");
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0401");
  g_autoptr(PathwaysYoungPerson) other = test_make_person ("LC0402");
  g_autoptr(PathwaysMilestone) m = pathways_milestone_new ();
  g_autoptr(PathwaysNote) note = NULL;
  g_autoptr(PathwaysNote) kept = NULL;
  g_autoptr(PathwaysAuditCheck) check = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *end = NULL;
  gint64 id, n = 0, n_erase = 0;

  g_object_set (yp, "given-name", "Zainab", NULL);
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (other), &error));
  ck_assert_no_error (error);
  id = pathways_record_get_id (PATHWAYS_RECORD (yp));
  g_object_set (m, "young-person-id", id, "name", "Savings account opened", "category", "finance",
                "due-date", "2024-05-14", NULL);
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (m), &error));
  note = g_object_new (PATHWAYS_TYPE_NOTE, "young-person-id", id, "written-on", "2026-10-01",
                       "body", "Zainab visited the flat", NULL);
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (note), &error));
  kept = g_object_new (PATHWAYS_TYPE_NOTE, "young-person-id", pathways_record_get_id (PATHWAYS_RECORD (other)),
                       "written-on", "2026-10-01", "body", "Kept", NULL);
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (kept), &error));
  pathways_young_person_set_preferred_name (yp, "Zee");
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_no_error (error);

  /* Born 14/05/2008: kept to the 75th birthday by default */
  end = pathways_store_dup_retention_end (store, id, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (end, "2083-05-14");
  ck_assert (!pathways_store_erase_person (store, id, &n, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FORBIDDEN));
  ck_assert_msg (strstr (error->message, "14/05/2083") != NULL, "%s", error->message);
  g_clear_error (&error);
  ck_assert (pathways_store_exists (store, "young_person", id));

  /* A retention period of 18 years has ended on 22/11/2026 */
  ck_assert (!pathways_store_set_setting (store, "retention_years", "5", &error));
  g_clear_error (&error);
  ck_assert (pathways_store_set_setting (store, "retention_years", "18", &error));
  ck_assert_no_error (error);
  ck_assert (pathways_store_erase_person (store, id, &n, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (n, 7);  /* three inserts, the update, and the erasure's three deletes */

  ck_assert (!pathways_store_exists (store, "young_person", id));
  ck_assert (!pathways_store_exists (store, "milestone", pathways_record_get_id (PATHWAYS_RECORD (m))));
  ck_assert (!pathways_store_exists (store, "note", pathways_record_get_id (PATHWAYS_RECORD (note))));
  ck_assert (pathways_store_exists (store, "note", pathways_record_get_id (PATHWAYS_RECORD (kept))));
  ck_assert (pathways_store_exists (store, "young_person", pathways_record_get_id (PATHWAYS_RECORD (other))));

  /* Nothing of theirs is left in the log but the fact of each change */
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM audit_log WHERE CAST(after_values AS TEXT) LIKE '%Zainab%'"
                                           " OR CAST(before_values AS TEXT) LIKE '%Zainab%'"), 0);
  rows = pathways_store_list_audit_for_person (store, id, &error);
  ck_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PathwaysAuditEntry) e = g_list_model_get_item (rows, i);

      if (g_str_equal (pathways_audit_entry_get_action (e), "erase"))
        {
          n_erase++;
          continue;
        }
      ck_assert_ptr_nonnull (pathways_audit_entry_get_redacted (e));
      ck_assert_ptr_null (pathways_audit_entry_get_before_values (e));
      ck_assert_ptr_null (pathways_audit_entry_get_after_values (e));
    }
  ck_assert_int_eq (n_erase, 1);
  /* (their other records' rows no longer say whose they were) */
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM audit_log WHERE redacted IS NOT NULL"), n);
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM audit_log WHERE redacted IS NOT NULL"
                                           " AND (before_values IS NOT NULL OR after_values IS NOT NULL)"), 0);

  check = pathways_store_verify_audit (store, &error);
  ck_assert_no_error (error);
  ck_assert_msg (check->broken_row == 0, "broken at %" G_GINT64_FORMAT ": %s", check->broken_row, check->problem);
  ck_assert_int_eq (check->n_redacted, n);
}
END_TEST

static Suite *
store_suite (void)
{
  Suite *s = suite_create ("store");
  TCase *files = tcase_create ("files");
  TCase *valid = tcase_create ("validation");
  TCase *tx = tcase_create ("transactions");
  TCase *models = tcase_create ("models");
  TCase *versions = tcase_create ("versions");
  TCase *signal = tcase_create ("signal");

  tcase_add_checked_fixture (files, setup, teardown);
  tcase_add_test (files, test_env_overrides_default);
  tcase_add_test (files, test_reopen_keeps_data);
  tcase_add_test (files, test_team_server_away);
  tcase_add_test (files, test_typed_accessors);
  suite_add_tcase (s, files);

  tcase_add_checked_fixture (valid, setup, teardown);
  tcase_add_loop_test (valid, test_invalid_person, 0, G_N_ELEMENTS (bad_people));
  tcase_add_test (valid, test_care_history_consistency);
  tcase_add_test (valid, test_unique_local_id);
  tcase_add_test (valid, test_invalid_unit);
  tcase_add_test (valid, test_spell_codes_by_date);
  tcase_add_test (valid, test_reference_codes_by_date);
  suite_add_tcase (s, valid);

  tcase_add_checked_fixture (tx, setup, teardown);
  tcase_add_test (tx, test_rollback_user_action);
  tcase_add_test (tx, test_failed_update_changes_nothing);
  tcase_add_test (tx, test_audit_trail);
  tcase_add_test (tx, test_audit_chain_verifies);
  tcase_add_test (tx, test_erase_after_retention);
  tcase_add_test (tx, test_nested_rollback_keeps_outer);
  suite_add_tcase (s, tx);

  tcase_add_checked_fixture (models, setup, teardown);
  tcase_add_test (models, test_caseload_rows);
  tcase_add_test (models, test_caseload_async);
  tcase_add_test (models, test_caseload_agrees_with_query);
  tcase_add_test (models, test_snapshot_one_state);
  tcase_add_test (models, test_shared_snapshot);
  suite_add_tcase (s, models);

  tcase_add_checked_fixture (versions, setup, teardown);
  tcase_add_test (versions, test_versions_count_up);
  tcase_add_test (versions, test_stale_save_is_explained);
  tcase_add_test (versions, test_stale_delete_is_explained);
  tcase_add_test (versions, test_stale_undo_is_refused);
  tcase_add_test (versions, test_undo_twice_written_row);
  suite_add_tcase (s, versions);

  tcase_add_checked_fixture (signal, setup, teardown);
  tcase_add_test (signal, test_changed_insert_update_delete);
  tcase_add_test (signal, test_changed_undo_and_rollback);
  tcase_add_test (signal, test_insert_checked_many);
  tcase_add_test (signal, test_changed_from_another_store);
  tcase_add_test (signal, test_async_keeps_main_loop_free);
  tcase_add_test (signal, test_get_async);
  suite_add_tcase (s, signal);

  return s;
}

int
main (void)
{
  return test_run_suite (store_suite ());
}
