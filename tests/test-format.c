/* test-format.c — dates, ages and money as shown to people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-util.h"

START_TEST (test_uk_format)
{
  g_autofree char *a = pathways_date_format_uk ("2026-11-02");
  g_autofree char *b = pathways_date_format_uk (NULL);
  g_autofree char *c = pathways_date_format_long ("2026-11-02");

  ck_assert_str_eq (a, "02/11/2026");
  ck_assert_str_eq (b, "");
  ck_assert_str_eq (c, "2 November 2026");
}
END_TEST

START_TEST (test_parse_iso_strict)
{
  ck_assert (pathways_date_parse_iso ("2024-02-29", NULL));
  ck_assert (!pathways_date_parse_iso ("2023-02-29", NULL));
  ck_assert (!pathways_date_parse_iso ("2026-13-01", NULL));
  ck_assert (!pathways_date_parse_iso ("2026-1-01", NULL));
  ck_assert (!pathways_date_parse_iso ("22/11/2026", NULL));
  ck_assert (!pathways_date_parse_iso ("", NULL));
}
END_TEST

static const struct {
  const char *text;
  const char *iso;  /* NULL: refused */
} user_dates[] = {
  { "22/11/2026", "2026-11-22" },
  { " 1/2/2027 ", "2027-02-01" },
  { "01.02.27", "2027-02-01" },
  { "2026-11-22", "2026-11-22" },
  { "31/04/2026", NULL },
  { "11/22/2026", NULL },   /* American order is not a UK date */
  { "tomorrow", NULL },
  { "1/2", NULL },
};

START_TEST (test_parse_user)
{
  g_autofree char *iso = NULL;
  gboolean ok = pathways_date_parse_user (user_dates[_i].text, &iso);

  if (user_dates[_i].iso == NULL)
    {
      ck_assert_msg (!ok, "accepted %s", user_dates[_i].text);
      ck_assert_ptr_null (iso);
    }
  else
    {
      ck_assert_msg (ok, "refused %s", user_dates[_i].text);
      ck_assert_str_eq (iso, user_dates[_i].iso);
    }
}
END_TEST

/* Ages on the day before, of and after a birthday, and for 29 February */
static const struct {
  const char *dob;
  const char *on;
  int         age;
} ages[] = {
  { "2008-11-22", "2026-11-21", 17 },
  { "2008-11-22", "2026-11-22", 18 },
  { "2008-11-22", "2026-11-23", 18 },
  { "2008-02-29", "2026-02-28", 17 },  /* not yet: the birthday is 1 March */
  { "2008-02-29", "2026-03-01", 18 },
  { "2008-02-29", "2028-02-29", 20 },  /* leap year: on the day */
  { "2008-02-29", "2028-02-28", 19 },
  { "2010-06-30", "2010-06-30", 0 },
  { "2026-12-01", "2026-11-22", 0 },   /* not born yet: never negative */
};

START_TEST (test_age_on)
{
  ck_assert_int_eq (pathways_date_age_on (ages[_i].dob, ages[_i].on), ages[_i].age);
}
END_TEST

START_TEST (test_birthday_29_february)
{
  g_autofree char *b18 = pathways_date_birthday ("2008-02-29", 18);
  g_autofree char *b20 = pathways_date_birthday ("2008-02-29", 20);
  g_autofree char *plain = pathways_date_birthday ("2008-11-22", 21);

  ck_assert_str_eq (b18, "2026-03-01");
  ck_assert_str_eq (b20, "2028-02-29");
  ck_assert_str_eq (plain, "2029-11-22");
}
END_TEST

START_TEST (test_add_months_clamps)
{
  g_autofree char *a = pathways_date_add_months ("2026-01-31", 1);
  g_autofree char *b = pathways_date_add_days ("2026-12-31", 1);
  g_autofree char *c = pathways_date_add_days ("2026-03-01", -1);

  ck_assert_str_eq (a, "2026-02-28");
  ck_assert_str_eq (b, "2027-01-01");
  ck_assert_str_eq (c, "2026-02-28");
  ck_assert_int_eq (pathways_date_days_between ("2026-11-22", "2026-12-25"), 33);
}
END_TEST

