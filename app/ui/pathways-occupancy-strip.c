/* pathways-occupancy-strip.c — who lives in a unit, over time
 *
 * A time axis (a window of months around today) with one bar for each
 * stay, void or offline period: past occupants grey, the current one in
 * blue, bookings (reservations) in green, voids orange and offline red.
 * Bars that overlap go on lanes of their own, so a double booking shows
 * as two bars one above the other.  Hovering a bar tells what it is; the
 * same sentences are the strip's accessible description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-occupancy-strip"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pathways-core.h"

#include "pathways-occupancy-strip.h"

#define LANE_HEIGHT 26
#define LANE_GAP    4
#define AXIS_HEIGHT 20
#define MIN_WIDTH   240

struct _PathwaysOccupancyStrip
{
  GtkWidget parent_instance;

  char      *from;
  char      *to;
  char      *today;
  GPtrArray *segments;  /* PathwaysOccupancySegment* */
  GArray    *lanes;     /* guint per segment */
  guint      n_lanes;
};

G_DEFINE_FINAL_TYPE (PathwaysOccupancyStrip, pathways_occupancy_strip, GTK_TYPE_WIDGET)

/* Segments */

PathwaysOccupancySegment *
pathways_occupancy_segment_new (PathwaysOccupancyKind  kind,
                                const char            *label,
                                const char            *start,
                                const char            *end)
{
  PathwaysOccupancySegment *segment = g_new0 (PathwaysOccupancySegment, 1);

  segment->kind = kind;
  segment->label = g_strdup (label);
  segment->start = g_strdup (start);
  segment->end = g_strdup (end);
  return segment;
}

void
pathways_occupancy_segment_free (PathwaysOccupancySegment *segment)
{
  if (segment == NULL)
    return;
  g_free (segment->label);
  g_free (segment->start);
  g_free (segment->end);
  g_free (segment);
}

/**
 * pathways_occupancy_segment_describe:
 *
 * Returns: a sentence saying what the segment is, with UK dates
 */
char *
pathways_occupancy_segment_describe (const PathwaysOccupancySegment *segment)
{
  g_autofree char *start = pathways_date_format_uk (segment->start);
  g_autofree char *end = segment->end ? pathways_date_format_uk (segment->end) : NULL;
  const char *who = segment->label ? segment->label : "";

  switch (segment->kind)
    {
    case PATHWAYS_OCCUPANCY_PAST:
      /* Translators: a past occupant of a unit, from and to dates */
      return g_strdup_printf (_("%s lived here from %s to %s"), who, start, end ? end : "");
    case PATHWAYS_OCCUPANCY_CURRENT:
      if (end != NULL)
        /* Translators: the current occupant, since a date, leaving on a date */
        return g_strdup_printf (_("%s has lived here since %s and is due to leave on %s"), who, start, end);
      return g_strdup_printf (_("%s has lived here since %s"), who, start);
    case PATHWAYS_OCCUPANCY_PLANNED:
      if (end != NULL)
        return g_strdup_printf (_("Reserved for %s from %s to %s"), who, start, end);
      return g_strdup_printf (_("Reserved for %s from %s"), who, start);
    case PATHWAYS_OCCUPANCY_VOID:
      if (end != NULL)
        /* Translators: a void period of a unit, with its reason */
        return g_strdup_printf (_("Void from %s to %s: %s"), start, end, who);
      return g_strdup_printf (_("Void from %s: %s"), start, who);
    case PATHWAYS_OCCUPANCY_OFFLINE:
    default:
      if (end != NULL)
        return g_strdup_printf (_("Offline from %s to %s: %s"), start, end, who);
      return g_strdup_printf (_("Offline from %s: %s"), start, who);
    }
}

/* Helpers */

static int
compare_segments (gconstpointer a,
                  gconstpointer b)
{
  const PathwaysOccupancySegment *x = *(PathwaysOccupancySegment * const *) a;
  const PathwaysOccupancySegment *y = *(PathwaysOccupancySegment * const *) b;

  return g_strcmp0 (x->start, y->start);
}

