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

/* The geometry both drawings share (cairo here, render nodes in
 * pathways-timeline-painter.c) */
#define PATHWAYS_TIMELINE_BAR_INSET     6.0    /* space above and below a bar in its row */
#define PATHWAYS_TIMELINE_BAR_RADIUS    3.0
#define PATHWAYS_TIMELINE_MOVE_RADIUS   6.0
#define PATHWAYS_TIMELINE_DOT_RADIUS    2.5
#define PATHWAYS_TIMELINE_NAMES_PAD     12.0
#define PATHWAYS_TIMELINE_HATCH         6      /* the hatching's period, pixels */
#define PATHWAYS_TIMELINE_MAX_TICKS     5000   /* loops over months stop here, whatever the frame says */

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
  int                   focus_item;     /* in the focused row's items; -1: the row itself */
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
  double x, y, width, height;
} PathwaysTimelineRect;

/* A row's marks in time order, for keyboard focus and the accessible
 * objects: kind SPAN, MOVE, MILESTONE or BIRTHDAY, and the index in
 * the row's array of that kind */
typedef struct {
  PathwaysTimelineHitKind kind;
  guint                   index;
  guint32                 day;
} PathwaysTimelineItem;

/* The x extent of each part of a span: solid from x0 to solid_end,
 * planned (hatched) to planned_end, a fading tail to tail_end; parts of
 * zero width are absent */
typedef struct {
  double x0, solid_end, planned_end, tail_end;
} PathwaysTimelineSpanGeometry;

/* The colours, light or dark: the same on screen, in the legend and in
 * exports */
typedef struct {
  double fg[4];
  double bg[4];
  double names_bg[4];
  double accent[4];      /* moves, hover, focus */
  double today[4];       /* the Today line and its label */
  double done[4];        /* milestones done */
  double overdue[4];     /* milestones overdue */
  double severity[4][4]; /* alert dots by PathwaysSeverity */
} PathwaysTimelinePalette;

/* Where the Today label goes in the time axis, and where each year
 * label goes beside it so that neither covers nor clips the other */
typedef struct {
  gboolean shown;
  double   x, y, width, height;  /* the pill */
} PathwaysTimelineTodayLabel;

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
void      pathways_timeline_palette_init      (PathwaysTimelinePalette     *palette,
                                               gboolean                     dark);

void      pathways_timeline_span_geometry     (const PathwaysTimelineFrame *frame,
                                               const PathwaysTimelineSpan  *span,
                                               PathwaysTimelineSpanGeometry *geometry);
double    pathways_timeline_frame_line_y      (const PathwaysTimelineFrame *frame,
                                               guint                        line);

/* The time axis: the ticks of a tier (1, 3 or 12 months) from the first
 * in view, and their labels */
int       pathways_timeline_zoom_tier_months  (PathwaysTimelineZoom         zoom);
guint32   pathways_timeline_frame_first_tick  (const PathwaysTimelineFrame *frame,
                                               int                          months);
guint32   pathways_timeline_add_months        (guint32                      day,
                                               int                          months);
char     *pathways_timeline_tick_label        (guint32                      day,
                                               int                          months);
char     *pathways_timeline_today_text        (guint32                      today);
void      pathways_timeline_today_label_place (const PathwaysTimelineFrame *frame,
                                               double                       text_width,
                                               double                       text_height,
                                               PathwaysTimelineTodayLabel  *label);
gboolean  pathways_timeline_year_label_place  (const PathwaysTimelineFrame      *frame,
                                               const PathwaysTimelineTodayLabel *today,
                                               double                            year_x,
                                               double                            next_x,
                                               double                            text_width,
                                               double                           *x);

GArray   *pathways_timeline_row_items         (const PathwaysTimelineRow   *row);
gboolean  pathways_timeline_item_rect         (const PathwaysTimelineFrame *frame,
                                               guint                        line,
                                               const PathwaysTimelineRow   *row,
                                               const PathwaysTimelineItem  *item,
                                               PathwaysTimelineRect        *rect);
char     *pathways_timeline_describe_item     (const PathwaysTimelineRow   *row,
                                               const PathwaysTimelineItem  *item);

void      pathways_timeline_render            (cairo_t                     *cr,
                                               const PathwaysTimelineFrame *frame,
                                               GArray                      *lines,
                                               PathwaysTimelineRenderStats *stats);
/* The legend's items after the kinds of accommodation */
typedef enum {
  PATHWAYS_TIMELINE_LEGEND_PLANNED = PATHWAYS_TIMELINE_N_KINDS,
  PATHWAYS_TIMELINE_LEGEND_MOVE,
  PATHWAYS_TIMELINE_LEGEND_BIRTHDAY,
  PATHWAYS_TIMELINE_LEGEND_MILESTONE,
  PATHWAYS_TIMELINE_LEGEND_ALERTS,
  PATHWAYS_TIMELINE_LEGEND_TODAY,
  PATHWAYS_TIMELINE_N_LEGEND
} PathwaysTimelineLegend;

/* On screen only (exports draw no proposals): the service plan's proposals */
#define PATHWAYS_TIMELINE_LEGEND_PROPOSAL PATHWAYS_TIMELINE_N_LEGEND

const char *pathways_timeline_legend_label    (guint                        item);
void      pathways_timeline_legend_swatch     (cairo_t                     *cr,
                                               guint                        item,
                                               gboolean                     dark,
                                               double                       x,
                                               double                       y,
                                               double                       width,
                                               double                       height);
double    pathways_timeline_render_legend     (cairo_t                     *cr,
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
