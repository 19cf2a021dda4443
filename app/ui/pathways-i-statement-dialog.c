/* pathways-i-statement-dialog.c — the I statements asked at a review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-i-statement-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-format.h"
#include "pathways-i-statement-dialog.h"
#include "pathways-istatement.h"
#include "pathways-page.h"
#include "pathways-person-page.h"
#include "pathways-widgets.h"

struct _PathwaysIStatementDialog
{
  AdwWindow parent_instance;

  PathwaysContext *context;
  gint64           person_id;
  GArray          *statement_ids;  /* gint64, one per combo */
  GPtrArray       *combos;         /* AdwComboRow */
  gboolean         busy;

  AdwPreferencesGroup *group;
  AdwEntryRow         *date_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (PathwaysIStatementDialog, pathways_i_statement_dialog, ADW_TYPE_WINDOW)

static const char * const answers[] = { NULL, "yes", "partly", "no" };

typedef struct {
  gint64             person_id;
  char              *date;
  GArray            *ids;
  GPtrArray         *answers;  /* const char* (static) */
  PathwaysChangeSet *undo;
} Save;

static void
save_free (Save *s)
{
  g_free (s->date);
  g_clear_pointer (&s->ids, g_array_unref);
  g_clear_pointer (&s->answers, g_ptr_array_unref);
  g_clear_pointer (&s->undo, pathways_change_set_unref);
  g_free (s);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Save *s = task_data;
  GError *error = NULL;

  if (!pathways_store_begin_recorded (source_object, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < s->ids->len; i++)
    if (!pathways_i_statement_answer (source_object, s->person_id, g_array_index (s->ids, gint64, i),
                                      g_ptr_array_index (s->answers, i), s->date, NULL, &error))
      {
        pathways_store_rollback_recorded (source_object);
        g_task_return_error (task, error);
        return;
      }
  if (!pathways_store_commit_recorded (source_object, &s->undo, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PathwaysIStatementDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  Save *s = g_task_get_task_data (G_TASK (result));

  self->busy = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  pathways_context_show_undoable (self->context, _("Answers to the I statements recorded"), s->undo);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwaysIStatementDialog *self = PATHWAYS_I_STATEMENT_DIALOG (widget);
  PathwaysStore *store = pathways_context_get_store (self->context);
  g_autoptr(GTask) task = NULL;
  Save *s;

  if (store == NULL || self->busy)
    return;
  s = g_new0 (Save, 1);
  s->person_id = self->person_id;
  s->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  s->answers = g_ptr_array_new ();
  if (!pathways_date_parse_user (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &s->date))
    {
      gtk_label_set_text (self->error_label, _("Asked on: give the day of the review, as dd/mm/yyyy"));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      save_free (s);
      return;
    }
  for (guint i = 0; i < self->combos->len; i++)
    {
      guint k = adw_combo_row_get_selected (g_ptr_array_index (self->combos, i));
      if (k > 0 && k < G_N_ELEMENTS (answers))
        {
          g_array_append_val (s->ids, g_array_index (self->statement_ids, gint64, i));
          g_ptr_array_add (s->answers, (gpointer) answers[k]);
        }
    }
  if (s->ids->len == 0)
    {
      gtk_label_set_text (self->error_label, _("Give at least one answer"));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      save_free (s);
      return;
    }
  self->busy = TRUE;
  task = g_task_new (store, NULL, saved_cb, g_object_ref (self));
  g_task_set_source_tag (task, save_action);
  g_task_set_task_data (task, s, (GDestroyNotify) save_free);
  g_task_run_in_thread (task, save_thread);
}

static void
pathways_i_statement_dialog_dispose (GObject *object)
{
  PathwaysIStatementDialog *self = PATHWAYS_I_STATEMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_I_STATEMENT_DIALOG);
  g_clear_pointer (&self->statement_ids, g_array_unref);
  g_clear_pointer (&self->combos, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pathways_i_statement_dialog_parent_class)->dispose (object);
}

static void
pathways_i_statement_dialog_class_init (PathwaysIStatementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_i_statement_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-i-statement-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysIStatementDialog, group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysIStatementDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysIStatementDialog, error_label);

  gtk_widget_class_install_action (widget_class, "statements.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "statements.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pathways_i_statement_dialog_init (PathwaysIStatementDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->statement_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->combos = g_ptr_array_new ();
}

PathwaysIStatementDialog *
pathways_i_statement_dialog_new (PathwaysContext *context,
                                 gint64           person_id)
{
  PathwaysIStatementDialog *self;
  PathwaysStore *store = pathways_context_get_store (context);
  g_autoptr(GListModel) statements = NULL;
  g_autofree char *today = NULL;
  g_autofree char *uk = NULL;

  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);

  self = g_object_new (PATHWAYS_TYPE_I_STATEMENT_DIALOG, NULL);
  self->context = g_object_ref (context);
  self->person_id = person_id;
  today = pathways_context_dup_today (context);
  uk = pathways_date_format_uk (today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), uk);
  /* The authority's short list of statements: small, read here */
  if (store != NULL)
    statements = pathways_store_list (store, PATHWAYS_TYPE_I_STATEMENT, NULL);
  for (guint i = 0; statements != NULL && i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(PathwaysIStatement) st = g_list_model_get_item (statements, i);
      g_autoptr(GtkStringList) choices = NULL;
      GtkWidget *row;
      gint64 id = pathways_record_get_id (PATHWAYS_RECORD (st));

      if (pathways_i_statement_get_retired (st) ||
          g_strcmp0 (pathways_i_statement_get_measure (st), "asked") != 0)
        continue;
      choices = gtk_string_list_new ((const char *[]) { _("Not asked"), _("Yes"), _("Partly"), _("No"), NULL });
      row = adw_combo_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pathways_i_statement_get_text (st));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->combos, row);
      g_array_append_val (self->statement_ids, id);
    }
  return self;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwaysPersonPage *page = PATHWAYS_PERSON_PAGE (widget);
  PathwaysIStatementDialog *dialog;
  gint64 person = pathways_person_page_get_person_id (page);

  if (person <= 0)
    return;
  dialog = pathways_i_statement_dialog_new (pathways_page_get_context (PATHWAYS_PAGE (page)), person);
  pathways_present_dialog (widget, GTK_WINDOW (dialog));
}

void
pathways_i_statement_dialog_install_action (GtkWidgetClass *widget_class,
                                            const char     *action_name)
{
  gtk_widget_class_install_action (widget_class, action_name, NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK, action_name, NULL);
}
