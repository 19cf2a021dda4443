/* pathways-providers-dialog.c — the authority's providers
 *
 * The list is the store's (small: read when the dialog opens and after
 * each save); writes run in a worker thread, one recorded action each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-providers-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pathways-providers-dialog.h"
#include "pathways-referral.h"
#include "pathways-vocab.h"
#include "pathways-widgets.h"

struct _PathwaysProvidersDialog
{
  AdwWindow parent_instance;

  PathwaysContext  *context;
  PathwaysProvider *editing;   /* the provider loaded into the form, or NULL */
  GPtrArray        *kind_checks;
  gboolean          busy;

  GtkListBox          *provider_list;
  AdwPreferencesGroup *form_group;
  AdwEntryRow         *name_row;
  AdwComboRow         *route_row;
  AdwEntryRow         *framework_row;
  AdwExpanderRow      *kinds_row;
  AdwEntryRow         *contact_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *phone_row;
  AdwComboRow         *registration_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (PathwaysProvidersDialog, pathways_providers_dialog, ADW_TYPE_WINDOW)

/* Showing ---------------------------------------------------------------- */

static void
show_error (PathwaysProvidersDialog *self,
            GtkWidget               *field,
            const char              *message)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->route_row), GTK_WIDGET (self->kinds_row),
    GTK_WIDGET (self->email_row), GTK_WIDGET (self->registration_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i] != field)
      gtk_widget_remove_css_class (rows[i], "error");
  if (field != NULL)
    {
      /* marked, and brought into view */
      gtk_widget_add_css_class (field, "error");
      gtk_widget_grab_focus (field);
    }
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static char *
kinds_text (PathwaysProvider *p)
{
  const char *kinds = pathways_provider_get_kinds (p);
  g_auto(GStrv) codes = g_strsplit (kinds ? kinds : "", ",", -1);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; codes[i] != NULL; i++)
    if (*g_strstrip (codes[i]) != '\0')
      g_ptr_array_add (labels, (gpointer) pathways_provision_kind_label (codes[i]));
  g_ptr_array_add (labels, NULL);
  return g_strjoinv (", ", (char **) labels->pdata);
}

static void
fill_list (PathwaysProvidersDialog *self)
{
  PathwaysStore *store = pathways_context_get_store (self->context);
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;

  pathways_list_box_clear (self->provider_list);
  if (store == NULL)
    return;
  all = pathways_store_list (store, PATHWAYS_TYPE_PROVIDER, &error);
  if (all == NULL)
    {
      show_error (self, NULL, error->message);
      return;
    }
  if (g_list_model_get_n_items (all) == 0)
    pathways_list_box_add_empty_row (self->provider_list, _("No provider is recorded yet: add the first below"));
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PathwaysProvider) p = g_list_model_get_item (all, i);
      gint64 id = pathways_record_get_id (PATHWAYS_RECORD (p));
      gboolean retired = pathways_provider_get_retired (p);
      g_autofree char *kinds = kinds_text (p);
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *edit, *retire;

      if (retired)
        /* Translators: a provider's framework, the kinds of place it offers; it is retired */
        subtitle = g_strdup_printf (_("%s · %s · no longer used"),
                                    pathways_provider_route_label (pathways_provider_get_route (p)), kinds);
      else
        /* Translators: a provider's framework and the kinds of place it offers */
        subtitle = g_strdup_printf (_("%s · %s"), pathways_provider_route_label (pathways_provider_get_route (p)),
                                    kinds);
      row = pathways_list_box_add_row (self->provider_list, pathways_provider_get_name (p), subtitle, NULL);
      if (retired)
        gtk_widget_add_css_class (row, "dim-label");

      edit = gtk_button_new_with_mnemonic (_("_Edit"));
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "providers.edit");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "x", id);
      {
        /* Translators: a button's accessible name; %s is the provider */
        g_autofree char *name = g_strdup_printf (_("Edit %s"), pathways_provider_get_name (p));
        gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);

      retire = gtk_button_new_with_mnemonic (retired ? _("_Reinstate") : _("_Retire"));
      gtk_widget_set_valign (retire, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (retire), retired ? "providers.reinstate" : "providers.retire");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (retire), "x", id);
      {
        g_autofree char *name = retired
          /* Translators: a button's accessible name; %s is the provider */
          ? g_strdup_printf (_("Reinstate %s"), pathways_provider_get_name (p))
          /* Translators: a button's accessible name; %s is the provider */
          : g_strdup_printf (_("Retire %s: no longer used, kept for its referrals"), pathways_provider_get_name (p));
        gtk_accessible_update_property (GTK_ACCESSIBLE (retire), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        gtk_widget_set_tooltip_text (retire, retired ? _("Suggest this provider for referrals again")
                                                     : _("No longer suggested for referrals; kept for the referrals and offers that name it"));
      }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), retire);
    }
}

