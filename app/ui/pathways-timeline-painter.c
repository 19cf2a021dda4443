/* pathways-timeline-painter.c — the timeline as render nodes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-timeline-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pathways-timeline-painter.h"

#define TEXTURE_SCALE 2      /* dots and diamonds are drawn at twice their size */
#define MAX_CACHED_ROWS 4000 /* beyond this the row cache starts again */

typedef enum {
  FONT_NORMAL,
  FONT_SMALL,
  FONT_BOLD,
  N_FONTS
} Font;

/* What is kept for one row */
typedef struct {
  GskRenderNode *marks[3];     /* by zoom; x 0 is the frame's first day, y 0 the row's top */
  GskRenderNode *name;         /* the names column's cell */
  double         name_width;   /* … made for this width */
  PangoLayout  **labels;       /* one per span (the unit or the kind), made when first needed */
  int           *label_widths;
  int           *label_heights;
  guint          n_labels;
} RowCache;

struct _PathwaysTimelinePainter
{
  PangoContext            *context;
  PangoFontDescription    *fonts[N_FONTS];
  PangoFontDescription    *font;       /* the frame's font the caches follow; NULL: Sans 10 */
  gboolean                 dark;
  guint32                  first_day;  /* the content origin the row nodes are made for */
  double                   row_height;
  PathwaysTimelinePalette  pal;

  GHashTable              *rows;       /* const PathwaysTimelineRow* → RowCache* */
  GHashTable              *texts;      /* "font:text" → PangoLayout*, for axis, ages, headers */
  GdkTexture              *hatches[PATHWAYS_TIMELINE_N_KINDS + 1];
  GdkTexture              *dots[3];    /* milestones: done, overdue, pending */
  GdkTexture              *diamonds[3]; /* moves: done, confirmed, proposed */
  GdkTexture              *alerts[4];  /* by severity */
  GHashTable              *proposals;  /* (nullable, borrowed) id → PathwaysTimelineProposal* */
};

/* Helpers */

static GdkRGBA
rgba (const double c[4],
      double       alpha)
{
  return (GdkRGBA) { c[0], c[1], c[2], c[3] * alpha };
}

static void
row_cache_free (gpointer data)
{
  RowCache *rc = data;

  for (guint z = 0; z < G_N_ELEMENTS (rc->marks); z++)
    g_clear_pointer (&rc->marks[z], gsk_render_node_unref);
  g_clear_pointer (&rc->name, gsk_render_node_unref);
  for (guint i = 0; i < rc->n_labels; i++)
    g_clear_object (&rc->labels[i]);
  g_free (rc->labels);
  g_free (rc->label_widths);
  g_free (rc->label_heights);
  g_free (rc);
}

static void
clear_textures (PathwaysTimelinePainter *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->hatches); i++)
    g_clear_object (&self->hatches[i]);
  for (guint i = 0; i < G_N_ELEMENTS (self->dots); i++)
    g_clear_object (&self->dots[i]);
  for (guint i = 0; i < G_N_ELEMENTS (self->diamonds); i++)
    g_clear_object (&self->diamonds[i]);
  for (guint i = 0; i < G_N_ELEMENTS (self->alerts); i++)
    g_clear_object (&self->alerts[i]);
}

static void
set_fonts (PathwaysTimelinePainter    *self,
           const PangoFontDescription *base)
{
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->font, pango_font_description_free);

  if (base != NULL)
    self->font = pango_font_description_copy (base);
  for (guint i = 0; i < N_FONTS; i++)
    {
      PangoFontDescription *desc = base ? pango_font_description_copy (base)
                                        : pango_font_description_from_string ("Sans 10");

      /* As the cairo drawing's make_layout() */
      if (i == FONT_SMALL)
        {
          int size = pango_font_description_get_size (desc);

          if (size <= 0)
            size = 10 * PANGO_SCALE;
          if (pango_font_description_get_size_is_absolute (desc))
            pango_font_description_set_absolute_size (desc, size * 0.8);
          else
            pango_font_description_set_size (desc, (int) (size * 0.8));
        }
      else if (i == FONT_BOLD)
        pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
      self->fonts[i] = desc;
    }
}

static PangoLayout *
new_layout (PathwaysTimelinePainter *self,
            Font                     font,
            const char              *text,
            int                      width)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[font]);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (width > 0)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout, width * PANGO_SCALE);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* A short text shaped once: axis labels, ages, group headers */
static PangoLayout *
text_layout (PathwaysTimelinePainter *self,
             Font                     font,
             const char              *text,
             int                     *width,
             int                     *height)
{
  g_autofree char *key = g_strdup_printf ("%d:%s", font, text);
  PangoLayout *layout = g_hash_table_lookup (self->texts, key);

  if (layout == NULL)
    {
      layout = new_layout (self, font, text, -1);
      g_hash_table_insert (self->texts, g_steal_pointer (&key), layout);
    }
  pango_layout_get_pixel_size (layout, width, height);
  return layout;
}

