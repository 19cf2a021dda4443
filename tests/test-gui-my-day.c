/* test-gui-my-day.c — My Day, in the real window, under Xvfb
 *
 * The page of a PA's alerts and key dates: Alt+8 shows it; with nobody
 * signed in "My caseload" says how to choose who you are; a chosen
 * caseload is kept in settings; an alert's button opens the young
 * person's page on its action; Export Calendar writes a private .ics.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "pathways-application.h"
#include "pathways-file-toast.h"
#include "pathways-history-list.h"
#include "pathways-caseload-view-private.h"
#include "pathways-move-dialog-private.h"
#include "pathways-my-day-view.h"
#include "pathways-person-page-private.h"
#include "pathways-window-private.h"
#include "test-gui-util.h"

static char *dir;

static void
setup (void)
{
  ck_assert_msg (gtk_init_check (), "the display went away");
  adw_init ();
  dir = test_make_dir ();
}

static void
teardown (void)
{
  test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

static void
spin (guint turns)
{
  for (guint i = 0; i < turns; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Lets the window lay itself out again at a new size (a page changes its
 * buttons on the turn after it sees its width) */
static void
settle (void)
{
  for (guint i = 0; i < 20; i++)
    {
      spin (5);
      g_usleep (20000);
    }
}

/* A small authority, written before the app opens it (no demo to make):
 * Alison's Amara, 18 on 10 December; Helen's Ben in a B&B (an alert
 * asking for a move) */
static void
make_database (const char *path)
{
  g_autoptr(PathwaysClock) clock = pathways_clock_new_fixed (TEST_TODAY);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysStore) store = pathways_store_open (path, clock, &error);
  g_autoptr(PathwaysStaff) a = pathways_staff_new ("Alison Bennett", "pa", "Leaving Care North");
  g_autoptr(PathwaysStaff) h = pathways_staff_new ("Helen Reid", "pa", "Leaving Care South");
  g_autoptr(PathwaysUnit) bnb = g_object_new (PATHWAYS_TYPE_UNIT, "name", "Station Road Guest House",
                                              "kind", "bed_and_breakfast", "status", "occupied",
                                              "min-age", (gint64) 16, "max-age", (gint64) 25,
                                              "in-authority", TRUE, NULL);
  g_autoptr(PathwaysYoungPerson) amara = test_make_person ("G100");
  g_autoptr(PathwaysYoungPerson) ben = test_make_person ("G101");
  g_autoptr(PathwaysSpell) foster = NULL;
  g_autoptr(PathwaysSpell) stay = NULL;

  ck_assert_no_error (error);
  test_add (store, PATHWAYS_RECORD (a));
  test_add (store, PATHWAYS_RECORD (h));
  test_add (store, PATHWAYS_RECORD (bnb));
  g_object_set (amara, "given-name", "Amara", "family-name", "Okafor", "date-of-birth", "2008-12-10",
                "pa-id", pathways_record_get_id (PATHWAYS_RECORD (a)), NULL);
  test_add (store, PATHWAYS_RECORD (amara));
  g_object_set (ben, "given-name", "Ben", "family-name", "Adams", "date-of-birth", "2005-12-20",
                "pa-id", pathways_record_get_id (PATHWAYS_RECORD (h)), NULL);
  test_add (store, PATHWAYS_RECORD (ben));
  foster = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", pathways_record_get_id (PATHWAYS_RECORD (amara)),
                         "place", "U4", "state", "current", "start-date", "2019-03-01", NULL);
  test_add (store, PATHWAYS_RECORD (foster));
  stay = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", pathways_record_get_id (PATHWAYS_RECORD (ben)),
                       "unit-id", pathways_record_get_id (PATHWAYS_RECORD (bnb)), "accom", "W",
                       "state", "current", "start-date", "2026-11-01", NULL);
  test_add (store, PATHWAYS_RECORD (stay));
}

