/* test-gui.c — the desktop app, in-process, under Xvfb
 *
 * Builds the real application and widgets and drives them through their
 * actions and API, iterating the main loop a bounded number of times.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "pathways-application.h"
#include "pathways-array-model.h"
#include "pathways-caseload-view-private.h"
#include "pathways-destination-list-private.h"
#include "pathways-fold.h"
#include "pathways-move-dialog-private.h"
#include "pathways-person-page-private.h"
#include "pathways-preferences-window-private.h"
#include "pathways-spell-strip.h"
#include "pathways-table.h"
#include "pathways-stock-view-private.h"
#include "pathways-timeline-view-private.h"
#include "pathways-window-private.h"
#include "test-gui-util.h"

static char *dir;

static void
setup (void)
{
  /* main() checked that there is a display */
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

static gboolean
column_view_has_60 (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (data))) == 60;
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
  ck_assert (test_wait_for (caseload_ready, view));

  /* The demo authority: 60 young people in the column view */
  ck_assert_str_eq (pathways_caseload_view_get_visible_page (view), "list");
  ck_assert_uint_eq (pathways_caseload_view_get_n_visible (view), 60);
  columns = pathways_caseload_view_get_column_view (view);
  /* (the rows the page's height holds first, every row a frame later) */
  ck_assert (test_wait_for (column_view_has_60, columns));
  ck_assert (g_file_test (path, G_FILE_TEST_EXISTS));
  ck_assert_ptr_nonnull (pathways_application_get_store (app));

  shut_down (app, window);
  g_unsetenv (PATHWAYS_DATABASE_ENV);
}
END_TEST

/* The caseload is loaded in the thread that opens the store, so its
 * page has its rows as soon as the store is set, without a load of its
 * own after the window's first frame */
typedef struct {
  PathwaysCaseloadView *view;
  gboolean              store_set;
  gboolean              had_rows;
} StoreSet;

static void
store_set_cb (PathwaysContext *context,
              GParamSpec      *pspec,
              gpointer         data)
{
  StoreSet *s = data;

  if (pathways_context_get_store (context) == NULL)
    return;
  s->store_set = TRUE;
  s->had_rows = pathways_caseload_view_get_model (s->view) != NULL;
}

START_TEST (test_caseload_loaded_as_store_opens)
{
  g_autofree char *path = g_build_filename (dir, "prefetch.db", NULL);
  g_autoptr(PathwaysApplication) app = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GListModel) again = NULL;
  g_autoptr(GListStore) other = g_list_store_new (PATHWAYS_TYPE_CASELOAD_ROW);
  g_autofree char *today = NULL;
  PathwaysContext *context;
  PathwaysStore *store;
  PathwaysWindow *window;
  StoreSet s = { 0 };

  g_setenv (PATHWAYS_DATABASE_ENV, path, TRUE);
  app = pathways_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  window = launch (app);
  context = pathways_application_get_context (app);
  s.view = pathways_window_get_caseload_view (window);
  g_signal_connect_after (context, "notify::store", G_CALLBACK (store_set_cb), &s);
  ck_assert (test_wait_for (caseload_ready, s.view));
  ck_assert (s.store_set);
  ck_assert (s.had_rows);
  ck_assert_uint_eq (pathways_caseload_view_get_n_visible (s.view), 60);
  g_signal_handlers_disconnect_by_data (context, &s);

  /* Kept for the first page that asks only, and only for its store and day */
  store = pathways_context_get_store (context);
  today = pathways_context_dup_today (context);
  ck_assert_ptr_null (pathways_context_take_first_caseload (context, store, today));
  pathways_context_set_first_caseload (context, store, "2001-01-01", G_LIST_MODEL (other));
  ck_assert_ptr_null (pathways_context_take_first_caseload (context, store, today));
  pathways_context_set_first_caseload (context, store, today, G_LIST_MODEL (other));
  ck_assert_ptr_null (pathways_context_take_first_caseload (context, NULL, today));
  pathways_context_set_first_caseload (context, store, today, G_LIST_MODEL (other));
  rows = pathways_context_take_first_caseload (context, store, today);
  ck_assert_ptr_eq (rows, G_LIST_MODEL (other));
  again = pathways_context_take_first_caseload (context, store, today);
  ck_assert_ptr_null (again);

  shut_down (app, window);
  g_unsetenv (PATHWAYS_DATABASE_ENV);
}
END_TEST

/* The caseload's cells with a tooltip (alerts, readiness), under @widget */
static void
collect_cell_tooltips (GtkWidget *widget,
                       GPtrArray *found)
{
  if (pathways_cell_get_tooltip (widget) != NULL)
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_cell_tooltips (c, found);
}

/* A cell's tooltip is kept for GTK to ask for on hover, not set with
 * gtk_widget_set_tooltip_text(), which asks the X server where the
 * pointer is at every bind */
START_TEST (test_caseload_cell_tooltips)
{
  g_autofree char *path = g_build_filename (dir, "tooltips.db", NULL);
  g_autoptr(PathwaysApplication) app = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  PathwaysCaseloadView *view;
  PathwaysWindow *window;
  gboolean alerts = FALSE, readiness = FALSE;

  g_setenv (PATHWAYS_DATABASE_ENV, path, TRUE);
  app = pathways_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  window = launch (app);
  view = pathways_window_get_caseload_view (window);
  ck_assert (test_wait_for (caseload_ready, view));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  collect_cell_tooltips (GTK_WIDGET (pathways_caseload_view_get_column_view (view)), found);
  ck_assert_uint_gt (found->len, 0);
  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (found, i);
      const char *text = pathways_cell_get_tooltip (w);

      ck_assert (gtk_widget_get_has_tooltip (w));
      ck_assert_ptr_null (gtk_widget_get_tooltip_text (w));
      if (strstr (text, "alert") != NULL)
        alerts = TRUE;
      if (GTK_IS_LEVEL_BAR (w))
        readiness = TRUE;
    }
  ck_assert (alerts);
  ck_assert (readiness);

  /* None: no tooltip at all */
  pathways_cell_set_tooltip (g_ptr_array_index (found, 0), NULL);
  ck_assert (!gtk_widget_get_has_tooltip (g_ptr_array_index (found, 0)));
  ck_assert_ptr_null (pathways_cell_get_tooltip (g_ptr_array_index (found, 0)));

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
  ck_assert (test_wait_for (caseload_ready, view));

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

static gboolean
stock_empty (gpointer data)
{
  return g_strcmp0 (pathways_stock_view_get_visible_page (data), "empty") == 0;
}

static GtkWidget *
mapped_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = mapped_status_page (c);
      if (found)
        return found;
    }
  return NULL;
}

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
  ck_assert (test_wait_for (caseload_ready, view));

  ck_assert_str_eq (pathways_caseload_view_get_visible_page (view), "empty");
  ck_assert (pathways_store_is_empty (pathways_application_get_store (app)));

  /* A team starting out adds someone or brings in its 903 files, from
   * the empty state itself; the stock's offers its provider list */
  {
    GtkWidget *add = test_gui_find_action (GTK_WIDGET (view), "win.add-person");
    GtkWidget *import = test_gui_find_action (GTK_WIDGET (view), "win.import-903");
    PathwaysStockView *stock;
    GtkWidget *empty;

    ck_assert (add != NULL && gtk_widget_get_mapped (add));
    ck_assert (import != NULL && gtk_widget_get_mapped (import) && gtk_widget_is_sensitive (import));
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "stock"));
    stock = PATHWAYS_STOCK_VIEW (pathways_window_get_page (window, "stock"));
    ck_assert (test_wait_for (stock_empty, stock));
    empty = mapped_status_page (GTK_WIDGET (stock));
    ck_assert_ptr_nonnull (empty);
    ck_assert_ptr_nonnull (test_gui_find_action (empty, "stock.add-unit"));
    ck_assert_ptr_nonnull (test_gui_find_action (empty, "win.import-stock"));
  }

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

  view = g_object_ref_sink (pathways_caseload_view_new (NULL));
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


static void
count_changes_cb (guint *changes)
{
  (*changes)++;
}

/* The search finds people whatever the accents and case typed, by part
 * of a word, by several words in any order; typing on, deleting and
 * retyping always leave exactly the rows every word is in */
START_TEST (test_search_accents_case_and_words)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "search-words.db");
  static const char * const people[][3] = {
    { "Jos\u00e9", "O\u2019Brien", "LC0701" }, { "Zo\u00eb", "M\u00fcller", "LC0702" },
    { "Ahmed", "Khan", "LC0703" }, { "Ahmad", "Karimi", "LC0704" }, { "\u00c9milie", "Dubois", "LC0705" },
  };
  static const struct { const char *typed; guint n; } typed[] = {
    { "jose", 1 }, { "JOS\u00c9", 1 }, { "o\u2019bri", 1 }, { "zoe muller", 1 }, { "M\u00dcLLER", 1 },
    { "emilie", 1 }, { "ahm", 2 }, { "ahme", 1 }, { "ahm", 2 }, { "a", 2 }, { "o", 3 }, { "a k", 2 }, { "k a", 2 },
    { "khan ahmed", 1 }, { "lc070", 5 }, { "LC0704", 1 }, { "x", 0 }, { "", 5 },
  };
  g_autoptr(GListModel) rows = NULL;
  GListModel *shown;
  guint changes = 0;
  GtkWidget *view;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(PathwaysYoungPerson) p = test_make_person (people[i][2]);

      g_object_set (p, "given-name", people[i][0], "family-name", people[i][1], "preferred-name", NULL, NULL);
      test_add (store, PATHWAYS_RECORD (p));
    }
  rows = pathways_store_load_caseload (store, TEST_TODAY, NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (rows), G_N_ELEMENTS (people));

  view = g_object_ref_sink (pathways_caseload_view_new (NULL));
  pathways_caseload_view_set_model (PATHWAYS_CASELOAD_VIEW (view), rows);
  shown = G_LIST_MODEL (gtk_column_view_get_model (pathways_caseload_view_get_column_view (PATHWAYS_CASELOAD_VIEW (view))));
  g_signal_connect_swapped (shown, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      changes = 0;
      pathways_caseload_view_set_search_text (PATHWAYS_CASELOAD_VIEW (view), typed[i].typed);
      ck_assert_msg (pathways_caseload_view_get_n_visible (PATHWAYS_CASELOAD_VIEW (view)) == typed[i].n,
                     "“%s” left %u rows, not %u", typed[i].typed,
                     pathways_caseload_view_get_n_visible (PATHWAYS_CASELOAD_VIEW (view)), typed[i].n);
      /* The rows go from one search's to the next's in one change, never
       * by way of every row (the entry empties itself as it is set) */
      ck_assert_msg (changes <= 1, "“%s” changed the rows %u times", typed[i].typed, changes);
    }
  g_signal_handlers_disconnect_by_func (shown, count_changes_cb, &changes);
  g_object_unref (view);
}
END_TEST

