/* test-gui-people.c — adding a young person from the desktop, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pathways-add-person-dialog-private.h"
#include "pathways-archived-banner.h"
#include "pathways-care-history-section.h"
#include "pathways-close-case-dialog.h"
#include "pathways-person-page-private.h"
#include "pathways-team-view.h"
#include "pathways-support-section.h"
#include "pathways-reassign-dialog.h"
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

/* A refreshed caseload keeps its row objects and changes their values:
 * the cells already drawn show the new values (the view fills its bound
 * cells again after the refresh) */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_INSCRIPTION (widget) && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0 &&
      gtk_widget_get_mapped (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
shows_renamed (gpointer data)
{
  return shows_text (data, "Sunny Okafor");
}

static gboolean
shows_first_name (gpointer data)
{
  return shows_text (data, "Tayo Okafor");
}

START_TEST (test_refreshed_cells_follow_their_rows)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "refresh-cells.db");
  g_autoptr(PathwaysContext) context = test_gui_context (store);
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("RC001");
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view;
  GListModel *rows;
  g_autoptr(GObject) row = NULL;

  g_object_set (yp, "given-name", "Tayo", "family-name", "Okafor", "preferred-name", NULL, NULL);
  test_add (store, PATHWAYS_RECORD (yp));
  view = pathways_caseload_view_new (context);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 600);
  gtk_window_present (GTK_WINDOW (window));
  ck_assert (test_wait_for (shows_list_of_one, view));
  ck_assert (test_wait_for (shows_first_name, view));
  rows = pathways_caseload_view_get_model (PATHWAYS_CASELOAD_VIEW (view));
  row = g_list_model_get_item (rows, 0);

  g_object_set (yp, "preferred-name", "Sunny", NULL);
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (yp), &error));
  ck_assert_no_error (error);
  ck_assert (test_wait_for (shows_renamed, view));
  ck_assert (!shows_first_name (view));
  /* The same row object, its values changed */
  {
    g_autoptr(GObject) now = g_list_model_get_item (pathways_caseload_view_get_model (PATHWAYS_CASELOAD_VIEW (view)), 0);

    ck_assert_ptr_eq (now, row);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}
END_TEST

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

/* PATHWAYS_SCREENSHOT_DIR set: @widget drawn as it is now into NAME.png
 * there (for looking at a screen by hand; the tests never need it) */
static void
maybe_screenshot (GtkWidget  *widget,
                  const char *name)
{
  const char *dir_name = g_getenv ("PATHWAYS_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  graphene_rect_t bounds;
  int w, h;

  if (dir_name == NULL)
    return;
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  graphene_rect_init (&bounds, 0, 0, w, h);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, &bounds);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir_name, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

/* The young person's page, on its own in a window */
typedef struct {
  GtkWidget          *window;
  PathwaysPersonPage *page;
} PageWindow;

static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_child_of_type (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
page_ready (gpointer data)
{
  PathwaysPersonPage *page = data;
  PathwaysCareHistorySection *section =
    PATHWAYS_CARE_HISTORY_SECTION (find_child_of_type (GTK_WIDGET (page), PATHWAYS_TYPE_CARE_HISTORY_SECTION));

  return !pathways_person_page_is_loading (page) && pathways_person_page_get_details (page) != NULL &&
         !pathways_care_history_section_is_loading (section);
}

static void
open_page (PageWindow      *pw,
           PathwaysContext *context,
           gint64           person_id)
{
  pw->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (pw->window), 1000, 800);
  pw->page = PATHWAYS_PERSON_PAGE (pathways_person_page_new (context));
  gtk_window_set_child (GTK_WINDOW (pw->window), GTK_WIDGET (pw->page));
  gtk_window_present (GTK_WINDOW (pw->window));
  pathways_person_page_show_person (pw->page, person_id);
  ck_assert (test_wait_for (page_ready, pw->page));
}

static void
close_page (PageWindow *pw)
{
  gtk_window_destroy (GTK_WINDOW (pw->window));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

typedef struct {
  PathwaysStore              *store;
  PathwaysCareHistorySection *section;
  PathwaysPersonPage         *page;
  gint64                      n;
} EpisodesWait;

static gboolean
episodes_shown (gpointer data)
{
  EpisodesWait *w = data;

  return pathways_store_count (w->store, PATHWAYS_TYPE_EPISODE, NULL) == w->n &&
         page_ready (w->page) &&
         pathways_care_history_section_get_n_episodes (w->section) == (guint) w->n;
}

static gboolean
dialog_ready (gpointer data)
{
  return !pathways_episode_dialog_is_busy (data);
}

static gboolean
dialog_done (gpointer data)
{
  return !gtk_widget_get_visible (data) || !pathways_episode_dialog_is_busy (data);
}

static PathwaysEpisodeDialog *
open_episode_dialog (PathwaysCareHistorySection *section,
                     const char                 *action,
                     gint64                      id)
{
  PathwaysEpisodeDialog *dialog;

  if (id != 0)
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (section), action, "x", id));
  else
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (section), action, NULL));
  dialog = pathways_care_history_section_get_dialog (section);
  ck_assert_ptr_nonnull (dialog);
  ck_assert (test_wait_for (dialog_ready, dialog));
  return dialog;
}