static gboolean
caseload_ready (gpointer data)
{
  const char *page = pathways_caseload_view_get_visible_page (data);

  return g_strcmp0 (page, "list") == 0 || g_strcmp0 (page, "empty") == 0;
}

static gboolean
my_day_ready (gpointer data)
{
  const char *page = pathways_my_day_view_get_visible_page (data);

  return g_strcmp0 (page, "content") == 0 || g_strcmp0 (page, "empty") == 0;
}

static gboolean
person_ready (gpointer data)
{
  return !pathways_person_page_is_loading (data) && pathways_person_page_get_details (data) != NULL;
}

static gboolean
move_dialog_open (gpointer data)
{
  return pathways_person_page_get_move_dialog (data) != NULL;
}

static gboolean
destinations_ranked (gpointer data)
{
  return !pathways_move_dialog_is_busy (data) && pathways_move_dialog_get_destinations (data) != NULL;
}

static void
exported_cb (PathwaysMyDayView *view,
             const char        *path,
             gboolean           ok,
             gpointer           user_data)
{
  *(int *) user_data = ok ? 1 : -1;
}

static gboolean
flag_set (gpointer data)
{
  return *(int *) data != 0;
}

static GtkWidget *
find_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_status_page (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Fails on an action row whose subtitle holds one DD/MM/YYYY date twice;
 * returns how many subtitles had a date */
static guint
assert_dates_once (GtkWidget *widget)
{
  guint n = 0;

  if (ADW_IS_ACTION_ROW (widget))
    {
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));
      g_autoptr(GRegex) re = g_regex_new ("[0-9]{2}/[0-9]{2}/[0-9]{4}", 0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      if (subtitle != NULL && g_regex_match (re, subtitle, 0, &match))
        {
          g_autofree char *date = g_match_info_fetch (match, 0);

          ck_assert_msg (strstr (strstr (subtitle, date) + strlen (date), date) == NULL,
                         "the date is given twice: %s", subtitle);
          n++;
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += assert_dates_once (c);
  return n;
}

START_TEST (test_my_day)
{
  g_autofree char *path = g_build_filename (dir, "my-day.db", NULL);
  g_autofree char *ics = g_build_filename (dir, "key-dates.ics", NULL);
  g_autoptr(PathwaysApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  g_autofree char *saved = NULL;
  PathwaysWindow *window;
  PathwaysMyDayView *view;
  PathwaysPersonPage *person;
  GtkWidget *button, *status;
  GSettings *settings;
  GVariant *target;
  gint64 person_id;
  guint n_alerts = 0, n_dates = 0, n_all = 0;
  int exported = 0;
  struct stat st;

  make_database (path);
  g_setenv (PATHWAYS_DATABASE_ENV, path, TRUE);
  app = pathways_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  ck_assert (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_windows (GTK_APPLICATION (app))->data;
  ck_assert (test_wait_for (caseload_ready, pathways_window_get_caseload_view (window)));
  settings = pathways_context_get_settings (pathways_application_get_context (app));
  g_settings_set_int64 (settings, "my-staff-id", 0);

  /* Alt+8, from anywhere: nobody signed in, so My caseload explains itself */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "my-day"));
  view = PATHWAYS_MY_DAY_VIEW (pathways_window_get_page (window, "my-day"));
  ck_assert (test_wait_for (my_day_ready, view));
  spin (10);
  ck_assert_str_eq (pathways_my_day_view_get_visible_page (view), "empty");
  status = find_status_page (GTK_WIDGET (view));
  ck_assert_ptr_nonnull (status);
  ck_assert_str_eq (adw_status_page_get_title (ADW_STATUS_PAGE (status)), "Who Are You?");
  /* …with the way to Preferences it speaks of */
  button = test_gui_find_action (status, "app.preferences");
  ck_assert_ptr_nonnull (button);
  ck_assert (gtk_widget_get_visible (button));

  /* Signed in as Alison (staff 1): her alerts and key dates */
  g_settings_set_int64 (settings, "my-staff-id", 1);
  spin (10);
  ck_assert_str_eq (pathways_my_day_view_get_visible_page (view), "content");
  g_object_get (view, "n-alerts", &n_alerts, "n-dates", &n_dates, NULL);
  ck_assert_uint_gt (n_alerts + n_dates, 0);
  /* An alert's line gives each date once ("…was due on 23/06/2026. · High",
   * not "… · due 23/06/2026" after it again) */
  ck_assert_uint_gt (assert_dates_once (GTK_WIDGET (view)), 0);

  /* Everyone: more; the choice is kept */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "my-day.show-caseload", "s", "all"));
  spin (5);
  g_object_get (view, "n-dates", &n_all, NULL);
  ck_assert_uint_gt (n_all, n_dates);
  saved = g_settings_get_string (settings, "my-day-whose");
  ck_assert_str_eq (saved, "all");

  /* The calendar: the dates shown, in a file only its owner reads */
  g_signal_connect (view, "calendar-exported", G_CALLBACK (exported_cb), &exported);
  file = g_file_new_for_path (ics);
  pathways_my_day_view_export_ics (view, file);
  ck_assert (test_wait_for (flag_set, &exported));
  ck_assert_int_eq (exported, 1);
  ck_assert_int_eq (stat (ics, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  ck_assert (g_file_get_contents (ics, &text, NULL, NULL));
  ck_assert (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));

  /* The toast after an export offers Open and Show in Files */
  {
    g_autoptr(AdwToast) toast = g_object_ref_sink (pathways_file_toast_new ("Saved", file));
    GtkWidget *title = adw_toast_get_custom_title (toast);
    GtkWidget *show = NULL;

    ck_assert_str_eq (adw_toast_get_button_label (toast), "Open");
    ck_assert_ptr_nonnull (title);
    for (GtkWidget *c = gtk_widget_get_first_child (title); c != NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_BUTTON (c))
        show = c;
    ck_assert_ptr_nonnull (show);
    ck_assert_str_eq (gtk_button_get_label (GTK_BUTTON (show)), "Show in Files");
  }

  /* An alert's own action: Schedule Move… opens the young person's page
   * and its dialog */
  button = test_gui_find_action (GTK_WIDGET (view), "win.open-person-for");
  ck_assert_ptr_nonnull (button);
  /* A label in a wide window; in a narrow one an icon (the label in its
   * tooltip), leaving the alert's text the row's width */
  {
    GtkStack *faces = GTK_STACK (gtk_button_get_child (GTK_BUTTON (button)));
    const char *label = gtk_widget_get_tooltip_text (button);

    gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
    settle ();
    ck_assert_int_ge (gtk_widget_get_width (GTK_WIDGET (view)), 560);
    ck_assert_str_eq (gtk_stack_get_visible_child_name (faces), "label");
    ck_assert_str_eq (gtk_label_get_label (GTK_LABEL (gtk_stack_get_visible_child (faces))), label);
    gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
    settle ();
    ck_assert_int_lt (gtk_widget_get_width (GTK_WIDGET (view)), 560);
    ck_assert_str_eq (gtk_stack_get_visible_child_name (faces), "icon");
    ck_assert_int_le (gtk_widget_get_width (button), 40);
    ck_assert_ptr_nonnull (label);
    gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
    spin (20);
  }
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  ck_assert_ptr_nonnull (target);
  g_variant_get (target, "(x&s)", &person_id, NULL);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-person-for", "(xs)",
                                         person_id, "schedule-move"));
  person = pathways_window_get_person_page (window);
  ck_assert (pathways_window_is_showing_person (window));
  ck_assert (test_wait_for (person_ready, person));
  ck_assert_int_eq (pathways_person_page_get_person_id (person), person_id);
  ck_assert (test_wait_for (move_dialog_open, person));

  /* The dialog's count follows the search (issue #16) */
  {
    PathwaysMoveDialog *dialog = PATHWAYS_MOVE_DIALOG (pathways_person_page_get_move_dialog (person));

    ck_assert (test_wait_for (destinations_ranked, dialog));
    ck_assert_ptr_nonnull (strstr (pathways_move_dialog_get_dest_status (dialog), " of 1 unit is open to them"));
    pathways_move_dialog_search (dialog, "Station Road");
    ck_assert_ptr_nonnull (strstr (pathways_move_dialog_get_dest_status (dialog), " of the 1 unit matching the search"));
    pathways_move_dialog_search (dialog, "no such place");
    ck_assert_str_eq (pathways_move_dialog_get_dest_status (dialog),
                      "0 of the 0 units matching the search are open to them on that day");
    pathways_move_dialog_search (dialog, "");
    ck_assert_ptr_null (strstr (pathways_move_dialog_get_dest_status (dialog), "matching"));
  }
  gtk_window_close (pathways_person_page_get_move_dialog (person));
  spin (20);

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  g_application_quit (G_APPLICATION (app));
  g_unsetenv (PATHWAYS_DATABASE_ENV);
}
END_TEST

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  PathwaysHistoryList *list;
  int                  more_than;
} HistoryWait;

