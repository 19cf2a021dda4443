/* pathways-timeline-view.h — the Timeline page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pathways-context.h"
#include "pathways-timeline-grid.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_TIMELINE_VIEW (pathways_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysTimelineView, pathways_timeline_view, PATHWAYS, TIMELINE_VIEW, GtkWidget)

typedef enum {
  PATHWAYS_TIMELINE_EXPORT_PNG,
  PATHWAYS_TIMELINE_EXPORT_PDF,
} PathwaysTimelineExport;

GtkWidget            *pathways_timeline_view_new          (PathwaysContext            *context);
void                  pathways_timeline_view_set_filter   (PathwaysTimelineView       *self,
                                                           const PathwaysPersonFilter *filter);
void                  pathways_timeline_view_export_async (PathwaysTimelineView       *self,
                                                           PathwaysTimelineExport      format,
                                                           GFile                      *file,
                                                           GCancellable               *cancellable,
                                                           GAsyncReadyCallback         callback,
                                                           gpointer                    user_data);
gboolean              pathways_timeline_view_export_finish (PathwaysTimelineView      *self,
                                                           GAsyncResult               *result,
                                                           GError                    **error);

G_END_DECLS
