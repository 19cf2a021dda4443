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

/**
 * pathways_date_parse_iso:
 * @iso: "YYYY-MM-DD"
 *
 * Strict: exactly ten characters, a real calendar day.
 */
gboolean
pathways_date_parse_iso (const char *iso,
                         GDate      *out)
{
  guint y, m, d;

  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      return FALSE;

  y = (guint) atoi (iso);
  m = (guint) atoi (iso + 5);
  d = (guint) atoi (iso + 8);
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;

  if (out != NULL)
    {
      g_date_clear (out, 1);
      g_date_set_dmy (out, d, m, y);
    }
  return TRUE;
}

char *
pathways_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
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
  GDate date;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  if (!pathways_date_parse_iso (iso, &date))
    return g_strdup (iso);

  return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (&date),
                          g_date_get_month (&date), g_date_get_year (&date));
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

  if (iso == NULL || !pathways_date_parse_iso (iso, &date))
    return g_strdup (iso ? iso : "");

  if (g_date_strftime (buf, sizeof buf, "%-d %B %Y", &date) == 0)
    return pathways_date_format_uk (iso);
  return g_strdup (buf);
}

/**
 * pathways_date_parse_user:
 * @text: what a person typed: "22/11/2026", "22/11/26", "2026-11-22"
 * @out_iso: (out): the ISO date
 *
 * Day first, as in the UK.  Two-digit years are 20xx.
 */
gboolean
pathways_date_parse_user (const char  *text,
                          char       **out_iso)
{
  g_autofree char *stripped = NULL;
  g_auto(GStrv) parts = NULL;
  GDate date;
  guint d, m, y;

  g_return_val_if_fail (out_iso != NULL, FALSE);
  *out_iso = NULL;

  if (text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (text));

  if (pathways_date_parse_iso (stripped, &date))
    {
      *out_iso = pathways_date_to_iso (&date);
      return TRUE;
    }

  parts = g_strsplit_set (stripped, "/.-", -1);
  if (g_strv_length (parts) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    {
      if (parts[i][0] == '\0' || strlen (parts[i]) > 4)
        return FALSE;
      for (const char *c = parts[i]; *c; c++)
        if (!g_ascii_isdigit (*c))
          return FALSE;
    }

  d = (guint) atoi (parts[0]);
  m = (guint) atoi (parts[1]);
  y = (guint) atoi (parts[2]);
  if (strlen (parts[2]) == 2)
    y += 2000;
  else if (strlen (parts[2]) != 4)
    return FALSE;

  if (!g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  *out_iso = pathways_date_to_iso (&date);
  return TRUE;
}

char *
pathways_date_add_days (const char *iso,
                        int         days)
{
  GDate date;

  if (!pathways_date_parse_iso (iso, &date))
    return NULL;
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return pathways_date_to_iso (&date);
}

/* Clamps to the end of the month: 31 January + 1 month = 28/29 February */
char *
pathways_date_add_months (const char *iso,
                          int         months)
{
  GDate date;

  if (!pathways_date_parse_iso (iso, &date))
    return NULL;
  if (months >= 0)
    g_date_add_months (&date, (guint) months);
  else
    g_date_subtract_months (&date, (guint) -months);
  return pathways_date_to_iso (&date);
}

/**
 * pathways_date_birthday:
 * @years: which birthday
 *
 * The date a person born on @date_of_birth reaches @years of age.
 * Someone born on 29 February reaches an age on 1 March in a year that
 * is not a leap year (the reading of English law used by most local
 * authorities' case-management systems).
 */
char *
pathways_date_birthday (const char *date_of_birth,
                        int         years)
{
  GDate dob;
  guint y;

  if (!pathways_date_parse_iso (date_of_birth, &dob))
    return NULL;

  y = g_date_get_year (&dob) + (guint) years;
  if (g_date_get_month (&dob) == G_DATE_FEBRUARY && g_date_get_day (&dob) == 29
      && !g_date_is_leap_year ((GDateYear) y))
    return g_strdup_printf ("%04u-03-01", y);

  return g_strdup_printf ("%04u-%02u-%02u", y, g_date_get_month (&dob), g_date_get_day (&dob));
}

/**
 * pathways_date_age_on:
 *
 * Returns: age in whole years on @on, or -1 if either date is invalid
 */
int
pathways_date_age_on (const char *date_of_birth,
                      const char *on)
{
  GDate dob, day;
  int age;

  if (!pathways_date_parse_iso (date_of_birth, &dob) || !pathways_date_parse_iso (on, &day))
    return -1;

  age = (int) g_date_get_year (&day) - (int) g_date_get_year (&dob);
  if (age > 0)
    {
      g_autofree char *birthday = pathways_date_birthday (date_of_birth, age);
      if (strcmp (on, birthday) < 0)
        age--;
    }
  return MAX (age, 0);
}

int
pathways_date_days_between (const char *from,
                            const char *to)
{
  GDate a, b;

  if (!pathways_date_parse_iso (from, &a) || !pathways_date_parse_iso (to, &b))
    return 0;
  return g_date_days_between (&a, &b);
}

/**
 * pathways_money_format:
 * @pence: an amount in pence
 *
 * Returns: "£1,234" for whole pounds, "£1,234.50" otherwise
 */
char *
pathways_money_format (gint64 pence)
{
  GString *s = g_string_new (NULL);
  gint64 pounds = ABS (pence) / 100;
  gint64 rest = ABS (pence) % 100;
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, pounds);
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
    g_string_append_printf (s, ".%02" G_GINT64_FORMAT, rest);

  return g_string_free (s, FALSE);
}
