/* pathways-format.h — dates, ages and money as people in England read them
 *
 * Dates are kept as ISO 8601 strings ("2026-11-22") in the store and in
 * records, and shown in UK order ("22/11/2026").
 *
 * Arithmetic on dates is done on PathwaysDay, a day number, and is
 * bounded: Pathways records days from 01/01/1900 to 31/12/9999 and no
 * function here produces a day outside them.  A result that would fall
 * outside is an error (FALSE, or NULL for the string functions) that the
 * caller must handle; nothing wraps, clamps or loops silently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PATHWAYS_FORMAT_ERROR (pathways_format_error_quark ())

typedef enum {
  PATHWAYS_FORMAT_ERROR_INVALID,       /* not a date, not an amount of money */
  PATHWAYS_FORMAT_ERROR_OUT_OF_RANGE,  /* a date outside 1900–9999, an amount too large */
} PathwaysFormatError;

GQuark    pathways_format_error_quark  (void);

/* Days ---------------------------------------------------------------- */

/* A day, numbered as GDate numbers them (its "Julian" day: 01/01/0001
 * is day 1), so consecutive days differ by one */
typedef gint32 PathwaysDay;

#define PATHWAYS_DAY_NONE  ((PathwaysDay) 0)
#define PATHWAYS_DAY_FIRST ((PathwaysDay) 693596)   /* 01/01/1900 */
#define PATHWAYS_DAY_LAST  ((PathwaysDay) 3652059)  /* 31/12/9999 */
#define PATHWAYS_DATE_ISO_FIRST "1900-01-01"
#define PATHWAYS_DATE_ISO_LAST  "9999-12-31"

gboolean     pathways_day_is_valid      (PathwaysDay   day);
gboolean     pathways_day_from_dmy      (int           day,
                                         int           month,
                                         int           year,
                                         PathwaysDay  *out) G_GNUC_WARN_UNUSED_RESULT;
void         pathways_day_to_dmy        (PathwaysDay   day,
                                         int          *out_day,
                                         int          *out_month,
                                         int          *out_year);
gboolean     pathways_day_from_iso      (const char   *iso,
                                         PathwaysDay  *out) G_GNUC_WARN_UNUSED_RESULT;
char        *pathways_day_to_iso        (PathwaysDay   day);
gboolean     pathways_day_parse_user    (const char   *text,
                                         PathwaysDay  *out,
                                         GError      **error);
GDateWeekday pathways_day_get_weekday   (PathwaysDay   day);
gboolean     pathways_day_add_days      (PathwaysDay   day,
                                         gint64        days,
                                         PathwaysDay  *out) G_GNUC_WARN_UNUSED_RESULT;
gboolean     pathways_day_add_months    (PathwaysDay   day,
                                         gint64        months,
                                         PathwaysDay  *out) G_GNUC_WARN_UNUSED_RESULT;
gboolean     pathways_day_add_years     (PathwaysDay   day,
                                         gint64        years,
                                         PathwaysDay  *out) G_GNUC_WARN_UNUSED_RESULT;
gboolean     pathways_day_birthday      (PathwaysDay   date_of_birth,
                                         gint64        years,
                                         PathwaysDay  *out) G_GNUC_WARN_UNUSED_RESULT;
gboolean     pathways_day_days_between  (PathwaysDay   from,
                                         PathwaysDay   to,
                                         int          *out) G_GNUC_WARN_UNUSED_RESULT;
gboolean     pathways_day_age_on        (PathwaysDay   date_of_birth,
                                         PathwaysDay   on,
                                         int          *out) G_GNUC_WARN_UNUSED_RESULT;

/* ISO strings, on the days above: every result is a recordable day or
 * NULL (-1 for an age) */
gboolean  pathways_date_parse_iso      (const char  *iso,
                                        GDate       *out);
gboolean  pathways_date_is_outside_calendar (const char *iso);
char     *pathways_date_to_iso         (const GDate *date);
char     *pathways_date_format_uk      (const char  *iso);
char     *pathways_date_format_long    (const char  *iso);
gboolean  pathways_date_parse_user     (const char  *text,
                                        char       **out_iso);
char     *pathways_date_add_days       (const char  *iso,
                                        int          days);
char     *pathways_date_add_months     (const char  *iso,
                                        int          months);
char     *pathways_date_birthday       (const char  *date_of_birth,
                                        int          years);
int       pathways_date_age_on         (const char  *date_of_birth,
                                        const char  *on);
int       pathways_date_days_between   (const char  *from,
                                        const char  *to);

/* Money, in pence ----------------------------------------------------- */

char     *pathways_money_format        (gint64       pence);
gboolean  pathways_money_parse         (const char  *text,
                                        gint64      *out_pence,
                                        GError     **error);

/* Search --------------------------------------------------------------- */

char     *pathways_search_key          (const char  *text);
char    **pathways_search_words        (const char  *query);
gboolean  pathways_search_matches      (const char  *key,
                                        char * const *words);
gboolean  pathways_search_narrows      (const char  *old_query,
                                        const char  *new_query);

/* Sorting -------------------------------------------------------------- */

char     *pathways_natural_sort_key    (const char  *text);

G_END_DECLS
