/* pathways-preferences-window.c — who I am, and the authority's settings
 *
 * "My personal adviser identity" is a GSetting of this computer; the
 * contact interval, readiness threshold, authority name and areas are
 * settings of the store, shared by everyone using the database.  Changes
 * apply at once, as in every GNOME preferences window; the store is read
 * and written in worker threads.
 *
 * Team Server: an address, a user name and a password; Connect opens the
 * team server in a worker thread (saying in a sentence what went wrong),
 * keeps the password in the keyring (libsecret) and the address, without
 * it, in the database-path setting; the application then switches to it
 * at once (app.switch-database), as it does back to this computer’s own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "pathways-keyring.h"
#include "pathways-preferences-window.h"
#include "pathways-preferences-window-private.h"

struct _PathwaysPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  PathwaysContext *context;
  PathwaysStore *store;
  GSettings     *settings;
  GArray        *staff_ids;  /* combo position → staff id */
  GHashTable    *values;     /* the store's settings, as read */
  GCancellable  *cancellable;
  guint          busy;
  gboolean       filling;

  /* Template widgets */
  AdwComboRow   *staff_row;
  GtkSpinButton *contact_spin;
  GtkSpinButton *readiness_spin;
  AdwEntryRow   *name_row;
  AdwEntryRow   *areas_row;
  AdwEntryRow   *server_address_row;
  AdwEntryRow   *server_user_row;
  AdwEntryRow   *server_password_row;
  GtkSpinner    *server_spinner;
  GtkLabel      *server_status;
  AdwActionRow  *database_row;
  gboolean       connecting;
};

G_DEFINE_FINAL_TYPE (PathwaysPreferencesWindow, pathways_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
setting_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PathwaysPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->busy--;
  if (!pathways_store_set_setting_finish (PATHWAYS_STORE (source), result, &error))
    {
      /* Translators: %s is why a setting could not be saved */
      AdwToast *toast = adw_toast_new_format (_("Could not save the setting: %s"), error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
    }
}

/* Checked here as the store checks it, then written in a worker thread;
 * every page refreshes from the store's "changed" */
static void
set_setting (PathwaysPreferencesWindow *self,
             const char                *key,
             const char                *value)
{
  g_autoptr(GError) error = NULL;

  if (self->filling || self->store == NULL)
    return;
  if (!pathways_setting_validate (key, value, &error))
    {
      /* Translators: %s is why a setting could not be saved */
      AdwToast *toast = adw_toast_new_format (_("Could not save the setting: %s"), error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
      return;
    }
  self->busy++;
  pathways_store_set_setting_async (self->store, key, value, NULL, setting_saved_cb, g_object_ref (self));
}

/* The stored value, or the default if it breaks the setting's rule */
static int
setting_int (PathwaysPreferencesWindow *self,
             const char                *key)
{
  const char *value = self->values ? g_hash_table_lookup (self->values, key) : NULL;

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
fill (PathwaysPreferencesWindow *self,
      GListModel                *staff)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 mine = g_settings_get_int64 (self->settings, "my-staff-id");
  const char *authority = g_hash_table_lookup (self->values, "authority_name");
  const char *areas = g_hash_table_lookup (self->values, "authority_areas");
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

/* Reading what the window shows, in a worker thread */

typedef struct {
  GListModel *staff;
  GHashTable *values;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *l = data;

  g_clear_object (&l->staff);
  g_clear_pointer (&l->values, g_hash_table_unref);
  g_free (l);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Loaded *l = g_new0 (Loaded, 1);
  GError *error = NULL;

  if ((l->staff = pathways_store_list (source_object, PATHWAYS_TYPE_STAFF, &error)) == NULL ||
      (l->values = pathways_store_dup_settings (source_object, &error)) == NULL)
    {
      loaded_free (l);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, l, loaded_free);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PathwaysPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *l;

  self->busy--;
  l = g_task_propagate_pointer (G_TASK (result), &error);
  if (l == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                          adw_toast_new_format (_("Could not read the settings: %s"),
                                                                error->message));
      return;
    }
  g_clear_pointer (&self->values, g_hash_table_unref);
  self->values = g_steal_pointer (&l->values);
  fill (self, l->staff);
  loaded_free (l);
}

/* The team server --------------------------------------------------- */

/* The address with the user name in it: postgresql://user@host/db, or
 * "… user=NAME" for a key=value string */
static char *
address_with_user (const char *address,
                   const char *user)
{
  const char *schemes[] = { "postgresql://", "postgres://" };

  if (user == NULL || *user == '\0')
    return g_strdup (address);
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_str_has_prefix (address, schemes[i]))
      {
        const char *rest = address + strlen (schemes[i]);
        const char *slash = strchr (rest, '/');
        const char *at = strchr (rest, '@');
        g_autofree char *escaped = NULL;

        if (at != NULL && (slash == NULL || at < slash))
          return g_strdup (address);   /* it names a user already */
        escaped = g_uri_escape_string (user, NULL, FALSE);
        return g_strdup_printf ("%s%s@%s", schemes[i], escaped, rest);
      }
  {
    g_autoptr(GString) s = g_string_new (address);

    g_string_append (s, " user='");
    for (const char *p = user; *p; p++)
      {
        if (*p == '\'' || *p == '\\')
          g_string_append_c (s, '\\');
        g_string_append_c (s, *p);
      }
    g_string_append_c (s, '\'');
    return g_string_free (g_steal_pointer (&s), FALSE);
  }
}

typedef struct {
  char *location;
  char *password;
  char *login;
  char *role;
  char *keyring_problem;
} Connect;

static void
connect_free (gpointer data)
{
  Connect *c = data;

  g_free (c->location);
  if (c->password != NULL)
    explicit_bzero (c->password, strlen (c->password));
  g_free (c->password);
  g_free (c->login);
  g_free (c->role);
  g_free (c->keyring_problem);
  g_free (c);
}

static void
connect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Connect *c = task_data;
  g_autoptr(PathwaysStore) store = NULL;
  GError *error = NULL;

  store = pathways_store_open_with_password (c->location, c->password, NULL, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  c->login = g_strdup (pathways_store_get_signed_in_login (store));
  c->role = g_strdup (pathways_store_get_signed_in_role (store));
  if (c->password != NULL)
    {
      g_autoptr(GError) keyring_error = NULL;

      if (!pathways_keyring_store (c->location, c->password, cancellable, &keyring_error))
        c->keyring_problem = g_strdup (keyring_error->message);
    }
  g_task_return_boolean (task, TRUE);
}

static void
show_status (PathwaysPreferencesWindow *self,
             const char                *text)
{
  gtk_label_set_text (self->server_status, text);
  gtk_widget_set_visible (GTK_WIDGET (self->server_status), text != NULL);
}

static void
show_database (PathwaysPreferencesWindow *self)
{
  g_autofree char *configured = g_settings_get_string (self->settings, "database-path");
  g_autofree char *now = pathways_store_describe_location (pathways_store_get_location (self->store));

  adw_action_row_set_subtitle (self->database_row, now);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.use-embedded", *configured != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.connect-server", !self->connecting);
}

