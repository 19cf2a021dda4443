/* test-gui-polish.c — the save model, navigation and shortcuts of the
 * window, in-process, under Xvfb
 *
 * Pages save as you go, with Undo: nothing typed is lost by going Back,
 * opening someone else or closing, and what cannot be saved as it is is
 * never dropped without asking.  Dialogs (the unit editor) have Cancel
 * and Save, and ask before discarding.  The back button belongs to the
 * young person's page only; a page's shortcuts work from any focus while
 * it is shown, and the shortcuts window lists every one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pathways-application.h"
#include "pathways-caseload-view-private.h"
#include "pathways-destination-list-private.h"
#include "pathways-move-dialog-private.h"
#include "pathways-person-page-private.h"
#include "pathways-stock-view-private.h"
#include "pathways-sufficiency-view.h"
#include "pathways-table.h"
#include "pathways-unit-editor-private.h"
#include "pathways-unit-page-private.h"
#include "pathways-window-private.h"
#include "pathways-wrap-box.h"
#include "test-gui-util.h"

static char *dir;

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

/* Lets a window lay itself out again for @n short whiles (a page folds
 * on the frame after it sees its width) */
static void
settle (guint n)
{
  for (guint i = 0; i < n; i++)
    {
      spin (5);
      g_usleep (20000);
    }
}

typedef struct {
  PathwaysApplication *app;
  PathwaysWindow      *window;
  PathwaysStore       *store;
  char                *path;
} Session;

static gboolean
caseload_ready (gpointer data)
{
  const char *page = pathways_caseload_view_get_visible_page (data);

  return g_strcmp0 (page, "list") == 0 || g_strcmp0 (page, "empty") == 0;
}

static void
session_start (Session    *s,
               const char *name)
{
  GList *windows;

  s->path = g_build_filename (dir, name, NULL);
  g_setenv (PATHWAYS_DATABASE_ENV, s->path, TRUE);
  s->app = pathways_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  ck_assert (g_application_register (G_APPLICATION (s->app), NULL, NULL));
  g_application_activate (G_APPLICATION (s->app));
  windows = gtk_application_get_windows (GTK_APPLICATION (s->app));
  ck_assert_ptr_nonnull (windows);
  s->window = windows->data;
  ck_assert (test_wait_for (caseload_ready, pathways_window_get_caseload_view (s->window)));
  s->store = pathways_application_get_store (s->app);
  ck_assert_ptr_nonnull (s->store);
}

static void
session_end (Session *s)
{
  gtk_window_destroy (GTK_WINDOW (s->window));
  spin (50);
  g_application_quit (G_APPLICATION (s->app));
  g_clear_object (&s->app);
  g_clear_pointer (&s->path, g_free);
  g_unsetenv (PATHWAYS_DATABASE_ENV);
}

static gboolean
page_ready (gpointer data)
{
  return !pathways_person_page_is_loading (data) && pathways_person_page_get_details (data) != NULL;
}

static gint64
first_person (PathwaysStore *store)
{
  g_autoptr(GListModel) people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL);
  g_autoptr(PathwaysRecord) p = g_list_model_get_item (people, 0);

  ck_assert_ptr_nonnull (p);
  return pathways_record_get_id (p);
}

static PathwaysPersonPage *
open_person (Session *s,
             gint64   person_id)
{
  PathwaysPersonPage *page = pathways_window_get_person_page (s->window);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s->window), "win.open-person", "x", person_id));
  ck_assert (pathways_window_is_showing_person (s->window));
  ck_assert (test_wait_for (page_ready, page));
  return page;
}

typedef struct {
  PathwaysStore *store;
  gint64         id;
  const char    *field;
  const char    *want;
} StoredIs;

static gboolean
stored_is (gpointer data)
{
  StoredIs *w = data;
  g_autoptr(PathwaysRecord) r = pathways_store_get (w->store, PATHWAYS_TYPE_YOUNG_PERSON, w->id, NULL);

  return r != NULL && g_strcmp0 (pathways_record_get_string (r, w->field), w->want) == 0;
}

/* Save as you go ---------------------------------------------------- */

/* Typed into the profile, then straight Back: it is saved, with Undo */
START_TEST (test_back_saves_what_was_typed)
{
  Session s = { 0 };
  PathwaysPersonPage *page;
  StoredIs w = { 0 };

  session_start (&s, "back.db");
  w.store = s.store;
  w.id = first_person (s.store);
  w.field = "preferred-name";
  w.want = "Typed Then Back";
  page = open_person (&s, w.id);

  pathways_person_page_set_profile_text (page, "preferred-name", w.want);
  ck_assert (pathways_person_page_has_unsaved_edits (page));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.back", NULL));
  ck_assert (!pathways_window_is_showing_person (s.window));
  ck_assert_ptr_null (pathways_window_get_leave_dialog (s.window));
  ck_assert (test_wait_for (stored_is, &w));

  /* The change was one recorded action: Undo takes it back */
  ck_assert (test_wait_for (page_ready, page));
  ck_assert (!pathways_person_page_has_unsaved_edits (page));
  session_end (&s);
}
END_TEST

/* Wishes typed and left alone are saved a moment later, and a refresh
 * of the page meanwhile does not overwrite them */
START_TEST (test_wishes_save_as_you_type)
{
  Session s = { 0 };
  PathwaysPersonPage *page;
  GtkTextView *wishes;
  StoredIs w = { 0 };
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  session_start (&s, "wishes.db");
  w.store = s.store;
  w.id = first_person (s.store);
  w.field = "wishes-feelings";
  w.want = "I want to live near my sister.";
  page = open_person (&s, w.id);

  wishes = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (page), PATHWAYS_TYPE_PERSON_PAGE,
                                                         "wishes_view"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (wishes), w.want, -1);
  ck_assert (pathways_person_page_has_unsaved_edits (page));

  /* A note added at once makes the page refresh before the wishes are
   * written: what was typed stays */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_widget_get_template_child (
                              GTK_WIDGET (page), PATHWAYS_TYPE_PERSON_PAGE, "note_view"))), "Phoned", -1);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "person.add-note", NULL));
  ck_assert (test_wait_for (page_ready, page));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (wishes), &start, &end);
  shown = gtk_text_buffer_get_text (gtk_text_view_get_buffer (wishes), &start, &end, FALSE);
  ck_assert_str_eq (shown, w.want);

  /* ...and are written without a Save button */
  ck_assert (test_wait_for (stored_is, &w));
  ck_assert (test_wait_for (page_ready, page));
  ck_assert (!pathways_person_page_has_unsaved_edits (page));
  session_end (&s);
}
END_TEST

/* Something that cannot be saved as it is: leaving asks; "Keep Editing"
 * stays with the edit, "Discard" leaves and writes nothing */
START_TEST (test_leaving_invalid_edit_asks)
{
  Session s = { 0 };
  PathwaysPersonPage *page;
  g_autoptr(PathwaysRecord) before = NULL;
  g_autoptr(PathwaysRecord) after = NULL;
  GtkWindow *dialog;
  gint64 id;

  session_start (&s, "invalid.db");
  id = first_person (s.store);
  page = open_person (&s, id);
  before = pathways_store_get (s.store, PATHWAYS_TYPE_YOUNG_PERSON, id, NULL);

  pathways_person_page_set_profile_text (page, "date-of-birth", "31/02/2008");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.back", NULL));
  ck_assert (pathways_window_is_showing_person (s.window));
  dialog = pathways_window_get_leave_dialog (s.window);
  ck_assert_ptr_nonnull (dialog);
  ck_assert_ptr_nonnull (pathways_person_page_get_field_error (page, "date-of-birth"));

  /* Keep editing: still here, the text as typed */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  gtk_window_close (dialog);
  spin (20);
  ck_assert (pathways_window_is_showing_person (s.window));
  ck_assert_str_eq (pathways_person_page_get_profile_text (page, "date-of-birth"), "31/02/2008");

  /* Closing the window asks the same */
  gtk_window_close (GTK_WINDOW (s.window));
  spin (20);
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (s.window)));
  dialog = pathways_window_get_leave_dialog (s.window);
  ck_assert_ptr_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  gtk_window_close (dialog);
  spin (20);

  /* Opening someone else asks too; "Discard" goes on to them */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.back", NULL));
  dialog = pathways_window_get_leave_dialog (s.window);
  ck_assert_ptr_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  gtk_window_close (dialog);
  spin (20);
  ck_assert (!pathways_window_is_showing_person (s.window));
  ck_assert (!pathways_person_page_has_unsaved_edits (page));
  after = pathways_store_get (s.store, PATHWAYS_TYPE_YOUNG_PERSON, id, NULL);
  ck_assert_str_eq (pathways_record_get_string (after, "date-of-birth"),
                    pathways_record_get_string (before, "date-of-birth"));
  ck_assert_int_eq (pathways_record_get_version (after), pathways_record_get_version (before));
  session_end (&s);
}
END_TEST