/* Each segment on the first lane where it overlaps nothing */
static void
assign_lanes (PathwaysOccupancyStrip *self)
{
  g_autoptr(GPtrArray) lane_ends = g_ptr_array_new ();  /* borrowed end dates; NULL: open */

  g_array_set_size (self->lanes, 0);
  self->n_lanes = 0;
  if (self->segments == NULL)
    return;

  for (guint i = 0; i < self->segments->len; i++)
    {
      const PathwaysOccupancySegment *s = g_ptr_array_index (self->segments, i);
      guint lane;

      for (lane = 0; lane < lane_ends->len; lane++)
        {
          const char *end = g_ptr_array_index (lane_ends, lane);
          if (end != NULL && strcmp (end, s->start) <= 0)
            break;
        }
      if (lane == lane_ends->len)
        g_ptr_array_add (lane_ends, NULL);
      lane_ends->pdata[lane] = s->end;
      g_array_append_val (self->lanes, lane);
    }
  self->n_lanes = lane_ends->len;
}

static double
x_for_date (PathwaysOccupancyStrip *self,
            const char             *date,
            double                  width)
{
  int total = pathways_date_days_between (self->from, self->to);
  int days;

  if (date == NULL)
    return width;
  days = pathways_date_days_between (self->from, date);
  if (total <= 0)
    return 0;
  return CLAMP ((double) days / total, 0.0, 1.0) * width;
}

static void
segment_colour (PathwaysOccupancyKind  kind,
                GdkRGBA               *fill,
                GdkRGBA               *text)
{
  /* The Adwaita palette */
  switch (kind)
    {
    case PATHWAYS_OCCUPANCY_PAST:
      gdk_rgba_parse (fill, "rgba(154,153,150,0.55)");
      gdk_rgba_parse (text, "#241f31");
      break;
    case PATHWAYS_OCCUPANCY_CURRENT:
      gdk_rgba_parse (fill, "#3584e4");
      gdk_rgba_parse (text, "#ffffff");
      break;
    case PATHWAYS_OCCUPANCY_PLANNED:
      gdk_rgba_parse (fill, "#2ec27e");
      gdk_rgba_parse (text, "#ffffff");
      break;
    case PATHWAYS_OCCUPANCY_VOID:
      gdk_rgba_parse (fill, "#e66100");
      gdk_rgba_parse (text, "#ffffff");
      break;
    case PATHWAYS_OCCUPANCY_OFFLINE:
    default:
      gdk_rgba_parse (fill, "#c01c28");
      gdk_rgba_parse (text, "#ffffff");
      break;
    }
}

static void
update_description (PathwaysOccupancyStrip *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; self->segments && i < self->segments->len; i++)
    {
      g_autofree char *line = pathways_occupancy_segment_describe (g_ptr_array_index (self->segments, i));
      g_string_append_printf (text, "%s%s", text->len ? "\n" : "", line);
    }
  if (text->len == 0)
    g_string_append (text, _("Nobody has lived here in this period"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
  g_string_free (text, TRUE);
}

static int
segment_at (PathwaysOccupancyStrip *self,
            double                  x,
            double                  y)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  for (guint i = 0; self->segments && i < self->segments->len; i++)
    {
      const PathwaysOccupancySegment *s = g_ptr_array_index (self->segments, i);
      guint lane = g_array_index (self->lanes, guint, i);
      double x0 = x_for_date (self, s->start, width);
      double x1 = x_for_date (self, s->end, width);
      double y0 = lane * (LANE_HEIGHT + LANE_GAP);

      if (x >= x0 - 2 && x <= MAX (x1, x0 + 4) + 2 && y >= y0 && y <= y0 + LANE_HEIGHT)
        return (int) i;
    }
  return -1;
}

/* Callbacks */

static gboolean
query_tooltip_cb (PathwaysOccupancyStrip *self,
                  int                     x,
                  int                     y,
                  gboolean                keyboard,
                  GtkTooltip             *tooltip,
                  gpointer                user_data)
{
  int i = segment_at (self, x, y);
  g_autofree char *text = NULL;

  if (i < 0)
    return FALSE;
  text = pathways_occupancy_segment_describe (g_ptr_array_index (self->segments, i));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* GtkWidget overrides */

static void
pathways_occupancy_strip_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  PathwaysOccupancyStrip *self = PATHWAYS_OCCUPANCY_STRIP (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = 720;
    }
  else
    {
      guint lanes = MAX (self->n_lanes, 1);
      *minimum = *natural = lanes * LANE_HEIGHT + (lanes - 1) * LANE_GAP + AXIS_HEIGHT + 4;
    }
}