/* Drawn once with cairo at twice the size, then a texture */
typedef void (*PaintFunc) (cairo_t *cr, double size, const double colour[4], const double ring[4]);

static GdkTexture *
paint_texture (int          size,
               PaintFunc    paint,
               const double colour[4],
               const double ring[4])
{
  int px = size * TEXTURE_SCALE;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, px, px);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  cairo_scale (cr, TEXTURE_SCALE, TEXTURE_SCALE);
  paint (cr, size, colour, ring);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * px);
  texture = gdk_memory_texture_new (px, px, GDK_MEMORY_DEFAULT, bytes, cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

static void
paint_dot (cairo_t      *cr,
           double        size,
           const double  colour[4],
           const double  ring[4])
{
  cairo_arc (cr, size / 2, size / 2, PATHWAYS_TIMELINE_DOT_RADIUS, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, colour[0], colour[1], colour[2], colour[3]);
  if (ring == NULL)
    {
      cairo_fill (cr);
      return;
    }
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, ring[0], ring[1], ring[2], ring[3] * 0.7);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
paint_alert (cairo_t      *cr,
             double        size,
             const double  colour[4],
             const double  ring[4])
{
  cairo_arc (cr, size / 2, size / 2, 4, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, colour[0], colour[1], colour[2], colour[3]);
  cairo_fill (cr);
}

static void
paint_diamond (cairo_t      *cr,
               double        size,
               const double  colour[4],
               const double  ring[4])
{
  double c = size / 2, r = PATHWAYS_TIMELINE_MOVE_RADIUS;

  cairo_move_to (cr, c, c - r);
  cairo_line_to (cr, c + r, c);
  cairo_line_to (cr, c, c + r);
  cairo_line_to (cr, c - r, c);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, colour[0], colour[1], colour[2], colour[3]);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, ring[0], ring[1], ring[2], ring[3]);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static void
paint_hatch (cairo_t      *cr,
             double        size,
             const double  colour[4],
             const double  ring[4])
{
  /* The cairo drawing's tile: 45° lines every 6 px */
  cairo_set_source_rgba (cr, colour[0], colour[1], colour[2], 0.75);
  cairo_set_line_width (cr, 1.5);
  for (int i = -1; i <= 1; i++)
    {
      cairo_move_to (cr, i * size, size);
      cairo_line_to (cr, i * size + size, 0);
    }
  cairo_stroke (cr);
}

static void
ensure_textures (PathwaysTimelinePainter *self)
{
  const double *dot_colours[] = { self->pal.done, self->pal.overdue, self->pal.bg };
  double fg85[4] = { self->pal.fg[0], self->pal.fg[1], self->pal.fg[2], self->pal.fg[3] * 0.85 };
  int dot = (int) ceil (2 * PATHWAYS_TIMELINE_DOT_RADIUS + 2);
  int diamond = (int) ceil (2 * PATHWAYS_TIMELINE_MOVE_RADIUS + 2);

  if (self->dots[0] != NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->dots); i++)
    self->dots[i] = paint_texture (dot, paint_dot, dot_colours[i], i == 2 ? self->pal.fg : NULL);
  /* As the cairo drawing: done filled in the text colour, confirmed in
   * the accent colour, proposed outlined in it */
  self->diamonds[0] = paint_texture (diamond, paint_diamond, fg85, self->pal.bg);
  self->diamonds[1] = paint_texture (diamond, paint_diamond, self->pal.accent, self->pal.bg);
  self->diamonds[2] = paint_texture (diamond, paint_diamond, self->pal.bg, self->pal.accent);
  for (guint i = 0; i < G_N_ELEMENTS (self->alerts); i++)
    self->alerts[i] = paint_texture (8, paint_alert, self->pal.severity[i], NULL);
  for (guint k = 0; k < PATHWAYS_TIMELINE_N_KINDS; k++)
    {
      double colour[4];
      int px = PATHWAYS_TIMELINE_HATCH;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, px, px);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GBytes) bytes = NULL;

      /* At 1× so that it tiles exactly as the cairo pattern does */
      pathways_timeline_kind_rgba (k, colour);
      paint_hatch (cr, px, colour, NULL);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                           (gsize) cairo_image_surface_get_stride (surface) * px);
      self->hatches[k] = gdk_memory_texture_new (px, px, GDK_MEMORY_DEFAULT, bytes,
                                                 cairo_image_surface_get_stride (surface));
      cairo_surface_destroy (surface);
    }
}

