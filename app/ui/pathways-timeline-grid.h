/* pathways-timeline-grid.h — every young person's pathway on one timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pathways-timeline.h"
#include "pathways-timeline-render.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_TIMELINE_GRID (pathways_timeline_grid_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysTimelineGrid, pathways_timeline_grid, PATHWAYS, TIMELINE_GRID, GtkWidget)

GtkWidget            *pathways_timeline_grid_new            (void);
PathwaysTimeline     *pathways_timeline_grid_get_timeline   (PathwaysTimelineGrid       *self);
void                  pathways_timeline_grid_set_timeline   (PathwaysTimelineGrid       *self,
                                                             PathwaysTimeline           *timeline);
void                  pathways_timeline_grid_set_filter     (PathwaysTimelineGrid       *self,
                                                             const PathwaysPersonFilter *filter);
PathwaysTimelineGroup pathways_timeline_grid_get_group      (PathwaysTimelineGrid       *self);
void                  pathways_timeline_grid_set_group      (PathwaysTimelineGrid       *self,
                                                             PathwaysTimelineGroup       group);
const char           *pathways_timeline_grid_get_zoom       (PathwaysTimelineGrid       *self);
void                  pathways_timeline_grid_set_zoom       (PathwaysTimelineGrid       *self,
                                                             const char                 *zoom);
/* The service plan's proposals (pathways-timeline-painter.h), drawn dashed; NULL for none */
void                  pathways_timeline_grid_set_proposals  (PathwaysTimelineGrid       *self,
                                                             GHashTable                 *proposals);
void                  pathways_timeline_grid_zoom_in        (PathwaysTimelineGrid       *self);
void                  pathways_timeline_grid_zoom_out       (PathwaysTimelineGrid       *self);
void                  pathways_timeline_grid_zoom_at        (PathwaysTimelineGrid       *self,
                                                             int                         steps,
                                                             double                      x);
void                  pathways_timeline_grid_scroll_to_today (PathwaysTimelineGrid      *self);
guint                 pathways_timeline_grid_get_n_people   (PathwaysTimelineGrid       *self);

/* What is on screen, for export and printing: a copy of the frame (its
 * font is owned by the grid) and the lines (transfer full) */
void                  pathways_timeline_grid_get_frame      (PathwaysTimelineGrid       *self,
                                                             PathwaysTimelineFrame      *frame);
GArray               *pathways_timeline_grid_dup_lines      (PathwaysTimelineGrid       *self);

/* The focused line and mark, and them in words (the accessible
 * description) */
int                   pathways_timeline_grid_get_focus      (PathwaysTimelineGrid       *self,
                                                             int                        *item);
char                 *pathways_timeline_grid_describe_focus (PathwaysTimelineGrid       *self);

/* For tests */
gboolean              pathways_timeline_grid_hit_test       (PathwaysTimelineGrid       *self,
                                                             double                      x,
                                                             double                      y,
                                                             PathwaysTimelineHit        *hit);
gboolean              pathways_timeline_grid_click          (PathwaysTimelineGrid       *self,
                                                             double                      x,
                                                             double                      y);
gboolean              pathways_timeline_grid_locate_person  (PathwaysTimelineGrid       *self,
                                                             gint64                      person_id,
                                                             double                     *x,
                                                             double                     *y);
void                  pathways_timeline_grid_get_last_frame_stats (PathwaysTimelineGrid *self,
                                                             PathwaysTimelineRenderStats *stats);
gint64                pathways_timeline_grid_get_line_person (PathwaysTimelineGrid      *self,
                                                             guint                       line);

G_END_DECLS