/* The application opens the database the settings now name, in place
 * of the one in use (its windows close and a new one opens) */
static void
switch_database (void)
{
  GApplication *application = g_application_get_default ();

  if (application != NULL && g_action_group_has_action (G_ACTION_GROUP (application), "switch-database"))
    g_action_group_activate_action (G_ACTION_GROUP (application), "switch-database", NULL);
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PathwaysPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  Connect *c = g_task_get_task_data (G_TASK (result));
  g_autofree char *where = NULL;
  g_autofree char *message = NULL;

  self->connecting = FALSE;
  self->busy--;
  gtk_spinner_set_spinning (self->server_spinner, FALSE);
  if (self->settings == NULL)
    return;   /* closed meanwhile */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_status (self, error->message);
      show_database (self);
      return;
    }

  /* The address, never the password, goes into the settings */
  g_settings_set_string (self->settings, "database-path", c->location);
  where = pathways_store_describe_location (c->location);
  /* Translators: the database, who signed in, their role ("personal adviser") */
  message = g_strdup_printf (_("Connected to %s as %s (%s). Pathways is switching to the team server."),
                             where, c->login, pathways_role_label (c->role));
  if (c->keyring_problem != NULL)
    {
      /* Translators: %s is why the keyring refused */
      g_autofree char *more = g_strdup_printf (_("The password could not be kept in the keyring (%s): "
                                                 "Pathways will ask libpq for it (~/.pgpass)."),
                                               c->keyring_problem);
      g_autofree char *both = g_strdup_printf ("%s %s", message, more);
      g_free (message);
      message = g_steal_pointer (&both);
    }
  show_status (self, message);
  show_database (self);
  switch_database ();
}