static void
append_texture (GtkSnapshot *snapshot,
                GdkTexture  *texture,
                double       cx,
                double       cy)
{
  double size = (double) gdk_texture_get_width (texture) / TEXTURE_SCALE;

  gtk_snapshot_append_texture (snapshot, texture,
                               &GRAPHENE_RECT_INIT (cx - size / 2, cy - size / 2, size, size));
}

static void
append_rect (GtkSnapshot  *snapshot,
             const double  colour[4],
             double        alpha,
             double        x,
             double        y,
             double        w,
             double        h)
{
  GdkRGBA c = rgba (colour, alpha);

  if (w <= 0 || h <= 0)
    return;
  gtk_snapshot_append_color (snapshot, &c, &GRAPHENE_RECT_INIT (x, y, w, h));
}

static void
append_layout_at (GtkSnapshot  *snapshot,
                  PangoLayout  *layout,
                  const double  colour[4],
                  double        alpha,
                  double        x,
                  double        y)
{
  GdkRGBA c = rgba (colour, alpha);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &c);
  gtk_snapshot_restore (snapshot);
}

/* The planned part of a bar: a tint, the hatching repeated from one
 * texture, an outline */
static void
append_planned (PathwaysTimelinePainter *self,
                GtkSnapshot             *snapshot,
                PathwaysTimelineKind     kind,
                const double             colour[4],
                double                   x0,
                double                   x1,
                double                   y,
                double                   h)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x0, y, x1 - x0, h);
  GskRoundedRect outline;
  GdkRGBA edge = rgba (colour, 0.75);
  GdkRGBA edges[4] = { edge, edge, edge, edge };
  float widths[4] = { 1.5, 1.5, 1.5, 1.5 };

  if (x1 <= x0)
    return;
  append_rect (snapshot, colour, 0.18, x0, y, x1 - x0, h);
  /* The tiles line up with the content's origin, whatever the bar */
  gtk_snapshot_push_repeat (snapshot, &bounds,
                            &GRAPHENE_RECT_INIT (0, 0, PATHWAYS_TIMELINE_HATCH, PATHWAYS_TIMELINE_HATCH));
  gtk_snapshot_append_texture (snapshot, self->hatches[kind],
                               &GRAPHENE_RECT_INIT (0, 0, PATHWAYS_TIMELINE_HATCH, PATHWAYS_TIMELINE_HATCH));
  gtk_snapshot_pop (snapshot);
  gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, edges);
}

static void
append_tail (GtkSnapshot  *snapshot,
             const double  colour[4],
             double        x0,
             double        x1,
             double        y,
             double        h)
{
  GskColorStop stops[2] = {
    { 0, rgba (colour, 0.8) },
    { 1, rgba (colour, 0) },
  };

  if (x1 <= x0)
    return;
  gtk_snapshot_append_linear_gradient (snapshot, &GRAPHENE_RECT_INIT (x0, y, x1 - x0, h),
                                       &GRAPHENE_POINT_INIT (x0, 0), &GRAPHENE_POINT_INIT (x1, 0), stops, 2);
}

/* The frame the row nodes are made in: the content's origin at 0, the
 * row's top at 0 */
static PathwaysTimelineFrame
content_frame (const PathwaysTimelineFrame *f)
{
  PathwaysTimelineFrame cf = *f;

  cf.names_width = 0;
  cf.scroll_x = 0;
  cf.scroll_y = 0;
  cf.header_height = 0;
  return cf;
}

static const int birthday_ages[PATHWAYS_TIMELINE_N_BIRTHDAYS] = { 18, 21, 25 };