/* Opening another young person saves what was typed for this one */
START_TEST (test_opening_someone_else_saves)
{
  Session s = { 0 };
  PathwaysPersonPage *page;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(PathwaysRecord) second = NULL;
  StoredIs w = { 0 };

  session_start (&s, "other.db");
  people = pathways_store_list (s.store, PATHWAYS_TYPE_YOUNG_PERSON, NULL);
  second = g_list_model_get_item (people, 1);
  w.store = s.store;
  w.id = first_person (s.store);
  w.field = "needs-summary";
  w.want = "Needs a ground-floor flat";
  page = open_person (&s, w.id);

  pathways_person_page_set_profile_text (page, "needs-summary", w.want);
  page = open_person (&s, pathways_record_get_id (second));
  ck_assert_int_eq (pathways_person_page_get_person_id (page), pathways_record_get_id (second));
  ck_assert (test_wait_for (stored_is, &w));
  session_end (&s);
}
END_TEST

/* The unit editor: Cancel with changes asks; "Discard" closes */
START_TEST (test_unit_editor_asks_before_discarding)
{
  Session s = { 0 };
  g_autoptr(GListModel) units = NULL;
  g_autoptr(PathwaysRecord) unit = NULL;
  PathwaysUnitEditor *editor;
  GtkWindow *dialog;

  session_start (&s, "editor.db");
  units = pathways_store_list (s.store, PATHWAYS_TYPE_UNIT, NULL);
  unit = g_list_model_get_item (units, 0);
  editor = pathways_unit_editor_new (pathways_application_get_context (s.app), PATHWAYS_UNIT (unit));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));
  spin (20);

  /* Unchanged: closes without asking */
  gtk_window_close (GTK_WINDOW (editor));
  spin (20);
  ck_assert_ptr_null (editor);

  editor = pathways_unit_editor_new (pathways_application_get_context (s.app), PATHWAYS_UNIT (unit));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));
  spin (20);
  pathways_unit_editor_set_text (editor, "provider", "A provider typed in");
  gtk_window_close (GTK_WINDOW (editor));
  spin (20);
  ck_assert_ptr_nonnull (editor);
  dialog = pathways_unit_editor_get_discard_dialog (editor);
  ck_assert_ptr_nonnull (dialog);
  /* (the dialog goes with the editor it belongs to) */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  spin (50);
  ck_assert_ptr_null (editor);
  if (dialog != NULL)
    gtk_window_close (dialog);
  session_end (&s);
}
END_TEST

/* Navigation -------------------------------------------------------- */

/* The back button is the young person's page's: not on the other tabs */
START_TEST (test_back_button_stays_with_its_page)
{
  Session s = { 0 };
  GtkWidget *back;
  PathwaysStockView *stock;

  session_start (&s, "nav.db");
  back = pathways_window_get_back_button (s.window);
  ck_assert (!gtk_widget_get_visible (back));
  open_person (&s, first_person (s.store));
  ck_assert (gtk_widget_get_visible (back));

  for (guint i = 0; i < 3; i++)
    {
      static const char *const others[] = { "stock", "timeline", "sufficiency" };

      ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-page", "s", others[i]));
      ck_assert_msg (!gtk_widget_get_visible (back), "the back button shows on %s", others[i]);
    }
  /* Back on the Caseload tab: the page as it was, its button with it */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-page", "s", "caseload"));
  ck_assert (pathways_window_is_showing_person (s.window));
  ck_assert (gtk_widget_get_visible (back));

  /* The stock opens a unit on a single click, as the caseload opens a person */
  stock = pathways_window_get_stock_view (s.window);
  ck_assert (gtk_column_view_get_single_click_activate (pathways_stock_view_get_column_view (stock)));
  session_end (&s);
}
END_TEST

/* Search ------------------------------------------------------------ */

static gboolean
has_action_widget (GtkWidget  *widget,
                   const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_action_widget (c, action))
      return TRUE;
  return FALSE;
}

static GtkAdjustment *
list_adjustment (GtkColumnView *view)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);

  ck_assert_ptr_nonnull (scroller);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

static gboolean
scrollable (gpointer data)
{
  GtkAdjustment *adj = data;

  return gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj) > 200;
}

/* The search entries are always shown (as in Settings and Contacts): no
 * header button that only focuses one; Ctrl+F does.  A search, and
 * clearing it, starts the list at the top */
START_TEST (test_search_entry_and_list_top)
{
  Session s = { 0 };
  PathwaysCaseloadView *caseload;
  PathwaysStockView *stock;
  GtkAdjustment *adj;
  GtkWidget *focus;

  session_start (&s, "search.db");
  gtk_window_set_default_size (GTK_WINDOW (s.window), 1280, 600);
  ck_assert_msg (!has_action_widget (GTK_WIDGET (s.window), "win.focus-search"),
                 "a button only focuses the search entry");
  caseload = pathways_window_get_caseload_view (s.window);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.focus-search", NULL));
  spin (20);
  focus = gtk_root_get_focus (GTK_ROOT (s.window));
  ck_assert_ptr_nonnull (focus);
  ck_assert_msg (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL ||
                 GTK_IS_SEARCH_ENTRY (focus), "Ctrl+F did not focus the search entry");

  /* Scrolled down, searched, cleared: back at the top */
  adj = list_adjustment (pathways_caseload_view_get_column_view (caseload));
  ck_assert (test_wait_for (scrollable, adj));
  gtk_adjustment_set_value (adj, 300);
  ck_assert (gtk_adjustment_get_value (adj) > 0);
  pathways_caseload_view_set_search_text (caseload, "a");
  spin (20);
  ck_assert (gtk_adjustment_get_value (adj) == 0);
  ck_assert (test_wait_for (scrollable, adj));
  gtk_adjustment_set_value (adj, 200);
  pathways_caseload_view_set_search_text (caseload, "");
  spin (20);
  ck_assert_msg (gtk_adjustment_get_value (adj) == 0, "the caseload stayed scrolled after the search was cleared");

  /* The same on the stock */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-page", "s", "stock"));
  stock = pathways_window_get_stock_view (s.window);
  adj = list_adjustment (pathways_stock_view_get_column_view (stock));
  ck_assert (test_wait_for (scrollable, adj));
  gtk_adjustment_set_value (adj, 200);
  pathways_stock_view_set_search_text (stock, "a");
  spin (20);
  ck_assert_msg (gtk_adjustment_get_value (adj) == 0, "a new search on the stock did not start at the top");
  /* Scrolled in the results (once they are laid out: a list scrolled
   * before it has its rows warns and stays put) */
  ck_assert (test_wait_for (scrollable, adj));
  gtk_adjustment_set_value (adj, 200);
  ck_assert (gtk_adjustment_get_value (adj) > 0);
  pathways_stock_view_set_search_text (stock, "");
  spin (20);
  ck_assert_msg (gtk_adjustment_get_value (adj) == 0, "the stock stayed scrolled after the search was cleared");
  session_end (&s);
}
END_TEST

