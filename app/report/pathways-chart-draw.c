/* pathways-chart-draw.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "pathways-chart-draw.h"

/* The GNOME palette: blue, orange, green, purple; red for the line */
static const PathwaysChartColor palette[PATHWAYS_CHART_MAX_SERIES] = {
  { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1 },
  { 0xff / 255.0, 0x78 / 255.0, 0x00 / 255.0, 1 },
  { 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0, 1 },
  { 0x91 / 255.0, 0x41 / 255.0, 0xac / 255.0, 1 },
};
static const PathwaysChartColor line_color = { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0, 1 };
/* What is not recorded is neither good nor bad: grey, never a colour */
static const PathwaysChartColor neutral_color = { 0x9a / 255.0, 0x99 / 255.0, 0x96 / 255.0, 1 };

static const PathwaysChartColor *
series_color (const PathwaysChartData *d,
              guint                    i)
{
  return (d->neutral_series & (1u << i)) ? &neutral_color : &palette[i];
}

#define FONT_SIZE    10.0
#define TITLE_SIZE   11.5
#define ROW_HEIGHT   20.0
#define BAR_HEIGHT   13.0
#define LEGEND_GAP   6.0

PathwaysChartData *
pathways_chart_data_new (PathwaysChartKind   kind,
                         const char         *title,
                         const char         *value_label,
                         guint               n_series,
                         const char * const *series,
                         guint               n_categories)
{
  PathwaysChartData *d;

  g_return_val_if_fail (n_series >= 1 && n_series <= PATHWAYS_CHART_MAX_SERIES, NULL);

  d = g_new0 (PathwaysChartData, 1);
  d->kind = kind;
  d->title = g_strdup (title);
  d->value_label = g_strdup (value_label);
  d->n_series = n_series;
  for (guint i = 0; i < n_series; i++)
    d->series[i] = g_strdup (series[i]);
  d->n_categories = n_categories;
  d->categories = g_new0 (char *, n_categories + 1);
  d->values = g_new0 (double, MAX (1, n_series * n_categories));
  return d;
}

void
pathways_chart_data_free (PathwaysChartData *d)
{
  if (d == NULL)
    return;
  g_free (d->title);
  g_free (d->value_label);
  for (guint i = 0; i < d->n_series; i++)
    g_free (d->series[i]);
  g_strfreev (d->categories);
  g_free (d->values);
  g_free (d->line);
  g_free (d->line_label);
  g_free (d);
}

PathwaysChartData *
pathways_chart_data_copy (const PathwaysChartData *d)
{
  PathwaysChartData *c;

  g_return_val_if_fail (d != NULL, NULL);
  c = pathways_chart_data_new (d->kind, d->title, d->value_label, d->n_series,
                               (const char * const *) d->series, d->n_categories);
  for (guint i = 0; i < d->n_categories; i++)
    c->categories[i] = g_strdup (d->categories[i]);
  memcpy (c->values, d->values, sizeof (double) * d->n_series * d->n_categories);
  c->neutral_series = d->neutral_series;
  if (d->line != NULL)
    {
      pathways_chart_data_add_line (c, d->line_label);
      memcpy (c->line, d->line, sizeof (double) * d->n_categories);
    }
  return c;
}

void
pathways_chart_data_set (PathwaysChartData *d,
                         guint              series,
                         guint              category,
                         double             value)
{
  g_return_if_fail (series < d->n_series && category < d->n_categories);
  d->values[series * d->n_categories + category] = value;
}

double
pathways_chart_data_get (const PathwaysChartData *d,
                         guint                    series,
                         guint                    category)
{
  g_return_val_if_fail (series < d->n_series && category < d->n_categories, 0);
  return d->values[series * d->n_categories + category];
}

void
pathways_chart_data_set_category (PathwaysChartData *d,
                                  guint              category,
                                  const char        *label)
{
  g_return_if_fail (category < d->n_categories);
  g_free (d->categories[category]);
  d->categories[category] = g_strdup (label);
}

void
pathways_chart_data_add_line (PathwaysChartData *d,
                              const char        *label)
{
  g_free (d->line);
  g_free (d->line_label);
  d->line = g_new0 (double, MAX (1, d->n_categories));
  d->line_label = g_strdup (label);
}