static void
save_episode (PathwaysEpisodeDialog *dialog)
{
  gtk_widget_activate_action (GTK_WIDGET (dialog), "episode.save", NULL);
  ck_assert (test_wait_for (dialog_done, dialog));
}

/* The care-history editor: bad episodes are refused beside the field
 * with the store's sentence and write nothing; a good one shows at once
 * and replaces the typed figures with the derived ones; End Episode…
 * ends it; Delete is undone from the toast */
START_TEST (test_care_history_editor)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "episodes.db");
  g_autoptr(PathwaysContext) context = test_gui_context (store);
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC8200");
  gint64 id = test_add (store, PATHWAYS_RECORD (yp));
  PageWindow pw = { 0 };
  PathwaysCareHistorySection *section;
  PathwaysEpisodeDialog *dialog;
  EpisodesWait w = { store, NULL, NULL, 0 };
  gint64 episode_id;

  open_page (&pw, context, id);
  section = PATHWAYS_CARE_HISTORY_SECTION (find_child_of_type (GTK_WIDGET (pw.page),
                                                                PATHWAYS_TYPE_CARE_HISTORY_SECTION));
  w.section = section;
  w.page = pw.page;
  ck_assert_uint_eq (pathways_care_history_section_get_n_episodes (section), 0);
  /* No history: the typed figures are offered, and say to check them */
  ck_assert (gtk_widget_get_visible (pathways_person_page_get_field_widget (pw.page, "date-care-ended")));
  ck_assert_ptr_null (pathways_care_history_section_get_derived (section, "days-since-14"));

  /* Nothing typed, then a start before birth: beside the start date */
  dialog = g_object_ref (open_episode_dialog (section, "care-history.add", 0));
  save_episode (dialog);
  ck_assert_str_eq (pathways_episode_dialog_get_error (dialog, "decom"),
                    "Enter the day the episode started as DD/MM/YYYY");
  pathways_episode_dialog_set_value (dialog, "decom", "01/01/2000");
  save_episode (dialog);
  ck_assert_str_eq (pathways_episode_dialog_get_error (dialog, "decom"),
                    "Start date 01/01/2000 is before the date of birth 14/05/2008");
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_EPISODE, NULL), 0);

  /* Right: added and shown, the derived figures replace the typed ones */
  pathways_episode_dialog_set_value (dialog, "decom", "01/06/2022");
  pathways_episode_dialog_set_value (dialog, "rne", "S");
  pathways_episode_dialog_set_value (dialog, "ls", "C2");
  pathways_episode_dialog_set_value (dialog, "place", "U4");
  save_episode (dialog);
  ck_assert_ptr_null (pathways_episode_dialog_get_error (dialog, "decom"));
  g_clear_object (&dialog);
  w.n = 1;
  ck_assert (test_wait_for (episodes_shown, &w));
  maybe_screenshot (GTK_WIDGET (section), "care-history-one");
  ck_assert (!gtk_widget_get_visible (pathways_person_page_get_field_widget (pw.page, "date-care-ended")));
  ck_assert_str_eq (pathways_care_history_section_get_derived (section, "first-looked-after"), "01/06/2022");
  ck_assert_str_eq (pathways_care_history_section_get_derived (section, "care-ended"), "Still looked after");
  ck_assert_str_eq (pathways_care_history_section_get_derived (section, "last-placement"),
                    "U4 — Foster with other carer, long term");
  episode_id = test_query_int (store, "SELECT id FROM episode");

  /* End Episode…: the reason is needed, then it ends */
  dialog = g_object_ref (open_episode_dialog (section, "care-history.end", episode_id));
  pathways_episode_dialog_set_value (dialog, "dec", "01/03/2024");
  save_episode (dialog);
  ck_assert_str_eq (pathways_episode_dialog_get_error (dialog, "rec"),
                    "Reason episode ceased (REC) is needed when the episode has an end date");
  pathways_episode_dialog_set_value (dialog, "rec", "E8");
  save_episode (dialog);
  g_clear_object (&dialog);
  {
    g_autoptr(PathwaysEpisode) e = pathways_store_get (store, PATHWAYS_TYPE_EPISODE, episode_id, NULL);
    ck_assert_str_eq (pathways_episode_get_dec (e), "2024-03-01");
    ck_assert_str_eq (pathways_episode_get_rec (e), "E8");
  }

  /* A code not valid on the episode's dates, and an overlap: refused */
  dialog = g_object_ref (open_episode_dialog (section, "care-history.add", 0));
  pathways_episode_dialog_set_value (dialog, "decom", "01/04/2024");
  pathways_episode_dialog_set_value (dialog, "place", "P2");
  save_episode (dialog);
  ck_assert_str_eq (pathways_episode_dialog_get_error (dialog, "place"),
                    "Placement type (PLACE) ‘P2’ was not a valid 903 code on 01/04/2024");
  pathways_episode_dialog_set_value (dialog, "place", "U4");
  pathways_episode_dialog_set_value (dialog, "decom", "01/01/2024");
  save_episode (dialog);
  maybe_screenshot (GTK_WIDGET (dialog), "episode-dialog-error");
  ck_assert_str_eq (pathways_episode_dialog_get_error (dialog, "decom"),
                    "Start date 01/01/2024: this episode overlaps the one from 01/06/2022 to 01/03/2024");
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_EPISODE, NULL), 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&dialog);

  /* Delete, undone from the toast */
  ck_assert (test_wait_for (episodes_shown, &w));
  ck_assert_str_eq (pathways_care_history_section_get_derived (section, "care-ended"), "01/03/2024");
  maybe_screenshot (GTK_WIDGET (section), "care-history-ended");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (section), "care-history.delete", "x", episode_id));
  w.n = 0;
  ck_assert (test_wait_for (episodes_shown, &w));
  ck_assert (gtk_widget_get_visible (pathways_person_page_get_field_widget (pw.page, "date-care-ended")));
  pathways_context_undo_last (context);
  w.n = 1;
  ck_assert (test_wait_for (episodes_shown, &w));

  close_page (&pw);
}
END_TEST

