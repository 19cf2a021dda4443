/* pathways-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "pathways-format.h"

G_DEFINE_QUARK (pathways-format-error-quark, pathways_format_error)

#define YEAR_FIRST 1900
#define YEAR_LAST  9999
/* 01/03/0000 (proleptic Gregorian) as GDate counts days: 01/01/0001 is day 1 */
#define DAY_OF_1_MARCH_0000 (-305)

/* Text quoted in an error message: at most a short line of it */
static char *
quote_for_message (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (valid, -1) <= 40)
    return g_steal_pointer (&valid);
  {
    g_autofree char *start = g_utf8_substring (valid, 0, 39);
    return g_strconcat (start, "…", NULL);
  }
}

/* Days ---------------------------------------------------------------- */

gboolean
pathways_day_is_valid (PathwaysDay day)
{
  return day >= PATHWAYS_DAY_FIRST && day <= PATHWAYS_DAY_LAST;
}

/**
 * pathways_day_from_dmy:
 * @out: (out) (optional): the day
 *
 * Returns: %TRUE if @day/@month/@year is a real calendar day from
 * 01/01/1900 to 31/12/9999
 */
gboolean
pathways_day_from_dmy (int          day,
                       int          month,
                       int          year,
                       PathwaysDay *out)
{
  static const int month_days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  int y, era, yoe, doy, doe;

  if (year < YEAR_FIRST || year > YEAR_LAST || month < 1 || month > 12 || day < 1 ||
      day > month_days[month - 1] + (month == 2 && leap))
    return FALSE;

  /* The day number GDate gives (1 for 01/01/0001), by arithmetic: the
   * rules turn dates into days by the thousand, and GDate's conversions
   * were several per cent of the caseload's load.  Years counted from March, in
   * 400-year eras (H. Hinnant, "chrono-Compatible Low-Level Date
   * Algorithms") */
  y = year - (month <= 2);
  era = y / 400;
  yoe = y - era * 400;
  doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  if (out != NULL)
    *out = (PathwaysDay) (era * 146097 + doe + DAY_OF_1_MARCH_0000);
  return TRUE;
}

void
pathways_day_to_dmy (PathwaysDay  day,
                     int         *out_day,
                     int         *out_month,
                     int         *out_year)
{
  int z, era, doe, yoe, doy, mp, d, m;

  g_return_if_fail (pathways_day_is_valid (day));

  /* The inverse of pathways_day_from_dmy() (days are after 1900: no
   * negative era) */
  z = day - DAY_OF_1_MARCH_0000;
  era = z / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  if (out_day)
    *out_day = d;
  if (out_month)
    *out_month = m;
  if (out_year)
    *out_year = yoe + era * 400 + (m <= 2);
}

/* "YYYY-MM-DD" naming a real calendar day (of any year from 1) */
static gboolean
iso_dmy (const char *iso,
         int        *d,
         int        *m,
         int        *y)
{
  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      return FALSE;

  *y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
  *m = (iso[5] - '0') * 10 + (iso[6] - '0');
  *d = (iso[8] - '0') * 10 + (iso[9] - '0');
  return *y >= 1 && *m >= 1 && *m <= 12 && *d >= 1 &&
         g_date_valid_dmy ((GDateDay) *d, (GDateMonth) *m, (GDateYear) *y);
}

/**
 * pathways_day_from_iso:
 * @iso: "YYYY-MM-DD"
 * @out: (out) (optional): the day
 *
 * Strict: exactly ten characters, a real calendar day, from 1900-01-01
 * to 9999-12-31.
 */
gboolean
pathways_day_from_iso (const char  *iso,
                       PathwaysDay *out)
{
  int d, m, y;

  return iso_dmy (iso, &d, &m, &y) && pathways_day_from_dmy (d, m, y, out);
}

/**
 * pathways_day_to_iso:
 *
 * Returns: (transfer full): "YYYY-MM-DD"
 */