static guint
index_of (const PathwaysCodeLabel *table,
          guint                    n,
          const char              *code)
{
  for (guint i = 0; code != NULL && i < n; i++)
    if (g_str_equal (table[i].code, code))
      return i;
  return 0;
}

static void
load_form (PathwaysProvidersDialog *self,
           PathwaysProvider        *p)
{
  guint n_routes, n_kinds, n_reg;
  const PathwaysCodeLabel *routes = pathways_provider_routes (&n_routes);
  const PathwaysProvisionKind *kinds = pathways_provision_kinds (&n_kinds);
  const PathwaysVocabEntry *reg = pathways_vocab_entries (PATHWAYS_VOCAB_REGISTRATION, &n_reg);
  const char *registration = p ? pathways_provider_get_registration (p) : NULL;
  guint reg_index = 0;

  g_set_object (&self->editing, p);
  if (p != NULL)
    {
      /* Translators: %s is the provider being changed */
      g_autofree char *title = g_strdup_printf (_("Change %s"), pathways_provider_get_name (p));
      adw_preferences_group_set_title (self->form_group, title);
    }
  else
    adw_preferences_group_set_title (self->form_group, _("Add a Provider"));
#define TEXT(row, getter) gtk_editable_set_text (GTK_EDITABLE (self->row), p && getter (p) ? getter (p) : "")
  TEXT (name_row, pathways_provider_get_name);
  TEXT (framework_row, pathways_provider_get_framework);
  TEXT (contact_row, pathways_provider_get_contact_name);
  TEXT (email_row, pathways_provider_get_email);
  TEXT (phone_row, pathways_provider_get_phone);
#undef TEXT
  adw_combo_row_set_selected (self->route_row, index_of (routes, n_routes, p ? pathways_provider_get_route (p) : NULL));
  for (guint i = 0; i < n_kinds && i < self->kind_checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->kind_checks, i),
                                 p != NULL && pathways_provider_offers_kind (p, kinds[i].code));
  for (guint i = 0; registration != NULL && i < n_reg; i++)
    if (g_str_equal (reg[i].code, registration))
      reg_index = i + 1;
  adw_combo_row_set_selected (self->registration_row, reg_index);
  show_error (self, NULL, NULL);
}

/* Writing ---------------------------------------------------------------- */

typedef struct {
  PathwaysProvider  *provider;
  PathwaysChangeSet *undo;
  char              *done;      /* the toast */
} Save;

static void
save_free (Save *s)
{
  g_clear_object (&s->provider);
  g_clear_pointer (&s->undo, pathways_change_set_unref);
  g_free (s->done);
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

  if (pathways_provider_save (source_object, s->provider, &s->undo, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PathwaysProvidersDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  Save *s = g_task_get_task_data (G_TASK (result));

  self->busy = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkWidget *field = NULL;

      if (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONSTRAINT))
        {
          /* The one constraint a provider has: its name is unique */
          g_autofree char *msg = g_strdup_printf (_("Name: there is already a provider called “%s”"),
                                                  pathways_provider_get_name (s->provider));
          show_error (self, GTK_WIDGET (self->name_row), msg);
          return;
        }
      if (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT))
        fill_list (self);  /* what they changed is shown; the form keeps what was typed */
      else if (strstr (error->message, "framework") != NULL)
        field = GTK_WIDGET (self->route_row);
      else if (strstr (error->message, "Registration") != NULL)
        field = GTK_WIDGET (self->registration_row);
      show_error (self, field, error->message);
      return;
    }
  pathways_context_show_undoable (self->context, s->done, s->undo);
  fill_list (self);
  load_form (self, NULL);
}

