/* test-gui-timeline.c — the Timeline page, in-process, under Xvfb
 *
 * The real page and widget on a generated authority: the rows drawn for
 * a filter, a click on a bar opening that young person (through the
 * window's "win.open-person" action), the keyboard (Down, Left and
 * Right, End, Enter) moving a real focus and opening the right person,
 * zoom by action and about the pointer, the order of the rows, the
 * Today label's place, and export to PNG and PDF.  What a screen reader
 * sees is checked over AT-SPI by test-a11y-timeline.py.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pathways-timeline-view-private.h"
#include "test-gui-util.h"

static char *dir;
static PathwaysStore *store;
static PathwaysContext *context;
static GtkWidget *window;
static PathwaysTimelineView *view;
static gint64 opened_id;
static guint n_opened;

static void
open_person_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  opened_id = g_variant_get_int64 (parameter);
  n_opened++;
}

static gboolean
timeline_shown (gpointer data)
{
  return g_strcmp0 (pathways_timeline_view_get_visible_page (data), "timeline") == 0;
}

static guint settle_serial;

static gboolean
grid_drew_again (gpointer data)
{
  PathwaysTimelineRenderStats stats;

  pathways_timeline_grid_get_last_frame_stats (data, &stats);
  return stats.serial != settle_serial;
}

/* Until the grid has drawn a frame after everything pending: the frame
 * stats then describe what is on screen now */
static void
settle (void)
{
  PathwaysTimelineGrid *grid = pathways_timeline_view_get_grid (view);
  PathwaysTimelineRenderStats stats;

  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  pathways_timeline_grid_get_last_frame_stats (grid, &stats);
  settle_serial = stats.serial;
  gtk_widget_queue_draw (GTK_WIDGET (grid));
  ck_assert (test_wait_for (grid_drew_again, grid));
}

/* How many rows fit in the frame last drawn (the window can still be
 * settling its height between draws) */
static guint
capacity_of (const PathwaysTimelineRenderStats *stats)
{
  ck_assert (stats->row_height > 0);
  return (guint) ceil ((stats->height - stats->header_height) / stats->row_height);
}

static void
setup (void)
{
  static const GActionEntry entries[] = {
    { "open-person", open_person_cb, "x", NULL, NULL, { 0 } },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  /* main() checked that there is a display */
  ck_assert_msg (gtk_init_check (), "the display went away");
  adw_init ();

  dir = test_make_dir ();
  store = test_open_store (dir, "timeline.db");
  ck_assert (pathways_generate (store, PATHWAYS_GENERATE_DEMO, 5, TEST_TODAY, NULL, NULL));

  /* A window with the action the main window has */
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), NULL);
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (group));
  /* The view loads itself from the context's store */
  context = test_gui_context (store);
  view = PATHWAYS_TIMELINE_VIEW (pathways_timeline_view_new (context));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));

  opened_id = 0;
  n_opened = 0;
  ck_assert (test_wait_for (timeline_shown, view));
  settle ();
}