char *
pathways_day_to_iso (PathwaysDay day)
{
  int d, m, y;

  g_return_val_if_fail (pathways_day_is_valid (day), NULL);

  pathways_day_to_dmy (day, &d, &m, &y);
  /* By hand: the rules format days by the thousand, and printf's
   * machinery was a fifth of the caseload's rules */
  {
    char *iso = g_malloc (11);

    iso[0] = (char) ('0' + y / 1000 % 10);
    iso[1] = (char) ('0' + y / 100 % 10);
    iso[2] = (char) ('0' + y / 10 % 10);
    iso[3] = (char) ('0' + y % 10);
    iso[4] = '-';
    iso[5] = (char) ('0' + m / 10);
    iso[6] = (char) ('0' + m % 10);
    iso[7] = '-';
    iso[8] = (char) ('0' + d / 10);
    iso[9] = (char) ('0' + d % 10);
    iso[10] = '\0';
    return iso;
  }
}

/**
 * pathways_day_parse_user:
 * @text: what a person typed: "22/11/2026", "22/11/26", "2026-11-22"
 * @out: (out) (optional): the day
 *
 * Day first, as in the UK.  Two-digit years are 20xx.  A real day
 * before 01/01/1900 is refused with %PATHWAYS_FORMAT_ERROR_OUT_OF_RANGE,
 * anything else that is not a date with %PATHWAYS_FORMAT_ERROR_INVALID.
 */
gboolean
pathways_day_parse_user (const char   *text,
                         PathwaysDay  *out,
                         GError      **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *quoted = NULL;
  g_auto(GStrv) parts = NULL;
  int d, m, y;

  stripped = g_strstrip (g_strdup (text ? text : ""));
  quoted = quote_for_message (stripped);

  if (!iso_dmy (stripped, &d, &m, &y))
    {
      parts = g_strsplit_set (stripped, "/.-", -1);
      if (g_strv_length (parts) != 3)
        goto not_a_date;
      for (guint i = 0; i < 3; i++)
        {
          if (parts[i][0] == '\0' || strlen (parts[i]) > 4)
            goto not_a_date;
          for (const char *c = parts[i]; *c; c++)
            if (!g_ascii_isdigit (*c))
              goto not_a_date;
        }
      d = atoi (parts[0]);
      m = atoi (parts[1]);
      y = atoi (parts[2]);
      if (strlen (parts[2]) == 2)
        y += 2000;
      else if (strlen (parts[2]) != 4)
        goto not_a_date;
      if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31 ||
          !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
        goto not_a_date;
    }

  if (!pathways_day_from_dmy (d, m, y, out))
    {
      g_set_error (error, PATHWAYS_FORMAT_ERROR, PATHWAYS_FORMAT_ERROR_OUT_OF_RANGE,
                   /* Translators: %02d/%02d/%04d is a date typed by someone, day first */
                   _("%02d/%02d/%04d is outside the dates Pathways can record (01/01/1900 to 31/12/9999)"),
                   d, m, y);
      return FALSE;
    }
  return TRUE;

not_a_date:
  g_set_error (error, PATHWAYS_FORMAT_ERROR, PATHWAYS_FORMAT_ERROR_INVALID,
               _("“%s” is not a date: enter it as DD/MM/YYYY"), quoted);
  return FALSE;
}

GDateWeekday
pathways_day_get_weekday (PathwaysDay day)
{
  g_return_val_if_fail (pathways_day_is_valid (day), G_DATE_BAD_WEEKDAY);

  /* Day 1, 01/01/0001, was a Monday */
  return (GDateWeekday) ((day - 1) % 7 + 1);
}

/**
 * pathways_day_add_days:
 * @days: negative to go back
 * @out: (out): the day
 *
 * Returns: %FALSE if @day is not a recordable day or the result would
 * fall outside 01/01/1900–31/12/9999 (@out is then untouched)
 */
