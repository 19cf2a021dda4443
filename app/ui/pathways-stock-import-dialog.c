/* pathways-stock-import-dialog.c — Import Stock… from the app
 *
 * The chosen CSV is read against the units already held in a worker
 * thread (pathways_stock_import_read_async) and previewed: how many units
 * are added, how many rows are for units already held, and every problem
 * with its file, row, column and value.  Rows with errors are skipped
 * only when the user says so; otherwise an import with errors is refused
 * whole.  The units are added as one transaction in a worker thread
 * (pathways_stock_import_apply_async; Cancel rolls it back), and a toast's
 * Undo undoes that import — only while it is still the latest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-stock-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-903-import.h"
#include "pathways-stock-import.h"
#include "pathways-stock-import-dialog.h"
#include "pathways-import-toast.h"

struct _PathwaysStockImportDialog
{
  AdwWindow            parent_instance;

  PathwaysContext     *context;
  GCancellable        *cancellable;
  PathwaysStockImport *import;
  GFile               *file;
  char                *error_text;
  gboolean             busy;
  gint64               import_id;

  GtkLabel            *summary;
  GtkLabel            *error_label;
  GtkCheckButton      *skip;
  GtkSpinner          *spinner;
  GtkListBox          *problems;
  GtkWidget           *import_button;
};

G_DEFINE_FINAL_TYPE (PathwaysStockImportDialog, pathways_stock_import_dialog, ADW_TYPE_WINDOW)

static void
update_state (PathwaysStockImportDialog *self)
{
  gboolean errors = self->import != NULL && self->import->n_errors > 0;
  gboolean any = self->import != NULL && self->import->units->len > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stock-import.import",
                                 !self->busy && any && (!errors || gtk_check_button_get_active (self->skip)));
  gtk_widget_set_visible (GTK_WIDGET (self->skip), errors);
  gtk_widget_set_sensitive (GTK_WIDGET (self->skip), !self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_label_set_text (self->error_label, self->error_text ? self->error_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->error_text != NULL);
}

static void
set_error (PathwaysStockImportDialog *self,
           const char                *text)
{
  g_free (self->error_text);
  self->error_text = g_strdup (text);
  update_state (self);
}

static void
add_problem_row (PathwaysStockImportDialog *self,
                 PathwaysExchangeProblem   *p)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  const char *kind;
  g_autofree char *name = NULL;

  switch (p->severity)
    {
    case PATHWAYS_PROBLEM_ERROR:
      icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      kind = _("Error");
      break;
    case PATHWAYS_PROBLEM_WARNING:
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      kind = _("Warning");
      break;
    default:
      icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
      kind = _("Note");
      break;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, kind, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->message);
  gtk_widget_add_css_class (row, "property");
  /* Translators: what a screen reader says for a problem row: "Error. stock.csv row 3, kind ‘castle’: …" */
  name = g_strdup_printf (_("%s. %s"), kind, p->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* That label alone: libadwaita 1.2 labels an action row by its title as well */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_list_box_append (self->problems, row);
}

static void
show_preview (PathwaysStockImportDialog *self)
{
  PathwaysStockImport *imp = self->import;
  g_autofree char *added = NULL, *held = NULL, *bad = NULL, *text = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems))) != NULL)
    gtk_list_box_remove (self->problems, child);
  for (guint i = 0; i < imp->problems->len; i++)
    add_problem_row (self, g_ptr_array_index (imp->problems, i));
  gtk_widget_set_visible (GTK_WIDGET (self->problems), imp->problems->len > 0);

  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unit to add", "%u units to add", imp->units->len),
                           imp->units->len);
  held = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row for a unit already held (left as it is)",
                                       "%u rows for units already held (left as they are)", imp->rows_known),
                          imp->rows_known);
  bad = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row with errors", "%u rows with errors",
                                      imp->rows_skipped), imp->rows_skipped);
  /* Translators: the stock import's preview: "stock.csv: 12 units to add, 2 rows for units already held (left as they are), 1 row with errors" */
  text = g_strdup_printf (_("%s: %s, %s, %s"), imp->name, added, held, bad);
  gtk_label_set_text (self->summary, text);
  update_state (self);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PathwaysStockImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  PathwaysStockImport *imp = pathways_stock_import_read_finish (PATHWAYS_STORE (source), result, &error);

  self->busy = FALSE;
  if (imp == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_label_set_text (self->summary, "");
          set_error (self, error->message);
        }
      return;
    }
  g_clear_pointer (&self->import, pathways_stock_import_free);
  self->import = imp;
  show_preview (self);
}