static void
teardown (void)
{
  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  window = NULL;
  view = NULL;
  g_clear_object (&context);
  g_clear_object (&store);
  test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

START_TEST (test_rows_drawn_for_a_filter)
{
  PathwaysTimelineGrid *grid = pathways_timeline_view_get_grid (view);
  PathwaysTimeline *timeline = pathways_timeline_grid_get_timeline (grid);
  g_autoptr(GArray) pas = pathways_timeline_list_pas (timeline);
  g_autoptr(GArray) expected = NULL;
  PathwaysTimelineRenderStats stats;
  PathwaysPersonFilter filter;
  gint64 pa;
  guint n_expected = 0;

  /* Everyone, and only the rows in view are drawn */
  ck_assert_uint_eq (pathways_timeline_grid_get_n_people (grid), 60);
  pathways_timeline_grid_get_last_frame_stats (grid, &stats);
  ck_assert_uint_eq (stats.first_line, 0);
  ck_assert_uint_gt (stats.n_lines_drawn, 5);
  ck_assert_uint_le (stats.n_lines_drawn, capacity_of (&stats));
  ck_assert_uint_lt (stats.n_lines_drawn, 60);

  /* One PA's young people: exactly those the rules say, in order */
  ck_assert_uint_gt (pas->len, 1);
  pa = g_array_index (pas, PathwaysTimelineChoice, 1).id;
  pathways_person_filter_init (&filter);
  filter.pa_id = pa;
  expected = pathways_timeline_layout (timeline, &filter, PATHWAYS_TIMELINE_GROUP_NONE, &n_expected);
  ck_assert_uint_gt (n_expected, 0);
  ck_assert_uint_lt (n_expected, 60);

  pathways_timeline_view_select_filter (view, "pa", pathways_timeline_view_find_pa (view, pa));
  settle ();
  ck_assert_uint_eq (pathways_timeline_grid_get_n_people (grid), n_expected);
  pathways_timeline_grid_get_last_frame_stats (grid, &stats);
  ck_assert_uint_eq (stats.first_line, 0);
  ck_assert_uint_eq (stats.n_lines_drawn, MIN (n_expected, capacity_of (&stats)));
  for (guint i = 0; i < n_expected; i++)
    ck_assert_int_eq (pathways_timeline_grid_get_line_person (grid, i),
                      g_array_index (expected, PathwaysTimelineLine, i).row->id);
  ck_assert_int_eq (pathways_timeline_grid_get_line_person (grid, n_expected), 0);

  /* Grouped by PA: one header, then the same people */
  pathways_timeline_view_select_filter (view, "group", PATHWAYS_TIMELINE_GROUP_PA);
  settle ();
  ck_assert_int_eq (pathways_timeline_grid_get_line_person (grid, 0), 0);
  ck_assert_int_eq (pathways_timeline_grid_get_line_person (grid, 1),
                    g_array_index (expected, PathwaysTimelineLine, 0).row->id);

  /* A filter nobody passes: the "No One Matches" page; cleared: everyone */
  pathways_timeline_view_select_filter (view, "age", 1);
  pathways_timeline_view_select_filter (view, "stage", 6);
  pathways_timeline_view_select_filter (view, "alerts", 1);
  if (pathways_timeline_grid_get_n_people (grid) == 0)
    ck_assert_str_eq (pathways_timeline_view_get_visible_page (view), "no-results");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.clear-filters", NULL));
  ck_assert_uint_eq (pathways_timeline_grid_get_n_people (grid), 60);
  ck_assert_str_eq (pathways_timeline_view_get_visible_page (view), "timeline");
}
END_TEST

START_TEST (test_click_on_bar_opens_person)
{
  PathwaysTimelineGrid *grid = pathways_timeline_view_get_grid (view);
  PathwaysTimelineHit hit;
  gint64 id = pathways_timeline_grid_get_line_person (grid, 4);
  double x, y;

  ck_assert_int_ne (id, 0);
  ck_assert (pathways_timeline_grid_locate_person (grid, id, &x, &y));
  settle ();

  /* The point is on that young person's bar … */
  ck_assert (pathways_timeline_grid_hit_test (grid, x, y, &hit));
  ck_assert_int_eq (hit.kind, PATHWAYS_TIMELINE_HIT_SPAN);
  ck_assert_int_eq (pathways_timeline_grid_get_line_person (grid, hit.line), id);

  /* … and a click there opens them */
  ck_assert (pathways_timeline_grid_click (grid, x, y));
  ck_assert_uint_eq (n_opened, 1);
  ck_assert_int_eq (opened_id, id);

  /* A click on the time axis opens nobody */
  ck_assert (!pathways_timeline_grid_click (grid, 400, 5));
  ck_assert_uint_eq (n_opened, 1);

  /* The keyboard: the focused row, described, and Enter opens it */
  ck_assert (gtk_widget_grab_focus (GTK_WIDGET (grid)));
  {
    g_autofree char *text = pathways_timeline_grid_describe_focus (grid);
    const PathwaysTimelineRow *row = pathways_timeline_find_row (pathways_timeline_grid_get_timeline (grid), id);

    ck_assert_ptr_nonnull (text);
    ck_assert_ptr_nonnull (strstr (text, row->name));
  }
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (grid), "grid.activate", NULL));
  ck_assert_uint_eq (n_opened, 2);
  ck_assert_int_eq (opened_id, id);
}
END_TEST

