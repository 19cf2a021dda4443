/* pathways-format.h — dates, ages and money as people in England read them
 *
 * Dates are kept as ISO 8601 strings ("2026-11-22") in the store and in
 * records, and shown in UK order ("22/11/2026").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  pathways_date_parse_iso      (const char  *iso,
                                        GDate       *out);
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
char     *pathways_money_format        (gint64       pence);

G_END_DECLS