static void
draw_text (GtkSnapshot    *snapshot,
           PangoLayout    *layout,
           double          x,
           double          y,
           const GdkRGBA  *colour)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

static void
pathways_occupancy_strip_snapshot (GtkWidget   *widget,
                                   GtkSnapshot *snapshot)
{
  PathwaysOccupancyStrip *self = PATHWAYS_OCCUPANCY_STRIP (widget);
  double width = gtk_widget_get_width (widget);
  guint lanes = MAX (self->n_lanes, 1);
  double track_height = lanes * LANE_HEIGHT + (lanes - 1) * LANE_GAP;
  g_autoptr(PangoLayout) layout = NULL;
  GtkStyleContext *style;
  GdkRGBA fg, faint, today_colour;
  GDate month;

  if (self->from == NULL || self->to == NULL || width <= 0)
    return;

  style = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (style, &fg);
  faint = fg;
  faint.alpha = 0.08;
  gdk_rgba_parse (&today_colour, "#1c71d8");
  layout = gtk_widget_create_pango_layout (widget, NULL);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  /* The empty track */
  {
    GskRoundedRect track;
    gsk_rounded_rect_init_from_rect (&track, &GRAPHENE_RECT_INIT (0, 0, width, track_height), 6);
    gtk_snapshot_push_rounded_clip (snapshot, &track);
    gtk_snapshot_append_color (snapshot, &faint, &track.bounds);
    gtk_snapshot_pop (snapshot);
  }

  /* Month ticks, labelled where there is room */
  if (pathways_date_parse_iso (self->from, &month))
    {
      GdkRGBA tick = fg;
      double last_label_end = -1;

      tick.alpha = 0.25;
      g_date_set_day (&month, 1);
      for (int guard = 0; guard < 120; guard++)
        {
          g_autofree char *iso = NULL;
          char name[32];
          double x;
          int lw, lh;

          g_date_add_months (&month, 1);
          iso = pathways_date_to_iso (&month);
          if (strcmp (iso, self->to) >= 0)
            break;
          x = x_for_date (self, iso, width);
          gtk_snapshot_append_color (snapshot, &tick, &GRAPHENE_RECT_INIT (x, 0, 1, track_height + 4));

          /* January carries its year */
          g_date_strftime (name, sizeof name, g_date_get_month (&month) == G_DATE_JANUARY ? "%b %Y" : "%b",
                           &month);
          pango_layout_set_width (layout, -1);
          pango_layout_set_text (layout, name, -1);
          pango_layout_get_pixel_size (layout, &lw, &lh);
          if (x - lw / 2.0 > last_label_end + 6 && x + lw / 2.0 < width)
            {
              GdkRGBA dim = fg;
              dim.alpha = 0.6;
              draw_text (snapshot, layout, x - lw / 2.0, track_height + 4, &dim);
              last_label_end = x + lw / 2.0;
            }
        }
    }

  /* The bars */
  for (guint i = 0; self->segments && i < self->segments->len; i++)
    {
      const PathwaysOccupancySegment *s = g_ptr_array_index (self->segments, i);
      guint lane = g_array_index (self->lanes, guint, i);
      double x0 = x_for_date (self, s->start, width);
      double x1 = x_for_date (self, s->end, width);
      double y0 = lane * (LANE_HEIGHT + LANE_GAP);
      GdkRGBA fill, text;
      GskRoundedRect rect;

      if (x1 - x0 < 3)
        {
          if (s->end != NULL && strcmp (s->end, self->from) <= 0)
            continue;  /* before the window */
          x1 = x0 + 3;
        }
      segment_colour (s->kind, &fill, &text);
      gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x0 + 1, y0, x1 - x0 - 2, LANE_HEIGHT), 5);
      gtk_snapshot_push_rounded_clip (snapshot, &rect);
      gtk_snapshot_append_color (snapshot, &fill, &rect.bounds);

      /* Bookings are striped, so they read as "not yet" even without colour */
      if (s->kind == PATHWAYS_OCCUPANCY_PLANNED)
        {
          GdkRGBA stripe = { 1, 1, 1, 0.25 };
          for (double sx = x0 - LANE_HEIGHT; sx < x1; sx += 12)
            for (int k = 0; k < LANE_HEIGHT; k += 2)
              gtk_snapshot_append_color (snapshot, &stripe,
                                         &GRAPHENE_RECT_INIT (sx + k, y0 + k, 4, 2));
        }

      if (x1 - x0 > 40 && s->label != NULL)
        {
          int lw, lh;
          pango_layout_set_width (layout, (int) ((x1 - x0 - 12) * PANGO_SCALE));
          pango_layout_set_text (layout, s->label, -1);
          pango_layout_get_pixel_size (layout, &lw, &lh);
          draw_text (snapshot, layout, x0 + 6, y0 + (LANE_HEIGHT - lh) / 2.0, &text);
        }
      gtk_snapshot_pop (snapshot);
    }

  /* Today */
  if (self->today != NULL && strcmp (self->today, self->from) > 0 && strcmp (self->today, self->to) < 0)
    {
      double x = x_for_date (self, self->today, width);
      gtk_snapshot_append_color (snapshot, &today_colour,
                                 &GRAPHENE_RECT_INIT (x - 1, -2, 2, track_height + 6));
    }
}

