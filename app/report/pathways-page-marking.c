/* pathways-page-marking.c — the head and foot of every printed page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-report"

#include "config.h"

#include <pango/pangocairo.h>

#include "pathways-page-marking.h"

#define FONT       "Cantarell, DejaVu Sans, Sans"
#define FONT_SIZE  8.0
#define GREY       0.35

PangoLayout *
pathways_page_layout_new (cairo_t    *cr,
                          const char *text,
                          double      size,
                          gboolean    bold,
                          double      width)
{
  PangoLayout *layout;
  PangoFontDescription *desc;

  g_return_val_if_fail (cr != NULL, NULL);

  layout = pango_cairo_create_layout (cr);
  desc = pango_font_description_from_string (FONT);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

void
pathways_page_marking_draw_head (cairo_t *cr,
                                 double   page_width,
                                 double   margin)
{
  g_autoptr(PangoLayout) layout = NULL;
  int w, h;

  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  layout = pathways_page_layout_new (cr, PATHWAYS_PROTECTIVE_MARKING, FONT_SIZE, TRUE, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgb (cr, GREY, GREY, GREY);
  cairo_move_to (cr, (page_width - w) / 2, margin / 2 - h / 2.0 + 4);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
pathways_page_marking_draw_foot (cairo_t    *cr,
                                 double      page_width,
                                 double      page_height,
                                 double      margin,
                                 const char *text)
{
  g_autoptr(PangoLayout) marking = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  int w, h;

  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_set_source_rgb (cr, GREY, GREY, GREY);
  marking = pathways_page_layout_new (cr, PATHWAYS_PROTECTIVE_MARKING, FONT_SIZE, TRUE, -1);
  cairo_move_to (cr, margin, page_height - margin + 4);
  pango_cairo_show_layout (cr, marking);
  if (text != NULL && *text != '\0')
    {
      layout = pathways_page_layout_new (cr, text, FONT_SIZE, FALSE, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_move_to (cr, page_width - margin - w, page_height - margin + 4);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
}
