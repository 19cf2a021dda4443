/* pathways-903-export-dialog.c — Export → SSDA903 Return… from the app
 *
 * The return for a collection year is built from the store and checked
 * against the DfE's rules in a worker thread (the core's
 * pathways_903_export_from_store); with no breach it is written at once,
 * otherwise the breaches are listed (young person, field, rule) and
 * nothing is written unless Export Anyway is chosen.  Files already in
 * the folder are replaced only when confirmed.  A toast then offers Open
 * and Show in Files for the folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-903-export-dialog"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "pathways-903-codes.h"
#include "pathways-903-export.h"
#include "pathways-903-import.h"
#include "pathways-903-export-dialog.h"
#include "pathways-exchange.h"
#include "pathways-file-toast.h"

static const char *const file_names[] = { "header.csv", "episodes.csv", "oc3.csv" };

struct _Pathways903ExportDialog
{
  AdwWindow          parent_instance;

  PathwaysContext   *context;
  GCancellable      *cancellable;
  Pathways903Export *export;       /* checked, kept for Export Anyway */
  GFile             *folder;
  char              *error_text;
  gboolean           busy;
  gboolean           written;

  GtkStack          *stack;
  GtkSpinButton     *year;
  AdwActionRow      *year_row;
  AdwActionRow      *folder_row;
  GtkLabel          *error_label;
  GtkSpinner        *spinner;
  GtkLabel          *breach_heading;
  GtkListBox        *breaches;
  GtkWidget         *export_button;
  GtkWidget         *force_button;
  AdwMessageDialog  *confirm;
};

G_DEFINE_FINAL_TYPE (Pathways903ExportDialog, pathways_903_export_dialog, ADW_TYPE_WINDOW)

int
pathways_903_export_default_year (const char *today)
{
  int y = 0, m = 0, d = 0;

  if (today == NULL || sscanf (today, "%d-%d-%d", &y, &m, &d) != 3)
    return 2000;
  /* The year ending 31 March this calendar year has ended from 1 April */
  return m >= 4 ? y : y - 1;
}

static void
update_state (Pathways903ExportDialog *self)
{
  gboolean listing = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "breaches") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export-903.export",
                                 !self->busy && !listing && self->folder != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export-903.force",
                                 !self->busy && listing && self->export != NULL);
  gtk_widget_set_visible (self->export_button, !listing);
  gtk_widget_set_visible (self->force_button, listing);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->year), !self->busy && !listing);
  gtk_label_set_text (self->error_label, self->error_text ? self->error_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->error_text != NULL);
}

static void
set_error (Pathways903ExportDialog *self,
           const char              *text)
{
  g_free (self->error_text);
  self->error_text = g_strdup (text);
  update_state (self);
}

static void
year_changed_cb (Pathways903ExportDialog *self)
{
  int year = gtk_spin_button_get_value_as_int (self->year);
  /* Translators: the collection year chosen, in UK dates */
  g_autofree char *text = g_strdup_printf (_("01/04/%d to 31/03/%d"), year - 1, year);

  adw_action_row_set_subtitle (self->year_row, text);
  g_clear_pointer (&self->export, pathways_903_export_free);
}

/* The work in the worker thread */

typedef struct {
  PathwaysStore     *store;
  int                year;
  char              *directory;
  gboolean           force;
  gboolean           overwrite;    /* replacing files already there was confirmed */
  Pathways903Export *export;       /* borrowed from the dialog (which the task holds):
                                      Export Anyway writes what was checked */
} ExportData;

typedef struct {
  Pathways903Export *export;       /* built here; NULL when it was given */
  gboolean           written;
  gboolean           confirm;      /* files are there: ask before replacing them */
} ExportResult;

static void
export_data_free (gpointer data)
{
  ExportData *d = data;

  g_clear_object (&d->store);
  g_free (d->directory);
  g_free (d);
}