static char *
format_number (double v)
{
  if (fabs (v - round (v)) < 1e-9)
    return g_strdup_printf ("%.0f", v);
  return g_strdup_printf ("%.1f", v);
}

char *
pathways_chart_data_describe (const PathwaysChartData *d)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (d != NULL, NULL);

  /* Translators: the start of a chart's text alternative: its title */
  g_string_append_printf (s, _("Chart: %s."), d->title);
  for (guint c = 0; c < d->n_categories; c++)
    {
      g_string_append_printf (s, " %s:", d->categories[c] ? d->categories[c] : "");
      for (guint i = 0; i < d->n_series; i++)
        {
          g_autofree char *v = format_number (pathways_chart_data_get (d, i, c));
          /* Translators: one value of a chart for screen readers: "Demand 3" */
          g_string_append_printf (s, _(" %s %s"), d->series[i], v);
          g_string_append_c (s, i + 1 < d->n_series || d->line ? ',' : '.');
        }
      if (d->line != NULL)
        {
          g_autofree char *v = format_number (d->line[c]);
          g_string_append_printf (s, _(" %s %s"), d->line_label, v);
          g_string_append_c (s, '.');
        }
    }
  return g_string_free (s, FALSE);
}

/* Text ----------------------------------------------------------------- */

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *family,
             double      size,
             gboolean    bold,
             const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, family ? family : "Sans");
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static double
text_width (cairo_t    *cr,
            const char *family,
            double      size,
            const char *text)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, family, size, FALSE, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

/* Draws @text with its left (align 0), centre (0.5) or right (1) edge at
 * @x and its top at @y; returns its height */
static double
draw_text (cairo_t                  *cr,
           const char               *family,
           double                    size,
           gboolean                  bold,
           const PathwaysChartColor *color,
           const char               *text,
           double                    x,
           double                    y,
           double                    align,
           double                    max_width)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, family, size, bold, text);
  int w, h;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
  cairo_move_to (cr, x - align * w, y);
  pango_cairo_show_layout (cr, layout);
  return h;
}

/* Centred on @cx, wrapped to @width, at most two lines */
static void
draw_wrapped (cairo_t                  *cr,
              const char               *family,
              const PathwaysChartColor *color,
              const char               *text,
              double                    cx,
              double                    y,
              double                    width)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, family, FONT_SIZE, FALSE, text);

  pango_layout_set_width (layout, (int) (MAX (10, width) * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -2);
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
  cairo_move_to (cr, cx - width / 2, y);
  pango_cairo_show_layout (cr, layout);
}

static void
set_color (cairo_t                  *cr,
           const PathwaysChartColor *c,
           double                    alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a * alpha);
}

/* A round step for about @n gridlines up to @max */
static double
nice_step (double max,
           int    n)
{
  double raw = max / n, mag, f;

  if (raw <= 0)
    return 1;
  mag = pow (10, floor (log10 (raw)));
  f = raw / mag;
  f = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return MAX (1, f * mag);
}

/* Title and legend; returns the y below them */
static double
draw_header (cairo_t                  *cr,
             const PathwaysChartData  *d,
             double                    width,
             const PathwaysChartColor *fg,
             const char               *family)
{
  double y = 0, x = 0;

  y += draw_text (cr, family, TITLE_SIZE, TRUE, fg, d->title, 0, 0, 0, width) + LEGEND_GAP;

  for (guint i = 0; i <= d->n_series; i++)
    {
      const char *label = i < d->n_series ? d->series[i] : d->line_label;
      double w;

      if (label == NULL || (i == d->n_series && d->line == NULL))
        continue;
      if (d->n_series == 1 && i == 0 && d->line == NULL)
        break;  /* one series: the title says it all */
      w = 16 + text_width (cr, family, FONT_SIZE, label) + 14;
      if (x > 0 && x + w > width)
        {
          x = 0;
          y += FONT_SIZE + 6;
        }
      if (i < d->n_series)
        {
          set_color (cr, series_color (d, i), 1);
          cairo_rectangle (cr, x, y + 2, 10, 10);
          cairo_fill (cr);
        }
      else
        {
          set_color (cr, &line_color, 1);
          cairo_set_line_width (cr, 2);
          cairo_move_to (cr, x, y + 7);
          cairo_line_to (cr, x + 12, y + 7);
          cairo_stroke (cr);
        }
      draw_text (cr, family, FONT_SIZE, FALSE, fg, label, x + 16, y, 0, -1);
      x += w;
    }
  if (d->n_series > 1 || d->line != NULL)
    y += FONT_SIZE + 10;
  return y;
}