START_TEST (test_zoom_actions)
{
  PathwaysTimelineGrid *grid = pathways_timeline_view_get_grid (view);

  ck_assert_str_eq (pathways_timeline_grid_get_zoom (grid), "quarters");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.zoom-in", NULL));
  ck_assert_str_eq (pathways_timeline_grid_get_zoom (grid), "months");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.zoom-in", NULL));
  ck_assert_str_eq (pathways_timeline_grid_get_zoom (grid), "months");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.zoom", "s", "years"));
  ck_assert_str_eq (pathways_timeline_grid_get_zoom (grid), "years");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.zoom-out", NULL));
  ck_assert_str_eq (pathways_timeline_grid_get_zoom (grid), "years");
  settle ();
}
END_TEST

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  int *state = user_data;
  g_autoptr(GError) error = NULL;

  *state = pathways_timeline_view_export_finish (PATHWAYS_TIMELINE_VIEW (source), result, &error) ? 1 : -1;
  ck_assert_no_error (error);
}

static gboolean
nonzero (gpointer data)
{
  return *(int *) data != 0;
}

static void
export_to (PathwaysTimelineExport  format,
           const char             *name,
           char                  **contents,
           gsize                  *length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  int state = 0;

  pathways_timeline_view_export_async (view, format, file, NULL, exported_cb, &state);
  ck_assert (test_wait_for (nonzero, &state));
  ck_assert_int_eq (state, 1);
  ck_assert (g_file_get_contents (path, contents, length, NULL));
}

START_TEST (test_export_png_and_pdf)
{
  g_autofree char *png = NULL;
  g_autofree char *pdf = NULL;
  gsize png_len = 0, pdf_len = 0;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  export_to (PATHWAYS_TIMELINE_EXPORT_PNG, "t.png", &png, &png_len);
  ck_assert_uint_gt (png_len, 1000);
  ck_assert (memcmp (png, "\x89PNG", 4) == 0);

  export_to (PATHWAYS_TIMELINE_EXPORT_PDF, "t.pdf", &pdf, &pdf_len);
  ck_assert_uint_gt (pdf_len, 1000);
  ck_assert (memcmp (pdf, "%PDF", 4) == 0);

  /* Every young person is in the PDF, over several pages */
  if (pdftotext != NULL)
    {
      g_autofree char *in = g_build_filename (dir, "t.pdf", NULL);
      g_autofree char *out = NULL;
      const char *argv[] = { pdftotext, "-layout", in, "-", NULL };
      PathwaysTimeline *timeline = pathways_timeline_grid_get_timeline (pathways_timeline_view_get_grid (view));
      const PathwaysTimelineRow *last = pathways_timeline_get_row (timeline, pathways_timeline_get_n_rows (timeline) - 1);

      ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                               NULL, NULL));
      ck_assert_ptr_nonnull (strstr (out, pathways_timeline_get_row (timeline, 0)->name));
      ck_assert_ptr_nonnull (strstr (out, last->name));
      ck_assert_ptr_nonnull (strstr (out, "Page 2 of"));
    }
}
END_TEST

static gboolean
has_move (gint64 person,
          gint64 transition)
{
  PathwaysTimeline *timeline = pathways_timeline_grid_get_timeline (pathways_timeline_view_get_grid (view));
  const PathwaysTimelineRow *row = pathways_timeline_find_row (timeline, person);

  for (guint i = 0; row != NULL && i < row->moves->len; i++)
    if (g_array_index (row->moves, PathwaysTimelineMove, i).transition_id == transition)
      return TRUE;
  return FALSE;
}

typedef struct {
  gint64 person;
  gint64 transition;
} MoveRef;

static gboolean
move_gone (gpointer data)
{
  MoveRef *m = data;

  return !has_move (m->person, m->transition);
}

static void
cancelled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  ck_assert (pathways_planner_action_finish (PATHWAYS_STORE (source), result, NULL, NULL, &error));
  ck_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* A move cancelled elsewhere (as the young person's page does, in a
 * worker thread) goes from the timeline without anyone reloading it */
