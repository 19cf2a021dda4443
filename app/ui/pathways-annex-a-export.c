/* pathways-annex-a-export.c — Export Annex A List… from the app
 *
 * Ofsted's Annex A, List 9 (care leavers) as on today, from the store,
 * written in a worker thread as CSV or Excel by the file's name (0600,
 * whole or not at all).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-annex-a-export"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-903-codes.h"
#include "pathways-903-import.h"
#include "pathways-annex-a.h"
#include "pathways-annex-a-export.h"
#include "pathways-annex-a-xlsx.h"

typedef struct {
  PathwaysStore *store;
  char          *path;
  char          *today;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *d = data;

  g_clear_object (&d->store);
  g_free (d->path);
  g_free (d->today);
  g_free (d);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *d = task_data;
  g_autoptr(Pathways903CodeTable) codes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GError *error = NULL;
  gboolean ok;

  if ((codes = pathways_903_code_table_load_default (&error)) == NULL ||
      (rows = pathways_annex_a_rows_from_store (d->store, d->today, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  ok = g_str_has_suffix (d->path, ".csv") ? pathways_annex_a_write_csv (rows, d->today, codes, d->path, &error)
                                          : pathways_annex_a_write_xlsx (rows, d->today, codes, d->path, &error);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, rows->len);
}

void
pathways_annex_a_export_async (PathwaysContext     *context,
                               const char          *path,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportData *d = g_new0 (ExportData, 1);

  g_task_set_source_tag (task, pathways_annex_a_export_async);
  d->store = g_object_ref (pathways_context_get_store (context));
  d->path = g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".xlsx") ? g_strdup (path)
                                                                               : g_strconcat (path, ".xlsx", NULL);
  d->today = pathways_context_dup_today (context);
  g_task_set_task_data (task, d, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
pathways_annex_a_export_finish (GAsyncResult  *result,
                                guint         *out_n_rows,
                                GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pathways_annex_a_export_async, FALSE);
  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (out_n_rows)
    *out_n_rows = (guint) n;
  return TRUE;
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PathwaysContext) context = user_data;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!pathways_annex_a_export_finish (result, &n, &error))
    {
      pathways_context_show_error (context, error);
      return;
    }
  {
    /* Translators: a toast after writing Ofsted's list */
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Annex A list written: %u care leaver",
                                                          "Annex A list written: %u care leavers", n), n);
    pathways_context_show_message (context, text);
  }
}

static void
chosen_cb (GtkNativeDialog *chooser,
           int              response,
           PathwaysContext *context)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL && pathways_context_get_store (context) != NULL)
    pathways_annex_a_export_async (context, path, NULL, written_cb, g_object_ref (context));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
pathways_annex_a_export_choose (GtkWindow       *parent,
                                PathwaysContext *context)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Export Annex A List"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("annex-a-list-9.xlsx"));
  gtk_file_filter_set_name (xlsx, _("Excel workbook"));
  gtk_file_filter_add_suffix (xlsx, "xlsx");
  gtk_file_filter_set_name (csv, _("CSV file"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  g_signal_connect_data (chooser, "response", G_CALLBACK (chosen_cb), g_object_ref (context),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
