/* timeline-a11y-host.c — the Timeline page in a window, for the AT-SPI test
 *
 *   timeline-a11y-host
 *
 * Shows the real page on a generated demo authority, with an entry
 * outside the page holding the focus, so that test-a11y-timeline.py can
 * check over AT-SPI what a screen reader sees and send real key
 * presses.  Prints "ready" once the timeline is shown and
 * "opened NAME" when a young person is opened; reads commands on
 * standard input: "focus-grid" (Tab into the timeline), "quit".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib-unix.h>
#include <stdio.h>
#include <string.h>

#include "pathways-context.h"
#include "pathways-timeline-view-private.h"
#include "test-util.h"

static PathwaysTimelineView *view;
static GtkWidget *window;
static GMainLoop *loop;

static void
open_person_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PathwaysTimeline *timeline = pathways_timeline_grid_get_timeline (pathways_timeline_view_get_grid (view));
  const PathwaysTimelineRow *row = pathways_timeline_find_row (timeline, g_variant_get_int64 (parameter));

  printf ("opened %s\n", row ? row->name : "?");
  fflush (stdout);
}

static gboolean
shown_cb (gpointer data)
{
  if (g_strcmp0 (pathways_timeline_view_get_visible_page (view), "timeline") != 0)
    return G_SOURCE_CONTINUE;
  printf ("ready\n");
  fflush (stdout);
  return G_SOURCE_REMOVE;
}

static gboolean
stdin_cb (GIOChannel   *channel,
          GIOCondition  condition,
          gpointer      data)
{
  g_autofree char *line = NULL;

  if (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) != G_IO_STATUS_NORMAL)
    {
      g_main_loop_quit (loop);
      return G_SOURCE_REMOVE;
    }
  g_strstrip (line);
  if (g_str_equal (line, "focus-grid"))
    gtk_widget_child_focus (GTK_WIDGET (pathways_timeline_view_get_grid (view)), GTK_DIR_TAB_FORWARD);
  else if (g_str_equal (line, "quit"))
    g_main_loop_quit (loop);
  printf ("done %s\n", line);
  fflush (stdout);
  return G_SOURCE_CONTINUE;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

int
main (void)
{
  static const GActionEntry entries[] = {
    { "open-person", open_person_cb, "x", NULL, NULL, { 0 } },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GIOChannel) channel = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysContext) context = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  PathwaysStore *store;
  GtkWidget *box, *entry;

  g_set_prgname ("timeline-a11y-host");
  if (!gtk_init_check ())
    return 77;
  adw_init ();

  /* Not a Check test: plain errors, not ck_assert */
  dir = g_dir_make_tmp ("pathways-a11y-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "a11y.db", NULL);
  clock = pathways_clock_new_fixed (TEST_TODAY);
  store = pathways_store_open (path, clock, &error);
  if (store == NULL || !pathways_generate (store, PATHWAYS_GENERATE_DEMO, 5, TEST_TODAY, NULL, &error))
    g_error ("%s", error->message);

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Timeline");
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), NULL);
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (group));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  entry = gtk_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, "Elsewhere", -1);
  gtk_box_append (GTK_BOX (box), entry);
  settings = g_settings_new ("io.github.carepathways.Pathways");
  context = pathways_context_new (clock, settings);
  pathways_context_set_store (context, store);
  /* The view loads itself from the context's store */
  view = PATHWAYS_TIMELINE_VIEW (pathways_timeline_view_new (context));
  gtk_widget_set_vexpand (GTK_WIDGET (view), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (entry);

  g_timeout_add (100, shown_cb, NULL);

  channel = g_io_channel_unix_new (0);
  g_io_add_watch (channel, G_IO_IN | G_IO_HUP | G_IO_ERR, stdin_cb, NULL);
  g_unix_signal_add (SIGTERM, quit_cb, NULL);

  loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (loop);
  g_main_loop_unref (loop);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (store);
  test_remove_dir (dir);
  return 0;
}
