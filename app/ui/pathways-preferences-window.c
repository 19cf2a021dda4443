/* pathways-preferences-window.c — who I am, and the authority's settings
 *
 * "My personal adviser identity" is a GSetting of this computer; the
 * contact interval, readiness threshold, authority name and areas are
 * settings of the store, shared by everyone using the database.  Changes
 * apply at once, as in every GNOME preferences window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-preferences-window.h"

struct _PathwaysPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  PathwaysStore *store;
  GSettings     *settings;
  GArray        *staff_ids;  /* combo position → staff id */
  gboolean       filling;

  /* Template widgets */
  AdwComboRow   *staff_row;
  GtkSpinButton *contact_spin;
  GtkSpinButton *readiness_spin;
  AdwEntryRow   *name_row;
  AdwEntryRow   *areas_row;
};

G_DEFINE_FINAL_TYPE (PathwaysPreferencesWindow, pathways_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
set_setting (PathwaysPreferencesWindow *self,
             const char                *key,
             const char                *value)
{
  g_autoptr(GError) error = NULL;

  if (self->filling || self->store == NULL)
    return;
  /* The same check as the store's, before anything is written */
  if (!pathways_setting_validate (key, value, &error) ||
      !pathways_store_set_setting (self->store, key, value, &error))
    {
      /* Translators: %s is why a setting could not be saved */
      AdwToast *toast = adw_toast_new_format (_("Could not save the setting: %s"), error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
    }
}

/* The stored value, or the default if it breaks the setting's rule */
static int
setting_int (PathwaysPreferencesWindow *self,
             const char                *key)
{
  g_autofree char *value = pathways_store_dup_setting (self->store, key);

  return (int) pathways_setting_int_or_default (key, value);
}

static void
staff_selected_cb (PathwaysPreferencesWindow *self,
                   GParamSpec                *pspec,
                   AdwComboRow               *row)
{
  guint pos = adw_combo_row_get_selected (row);

  if (self->filling || self->settings == NULL || pos >= self->staff_ids->len)
    return;
  g_settings_set_int64 (self->settings, "my-staff-id", g_array_index (self->staff_ids, gint64, pos));
}

static void
contact_changed_cb (PathwaysPreferencesWindow *self,
                    GtkSpinButton             *spin)
{
  g_autofree char *days = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin) * 7);

  set_setting (self, "contact_interval_days", days);
}

static void
readiness_changed_cb (PathwaysPreferencesWindow *self,
                      GtkSpinButton             *spin)
{
  g_autofree char *percent = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));

  set_setting (self, "readiness_threshold", percent);
}

static void
name_applied_cb (PathwaysPreferencesWindow *self,
                 AdwEntryRow               *row)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  set_setting (self, "authority_name", name);
}

static void
areas_applied_cb (PathwaysPreferencesWindow *self,
                  AdwEntryRow               *row)
{
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (row)), ";", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_ptr_array_add (kept, parts[i]);
  g_ptr_array_add (kept, NULL);
  joined = g_strjoinv (";", (char **) kept->pdata);
  set_setting (self, "authority_areas", joined);
}

static void
fill (PathwaysPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) staff = pathways_store_list (self->store, PATHWAYS_TYPE_STAFF, NULL);
  gint64 mine = g_settings_get_int64 (self->settings, "my-staff-id");
  g_autofree char *authority = pathways_store_dup_setting (self->store, "authority_name");
  g_autofree char *areas = pathways_store_dup_setting (self->store, "authority_areas");
  guint selected = 0;
  gint64 none = 0;

  self->filling = TRUE;

  gtk_string_list_append (names, _("Not set: show everyone"));
  g_array_append_val (self->staff_ids, none);
  for (guint i = 0; staff != NULL && i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(PathwaysRecord) s = g_list_model_get_item (staff, i);
      gint64 id = pathways_record_get_id (s);
      const char *team = pathways_record_get_string (s, "team");
      g_autofree char *label = NULL;

      if (g_strcmp0 (pathways_record_get_string (s, "role"), "pa") != 0)
        continue;
      /* Translators: a personal adviser and their team: "Alison Bennett (Leaving Care North)" */
      label = team ? g_strdup_printf (_("%s (%s)"), pathways_record_get_string (s, "name"), team)
                   : g_strdup (pathways_record_get_string (s, "name"));
      if (id == mine)
        selected = self->staff_ids->len;
      gtk_string_list_append (names, label);
      g_array_append_val (self->staff_ids, id);
    }
  adw_combo_row_set_model (self->staff_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->staff_row, selected);

  gtk_spin_button_set_value (self->contact_spin, MAX (1, (setting_int (self, "contact_interval_days") + 3) / 7));
  gtk_spin_button_set_value (self->readiness_spin, setting_int (self, "readiness_threshold"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), authority ? authority : "");
  gtk_editable_set_text (GTK_EDITABLE (self->areas_row), areas ? areas : "");

  self->filling = FALSE;
}

static void
pathways_preferences_window_dispose (GObject *object)
{
  PathwaysPreferencesWindow *self = PATHWAYS_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->staff_ids, g_array_unref);

  G_OBJECT_CLASS (pathways_preferences_window_parent_class)->dispose (object);
}

static void
pathways_preferences_window_class_init (PathwaysPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferencesWindow, staff_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferencesWindow, contact_spin);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferencesWindow, readiness_spin);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferencesWindow, areas_row);
  gtk_widget_class_bind_template_callback (widget_class, staff_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, contact_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, readiness_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, areas_applied_cb);
}

static void
pathways_preferences_window_init (PathwaysPreferencesWindow *self)
{
  self->filling = TRUE;
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = FALSE;
}

PathwaysPreferencesWindow *
pathways_preferences_window_new (PathwaysStore *store,
                                 GSettings     *settings)
{
  PathwaysPreferencesWindow *self;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PATHWAYS_TYPE_PREFERENCES_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  fill (self);
  return self;
}

void
pathways_preferences_window_select_staff (PathwaysPreferencesWindow *self,
                                          gint64                     staff_id)
{
  g_return_if_fail (PATHWAYS_IS_PREFERENCES_WINDOW (self));

  for (guint i = 0; i < self->staff_ids->len; i++)
    if (g_array_index (self->staff_ids, gint64, i) == staff_id)
      adw_combo_row_set_selected (self->staff_row, i);
}

void
pathways_preferences_window_set_readiness (PathwaysPreferencesWindow *self,
                                           int                        percent)
{
  g_return_if_fail (PATHWAYS_IS_PREFERENCES_WINDOW (self));

  gtk_spin_button_set_value (self->readiness_spin, percent);
}
