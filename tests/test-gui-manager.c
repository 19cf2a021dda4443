/* test-gui-manager.c — the Sufficiency page, in-process, under Xvfb
 *
 * The real view on a crafted store: the figures, lists and charts it
 * shows; a compliance row opens the young person; the report is
 * exported.  Set PATHWAYS_SCREENSHOT_DIR to also save the whole page as
 * PNG at 1280 and 700 pixels wide.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "pathways-application.h"
#include "pathways-chart.h"
#include "pathways-import-dialog.h"
#include "pathways-sufficiency-view-private.h"
#include "pathways-window.h"
#include "test-gui-util.h"

static char *dir;
static PathwaysStore *store;
static PathwaysContext *context;
static gint64 opened_person;
static gint64 late_person;

static void
setup (void)
{
  /* main() checked that there is a display */
  ck_assert_msg (gtk_init_check (), "the display went away");
  adw_init ();
  dir = test_make_dir ();
  opened_person = 0;
}

static void
teardown (void)
{
  g_clear_object (&context);
  g_clear_object (&store);
  test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

static gboolean
dashboard_ready (gpointer data)
{
  return g_strcmp0 (pathways_sufficiency_view_get_visible_page (data), "dashboard") == 0;
}

static gint64
add_unit (const char *name,
          const char *kind,
          const char *area,
          gboolean    in_authority,
          const char *provider_type,
          gint64      cost)
{
  g_autoptr(PathwaysUnit) u = g_object_new (PATHWAYS_TYPE_UNIT, "name", name, "kind", kind, "area", area,
                                            "in-authority", in_authority, "provider-type", provider_type,
                                            "status", "available", "min-age", (gint64) 16,
                                            "max-age", (gint64) 25, "weekly-cost", cost,
                                            "registration", "registered", "ofsted-urn", "2000001", NULL);
  return test_add (store, PATHWAYS_RECORD (u));
}

static gint64
add_person (const char *local_id,
            const char *given,
            const char *dob,
            const char *review)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person (local_id);
  g_autofree char *b14 = pathways_date_birthday (dob, 14);
  g_autofree char *b18 = pathways_date_birthday (dob, 18);

  g_object_set (yp, "given-name", given, "date-of-birth", dob, "home-postcode", "NB1 2AB",
                "date-first-looked-after", b14, "pathway-plan-review-date", review,
                "last-contact-date", "2026-11-12", "needs-assessment-date", "2025-06-01", NULL);
  if (strcmp (b18, TEST_TODAY) <= 0)
    g_object_set (yp, "date-care-ended", b18, NULL);
  return test_add (store, PATHWAYS_RECORD (yp));
}

static void
add_spell (gint64      who,
           gint64      unit,
           const char *accom)
{
  g_autoptr(PathwaysSpell) s = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", who, "unit-id", unit,
                                             "accom", accom, "start-date", "2026-01-01",
                                             "state", "current", NULL);
  test_add (store, PATHWAYS_RECORD (s));
}

/* Four young people: two in supported accommodation (one 46 miles from
 * home), one in a council flat, one turning 18 in February in an agency
 * foster placement with nothing planned.  Kai's plan review is late. */
static void
make_store (void)
{
  g_autoptr(GError) error = NULL;
  gint64 p3;

  store = test_open_store (dir, "manager.db");
  ck_assert (pathways_store_set_setting (store, "authority_name", "Northbrook", &error));
  add_spell (add_person ("RP1", "Amara", "2007-03-01", "2026-10-01"),
             add_unit ("Foyer room 1", "supported", "Northbrook Central", TRUE, "voluntary", 40000), "T");
  add_spell (add_person ("RP2", "Ben", "2006-05-01", "2026-10-01"),
             add_unit ("Flat 3, Canal House", "council", "Eastfield", TRUE, "own_la", 11000), "U");
  late_person = add_person ("RP4", "Kai", "2007-08-01", "2026-01-15");
  add_spell (late_person, add_unit ("Bridgeway, Foundry Lane", "supported", "Coldharbour", FALSE, "private", 60000),
             "D");
  p3 = add_person ("RP3", "Dana", "2009-02-10", "2026-10-01");
  {
    g_autoptr(PathwaysSpell) s = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", p3,
                                               "address", "Agency foster placement", "place", "U4",
                                               "place-provider", "PR4", "weekly-cost", (gint64) 90400,
                                               "start-date", "2024-01-01", "planned-end", "2027-02-10",
                                               "state", "current", NULL);
    test_add (store, PATHWAYS_RECORD (s));
  }
}

