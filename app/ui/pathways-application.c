/* pathways-application.c — the application and the services it owns
 *
 * The application owns the context (the clock, the store, the settings,
 * the toasts); windows hand it to their pages.  The store is opened in a
 * worker thread (with the demo authority generated there when a new
 * database is created), so the window appears at once with the caseload
 * "loading"; setting it on the context makes the pages load.  The same
 * thread loads the caseload as soon as the store is open, while the
 * window is made and drawn, and the caseload page takes it from the
 * context instead of loading it again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-application"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "pathways-application.h"
#include "pathways-keyring.h"
#include "pathways-preferences-window.h"
#include "pathways-window.h"
#include "pathways-caseload-view-private.h"
#include "pathways-window-private.h"

/* The schema id stays the same in every build profile */
#define SCHEMA_ID "io.github.carepathways.Pathways"

/* The demo authority is the same every time */
#define DEMO_SEED 2026

#define WEBSITE "https://github.com/carepathways/pathways"
#define ISSUE_URL "https://github.com/carepathways/pathways/issues"

struct _PathwaysApplication
{
  AdwApplication parent_instance;

  PathwaysClock   *clock;
  GSettings       *settings;
  PathwaysContext *context;

  /* Command-line options */
  char     *database_option;
  gboolean  empty_option;
  gboolean  quit_after_first_frame;
  gboolean  quit_after_caseload_rows;
  gboolean  report_startup;         /* $PATHWAYS_REPORT_STARTUP: print when drawn */
  gboolean  first_frame_reported;

  /* Why the settings schema could not be found, or NULL */
  char     *schema_error;

  guint     sigterm_source;
  guint     sigint_source;

  gboolean  opening;
  gboolean  open_failed;
  gboolean  prefer_setting;   /* switched in Preferences: the setting decides */
};

G_DEFINE_FINAL_TYPE (PathwaysApplication, pathways_application, ADW_TYPE_APPLICATION)

typedef struct
{
  char          *path;
  char          *today;
  PathwaysClock *clock;
  gboolean       may_seed;
  gboolean       switching;   /* replacing an open store (Preferences → Team Server) */
} OpenData;

typedef struct
{
  PathwaysStore *store;
  GListModel    *caseload;   /* loaded as soon as the store was open, or NULL */
  gboolean       seeded;
  GError        *seed_error;
} OpenResult;

