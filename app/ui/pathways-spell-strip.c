/* pathways-spell-strip.c — a young person's accommodation on one line
 *
 * Past, current and planned spells as bars along a time axis, coloured
 * by kind of accommodation; planned ones are outlined.  A line marks
 * today.  The list under it carries the same facts as text, so the strip
 * is a picture of the list and says so to screen readers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-spell-strip"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <adwaita.h>

#include "pathways-spell-strip.h"
#include "pathways-timeline.h"
#include "pathways-timeline-render.h"

#define BAR_HEIGHT 22
#define AXIS_HEIGHT 16

typedef struct {
  int    start;   /* days from the first day shown */
  int    end;
  PathwaysTimelineKind kind;
  char  *tooltip;
  gboolean planned;
} Bar;

struct _PathwaysSpellStrip
{
  GtkWidget parent_instance;

  GArray *bars;
  int     n_days;
  int     today;
  char   *first_day;
};

G_DEFINE_FINAL_TYPE (PathwaysSpellStrip, pathways_spell_strip, GTK_TYPE_WIDGET)

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->tooltip);
}

/* The timeline's colours, so that a spell looks the same on both */
static GdkRGBA
colour_for (PathwaysTimelineKind kind)
{
  double c[4];

  pathways_timeline_kind_rgba (kind, c);
  return (GdkRGBA) { c[0], c[1], c[2], c[3] };
}

static int
x_for_day (PathwaysSpellStrip *self,
           int                 day,
           int                 width)
{
  if (self->n_days <= 0)
    return 0;
  return (int) ((double) CLAMP (day, 0, self->n_days) * width / self->n_days);
}

static void
pathways_spell_strip_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 600;
    }
  else
    *minimum = *natural = BAR_HEIGHT + AXIS_HEIGHT + 4;
}

static void
pathways_spell_strip_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  PathwaysSpellStrip *self = PATHWAYS_SPELL_STRIP (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA line;
  GskRoundedRect track;

  gdk_rgba_parse (&line, "rgba(128,128,128,0.25)");
  gsk_rounded_rect_init_from_rect (&track, &GRAPHENE_RECT_INIT (0, 0, width, BAR_HEIGHT), 6);
  gtk_snapshot_push_rounded_clip (snapshot, &track);
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, 0, width, BAR_HEIGHT));
  gtk_snapshot_pop (snapshot);

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      int x0 = x_for_day (self, bar->start, width);
      int x1 = MAX (x_for_day (self, bar->end, width), x0 + 4);
      GdkRGBA colour = colour_for (bar->kind);
      GskRoundedRect rect;

      gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x0 + 1, 1, x1 - x0 - 2, BAR_HEIGHT - 2), 5);
      if (bar->planned)
        {
          const GdkRGBA colours[4] = { colour, colour, colour, colour };
          const float widths[4] = { 2, 2, 2, 2 };
          GdkRGBA faint = colour;

          /* Hatched, as the timeline draws a plan */
          const GskColorStop stops[4] = {
            { 0.0f, colour }, { 0.35f, colour }, { 0.35f, faint }, { 1.0f, faint },
          };

          faint.alpha = 0.15f;
          gtk_snapshot_push_rounded_clip (snapshot, &rect);
          gtk_snapshot_append_repeating_linear_gradient (snapshot, &rect.bounds,
                                                         &GRAPHENE_POINT_INIT (x0, 0),
                                                         &GRAPHENE_POINT_INIT (x0 + 6, 6),
                                                         stops, G_N_ELEMENTS (stops));
          gtk_snapshot_pop (snapshot);
          gtk_snapshot_append_border (snapshot, &rect, widths, colours);
        }
      else
        {
          gtk_snapshot_push_rounded_clip (snapshot, &rect);
          gtk_snapshot_append_color (snapshot, &colour, &rect.bounds);
          gtk_snapshot_pop (snapshot);
        }
    }

  /* Today */
  if (self->n_days > 0)
    {
      GdkRGBA marker;
      PangoLayout *layout;
      int x = x_for_day (self, self->today, width);
      int lw, lh;
      g_autofree char *first = pathways_date_format_uk (self->first_day);
      g_autofree char *last_iso = pathways_date_add_days (self->first_day, self->n_days);
      g_autofree char *last = pathways_date_format_uk (last_iso);

      {
        PathwaysTimelinePalette pal;

        /* Today in the timeline's colour */
        pathways_timeline_palette_init (&pal, adw_style_manager_get_dark (adw_style_manager_get_default ()));
        marker = (GdkRGBA) { pal.today[0], pal.today[1], pal.today[2], pal.today[3] };
      }
      gtk_snapshot_append_color (snapshot, &marker, &GRAPHENE_RECT_INIT (x - 1, 0, 2, BAR_HEIGHT + 4));

      /* The span, at each end of the axis, and "Today" at the marker */
      gdk_rgba_parse (&marker, "rgba(128,128,128,1)");
      layout = gtk_widget_create_pango_layout (widget, first);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, BAR_HEIGHT + 3));
      gtk_snapshot_append_layout (snapshot, layout, &marker);
      gtk_snapshot_restore (snapshot);

      pango_layout_set_text (layout, last, -1);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width - lw, BAR_HEIGHT + 3));
      gtk_snapshot_append_layout (snapshot, layout, &marker);
      gtk_snapshot_restore (snapshot);

      pango_layout_set_text (layout, _("Today"), -1);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (CLAMP (x - lw / 2, lw + 40, width - 2 * lw - 40),
                                                              BAR_HEIGHT + 3));
      gtk_snapshot_append_layout (snapshot, layout, &marker);
      gtk_snapshot_restore (snapshot);
      g_object_unref (layout);
    }
}