static void
export_result_free (gpointer data)
{
  ExportResult *r = data;

  g_clear_pointer (&r->export, pathways_903_export_free);
  g_free (r);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *d = task_data;
  ExportResult *r = g_new0 (ExportResult, 1);
  g_autoptr(Pathways903CodeTable) table = NULL;
  GError *error = NULL;

  Pathways903Export *x = d->export;

  if (x == NULL)
    {
      Pathways903Codes codes;

      if ((table = pathways_903_code_table_load_default (&error)) == NULL)
        goto failed;
      codes = pathways_903_code_table_as_codes (table);
      if ((x = r->export = pathways_903_export_from_store (d->store, d->year, &codes, &error)) == NULL)
        goto failed;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    goto failed;
  if (x->n_breaches > 0 && !d->force)
    {
      g_task_return_pointer (task, r, export_result_free);
      return;
    }
  if (!d->overwrite)
    for (guint i = 0; i < G_N_ELEMENTS (file_names); i++)
      {
        g_autofree char *path = g_build_filename (d->directory, file_names[i], NULL);
        if (g_file_test (path, G_FILE_TEST_EXISTS))
          {
            r->confirm = TRUE;
            g_task_return_pointer (task, r, export_result_free);
            return;
          }
      }
  if (g_mkdir_with_parents (d->directory, 0700) != 0 || g_access (d->directory, W_OK) != 0)
    {
      int saved = errno;
      g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not write to the folder %s: %s"), d->directory, g_strerror (saved));
      goto failed;
    }
  if (!pathways_903_export_write (x, d->directory, TRUE, &error))
    goto failed;
  r->written = TRUE;
  g_task_return_pointer (task, r, export_result_free);
  return;

failed:
  export_result_free (r);
  g_task_return_error (task, error);
}

static void
add_breach_row (Pathways903ExportDialog *self,
                PathwaysExchangeProblem *p)
{
  GtkWidget *row = adw_action_row_new ();
  const char *child = p->child && *p->child ? p->child : _("The whole return");
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (p->column && p->rule)
    /* Translators: a breach of the DfE rules: the young person's CHILD id, the field and the DfE rule */
    title = g_strdup_printf (_("%s: %s, rule %s"), child, p->column, p->rule);
  else if (p->column)
    /* Translators: a breach of the DfE rules: the young person's CHILD id and the field */
    title = g_strdup_printf (_("%s: %s"), child, p->column);
  else if (p->rule)
    /* Translators: a breach of the DfE rules: the young person's CHILD id and the DfE rule */
    title = g_strdup_printf (_("%s: rule %s"), child, p->rule);
  else
    title = g_strdup (child);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), p->message);
  if (p->severity == PATHWAYS_PROBLEM_ERROR)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Error"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  else
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  /* Translators: what a screen reader says for a breach row: the title and the sentence */
  name = g_strdup_printf (_("%s. %s"), title, p->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* That label alone: libadwaita 1.2 labels an action row by its title as well */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_list_box_append (self->breaches, row);
}

static void
show_breaches (Pathways903ExportDialog *self)
{
  GtkWidget *child;
  g_autofree char *heading = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->breaches))) != NULL)
    gtk_list_box_remove (self->breaches, child);
  for (guint i = 0; i < self->export->tables->problems->len; i++)
    {
      PathwaysExchangeProblem *p = g_ptr_array_index (self->export->tables->problems, i);
      if (p->severity != PATHWAYS_PROBLEM_NOTE)
        add_breach_row (self, p);
    }
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The return breaks %u DfE rule. Nothing has been written: correct it, or export anyway.",
                                          "The return breaks DfE rules %u times. Nothing has been written: correct them, or export anyway.",
                                          self->export->n_breaches),
                             self->export->n_breaches);
  gtk_label_set_text (self->breach_heading, heading);
  gtk_stack_set_visible_child_name (self->stack, "breaches");
}

static void start_export   (Pathways903ExportDialog *self,
                            gboolean                 force,
                            gboolean                 overwrite);
static void ask_to_replace (Pathways903ExportDialog *self);

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Pathways903ExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  ExportResult *r = g_task_propagate_pointer (G_TASK (result), &error);

  self->busy = FALSE;
  if (r == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_error (self, error->message);
      return;
    }
  if (r->export != NULL)
    {
      g_clear_pointer (&self->export, pathways_903_export_free);
      self->export = g_steal_pointer (&r->export);
    }
  self->written = r->written;
  g_clear_pointer (&self->error_text, g_free);
  if (r->confirm)
    {
      export_result_free (r);
      update_state (self);
      ask_to_replace (self);
      return;
    }
  export_result_free (r);
  if (!self->written)
    {
      show_breaches (self);
      update_state (self);
      gtk_widget_grab_focus (self->force_button);
      return;
    }
  {
    g_autofree char *path = g_file_get_path (self->folder);
    /* Translators: a toast after writing the SSDA903 return; %d is the collection year, %s the folder */
    g_autofree char *text = g_strdup_printf (_("SSDA903 return %d written to %s"), self->export->year, path);

    pathways_context_add_toast (self->context, pathways_file_toast_new (text, self->folder));
  }
  update_state (self);
  gtk_window_close (GTK_WINDOW (self));
}

