/* test-format.c — dates, ages and money as shown to people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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
  tcase_add_test (tc, test_vocab_labels);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (format_suite ());
}
