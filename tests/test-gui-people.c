/* test-gui-people.c — adding a young person from the desktop, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pathways-add-person-dialog-private.h"
#include "pathways-caseload-view-private.h"
#include "pathways-contact-dialog.h"
#include "pathways-oc3-dialog.h"
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
caseload_ready (gpointer data)
{
  const char *page = pathways_caseload_view_get_visible_page (data);

  return g_strcmp0 (page, "list") == 0 || g_strcmp0 (page, "empty") == 0;
}

static gboolean
shows_one (gpointer data)
{
  return pathways_caseload_view_get_n_visible (data) == 1 &&
         g_strcmp0 (pathways_caseload_view_get_visible_page (data), "list") == 0;
}

static gboolean
shows_none (gpointer data)
{
  return g_strcmp0 (pathways_caseload_view_get_visible_page (data), "empty") == 0;
}

static gboolean
not_busy (gpointer data)
{
  return !pathways_add_person_dialog_is_busy (data);
}

static void
added_cb (PathwaysAddPersonDialog *dialog,
          PathwaysChangeSet       *undo,
          gint64                   person_id,
          gpointer                 user_data)
{
  PathwaysContext *context = user_data;

  pathways_context_show_undoable (context, "Young person added", undo);
}

/* Bad input is refused beside each field and writes nothing; good input
 * appears in the caseload with its milestones; Undo takes it away */
START_TEST (test_add_person_form)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "add.db");
  g_autoptr(PathwaysContext) context = test_gui_context (store);
  g_autoptr(PathwaysAddPersonDialog) dialog = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = pathways_caseload_view_new (context);
  gint64 id;

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  ck_assert (test_wait_for (caseload_ready, view));
  ck_assert_str_eq (pathways_caseload_view_get_visible_page (PATHWAYS_CASELOAD_VIEW (view)), "empty");

  dialog = g_object_ref_sink (pathways_add_person_dialog_new (context));
  g_signal_connect (dialog, "added", G_CALLBACK (added_cb), context);
  gtk_window_present (GTK_WINDOW (dialog));

  /* Nothing typed: every required field says so */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "add-person.add", NULL);
  ck_assert_str_eq (pathways_add_person_dialog_get_error (dialog, "given-name"), "Enter their given name");
  ck_assert_str_eq (pathways_add_person_dialog_get_error (dialog, "family-name"), "Enter their family name");
  ck_assert_str_eq (pathways_add_person_dialog_get_error (dialog, "date-of-birth"),
                    "Enter their date of birth as DD/MM/YYYY");
  ck_assert_str_eq (pathways_add_person_dialog_get_error (dialog, "local-id"), "Enter their local child ID");
  ck_assert_ptr_null (pathways_add_person_dialog_get_error (dialog, "preferred-name"));

  /* Not a date, then a date in the future: beside the date of birth */
  pathways_add_person_dialog_set_text (dialog, "given-name", "Sam");
  pathways_add_person_dialog_set_text (dialog, "family-name", "Jones");
  pathways_add_person_dialog_set_text (dialog, "local-id", "NEW1");
  pathways_add_person_dialog_set_text (dialog, "date-of-birth", "31/02/2008");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "add-person.add", NULL);
  ck_assert_str_eq (pathways_add_person_dialog_get_error (dialog, "date-of-birth"), "Enter a date as DD/MM/YYYY");
  ck_assert_ptr_null (pathways_add_person_dialog_get_error (dialog, "given-name"));
  pathways_add_person_dialog_set_text (dialog, "date-of-birth", "01/02/2030");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "add-person.add", NULL);
  ck_assert (test_wait_for (not_busy, dialog));
  ck_assert_str_eq (pathways_add_person_dialog_get_error (dialog, "date-of-birth"),
                    "Date of birth 01/02/2030 is in the future");
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 0);

  /* Right: added, shown at once, with milestones */
  pathways_add_person_dialog_set_text (dialog, "date-of-birth", "01/02/2008");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "add-person.add", NULL);
  ck_assert (test_wait_for (shows_one, view));
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 1);
  id = test_query_int (store, "SELECT id FROM young_person");
  {
    g_autoptr(GListModel) m = pathways_store_list_for_person (store, PATHWAYS_TYPE_MILESTONE, id, NULL);
    ck_assert_uint_gt (g_list_model_get_n_items (m), 5);
  }

  /* Undo */
  ck_assert_ptr_nonnull (pathways_context_get_last_undo (context));
  pathways_context_undo_last (context);
  ck_assert (test_wait_for (shows_none, view));
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 0);

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}
END_TEST