/* The array under the caseload's sorter holds the store's rows in the
 * store's order through every change the store makes: rows removed,
 * added in the middle and at the end, all replaced */
static void
assert_mirrors (GListModel *mirror,
                GListModel *store)
{
  ck_assert_uint_eq (g_list_model_get_n_items (mirror), g_list_model_get_n_items (store));
  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (mirror, i);
      g_autoptr(GObject) b = g_list_model_get_item (store, i);

      ck_assert_ptr_eq (a, b);
    }
  ck_assert_ptr_null (g_list_model_get_item (mirror, g_list_model_get_n_items (store)));
}

START_TEST (test_array_model_follows_its_model)
{
  g_autoptr(GListStore) store = g_list_store_new (PATHWAYS_TYPE_CASELOAD_ROW);
  g_autoptr(PathwaysArrayModel) mirror = pathways_array_model_new ();
  g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func (g_object_unref);
  guint changes = 0;

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(PathwaysCaseloadRow) row = g_object_new (PATHWAYS_TYPE_CASELOAD_ROW, NULL);

      pathways_record_set_id (PATHWAYS_RECORD (row), i + 1);
      g_list_store_append (store, row);
    }
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (more, g_object_new (PATHWAYS_TYPE_CASELOAD_ROW, NULL));

  pathways_array_model_set_model (mirror, G_LIST_MODEL (store));
  ck_assert (g_list_model_get_item_type (G_LIST_MODEL (mirror)) == PATHWAYS_TYPE_CASELOAD_ROW);
  assert_mirrors (G_LIST_MODEL (mirror), G_LIST_MODEL (store));
  g_signal_connect_swapped (mirror, "items-changed", G_CALLBACK (count_changes_cb), &changes);

  g_list_store_remove (store, 0);
  assert_mirrors (G_LIST_MODEL (mirror), G_LIST_MODEL (store));
  g_list_store_splice (store, 4, 2, more->pdata, 3);
  assert_mirrors (G_LIST_MODEL (mirror), G_LIST_MODEL (store));
  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0, more->pdata, 2);
  assert_mirrors (G_LIST_MODEL (mirror), G_LIST_MODEL (store));
  g_list_store_remove (store, g_list_model_get_n_items (G_LIST_MODEL (store)) - 1);
  assert_mirrors (G_LIST_MODEL (mirror), G_LIST_MODEL (store));
  ck_assert_uint_eq (changes, 4);

  g_list_store_remove_all (store);
  assert_mirrors (G_LIST_MODEL (mirror), G_LIST_MODEL (store));
  pathways_array_model_set_model (mirror, NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (mirror)), 0);
  /* No longer following */
  g_list_store_append (store, more->pdata[0]);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (mirror)), 0);
  ck_assert_uint_eq (changes, 5);
}
END_TEST

static gboolean
all_rows_shown (gpointer data)
{
  GtkColumnView *columns = pathways_caseload_view_get_column_view (data);

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (columns))) == 150;
}

/* A caseload longer than a screen is drawn from its first rows, and the
 * column view has every row a frame later: none is ever left out */
START_TEST (test_long_caseload_shows_every_row)
{
  g_autofree char *path = NULL;
  g_autoptr(PathwaysApplication) app = NULL;
  PathwaysWindow *window;
  PathwaysCaseloadView *view;

  {
    g_autoptr(PathwaysStore) store = test_open_store (dir, "long.db");
    ck_assert (pathways_generate_people (store, 150, 4, TEST_TODAY, NULL, NULL));
    path = g_strdup (pathways_store_get_path (store));
  }
  g_setenv (PATHWAYS_DATABASE_ENV, path, TRUE);
  app = pathways_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  window = launch (app);
  view = pathways_window_get_caseload_view (window);
  ck_assert (test_wait_for (caseload_ready, view));
  ck_assert_uint_eq (pathways_caseload_view_get_n_visible (view), 150);
  ck_assert (test_wait_for (all_rows_shown, view));

  /* A first caseload on a page on screen: the column view gets the rows
   * its height holds (at one line of text a row, and a few more) for the
   * first frame, every row a frame later */
  {
    g_autoptr(GListModel) rows = g_object_ref (pathways_caseload_view_get_model (view));
    GListModel *shown = G_LIST_MODEL (gtk_column_view_get_model (pathways_caseload_view_get_column_view (view)));
    guint fits = (guint) gtk_widget_get_height (GTK_WIDGET (view)) / 28 + 4;

    ck_assert (gtk_widget_get_mapped (GTK_WIDGET (view)));
    ck_assert_uint_lt (fits, 64);
    pathways_caseload_view_set_model (view, NULL);
    pathways_caseload_view_set_model (view, rows);
    ck_assert_uint_eq (g_list_model_get_n_items (shown), fits);
    ck_assert (test_wait_for (all_rows_shown, view));
    ck_assert_uint_eq (g_list_model_get_n_items (shown), 150);
  }

  /* And a search over them all */
  pathways_caseload_view_set_search_text (view, "nb");
  ck_assert_uint_eq (pathways_caseload_view_get_n_visible (view), 150);

  shut_down (app, window);
  g_unsetenv (PATHWAYS_DATABASE_ENV);
}
END_TEST

/* The workspace of a personal adviser ------------------------------- */

typedef struct {
  PathwaysApplication *app;
  PathwaysWindow      *window;
  PathwaysStore       *store;
  char                *path;
} Session;

static void
session_start (Session    *s,
               const char *name)
{
  s->path = g_build_filename (dir, name, NULL);
  g_setenv (PATHWAYS_DATABASE_ENV, s->path, TRUE);
  s->app = pathways_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  s->window = launch (s->app);
  ck_assert (test_wait_for (caseload_ready, pathways_window_get_caseload_view (s->window)));
  s->store = pathways_application_get_store (s->app);
  ck_assert_ptr_nonnull (s->store);
}

static void
session_end (Session *s)
{
  shut_down (s->app, s->window);
  g_clear_object (&s->app);
  g_clear_pointer (&s->path, g_free);
  g_unsetenv (PATHWAYS_DATABASE_ENV);
}

static gboolean
page_ready (gpointer data)
{
  PathwaysPersonPage *page = data;

  return !pathways_person_page_is_loading (page) && pathways_person_page_get_details (page) != NULL;
}

static gboolean
dialog_idle (gpointer data)
{
  return !pathways_move_dialog_is_busy (data);
}

static PathwaysPersonPage *
open_person (Session *s,
             gint64   person_id)
{
  PathwaysPersonPage *page = pathways_window_get_person_page (s->window);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s->window), "win.open-person", "x", person_id));
  ck_assert (pathways_window_is_showing_person (s->window));
  ck_assert (test_wait_for (page_ready, page));
  ck_assert_int_eq (pathways_record_get_id (PATHWAYS_RECORD (pathways_person_page_get_details (page)->person)),
                    person_id);
  return page;
}

static guint
count_rows (GListModel *rows,
            gboolean  (*match) (PathwaysRecord *, gpointer),
            gpointer    data)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PathwaysRecord) r = g_list_model_get_item (rows, i);
      n += match (r, data);
    }
  return n;
}

static gboolean
is_uasc (PathwaysRecord *r, gpointer data) { return pathways_record_get_bool (r, "uasc"); }
static gboolean
is_16_17 (PathwaysRecord *r, gpointer data) { gint64 a = pathways_record_get_int (r, "age"); return a >= 16 && a <= 17; }
static gboolean
has_alerts (PathwaysRecord *r, gpointer data) { return pathways_record_get_int (r, "alert-count") > 0; }
static gboolean
has_pa (PathwaysRecord *r, gpointer data) { return pathways_record_get_int (r, "pa-id") == *(gint64 *) data; }
static gboolean
in_stage (PathwaysRecord *r, gpointer data) { return g_strcmp0 (pathways_record_get_string (r, "stage"), data) == 0; }
static gboolean
mine_16_17 (PathwaysRecord *r, gpointer data) { return has_pa (r, data) && is_16_17 (r, NULL); }

START_TEST (test_filters_caseload)
{
  Session s = { 0 };
  PathwaysCaseloadView *view;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(PathwaysRecord) first = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.carepathways.Pathways");
  gint64 pa;
  guint n;

  session_start (&s, "filters.db");
  view = pathways_window_get_caseload_view (s.window);
  rows = pathways_store_load_caseload (s.store, TEST_TODAY, NULL);

  /* UASC only */
  pathways_caseload_view_select_filter (view, "uasc", 1);
  n = count_rows (rows, is_uasc, NULL);
  ck_assert_uint_gt (n, 0);
  ck_assert_uint_eq (pathways_caseload_view_get_n_visible (view), n);
  pathways_caseload_view_select_filter (view, "uasc", 0);

  /* Age band 16–17 */
  pathways_caseload_view_select_filter (view, "age", 1);
  ck_assert_uint_eq (pathways_caseload_view_get_n_visible (view), count_rows (rows, is_16_17, NULL));
  pathways_caseload_view_select_filter (view, "age", 0);

  /* Has alerts */
  pathways_caseload_view_select_filter (view, "alerts", 1);
  ck_assert_uint_eq (pathways_caseload_view_get_n_visible (view), count_rows (rows, has_alerts, NULL));
  pathways_caseload_view_select_filter (view, "alerts", 0);

  /* Stage: supported accommodation (first after "All") */
  pathways_caseload_view_select_filter (view, "stage", 1);
  ck_assert_uint_eq (pathways_caseload_view_get_n_visible (view),
                     count_rows (rows, in_stage, (gpointer) pathways_stage_code (PATHWAYS_STAGE_SUPPORTED)));
  pathways_caseload_view_select_filter (view, "stage", 0);

  /* My caseload follows the PA chosen in preferences, and combines */
  first = g_list_model_get_item (rows, 0);
  pa = pathways_record_get_int (first, "pa-id");
  ck_assert_int_gt (pa, 0);
  g_settings_set_int64 (settings, "my-staff-id", pa);
  pathways_caseload_view_select_filter (view, "scope", 1);
  ck_assert_uint_eq (pathways_caseload_view_get_n_visible (view), count_rows (rows, has_pa, &pa));
  ck_assert_uint_lt (pathways_caseload_view_get_n_visible (view), g_list_model_get_n_items (rows));
  pathways_caseload_view_select_filter (view, "age", 1);
  ck_assert_uint_eq (pathways_caseload_view_get_n_visible (view), count_rows (rows, mine_16_17, &pa));

  /* Nothing matches: the empty state, and its button clears everything */
  pathways_caseload_view_set_search_text (view, "zzzz-nobody");
  ck_assert_str_eq (pathways_caseload_view_get_visible_page (view), "no-results");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "caseload.clear-filters", NULL));
  ck_assert_uint_eq (pathways_caseload_view_get_n_visible (view), g_list_model_get_n_items (rows));
  ck_assert_str_eq (pathways_caseload_view_get_visible_page (view), "list");

  g_settings_reset (settings, "my-staff-id");
  session_end (&s);
}
END_TEST

