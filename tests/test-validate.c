/* test-validate.c — what a record must satisfy before it is written: text
 * of a sensible length, and dates inside the calendar
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
  store = test_open_store (dir, "validate.db");
}

static void
teardown (void)
{
  g_clear_object (&store);
  test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

/* Every record type that is written to a table */
static const GType *
written_types (guint *n)
{
  static GType types[9];

  types[0] = PATHWAYS_TYPE_STAFF;
  types[1] = PATHWAYS_TYPE_YOUNG_PERSON;
  types[2] = PATHWAYS_TYPE_UNIT;
  types[3] = PATHWAYS_TYPE_SPELL;
  types[4] = PATHWAYS_TYPE_MILESTONE_TEMPLATE;
  types[5] = PATHWAYS_TYPE_MILESTONE;
  types[6] = PATHWAYS_TYPE_TRANSITION;
  types[7] = PATHWAYS_TYPE_NOTE;
  types[8] = PATHWAYS_TYPE_REF_CODE;
  *n = G_N_ELEMENTS (types);
  return types;
}

/* A record with every field filled: short text, today, 1 */
static PathwaysRecord *
filled (GType type)
{
  PathwaysRecord *r = g_object_new (type, NULL);
  PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (r);

  for (guint i = 0; i < pathways_record_class_get_n_fields (klass); i++)
    {
      const PathwaysField *f = pathways_record_class_get_field (klass, i);

      switch (f->type)
        {
        case PATHWAYS_FIELD_STRING:
          pathways_record_set_string (r, f->name, "x");
          break;
        case PATHWAYS_FIELD_DATE:
          pathways_record_set_string (r, f->name, TEST_TODAY);
          break;
        case PATHWAYS_FIELD_INT:
        case PATHWAYS_FIELD_MONEY:
          pathways_record_set_int (r, f->name, 1);
          break;
        case PATHWAYS_FIELD_BOOL:
        case PATHWAYS_FIELD_REAL:
        default:
          break;
        }
    }
  return r;
}

/* Characters, not bytes: "é" is two bytes */
static char *
text_of (guint n_chars)
{
  GString *s = g_string_sized_new (n_chars * 2);

  for (guint i = 0; i < n_chars; i++)
    g_string_append (s, "é");
  return g_string_free (s, FALSE);
}

/* Every text field of every table has a limit, and a character more than
 * it is refused with the field's label and the limit */
START_TEST (test_every_text_field_is_bounded)
{
  guint n_types, n_checked = 0;
  const GType *types = written_types (&n_types);

  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(PathwaysRecord) probe = g_object_new (types[t], NULL);
      PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (probe);
      const char *table = pathways_record_class_get_table (klass);

      for (guint i = 0; i < pathways_record_class_get_n_fields (klass); i++)
        {
          const PathwaysField *f = pathways_record_class_get_field (klass, i);
          guint max = pathways_field_get_max_length (table, f->name);
          g_autoptr(PathwaysRecord) r = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *too_long = NULL;
          g_autofree char *just_right = NULL;
          g_autofree char *expected = NULL;

          if (f->type != PATHWAYS_FIELD_STRING)
            continue;
          ck_assert_msg (max > 0 && max <= 10000, "%s.%s has no sensible maximum length", table, f->name);

          r = filled (types[t]);
          too_long = text_of (max + 1);
          pathways_record_set_string (r, f->name, too_long);
          ck_assert (!pathways_validate_record (store, r, &error));
          expected = g_strdup_printf ("%s is too long (at most %u characters)", f->label, max);
          ck_assert_str_eq (error->message, expected);
          g_clear_error (&error);

          /* At the limit, whatever else is wrong, the length is not */
          just_right = text_of (max);
          pathways_record_set_string (r, f->name, just_right);
          if (!pathways_validate_record (store, r, &error))
            ck_assert_msg (strstr (error->message, "too long") == NULL, "%s", error->message);
          n_checked++;
        }
    }
  ck_assert_uint_gt (n_checked, 40);
}
END_TEST

/* A megabyte of name is refused, and nothing is written */
START_TEST (test_megabyte_name)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0001");
  g_autofree char *megabyte = g_strnfill (1 << 20, 'A');
  g_autoptr(GError) error = NULL;

  g_object_set (yp, "given-name", megabyte, NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID));
  ck_assert_str_eq (error->message, "Given name is too long (at most 100 characters)");
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 0);

  /* The same with a name that fits */
  g_clear_error (&error);
  g_object_set (yp, "given-name", "Amara", NULL);
  ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_no_error (error);
}
END_TEST

/* A note as long as a page or two is fine; a book is not */
START_TEST (test_long_note)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0002");
  gint64 person = test_add (store, PATHWAYS_RECORD (yp));
  g_autofree char *page = text_of (10000);
  g_autofree char *book = text_of (10001);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysRecord) note = g_object_new (PATHWAYS_TYPE_NOTE, "young-person-id", person,
                                                 "written-on", TEST_TODAY, "body", page, NULL);

  ck_assert (pathways_store_insert (store, note, &error));
  ck_assert_no_error (error);
  pathways_record_set_string (note, "body", book);
  ck_assert (!pathways_store_update (store, note, &error));
  ck_assert_str_eq (error->message, "Note is too long (at most 10000 characters)");
}
END_TEST

/* Dates outside 01/01/1900–31/12/9999 are refused, saying so */
START_TEST (test_dates_outside_the_calendar)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC0003");
  g_autofree char *megabyte = g_strnfill (1 << 20, '9');
  g_autoptr(GError) error = NULL;
  gint64 person;

  g_object_set (yp, "date-first-looked-after", "0001-02-01", NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_str_eq (error->message, "Date first looked after 01/02/0001 is outside the dates Pathways can "
                                    "record (01/01/1900 to 31/12/9999)");
  g_clear_error (&error);

  g_object_set (yp, "date-first-looked-after", megabyte, NULL);
  ck_assert (!pathways_store_insert (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_str_eq (error->message, "Date first looked after is not a date");
  g_clear_error (&error);

  g_object_set (yp, "date-first-looked-after", "2019-03-01", NULL);
  person = test_add (store, PATHWAYS_RECORD (yp));

  /* 31/12/9999 as an "open-ended" planned end is a day like any other */
  {
    g_autoptr(PathwaysSpell) s = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", person, "address",
                                               "12 Mill Lane", "accom", "U", "start-date", "2026-01-01",
                                               "planned-end", PATHWAYS_DATE_ISO_LAST, "state", "current", NULL);
    ck_assert (pathways_store_insert (store, PATHWAYS_RECORD (s), &error));
    ck_assert_no_error (error);
  }
}
END_TEST

static Suite *
validate_suite (void)
{
  Suite *s = suite_create ("validate");
  TCase *tc = tcase_create ("validate");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_every_text_field_is_bounded);
  tcase_add_test (tc, test_megabyte_name);
  tcase_add_test (tc, test_long_note);
  tcase_add_test (tc, test_dates_outside_the_calendar);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (validate_suite ());
}
