/* pathways-import-dialog.c — Import SSDA903 Files…
 *
 * Choose the CSV files of a return; they are read in a worker thread
 * (a progress bar; Cancel stops it) and merged with what the store holds
 * into a preview: what would be added and changed, and every problem with
 * its file, row, column and value.  Nothing is written until Import, which
 * runs in a worker thread as one transaction and logs the import; the
 * toast's Undo undoes the whole import (refused as a conflict if a record
 * it wrote has been changed since).
 *
 * Properties for the tests: "state" (choose, reading, preview, importing,
 * done), "n-problems", "summary", "skip-bad-rows".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-903-codes.h"
#include "pathways-903-import.h"
#include "pathways-903-plan.h"
#include "pathways-exchange.h"
#include "pathways-import-dialog.h"
#include "pathways-import-toast.h"

struct _PathwaysImportDialog
{
  AdwWindow             parent_instance;

  PathwaysContext      *context;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  Pathways903CodeTable *codes;
  GHashTable           *known;
  GStrv                 paths;
  Pathways903Plan      *plan;
  char                 *state;

  /* Template widgets */
  GtkStack             *stack;
  GtkLabel             *reading_label;
  GtkProgressBar       *progress;
  GtkLabel             *summary_label;
  GtkSwitch            *skip_switch;
  GtkListBox           *problems_list;
};

G_DEFINE_FINAL_TYPE (PathwaysImportDialog, pathways_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_STATE,
  PROP_N_PROBLEMS,
  PROP_SUMMARY,
  PROP_SKIP_BAD_ROWS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers ------------------------------------------------------------------- */

static void
set_state (PathwaysImportDialog *self,
           const char           *state)
{
  gboolean can_import;
  char *copy = g_strdup (state);  /* (@state may be self->state) */

  g_free (self->state);
  self->state = copy;
  state = copy;
  if (g_str_equal (state, "choose") || g_str_equal (state, "reading") || g_str_equal (state, "preview"))
    gtk_stack_set_visible_child_name (self->stack, state);
  can_import = g_str_equal (state, "preview") && self->plan != NULL && !self->plan->refused &&
               pathways_context_get_store (self->context) != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", can_import);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose",
                                 !g_str_equal (state, "reading") && !g_str_equal (state, "importing"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static GtkWidget *
problem_row (PathwaysExchangeProblem *p)
{
  GtkWidget *row = adw_action_row_new ();
  const char *kind = p->severity == PATHWAYS_PROBLEM_ERROR ? _("Error")
                     : p->severity == PATHWAYS_PROBLEM_WARNING ? _("Warning") : _("Note");
  GtkWidget *icon = gtk_image_new_from_icon_name (p->severity == PATHWAYS_PROBLEM_ERROR ? "dialog-error-symbolic"
                                                  : p->severity == PATHWAYS_PROBLEM_WARNING ? "dialog-warning-symbolic"
                                                  : "dialog-information-symbolic");
  /* Translators: a problem's kind and its sentence, read by a screen reader: "Error: episodes.csv row 4, …" */
  g_autofree char *name = g_strdup_printf (_("%s: %s"), kind, p->message);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->message);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind);
  gtk_widget_add_css_class (icon, p->severity == PATHWAYS_PROBLEM_ERROR ? "error"
                            : p->severity == PATHWAYS_PROBLEM_WARNING ? "warning" : "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, kind, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* That label alone: libadwaita 1.2 labels an action row by its title as well */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  return row;
}

static void
show_summary (PathwaysImportDialog *self)
{
  g_autofree char *summary = pathways_903_plan_summary (self->plan);

  gtk_label_set_label (self->summary_label, summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
show_preview (PathwaysImportDialog *self)
{
  GtkWidget *child;
  GPtrArray *problems = self->plan->data->problems;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
  for (guint i = 0; i < problems->len; i++)
    gtk_list_box_append (self->problems_list, problem_row (g_ptr_array_index (problems, i)));
  if (problems->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No problems found"));
      gtk_list_box_append (self->problems_list, row);
    }
  show_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROBLEMS]);
  set_state (self, "preview");
}

static void
fail (PathwaysImportDialog *self,
      const GError         *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_state (self, "choose");
      return;
    }
  pathways_context_show_error (self->context, error);
  set_state (self, self->plan != NULL ? "preview" : "choose");
}

/* Callbacks ----------------------------------------------------------------- */

static void
progress_cb (double      fraction,
             const char *file,
             gpointer    user_data)
{
  PathwaysImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress, fraction);
  if (file != NULL)
    {
      g_autofree char *base = g_path_get_basename (file);
      /* Translators: "Reading episodes.csv…" */
      g_autofree char *text = g_strdup_printf (_("Reading %s…"), base);
      gtk_label_set_label (self->reading_label, text);
    }
}

