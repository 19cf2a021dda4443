/* test-gui-stock.c — the housing liaison workspace, in-process, under Xvfb
 *
 * Builds the real stock view on a demo authority and drives it through
 * its API and actions, iterating the main loop a bounded number of
 * times.  The expected answers come from the core, asked directly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "pathways-destination-list-private.h"
#include "pathways-move-dialog-private.h"
#include "pathways-occupancy-strip.h"
#include "pathways-stock-view-private.h"
#include "pathways-unit-editor-private.h"
#include "pathways-unit-page-private.h"
#include "test-gui-util.h"

static char *dir;

typedef struct {
  PathwaysStore     *store;
  PathwaysContext   *context;
  GtkWindow         *window;
  PathwaysStockView *view;
} Fixture;

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

static void
spin (guint turns)
{
  for (guint i = 0; i < turns; i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
view_idle (gpointer data)
{
  return !pathways_stock_view_is_busy (data);
}

static gboolean
page_idle (gpointer data)
{
  return !pathways_unit_page_is_loading (data) && pathways_unit_page_get_candidates (data) != NULL;
}

static void
fixture_start (Fixture    *f,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  f->store = test_open_store (dir, name);
  ck_assert (pathways_generate (f->store, PATHWAYS_GENERATE_DEMO, 2026, TEST_TODAY, NULL, &error));
  ck_assert_no_error (error);

  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  overlay = adw_toast_overlay_new ();
  f->context = test_gui_context (f->store);
  pathways_context_add_toast_overlay (f->context, ADW_TOAST_OVERLAY (overlay));
  /* The view loads itself from the context's store */
  f->view = PATHWAYS_STOCK_VIEW (pathways_stock_view_new (f->context));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->view));
  adw_window_set_content (ADW_WINDOW (f->window), overlay);
  gtk_window_present (f->window);

  ck_assert (test_wait_for (view_idle, f->view));
}

static void
fixture_end (Fixture *f)
{
  gtk_window_destroy (f->window);
  spin (50);
  g_clear_object (&f->context);
  g_clear_object (&f->store);
}

/* The visible rows, each checked by @ok */
static void
assert_visible_rows (PathwaysStockView *view,
                     gboolean         (*ok) (PathwaysRecord *, gpointer),
                     gpointer           data)
{
  GListModel *rows = pathways_stock_view_get_visible (view);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PathwaysRecord) r = g_list_model_get_item (rows, i);
      ck_assert_msg (ok (r, data), "%s should not be shown", pathways_record_get_string (r, "name"));
    }
}

static gboolean
is_kind (PathwaysRecord *r,
         gpointer        kind)
{
  return g_strcmp0 (pathways_record_get_string (r, "kind"), kind) == 0;
}

static gboolean
takes_16_17 (PathwaysRecord *r,
             gpointer        data)
{
  return pathways_record_get_int (r, "min-age") <= 17;
}

static gboolean
takes_18 (PathwaysRecord *r,
          gpointer        data)
{
  gint64 max = pathways_record_get_int (r, "max-age");
  return max == 0 || max >= 18;
}

static gboolean
inside (PathwaysRecord *r,
        gpointer        data)
{
  return pathways_record_get_bool (r, "in-authority");
}

static gboolean
is_free_on (PathwaysRecord *r,
            gpointer        set)
{
  gint64 id = pathways_record_get_id (r);
  return g_hash_table_contains (set, &id);
}

static guint
count_rows (GListModel *rows,
            gboolean  (*ok) (PathwaysRecord *, gpointer),
            gpointer    data)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PathwaysRecord) r = g_list_model_get_item (rows, i);
      n += ok (r, data);
    }
  return n;
}

START_TEST (test_register_and_counts)
{
  Fixture f = { 0 };
  g_autoptr(GListModel) stock = NULL;
  g_autoptr(PathwaysRecord) all = NULL;
  GListModel *counts;
  gint64 available = 0;

  fixture_start (&f, "register.db");
  stock = pathways_store_load_stock (f.store, TEST_TODAY, NULL);

  /* Every unit of the demo authority is in the column view */
  ck_assert_str_eq (pathways_stock_view_get_visible_page (f.view), "list");
  ck_assert_uint_eq (pathways_stock_view_get_n_units (f.view), g_list_model_get_n_items (stock));
  ck_assert_uint_eq (pathways_stock_view_get_n_visible (f.view), g_list_model_get_n_items (stock));
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
                       pathways_stock_view_get_column_view (f.view)))), g_list_model_get_n_items (stock));

  /* Counts at a glance: "All kinds" first, adding up the kinds */
  counts = pathways_stock_view_get_counts (f.view);
  ck_assert_uint_gt (g_list_model_get_n_items (counts), 2);
  all = g_list_model_get_item (counts, 0);
  ck_assert_ptr_null (pathways_record_get_string (all, "kind"));
  for (guint i = 1; i < g_list_model_get_n_items (counts); i++)
    {
      g_autoptr(PathwaysRecord) c = g_list_model_get_item (counts, i);
      available += pathways_record_get_int (c, "available");
    }
  ck_assert_int_eq (pathways_record_get_int (all, "available"), available);
  ck_assert_int_gt (available, 0);

  fixture_end (&f);
}
END_TEST