static const GOptionEntry option_entries[] = {
  { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database at PATH (a file, or a team server’s postgresql:// address) instead of the usual one"), N_("PATH") },
  { "empty", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("When a new database is created, leave it empty instead of filling it with a demo authority"),
    NULL },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { "quit-after-first-frame", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Close the window as soon as it has been drawn once, and quit when the database is open (for smoke tests and benchmarks)"),
    NULL },
  { "quit-after-caseload-rows", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Close the window as soon as the caseload’s rows have been drawn (for benchmarks)"),
    NULL },
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
  g_clear_object (&result->caseload);
  g_clear_error (&result->seed_error);
  g_free (result);
}

/* --database, then $PATHWAYS_DATABASE, then the database-path setting,
 * then the default location; once the user has switched databases in
 * Preferences, the setting, then the default */
static char *
resolve_database_path (PathwaysApplication *self)
{
  const char *env;
  g_autofree char *setting = NULL;

  if (self->database_option != NULL && !self->prefer_setting)
    return g_strdup (self->database_option);

  env = g_getenv (PATHWAYS_DATABASE_ENV);
  if (env != NULL && *env != '\0' && !self->prefer_setting)
    return g_strdup (env);

  setting = g_settings_get_string (self->settings, "database-path");
  if (*setting != '\0')
    return g_steal_pointer (&setting);

  return pathways_store_default_path ();
}

/* The settings schema, wherever this Pathways can find it: installed
 * (the default source, which honours $GSETTINGS_SCHEMA_DIR), beside an
 * uninstalled executable in its build folder (build/app/pathways finds
 * build/data/gschemas.compiled), or in the prefix it was built for. */
static GSettingsSchema *
find_schema (char **out_error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exe_dir = exe != NULL ? g_path_get_dirname (exe) : NULL;
  g_autofree char *build_dir = exe_dir != NULL ? g_build_filename (exe_dir, "..", "data", NULL) : NULL;
  g_autofree char *installed_dir = g_build_filename (SCHEMADIR, NULL);
  const char *dirs[] = { build_dir, installed_dir };
  GSettingsSchema *schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);

  for (guint i = 0; schema == NULL && i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *compiled = NULL;
      g_autoptr(GSettingsSchemaSource) dir_source = NULL;

      if (dirs[i] == NULL)
        continue;
      compiled = g_build_filename (dirs[i], "gschemas.compiled", NULL);
      if (!g_file_test (compiled, G_FILE_TEST_IS_REGULAR))
        continue;
      dir_source = g_settings_schema_source_new_from_directory (dirs[i], source, FALSE, NULL);
      if (dir_source != NULL)
        schema = g_settings_schema_source_lookup (dir_source, SCHEMA_ID, FALSE);
    }

  if (schema == NULL)
    /* Translators: %s is a settings schema id */
    *out_error = g_strdup_printf (_("Pathways cannot find its settings schema “%s”, so it cannot start. "
                                    "Start it with build-aux/run-app from the source folder, install it "
                                    "with “meson install”, or set GSETTINGS_SCHEMA_DIR to the folder "
                                    "that holds gschemas.compiled."),
                                  SCHEMA_ID);
  return schema;
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

static void open_store (PathwaysApplication *self);
static void show_open_error (PathwaysApplication *self,
                             const char          *path,
                             const GError        *error);

static void
open_error_response_cb (PathwaysApplication *self,
                        const char          *response,
                        AdwMessageDialog    *dialog)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup");

  /* A damaged file: go back to the newest backup (the damaged one is
   * kept aside), then open again */
  if (g_strcmp0 (response, "restore") == 0 && path != NULL && backup != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *aside = NULL;

      if (pathways_store_restore_backup (path, backup, &aside, &error))
        {
          /* Translators: %s is a file name */
          AdwToast *toast = adw_toast_new_format (_("Restored the backup. The damaged database is kept as %s"),
                                                  aside);

          adw_toast_set_timeout (toast, 0);
          self->open_failed = FALSE;
          open_store (self);
          pathways_context_add_toast (self->context, toast);
          return;
        }
      show_open_error (self, path, error);
      return;
    }

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
  if (pathways_store_location_is_server (path))
    /* The address may hold a password: the message names the server */
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  else if (strstr (error->message, path) != NULL)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  else
    /* Translators: the first %s is the reason, the second a file name */
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("%s\n\nThe database is at %s."),
                                    error->message, path);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  /* A damaged file with a backup beside it: offer to go back to it */
  if (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CORRUPT) &&
      !pathways_store_location_is_server (path))
    {
      char *backup = pathways_store_find_newest_backup (path);

      if (backup != NULL)
        {
          g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
          g_object_set_data_full (G_OBJECT (dialog), "backup", backup, g_free);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "restore", _("_Restore Backup"));
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                      ADW_RESPONSE_SUGGESTED);
        }
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_error_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
schema_error_response_cb (PathwaysApplication *self,
                          const char          *response,
                          AdwMessageDialog    *dialog)
{
  g_application_release (G_APPLICATION (self));
}

/* No window can work without settings: say why, once, and quit */
static void
show_schema_error (PathwaysApplication *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("Pathways Cannot Start"), self->schema_error);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  g_application_hold (G_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (schema_error_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The caseload has been drawn with what it shows: its rows, or that
 * there are none (or it is not shown at all, for a role without it) */
static gboolean
caseload_drawn (PathwaysApplication *self,
                GtkWidget           *window,
                guint               *out_n_rows)
{
  PathwaysCaseloadView *caseload;

  *out_n_rows = 0;
  if (pathways_context_get_store (self->context) == NULL || !PATHWAYS_IS_WINDOW (window))
    return FALSE;
  if (!pathways_window_has_page (PATHWAYS_WINDOW (window), "caseload"))
    return TRUE;
  caseload = pathways_window_get_caseload_view (PATHWAYS_WINDOW (window));
  if (caseload == NULL || !gtk_widget_get_mapped (GTK_WIDGET (caseload)))
    return TRUE;
  if (g_str_equal (pathways_caseload_view_get_visible_page (caseload), "loading"))
    return FALSE;
  *out_n_rows = pathways_caseload_view_get_n_visible (caseload);
  return TRUE;
}

/* After every frame until what was asked for has been drawn: the
 * state seen here is the state the frame was laid out and painted in,
 * as the store opens and the caseload loads between frames */
static void
frame_painted_cb (GdkFrameClock *frame_clock,
                  gpointer       user_data)
{
  PathwaysApplication *self = PATHWAYS_APPLICATION (user_data);
  GtkWidget *window = g_object_get_data (G_OBJECT (frame_clock), "pathways-window");
  gboolean done = FALSE;
  guint n_rows;

  if (!self->first_frame_reported)
    {
      self->first_frame_reported = TRUE;
      if (self->report_startup)
        {
          g_print ("first frame drawn\n");
          fflush (stdout);
        }
      if (self->quit_after_first_frame)
        {
          g_debug ("First frame drawn: closing, as --quit-after-first-frame asks");
          done = TRUE;
        }
    }
  if (!done && (self->quit_after_caseload_rows || self->report_startup) && caseload_drawn (self, window, &n_rows))
    {
      if (self->report_startup)
        {
          g_print ("caseload rows drawn: %u rows\n", n_rows);
          fflush (stdout);
        }
      if (self->quit_after_caseload_rows)
        g_debug ("Caseload drawn: closing, as --quit-after-caseload-rows asks");
      done = TRUE;
    }
  if (!done)
    return;

  g_signal_handlers_disconnect_by_func (frame_clock, frame_painted_cb, user_data);
  if (self->quit_after_first_frame || self->quit_after_caseload_rows)
    /* The application still waits for the database to be open (and a
     * new demo authority written) before it ends */
    g_idle_add_full (G_PRIORITY_DEFAULT, close_all_windows_idle_cb,
                     g_object_ref (self), g_object_unref);
}

static void
window_mapped_cb (GtkWidget *window,
                  gpointer   user_data)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);

  g_object_set_data (G_OBJECT (frame_clock), "pathways-window", window);
  g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (frame_painted_cb),
                           user_data, 0);
}

