/* bench-bare-window.c — the toolkit's floor for the start-up benchmark
 *
 *   bench-bare-window
 *
 * A bare libadwaita application: one AdwApplicationWindow the size of
 * Pathways' default window, with a header bar, that prints "first frame
 * drawn" after it has been painted once and quits.  pathways-bench
 * starts it and Pathways in turn and reports Pathways' start-up as a
 * ratio to this.  Built with the tests; not a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <stdio.h>

static void
after_paint_cb (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  GtkWindow *window = user_data;

  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, user_data);
  printf ("first frame drawn\n");
  fflush (stdout);
  gtk_window_close (window);
}

static void
map_cb (GtkWidget *window,
        gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), window);
}

static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.carepathways.BenchBareWindow",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