gboolean
pathways_day_add_days (PathwaysDay  day,
                       gint64       days,
                       PathwaysDay *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (!pathways_day_is_valid (day) || days > (gint64) PATHWAYS_DAY_LAST - day ||
      days < (gint64) PATHWAYS_DAY_FIRST - day)
    return FALSE;
  *out = (PathwaysDay) (day + days);
  return TRUE;
}

static int
days_in_month (int month,
               int year)
{
  return g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

/**
 * pathways_day_add_months:
 * @out: (out): the day
 *
 * Clamps to the end of the month: 31 January + 1 month = 28/29 February.
 *
 * Returns: %FALSE if the result would fall outside 01/01/1900–31/12/9999
 */
gboolean
pathways_day_add_months (PathwaysDay  day,
                         gint64       months,
                         PathwaysDay *out)
{
  const gint64 first = (gint64) YEAR_FIRST * 12, last = (gint64) YEAR_LAST * 12 + 11;
  int d, m, y;
  gint64 index;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!pathways_day_is_valid (day))
    return FALSE;
  pathways_day_to_dmy (day, &d, &m, &y);
  index = (gint64) y * 12 + (m - 1);
  if (months > last - index || months < first - index)
    return FALSE;
  index += months;
  y = (int) (index / 12);
  m = (int) (index % 12) + 1;
  return pathways_day_from_dmy (MIN (d, days_in_month (m, y)), m, y, out);
}

/* The same day and month @years on; @leap_day_to_march: 29 February
 * becomes 1 March in a year that is not a leap year (else 28 February) */
static gboolean
add_years (PathwaysDay  day,
           gint64       years,
           gboolean     leap_day_to_march,
           PathwaysDay *out)
{
  int d, m, y;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!pathways_day_is_valid (day) || years > YEAR_LAST - YEAR_FIRST || years < YEAR_FIRST - YEAR_LAST)
    return FALSE;
  pathways_day_to_dmy (day, &d, &m, &y);
  y += (int) years;
  if (m == 2 && d == 29 && !g_date_is_leap_year ((GDateYear) CLAMP (y, 1, YEAR_LAST)))
    {
      if (leap_day_to_march)
        m = 3, d = 1;
      else
        d = 28;
    }
  return pathways_day_from_dmy (d, m, y, out);
}

/**
 * pathways_day_add_years:
 * @out: (out): the day
 *
 * 29 February + 1 year is 28 February.
 */
gboolean
pathways_day_add_years (PathwaysDay  day,
                        gint64       years,
                        PathwaysDay *out)
{
  return add_years (day, years, FALSE, out);
}

/**
 * pathways_day_birthday:
 * @years: which birthday
 * @out: (out): the day
 *
 * The day a person born on @date_of_birth reaches @years of age.
 * Someone born on 29 February reaches an age on 1 March in a year that
 * is not a leap year (the reading of English law used by most local
 * authorities' case-management systems).
 *
 * Returns: %FALSE if that day would be after 31/12/9999 (or before
 * 01/01/1900)
 */
gboolean
pathways_day_birthday (PathwaysDay  date_of_birth,
                       gint64       years,
                       PathwaysDay *out)
{
  return add_years (date_of_birth, years, TRUE, out);
}

/**
 * pathways_day_days_between:
 * @out: (out): @to − @from, in days
 *
 * Returns: %FALSE unless both are recordable days
 */
gboolean
pathways_day_days_between (PathwaysDay  from,
                           PathwaysDay  to,
                           int         *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (!pathways_day_is_valid (from) || !pathways_day_is_valid (to))
    return FALSE;
  *out = to - from;
  return TRUE;
}

/**
 * pathways_day_age_on:
 * @out: (out): age in whole years on @on; 0 before birth, never negative
 *
 * Returns: %FALSE unless both are recordable days
 */
