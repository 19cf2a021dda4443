/* pathways-timeline-render.c — drawing the timeline with cairo and pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-timeline-render"

#include "config.h"

#include <glib/gstdio.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <time.h>

#include "pathways-file.h"
#include "pathways-format.h"
#include "pathways-timeline-render.h"
#include "pathways-vocab.h"

#define BAR_INSET       PATHWAYS_TIMELINE_BAR_INSET
#define TAIL_DAYS       45     /* the fading tail of an open-ended spell */
#define PLANNED_TAIL    90     /* how long an open-ended planned spell is drawn */
#define MOVE_RADIUS     PATHWAYS_TIMELINE_MOVE_RADIUS
#define DOT_RADIUS      PATHWAYS_TIMELINE_DOT_RADIUS
#define NAMES_PAD       PATHWAYS_TIMELINE_NAMES_PAD

typedef struct {
  cairo_t                     *cr;
  const PathwaysTimelineFrame *f;
  PangoLayout                 *layout;
  PangoLayout                 *small;
  PangoLayout                 *bold;
  double                       ppd;
  double                       fg[4];
  double                       bg[4];
  double                       names_bg[4];
  double                       accent[4];
  PathwaysTimelinePalette      pal;
  guint                        n_marks;
  gboolean                     vector;       /* PDF, printing: hatch with lines */
  cairo_pattern_t             *hatches[PATHWAYS_TIMELINE_N_KINDS + 1];
} Ctx;

static const double kind_colours[PATHWAYS_TIMELINE_N_KINDS][3] = {
  { 0x91 / 255., 0x41 / 255., 0xac / 255. },   /* in care: purple */
  { 0x35 / 255., 0x84 / 255., 0xe4 / 255. },   /* supported: blue */
  { 0x26 / 255., 0xa2 / 255., 0x69 / 255. },   /* Staying Put: green */
  { 0xe6 / 255., 0x61 / 255., 0x00 / 255. },   /* Staying Close: orange */
  { 0x98 / 255., 0x6a / 255., 0x44 / 255. },   /* own tenancy: brown */
  { 0xe0 / 255., 0x1b / 255., 0x24 / 255. },   /* emergency, B&B: red */
  { 0x77 / 255., 0x76 / 255., 0x7b / 255. },   /* other: grey */
};

/* Helpers */

static void
set_rgba (cairo_t      *cr,
          const double  c[4],
          double        alpha)
{
  cairo_set_source_rgba (cr, c[0], c[1], c[2], c[3] * alpha);
}

void
pathways_timeline_kind_rgba (PathwaysTimelineKind kind,
                             double               rgba[4])
{
  g_return_if_fail (kind < PATHWAYS_TIMELINE_N_KINDS);

  rgba[0] = kind_colours[kind][0];
  rgba[1] = kind_colours[kind][1];
  rgba[2] = kind_colours[kind][2];
  rgba[3] = 1.0;
}

static void
rgba_set (double c[4],
          guint  rgb,
          double alpha)
{
  c[0] = ((rgb >> 16) & 0xff) / 255.;
  c[1] = ((rgb >> 8) & 0xff) / 255.;
  c[2] = (rgb & 0xff) / 255.;
  c[3] = alpha;
}

/**
 * pathways_timeline_palette_init:
 *
 * The timeline's colours.  Today is one blue everywhere (GNOME blue 4,
 * light or dark, on screen, in the legend and on paper).
 */
void
pathways_timeline_palette_init (PathwaysTimelinePalette *p,
                                gboolean                 dark)
{
  g_return_if_fail (p != NULL);

  if (dark)
    {
      rgba_set (p->fg, 0xffffff, 1);
      rgba_set (p->bg, 0x242424, 1);
      rgba_set (p->names_bg, 0x303030, 1);
      rgba_set (p->accent, 0x78aeed, 1);
    }
  else
    {
      rgba_set (p->fg, 0x000000, 0.8);
      rgba_set (p->bg, 0xffffff, 1);
      rgba_set (p->names_bg, 0xfafafa, 1);
      rgba_set (p->accent, 0x1c71d8, 1);
    }
  rgba_set (p->today, 0x1c71d8, 1);
  rgba_set (p->done, 0x26a269, 1);
  rgba_set (p->overdue, 0xe01b24, 1);
  /* info, low, medium, high: as the caseload's alert badges */
  rgba_set (p->severity[0], 0x999999, 1);
  rgba_set (p->severity[1], 0xf5c211, 1);
  rgba_set (p->severity[2], 0xff7800, 1);
  rgba_set (p->severity[3], 0xe01b24, 1);
}

double
pathways_timeline_zoom_px_per_day (PathwaysTimelineZoom zoom)
{
  switch (zoom)
    {
    case PATHWAYS_TIMELINE_ZOOM_MONTHS:
      return 4.0;
    case PATHWAYS_TIMELINE_ZOOM_QUARTERS:
      return 1.4;
    case PATHWAYS_TIMELINE_ZOOM_YEARS:
    default:
      return 0.4;
    }
}

/**
 * pathways_timeline_frame_init:
 *
 * A frame for @timeline (may be %NULL) in a viewport, unscrolled, zoomed
 * to quarters, light.
 */
void
pathways_timeline_frame_init (PathwaysTimelineFrame *frame,
                              PathwaysTimeline      *timeline,
                              double                 width,
                              double                 height)
{
  g_return_if_fail (frame != NULL);

  *frame = (PathwaysTimelineFrame) { 0 };
  frame->width = width;
  frame->height = height;
  frame->names_width = width < 600 ? 130 : 220;
  frame->header_height = PATHWAYS_TIMELINE_HEADER_HEIGHT;
  frame->row_height = PATHWAYS_TIMELINE_ROW_HEIGHT;
  frame->zoom = PATHWAYS_TIMELINE_ZOOM_QUARTERS;
  frame->hover_line = -1;
  frame->focus_line = -1;
  frame->focus_item = -1;
  if (timeline != NULL)
    {
      pathways_timeline_get_range (timeline, &frame->first_day, &frame->last_day);
      frame->today = pathways_timeline_get_today (timeline);
    }
  else
    {
      GDate d;

      g_date_clear (&d, 1);
      g_date_set_time_t (&d, time (NULL));
      frame->today = g_date_get_julian (&d);
      frame->first_day = frame->today - 365;
      frame->last_day = frame->today + 365;
    }
}

double
pathways_timeline_frame_day_to_x (const PathwaysTimelineFrame *f,
                                  guint32                      day)
{
  return f->names_width + ((double) day - (double) f->first_day) *
         pathways_timeline_zoom_px_per_day (f->zoom) - f->scroll_x;
}

double
pathways_timeline_frame_x_to_day (const PathwaysTimelineFrame *f,
                                  double                       x)
{
  return f->first_day + (x - f->names_width + f->scroll_x) / pathways_timeline_zoom_px_per_day (f->zoom);
}

/* The width of the time area at this zoom, unscrolled */
double
pathways_timeline_frame_content_width (const PathwaysTimelineFrame *f)
{
  return ((double) f->last_day - (double) f->first_day + 1) * pathways_timeline_zoom_px_per_day (f->zoom);
}

/**
 * pathways_timeline_frame_visible_lines:
 * @first: (out): the first line in view
 * @end: (out): one past the last line in view
 *
 * Only these lines are measured and drawn.
 */
void
pathways_timeline_frame_visible_lines (const PathwaysTimelineFrame *f,
                                       guint                        n_lines,
                                       guint                       *first,
                                       guint                       *end)
{
  double top = MAX (f->scroll_y, 0);
  double bottom = f->scroll_y + MAX (f->height - f->header_height, 0);
  guint a = (guint) floor (top / f->row_height);
  guint b = (guint) ceil (bottom / f->row_height);

  *first = MIN (a, n_lines);
  *end = MIN (b, n_lines);
}

static double
line_y (const PathwaysTimelineFrame *f,
        guint                        line)
{
  return f->header_height + line * f->row_height - f->scroll_y;
}

/* The top of a line in the viewport */
double
pathways_timeline_frame_line_y (const PathwaysTimelineFrame *f,
                                guint                        line)
{
  g_return_val_if_fail (f != NULL, 0);
  return line_y (f, line);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
show_text (Ctx         *c,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       max_width,
           gboolean     center_v,
           double       box_height)
{
  int w, h;

  if (max_width < 8)
    return;
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (c->cr, x, center_v ? y + (box_height - h) / 2 : y);
  pango_cairo_show_layout (c->cr, layout);
}

/* Vertical lines and labels for months, quarters or years */
typedef struct {
  guint32 day;
  int     year;
  int     month;   /* 1–12 */
} Tick;

static guint32
first_of_month (guint32 day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, day);
  g_date_set_day (&d, 1);
  return g_date_get_julian (&d);
}

static Tick
tick_for (guint32 day)
{
  GDate d;
  Tick t;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, day);
  t.day = day;
  t.year = g_date_get_year (&d);
  t.month = g_date_get_month (&d);
  return t;
}

/* The most ticks drawn across the axis: far more than fit, so that the
 * loops over months are bounded whatever the frame says */
#define MAX_TICKS 5000

static guint32
add_months (guint32 day,
            int     n)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, day);
  if (n >= 0)
    g_date_add_months (&d, (guint) n);
  else
    g_date_subtract_months (&d, (guint) -n);
  return g_date_get_julian (&d);
}