START_TEST (test_money)
{
  g_autofree char *a = pathways_money_format (90400);
  g_autofree char *b = pathways_money_format (123456789);
  g_autofree char *c = pathways_money_format (26050);
  g_autofree char *d = pathways_money_format (0);

  ck_assert_str_eq (a, "£904");
  ck_assert_str_eq (b, "£1,234,567.89");
  ck_assert_str_eq (c, "£260.50");
  ck_assert_str_eq (d, "£0");
}
END_TEST

/* The calendar's edges: 01/01/1900 to 31/12/9999, nothing outside */
START_TEST (test_day_range)
{
  PathwaysDay day = PATHWAYS_DAY_NONE;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  ck_assert (pathways_day_from_iso ("1900-01-01", &day));
  ck_assert_int_eq (day, PATHWAYS_DAY_FIRST);
  ck_assert (pathways_day_from_iso ("9999-12-31", &day));
  ck_assert_int_eq (day, PATHWAYS_DAY_LAST);
  first = pathways_day_to_iso (PATHWAYS_DAY_FIRST);
  last = pathways_day_to_iso (PATHWAYS_DAY_LAST);
  ck_assert_str_eq (first, PATHWAYS_DATE_ISO_FIRST);
  ck_assert_str_eq (last, PATHWAYS_DATE_ISO_LAST);

  ck_assert (!pathways_day_from_iso ("1899-12-31", &day));
  ck_assert (!pathways_day_from_iso ("0001-01-01", &day));
  ck_assert (!pathways_day_from_iso ("0000-01-01", &day));
  ck_assert (!pathways_day_from_iso ("10000-01-01", &day));
  ck_assert (!pathways_date_parse_iso ("0001-02-01", NULL));
  ck_assert (!pathways_day_is_valid (PATHWAYS_DAY_NONE));
  ck_assert (!pathways_day_is_valid (PATHWAYS_DAY_LAST + 1));
  ck_assert (!pathways_day_is_valid (PATHWAYS_DAY_FIRST - 1));
  ck_assert_int_eq (pathways_day_get_weekday (PATHWAYS_DAY_FIRST), G_DATE_MONDAY);   /* 01/01/1900 */
  ck_assert_int_eq (pathways_day_get_weekday (PATHWAYS_DAY_LAST), G_DATE_FRIDAY);    /* 31/12/9999 */
}
END_TEST

/* Every day of the calendar has GDate's number, and back; every day of
 * every month that does not exist is refused */
START_TEST (test_day_numbers_match_gdate)
{
  guint wrong = 0, days = 0;

  /* (one assertion at the end: Check's per-assertion bookkeeping would
   * cost more than the three million checks) */
  for (int year = 1900; year <= 9999; year++)
    for (int month = 1; month <= 12; month++)
      for (int d = 1; d <= 32; d++)
        {
          gboolean real = d <= 31 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) month, (GDateYear) year);
          PathwaysDay day = PATHWAYS_DAY_NONE;
          GDate date;
          int dd, mm, yy;

          if (pathways_day_from_dmy (d, month, year, &day) != real)
            {
              wrong++;
              continue;
            }
          if (!real)
            continue;
          days++;
          g_date_clear (&date, 1);
          g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) month, (GDateYear) year);
          pathways_day_to_dmy (day, &dd, &mm, &yy);
          if (day != (PathwaysDay) g_date_get_julian (&date) || dd != d || mm != month || yy != year)
            wrong++;
        }
  ck_assert_uint_eq (wrong, 0);
  ck_assert_uint_eq (days, PATHWAYS_DAY_LAST - PATHWAYS_DAY_FIRST + 1);
}
END_TEST