static gboolean
shows_list_of_one (gpointer data)
{
  return g_strcmp0 (pathways_caseload_view_get_visible_page (data), "list") == 0 &&
         pathways_caseload_view_get_n_visible (data) == 1;
}

static gboolean
shows_two (gpointer data)
{
  return pathways_caseload_view_get_n_visible (data) == 2;
}

static gboolean
shows_no_results (gpointer data)
{
  return g_strcmp0 (pathways_caseload_view_get_visible_page (data), "no-results") == 0;
}

/* A closed case leaves the caseload and is found under "Archived" */
START_TEST (test_archived_filter)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "archive.db");
  g_autoptr(PathwaysContext) context = test_gui_context (store);
  g_autoptr(PathwaysYoungPerson) a = test_make_person ("LC8001");
  g_autoptr(PathwaysYoungPerson) b = test_make_person ("LC8002");
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = pathways_caseload_view_new (context);
  PathwaysCaseloadView *cv = PATHWAYS_CASELOAD_VIEW (view);
  gint64 closed;

  test_add (store, PATHWAYS_RECORD (a));
  closed = test_add (store, PATHWAYS_RECORD (b));
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  ck_assert (test_wait_for (shows_two, view));

  ck_assert (pathways_people_close_case (store, closed, TEST_TODAY, "moved_away", NULL, &error));
  ck_assert_no_error (error);
  ck_assert (test_wait_for (shows_list_of_one, view));

  pathways_caseload_view_select_filter (cv, "archived", 1);
  ck_assert (test_wait_for (shows_list_of_one, view));
  {
    GListModel *shown = G_LIST_MODEL (gtk_column_view_get_model (pathways_caseload_view_get_column_view (cv)));
    g_autoptr(PathwaysRecord) row = g_list_model_get_item (shown, 0);
    ck_assert_int_eq (pathways_record_get_id (row), closed);
  }

  ck_assert (pathways_people_reopen_case (store, closed, NULL, &error));
  ck_assert (test_wait_for (shows_no_results, view));
  gtk_widget_activate_action (view, "caseload.clear-filters", NULL);
  ck_assert (test_wait_for (shows_two, view));

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}
END_TEST

typedef struct {
  PathwaysStore *store;
  gint64         n;
} CountWait;

static gboolean
has_contacts (gpointer data)
{
  CountWait *w = data;

  return pathways_store_count (w->store, PATHWAYS_TYPE_CONTACT, NULL) == w->n;
}

static gboolean
has_undo (gpointer data)
{
  return pathways_context_get_last_undo (data) != NULL;
}

/* Record contact: a bad day is refused under the fields; a good one is
 * recorded with its type, note and author, and clears the alert */