START_TEST (test_filters_narrow_the_list)
{
  Fixture f = { 0 };
  g_autoptr(GListModel) stock = NULL;
  g_autoptr(GHashTable) free_next_month = NULL;
  g_autofree char *next_month = pathways_date_add_months (TEST_TODAY, 1);
  guint n_all, n_kind, n_both, n_expected;

  fixture_start (&f, "filters.db");
  stock = pathways_store_load_stock (f.store, TEST_TODAY, NULL);
  n_all = pathways_stock_view_get_n_visible (f.view);

  /* Kind: exactly the council tenancies */
  pathways_stock_view_set_kind (f.view, "council");
  n_kind = pathways_stock_view_get_n_visible (f.view);
  ck_assert_uint_eq (n_kind, count_rows (stock, is_kind, "council"));
  ck_assert_uint_lt (n_kind, n_all);
  ck_assert_uint_gt (n_kind, 0);
  assert_visible_rows (f.view, is_kind, "council");
  pathways_stock_view_set_kind (f.view, NULL);
  ck_assert_uint_eq (pathways_stock_view_get_n_visible (f.view), n_all);

  /* "What do we have free for an 18-year-old in the borough next month?" */
  pathways_stock_view_set_ages (f.view, PATHWAYS_AGES_18_PLUS);
  assert_visible_rows (f.view, takes_18, NULL);
  pathways_stock_view_set_authority (f.view, PATHWAYS_AUTHORITY_INSIDE);
  n_both = pathways_stock_view_get_n_visible (f.view);
  assert_visible_rows (f.view, inside, NULL);
  ck_assert_uint_lt (n_both, n_all);

  pathways_stock_view_set_available_on (f.view, next_month);
  ck_assert (test_wait_for (view_idle, f.view));
  free_next_month = pathways_stock_free_on (f.store, next_month, NULL);
  assert_visible_rows (f.view, is_free_on, free_next_month);
  ck_assert_uint_lt (pathways_stock_view_get_n_visible (f.view), n_both);
  ck_assert_uint_gt (pathways_stock_view_get_n_visible (f.view), 0);

  /* 16–17: supported accommodation, not tenancies */
  pathways_stock_view_clear_filters (f.view);
  ck_assert (test_wait_for (view_idle, f.view));
  ck_assert_uint_eq (pathways_stock_view_get_n_visible (f.view), n_all);
  pathways_stock_view_set_ages (f.view, PATHWAYS_AGES_16_17);
  assert_visible_rows (f.view, takes_16_17, NULL);
  n_expected = count_rows (stock, takes_16_17, NULL);
  ck_assert_uint_eq (pathways_stock_view_get_n_visible (f.view), n_expected);
  ck_assert_uint_lt (n_expected, n_all);

  /* A cost ceiling and Ofsted registration narrow it further */
  pathways_stock_view_set_registered (f.view, TRUE);
  {
    GListModel *rows = pathways_stock_view_get_visible (f.view);
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(PathwaysRecord) r = g_list_model_get_item (rows, i);
        ck_assert_str_eq (pathways_record_get_string (r, "registration"), "registered");
      }
  }
  pathways_stock_view_clear_filters (f.view);
  pathways_stock_view_set_max_cost (f.view, 25000);
  ck_assert_uint_lt (pathways_stock_view_get_n_visible (f.view), n_all);
  {
    GListModel *rows = pathways_stock_view_get_visible (f.view);
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(PathwaysRecord) r = g_list_model_get_item (rows, i);
        ck_assert_int_le (pathways_record_get_int (r, "weekly-cost"), 25000);
      }
  }

  /* Search on top of a filter; nothing left: the "No Units Match" page */
  pathways_stock_view_set_search_text (f.view, "zzzz-nowhere");
  ck_assert_uint_eq (pathways_stock_view_get_n_visible (f.view), 0);
  ck_assert_str_eq (pathways_stock_view_get_visible_page (f.view), "no-results");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (f.view), "stock.clear-filters", NULL));
  ck_assert_uint_eq (pathways_stock_view_get_n_visible (f.view), n_all);
  ck_assert_str_eq (pathways_stock_view_get_visible_page (f.view), "list");

  fixture_end (&f);
}
END_TEST

static gboolean
dialog_ready (gpointer data)
{
  return !pathways_move_dialog_is_busy (data) && pathways_move_dialog_get_destinations (data) != NULL &&
         pathways_move_dialog_get_check (data) != NULL;
}

static guint
count_planned_segments (PathwaysOccupancyStrip *strip,
                        const char             *who)
{
  guint n = 0;

  for (guint i = 0; i < pathways_occupancy_strip_get_n_segments (strip); i++)
    {
      const PathwaysOccupancySegment *s = pathways_occupancy_strip_get_segment (strip, i);
      n += s->kind == PATHWAYS_OCCUPANCY_PLANNED && g_strcmp0 (s->label, who) == 0;
    }
  return n;
}