/* A filter drop-down keeps its width whatever is picked */
START_TEST (test_filters_keep_their_width)
{
  Session s = { 0 };
  PathwaysCaseloadView *caseload;
  GtkDropDown *dropdowns[4];
  static const char *const names[] = { "scope_dropdown", "status_dropdown", "age_dropdown", "stage_dropdown" };

  session_start (&s, "filters.db");
  caseload = pathways_window_get_caseload_view (s.window);
  for (guint d = 0; d < G_N_ELEMENTS (names); d++)
    {
      int first = -1;
      guint n;

      dropdowns[d] = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (caseload), PATHWAYS_TYPE_CASELOAD_VIEW,
                                                                   names[d]));
      n = g_list_model_get_n_items (gtk_drop_down_get_model (dropdowns[d]));
      ck_assert_uint_gt (n, 1);
      for (guint i = 0; i < n; i++)
        {
          int width;

          gtk_drop_down_set_selected (dropdowns[d], i);
          spin (5);
          gtk_widget_measure (GTK_WIDGET (dropdowns[d]), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
          if (first < 0)
            first = width;
          ck_assert_msg (width == first, "%s is %d px wide with choice %u, %d px with the first", names[d], width, i,
                         first);
        }
      gtk_drop_down_set_selected (dropdowns[d], 0);
    }
  session_end (&s);
}
END_TEST

/* Shortcuts --------------------------------------------------------- */

/* The page's shortcut @trigger, if it activates @action from any focus
 * (a managed controller: the window runs it while the page is mapped) */
static gboolean
has_page_shortcut (GtkWidget  *page,
                   const char *trigger,
                   const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (page);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (trigger);
  g_autofree char *want = gtk_shortcut_trigger_to_string (wanted);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (c) ||
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (c)) != GTK_SHORTCUT_SCOPE_MANAGED)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (c)); j++)
        {
          g_autoptr(GtkShortcut) sc = g_list_model_get_item (G_LIST_MODEL (c), j);
          g_autofree char *t = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (sc));
          GtkShortcutAction *a = gtk_shortcut_get_action (sc);

          if (g_strcmp0 (t, want) == 0 && GTK_IS_NAMED_ACTION (a) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (a)), action) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
overlay_lists (GtkBuilder *builder,
               const char *accelerator,
               const char *title)
{
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accel = NULL;
      g_autofree char *t = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accel, "title", &t, NULL);
      if (accel != NULL && strstr (accel, accelerator) != NULL && g_strcmp0 (t, title) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
overlay_has_group (GtkBuilder *builder,
                   const char *title)
{
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *t = NULL;

      if (!GTK_IS_SHORTCUTS_GROUP (l->data))
        continue;
      g_object_get (l->data, "title", &t, NULL);
      if (g_strcmp0 (t, title) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The shortcuts window is built when first asked for (Ctrl+? or the
 * main menu), not with the window before its first frame */
START_TEST (test_shortcuts_window_on_demand)
{
  Session s = { 0 };
  g_auto(GStrv) accels = NULL;
  GtkShortcutsWindow *overlay;

  session_start (&s, "overlay.db");
  ck_assert_ptr_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (s.window)));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (s.app), "win.show-help-overlay");
  ck_assert_uint_eq (g_strv_length (accels), 1);
  ck_assert_str_eq (accels[0], "<Control>question");

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-help-overlay", NULL));
  spin (20);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (s.window));
  ck_assert_ptr_nonnull (overlay);
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  ck_assert_ptr_eq (gtk_window_get_transient_for (GTK_WINDOW (overlay)), GTK_WINDOW (s.window));

  /* Closed and asked for again: the same window, shown again */
  gtk_window_close (GTK_WINDOW (overlay));
  spin (20);
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (overlay)));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-help-overlay", NULL));
  spin (20);
  ck_assert_ptr_eq (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (s.window)), overlay);
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  session_end (&s);
}
END_TEST

START_TEST (test_shortcuts_from_any_focus)
{
  Session s = { 0 };
  PathwaysPersonPage *page;
  PathwaysStockView *stock;
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GSList) objects = NULL;
  GtkWidget *sufficiency;
  GtkWidget *section = NULL;
  GtkWindow *overlay;
  guint n_sections = 0;
  guint n_stacks = 0;
  static const struct {
    const char *accel;
    const char *title;
  } listed[] = {
    { "<Control>n", "Add young person" },
    { "<Control>m", "Schedule a move" },
    { "<Control><Shift>e", "Export the committee report" },
    { "<Control>s", "Save now (changes save as you type)" },
    { "<Control>n", "Add a unit" },
    { "<Alt>Left", "Back to the register" },
    { "<Alt>1...<Alt>8", "Go to a tab, from Caseload to My Day" },
    { "F5", "Refresh the page" },
    { "<Control>f", "Search" },
    { "<Control>plus", "Zoom in" },
    { "<Control>p", "Print the summary" },
    { "<Control>p", "Print the committee report" },
  };

  session_start (&s, "keys.db");
  page = open_person (&s, first_person (s.store));

  /* Focus outside the page (on the header's search button): the page's
   * shortcuts are the window's to run, not the focused widget's */
  gtk_widget_grab_focus (pathways_window_get_back_button (s.window));
  ck_assert (has_page_shortcut (GTK_WIDGET (page), "<Control>m", "person.schedule-move"));
  ck_assert (has_page_shortcut (GTK_WIDGET (page), "<Control>s", "person.save-profile"));
  ck_assert (has_page_shortcut (GTK_WIDGET (page), "<Control>p", "person.print"));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "person.schedule-move", NULL));
  spin (20);
  ck_assert_ptr_nonnull (pathways_person_page_get_move_dialog (page));
  gtk_window_close (pathways_person_page_get_move_dialog (page));
  spin (20);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-page", "s", "sufficiency"));
  sufficiency = GTK_WIDGET (pathways_window_get_page (s.window, "sufficiency"));
  ck_assert (has_page_shortcut (sufficiency, "<Control><Shift>e", "sufficiency.export"));
  ck_assert (has_page_shortcut (sufficiency, "<Control>p", "sufficiency.print"));

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-page", "s", "stock"));
  stock = pathways_window_get_stock_view (s.window);
  ck_assert (has_page_shortcut (GTK_WIDGET (stock), "<Control>n", "stock.add-unit"));
  ck_assert (has_page_shortcut (GTK_WIDGET (pathways_stock_view_get_unit_page (stock)), "<Alt>Left", "unit.back"));

  /* The shortcuts window lists them all, on one page, under the tabs' names */
  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/help-overlay.ui");
  for (guint i = 0; i < G_N_ELEMENTS (listed); i++)
    ck_assert_msg (overlay_lists (builder, listed[i].accel, listed[i].title),
                   "%s (%s) is not in the shortcuts window", listed[i].title, listed[i].accel);
  ck_assert (overlay_has_group (builder, "Caseload"));
  ck_assert (overlay_has_group (builder, "Stock"));
  ck_assert (overlay_has_group (builder, "Timeline"));
  ck_assert (overlay_has_group (builder, "Sufficiency"));
  ck_assert (!overlay_has_group (builder, "Housing Stock"));
  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SECTION (l->data))
      {
        n_sections++;
        section = l->data;
      }
  ck_assert_uint_eq (n_sections, 1);

  /* ... and the section lays them out on one page: its stack of pages
   * (two columns each, of at most max-height lines) holds a single one */
  overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  gtk_window_present (overlay);
  spin (20);
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (section)); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_STACK (c))
      {
        g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (GTK_STACK (c));
        ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (pages)), 1);
        n_stacks++;
      }
  ck_assert_uint_eq (n_stacks, 1);
  gtk_window_destroy (overlay);

  session_end (&s);
}
END_TEST


/* The housing officer's question ----------------------------------- */

static gboolean
stock_idle (gpointer data)
{
  return !pathways_stock_view_is_busy (data);
}

static gboolean
unit_page_ready (gpointer data)
{
  return !pathways_unit_page_is_loading (data) && pathways_unit_page_get_candidates (data) != NULL;
}

/* "Free on" a date, then a unit opened: "Who Could Live Here?" answers
 * for that date, not for today */