START_TEST (test_record_contact)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "contact.db");
  g_autoptr(PathwaysContext) context = test_gui_context (store);
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC8100");
  g_autoptr(AdwMessageDialog) dialog = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(PathwaysContact) c = NULL;
  CountWait w = { store, 1 };
  gint64 id = test_add (store, PATHWAYS_RECORD (yp));

  dialog = g_object_ref (pathways_contact_dialog_present (NULL, context, id));
  pathways_contact_dialog_fill (dialog, "phone", "31/02/2026", "Rang about college");
  adw_message_dialog_response (dialog, "record");
  ck_assert_str_eq (pathways_contact_dialog_get_error (dialog), "Enter the date of contact as DD/MM/YYYY");
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_CONTACT, NULL), 0);

  pathways_contact_dialog_fill (dialog, "phone", "20/11/2026", "Rang about college");
  adw_message_dialog_response (dialog, "record");
  ck_assert (test_wait_for (has_contacts, &w));
  contacts = pathways_people_list_contacts (store, id, NULL);
  c = g_list_model_get_item (contacts, 0);
  ck_assert_str_eq (pathways_contact_get_kind (c), "phone");
  ck_assert_str_eq (pathways_contact_get_contact_date (c), "2026-11-20");
  ck_assert_str_eq (pathways_contact_get_note (c), "Rang about college");
  ck_assert_ptr_nonnull (pathways_contact_get_author (c));

  /* Undo from the toast's action, once it is shown */
  ck_assert (test_wait_for (has_undo, context));
  pathways_context_undo_last (context);
  w.n = 0;
  ck_assert (test_wait_for (has_contacts, &w));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}
END_TEST

static gboolean
oc3_loaded (gpointer data)
{
  return pathways_oc3_dialog_is_loaded (data);
}

static gboolean
is_sensitive (gpointer data)
{
  return gtk_widget_get_sensitive (data);
}

static gboolean
has_oc3_facts (gpointer data)
{
  CountWait *w = data;

  return pathways_store_count (w->store, PATHWAYS_TYPE_OC3_FACT, NULL) == w->n;
}

/* OC3 answers: each birthday so far, what the record says; S as
 * suitable is refused under the fields; a good answer is recorded for
 * the birthday chosen and can be undone */
START_TEST (test_record_oc3_answers)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "oc3.db");
  g_autoptr(PathwaysContext) context = test_gui_context (store);
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC8200");
  g_autoptr(AdwMessageDialog) dialog = NULL;
  g_autoptr(GListModel) facts = NULL;
  g_autoptr(PathwaysOc3Fact) fact = NULL;
  CountWait w = { store, 1 };
  gint64 id;

  pathways_young_person_set_date_of_birth (yp, "2007-05-01");
  id = test_add (store, PATHWAYS_RECORD (yp));
  dialog = g_object_ref (pathways_oc3_dialog_present (NULL, context, id));
  ck_assert (test_wait_for (oc3_loaded, dialog));
  ck_assert_str_eq (pathways_oc3_dialog_get_status (dialog), "Not recorded yet, and nothing on the record says.");

  pathways_oc3_dialog_fill (dialog, 1, "YES", "F5", "S1");
  adw_message_dialog_response (dialog, "record");
  ck_assert (test_wait_for (is_sensitive, dialog));
  ck_assert_ptr_nonnull (strstr (pathways_oc3_dialog_get_status (dialog), "not suitable (2)"));
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_OC3_FACT, NULL), 0);

  pathways_oc3_dialog_fill (dialog, 1, "YES", "F5", "U1");
  adw_message_dialog_response (dialog, "record");
  ck_assert (test_wait_for (has_oc3_facts, &w));
  facts = pathways_store_list (store, PATHWAYS_TYPE_OC3_FACT, NULL);
  fact = g_list_model_get_item (facts, 0);
  ck_assert_str_eq (pathways_oc3_fact_get_birthday (fact), "2025-05-01");
  ck_assert_str_eq (pathways_oc3_fact_get_accom (fact), "U1");

  ck_assert (test_wait_for (has_undo, context));
  pathways_context_undo_last (context);
  w.n = 0;
  ck_assert (test_wait_for (has_oc3_facts, &w));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("gui-people");
  TCase *tc = tcase_create ("add");

  test_gui_require_display ();
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_add_person_form);
  tcase_add_test (tc, test_archived_filter);
  tcase_add_test (tc, test_record_contact);
  tcase_add_test (tc, test_record_oc3_answers);
  suite_add_tcase (s, tc);
  return test_run_suite (s);
}
