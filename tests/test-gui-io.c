/* test-gui-io.c — Export → SSDA903 Return… from the app (issue #13),
 * Import Stock… and printing (issue #16), under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pathways-903-export-dialog.h"
#include "pathways-commissioning.h"
#include "pathways-generator.h"
#include "pathways-import-toast.h"
#include "pathways-person-page-private.h"
#include "pathways-print-pages.h"
#include "pathways-report.h"
#include "pathways-sufficiency-view-private.h"
#include "pathways-stock-import-dialog.h"
#include "pathways-stock-view.h"
#include "pathways-stock-view-private.h"
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

static gboolean
dialog_idle (gpointer data)
{
  return !pathways_903_export_dialog_is_busy (data);
}

static gboolean
file_there (const char *folder,
            const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gint64
add_episode (PathwaysStore *store,
             gint64         person,
             const char    *decom,
             const char    *place)
{
  g_autoptr(PathwaysEpisode) e = pathways_episode_new (person, decom);

  g_object_set (e, "rne", "S", "ls", "C2", "cin", "N1", "place", place, "place-provider", "PR1", NULL);
  return test_add (store, PATHWAYS_RECORD (e));
}

/* The year defaults to the last complete one; a return with a breach is
 * not written but its breaches are listed (the young person, the field
 * and the rule); Export Anyway writes the three files; writing again
 * over them asks first, and Cancel leaves them as they were */