START_TEST (test_free_on_date_carried_into_unit)
{
  Session s = { 0 };
  PathwaysStockView *stock;
  PathwaysUnitPage *unit_page;
  GListModel *shown;
  g_autoptr(PathwaysRecord) row = NULL;

  session_start (&s, "freeon.db");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-page", "s", "stock"));
  stock = pathways_window_get_stock_view (s.window);
  ck_assert (test_wait_for (stock_idle, stock));
  pathways_stock_view_set_available_on (stock, "2027-01-15");
  ck_assert (test_wait_for (stock_idle, stock));

  shown = G_LIST_MODEL (gtk_column_view_get_model (pathways_stock_view_get_column_view (stock)));
  ck_assert_uint_gt (g_list_model_get_n_items (shown), 0);
  row = g_list_model_get_item (shown, 0);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (stock), "stock.open-unit", "x", pathways_record_get_id (row)));
  unit_page = pathways_stock_view_get_unit_page (stock);
  ck_assert (test_wait_for (unit_page_ready, unit_page));
  ck_assert_str_eq (pathways_unit_page_get_date (unit_page), "2027-01-15");

  /* Without a date asked, a unit ranks for the day it comes free (today or later) */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (unit_page), "unit.back", NULL));
  pathways_stock_view_set_available_on (stock, NULL);
  ck_assert (test_wait_for (stock_idle, stock));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (stock), "stock.open-unit", "x", pathways_record_get_id (row)));
  ck_assert (test_wait_for (unit_page_ready, unit_page));
  ck_assert_str_ne (pathways_unit_page_get_date (unit_page), "2027-01-15");
  session_end (&s);
}
END_TEST

/* Schedule Move starts on the day the need arises (an 18th birthday, the
 * end of a placement), not a fortnight from today */
START_TEST (test_schedule_dialog_starts_on_need_date)
{
  Session s = { 0 };
  g_autoptr(GListModel) people = NULL;
  g_autofree char *need = NULL;
  g_autofree char *uk = NULL;
  PathwaysPersonPage *page;
  GtkWindow *dialog;
  gint64 id = 0;

  session_start (&s, "needdate.db");
  people = pathways_store_list (s.store, PATHWAYS_TYPE_YOUNG_PERSON, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (people) && id == 0; i++)
    {
      g_autoptr(PathwaysRecord) p = g_list_model_get_item (people, i);
      PathwaysPersonDetails *d = pathways_person_load (s.store, pathways_record_get_id (p), TEST_TODAY, NULL);
      g_autofree char *fortnight = pathways_date_add_days (TEST_TODAY, 14);

      if (d != NULL && d->need_date != NULL && strcmp (d->need_date, TEST_TODAY) > 0 &&
          strcmp (d->need_date, fortnight) != 0)
        {
          id = pathways_record_get_id (p);
          need = g_strdup (d->need_date);
        }
      pathways_person_details_free (d);
    }
  ck_assert_int_gt (id, 0);

  page = open_person (&s, id);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "person.schedule-move", NULL));
  spin (20);
  dialog = pathways_person_page_get_move_dialog (page);
  ck_assert_ptr_nonnull (dialog);
  uk = pathways_date_format_uk (need);
  ck_assert_str_eq (pathways_move_dialog_get_date_text (PATHWAYS_MOVE_DIALOG (dialog)), uk);
  gtk_window_close (dialog);
  spin (20);
  session_end (&s);
}
END_TEST


/* Widgets under @root drawn on screen (mapped) that @match accepts */
static guint
count_mapped (GtkWidget *root,
              gboolean (*match) (GtkWidget *, gconstpointer),
              gconstpointer data)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (root))
    return 0;
  n += match (root, data);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    n += count_mapped (c, match, data);
  return n;
}

static gboolean
is_label_saying (GtkWidget    *w,
                 gconstpointer text)
{
  return GTK_IS_LABEL (w) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (w)), text) == 0;
}

static gboolean
is_button_for (GtkWidget    *w,
               gconstpointer action)
{
  return GTK_IS_BUTTON (w) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), action) == 0;
}

static gboolean
is_page_button_for (GtkWidget    *w,
                    gconstpointer action)
{
  return is_button_for (w, action) && gtk_widget_get_ancestor (w, GTK_TYPE_LIST_BOX) == NULL;
}

static gboolean
is_unexplained_score (GtkWidget    *w,
                      gconstpointer data)
{
  const char *tip;

  if (!GTK_IS_LABEL (w) || !g_str_has_prefix (gtk_label_get_label (GTK_LABEL (w)), "Score "))
    return FALSE;
  tip = gtk_widget_get_tooltip_text (w);
  return tip == NULL || strstr (tip, "How well this fits") == NULL;
}

static gboolean
is_score (GtkWidget    *w,
          gconstpointer data)
{
  return GTK_IS_LABEL (w) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (w)), "Score ");
}

static gboolean
destinations_shown (gpointer data)
{
  PathwaysDestinationList *list = data;

  return !pathways_destination_list_is_loading (list) && pathways_destination_list_get_destinations (list) != NULL;
}

/* The young person's page: "Where Could They Go?" once, one Schedule
 * Move… in the header (the one suggested action), each score explained */
START_TEST (test_person_page_where_could_they_go_once)
{
  Session s = { 0 };
  g_autoptr(GListModel) people = NULL;
  g_autoptr(PathwaysRecord) p = NULL;
  PathwaysPersonPage *page;
  GtkWidget *list;

  session_start (&s, "once.db");
  people = pathways_store_list (s.store, PATHWAYS_TYPE_YOUNG_PERSON, NULL);
  p = g_list_model_get_item (people, 0);
  page = open_person (&s, pathways_record_get_id (p));
  list = pathways_person_page_get_destination_list (page);
  ck_assert (test_wait_for (destinations_shown, list));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (s.window));
  spin (20);

  ck_assert_uint_eq (count_mapped (GTK_WIDGET (page), is_label_saying, "Where Could They Go?"), 1);
  /* One Schedule Move… button outside the lists (an alert's row may offer its own) */
  ck_assert_uint_eq (count_mapped (GTK_WIDGET (page), is_page_button_for, "person.schedule-move"), 1);
  ck_assert_uint_gt (count_mapped (list, is_score, NULL), 0);
  ck_assert_uint_eq (count_mapped (list, is_unexplained_score, NULL), 0);
  session_end (&s);
}
END_TEST

/* About has the debug information a bug report needs */
START_TEST (test_about_has_debug_information)
{
  Session s = { 0 };
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwAboutWindow *about = NULL;
  const char *debug;

  session_start (&s, "about.db");
  g_action_group_activate_action (G_ACTION_GROUP (s.app), "about", NULL);
  spin (20);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && about == NULL; i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_ABOUT_WINDOW (w))
        about = ADW_ABOUT_WINDOW (w);
    }
  ck_assert_ptr_nonnull (about);
  debug = adw_about_window_get_debug_info (about);
  ck_assert_ptr_nonnull (strstr (debug, "GTK 4."));
  ck_assert_ptr_nonnull (strstr (debug, "libadwaita 1."));
  ck_assert_ptr_nonnull (strstr (debug, "SQLite 3."));
  ck_assert_ptr_nonnull (strstr (debug, "libpq "));
  ck_assert_ptr_nonnull (strstr (debug, "about.db"));
  gtk_window_destroy (GTK_WINDOW (about));
  session_end (&s);
}
END_TEST


/* Tables (#16) ------------------------------------------------------- */

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title,
               guint         *position)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (c), title) == 0)
        {
          if (position != NULL)
            *position = i;
          return c;
        }
    }
  ck_abort_msg ("no column %s", title);
  return NULL;
}

/* Closes the window and opens a new one, as the next start would */
static void
window_restart (Session *s,
                int      width)
{
  gtk_window_destroy (GTK_WINDOW (s->window));
  spin (50);
  /* After the old window kept its own size */
  if (width > 0)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      g_settings_set_int (settings, "window-width", width);
    }
  s->window = pathways_window_new (s->app);
  gtk_window_present (GTK_WINDOW (s->window));
  ck_assert (test_wait_for (caseload_ready, pathways_window_get_caseload_view (s->window)));
}

/* Hiding a column through its action takes it away; the choice, a width
 * dragged and an order changed survive closing the window */
