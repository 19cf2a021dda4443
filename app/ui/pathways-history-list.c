/* pathways-history-list.c — a record's history: who changed what and when
 *
 * A "History" group for the young person's and the unit's pages: each
 * change to the record (and, for a young person, to the records about
 * them) newest first, read from the audit log through core
 * (pathways-history.c): what changed, by whom, when; expanded, each
 * field's old and new value.  The newest 50 are shown, with a row
 * saying how many more there are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-history-list"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-history-list.h"

#define MAX_SHOWN 50

struct _PathwaysHistoryList
{
  GtkWidget parent_instance;

  GCancellable *cancellable;
  int           n_events;

  /* Template widgets */
  AdwPreferencesGroup *group;
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (PathwaysHistoryList, pathways_history_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_EVENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
plain_row (const char *title,
           const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static GtkWidget *
event_row (const PathwaysHistoryEvent *e)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;
  GtkWidget *row;

  /* Translators: who made a change and when: "Alison Bennett · 2 December 2026, 14:02" */
  subtitle = g_strdup_printf (_("%s · %s"), e->who ? e->who : _("Unknown"), e->when);
  /* Translators: a history row as a screen reader reads it */
  name = g_strdup_printf (_("%s, by %s"), e->summary, subtitle);

  if (e->changes->len == 0)
    row = plain_row (e->summary, subtitle);
  else
    {
      row = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), e->summary);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      for (guint i = 0; i < e->changes->len; i++)
        {
          const PathwaysHistoryChange *c = g_ptr_array_index (e->changes, i);
          g_autofree char *value = NULL;

          if (c->before != NULL && c->after != NULL)
            /* Translators: a field's old and new values: "14/05/2008 → 14/06/2008" */
            value = g_strdup_printf (_("%s → %s"), c->before, c->after);
          else if (c->after != NULL)
            value = g_strdup (c->after);
          else
            /* Translators: a field emptied: "(was 14/05/2008)" */
            value = g_strdup_printf (_("Cleared (was %s)"), c->before);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), plain_row (c->label, value));
        }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* That label alone: libadwaita 1.2 labels an action row by its title as well */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  return row;
}

static void
fill (PathwaysHistoryList *self,
      GPtrArray           *events)
{
  clear_list (self->list);
  if (events->len == 0)
    gtk_list_box_append (self->list, plain_row (_("No changes recorded"), NULL));
  for (guint i = 0; i < events->len && i < MAX_SHOWN; i++)
    gtk_list_box_append (self->list, event_row (g_ptr_array_index (events, i)));
  if (events->len > MAX_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u older change (pathways-cli audit log lists them all)",
                                                            "%u older changes (pathways-cli audit log lists them all)",
                                                            events->len - MAX_SHOWN),
                                               events->len - MAX_SHOWN);
      gtk_list_box_append (self->list, plain_row (more, NULL));
    }
  self->n_events = (int) events->len;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EVENTS]);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PathwaysHistoryList) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = pathways_history_load_finish (PATHWAYS_STORE (source), result, &error);

  if (events == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      clear_list (self->list);
      gtk_list_box_append (self->list, plain_row (_("Could not read the history"), error->message));
      return;
    }
  fill (self, events);
}

static void
pathways_history_list_dispose (GObject *object)
{
  PathwaysHistoryList *self = PATHWAYS_HISTORY_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_HISTORY_LIST);

  G_OBJECT_CLASS (pathways_history_list_parent_class)->dispose (object);
}

static void
pathways_history_list_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PathwaysHistoryList *self = PATHWAYS_HISTORY_LIST (object);

  switch (prop_id)
    {
    case PROP_N_EVENTS:
      g_value_set_int (value, self->n_events);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_history_list_class_init (PathwaysHistoryListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_history_list_dispose;
  object_class->get_property = pathways_history_list_get_property;

  properties[PROP_N_EVENTS] = g_param_spec_int ("n-events", NULL, NULL, -1, G_MAXINT, -1,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-history-list.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysHistoryList, group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHistoryList, list);
}

static void
pathways_history_list_init (PathwaysHistoryList *self)
{
  self->n_events = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pathways_history_list_show:
 *
 * Loads and shows the history of @table's row @row_id.
 */
void
pathways_history_list_show (PathwaysHistoryList *self,
                            PathwaysStore       *store,
                            const char          *table,
                            gint64               row_id)
{
  g_return_if_fail (PATHWAYS_IS_HISTORY_LIST (self));
  g_return_if_fail (PATHWAYS_IS_STORE (store));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->n_events = -1;
  pathways_history_load_async (store, table, row_id, self->cancellable, loaded_cb, g_object_ref (self));
}

int
pathways_history_list_get_n_events (PathwaysHistoryList *self)
{
  g_return_val_if_fail (PATHWAYS_IS_HISTORY_LIST (self), -1);
  return self->n_events;
}
