/* pathways-print-pages.c — documents laid out as pages for printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-report"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "pathways-format.h"
#include "pathways-page-marking.h"
#include "pathways-print-pages.h"
#include "pathways-vocab.h"

#define PAGE_W    PATHWAYS_PRINT_PAGE_WIDTH
#define PAGE_H    PATHWAYS_PRINT_PAGE_HEIGHT
#define MARGIN    56.0
#define CONTENT_W (PAGE_W - 2 * MARGIN)
#define BOTTOM    (PAGE_H - MARGIN - 18)
#define LABEL_W   170.0

void
pathways_print_page_draw (cairo_surface_t *page,
                          cairo_t         *cr,
                          double           width,
                          double           height)
{
  cairo_rectangle_t extents = { 0, 0, PAGE_W, PAGE_H };
  double scale;

  g_return_if_fail (page != NULL && cr != NULL);

  cairo_recording_surface_get_extents (page, &extents);
  if (extents.width <= 0 || extents.height <= 0 || width <= 0 || height <= 0)
    return;
  scale = MIN (width / extents.width, height / extents.height);
  cairo_save (cr);
  cairo_translate (cr, (width - extents.width * scale) / 2, (height - extents.height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, page, -extents.x, -extents.y);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* A flowing document ------------------------------------------------------ */

typedef struct {
  GPtrArray *pages;
  cairo_t   *cr;
  double     y;
} Doc;

static PangoLayout *
doc_layout (Doc        *doc,
            const char *text,
            double      size,
            gboolean    bold,
            double      width)
{
  return pathways_page_layout_new (doc->cr, text, size, bold, width);
}

static void
doc_new_page (Doc *doc)
{
  cairo_rectangle_t extents = { 0, 0, PAGE_W, PAGE_H };
  cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

  g_clear_pointer (&doc->cr, cairo_destroy);
  g_ptr_array_add (doc->pages, page);
  doc->cr = cairo_create (page);
  doc->y = MARGIN;
}

static void
doc_need (Doc    *doc,
          double  height)
{
  if (doc->y + height > BOTTOM && doc->y > MARGIN + 1)
    doc_new_page (doc);
}

static double
doc_text (Doc        *doc,
          const char *text,
          double      size,
          gboolean    bold,
          double      r,
          double      g,
          double      b,
          double      space_after)
{
  g_autoptr(PangoLayout) layout = doc_layout (doc, text, size, bold, CONTENT_W);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  doc_need (doc, h);
  cairo_set_source_rgb (doc->cr, r, g, b);
  cairo_move_to (doc->cr, MARGIN, doc->y);
  pango_cairo_show_layout (doc->cr, layout);
  doc->y += h + space_after;
  return h;
}

