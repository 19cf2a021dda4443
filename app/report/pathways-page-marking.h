/* pathways-page-marking.h — the head and foot of every printed page
 *
 * Every page Pathways lays out — the committee report's PDF and its
 * printing, a young person's printed summary — carries the protective
 * marking at its head (centred) and at its foot (left), and a line of its
 * own at the foot (right): the document's name and page number. One
 * drawing for all of them, so they cannot drift apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* Government Security Classifications: personal data about children in care */
#define PATHWAYS_PROTECTIVE_MARKING "OFFICIAL-SENSITIVE"

/* A layout of @text in the printed pages' font at @size points (bold or
 * not), wrapped at @width points when @width > 0
 *
 * Returns: (transfer full): the layout */
PangoLayout *pathways_page_layout_new (cairo_t    *cr,
                                       const char *text,
                                       double      size,
                                       gboolean    bold,
                                       double      width);

/* The marking centred in the top margin of a @page_width wide page */
void pathways_page_marking_draw_head (cairo_t    *cr,
                                      double      page_width,
                                      double      margin);

/* The marking at the left of the bottom margin and @text ("Report · Page
 * 3 of 9", already translated) at its right */
void pathways_page_marking_draw_foot (cairo_t    *cr,
                                      double      page_width,
                                      double      page_height,
                                      double      margin,
                                      const char *text);

G_END_DECLS