/* SIGTERM and SIGINT close the windows as Ctrl+Q would: state is saved
 * and nothing is cut off half-written */
static gboolean
quit_signal_cb (gpointer user_data)
{
  g_debug ("Asked to quit by a signal");
  close_all_windows (PATHWAYS_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
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

  /* A team server's password, if one was kept in the keyring (else
   * libpq's own: .pgpass, PGPASSWORD, or none for peer and GSSAPI) */
  if (pathways_store_location_is_server (data->path))
    {
      g_autoptr(GError) keyring_error = NULL;
      g_autofree char *password = pathways_keyring_lookup (data->path, cancellable, &keyring_error);

      if (keyring_error != NULL)
        g_warning ("Could not read the keyring: %s", keyring_error->message);
      store = pathways_store_open_with_password (data->path, password, data->clock, &error);
      if (password != NULL)
        explicit_bzero (password, strlen (password));
    }
  else
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

  /* The caseload too, in this thread while the window is made and
   * drawn, rather than from the main thread once the store is set: its
   * page shows it at once (pathways_context_take_first_caseload()) */
  {
    g_autoptr(GError) caseload_error = NULL;

    result->caseload = pathways_store_load_caseload (store, data->today, &caseload_error);
    if (result->caseload == NULL)
      g_debug ("The caseload will load when its page asks: %s", caseload_error->message);
  }

  result->store = g_steal_pointer (&store);
  g_task_return_pointer (task, result, open_result_free);
}

/* Preferences windows are not the application's (they close with it):
 * close them as well, since they show the old database's settings */
static void
close_preferences (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PATHWAYS_IS_PREFERENCES_WINDOW (l->data))
      gtk_window_close (GTK_WINDOW (l->data));
}

/* Preferences changed the database (a team server, or back to this
 * computer's own): the new one is open, or could not be.  On success
 * every window closes (saving its state) and a new one opens on the new
 * database, so no page shows a record of the old one; on failure the
 * old database stays in use and a toast says why. */
static void
store_switched (PathwaysApplication *self,
                OpenData            *data,
                OpenResult          *result,
                const GError        *error)
{
  g_autofree char *where = pathways_store_describe_location (data->path);
  GtkWindow *window;
  AdwToast *toast;

  if (result == NULL)
    {
      PathwaysStore *current = pathways_context_get_store (self->context);
      g_autofree char *still = current != NULL ? pathways_store_describe_location (pathways_store_get_location (current))
                                               : NULL;

      g_warning ("Could not switch to the database: %s", error->message);
      if (still != NULL)
        /* Translators: the first %s is the database asked for, the second why not, the third the one still in use */
        toast = adw_toast_new_format (_("Could not open %s: %s Pathways is still using %s."), where,
                                      error->message, still);
      else
        /* Translators: the first %s is the database asked for, the second why not */
        toast = adw_toast_new_format (_("Could not open %s: %s"), where, error->message);
      adw_toast_set_timeout (toast, 0);
      pathways_context_add_toast (self->context, toast);
      return;
    }

  /* Held, so that closing the last window does not end the application */
  g_application_hold (G_APPLICATION (self));
  close_all_windows (self);
  close_preferences ();
  pathways_context_set_store (self->context, result->store);
  window = GTK_WINDOW (pathways_window_new (self));
  gtk_window_present (window);
  /* Translators: %s is the database now in use ("the team server “pathways” on db.example") */
  toast = adw_toast_new_format (_("Now using %s."), where);
  pathways_context_add_toast (self->context, toast);
  g_application_release (G_APPLICATION (self));
  open_result_free (result);
}