START_TEST (test_caseload_columns_kept)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Session s = { 0 };
  PathwaysCaseloadView *view;
  GtkColumnView *columns;
  GtkColumnViewColumn *local_id, *pa;
  GMenuModel *menu;
  guint position = 0;

  g_settings_reset (settings, "caseload-columns");
  session_start (&s, "columns.db");
  view = pathways_window_get_caseload_view (s.window);
  columns = pathways_caseload_view_get_column_view (view);
  local_id = column_titled (columns, "Local ID", NULL);
  pa = column_titled (columns, "PA", NULL);
  ck_assert (gtk_column_view_column_get_visible (local_id));
  ck_assert (gtk_column_view_column_get_resizable (pa));

  /* Every header has the menu of columns: one item each, and Reset */
  menu = gtk_column_view_column_get_header_menu (pa);
  ck_assert_ptr_nonnull (menu);
  ck_assert_int_eq (g_menu_model_get_n_items (g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION)),
                    g_list_model_get_n_items (gtk_column_view_get_columns (columns)));

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "columns.show-local-id", NULL));
  ck_assert (!gtk_column_view_column_get_visible (local_id));
  /* The name cannot be hidden */
  gtk_widget_activate_action (GTK_WIDGET (view), "columns.show-name", NULL);
  ck_assert (gtk_column_view_column_get_visible (column_titled (columns, "Name", NULL)));
  /* As a drag of the header and of its edge would */
  gtk_column_view_insert_column (columns, 1, pa);
  gtk_column_view_column_set_fixed_width (pa, 150);
  window_restart (&s, 0);

  {
    g_autoptr(GVariant) kept = g_settings_get_value (settings, "caseload-columns");
    const char *key;
    gboolean shown;
    gint32 width;

    ck_assert_uint_gt (g_variant_n_children (kept), 1);
    g_variant_get_child (kept, 1, "(&sbi)", &key, &shown, &width);
    ck_assert_str_eq (key, "pa");
    ck_assert (shown);
    ck_assert_int_eq (width, 150);
  }

  /* The new window: as it was left */
  view = pathways_window_get_caseload_view (s.window);
  columns = pathways_caseload_view_get_column_view (view);
  ck_assert (!gtk_column_view_column_get_visible (column_titled (columns, "Local ID", NULL)));
  pa = column_titled (columns, "PA", &position);
  ck_assert_uint_eq (position, 1);
  ck_assert_int_eq (gtk_column_view_column_get_fixed_width (pa), 150);

  /* Shown again, and Reset puts everything back */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "columns.show-local-id", NULL));
  ck_assert (gtk_column_view_column_get_visible (column_titled (columns, "Local ID", NULL)));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "columns.reset", NULL));
  column_titled (columns, "PA", &position);
  ck_assert_uint_eq (position, g_list_model_get_n_items (gtk_column_view_get_columns (columns)) - 1);
  ck_assert_int_eq (gtk_column_view_column_get_fixed_width (pa), -1);
  session_end (&s);
  g_settings_reset (settings, "caseload-columns");
}
END_TEST

/* What the settings hold is checked: unknown and repeated columns, a
 * hidden name and silly widths are not believed */
START_TEST (test_bad_column_settings_ignored)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Session s = { 0 };
  GtkColumnView *columns;
  guint position = 0;

  g_settings_set_value (settings, "caseload-columns",
                        g_variant_new_parsed ("[('bogus', false, 100), ('age', false, 80), ('name', false, 99999),"
                                              " ('age', true, 90), ('status', true, 3)]"));
  session_start (&s, "bad-columns.db");
  columns = pathways_caseload_view_get_column_view (pathways_window_get_caseload_view (s.window));
  ck_assert (!gtk_column_view_column_get_visible (column_titled (columns, "Age", &position)));
  ck_assert_uint_eq (position, 0);
  ck_assert_int_eq (gtk_column_view_column_get_fixed_width (column_titled (columns, "Age", NULL)), 80);
  ck_assert (gtk_column_view_column_get_visible (column_titled (columns, "Name", &position)));
  ck_assert_uint_eq (position, 1);
  ck_assert_int_eq (gtk_column_view_column_get_fixed_width (column_titled (columns, "Name", NULL)), -1);
  ck_assert_int_eq (gtk_column_view_column_get_fixed_width (column_titled (columns, "Status", NULL)), -1);
  /* Columns not named keep their place after those that are */
  ck_assert (gtk_column_view_column_get_visible (column_titled (columns, "PA", &position)));
  ck_assert_uint_eq (position, g_list_model_get_n_items (gtk_column_view_get_columns (columns)) - 1);
  session_end (&s);
  g_settings_reset (settings, "caseload-columns");
}
END_TEST

static gboolean
is_narrow (gpointer data)
{
  gboolean narrow = FALSE;

  g_object_get (data, "narrow", &narrow, NULL);
  return narrow;
}

static gboolean
every_row_shown (gpointer data)
{
  GtkColumnView *columns = pathways_caseload_view_get_column_view (data);

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (columns))) ==
         pathways_caseload_view_get_n_visible (data);
}

/* A narrow window shows the caseload as a list of the same rows: the
 * search narrows it, Enter on a single match and a click on a row open
 * the young person, and selection mode selects in it */
START_TEST (test_narrow_caseload_is_a_list)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Session s = { 0 };
  PathwaysCaseloadView *view;
  GtkListView *list;
  GtkSearchEntry *entry;
  GListModel *rows;
  g_autoptr(PathwaysCaseloadRow) first = NULL;

  g_settings_set_int (settings, "window-width", 360);
  session_start (&s, "narrow.db");
  view = pathways_window_get_caseload_view (s.window);
  ck_assert (test_wait_for (is_narrow, view));
  list = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (view), PATHWAYS_TYPE_CASELOAD_VIEW, "narrow_list"));
  entry = GTK_SEARCH_ENTRY (gtk_widget_get_template_child (GTK_WIDGET (view), PATHWAYS_TYPE_CASELOAD_VIEW, "search_entry"));
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (list)));
  ck_assert (!gtk_widget_get_mapped (GTK_WIDGET (pathways_caseload_view_get_column_view (view))));
  /* The table's rows, not a copy */
  rows = G_LIST_MODEL (gtk_list_view_get_model (list));
  ck_assert_ptr_eq (rows, gtk_column_view_get_model (pathways_caseload_view_get_column_view (view)));
  ck_assert_uint_gt (g_list_model_get_n_items (rows), 1);
  /* (the first rows for the first frame, every row a frame later) */
  ck_assert (test_wait_for (every_row_shown, view));
  ck_assert_uint_eq (g_list_model_get_n_items (rows), pathways_caseload_view_get_n_visible (view));

  /* A click on the second row opens that young person */
  first = g_list_model_get_item (rows, 1);
  g_signal_emit_by_name (list, "activate", 1);
  ck_assert (pathways_window_is_showing_person (s.window));
  ck_assert_int_eq (pathways_person_page_get_person_id (pathways_window_get_person_page (s.window)),
                    pathways_record_get_id (PATHWAYS_RECORD (first)));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-page", "s", "caseload"));

  /* The search narrows the list; Enter opens the single match */
  ck_assert_ptr_nonnull (pathways_caseload_row_get_local_id (first));
  pathways_caseload_view_set_search_text (view, pathways_caseload_row_get_local_id (first));
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), 1);
  g_signal_emit_by_name (entry, "activate");
  ck_assert (pathways_window_is_showing_person (s.window));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-page", "s", "caseload"));
  pathways_caseload_view_set_search_text (view, "");

  /* Selection mode selects in the list */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "caseload.select-mode", NULL));
  ck_assert (GTK_IS_MULTI_SELECTION (gtk_list_view_get_model (list)));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "caseload.select-mode", NULL));
  ck_assert (GTK_IS_SINGLE_SELECTION (gtk_list_view_get_model (list)));

  session_end (&s);
  g_settings_reset (settings, "window-width");
}
END_TEST


static gboolean
register_ready (gpointer data)
{
  return g_strcmp0 (pathways_stock_view_get_visible_page (data), "list") == 0;
}

/* A narrow page's Filters button (the template children filters_button,
 * filters_badge and filters_revealer of @page, of @type): shown, the
 * filters hidden; the toggle @toggle and the drop-down @dropdown count 2
 * on it; it shows and hides the filters; the action @clear empties it */
static void
assert_filters_button (GtkWidget  *page,
                       GType       type,
                       const char *toggle,
                       const char *dropdown,
                       const char *clear)
{
  GtkRevealer *filters = GTK_REVEALER (gtk_widget_get_template_child (page, type, "filters_revealer"));
  GtkToggleButton *button = GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (page, type, "filters_button"));
  GtkLabel *badge = GTK_LABEL (gtk_widget_get_template_child (page, type, "filters_badge"));

  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (button)));
  ck_assert_ptr_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (button)));
  ck_assert (!gtk_revealer_get_reveal_child (filters));
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (badge)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (page, type, toggle)), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_template_child (page, type, dropdown)), 1);
  spin (5);
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (badge)));
  ck_assert_str_eq (gtk_label_get_label (badge), "2");
  gtk_toggle_button_set_active (button, TRUE);
  ck_assert (gtk_revealer_get_reveal_child (filters));
  gtk_toggle_button_set_active (button, FALSE);
  ck_assert (!gtk_revealer_get_reveal_child (filters));
  ck_assert (gtk_widget_activate_action (page, clear, NULL));
  spin (5);
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (badge)));
}