static void
run_save (PathwaysProvidersDialog *self,
          Save                    *s)
{
  PathwaysStore *store = pathways_context_get_store (self->context);
  g_autoptr(GTask) task = NULL;

  if (store == NULL || self->busy)
    {
      save_free (s);
      return;
    }
  self->busy = TRUE;
  task = g_task_new (store, NULL, saved_cb, g_object_ref (self));
  g_task_set_source_tag (task, run_save);
  g_task_set_task_data (task, s, (GDestroyNotify) save_free);
  g_task_run_in_thread (task, save_thread);
}

static char *
text_or_null (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  return *text ? g_steal_pointer (&text) : NULL;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwaysProvidersDialog *self = PATHWAYS_PROVIDERS_DIALOG (widget);
  guint n_routes, n_kinds, n_reg;
  const PathwaysCodeLabel *routes = pathways_provider_routes (&n_routes);
  const PathwaysProvisionKind *kinds = pathways_provision_kinds (&n_kinds);
  const PathwaysVocabEntry *reg = pathways_vocab_entries (PATHWAYS_VOCAB_REGISTRATION, &n_reg);
  guint route = adw_combo_row_get_selected (self->route_row);
  guint registration = adw_combo_row_get_selected (self->registration_row);
  g_autofree char *name = text_or_null (self->name_row);
  g_autofree char *framework = text_or_null (self->framework_row);
  g_autofree char *contact = text_or_null (self->contact_row);
  g_autofree char *email = text_or_null (self->email_row);
  g_autofree char *phone = text_or_null (self->phone_row);
  g_autoptr(GString) chosen = g_string_new (NULL);
  Save *s;

  if (self->busy)
    return;
  if (name == NULL)
    {
      show_error (self, GTK_WIDGET (self->name_row), _("Name: say what the provider is called"));
      return;
    }
  for (guint i = 0; i < n_kinds && i < self->kind_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->kind_checks, i)))
      g_string_append_printf (chosen, "%s%s", chosen->len ? "," : "", kinds[i].code);
  if (chosen->len == 0)
    {
      show_error (self, GTK_WIDGET (self->kinds_row),
                  _("Kinds of provision: choose at least one kind of place the provider offers"));
      return;
    }
  if (email != NULL && (strchr (email, '@') == NULL || strchr (email, ' ') != NULL))
    {
      g_autofree char *msg = g_strdup_printf (_("Email: “%s” is not an email address"), email);
      show_error (self, GTK_WIDGET (self->email_row), msg);
      return;
    }
  s = g_new0 (Save, 1);
  s->provider = g_object_new (PATHWAYS_TYPE_PROVIDER,
                              "name", name,
                              "route", route < n_routes ? routes[route].code : NULL,
                              "framework", framework,
                              "kinds", chosen->str,
                              "contact-name", contact,
                              "email", email,
                              "phone", phone,
                              "registration", registration > 0 && registration <= n_reg ? reg[registration - 1].code : NULL,
                              NULL);
  if (self->editing != NULL)
    {
      /* The version loaded: a save over someone else's change is refused */
      pathways_record_set_id (PATHWAYS_RECORD (s->provider), pathways_record_get_id (PATHWAYS_RECORD (self->editing)));
      pathways_record_set_version (PATHWAYS_RECORD (s->provider),
                                   pathways_record_get_version (PATHWAYS_RECORD (self->editing)));
      pathways_provider_set_retired (s->provider, pathways_provider_get_retired (self->editing));
      /* Translators: a toast; %s is the provider */
      s->done = g_strdup_printf (_("%s changed"), name);
    }
  else
    /* Translators: a toast; %s is the provider */
    s->done = g_strdup_printf (_("%s added"), name);
  run_save (self, s);
}

static PathwaysProvider *
get_provider (PathwaysProvidersDialog *self,
              gint64                   id)
{
  PathwaysStore *store = pathways_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  PathwaysProvider *p;

  if (store == NULL)
    return NULL;
  p = pathways_store_get (store, PATHWAYS_TYPE_PROVIDER, id, &error);
  if (p == NULL)
    show_error (self, NULL, error->message);
  return p;
}

