/* pathways-clock.h — what "today" is
 *
 * The application owns one clock and hands it to everything that needs
 * the date, so that tests and demonstrations can fix the day
 * (PATHWAYS_TODAY=2026-11-22).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PATHWAYS_TYPE_CLOCK (pathways_clock_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysClock, pathways_clock, PATHWAYS, CLOCK, GObject)

PathwaysClock *pathways_clock_new        (void);
PathwaysClock *pathways_clock_new_fixed  (const char    *today);
char          *pathways_clock_dup_today  (PathwaysClock *self);
void           pathways_clock_set_fixed  (PathwaysClock *self,
                                          const char    *today);

G_END_DECLS