static void
open_person_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  opened_person = g_variant_get_int64 (parameter);
}

/* A window with a stand-in for the main window's "win" actions */
static GtkWidget *
make_window (PathwaysSufficiencyView **out_view,
             int                       width)
{
  static const GActionEntry entries[] = {
    { "open-person", open_person_cb, "x", NULL, NULL },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view;

  /* The page loads its figures itself, from the context's store */
  g_assert (store != NULL);
  g_clear_object (&context);
  context = test_gui_context (store);
  view = pathways_sufficiency_view_new (context);

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), NULL);
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (group));
  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  *out_view = PATHWAYS_SUFFICIENCY_VIEW (view);
  return window;
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_text (c, out);
}

static void
find_all (GtkWidget *widget,
          GType      type,
          GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    find_all (c, type, out);
}

#define ck_assert_contains(haystack, needle) \
  ck_assert_msg (strstr ((haystack), (needle)) != NULL, "“%s” not shown", (needle))

static void
save_screenshot (GtkWidget  *view,
                 const char *name)
{
  const char *out_dir = g_getenv ("PATHWAYS_SCREENSHOT_DIR");
  g_autoptr(GPtrArray) clamps = g_ptr_array_new ();
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  GtkWidget *content;
  int w, h;

  if (out_dir == NULL)
    return;
  gtk_test_widget_wait_for_draw (view);
  /* The whole page, not just what the scrolled window shows */
  find_all (view, ADW_TYPE_CLAMP, clamps);
  content = NULL;
  for (guint i = 0; i < clamps->len && content == NULL; i++)
    if (GTK_IS_VIEWPORT (gtk_widget_get_parent (g_ptr_array_index (clamps, i))))
      content = g_ptr_array_index (clamps, i);
  ck_assert_ptr_nonnull (content);
  w = gtk_widget_get_width (content);
  h = gtk_widget_get_height (content);
  paintable = gtk_widget_paintable_new (content);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.98, 0.98, 0.98, 1 }, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  ck_assert_int_gt (w, 0);
  ck_assert_int_gt (h, 0);
  /* The cairo renderer needs no surface */
  renderer = gsk_cairo_renderer_new ();
  ck_assert (gsk_renderer_realize (renderer, NULL, NULL));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gsk_renderer_unrealize (renderer);
  g_object_unref (renderer);
  path = g_build_filename (out_dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

START_TEST (test_dashboard_shows_the_figures)
{
  PathwaysSufficiencyView *view;
  GtkWidget *window;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *late_row = NULL;
  gboolean mix_described = FALSE;

  make_store ();
  window = make_window (&view, 1280);
  ck_assert (test_wait_for (dashboard_ready, view));

  collect_text (GTK_WIDGET (view), text);
  /* Heading and figures at a glance */
  ck_assert_contains (text->str, "Northbrook · figures as at 22/11/2026");
  ck_assert_contains (text->str, "4\nyoung people under 25");
  ck_assert_contains (text->str, "67%\ninside the authority (of 3 recorded)");
  ck_assert_contains (text->str, "33%\nmore than 20 miles from home (of 3 known)");
  /* averages to the nearest pound (£503.50 rounds up) */
  ck_assert_contains (text->str, "£2,014\na week in all, £504 on average");
  ck_assert_contains (text->str, "1\nturning 18 within 6 months, 1 with no route yet");
  /* The mix: kind, in-house v external, number and share */
  ck_assert_contains (text->str, "Supported accommodation\n0 in-house, 2 external\n2 · 50%");
  ck_assert_contains (text->str, "Independent: council tenancy\n1 in-house, 0 external\n1 · 25%");
  ck_assert_contains (text->str, "Independent fostering agency\n0 in-house, 1 external\n1 · 25%");
  /* Costs */
  ck_assert_contains (text->str, "Supported accommodation\n2 places, £1,000 a week in all\n£500 a week");
  /* Cliff edge */
  ck_assert_contains (text->str, "Turning 18: 1 within 3 months, 1 within 6 months and 1 within 12 months.");

  /* Every chart has data and a text alternative */
  find_all (GTK_WIDGET (view), PATHWAYS_TYPE_CHART, charts);
  ck_assert_uint_eq (charts->len, 8);
  for (guint i = 0; i < charts->len; i++)
    {
      const char *description = pathways_chart_get_description (g_ptr_array_index (charts, i));
      ck_assert_ptr_nonnull (description);
      mix_described = mix_described ||
        strstr (description, "Supported accommodation: In-house 0, External 2, Not recorded 0.") != NULL;
    }
  ck_assert (mix_described);

  /* Compliance: Kai's plan review is overdue; his row opens him */
  find_all (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      if (g_str_has_prefix (title, "Kai Okafor (RP4)"))
        late_row = row;
    }
  ck_assert_ptr_nonnull (late_row);
  ck_assert_str_eq (gtk_actionable_get_action_name (GTK_ACTIONABLE (late_row)), "win.open-person");
  g_signal_emit_by_name (late_row, "activate");
  ck_assert_int_eq (opened_person, late_person);

  save_screenshot (GTK_WIDGET (view), "sufficiency-crafted-1280.png");
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static void
exported_cb (PathwaysSufficiencyView *view,
             const char              *path,
             gboolean                 ok,
             gpointer                 user_data)
{
  *(int *) user_data = ok ? 1 : -1;
}

static gboolean
exported (gpointer data)
{
  return *(int *) data != 0;
}

START_TEST (test_export_writes_the_report)
{
  PathwaysSufficiencyView *view;
  GtkWidget *window;
  g_autofree char *path = g_build_filename (dir, "committee.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *export_button = NULL;
  int outcome = 0;
  GStatBuf st;

  make_store ();
  window = make_window (&view, 1280);
  ck_assert (test_wait_for (dashboard_ready, view));

  /* The button is there, labelled, and enabled once the figures are in */
  find_all (GTK_WIDGET (view), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), "sufficiency.export") == 0)
      export_button = g_ptr_array_index (buttons, i);
  ck_assert_ptr_nonnull (export_button);
  ck_assert (gtk_widget_is_sensitive (export_button));

  /* What the save dialog does with the chosen file: export in a thread */
  g_signal_connect (view, "report-exported", G_CALLBACK (exported_cb), &outcome);
  pathways_sufficiency_view_export (view, file, PATHWAYS_REPORT_PDF);
  ck_assert (test_wait_for (exported, &outcome));
  ck_assert_int_eq (outcome, 1);
  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_int_gt (st.st_size, 1000);

  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static gboolean
view_ready_in (gpointer data)
{
  PathwaysWindow *window = data;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  find_all (GTK_WIDGET (window), PATHWAYS_TYPE_SUFFICIENCY_VIEW, views);
  return views->len == 1 && dashboard_ready (g_ptr_array_index (views, 0));
}

START_TEST (test_window_page_on_demo_authority)
{
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(PathwaysApplication) app = NULL;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  PathwaysWindow *window;
  const PathwaysSufficiency *s;
  GList *windows;

  g_setenv (PATHWAYS_DATABASE_ENV, path, TRUE);
  app = pathways_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  ck_assert (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_activate (G_APPLICATION (app));
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  ck_assert_ptr_nonnull (windows);
  window = windows->data;

  /* The page works its figures out when shown (Alt+4) */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "sufficiency"));
  ck_assert (test_wait_for (view_ready_in, window));
  find_all (GTK_WIDGET (window), PATHWAYS_TYPE_SUFFICIENCY_VIEW, views);
  s = pathways_sufficiency_view_get_sufficiency (g_ptr_array_index (views, 0));
  ck_assert_int_eq (s->n_people, 60);
  ck_assert_int_gt (s->all.count, 0);

  save_screenshot (g_ptr_array_index (views, 0), "sufficiency-demo-1280.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 800);
  for (guint i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE);
  save_screenshot (g_ptr_array_index (views, 0), "sufficiency-demo-700.png");

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_application_quit (G_APPLICATION (app));
  g_unsetenv (PATHWAYS_DATABASE_ENV);
}
END_TEST

typedef struct {
  PathwaysSufficiencyView *view;
  PathwaysRoute            route;
  int                      want;
} RouteWait;

/* The 12-month cliff edge shows @want young people on @route */
static gboolean
route_count_is (gpointer data)
{
  RouteWait *w = data;
  const PathwaysSufficiency *s = pathways_sufficiency_view_get_sufficiency (w->view);

  return dashboard_ready (w->view) && s != NULL &&
         s->cliff_by_route[w->route][PATHWAYS_CLIFF_N_HORIZONS - 1] == w->want;
}

static void
scheduled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  ck_assert (pathways_planner_schedule_move_finish (PATHWAYS_STORE (source), result, NULL, NULL, &error));
  ck_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* A move scheduled elsewhere (as the young person's page does, in a
 * worker thread) is in the figures without anyone reloading them: Dana,
 * turning 18 with nothing planned, now has a route */
START_TEST (test_dashboard_follows_a_scheduled_move)
{
  PathwaysSufficiencyView *view;
  GtkWidget *window;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(PathwaysEligibility) check = NULL;
  g_autoptr(GError) error = NULL;
  PathwaysMoveRequest request = { 0 };
  RouteWait none, supported;
  gboolean done = FALSE;
  gint64 dana = 0, unit;

  make_store ();
  unit = add_unit ("Foyer room 2", "supported", "Northbrook Central", TRUE, "voluntary", 40000);
  people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PathwaysYoungPerson) p = g_list_model_get_item (people, i);
      if (g_strcmp0 (pathways_young_person_get_local_id (p), "RP3") == 0)
        dana = pathways_record_get_id (PATHWAYS_RECORD (p));
    }
  ck_assert_int_gt (dana, 0);

  window = make_window (&view, 1280);
  none = (RouteWait) { view, PATHWAYS_ROUTE_NONE, 1 };
  supported = (RouteWait) { view, PATHWAYS_ROUTE_SUPPORTED, 0 };
  ck_assert (test_wait_for (route_count_is, &none));
  ck_assert (route_count_is (&supported));

  /* Into the new room a month before her 18th birthday */
  request.young_person_id = dana;
  request.date = "2027-01-10";
  request.unit_id = unit;
  check = pathways_planner_check_move (store, &request, &error);
  ck_assert_no_error (error);
  ck_assert_int_ne (check->verdict, PATHWAYS_VERDICT_NOT_ELIGIBLE);
  if (check->verdict == PATHWAYS_VERDICT_WARNINGS)
    request.accepted_warnings = "Agreed at the pathway plan review";
  pathways_planner_schedule_move_async (store, &request, NULL, scheduled_cb, &done);

  none.want = 0;
  supported.want = 1;
  ck_assert (test_wait_for (route_count_is, &none));
  ck_assert (done);
  ck_assert (route_count_is (&supported));

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}
END_TEST