/* A row's bars and marks, whole, at the frame's zoom */
static GskRenderNode *
make_marks (PathwaysTimelinePainter   *self,
            const PathwaysTimelineFrame *f,
            const PathwaysTimelineRow *row)
{
  PathwaysTimelineFrame cf = content_frame (f);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  double rh = f->row_height;
  double y = PATHWAYS_TIMELINE_BAR_INSET, h = rh - 2 * PATHWAYS_TIMELINE_BAR_INSET;

  for (guint i = 0; i < row->spans->len; i++)
    {
      const PathwaysTimelineSpan *s = &g_array_index (row->spans, PathwaysTimelineSpan, i);
      PathwaysTimelineSpanGeometry g;
      double colour[4];
      double right;
      GskRoundedRect clip;

      pathways_timeline_span_geometry (&cf, s, &g);
      pathways_timeline_kind_rgba (s->kind, colour);
      right = MAX (g.planned_end, g.tail_end);
      gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (g.x0, y, right - g.x0, h),
                                       MIN (PATHWAYS_TIMELINE_BAR_RADIUS, (right - g.x0) / 2));
      gtk_snapshot_push_rounded_clip (snapshot, &clip);
      if (s->planned)
        {
          if (g.tail_end > g.planned_end)
            append_tail (snapshot, colour, g.x0, right, y, h);
          else
            append_planned (self, snapshot, s->kind, colour, g.x0, right, y, h);
        }
      else
        {
          append_rect (snapshot, colour, 1, g.x0, y, g.solid_end - g.x0, h);
          if (g.planned_end > g.solid_end)
            append_planned (self, snapshot, s->kind, colour, g.solid_end, g.planned_end, y, h);
          if (g.tail_end > g.planned_end)
            append_tail (snapshot, colour, g.planned_end, g.tail_end, y, h);
        }
      gtk_snapshot_pop (snapshot);
      /* A planned spell with no end: its start outlined */
      if (s->planned && g.tail_end > g.planned_end)
        append_rect (snapshot, colour, 1, g.x0, y, 2, h);
    }

  /* The plan's proposal: a dashed outline, nothing filled */
  if (self->proposals != NULL)
    {
      const PathwaysTimelineProposal *pr = g_hash_table_lookup (self->proposals, &row->id);

      if (pr != NULL)
        {
          double colour[4];
          double x0 = pathways_timeline_frame_day_to_x (&cf, pr->start);
          double x1 = pathways_timeline_frame_day_to_x (&cf, pr->end + 1);
          double t = 1.5;

          pathways_timeline_kind_rgba (pr->kind, colour);
          for (double x = x0; x < x1; x += 7)
            {
              double w = MIN (4, x1 - x);
              append_rect (snapshot, colour, 1, x, y, w, t);
              append_rect (snapshot, colour, 1, x, y + h - t, w, t);
            }
          append_rect (snapshot, colour, 1, x0, y, t, h);
          append_rect (snapshot, colour, 1, x1 - t, y, t, h);
        }
    }

  /* Birthdays: ticks across the row, with the age */
  for (guint b = 0; b < PATHWAYS_TIMELINE_N_BIRTHDAYS; b++)
    {
      g_autofree char *age = NULL;
      PangoLayout *layout;
      double x;
      int w, lh;

      if (row->birthdays[b] == 0)
        continue;
      x = floor (pathways_timeline_frame_day_to_x (&cf, row->birthdays[b])) + 0.5;
      append_rect (snapshot, self->pal.fg, 0.8, x - 0.75, 2, 1.5, rh - 4);
      age = g_strdup_printf ("%d", birthday_ages[b]);
      layout = text_layout (self, FONT_SMALL, age, &w, &lh);
      append_layout_at (snapshot, layout, self->pal.fg, 0.8, x + 2, -2);
    }

  /* Milestones: dots along the bottom */
  for (guint i = 0; i < row->milestones->len; i++)
    {
      const PathwaysTimelineMilestone *m = &g_array_index (row->milestones, PathwaysTimelineMilestone, i);
      int which = m->done_date != NULL ? 0 : m->overdue ? 1 : 2;

      append_texture (snapshot, self->dots[which], pathways_timeline_frame_day_to_x (&cf, m->day), rh - 3);
    }

  /* Moves: diamonds */
  for (guint i = 0; i < row->moves->len; i++)
    {
      const PathwaysTimelineMove *m = &g_array_index (row->moves, PathwaysTimelineMove, i);
      int which = g_strcmp0 (m->state, "done") == 0 ? 0 : g_strcmp0 (m->state, "confirmed") == 0 ? 1 : 2;

      append_texture (snapshot, self->diamonds[which], pathways_timeline_frame_day_to_x (&cf, m->day), rh / 2);
    }

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* The names column's cell: the alert dot, the age, the name */
static GskRenderNode *
make_name (PathwaysTimelinePainter     *self,
           const PathwaysTimelineFrame *f,
           const PathwaysTimelineRow   *row)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  double right = f->names_width - PATHWAYS_TIMELINE_NAMES_PAD;
  double rh = f->row_height;
  g_autoptr(PangoLayout) name = NULL;
  int w, h;

  if (row->alert_count > 0)
    {
      append_texture (snapshot, self->alerts[CLAMP ((int) row->alert_severity, 0, 3)], right - 4, rh / 2);
      right -= 14;
    }
  if (row->age >= 0)
    {
      g_autofree char *age = g_strdup_printf ("%d", row->age);
      PangoLayout *layout = text_layout (self, FONT_NORMAL, age, &w, &h);

      append_layout_at (snapshot, layout, self->pal.fg, 0.55, right - w, (rh - h) / 2);
      right -= w + 8;
    }
  if (right - PATHWAYS_TIMELINE_NAMES_PAD >= 8)
    {
      name = new_layout (self, FONT_NORMAL, row->name, (int) (right - PATHWAYS_TIMELINE_NAMES_PAD));
      pango_layout_get_pixel_size (name, &w, &h);
      append_layout_at (snapshot, name, self->pal.fg, 1, PATHWAYS_TIMELINE_NAMES_PAD, (rh - h) / 2);
    }
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static RowCache *
row_cache (PathwaysTimelinePainter     *self,
           const PathwaysTimelineFrame *f,
           const PathwaysTimelineRow   *row)
{
  RowCache *rc = g_hash_table_lookup (self->rows, row);

  if (rc == NULL)
    {
      if (g_hash_table_size (self->rows) >= MAX_CACHED_ROWS)
        g_hash_table_remove_all (self->rows);
      rc = g_new0 (RowCache, 1);
      rc->n_labels = row->spans->len;
      rc->labels = g_new0 (PangoLayout *, MAX (rc->n_labels, 1));
      rc->label_widths = g_new0 (int, MAX (rc->n_labels, 1));
      rc->label_heights = g_new0 (int, MAX (rc->n_labels, 1));
      g_hash_table_insert (self->rows, (gpointer) row, rc);
    }
  if (rc->marks[f->zoom] == NULL)
    rc->marks[f->zoom] = make_marks (self, f, row);
  if (rc->name == NULL || rc->name_width != f->names_width)
    {
      g_clear_pointer (&rc->name, gsk_render_node_unref);
      rc->name = make_name (self, f, row);
      rc->name_width = f->names_width;
    }
  return rc;
}