/* Every step that would leave the calendar is refused, not wrapped or clamped */
START_TEST (test_day_arithmetic_bounded)
{
  PathwaysDay day = 42, dob;
  int n = -7;

  ck_assert (!pathways_day_add_days (PATHWAYS_DAY_LAST, 1, &day));
  ck_assert_int_eq (day, 42);  /* untouched */
  ck_assert (!pathways_day_add_days (PATHWAYS_DAY_FIRST, -1, &day));
  ck_assert (!pathways_day_add_days (PATHWAYS_DAY_FIRST, G_MAXINT64, &day));
  ck_assert (!pathways_day_add_days (PATHWAYS_DAY_LAST, G_MININT64, &day));
  ck_assert (!pathways_day_add_days (PATHWAYS_DAY_NONE, 1, &day));
  ck_assert (pathways_day_add_days (PATHWAYS_DAY_LAST, -(gint64) (PATHWAYS_DAY_LAST - PATHWAYS_DAY_FIRST), &day));
  ck_assert_int_eq (day, PATHWAYS_DAY_FIRST);

  ck_assert (!pathways_day_add_months (PATHWAYS_DAY_LAST, 1, &day));
  ck_assert (!pathways_day_add_months (PATHWAYS_DAY_FIRST, -1, &day));
  ck_assert (!pathways_day_add_months (PATHWAYS_DAY_FIRST, G_MAXINT64, &day));
  ck_assert (!pathways_day_add_months (PATHWAYS_DAY_LAST, G_MININT64, &day));
  ck_assert (pathways_day_from_iso ("9999-10-31", &day));
  ck_assert (pathways_day_add_months (day, 2, &day));
  ck_assert_int_eq (day, PATHWAYS_DAY_LAST);

  ck_assert (!pathways_day_add_years (PATHWAYS_DAY_LAST, 1, &day));
  ck_assert (!pathways_day_add_years (PATHWAYS_DAY_FIRST, G_MININT64, &day));
  ck_assert (pathways_day_from_iso ("2024-02-29", &day));
  ck_assert (pathways_day_add_years (day, 1, &day));
  ck_assert (pathways_day_from_iso ("2025-02-28", &dob));
  ck_assert_int_eq (day, dob);

  /* Born in 9990: the 18th birthday is after the end of the calendar */
  ck_assert (pathways_day_from_iso ("9990-05-01", &dob));
  ck_assert (!pathways_day_birthday (dob, 18, &day));
  ck_assert (pathways_day_birthday (dob, 9, &day));
  ck_assert (!pathways_day_birthday (dob, G_MAXINT64, &day));
  ck_assert (!pathways_day_birthday (dob, G_MININT64, &day));

  ck_assert (pathways_day_days_between (PATHWAYS_DAY_FIRST, PATHWAYS_DAY_LAST, &n));
  ck_assert_int_eq (n, PATHWAYS_DAY_LAST - PATHWAYS_DAY_FIRST);
  ck_assert (!pathways_day_days_between (PATHWAYS_DAY_NONE, PATHWAYS_DAY_LAST, &n));
  ck_assert (pathways_day_age_on (PATHWAYS_DAY_FIRST, PATHWAYS_DAY_LAST, &n));
  ck_assert_int_eq (n, 8099);
  ck_assert (pathways_day_age_on (PATHWAYS_DAY_LAST, PATHWAYS_DAY_FIRST, &n));
  ck_assert_int_eq (n, 0);
  ck_assert (!pathways_day_age_on (PATHWAYS_DAY_NONE, PATHWAYS_DAY_FIRST, &n));
}
END_TEST

/* The string functions on the same days: NULL (or -1) at the edges, never
 * a GLib critical (the suite runs with G_DEBUG=fatal-criticals) */
START_TEST (test_date_strings_bounded)
{
  g_autofree char *after_last = pathways_date_add_days ("9999-12-31", 1);
  g_autofree char *before_first = pathways_date_add_days ("1900-01-01", -1);
  g_autofree char *year_one = pathways_date_add_months ("0001-02-01", -3);
  g_autofree char *year_one_back = pathways_date_add_days ("0001-01-01", -1);
  g_autofree char *month_after = pathways_date_add_months ("9999-12-31", 1);
  g_autofree char *b18 = pathways_date_birthday ("9990-05-01", 18);
  g_autofree char *b_huge = pathways_date_birthday ("2008-05-01", G_MAXINT);
  g_autofree char *far = pathways_date_add_days ("2026-11-22", G_MAXINT);
  g_autofree char *last = pathways_date_add_days ("9999-12-30", 1);
  g_autofree char *uk_year_one = pathways_date_format_uk ("0001-02-01");
  GDate date;

  ck_assert_ptr_null (after_last);
  ck_assert_ptr_null (before_first);
  ck_assert_ptr_null (year_one);
  ck_assert_ptr_null (year_one_back);
  ck_assert_ptr_null (month_after);
  ck_assert_ptr_null (b18);
  ck_assert_ptr_null (b_huge);
  ck_assert_ptr_null (far);
  ck_assert_str_eq (last, "9999-12-31");
  /* Shown as it is (it does no arithmetic), but not a day Pathways records */
  ck_assert_str_eq (uk_year_one, "01/02/0001");
  ck_assert_int_eq (pathways_date_age_on ("0001-01-01", "2026-11-22"), -1);
  ck_assert_int_eq (pathways_date_age_on ("1900-01-01", "9999-12-31"), 8099);
  ck_assert_int_eq (pathways_date_days_between ("0001-01-01", "2026-11-22"), 0);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 1);
  ck_assert_ptr_null (pathways_date_to_iso (&date));
}
END_TEST