START_TEST (test_cancelled_move_leaves_the_timeline)
{
  g_autoptr(GListModel) moves = pathways_store_list (store, PATHWAYS_TYPE_TRANSITION, NULL);
  PathwaysTimelineGrid *grid = pathways_timeline_view_get_grid (view);
  MoveRef m = { 0 };
  gboolean done = FALSE;

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
  ck_assert (has_move (m.person, m.transition));
  pathways_timeline_view_select_filter (view, "group", PATHWAYS_TIMELINE_GROUP_PA);

  pathways_planner_cancel_move_async (store, m.transition, NULL, cancelled_cb, &done);
  ck_assert (test_wait_for (move_gone, &m));
  ck_assert (done);
  /* The same view, its grouping as it was */
  ck_assert_int_eq (pathways_timeline_grid_get_group (grid), PATHWAYS_TIMELINE_GROUP_PA);
  ck_assert_uint_eq (pathways_timeline_grid_get_n_people (grid), 60);
}
END_TEST

/* The focused widget is one of the grid's accessible cells, not the grid */
static GtkWidget *
focused_cell (PathwaysTimelineGrid *grid)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  ck_assert_ptr_nonnull (focus);
  ck_assert_ptr_ne (focus, grid);
  ck_assert (gtk_widget_is_ancestor (focus, GTK_WIDGET (grid)));
  return focus;
}

START_TEST (test_keyboard_moves_and_opens)
{
  PathwaysTimelineGrid *grid = pathways_timeline_view_get_grid (view);
  PathwaysTimeline *timeline = pathways_timeline_grid_get_timeline (grid);
  g_autoptr(GArray) items = NULL;
  GtkWidget *row_cell, *item_cell;
  const PathwaysTimelineRow *row;
  int item = 0;
  int line;

  /* Tab into the timeline: the first row in view has the focus */
  ck_assert (gtk_widget_child_focus (GTK_WIDGET (grid), GTK_DIR_TAB_FORWARD));
  ck_assert_int_eq (pathways_timeline_grid_get_focus (grid, &item), 0);
  ck_assert_int_eq (item, -1);
  row_cell = focused_cell (grid);

  /* Down three times: the fourth young person, and Enter opens them */
  for (int i = 0; i < 3; i++)
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (grid), "grid.move-focus", "i", 1));
  line = pathways_timeline_grid_get_focus (grid, NULL);
  ck_assert_int_eq (line, 3);
  ck_assert_ptr_ne (focused_cell (grid), row_cell);
  row = pathways_timeline_find_row (timeline, pathways_timeline_grid_get_line_person (grid, 3));
  ck_assert_ptr_nonnull (row);
  {
    g_autofree char *text = pathways_timeline_grid_describe_focus (grid);
    ck_assert (g_str_has_prefix (text, row->name));
  }
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (grid), "grid.activate", NULL));
  ck_assert_uint_eq (n_opened, 1);
  ck_assert_int_eq (opened_id, row->id);

  /* Right: the row's first mark in time; again: the next; Left twice: back to the row */
  items = pathways_timeline_row_items (row);
  ck_assert_uint_gt (items->len, 1);
  row_cell = focused_cell (grid);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (grid), "grid.move-item", "i", 1));
  ck_assert_int_eq (pathways_timeline_grid_get_focus (grid, &item), 3);
  ck_assert_int_eq (item, 0);
  item_cell = focused_cell (grid);
  ck_assert_ptr_eq (gtk_widget_get_parent (item_cell), row_cell);
  {
    g_autofree char *text = pathways_timeline_grid_describe_focus (grid);
    g_autofree char *expected = pathways_timeline_describe_item (row, &g_array_index (items, PathwaysTimelineItem, 0));
    ck_assert_str_eq (text, expected);
  }
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (grid), "grid.move-item", "i", 1));
  pathways_timeline_grid_get_focus (grid, &item);
  ck_assert_int_eq (item, 1);
  ck_assert_ptr_eq (focused_cell (grid), gtk_widget_get_next_sibling (item_cell));
  /* Enter on a mark opens its young person too */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (grid), "grid.activate", NULL));
  ck_assert_uint_eq (n_opened, 2);
  ck_assert_int_eq (opened_id, row->id);
  for (int i = 0; i < 3; i++)
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (grid), "grid.move-item", "i", -1));
  pathways_timeline_grid_get_focus (grid, &item);
  ck_assert_int_eq (item, -1);
  ck_assert_ptr_eq (focused_cell (grid), row_cell);
  settle ();

  /* End: the last young person, scrolled into view and drawn focused */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (grid), "grid.move-focus", "i", G_MAXINT32));
  ck_assert_int_eq (pathways_timeline_grid_get_focus (grid, NULL), 59);
  settle ();
  {
    PathwaysTimelineRenderStats stats;

    pathways_timeline_grid_get_last_frame_stats (grid, &stats);
    ck_assert_uint_le (stats.first_line, 59);
    ck_assert_uint_eq (stats.first_line + stats.n_lines_drawn, 60);
  }
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (grid), "grid.activate", NULL));
  ck_assert_int_eq (opened_id, pathways_timeline_grid_get_line_person (grid, 59));
}
END_TEST