typedef struct {
  PathwaysUnitPage *page;
  guint             want;
  const char       *who;
} StripWait;

static gboolean
strip_shows (gpointer data)
{
  StripWait *w = data;

  return !pathways_unit_page_is_loading (w->page) &&
         count_planned_segments (pathways_unit_page_get_strip (w->page), w->who) == w->want;
}

START_TEST (test_reserve_from_who_could_live_here)
{
  Fixture f = { 0 };
  g_autoptr(GListModel) stock = NULL;
  g_autoptr(GListModel) moves = NULL;
  g_autoptr(PathwaysRecord) move = NULL;
  g_autoptr(PathwaysRecord) spell = NULL;
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  PathwaysUnitPage *page;
  GListModel *candidates;
  GtkWindow *dialog;
  PathwaysEligibility *check;
  gint64 unit_id = 0, person_id = 0;
  guint n_segments, n_moves;
  StripWait w;

  fixture_start (&f, "reserve.db");

  /* A unit free now and nobody booked in */
  stock = pathways_store_load_stock (f.store, TEST_TODAY, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (stock) && unit_id == 0; i++)
    {
      g_autoptr(PathwaysRecord) r = g_list_model_get_item (stock, i);
      if (g_strcmp0 (pathways_record_get_string (r, "available-from"), TEST_TODAY) == 0 &&
          pathways_record_get_string (r, "reserved-for") == NULL &&
          pathways_record_get_string (r, "retired-on") == NULL &&
          g_strcmp0 (pathways_record_get_string (r, "kind"), "emergency") != 0 &&
          g_strcmp0 (pathways_record_get_string (r, "kind"), "bed_and_breakfast") != 0)
        unit_id = pathways_record_get_id (r);
    }
  ck_assert_int_gt (unit_id, 0);

  /* Its page: free now, ranked for today, best candidates first */
  pathways_stock_view_open_unit (f.view, unit_id);
  ck_assert_str_eq (pathways_stock_view_get_visible_page (f.view), "unit");
  page = pathways_stock_view_get_unit_page (f.view);
  ck_assert (test_wait_for (page_idle, page));
  ck_assert_str_eq (pathways_unit_page_get_free_from (page), TEST_TODAY);
  date = pathways_date_add_days (TEST_TODAY, 14);
  pathways_unit_page_set_date (page, date);
  ck_assert (test_wait_for (page_idle, page));
  candidates = pathways_unit_page_get_candidates (page);
  ck_assert_uint_gt (g_list_model_get_n_items (candidates), 0);
  {
    gint64 last_verdict = -1;
    for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
      {
        g_autoptr(PathwaysRecord) c = g_list_model_get_item (candidates, i);
        gint64 v = pathways_record_get_int (c, "verdict");

        /* Not eligible last */
        ck_assert_int_ge (v, last_verdict);
        last_verdict = v;
        if (person_id == 0 && v == PATHWAYS_VERDICT_ELIGIBLE)
          {
            person_id = pathways_record_get_int (c, "young-person-id");
            name = g_strdup (pathways_record_get_string (c, "name"));
            /* The ranking explains itself */
            ck_assert_ptr_nonnull (pathways_record_get_string (c, "reasons"));
          }
      }
  }
  ck_assert_int_gt (person_id, 0);

  n_segments = pathways_occupancy_strip_get_n_segments (pathways_unit_page_get_strip (page));
  ck_assert_uint_eq (count_planned_segments (pathways_unit_page_get_strip (page), name), 0);
  moves = pathways_store_list_for_person (f.store, PATHWAYS_TYPE_TRANSITION, person_id, NULL);
  n_moves = g_list_model_get_n_items (moves);
  g_clear_object (&moves);

  /* "Offer / reserve" opens the advisers' scheduling dialog, filled in */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "unit.offer", "x", person_id));
  dialog = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GtkWindow) t = g_list_model_get_item (toplevels, i);
        if (PATHWAYS_IS_MOVE_DIALOG (t))
          dialog = t;
      }
  }
  ck_assert_ptr_nonnull (dialog);
  ck_assert (gtk_window_get_transient_for (dialog) == f.window);
  ck_assert (test_wait_for (dialog_ready, dialog));
  check = pathways_move_dialog_get_check (PATHWAYS_MOVE_DIALOG (dialog));
  ck_assert_int_ne (check->verdict, PATHWAYS_VERDICT_NOT_ELIGIBLE);
  if (check->verdict == PATHWAYS_VERDICT_WARNINGS)
    pathways_move_dialog_set_reason (PATHWAYS_MOVE_DIALOG (dialog), "Agreed with the young person");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "move.schedule", NULL));

  /* The unit's occupancy strip shows the reservation */
  w.page = page;
  w.want = 1;
  w.who = name;
  ck_assert (test_wait_for (strip_shows, &w));
  ck_assert_uint_eq (pathways_occupancy_strip_get_n_segments (pathways_unit_page_get_strip (page)), n_segments + 1);
  {
    PathwaysOccupancyStrip *strip = pathways_unit_page_get_strip (page);
    for (guint i = 0; i < pathways_occupancy_strip_get_n_segments (strip); i++)
      {
        const PathwaysOccupancySegment *s = pathways_occupancy_strip_get_segment (strip, i);
        if (s->kind == PATHWAYS_OCCUPANCY_PLANNED && g_strcmp0 (s->label, name) == 0)
          ck_assert_str_eq (s->start, date);
      }
  }

  /* The transition and the planned spell (the reservation) are in the store */
  moves = pathways_store_list_for_person (f.store, PATHWAYS_TYPE_TRANSITION, person_id, NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (moves), n_moves + 1);
  for (guint i = 0; i < g_list_model_get_n_items (moves) && move == NULL; i++)
    {
      g_autoptr(PathwaysRecord) m = g_list_model_get_item (moves, i);
      if (pathways_record_get_int (m, "to-unit-id") == unit_id)
        move = g_steal_pointer (&m);
    }
  ck_assert_ptr_nonnull (move);
  ck_assert_str_eq (pathways_record_get_string (move, "planned-date"), date);
  spell = pathways_store_get (f.store, PATHWAYS_TYPE_SPELL, pathways_record_get_int (move, "to-spell-id"), NULL);
  ck_assert_ptr_nonnull (spell);
  ck_assert_str_eq (pathways_record_get_string (spell, "state"), "planned");
  ck_assert_int_eq (pathways_record_get_int (spell, "unit-id"), unit_id);

  /* The register says who it is reserved for */
  ck_assert (test_wait_for (view_idle, f.view));
  pathways_stock_view_set_search_text (f.view, name);
  {
    GListModel *rows = pathways_stock_view_get_visible (f.view);
    gboolean seen = FALSE;
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(PathwaysRecord) r = g_list_model_get_item (rows, i);
        if (pathways_record_get_id (r) == unit_id)
          {
            seen = TRUE;
            ck_assert_str_eq (pathways_record_get_string (r, "reserved-for"), name);
          }
      }
    ck_assert (seen);
  }

  /* Back: the register, with the search still there */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "unit.back", NULL));
  ck_assert_str_eq (pathways_stock_view_get_visible_page (f.view), "list");
  ck_assert_uint_gt (pathways_stock_view_get_n_visible (f.view), 0);

  fixture_end (&f);
}
END_TEST