gboolean
pathways_day_age_on (PathwaysDay  date_of_birth,
                     PathwaysDay  on,
                     int         *out)
{
  int dd, dm, dy, od, om, oy;
  int age;
  PathwaysDay birthday;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!pathways_day_is_valid (date_of_birth) || !pathways_day_is_valid (on))
    return FALSE;
  if (on <= date_of_birth)
    {
      *out = 0;
      return TRUE;
    }
  pathways_day_to_dmy (date_of_birth, &dd, &dm, &dy);
  pathways_day_to_dmy (on, &od, &om, &oy);
  age = oy - dy;
  /* The birthday in the year of @on is a recordable day: it is in that year */
  if (age > 0 && pathways_day_birthday (date_of_birth, age, &birthday) && on < birthday)
    age--;
  *out = MAX (age, 0);
  return TRUE;
}

/* ISO strings --------------------------------------------------------- */

/**
 * pathways_date_parse_iso:
 * @iso: "YYYY-MM-DD"
 * @out: (out caller-allocates) (optional): the date
 *
 * Strict: exactly ten characters, a real calendar day from 1900-01-01 to
 * 9999-12-31.
 */
gboolean
pathways_date_parse_iso (const char *iso,
                         GDate      *out)
{
  PathwaysDay day;

  if (!pathways_day_from_iso (iso, &day))
    return FALSE;
  if (out != NULL)
    {
      g_date_clear (out, 1);
      g_date_set_julian (out, (guint32) day);
    }
  return TRUE;
}

/**
 * pathways_date_is_outside_calendar:
 *
 * Returns: %TRUE if @iso is a real calendar day ("0001-02-01") that is
 * not one Pathways records (before 1900): for saying so, rather than
 * "not a date"
 */
gboolean
pathways_date_is_outside_calendar (const char *iso)
{
  int d, m, y;

  return iso_dmy (iso, &d, &m, &y) && !pathways_day_from_dmy (d, m, y, NULL);
}

/**
 * pathways_date_to_iso:
 *
 * Returns: (transfer full) (nullable): "YYYY-MM-DD", or %NULL if @date is
 * outside the days Pathways records
 */
char *
pathways_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (g_date_get_julian (date) < (guint32) PATHWAYS_DAY_FIRST ||
      g_date_get_julian (date) > (guint32) PATHWAYS_DAY_LAST)
    return NULL;
  return pathways_day_to_iso ((PathwaysDay) g_date_get_julian (date));
}

/**
 * pathways_date_format_uk:
 *
 * Returns: "22/11/2026", or an empty string for no date, or @iso itself
 * if it is not a date
 */
char *
pathways_date_format_uk (const char *iso)
{
  int d, m, y;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  if (!iso_dmy (iso, &d, &m, &y))
    return g_strdup (iso);

  return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
}

/**
 * pathways_date_format_long:
 *
 * Returns: "22 November 2026"
 */
char *
pathways_date_format_long (const char *iso)
{
  GDate date;
  char buf[64];
  int d, m, y;

  if (iso == NULL || !iso_dmy (iso, &d, &m, &y))
    return g_strdup (iso ? iso : "");

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  if (g_date_strftime (buf, sizeof buf, "%-d %B %Y", &date) == 0)
    return pathways_date_format_uk (iso);
  return g_strdup (buf);
}

/**
 * pathways_date_parse_user:
 * @text: what a person typed: "22/11/2026", "22/11/26", "2026-11-22"
 * @out_iso: (out): the ISO date
 *
 * pathways_day_parse_user(), for callers that only need to know whether
 * it is a date.
 */
gboolean
pathways_date_parse_user (const char  *text,
                          char       **out_iso)
{
  PathwaysDay day;

  g_return_val_if_fail (out_iso != NULL, FALSE);
  *out_iso = NULL;

  if (text == NULL || !pathways_day_parse_user (text, &day, NULL))
    return FALSE;
  *out_iso = pathways_day_to_iso (day);
  return TRUE;
}