static void
retire_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwaysProvidersDialog *self = PATHWAYS_PROVIDERS_DIALOG (widget);
  gboolean retire = g_str_equal (action_name, "providers.retire");
  g_autoptr(PathwaysProvider) p = get_provider (self, g_variant_get_int64 (parameter));
  Save *s;

  if (p == NULL || self->busy)
    return;
  s = g_new0 (Save, 1);
  s->provider = g_steal_pointer (&p);
  pathways_provider_set_retired (s->provider, retire);
  s->done = retire
    /* Translators: a toast; %s is the provider */
    ? g_strdup_printf (_("%s retired: no longer suggested for referrals"), pathways_provider_get_name (s->provider))
    /* Translators: a toast; %s is the provider */
    : g_strdup_printf (_("%s reinstated"), pathways_provider_get_name (s->provider));
  run_save (self, s);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pathways_providers_dialog_edit (PATHWAYS_PROVIDERS_DIALOG (widget), g_variant_get_int64 (parameter));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PathwaysProvidersDialog *self = PATHWAYS_PROVIDERS_DIALOG (widget);

  load_form (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/* GObject ---------------------------------------------------------------- */

static void
pathways_providers_dialog_dispose (GObject *object)
{
  PathwaysProvidersDialog *self = PATHWAYS_PROVIDERS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_PROVIDERS_DIALOG);
  g_clear_pointer (&self->kind_checks, g_ptr_array_unref);
  g_clear_object (&self->editing);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pathways_providers_dialog_parent_class)->dispose (object);
}

static void
pathways_providers_dialog_class_init (PathwaysProvidersDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_providers_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-providers-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysProvidersDialog, provider_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysProvidersDialog, form_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysProvidersDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysProvidersDialog, route_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysProvidersDialog, framework_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysProvidersDialog, kinds_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysProvidersDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysProvidersDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysProvidersDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysProvidersDialog, registration_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysProvidersDialog, error_label);

  gtk_widget_class_install_action (widget_class, "providers.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "providers.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "providers.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "providers.retire", "x", retire_action);
  gtk_widget_class_install_action (widget_class, "providers.reinstate", "x", retire_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "providers.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "providers.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pathways_providers_dialog_init (PathwaysProvidersDialog *self)
{
  g_autoptr(GtkStringList) routes_model = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) reg_model = gtk_string_list_new (NULL);
  guint n_routes, n_kinds, n_reg;
  const PathwaysCodeLabel *routes = pathways_provider_routes (&n_routes);
  const PathwaysProvisionKind *kinds = pathways_provision_kinds (&n_kinds);
  const PathwaysVocabEntry *reg = pathways_vocab_entries (PATHWAYS_VOCAB_REGISTRATION, &n_reg);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->kind_checks = g_ptr_array_new ();
  for (guint i = 0; i < n_routes; i++)
    gtk_string_list_append (routes_model, g_dgettext (GETTEXT_PACKAGE, routes[i].label));
  adw_combo_row_set_model (self->route_row, G_LIST_MODEL (routes_model));
  gtk_string_list_append (reg_model, _("Not recorded"));
  for (guint i = 0; i < n_reg; i++)
    gtk_string_list_append (reg_model, pathways_vocab_label (PATHWAYS_VOCAB_REGISTRATION, reg[i].code));
  adw_combo_row_set_model (self->registration_row, G_LIST_MODEL (reg_model));
  for (guint i = 0; i < n_kinds; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *label = g_dgettext (GETTEXT_PACKAGE, kinds[i].label);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      /* Its own label, not the row's title again (libadwaita 1.2 adds the title as labelled-by) */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      adw_expander_row_add_row (self->kinds_row, row);
      g_ptr_array_add (self->kind_checks, check);
    }
}

/* Public API --------------------------------------------------------------- */

PathwaysProvidersDialog *
pathways_providers_dialog_new (PathwaysContext *context)
{
  PathwaysProvidersDialog *self;

  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);

  self = g_object_new (PATHWAYS_TYPE_PROVIDERS_DIALOG, NULL);
  self->context = g_object_ref (context);
  fill_list (self);
  load_form (self, NULL);
  return self;
}

void
pathways_providers_dialog_edit (PathwaysProvidersDialog *self,
                                gint64                   id)
{
  g_autoptr(PathwaysProvider) p = NULL;

  g_return_if_fail (PATHWAYS_IS_PROVIDERS_DIALOG (self));
  if (id > 0 && (p = get_provider (self, id)) == NULL)
    return;
  load_form (self, p);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

const char *
pathways_providers_dialog_get_error (PathwaysProvidersDialog *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PROVIDERS_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;
}

gboolean
pathways_providers_dialog_is_busy (PathwaysProvidersDialog *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PROVIDERS_DIALOG (self), FALSE);
  return self->busy;
}