typedef struct {
  PathwaysUnitEditor *editor;
  gint64              saved_id;
} EditorWait;

static gboolean
editor_idle (gpointer data)
{
  EditorWait *w = data;

  return w->saved_id != 0 || !pathways_unit_editor_is_busy (w->editor);
}

static void
saved_cb (PathwaysUnitEditor *editor,
          PathwaysChangeSet  *changes,
          gint64              unit_id,
          EditorWait         *w)
{
  ck_assert_ptr_nonnull (changes);
  w->saved_id = unit_id;
}

START_TEST (test_add_unit_validates_fields)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "editor.db");
  g_autoptr(PathwaysContext) context = test_gui_context (store);
  g_autoptr(PathwaysUnit) saved = NULL;
  EditorWait w = { 0 };
  gint64 before = pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL);

  w.editor = pathways_unit_editor_new (context, NULL);
  g_object_ref_sink (w.editor);
  g_signal_connect (w.editor, "saved", G_CALLBACK (saved_cb), &w);
  gtk_window_present (GTK_WINDOW (w.editor));

  /* No name: shown under the name */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (w.editor), "editor.save", NULL));
  ck_assert (test_wait_for (editor_idle, &w));
  ck_assert_ptr_nonnull (pathways_unit_editor_get_field_error (w.editor, "name"));
  ck_assert_int_eq (w.saved_id, 0);

  /* A malformed Ofsted URN: under the URN */
  pathways_unit_editor_set_text (w.editor, "name", "Flat 2, Canal House");
  pathways_unit_editor_set_kind (w.editor, "supported");
  pathways_unit_editor_set_text (w.editor, "ofsted-urn", "12");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (w.editor), "editor.save", NULL));
  ck_assert (test_wait_for (editor_idle, &w));
  ck_assert_ptr_null (pathways_unit_editor_get_field_error (w.editor, "name"));
  ck_assert_ptr_nonnull (pathways_unit_editor_get_field_error (w.editor, "ofsted-urn"));
  ck_assert_int_eq (w.saved_id, 0);

  /* A cost that is not money, then a negative one: under the cost */
  pathways_unit_editor_set_text (w.editor, "ofsted-urn", "SC123456");
  pathways_unit_editor_set_text (w.editor, "weekly-cost", "lots");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (w.editor), "editor.save", NULL));
  ck_assert (test_wait_for (editor_idle, &w));
  ck_assert_ptr_nonnull (pathways_unit_editor_get_field_error (w.editor, "weekly-cost"));
  pathways_unit_editor_set_text (w.editor, "weekly-cost", "-5");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (w.editor), "editor.save", NULL));
  ck_assert (test_wait_for (editor_idle, &w));
  ck_assert_ptr_nonnull (pathways_unit_editor_get_field_error (w.editor, "weekly-cost"));
  /* Not read as a number at all, nor rounded: refused, saying why */
  pathways_unit_editor_set_text (w.editor, "weekly-cost", "1e300");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (w.editor), "editor.save", NULL));
  ck_assert (test_wait_for (editor_idle, &w));
  ck_assert_str_eq (pathways_unit_editor_get_field_error (w.editor, "weekly-cost"),
                    "“1e300” is not an amount of money: enter pounds and pence, for example 120.50");
  pathways_unit_editor_set_text (w.editor, "weekly-cost", "120.505");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (w.editor), "editor.save", NULL));
  ck_assert (test_wait_for (editor_idle, &w));
  ck_assert_str_eq (pathways_unit_editor_get_field_error (w.editor, "weekly-cost"),
                    "“120.505” has more than two decimal places: enter pounds and pence, for example 120.50");
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL), before);

  /* Ages the wrong way round: under the ages */
  pathways_unit_editor_set_text (w.editor, "weekly-cost", "£1,250.50");
  pathways_unit_editor_set_text (w.editor, "min-age", "21");
  pathways_unit_editor_set_text (w.editor, "max-age", "17");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (w.editor), "editor.save", NULL));
  ck_assert (test_wait_for (editor_idle, &w));
  ck_assert_ptr_nonnull (pathways_unit_editor_get_field_error (w.editor, "min-age"));
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL), before);

  /* All well: saved, once */
  pathways_unit_editor_set_text (w.editor, "min-age", "16");
  pathways_unit_editor_set_text (w.editor, "max-age", "21");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (w.editor), "editor.save", NULL));
  ck_assert (test_wait_for (editor_idle, &w));
  ck_assert_int_gt (w.saved_id, 0);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL), before + 1);
  saved = pathways_store_get (store, PATHWAYS_TYPE_UNIT, w.saved_id, NULL);
  ck_assert_str_eq (pathways_record_get_string (PATHWAYS_RECORD (saved), "ofsted-urn"), "SC123456");
  ck_assert_int_eq (pathways_record_get_int (PATHWAYS_RECORD (saved), "weekly-cost"), 125050);
  ck_assert_int_eq (pathways_record_get_int (PATHWAYS_RECORD (saved), "min-age"), 16);

  gtk_window_destroy (GTK_WINDOW (w.editor));
  g_object_unref (w.editor);
  spin (20);
}
END_TEST

