/* pathways-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pathways-chart.h"

struct _PathwaysChart
{
  GtkWidget          parent_instance;

  PathwaysChartData *data;
  char              *description;
};

G_DEFINE_FINAL_TYPE (PathwaysChart, pathways_chart, GTK_TYPE_WIDGET)

static void
pathways_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  PathwaysChart *self = PATHWAYS_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 520;
    }
  else
    {
      double width = for_size > 0 ? for_size : 520;
      int h = self->data ? (int) ceil (pathways_chart_preferred_height (self->data, width)) : 0;
      *minimum = *natural = h;
    }
}

static GtkSizeRequestMode
pathways_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pathways_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  PathwaysChart *self = PATHWAYS_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  G_GNUC_END_IGNORE_DEPRECATIONS
  GdkRGBA color;
  PathwaysChartColor fg;
  PangoFontDescription *font;
  g_autofree char *family = NULL;
  cairo_t *cr;

  if (self->data == NULL || width <= 0 || height <= 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (style, &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  fg = (PathwaysChartColor) { color.red, color.green, color.blue, color.alpha };
  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  family = g_strdup (font ? pango_font_description_get_family (font) : NULL);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pathways_chart_draw (cr, self->data, width, height, &fg, family);
  cairo_destroy (cr);
}

static void
pathways_chart_finalize (GObject *object)
{
  PathwaysChart *self = PATHWAYS_CHART (object);

  g_clear_pointer (&self->data, pathways_chart_data_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (pathways_chart_parent_class)->finalize (object);
}

static void
pathways_chart_class_init (PathwaysChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pathways_chart_finalize;
  widget_class->get_request_mode = pathways_chart_get_request_mode;
  widget_class->measure = pathways_chart_measure;
  widget_class->snapshot = pathways_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pathways_chart_init (PathwaysChart *self)
{
}

GtkWidget *
pathways_chart_new (void)
{
  return g_object_new (PATHWAYS_TYPE_CHART, NULL);
}

/**
 * pathways_chart_set_data:
 * @data: (nullable): copied
 */
void
pathways_chart_set_data (PathwaysChart           *self,
                         const PathwaysChartData *data)
{
  g_return_if_fail (PATHWAYS_IS_CHART (self));

  g_clear_pointer (&self->data, pathways_chart_data_free);
  g_clear_pointer (&self->description, g_free);
  if (data != NULL)
    {
      self->data = pathways_chart_data_copy (data);
      self->description = pathways_chart_data_describe (data);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, data->title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                      -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const PathwaysChartData *
pathways_chart_get_data (PathwaysChart *self)
{
  g_return_val_if_fail (PATHWAYS_IS_CHART (self), NULL);
  return self->data;
}

const char *
pathways_chart_get_description (PathwaysChart *self)
{
  g_return_val_if_fail (PATHWAYS_IS_CHART (self), NULL);
  return self->description;
}