static PangoLayout *
span_label (PathwaysTimelinePainter    *self,
            RowCache                   *rc,
            const PathwaysTimelineSpan *s,
            guint                       i,
            int                        *w,
            int                        *h)
{
  if (rc->labels[i] == NULL)
    {
      rc->labels[i] = new_layout (self, FONT_SMALL, s->where ? s->where : s->kind_label, -1);
      pango_layout_get_pixel_size (rc->labels[i], &rc->label_widths[i], &rc->label_heights[i]);
    }
  *w = rc->label_widths[i];
  *h = rc->label_heights[i];
  return rc->labels[i];
}

/* What moves with the viewport in a row: the labels ride along inside
 * the bars while they are in view; and the marks counted as the cairo
 * drawing counts them */
static guint
append_labels (PathwaysTimelinePainter     *self,
               GtkSnapshot                 *snapshot,
               const PathwaysTimelineFrame *f,
               const PathwaysTimelineRow   *row,
               RowCache                    *rc,
               double                       top)
{
  double y = top + PATHWAYS_TIMELINE_BAR_INSET;
  double h = f->row_height - 2 * PATHWAYS_TIMELINE_BAR_INSET;
  double white[4] = { 1, 1, 1, 1 };
  guint n_marks = 0;

  for (guint i = 0; i < row->spans->len; i++)
    {
      const PathwaysTimelineSpan *s = &g_array_index (row->spans, PathwaysTimelineSpan, i);
      PathwaysTimelineSpanGeometry g;
      PangoLayout *layout;
      double lx, rx;
      int w, lh;

      pathways_timeline_span_geometry (f, s, &g);
      if (g.tail_end < f->names_width || g.x0 > f->width)
        continue;
      n_marks++;
      lx = MAX (g.x0, f->names_width) + 4;
      rx = MIN (s->planned ? g.tail_end : g.solid_end, f->width) - 4;
      if (rx - lx < 40)
        continue;
      layout = span_label (self, rc, s, i, &w, &lh);
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (lx, y, rx - lx, h));
      append_layout_at (snapshot, layout, s->planned ? self->pal.fg : white, s->planned ? 0.85 : 1,
                        lx, y + (h - lh) / 2);
      gtk_snapshot_pop (snapshot);
    }
  for (guint b = 0; b < PATHWAYS_TIMELINE_N_BIRTHDAYS; b++)
    {
      double x = pathways_timeline_frame_day_to_x (f, row->birthdays[b]);
      if (row->birthdays[b] != 0 && x >= f->names_width && x <= f->width + 20)
        n_marks++;
    }
  for (guint i = 0; i < row->milestones->len; i++)
    {
      double x = pathways_timeline_frame_day_to_x (f, g_array_index (row->milestones, PathwaysTimelineMilestone, i).day);
      if (x >= f->names_width && x <= f->width)
        n_marks++;
    }
  for (guint i = 0; i < row->moves->len; i++)
    {
      double x = pathways_timeline_frame_day_to_x (f, g_array_index (row->moves, PathwaysTimelineMove, i).day);
      if (x >= f->names_width - PATHWAYS_TIMELINE_MOVE_RADIUS && x <= f->width + PATHWAYS_TIMELINE_MOVE_RADIUS)
        n_marks++;
    }
  return n_marks;
}

static int
tick_month (guint32 day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, day);
  return g_date_get_month (&d);
}

