/* test-gui-util.c — what the GUI suites share: a suite without a display
 * is skipped, not failed; a context over a test store
 *
 * Check runs each test in a forked child, where a fixture's exit(77)
 * counts as an error.  So main() asks first, before srunner_run_all():
 * a forked probe opens (and closes) the display with gtk_init_check(),
 * and without one the parent exits with meson's 77, "skipped".  The
 * parent itself never initialises GTK (style.md: GTK initialised before
 * Check forks breaks the second display test).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-gui-util.h"

void
test_gui_require_display (void)
{
  pid_t pid;
  int status = 0;

  fflush (NULL);
  pid = fork ();
  if (pid < 0)
    {
      perror ("fork");
      exit (EXIT_FAILURE);
    }
  if (pid == 0)
    _exit (gtk_init_check () ? 0 : 1);

  while (waitpid (pid, &status, 0) < 0)
    ;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      /* Meson's "skipped" (CI always provides a display) */
      printf ("No display: skipping this suite\n");
      exit (77);
    }
}

PathwaysContext *
test_gui_context (PathwaysStore *store)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.carepathways.Pathways");
  PathwaysContext *context = pathways_context_new (pathways_store_get_clock (store), settings);

  pathways_context_set_store (context, store);
  return context;
}

static gboolean
screenshot_quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
test_gui_screenshot (GtkWidget  *widget,
                     const char *name)
{
  const char *out_dir = g_getenv ("PATHWAYS_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *command = NULL;
  gboolean done = FALSE;

  if (out_dir == NULL)
    return;
  gtk_test_widget_wait_for_draw (widget);
  /* Past the stack's cross-fades and the first loads */
  g_timeout_add (800, screenshot_quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  path = g_build_filename (out_dir, name, NULL);
  quoted = g_shell_quote (path);
  command = g_strdup_printf ("import -window root %s", quoted);
  if (!g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL))
    g_printerr ("could not save the screenshot %s\n", path);
}

GtkWidget *
test_gui_find_type (GtkWidget *widget,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = test_gui_find_type (c, type);
      if (found)
        return found;
    }
  return NULL;
}

GtkWidget *
test_gui_find_action (GtkWidget  *widget,
                      const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = test_gui_find_action (c, action);
      if (found)
        return found;
    }
  return NULL;
}

/* The widest descendants of @widget whose minimum width passes @limit, as
 * "GtkBox#id > GtkFlowBox ..." lines, so a failure says what holds it */
static void
describe_too_wide (GtkWidget *widget,
                   int        limit,
                   GString   *out,
                   int        depth)
{
  gboolean child_too_wide = FALSE;
  int minimum = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > limit)
        {
          child_too_wide = TRUE;
          describe_too_wide (child, limit, out, depth + 1);
        }
    }
  if (!child_too_wide)
    {
      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_string_append_printf (out, "\n  %s (%s) %d px at least", G_OBJECT_TYPE_NAME (widget),
                              gtk_widget_get_css_name (widget), minimum);
      for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL && depth-- > 0; up = gtk_widget_get_parent (up))
        g_string_append_printf (out, " < %s", G_OBJECT_TYPE_NAME (up));
      /* Its parts, that together ask too much */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_get_visible (child))
          {
            gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
            g_string_append_printf (out, "\n    %s %d px", G_OBJECT_TYPE_NAME (child), minimum);
          }
    }
}

void
test_gui_assert_fits (GtkWidget  *widget,
                      int         limit,
                      const char *what)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > limit)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      describe_too_wide (widget, limit, out, 0);
      ck_abort_msg ("%s is %d px wide at least, more than %d:%s", what, minimum, limit, out->str);
    }
}
