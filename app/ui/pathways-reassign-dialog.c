/* pathways-reassign-dialog.c — giving young people another personal adviser
 *
 * The advisers who have not left, each with how many open cases they
 * hold (loaded in a worker thread), to choose one; then all the chosen
 * young people move to them in one recorded action.  The toast says how
 * many went to whom ("3 young people reassigned to Alison Bennett") and
 * offers Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-reassign-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pathways-core.h"
#include "pathways-reassign-dialog.h"

typedef struct {
  PathwaysContext *context;
  GArray          *people;     /* gint64 */
  GArray          *staff_ids;  /* gint64, by dropdown position */
  GPtrArray       *names;
  GPtrArray       *labels;
  GtkDropDown     *adviser;
  GtkLabel        *error;
  GCancellable    *cancellable;
  gboolean         ready;
} ReassignForm;

static void
form_free (gpointer data)
{
  ReassignForm *f = data;

  g_cancellable_cancel (f->cancellable);
  g_clear_object (&f->cancellable);
  g_clear_object (&f->context);
  g_clear_pointer (&f->people, g_array_unref);
  g_clear_pointer (&f->staff_ids, g_array_unref);
  g_clear_pointer (&f->names, g_ptr_array_unref);
  g_clear_pointer (&f->labels, g_ptr_array_unref);
  g_clear_object (&f->adviser);
  g_clear_object (&f->error);
  g_free (f);
}

static void
show_error (ReassignForm *f,
            GtkWidget    *dialog,
            const char   *message)
{
  gtk_label_set_label (f->error, message);
  gtk_widget_set_visible (GTK_WIDGET (f->error), message != NULL);
  if (message != NULL && !gtk_widget_get_visible (dialog))
    pathways_context_show_message (f->context, message);
}

typedef struct {
  char       *on;
  GListModel *staff;
  GHashTable *sizes;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *l = data;

  g_free (l->on);
  g_clear_object (&l->staff);
  g_clear_pointer (&l->sizes, g_hash_table_unref);
  g_free (l);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Loaded *l = task_data;
  GError *error = NULL;

  if ((l->staff = pathways_store_list (source_object, PATHWAYS_TYPE_STAFF, &error)) == NULL ||
      (l->sizes = pathways_people_caseload_sizes (source_object, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AdwMessageDialog) dialog = user_data;
  ReassignForm *f = g_object_get_data (G_OBJECT (dialog), "form");
  Loaded *l = g_task_get_task_data (G_TASK (result));
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (f, GTK_WIDGET (dialog), error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (l->staff); i++)
    {
      g_autoptr(PathwaysStaff) s = g_list_model_get_item (l->staff, i);
      gint64 id = pathways_record_get_id (PATHWAYS_RECORD (s));
      const char *left = pathways_staff_get_left_on (s);
      int open;
      char *label;

      if (g_strcmp0 (pathways_staff_get_role (s), "pa") != 0 || (left != NULL && strcmp (left, l->on) <= 0))
        continue;
      open = GPOINTER_TO_INT (g_hash_table_lookup (l->sizes, &id));
      /* Translators: a personal adviser and their caseload, "Alison Bennett — 3 young people" */
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — %d young person", "%s — %d young people", open),
                               pathways_staff_get_name (s), open);
      g_array_append_val (f->staff_ids, id);
      g_ptr_array_add (f->names, g_strdup (pathways_staff_get_name (s)));
      g_ptr_array_add (f->labels, label);
      gtk_string_list_append (strings, label);
    }
  gtk_drop_down_set_model (f->adviser, G_LIST_MODEL (strings));
  f->ready = TRUE;
  if (f->staff_ids->len == 0)
    show_error (f, GTK_WIDGET (dialog), _("There is no personal adviser to reassign to: add one on the Team page"));
  adw_message_dialog_set_response_enabled (dialog, "reassign", f->staff_ids->len > 0);
}

static void
reassigned_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AdwMessageDialog) dialog = user_data;
  ReassignForm *f = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint chosen = gtk_drop_down_get_selected (f->adviser);

  gtk_widget_set_sensitive (GTK_WIDGET (dialog), TRUE);
  if (!pathways_people_action_finish (PATHWAYS_STORE (source), result, &undo, &error))
    {
      show_error (f, GTK_WIDGET (dialog), error->message);
      return;
    }
  /* Translators: a toast, "3 young people reassigned to Alison Bennett" */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u young person reassigned to %s",
                                          "%u young people reassigned to %s", f->people->len),
                             f->people->len, chosen < f->names->len ? (char *) g_ptr_array_index (f->names, chosen) : "");
  pathways_context_show_undoable (f->context, message, undo);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  ReassignForm *f = g_object_get_data (G_OBJECT (dialog), "form");
  PathwaysStore *store = pathways_context_get_store (f->context);
  guint chosen = gtk_drop_down_get_selected (f->adviser);

  if (!g_str_equal (response, "reassign") || store == NULL)
    {
      if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
        gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  if (!f->ready || chosen >= f->staff_ids->len)
    {
      show_error (f, GTK_WIDGET (dialog), _("Choose the personal adviser they go to"));
      return;
    }
  show_error (f, GTK_WIDGET (dialog), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (dialog), FALSE);
  pathways_people_reassign_async (store, (const gint64 *) (gpointer) f->people->data, f->people->len,
                                  g_array_index (f->staff_ids, gint64, chosen), NULL, reassigned_cb,
                                  g_object_ref (dialog));
}