double
pathways_chart_preferred_height (const PathwaysChartData *d,
                                 double                   width)
{
  double header = TITLE_SIZE + LEGEND_GAP + 8 + ((d->n_series > 1 || d->line) ? FONT_SIZE + 10 : 0);

  if (d->kind == PATHWAYS_CHART_HBARS)
    return header + MAX (1, d->n_categories) * ROW_HEIGHT + 4;
  return header + 190;
}

static void
draw_hbars (cairo_t                  *cr,
            const PathwaysChartData  *d,
            double                    top,
            double                    width,
            double                    height,
            const PathwaysChartColor *fg,
            const char               *family)
{
  double label_w = 0, max = 0, plot_x, plot_w;

  for (guint c = 0; c < d->n_categories; c++)
    {
      double total = 0;
      label_w = MAX (label_w, text_width (cr, family, FONT_SIZE, d->categories[c]));
      for (guint i = 0; i < d->n_series; i++)
        total += pathways_chart_data_get (d, i, c);
      max = MAX (max, total);
    }
  label_w = MIN (label_w, width * 0.42) + 8;
  plot_x = label_w;
  plot_w = MAX (10, width - label_w - 36);
  if (max <= 0)
    max = 1;

  for (guint c = 0; c < d->n_categories; c++)
    {
      double y = top + c * ROW_HEIGHT;
      double x = plot_x, total = 0;
      g_autofree char *total_text = NULL;

      draw_text (cr, family, FONT_SIZE, FALSE, fg, d->categories[c], 0, y + 2, 0, label_w - 8);
      for (guint i = 0; i < d->n_series; i++)
        {
          double v = pathways_chart_data_get (d, i, c);
          double w = plot_w * v / max;

          total += v;
          if (w <= 0)
            continue;
          set_color (cr, series_color (d, i), 1);
          cairo_rectangle (cr, x, y + (ROW_HEIGHT - BAR_HEIGHT) / 2, w, BAR_HEIGHT);
          cairo_fill (cr);
          x += w;
        }
      total_text = format_number (total);
      draw_text (cr, family, FONT_SIZE, FALSE, fg, total_text, x + 4, y + 2, 0, -1);
    }

  /* The axis */
  set_color (cr, fg, 0.4);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, plot_x - 0.5, top);
  cairo_line_to (cr, plot_x - 0.5, top + d->n_categories * ROW_HEIGHT);
  cairo_stroke (cr);
  (void) height;
}