static const char *
month_abbrev (int month)
{
  static const char * const names[] = {
    NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"),
    NC_("month", "May"), NC_("month", "Jun"),
    NC_("month", "Jul"), NC_("month", "Aug"), NC_("month", "Sep"), NC_("month", "Oct"),
    NC_("month", "Nov"), NC_("month", "Dec"),
  };
  return g_dpgettext2 (GETTEXT_PACKAGE, "month", names[CLAMP (month, 1, 12) - 1]);
}

static const char *
quarter_label (int month)
{
  switch ((month - 1) / 3)
    {
    case 0:
      return _("Jan–Mar");
    case 1:
      return _("Apr–Jun");
    case 2:
      return _("Jul–Sep");
    default:
      return _("Oct–Dec");
    }
}

/* Each tick of the lower tier in view, with its unit in months */
static int
tier_months (PathwaysTimelineZoom zoom)
{
  return zoom == PATHWAYS_TIMELINE_ZOOM_MONTHS ? 1 : zoom == PATHWAYS_TIMELINE_ZOOM_QUARTERS ? 3 : 12;
}

static guint32
first_tick (const PathwaysTimelineFrame *f,
            int                          step)
{
  double left = pathways_timeline_frame_x_to_day (f, f->names_width);
  guint32 day = first_of_month ((guint32) MAX (left, 1));
  Tick t = tick_for (day);
  int back = (t.month - 1) % step;

  return add_months (day, -back);
}

int
pathways_timeline_zoom_tier_months (PathwaysTimelineZoom zoom)
{
  return tier_months (zoom);
}

guint32
pathways_timeline_frame_first_tick (const PathwaysTimelineFrame *f,
                                    int                          months)
{
  g_return_val_if_fail (f != NULL, 0);
  return first_tick (f, months);
}

guint32
pathways_timeline_add_months (guint32 day,
                              int     months)
{
  return add_months (day, months);
}

/**
 * pathways_timeline_tick_label:
 * @months: the tier: 1 (month names), 3 (quarters) or 12 (years)
 *
 * Returns: (transfer full): the label of the tick on @day
 */
char *
pathways_timeline_tick_label (guint32 day,
                              int     months)
{
  Tick t = tick_for (day);

  if (months == 12)
    return g_strdup_printf ("%d", t.year);
  if (months == 3)
    return g_strdup (quarter_label (t.month));
  return g_strdup (month_abbrev (t.month));
}

/**
 * pathways_timeline_today_text:
 *
 * Returns: (transfer full): the Today label, "Today, 22/11/2026"
 */
char *
pathways_timeline_today_text (guint32 today)
{
  g_autofree char *iso = pathways_timeline_day_to_iso (today);
  g_autofree char *date = pathways_date_format_uk (iso);

  /* Translators: the label of the line marking today on the timeline */
  return g_strdup_printf (_("Today, %s"), date);
}

/**
 * pathways_timeline_today_label_place:
 * @text_width: of the label's text, pixels
 *
 * The Today label: a pill in the upper tier of the axis, centred on the
 * line but kept whole inside the time area (never clipped at either
 * edge); not shown while today is out of view.
 */
void
pathways_timeline_today_label_place (const PathwaysTimelineFrame *f,
                                     double                       text_width,
                                     double                       text_height,
                                     PathwaysTimelineTodayLabel  *label)
{
  double tx, tier, w, h;

  g_return_if_fail (f != NULL);
  g_return_if_fail (label != NULL);

  tx = pathways_timeline_frame_day_to_x (f, f->today);
  tier = f->header_height / 2;
  w = text_width + 10;
  h = MIN (text_height + 2, tier - 2);
  label->shown = tx >= f->names_width && tx <= f->width && w < f->width - f->names_width - 4;
  label->width = w;
  label->height = h;
  label->x = CLAMP (tx - w / 2, f->names_width + 2, f->width - w - 2);
  label->y = floor ((tier - h) / 2);
}

/**
 * pathways_timeline_year_label_place:
 * @year_x: where the year starts (may be left of the time area)
 * @next_x: where the next year starts
 * @x: (out): where the label goes
 *
 * A year's label stays in view while any of its year is, and steps
 * aside for the Today label: after it if there is room in the year,
 * else before it.
 *
 * Returns: %FALSE if there is no room for it
 */
gboolean
pathways_timeline_year_label_place (const PathwaysTimelineFrame      *f,
                                    const PathwaysTimelineTodayLabel *today,
                                    double                            year_x,
                                    double                            next_x,
                                    double                            text_width,
                                    double                           *x)
{
  double left = MAX (year_x, f->names_width) + 6;
  double right = next_x - 4;

  *x = left;
  if (left + MIN (text_width, 8) > right)
    return FALSE;
  if (today == NULL || !today->shown ||
      left + text_width <= today->x - 4 || left >= today->x + today->width + 4)
    return TRUE;
  /* After the Today label, in the same year */
  if (today->x + today->width + 6 + text_width <= right)
    {
      *x = today->x + today->width + 6;
      return TRUE;
    }
  /* Before it, still in the year */
  if (today->x - 6 - text_width >= MAX (year_x, f->names_width) + 2)
    {
      *x = today->x - 6 - text_width;
      return TRUE;
    }
  return FALSE;
}

static void
draw_grid (Ctx *c)
{
  const PathwaysTimelineFrame *f = c->f;
  int step = tier_months (f->zoom);
  guint32 day;

  cairo_save (c->cr);
  cairo_rectangle (c->cr, f->names_width, f->header_height, f->width - f->names_width,
                   f->height - f->header_height);
  cairo_clip (c->cr);
  cairo_set_line_width (c->cr, 1);
  day = first_tick (f, step);
  for (guint tick = 0; tick < MAX_TICKS; tick++, day = add_months (day, step))
    {
      double x = floor (pathways_timeline_frame_day_to_x (f, day)) + 0.5;
      Tick t = tick_for (day);

      if (x > f->width)
        break;
      set_rgba (c->cr, c->fg, t.month == 1 ? 0.16 : 0.07);
      cairo_move_to (c->cr, x, f->header_height);
      cairo_line_to (c->cr, x, f->height);
      cairo_stroke (c->cr);
    }
  cairo_restore (c->cr);
}

