/* pathways-occupancy-strip.h — who lives in a unit, over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  PATHWAYS_OCCUPANCY_PAST,      /* lived there, moved out */
  PATHWAYS_OCCUPANCY_CURRENT,   /* lives there now */
  PATHWAYS_OCCUPANCY_PLANNED,   /* booked in: a reservation */
  PATHWAYS_OCCUPANCY_VOID,
  PATHWAYS_OCCUPANCY_OFFLINE,
} PathwaysOccupancyKind;

typedef struct {
  PathwaysOccupancyKind kind;
  char *label;   /* who, or the reason for a void */
  char *start;   /* ISO */
  char *end;     /* ISO; NULL when open-ended */
} PathwaysOccupancySegment;

PathwaysOccupancySegment *pathways_occupancy_segment_new  (PathwaysOccupancyKind kind,
                                                           const char           *label,
                                                           const char           *start,
                                                           const char           *end);
void                      pathways_occupancy_segment_free (PathwaysOccupancySegment *segment);
char                     *pathways_occupancy_segment_describe (const PathwaysOccupancySegment *segment);

#define PATHWAYS_TYPE_OCCUPANCY_STRIP (pathways_occupancy_strip_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysOccupancyStrip, pathways_occupancy_strip, PATHWAYS, OCCUPANCY_STRIP, GtkWidget)

GtkWidget *pathways_occupancy_strip_new          (void);
void       pathways_occupancy_strip_set_range    (PathwaysOccupancyStrip *self,
                                                  const char             *from,
                                                  const char             *to,
                                                  const char             *today);
void       pathways_occupancy_strip_set_segments (PathwaysOccupancyStrip *self,
                                                  GPtrArray              *segments);

/* For tests */
guint                           pathways_occupancy_strip_get_n_segments (PathwaysOccupancyStrip *self);
const PathwaysOccupancySegment *pathways_occupancy_strip_get_segment    (PathwaysOccupancyStrip *self,
                                                                         guint                   index);

G_END_DECLS
