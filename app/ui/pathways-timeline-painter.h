/* pathways-timeline-painter.h — the timeline as render nodes
 *
 * What the grid draws on screen: the same picture as the cairo drawing
 * in pathways-timeline-render.c (which stays for PNG, PDF and printing),
 * from the same geometry (the frame, span geometry, ticks, the Today
 * label's place), but made of render nodes the GL renderer composites:
 * colour nodes for stripes and bars, rounded clips for bars, a repeat
 * node of a small texture for hatching, gradient nodes for open ends,
 * textures for dots and diamonds, and text as PangoLayouts shaped once.
 *
 * Each row's marks are one cached node per zoom level, made in the
 * row's own coordinates and translated into place on every frame, so
 * scrolling makes no new node for a row already seen; its name cell is
 * cached the same way.  Only what moves with the viewport — the labels
 * that ride along inside bars, the stripes, the grid lines, the axis
 * and the Today line — is made per frame, from cached layouts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pathways-timeline-render.h"

G_BEGIN_DECLS

typedef struct _PathwaysTimelinePainter PathwaysTimelinePainter;

PathwaysTimelinePainter *pathways_timeline_painter_new      (PangoContext                *context);
void                     pathways_timeline_painter_free     (PathwaysTimelinePainter     *self);
void                     pathways_timeline_painter_reset    (PathwaysTimelinePainter     *self);
void                     pathways_timeline_painter_snapshot (PathwaysTimelinePainter     *self,
                                                             GtkSnapshot                 *snapshot,
                                                             const PathwaysTimelineFrame *frame,
                                                             GArray                      *lines,
                                                             PathwaysTimelineRenderStats *stats);
guint                    pathways_timeline_painter_get_n_cached_rows (PathwaysTimelinePainter *self);

/* The service plan's proposals, drawn as dashed outlines distinct from
 * the spells and moves already booked: young person's id (gint64*) →
 * PathwaysTimelineProposal*; NULL for none.  Borrowed until set again. */
typedef struct {
  guint32              start;   /* Julian day of the proposed move */
  guint32              end;     /* last day drawn */
  PathwaysTimelineKind kind;
} PathwaysTimelineProposal;

void                     pathways_timeline_painter_set_proposals (PathwaysTimelinePainter *self,
                                                                  GHashTable              *proposals);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysTimelinePainter, pathways_timeline_painter_free)

G_END_DECLS