static void
start_export (Pathways903ExportDialog *self,
              gboolean                 force,
              gboolean                 overwrite)
{
  g_autoptr(GTask) task = NULL;
  ExportData *d;
  PathwaysStore *store = pathways_context_get_store (self->context);

  if (store == NULL || self->folder == NULL || self->busy)
    return;
  d = g_new0 (ExportData, 1);
  d->store = g_object_ref (store);
  d->year = gtk_spin_button_get_value_as_int (self->year);
  d->directory = g_file_get_path (self->folder);
  d->force = force;
  d->overwrite = overwrite;
  /* Export Anyway, or replacing the files, writes what was checked */
  if (force)
    d->export = self->export;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, exported_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, d, export_data_free);
  self->busy = TRUE;
  g_clear_pointer (&self->error_text, g_free);
  update_state (self);
  g_task_run_in_thread (task, export_thread);
}

static void
confirm_cb (AdwMessageDialog        *dialog,
            const char              *response,
            Pathways903ExportDialog *self)
{
  self->confirm = NULL;
  if (g_strcmp0 (response, "replace") == 0)
    start_export (self, TRUE, TRUE);
}

/* Files already there are replaced only when confirmed */
static void
ask_to_replace (Pathways903ExportDialog *self)
{
  g_autofree char *path = g_file_get_path (self->folder);

  self->confirm = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Replace the Return Files?"), NULL));
  adw_message_dialog_format_body (self->confirm,
                                  _("The folder %s already holds a return (header.csv, episodes.csv or oc3.csv). Exporting replaces those files."),
                                  path);
  adw_message_dialog_add_responses (self->confirm, "cancel", _("_Cancel"), "replace", _("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (self->confirm, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (self->confirm, "cancel");
  adw_message_dialog_set_close_response (self->confirm, "cancel");
  g_signal_connect (self->confirm, "response", G_CALLBACK (confirm_cb), self);
  gtk_window_present (GTK_WINDOW (self->confirm));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  start_export (PATHWAYS_903_EXPORT_DIALOG (widget), FALSE, FALSE);
}

static void
force_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  Pathways903ExportDialog *self = PATHWAYS_903_EXPORT_DIALOG (widget);

  if (self->export != NULL)
    start_export (self, TRUE, FALSE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
folder_chosen_cb (GtkNativeDialog         *chooser,
                  int                      response,
                  Pathways903ExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        pathways_903_export_dialog_set_folder (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  Pathways903ExportDialog *self = PATHWAYS_903_EXPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Folder for the SSDA903 Return"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (self->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), self->folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
close_request_cb (Pathways903ExportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  return FALSE;
}

static void
pathways_903_export_dialog_dispose (GObject *object)
{
  Pathways903ExportDialog *self = PATHWAYS_903_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->export, pathways_903_export_free);
  g_clear_pointer (&self->error_text, g_free);
  G_OBJECT_CLASS (pathways_903_export_dialog_parent_class)->dispose (object);
}

static void
pathways_903_export_dialog_class_init (Pathways903ExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_903_export_dialog_dispose;
  gtk_widget_class_install_action (widget_class, "export-903.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "export-903.force", NULL, force_action);
  gtk_widget_class_install_action (widget_class, "export-903.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "export-903.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export-903.cancel", NULL);
}

static void
pathways_903_export_dialog_init (Pathways903ExportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *form = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("C_hoose…"));
  GtkWidget *listing = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Export SSDA903 Return"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 620, 520);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "export-903.cancel");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->export_button = gtk_button_new_with_mnemonic (_("_Export"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->export_button), "export-903.export");
  self->force_button = gtk_button_new_with_mnemonic (_("Export _Anyway"));
  gtk_widget_add_css_class (self->force_button, "destructive-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->force_button), "export-903.force");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->force_button);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Checking the return"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (box), header);

  /* The form: year and folder */
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The DfE’s SSDA903 return: header.csv, episodes.csv and oc3.csv, checked against the DfE’s rules before they are written."));
  self->year_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->year_row), _("Collection _Year"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->year_row), TRUE);
  self->year = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1901, 9999, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->year), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Collection year, ending 31 March"), -1);
  adw_action_row_add_suffix (self->year_row, GTK_WIDGET (self->year));
  adw_action_row_set_activatable_widget (self->year_row, GTK_WIDGET (self->year));
  /* Its own label, not the row's title again (libadwaita 1.2 adds the title as labelled-by) */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->year), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->year_row));

  self->folder_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->folder_row), _("Output Folder"));
  adw_action_row_set_subtitle (self->folder_row, _("None chosen"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choose), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the output folder"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (choose), "export-903.choose-folder");
  adw_action_row_add_suffix (self->folder_row, choose);
  adw_action_row_set_activatable_widget (self->folder_row, choose);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->folder_row));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_selectable (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->error_label));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (form), ADW_PREFERENCES_GROUP (group));

  /* The breaches */
  gtk_widget_set_margin_top (listing, 18);
  gtk_widget_set_margin_bottom (listing, 18);
  gtk_widget_set_margin_start (listing, 12);
  gtk_widget_set_margin_end (listing, 12);
  self->breach_heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->breach_heading, TRUE);
  gtk_label_set_xalign (self->breach_heading, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->breach_heading), "heading");
  gtk_box_append (GTK_BOX (listing), GTK_WIDGET (self->breach_heading));
  self->breaches = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->breaches, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->breaches), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->breaches), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Breaches of the DfE rules"), -1);
  gtk_box_append (GTK_BOX (listing), GTK_WIDGET (self->breaches));
  adw_clamp_set_child (ADW_CLAMP (clamp), listing);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, form, "form");
  gtk_stack_add_named (self->stack, scroller, "breaches");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect_swapped (self->year, "value-changed", G_CALLBACK (year_changed_cb), self);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);
}