START_TEST (test_export_903_lists_breaches_then_writes)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "io.db");
  g_autoptr(PathwaysContext) context = test_gui_context (store);
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC9301");
  g_autofree char *out = g_build_filename (dir, "return", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (out);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  Pathways903ExportDialog *dialog;
  gint64 id = test_add (store, PATHWAYS_RECORD (yp));
  gboolean named = FALSE;
  guint n_rows = 0;

  /* Placed with their parents (P1) by the council's own provision
   * (PR1): DfE rule 527 */
  add_episode (store, id, "2025-06-01", "P1");
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  pathways_context_add_toast_overlay (context, ADW_TOAST_OVERLAY (overlay));
  gtk_window_present (GTK_WINDOW (window));

  dialog = pathways_903_export_dialog_new (context);
  g_object_ref_sink (dialog);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
  /* On 22/11/2026 the last complete year is 01/04/2025 to 31/03/2026 */
  ck_assert_int_eq (pathways_903_export_dialog_get_year (dialog), 2026);
  /* Nothing to write to until a folder is chosen */
  ck_assert (!gtk_widget_activate_action (GTK_WIDGET (dialog), "export-903.export", NULL) ||
             !pathways_903_export_dialog_is_busy (dialog));
  ck_assert (!pathways_903_export_dialog_is_busy (dialog));

  pathways_903_export_dialog_set_folder (dialog, folder);
  test_gui_screenshot (GTK_WIDGET (dialog), "export-903-form.png");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "export-903.export", NULL));
  ck_assert (pathways_903_export_dialog_is_busy (dialog));
  ck_assert (test_wait_for (dialog_idle, dialog));
  ck_assert_ptr_null (pathways_903_export_dialog_get_error (dialog));
  ck_assert (!pathways_903_export_dialog_get_written (dialog));
  ck_assert_uint_gt (pathways_903_export_dialog_get_n_breaches (dialog), 0);
  ck_assert (!file_there (out, "header.csv"));
  ck_assert (!file_there (out, "episodes.csv"));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (pathways_903_export_dialog_get_breach_list (dialog)));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

      n_rows++;
      if (strstr (title, "LC9301") != NULL && strstr (title, "PLACE_PROVIDER") != NULL &&
          strstr (title, "527") != NULL && strstr (subtitle, "PR1") != NULL)
        named = TRUE;
    }
  ck_assert_uint_gt (n_rows, 0);
  ck_assert_msg (named, "no row names the young person, the field, the rule and the value");
  test_gui_screenshot (GTK_WIDGET (dialog), "export-903-breaches.png");

  /* Export Anyway writes the three files */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "export-903.force", NULL));
  ck_assert (test_wait_for (dialog_idle, dialog));
  ck_assert_ptr_null (pathways_903_export_dialog_get_error (dialog));
  ck_assert (pathways_903_export_dialog_get_written (dialog));
  ck_assert (file_there (out, "header.csv"));
  ck_assert (file_there (out, "episodes.csv"));
  ck_assert (file_there (out, "oc3.csv"));
  {
    g_autofree char *path = g_build_filename (out, "episodes.csv", NULL);
    g_autofree char *text = NULL;

    ck_assert (g_file_get_contents (path, &text, NULL, NULL));
    ck_assert (g_str_has_prefix (text, "CHILD,DECOM,RNE,LS,CIN,PLACE,"));
    ck_assert_ptr_nonnull (strstr (text, "LC9301,01/06/2025"));
  }
  g_object_unref (dialog);

  /* Again into the same folder: asked first; Cancel writes nothing */
  {
    g_autofree char *path = g_build_filename (out, "header.csv", NULL);
    AdwMessageDialog *confirm;

    ck_assert (g_file_set_contents (path, "kept", -1, NULL));
    dialog = pathways_903_export_dialog_new (context);
    g_object_ref_sink (dialog);
    gtk_window_present (GTK_WINDOW (dialog));
    pathways_903_export_dialog_set_folder (dialog, folder);
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "export-903.export", NULL));
    ck_assert (test_wait_for (dialog_idle, dialog));
    ck_assert_uint_gt (pathways_903_export_dialog_get_n_breaches (dialog), 0);
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "export-903.force", NULL));
    ck_assert (test_wait_for (dialog_idle, dialog));
    confirm = pathways_903_export_dialog_get_confirm (dialog);
    ck_assert_ptr_nonnull (confirm);
    adw_message_dialog_response (confirm, "cancel");
    ck_assert_ptr_null (pathways_903_export_dialog_get_confirm (dialog));
    ck_assert (!pathways_903_export_dialog_is_busy (dialog));
    {
      g_autofree char *text = NULL;
      ck_assert (g_file_get_contents (path, &text, NULL, NULL));
      ck_assert_str_eq (text, "kept");
    }
    /* Replace writes over them */
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "export-903.force", NULL));
    ck_assert (test_wait_for (dialog_idle, dialog));
    confirm = pathways_903_export_dialog_get_confirm (dialog);
    ck_assert_ptr_nonnull (confirm);
    adw_message_dialog_response (confirm, "replace");
    ck_assert (test_wait_for (dialog_idle, dialog));
    ck_assert (pathways_903_export_dialog_get_written (dialog));
    {
      g_autofree char *text = NULL;
      ck_assert (g_file_get_contents (path, &text, NULL, NULL));
      ck_assert (g_str_has_prefix (text, "CHILD,"));
    }
    g_object_unref (dialog);
  }

  /* A folder that cannot be written: said in the dialog, nothing lost */
  {
    g_autofree char *blocked = g_build_filename (dir, "not-a-folder", NULL);
    g_autoptr(GFile) bad = g_file_new_for_path (blocked);

    ck_assert (g_file_set_contents (blocked, "x", -1, NULL));
    dialog = pathways_903_export_dialog_new (context);
    g_object_ref_sink (dialog);
    gtk_window_present (GTK_WINDOW (dialog));
    pathways_903_export_dialog_set_folder (dialog, bad);
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "export-903.export", NULL));
    ck_assert (test_wait_for (dialog_idle, dialog));
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "export-903.force", NULL));
    ck_assert (test_wait_for (dialog_idle, dialog));
    ck_assert (!pathways_903_export_dialog_get_written (dialog));
    ck_assert_ptr_nonnull (pathways_903_export_dialog_get_error (dialog));
    ck_assert_ptr_nonnull (strstr (pathways_903_export_dialog_get_error (dialog), blocked));
    /* Export Anyway can be tried again */
    ck_assert (gtk_widget_is_sensitive (GTK_WIDGET (dialog)));
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_object_unref (dialog);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static gboolean
import_idle (gpointer data)
{
  return !pathways_stock_import_dialog_is_busy (data);
}

static gboolean
view_idle (gpointer data)
{
  return !pathways_stock_view_is_busy (data);
}

static gboolean
view_has_two (gpointer data)
{
  return !pathways_stock_view_is_busy (data) && pathways_stock_view_get_n_units (data) == 2;
}

static gboolean
view_empty (gpointer data)
{
  return !pathways_stock_view_is_busy (data) && pathways_stock_view_get_n_units (data) == 0;
}

/* A stock list with one bad row: previewed with the problem (file, row,
 * column, value); refused whole until "Skip rows with errors" is on;
 * then the other two units are imported, the Stock page shows them, and
 * Undo (for that import, not another) removes them */