static void
draw_axis (Ctx *c)
{
  const PathwaysTimelineFrame *f = c->f;
  cairo_t *cr = c->cr;
  int step = tier_months (f->zoom);
  double tier = f->header_height / 2;
  guint32 day;
  PathwaysTimelineTodayLabel today;
  g_autofree char *today_text = NULL;
  int tw, th;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, f->width, f->header_height);
  cairo_clip (cr);
  set_rgba (cr, c->names_bg, 1);
  cairo_paint (cr);

  cairo_save (cr);
  cairo_rectangle (cr, f->names_width, 0, f->width - f->names_width, f->header_height);
  cairo_clip (cr);
  cairo_set_line_width (cr, 1);

  /* Where the Today label goes, first: the year labels step aside */
  today_text = pathways_timeline_today_text (f->today);
  pango_layout_set_width (c->small, -1);
  pango_layout_set_text (c->small, today_text, -1);
  pango_layout_get_pixel_size (c->small, &tw, &th);
  pathways_timeline_today_label_place (f, tw, th, &today);

  /* Upper tier: years, except when the lower tier already is years */
  if (step < 12)
    {
      day = first_tick (f, 12);
      for (guint tick = 0; tick < MAX_TICKS; tick++, day = add_months (day, 12))
        {
          double x = pathways_timeline_frame_day_to_x (f, day);
          double next = pathways_timeline_frame_day_to_x (f, add_months (day, 12));
          g_autofree char *year = g_strdup_printf ("%d", tick_for (day).year);

          if (x > f->width)
            break;
          double lx;
          int w, h;

          set_rgba (cr, c->fg, 0.25);
          cairo_move_to (cr, floor (x) + 0.5, 0);
          cairo_line_to (cr, floor (x) + 0.5, tier);
          cairo_stroke (cr);
          /* The year's label stays in view while any of it is, beside the Today label */
          pango_layout_set_width (c->bold, -1);
          pango_layout_set_text (c->bold, year, -1);
          pango_layout_get_pixel_size (c->bold, &w, &h);
          if (pathways_timeline_year_label_place (f, &today, x, next, w, &lx))
            {
              set_rgba (cr, c->fg, 0.9);
              cairo_move_to (cr, lx, (tier - h) / 2);
              pango_cairo_show_layout (cr, c->bold);
            }
        }
    }

  day = first_tick (f, step);
  for (guint tick = 0; tick < MAX_TICKS; tick++, day = add_months (day, step))
    {
      double x = pathways_timeline_frame_day_to_x (f, day);
      double next = pathways_timeline_frame_day_to_x (f, add_months (day, step));
      Tick t = tick_for (day);
      g_autofree char *year = NULL;
      const char *label;

      if (x > f->width)
        break;
      if (step == 12)
        label = year = g_strdup_printf ("%d", t.year);
      else if (step == 3)
        label = quarter_label (t.month);
      else
        label = month_abbrev (t.month);
      set_rgba (cr, c->fg, 0.2);
      cairo_move_to (cr, floor (x) + 0.5, step == 12 ? 0 : tier);
      cairo_line_to (cr, floor (x) + 0.5, f->header_height);
      cairo_stroke (cr);
      set_rgba (cr, c->fg, 0.7);
      show_text (c, step == 12 ? c->bold : c->layout, label, x + 5, tier, next - x - 8, TRUE, tier);
    }

  /* Today */
  if (today.shown)
    {
      set_rgba (cr, c->pal.today, 1);
      rounded_rect (cr, today.x, today.y, today.width, today.height, 4);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      pango_layout_set_text (c->small, today_text, -1);
      cairo_move_to (cr, today.x + 5, today.y + (today.height - th) / 2);
      pango_cairo_show_layout (cr, c->small);
    }
  cairo_restore (cr);

  /* The corner over the names */
  set_rgba (cr, c->fg, 0.6);
  show_text (c, c->layout, _("Young Person"), NAMES_PAD, tier, f->names_width - 2 * NAMES_PAD, TRUE, tier);

  set_rgba (cr, c->fg, 0.15);
  cairo_move_to (cr, 0, f->header_height - 0.5);
  cairo_line_to (cr, f->width, f->header_height - 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
hatch (cairo_t *cr,
       double   x0,
       double   y0,
       double   x1,
       double   y1)
{
  double h = y1 - y0;
  double start = floor (x0 / 6) * 6 - h;

  cairo_save (cr);
  cairo_rectangle (cr, x0, y0, x1 - x0, h);
  cairo_clip (cr);
  for (double x = start; x < x1; x += 6)
    {
      cairo_move_to (cr, x, y1);
      cairo_line_to (cr, x + h, y0);
    }
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static cairo_pattern_t *
hatch_pattern (Ctx          *c,
               const double  colour[4])
{
  guint slot = PATHWAYS_TIMELINE_N_KINDS;
  cairo_surface_t *tile;
  cairo_t *tcr;

  for (guint k = 0; k < PATHWAYS_TIMELINE_N_KINDS; k++)
    if (kind_colours[k][0] == colour[0] && kind_colours[k][1] == colour[1] && kind_colours[k][2] == colour[2])
      slot = k;
  if (c->hatches[slot] != NULL && slot < PATHWAYS_TIMELINE_N_KINDS)
    return c->hatches[slot];
  g_clear_pointer (&c->hatches[slot], cairo_pattern_destroy);

  tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 6, 6);
  tcr = cairo_create (tile);
  cairo_set_source_rgba (tcr, colour[0], colour[1], colour[2], 0.75);
  cairo_set_line_width (tcr, 1.5);
  for (int i = -1; i <= 1; i++)
    {
      cairo_move_to (tcr, i * 6, 6);
      cairo_line_to (tcr, i * 6 + 6, 0);
    }
  cairo_stroke (tcr);
  cairo_destroy (tcr);
  c->hatches[slot] = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (c->hatches[slot], CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);
  return c->hatches[slot];
}

/* Solid, hatched (planned) or fading (open-ended) */
typedef enum { PIECE_SOLID, PIECE_PLANNED, PIECE_TAIL } Piece;

static void
draw_piece (Ctx          *c,
            const double  colour[4],
            Piece         piece,
            double        x0,
            double        x1,
            double        y,
            double        h)
{
  cairo_t *cr = c->cr;
  const PathwaysTimelineFrame *f = c->f;

  /* Clip to the viewport so that a bar years long costs no more than a short one */
  x0 = MAX (x0, f->names_width - 4);
  x1 = MIN (x1, f->width + 4);
  if (x1 <= x0)
    return;

  switch (piece)
    {
    case PIECE_SOLID:
      set_rgba (cr, colour, 1);
      cairo_rectangle (cr, x0, y, x1 - x0, h);
      cairo_fill (cr);
      break;

    case PIECE_PLANNED:
      set_rgba (cr, colour, 0.18);
      cairo_rectangle (cr, x0, y, x1 - x0, h);
      cairo_fill (cr);
      set_rgba (cr, colour, 0.75);
      if (c->vector)
        hatch (cr, x0, y, x1, y + h);
      else
        {
          /* On screen a repeating tile: the cost of a long bar stays flat */
          cairo_set_source (cr, hatch_pattern (c, colour));
          cairo_rectangle (cr, x0, y, x1 - x0, h);
          cairo_fill (cr);
          set_rgba (cr, colour, 0.75);
        }
      cairo_set_line_width (cr, 1.5);
      cairo_rectangle (cr, x0 + 0.75, y + 0.75, x1 - x0 - 1.5, h - 1.5);
      cairo_stroke (cr);
      break;

    case PIECE_TAIL:
      {
        cairo_pattern_t *p = cairo_pattern_create_linear (x0, 0, x1, 0);

        cairo_pattern_add_color_stop_rgba (p, 0, colour[0], colour[1], colour[2], 0.8);
        cairo_pattern_add_color_stop_rgba (p, 1, colour[0], colour[1], colour[2], 0);
        cairo_set_source (cr, p);
        cairo_rectangle (cr, x0, y, x1 - x0, h);
        cairo_fill (cr);
        cairo_pattern_destroy (p);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

typedef PathwaysTimelineSpanGeometry SpanGeometry;

static SpanGeometry
span_geometry (const PathwaysTimelineFrame *f,
               const PathwaysTimelineSpan  *s)
{
  double ppd = pathways_timeline_zoom_px_per_day (f->zoom);
  double x0 = pathways_timeline_frame_day_to_x (f, s->start);
  double today = pathways_timeline_frame_day_to_x (f, f->today + 1);
  SpanGeometry g = { x0, x0, x0, x0 };

  if (s->planned)
    {
      g.planned_end = s->end ? pathways_timeline_frame_day_to_x (f, s->end + 1) : x0;
      g.tail_end = s->end ? g.planned_end : x0 + PLANNED_TAIL * ppd;
    }
  else if (s->end != 0 && !s->end_planned)
    {
      g.solid_end = g.planned_end = g.tail_end = pathways_timeline_frame_day_to_x (f, s->end + 1);
    }
  else if (s->end != 0)
    {
      double end = pathways_timeline_frame_day_to_x (f, s->end + 1);

      g.solid_end = MIN (end, MAX (today, x0));
      g.planned_end = g.tail_end = end;
    }
  else
    {
      g.solid_end = g.planned_end = MAX (today, x0 + 2);
      g.tail_end = g.solid_end + TAIL_DAYS * ppd;
    }
  /* Always at least a sliver */
  if (g.tail_end - g.x0 < 2)
    g.tail_end = g.planned_end = g.x0 + 2;
  return g;
}

void
pathways_timeline_span_geometry (const PathwaysTimelineFrame  *f,
                                 const PathwaysTimelineSpan   *span,
                                 PathwaysTimelineSpanGeometry *geometry)
{
  g_return_if_fail (f != NULL && span != NULL && geometry != NULL);
  *geometry = span_geometry (f, span);
}

static void
draw_span (Ctx                        *c,
           const PathwaysTimelineSpan *s,
           double                      top)
{
  const PathwaysTimelineFrame *f = c->f;
  SpanGeometry g = span_geometry (f, s);
  double colour[4];
  double y = top + BAR_INSET;
  double h = f->row_height - 2 * BAR_INSET;
  double lx, rx;
  const char *label;

  if (g.tail_end < f->names_width || g.x0 > f->width)
    return;
  c->n_marks++;

  pathways_timeline_kind_rgba (s->kind, colour);
  /* The bar's corners are rounded: a clip around all its pieces, kept
   * to the viewport so that a bar years long costs no more */
  cairo_save (c->cr);
  {
    double cx0 = MAX (g.x0, f->names_width - 8);
    double cx1 = MIN (MAX (g.planned_end, g.tail_end), f->width + 8);

    /* A corner cut off by the viewport is out of sight */
    rounded_rect (c->cr, cx0, y, MAX (cx1 - cx0, 1), h, PATHWAYS_TIMELINE_BAR_RADIUS);
    cairo_clip (c->cr);
  }
  if (s->planned)
    draw_piece (c, colour, g.tail_end > g.planned_end ? PIECE_TAIL : PIECE_PLANNED,
                g.x0, MAX (g.planned_end, g.tail_end), y, h);
  else
    {
      draw_piece (c, colour, PIECE_SOLID, g.x0, g.solid_end, y, h);
      if (g.planned_end > g.solid_end)
        draw_piece (c, colour, PIECE_PLANNED, g.solid_end, g.planned_end, y, h);
      if (g.tail_end > g.planned_end)
        draw_piece (c, colour, PIECE_TAIL, g.planned_end, g.tail_end, y, h);
    }
  cairo_restore (c->cr);
  /* A planned spell with no end: outline its start so it reads as planned */
  if (s->planned && g.tail_end > g.planned_end)
    {
      set_rgba (c->cr, colour, 1);
      cairo_set_line_width (c->cr, 2);
      cairo_move_to (c->cr, g.x0 + 1, y);
      cairo_line_to (c->cr, g.x0 + 1, y + h);
      cairo_stroke (c->cr);
    }

  /* The label rides along inside the bar while it is in view */
  lx = MAX (g.x0, f->names_width) + 4;
  rx = MIN (s->planned ? g.tail_end : g.solid_end, f->width) - 4;
  if (rx - lx < 40)
    return;
  label = s->where ? s->where : s->kind_label;
  if (s->planned)
    set_rgba (c->cr, c->fg, 0.85);
  else
    cairo_set_source_rgb (c->cr, 1, 1, 1);
  show_text (c, c->small, label, lx, y, rx - lx, TRUE, h);
}

static void
diamond (cairo_t *cr,
         double   x,
         double   y,
         double   r)
{
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
}

static void
draw_row (Ctx                       *c,
          const PathwaysTimelineRow *row,
          double                     top)
{
  const PathwaysTimelineFrame *f = c->f;
  cairo_t *cr = c->cr;
  static const char * const ages[] = { "18", "21", "25" };

  for (guint i = 0; i < row->spans->len; i++)
    draw_span (c, &g_array_index (row->spans, PathwaysTimelineSpan, i), top);

  /* Birthdays: ticks across the row (one stroke), with the age */
  cairo_new_path (cr);
  for (guint b = 0; b < PATHWAYS_TIMELINE_N_BIRTHDAYS; b++)
    {
      double x;

      if (row->birthdays[b] == 0)
        continue;
      x = floor (pathways_timeline_frame_day_to_x (f, row->birthdays[b])) + 0.5;
      if (x < f->names_width || x > f->width + 20)
        continue;
      c->n_marks++;
      cairo_move_to (cr, x, top + 2);
      cairo_line_to (cr, x, top + f->row_height - 2);
    }
  set_rgba (cr, c->fg, 0.8);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  for (guint b = 0; b < PATHWAYS_TIMELINE_N_BIRTHDAYS; b++)
    {
      double x;

      if (row->birthdays[b] == 0)
        continue;
      x = floor (pathways_timeline_frame_day_to_x (f, row->birthdays[b])) + 0.5;
      if (x < f->names_width || x > f->width)
        continue;
      pango_layout_set_width (c->small, -1);
      pango_layout_set_text (c->small, ages[b], -1);
      cairo_move_to (cr, x + 2, top - 2);
      pango_cairo_show_layout (cr, c->small);
    }

  /* Milestones: small dots along the bottom, one fill per kind of dot */
  for (int pass = 0; pass < 3; pass++)
    {
      gboolean any = FALSE;

      cairo_new_path (cr);
      for (guint i = 0; i < row->milestones->len; i++)
        {
          const PathwaysTimelineMilestone *m = &g_array_index (row->milestones, PathwaysTimelineMilestone, i);
          double x = pathways_timeline_frame_day_to_x (f, m->day);
          int which = m->done_date != NULL ? 0 : m->overdue ? 1 : 2;

          if (which != pass || x < f->names_width || x > f->width)
            continue;
          c->n_marks++;
          any = TRUE;
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, top + f->row_height - 3, DOT_RADIUS, 0, 2 * G_PI);
        }
      if (!any)
        continue;
      if (pass == 0)
        set_rgba (cr, c->pal.done, 1);
      else if (pass == 1)
        set_rgba (cr, c->pal.overdue, 1);
      else
        {
          set_rgba (cr, c->bg, 1);
          cairo_fill_preserve (cr);
          set_rgba (cr, c->fg, 0.7);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
          continue;
        }
      cairo_fill (cr);
    }

  /* Moves: diamonds; done filled, confirmed in the accent colour,
   * proposed outlined */
  for (guint i = 0; i < row->moves->len; i++)
    {
      const PathwaysTimelineMove *m = &g_array_index (row->moves, PathwaysTimelineMove, i);
      double x = pathways_timeline_frame_day_to_x (f, m->day);
      double y = top + f->row_height / 2;

      if (x < f->names_width - MOVE_RADIUS || x > f->width + MOVE_RADIUS)
        continue;
      c->n_marks++;
      diamond (cr, x, y, MOVE_RADIUS);
      if (g_strcmp0 (m->state, "done") == 0)
        set_rgba (cr, c->fg, 0.85);
      else if (g_strcmp0 (m->state, "confirmed") == 0)
        set_rgba (cr, c->accent, 1);
      else
        set_rgba (cr, c->bg, 1);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1.5);
      if (g_strcmp0 (m->state, "proposed") == 0)
        set_rgba (cr, c->accent, 1);
      else
        set_rgba (cr, c->bg, 1);
      cairo_stroke (cr);
    }
}

static void
draw_name (Ctx                        *c,
           const PathwaysTimelineLine *line,
           double                      top)
{
  const PathwaysTimelineFrame *f = c->f;
  const PathwaysTimelineRow *row = line->row;
  cairo_t *cr = c->cr;
  g_autofree char *age = NULL;
  double right = f->names_width - NAMES_PAD;

  if (row->alert_count > 0)
    {
      int sev = CLAMP ((int) row->alert_severity, 0, 3);

      set_rgba (cr, c->pal.severity[sev], 1);
      cairo_new_path (cr);
      cairo_arc (cr, right - 4, top + f->row_height / 2, 4, 0, 2 * G_PI);
      cairo_fill (cr);
      right -= 14;
    }
  if (row->age >= 0)
    {
      int w, h;

      age = g_strdup_printf ("%d", row->age);
      pango_layout_set_width (c->layout, -1);
      pango_layout_set_text (c->layout, age, -1);
      pango_layout_get_pixel_size (c->layout, &w, &h);
      set_rgba (cr, c->fg, 0.55);
      cairo_move_to (cr, right - w, top + (f->row_height - h) / 2);
      pango_cairo_show_layout (cr, c->layout);
      right -= w + 8;
    }
  set_rgba (cr, c->fg, 1);
  show_text (c, c->layout, row->name, NAMES_PAD, top, right - NAMES_PAD, TRUE, f->row_height);
}

static void
draw_group_header (Ctx                        *c,
                   const PathwaysTimelineLine *line,
                   double                      top)
{
  const PathwaysTimelineFrame *f = c->f;
  g_autofree char *text = NULL;

  set_rgba (c->cr, c->fg, 0.09);
  cairo_rectangle (c->cr, 0, top, f->width, f->row_height);
  cairo_fill (c->cr);

  if (line->n_in_group == 0)
    /* Translators: a group's name at the top of a printed page, the group went on from the page before */
    text = g_strdup_printf (_("%s (continued)"), line->header);
  else
    /* Translators: a group on the timeline: "Alison Bennett — 7 young people" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — %u young person", "%s — %u young people",
                                         line->n_in_group),
                            line->header, line->n_in_group);
  set_rgba (c->cr, c->fg, 1);
  show_text (c, c->bold, text, NAMES_PAD, top, f->width - 2 * NAMES_PAD, TRUE, f->row_height);
}

static PangoLayout *
make_layout (cairo_t                    *cr,
             const PangoFontDescription *base,
             double                      scale,
             PangoWeight                 weight)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = base ? pango_font_description_copy (base)
                                    : pango_font_description_from_string ("Sans 10");

  if (scale != 1.0)
    {
      int size = pango_font_description_get_size (desc);

      if (size <= 0)
        size = 10 * PANGO_SCALE;
      if (pango_font_description_get_size_is_absolute (desc))
        pango_font_description_set_absolute_size (desc, size * scale);
      else
        pango_font_description_set_size (desc, (int) (size * scale));
    }
  if (weight != PANGO_WEIGHT_NORMAL)
    pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_font_description_free (desc);
  return layout;
}

static void
ctx_init (Ctx                         *c,
          cairo_t                     *cr,
          const PathwaysTimelineFrame *f)
{
  c->cr = cr;
  c->f = f;
  c->ppd = pathways_timeline_zoom_px_per_day (f->zoom);
  c->layout = make_layout (cr, f->font, 1.0, PANGO_WEIGHT_NORMAL);
  c->small = make_layout (cr, f->font, 0.8, PANGO_WEIGHT_NORMAL);
  c->bold = make_layout (cr, f->font, 1.0, PANGO_WEIGHT_BOLD);
  c->n_marks = 0;
  c->vector = cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE;
  memset (c->hatches, 0, sizeof c->hatches);
  pathways_timeline_palette_init (&c->pal, f->dark);
  memcpy (c->fg, c->pal.fg, sizeof c->fg);
  memcpy (c->bg, c->pal.bg, sizeof c->bg);
  memcpy (c->names_bg, c->pal.names_bg, sizeof c->names_bg);
  memcpy (c->accent, c->pal.accent, sizeof c->accent);
}

static void
ctx_clear (Ctx *c)
{
  g_clear_object (&c->layout);
  g_clear_object (&c->small);
  g_clear_object (&c->bold);
  for (guint k = 0; k <= PATHWAYS_TIMELINE_N_KINDS; k++)
    g_clear_pointer (&c->hatches[k], cairo_pattern_destroy);
}

/**
 * pathways_timeline_render:
 * @lines: (element-type PathwaysTimelineLine): from pathways_timeline_layout()
 * @stats: (out) (optional): what was drawn
 *
 * Draws the frame at (0, 0), frame->width × frame->height: the lines in
 * view, the names column and the time axis over them.
 */
void
pathways_timeline_render (cairo_t                     *cr,
                          const PathwaysTimelineFrame *f,
                          GArray                      *lines,
                          PathwaysTimelineRenderStats *stats)
{
  Ctx c;
  guint first = 0, end = 0;
  double tx;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (f != NULL);

  ctx_init (&c, cr, f);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, f->width, f->height);
  cairo_clip (cr);

  set_rgba (cr, c.bg, 1);
  cairo_paint (cr);

  if (lines != NULL)
    pathways_timeline_frame_visible_lines (f, lines->len, &first, &end);

  /* Row backgrounds */
  cairo_save (cr);
  cairo_rectangle (cr, 0, f->header_height, f->width, f->height - f->header_height);
  cairo_clip (cr);
  for (guint i = first; i < end; i++)
    {
      double top = line_y (f, i);

      if ((int) i == f->hover_line)
        {
          set_rgba (cr, c.accent, 0.10);
          cairo_rectangle (cr, 0, top, f->width, f->row_height);
          cairo_fill (cr);
        }
      else if (i % 2 == 1)
        {
          set_rgba (cr, c.fg, 0.025);
          cairo_rectangle (cr, 0, top, f->width, f->row_height);
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);

  draw_grid (&c);

  /* The marks, in the time area */
  cairo_save (cr);
  cairo_rectangle (cr, f->names_width, f->header_height, f->width - f->names_width,
                   f->height - f->header_height);
  cairo_clip (cr);
  for (guint i = first; i < end; i++)
    {
      const PathwaysTimelineLine *line = &g_array_index (lines, PathwaysTimelineLine, i);

      if (line->row != NULL)
        draw_row (&c, line->row, line_y (f, i));
    }
  /* Today */
  tx = floor (pathways_timeline_frame_day_to_x (f, f->today)) + 0.5;
  set_rgba (cr, c.pal.today, 0.9);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, tx, f->header_height);
  cairo_line_to (cr, tx, f->height);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* The sticky names column and the group headers */
  cairo_save (cr);
  cairo_rectangle (cr, 0, f->header_height, f->width, f->height - f->header_height);
  cairo_clip (cr);
  set_rgba (cr, c.names_bg, 1);
  cairo_rectangle (cr, 0, f->header_height, f->names_width, f->height - f->header_height);
  cairo_fill (cr);
  for (guint i = first; i < end; i++)
    {
      const PathwaysTimelineLine *line = &g_array_index (lines, PathwaysTimelineLine, i);
      double top = line_y (f, i);

      if ((int) i == f->hover_line && line->row != NULL)
        {
          set_rgba (cr, c.accent, 0.10);
          cairo_rectangle (cr, 0, top, f->names_width, f->row_height);
          cairo_fill (cr);
        }
      if (line->row == NULL)
        draw_group_header (&c, line, top);
      else
        {
          cairo_save (cr);
          cairo_rectangle (cr, 0, top, f->names_width, f->row_height);
          cairo_clip (cr);
          draw_name (&c, line, top);
          cairo_restore (cr);
        }
      if ((int) i == f->focus_line)
        {
          set_rgba (cr, c.accent, 1);
          cairo_set_line_width (cr, 2);
          cairo_rectangle (cr, 1, top + 1, f->width - 2, f->row_height - 2);
          cairo_stroke (cr);
        }
      if ((int) i == f->focus_line && f->focus_item >= 0 && line->row != NULL)
        {
          g_autoptr(GArray) items = pathways_timeline_row_items (line->row);
          PathwaysTimelineRect r;

          if ((guint) f->focus_item < items->len &&
              pathways_timeline_item_rect (f, i, line->row, &g_array_index (items, PathwaysTimelineItem, f->focus_item), &r))
            {
              cairo_save (cr);
              cairo_rectangle (cr, f->names_width, f->header_height, f->width - f->names_width,
                               f->height - f->header_height);
              cairo_clip (cr);
              set_rgba (cr, c.accent, 1);
              cairo_set_line_width (cr, 2);
              rounded_rect (cr, r.x - 2, r.y - 2, r.width + 4, r.height + 4, 4);
              cairo_stroke (cr);
              cairo_restore (cr);
            }
        }
    }
  set_rgba (cr, c.fg, 0.15);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, f->names_width - 0.5, f->header_height);
  cairo_line_to (cr, f->names_width - 0.5, f->height);
  cairo_stroke (cr);
  cairo_restore (cr);

  draw_axis (&c);

  cairo_restore (cr);
  if (stats != NULL)
    {
      stats->first_line = first;
      stats->n_lines_drawn = end - first;
      stats->n_marks_drawn = c.n_marks;
      stats->height = f->height;
      stats->header_height = f->header_height;
      stats->row_height = f->row_height;
    }
  ctx_clear (&c);
}

/**
 * pathways_timeline_legend_label:
 * @item: a PathwaysTimelineKind, or one of PathwaysTimelineLegend
 *
 * Returns: what the legend says for @item, the same on screen and on paper
 */
const char *
pathways_timeline_legend_label (guint item)
{
  if (item < PATHWAYS_TIMELINE_N_KINDS)
    return pathways_timeline_kind_label (item);
  switch (item)
    {
    case PATHWAYS_TIMELINE_LEGEND_PLANNED:
      return _("Planned (hatched)");
    case PATHWAYS_TIMELINE_LEGEND_MOVE:
      return _("Move");
    case PATHWAYS_TIMELINE_LEGEND_PROPOSAL:
      return _("Proposed by the plan (dashed)");
    case PATHWAYS_TIMELINE_LEGEND_BIRTHDAY:
      return _("18th, 21st, 25th birthdays");
    case PATHWAYS_TIMELINE_LEGEND_MILESTONE:
      return _("Milestones: done, overdue");
    case PATHWAYS_TIMELINE_LEGEND_ALERTS:
      return _("Alerts: low, medium, high");
    case PATHWAYS_TIMELINE_LEGEND_TODAY:
    default:
      return _("Today");
    }
}

/**
 * pathways_timeline_legend_swatch:
 *
 * Draws @item's swatch in the box (@x, @y, @width, @height): the legend
 * on screen and on paper draw the very marks the rows have.
 */
void
pathways_timeline_legend_swatch (cairo_t  *cr,
                                 guint     item,
                                 gboolean  dark,
                                 double    x,
                                 double    y,
                                 double    width,
                                 double    height)
{
  PathwaysTimelinePalette pal;
  double colour[4];
  double cx = x + width / 2, cy = y + height / 2;

  pathways_timeline_palette_init (&pal, dark);
  cairo_save (cr);
  if (item < PATHWAYS_TIMELINE_N_KINDS)
    {
      pathways_timeline_kind_rgba (item, colour);
      set_rgba (cr, colour, 1);
      rounded_rect (cr, x, y + 2, width, height - 4, 2);
      cairo_fill (cr);
      cairo_restore (cr);
      return;
    }
  switch (item)
    {
    case PATHWAYS_TIMELINE_LEGEND_PLANNED:
      set_rgba (cr, pal.fg, 0.6);
      cairo_set_line_width (cr, 1.2);
      cairo_rectangle (cr, x + 0.6, y + 2.6, width - 1.2, height - 5.2);
      cairo_stroke (cr);
      cairo_rectangle (cr, x, y + 2, width, height - 4);
      cairo_clip (cr);
      for (double hx = x - height; hx < x + width; hx += 5)
        {
          cairo_move_to (cr, hx, y + height - 2);
          cairo_line_to (cr, hx + height - 4, y + 2);
        }
      cairo_stroke (cr);
      break;
    case PATHWAYS_TIMELINE_LEGEND_PROPOSAL:
      {
        static const double dash[] = { 4, 3 };

        set_rgba (cr, pal.fg, 0.8);
        cairo_set_line_width (cr, 1.5);
        cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
        cairo_rectangle (cr, x + 0.75, y + 2.75, width - 1.5, height - 5.5);
        cairo_stroke (cr);
      }
      break;
    case PATHWAYS_TIMELINE_LEGEND_MOVE:
      diamond (cr, cx, cy, MIN (height / 2 - 1, 6));
      set_rgba (cr, pal.accent, 1);
      cairo_fill (cr);
      break;
    case PATHWAYS_TIMELINE_LEGEND_BIRTHDAY:
      set_rgba (cr, pal.fg, 0.8);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, floor (cx) + 0.5, y + 1);
      cairo_line_to (cr, floor (cx) + 0.5, y + height - 1);
      cairo_stroke (cr);
      break;
    case PATHWAYS_TIMELINE_LEGEND_MILESTONE:
      set_rgba (cr, pal.done, 1);
      cairo_arc (cr, cx - 4, cy, DOT_RADIUS, 0, 2 * G_PI);
      cairo_fill (cr);
      set_rgba (cr, pal.overdue, 1);
      cairo_arc (cr, cx + 4, cy, DOT_RADIUS, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case PATHWAYS_TIMELINE_LEGEND_ALERTS:
      for (int sev = 1; sev <= 3; sev++)
        {
          set_rgba (cr, pal.severity[sev], 1);
          cairo_new_path (cr);
          cairo_arc (cr, cx + (sev - 2) * 9, cy, 3.5, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      break;
    case PATHWAYS_TIMELINE_LEGEND_TODAY:
    default:
      set_rgba (cr, pal.today, 1);
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, floor (cx), y);
      cairo_line_to (cr, floor (cx), y + height);
      cairo_stroke (cr);
      break;
    }
  cairo_restore (cr);
}

/**
 * pathways_timeline_render_legend:
 *
 * The colours and marks from (@x, @y), in lines of at most @width, for
 * exports.
 *
 * Returns: the height it took
 */
double
pathways_timeline_render_legend (cairo_t                     *cr,
                                 const PathwaysTimelineFrame *frame,
                                 double                       x,
                                 double                       y,
                                 double                       width)
{
  Ctx c;
  double cx = x, cy = y;
  int w, h;

  ctx_init (&c, cr, frame);
  pango_layout_set_width (c.small, -1);
  for (guint item = 0; item < PATHWAYS_TIMELINE_N_LEGEND; item++)
    {
      double swatch = item == PATHWAYS_TIMELINE_LEGEND_ALERTS ? 28 : 16;

      pango_layout_set_text (c.small, pathways_timeline_legend_label (item), -1);
      pango_layout_get_pixel_size (c.small, &w, &h);
      if (cx > x && cx + swatch + 4 + w > x + width)
        {
          cx = x;
          cy += 17;
        }
      pathways_timeline_legend_swatch (cr, item, frame->dark, cx, cy, swatch, 15);
      set_rgba (cr, c.fg, 1);
      cairo_move_to (cr, cx + swatch + 4, cy + (15 - h) / 2.0);
      pango_cairo_show_layout (cr, c.small);
      cx += swatch + 4 + w + 14;
    }
  ctx_clear (&c);
  return cy + 17 - y;
}

/* Hit testing: the same geometry as drawing */

gboolean
pathways_timeline_hit_test (const PathwaysTimelineFrame *f,
                            GArray                      *lines,
                            double                       x,
                            double                       y,
                            PathwaysTimelineHit         *hit)
{
  const PathwaysTimelineLine *line;
  const PathwaysTimelineRow *row;
  double top, ppd;
  guint index;

  g_return_val_if_fail (f != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  *hit = (PathwaysTimelineHit) { PATHWAYS_TIMELINE_HIT_NONE, -1, 0, 0, 0, 0, 0 };
  if (x < 0 || y < 0 || x >= f->width || y >= f->height)
    return FALSE;
  if (y < f->header_height)
    {
      hit->kind = PATHWAYS_TIMELINE_HIT_AXIS;
      return TRUE;
    }
  if (lines == NULL)
    return FALSE;

  index = (guint) floor ((y - f->header_height + f->scroll_y) / f->row_height);
  if (index >= lines->len)
    return FALSE;
  line = &g_array_index (lines, PathwaysTimelineLine, index);
  top = line_y (f, index);
  hit->line = (int) index;
  hit->x = 0;
  hit->y = top;
  hit->width = f->width;
  hit->height = f->row_height;

  if (line->row == NULL)
    {
      hit->kind = PATHWAYS_TIMELINE_HIT_HEADER;
      return TRUE;
    }
  row = line->row;
  if (x < f->names_width)
    {
      hit->kind = PATHWAYS_TIMELINE_HIT_NAME;
      hit->width = f->names_width;
      return TRUE;
    }

  ppd = pathways_timeline_zoom_px_per_day (f->zoom);

  /* Topmost first: moves, birthdays, milestones, then bars */
  for (guint i = 0; i < row->moves->len; i++)
    {
      double mx = pathways_timeline_frame_day_to_x (f, g_array_index (row->moves, PathwaysTimelineMove, i).day);

      if (fabs (x - mx) <= MOVE_RADIUS + 1 && fabs (y - (top + f->row_height / 2)) <= MOVE_RADIUS + 1)
        {
          *hit = (PathwaysTimelineHit) { PATHWAYS_TIMELINE_HIT_MOVE, (int) index, i,
                                         mx - MOVE_RADIUS, top + f->row_height / 2 - MOVE_RADIUS,
                                         2 * MOVE_RADIUS, 2 * MOVE_RADIUS };
          return TRUE;
        }
    }
  for (guint b = 0; b < PATHWAYS_TIMELINE_N_BIRTHDAYS; b++)
    {
      double bx;

      if (row->birthdays[b] == 0)
        continue;
      bx = pathways_timeline_frame_day_to_x (f, row->birthdays[b]);
      if (fabs (x - bx) <= 3)
        {
          *hit = (PathwaysTimelineHit) { PATHWAYS_TIMELINE_HIT_BIRTHDAY, (int) index, b,
                                         bx - 3, top, 6, f->row_height };
          return TRUE;
        }
    }
  if (y >= top + f->row_height - 3 - DOT_RADIUS - 2)
    for (guint i = 0; i < row->milestones->len; i++)
      {
        double mx = pathways_timeline_frame_day_to_x (f, g_array_index (row->milestones,
                                                                         PathwaysTimelineMilestone, i).day);

        if (fabs (x - mx) <= DOT_RADIUS + 2)
          {
            *hit = (PathwaysTimelineHit) { PATHWAYS_TIMELINE_HIT_MILESTONE, (int) index, i,
                                           mx - DOT_RADIUS - 2, top + f->row_height - 8, 2 * DOT_RADIUS + 4, 8 };
            return TRUE;
          }
      }
  if (y >= top + BAR_INSET && y < top + f->row_height - BAR_INSET)
    for (guint i = row->spans->len; i-- > 0;)
      {
        const PathwaysTimelineSpan *s = &g_array_index (row->spans, PathwaysTimelineSpan, i);
        SpanGeometry g = span_geometry (f, s);
        double right = MAX (g.planned_end, g.tail_end);

        if (x >= g.x0 && x < right)
          {
            *hit = (PathwaysTimelineHit) { PATHWAYS_TIMELINE_HIT_SPAN, (int) index, i,
                                           g.x0, top + BAR_INSET, right - g.x0, f->row_height - 2 * BAR_INSET };
            return TRUE;
          }
      }

  (void) ppd;
  hit->kind = PATHWAYS_TIMELINE_HIT_ROW;
  return TRUE;
}

/* A row's marks in time order */

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const PathwaysTimelineItem *x = a, *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind == PATHWAYS_TIMELINE_HIT_SPAN ? -1 : y->kind == PATHWAYS_TIMELINE_HIT_SPAN ? 1
                                                   : (int) x->kind - (int) y->kind;
  return (int) x->index - (int) y->index;
}

/**
 * pathways_timeline_row_items:
 *
 * Returns: (transfer full) (element-type PathwaysTimelineItem): the
 * row's spans, moves, milestones and birthdays by day (spans first on a
 * day): what Left and Right go through
 */
GArray *
pathways_timeline_row_items (const PathwaysTimelineRow *row)
{
  GArray *items;

  g_return_val_if_fail (row != NULL, NULL);

  items = g_array_sized_new (FALSE, FALSE, sizeof (PathwaysTimelineItem),
                             row->spans->len + row->moves->len + row->milestones->len + PATHWAYS_TIMELINE_N_BIRTHDAYS);
  for (guint i = 0; i < row->spans->len; i++)
    {
      PathwaysTimelineItem item = { PATHWAYS_TIMELINE_HIT_SPAN, i,
                                    g_array_index (row->spans, PathwaysTimelineSpan, i).start };
      g_array_append_val (items, item);
    }
  for (guint i = 0; i < row->moves->len; i++)
    {
      PathwaysTimelineItem item = { PATHWAYS_TIMELINE_HIT_MOVE, i, g_array_index (row->moves, PathwaysTimelineMove, i).day };
      g_array_append_val (items, item);
    }
  for (guint i = 0; i < row->milestones->len; i++)
    {
      PathwaysTimelineItem item = { PATHWAYS_TIMELINE_HIT_MILESTONE, i,
                                    g_array_index (row->milestones, PathwaysTimelineMilestone, i).day };
      g_array_append_val (items, item);
    }
  for (guint b = 0; b < PATHWAYS_TIMELINE_N_BIRTHDAYS; b++)
    if (row->birthdays[b] != 0)
      {
        PathwaysTimelineItem item = { PATHWAYS_TIMELINE_HIT_BIRTHDAY, b, row->birthdays[b] };
        g_array_append_val (items, item);
      }
  g_array_sort (items, compare_items);
  return items;
}

/**
 * pathways_timeline_item_rect:
 * @line: the row's line
 * @rect: (out): the mark's area in the viewport, as hit testing finds it
 *
 * Returns: %FALSE if @item is not one of @row's
 */
gboolean
pathways_timeline_item_rect (const PathwaysTimelineFrame *f,
                             guint                        line,
                             const PathwaysTimelineRow   *row,
                             const PathwaysTimelineItem  *item,
                             PathwaysTimelineRect        *rect)
{
  double top, x;

  g_return_val_if_fail (f != NULL && row != NULL && item != NULL && rect != NULL, FALSE);

  top = line_y (f, line);
  switch (item->kind)
    {
    case PATHWAYS_TIMELINE_HIT_SPAN:
      {
        SpanGeometry g;

        if (item->index >= row->spans->len)
          return FALSE;
        g = span_geometry (f, &g_array_index (row->spans, PathwaysTimelineSpan, item->index));
        *rect = (PathwaysTimelineRect) { g.x0, top + BAR_INSET, MAX (g.planned_end, g.tail_end) - g.x0,
                                         f->row_height - 2 * BAR_INSET };
        return TRUE;
      }
    case PATHWAYS_TIMELINE_HIT_MOVE:
      if (item->index >= row->moves->len)
        return FALSE;
      x = pathways_timeline_frame_day_to_x (f, g_array_index (row->moves, PathwaysTimelineMove, item->index).day);
      *rect = (PathwaysTimelineRect) { x - MOVE_RADIUS, top + f->row_height / 2 - MOVE_RADIUS, 2 * MOVE_RADIUS,
                                       2 * MOVE_RADIUS };
      return TRUE;
    case PATHWAYS_TIMELINE_HIT_MILESTONE:
      if (item->index >= row->milestones->len)
        return FALSE;
      x = pathways_timeline_frame_day_to_x (f, g_array_index (row->milestones, PathwaysTimelineMilestone,
                                                              item->index).day);
      *rect = (PathwaysTimelineRect) { x - DOT_RADIUS - 2, top + f->row_height - 8, 2 * DOT_RADIUS + 4, 8 };
      return TRUE;
    case PATHWAYS_TIMELINE_HIT_BIRTHDAY:
      if (item->index >= PATHWAYS_TIMELINE_N_BIRTHDAYS || row->birthdays[item->index] == 0)
        return FALSE;
      x = pathways_timeline_frame_day_to_x (f, row->birthdays[item->index]);
      *rect = (PathwaysTimelineRect) { x - 3, top, 6, f->row_height };
      return TRUE;
    case PATHWAYS_TIMELINE_HIT_NONE:
    case PATHWAYS_TIMELINE_HIT_AXIS:
    case PATHWAYS_TIMELINE_HIT_HEADER:
    case PATHWAYS_TIMELINE_HIT_NAME:
    case PATHWAYS_TIMELINE_HIT_ROW:
    default:
      return FALSE;
    }
}

/* Text: tooltips and the accessible description */

static char *
uk (const char *iso)
{
  return iso ? pathways_date_format_uk (iso) : g_strdup ("—");
}

static char *
describe_span (const PathwaysTimelineSpan *s)
{
  g_autofree char *start = uk (s->start_date);
  g_autofree char *end = uk (s->end_date);
  g_autofree char *what = NULL;
  g_autofree char *when = NULL;

  if (s->where != NULL && g_strcmp0 (s->where, s->kind_label) != 0)
    /* Translators: the kind of accommodation, then where: "Council tenancy: Flat 3, Canal House" */
    what = g_strdup_printf (_("%s: %s"), s->kind_label, s->where);
  else
    what = g_strdup (s->kind_label);

  if (s->planned && s->end_date != NULL)
    when = g_strdup_printf (_("Planned from %s to %s"), start, end);
  else if (s->planned)
    when = g_strdup_printf (_("Planned from %s"), start);
  else if (s->end_date == NULL)
    when = g_strdup_printf (_("Since %s, no end planned"), start);
  else if (s->end_planned)
    when = g_strdup_printf (_("Since %s, planned to end on %s"), start, end);
  else
    when = g_strdup_printf (_("From %s to %s"), start, end);

  return g_strdup_printf ("%s\n%s", what, when);
}

static char *
describe_move (const PathwaysTimelineMove *m)
{
  g_autofree char *date = uk (m->date);
  const char *state = pathways_vocab_label (PATHWAYS_VOCAB_TRANSITION_STATE, m->state);

  if (m->to != NULL)
    /* Translators: a move on the timeline: "Move on 14/05/2027 to Flat 3, Canal House (proposed)" */
    return g_strdup_printf (_("Move on %s to %s (%s)"), date, m->to, state);
  return g_strdup_printf (_("Move on %s (%s)"), date, state);
}

static char *
describe_milestone (const PathwaysTimelineMilestone *m)
{
  g_autofree char *due = uk (m->due_date);

  if (m->done_date != NULL)
    {
      g_autofree char *done = uk (m->done_date);
      return g_strdup_printf (_("%s\nDue %s, done %s"), m->name, due, done);
    }
  if (m->overdue)
    return g_strdup_printf (_("%s\nDue %s: overdue"), m->name, due);
  return g_strdup_printf (_("%s\nDue %s"), m->name, due);
}

static char *
describe_birthday (const PathwaysTimelineRow *row,
                   guint                      b)
{
  g_autofree char *date = uk (row->birthday_dates[b]);

  switch (b)
    {
    case PATHWAYS_TIMELINE_BIRTHDAY_18:
      return g_strdup_printf (_("18th birthday: %s"), date);
    case PATHWAYS_TIMELINE_BIRTHDAY_21:
      return g_strdup_printf (_("21st birthday: %s"), date);
    default:
      return g_strdup_printf (_("25th birthday: %s"), date);
    }
}

/**
 * pathways_timeline_describe_hit:
 *
 * Returns: (transfer full) (nullable): who, what and when, for a tooltip
 */
char *
pathways_timeline_describe_hit (const PathwaysTimelineHit *hit,
                                GArray                    *lines)
{
  const PathwaysTimelineLine *line;
  const PathwaysTimelineRow *row;
  g_autofree char *what = NULL;

  g_return_val_if_fail (hit != NULL, NULL);

  if (lines == NULL || hit->line < 0 || (guint) hit->line >= lines->len)
    return NULL;
  line = &g_array_index (lines, PathwaysTimelineLine, hit->line);
  row = line->row;

  switch (hit->kind)
    {
    case PATHWAYS_TIMELINE_HIT_HEADER:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u young person", "%s: %u young people",
                                           line->n_in_group), line->header, line->n_in_group);
    case PATHWAYS_TIMELINE_HIT_NAME:
    case PATHWAYS_TIMELINE_HIT_ROW:
      return pathways_timeline_describe_row (row, 0);
    case PATHWAYS_TIMELINE_HIT_SPAN:
      what = describe_span (&g_array_index (row->spans, PathwaysTimelineSpan, hit->index));
      break;
    case PATHWAYS_TIMELINE_HIT_MOVE:
      what = describe_move (&g_array_index (row->moves, PathwaysTimelineMove, hit->index));
      break;
    case PATHWAYS_TIMELINE_HIT_MILESTONE:
      what = describe_milestone (&g_array_index (row->milestones, PathwaysTimelineMilestone, hit->index));
      break;
    case PATHWAYS_TIMELINE_HIT_BIRTHDAY:
      what = describe_birthday (row, hit->index);
      break;
    case PATHWAYS_TIMELINE_HIT_AXIS:
    case PATHWAYS_TIMELINE_HIT_NONE:
    default:
      return NULL;
    }
  return g_strdup_printf ("%s\n%s", row->name, what);
}

