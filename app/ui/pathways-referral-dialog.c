/* pathways-referral-dialog.c — Make a Referral… for a young person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-referral-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-format.h"
#include "pathways-page.h"
#include "pathways-person-page.h"
#include "pathways-referral-buttons.h"
#include "pathways-widgets.h"
#include "pathways-referral-dialog.h"
#include "pathways-referral.h"

struct _PathwaysReferralDialog
{
  AdwWindow parent_instance;

  PathwaysContext *context;
  gint64           person_id;
  GPtrArray       *providers;   /* PathwaysProvider, in the list's order */
  GPtrArray       *checks;      /* GtkCheckButton, the same order */
  gboolean         busy;

  AdwComboRow *kind_row;
  AdwEntryRow *needed_row;
  AdwEntryRow *risks_row;
  GtkSwitch   *wishes_switch;
  GtkListBox  *provider_list;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (PathwaysReferralDialog, pathways_referral_dialog, ADW_TYPE_WINDOW)

static const char *
chosen_kind (PathwaysReferralDialog *self)
{
  guint n, k = adw_combo_row_get_selected (self->kind_row);
  const PathwaysProvisionKind *kinds = pathways_provision_kinds (&n);

  return k < n ? kinds[k].code : NULL;
}

static void
show_error (PathwaysReferralDialog *self,
            const char             *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The providers, those offering the kind ticked */
static void
fill_providers (PathwaysReferralDialog *self)
{
  PathwaysStore *store = pathways_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  GtkWidget *child;
  const char *kind = chosen_kind (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->provider_list))) != NULL)
    gtk_list_box_remove (self->provider_list, child);
  g_ptr_array_set_size (self->providers, 0);
  g_ptr_array_set_size (self->checks, 0);
  if (store == NULL)
    return;
  /* A short list of the authority's providers: read here, it is small */
  all = pathways_store_list (store, PATHWAYS_TYPE_PROVIDER, &error);
  if (all == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PathwaysProvider) p = g_list_model_get_item (all, i);
      GtkWidget *row;
      GtkWidget *check;
      gboolean offers = pathways_provider_offers_kind (p, kind);

      if (pathways_provider_get_retired (p))
        continue;  /* no longer used */
      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", pathways_provider_route_label (pathways_provider_get_route (p)),
                                                   pathways_provider_get_kinds (p) ? pathways_provider_get_kinds (p) : "");
      g_autofree char *name = g_strdup_printf ("%s, %s", pathways_provider_get_name (p), subtitle);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pathways_provider_get_name (p));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), offers);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pathways_provider_get_name (p), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      /* Its own label, not the row's title again (libadwaita 1.2 adds the title as labelled-by) */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      /* That label alone: libadwaita 1.2 labels an action row by its title as well */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_list_box_append (self->provider_list, row);
      g_ptr_array_add (self->providers, g_steal_pointer (&p));
      g_ptr_array_add (self->checks, check);
    }
  if (self->providers->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No provider is recorded: a manager adds them on the Commissioning page"));
      gtk_list_box_append (self->provider_list, row);
    }
}

static void
kind_changed_cb (PathwaysReferralDialog *self)
{
  fill_providers (self);
}

typedef struct {
  PathwaysReferralRequest req;
  GArray                 *ids;
  char                   *kind;
  char                   *needed;
  char                   *risks;
  gint64                  id;
  PathwaysChangeSet      *undo;
} Make;

static void
make_free (Make *m)
{
  g_clear_pointer (&m->ids, g_array_unref);
  g_free (m->kind);
  g_free (m->needed);
  g_free (m->risks);
  g_clear_pointer (&m->undo, pathways_change_set_unref);
  g_free (m);
}

static void
make_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Make *m = task_data;
  GError *error = NULL;

  if (pathways_referral_make (source_object, &m->req, &m->id, &m->undo, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
made_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PathwaysReferralDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  Make *m = g_task_get_task_data (G_TASK (result));
  g_autofree char *message = NULL;

  self->busy = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referral.make", TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (self, error->message);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Referral R%" G_GINT64_FORMAT " sent to %u provider",
                                          "Referral R%" G_GINT64_FORMAT " sent to %u providers", m->ids->len),
                             m->id, m->ids->len);
  pathways_context_show_undoable (self->context, message, m->undo);
  gtk_window_close (GTK_WINDOW (self));
}