typedef struct {
  PathwaysStore *store;
  gint64         id;
  gboolean       closed;
} ClosedWait;

static gboolean
closed_is (gpointer data)
{
  ClosedWait *w = data;
  g_autoptr(PathwaysYoungPerson) yp = pathways_store_get (w->store, PATHWAYS_TYPE_YOUNG_PERSON, w->id, NULL);

  return (pathways_young_person_get_closed_on (yp) != NULL) == w->closed;
}

static gboolean
banner_shown (gpointer data)
{
  return pathways_archived_banner_get_text (data) != NULL;
}

static gboolean
banner_hidden (gpointer data)
{
  return pathways_archived_banner_get_text (data) == NULL;
}

/* Close Case… from the page: a bad day is refused, a good one closes the
 * case (Undo), the page shows the banner, and Reopen opens it again */
START_TEST (test_close_case)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "close.db");
  g_autoptr(PathwaysContext) context = test_gui_context (store);
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC8300");
  g_autoptr(AdwMessageDialog) dialog = NULL;
  gint64 id = test_add (store, PATHWAYS_RECORD (yp));
  ClosedWait w = { store, id, TRUE };
  PathwaysArchivedBanner *banner;
  PageWindow pw = { 0 };

  open_page (&pw, context, id);
  banner = PATHWAYS_ARCHIVED_BANNER (find_child_of_type (GTK_WIDGET (pw.page), PATHWAYS_TYPE_ARCHIVED_BANNER));
  ck_assert_ptr_null (pathways_archived_banner_get_text (banner));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (pw.page), "person.close-case", NULL));

  dialog = g_object_ref (pathways_close_case_dialog_present (GTK_WINDOW (pw.window), context, id, "Amara Okafor"));
  pathways_close_case_dialog_fill (dialog, "moved_away", "31/02/2026");
  adw_message_dialog_response (dialog, "close");
  ck_assert_str_eq (pathways_close_case_dialog_get_error (dialog), "Enter the day support ended as DD/MM/YYYY");
  pathways_close_case_dialog_fill (dialog, "moved_away", "20/11/2026");
  adw_message_dialog_response (dialog, "close");
  ck_assert (test_wait_for (closed_is, &w));
  {
    g_autoptr(PathwaysYoungPerson) now = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, id, NULL);
    ck_assert_str_eq (pathways_young_person_get_closed_on (now), "2026-11-20");
    ck_assert_str_eq (pathways_young_person_get_close_reason (now), "moved_away");
  }
  /* (the dialog is gone: let go of it before its parent window goes) */
  g_clear_object (&dialog);
  ck_assert (test_wait_for (banner_shown, banner));
  ck_assert_str_eq (pathways_archived_banner_get_text (banner),
                    "This case was closed on 20 November 2026 (Moved away). It is archived: not on the caseload or the timelines.");
  ck_assert (test_wait_for (page_ready, pw.page));
  maybe_screenshot (GTK_WIDGET (pw.page), "person-archived");

  /* Undo opens it again; so does Reopen on the banner */
  ck_assert (test_wait_for (has_undo, context));
  pathways_context_undo_last (context);
  w.closed = FALSE;
  ck_assert (test_wait_for (closed_is, &w));
  ck_assert (test_wait_for (banner_hidden, banner));
  ck_assert (pathways_people_close_case (store, id, TEST_TODAY, "reached_25", NULL, NULL));
  ck_assert (test_wait_for (banner_shown, banner));
  ck_assert (test_wait_for (page_ready, pw.page));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (banner), "archived-banner.reopen", NULL));
  ck_assert (test_wait_for (closed_is, &w));
  ck_assert (test_wait_for (banner_hidden, banner));

  close_page (&pw);
}
END_TEST

