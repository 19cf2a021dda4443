/* test-gui.c — the desktop app, in-process, under Xvfb
 *
 * Builds the real application and widgets and drives them through their
 * actions and API, iterating the main loop a bounded number of times.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "pathways-application.h"
#include "pathways-caseload-view.h"
#include "pathways-window.h"
#include "test-util.h"

static char *dir;

static void
setup (void)
{
  if (!gtk_init_check ())
    {
      /* No display: meson's "skipped" (CI always provides one) */
      exit (77);
    }
  adw_init ();
  dir = test_make_dir ();
}

static void
teardown (void)
{
  test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

/* Iterate until @done returns TRUE, at most ~20 s */
static gboolean
wait_for (gboolean (*done) (gpointer),
          gpointer   data)
{
  for (guint turn = 0; turn < 4000; turn++)
    {
      if (done (data))
        return TRUE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (5000);
    }
  return done (data);
}

static gboolean
caseload_ready (gpointer data)
{
  PathwaysCaseloadView *view = data;
  const char *page = pathways_caseload_view_get_visible_page (view);

  return g_strcmp0 (page, "list") == 0 || g_strcmp0 (page, "empty") == 0;
}

static PathwaysWindow *
launch (PathwaysApplication *app)
{
  GList *windows;

  ck_assert (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_activate (G_APPLICATION (app));
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  ck_assert_ptr_nonnull (windows);
  ck_assert (PATHWAYS_IS_WINDOW (windows->data));
  return windows->data;
}

static void
shut_down (PathwaysApplication *app,
           PathwaysWindow      *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_application_quit (G_APPLICATION (app));
}

START_TEST (test_first_start_creates_demo_authority)
{
  g_autofree char *path = g_build_filename (dir, "first.db", NULL);
  g_autoptr(PathwaysApplication) app = NULL;
  PathwaysWindow *window;
  PathwaysCaseloadView *view;
  GtkColumnView *columns;

  g_setenv (PATHWAYS_DATABASE_ENV, path, TRUE);
  app = pathways_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  window = launch (app);
  view = pathways_window_get_caseload_view (window);

  /* Opening and seeding run off the main thread: the window is there at once */
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (window)));
  ck_assert (wait_for (caseload_ready, view));

  /* The demo authority: 60 young people in the column view */
  ck_assert_str_eq (pathways_caseload_view_get_visible_page (view), "list");
  ck_assert_uint_eq (pathways_caseload_view_get_n_visible (view), 60);
  columns = pathways_caseload_view_get_column_view (view);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (columns))), 60);
  ck_assert (g_file_test (path, G_FILE_TEST_EXISTS));
  ck_assert_ptr_nonnull (pathways_application_get_store (app));

  shut_down (app, window);
  g_unsetenv (PATHWAYS_DATABASE_ENV);
}
END_TEST

START_TEST (test_search_filters_caseload)
{
  g_autofree char *path = g_build_filename (dir, "search.db", NULL);
  g_autoptr(PathwaysApplication) app = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(PathwaysRecord) someone = NULL;
  g_autofree char *family = NULL;
  PathwaysWindow *window;
  PathwaysCaseloadView *view;
  guint n_expected = 0;

  g_setenv (PATHWAYS_DATABASE_ENV, path, TRUE);
  app = pathways_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  window = launch (app);
  view = pathways_window_get_caseload_view (window);
  ck_assert (wait_for (caseload_ready, view));

  /* Search by a family name: exactly the people with it remain */
  rows = pathways_store_load_caseload (pathways_application_get_store (app), TEST_TODAY, NULL);
  someone = g_list_model_get_item (rows, 7);
  family = g_utf8_strdown (strrchr (pathways_record_get_string (someone, "display-name"), ' ') + 1, -1);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PathwaysRecord) r = g_list_model_get_item (rows, i);
      n_expected += strstr (pathways_record_get_string (r, "search-text"), family) != NULL;
    }
  pathways_caseload_view_set_search_text (view, family);
  ck_assert_uint_eq (pathways_caseload_view_get_n_visible (view), n_expected);
  ck_assert_uint_lt (n_expected, 60);

  /* By local ID, upper case as on the paperwork */
  pathways_caseload_view_set_search_text (view, pathways_record_get_string (someone, "local-id"));
  ck_assert_uint_eq (pathways_caseload_view_get_n_visible (view), 1);

  /* Nothing matches: the "No Results" page */
  pathways_caseload_view_set_search_text (view, "zzzz-nobody");
  ck_assert_uint_eq (pathways_caseload_view_get_n_visible (view), 0);
  ck_assert_str_eq (pathways_caseload_view_get_visible_page (view), "no-results");

  /* Cleared: everyone again */
  pathways_caseload_view_set_search_text (view, "");
  ck_assert_uint_eq (pathways_caseload_view_get_n_visible (view), 60);

  /* Ctrl+F's action focuses the search entry */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-search", NULL));

  shut_down (app, window);
  g_unsetenv (PATHWAYS_DATABASE_ENV);
}
END_TEST