static gboolean
history_grew (gpointer data)
{
  HistoryWait *w = data;

  return pathways_history_list_get_n_events (w->list) > w->more_than;
}

static gboolean
has_title (GtkWidget  *widget,
           const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (has_title (c, title))
      return TRUE;
  return FALSE;
}

/* The young person's page shows who changed what and when, and a change
 * made now is at the top once saved */
START_TEST (test_person_history)
{
  g_autofree char *path = g_build_filename (dir, "history.db", NULL);
  g_autoptr(PathwaysApplication) app = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(PathwaysRecord) yp = NULL;
  g_autoptr(GError) error = NULL;
  PathwaysWindow *window;
  PathwaysPersonPage *page;
  PathwaysStore *store;
  HistoryWait w = { 0 };

  make_database (path);
  g_setenv (PATHWAYS_DATABASE_ENV, path, TRUE);
  app = pathways_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  ck_assert (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_windows (GTK_APPLICATION (app))->data;
  ck_assert (test_wait_for (caseload_ready, pathways_window_get_caseload_view (window)));
  store = pathways_application_get_store (app);
  people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL);
  yp = g_list_model_get_item (people, 0);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-person", "x",
                                         pathways_record_get_id (yp)));
  page = pathways_window_get_person_page (window);
  ck_assert (test_wait_for (person_ready, page));
  w.list = PATHWAYS_HISTORY_LIST (find_type (GTK_WIDGET (page), PATHWAYS_TYPE_HISTORY_LIST));
  ck_assert_ptr_nonnull (w.list);
  w.more_than = 0;
  ck_assert (test_wait_for (history_grew, &w));
  ck_assert (has_title (GTK_WIDGET (w.list), "Profile added: ") ||
             pathways_history_list_get_n_events (w.list) > 0);

  w.more_than = pathways_history_list_get_n_events (w.list);
  g_object_set (yp, "preferred-name", "Sunny", NULL);
  ck_assert (pathways_store_update (store, yp, &error));
  ck_assert_no_error (error);
  ck_assert (test_wait_for (history_grew, &w));
  ck_assert (has_title (GTK_WIDGET (w.list), "Preferred name set to “Sunny”"));

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  g_application_quit (G_APPLICATION (app));
  g_unsetenv (PATHWAYS_DATABASE_ENV);
}
END_TEST

int
main (void)
{
  Suite *s;
  TCase *tc;

  test_gui_require_display ();
  s = suite_create ("gui-my-day");
  tc = tcase_create ("my-day");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_my_day);
  tcase_add_test (tc, test_person_history);
  suite_add_tcase (s, tc);
  return test_run_suite (s);
}