static gint64
find_person_with_spells (PathwaysStore *store,
                         guint          min_spells,
                         gboolean       needs_open_milestone)
{
  g_autoptr(GListModel) people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PathwaysRecord) p = g_list_model_get_item (people, i);
      gint64 id = pathways_record_get_id (p);
      g_autoptr(GListModel) spells = pathways_store_list_for_person (store, PATHWAYS_TYPE_SPELL, id, NULL);
      g_autoptr(GListModel) milestones = pathways_store_list_for_person (store, PATHWAYS_TYPE_MILESTONE, id, NULL);
      gboolean open = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (milestones); j++)
        {
          g_autoptr(PathwaysRecord) m = g_list_model_get_item (milestones, j);
          open |= pathways_record_get_string (m, "done-date") == NULL;
        }
      if (g_list_model_get_n_items (spells) >= min_spells && (!needs_open_milestone || open))
        return id;
    }
  return 0;
}

START_TEST (test_person_page_shows_spells_and_milestones)
{
  Session s = { 0 };
  PathwaysCaseloadView *view;
  PathwaysPersonPage *page;
  g_autoptr(GListModel) spells = NULL;
  g_autoptr(GListModel) milestones = NULL;
  gint64 id;
  guint visible;

  session_start (&s, "person.db");
  view = pathways_window_get_caseload_view (s.window);

  /* A search, kept while the person's page is open */
  pathways_caseload_view_set_search_text (view, "a");
  visible = pathways_caseload_view_get_n_visible (view);

  id = find_person_with_spells (s.store, 2, FALSE);
  ck_assert_int_gt (id, 0);
  page = open_person (&s, id);

  spells = pathways_store_list_for_person (s.store, PATHWAYS_TYPE_SPELL, id, NULL);
  milestones = pathways_store_list_for_person (s.store, PATHWAYS_TYPE_MILESTONE, id, NULL);
  ck_assert_uint_eq (pathways_person_page_get_n_spell_rows (page), g_list_model_get_n_items (spells));
  ck_assert_uint_eq (pathways_person_page_get_n_milestone_rows (page), g_list_model_get_n_items (milestones));
  ck_assert_uint_gt (g_list_model_get_n_items (milestones), 0);

  /* The strip draws one bar a spell */
  ck_assert_uint_eq (pathways_person_page_get_n_strip_bars (page), g_list_model_get_n_items (spells));

  /* Back: the caseload as it was left */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.back", NULL));
  ck_assert (!pathways_window_is_showing_person (s.window));
  ck_assert_uint_eq (pathways_caseload_view_get_n_visible (view), visible);

  session_end (&s);
}
END_TEST

static gboolean
readiness_differs (gpointer data)
{
  PathwaysPersonPage *page = data;
  double *before = g_object_get_data (G_OBJECT (page), "before");

  return page_ready (page) && pathways_person_page_get_readiness_value (page) != *before;
}

static PathwaysRecord *
first_open_milestone (PathwaysPersonDetails *d)
{
  for (guint i = 0; i < g_list_model_get_n_items (d->milestones); i++)
    {
      g_autoptr(PathwaysRecord) m = g_list_model_get_item (d->milestones, i);
      if (pathways_record_get_string (m, "done-date") == NULL)
        return g_steal_pointer (&m);
    }
  return NULL;
}

START_TEST (test_ticking_milestone_changes_readiness)
{
  Session s = { 0 };
  PathwaysPersonPage *page;
  g_autoptr(PathwaysRecord) m = NULL;
  g_autoptr(PathwaysRecord) stored = NULL;
  g_autoptr(PathwaysRecord) undone = NULL;
  double before, after;
  gint64 id, mid;

  session_start (&s, "tick.db");
  id = find_person_with_spells (s.store, 1, TRUE);
  page = open_person (&s, id);
  m = first_open_milestone (pathways_person_page_get_details (page));
  ck_assert_ptr_nonnull (m);
  mid = pathways_record_get_id (m);

  before = pathways_person_page_get_readiness_value (page);
  g_object_set_data (G_OBJECT (page), "before", &before);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "person.toggle-milestone", "x", mid));
  ck_assert (test_wait_for (readiness_differs, page));
  after = pathways_person_page_get_readiness_value (page);
  ck_assert (after > before);

  /* Ticking recorded today's date */
  stored = pathways_store_get (s.store, PATHWAYS_TYPE_MILESTONE, mid, NULL);
  ck_assert_str_eq (pathways_record_get_string (stored, "done-date"), TEST_TODAY);

  /* Undo (the toast's button) puts it back */
  g_object_set_data (G_OBJECT (page), "before", &after);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "person.undo", NULL));
  ck_assert (test_wait_for (readiness_differs, page));
  ck_assert (pathways_person_page_get_readiness_value (page) == before);
  undone = pathways_store_get (s.store, PATHWAYS_TYPE_MILESTONE, mid, NULL);
  ck_assert_ptr_null (pathways_record_get_string (undone, "done-date"));

  g_object_set_data (G_OBJECT (page), "before", NULL);
  session_end (&s);
}
END_TEST

static gboolean
destination_list_ready (gpointer data)
{
  PathwaysDestinationList *list = data;

  return !pathways_destination_list_is_loading (list) && pathways_destination_list_get_destinations (list) != NULL;
}

static gboolean check_ready (gpointer data);

START_TEST (test_where_could_they_go_opens_scheduling)
{
  Session s = { 0 };
  PathwaysPersonPage *page;
  PathwaysDestinationList *list;
  PathwaysMoveDialog *dialog;
  GListModel *ranked;
  gint64 id, unit = 0;
  gint64 last_verdict = -1;

  session_start (&s, "where.db");
  id = find_person_with_spells (s.store, 2, FALSE);
  page = open_person (&s, id);
  list = PATHWAYS_DESTINATION_LIST (pathways_person_page_get_destination_list (page));
  ck_assert (test_wait_for (destination_list_ready, list));

  /* Ranked as the core ranks them: eligible first, not eligible last */
  ranked = pathways_destination_list_get_destinations (list);
  ck_assert_uint_gt (g_list_model_get_n_items (ranked), 0);
  for (guint i = 0; i < g_list_model_get_n_items (ranked); i++)
    {
      g_autoptr(PathwaysRecord) d = g_list_model_get_item (ranked, i);
      gint64 verdict = pathways_record_get_int (d, "verdict");

      ck_assert_int_ge (verdict, last_verdict);
      last_verdict = verdict;
      if (unit == 0 && verdict == PATHWAYS_VERDICT_ELIGIBLE)
        unit = pathways_record_get_int (d, "unit-id");
    }
  ck_assert_int_gt (unit, 0);

  /* "Schedule" on a unit opens the same dialog, with that unit and date chosen */
  g_signal_emit_by_name (list, "schedule-requested", unit, pathways_destination_list_get_date (list));
  dialog = PATHWAYS_MOVE_DIALOG (pathways_person_page_get_move_dialog (page));
  ck_assert_ptr_nonnull (dialog);
  ck_assert (test_wait_for (check_ready, dialog));
  ck_assert_int_ne (pathways_move_dialog_get_check (dialog)->verdict, PATHWAYS_VERDICT_NOT_ELIGIBLE);

  gtk_window_destroy (GTK_WINDOW (dialog));
  session_end (&s);
}
END_TEST

static gboolean
destinations_loaded (gpointer data)
{
  return dialog_idle (data) && pathways_move_dialog_get_destinations (data) != NULL;
}

static gboolean
check_ready (gpointer data)
{
  return dialog_idle (data) && pathways_move_dialog_get_check (data) != NULL;
}

static PathwaysMoveDialog *
open_move_dialog (PathwaysPersonPage *page,
                  const char         *date)
{
  PathwaysMoveDialog *dialog;

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "person.schedule-move", NULL));
  dialog = PATHWAYS_MOVE_DIALOG (pathways_person_page_get_move_dialog (page));
  ck_assert_ptr_nonnull (dialog);
  pathways_move_dialog_set_date (dialog, date);
  ck_assert (test_wait_for (destinations_loaded, dialog));
  return dialog;
}

static guint
count_moves (PathwaysStore *store,
             gint64         person,
             const char    *state)
{
  g_autoptr(GListModel) moves = pathways_store_list_for_person (store, PATHWAYS_TYPE_TRANSITION, person, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (moves); i++)
    {
      g_autoptr(PathwaysRecord) m = g_list_model_get_item (moves, i);
      n += g_strcmp0 (pathways_record_get_string (m, "state"), state) == 0;
    }
  return n;
}