Pathways903ExportDialog *
pathways_903_export_dialog_new (PathwaysContext *context)
{
  Pathways903ExportDialog *self = g_object_new (PATHWAYS_TYPE_903_EXPORT_DIALOG, NULL);
  g_autofree char *today = pathways_context_dup_today (context);

  self->context = g_object_ref (context);
  gtk_spin_button_set_value (self->year, pathways_903_export_default_year (today));
  year_changed_cb (self);
  update_state (self);
  return self;
}

int
pathways_903_export_dialog_get_year (Pathways903ExportDialog *self)
{
  return gtk_spin_button_get_value_as_int (self->year);
}

void
pathways_903_export_dialog_set_year (Pathways903ExportDialog *self,
                                     int                      year)
{
  gtk_spin_button_set_value (self->year, year);
}

GFile *
pathways_903_export_dialog_get_folder (Pathways903ExportDialog *self)
{
  return self->folder;
}

void
pathways_903_export_dialog_set_folder (Pathways903ExportDialog *self,
                                       GFile                   *folder)
{
  g_autofree char *path = NULL;

  g_set_object (&self->folder, folder);
  path = folder ? g_file_get_path (folder) : NULL;
  adw_action_row_set_subtitle (self->folder_row, path ? path : _("None chosen"));
  update_state (self);
}

gboolean
pathways_903_export_dialog_is_busy (Pathways903ExportDialog *self)
{
  return self->busy;
}

guint
pathways_903_export_dialog_get_n_breaches (Pathways903ExportDialog *self)
{
  return self->export ? self->export->n_breaches : 0;
}

GtkListBox *
pathways_903_export_dialog_get_breach_list (Pathways903ExportDialog *self)
{
  return self->breaches;
}

const char *
pathways_903_export_dialog_get_error (Pathways903ExportDialog *self)
{
  return self->error_text;
}

gboolean
pathways_903_export_dialog_get_written (Pathways903ExportDialog *self)
{
  return self->written;
}

AdwMessageDialog *
pathways_903_export_dialog_get_confirm (Pathways903ExportDialog *self)
{
  return self->confirm;
}
