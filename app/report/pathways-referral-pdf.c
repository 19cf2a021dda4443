/* pathways-referral-pdf.c — the referral pack as a PDF for providers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "pathways-file.h"
#include "pathways-referral-pdf.h"
#include "pathways-report.h"

#define PAGE_W  595.276
#define PAGE_H  841.890
#define MARGIN  56.0
#define LABEL_W 170.0

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

  if (sink->error != NULL || !pathways_safe_file_write (sink->file, data, length, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static double
show (cairo_t    *cr,
      const char *text,
      const char *font,
      double      x,
      double      y,
      double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &h);
  pango_font_description_free (desc);
  g_object_unref (layout);
  return (double) h / PANGO_SCALE;
}

gboolean
pathways_referral_pack_write_pdf (PathwaysReferralPack  *pack,
                                  const char            *path,
                                  GError               **error)
{
  g_autoptr(PathwaysSafeFile) file = NULL;
  Sink sink = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double y = MARGIN;

  g_return_val_if_fail (pack != NULL, FALSE);

  if ((file = pathways_safe_file_new (path, error)) == NULL)
    return FALSE;
  sink.file = file;
  surface = cairo_pdf_surface_create_for_stream (sink_write_cb, &sink, PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pack->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pathways " PACKAGE_VERSION);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0, 0, 0);

  y += show (cr, pack->title, "Sans Bold 16", MARGIN, y, PAGE_W - 2 * MARGIN) + 14;
  y += show (cr, _("Confidential: for the providers named below, to answer this referral only."), "Sans Italic 9",
             MARGIN, y, PAGE_W - 2 * MARGIN) + 12;
  for (guint i = 0; i < pack->fields->len; i++)
    {
      PathwaysPackField *f = g_ptr_array_index (pack->fields, i);
      double h1, h2;

      if (y > PAGE_H - MARGIN - 60)
        {
          cairo_show_page (cr);
          y = MARGIN;
        }
      h1 = show (cr, f->label, "Sans Bold 10", MARGIN, y, LABEL_W - 10);
      h2 = show (cr, f->value, "Sans 10", MARGIN + LABEL_W, y, PAGE_W - 2 * MARGIN - LABEL_W);
      y += MAX (h1, h2) + 8;
    }
  if (pack->providers->len > 0)
    {
      y += 8;
      y += show (cr, _("Sent to"), "Sans Bold 10", MARGIN, y, PAGE_W - 2 * MARGIN) + 4;
      for (guint i = 0; i < pack->providers->len; i++)
        {
          if (y > PAGE_H - MARGIN - 20)
            {
              cairo_show_page (cr);
              y = MARGIN;
            }
          y += show (cr, g_ptr_array_index (pack->providers, i), "Sans 10", MARGIN, y, PAGE_W - 2 * MARGIN) + 2;
        }
    }
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PATHWAYS_REPORT_ERROR, PATHWAYS_REPORT_ERROR_WRITE, _("Could not write %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return pathways_safe_file_commit (file, error);
}