static gboolean
team_view_ready (gpointer data)
{
  return !pathways_team_view_is_loading (data);
}

typedef struct {
  PathwaysTeamView *view;
  gint64            id;
  const char       *want;
} SubtitleWait;

static gboolean
subtitle_is (gpointer data)
{
  SubtitleWait *w = data;

  return !pathways_team_view_is_loading (w->view) &&
         g_strcmp0 (pathways_team_view_get_staff_subtitle (w->view, w->id), w->want) == 0;
}

static gboolean
dialog_gone (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static gboolean
dialog_has_error (gpointer data)
{
  return pathways_team_view_dialog_get_error (data, NULL) != NULL;
}

static AdwMessageDialog *
team_dialog (PathwaysTeamView *view,
             const char       *action,
             gint64            id)
{
  if (id != 0)
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), action, "x", id));
  else
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), action, NULL));
  ck_assert_ptr_nonnull (pathways_team_view_get_dialog (view));
  return g_object_ref (pathways_team_view_get_dialog (view));
}

/* The Team page: each PA's caseload size; add a staff member (a name is
 * needed), undone; someone with cases cannot leave; add and rename a
 * team, its staff moving with it */
START_TEST (test_team_page)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "team.db");
  g_autoptr(PathwaysContext) context = test_gui_context (store);
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC8400");
  g_autoptr(AdwMessageDialog) dialog = NULL;
  gint64 pa = test_add_staff (store);
  GtkWidget *window = gtk_window_new ();
  PathwaysTeamView *view;
  SubtitleWait w;
  gint64 north_id;

  pathways_young_person_set_pa_id (yp, pa);
  test_add (store, PATHWAYS_RECORD (yp));
  /* (the staff member's team was made with them) */
  north_id = test_query_int (store, "SELECT id FROM team WHERE name = 'Leaving Care North'");
  view = PATHWAYS_TEAM_VIEW (pathways_team_view_new (context));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_present (GTK_WINDOW (window));
  w = (SubtitleWait) { view, pa, "Personal adviser · Leaving Care North · 1 young person" };
  ck_assert (test_wait_for (subtitle_is, &w));
  ck_assert_uint_eq (pathways_team_view_get_n_teams (view), 1);
  maybe_screenshot (window, "team-page");

  /* No row of buttons on every row (HIG): a staff row edits them when
   * activated, and its menu has Edit… and Mark as Left…; a team row
   * renames the team, from its menu too */
  {
    GtkListBox *staff_list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (view), PATHWAYS_TYPE_TEAM_VIEW,
                                                                          "staff_list"));
    GtkListBox *team_list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (view), PATHWAYS_TYPE_TEAM_VIEW,
                                                                         "team_list"));
    static const char * const staff_actions[] = { "team.edit-staff", "team.staff-leaves" };
    struct { GtkListBox *list; gint64 id; const char * const *actions; int n; } rows[] = {
      { staff_list, pa, staff_actions, 2 },
      { team_list, north_id, (const char * const []) { "team.rename-team" }, 1 },
    };

    for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
      {
        GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (rows[r].list, 0));
        GtkMenuButton *more = GTK_MENU_BUTTON (test_gui_find_type (row, GTK_TYPE_MENU_BUTTON));
        GMenuModel *menu;

        ck_assert (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
        ck_assert_str_eq (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), rows[r].actions[0]);
        ck_assert_int_eq (g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row))), rows[r].id);
        ck_assert_ptr_nonnull (more);
        ck_assert_ptr_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (more)));
        menu = gtk_menu_button_get_menu_model (more);
        ck_assert_int_eq (g_menu_model_get_n_items (menu), rows[r].n);
        for (int i = 0; i < rows[r].n; i++)
          {
            g_autofree char *action = NULL;
            g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                                               G_VARIANT_TYPE_INT64);

            ck_assert (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
            ck_assert_str_eq (action, rows[r].actions[i]);
            ck_assert_int_eq (g_variant_get_int64 (target), rows[r].id);
          }
        /* Enter on the row, as a click */
        ck_assert_ptr_null (pathways_team_view_get_dialog (view));
        g_signal_emit_by_name (row, "activate");
        ck_assert_ptr_nonnull (pathways_team_view_get_dialog (view));
        gtk_window_destroy (GTK_WINDOW (pathways_team_view_get_dialog (view)));
        for (guint i = 0; i < 10; i++)
          g_main_context_iteration (NULL, FALSE);
      }
  }

  /* Add Staff Member…: a name is needed; then added, and undone */
  dialog = team_dialog (view, "team.add-staff", 0);
  adw_message_dialog_response (dialog, "save");
  ck_assert_str_eq (pathways_team_view_dialog_get_error (dialog, "name"), "Enter their name");
  pathways_team_view_dialog_set (dialog, "name", "Jo Bloggs");
  pathways_team_view_dialog_set (dialog, "role", "housing");
  pathways_team_view_dialog_set (dialog, "team", "Leaving Care North");
  adw_message_dialog_response (dialog, "save");
  ck_assert (test_wait_for (dialog_gone, dialog));
  g_clear_object (&dialog);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_STAFF, NULL), 2);
  w.id = test_query_int (store, "SELECT id FROM staff WHERE name = 'Jo Bloggs'");
  w.want = "Housing liaison officer · Leaving Care North";
  ck_assert (test_wait_for (subtitle_is, &w));
  ck_assert (test_wait_for (has_undo, context));
  pathways_context_undo_last (context);
  w.want = NULL;
  ck_assert (test_wait_for (subtitle_is, &w));
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_STAFF, NULL), 1);

  /* A PA with a case cannot leave: the sentence says why */
  dialog = team_dialog (view, "team.staff-leaves", pa);
  adw_message_dialog_response (dialog, "save");
  ck_assert (test_wait_for (dialog_has_error, dialog));
  ck_assert_str_eq (pathways_team_view_dialog_get_error (dialog, NULL),
                    "Alison Bennett is still the personal adviser of 1 young person: reassign them first");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&dialog);

  /* Add Team…, and Rename…: the PA's team follows */
  dialog = team_dialog (view, "team.add-team", 0);
  pathways_team_view_dialog_set (dialog, "name", "Leaving Care South");
  adw_message_dialog_response (dialog, "save");
  ck_assert (test_wait_for (dialog_gone, dialog));
  g_clear_object (&dialog);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_TEAM, NULL), 2);
  ck_assert (test_wait_for (team_view_ready, view));
  dialog = team_dialog (view, "team.rename-team", north_id);
  pathways_team_view_dialog_set (dialog, "name", "Leaving Care Central");
  adw_message_dialog_response (dialog, "save");
  ck_assert (test_wait_for (dialog_gone, dialog));
  g_clear_object (&dialog);
  w.id = pa;
  w.want = "Personal adviser · Leaving Care Central · 1 young person";
  ck_assert (test_wait_for (subtitle_is, &w));
  {
    g_autoptr(PathwaysStaff) s = pathways_store_get (store, PATHWAYS_TYPE_STAFF, pa, NULL);
    ck_assert_str_eq (pathways_staff_get_team (s), "Leaving Care Central");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}