AdwMessageDialog *
pathways_reassign_dialog_present (GtkWindow       *parent,
                                  PathwaysContext *context,
                                  const gint64    *person_ids,
                                  guint            n_people)
{
  ReassignForm *f = g_new0 (ReassignForm, 1);
  PathwaysStore *store = pathways_context_get_store (context);
  g_autofree char *heading = NULL;
  g_autoptr(GTask) task = NULL;
  GtkWidget *dialog, *box;
  Loaded *l;

  f->context = g_object_ref (context);
  f->people = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_people);
  g_array_append_vals (f->people, person_ids, n_people);
  f->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->names = g_ptr_array_new_with_free_func (g_free);
  f->labels = g_ptr_array_new_with_free_func (g_free);
  f->cancellable = g_cancellable_new ();

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reassign %u Young Person", "Reassign %u Young People",
                                          n_people), n_people);
  dialog = adw_message_dialog_new (parent, heading,
                                   _("Choose their new personal adviser. Each adviser's open cases are shown."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  f->adviser = GTK_DROP_DOWN (g_object_ref (gtk_drop_down_new_from_strings ((const char *[]) { _("Loading…"), NULL })));
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->adviser), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New personal adviser"), -1);
  f->error = GTK_LABEL (g_object_ref (gtk_label_new (NULL)));
  gtk_label_set_wrap (f->error, TRUE);
  gtk_label_set_xalign (f->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (f->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (f->error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->adviser));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->error));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "reassign", _("_Reassign"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reassign", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reassign", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reassign");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "form", f, form_free);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), FALSE);

  if (store != NULL)
    {
      l = g_new0 (Loaded, 1);
      l->on = pathways_context_dup_today (context);
      task = g_task_new (store, f->cancellable, loaded_cb, g_object_ref (dialog));
      g_task_set_source_tag (task, pathways_reassign_dialog_present);
      g_task_set_task_data (task, l, loaded_free);
      g_task_run_in_thread (task, load_thread);
    }
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

gboolean
pathways_reassign_dialog_is_ready (AdwMessageDialog *dialog)
{
  ReassignForm *f = g_object_get_data (G_OBJECT (dialog), "form");

  g_return_val_if_fail (f != NULL, FALSE);
  return f->ready;
}

void
pathways_reassign_dialog_choose (AdwMessageDialog *dialog,
                                 gint64            staff_id)
{
  ReassignForm *f = g_object_get_data (G_OBJECT (dialog), "form");

  g_return_if_fail (f != NULL);
  for (guint i = 0; i < f->staff_ids->len; i++)
    if (g_array_index (f->staff_ids, gint64, i) == staff_id)
      gtk_drop_down_set_selected (f->adviser, i);
}

const char *
pathways_reassign_dialog_get_label (AdwMessageDialog *dialog,
                                    gint64            staff_id)
{
  ReassignForm *f = g_object_get_data (G_OBJECT (dialog), "form");

  g_return_val_if_fail (f != NULL, NULL);
  for (guint i = 0; i < f->staff_ids->len; i++)
    if (g_array_index (f->staff_ids, gint64, i) == staff_id)
      return g_ptr_array_index (f->labels, i);
  return NULL;
}

const char *
pathways_reassign_dialog_get_error (AdwMessageDialog *dialog)
{
  ReassignForm *f = g_object_get_data (G_OBJECT (dialog), "form");

  g_return_val_if_fail (f != NULL, NULL);
  return gtk_widget_get_visible (GTK_WIDGET (f->error)) ? gtk_label_get_label (f->error) : NULL;
}
