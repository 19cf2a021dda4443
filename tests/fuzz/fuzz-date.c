/* fuzz-date.c — dates typed by people and read from files, and every
 * step of arithmetic on them
 *
 * The text is parsed as a person's date and as ISO; the bytes after it
 * give amounts of days, months and years (any gint64) and a number of
 * working days.  Every result must be a recordable day or refused, and
 * agree with plain arithmetic on day numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>

#include "fuzz-common.h"
#include "pathways-format.h"
#include "pathways-rules.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static PathwaysRuleSettings *
settings (void)
{
  static PathwaysRuleSettings *s;

  if (s == NULL)
    {
      g_autoptr(GPtrArray) holidays = g_ptr_array_new ();

      g_ptr_array_add (holidays, "2026-12-25");
      g_ptr_array_add (holidays, "2026-12-28");
      g_ptr_array_add (holidays, "9999-12-30");
      g_ptr_array_add (holidays, "1900-01-01");
      s = pathways_rule_settings_new_from_table (NULL, holidays);
    }
  return s;
}

static void
check_day (PathwaysDay day)
{
  g_autofree char *iso = pathways_day_to_iso (day);
  PathwaysDay back;

  g_assert (pathways_day_is_valid (day));
  g_assert (iso != NULL && pathways_day_from_iso (iso, &back) && back == day);
}

static void
arithmetic (PathwaysDay day,
            gint64      n,
            gint64      m)
{
  PathwaysDay out = PATHWAYS_DAY_NONE, other;
  gint64 sum;
  int d0, d1, age, between;

  /* Days: exactly day + n, or refused because that is off the calendar */
  if (pathways_day_add_days (day, n, &out))
    {
      check_day (out);
      g_assert ((gint64) out - day == n);
    }
  else
    g_assert (__builtin_add_overflow ((gint64) day, n, &sum) || sum < PATHWAYS_DAY_FIRST ||
              sum > PATHWAYS_DAY_LAST);

  /* Months and years: on the calendar, never a later day of the month */
  pathways_day_to_dmy (day, &d0, NULL, NULL);
  if (pathways_day_add_months (day, m, &out))
    {
      check_day (out);
      pathways_day_to_dmy (out, &d1, NULL, NULL);
      g_assert (d1 <= d0);
      if (m > 0)
        g_assert (out > day);
    }
  if (pathways_day_add_years (day, m, &out))
    check_day (out);
  if (pathways_day_birthday (day, m, &out))
    {
      check_day (out);
      if (m >= 0 && pathways_day_age_on (day, out, &age))
        g_assert (age == m);
    }

  /* Between two recordable days */
  other = (PathwaysDay) (PATHWAYS_DAY_FIRST + (guint64) n % (guint64) (PATHWAYS_DAY_LAST - PATHWAYS_DAY_FIRST + 1));
  g_assert (pathways_day_days_between (day, other, &between) && between == other - day);
  g_assert (pathways_day_age_on (day, other, &age) && age >= 0 && age <= 8099);
  g_assert (pathways_day_get_weekday (day) >= G_DATE_MONDAY && pathways_day_get_weekday (day) <= G_DATE_SUNDAY);
}

static void
working_days (const char *iso,
              gint64      n)
{
  int count = (int) CLAMP (n, G_MININT, G_MAXINT);
  g_autofree char *end = pathways_rules_add_working_days (settings (), iso, count);

  if (end == NULL)
    return;
  g_assert (pathways_date_parse_iso (end, NULL));
  if (count > 0)
    {
      g_assert (pathways_rules_is_working_day (settings (), end));
      g_assert (pathways_rules_working_days_between (settings (), iso, end) == count);
    }
  else
    g_assert (g_str_equal (end, iso));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  FuzzInput in;
  g_autofree char *iso = NULL;
  g_autoptr(GError) error = NULL;
  PathwaysDay day;
  gint64 n, m;
  GDate date;

  fuzz_input_init (&in, data, size);
  n = fuzz_input_int64 (&in);
  m = fuzz_input_int64 (&in);

  if (pathways_date_parse_user (in.text, &iso))
    {
      g_autofree char *uk = pathways_date_format_uk (iso);
      g_autofree char *longer = pathways_date_format_long (iso);
      g_autofree char *later = pathways_date_add_days (iso, (int) CLAMP (n, G_MININT, G_MAXINT));
      g_autofree char *months = pathways_date_add_months (iso, (int) CLAMP (m, G_MININT, G_MAXINT));
      g_autofree char *birthday = pathways_date_birthday (iso, (int) CLAMP (m, G_MININT, G_MAXINT));

      g_assert (uk != NULL && longer != NULL);
      g_assert (later == NULL || pathways_date_parse_iso (later, NULL));
      g_assert (months == NULL || pathways_date_parse_iso (months, NULL));
      g_assert (birthday == NULL || pathways_date_parse_iso (birthday, NULL));
      g_assert (pathways_date_age_on (iso, iso) == 0);
      working_days (iso, n);
    }

  if (pathways_day_parse_user (in.text, &day, &error))
    {
      g_assert (iso != NULL);
      check_day (day);
      arithmetic (day, n, m);
    }
  else
    {
      g_assert (iso == NULL);
      g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
    }

  if (pathways_day_from_iso (in.text, &day))
    check_day (day);
  (void) pathways_date_parse_iso (in.text, &date);
  (void) pathways_date_is_outside_calendar (in.text);
  {
    /* Anything can be shown: as a date, or as it is */
    g_autofree char *uk = pathways_date_format_uk (in.text);
    g_autofree char *longer = pathways_date_format_long (in.text);

    g_assert (uk != NULL && longer != NULL);
  }

  fuzz_input_clear (&in);
  return 0;
}
