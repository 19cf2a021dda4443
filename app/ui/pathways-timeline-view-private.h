/* pathways-timeline-view-private.h — for the tests: loading for a
 * given day, and what the view shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-timeline-view.h"

G_BEGIN_DECLS

void                  pathways_timeline_view_load         (PathwaysTimelineView       *self,
                                                           PathwaysStore              *store,
                                                           const char                 *today);
PathwaysTimelineGrid *pathways_timeline_view_get_grid     (PathwaysTimelineView       *self);
const char           *pathways_timeline_view_get_visible_page (PathwaysTimelineView   *self);
void                  pathways_timeline_view_select_filter (PathwaysTimelineView      *self,
                                                           const char                 *filter,
                                                           guint                       position);
guint                 pathways_timeline_view_find_pa      (PathwaysTimelineView       *self,
                                                           gint64                      pa_id);

G_END_DECLS