END_TEST

static gboolean
shows_three (gpointer data)
{
  return pathways_caseload_view_get_n_visible (data) == 3 &&
         g_strcmp0 (pathways_caseload_view_get_visible_page (data), "list") == 0;
}

static gboolean
reassign_ready (gpointer data)
{
  return pathways_reassign_dialog_is_ready (data);
}

/* The dialog a caseload action opened: the newest message dialog */
static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* (transfer none) */

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i - 1);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

typedef struct {
  PathwaysStore *store;
  gint64         staff_id;
  gint64         n;
} PaWait;

static gboolean
pa_has (gpointer data)
{
  PaWait *w = data;
  g_autoptr(GHashTable) sizes = pathways_people_caseload_sizes (w->store, NULL);

  return GPOINTER_TO_INT (g_hash_table_lookup (sizes, &w->staff_id)) == w->n;
}

/* Select three young people on the caseload and reassign them to another
 * PA (shown with their caseload size) in one action, undone as one */
START_TEST (test_reassign_many)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "reassign.db");
  g_autoptr(PathwaysContext) context = test_gui_context (store);
  g_autoptr(PathwaysStaff) other = pathways_staff_new ("Ben Carter", "pa", NULL);
  g_autoptr(AdwMessageDialog) dialog = NULL;
  gint64 pa = test_add_staff (store);
  gint64 to = test_add (store, PATHWAYS_RECORD (other));
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = pathways_caseload_view_new (context);
  PathwaysCaseloadView *cv = PATHWAYS_CASELOAD_VIEW (view);
  PaWait w = { store, to, 3 };

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *local_id = g_strdup_printf ("LC85%02u", i);
      g_autoptr(PathwaysYoungPerson) yp = test_make_person (local_id);

      pathways_young_person_set_pa_id (yp, pa);
      test_add (store, PATHWAYS_RECORD (yp));
    }
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  gtk_window_present (GTK_WINDOW (window));
  ck_assert (test_wait_for (shows_three, view));

  /* Select mode: a multiple selection; nothing chosen, nothing to do */
  ck_assert (gtk_widget_activate_action (view, "caseload.select-mode", NULL));
  ck_assert (GTK_IS_MULTI_SELECTION (gtk_column_view_get_model (pathways_caseload_view_get_column_view (cv))));
  gtk_widget_activate_action (view, "caseload.reassign", NULL);
  ck_assert_ptr_null (find_message_dialog ());
  gtk_selection_model_select_all (gtk_column_view_get_model (pathways_caseload_view_get_column_view (cv)));
  maybe_screenshot (window, "caseload-selecting");
  ck_assert (gtk_widget_activate_action (view, "caseload.reassign", NULL));
  dialog = g_object_ref (find_message_dialog ());
  ck_assert_ptr_nonnull (dialog);
  ck_assert (test_wait_for (reassign_ready, dialog));
  ck_assert_str_eq (pathways_reassign_dialog_get_label (dialog, pa), "Alison Bennett — 3 young people");
  ck_assert_str_eq (pathways_reassign_dialog_get_label (dialog, to), "Ben Carter — 0 young people");
  pathways_reassign_dialog_choose (dialog, to);
  maybe_screenshot (GTK_WIDGET (dialog), "reassign-dialog");
  adw_message_dialog_response (dialog, "reassign");
  ck_assert (test_wait_for (pa_has, &w));

  /* One undo puts all three back */
  ck_assert (test_wait_for (has_undo, context));
  pathways_context_undo_last (context);
  w.staff_id = pa;
  ck_assert (test_wait_for (pa_has, &w));
  g_clear_object (&dialog);

  /* Done: a click opens a young person again */
  ck_assert (gtk_widget_activate_action (view, "caseload.select-mode", NULL));
  ck_assert (GTK_IS_SINGLE_SELECTION (gtk_column_view_get_model (pathways_caseload_view_get_column_view (cv))));

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}
END_TEST

