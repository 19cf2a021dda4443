/* pathways-import-toast.c — the toast after an import, with its Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-import-toast.h"
#include "pathways-903-import.h"

typedef struct
{
  PathwaysContext *context;
  gint64           import_id;
  char            *undone_message;
} UndoData;

static void
undo_data_free (UndoData *d)
{
  g_clear_object (&d->context);
  g_free (d->undone_message);
  g_free (d);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UndoData, undo_data_free)

static void
undo_data_closure_free (gpointer  data,
                        GClosure *closure)
{
  undo_data_free (data);
}

static void
undone_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(UndoData) d = user_data;
  g_autoptr(PathwaysImportLog) log = NULL;
  g_autoptr(GError) error = NULL;

  log = pathways_import_undo_finish (PATHWAYS_STORE (source), result, &error);
  if (log == NULL)
    pathways_context_show_error (d->context, error);
  else
    pathways_context_show_message (d->context, d->undone_message ? d->undone_message : _("Import undone"));
}

void
pathways_import_toast_undo (PathwaysContext *context,
                            gint64           import_id,
                            const char      *undone_message)
{
  PathwaysStore *store;
  UndoData *d;

  g_return_if_fail (PATHWAYS_IS_CONTEXT (context));
  g_return_if_fail (import_id > 0);

  store = pathways_context_get_store (context);
  if (store == NULL)
    return;
  d = g_new0 (UndoData, 1);
  d->context = g_object_ref (context);
  d->import_id = import_id;
  d->undone_message = g_strdup (undone_message);
  pathways_import_undo_async (store, import_id, NULL, undone_cb, d);
}

static void
undo_clicked_cb (AdwToast *toast,
                 UndoData *d)
{
  pathways_import_toast_undo (d->context, d->import_id, d->undone_message);
}

AdwToast *
pathways_import_toast_new (PathwaysContext *context,
                           const char      *title,
                           gint64           import_id,
                           const char      *undone_message)
{
  AdwToast *toast;
  UndoData *d;

  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  if (import_id <= 0)
    return toast;
  d = g_new0 (UndoData, 1);
  d->context = g_object_ref (context);
  d->import_id = import_id;
  d->undone_message = g_strdup (undone_message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), d, undo_data_closure_free, 0);
  return toast;
}