/* Ctrl+scroll: the day under the pointer stays under it, in and out */
START_TEST (test_zoom_keeps_the_day_under_the_pointer)
{
  PathwaysTimelineGrid *grid = pathways_timeline_view_get_grid (view);
  PathwaysTimelineFrame frame;
  double x, day;

  pathways_timeline_grid_get_frame (grid, &frame);
  for (guint i = 0; i < 4; i++)
    {
      /* Out to years, back in to months, at different places */
      int steps = i == 0 ? 1 : -1;

      x = frame.names_width + (frame.width - frame.names_width) * (0.2 + 0.2 * i);
      day = pathways_timeline_frame_x_to_day (&frame, x);
      pathways_timeline_grid_zoom_at (grid, steps, x);
      settle ();
      pathways_timeline_grid_get_frame (grid, &frame);
      ck_assert_msg (fabs (pathways_timeline_frame_x_to_day (&frame, x) - day) < 1.0,
                     "zoom %d at %.0f: day %.1f became %.1f", steps, x, day,
                     pathways_timeline_frame_x_to_day (&frame, x));
    }
  ck_assert_str_eq (pathways_timeline_grid_get_zoom (grid), "months");

  /* A position that is no number (as a scroll event's on X11) zooms
   * about the middle, and nowhere else */
  x = frame.names_width + (frame.width - frame.names_width) / 2;
  day = pathways_timeline_frame_x_to_day (&frame, x);
  pathways_timeline_grid_zoom_at (grid, 1, NAN);
  pathways_timeline_grid_get_frame (grid, &frame);
  ck_assert (fabs (pathways_timeline_frame_x_to_day (&frame, x) - day) < 1.0);
}
END_TEST

/* Rows in the order of the names they show: family name, then the
 * given name shown */
START_TEST (test_rows_in_order_of_their_labels)
{
  PathwaysTimelineGrid *grid = pathways_timeline_view_get_grid (view);
  PathwaysTimeline *timeline = pathways_timeline_grid_get_timeline (grid);
  const PathwaysTimelineRow *prev = NULL;

  for (guint i = 0; i < pathways_timeline_grid_get_n_people (grid); i++)
    {
      const PathwaysTimelineRow *row = pathways_timeline_find_row (timeline, pathways_timeline_grid_get_line_person (grid, i));
      const char *comma = strstr (row->sort_name, ", ");
      g_autofree char *family = g_strndup (row->sort_name, comma - row->sort_name);
      g_autofree char *shown = g_strdup_printf ("%s %s", comma + 2, family);

      /* The key is what the label says */
      ck_assert_str_eq (shown, row->name);
      if (prev != NULL)
        ck_assert_int_le (g_utf8_collate (prev->sort_name, row->sort_name), 0);
      prev = row;
    }
}
END_TEST

