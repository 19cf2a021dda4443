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
  GtkListBox    *areas_list;
  AdwEntryRow   *add_area_row;
  GPtrArray     *areas;      /* the areas, as the list shows them */
  char          *area_error; /* why the area typed was not added, or NULL */
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

/* The areas: a row each with a Remove button (undone from its toast),
 * then a row to add one; written as the one "authority_areas" setting */

static void fill_areas (PathwaysPreferencesWindow *self);

static void
save_areas (PathwaysPreferencesWindow *self)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  for (guint i = 0; i < self->areas->len; i++)
    g_ptr_array_add (list, g_ptr_array_index (self->areas, i));
  g_ptr_array_add (list, NULL);
  joined = g_strjoinv (";", (char **) list->pdata);
  set_setting (self, "authority_areas", *joined ? joined : NULL);
}

static gboolean
area_listed (PathwaysPreferencesWindow *self,
             const char                *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < self->areas->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_ptr_array_index (self->areas, i), -1);
      if (g_str_equal (folded, other))
        return TRUE;
    }
  return FALSE;
}

static void
set_area_error (PathwaysPreferencesWindow *self,
                const char                *message)
{
  g_free (self->area_error);
  self->area_error = g_strdup (message);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->add_area_row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->add_area_row), "error");
}

/* FALSE, saying why, for a name the setting would refuse */
static gboolean
check_area (PathwaysPreferencesWindow *self,
            const char                *name)
{
  g_autoptr(GError) error = NULL;

  if (*name == '\0')
    {
      set_area_error (self, _("Type the name of the area first"));
      return FALSE;
    }
  if (strchr (name, ';') != NULL)
    {
      /* Translators: an area's name may not hold ";" (the setting's separator) */
      set_area_error (self, _("An area’s name cannot contain ‘;’"));
      return FALSE;
    }
  if (area_listed (self, name))
    {
      /* Translators: %s is the name of an area */
      g_autofree char *text = g_strdup_printf (_("“%s” is already in the list"), name);
      set_area_error (self, text);
      return FALSE;
    }
  {
    g_autoptr(GPtrArray) list = g_ptr_array_new ();
    g_autofree char *joined = NULL;

    for (guint i = 0; i < self->areas->len; i++)
      g_ptr_array_add (list, g_ptr_array_index (self->areas, i));
    g_ptr_array_add (list, (gpointer) name);
    g_ptr_array_add (list, NULL);
    joined = g_strjoinv (";", (char **) list->pdata);
    if (!pathways_setting_validate ("authority_areas", joined, &error))
      {
        set_area_error (self, error->message);
        return FALSE;
      }
  }
  return TRUE;
}

static void
add_area_cb (PathwaysPreferencesWindow *self,
             AdwEntryRow               *row)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (!check_area (self, name))
    return;
  set_area_error (self, NULL);
  g_ptr_array_add (self->areas, g_steal_pointer (&name));
  save_areas (self);
  fill_areas (self);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
add_area_changed_cb (PathwaysPreferencesWindow *self,
                     AdwEntryRow               *row)
{
  if (self->area_error != NULL)
    set_area_error (self, NULL);
}

typedef struct {
  PathwaysPreferencesWindow *self;
  char                      *name;
  guint                      position;
} RemovedArea;

static void
removed_area_free (gpointer  data,
                   GClosure *closure)
{
  RemovedArea *r = data;

  g_object_unref (r->self);
  g_free (r->name);
  g_free (r);
}

static void
undo_remove_area_cb (AdwToast    *toast,
                     RemovedArea *r)
{
  if (area_listed (r->self, r->name))
    return;
  g_ptr_array_insert (r->self->areas, (int) MIN (r->position, r->self->areas->len), g_strdup (r->name));
  save_areas (r->self);
  fill_areas (r->self);
}

static void
remove_area (PathwaysPreferencesWindow *self,
             guint                      position)
{
  RemovedArea *r;
  AdwToast *toast;
  g_autofree char *text = NULL;

  if (position >= self->areas->len)
    return;
  r = g_new0 (RemovedArea, 1);
  r->self = g_object_ref (self);
  r->name = g_strdup (g_ptr_array_index (self->areas, position));
  r->position = position;
  g_ptr_array_remove_index (self->areas, position);
  save_areas (self);
  fill_areas (self);

  /* Translators: a toast; %s is the name of an area */
  text = g_strdup_printf (_("“%s” removed"), r->name);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_remove_area_cb), r, removed_area_free, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
remove_area_clicked_cb (GtkButton                 *button,
                        PathwaysPreferencesWindow *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "area");

  for (guint i = 0; name != NULL && i < self->areas->len; i++)
    if (g_str_equal (g_ptr_array_index (self->areas, i), name))
      {
        remove_area (self, i);
        return;
      }
}

static void
fill_areas (PathwaysPreferencesWindow *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->areas_list));

  /* Every row but the last, which adds one */
  while (child != NULL && child != GTK_WIDGET (self->add_area_row))
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      gtk_list_box_remove (self->areas_list, child);
      child = next;
    }
  for (guint i = 0; i < self->areas->len; i++)
    {
      const char *name = g_ptr_array_index (self->areas, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      /* Translators: a button's name for a screen reader; %s is the name of an area */
      g_autofree char *label = g_strdup_printf (_("Remove %s"), name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove area"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (button), "area", g_strdup (name), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_area_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_insert (self->areas_list, row, (int) i);
    }
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
  g_ptr_array_set_size (self->areas, 0);
  if (areas != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (areas, ";", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (*g_strstrip (parts[i]) != '\0' && !area_listed (self, parts[i]))
          g_ptr_array_add (self->areas, g_strdup (parts[i]));
    }
  fill_areas (self);

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
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_clear_pointer (&self->area_error, g_free);

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
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferencesWindow, areas_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferencesWindow, add_area_row);
  gtk_widget_class_bind_template_callback (widget_class, staff_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, contact_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, readiness_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_area_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_area_changed_cb);
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
  self->areas = g_ptr_array_new_with_free_func (g_free);
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

/* Adds @name as the "Add an area" row does; FALSE (nothing written, the
 * reason in pathways_preferences_window_get_area_error()) when refused */
gboolean
pathways_preferences_window_add_area (PathwaysPreferencesWindow *self,
                                      const char                *name)
{
  g_return_val_if_fail (PATHWAYS_IS_PREFERENCES_WINDOW (self), FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->add_area_row), name);
  add_area_cb (self, self->add_area_row);
  return self->area_error == NULL;
}

const char *
pathways_preferences_window_get_area_error (PathwaysPreferencesWindow *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PREFERENCES_WINDOW (self), NULL);
  return self->area_error;
}

/* The rows of the areas list, in order (transfer container) */
GPtrArray *
pathways_preferences_window_dup_areas (PathwaysPreferencesWindow *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (PATHWAYS_IS_PREFERENCES_WINDOW (self), out);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->areas_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_ptr_array_add (out, g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))));
  return out;
}

/* Presses the Remove button of the area row @name */
void
pathways_preferences_window_remove_area (PathwaysPreferencesWindow *self,
                                         const char                *name)
{
  g_return_if_fail (PATHWAYS_IS_PREFERENCES_WINDOW (self));

  for (guint i = 0; i < self->areas->len; i++)
    if (g_str_equal (g_ptr_array_index (self->areas, i), name))
      {
        remove_area (self, i);
        return;
      }
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