static void
connect_server_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PathwaysPreferencesWindow *self = PATHWAYS_PREFERENCES_WINDOW (widget);
  g_autofree char *address = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_address_row))));
  g_autofree char *user = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_user_row))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->server_password_row));
  g_autoptr(GTask) task = NULL;
  Connect *c;

  if (self->connecting)
    return;
  if (!pathways_store_location_is_server (address))
    {
      show_status (self, _("Give the team server’s address as IT wrote it, such as "
                           "postgresql://server.council.example/pathways."));
      return;
    }

  c = g_new0 (Connect, 1);
  c->location = address_with_user (address, user);
  c->password = *password != '\0' ? g_strdup (password) : NULL;
  self->connecting = TRUE;
  self->busy++;
  gtk_spinner_set_spinning (self->server_spinner, TRUE);
  show_status (self, _("Connecting…"));
  show_database (self);
  task = g_task_new (NULL, self->cancellable, connected_cb, g_object_ref (self));
  g_task_set_source_tag (task, connect_server_action);
  g_task_set_task_data (task, c, connect_free);
  g_task_run_in_thread (task, connect_thread);
}

static void
use_embedded_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PathwaysPreferencesWindow *self = PATHWAYS_PREFERENCES_WINDOW (widget);

  g_settings_reset (self->settings, "database-path");
  show_status (self, _("Pathways is switching to this computer’s own database."));
  show_database (self);
  switch_database ();
}

static void
pathways_preferences_window_dispose (GObject *object)
{
  PathwaysPreferencesWindow *self = PATHWAYS_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_pointer (&self->values, g_hash_table_unref);

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
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferencesWindow, server_address_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferencesWindow, server_user_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferencesWindow, server_password_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferencesWindow, server_spinner);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferencesWindow, server_status);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferencesWindow, database_row);
  gtk_widget_class_install_action (widget_class, "prefs.connect-server", NULL, connect_server_action);
  gtk_widget_class_install_action (widget_class, "prefs.use-embedded", NULL, use_embedded_action);
}

static void
pathways_preferences_window_init (PathwaysPreferencesWindow *self)
{
  self->filling = TRUE;
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = FALSE;
}

/**
 * pathways_preferences_window_new:
 * @context: the application's context, its store open
 */
PathwaysPreferencesWindow *
pathways_preferences_window_new (PathwaysContext *context)
{
  PathwaysPreferencesWindow *self;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (pathways_context_get_store (context) != NULL, NULL);
  g_return_val_if_fail (G_IS_SETTINGS (pathways_context_get_settings (context)), NULL);

  self = g_object_new (PATHWAYS_TYPE_PREFERENCES_WINDOW, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (pathways_context_get_store (context));
  self->settings = g_object_ref (pathways_context_get_settings (context));
  self->cancellable = g_cancellable_new ();

  show_database (self);
  if (pathways_store_location_is_server (pathways_store_get_location (self->store)))
    {
      /* Who is signed in, for changing the user */
      const char *login = pathways_store_get_signed_in_login (self->store);

      gtk_editable_set_text (GTK_EDITABLE (self->server_user_row), login ? login : "");
    }

  self->busy++;
  task = g_task_new (self->store, self->cancellable, loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, pathways_preferences_window_new);
  g_task_run_in_thread (task, load_thread);
  return self;
}

/**
 * pathways_preferences_window_is_busy:
 *
 * Returns: %TRUE while the store is being read or written
 */
gboolean
pathways_preferences_window_is_busy (PathwaysPreferencesWindow *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PREFERENCES_WINDOW (self), FALSE);

  return self->busy > 0;
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

/* For the tests: fill in the Team Server page and press Connect */
void
pathways_preferences_window_connect_server (PathwaysPreferencesWindow *self,
                                            const char                *address,
                                            const char                *user,
                                            const char                *password)
{
  g_return_if_fail (PATHWAYS_IS_PREFERENCES_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->server_address_row), address);
  gtk_editable_set_text (GTK_EDITABLE (self->server_user_row), user ? user : "");
  gtk_editable_set_text (GTK_EDITABLE (self->server_password_row), password ? password : "");
  gtk_widget_activate_action (GTK_WIDGET (self), "prefs.connect-server", NULL);
}

const char *
pathways_preferences_window_get_server_status (PathwaysPreferencesWindow *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PREFERENCES_WINDOW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->server_status)) ? gtk_label_get_text (self->server_status)
                                                                    : NULL;
}

void
pathways_preferences_window_set_readiness (PathwaysPreferencesWindow *self,
                                           int                        percent)
{
  g_return_if_fail (PATHWAYS_IS_PREFERENCES_WINDOW (self));

  gtk_spin_button_set_value (self->readiness_spin, percent);
}