/* The register: a column hidden stays hidden in a new window; a narrow
 * window shows the units as a list of the same rows, one that fits in
 * 360 px, and a click opens the unit */
START_TEST (test_narrow_register_is_a_list)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Session s = { 0 };
  PathwaysStockView *stock;
  GtkColumnView *columns;
  GtkListView *list;
  int minimum = 0;

  g_settings_reset (settings, "stock-columns");
  session_start (&s, "narrow-stock.db");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-page", "s", "stock"));
  stock = pathways_window_get_stock_view (s.window);
  ck_assert (test_wait_for (register_ready, stock));
  columns = pathways_stock_view_get_column_view (stock);
  /* Wide, the filters are shown, with no Filters button */
  ck_assert (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (stock),
                                                                                          PATHWAYS_TYPE_STOCK_VIEW,
                                                                                          "filters_revealer"))));
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (stock), PATHWAYS_TYPE_STOCK_VIEW,
                                                                                 "filters_button"))));
  /* Ages and Support are there to choose, not shown as installed; Reset
   * Columns goes back to that */
  ck_assert (!gtk_column_view_column_get_visible (column_titled (columns, "Ages", NULL)));
  ck_assert (!gtk_column_view_column_get_visible (column_titled (columns, "Support", NULL)));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (stock), "columns.show-ages", NULL));
  ck_assert (gtk_column_view_column_get_visible (column_titled (columns, "Ages", NULL)));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (stock), "columns.reset", NULL));
  ck_assert (!gtk_column_view_column_get_visible (column_titled (columns, "Ages", NULL)));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (stock), "columns.show-weekly-cost", NULL));
  ck_assert (!gtk_column_view_column_get_visible (column_titled (columns, "Weekly Cost", NULL)));

  window_restart (&s, 360);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-page", "s", "stock"));
  stock = pathways_window_get_stock_view (s.window);
  ck_assert (test_wait_for (register_ready, stock));
  columns = pathways_stock_view_get_column_view (stock);
  ck_assert (!gtk_column_view_column_get_visible (column_titled (columns, "Weekly Cost", NULL)));
  ck_assert (gtk_column_view_column_get_visible (column_titled (columns, "Status", NULL)));

  for (guint i = 0; i < 100 && !is_narrow (stock); i++)
    {
      spin (5);
      g_usleep (20000);
    }
  if (!is_narrow (stock))
    ck_abort_msg ("not narrow: the register is %d px wide in a window of %d", gtk_widget_get_width (GTK_WIDGET (stock)),
                  gtk_widget_get_width (GTK_WIDGET (s.window)));
  list = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (stock), PATHWAYS_TYPE_STOCK_VIEW, "narrow_list"));
  ck_assert_ptr_eq (gtk_list_view_get_model (list), gtk_column_view_get_model (columns));
  ck_assert_uint_gt (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), 0);
  /* Narrow, the register's parts fit the narrowest window: the header
   * row, the search row, the filters and the list (Coming Free, the
   * other page of the same stack, does not yet) */
  {
    static const char * const parts[] = { "toolbar", "narrow_search_row", "filter_box", "layout_stack" };

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      {
        GtkWidget *part = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (stock), PATHWAYS_TYPE_STOCK_VIEW, parts[i]));

        gtk_widget_measure (part, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
        ck_assert_msg (minimum <= 360, "%s is %d px wide at least", parts[i], minimum);
      }
  }

  /* The filters hide behind a Filters button, which counts those in use */
  assert_filters_button (GTK_WIDGET (stock), PATHWAYS_TYPE_STOCK_VIEW, "registered_toggle", "kind_dropdown",
                         "stock.clear-filters");

  g_signal_emit_by_name (list, "activate", 0);
  ck_assert_str_eq (pathways_stock_view_get_visible_page (stock), "unit");

  session_end (&s);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "stock-columns");
}
END_TEST


static void
wait_narrow (gpointer view)
{
  for (guint i = 0; i < 100 && !is_narrow (view); i++)
    {
      spin (5);
      g_usleep (20000);
    }
}

/* The narrowest GNOME window (360 px, a phone): the window lets itself
 * be that narrow, and every page of the caseload and the register —
 * the list, the filters, the cards, Coming Free — fits in it, nothing
 * asking for more than the window has.  The window itself is measured:
 * on Xvfb, with no compositor, it draws its frame inside its 360 px, as
 * on X11 */
START_TEST (test_narrowest_window)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Session s = { 0 };
  PathwaysCaseloadView *caseload;
  PathwaysStockView *stock;
  GtkStack *inner;

  /* GNOME's and Phosh's title buttons (Xvfb has no settings daemon and
   * GTK's own default adds minimise and maximise, which no phone has) */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  g_settings_set_int (settings, "window-width", 360);
  session_start (&s, "narrowest.db");
  ck_assert_int_le (gtk_widget_get_width (gtk_window_get_child (GTK_WINDOW (s.window))), 360);
  test_gui_assert_fits (GTK_WIDGET (s.window), 360, "the window");
  caseload = pathways_window_get_caseload_view (s.window);
  wait_narrow (caseload);
  ck_assert (is_narrow (caseload));
  test_gui_assert_fits (GTK_WIDGET (caseload), 360, "the caseload");
  test_gui_assert_fits (GTK_WIDGET (s.window), 360, "the window on the caseload");

  /* The count reads whole beside the search */
  {
    GtkWidget *count = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (caseload), PATHWAYS_TYPE_CASELOAD_VIEW,
                                                                  "count_label"));
    int natural = 0;

    settle (10);
    gtk_widget_measure (count, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
    ck_assert_int_gt (natural, 0);
    ck_assert_int_ge (gtk_widget_get_width (count), natural);
  }

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-page", "s", "stock"));
  stock = pathways_window_get_stock_view (s.window);
  /* Not yet narrow, it asks no more than the window has either: a
   * window does not shrink back once a page has made it grow */
  test_gui_assert_fits (GTK_WIDGET (stock), 360, "the register, before it folds");
  ck_assert (test_wait_for (register_ready, stock));
  wait_narrow (stock);
  ck_assert (is_narrow (stock));
  test_gui_assert_fits (GTK_WIDGET (stock), 360, "the register");
  ck_assert_int_le (gtk_widget_get_width (gtk_window_get_child (GTK_WINDOW (s.window))), 360);
  test_gui_assert_fits (GTK_WIDGET (s.window), 360, "the window on the register");

  inner = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (stock), PATHWAYS_TYPE_STOCK_VIEW, "inner_stack"));
  gtk_stack_set_visible_child_name (inner, "coming-free");
  settle (20);
  test_gui_assert_fits (GTK_WIDGET (stock), 360, "Coming Free");
  ck_assert_int_le (gtk_widget_get_width (gtk_window_get_child (GTK_WINDOW (s.window))), 360);

  /* …and so does every other page, loaded */
  {
    static const char * const pages[] = { "timeline", "sufficiency", "commission", "team", "plan", "my-day" };

    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        g_autofree char *what = g_strdup_printf ("the %s page", pages[i]);

        ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-page", "s", pages[i]));
        ck_assert_ptr_nonnull (pathways_window_get_page (s.window, pages[i]));
        settle (40);
        test_gui_assert_fits (GTK_WIDGET (pathways_window_get_page (s.window, pages[i])), 360, what);
        test_gui_assert_fits (GTK_WIDGET (s.window), 360, what);
      }
  }

  session_end (&s);
  g_settings_reset (settings, "window-width");
}
END_TEST

/* A young person's page in the narrowest window: the name with the
 * actions under it (the title row wraps), every section and the header
 * fitting in 360 px; in a wide window the actions are beside the name */