/* One sentence for a span, for the screen reader */
static char *
span_sentence (const PathwaysTimelineSpan *s)
{
  g_autofree char *start = uk (s->start_date);
  g_autofree char *end = uk (s->end_date);
  g_autofree char *what = NULL;

  if (s->where != NULL && g_strcmp0 (s->where, s->kind_label) != 0)
    /* Translators: the kind of accommodation, then where: "Council tenancy at Flat 3, Canal House" */
    what = g_strdup_printf (_("%s at %s"), s->kind_label, s->where);
  else
    what = g_strdup (s->kind_label);

  if (s->planned && s->end_date != NULL)
    return g_strdup_printf (_("Planned: %s from %s to %s."), what, start, end);
  if (s->planned)
    return g_strdup_printf (_("Planned: %s from %s."), what, start);
  if (s->end_date == NULL)
    return g_strdup_printf (_("%s since %s, no end planned."), what, start);
  if (s->end_planned)
    return g_strdup_printf (_("%s since %s, planned to end on %s."), what, start, end);
  return g_strdup_printf (_("%s from %s to %s."), what, start, end);
}

static char *
move_sentence (const PathwaysTimelineMove *m)
{
  g_autofree char *date = uk (m->date);
  const char *state = pathways_vocab_label (PATHWAYS_VOCAB_TRANSITION_STATE, m->state);

  if (m->to != NULL)
    /* Translators: a move: "Move on 14/05/2027 to Flat 3, Canal House (proposed)." */
    return g_strdup_printf (_("Move on %s to %s (%s)."), date, m->to, state);
  return g_strdup_printf (_("Move on %s (%s)."), date, state);
}