/* Typed dates outside the calendar say so, in words */
START_TEST (test_parse_user_out_of_range)
{
  g_autoptr(GError) error = NULL;
  PathwaysDay day = PATHWAYS_DAY_NONE;
  g_autofree char *iso = NULL;

  ck_assert (!pathways_day_parse_user ("01/01/0001", &day, &error));
  ck_assert (g_error_matches (error, PATHWAYS_FORMAT_ERROR, PATHWAYS_FORMAT_ERROR_OUT_OF_RANGE));
  ck_assert_str_eq (error->message,
                    "01/01/0001 is outside the dates Pathways can record (01/01/1900 to 31/12/9999)");
  g_clear_error (&error);

  ck_assert (!pathways_day_parse_user ("0001-02-01", &day, &error));
  ck_assert (g_error_matches (error, PATHWAYS_FORMAT_ERROR, PATHWAYS_FORMAT_ERROR_OUT_OF_RANGE));
  g_clear_error (&error);

  ck_assert (!pathways_day_parse_user ("31/02/2026", &day, &error));
  ck_assert (g_error_matches (error, PATHWAYS_FORMAT_ERROR, PATHWAYS_FORMAT_ERROR_INVALID));
  ck_assert_str_eq (error->message, "“31/02/2026” is not a date: enter it as DD/MM/YYYY");
  g_clear_error (&error);

  ck_assert (!pathways_day_parse_user ("00/00/0000", &day, &error));
  ck_assert (g_error_matches (error, PATHWAYS_FORMAT_ERROR, PATHWAYS_FORMAT_ERROR_INVALID));
  g_clear_error (&error);

  ck_assert (pathways_day_parse_user ("31/12/9999", &day, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (day, PATHWAYS_DAY_LAST);
  ck_assert (!pathways_date_parse_user ("01/01/1899", &iso));
  ck_assert_ptr_null (iso);
}
END_TEST

/* Money as people type it, and every way it can go wrong */
static const struct {
  const char *text;
  gint64      pence;
  int         error;  /* -1: read; else the PathwaysFormatError */
} amounts[] = {
  { "120.50", 12050, -1 },
  { "£1,234", 123400, -1 },
  { " £1,234,567.8 ", 123456780, -1 },
  { "1234.5", 123450, -1 },
  { "0", 0, -1 },
  { ".5", 50, -1 },
  { "-£5", -500, -1 },
  { "£-5.01", -501, -1 },
  { "£ 12", 1200, -1 },
  { "92233720368547758.07", G_MAXINT64, -1 },
  { "-92233720368547758.08", G_MININT64, -1 },
  { "92233720368547758.08", 0, PATHWAYS_FORMAT_ERROR_OUT_OF_RANGE },
  { "-92233720368547758.09", 0, PATHWAYS_FORMAT_ERROR_OUT_OF_RANGE },
  { "99999999999999999999999", 0, PATHWAYS_FORMAT_ERROR_OUT_OF_RANGE },
  { "1e300", 0, PATHWAYS_FORMAT_ERROR_INVALID },
  { "inf", 0, PATHWAYS_FORMAT_ERROR_INVALID },
  { "nan", 0, PATHWAYS_FORMAT_ERROR_INVALID },
  { "-", 0, PATHWAYS_FORMAT_ERROR_INVALID },
  { "£", 0, PATHWAYS_FORMAT_ERROR_INVALID },
  { "", 0, PATHWAYS_FORMAT_ERROR_INVALID },
  { ".", 0, PATHWAYS_FORMAT_ERROR_INVALID },
  { "12.", 0, PATHWAYS_FORMAT_ERROR_INVALID },
  { "12.345", 0, PATHWAYS_FORMAT_ERROR_INVALID },
  { "1,23", 0, PATHWAYS_FORMAT_ERROR_INVALID },
  { "1234,567", 0, PATHWAYS_FORMAT_ERROR_INVALID },
  { ",123", 0, PATHWAYS_FORMAT_ERROR_INVALID },
  { "0x10", 0, PATHWAYS_FORMAT_ERROR_INVALID },
  { "--5", 0, PATHWAYS_FORMAT_ERROR_INVALID },
  { "12 50", 0, PATHWAYS_FORMAT_ERROR_INVALID },
};

START_TEST (test_money_parse)
{
  g_autoptr(GError) error = NULL;
  gint64 pence = 42;
  gboolean ok = pathways_money_parse (amounts[_i].text, &pence, &error);

  if (amounts[_i].error < 0)
    {
      ck_assert_msg (ok, "refused “%s”: %s", amounts[_i].text, error ? error->message : "");
      ck_assert_int_eq (pence, amounts[_i].pence);
    }
  else
    {
      ck_assert_msg (!ok, "read “%s” as %" G_GINT64_FORMAT, amounts[_i].text, pence);
      ck_assert (g_error_matches (error, PATHWAYS_FORMAT_ERROR, amounts[_i].error));
      ck_assert_int_eq (pence, 42);
      ck_assert (g_utf8_validate (error->message, -1, NULL));
    }
}
END_TEST

START_TEST (test_money_parse_messages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (1 << 20, '9');
  gint64 pence;

  ck_assert (!pathways_money_parse ("12.345", &pence, &error));
  ck_assert_str_eq (error->message,
                    "“12.345” has more than two decimal places: enter pounds and pence, for example 120.50");
  g_clear_error (&error);
  ck_assert (!pathways_money_parse ("1e300", &pence, &error));
  ck_assert_str_eq (error->message,
                    "“1e300” is not an amount of money: enter pounds and pence, for example 120.50");
  g_clear_error (&error);
  ck_assert (!pathways_money_parse ("1,23", &pence, &error));
  ck_assert_str_eq (error->message, "“1,23” has a thousands separator out of place: write 1,234.50 or 1234.50");
  g_clear_error (&error);
  /* A megabyte of nines: refused, and the message quotes only the start of it */
  ck_assert (!pathways_money_parse (huge, &pence, &error));
  ck_assert (g_error_matches (error, PATHWAYS_FORMAT_ERROR, PATHWAYS_FORMAT_ERROR_OUT_OF_RANGE));
  ck_assert_int_lt (strlen (error->message), 200);
}
END_TEST

/* The most negative and most positive amounts format like any other */
START_TEST (test_money_format_extremes)
{
  g_autofree char *min = pathways_money_format (G_MININT64);
  g_autofree char *max = pathways_money_format (G_MAXINT64);
  g_autofree char *neg = pathways_money_format (-26050);
  g_autofree char *minus_penny = pathways_money_format (-1);

  ck_assert_str_eq (min, "-£92,233,720,368,547,758.08");
  ck_assert_str_eq (max, "£92,233,720,368,547,758.07");
  ck_assert_str_eq (neg, "-£260.50");
  ck_assert_str_eq (minus_penny, "-£0.01");
}
END_TEST

START_TEST (test_vocab_labels)
{
  ck_assert (pathways_vocab_is_valid (PATHWAYS_VOCAB_UNIT_KIND, "staying_put"));
  ck_assert (!pathways_vocab_is_valid (PATHWAYS_VOCAB_UNIT_KIND, "castle"));
  ck_assert_str_eq (pathways_vocab_label (PATHWAYS_VOCAB_UNIT_KIND, "bed_and_breakfast"),
                    "Bed and breakfast");
  ck_assert_str_eq (pathways_vocab_extra (PATHWAYS_VOCAB_UNIT_KIND, "staying_put"), "Z");
  ck_assert_str_eq (pathways_vocab_label (PATHWAYS_VOCAB_UNIT_KIND, "castle"), "castle");
}
END_TEST

/* Search keys: accents, case and spacing do not matter; every word typed
 * is looked for anywhere in the key */
START_TEST (test_search_key)
{
  g_autofree char *jose = pathways_search_key ("  Jos\u00e9   O\u2019Brien ");
  g_autofree char *upper = pathways_search_key ("JOSE\u0301 o\u2019brien");
  g_autofree char *strasse = pathways_search_key ("Stra\u00dfe");
  g_autofree char *zoe = pathways_search_key ("Zo\u00eb \u00c9milie \u0141ucja");
  g_autofree char *empty = pathways_search_key (NULL);

  ck_assert_str_eq (jose, "jose o\u2019brien");
  ck_assert_str_eq (upper, jose);
  ck_assert_str_eq (strasse, "strasse");
  /* Ł has no decomposition: kept, lower case */
  ck_assert_str_eq (zoe, "zoe emilie \u0142ucja");
  ck_assert_str_eq (empty, "");
}
END_TEST

START_TEST (test_search_matches)
{
  g_autofree char *key = pathways_search_key ("Ahmed Kh\u00e1n Ahmed NB104729");
  struct { const char *query; gboolean found; } cases[] = {
    { "", TRUE }, { "   ", TRUE },
    { "ahmed", TRUE }, { "AHMED", TRUE }, { "hme", TRUE },          /* case, part of a word */
    { "khan", TRUE }, { "Kh\u00c1N", TRUE }, { "kh\u00e1n", TRUE },   /* accents either way */
    { "ahm kha", TRUE }, { "khan ahmed", TRUE }, { "  kha   ahm ", TRUE },  /* words, any order */
    { "nb104729", TRUE }, { "104", TRUE },                          /* the local id */
    { "ahmed x", FALSE }, { "khanx", FALSE }, { "ahmedkhan", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) words = pathways_search_words (cases[i].query);
      ck_assert_msg (pathways_search_matches (key, words) == cases[i].found, "“%s”", cases[i].query);
    }
}
END_TEST

/* Typing on narrows a search; deleting or changing a word does not */
START_TEST (test_search_narrows)
{
  ck_assert (pathways_search_narrows ("", "a"));
  ck_assert (pathways_search_narrows (NULL, "a"));
  ck_assert (pathways_search_narrows ("ah", "ahm"));
  ck_assert (pathways_search_narrows ("ah", "AH K"));
  ck_assert (pathways_search_narrows ("ah k", "ah kh"));
  ck_assert (pathways_search_narrows ("jose", "jos\u00e9 "));
  ck_assert (!pathways_search_narrows ("ahm", "ah"));
  ck_assert (!pathways_search_narrows ("ab", "b"));
  ck_assert (!pathways_search_narrows ("ah k", "ahk"));
  ck_assert (!pathways_search_narrows ("a", ""));
}
END_TEST

START_TEST (test_natural_sort_key)
{
  const char *order[] = { "1 Elm Road", "2 Elm Road", "10 Elm Road", "Flat 2, 3 Oak Close",
                          "Flat 9", "flat 10", "Flat 010A", NULL };

  for (int i = 0; order[i + 1] != NULL; i++)
    {
      g_autofree char *a = pathways_natural_sort_key (order[i]);
      g_autofree char *b = pathways_natural_sort_key (order[i + 1]);

      ck_assert_msg (strcmp (a, b) < 0, "\"%s\" should sort before \"%s\"", order[i], order[i + 1]);
    }
  {
    g_autofree char *empty = pathways_natural_sort_key (NULL);
    g_autofree char *plain = pathways_natural_sort_key ("Larch");

    ck_assert_str_eq (empty, "");
    ck_assert_str_eq (plain, "larch");
  }
}
END_TEST

static Suite *
format_suite (void)
{
  Suite *s = suite_create ("format");
  TCase *tc = tcase_create ("dates");

  tcase_add_test (tc, test_uk_format);
  tcase_add_test (tc, test_parse_iso_strict);
  tcase_add_loop_test (tc, test_parse_user, 0, G_N_ELEMENTS (user_dates));
  tcase_add_loop_test (tc, test_age_on, 0, G_N_ELEMENTS (ages));
  tcase_add_test (tc, test_birthday_29_february);
  tcase_add_test (tc, test_add_months_clamps);
  tcase_add_test (tc, test_money);
  tcase_add_test (tc, test_day_range);
  tcase_add_test (tc, test_day_numbers_match_gdate);
  tcase_add_test (tc, test_day_arithmetic_bounded);
  tcase_add_test (tc, test_date_strings_bounded);
  tcase_add_test (tc, test_parse_user_out_of_range);
  tcase_add_loop_test (tc, test_money_parse, 0, G_N_ELEMENTS (amounts));
  tcase_add_test (tc, test_money_parse_messages);
  tcase_add_test (tc, test_money_format_extremes);
  tcase_add_test (tc, test_vocab_labels);
  tcase_add_test (tc, test_search_key);
  tcase_add_test (tc, test_search_matches);
  tcase_add_test (tc, test_search_narrows);
  tcase_add_test (tc, test_natural_sort_key);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (format_suite ());
}