START_TEST (test_double_booked_move_refused)
{
  Session s = { 0 };
  PathwaysPersonPage *page;
  PathwaysMoveDialog *dialog;
  PathwaysEligibility *check;
  GListModel *destinations;
  g_autofree char *date = NULL;
  gint64 id, booked = 0;
  guint confirmed;
  gboolean saw_reason = FALSE;

  session_start (&s, "booked.db");
  id = find_person_with_spells (s.store, 1, FALSE);
  page = open_person (&s, id);
  confirmed = count_moves (s.store, id, "confirmed");

  date = pathways_date_add_days (TEST_TODAY, 14);
  dialog = open_move_dialog (page, date);

  /* A unit someone else lives in: greyed out in the list with the reason */
  destinations = pathways_move_dialog_get_destinations (dialog);
  for (guint i = 0; i < g_list_model_get_n_items (destinations) && booked == 0; i++)
    {
      g_autoptr(PathwaysRecord) d = g_list_model_get_item (destinations, i);
      const char *reasons = pathways_record_get_string (d, "reasons");

      if (reasons != NULL && strstr (reasons, "Already booked") != NULL)
        {
          ck_assert_int_eq (pathways_record_get_int (d, "verdict"), PATHWAYS_VERDICT_NOT_ELIGIBLE);
          booked = pathways_record_get_int (d, "unit-id");
        }
    }
  ck_assert_int_gt (booked, 0);

  pathways_move_dialog_select_unit (dialog, booked);
  ck_assert (test_wait_for (check_ready, dialog));
  check = pathways_move_dialog_get_check (dialog);
  ck_assert_int_eq (check->verdict, PATHWAYS_VERDICT_NOT_ELIGIBLE);
  for (guint i = 0; i < check->reasons->len; i++)
    {
      const PathwaysReason *r = g_ptr_array_index (check->reasons, i);
      saw_reason |= r->severity == PATHWAYS_SEVERITY_HIGH && g_str_equal (r->rule, "unit-booked");
    }
  ck_assert (saw_reason);

  /* "Schedule" is refused: nothing is written */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "move.schedule", NULL);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  ck_assert (test_wait_for (dialog_idle, dialog));
  ck_assert_uint_eq (count_moves (s.store, id, "confirmed"), confirmed);
  ck_assert_ptr_nonnull (pathways_person_page_get_move_dialog (page));

  gtk_window_destroy (GTK_WINDOW (dialog));
  session_end (&s);
}
END_TEST

static gboolean
dialog_closed_and_page_ready (gpointer data)
{
  PathwaysPersonPage *page = data;

  return pathways_person_page_get_move_dialog (page) == NULL && page_ready (page);
}

static gboolean
n_moves_is (gpointer data)
{
  PathwaysPersonPage *page = data;
  guint *want = g_object_get_data (G_OBJECT (page), "want-moves");

  return page_ready (page) && g_list_model_get_n_items (pathways_person_page_get_details (page)->moves) == *want;
}

START_TEST (test_schedule_move_and_undo)
{
  Session s = { 0 };
  PathwaysPersonPage *page;
  PathwaysMoveDialog *dialog;
  PathwaysEligibility *check;
  GListModel *destinations;
  g_autofree char *date = NULL;
  g_autoptr(PathwaysRecord) unit = NULL;
  g_autoptr(PathwaysRecord) released = NULL;
  g_autoptr(GListModel) moves = NULL;
  g_autoptr(PathwaysRecord) move = NULL;
  g_autoptr(PathwaysRecord) planned = NULL;
  gint64 id, target = 0, move_id;
  guint confirmed, want;

  session_start (&s, "schedule.db");
  id = find_person_with_spells (s.store, 1, FALSE);
  page = open_person (&s, id);
  confirmed = count_moves (s.store, id, "confirmed");

  date = pathways_date_add_days (TEST_TODAY, 21);
  dialog = open_move_dialog (page, date);

  /* The first unit the rules allow that is free now */
  destinations = pathways_move_dialog_get_destinations (dialog);
  for (guint i = 0; i < g_list_model_get_n_items (destinations) && target == 0; i++)
    {
      g_autoptr(PathwaysRecord) d = g_list_model_get_item (destinations, i);
      g_autoptr(PathwaysRecord) u = NULL;

      if (pathways_record_get_int (d, "verdict") == PATHWAYS_VERDICT_NOT_ELIGIBLE)
        continue;
      u = pathways_store_get (s.store, PATHWAYS_TYPE_UNIT, pathways_record_get_int (d, "unit-id"), NULL);
      if (g_strcmp0 (pathways_record_get_string (u, "status"), "available") == 0)
        target = pathways_record_get_id (u);
    }
  ck_assert_int_gt (target, 0);

  pathways_move_dialog_select_unit (dialog, target);
  ck_assert (test_wait_for (check_ready, dialog));
  check = pathways_move_dialog_get_check (dialog);
  ck_assert_int_ne (check->verdict, PATHWAYS_VERDICT_NOT_ELIGIBLE);
  if (check->verdict == PATHWAYS_VERDICT_WARNINGS)
    pathways_move_dialog_set_reason (dialog, "Agreed at the pathway plan review");

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "move.schedule", NULL));
  ck_assert (test_wait_for (dialog_closed_and_page_ready, page));

  /* The move (confirmed), the planned spell, the reservation */
  ck_assert_uint_eq (count_moves (s.store, id, "confirmed"), confirmed + 1);
  moves = pathways_store_list_for_person (s.store, PATHWAYS_TYPE_TRANSITION, id, NULL);
  move = g_list_model_get_item (moves, g_list_model_get_n_items (moves) - 1);
  move_id = pathways_record_get_id (move);
  ck_assert_int_eq (pathways_record_get_int (move, "to-unit-id"), target);
  ck_assert_str_eq (pathways_record_get_string (move, "planned-date"), date);
  planned = pathways_store_get (s.store, PATHWAYS_TYPE_SPELL, pathways_record_get_int (move, "to-spell-id"), NULL);
  ck_assert_ptr_nonnull (planned);
  ck_assert_str_eq (pathways_record_get_string (planned, "state"), "planned");
  unit = pathways_store_get (s.store, PATHWAYS_TYPE_UNIT, target, NULL);
  ck_assert_str_eq (pathways_record_get_string (unit, "status"), "reserved");

  /* Shown on the page, ready to mark as moved or cancel */
  want = confirmed + 1;
  g_object_set_data (G_OBJECT (page), "want-moves", &want);
  ck_assert (test_wait_for (n_moves_is, page));

  /* Undo: no move, no planned spell, the unit free again */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "person.undo", NULL));
  want = confirmed;
  ck_assert (test_wait_for (n_moves_is, page));
  ck_assert_uint_eq (count_moves (s.store, id, "confirmed"), confirmed);
  ck_assert_ptr_null (pathways_store_get (s.store, PATHWAYS_TYPE_TRANSITION, move_id, NULL));
  released = pathways_store_get (s.store, PATHWAYS_TYPE_UNIT, target, NULL);
  ck_assert_str_eq (pathways_record_get_string (released, "status"), "available");

  /* Scheduled for today, then marked as moved: the planned spell is
   * where they live now and the unit is occupied */
  dialog = open_move_dialog (page, TEST_TODAY);
  pathways_move_dialog_select_unit (dialog, target);
  ck_assert (test_wait_for (check_ready, dialog));
  ck_assert_int_ne (pathways_move_dialog_get_check (dialog)->verdict, PATHWAYS_VERDICT_NOT_ELIGIBLE);
  pathways_move_dialog_set_reason (dialog, "Agreed at the pathway plan review");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "move.schedule", NULL));
  ck_assert (test_wait_for (dialog_closed_and_page_ready, page));
  want = confirmed + 1;
  ck_assert (test_wait_for (n_moves_is, page));
  {
    g_autoptr(PathwaysRecord) today_move = g_list_model_get_item (pathways_person_page_get_details (page)->moves, 0);
    g_autoptr(PathwaysRecord) done = NULL;
    g_autoptr(PathwaysRecord) spell = NULL;
    g_autoptr(PathwaysRecord) occupied = NULL;
    gint64 today_id = pathways_record_get_id (today_move);

    ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "person.mark-moved", "x", today_id));
    want = confirmed;
    ck_assert (test_wait_for (n_moves_is, page));
    done = pathways_store_get (s.store, PATHWAYS_TYPE_TRANSITION, today_id, NULL);
    ck_assert_str_eq (pathways_record_get_string (done, "state"), "done");
    spell = pathways_store_get (s.store, PATHWAYS_TYPE_SPELL, pathways_record_get_int (done, "to-spell-id"), NULL);
    ck_assert_str_eq (pathways_record_get_string (spell, "state"), "current");
    occupied = pathways_store_get (s.store, PATHWAYS_TYPE_UNIT, target, NULL);
    ck_assert_str_eq (pathways_record_get_string (occupied, "status"), "occupied");
  }

  g_object_set_data (G_OBJECT (page), "want-moves", NULL);
  session_end (&s);
}
END_TEST

START_TEST (test_cancel_move)
{
  Session s = { 0 };
  PathwaysPersonPage *page;
  PathwaysMoveDialog *dialog;
  GListModel *destinations;
  g_autofree char *date = NULL;
  g_autoptr(PathwaysRecord) move = NULL;
  g_autoptr(PathwaysRecord) cancelled = NULL;
  g_autoptr(PathwaysRecord) unit = NULL;
  gint64 id, target = 0, move_id;
  guint want;

  session_start (&s, "cancel.db");
  id = find_person_with_spells (s.store, 1, FALSE);
  page = open_person (&s, id);
  want = count_moves (s.store, id, "confirmed");

  date = pathways_date_add_days (TEST_TODAY, 30);
  dialog = open_move_dialog (page, date);
  destinations = pathways_move_dialog_get_destinations (dialog);
  for (guint i = 0; i < g_list_model_get_n_items (destinations) && target == 0; i++)
    {
      g_autoptr(PathwaysRecord) d = g_list_model_get_item (destinations, i);
      g_autoptr(PathwaysRecord) u = pathways_store_get (s.store, PATHWAYS_TYPE_UNIT,
                                                        pathways_record_get_int (d, "unit-id"), NULL);
      if (pathways_record_get_int (d, "verdict") != PATHWAYS_VERDICT_NOT_ELIGIBLE &&
          g_strcmp0 (pathways_record_get_string (u, "status"), "available") == 0)
        target = pathways_record_get_id (u);
    }
  ck_assert_int_gt (target, 0);
  pathways_move_dialog_select_unit (dialog, target);
  ck_assert (test_wait_for (check_ready, dialog));
  pathways_move_dialog_set_reason (dialog, "Agreed with the young person");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "move.schedule", NULL));
  ck_assert (test_wait_for (dialog_closed_and_page_ready, page));
  want++;
  g_object_set_data (G_OBJECT (page), "want-moves", &want);
  ck_assert (test_wait_for (n_moves_is, page));

  move = g_list_model_get_item (pathways_person_page_get_details (page)->moves, want - 1);
  move_id = pathways_record_get_id (move);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "person.cancel-move", "x", move_id));
  want--;
  ck_assert (test_wait_for (n_moves_is, page));
  cancelled = pathways_store_get (s.store, PATHWAYS_TYPE_TRANSITION, move_id, NULL);
  ck_assert_str_eq (pathways_record_get_string (cancelled, "state"), "cancelled");
  unit = pathways_store_get (s.store, PATHWAYS_TYPE_UNIT, target, NULL);
  ck_assert_str_eq (pathways_record_get_string (unit, "status"), "available");

  g_object_set_data (G_OBJECT (page), "want-moves", NULL);
  session_end (&s);
}
END_TEST