/* Import SSDA903 Files…: the preview lists every problem before anything
 * is written; refused while rows have errors unless they are skipped;
 * Import writes in a worker thread and logs it; Cancel stops the reading */
static gboolean
import_state_is (gpointer data)
{
  GObject *dialog = data;
  g_autofree char *state = NULL;

  g_object_get (dialog, "state", &state, NULL);
  return g_strcmp0 (state, g_object_get_data (dialog, "want")) == 0;
}

static gboolean
imported_people (gpointer data)
{
  return pathways_store_count (data, PATHWAYS_TYPE_IMPORT_LOG, NULL) == 1;
}

static void
save_window_png (GtkWidget  *window,
                 const char *name)
{
  const char *out_dir = g_getenv ("PATHWAYS_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int w, h;

  if (out_dir == NULL)
    return;
  gtk_test_widget_wait_for_draw (window);
  w = gtk_widget_get_width (window);
  h = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gsk_cairo_renderer_new ();
  ck_assert (gsk_renderer_realize (renderer, NULL, NULL));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gsk_renderer_unrealize (renderer);
  g_object_unref (renderer);
  path = g_build_filename (out_dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

START_TEST (test_import_dialog_preview_import_cancel)
{
  g_autoptr(PathwaysStore) import_store = test_open_store (dir, "import.db");
  g_autoptr(PathwaysContext) import_context = test_gui_context (import_store);
  g_autofree char *h = g_build_filename (dir, "header.csv", NULL);
  g_autofree char *e = g_build_filename (dir, "episodes.csv", NULL);
  const char *paths[] = { h, e, NULL };
  PathwaysImportDialog *dialog;
  g_autofree char *summary = NULL;
  guint n_problems = 0;
  gint64 people = pathways_store_count (import_store, PATHWAYS_TYPE_YOUNG_PERSON, NULL);

  ck_assert (g_file_set_contents (h, "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA,M,01/05/2007,WBRI,,,\n"
                                     "B,F,01/09/2008,BAFR,,,\n", -1, NULL));
  ck_assert (g_file_set_contents (e, "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,"
                                     "HOME_POST,PL_POST,URN\nA,01/09/2024,S,C2,N1,K2,PR4,,,,,,\n"
                                     "B,01/06/2025,S,C2,N1,H5,PR4,,,,,,\n", -1, NULL));

  /* Cancel while reading: back to choosing, nothing read or written */
  dialog = pathways_import_dialog_new (import_context);
  gtk_window_present (GTK_WINDOW (dialog));
  pathways_import_dialog_open_files (dialog, paths);
  g_object_set_data (G_OBJECT (dialog), "want", (gpointer) "reading");
  ck_assert (import_state_is (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL);
  g_object_set_data (G_OBJECT (dialog), "want", (gpointer) "choose");
  ck_assert (import_state_is (dialog));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  ck_assert (import_state_is (dialog));

  /* The preview: every problem, and nothing may be imported yet */
  pathways_import_dialog_open_files (dialog, paths);
  g_object_set_data (G_OBJECT (dialog), "want", (gpointer) "preview");
  ck_assert (test_wait_for (import_state_is, dialog));
  g_object_get (dialog, "n-problems", &n_problems, "summary", &summary, NULL);
  ck_assert_uint_ge (n_problems, 1);
  ck_assert_ptr_nonnull (strstr (summary, "Nothing would be imported"));
  ck_assert (!gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL) ||
             pathways_store_count (import_store, PATHWAYS_TYPE_IMPORT_LOG, NULL) == 0);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 720, 600);
  save_window_png (GTK_WIDGET (dialog), "import-preview.png");
  ck_assert_int_eq (pathways_store_count (import_store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), people);

  /* Skip the bad row, then Import */
  g_object_set (dialog, "skip-bad-rows", TRUE, NULL);
  g_clear_pointer (&summary, g_free);
  g_object_get (dialog, "summary", &summary, NULL);
  ck_assert_ptr_null (strstr (summary, "Nothing would be imported"));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL));
  ck_assert (test_wait_for (imported_people, import_store));
  ck_assert_int_eq (pathways_store_count (import_store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), people + 2);
  ck_assert_int_eq (pathways_store_count (import_store, PATHWAYS_TYPE_EPISODE, NULL), 1);
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}
END_TEST

static Suite *
manager_suite (void)
{
  Suite *s = suite_create ("gui-manager");
  TCase *tc = tcase_create ("sufficiency");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_dashboard_shows_the_figures);
  tcase_add_test (tc, test_export_writes_the_report);
  tcase_add_test (tc, test_dashboard_follows_a_scheduled_move);
  tcase_add_test (tc, test_window_page_on_demo_authority);
  tcase_add_test (tc, test_import_dialog_preview_import_cancel);
  suite_add_tcase (s, tc);
  return s;
}


int
main (void)
{
  test_gui_require_display ();
  return test_run_suite (manager_suite ());
}