START_TEST (test_empty_database_shows_empty_state)
{
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(PathwaysApplication) app = NULL;
  PathwaysWindow *window;
  PathwaysCaseloadView *view;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.carepathways.Pathways");

  g_settings_set_boolean (settings, "seed-demo-data", FALSE);
  g_setenv (PATHWAYS_DATABASE_ENV, path, TRUE);
  app = pathways_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  window = launch (app);
  view = pathways_window_get_caseload_view (window);
  ck_assert (wait_for (caseload_ready, view));

  ck_assert_str_eq (pathways_caseload_view_get_visible_page (view), "empty");
  ck_assert (pathways_store_is_empty (pathways_application_get_store (app)));

  shut_down (app, window);
  g_settings_reset (settings, "seed-demo-data");
  g_unsetenv (PATHWAYS_DATABASE_ENV);
}
END_TEST

START_TEST (test_sorting_by_age)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "sort.db");
  g_autoptr(GListModel) rows = NULL;
  GtkWidget *view;
  GtkColumnView *columns;
  GListModel *shown;
  GtkColumnViewColumn *age = NULL;
  GListModel *list;
  g_autoptr(PathwaysRecord) first = NULL;
  g_autoptr(PathwaysRecord) last = NULL;

  ck_assert (pathways_generate (store, PATHWAYS_GENERATE_DEMO, 5, TEST_TODAY, NULL, NULL));
  rows = pathways_store_load_caseload (store, TEST_TODAY, NULL);

  view = g_object_ref_sink (pathways_caseload_view_new ());
  pathways_caseload_view_set_model (PATHWAYS_CASELOAD_VIEW (view), rows);
  columns = pathways_caseload_view_get_column_view (PATHWAYS_CASELOAD_VIEW (view));

  list = gtk_column_view_get_columns (columns);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (list, i);
      if (g_strcmp0 (gtk_column_view_column_get_title (c), "Age") == 0)
        age = c;
    }
  ck_assert_ptr_nonnull (age);

  gtk_column_view_sort_by_column (columns, age, GTK_SORT_DESCENDING);
  shown = G_LIST_MODEL (gtk_column_view_get_model (columns));
  first = g_list_model_get_item (shown, 0);
  last = g_list_model_get_item (shown, g_list_model_get_n_items (shown) - 1);
  ck_assert_int_ge (pathways_record_get_int (first, "age"), pathways_record_get_int (last, "age"));
  ck_assert_int_gt (pathways_record_get_int (first, "age"), pathways_record_get_int (last, "age"));

  g_object_unref (view);
}
END_TEST

static Suite *
gui_suite (void)
{
  Suite *s = suite_create ("gui");
  TCase *tc = tcase_create ("window");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_first_start_creates_demo_authority);
  tcase_add_test (tc, test_search_filters_caseload);
  tcase_add_test (tc, test_empty_database_shows_empty_state);
  tcase_add_test (tc, test_sorting_by_age);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (gui_suite ());
}
