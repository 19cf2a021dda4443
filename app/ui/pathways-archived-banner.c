/* pathways-archived-banner.c — "This case was closed", with Reopen
 *
 * libadwaita 1.2 has no AdwBanner: a revealer with the sentence and a
 * Reopen button, shown while the young person's case is closed.
 * Reopening is one recorded action with an Undo toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-archived-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-archived-banner.h"

struct _PathwaysArchivedBanner
{
  GtkWidget        parent_instance;

  GtkRevealer     *revealer;
  GtkLabel        *label;
  GtkButton       *reopen_button;

  PathwaysContext *context;
  gint64           person_id;
  char            *name;
};

G_DEFINE_FINAL_TYPE (PathwaysArchivedBanner, pathways_archived_banner, GTK_TYPE_WIDGET)

static void
reopened_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PathwaysArchivedBanner) self = user_data;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->reopen_button), TRUE);
  if (!pathways_people_action_finish (PATHWAYS_STORE (source), result, &undo, &error))
    {
      if (self->context != NULL)
        pathways_context_show_error (self->context, error);
      return;
    }
  /* Translators: a toast, "Case of Amara Okafor reopened" */
  message = g_strdup_printf (_("Case of %s reopened"), self->name ? self->name : "");
  if (self->context != NULL)
    pathways_context_show_undoable (self->context, message, undo);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwaysArchivedBanner *self = PATHWAYS_ARCHIVED_BANNER (widget);
  PathwaysStore *store = self->context ? pathways_context_get_store (self->context) : NULL;

  if (store == NULL || self->person_id == 0)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->reopen_button), FALSE);
  pathways_people_reopen_case_async (store, self->person_id, NULL, reopened_cb, g_object_ref (self));
}

static void
role_changed_cb (PathwaysArchivedBanner *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "archived-banner.reopen",
                                 pathways_role_may (pathways_context_get_role (self->context),
                                                    PATHWAYS_MAY_EDIT_PEOPLE));
}

static void
pathways_archived_banner_dispose (GObject *object)
{
  PathwaysArchivedBanner *self = PATHWAYS_ARCHIVED_BANNER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_ARCHIVED_BANNER);
  g_clear_object (&self->context);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (pathways_archived_banner_parent_class)->dispose (object);
}

static void
pathways_archived_banner_class_init (PathwaysArchivedBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_archived_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-archived-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysArchivedBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, PathwaysArchivedBanner, label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysArchivedBanner, reopen_button);

  gtk_widget_class_install_action (widget_class, "archived-banner.reopen", NULL, reopen_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "archivedbanner");
}

static void
pathways_archived_banner_init (PathwaysArchivedBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
pathways_archived_banner_set_person (PathwaysArchivedBanner *self,
                                     PathwaysContext        *context,
                                     PathwaysYoungPerson    *person)
{
  const char *closed_on;

  g_return_if_fail (PATHWAYS_IS_ARCHIVED_BANNER (self));
  g_return_if_fail (PATHWAYS_IS_CONTEXT (context));
  g_return_if_fail (PATHWAYS_IS_YOUNG_PERSON (person));

  if (self->context != context)
    {
      g_set_object (&self->context, context);
      g_signal_connect_object (context, "notify::role", G_CALLBACK (role_changed_cb), self, G_CONNECT_SWAPPED);
      role_changed_cb (self);
    }
  self->person_id = pathways_record_get_id (PATHWAYS_RECORD (person));
  g_free (self->name);
  self->name = pathways_young_person_dup_display_name (person);

  closed_on = pathways_young_person_get_closed_on (person);
  if (closed_on != NULL)
    {
      g_autofree char *day = pathways_date_format_long (closed_on);
      const char *reason = pathways_young_person_get_close_reason (person);
      g_autofree char *text = NULL;

      if (reason != NULL)
        /* Translators: "This case was closed on 2 December 2026 (Moved away). It is archived: …" */
        text = g_strdup_printf (_("This case was closed on %s (%s). It is archived: not on the caseload or the timelines."),
                                day, pathways_vocab_label (PATHWAYS_VOCAB_CLOSE_REASON, reason));
      else
        text = g_strdup_printf (_("This case was closed on %s. It is archived: not on the caseload or the timelines."),
                                day);
      gtk_label_set_label (self->label, text);
    }
  gtk_revealer_set_reveal_child (self->revealer, closed_on != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), closed_on != NULL);
}

const char *
pathways_archived_banner_get_text (PathwaysArchivedBanner *self)
{
  g_return_val_if_fail (PATHWAYS_IS_ARCHIVED_BANNER (self), NULL);
  return gtk_revealer_get_reveal_child (self->revealer) ? gtk_label_get_label (self->label) : NULL;
}