static void
draw_columns (cairo_t                  *cr,
              const PathwaysChartData  *d,
              double                    top,
              double                    width,
              double                    height,
              const PathwaysChartColor *fg,
              const char               *family)
{
  double max = 0, min = 0, step, axis_w, plot_x, plot_w, plot_top, plot_h, slot, bar_w, label_step_w;
  guint every = 1;

  for (guint c = 0; c < d->n_categories; c++)
    {
      for (guint i = 0; i < d->n_series; i++)
        max = MAX (max, pathways_chart_data_get (d, i, c));
      if (d->line)
        {
          max = MAX (max, d->line[c]);
          min = MIN (min, d->line[c]);
        }
    }
  if (max <= 0)
    max = 1;
  step = nice_step (max - min, 4);
  max = ceil (max / step) * step;
  min = floor (min / step) * step;

  {
    g_autofree char *widest = format_number (max);
    g_autofree char *lowest = format_number (min);
    axis_w = MAX (text_width (cr, family, FONT_SIZE, widest), text_width (cr, family, FONT_SIZE, lowest)) + 8;
  }
  plot_x = axis_w;
  plot_w = MAX (10, width - axis_w - 4);
  plot_top = top + 4;
  /* Few categories: labels wrap under their bars, on up to two lines */
  plot_h = MAX (20, height - top - (d->n_categories <= 8 ? 2 : 1) * (FONT_SIZE + 3) - 12);
  slot = plot_w / MAX (1, d->n_categories);
  bar_w = MAX (1, (slot * 0.78) / d->n_series);

  /* Gridlines and the values axis */
  cairo_set_line_width (cr, 1);
  for (double v = min; v <= max + step / 2; v += step)
    {
      double y = plot_top + plot_h * (max - v) / (max - min);
      g_autofree char *text = format_number (v);

      set_color (cr, fg, fabs (v) < 1e-9 ? 0.55 : 0.15);
      cairo_move_to (cr, plot_x, round (y) + 0.5);
      cairo_line_to (cr, plot_x + plot_w, round (y) + 0.5);
      cairo_stroke (cr);
      draw_text (cr, family, FONT_SIZE, FALSE, fg, text, plot_x - 4, y - FONT_SIZE * 0.7, 1, -1);
    }

  /* Category labels: as many as fit */
  label_step_w = 0;
  for (guint c = 0; c < d->n_categories; c++)
    label_step_w = MAX (label_step_w, text_width (cr, family, FONT_SIZE, d->categories[c]) + 6);
  while (every < d->n_categories && slot * every < label_step_w)
    every++;

  for (guint c = 0; c < d->n_categories; c++)
    {
      double cx = plot_x + slot * c + slot / 2;
      double x0 = cx - bar_w * d->n_series / 2;
      double zero_y = plot_top + plot_h * max / (max - min);

      for (guint i = 0; i < d->n_series; i++)
        {
          double v = pathways_chart_data_get (d, i, c);
          double h = plot_h * v / (max - min);

          if (h <= 0)
            continue;
          set_color (cr, series_color (d, i), 1);
          cairo_rectangle (cr, x0 + i * bar_w, zero_y - h, MAX (1, bar_w - 1), h);
          cairo_fill (cr);
        }
      if (d->n_categories <= 8)
        draw_wrapped (cr, family, fg, d->categories[c], cx, plot_top + plot_h + 4, slot - 4);
      else if (c % every == 0)
        draw_text (cr, family, FONT_SIZE, FALSE, fg, d->categories[c], cx, plot_top + plot_h + 4, 0.5, -1);
    }

  if (d->line != NULL && d->n_categories > 0)
    {
      set_color (cr, &line_color, 1);
      cairo_set_line_width (cr, 2);
      for (guint c = 0; c < d->n_categories; c++)
        {
          double cx = plot_x + slot * c + slot / 2;
          double y = plot_top + plot_h * (max - d->line[c]) / (max - min);
          if (c == 0)
            cairo_move_to (cr, cx, y);
          else
            cairo_line_to (cr, cx, y);
        }
      cairo_stroke (cr);
      for (guint c = 0; c < d->n_categories; c++)
        {
          double cx = plot_x + slot * c + slot / 2;
          double y = plot_top + plot_h * (max - d->line[c]) / (max - min);
          cairo_arc (cr, cx, y, 2.5, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
}

/**
 * pathways_chart_draw:
 * @foreground: the text colour (the widget's, or black on paper)
 *
 * Draws the chart in the rectangle (0, 0, @width, @height).
 */
void
pathways_chart_draw (cairo_t                  *cr,
                     const PathwaysChartData  *d,
                     double                    width,
                     double                    height,
                     const PathwaysChartColor *foreground,
                     const char               *font_family)
{
  static const PathwaysChartColor black = { 0, 0, 0, 1 };
  const PathwaysChartColor *fg = foreground ? foreground : &black;
  double top;

  g_return_if_fail (cr != NULL && d != NULL);

  cairo_save (cr);
  top = draw_header (cr, d, width, fg, font_family);
  if (d->kind == PATHWAYS_CHART_HBARS)
    draw_hbars (cr, d, top, width, height, fg, font_family);
  else
    draw_columns (cr, d, top, width, height, fg, font_family);
  cairo_restore (cr);
}
