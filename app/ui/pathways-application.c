/* pathways-application.c — the application and the services it owns
 *
 * The application owns the clock, the store and the settings; windows
 * find them through it.  The store is opened in a worker thread (with
 * the demo authority generated there when a new database is created), so
 * the window appears at once with the caseload "loading".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-application"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pathways-application.h"
#include "pathways-preferences-window.h"
#include "pathways-window.h"

/* The schema id stays the same in every build profile */
#define SCHEMA_ID "io.github.carepathways.Pathways"

/* The demo authority is the same every time */
#define DEMO_SEED 2026

#define WEBSITE "https://github.com/carepathways/pathways"
#define ISSUE_URL "https://github.com/carepathways/pathways/issues"

struct _PathwaysApplication
{
  AdwApplication parent_instance;

  PathwaysClock *clock;
  PathwaysStore *store;
  GSettings     *settings;

  /* Command-line options */
  char     *database_option;
  gboolean  empty_option;

  gboolean  opening;
  gboolean  open_failed;
};

G_DEFINE_FINAL_TYPE (PathwaysApplication, pathways_application, ADW_TYPE_APPLICATION)

typedef struct
{
  char          *path;
  char          *today;
  PathwaysClock *clock;
  gboolean       may_seed;
} OpenData;

typedef struct
{
  PathwaysStore *store;
  gboolean       seeded;
  GError        *seed_error;
} OpenResult;

static const GOptionEntry option_entries[] = {
  { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database at PATH instead of the usual one"), N_("PATH") },
  { "empty", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("When a new database is created, leave it empty instead of filling it with a demo authority"),
    NULL },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

/* Helpers */

static void
open_data_free (gpointer data)
{
  OpenData *open_data = data;

  g_free (open_data->path);
  g_free (open_data->today);
  g_clear_object (&open_data->clock);
  g_free (open_data);
}

static void
open_result_free (gpointer data)
{
  OpenResult *result = data;

  g_clear_object (&result->store);
  g_clear_error (&result->seed_error);
  g_free (result);
}

/* --database, then $PATHWAYS_DATABASE, then the database-path setting,
 * then the default location */
static char *
resolve_database_path (PathwaysApplication *self)
{
  const char *env;
  g_autofree char *setting = NULL;

  if (self->database_option != NULL)
    return g_strdup (self->database_option);

  env = g_getenv (PATHWAYS_DATABASE_ENV);
  if (env != NULL && *env != '\0')
    return pathways_store_default_path ();

  setting = g_settings_get_string (self->settings, "database-path");
  if (*setting != '\0')
    return g_steal_pointer (&setting);

  return pathways_store_default_path ();
}

static void
close_all_windows (PathwaysApplication *self)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing rather than quitting lets each window save its state; the
   * application ends when the last one has gone */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));

  g_list_free (windows);
}

static PathwaysWindow *
find_window (PathwaysApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (PATHWAYS_IS_WINDOW (window))
    return PATHWAYS_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (PATHWAYS_IS_WINDOW (l->data))
      return PATHWAYS_WINDOW (l->data);

  return NULL;
}

/* Callbacks */

static gboolean
close_all_windows_idle_cb (gpointer user_data)
{
  close_all_windows (PATHWAYS_APPLICATION (user_data));
  return G_SOURCE_REMOVE;
}

static void
open_error_response_cb (PathwaysApplication *self,
                        const char          *response,
                        AdwMessageDialog    *dialog)
{
  /* Not from inside the response: the dialog still refers to its parent
   * window while it closes */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_all_windows_idle_cb,
                   g_object_ref (self), g_object_unref);
}

static void
show_open_error (PathwaysApplication *self,
                 const char          *path,
                 const GError        *error)
{
  PathwaysWindow *window = find_window (self);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Cannot Open the Database"), NULL);
  if (strstr (error->message, path) != NULL)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  else
    /* Translators: the first %s is the reason, the second a file name */
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("%s\n\nThe database is at %s."),
                                    error->message, path);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_error_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_store_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(PathwaysStore) store = NULL;
  OpenResult *result;
  GError *error = NULL;

  store = pathways_store_open (data->path, data->clock, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  result = g_new0 (OpenResult, 1);

  if (data->may_seed && pathways_store_was_created (store) && pathways_store_is_empty (store))
    {
      PathwaysGenerateStats stats = { 0 };

      if (pathways_generate (store, PATHWAYS_GENERATE_DEMO, DEMO_SEED, data->today,
                             &stats, &result->seed_error))
        {
          result->seeded = TRUE;
          g_debug ("Created a demo authority: %u young people, %u units",
                   stats.n_young_people, stats.n_units);
        }
    }

  result->store = g_steal_pointer (&store);
  g_task_return_pointer (task, result, open_result_free);
}

static void
store_opened_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  PathwaysApplication *self = PATHWAYS_APPLICATION (source);
  OpenData *data = g_task_get_task_data (G_TASK (res));
  OpenResult *result;
  PathwaysWindow *window;
  g_autoptr(GError) error = NULL;

  self->opening = FALSE;
  g_application_release (G_APPLICATION (self));

  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (result == NULL)
    {
      g_warning ("Could not open the database: %s", error->message);
      self->open_failed = TRUE;
      show_open_error (self, data->path, error);
      return;
    }

  self->store = g_steal_pointer (&result->store);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (PATHWAYS_IS_WINDOW (l->data))
      pathways_window_load_caseload (PATHWAYS_WINDOW (l->data));

  window = find_window (self);

  if (result->seed_error != NULL)
    {
      g_warning ("Could not create the demo authority: %s", result->seed_error->message);
      if (window != NULL)
        {
          /* Translators: %s is an error message */
          AdwToast *toast = adw_toast_new_format (_("Could not create the demo authority: %s"),
                                                  result->seed_error->message);
          adw_toast_set_timeout (toast, 0);
          pathways_window_add_toast (window, toast);
        }
    }
  else if (result->seeded && window != NULL)
    {
      AdwToast *toast = adw_toast_new (_("Created a demo authority to explore. Everyone in it is made up."));

      adw_toast_set_timeout (toast, 10);
      pathways_window_add_toast (window, toast);
    }

  open_result_free (result);
}