START_TEST (test_import_stock_preview_skip_undo)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "stock.db");
  g_autoptr(PathwaysContext) context = test_gui_context (store);
  g_autofree char *path = g_build_filename (dir, "northgate.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *window = adw_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  PathwaysStockView *view = PATHWAYS_STOCK_VIEW (pathways_stock_view_new (context));
  PathwaysStockImportDialog *dialog;
  gboolean named = FALSE;
  gint64 id;

  ck_assert (g_file_set_contents (path,
                                  "name,postcode,kind,bedrooms,weekly-cost\n"
                                  "Alder House flat 1,NG1 4AB,supported,1,\"1,150.00\"\n"
                                  "Alder House flat 2,NG1 4AB,castle,1,900\n"
                                  "Birch Court 4,NG2 7CD,supported,2,800\n", -1, NULL));
  pathways_context_add_toast_overlay (context, ADW_TOAST_OVERLAY (overlay));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (view));
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  ck_assert (test_wait_for (view_idle, view));
  ck_assert_uint_eq (pathways_stock_view_get_n_units (view), 0);

  dialog = pathways_stock_import_dialog_new (context);
  g_object_ref_sink (dialog);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
  pathways_stock_import_dialog_load (dialog, file);
  ck_assert (pathways_stock_import_dialog_is_busy (dialog));
  ck_assert (test_wait_for (import_idle, dialog));
  ck_assert_ptr_null (pathways_stock_import_dialog_get_error (dialog));
  ck_assert_uint_eq (pathways_stock_import_dialog_get_n_units (dialog), 2);
  ck_assert_uint_eq (pathways_stock_import_dialog_get_n_errors (dialog), 1);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (pathways_stock_import_dialog_get_problem_list (dialog)));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      if (strstr (title, "northgate.csv") && strstr (title, "row 3") && strstr (title, "castle"))
        named = TRUE;
    }
  ck_assert_msg (named, "no problem row names the file, row 3 and the value");
  test_gui_screenshot (GTK_WIDGET (dialog), "import-stock-preview.png");

  /* Refused whole while rows with errors are not to be skipped */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "stock-import.import", NULL);
  ck_assert (!pathways_stock_import_dialog_is_busy (dialog));
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL), 0);

  pathways_stock_import_dialog_set_skip_errors (dialog, TRUE);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "stock-import.import", NULL));
  ck_assert (pathways_stock_import_dialog_is_busy (dialog));
  ck_assert (test_wait_for (import_idle, dialog));
  ck_assert_ptr_null (pathways_stock_import_dialog_get_error (dialog));
  id = pathways_stock_import_dialog_get_import_id (dialog);
  ck_assert_int_gt (id, 0);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL), 2);
  ck_assert (test_wait_for (view_has_two, view));
  g_object_unref (dialog);

  /* Undo for another import id does nothing; for this one removes both */
  pathways_import_toast_undo (context, id + 1, "Stock import undone");
  wait_ms (500);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL), 2);
  pathways_import_toast_undo (context, id, "Stock import undone");
  ck_assert (test_wait_for (view_empty, view));
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL), 0);
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* The default year turns on 1 April */
START_TEST (test_export_903_default_year)
{
  ck_assert_int_eq (pathways_903_export_default_year ("2026-03-31"), 2025);
  ck_assert_int_eq (pathways_903_export_default_year ("2026-04-01"), 2026);
  ck_assert_int_eq (pathways_903_export_default_year ("2026-11-22"), 2026);
}
END_TEST

/* Printing ------------------------------------------------------------------ */

/* The pages of a PDF cairo wrote: its page objects ("/Type /Page", not
 * the "/Type /Pages" tree) */
static guint
pdf_n_pages (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  guint n = 0;

  ck_assert (g_file_get_contents (path, &data, &length, NULL));
  /* (byte by byte: the streams hold NUL bytes) */
  for (gsize i = 0; i + 12 <= length; i++)
    if (memcmp (data + i, "/Type /Page", 11) == 0 && data[i + 11] != 's')
      n++;
  return n;
}

static void
count_draw_cb (GtkPrintOperation *operation,
               GtkPrintContext   *context,
               int                page,
               guint             *n)
{
  (*n)++;
}

/* Runs @operation to a PDF without a dialog; the number of pages drawn
 * and written */
static guint
export_operation (GtkPrintOperation *operation,
                  const char        *name,
                  guint             *out_n_drawn)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  guint n_drawn = 0;

  g_signal_connect (operation, "draw-page", G_CALLBACK (count_draw_cb), &n_drawn);
  gtk_print_operation_set_allow_async (operation, FALSE);
  gtk_print_operation_set_export_filename (operation, path);
  ck_assert_int_eq (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                    GTK_PRINT_OPERATION_RESULT_APPLY);
  ck_assert_no_error (error);
  *out_n_drawn = n_drawn;
  return pdf_n_pages (path);
}

static gboolean
person_ready (gpointer data)
{
  return !pathways_person_page_is_loading (data) && pathways_person_page_get_details (data) != NULL;
}

static gboolean
sufficiency_ready (gpointer data)
{
  return pathways_sufficiency_view_get_sufficiency (data) != NULL;
}

typedef struct {
  gboolean           done;
  GtkPrintOperation *operation;
  GError            *error;
} PrintReady;

static void
print_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PrintReady *r = user_data;

  r->operation = pathways_sufficiency_view_print_operation_finish (PATHWAYS_SUFFICIENCY_VIEW (source), result,
                                                                   &r->error);
  r->done = TRUE;
}