/* The unit rows under @widget (an expander's rows counted, each expander
 * checked to hold more than one) */
static void
count_coming_rows (GtkWidget *widget,
                   gboolean   in_expander,
                   guint     *n_units,
                   guint     *n_expanders,
                   guint     *n_plain)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    {
      guint before = *n_units;

      (*n_expanders)++;
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
        count_coming_rows (c, TRUE, n_units, n_expanders, n_plain);
      ck_assert_msg (*n_units - before > 1, "an expander around %u unit", *n_units - before);
      return;
    }
  if (ADW_IS_ACTION_ROW (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL &&
      g_str_equal (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "stock.open-unit"))
    {
      (*n_units)++;
      if (!in_expander)
        (*n_plain)++;
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    count_coming_rows (c, in_expander, n_units, n_expanders, n_plain);
}

START_TEST (test_coming_free_and_status)
{
  Fixture f = { 0 };
  g_autoptr(GListModel) expected = NULL;
  g_autoptr(PathwaysUnit) unit = NULL;
  GListModel *coming;
  PathwaysUnitPage *page;
  gint64 void_id = 0;

  fixture_start (&f, "coming.db");

  /* Coming free in 12 months: the core's list, shown grouped */
  pathways_stock_view_show_coming_free (f.view, 12);
  ck_assert (test_wait_for (view_idle, f.view));
  ck_assert_str_eq (pathways_stock_view_get_visible_page (f.view), "coming-free");
  expected = pathways_stock_coming_free (f.store, TEST_TODAY, 12, NULL);
  coming = pathways_stock_view_get_coming_free (f.view);
  ck_assert_ptr_nonnull (coming);
  ck_assert_uint_eq (g_list_model_get_n_items (coming), g_list_model_get_n_items (expected));
  ck_assert_uint_gt (g_list_model_get_n_items (coming), 0);
  /* A row per unit; an area folds its units into an expander only when
   * it has more than one (no expander around a single unit) */
  {
    GtkWidget *box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f.view), PATHWAYS_TYPE_STOCK_VIEW, "coming_box"));
    guint n_units = 0, n_expanders = 0, n_plain = 0;

    count_coming_rows (box, FALSE, &n_units, &n_expanders, &n_plain);
    ck_assert_uint_eq (n_units, g_list_model_get_n_items (coming));
    ck_assert_uint_gt (n_plain, 0);      /* the demo has lone units in an area… */
    ck_assert_uint_gt (n_expanders, 0);  /* …and areas of several */
    test_gui_screenshot (GTK_WIDGET (f.view), "coming-free.png");
  }

  /* One month: fewer or as many */
  pathways_stock_view_show_coming_free (f.view, 1);
  ck_assert (test_wait_for (view_idle, f.view));
  ck_assert_uint_le (g_list_model_get_n_items (pathways_stock_view_get_coming_free (f.view)),
                     g_list_model_get_n_items (expected));

  /* A void unit put back in use from its page, then undone */
  {
    g_autoptr(GListModel) stock = pathways_store_load_stock (f.store, TEST_TODAY, NULL);
    for (guint i = 0; i < g_list_model_get_n_items (stock) && void_id == 0; i++)
      {
        g_autoptr(PathwaysRecord) r = g_list_model_get_item (stock, i);
        if (g_strcmp0 (pathways_record_get_string (r, "status"), "void") == 0)
          void_id = pathways_record_get_id (r);
      }
  }
  ck_assert_int_gt (void_id, 0);
  pathways_stock_view_open_unit (f.view, void_id);
  page = pathways_stock_view_get_unit_page (f.view);
  ck_assert (test_wait_for (page_idle, page));
  ck_assert_uint_ge (pathways_occupancy_strip_get_n_segments (pathways_unit_page_get_strip (page)), 1);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "unit.back-in-use", NULL));
  for (guint i = 0; i < 4000; i++)
    {
      g_clear_object (&unit);
      unit = pathways_store_get (f.store, PATHWAYS_TYPE_UNIT, void_id, NULL);
      if (g_strcmp0 (pathways_record_get_string (PATHWAYS_RECORD (unit), "status"), "available") == 0)
        break;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (5000);
    }
  ck_assert_str_eq (pathways_record_get_string (PATHWAYS_RECORD (unit), "status"), "available");

  fixture_end (&f);
}
END_TEST