START_TEST (test_invalid_profile_writes_nothing)
{
  Session s = { 0 };
  PathwaysPersonPage *page;
  g_autoptr(PathwaysRecord) before = NULL;
  g_autoptr(PathwaysRecord) after = NULL;
  g_autofree char *dob = NULL;
  gint64 id;

  session_start (&s, "profile.db");
  id = find_person_with_spells (s.store, 1, FALSE);
  page = open_person (&s, id);
  before = pathways_store_get (s.store, PATHWAYS_TYPE_YOUNG_PERSON, id, NULL);

  /* A date that does not exist: the error is next to the field */
  pathways_person_page_set_profile_text (page, "date-of-birth", "31/02/2008");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "person.save-profile", NULL));
  ck_assert_ptr_nonnull (pathways_person_page_get_field_error (page, "date-of-birth"));
  ck_assert_ptr_null (pathways_person_page_get_field_error (page, "family-name"));

  /* A required name left empty: the store's rule, shown at its field */
  dob = pathways_date_format_uk (pathways_record_get_string (before, "date-of-birth"));
  pathways_person_page_set_profile_text (page, "date-of-birth", dob);
  pathways_person_page_set_profile_text (page, "family-name", "   ");
  pathways_person_page_set_profile_text (page, "preferred-name", "Changed");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "person.save-profile", NULL));
  ck_assert (test_wait_for (page_ready, page));   /* the store's answer comes from its worker */
  ck_assert_ptr_nonnull (pathways_person_page_get_field_error (page, "family-name"));
  ck_assert (strstr (pathways_person_page_get_field_error (page, "family-name"), "required") != NULL);
  ck_assert_str_ne (pathways_person_page_get_profile_error (page), "");

  /* Nothing was written, and nothing typed was lost */
  after = pathways_store_get (s.store, PATHWAYS_TYPE_YOUNG_PERSON, id, NULL);
  ck_assert_str_eq (pathways_record_get_string (after, "family-name"),
                    pathways_record_get_string (before, "family-name"));
  ck_assert_str_eq (pathways_record_get_string (after, "preferred-name") ? pathways_record_get_string (after, "preferred-name") : "",
                    pathways_record_get_string (before, "preferred-name") ? pathways_record_get_string (before, "preferred-name") : "");
  ck_assert_ptr_nonnull (pathways_person_page_get_field_error (page, "family-name"));

  session_end (&s);
}
END_TEST

static gboolean
conflict_shown (gpointer data)
{
  return page_ready (data) && pathways_person_page_get_conflict_dialog (data) != NULL;
}

static gboolean
family_name_is (gpointer data)
{
  PathwaysPersonPage *page = data;
  const char *want = g_object_get_data (G_OBJECT (page), "want-family");

  return page_ready (page) &&
         g_strcmp0 (pathways_person_page_get_profile_text (page, "family-name"), want) == 0;
}

/* Someone else saves the same young person while a profile is being
 * edited: the save is refused and says so, nothing typed is lost, and
 * after "Reload" the edit goes in over their change */
START_TEST (test_stale_profile_save_shows_conflict)
{
  Session s = { 0 };
  PathwaysPersonPage *page;
  g_autoptr(PathwaysStore) other = NULL;
  g_autoptr(PathwaysRecord) theirs = NULL;
  g_autoptr(PathwaysRecord) stored = NULL;
  g_autoptr(PathwaysRecord) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  gint64 id;

  session_start (&s, "conflict.db");
  id = find_person_with_spells (s.store, 1, FALSE);
  page = open_person (&s, id);

  /* An edit begins here... */
  pathways_person_page_set_profile_text (page, "preferred-name", "Mine");

  /* ...while another copy of the app changes the same record */
  other = test_open_store_again (s.store);
  theirs = pathways_store_get (other, PATHWAYS_TYPE_YOUNG_PERSON, id, &error);
  ck_assert_no_error (error);
  pathways_young_person_set_family_name (PATHWAYS_YOUNG_PERSON (theirs), "Theirs");
  ck_assert (pathways_store_update (other, theirs, &error));
  ck_assert_no_error (error);

  /* Saving over the version the edit began from is refused */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "person.save-profile", NULL));
  ck_assert (test_wait_for (conflict_shown, page));
  dialog = pathways_person_page_get_conflict_dialog (page);
  ck_assert_ptr_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Reload"));
  ck_assert_str_eq (pathways_person_page_get_profile_text (page, "preferred-name"), "Mine");
  ck_assert_str_ne (pathways_person_page_get_profile_error (page), "");
  stored = pathways_store_get (s.store, PATHWAYS_TYPE_YOUNG_PERSON, id, NULL);
  ck_assert_str_eq (pathways_young_person_get_family_name (PATHWAYS_YOUNG_PERSON (stored)), "Theirs");
  ck_assert_str_ne (pathways_young_person_get_preferred_name (PATHWAYS_YOUNG_PERSON (stored))
                    ? pathways_young_person_get_preferred_name (PATHWAYS_YOUNG_PERSON (stored)) : "", "Mine");

  /* "Reload": their change comes in, the edit stays; saved again, both are kept */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "reload");
  gtk_window_close (dialog);   /* as its button does after the response */
  g_object_set_data (G_OBJECT (page), "want-family", (gpointer) "Theirs");
  ck_assert (test_wait_for (family_name_is, page));
  ck_assert_str_eq (pathways_person_page_get_profile_text (page, "preferred-name"), "Mine");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "person.save-profile", NULL));
  ck_assert (test_wait_for (page_ready, page));
  ck_assert_ptr_null (pathways_person_page_get_conflict_dialog (page));
  saved = pathways_store_get (s.store, PATHWAYS_TYPE_YOUNG_PERSON, id, NULL);
  ck_assert_str_eq (pathways_young_person_get_family_name (PATHWAYS_YOUNG_PERSON (saved)), "Theirs");
  ck_assert_str_eq (pathways_young_person_get_preferred_name (PATHWAYS_YOUNG_PERSON (saved)), "Mine");

  g_object_set_data (G_OBJECT (page), "want-family", NULL);
  session_end (&s);
}
END_TEST

static gboolean
timeline_loaded (gpointer data)
{
  return g_strcmp0 (pathways_timeline_view_get_visible_page (data), "timeline") == 0;
}

typedef struct {
  PathwaysTimelineView *view;
  gint64                person;
  gint64                transition;
} MoveOnTimeline;

static gboolean
move_on_timeline (MoveOnTimeline *m)
{
  PathwaysTimeline *timeline = pathways_timeline_grid_get_timeline (pathways_timeline_view_get_grid (m->view));
  const PathwaysTimelineRow *row = timeline ? pathways_timeline_find_row (timeline, m->person) : NULL;

  for (guint i = 0; row != NULL && i < row->moves->len; i++)
    if (g_array_index (row->moves, PathwaysTimelineMove, i).transition_id == m->transition)
      return TRUE;
  return FALSE;
}

static gboolean
move_left_timeline (gpointer data)
{
  return !move_on_timeline (data);
}

/* The window builds a page the first time it is shown; once built, a
 * page follows what the others write */
START_TEST (test_pages_built_when_first_shown)
{
  Session s = { 0 };
  g_autoptr(GListModel) moves = NULL;
  g_autoptr(PathwaysRecord) cancelled = NULL;
  MoveOnTimeline m = { 0 };
  PathwaysPersonPage *page;

  session_start (&s, "lazy.db");

  /* At start-up, the caseload only */
  ck_assert (pathways_window_has_page (s.window, "caseload"));
  ck_assert (!pathways_window_has_page (s.window, "person"));
  ck_assert (!pathways_window_has_page (s.window, "stock"));
  ck_assert (!pathways_window_has_page (s.window, "timeline"));
  ck_assert (!pathways_window_has_page (s.window, "sufficiency"));

  /* Shown: built and loaded; the others still not */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-page", "s", "timeline"));
  ck_assert (pathways_window_has_page (s.window, "timeline"));
  m.view = pathways_window_get_timeline_view (s.window);
  ck_assert (test_wait_for (timeline_loaded, m.view));
  ck_assert (!pathways_window_has_page (s.window, "stock"));
  ck_assert (!pathways_window_has_page (s.window, "sufficiency"));

  /* A move cancelled on the young person's page leaves the timeline */
  moves = pathways_store_list (s.store, PATHWAYS_TYPE_TRANSITION, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (moves) && m.transition == 0; i++)
    {
      g_autoptr(PathwaysTransition) t = g_list_model_get_item (moves, i);

      if (g_strcmp0 (pathways_transition_get_state (t), "confirmed") == 0)
        {
          m.transition = pathways_record_get_id (PATHWAYS_RECORD (t));
          m.person = pathways_transition_get_young_person_id (t);
        }
    }
  ck_assert_int_gt (m.transition, 0);
  ck_assert (move_on_timeline (&m));
  page = open_person (&s, m.person);
  ck_assert (pathways_window_has_page (s.window, "person"));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "person.cancel-move", "x", m.transition));
  ck_assert (test_wait_for (move_left_timeline, &m));
  cancelled = pathways_store_get (s.store, PATHWAYS_TYPE_TRANSITION, m.transition, NULL);
  ck_assert_str_eq (pathways_transition_get_state (PATHWAYS_TRANSITION (cancelled)), "cancelled");

  session_end (&s);
}
END_TEST