static void
store_opened_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  PathwaysApplication *self = PATHWAYS_APPLICATION (source);
  OpenData *data = g_task_get_task_data (G_TASK (res));
  OpenResult *result;
  g_autoptr(GError) error = NULL;

  self->opening = FALSE;
  g_application_release (G_APPLICATION (self));

  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (result != NULL && result->caseload != NULL)
    pathways_context_set_first_caseload (self->context, result->store, data->today, result->caseload);
  if (data->switching)
    {
      store_switched (self, data, result, error);
      return;
    }
  if (result == NULL)
    {
      g_warning ("Could not open the database: %s", error->message);
      self->open_failed = TRUE;
      show_open_error (self, data->path, error);
      return;
    }

  /* The pages load now */
  pathways_context_set_store (self->context, result->store);

  if (result->seed_error != NULL)
    {
      /* Translators: %s is an error message */
      AdwToast *toast = adw_toast_new_format (_("Could not create the demo authority: %s"),
                                              result->seed_error->message);

      g_warning ("Could not create the demo authority: %s", result->seed_error->message);
      adw_toast_set_timeout (toast, 0);
      pathways_context_add_toast (self->context, toast);
    }
  else if (result->seeded)
    {
      AdwToast *toast = adw_toast_new (_("Created a demo authority to explore. Everyone in it is made up."));

      /* PATHWAYS_KEEP_START_TOAST: until dismissed, for the accessibility
       * walk, which reads it after a young person's page has loaded */
      adw_toast_set_timeout (toast, g_getenv ("PATHWAYS_KEEP_START_TOAST") != NULL ? 0 : 10);
      pathways_context_add_toast (self->context, toast);
    }

  open_result_free (result);
}

static void
open_store (PathwaysApplication *self)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_assert (pathways_context_get_store (self->context) == NULL);
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

/* app.switch-database: open the database the settings now name (set by
 * Preferences → Team Server) in place of the one in use, without a
 * restart.  From now on --database and $PATHWAYS_DATABASE, which chose
 * the first one, no longer apply. */