/**
 * pathways_timeline_describe_item:
 *
 * Returns: (transfer full): one of a row's marks in a sentence, for a
 * screen reader: "Council tenancy at Flat 3, Canal House since
 * 14/05/2027, no end planned."
 */
char *
pathways_timeline_describe_item (const PathwaysTimelineRow  *row,
                                 const PathwaysTimelineItem *item)
{
  g_return_val_if_fail (row != NULL && item != NULL, NULL);

  switch (item->kind)
    {
    case PATHWAYS_TIMELINE_HIT_SPAN:
      g_return_val_if_fail (item->index < row->spans->len, NULL);
      return span_sentence (&g_array_index (row->spans, PathwaysTimelineSpan, item->index));
    case PATHWAYS_TIMELINE_HIT_MOVE:
      g_return_val_if_fail (item->index < row->moves->len, NULL);
      return move_sentence (&g_array_index (row->moves, PathwaysTimelineMove, item->index));
    case PATHWAYS_TIMELINE_HIT_MILESTONE:
      {
        const PathwaysTimelineMilestone *m;
        g_autofree char *due = NULL;

        g_return_val_if_fail (item->index < row->milestones->len, NULL);
        m = &g_array_index (row->milestones, PathwaysTimelineMilestone, item->index);
        due = uk (m->due_date);
        if (m->done_date != NULL)
          {
            g_autofree char *done = uk (m->done_date);
            /* Translators: a milestone, when it was due and when it was done */
            return g_strdup_printf (_("Milestone: %s, due %s, done %s."), m->name, due, done);
          }
        if (m->overdue)
          return g_strdup_printf (_("Milestone: %s, due %s, overdue."), m->name, due);
        return g_strdup_printf (_("Milestone: %s, due %s."), m->name, due);
      }
    case PATHWAYS_TIMELINE_HIT_BIRTHDAY:
      {
        g_autofree char *text = describe_birthday (row, item->index);
        return g_strconcat (text, ".", NULL);
      }
    case PATHWAYS_TIMELINE_HIT_NONE:
    case PATHWAYS_TIMELINE_HIT_AXIS:
    case PATHWAYS_TIMELINE_HIT_HEADER:
    case PATHWAYS_TIMELINE_HIT_NAME:
    case PATHWAYS_TIMELINE_HIT_ROW:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * pathways_timeline_describe_row:
 * @today: the day, to find what the young person is in now; 0: the
 *   current spell
 *
 * Returns: (transfer full): the row in words, for a screen reader:
 * who, where they live now and since when, the next move, the alerts
 */
char *
pathways_timeline_describe_row (const PathwaysTimelineRow *row,
                                guint32                    today)
{
  GString *s;
  const PathwaysTimelineSpan *now = NULL;

  g_return_val_if_fail (row != NULL, NULL);

  s = g_string_new (NULL);
  if (row->age >= 0)
    /* Translators: a young person: name, age, care-leaver status */
    g_string_append_printf (s, _("%s, %d, %s."), row->name, row->age, row->status_label);
  else
    g_string_append_printf (s, _("%s, %s."), row->name, row->status_label);

  for (guint i = 0; i < row->spans->len; i++)
    {
      const PathwaysTimelineSpan *sp = &g_array_index (row->spans, PathwaysTimelineSpan, i);

      if (today != 0 ? (!sp->planned && sp->start <= today && (sp->end == 0 || sp->end >= today))
                     : g_strcmp0 (sp->state, "current") == 0)
        now = sp;
    }
  g_string_append_c (s, ' ');
  if (now != NULL)
    {
      g_autofree char *text = span_sentence (now);
      g_string_append (s, text);
    }
  else
    g_string_append (s, _("No current accommodation recorded."));

  for (guint i = 0; i < row->moves->len; i++)
    {
      const PathwaysTimelineMove *m = &g_array_index (row->moves, PathwaysTimelineMove, i);

      if (g_strcmp0 (m->state, "done") != 0)
        {
          g_autofree char *text = move_sentence (m);
          g_string_append_printf (s, " %s", text);
          break;
        }
    }
  if (row->alert_count > 0)
    {
      g_string_append_c (s, ' ');
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%d alert.", "%d alerts.", row->alert_count),
                              row->alert_count);
    }
  return g_string_free (s, FALSE);
}

/* Pages */

struct _PathwaysTimelinePages
{
  PathwaysTimelineFrame  frame;      /* in frame units; scaled when drawn */
  PangoFontDescription  *font;
  GArray                *lines;
  GPtrArray             *pages;      /* GArray of PathwaysTimelineLine, each */
  double                 page_width;
  double                 page_height;
  double                 scale;
  char                  *title;
  char                  *subtitle;
};

#define PAGE_MARGIN  28.0
#define TITLE_HEIGHT 40.0
#define LEGEND_HEIGHT 40.0   /* two lines of it */
#define FOOTER_HEIGHT 18.0

/**
 * pathways_timeline_pages_new:
 * @page_width: in the units of the surface drawn on (points for PDF)
 *
 * Returns: (transfer full): the pages
 */
PathwaysTimelinePages *
pathways_timeline_pages_new (const PathwaysTimelineFrame *frame,
                             GArray                      *lines,
                             double                       page_width,
                             double                       page_height,
                             const char                  *title,
                             const char                  *subtitle)
{
  PathwaysTimelinePages *p = g_new0 (PathwaysTimelinePages, 1);
  double avail;
  guint per_page;
  guint i = 0;
  const char *group = NULL;

  g_return_val_if_fail (frame != NULL, p);
  g_return_val_if_fail (lines != NULL, p);

  p->frame = *frame;
  p->font = frame->font ? pango_font_description_copy (frame->font) : NULL;
  p->frame.font = p->font;
  p->frame.hover_line = -1;
  p->frame.focus_line = -1;
  p->frame.dark = FALSE;
  p->frame.scroll_y = 0;
  p->lines = g_array_ref (lines);
  p->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  p->page_width = page_width;
  p->page_height = page_height;
  p->title = g_strdup (title);
  p->subtitle = g_strdup (subtitle);
  p->scale = (page_width - 2 * PAGE_MARGIN) / frame->width;

  avail = (page_height - 2 * PAGE_MARGIN - TITLE_HEIGHT - LEGEND_HEIGHT - FOOTER_HEIGHT) / p->scale;
  per_page = (guint) MAX (1, floor ((avail - frame->header_height) / frame->row_height));

  do
    {
      GArray *page = g_array_new (FALSE, TRUE, sizeof (PathwaysTimelineLine));

      /* The group goes on from the page before: say whose it is */
      if (i < lines->len && group != NULL && g_array_index (lines, PathwaysTimelineLine, i).row != NULL &&
          per_page > 1)
        {
          PathwaysTimelineLine cont = { NULL, group, 0 };
          g_array_append_val (page, cont);
        }
      while (i < lines->len && page->len < per_page)
        {
          const PathwaysTimelineLine *l = &g_array_index (lines, PathwaysTimelineLine, i);

          /* No group header alone at the foot of a page */
          if (l->row == NULL && page->len + 1 == per_page && per_page > 2)
            break;
          if (l->row == NULL)
            group = l->header;
          g_array_append_val (page, *l);
          i++;
        }
      g_ptr_array_add (p->pages, page);
    }
  while (i < lines->len);

  return p;
}

guint
pathways_timeline_pages_get_n_pages (PathwaysTimelinePages *p)
{
  g_return_val_if_fail (p != NULL, 0);
  return p->pages->len;
}

void
pathways_timeline_pages_draw (PathwaysTimelinePages *p,
                              cairo_t               *cr,
                              guint                  page)
{
  GArray *lines;
  PathwaysTimelineFrame f;
  PangoLayout *layout;
  PangoFontDescription *desc;
  g_autofree char *footer = NULL;
  int w, h;

  g_return_if_fail (p != NULL);
  g_return_if_fail (page < p->pages->len);

  lines = g_ptr_array_index (p->pages, page);
  f = p->frame;
  f.height = f.header_height + MAX (lines->len, 1) * f.row_height;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  /* Title and subtitle */
  layout = pango_cairo_create_layout (cr);
  desc = p->font ? pango_font_description_copy (p->font) : pango_font_description_from_string ("Sans 10");
  pango_font_description_set_size (desc, 14 * PANGO_SCALE);
  pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, p->title ? p->title : "", -1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, PAGE_MARGIN, PAGE_MARGIN);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_set_size (desc, 9 * PANGO_SCALE);
  pango_font_description_set_weight (desc, PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, p->subtitle ? p->subtitle : "", -1);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.7);
  cairo_move_to (cr, PAGE_MARGIN, PAGE_MARGIN + 22);
  pango_cairo_show_layout (cr, layout);

  /* Footer: page numbers */
  /* Translators: at the foot of each printed page */
  footer = g_strdup_printf (_("Page %u of %u"), page + 1, p->pages->len);
  pango_layout_set_text (layout, footer, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, p->page_width - PAGE_MARGIN - w, p->page_height - PAGE_MARGIN - h);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (desc);
  g_object_unref (layout);

  /* Legend, then the rows at scale */
  cairo_save (cr);
  cairo_translate (cr, PAGE_MARGIN, PAGE_MARGIN + TITLE_HEIGHT);
  cairo_scale (cr, p->scale, p->scale);
  pathways_timeline_render_legend (cr, &f, 0, 0, f.width);
  cairo_translate (cr, 0, LEGEND_HEIGHT / p->scale);
  pathways_timeline_render (cr, &f, lines, NULL);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.2);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, 0.5, 0.5, f.width - 1, f.height - 1);
  cairo_stroke (cr);
  cairo_restore (cr);

  cairo_restore (cr);
}