static gboolean
prefs_idle (gpointer data)
{
  return !pathways_preferences_window_is_busy (data);
}

START_TEST (test_preferences_write_settings)
{
  Session s = { 0 };
  g_autoptr(GSettings) settings = g_settings_new ("io.github.carepathways.Pathways");
  g_autoptr(GListModel) staff = NULL;
  g_autofree char *threshold = NULL;
  PathwaysPreferencesWindow *prefs;
  gint64 pa = 0;

  session_start (&s, "prefs.db");
  staff = pathways_store_list (s.store, PATHWAYS_TYPE_STAFF, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (staff) && pa == 0; i++)
    {
      g_autoptr(PathwaysRecord) st = g_list_model_get_item (staff, i);
      if (g_strcmp0 (pathways_record_get_string (st, "role"), "pa") == 0)
        pa = pathways_record_get_id (st);
    }
  ck_assert_int_gt (pa, 0);

  prefs = pathways_preferences_window_new (pathways_application_get_context (s.app));
  ck_assert (test_wait_for (prefs_idle, prefs));
  pathways_preferences_window_select_staff (prefs, pa);
  ck_assert_int_eq (g_settings_get_int64 (settings, "my-staff-id"), pa);
  pathways_preferences_window_set_readiness (prefs, 55);
  ck_assert (test_wait_for (prefs_idle, prefs));
  threshold = pathways_store_dup_setting (s.store, "readiness_threshold");
  ck_assert_str_eq (threshold, "55");

  /* The areas are a list: added one at a time (checked: not blank, no
   * ';', no duplicate whatever its case), removed by their row's button */
  {
    g_autofree char *before = pathways_store_dup_setting (s.store, "authority_areas");
    g_autofree char *added = NULL, *removed = NULL, *refused = NULL;
    g_autoptr(GPtrArray) rows = NULL;
    gboolean listed = FALSE;

    ck_assert (pathways_preferences_window_add_area (prefs, "  Northgate  "));
    ck_assert (test_wait_for (prefs_idle, prefs));
    added = pathways_store_dup_setting (s.store, "authority_areas");
    ck_assert_msg (g_str_has_suffix (added, "Northgate") && (before == NULL || g_str_has_prefix (added, before)),
                   "%s", added);
    rows = pathways_preferences_window_dup_areas (prefs);
    for (guint i = 0; i < rows->len; i++)
      listed |= g_str_equal (g_ptr_array_index (rows, i), "Northgate");
    ck_assert (listed);

    ck_assert (!pathways_preferences_window_add_area (prefs, "NORTHGATE"));
    ck_assert_ptr_nonnull (strstr (pathways_preferences_window_get_area_error (prefs), "already in the list"));
    ck_assert (!pathways_preferences_window_add_area (prefs, "East;West"));
    ck_assert_ptr_nonnull (strstr (pathways_preferences_window_get_area_error (prefs), "‘;’"));
    ck_assert (!pathways_preferences_window_add_area (prefs, "   "));
    ck_assert (test_wait_for (prefs_idle, prefs));
    refused = pathways_store_dup_setting (s.store, "authority_areas");
    ck_assert_str_eq (refused, added);

    if (g_getenv ("PATHWAYS_SCREENSHOT_DIR") != NULL)
      {
        /* (never in CI) the window as drawn, the Authority groups in view */
        g_autofree char *path = g_build_filename (g_getenv ("PATHWAYS_SCREENSHOT_DIR"), "preferences-areas.png", NULL);
        g_autofree char *command = g_strdup_printf ("import -window root %s", path);

        gtk_window_present (GTK_WINDOW (prefs));
        gtk_test_widget_wait_for_draw (GTK_WIDGET (prefs));
        for (guint i = 0; i < 200; i++)
          g_main_context_iteration (NULL, FALSE);
        g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
      }
    pathways_preferences_window_remove_area (prefs, "Northgate");
    ck_assert (test_wait_for (prefs_idle, prefs));
    removed = pathways_store_dup_setting (s.store, "authority_areas");
    ck_assert_str_eq (removed ? removed : "", before ? before : "");
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = pathways_preferences_window_dup_areas (prefs);
    for (guint i = 0; i < rows->len; i++)
      ck_assert_str_ne (g_ptr_array_index (rows, i), "Northgate");
  }

  /* A name too long for the setting: not written */
  {
    AdwEntryRow *row = ADW_ENTRY_ROW (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                                     PATHWAYS_TYPE_PREFERENCES_WINDOW,
                                                                     "name_row"));
    g_autofree char *long_name = g_strnfill (300, 'N');
    g_autofree char *before = pathways_store_dup_setting (s.store, "authority_name");
    g_autofree char *after = NULL;

    gtk_editable_set_text (GTK_EDITABLE (row), long_name);
    g_signal_emit_by_name (row, "apply");
    ck_assert (test_wait_for (prefs_idle, prefs));
    after = pathways_store_dup_setting (s.store, "authority_name");
    ck_assert_str_eq (after, before);
  }
  gtk_window_destroy (GTK_WINDOW (prefs));

  /* A bad value already stored is shown as the default, not as whatever it parses to */
  test_exec (s.store, "UPDATE setting SET value = '-5' WHERE key = 'readiness_threshold'");
  prefs = pathways_preferences_window_new (pathways_application_get_context (s.app));
  ck_assert (test_wait_for (prefs_idle, prefs));
  {
    GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                                          PATHWAYS_TYPE_PREFERENCES_WINDOW,
                                                                          "readiness_spin"));
    ck_assert_int_eq (gtk_spin_button_get_value_as_int (spin), 70);
  }
  gtk_window_destroy (GTK_WINDOW (prefs));

  g_settings_reset (settings, "my-staff-id");
  session_end (&s);
}
END_TEST

static gboolean
folded (gpointer data)
{
  return pathways_fold_is_folded (data);
}

static guint
count_visible_columns (GtkColumnView *view)
{
  GListModel *list = gtk_column_view_get_columns (view);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (list, i);
      n += gtk_column_view_column_get_visible (c);
    }
  return n;
}

static guint n_unfolded_columns;

/* Every column shown by default is back (one hidden by default, Days
 * There, stays hidden) */
static gboolean
unfolded (gpointer data)
{
  return count_visible_columns (data) == n_unfolded_columns;
}

START_TEST (test_narrow_caseload_folds_columns)
{
  GtkWidget *view = g_object_ref_sink (pathways_caseload_view_new (NULL));
  GtkColumnView *columns = pathways_caseload_view_get_column_view (PATHWAYS_CASELOAD_VIEW (view));
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (columns), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  GListModel *list = gtk_column_view_get_columns (columns);
  guint n_visible = 0;

  n_unfolded_columns = count_visible_columns (columns);
  ck_assert_uint_lt (n_unfolded_columns, g_list_model_get_n_items (list));
  /* 700 px wide: the secondary columns go, name and alerts stay */
  gtk_adjustment_set_page_size (h, 700);
  ck_assert (test_wait_for (folded, columns));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (list, i);
      n_visible += gtk_column_view_column_get_visible (c);
      if (g_strcmp0 (gtk_column_view_column_get_title (c), "Name") == 0)
        ck_assert (gtk_column_view_column_get_visible (c));
    }
  ck_assert_uint_eq (n_visible, g_list_model_get_n_items (list) - 4);

  /* Wide again: every column shown by default */
  gtk_adjustment_set_page_size (h, 1400);
  ck_assert (test_wait_for (unfolded, columns));
  ck_assert (!pathways_fold_is_folded (columns));

  g_object_unref (view);
}
END_TEST

static gboolean
caseload_empty (gpointer data)
{
  return g_strcmp0 (pathways_caseload_view_get_visible_page (data), "empty") == 0;
}

/* What every page is given.  A page made before the store is open shows
 * that it is loading, and loads when the store is set; the signed-in
 * staff member follows the preference; the last undoable action is
 * undone in a worker thread, once, and the page follows */
START_TEST (test_context_store_staff_and_undo)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "context.db");
  g_autoptr(GSettings) settings = g_settings_new ("io.github.carepathways.Pathways");
  g_autoptr(PathwaysContext) context = pathways_context_new (pathways_store_get_clock (store), settings);
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC2001");
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(PathwaysRecord) gone = NULL;
  g_autoptr(GError) error = NULL;
  PathwaysCaseloadView *view;
  GtkWidget *window;
  GtkWidget *overlay;

  window = gtk_window_new ();
  overlay = adw_toast_overlay_new ();
  view = PATHWAYS_CASELOAD_VIEW (pathways_caseload_view_new (context));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  pathways_context_add_toast_overlay (context, ADW_TOAST_OVERLAY (overlay));
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  ck_assert_str_eq (pathways_caseload_view_get_visible_page (view), "loading");

  ck_assert (pathways_planner_add_person (store, yp, &undo, &error));
  ck_assert_no_error (error);
  pathways_context_set_store (context, store);
  ck_assert_ptr_eq (pathways_context_get_store (context), store);
  ck_assert (test_wait_for (caseload_ready, view));
  ck_assert_uint_eq (pathways_caseload_view_get_n_visible (view), 1);

  g_settings_set_int64 (settings, "my-staff-id", 42);
  ck_assert_int_eq (pathways_context_get_staff_id (context), 42);
  g_settings_reset (settings, "my-staff-id");
  ck_assert_int_eq (pathways_context_get_staff_id (context), 0);

  pathways_context_show_undoable (context, "Young person added", undo);
  ck_assert_ptr_eq (pathways_context_get_last_undo (context), undo);
  pathways_context_undo_last (context);
  ck_assert_ptr_null (pathways_context_get_last_undo (context));
  ck_assert (test_wait_for (caseload_empty, view));
  gone = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, pathways_record_get_id (PATHWAYS_RECORD (yp)), NULL);
  ck_assert_ptr_null (gone);
  /* Nothing is left to undo: a second Ctrl+Z does nothing */
  pathways_context_undo_last (context);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 0);

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}
END_TEST

/* The team server ------------------------------------------------------ */

static gboolean
prefs_has_status (gpointer data)
{
  return !pathways_preferences_window_is_busy (data) &&
         pathways_preferences_window_get_server_status (data) != NULL &&
         !g_str_equal (pathways_preferences_window_get_server_status (data), "Connecting…");
}