static void
plan_built_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PathwaysImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  Pathways903Plan *plan = pathways_903_plan_build_finish (result, &error);

  if (plan == NULL)
    {
      fail (self, error);
      return;
    }
  g_clear_pointer (&self->plan, pathways_903_plan_free);
  self->plan = plan;
  show_preview (self);
}

static void
build_plan (PathwaysImportDialog *self)
{
  Pathways903PlanOptions options = { 0 };

  options.on_error = gtk_switch_get_active (self->skip_switch) ? PATHWAYS_903_SKIP_BAD_ROWS : PATHWAYS_903_REFUSE;
  pathways_903_plan_build_async ((const char * const *) self->paths, self->codes, self->known, &options,
                                 progress_cb, g_object_ref (self), g_object_unref, self->cancellable,
                                 plan_built_cb, g_object_ref (self));
}

static void
known_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PathwaysImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GHashTable *known = pathways_903_known_load_finish (PATHWAYS_STORE (source), result, &error);

  if (known == NULL)
    {
      fail (self, error);
      return;
    }
  g_clear_pointer (&self->known, g_hash_table_unref);
  self->known = known;
  build_plan (self);
}

static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PathwaysImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  Pathways903ImportCounts n = { 0 };
  AdwToast *toast;
  g_autofree char *added = NULL, *text = NULL;

  if (!pathways_903_plan_apply_finish (PATHWAYS_STORE (source), result, &n, &error))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
      fail (self, error);
      return;
    }
  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u young person added", "%u young people added",
                                        n.people_added), n.people_added);
  /* Translators: "Imported: 12 young people added, 3 updated, 40 episodes added" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported: %s, %u updated, %u episode added",
                                       "Imported: %s, %u updated, %u episodes added", n.episodes_added),
                          added, n.people_updated, n.episodes_added);
  toast = pathways_import_toast_new (self->context, text, n.import_id, _("Import undone"));
  pathways_context_add_toast (self->context, toast);
  set_state (self, "done");
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
skip_changed_cb (PathwaysImportDialog *self)
{
  if (self->plan == NULL)
    return;
  /* The same rows either way: only what is refused changes */
  self->plan->on_error = gtk_switch_get_active (self->skip_switch) ? PATHWAYS_903_SKIP_BAD_ROWS
                                                                    : PATHWAYS_903_REFUSE;
  self->plan->refused = self->plan->on_error == PATHWAYS_903_REFUSE && self->plan->data->n_errors > 0;
  show_summary (self);
  set_state (self, self->state);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKIP_BAD_ROWS]);
}

static void
chooser_response_cb (GtkNativeDialog      *chooser,
                     int                   response,
                     PathwaysImportDialog *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) paths = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) f = g_list_model_get_item (files, i);
      char *path = g_file_get_path (f);
      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);
  pathways_import_dialog_open_files (self, (const char * const *) paths->pdata);
}