static void
open_store (PathwaysApplication *self)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_assert (self->store == NULL);
  g_assert (!self->opening);

  data = g_new0 (OpenData, 1);
  data->path = resolve_database_path (self);
  data->today = pathways_clock_dup_today (self->clock);
  data->clock = g_object_ref (self->clock);
  data->may_seed = g_settings_get_boolean (self->settings, "seed-demo-data") && !self->empty_option;

  self->opening = TRUE;

  /* Keep running until the store is open (and a demo authority fully
   * written) even if the window is closed meanwhile */
  g_application_hold (G_APPLICATION (self));

  task = g_task_new (self, NULL, store_opened_cb, NULL);
  g_task_set_source_tag (task, open_store);
  g_task_set_task_data (task, data, open_data_free);
  g_task_run_in_thread (task, open_store_thread);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  close_all_windows (PATHWAYS_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  PathwaysApplication *self = PATHWAYS_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Pathways"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Pathways contributors"),
                        "comments", _("Plan accommodation for young people leaving care"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", WEBSITE,
                        "issue-url", ISSUE_URL,
                        "copyright", _("© 2026 Pathways contributors"),
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  PathwaysApplication *self = PATHWAYS_APPLICATION (user_data);
  PathwaysPreferencesWindow *preferences;

  if (self->store == NULL)
    return;
  preferences = pathways_preferences_window_new (self->store, self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

/* GApplication overrides */

static int
pathways_application_handle_local_options (GApplication *application,
                                           GVariantDict *options)
{
  PathwaysApplication *self = PATHWAYS_APPLICATION (application);
  g_autofree char *database = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "Pathways", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "database", "^ay", &database) && *database != '\0')
    {
      g_free (self->database_option);
      self->database_option = g_canonicalize_filename (database, NULL);

      /* A running Pathways would only raise its window and ignore the
       * option: run separately on the database asked for */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  if (g_variant_dict_contains (options, "empty"))
    self->empty_option = TRUE;

  return -1;
}

static void
pathways_application_startup (GApplication *application)
{
  PathwaysApplication *self = PATHWAYS_APPLICATION (application);
  static const char *const quit_accels[] = { "<Control>q", NULL };
  static const char *const close_accels[] = { "<Control>w", NULL };
  static const char *const preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (pathways_application_parent_class)->startup (application);

  self->settings = g_settings_new (SCHEMA_ID);
  self->clock = pathways_clock_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
}

static void
pathways_application_activate (GApplication *application)
{
  PathwaysApplication *self = PATHWAYS_APPLICATION (application);
  GtkWindow *window;
  gboolean new_window = FALSE;

  window = GTK_WINDOW (find_window (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (pathways_window_new (self));
      new_window = TRUE;
    }

  gtk_window_present (window);

  if (self->store == NULL)
    {
      if (!self->opening && !self->open_failed)
        open_store (self);
    }
  else if (new_window)
    {
      pathways_window_load_caseload (PATHWAYS_WINDOW (window));
    }
}

/* GObject overrides */

static void
pathways_application_dispose (GObject *object)
{
  PathwaysApplication *self = PATHWAYS_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pathways_application_parent_class)->dispose (object);
}

static void
pathways_application_finalize (GObject *object)
{
  PathwaysApplication *self = PATHWAYS_APPLICATION (object);

  g_free (self->database_option);

  G_OBJECT_CLASS (pathways_application_parent_class)->finalize (object);
}

static void
pathways_application_class_init (PathwaysApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = pathways_application_dispose;
  object_class->finalize = pathways_application_finalize;

  application_class->handle_local_options = pathways_application_handle_local_options;
  application_class->startup = pathways_application_startup;
  application_class->activate = pathways_application_activate;
}

static void
pathways_application_init (PathwaysApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

/* Public API */

PathwaysApplication *
pathways_application_new (const char        *application_id,
                          GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  /* The resources sit under the same path in every profile, whereas the
   * default base path would follow the .Devel application id */
  return g_object_new (PATHWAYS_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * pathways_application_get_store:
 *
 * Returns: (transfer none) (nullable): the store, or %NULL until it is open
 */
PathwaysStore *
pathways_application_get_store (PathwaysApplication *self)
{
  g_return_val_if_fail (PATHWAYS_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * pathways_application_get_clock:
 *
 * Returns: (transfer none) (nullable): the clock, available from startup
 */
PathwaysClock *
pathways_application_get_clock (PathwaysApplication *self)
{
  g_return_val_if_fail (PATHWAYS_IS_APPLICATION (self), NULL);

  return self->clock;
}

/**
 * pathways_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings, available from startup
 */
GSettings *
pathways_application_get_settings (PathwaysApplication *self)
{
  g_return_val_if_fail (PATHWAYS_IS_APPLICATION (self), NULL);

  return self->settings;
}
