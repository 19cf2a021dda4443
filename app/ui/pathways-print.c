/* pathways-print.c — printing a laid-out document, with preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-print.h"
#include "pathways-print-pages.h"

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              GPtrArray         *pages)
{
  if (page < 0 || (guint) page >= pages->len)
    return;
  pathways_print_page_draw (g_ptr_array_index (pages, page), gtk_print_context_get_cairo_context (context),
                            gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

static void
pages_unref (gpointer  data,
             GClosure *closure)
{
  g_ptr_array_unref (data);
}

GtkPrintOperation *
pathways_print_operation_new (const char *job_name,
                              GPtrArray  *pages)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  g_return_val_if_fail (pages != NULL && pages->len > 0, NULL);

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_n_pages (operation, (int) pages->len);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), g_ptr_array_ref (pages),
                         pages_unref, 0);
  return operation;
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PathwaysContext         *context)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        {
          /* Translators: %s is the reason */
          g_autofree char *text = g_strdup_printf (_("Could not print: %s"), error->message);
          pathways_context_show_message (context, text);
        }
    }
  g_object_unref (operation);
}

void
pathways_print_run (GtkPrintOperation *operation,
                    GtkWidget         *widget,
                    PathwaysContext   *context)
{
  GtkRoot *root;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));
  g_return_if_fail (PATHWAYS_IS_CONTEXT (context));

  root = widget ? gtk_widget_get_root (widget) : NULL;
  g_signal_connect_data (operation, "done", G_CALLBACK (done_cb), g_object_ref (context),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_object_ref (operation);   /* "done" lets it go */
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      /* Translators: %s is the reason */
      g_autofree char *text = g_strdup_printf (_("Could not print: %s"), error->message);
      pathways_context_show_message (context, text);
    }
}