/**
 * pathways_date_add_days:
 *
 * Returns: (transfer full) (nullable): the day @days after @iso, or %NULL
 * if @iso is not a date or the result would fall outside 1900–9999
 */
char *
pathways_date_add_days (const char *iso,
                        int         days)
{
  PathwaysDay day;

  if (!pathways_day_from_iso (iso, &day) || !pathways_day_add_days (day, days, &day))
    return NULL;
  return pathways_day_to_iso (day);
}

/**
 * pathways_date_add_months:
 *
 * Clamps to the end of the month: 31 January + 1 month = 28/29 February.
 *
 * Returns: (transfer full) (nullable): the day, or %NULL if @iso is not a
 * date or the result would fall outside 1900–9999
 */
char *
pathways_date_add_months (const char *iso,
                          int         months)
{
  PathwaysDay day;

  if (!pathways_day_from_iso (iso, &day) || !pathways_day_add_months (day, months, &day))
    return NULL;
  return pathways_day_to_iso (day);
}

/**
 * pathways_date_birthday:
 * @years: which birthday
 *
 * See pathways_day_birthday() (29 February → 1 March).
 *
 * Returns: (transfer full) (nullable): the day, or %NULL if
 * @date_of_birth is not a date or the birthday would be after 9999
 */
char *
pathways_date_birthday (const char *date_of_birth,
                        int         years)
{
  PathwaysDay day;

  if (!pathways_day_from_iso (date_of_birth, &day) || !pathways_day_birthday (day, years, &day))
    return NULL;
  return pathways_day_to_iso (day);
}

/**
 * pathways_date_age_on:
 *
 * Returns: age in whole years on @on (0 before birth), or -1 if either
 * is not a date
 */
int
pathways_date_age_on (const char *date_of_birth,
                      const char *on)
{
  PathwaysDay dob, day;
  int age;

  if (!pathways_day_from_iso (date_of_birth, &dob) || !pathways_day_from_iso (on, &day) ||
      !pathways_day_age_on (dob, day, &age))
    return -1;
  return age;
}

/**
 * pathways_date_days_between:
 *
 * Returns: @to − @from in days, or 0 if either is not a date
 */
int
pathways_date_days_between (const char *from,
                            const char *to)
{
  PathwaysDay a, b;
  int n;

  if (!pathways_day_from_iso (from, &a) || !pathways_day_from_iso (to, &b) ||
      !pathways_day_days_between (a, b, &n))
    return 0;
  return n;
}

/* Money --------------------------------------------------------------- */

/**
 * pathways_money_format:
 * @pence: an amount in pence (any, G_MININT64 included)
 *
 * Returns: "£1,234" for whole pounds, "£1,234.50" otherwise, "-£5" below 0
 */
char *
pathways_money_format (gint64 pence)
{
  GString *s = g_string_new (NULL);
  /* |G_MININT64| is not a gint64: take the magnitude unsigned */
  guint64 magnitude = pence < 0 ? (guint64) (-(pence + 1)) + 1 : (guint64) pence;
  guint64 rest = magnitude % 100;
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 100);
  gsize len = strlen (digits);

  if (pence < 0)
    g_string_append_c (s, '-');
  g_string_append (s, "£");
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  if (rest != 0)
    g_string_append_printf (s, ".%02" G_GUINT64_FORMAT, rest);

  return g_string_free (s, FALSE);
}

static gboolean
money_invalid (GError     **error,
               const char  *text)
{
  g_autofree char *quoted = quote_for_message (text);

  g_set_error (error, PATHWAYS_FORMAT_ERROR, PATHWAYS_FORMAT_ERROR_INVALID,
               _("“%s” is not an amount of money: enter pounds and pence, for example 120.50"), quoted);
  return FALSE;
}