static void
doc_heading (Doc        *doc,
             const char *text)
{
  doc_need (doc, 60);  /* never a heading alone at the foot of a page */
  doc->y += 10;
  doc_text (doc, text, 13, TRUE, 0, 0, 0, 4);
  cairo_set_source_rgb (doc->cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (doc->cr, 0.5);
  cairo_move_to (doc->cr, MARGIN, doc->y);
  cairo_line_to (doc->cr, PAGE_W - MARGIN, doc->y);
  cairo_stroke (doc->cr);
  doc->y += 6;
}

/* A label and its value side by side (the value wraps) */
static void
doc_field (Doc        *doc,
           const char *label,
           const char *value)
{
  g_autoptr(PangoLayout) l = doc_layout (doc, label, 10, TRUE, LABEL_W - 10);
  g_autoptr(PangoLayout) v = doc_layout (doc, value ? value : "", 10, FALSE, CONTENT_W - LABEL_W);
  int lw, lh, vw, vh;

  pango_layout_get_pixel_size (l, &lw, &lh);
  pango_layout_get_pixel_size (v, &vw, &vh);
  doc_need (doc, MAX (lh, vh));
  cairo_set_source_rgb (doc->cr, 0, 0, 0);
  cairo_move_to (doc->cr, MARGIN, doc->y);
  pango_cairo_show_layout (doc->cr, l);
  cairo_move_to (doc->cr, MARGIN + LABEL_W, doc->y);
  pango_cairo_show_layout (doc->cr, v);
  doc->y += MAX (lh, vh) + 6;
}

static void
doc_none (Doc        *doc,
          const char *text)
{
  doc_text (doc, text, 10, FALSE, 0.35, 0.35, 0.35, 6);
}

/* The marking at the head and foot of every page, "Page 2 of 3" and
 * @footer at the foot: drawn once every page is laid out */
static void
doc_finish (Doc        *doc,
            const char *footer)
{
  guint n = doc->pages->len;

  g_clear_pointer (&doc->cr, cairo_destroy);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = NULL;

      doc->cr = cairo_create (g_ptr_array_index (doc->pages, i));
      /* Translators: a printed page's footer: the document, then "Page 2 of 3" */
      text = g_strdup_printf (_("%s · Page %u of %u"), footer, i + 1, n);
      pathways_page_marking_draw_head (doc->cr, PAGE_W, MARGIN);
      pathways_page_marking_draw_foot (doc->cr, PAGE_W, PAGE_H, MARGIN, text);
      g_clear_pointer (&doc->cr, cairo_destroy);
    }
}

/* The young person's summary ---------------------------------------------- */

static const char *
place_name (const PathwaysPersonDetails *d,
            gint64                       unit_id,
            const char                  *address)
{
  PathwaysUnit *unit = unit_id ? pathways_person_details_get_unit ((PathwaysPersonDetails *) d, unit_id) : NULL;

  if (unit != NULL)
    return pathways_record_get_string (PATHWAYS_RECORD (unit), "name");
  if (address != NULL)
    return address;
  return _("Accommodation not in the register");
}