/* GObject overrides */

static void
pathways_occupancy_strip_finalize (GObject *object)
{
  PathwaysOccupancyStrip *self = PATHWAYS_OCCUPANCY_STRIP (object);

  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_clear_pointer (&self->lanes, g_array_unref);

  G_OBJECT_CLASS (pathways_occupancy_strip_parent_class)->finalize (object);
}

static void
pathways_occupancy_strip_class_init (PathwaysOccupancyStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pathways_occupancy_strip_finalize;

  widget_class->measure = pathways_occupancy_strip_measure;
  widget_class->snapshot = pathways_occupancy_strip_snapshot;

  gtk_widget_class_set_css_name (widget_class, "occupancystrip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pathways_occupancy_strip_init (PathwaysOccupancyStrip *self)
{
  self->lanes = g_array_new (FALSE, FALSE, sizeof (guint));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Occupancy over time"),
                                  -1);
  update_description (self);
}

/* Public API */

GtkWidget *
pathways_occupancy_strip_new (void)
{
  return g_object_new (PATHWAYS_TYPE_OCCUPANCY_STRIP, NULL);
}

/**
 * pathways_occupancy_strip_set_range:
 * @from: the first day shown (ISO)
 * @to: the day after the last one shown (ISO)
 * @today: (nullable): where to draw the "today" line
 */
void
pathways_occupancy_strip_set_range (PathwaysOccupancyStrip *self,
                                    const char             *from,
                                    const char             *to,
                                    const char             *today)
{
  g_return_if_fail (PATHWAYS_IS_OCCUPANCY_STRIP (self));
  g_return_if_fail (from != NULL && to != NULL);

  g_free (self->from);
  self->from = g_strdup (from);
  g_free (self->to);
  self->to = g_strdup (to);
  g_free (self->today);
  self->today = g_strdup (today);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * pathways_occupancy_strip_set_segments:
 * @segments: (nullable) (element-type PathwaysOccupancySegment): what to
 *   show; the strip keeps a reference and sorts it by start date
 */
void
pathways_occupancy_strip_set_segments (PathwaysOccupancyStrip *self,
                                       GPtrArray              *segments)
{
  g_return_if_fail (PATHWAYS_IS_OCCUPANCY_STRIP (self));

  g_clear_pointer (&self->segments, g_ptr_array_unref);
  if (segments != NULL)
    {
      self->segments = g_ptr_array_ref (segments);
      g_ptr_array_sort (self->segments, compare_segments);
    }
  assign_lanes (self);
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
pathways_occupancy_strip_get_n_segments (PathwaysOccupancyStrip *self)
{
  g_return_val_if_fail (PATHWAYS_IS_OCCUPANCY_STRIP (self), 0);

  return self->segments ? self->segments->len : 0;
}

/**
 * pathways_occupancy_strip_get_segment:
 *
 * Returns: (transfer none): the @index-th segment, by start date
 */
const PathwaysOccupancySegment *
pathways_occupancy_strip_get_segment (PathwaysOccupancyStrip *self,
                                      guint                   index)
{
  g_return_val_if_fail (PATHWAYS_IS_OCCUPANCY_STRIP (self), NULL);
  g_return_val_if_fail (self->segments != NULL && index < self->segments->len, NULL);

  return g_ptr_array_index (self->segments, index);
}