static gboolean
app_on_team_server (gpointer data)
{
  PathwaysStore *store = pathways_application_get_store (data);

  return store != NULL && pathways_store_is_team_server (store) && gtk_application_get_windows (data) != NULL;
}

static gboolean
app_on_file (gpointer data)
{
  PathwaysStore *store = pathways_application_get_store (data);

  return store != NULL && !pathways_store_is_team_server (store) && gtk_application_get_windows (data) != NULL;
}

/* Connecting from Preferences: each failure in a sentence; a server that
 * answers is remembered (the address, never a password) and used at once,
 * in a new window; back to this computer's own the same way */
START_TEST (test_team_server_preferences)
{
  Session s = { 0 };
  g_autoptr(GSettings) settings = g_settings_new ("io.github.carepathways.Pathways");
  g_autofree char *db = NULL;
  g_autofree char *address = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;
  PathwaysPreferencesWindow *prefs;
  const char *status;

  if (test_pg_admin () == NULL)
    {
      g_printerr ("no PostgreSQL test cluster (PATHWAYS_TEST_PG): build-aux/pg-test-cluster start\n");
      return;
    }
  session_start (&s, "team.db");
  prefs = pathways_preferences_window_new (pathways_application_get_context (s.app));
  ck_assert (test_wait_for (prefs_idle, prefs));

  pathways_preferences_window_connect_server (prefs, "the server", NULL, NULL);
  status = pathways_preferences_window_get_server_status (prefs);
  ck_assert_msg (status && g_str_has_prefix (status, "Give the team server’s address as IT wrote it"), "%s", status);

  pathways_preferences_window_connect_server (prefs, "postgresql:///pathways?host=/nonexistent/pathways-test",
                                              "abennett", "secret");
  ck_assert (test_wait_for (prefs_has_status, prefs));
  status = pathways_preferences_window_get_server_status (prefs);
  ck_assert_msg (strstr (status, "The team server “pathways” on this computer is not answering") != NULL, "%s",
                 status);
  saved = g_settings_get_string (settings, "database-path");
  ck_assert_str_eq (saved, "");
  g_clear_pointer (&saved, g_free);

  /* The test cluster, signing in as the test's login (a manager) */
  db = test_pg_database (dir, "prefs");
  address = g_strdup_printf ("%s dbname=%s", test_pg_admin (), db);
  pathways_preferences_window_connect_server (prefs, address, g_get_user_name (), NULL);
  ck_assert (test_wait_for (prefs_has_status, prefs));
  status = pathways_preferences_window_get_server_status (prefs);
  expected = g_strdup_printf ("Connected to “%s” on this computer as %s (manager). Pathways is switching to the "
                              "team server.", db, g_get_user_name ());
  ck_assert_str_eq (status, expected);
  saved = g_settings_get_string (settings, "database-path");
  ck_assert (g_str_has_prefix (saved, address));
  ck_assert (strstr (saved, "password") == NULL);

  /* No restart: the window closes, and a new one opens on the team
   * server, whose caseload loads (the old store is let go) */
  ck_assert (test_wait_for (app_on_team_server, s.app));
  s.window = PATHWAYS_WINDOW (gtk_application_get_windows (GTK_APPLICATION (s.app))->data);
  ck_assert (test_wait_for (caseload_ready, pathways_window_get_caseload_view (s.window)));
  ck_assert_str_eq (pathways_context_get_role (pathways_application_get_context (s.app)), "manager");

  /* And back to this computer's own (here the file $PATHWAYS_DATABASE
   * names, as for a first start) */
  prefs = pathways_preferences_window_new (pathways_application_get_context (s.app));
  ck_assert (test_wait_for (prefs_idle, prefs));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.use-embedded", NULL));
  g_clear_pointer (&saved, g_free);
  saved = g_settings_get_string (settings, "database-path");
  ck_assert_str_eq (saved, "");
  ck_assert (test_wait_for (app_on_file, s.app));
  s.window = PATHWAYS_WINDOW (gtk_application_get_windows (GTK_APPLICATION (s.app))->data);
  ck_assert (test_wait_for (caseload_ready, pathways_window_get_caseload_view (s.window)));
  ck_assert_str_eq (pathways_store_get_location (pathways_application_get_store (s.app)), s.path);

  g_settings_reset (settings, "database-path");
  session_end (&s);
}
END_TEST

/* The first button (or other actionable) under @widget for @action */
typedef struct {
  GtkRevealer *banner;
  gboolean     shown;
} Banner;

static gboolean
banner_is (gpointer data)
{
  Banner *b = data;

  return gtk_revealer_get_reveal_child (b->banner) == b->shown;
}

/* The server goes away: a banner with Retry; it comes back: the banner
 * goes, without a restart */
START_TEST (test_team_server_banner)
{
  Session s = { 0 };
  g_autofree char *db = NULL;
  Banner b = { 0 };

  if (test_pg_admin () == NULL)
    {
      g_printerr ("no PostgreSQL test cluster (PATHWAYS_TEST_PG): build-aux/pg-test-cluster start\n");
      return;
    }
  db = test_pg_database (dir, "banner");
  s.path = test_pg_location (db, NULL);
  g_setenv (PATHWAYS_DATABASE_ENV, s.path, TRUE);
  s.app = pathways_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  s.window = launch (s.app);
  ck_assert (test_wait_for (caseload_ready, pathways_window_get_caseload_view (s.window)));
  s.store = pathways_application_get_store (s.app);
  ck_assert_str_eq (pathways_context_get_role (pathways_application_get_context (s.app)), "manager");

  b.banner = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (s.window), PATHWAYS_TYPE_WINDOW,
                                                          "server_banner"));
  ck_assert (!gtk_revealer_get_reveal_child (b.banner));
  ck_assert (!gtk_widget_is_sensitive (test_gui_find_action (GTK_WIDGET (b.banner), "win.retry-server")));

  test_pg_set_away (db, TRUE);
  b.shown = TRUE;
  test_wait_for (banner_is, &b);
  ck_assert (gtk_widget_is_sensitive (test_gui_find_action (GTK_WIDGET (b.banner), "win.retry-server")));

  test_pg_set_away (db, FALSE);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.retry-server", NULL));
  b.shown = FALSE;
  test_wait_for (banner_is, &b);
  ck_assert (pathways_store_get_connected (s.store));

  session_end (&s);
}
END_TEST

/* A read-only database file: the window says why nothing can be saved */
START_TEST (test_read_only_banner)
{
  Session s = { 0 };
  GtkRevealer *banner;
  GtkLabel *label;

  s.path = g_build_filename (dir, "read-only.db", NULL);
  {
    g_autoptr(PathwaysStore) store = test_open_store (dir, "read-only.db");
    test_add_staff (store);
  }
  ck_assert_int_eq (g_chmod (s.path, 0400), 0);
  g_setenv (PATHWAYS_DATABASE_ENV, s.path, TRUE);
  s.app = pathways_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  s.window = launch (s.app);
  ck_assert (test_wait_for (caseload_ready, pathways_window_get_caseload_view (s.window)));

  banner = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (s.window), PATHWAYS_TYPE_WINDOW,
                                                        "read_only_banner"));
  label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (s.window), PATHWAYS_TYPE_WINDOW,
                                                    "read_only_banner_label"));
  ck_assert (gtk_revealer_get_reveal_child (banner));
  ck_assert_msg (strstr (gtk_label_get_label (label), "read-only") != NULL, "%s", gtk_label_get_label (label));
  ck_assert (!gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_template_child (
               GTK_WIDGET (s.window), PATHWAYS_TYPE_WINDOW, "server_banner"))));

  session_end (&s);
  g_chmod (s.path ? s.path : "", 0600);
}
END_TEST

typedef struct {
  AdwViewSwitcherTitle *title;
  const char           *expected;
} Subtitle;

static gboolean
subtitle_is (gpointer data)
{
  Subtitle *t = data;
  const char *now = adw_view_switcher_title_get_subtitle (t->title);

  /* (no subtitle reads back as "") */
  return g_strcmp0 (now && *now ? now : NULL, t->expected) == 0;
}

/* "Signed in as": the staff member chosen is shown in the window and
 * recorded, beside the OS login, in the audit rows of what is saved */
START_TEST (test_signed_in_as)
{
  Session s = { 0 };
  g_autoptr(PathwaysStaff) staff = NULL;
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC2301");
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(PathwaysAuditEntry) latest = NULL;
  g_autoptr(GError) error = NULL;
  GSettings *settings;
  Subtitle t = { 0 };
  gint64 id;

  session_start (&s, "signed-in.db");
  settings = pathways_application_get_settings (s.app);
  staff = pathways_staff_new ("Alison Bennett", "pa", "North");
  ck_assert (pathways_store_insert (s.store, PATHWAYS_RECORD (staff), &error));
  ck_assert_no_error (error);
  id = pathways_record_get_id (PATHWAYS_RECORD (staff));

  t.title = ADW_VIEW_SWITCHER_TITLE (gtk_widget_get_template_child (GTK_WIDGET (s.window), PATHWAYS_TYPE_WINDOW,
                                                                    "switcher_title"));
  g_settings_set_int64 (settings, "my-staff-id", id);
  t.expected = "Signed in as Alison Bennett";
  ck_assert_msg (test_wait_for (subtitle_is, &t), "subtitle: %s", adw_view_switcher_title_get_subtitle (t.title));
  ck_assert_int_eq (pathways_store_get_acting_staff (s.store), id);

  ck_assert (pathways_store_insert (s.store, PATHWAYS_RECORD (yp), &error));
  ck_assert_no_error (error);
  audit = pathways_store_list_audit (s.store, "young_person", 0, &error);
  ck_assert_no_error (error);
  latest = g_list_model_get_item (audit, 0);
  ck_assert_str_eq (pathways_audit_entry_get_staff_name (latest), "Alison Bennett");
  ck_assert_str_eq (pathways_audit_entry_get_actor (latest), g_get_user_name ());

  g_settings_reset (settings, "my-staff-id");
  t.expected = NULL;
  ck_assert (test_wait_for (subtitle_is, &t));
  ck_assert_int_eq (pathways_store_get_acting_staff (s.store), 0);
  session_end (&s);
}
END_TEST