void
pathways_stock_import_dialog_load (PathwaysStockImportDialog *self,
                                   GFile                     *file)
{
  PathwaysStore *store = pathways_context_get_store (self->context);
  g_autofree char *path = g_file_get_path (file);

  if (store == NULL || path == NULL)
    return;
  g_set_object (&self->file, file);
  g_clear_pointer (&self->import, pathways_stock_import_free);
  g_clear_pointer (&self->error_text, g_free);
  gtk_label_set_text (self->summary, _("Reading the file…"));
  self->busy = TRUE;
  update_state (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  pathways_stock_import_read_async (store, path, self->cancellable, read_cb, g_object_ref (self));
}

static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PathwaysStockImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id = 0;
  AdwToast *toast;
  guint n;

  self->busy = FALSE;
  if (!pathways_stock_import_apply_finish (PATHWAYS_STORE (source), result, &id, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_error (self, _("The import was stopped: nothing was imported"));
      else
        set_error (self, error->message);
      return;
    }
  self->import_id = id;
  n = self->import->units->len;
  /* Translators: a toast after a stock import */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Stock imported: %u unit added", "Stock imported: %u units added", n), n);
  toast = pathways_import_toast_new (self->context, text, id, _("Stock import undone"));
  pathways_context_add_toast (self->context, toast);
  update_state (self);
  gtk_window_close (GTK_WINDOW (self));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwaysStockImportDialog *self = PATHWAYS_STOCK_IMPORT_DIALOG (widget);
  PathwaysStore *store = pathways_context_get_store (self->context);

  if (store == NULL || self->import == NULL || self->busy)
    return;
  if (self->import->n_errors > 0 && !gtk_check_button_get_active (self->skip))
    return;
  g_clear_pointer (&self->error_text, g_free);
  self->busy = TRUE;
  update_state (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_label_set_text (self->summary, _("Importing…"));
  pathways_stock_import_apply_async (store, self->import, self->cancellable, applied_cb, g_object_ref (self));
}

/* Cancel stops the work (an import rolls back) and, when idle, closes */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwaysStockImportDialog *self = PATHWAYS_STOCK_IMPORT_DIALOG (widget);

  if (self->busy)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
skip_toggled_cb (PathwaysStockImportDialog *self)
{
  update_state (self);
}

static gboolean
close_request_cb (PathwaysStockImportDialog *self)
{
  /* The worker holds @import until it returns: not closed under it */
  if (self->busy)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return FALSE;
}

static void
pathways_stock_import_dialog_dispose (GObject *object)
{
  PathwaysStockImportDialog *self = PATHWAYS_STOCK_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->file);
  g_clear_pointer (&self->import, pathways_stock_import_free);
  g_clear_pointer (&self->error_text, g_free);
  G_OBJECT_CLASS (pathways_stock_import_dialog_parent_class)->dispose (object);
}

static void
pathways_stock_import_dialog_class_init (PathwaysStockImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_stock_import_dialog_dispose;
  gtk_widget_class_install_action (widget_class, "stock-import.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "stock-import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "stock-import.cancel", NULL);
}

static void
pathways_stock_import_dialog_init (PathwaysStockImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Import Stock"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 540);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "stock-import.cancel");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->import_button), "stock-import.import");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Working"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_xalign (self->summary, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "heading");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->summary));
  self->skip = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Skip rows with errors and import the rest")));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->skip));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_selectable (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));
  self->problems = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->problems, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->problems), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problems), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problems in the file"), -1);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->problems));
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  /* The scrolled pane is called what it scrolls (pathways-accessibility.c) */
  gtk_accessible_update_property (GTK_ACCESSIBLE (clamp), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview of the import"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect_swapped (self->skip, "toggled", G_CALLBACK (skip_toggled_cb), self);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

PathwaysStockImportDialog *
pathways_stock_import_dialog_new (PathwaysContext *context)
{
  PathwaysStockImportDialog *self = g_object_new (PATHWAYS_TYPE_STOCK_IMPORT_DIALOG, NULL);

  self->context = g_object_ref (context);
  update_state (self);
  return self;
}

static void
chosen_cb (GtkNativeDialog *chooser,
           int              response,
           PathwaysContext *context)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      pathways_context_get_store (context) != NULL)
    {
      PathwaysStockImportDialog *dialog = pathways_stock_import_dialog_new (context);
      GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);

      gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
      gtk_window_present (GTK_WINDOW (dialog));
      pathways_stock_import_dialog_load (dialog, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
pathways_stock_import_choose (GtkWindow       *parent,
                              PathwaysContext *context)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Stock"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV file"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  g_signal_connect_data (chooser, "response", G_CALLBACK (chosen_cb), g_object_ref (context),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
pathways_stock_import_dialog_is_busy (PathwaysStockImportDialog *self)
{
  return self->busy;
}

void
pathways_stock_import_dialog_set_skip_errors (PathwaysStockImportDialog *self,
                                              gboolean                   skip)
{
  gtk_check_button_set_active (self->skip, skip);
}

guint
pathways_stock_import_dialog_get_n_units (PathwaysStockImportDialog *self)
{
  return self->import ? self->import->units->len : 0;
}

guint
pathways_stock_import_dialog_get_n_errors (PathwaysStockImportDialog *self)
{
  return self->import ? self->import->n_errors : 0;
}

GtkListBox *
pathways_stock_import_dialog_get_problem_list (PathwaysStockImportDialog *self)
{
  return self->problems;
}

gint64
pathways_stock_import_dialog_get_import_id (PathwaysStockImportDialog *self)
{
  return self->import_id;
}

const char *
pathways_stock_import_dialog_get_error (PathwaysStockImportDialog *self)
{
  return self->error_text;
}
