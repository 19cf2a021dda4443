/* pathways-timeline-render.h — drawing the timeline with cairo and pango
 *
 * One drawing function for the screen, PNG and PDF export, printing and
 * the benchmark: it draws the lines that fall in the viewport and only
 * those, so a frame costs the same for sixty young people or two
 * thousand.  No GTK here: the widget (pathways-timeline-grid.c) fills a
 * PathwaysTimelineFrame from its size, scroll position and style.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "pathways-timeline.h"

G_BEGIN_DECLS

typedef enum {
  PATHWAYS_TIMELINE_ZOOM_MONTHS,
  PATHWAYS_TIMELINE_ZOOM_QUARTERS,
  PATHWAYS_TIMELINE_ZOOM_YEARS,
} PathwaysTimelineZoom;

#define PATHWAYS_TIMELINE_ROW_HEIGHT    28.0
#define PATHWAYS_TIMELINE_HEADER_HEIGHT 44.0

typedef struct {
  double                width;          /* the viewport, pixels */
  double                height;
  double                names_width;    /* the sticky names column */
  double                header_height;  /* the sticky time axis */
  double                row_height;
  PathwaysTimelineZoom  zoom;
  guint32               first_day;      /* the day at the left of the time area, unscrolled */
  guint32               last_day;
  guint32               today;
  double                scroll_x;       /* pixels */
  double                scroll_y;
  int                   hover_line;     /* -1: none */
  int                   focus_line;     /* -1: none */
  gboolean              dark;
  const PangoFontDescription *font;     /* NULL: "Sans 10" */
} PathwaysTimelineFrame;

typedef enum {
  PATHWAYS_TIMELINE_HIT_NONE,
  PATHWAYS_TIMELINE_HIT_AXIS,
  PATHWAYS_TIMELINE_HIT_HEADER,         /* a group header */
  PATHWAYS_TIMELINE_HIT_NAME,
  PATHWAYS_TIMELINE_HIT_ROW,            /* a row, between the marks */
  PATHWAYS_TIMELINE_HIT_SPAN,
  PATHWAYS_TIMELINE_HIT_MOVE,
  PATHWAYS_TIMELINE_HIT_MILESTONE,
  PATHWAYS_TIMELINE_HIT_BIRTHDAY,
} PathwaysTimelineHitKind;

typedef struct {
  PathwaysTimelineHitKind  kind;
  int                      line;        /* index in the lines, -1 if none */
  guint                    index;       /* of the span, move, milestone or birthday */
  double                   x, y, width, height;  /* the mark's area, for tooltips */
} PathwaysTimelineHit;

typedef struct {
  guint first_line;
  guint n_lines_drawn;
  guint n_marks_drawn;
  double height;        /* of the frame drawn … */
  double header_height; /* … its time axis … */
  double row_height;    /* … and its rows, which follow the font */
  guint  serial;        /* counts the frames a widget has drawn */
} PathwaysTimelineRenderStats;

double    pathways_timeline_zoom_px_per_day   (PathwaysTimelineZoom zoom);
void      pathways_timeline_frame_init        (PathwaysTimelineFrame       *frame,
                                               PathwaysTimeline            *timeline,
                                               double                       width,
                                               double                       height);
double    pathways_timeline_frame_day_to_x    (const PathwaysTimelineFrame *frame,
                                               guint32                      day);
double    pathways_timeline_frame_x_to_day    (const PathwaysTimelineFrame *frame,
                                               double                       x);
double    pathways_timeline_frame_content_width (const PathwaysTimelineFrame *frame);
void      pathways_timeline_frame_visible_lines (const PathwaysTimelineFrame *frame,
                                                 guint                        n_lines,
                                                 guint                       *first,
                                                 guint                       *end);

void      pathways_timeline_kind_rgba         (PathwaysTimelineKind         kind,
                                               double                       rgba[4]);

void      pathways_timeline_render            (cairo_t                     *cr,
                                               const PathwaysTimelineFrame *frame,
                                               GArray                      *lines,
                                               PathwaysTimelineRenderStats *stats);
void      pathways_timeline_render_legend     (cairo_t                     *cr,
                                               const PathwaysTimelineFrame *frame,
                                               double                       x,
                                               double                       y,
                                               double                       width);
gboolean  pathways_timeline_hit_test          (const PathwaysTimelineFrame *frame,
                                               GArray                      *lines,
                                               double                       x,
                                               double                       y,
                                               PathwaysTimelineHit         *hit);

char     *pathways_timeline_describe_hit      (const PathwaysTimelineHit   *hit,
                                               GArray                      *lines);
char     *pathways_timeline_describe_row      (const PathwaysTimelineRow   *row,
                                               guint32                      today);

/* Paged output (PDF, printing): the frame's time window and zoom, every
 * line, split into pages with the time axis and the group's name
 * repeated at the top of each. */
typedef struct _PathwaysTimelinePages PathwaysTimelinePages;

PathwaysTimelinePages *pathways_timeline_pages_new     (const PathwaysTimelineFrame *frame,
                                                        GArray                      *lines,
                                                        double                       page_width,
                                                        double                       page_height,
                                                        const char                  *title,
                                                        const char                  *subtitle);
guint     pathways_timeline_pages_get_n_pages (PathwaysTimelinePages *pages);
void      pathways_timeline_pages_draw        (PathwaysTimelinePages *pages,
                                               cairo_t               *cr,
                                               guint                  page);
void      pathways_timeline_pages_free        (PathwaysTimelinePages *pages);

/* Export, for a worker thread: the frame's viewport as PNG (at @scale),
 * or every line as PDF pages (A4 landscape) */
gboolean  pathways_timeline_export_png        (const PathwaysTimelineFrame *frame,
                                               GArray                      *lines,
                                               double                       scale,
                                               const char                  *path,
                                               GError                     **error);
gboolean  pathways_timeline_export_pdf        (const PathwaysTimelineFrame *frame,
                                               GArray                      *lines,
                                               const char                  *title,
                                               const char                  *subtitle,
                                               const char                  *path,
                                               GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysTimelinePages, pathways_timeline_pages_free)

G_END_DECLS