static gboolean
destinations_ready (gpointer data)
{
  return !pathways_destination_list_is_loading (data) && pathways_destination_list_get_destinations (data) != NULL;
}

START_TEST (test_where_could_they_go)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "where.db");
  g_autoptr(GListModel) people = NULL;
  g_autoptr(PathwaysRecord) person = NULL;
  g_autoptr(GListModel) expected = NULL;
  g_autofree char *need = NULL;
  GtkWindow *window;
  PathwaysDestinationList *list;
  GListModel *shown;
  g_autofree char *later = pathways_date_add_months (TEST_TODAY, 2);

  ck_assert (pathways_generate (store, PATHWAYS_GENERATE_DEMO, 2026, TEST_TODAY, NULL, NULL));
  people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL);
  person = g_list_model_get_item (people, 3);
  expected = pathways_stock_rank_units (store, pathways_record_get_id (person), NULL, &need, NULL);

  window = GTK_WINDOW (adw_window_new ());
  list = PATHWAYS_DESTINATION_LIST (pathways_destination_list_new ());
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (list));
  gtk_window_present (window);

  /* On the day they need to move, ranked as the core ranks them */
  pathways_destination_list_set_person (list, store, pathways_record_get_id (person));
  ck_assert (test_wait_for (destinations_ready, list));
  ck_assert_str_eq (pathways_destination_list_get_date (list), need);
  shown = pathways_destination_list_get_destinations (list);
  ck_assert_uint_eq (g_list_model_get_n_items (shown), g_list_model_get_n_items (expected));
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PathwaysRecord) a = g_list_model_get_item (shown, i);
      g_autoptr(PathwaysRecord) b = g_list_model_get_item (expected, i);
      ck_assert_int_eq (pathways_record_get_int (a, "unit-id"), pathways_record_get_int (b, "unit-id"));
    }

  /* Another date: ranked for that day */
  pathways_destination_list_set_date (list, later);
  ck_assert (test_wait_for (destinations_ready, list));
  ck_assert_str_eq (pathways_destination_list_get_date (list), later);

  gtk_window_destroy (window);
  spin (20);
}
END_TEST

/* The register sorted by name reads as a housing officer counts: "2 Elm
 * Road" before "10 Elm Road" (the demo has 1A, 6A, 26 … 110 …) */
START_TEST (test_register_sorts_house_numbers_as_numbers)
{
  Fixture f = { 0 };
  GListModel *rows;
  long previous = -1;
  guint numbered = 0, wider = 0;

  fixture_start (&f, "natural.db");
  rows = pathways_stock_view_get_visible (f.view);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PathwaysRecord) r = g_list_model_get_item (rows, i);
      const char *name = pathways_record_get_string (r, "name");
      char *end = NULL;
      long number;

      if (name == NULL || !g_ascii_isdigit (name[0]))
        continue;
      number = strtol (name, &end, 10);
      ck_assert_msg (number >= previous, "%s is sorted after a house numbered %ld", name, previous);
      if (previous >= 0 && previous < 10 && number >= 10)
        wider++;
      previous = number;
      numbered++;
    }
  ck_assert_uint_gt (numbered, 10);
  ck_assert_uint_gt (wider, 0);  /* a one-digit number came before a longer one */
  fixture_end (&f);
}
END_TEST