START_TEST (test_person_page_narrowest)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Session s = { 0 };
  PathwaysPersonPage *page = NULL;
  PathwaysWrapBox *title;

  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  g_settings_set_int (settings, "window-width", 360);
  session_start (&s, "narrowest-person.db");
  /* The first dozen, with their alerts' buttons, statuses and names */
  {
    g_autoptr(GListModel) people = pathways_store_list (s.store, PATHWAYS_TYPE_YOUNG_PERSON, NULL);

    for (guint n = 0; n < 12 && n < g_list_model_get_n_items (people); n++)
      {
        g_autoptr(PathwaysRecord) p = g_list_model_get_item (people, n);
        g_autofree char *what = NULL;

        page = open_person (&s, pathways_record_get_id (p));
        settle (10);
        what = g_strdup_printf ("the page of young person %" G_GINT64_FORMAT, pathways_record_get_id (p));
        test_gui_assert_fits (gtk_window_get_child (GTK_WINDOW (s.window)), 360, what);
        ck_assert_int_le (gtk_widget_get_width (gtk_window_get_child (GTK_WINDOW (s.window))), 360);
      }
  }
  ck_assert_ptr_nonnull (page);
  title = PATHWAYS_WRAP_BOX (gtk_widget_get_template_child (GTK_WIDGET (page), PATHWAYS_TYPE_PERSON_PAGE, "title_wrap"));
  ck_assert_uint_eq (pathways_wrap_box_get_n_lines (title), 2);
  /* GTK's own title buttons, minimise and maximise too, beside the back
   * button and the menu: the title gives way rather than widen the window */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "icon:minimize,maximize,close", NULL);
  spin (20);
  test_gui_assert_fits (gtk_window_get_child (GTK_WINDOW (s.window)), 360, "the window with three title buttons");
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  /* Wide, the actions are beside the name again */
  gtk_window_set_default_size (GTK_WINDOW (s.window), 1200, 800);
  settle (20);
  ck_assert_int_gt (gtk_widget_get_width (GTK_WIDGET (page)), 1000);
  ck_assert_uint_eq (pathways_wrap_box_get_n_lines (title), 1);

  session_end (&s);
  g_settings_reset (settings, "window-width");
}
END_TEST

/* An 800 × 600 window: the register keeps its height for the list (the
 * cards give way and the window does not grow to hold them), Import…
 * and Add Unit show their labels, as buttons no wider than those, and
 * the count reads whole */
START_TEST (test_register_at_800_by_600)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Session s = { 0 };
  PathwaysStockView *stock;
  GtkWidget *counts, *icon, *squeezer, *count;
  int natural = 0;

  g_settings_set_int (settings, "window-width", 800);
  g_settings_set_int (settings, "window-height", 600);
  session_start (&s, "register-800.db");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-page", "s", "stock"));
  stock = pathways_window_get_stock_view (s.window);
  ck_assert (test_wait_for (register_ready, stock));
  settle (20);
  ck_assert_int_le (gtk_widget_get_height (GTK_WIDGET (s.window)), 600);
  counts = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (stock), PATHWAYS_TYPE_STOCK_VIEW, "counts_box"));
  ck_assert (!gtk_widget_get_visible (counts));
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (pathways_stock_view_get_column_view (stock))));

  icon = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (stock), PATHWAYS_TYPE_STOCK_VIEW, "import_icon"));
  squeezer = gtk_widget_get_parent (icon);
  ck_assert_ptr_ne (adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer)), icon);
  gtk_widget_measure (gtk_widget_get_first_child (squeezer), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  ck_assert_int_le (gtk_widget_get_width (squeezer), natural + 1);

  count = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (stock), PATHWAYS_TYPE_STOCK_VIEW, "count_label"));
  gtk_widget_measure (count, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  ck_assert_int_ge (gtk_widget_get_width (count), natural);

  session_end (&s);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}
END_TEST

/* The texts of @widget's mapped inscriptions that are cut short, each
 * with its column's title ("Kind: Housing association nomination") */
static void
collect_truncated (GtkWidget     *widget,
                   GtkColumnView *columns,
                   GString       *out,
                   guint         *n)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_INSCRIPTION (child) && pathways_inscription_is_truncated (GTK_INSCRIPTION (child)))
        {
          /* A row's cells are in the order of its visible columns */
          GtkWidget *cell = child, *row;
          guint position = 0;
          const char *title = "?";

          while ((row = gtk_widget_get_parent (cell)) != NULL && gtk_widget_get_parent (row) != NULL &&
                 !GTK_IS_COLUMN_VIEW (gtk_widget_get_parent (gtk_widget_get_parent (row))) &&
                 gtk_widget_get_parent (row) != GTK_WIDGET (columns))
            cell = row;
          for (GtkWidget *c = gtk_widget_get_prev_sibling (cell); c != NULL; c = gtk_widget_get_prev_sibling (c))
            position++;
          for (guint i = 0, shown = 0; i < g_list_model_get_n_items (gtk_column_view_get_columns (columns)); i++)
            {
              g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (gtk_column_view_get_columns (columns), i);

              if (gtk_column_view_column_get_visible (c) && shown++ == position)
                title = gtk_column_view_column_get_title (c);
            }
          {
            g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (child, gtk_inscription_get_text (GTK_INSCRIPTION (child)));
            int needs = 0;

            pango_layout_get_pixel_size (layout, &needs, NULL);
            g_string_append_printf (out, "\n  %s: %s (%d px of %d)", title, gtk_inscription_get_text (GTK_INSCRIPTION (child)),
                                    gtk_widget_get_width (child), needs);
          }
          (*n)++;
        }
      collect_truncated (child, columns, out, n);
    }
}

/* Adds to @out what @columns cuts short */
static void
find_truncated (GtkColumnView *columns,
                const char    *what,
                GString       *out)
{
  g_autoptr(GString) cells = g_string_new (NULL);
  guint n = 0;

  collect_truncated (GTK_WIDGET (columns), columns, cells, &n);
  if (n > 0)
    g_string_append_printf (out, "\n%s, %d px wide: %u cells cut short%s", what,
                            gtk_widget_get_width (GTK_WIDGET (columns)), n, cells->str);
}

/* A 1400 × 900 window: the default columns of the caseload and the
 * register read whole in the demo data */
START_TEST (test_tables_read_whole_at_1400)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GString) out = g_string_new (NULL);
  Session s = { 0 };
  PathwaysStockView *stock;

  g_settings_reset (settings, "caseload-columns");
  g_settings_reset (settings, "stock-columns");
  g_settings_set_int (settings, "window-width", 1400);
  g_settings_set_int (settings, "window-height", 900);
  session_start (&s, "whole-1400.db");
  settle (20);
  find_truncated (pathways_caseload_view_get_column_view (pathways_window_get_caseload_view (s.window)), "the caseload",
                  out);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-page", "s", "stock"));
  stock = pathways_window_get_stock_view (s.window);
  ck_assert (test_wait_for (register_ready, stock));
  settle (20);
  find_truncated (pathways_stock_view_get_column_view (stock), "the register", out);
  if (out->len > 0)
    ck_abort_msg ("at 1400 × 900:%s", out->str);

  session_end (&s);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}
END_TEST

/* A narrow caseload's filters hide behind a Filters button (our own
 * funnel icon, from the application's resources), which counts those
 * in use; a long count wraps rather than widen the window.  The
 * register fits too, before and after it folds.  The window itself is
 * measured, with the title buttons GTK has on X11 (minimise, maximise,
 * close): on Xvfb, with no compositor, it draws its frame inside its
 * 360 px */