static void
append_grid (PathwaysTimelinePainter     *self,
             GtkSnapshot                 *snapshot,
             const PathwaysTimelineFrame *f)
{
  int step = pathways_timeline_zoom_tier_months (f->zoom);

  guint32 day = pathways_timeline_frame_first_tick (f, step);

  for (guint tick = 0; tick < PATHWAYS_TIMELINE_MAX_TICKS; tick++, day = pathways_timeline_add_months (day, step))
    {
      double x = floor (pathways_timeline_frame_day_to_x (f, day));

      if (x > f->width)
        break;
      append_rect (snapshot, self->pal.fg, tick_month (day) == 1 ? 0.16 : 0.07, x, f->header_height, 1,
                   f->height - f->header_height);
    }
}

static void
append_axis (PathwaysTimelinePainter     *self,
             GtkSnapshot                 *snapshot,
             const PathwaysTimelineFrame *f)
{
  int step = pathways_timeline_zoom_tier_months (f->zoom);
  double tier = f->header_height / 2;
  g_autofree char *today_text = pathways_timeline_today_text (f->today);
  PathwaysTimelineTodayLabel today;
  PangoLayout *today_layout;
  PangoLayout *layout;
  int tw, th, w, h;
  double white[4] = { 1, 1, 1, 1 };
  guint32 day;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, f->width, f->header_height));
  append_rect (snapshot, self->pal.names_bg, 1, 0, 0, f->width, f->header_height);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (f->names_width, 0, f->width - f->names_width,
                                                         f->header_height));
  today_layout = text_layout (self, FONT_SMALL, today_text, &tw, &th);
  pathways_timeline_today_label_place (f, tw, th, &today);

  /* Upper tier: years, beside the Today label */
  day = pathways_timeline_frame_first_tick (f, 12);
  for (guint tick = 0; step < 12 && tick < PATHWAYS_TIMELINE_MAX_TICKS; tick++, day = pathways_timeline_add_months (day, 12))
      {
        double x = pathways_timeline_frame_day_to_x (f, day);
        double next = pathways_timeline_frame_day_to_x (f, pathways_timeline_add_months (day, 12));
        g_autofree char *year = NULL;
        double lx;

        if (x > f->width)
          break;
        append_rect (snapshot, self->pal.fg, 0.25, floor (x), 0, 1, tier);
        year = pathways_timeline_tick_label (day, 12);
        layout = text_layout (self, FONT_BOLD, year, &w, &h);
        if (pathways_timeline_year_label_place (f, &today, x, next, w, &lx))
          append_layout_at (snapshot, layout, self->pal.fg, 0.9, lx, (tier - h) / 2);
      }

  /* Lower tier: months, quarters or years */
  day = pathways_timeline_frame_first_tick (f, step);
  for (guint tick = 0; tick < PATHWAYS_TIMELINE_MAX_TICKS; tick++, day = pathways_timeline_add_months (day, step))
    {
      double x = pathways_timeline_frame_day_to_x (f, day);
      double next = pathways_timeline_frame_day_to_x (f, pathways_timeline_add_months (day, step));
      g_autofree char *label = NULL;

      if (x > f->width)
        break;
      append_rect (snapshot, self->pal.fg, 0.2, floor (x), step == 12 ? 0 : tier, 1,
                   step == 12 ? f->header_height : tier);
      if (next - x - 8 < 8)
        continue;
      label = pathways_timeline_tick_label (day, step);
      layout = text_layout (self, step == 12 ? FONT_BOLD : FONT_NORMAL, label, &w, &h);
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (x + 5, tier, next - x - 8, tier));
      append_layout_at (snapshot, layout, self->pal.fg, 0.7, x + 5, tier + (tier - h) / 2);
      gtk_snapshot_pop (snapshot);
    }

  if (today.shown)
    {
      GskRoundedRect pill;
      GdkRGBA colour = rgba (self->pal.today, 1);

      gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (today.x, today.y, today.width, today.height), 4);
      gtk_snapshot_push_rounded_clip (snapshot, &pill);
      gtk_snapshot_append_color (snapshot, &colour, &pill.bounds);
      gtk_snapshot_pop (snapshot);
      append_layout_at (snapshot, today_layout, white, 1, today.x + 5, today.y + (today.height - th) / 2);
    }
  gtk_snapshot_pop (snapshot);

  /* The corner over the names */
  layout = text_layout (self, FONT_NORMAL, _("Young Person"), &w, &h);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (PATHWAYS_TIMELINE_NAMES_PAD, tier,
                                                         MAX (f->names_width - 2 * PATHWAYS_TIMELINE_NAMES_PAD, 0), tier));
  append_layout_at (snapshot, layout, self->pal.fg, 0.6, PATHWAYS_TIMELINE_NAMES_PAD, tier + (tier - h) / 2);
  gtk_snapshot_pop (snapshot);

  append_rect (snapshot, self->pal.fg, 0.15, 0, f->header_height - 1, f->width, 1);
  gtk_snapshot_pop (snapshot);
}