/* Actions ------------------------------------------------------------------- */

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwaysImportDialog *self = PATHWAYS_IMPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose the Return's Files"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwaysImportDialog *self = PATHWAYS_IMPORT_DIALOG (widget);

  /* Reading stops; an import under way finishes (it is one transaction) */
  if (g_str_equal (self->state, "reading"))
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      set_state (self, "choose");
      return;
    }
  if (!g_str_equal (self->state, "importing"))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwaysImportDialog *self = PATHWAYS_IMPORT_DIALOG (widget);
  PathwaysStore *store = pathways_context_get_store (self->context);

  if (self->plan == NULL || self->plan->refused || store == NULL)
    return;
  set_state (self, "importing");
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  pathways_903_plan_apply_async (store, self->plan, NULL, applied_cb, g_object_ref (self));
}

/* GObject ------------------------------------------------------------------- */

static void
pathways_import_dialog_dispose (GObject *object)
{
  PathwaysImportDialog *self = PATHWAYS_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (pathways_import_dialog_parent_class)->dispose (object);
}

static void
pathways_import_dialog_finalize (GObject *object)
{
  PathwaysImportDialog *self = PATHWAYS_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->codes, pathways_903_code_table_unref);
  g_clear_pointer (&self->known, g_hash_table_unref);
  g_clear_pointer (&self->plan, pathways_903_plan_free);
  g_clear_pointer (&self->paths, g_strfreev);
  g_free (self->state);
  G_OBJECT_CLASS (pathways_import_dialog_parent_class)->finalize (object);
}

static void
pathways_import_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PathwaysImportDialog *self = PATHWAYS_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    case PROP_N_PROBLEMS:
      g_value_set_uint (value, self->plan ? self->plan->data->problems->len : 0);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, gtk_label_get_label (self->summary_label));
      break;
    case PROP_SKIP_BAD_ROWS:
      g_value_set_boolean (value, gtk_switch_get_active (self->skip_switch));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_import_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PathwaysImportDialog *self = PATHWAYS_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_SKIP_BAD_ROWS:
      gtk_switch_set_active (self->skip_switch, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_import_dialog_class_init (PathwaysImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_import_dialog_dispose;
  object_class->finalize = pathways_import_dialog_finalize;
  object_class->get_property = pathways_import_dialog_get_property;
  object_class->set_property = pathways_import_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PATHWAYS_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, "choose", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PROBLEMS] =
    g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SKIP_BAD_ROWS] =
    g_param_spec_boolean ("skip-bad-rows", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/carepathways/Pathways/pathways-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysImportDialog, reading_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysImportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, PathwaysImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysImportDialog, skip_switch);
  gtk_widget_class_bind_template_child (widget_class, PathwaysImportDialog, problems_list);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
pathways_import_dialog_init (PathwaysImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->state = g_strdup ("choose");
  self->codes = pathways_903_code_table_load_default (&error);
  if (self->codes == NULL)
    g_warning ("The SSDA903 code lists cannot be read: %s", error->message);
  g_signal_connect_swapped (self->skip_switch, "notify::active", G_CALLBACK (skip_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
}

/* Public API ---------------------------------------------------------------- */

PathwaysImportDialog *
pathways_import_dialog_new (PathwaysContext *context)
{
  return g_object_new (PATHWAYS_TYPE_IMPORT_DIALOG, "context", context, NULL);
}

void
pathways_import_dialog_open_files (PathwaysImportDialog *self,
                                   const char * const   *paths)
{
  PathwaysStore *store;

  g_return_if_fail (PATHWAYS_IS_IMPORT_DIALOG (self));

  store = pathways_context_get_store (self->context);
  if (paths == NULL || paths[0] == NULL || store == NULL || self->codes == NULL)
    return;
  g_clear_pointer (&self->paths, g_strfreev);
  self->paths = g_strdupv ((char **) paths);
  g_clear_pointer (&self->plan, pathways_903_plan_free);
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_label_set_label (self->reading_label, _("Reading the files…"));
  set_state (self, "reading");
  pathways_903_known_load_async (store, self->cancellable, known_loaded_cb, g_object_ref (self));
}