/**
 * pathways_money_parse:
 * @text: what a person typed: "120.50", "£1,234", "-£5", "1234.5"
 * @out_pence: (out): the amount in pence
 *
 * Pounds, optionally with "£", a minus sign and thousands separators in
 * their places (1,234,567), and at most two decimal places.  Nothing
 * else is an amount: not "1e300", "inf", "nan", "-", "" or "12.345".
 * Every amount from G_MININT64 to G_MAXINT64 pence can be read.
 *
 * Returns: %TRUE with @out_pence set, or %FALSE with @error saying what
 * is wrong (@out_pence untouched)
 */
gboolean
pathways_money_parse (const char  *text,
                      gint64      *out_pence,
                      GError     **error)
{
  g_autofree char *stripped = NULL;
  const char *p;
  gboolean negative = FALSE, grouped = FALSE;
  guint64 magnitude = 0, limit;
  guint group = 0, n_digits = 0, n_decimals = 0;

  g_return_val_if_fail (out_pence != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text ? text : ""));
  p = stripped;

  /* "-£5", "£-5", "−£5" (a minus sign) */
  if (*p == '-')
    negative = TRUE, p++;
  else if (g_str_has_prefix (p, "−"))
    negative = TRUE, p += strlen ("−");
  if (g_str_has_prefix (p, "£"))
    p += strlen ("£");
  while (*p == ' ')
    p++;
  if (!negative && *p == '-')
    negative = TRUE, p++;

  limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;

  /* Pounds */
  for (; *p != '\0' && *p != '.'; p++)
    {
      if (*p == ',')
        {
          /* 1 to 3 digits before the first separator, 3 between the others */
          if (n_digits == 0 || (grouped ? group != 3 : group > 3))
            goto misplaced_separator;
          grouped = TRUE;
          group = 0;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        return money_invalid (error, stripped);
      if (magnitude > (limit - (guint64) (*p - '0')) / 10)
        goto too_large;
      magnitude = magnitude * 10 + (guint64) (*p - '0');
      n_digits++;
      group++;
    }
  if (n_digits == 0 && *p != '.')
    return money_invalid (error, stripped);
  if (grouped && group != 3)
    goto misplaced_separator;

  /* Pence */
  if (magnitude > limit / 100)
    goto too_large;
  magnitude *= 100;
  if (*p == '.')
    {
      guint64 pence = 0;

      for (p++; *p != '\0'; p++)
        {
          if (!g_ascii_isdigit (*p))
            return money_invalid (error, stripped);
          if (++n_decimals <= 2)
            pence = pence * 10 + (guint64) (*p - '0');
        }
      if (n_decimals == 0)
        return money_invalid (error, stripped);
      if (n_decimals > 2)
        {
          g_autofree char *quoted = quote_for_message (stripped);
          g_set_error (error, PATHWAYS_FORMAT_ERROR, PATHWAYS_FORMAT_ERROR_INVALID,
                       _("“%s” has more than two decimal places: enter pounds and pence, for example 120.50"),
                       quoted);
          return FALSE;
        }
      if (n_decimals == 1)
        pence *= 10;
      if (magnitude > limit - pence)
        goto too_large;
      magnitude += pence;
    }

  if (!negative)
    *out_pence = (gint64) magnitude;
  else if (magnitude == (guint64) G_MAXINT64 + 1)
    *out_pence = G_MININT64;
  else
    *out_pence = -(gint64) magnitude;
  return TRUE;

misplaced_separator:
  {
    g_autofree char *quoted = quote_for_message (stripped);
    g_set_error (error, PATHWAYS_FORMAT_ERROR, PATHWAYS_FORMAT_ERROR_INVALID,
                 _("“%s” has a thousands separator out of place: write 1,234.50 or 1234.50"), quoted);
    return FALSE;
  }

too_large:
  {
    g_autofree char *quoted = quote_for_message (stripped);
    g_set_error (error, PATHWAYS_FORMAT_ERROR, PATHWAYS_FORMAT_ERROR_OUT_OF_RANGE,
                 _("“%s” is too large an amount of money"), quoted);
    return FALSE;
  }
}