static void
append_header_line (PathwaysTimelinePainter     *self,
                    GtkSnapshot                 *snapshot,
                    const PathwaysTimelineFrame *f,
                    const PathwaysTimelineLine  *line,
                    double                       top)
{
  g_autofree char *text = NULL;
  PangoLayout *layout;
  int w, h;

  append_rect (snapshot, self->pal.fg, 0.09, 0, top, f->width, f->row_height);
  /* Translators: a group on the timeline: "Alison Bennett — 7 young people" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — %u young person", "%s — %u young people",
                                       line->n_in_group),
                          line->header, line->n_in_group);
  layout = text_layout (self, FONT_BOLD, text, &w, &h);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (PATHWAYS_TIMELINE_NAMES_PAD, top,
                                                         MAX (f->width - 2 * PATHWAYS_TIMELINE_NAMES_PAD, 0),
                                                         f->row_height));
  append_layout_at (snapshot, layout, self->pal.fg, 1, PATHWAYS_TIMELINE_NAMES_PAD, top + (f->row_height - h) / 2);
  gtk_snapshot_pop (snapshot);
}

static void
append_focus (PathwaysTimelinePainter     *self,
              GtkSnapshot                 *snapshot,
              const PathwaysTimelineFrame *f,
              GArray                      *lines)
{
  const PathwaysTimelineLine *line;
  GdkRGBA accent = rgba (self->pal.accent, 1);
  GdkRGBA colours[4] = { accent, accent, accent, accent };
  float widths[4] = { 2, 2, 2, 2 };
  GskRoundedRect ring;
  double top;

  if (f->focus_line < 0 || (guint) f->focus_line >= lines->len)
    return;
  line = &g_array_index (lines, PathwaysTimelineLine, f->focus_line);
  top = pathways_timeline_frame_line_y (f, f->focus_line);
  if (top + f->row_height < f->header_height || top > f->height)
    return;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, f->header_height, f->width, f->height - f->header_height));
  gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (0, top, f->width, f->row_height), 0);
  gtk_snapshot_append_border (snapshot, &ring, widths, colours);
  if (f->focus_item >= 0 && line->row != NULL)
    {
      g_autoptr(GArray) items = pathways_timeline_row_items (line->row);
      PathwaysTimelineRect r;

      if ((guint) f->focus_item < items->len &&
          pathways_timeline_item_rect (f, f->focus_line, line->row,
                                       &g_array_index (items, PathwaysTimelineItem, f->focus_item), &r))
        {
          gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (f->names_width, f->header_height,
                                                                 f->width - f->names_width,
                                                                 f->height - f->header_height));
          gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (r.x - 3, r.y - 3, r.width + 6, r.height + 6), 5);
          gtk_snapshot_append_border (snapshot, &ring, widths, colours);
          gtk_snapshot_pop (snapshot);
        }
    }
  gtk_snapshot_pop (snapshot);
}

/* Public API */

/**
 * pathways_timeline_painter_new:
 * @context: the widget's (it follows the widget's font options)
 *
 * Returns: (transfer full): a painter with empty caches
 */
PathwaysTimelinePainter *
pathways_timeline_painter_new (PangoContext *context)
{
  PathwaysTimelinePainter *self;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  self = g_new0 (PathwaysTimelinePainter, 1);
  self->context = g_object_ref (context);
  self->rows = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, row_cache_free);
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  set_fonts (self, NULL);
  pathways_timeline_palette_init (&self->pal, FALSE);
  return self;
}

void
pathways_timeline_painter_free (PathwaysTimelinePainter *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->rows);
  g_hash_table_unref (self->texts);
  clear_textures (self);
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_object_unref (self->context);
  g_free (self);
}

void
pathways_timeline_painter_set_proposals (PathwaysTimelinePainter *self,
                                         GHashTable              *proposals)
{
  g_return_if_fail (self != NULL);

  self->proposals = proposals;
  pathways_timeline_painter_reset (self);
}

/**
 * pathways_timeline_painter_reset:
 *
 * Forgets every cached node and layout: the timeline's rows are not the
 * ones cached any more.  Font, style and zoom changes are noticed
 * without it.
 */
void
pathways_timeline_painter_reset (PathwaysTimelinePainter *self)
{
  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->rows);
  g_hash_table_remove_all (self->texts);
}

guint
pathways_timeline_painter_get_n_cached_rows (PathwaysTimelinePainter *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->rows);
}