GPtrArray *
pathways_person_summary_pages (const PathwaysPersonDetails *d)
{
  Doc doc = { 0 };
  PathwaysRecord *person;
  g_autofree char *dob = NULL, *on = NULL, *subtitle = NULL, *footer = NULL;
  guint n;

  g_return_val_if_fail (d != NULL && d->person != NULL, NULL);

  person = PATHWAYS_RECORD (d->person);
  dob = pathways_date_format_uk (pathways_record_get_string (person, "date-of-birth"));
  on = pathways_date_format_uk (d->on);
  doc.pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  doc_new_page (&doc);

  doc_text (&doc, d->display_name, 20, TRUE, 0, 0, 0, 4);
  /* Translators: "Age 17 · born 14/05/2009 · LC0001 · Supported accommodation" */
  subtitle = g_strdup_printf (_("Age %d · born %s · %s · %s"), d->age, dob,
                              pathways_record_get_string (person, "local-id"), pathways_stage_label (d->stage));
  doc_text (&doc, subtitle, 10, FALSE, 0.25, 0.25, 0.25, 2);
  {
    /* Translators: under the name on a printed summary */
    g_autofree char *as_of = g_strdup_printf (_("Summary as of %s"), on);
    doc_text (&doc, as_of, 9, FALSE, 0.35, 0.35, 0.35, 6);
  }

  doc_heading (&doc, _("Status"));
  doc_field (&doc, d->status_label, d->status_explanation);
  for (guint i = 0; i < d->key_dates->len; i++)
    {
      const PathwaysKeyDate *k = g_ptr_array_index (d->key_dates, i);
      g_autofree char *uk = pathways_date_format_uk (k->date);

      doc_field (&doc, k->label, uk);
    }

  doc_heading (&doc, _("Alerts"));
  n = g_list_model_get_n_items (d->alerts);
  if (n == 0)
    doc_none (&doc, _("No alerts"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysRecord) a = g_list_model_get_item (d->alerts, i);
      const char *due = pathways_record_get_string (a, "due-date");
      g_autofree char *when = NULL;

      if (due != NULL)
        {
          g_autofree char *uk = pathways_date_format_uk (due);
          /* Translators: an alert's priority and date: "High priority · due 01/02/2027" */
          when = g_strdup_printf (_("%s · due %s"), pathways_record_get_string (a, "severity-label"), uk);
        }
      doc_field (&doc, when ? when : pathways_record_get_string (a, "severity-label"),
                 pathways_record_get_string (a, "reason"));
    }

  doc_heading (&doc, _("Accommodation"));
  n = g_list_model_get_n_items (d->moves);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysRecord) m = g_list_model_get_item (d->moves, i);
      g_autofree char *uk = pathways_date_format_uk (pathways_record_get_string (m, "planned-date"));
      g_autofree char *label = NULL;

      /* Translators: a planned move on a printed summary: "Move on 01/02/2027" */
      label = g_strdup_printf (_("Move on %s"), uk);
      doc_field (&doc, label, place_name (d, pathways_record_get_int (m, "to-unit-id"),
                                          pathways_record_get_string (m, "to-address")));
    }
  n = g_list_model_get_n_items (d->spells);
  if (n == 0)
    doc_none (&doc, _("No accommodation recorded yet"));
  for (guint i = n; i-- > 0;)   /* newest first, as on the page */
    {
      g_autoptr(PathwaysRecord) s = g_list_model_get_item (d->spells, i);
      const char *start = pathways_record_get_string (s, "start-date");
      const char *end = pathways_record_get_string (s, "actual-end");
      g_autofree char *uk_start = pathways_date_format_uk (start);
      g_autofree char *dates = NULL;

      if (end == NULL)
        end = pathways_record_get_string (s, "planned-end");
      if (end != NULL)
        {
          g_autofree char *uk_end = pathways_date_format_uk (end);
          /* Translators: a span of dates, "01/02/2025 to 03/04/2026" */
          dates = g_strdup_printf (_("%s to %s"), uk_start, uk_end);
        }
      else
        /* Translators: an open span of dates, "from 01/02/2025" */
        dates = g_strdup_printf (_("from %s"), uk_start);
      doc_field (&doc, dates, place_name (d, pathways_record_get_int (s, "unit-id"),
                                          pathways_record_get_string (s, "address")));
    }

  doc_heading (&doc, _("Milestones"));
  if (d->readiness >= 0)
    {
      /* Translators: on a printed summary */
      g_autofree char *text = g_strdup_printf (_("Readiness %d%%"), d->readiness);
      doc_text (&doc, text, 10, TRUE, 0, 0, 0, 6);
    }
  n = g_list_model_get_n_items (d->milestones);
  if (n == 0)
    doc_none (&doc, _("No milestones yet"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysRecord) m = g_list_model_get_item (d->milestones, i);
      const char *due = pathways_record_get_string (m, "due-date");
      const char *done = pathways_record_get_string (m, "done-date");
      g_autofree char *state = NULL;

      if (done != NULL)
        {
          g_autofree char *uk = pathways_date_format_uk (done);
          /* Translators: a milestone done, on a printed summary */
          state = g_strdup_printf (_("Done %s"), uk);
        }
      else if (due != NULL)
        {
          g_autofree char *uk = pathways_date_format_uk (due);
          state = pathways_milestone_is_overdue (m, d->on) ? g_strdup_printf (_("Overdue: due %s"), uk)
                                                           : g_strdup_printf (_("Due %s"), uk);
        }
      else
        state = g_strdup (_("Not done"));
      doc_field (&doc, state, pathways_record_get_string (m, "name"));
    }

  /* Translators: a printed summary's footer: "Yonas Abdullahi · summary of 22/11/2026" */
  footer = g_strdup_printf (_("%s · summary of %s"), d->display_name, on);
  doc_finish (&doc, footer);
  return doc.pages;
}