/* Search ----------------------------------------------------------------- */

/**
 * pathways_search_key:
 * @text: (nullable): what a row is found by (names, ids), any case
 *
 * The form searches compare: compatibility-decomposed with the accents
 * and other combining marks dropped, case-folded, and with every run of
 * spaces (or other white space) one space.  "José  O’Brien" and
 * "JOSE o’brien" have the same key.  Built once per row, when a list is
 * loaded; a query goes through it too (pathways_search_words()).
 *
 * Returns: (transfer full): the key, "" for %NULL
 */
char *
pathways_search_key (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) key = NULL;
  gboolean space = TRUE;  /* no space at the start */

  if (text == NULL)
    return g_strdup ("");
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    /* Not UTF-8: matched as it is, case-folded byte by byte */
    return g_ascii_strdown (text, -1);
  folded = g_utf8_casefold (decomposed, -1);

  key = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isspace (c))
        {
          if (!space)
            g_string_append_c (key, ' ');
          space = TRUE;
          continue;
        }
      g_string_append_unichar (key, c);
      space = FALSE;
    }
  if (key->len > 0 && key->str[key->len - 1] == ' ')
    g_string_truncate (key, key->len - 1);
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/**
 * pathways_search_words:
 * @query: (nullable): what was typed
 *
 * Returns: (transfer full): the query's words as search keys; empty
 *   (matching everything) for an empty or blank query
 */
char **
pathways_search_words (const char *query)
{
  g_autofree char *key = pathways_search_key (query);

  if (*key == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (key, " ", -1);
}

/**
 * pathways_search_matches:
 * @key: a row's pathways_search_key()
 * @words: a query's pathways_search_words()
 *
 * Returns: whether every word of the query is in the key, anywhere:
 *   "ahm kha" finds Ahmed Khan, and so does "khan"
 */
gboolean
pathways_search_matches (const char   *key,
                         char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (key, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * pathways_search_narrows:
 *
 * Returns: whether every row that @new_query matches also matches
 *   @old_query — typing on at the end does — so that only the rows
 *   @old_query matched need to be checked again
 */
gboolean
pathways_search_narrows (const char *old_query,
                         const char *new_query)
{
  g_autofree char *old_key = pathways_search_key (old_query);
  g_autofree char *new_key = pathways_search_key (new_query);

  /* Each old word is then in a new word (the last one may have grown), so
   * a key holding every new word holds every old one */
  return g_str_has_prefix (new_key, old_key);
}

/**
 * pathways_natural_sort_key:
 * @text: (nullable): a name or address, such as "10 Elm Road"
 *
 * A key that sorts as people read numbers: each run of digits is padded
 * with zeros to a fixed width, so "2 Elm Road" sorts before "10 Elm Road"
 * and "Flat 9" before "Flat 10".  Letters are folded to one case; the key
 * is meant for a GtkStringSorter (which collates it) or strcmp.
 *
 * Returns: (transfer full): the key; "" for %NULL
 */
char *
pathways_natural_sort_key (const char *text)
{
  GString *key;
  g_autofree char *folded = NULL;
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (text, -1);
  key = g_string_sized_new (strlen (folded) + 16);
  for (p = folded; *p != '\0';)
    {
      if (g_ascii_isdigit (*p))
        {
          const char *start;
          gsize len;

          while (*p == '0' && g_ascii_isdigit (p[1]))
            p++;
          start = p;
          while (g_ascii_isdigit (*p))
            p++;
          len = (gsize) (p - start);
          /* Ten digits hold any house number; longer runs keep their order
           * by length first */
          for (gsize i = len; i < 10; i++)
            g_string_append_c (key, '0');
          g_string_append_len (key, start, (gssize) len);
        }
      else
        g_string_append_c (key, *p++);
    }
  return g_string_free (key, FALSE);
}