static gboolean
print_ready (gpointer data)
{
  return ((PrintReady *) data)->done;
}

/* Print… on the young person's page and on Sufficiency: Ctrl+P runs the
 * page's print action (enabled once the page has loaded); the operation
 * prints the summary / the committee report, every page of the document
 * drawn once and written, the count the report layer lays out */
START_TEST (test_print_summary_and_committee_report)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "print.db");
  g_autoptr(PathwaysContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window = adw_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  PathwaysPersonPage *page;
  PathwaysSufficiencyView *view;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(PathwaysRecord) person = NULL;
  guint n_written, n_drawn;

  ck_assert (pathways_generate (store, PATHWAYS_GENERATE_DEMO, 2026, TEST_TODAY, NULL, &error));
  ck_assert_no_error (error);
  context = test_gui_context (store);
  page = PATHWAYS_PERSON_PAGE (pathways_person_page_new (context));
  view = PATHWAYS_SUFFICIENCY_VIEW (pathways_sufficiency_view_new (context));
  gtk_widget_set_vexpand (GTK_WIDGET (page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (page));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view));
  pathways_context_add_toast_overlay (context, ADW_TOAST_OVERLAY (overlay));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), box);
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));

  /* Nothing to print before the young person is loaded */
  ck_assert_ptr_null (pathways_person_page_print_operation (page));

  people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, &error);
  ck_assert_uint_gt (g_list_model_get_n_items (people), 0);
  person = g_list_model_get_item (people, 0);
  pathways_person_page_show_person (page, pathways_record_get_id (person));
  ck_assert (test_wait_for (person_ready, page));
  {
    g_autoptr(GtkPrintOperation) operation = pathways_person_page_print_operation (page);
    g_autoptr(GPtrArray) pages = pathways_person_summary_pages (pathways_person_page_get_details (page));
    GtkShortcutTrigger *ctrl_p = gtk_shortcut_trigger_parse_string ("<Control>p");
    gboolean bound = FALSE;

    ck_assert_ptr_nonnull (operation);
    ck_assert_uint_ge (pages->len, 1);
    n_written = export_operation (operation, "summary.pdf", &n_drawn);
    ck_assert_uint_eq (n_drawn, pages->len);
    ck_assert_uint_eq (n_written, pages->len);

    /* Ctrl+P is the page's print action, wherever the focus is */
    for (guint i = 0; i < g_list_model_get_n_items (gtk_widget_observe_controllers (GTK_WIDGET (page))) && !bound; i++)
      {
        g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (page));
        g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (c))
          continue;
        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (c)) && !bound; j++)
          {
            g_autoptr(GtkShortcut) sc = g_list_model_get_item (G_LIST_MODEL (c), j);
            GtkShortcutAction *action = gtk_shortcut_get_action (sc);

            bound = gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (sc), ctrl_p) &&
                    GTK_IS_NAMED_ACTION (action) &&
                    g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "person.print");
          }
      }
    g_object_unref (ctrl_p);
    ck_assert_msg (bound, "Ctrl+P is not bound to person.print");
  }

  /* The committee report: laid out in a worker thread */
  ck_assert (test_wait_for (sufficiency_ready, view));
  {
    PrintReady r = { FALSE, NULL, NULL };
    g_autoptr(PathwaysSufficiency) s = pathways_sufficiency_compute (store, TEST_TODAY, &error);
    g_autoptr(PathwaysCommissioning) c = pathways_commissioning_compute (store, TEST_TODAY, &error);
    g_autoptr(GPtrArray) pages = NULL;

    ck_assert_no_error (error);
    pages = pathways_report_render_pages (s, c);
    ck_assert_uint_ge (pages->len, 5);   /* title, contents, six sections, commissioning, method */
    pathways_sufficiency_view_print_operation_async (view, NULL, print_ready_cb, &r);
    ck_assert (test_wait_for (print_ready, &r));
    ck_assert_no_error (r.error);
    ck_assert_ptr_nonnull (r.operation);
    n_written = export_operation (r.operation, "committee.pdf", &n_drawn);
    ck_assert_uint_eq (n_drawn, pages->len);
    ck_assert_uint_eq (n_written, pages->len);
    g_object_unref (r.operation);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static Suite *
gui_io_suite (void)
{
  Suite *suite = suite_create ("gui-io");
  TCase *tc = tcase_create ("export-903");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_export_903_lists_breaches_then_writes);
  tcase_add_test (tc, test_export_903_default_year);
  suite_add_tcase (suite, tc);
  tc = tcase_create ("import-stock");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_import_stock_preview_skip_undo);
  tcase_add_test (tc, test_print_summary_and_committee_report);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  test_gui_require_display ();
  return test_run_suite (gui_io_suite ());
}