/* The Today label is whole inside the time area and no year label is under it */
START_TEST (test_today_label_place)
{
  PathwaysTimelineGrid *grid = pathways_timeline_view_get_grid (view);
  PathwaysTimelineFrame frame;

  pathways_timeline_grid_get_frame (grid, &frame);
  for (int shift = -2; shift <= 2; shift++)
    {
      PathwaysTimelineTodayLabel today;
      double tx, text_width = 110;

      /* Today at the left edge, the middle, the right edge of the view */
      frame.scroll_x = ((double) frame.today - frame.first_day) * pathways_timeline_zoom_px_per_day (frame.zoom) -
                       (frame.width - frame.names_width) * (0.5 + shift * 0.249);
      tx = pathways_timeline_frame_day_to_x (&frame, frame.today);
      pathways_timeline_today_label_place (&frame, text_width, 12, &today);
      ck_assert (today.shown);
      ck_assert_double_ge (today.x, frame.names_width);
      ck_assert_double_le (today.x + today.width, frame.width);
      ck_assert_double_le (today.y + today.height, frame.header_height / 2);
      ck_assert (tx >= today.x - 1 || today.x <= frame.names_width + 2);

      guint32 day = pathways_timeline_frame_first_tick (&frame, 12);

      for (guint tick = 0; tick < PATHWAYS_TIMELINE_MAX_TICKS; tick++, day = pathways_timeline_add_months (day, 12))
        {
          double x = pathways_timeline_frame_day_to_x (&frame, day);
          double next = pathways_timeline_frame_day_to_x (&frame, pathways_timeline_add_months (day, 12));
          double lx;

          if (x > frame.width)
            break;
          if (pathways_timeline_year_label_place (&frame, &today, x, next, 34, &lx))
            ck_assert (lx + 34 <= today.x || lx >= today.x + today.width);
        }
    }
}
END_TEST

/* The filters at their own widths (a toggle not as wide as the widest
 * drop-down beside it, as GtkFlowBox's columns made it), one Tab stop
 * each (no wrapper cell around them), and wrapping so that the row can
 * go as narrow as its widest filter (issue #16) */
START_TEST (test_filters_at_their_own_widths)
{
  GtkWidget *box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), PATHWAYS_TYPE_TIMELINE_VIEW, "filter_box"));
  GtkWidget *toggle = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), PATHWAYS_TYPE_TIMELINE_VIEW, "alerts_toggle"));
  GtkWidget *stages = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), PATHWAYS_TYPE_TIMELINE_VIEW, "stage_dropdown"));
  int widest = 0, box_min = 0;

  ck_assert (gtk_widget_get_width (toggle) > 0);
  ck_assert_int_lt (gtk_widget_get_width (toggle), gtk_widget_get_width (stages));
  for (GtkWidget *c = gtk_widget_get_first_child (box); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      int min = 0;

      ck_assert_msg (!GTK_IS_FLOW_BOX_CHILD (c), "a filter is wrapped in a cell of its own (a Tab stop more)");
      ck_assert (gtk_widget_get_parent (c) == box);
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      widest = MAX (widest, min);
    }
  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, &box_min, NULL, NULL, NULL);
  ck_assert_int_le (box_min, widest + gtk_widget_get_margin_start (box) + gtk_widget_get_margin_end (box));
}
END_TEST

/* The narrowest GNOME window (360 px, a phone) takes the timeline: its
 * toolbar, filters, grid and legend ask for no more (issue #16) */
START_TEST (test_timeline_fits_narrowest_window)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  settle ();
  test_gui_assert_fits (GTK_WIDGET (view), 360, "the timeline");
}
END_TEST

static Suite *
timeline_suite (void)
{
  Suite *s = suite_create ("gui-timeline");
  TCase *tc = tcase_create ("timeline");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_rows_drawn_for_a_filter);
  tcase_add_test (tc, test_click_on_bar_opens_person);
  tcase_add_test (tc, test_zoom_actions);
  tcase_add_test (tc, test_export_png_and_pdf);
  tcase_add_test (tc, test_cancelled_move_leaves_the_timeline);
  tcase_add_test (tc, test_keyboard_moves_and_opens);
  tcase_add_test (tc, test_zoom_keeps_the_day_under_the_pointer);
  tcase_add_test (tc, test_rows_in_order_of_their_labels);
  tcase_add_test (tc, test_filters_at_their_own_widths);
  tcase_add_test (tc, test_timeline_fits_narrowest_window);
  tcase_add_test (tc, test_today_label_place);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  test_gui_require_display ();
  return test_run_suite (timeline_suite ());
}