static gboolean
find_message_dialog (gpointer data)
{
  AdwMessageDialog **out = data;
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      {
        *out = l->data;
        return TRUE;
      }
  return FALSE;
}

static gboolean
app_has_store (gpointer data)
{
  return pathways_application_get_store (data) != NULL;
}

/* A damaged database: the dialog names the newest backup and offers to
 * go back to it; Restore does, keeping the damaged file aside */
START_TEST (test_damaged_database_offers_backup)
{
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autoptr(PathwaysClock) clock = pathways_clock_new_fixed (TEST_TODAY);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysApplication) app = NULL;
  AdwMessageDialog *dialog = NULL;
  PathwaysWindow *window;
  FILE *f;

  /* A backup of the empty database, as a migration would have left */
  {
    g_autoptr(PathwaysStore) store = pathways_store_open (path, clock, &error);
    ck_assert_no_error (error);
  }
  {
    g_autofree char *bytes = NULL;
    g_autofree char *backup = g_strconcat (path, ".v6-20261101-090000.bak", NULL);
    gsize n = 0;

    ck_assert (g_file_get_contents (path, &bytes, &n, NULL));
    ck_assert (g_file_set_contents (backup, bytes, n, NULL));
  }
  {
    g_autoptr(PathwaysStore) store = pathways_store_open (path, clock, &error);
    ck_assert_no_error (error);
    for (guint i = 0; i < 40; i++)
      test_add_staff (store);
  }
  f = fopen (path, "r+b");
  ck_assert_ptr_nonnull (f);
  ck_assert_int_eq (fseek (f, 2 * 4096, SEEK_SET), 0);
  for (guint i = 0; i < 3 * 4096; i++)
    fputc ((int) ((i * 7919u) & 0xff), f);
  fclose (f);

  g_setenv (PATHWAYS_DATABASE_ENV, path, TRUE);
  app = pathways_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  window = launch (app);
  ck_assert (test_wait_for (find_message_dialog, &dialog));
  ck_assert (strstr (adw_message_dialog_get_body (dialog), "damaged") != NULL);
  ck_assert (strstr (adw_message_dialog_get_body (dialog), ".bak") != NULL);
  ck_assert (adw_message_dialog_has_response (dialog, "restore"));

  adw_message_dialog_response (dialog, "restore");
  ck_assert (test_wait_for (app_has_store, app));
  ck_assert_int_eq (pathways_store_count (pathways_application_get_store (app), PATHWAYS_TYPE_STAFF, NULL), 0);
  {
    g_autofree char *folder = g_path_get_dirname (path);
    g_autoptr(GDir) d = g_dir_open (folder, 0, NULL);
    const char *name;
    gboolean aside = FALSE;

    while ((name = g_dir_read_name (d)) != NULL)
      aside |= g_str_has_prefix (name, "damaged.db.damaged-");
    ck_assert (aside);
  }
  shut_down (app, window);
  g_unsetenv (PATHWAYS_DATABASE_ENV);
}
END_TEST

/* A housing officer's young person's page: what matching needs, and
 * why there are no wishes or notes */
START_TEST (test_team_server_housing_page)
{
  Session s = { 0 };
  g_autofree char *db = NULL;
  g_autoptr(PathwaysStore) manager = NULL;
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC7001");
  g_autoptr(GError) error = NULL;
  PathwaysPersonPage *page;
  GtkWidget *private_box;
  GtkLabel *reason;
  gint64 id;

  if (test_pg_admin () == NULL)
    {
      g_printerr ("no PostgreSQL test cluster (PATHWAYS_TEST_PG): build-aux/pg-test-cluster start\n");
      return;
    }
  db = test_pg_database (dir, "housing");
  test_pg_add_user (db, "pt_gui_housing", "housing", "Housing");
  {
    g_autofree char *location = test_pg_location (db, NULL);
    manager = pathways_store_open (location, NULL, &error);
    ck_assert_no_error (error);
  }
  pathways_young_person_set_wishes_feelings (yp, "To live near my sister");
  id = test_add (manager, PATHWAYS_RECORD (yp));

  s.path = test_pg_location (db, "pt_gui_housing");
  g_setenv (PATHWAYS_DATABASE_ENV, s.path, TRUE);
  s.app = pathways_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  s.window = launch (s.app);
  ck_assert (test_wait_for (caseload_ready, pathways_window_get_caseload_view (s.window)));
  s.store = pathways_application_get_store (s.app);
  ck_assert_str_eq (pathways_context_get_role (pathways_application_get_context (s.app)), "housing");

  page = open_person (&s, id);
  private_box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), PATHWAYS_TYPE_PERSON_PAGE, "private_box"));
  reason = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (page), PATHWAYS_TYPE_PERSON_PAGE,
                                                     "private_reason"));
  ck_assert (!gtk_widget_get_visible (private_box));
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (reason)));
  ck_assert (g_str_has_prefix (gtk_label_get_text (reason), "Wishes and feelings, notes and milestones are for"));
  ck_assert_ptr_null (pathways_young_person_get_wishes_feelings (pathways_person_page_get_details (page)->person));
  /* Changing the record is not offered; scheduling a move is */
  /* Changes save as they are made: a housing officer is not offered the
   * record's fields to type into */
  ck_assert (!gtk_widget_is_sensitive (pathways_person_page_get_field_widget (page, "family-name")));
  ck_assert (gtk_widget_is_sensitive (test_gui_find_action (GTK_WIDGET (page), "person.schedule-move")));

  session_end (&s);
}
END_TEST

static gboolean
store_opened (gpointer data)
{
  return pathways_application_get_store (data) != NULL;
}

static gboolean
register_loaded (gpointer data)
{
  return !pathways_stock_view_is_busy (data) && pathways_stock_view_get_n_units (data) > 0;
}

/* An administrator has staff and reference lists, not young people: the
 * pages of young people are hidden, and the stock shown — its units
 * loaded, though the young people living in them are not the
 * administrator's to read */
START_TEST (test_team_server_admin_pages)
{
  Session s = { 0 };
  g_autofree char *db = NULL;
  g_autoptr(PathwaysStore) owner = NULL;
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC7101");
  g_autoptr(GError) error = NULL;
  AdwViewStack *stack;
  PathwaysStockView *stock;

  if (test_pg_admin () == NULL)
    {
      g_printerr ("no PostgreSQL test cluster (PATHWAYS_TEST_PG): build-aux/pg-test-cluster start\n");
      return;
    }
  db = test_pg_database (dir, "admin");
  test_pg_add_user (db, "pt_gui_admin", "admin", NULL);
  {
    g_autofree char *location = test_pg_location (db, NULL);
    g_autoptr(PathwaysUnit) unit = g_object_new (PATHWAYS_TYPE_UNIT, "name", "Bridgeway Support, Larch Road",
                                                 "kind", "supported", "status", "available",
                                                 "min-age", (gint64) 16, "max-age", (gint64) 21, NULL);

    owner = pathways_store_open (location, NULL, &error);
    ck_assert_no_error (error);
    test_add (owner, PATHWAYS_RECORD (unit));
    test_add (owner, PATHWAYS_RECORD (yp));
  }
  s.path = test_pg_location (db, "pt_gui_admin");
  g_setenv (PATHWAYS_DATABASE_ENV, s.path, TRUE);
  s.app = pathways_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  s.window = launch (s.app);
  test_wait_for (store_opened, s.app);
  s.store = pathways_application_get_store (s.app);
  ck_assert_str_eq (pathways_context_get_role (pathways_application_get_context (s.app)), "admin");

  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (s.window), PATHWAYS_TYPE_WINDOW, "stack"));
  ck_assert (!adw_view_stack_page_get_visible (adw_view_stack_get_page (stack,
                                                adw_view_stack_get_child_by_name (stack, "caseload"))));
  ck_assert (!adw_view_stack_page_get_visible (adw_view_stack_get_page (stack,
                                                adw_view_stack_get_child_by_name (stack, "timeline"))));
  ck_assert (adw_view_stack_page_get_visible (adw_view_stack_get_page (stack,
                                               adw_view_stack_get_child_by_name (stack, "stock"))));
  ck_assert_str_eq (adw_view_stack_get_visible_child_name (stack), "stock");
  /* The register loads (no "your role does not allow this") */
  stock = pathways_window_get_stock_view (s.window);
  ck_assert (test_wait_for (register_loaded, stock));
  ck_assert_uint_eq (pathways_stock_view_get_n_units (stock), 1);

  session_end (&s);
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
  tcase_add_test (tc, test_caseload_loaded_as_store_opens);
  tcase_add_test (tc, test_caseload_cell_tooltips);
  tcase_add_test (tc, test_search_filters_caseload);
  tcase_add_test (tc, test_search_accents_case_and_words);
  tcase_add_test (tc, test_array_model_follows_its_model);
  tcase_add_test (tc, test_long_caseload_shows_every_row);
  tcase_add_test (tc, test_empty_database_shows_empty_state);
  tcase_add_test (tc, test_sorting_by_age);
  tcase_add_test (tc, test_narrow_caseload_folds_columns);
  tcase_add_test (tc, test_context_store_staff_and_undo);
  suite_add_tcase (s, tc);

  tc = tcase_create ("workspace");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_filters_caseload);
  tcase_add_test (tc, test_person_page_shows_spells_and_milestones);
  tcase_add_test (tc, test_where_could_they_go_opens_scheduling);
  tcase_add_test (tc, test_ticking_milestone_changes_readiness);
  tcase_add_test (tc, test_double_booked_move_refused);
  tcase_add_test (tc, test_schedule_move_and_undo);
  tcase_add_test (tc, test_cancel_move);
  tcase_add_test (tc, test_invalid_profile_writes_nothing);
  tcase_add_test (tc, test_preferences_write_settings);
  tcase_add_test (tc, test_team_server_preferences);
  tcase_add_test (tc, test_team_server_banner);
  tcase_add_test (tc, test_read_only_banner);
  tcase_add_test (tc, test_signed_in_as);
  tcase_add_test (tc, test_damaged_database_offers_backup);
  tcase_add_test (tc, test_team_server_housing_page);
  tcase_add_test (tc, test_team_server_admin_pages);
  tcase_add_test (tc, test_stale_profile_save_shows_conflict);
  tcase_add_test (tc, test_pages_built_when_first_shown);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  test_gui_require_display ();
  return test_run_suite (gui_suite ());
}