/* The Schedule Move dialog ----------------------------------------------- */

static gboolean
move_dialog_loaded (gpointer data)
{
  return !pathways_move_dialog_is_busy (data) && pathways_move_dialog_get_destinations (data) != NULL;
}

static gboolean
move_dialog_checked (gpointer data)
{
  return !pathways_move_dialog_is_busy (data) && pathways_move_dialog_get_check (data) != NULL;
}

static void
on_scheduled (PathwaysMoveDialog *dialog,
              PathwaysChangeSet  *changes,
              gint64              transition_id,
              gpointer            user_data)
{
  *(gint64 *) user_data = transition_id;
}

static gboolean
nonzero (gpointer data)
{
  return *(gint64 *) data != 0;
}

/* Two units that look alike (same name, kind, area and cost) are told
 * apart by address and provider; the list of units grows with the
 * dialog; an address outside the register gets its ACCOM code, weekly
 * cost and suitability, and they are stored with the move */
START_TEST (test_move_dialog_alike_units_and_outside_address)
{
  Fixture f = { 0 };
  g_autoptr(GListModel) people = NULL;
  g_autoptr(PathwaysYoungPerson) person = NULL;
  g_autoptr(PathwaysRecord) move = NULL;
  g_autoptr(PathwaysRecord) spell = NULL;
  g_autofree char *facts_a = NULL, *facts_b = NULL;
  PathwaysMoveDialog *dialog;
  GListModel *destinations;
  GtkWidget *list;
  PathwaysEligibility *check;
  gint64 person_id, transition_id = 0;
  int short_height, tall_height;
  const char *addresses[] = { "1 Twin Street, Eastfield", "2 Twin Street, Eastfield" };
  const char *providers[] = { "Alpha Homes", "Beta Housing" };

  fixture_start (&f, "move-dialog.db");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PathwaysUnit) u = g_object_new (PATHWAYS_TYPE_UNIT, "name", "Twin Flat", "kind", "private_rented",
                                                "area", "Eastfield", "status", "available", "address", addresses[i],
                                                "postcode", "NB2 9ZZ", "provider", providers[i],
                                                "bedrooms", (gint64) (i + 1), "min-age", (gint64) 18,
                                                "weekly-cost", (gint64) 15000, NULL);
      test_add (f.store, PATHWAYS_RECORD (u));
    }
  people = pathways_store_list (f.store, PATHWAYS_TYPE_YOUNG_PERSON, NULL);
  ck_assert_uint_gt (g_list_model_get_n_items (people), 0);
  person = g_list_model_get_item (people, 0);
  person_id = pathways_record_get_id (PATHWAYS_RECORD (person));

  dialog = pathways_move_dialog_new (f.context, person_id, "Test Person");
  gtk_window_set_transient_for (GTK_WINDOW (dialog), f.window);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 560);
  g_signal_connect (dialog, "scheduled", G_CALLBACK (on_scheduled), &transition_id);
  gtk_window_present (GTK_WINDOW (dialog));
  ck_assert (test_wait_for (move_dialog_loaded, dialog));

  /* The alike pair, found by the search, each with what tells it apart */
  pathways_move_dialog_search (dialog, "twin flat");
  ck_assert_ptr_nonnull (strstr (pathways_move_dialog_get_dest_status (dialog), "of the 2 units matching the search"));
  destinations = pathways_move_dialog_get_destinations (dialog);
  for (guint i = 0; i < g_list_model_get_n_items (destinations); i++)
    {
      g_autoptr(PathwaysRecord) d = g_list_model_get_item (destinations, i);
      const char *address = pathways_record_get_string (d, "address");

      if (g_strcmp0 (address, addresses[0]) == 0)
        facts_a = pathways_move_dialog_destination_facts (d);
      else if (g_strcmp0 (address, addresses[1]) == 0)
        facts_b = pathways_move_dialog_destination_facts (d);
    }
  ck_assert_ptr_nonnull (facts_a);
  ck_assert_ptr_nonnull (facts_b);
  ck_assert_str_ne (facts_a, facts_b);
  ck_assert_ptr_nonnull (strstr (facts_a, "1 Twin Street, Eastfield, NB2 9ZZ"));
  ck_assert_ptr_nonnull (strstr (facts_a, "Alpha Homes"));
  ck_assert_ptr_nonnull (strstr (facts_a, "1 bedroom"));
  ck_assert_ptr_nonnull (strstr (facts_b, "Beta Housing"));
  ck_assert_ptr_nonnull (strstr (facts_b, "2 bedrooms"));
  /* The provider is searched too */
  pathways_move_dialog_search (dialog, "beta housing");
  ck_assert_ptr_nonnull (strstr (pathways_move_dialog_get_dest_status (dialog), "of the 1 unit matching the search"));
  pathways_move_dialog_search (dialog, "");

  /* A taller dialog, a taller list */
  list = test_gui_find_type (GTK_WIDGET (dialog), GTK_TYPE_LIST_VIEW);
  ck_assert_ptr_nonnull (list);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  spin (20);
  short_height = gtk_widget_get_height (gtk_widget_get_parent (list));
  /* (a window shown keeps its size: shown again, taller) */
  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 860);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  spin (20);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  tall_height = gtk_widget_get_height (gtk_widget_get_parent (list));
  test_gui_screenshot (GTK_WIDGET (dialog), "move-dialog.png");
  {
    /* Room for more than four rows when the dialog is tall (it opens so) */
    int row_height = 0;

    for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
      row_height = MAX (row_height, gtk_widget_get_height (c));

    ck_assert_int_ge (short_height, 300);
    /* (Xvfb's screen is 800 pixels high: the dialog stops at 790) */
    ck_assert_int_ge (tall_height, gtk_widget_get_height (GTK_WIDGET (dialog)) - 480);
    ck_assert_int_gt (row_height, 0);
    ck_assert_int_gt (tall_height / row_height, 4);
  }

  /* Outside the register: "stay with current carers", Staying Put */
  pathways_move_dialog_set_address (dialog, "With current carers, 9 Elm Road, Eastfield");
  ck_assert (pathways_move_dialog_set_accom (dialog, "Z"));
  ck_assert (!pathways_move_dialog_set_accom (dialog, "0"));  /* not in touch is no place to move to */
  ck_assert (pathways_move_dialog_get_suitable (dialog));
  pathways_move_dialog_set_weekly_cost (dialog, "a lot");
  ck_assert_ptr_nonnull (pathways_move_dialog_get_cost_error (dialog));
  ck_assert (test_wait_for (move_dialog_checked, dialog));
  /* Refused while the cost is not an amount: nothing scheduled */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "move.schedule", NULL);
  ck_assert (test_wait_for (move_dialog_checked, dialog));
  ck_assert_int_eq (transition_id, 0);
  pathways_move_dialog_set_weekly_cost (dialog, "265.50");
  ck_assert_ptr_null (pathways_move_dialog_get_cost_error (dialog));
  test_gui_screenshot (GTK_WIDGET (dialog), "move-dialog-address.png");
  /* Homeless can only be "not suitable": the switch follows the table */
  ck_assert (pathways_move_dialog_set_accom (dialog, "S"));
  ck_assert (!pathways_move_dialog_get_suitable (dialog));
  ck_assert (pathways_move_dialog_set_accom (dialog, "Z"));
  ck_assert (test_wait_for (move_dialog_checked, dialog));
  check = pathways_move_dialog_get_check (dialog);
  ck_assert_int_ne (check->verdict, PATHWAYS_VERDICT_NOT_ELIGIBLE);
  pathways_move_dialog_set_reason (dialog, "Agreed at the pathway plan review");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "move.schedule", NULL));
  ck_assert (test_wait_for (nonzero, &transition_id));

  move = pathways_store_get (f.store, PATHWAYS_TYPE_TRANSITION, transition_id, NULL);
  ck_assert_ptr_nonnull (move);
  ck_assert_str_eq (pathways_record_get_string (move, "to-address"), "With current carers, 9 Elm Road, Eastfield");
  spell = pathways_store_get (f.store, PATHWAYS_TYPE_SPELL, pathways_record_get_int (move, "to-spell-id"), NULL);
  ck_assert_ptr_nonnull (spell);
  ck_assert_str_eq (pathways_record_get_string (spell, "accom"), "Z");
  ck_assert (pathways_record_get_bool (spell, "accom-suitable"));
  ck_assert_int_eq (pathways_record_get_int (spell, "weekly-cost"), 26550);
  ck_assert_str_eq (pathways_record_get_string (spell, "address"), "With current carers, 9 Elm Road, Eastfield");

  fixture_end (&f);
}
END_TEST

static Suite *
stock_suite (void)
{
  Suite *s = suite_create ("gui-stock");
  TCase *tc = tcase_create ("stock");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_register_and_counts);
  tcase_add_test (tc, test_register_sorts_house_numbers_as_numbers);
  tcase_add_test (tc, test_filters_narrow_the_list);
  tcase_add_test (tc, test_reserve_from_who_could_live_here);
  tcase_add_test (tc, test_add_unit_validates_fields);
  tcase_add_test (tc, test_coming_free_and_status);
  tcase_add_test (tc, test_where_could_they_go);
  tcase_add_test (tc, test_move_dialog_alike_units_and_outside_address);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  test_gui_require_display ();
  return test_run_suite (stock_suite ());
}