START_TEST (test_narrow_filters_behind_a_button)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Session s = { 0 };
  PathwaysCaseloadView *view;
  PathwaysStockView *stock;
  GtkLabel *count;

  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "menu:minimize,maximize,close", NULL);
  g_settings_set_int (settings, "window-width", 360);
  session_start (&s, "narrow-filters.db");
  view = pathways_window_get_caseload_view (s.window);
  wait_narrow (view);
  ck_assert (is_narrow (view));
  count = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (view), PATHWAYS_TYPE_CASELOAD_VIEW, "count_label"));
  ck_assert (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (view))),
                                      "pathways-filter-symbolic"));
  assert_filters_button (GTK_WIDGET (view), PATHWAYS_TYPE_CASELOAD_VIEW, "alerts_toggle", "age_dropdown",
                         "caseload.clear-filters");

  /* While searching, the count is read whole beside the search, in
   * figures only where the words do not fit; 1,234 of 2,000 fits too */
  test_gui_assert_fits (GTK_WIDGET (s.window), 360, "the window on the caseload");
  pathways_caseload_view_set_search_text (view, "a");
  settle (10);
  {
    AdwSqueezer *squeezer = ADW_SQUEEZER (gtk_widget_get_template_child (GTK_WIDGET (view), PATHWAYS_TYPE_CASELOAD_VIEW,
                                                                         "count_squeezer"));
    g_autofree char *want = g_strdup_printf ("%u of 60", pathways_caseload_view_get_n_visible (view));
    GtkLabel *shown;
    int natural = 0;

    ck_assert_uint_lt (pathways_caseload_view_get_n_visible (view), 60);
    shown = GTK_LABEL (adw_squeezer_get_visible_child (squeezer));
    ck_assert_ptr_nonnull (shown);
    ck_assert_msg (shown != count, "the count in words fits: %s", gtk_label_get_label (count));
    ck_assert_str_eq (gtk_label_get_label (shown), want);
    gtk_widget_measure (GTK_WIDGET (shown), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
    ck_assert_int_ge (gtk_widget_get_width (GTK_WIDGET (shown)), natural);
    gtk_label_set_label (count, "1,234 of 2,000 young people");
    gtk_label_set_label (shown, "1,234 of 2,000");
    settle (10);
    test_gui_assert_fits (GTK_WIDGET (s.window), 360, "the window with a long count");
    ck_assert_ptr_eq (adw_squeezer_get_visible_child (squeezer), shown);
    gtk_widget_measure (GTK_WIDGET (shown), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
    ck_assert_int_ge (gtk_widget_get_width (GTK_WIDGET (shown)), natural);
  }
  pathways_caseload_view_set_search_text (view, "");

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-page", "s", "stock"));
  stock = pathways_window_get_stock_view (s.window);
  /* Not yet narrow, it asks no more of the window either */
  test_gui_assert_fits (GTK_WIDGET (s.window), 360, "the window on the register, before it folds");
  ck_assert (test_wait_for (register_ready, stock));
  wait_narrow (stock);
  ck_assert (is_narrow (stock));
  settle (10);
  test_gui_assert_fits (GTK_WIDGET (s.window), 360, "the window on the register");

  session_end (&s);
  g_settings_reset (settings, "window-width");
}
END_TEST

/* Eight pages are more than a switcher can show in 360 px: there, a
 * menu button named after the page shown takes the switcher's place
 * (and the title's), and lists the pages with their Alt+1…8; in a wide
 * window the switcher is back and the button gone */
START_TEST (test_narrow_pages_menu)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Session s = { 0 };
  GtkMenuButton *button;
  GtkLabel *label;
  AdwViewSwitcherTitle *title;
  GMenuModel *menu;
  static const char * const pages[] = { "caseload", "stock", "timeline", "sufficiency", "commission", "team", "plan",
                                        "my-day" };

  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "menu:minimize,maximize,close", NULL);
  g_settings_set_int (settings, "window-width", 360);
  session_start (&s, "pages-menu.db");
  button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (s.window), PATHWAYS_TYPE_WINDOW, "page_menu_button"));
  label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (s.window), PATHWAYS_TYPE_WINDOW, "page_menu_label"));
  title = ADW_VIEW_SWITCHER_TITLE (gtk_widget_get_template_child (GTK_WIDGET (s.window), PATHWAYS_TYPE_WINDOW,
                                                                  "switcher_title"));
  settle (10);
  ck_assert (adw_view_switcher_title_get_title_visible (title));
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (button)));
  ck_assert_ptr_null (test_gui_find_type (GTK_WIDGET (s.window), ADW_TYPE_VIEW_SWITCHER_BAR));
  ck_assert_str_eq (gtk_label_get_label (label), "Caseload");
  /* The button has the title's room */
  ck_assert (adw_view_switcher_title_get_title (title) == NULL || *adw_view_switcher_title_get_title (title) == '\0');

  gtk_menu_button_popup (button);
  spin (5);
  menu = gtk_menu_button_get_menu_model (button);
  ck_assert_ptr_nonnull (menu);
  ck_assert_int_eq (g_menu_model_get_n_items (menu), G_N_ELEMENTS (pages));
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *action = NULL, *target = NULL, *accel = NULL, *want = g_strdup_printf ("<Alt>%d", i + 1);

      ck_assert (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      ck_assert_str_eq (action, "win.show-page");
      ck_assert (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_TARGET, "s", &target));
      ck_assert_str_eq (target, pages[i]);
      ck_assert (g_menu_model_get_item_attribute (menu, i, "accel", "s", &accel));
      ck_assert_str_eq (accel, want);
    }
  gtk_menu_button_popdown (button);

  /* The longest page name, whole, and the window no wider */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-page", "s", "commission"));
  settle (20);
  ck_assert_str_eq (gtk_label_get_label (label), "Commissioning");
  ck_assert (!pango_layout_is_ellipsized (gtk_label_get_layout (label)));
  test_gui_assert_fits (GTK_WIDGET (s.window), 360, "the window on Commissioning");

  /* A page the role may not use is not in the menu */
  adw_view_stack_page_set_visible (adw_view_stack_get_page (ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (s.window),
                                                                                                          PATHWAYS_TYPE_WINDOW,
                                                                                                          "stack")),
                                                            GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (s.window),
                                                                                                       PATHWAYS_TYPE_WINDOW,
                                                                                                       "plan_bin"))),
                                   FALSE);
  gtk_menu_button_popup (button);
  spin (5);
  menu = gtk_menu_button_get_menu_model (button);
  ck_assert_int_eq (g_menu_model_get_n_items (menu), G_N_ELEMENTS (pages) - 1);
  gtk_menu_button_popdown (button);

  /* Wide, the switcher and the title are back */
  gtk_window_set_default_size (GTK_WINDOW (s.window), 1400, 900);
  settle (20);
  ck_assert (!adw_view_switcher_title_get_title_visible (title));
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (button)));
  ck_assert_str_eq (adw_view_switcher_title_get_title (title), "Pathways");

  session_end (&s);
  g_settings_reset (settings, "window-width");
}
END_TEST

static Suite *
polish_suite (void)
{
  Suite *s = suite_create ("gui-polish");
  TCase *tc = tcase_create ("save");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_back_saves_what_was_typed);
  tcase_add_test (tc, test_wishes_save_as_you_type);
  tcase_add_test (tc, test_leaving_invalid_edit_asks);
  tcase_add_test (tc, test_opening_someone_else_saves);
  tcase_add_test (tc, test_unit_editor_asks_before_discarding);
  suite_add_tcase (s, tc);

  tc = tcase_create ("navigation");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_back_button_stays_with_its_page);
  tcase_add_test (tc, test_shortcuts_from_any_focus);
  tcase_add_test (tc, test_shortcuts_window_on_demand);
  tcase_add_test (tc, test_search_entry_and_list_top);
  tcase_add_test (tc, test_filters_keep_their_width);
  tcase_add_test (tc, test_about_has_debug_information);
  suite_add_tcase (s, tc);

  tc = tcase_create ("dates");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_free_on_date_carried_into_unit);
  tcase_add_test (tc, test_schedule_dialog_starts_on_need_date);
  tcase_add_test (tc, test_person_page_where_could_they_go_once);
  suite_add_tcase (s, tc);

  tc = tcase_create ("tables");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_caseload_columns_kept);
  tcase_add_test (tc, test_bad_column_settings_ignored);
  tcase_add_test (tc, test_narrow_caseload_is_a_list);
  tcase_add_test (tc, test_narrow_register_is_a_list);
  tcase_add_test (tc, test_narrowest_window);
  tcase_add_test (tc, test_person_page_narrowest);
  tcase_add_test (tc, test_register_at_800_by_600);
  tcase_add_test (tc, test_tables_read_whole_at_1400);
  suite_add_tcase (s, tc);

  tc = tcase_create ("narrow");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_narrow_filters_behind_a_button);
  tcase_add_test (tc, test_narrow_pages_menu);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  test_gui_require_display ();
  return test_run_suite (polish_suite ());
}