static void
switch_database_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  PathwaysApplication *self = PATHWAYS_APPLICATION (user_data);
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  if (self->opening || self->context == NULL)
    return;

  self->prefer_setting = TRUE;
  data = g_new0 (OpenData, 1);
  data->path = resolve_database_path (self);
  data->today = pathways_clock_dup_today (self->clock);
  data->clock = g_object_ref (self->clock);
  data->may_seed = g_settings_get_boolean (self->settings, "seed-demo-data") && !self->empty_option;
  data->switching = TRUE;

  self->opening = TRUE;
  g_application_hold (G_APPLICATION (self));
  task = g_task_new (self, NULL, store_opened_cb, NULL);
  g_task_set_source_tag (task, switch_database_action);
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
  PathwaysStore *store = self->context ? pathways_context_get_store (self->context) : NULL;
  g_autofree char *libraries = pathways_store_dup_library_versions ();
  g_autofree char *location = NULL;
  g_autofree char *debug = NULL;

  /* For a bug report: the versions and where the data is (never a password) */
  if (store != NULL)
    location = pathways_store_describe_location (pathways_store_get_location (store));
  debug = g_strdup_printf ("Pathways %s (%s)\nGLib %u.%u.%u\nGTK %u.%u.%u\nlibadwaita %u.%u.%u\n%s\n"
                           "Database: %s\nSchema version: %d\n",
                           PACKAGE_VERSION, PROFILE,
                           glib_major_version, glib_minor_version, glib_micro_version,
                           gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                           adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
                           libraries, location ? location : "not open",
                           store ? pathways_store_get_schema_version (store) : 0);

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "debug-info", debug,
                        "debug-info-filename", "pathways-debug.txt",
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

  if (pathways_context_get_store (self->context) == NULL)
    return;
  preferences = pathways_preferences_window_new (self->context);
  gtk_window_set_transient_for (GTK_WINDOW (preferences),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "switch-database", switch_database_action },
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
      /* A team server address is kept as given; a file is made absolute */
      self->database_option = pathways_store_location_is_server (database) ? g_strdup (database)
                                                                           : g_canonicalize_filename (database, NULL);

      /* A running Pathways would only raise its window and ignore the
       * option: run separately on the database asked for */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  if (g_variant_dict_contains (options, "empty"))
    self->empty_option = TRUE;

  if (g_variant_dict_contains (options, "quit-after-caseload-rows"))
    self->quit_after_caseload_rows = TRUE;
  if (g_variant_dict_contains (options, "quit-after-first-frame"))
    self->quit_after_first_frame = TRUE;
  if (self->quit_after_first_frame || self->quit_after_caseload_rows)
    {
      /* A smoke test must start its own instance, never raise another */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
pathways_application_startup (GApplication *application)
{
  PathwaysApplication *self = PATHWAYS_APPLICATION (application);
  static const char *const quit_accels[] = { "<Control>q", NULL };
  static const char *const close_accels[] = { "<Control>w", NULL };
  static const char *const preferences_accels[] = { "<Control>comma", NULL };
  static const char *const help_overlay_accels[] = { "<Control>question", NULL };

  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (pathways_application_parent_class)->startup (application);

  self->clock = pathways_clock_new ();

  self->sigterm_source = g_unix_signal_add_full (G_PRIORITY_DEFAULT, SIGTERM, quit_signal_cb, self, NULL);
  self->sigint_source = g_unix_signal_add_full (G_PRIORITY_DEFAULT, SIGINT, quit_signal_cb, self, NULL);

  schema = find_schema (&self->schema_error);
  if (schema == NULL)
    {
      g_printerr ("%s\n", self->schema_error);
      return;
    }
  self->settings = g_settings_new_full (schema, NULL, NULL);
  self->context = pathways_context_new (self->clock, self->settings);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  /* What GtkApplication sets for a gtk/help-overlay.ui resource, which
   * Pathways does not have: its window builds the shortcuts window */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", help_overlay_accels);
}

static void
pathways_application_activate (GApplication *application)
{
  PathwaysApplication *self = PATHWAYS_APPLICATION (application);
  GtkWindow *window;

  if (self->schema_error != NULL)
    {
      show_schema_error (self);
      return;
    }

  /* The store opens in its thread while the window is made: a new
   * window's pages load from the context's store, now or when open */
  if (pathways_context_get_store (self->context) == NULL && !self->opening && !self->open_failed)
    open_store (self);

  window = GTK_WINDOW (find_window (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (pathways_window_new (self));
      if (self->quit_after_first_frame || self->quit_after_caseload_rows || self->report_startup)
        g_signal_connect_object (window, "map", G_CALLBACK (window_mapped_cb), self, 0);
    }

  gtk_window_present (window);
}

/* GObject overrides */

static void
pathways_application_dispose (GObject *object)
{
  PathwaysApplication *self = PATHWAYS_APPLICATION (object);

  g_clear_handle_id (&self->sigterm_source, g_source_remove);
  g_clear_handle_id (&self->sigint_source, g_source_remove);
  g_clear_object (&self->context);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pathways_application_parent_class)->dispose (object);
}

static void
pathways_application_finalize (GObject *object)
{
  PathwaysApplication *self = PATHWAYS_APPLICATION (object);

  g_free (self->database_option);
  g_free (self->schema_error);

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
  /* For the start-up benchmark (tests/pathways-bench.c) */
  self->report_startup = g_getenv ("PATHWAYS_REPORT_STARTUP") != NULL;
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

  return self->context ? pathways_context_get_store (self->context) : NULL;
}

/**
 * pathways_application_get_context:
 *
 * Returns: (transfer none) (nullable): what windows hand their pages,
 *   available from startup
 */
PathwaysContext *
pathways_application_get_context (PathwaysApplication *self)
{
  g_return_val_if_fail (PATHWAYS_IS_APPLICATION (self), NULL);

  return self->context;
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

/**
 * pathways_application_get_exit_status:
 *
 * Returns: what the process should exit with: 0, or 1 when Pathways
 *   could not start (no settings schema) or could not open its database
 */
int
pathways_application_get_exit_status (PathwaysApplication *self)
{
  g_return_val_if_fail (PATHWAYS_IS_APPLICATION (self), 1);

  return (self->schema_error != NULL || self->open_failed) ? 1 : 0;
}