void
pathways_timeline_pages_free (PathwaysTimelinePages *p)
{
  if (p == NULL)
    return;
  g_ptr_array_unref (p->pages);
  g_array_unref (p->lines);
  g_clear_pointer (&p->font, pango_font_description_free);
  g_free (p->title);
  g_free (p->subtitle);
  g_free (p);
}

/* Export */

/* Exports name young people: written through a private (0600) temporary
 * file that replaces @path only once it is complete (pathways-file.h) */
typedef struct {
  PathwaysSafeFile *file;
  GError           *error;
} Sink;

static cairo_status_t
sink_write_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error == NULL && !pathways_safe_file_write (sink->file, data, length, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return sink->error ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

static gboolean
cairo_error (cairo_status_t   status,
             Sink            *sink,
             GError         **error)
{
  g_autofree char *name = g_filename_display_basename (pathways_safe_file_get_path (sink->file));

  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (status == CAIRO_STATUS_SUCCESS)
    return pathways_safe_file_commit (sink->file, error);
  /* Translators: %s is a file name, then the reason */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), name,
               cairo_status_to_string (status));
  return FALSE;
}

gboolean
pathways_timeline_export_png (const PathwaysTimelineFrame *frame,
                              GArray                      *lines,
                              double                       scale,
                              const char                  *path,
                              GError                     **error)
{
  g_autoptr(PathwaysSafeFile) file = NULL;
  Sink sink = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  PathwaysTimelineFrame f;

  g_return_val_if_fail (frame != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((sink.file = file = pathways_safe_file_new (path, error)) == NULL)
    return FALSE;
  f = *frame;
  f.hover_line = -1;
  f.focus_line = -1;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (f.width * scale),
                                        (int) ceil (f.height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  pathways_timeline_render (cr, &f, lines, NULL);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, sink_write_cb, &sink);
  cairo_surface_destroy (surface);
  return cairo_error (status, &sink, error);
}

/* A4 landscape, in points */
#define A4_LONG  841.89
#define A4_SHORT 595.28

gboolean
pathways_timeline_export_pdf (const PathwaysTimelineFrame *frame,
                              GArray                      *lines,
                              const char                  *title,
                              const char                  *subtitle,
                              const char                  *path,
                              GError                     **error)
{
  g_autoptr(PathwaysTimelinePages) pages = NULL;
  g_autoptr(PathwaysSafeFile) file = NULL;
  Sink sink = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (frame != NULL, FALSE);
  g_return_val_if_fail (lines != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((sink.file = file = pathways_safe_file_new (path, error)) == NULL)
    return FALSE;
  surface = cairo_pdf_surface_create_for_stream (sink_write_cb, &sink, A4_LONG, A4_SHORT);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return cairo_error (status, &sink, error);
    }
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pathways");

  pages = pathways_timeline_pages_new (frame, lines, A4_LONG, A4_SHORT, title, subtitle);
  cr = cairo_create (surface);
  for (guint i = 0; i < pathways_timeline_pages_get_n_pages (pages); i++)
    {
      pathways_timeline_pages_draw (pages, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return cairo_error (status, &sink, error);
}