static void
make_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwaysReferralDialog *self = PATHWAYS_REFERRAL_DIALOG (widget);
  PathwaysStore *store = pathways_context_get_store (self->context);
  g_autoptr(GTask) task = NULL;
  const char *risks = gtk_editable_get_text (GTK_EDITABLE (self->risks_row));
  Make *m;

  if (store == NULL || self->busy)
    return;
  m = g_new0 (Make, 1);
  m->ids = pathways_referral_dialog_dup_chosen (self);
  if (!pathways_date_parse_user (gtk_editable_get_text (GTK_EDITABLE (self->needed_row)), &m->needed))
    {
      show_error (self, _("Needed by: give the date the place is needed by, as dd/mm/yyyy"));
      make_free (m);
      return;
    }
  if (m->ids->len == 0)
    {
      show_error (self, _("Choose at least one provider to send the referral to"));
      make_free (m);
      return;
    }
  show_error (self, NULL);
  m->kind = g_strdup (chosen_kind (self));
  m->risks = risks && *risks ? g_strdup (risks) : NULL;
  m->req.young_person_id = self->person_id;
  m->req.kind = m->kind;
  m->req.needed_by = m->needed;
  m->req.provider_ids = (const gint64 *) m->ids->data;
  m->req.n_providers = m->ids->len;
  m->req.include_wishes = gtk_switch_get_active (self->wishes_switch);
  m->req.risks = m->risks;
  m->req.made_by = pathways_context_get_staff_id (self->context);

  self->busy = TRUE;
  gtk_widget_action_set_enabled (widget, "referral.make", FALSE);
  task = g_task_new (store, NULL, made_cb, g_object_ref (self));
  g_task_set_source_tag (task, make_action);
  g_task_set_task_data (task, m, (GDestroyNotify) make_free);
  g_task_run_in_thread (task, make_thread);
}

static void
pathways_referral_dialog_dispose (GObject *object)
{
  PathwaysReferralDialog *self = PATHWAYS_REFERRAL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_REFERRAL_DIALOG);
  g_clear_pointer (&self->providers, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pathways_referral_dialog_parent_class)->dispose (object);
}

static void
pathways_referral_dialog_class_init (PathwaysReferralDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_referral_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-referral-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysReferralDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysReferralDialog, needed_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysReferralDialog, risks_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysReferralDialog, wishes_switch);
  gtk_widget_class_bind_template_child (widget_class, PathwaysReferralDialog, provider_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysReferralDialog, error_label);

  gtk_widget_class_install_action (widget_class, "referral.make", NULL, make_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "referral.make", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pathways_referral_dialog_init (PathwaysReferralDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  guint n;
  const PathwaysProvisionKind *k = pathways_provision_kinds (&n);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->providers = g_ptr_array_new_with_free_func (g_object_unref);
  self->checks = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (kinds, g_dgettext (GETTEXT_PACKAGE, k[i].label));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self, G_CONNECT_SWAPPED);
}

PathwaysReferralDialog *
pathways_referral_dialog_new (PathwaysContext *context,
                              gint64           person_id)
{
  PathwaysReferralDialog *self;
  g_autofree char *today = NULL;
  g_autofree char *in_four_weeks = NULL;
  g_autofree char *uk = NULL;

  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);

  self = g_object_new (PATHWAYS_TYPE_REFERRAL_DIALOG, NULL);
  self->context = g_object_ref (context);
  self->person_id = person_id;
  today = pathways_context_dup_today (context);
  in_four_weeks = pathways_date_add_days (today, 28);
  uk = pathways_date_format_uk (in_four_weeks);
  gtk_editable_set_text (GTK_EDITABLE (self->needed_row), uk);
  fill_providers (self);
  return self;
}

GArray *
pathways_referral_dialog_dup_chosen (PathwaysReferralDialog *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (PATHWAYS_IS_REFERRAL_DIALOG (self), ids);
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      {
        gint64 id = pathways_record_get_id (g_ptr_array_index (self->providers, i));
        g_array_append_val (ids, id);
      }
  return ids;
}

static GtkWindow *
make_dialog (PathwaysContext *context,
             gint64           person_id)
{
  return GTK_WINDOW (pathways_referral_dialog_new (context, person_id));
}

void
pathways_referral_dialog_install_action (GtkWidgetClass *widget_class,
                                         const char     *action_name)
{
  pathways_person_dialog_install_action (widget_class, action_name, GDK_KEY_r, make_dialog);
}