typedef struct {
  PathwaysStore *store;
  gint64         id;
  const char    *want;
  const char    *offered;
} StoredPaSupport;

typedef struct {
  PathwaysPersonPage     *page;
  PathwaysSupportSection *section;
  guint                   contacts;
  guint                   activities;
} SupportWait;

static gboolean
support_shows (gpointer data)
{
  SupportWait *w = data;

  return page_ready (w->page) && !pathways_support_section_is_loading (w->section) &&
         pathways_support_section_get_n_contacts (w->section) == w->contacts &&
         pathways_support_section_get_n_activities (w->section) == w->activities;
}

static gboolean
pa_support_is (gpointer data)
{
  StoredPaSupport *w = data;
  g_autoptr(PathwaysYoungPerson) yp = pathways_store_get (w->store, PATHWAYS_TYPE_YOUNG_PERSON, w->id, NULL);

  return g_strcmp0 (pathways_young_person_get_pa_support_after_21 (yp), w->want) == 0 &&
         g_strcmp0 (pathways_young_person_get_pa_support_offered_on (yp), w->offered) == 0;
}

/* The page's contacts (newest first) and EET: a contact recorded shows
 * at once; an activity is refused beside the field, then added, then
 * deleted and undone; PA support after 21 saves with the profile */
START_TEST (test_support_on_page)
{
  g_autoptr(PathwaysStore) store = test_open_store (dir, "support.db");
  g_autoptr(PathwaysContext) context = test_gui_context (store);
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("LC8600");
  g_autoptr(PathwaysContact) older = NULL;
  g_autoptr(AdwMessageDialog) dialog = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = test_add (store, PATHWAYS_RECORD (yp));
  PathwaysSupportSection *section;
  PageWindow pw = { 0 };
  SupportWait w;
  StoredPaSupport p = { store, id, "requested", "2026-06-01" };
  gint64 activity_id;

  older = g_object_new (PATHWAYS_TYPE_CONTACT, "young-person-id", id, "contact-date", "2026-10-01",
                        "kind", "visit", "note", "Home visit", NULL);
  ck_assert (pathways_people_record_contact (store, older, NULL, &error));
  open_page (&pw, context, id);
  section = PATHWAYS_SUPPORT_SECTION (find_child_of_type (GTK_WIDGET (pw.page), PATHWAYS_TYPE_SUPPORT_SECTION));
  w = (SupportWait) { pw.page, section, 1, 0 };
  ck_assert (test_wait_for (support_shows, &w));

  /* A newer contact comes first */
  dialog = g_object_ref (pathways_contact_dialog_present (GTK_WINDOW (pw.window), context, id));
  pathways_contact_dialog_fill (dialog, "phone", "20/11/2026", NULL);
  adw_message_dialog_response (dialog, "record");
  w.contacts = 2;
  ck_assert (test_wait_for (support_shows, &w));
  g_clear_object (&dialog);
  ck_assert_str_eq (pathways_support_section_get_contact_title (section, 0), "Phone call on 20 November 2026");
  ck_assert_str_eq (pathways_support_section_get_contact_title (section, 1), "Visit on 1 October 2026");

  /* Add Activity…: a bad day beside it; then added */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (section), "support.add-activity", NULL));
  dialog = g_object_ref (pathways_support_section_get_dialog (section));
  pathways_support_section_dialog_set (dialog, "activ", "F2");
  pathways_support_section_dialog_set (dialog, "start-date", "31/02/2026");
  adw_message_dialog_response (dialog, "add");
  ck_assert_str_eq (pathways_support_section_dialog_get_error (dialog, "start-date"),
                    "Enter the day it started as DD/MM/YYYY");
  pathways_support_section_dialog_set (dialog, "start-date", "01/09/2026");
  adw_message_dialog_response (dialog, "add");
  w.activities = 1;
  ck_assert (test_wait_for (support_shows, &w));
  g_clear_object (&dialog);
  activity_id = test_query_int (store, "SELECT id FROM activity");
  maybe_screenshot (GTK_WIDGET (section), "support-section");

  /* Delete, undone */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (section), "support.delete-activity", "x", activity_id));
  w.activities = 0;
  ck_assert (test_wait_for (support_shows, &w));
  pathways_context_undo_last (context);
  w.activities = 1;
  ck_assert (test_wait_for (support_shows, &w));

  /* PA support after 21: saved with the profile */
  {
    GtkWidget *combo = pathways_person_page_get_field_widget (pw.page, "pa-support-after-21");

    ck_assert (ADW_IS_COMBO_ROW (combo));
    adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 1);   /* after "Not recorded": Requested */
    pathways_person_page_set_profile_text (pw.page, "pa-support-offered-on", "01/06/2026");
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (pw.page), "person.save-profile", NULL));
    ck_assert (test_wait_for (pa_support_is, &p));
  }

  close_page (&pw);
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
  maybe_screenshot (GTK_WIDGET (dialog), "oc3-dialog");

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
  tcase_add_test (tc, test_refreshed_cells_follow_their_rows);
  tcase_add_test (tc, test_record_contact);
  tcase_add_test (tc, test_care_history_editor);
  tcase_add_test (tc, test_close_case);
  tcase_add_test (tc, test_team_page);
  tcase_add_test (tc, test_reassign_many);
  tcase_add_test (tc, test_support_on_page);
  tcase_add_test (tc, test_record_oc3_answers);
  suite_add_tcase (s, tc);
  return test_run_suite (s);
}
