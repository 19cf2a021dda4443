/* test-gui-erase.c — erasing a young person's records after the
 * retention period, from their page, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "pathways-erase-section.h"
#include "pathways-person-page-private.h"
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

static GtkWidget *
find_section (GtkWidget *widget)
{
  if (PATHWAYS_IS_ERASE_SECTION (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_section (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* With PATHWAYS_SCREENSHOT_DIR set (never in CI): the screen as drawn,
 * with @widget's page scrolled to its end, for a person to look at */
static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *out_dir = g_getenv ("PATHWAYS_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;
  GtkWidget *scroller;
  gboolean done = FALSE;

  if (out_dir == NULL)
    return;
  gtk_test_widget_wait_for_draw (widget);
  if ((scroller = find_type (widget, GTK_TYPE_SCROLLED_WINDOW)) != NULL)
    {
      GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v));
    }
  /* Past the stack's cross-fade */
  g_timeout_add (800, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  path = g_build_filename (out_dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static gboolean
page_ready (gpointer data)
{
  PathwaysPersonPage *page = data;
  GtkWidget *section = find_section (GTK_WIDGET (page));

  return !pathways_person_page_is_loading (page) && pathways_person_page_get_details (page) != NULL &&
         section != NULL && !pathways_erase_section_is_checking (PATHWAYS_ERASE_SECTION (section));
}

static gboolean
section_settled (gpointer data)
{
  return !pathways_erase_section_is_checking (data);
}

typedef struct {
  PathwaysStore *store;
  gint64         id;
} Gone;

static gboolean
person_gone (gpointer data)
{
  Gone *g = data;

  return !pathways_store_exists (g->store, "young_person", g->id);
}

static gboolean
dialog_gone (gpointer data)
{
  return pathways_erase_section_get_dialog (data) == NULL;
}

static gboolean
dialog_idle (gpointer data)
{
  return gtk_widget_get_sensitive (data);
}

static void
spin (void)
{
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Offered only for a closed case past its retention period, and only to
 * a role that may erase; the typed confirmation enables the destructive
 * button; the erasure is the core's (audit rows redacted, the chain
 * still whole) and its dialog closes when done */
START_TEST (test_erase_from_person_page)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "erase.db");
  g_autoptr(PathwaysContext) context = test_gui_context (store);
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC8300");
  g_autoptr(PathwaysAuditCheck) check = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = pathways_person_page_new (context);
  PathwaysEraseSection *section;
  AdwMessageDialog *dialog;
  gint64 id = test_add (store, PATHWAYS_RECORD (yp));
  Gone gone = { store, id };

  /* Born 14/05/2008: with a retention period of 18 years it ended on
   * 14/05/2026, but the case is open */
  ck_assert (pathways_store_set_setting (store, "retention_years", "18", &error));
  ck_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), g_getenv ("PATHWAYS_SCREENSHOT_WIDTH")
                               ? atoi (g_getenv ("PATHWAYS_SCREENSHOT_WIDTH")) : 1400, 900);
  if (g_getenv ("PATHWAYS_SCREENSHOT_DARK"))
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  pathways_person_page_show_person (PATHWAYS_PERSON_PAGE (page), id);
  ck_assert (test_wait_for (page_ready, page));
  section = PATHWAYS_ERASE_SECTION (find_section (page));
  ck_assert (!pathways_erase_section_is_offered (section));
  gtk_widget_activate_action (GTK_WIDGET (section), "erase.records", NULL);
  ck_assert_ptr_null (pathways_erase_section_get_dialog (section));

  /* Closed: offered, with the day the period ended */
  ck_assert (pathways_people_close_case (store, id, TEST_TODAY, "moved_away", NULL, &error));
  ck_assert_no_error (error);
  ck_assert (test_wait_for (page_ready, page));
  ck_assert (test_wait_for (section_settled, section));
  ck_assert (pathways_erase_section_is_offered (section));
  ck_assert (test_wait_for (page_ready, page));
  save_screenshot (window, "erase-section.png");

  /* A personal adviser is not offered it; a manager is */
  pathways_context_set_role (context, "pa");
  ck_assert (!pathways_erase_section_is_offered (section));
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (section)));
  pathways_context_set_role (context, "manager");
  ck_assert (test_wait_for (section_settled, section));
  ck_assert (pathways_erase_section_is_offered (section));

  /* The dialog: nothing happens until the local child ID is typed */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (section), "erase.records", NULL));
  dialog = pathways_erase_section_get_dialog (section);
  ck_assert_ptr_nonnull (dialog);
  ck_assert_msg (strstr (adw_message_dialog_get_heading (dialog), "Amara Okafor") != NULL, "%s",
                 adw_message_dialog_get_heading (dialog));
  ck_assert (strstr (adw_message_dialog_get_body (dialog), "LC8300") != NULL);
  ck_assert (strstr (adw_message_dialog_get_body (dialog), "cannot be undone") != NULL);
  ck_assert (!adw_message_dialog_get_response_enabled (dialog, "erase"));
  pathways_erase_dialog_type_confirmation (dialog, "LC830");
  ck_assert (!adw_message_dialog_get_response_enabled (dialog, "erase"));
  pathways_erase_dialog_type_confirmation (dialog, "LC8300");
  ck_assert (adw_message_dialog_get_response_enabled (dialog, "erase"));
  save_screenshot (GTK_WIDGET (dialog), "erase-dialog.png");

  /* Cancel: nothing erased */
  adw_message_dialog_response (dialog, "cancel");
  ck_assert (test_wait_for (dialog_gone, section));
  ck_assert (pathways_store_exists (store, "young_person", id));

  /* Erase */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (section), "erase.records", NULL));
  dialog = pathways_erase_section_get_dialog (section);
  pathways_erase_dialog_type_confirmation (dialog, "LC8300");
  adw_message_dialog_response (dialog, "erase");
  ck_assert (test_wait_for (person_gone, &gone));
  ck_assert (test_wait_for (dialog_gone, section));
  ck_assert_int_gt (test_query_int (store, "SELECT count(*) FROM audit_log WHERE redacted IS NOT NULL"), 0);
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM audit_log WHERE action = 'erase'"), 1);
  check = pathways_store_verify_audit (store, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (check->broken_row, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}
END_TEST

/* A refusal (the retention period moved on since the page was shown)
 * is said in the dialog, which stays */
START_TEST (test_erase_refused_is_shown)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "refused.db");
  g_autoptr(PathwaysContext) context = test_gui_context (store);
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC8301");
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = pathways_person_page_new (context);
  PathwaysEraseSection *section;
  AdwMessageDialog *dialog;
  gint64 id = test_add (store, PATHWAYS_RECORD (yp));

  ck_assert (pathways_store_set_setting (store, "retention_years", "18", &error));
  ck_assert (pathways_people_close_case (store, id, TEST_TODAY, "moved_away", NULL, &error));
  ck_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  pathways_person_page_show_person (PATHWAYS_PERSON_PAGE (page), id);
  ck_assert (test_wait_for (page_ready, page));
  section = PATHWAYS_ERASE_SECTION (find_section (page));
  ck_assert (pathways_erase_section_is_offered (section));

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (section), "erase.records", NULL));
  dialog = g_object_ref (pathways_erase_section_get_dialog (section));
  /* Behind the page's back, another desktop lengthens the period */
  ck_assert (pathways_store_set_setting (store, "retention_years", "75", &error));
  ck_assert_no_error (error);
  pathways_erase_dialog_type_confirmation (dialog, "LC8301");
  adw_message_dialog_response (dialog, "erase");
  ck_assert (test_wait_for (dialog_idle, dialog));
  ck_assert_ptr_nonnull (pathways_erase_dialog_get_error (dialog));
  ck_assert_msg (strstr (pathways_erase_dialog_get_error (dialog), "14/05/2083") != NULL, "%s",
                 pathways_erase_dialog_get_error (dialog));
  ck_assert (pathways_store_exists (store, "young_person", id));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("gui-erase");
  TCase *tc = tcase_create ("erase");

  test_gui_require_display ();
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_erase_from_person_page);
  tcase_add_test (tc, test_erase_refused_is_shown);
  suite_add_tcase (s, tc);
  return test_run_suite (s);
}