/**
 * pathways_timeline_painter_snapshot:
 * @lines: (element-type PathwaysTimelineLine) (nullable): from pathways_timeline_layout()
 * @stats: (out) (optional): what was drawn
 *
 * The frame at (0, 0), frame->width × frame->height, as the cairo
 * drawing draws it: the lines in view and only those, the names column
 * and the time axis over them.
 */
void
pathways_timeline_painter_snapshot (PathwaysTimelinePainter     *self,
                                    GtkSnapshot                 *snapshot,
                                    const PathwaysTimelineFrame *f,
                                    GArray                      *lines,
                                    PathwaysTimelineRenderStats *stats)
{
  guint first = 0, end = 0, n_marks = 0;
  double tx;

  g_return_if_fail (self != NULL);
  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));
  g_return_if_fail (f != NULL);

  /* What the caches were made for */
  if ((f->font == NULL) != (self->font == NULL) ||
      (f->font != NULL && !pango_font_description_equal (f->font, self->font)))
    {
      set_fonts (self, f->font);
      pathways_timeline_painter_reset (self);
    }
  if (f->dark != self->dark || f->first_day != self->first_day || f->row_height != self->row_height)
    {
      self->dark = f->dark;
      self->first_day = f->first_day;
      self->row_height = f->row_height;
      pathways_timeline_palette_init (&self->pal, f->dark);
      clear_textures (self);
      pathways_timeline_painter_reset (self);
    }
  ensure_textures (self);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, f->width, f->height));
  append_rect (snapshot, self->pal.bg, 1, 0, 0, f->width, f->height);
  if (lines != NULL)
    pathways_timeline_frame_visible_lines (f, lines->len, &first, &end);

  /* Row backgrounds */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, f->header_height, f->width, f->height - f->header_height));
  for (guint i = first; i < end; i++)
    {
      double top = pathways_timeline_frame_line_y (f, i);

      if ((int) i == f->hover_line)
        append_rect (snapshot, self->pal.accent, 0.10, 0, top, f->width, f->row_height);
      else if (i % 2 == 1)
        append_rect (snapshot, self->pal.fg, 0.025, 0, top, f->width, f->row_height);
    }
  gtk_snapshot_pop (snapshot);

  /* The time area: grid, each row's cached marks translated into place,
   * the labels riding along, today */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (f->names_width, f->header_height, f->width - f->names_width,
                                                         f->height - f->header_height));
  append_grid (self, snapshot, f);
  for (guint i = first; i < end; i++)
    {
      const PathwaysTimelineLine *line = &g_array_index (lines, PathwaysTimelineLine, i);
      double top = pathways_timeline_frame_line_y (f, i);
      RowCache *rc;

      if (line->row == NULL)
        continue;
      rc = row_cache (self, f, line->row);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (pathways_timeline_frame_day_to_x (f, f->first_day), top));
      gtk_snapshot_append_node (snapshot, rc->marks[f->zoom]);
      gtk_snapshot_restore (snapshot);
      n_marks += append_labels (self, snapshot, f, line->row, rc, top);
    }
  tx = floor (pathways_timeline_frame_day_to_x (f, f->today)) + 0.5;
  append_rect (snapshot, self->pal.today, 0.9, tx - 1, f->header_height, 2, f->height - f->header_height);
  gtk_snapshot_pop (snapshot);

  /* The names column and the group headers */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, f->header_height, f->width, f->height - f->header_height));
  append_rect (snapshot, self->pal.names_bg, 1, 0, f->header_height, f->names_width, f->height - f->header_height);
  for (guint i = first; i < end; i++)
    {
      const PathwaysTimelineLine *line = &g_array_index (lines, PathwaysTimelineLine, i);
      double top = pathways_timeline_frame_line_y (f, i);

      if ((int) i == f->hover_line && line->row != NULL)
        append_rect (snapshot, self->pal.accent, 0.10, 0, top, f->names_width, f->row_height);
      if (line->row == NULL)
        append_header_line (self, snapshot, f, line, top);
      else
        {
          RowCache *rc = row_cache (self, f, line->row);

          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, top));
          gtk_snapshot_append_node (snapshot, rc->name);
          gtk_snapshot_restore (snapshot);
        }
    }
  append_rect (snapshot, self->pal.fg, 0.15, f->names_width - 1, f->header_height, 1, f->height - f->header_height);
  gtk_snapshot_pop (snapshot);

  if (lines != NULL)
    append_focus (self, snapshot, f, lines);
  append_axis (self, snapshot, f);
  gtk_snapshot_pop (snapshot);

  if (stats != NULL)
    {
      stats->first_line = first;
      stats->n_lines_drawn = end - first;
      stats->n_marks_drawn = n_marks;
      stats->height = f->height;
      stats->header_height = f->header_height;
      stats->row_height = f->row_height;
    }
}
