/* pathways-my-day-view.h — My day: a personal adviser's alerts and key dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_MY_DAY_VIEW (pathways_my_day_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysMyDayView, pathways_my_day_view, PATHWAYS, MY_DAY_VIEW, GtkWidget)

GtkWidget *pathways_my_day_view_new           (PathwaysContext   *context);
/* Writes the key dates shown to @file as iCalendar, in a thread;
 * "calendar-exported" when done */
void       pathways_my_day_view_export_ics    (PathwaysMyDayView *self,
                                               GFile             *file);
/* "loading", "empty", "error" or "content" (for tests) */
const char *pathways_my_day_view_get_visible_page (PathwaysMyDayView *self);

G_END_DECLS
