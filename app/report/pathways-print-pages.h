/* pathways-print-pages.h — documents laid out as pages for printing
 *
 * A printed document is a GPtrArray of pages, each an A4 (595 × 842
 * points) cairo recording surface: laid out once (in a worker thread when
 * slow), then drawn page by page by a GtkPrintOperation's draw-page (or
 * replayed onto a PDF surface in the tests).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "pathways-person.h"

G_BEGIN_DECLS

#define PATHWAYS_PRINT_PAGE_WIDTH  595.276
#define PATHWAYS_PRINT_PAGE_HEIGHT 841.890

/* Draws @page on @cr scaled to fit @width × @height (the print context's
 * printable area), centred, its proportions kept */
void       pathways_print_page_draw     (cairo_surface_t             *page,
                                         cairo_t                     *cr,
                                         double                       width,
                                         double                       height);

/* The young person's summary as the page shows it: name, age and date of
 * birth, status, key dates, alerts, planned moves, accommodation and
 * milestones, each page marked OFFICIAL-SENSITIVE and numbered
 * "Page 2 of 3".
 *
 * Returns: (transfer full) (element-type cairo_surface_t): the pages */
GPtrArray *pathways_person_summary_pages (const PathwaysPersonDetails *details);

G_END_DECLS