static gboolean
pathways_spell_strip_query_tooltip (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard,
                                    GtkTooltip *tooltip)
{
  PathwaysSpellStrip *self = PATHWAYS_SPELL_STRIP (widget);
  int width = gtk_widget_get_width (widget);

  for (int i = (int) self->bars->len - 1; i >= 0; i--)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      int x0 = x_for_day (self, bar->start, width);
      int x1 = MAX (x_for_day (self, bar->end, width), x0 + 4);

      if (x >= x0 && x <= x1 && y <= BAR_HEIGHT)
        {
          gtk_tooltip_set_text (tooltip, bar->tooltip);
          return TRUE;
        }
    }
  return FALSE;
}

static void
pathways_spell_strip_finalize (GObject *object)
{
  PathwaysSpellStrip *self = PATHWAYS_SPELL_STRIP (object);

  g_array_unref (self->bars);
  g_free (self->first_day);

  G_OBJECT_CLASS (pathways_spell_strip_parent_class)->finalize (object);
}

static void
pathways_spell_strip_class_init (PathwaysSpellStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pathways_spell_strip_finalize;
  widget_class->measure = pathways_spell_strip_measure;
  widget_class->snapshot = pathways_spell_strip_snapshot;
  widget_class->query_tooltip = pathways_spell_strip_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "spellstrip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pathways_spell_strip_init (PathwaysSpellStrip *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
pathways_spell_strip_new (void)
{
  return g_object_new (PATHWAYS_TYPE_SPELL_STRIP, NULL);
}

/**
 * pathways_spell_strip_set_details:
 * @details: (nullable): the young person whose spells to draw
 */
void
pathways_spell_strip_set_details (PathwaysSpellStrip    *self,
                                  PathwaysPersonDetails *d)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *label = NULL;
  guint n;

  g_return_if_fail (PATHWAYS_IS_SPELL_STRIP (self));

  g_array_set_size (self->bars, 0);
  g_clear_pointer (&self->first_day, g_free);
  self->n_days = 0;

  if (d == NULL || (n = g_list_model_get_n_items (d->spells)) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  /* The span: from the first start to three months past the last end
   * (or past today, if later) */
  last = pathways_date_add_months (d->on, 3);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysRecord) s = g_list_model_get_item (d->spells, i);
      const char *start = pathways_record_get_string (s, "start-date");
      const char *end = pathways_record_get_string (s, "actual-end");

      if (end == NULL)
        end = pathways_record_get_string (s, "planned-end");
      if (first == NULL || strcmp (start, first) < 0)
        {
          g_free (first);
          first = g_strdup (start);
        }
      if (end != NULL && strcmp (end, last) > 0)
        {
          g_autofree char *later = pathways_date_add_months (end, 1);
          g_free (last);
          last = g_steal_pointer (&later);
        }
    }

  self->first_day = g_strdup (first);
  self->n_days = MAX (1, pathways_date_days_between (first, last));
  self->today = pathways_date_days_between (first, d->on);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysRecord) s = g_list_model_get_item (d->spells, i);
      PathwaysUnit *unit = pathways_person_details_get_unit (d, pathways_record_get_int (s, "unit-id"));
      const char *start = pathways_record_get_string (s, "start-date");
      const char *end = pathways_record_get_string (s, "actual-end");
      const char *state = pathways_record_get_string (s, "state");
      const char *name;
      g_autofree char *uk_start = pathways_date_format_uk (start);
      Bar bar = { 0 };

      if (end == NULL)
        end = pathways_record_get_string (s, "planned-end");
      bar.start = pathways_date_days_between (first, start);
      if (end != NULL)
        bar.end = pathways_date_days_between (first, end);
      else if (g_strcmp0 (state, "planned") == 0)
        bar.end = bar.start + 60;
      else
        bar.end = self->n_days;
      bar.planned = g_strcmp0 (state, "planned") == 0;
      bar.kind = pathways_timeline_kind_for (unit ? pathways_record_get_string (PATHWAYS_RECORD (unit), "kind") : NULL,
                                             pathways_record_get_string (s, "accom"),
                                             pathways_record_get_string (s, "place"));
      name = unit ? pathways_record_get_string (PATHWAYS_RECORD (unit), "name")
                  : pathways_record_get_string (s, "address");
      if (name == NULL)
        name = _("Accommodation not in the register");
      if (end != NULL)
        {
          g_autofree char *uk_end = pathways_date_format_uk (end);
          /* Translators: a place and its dates: "Rowan House, 01/02/2025 to 03/04/2026" */
          bar.tooltip = g_strdup_printf (_("%s, %s to %s"), name, uk_start, uk_end);
        }
      else
        /* Translators: a place and when it started: "Rowan House, from 01/02/2025" */
        bar.tooltip = g_strdup_printf (_("%s, from %s"), name, uk_start);
      g_array_append_val (self->bars, bar);
    }

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Accommodation over time: %u place, listed below",
                                        "Accommodation over time: %u places, listed below", n), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * pathways_spell_strip_get_kinds:
 *
 * Returns: the kinds of accommodation drawn, as bits (1 << kind), for
 *   the legend beside the strip
 */
guint
pathways_spell_strip_get_kinds (PathwaysSpellStrip *self)
{
  guint kinds = 0;

  g_return_val_if_fail (PATHWAYS_IS_SPELL_STRIP (self), 0);

  for (guint i = 0; i < self->bars->len; i++)
    kinds |= 1u << g_array_index (self->bars, Bar, i).kind;
  return kinds;
}

gboolean
pathways_spell_strip_has_planned (PathwaysSpellStrip *self)
{
  g_return_val_if_fail (PATHWAYS_IS_SPELL_STRIP (self), FALSE);

  for (guint i = 0; i < self->bars->len; i++)
    if (g_array_index (self->bars, Bar, i).planned)
      return TRUE;
  return FALSE;
}

guint
pathways_spell_strip_get_n_bars (PathwaysSpellStrip *self)
{
  g_return_val_if_fail (PATHWAYS_IS_SPELL_STRIP (self), 0);

  return self->bars->len;
}
