/* test-gui-commission.c — the Commissioning page, in-process, under Xvfb
 *
 * The real page on a crafted store: the budget with its variance
 * explained, the placement mix, an open referral with its offers and
 * the I statement scores; a budget line set through the form (refused
 * beside the form when wrong), and an offer accepted through its action
 * and undone from the toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "pathways-commission-view.h"
#include "pathways-i-statement-dialog.h"
#include "pathways-i-statement-section.h"
#include "pathways-sufficiency-view.h"
#include "pathways-sufficiency-view-private.h"
#include "pathways-income-dialog.h"
#include "pathways-person-page.h"
#include "pathways-person-page-private.h"
#include "pathways-providers-dialog.h"
#include "pathways-offers-dialog.h"
#include "pathways-referral-dialog.h"
#include "pathways-referral.h"
#include "test-gui-util.h"

static char *dir;
static PathwaysStore *store;
static PathwaysContext *context;
static gint64 offer_id;
static gint64 referral_id;

static void
setup (void)
{
  ck_assert_msg (gtk_init_check (), "the display went away");
  adw_init ();
  if (g_getenv ("PATHWAYS_SCREENSHOT_DARK"))
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  dir = test_make_dir ();
}

static void
teardown (void)
{
  g_clear_object (&context);
  g_clear_object (&store);
  test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

/* 1280 unless PATHWAYS_SCREENSHOT_WIDTH says (for looking at narrow windows) */
static int
window_width (void)
{
  const char *w = g_getenv ("PATHWAYS_SCREENSHOT_WIDTH");
  return w ? atoi (w) : 1280;
}

static void
make_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("C500");
  g_autoptr(PathwaysUnit) unit = g_object_new (PATHWAYS_TYPE_UNIT, "name", "Canal House", "provider", "Block Housing",
                                               "kind", "supported", "area", "Eastfield", "status", "occupied",
                                               "weekly-cost", (gint64) 120000, NULL);
  g_autoptr(PathwaysYoungPerson) yp2 = test_make_person ("C501");
  g_autoptr(PathwaysProvider) provider = g_object_new (PATHWAYS_TYPE_PROVIDER, "name", "Spot Homes", "route", "spot",
                                                       "kinds", "supported", "email", "offers@spot.example", NULL);
  g_autoptr(PathwaysOffer) offer = NULL;
  gint64 person, unit_id, provider_id;
  PathwaysReferralRequest req = { 0, };

  store = test_open_store (dir, "commission.db");
  g_object_set (yp, "home-postcode", "NB2 1AA", NULL);
  person = test_add (store, PATHWAYS_RECORD (yp));
  unit_id = test_add (store, PATHWAYS_RECORD (unit));
  {
    g_autoptr(PathwaysSpell) s = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", person, "unit-id", unit_id,
                                               "accom", "D", "start-date", "2026-04-01", "state", "current",
                                               "weekly-cost", (gint64) 120000, NULL);
    test_add (store, PATHWAYS_RECORD (s));
  }
  ck_assert (pathways_budget_set (store, 2026, "supported", 5200000, 52, 0, NULL, NULL, &error));

  g_object_set (yp2, "home-postcode", "NB2 1AA", NULL);
  test_add (store, PATHWAYS_RECORD (yp2));
  ck_assert (pathways_provider_save (store, provider, NULL, &error));
  provider_id = pathways_record_get_id (PATHWAYS_RECORD (provider));
  req.young_person_id = pathways_record_get_id (PATHWAYS_RECORD (yp2));
  req.kind = "supported";
  req.needed_by = "2026-12-01";
  req.provider_ids = &provider_id;
  req.n_providers = 1;
  ck_assert (pathways_referral_make (store, &req, &referral_id, NULL, &error));
  offer = g_object_new (PATHWAYS_TYPE_OFFER, "referral-id", referral_id, "provider-id", provider_id,
                        "unit-name", "Riverside Flat 4", "area", "Riverside", "weekly-cost", (gint64) 95000,
                        "available-from", "2026-12-05", "registration", "registered", NULL);
  ck_assert (pathways_offer_record (store, offer, NULL, &error));
  ck_assert_no_error (error);
  offer_id = pathways_record_get_id (PATHWAYS_RECORD (offer));
}

static GtkWidget *
make_window (PathwaysCommissionView **out_view)
{
  GtkWidget *window = gtk_window_new ();
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  GtkWidget *view;

  context = test_gui_context (store);
  view = pathways_commission_view_new (context);
  adw_toast_overlay_set_child (overlay, view);
  pathways_context_add_toast_overlay (context, overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), window_width (), 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (overlay));
  gtk_window_present (GTK_WINDOW (window));
  *out_view = PATHWAYS_COMMISSION_VIEW (view);
  return window;
}

static gboolean
page_ready (gpointer data)
{
  return g_strcmp0 (pathways_commission_view_get_visible_page (data), "page") == 0;
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_text (c, out);
}

static GtkWidget *
find_by_name (GtkWidget  *widget,
              GType       type,
              const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_name (c, type, title);
      if (found)
        return found;
    }
  return NULL;
}

#define ck_assert_contains(haystack, needle) \
  ck_assert_msg (strstr ((haystack), (needle)) != NULL, "“%s” not shown", (needle))

static gint64 lines_wanted;

static gboolean
budget_lines (gpointer data)
{
  return pathways_store_count (store, PATHWAYS_TYPE_BUDGET_LINE, NULL) == lines_wanted;
}

static gboolean
error_shown (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static gboolean
referral_placed (gpointer data)
{
  g_autoptr(PathwaysReferral) r = pathways_store_get (store, PATHWAYS_TYPE_REFERRAL, referral_id, NULL);
  return r != NULL && g_strcmp0 (pathways_referral_get_state (r), data) == 0;
}

static gboolean
undo_ready (gpointer data)
{
  return pathways_context_get_last_undo (context) != NULL;
}

static gboolean
shows_no_budget (gpointer data)
{
  g_autoptr(GString) text = g_string_new (NULL);

  collect_text (data, text);
  return strstr (text->str, "No budget set") != NULL;
}

START_TEST (test_page_shows_budget_mix_referrals_and_scores)
{
  PathwaysCommissionView *view;
  GtkWidget *window;
  g_autoptr(GString) text = g_string_new (NULL);

  make_store ();
  window = make_window (&view);
  ck_assert (test_wait_for (page_ready, view));

  collect_text (GTK_WIDGET (view), text);
  if (g_getenv ("TEST_DUMP"))
    g_printerr ("%s", text->str);
  /* The budget per kind with the working, and month by month */
  ck_assert_contains (text->str, "2026/27: spend actual to 22/11/2026, committed to the year end");
  ck_assert_contains (text->str, "Supported accommodation\nBudget £52,000 · forecast £62,571.47 · variance £10,571.47");
  ck_assert_contains (text->str, "Volume: (52.1 − 52.0 placement-weeks) × £1,000 a week budgeted");
  ck_assert_contains (text->str, "April 2026");
  ck_assert_contains (text->str, "March 2027");
  /* The mix with its weekly cost */
  ck_assert_contains (text->str, "1 placement · 100%");
  ck_assert_contains (text->str, "£1,200 a week");
  /* The open referral and its offer, compared */
  ck_assert_contains (text->str, "Needed by 01/12/2026 · 1 offer");
  ck_assert_contains (text->str, "Spot Homes — Riverside Flat 4");
  ck_assert_contains (text->str, "6.9 miles from home");
  /* I statements for the provider the young person is placed with */
  ck_assert_contains (text->str, "Block Housing\n1 young person placed");
  ck_assert_contains (text->str, "I live near my friends, my family and my school or college.\n100% — 1 yes, 0 partly, 0 no");

  /* A kind with no budget for the year says so, instead of "Budget £0"
   * and a variance that only repeats the forecast */
  {
    g_autoptr(GError) error = NULL;

    ck_assert (pathways_budget_set (store, 2026, "supported", 0, 0, 0, NULL, NULL, &error));
    ck_assert (test_wait_for (shows_no_budget, view));
    g_string_truncate (text, 0);
    collect_text (GTK_WIDGET (view), text);
    ck_assert_contains (text->str, "Supported accommodation\nNo budget set · forecast £62,571.47");
    ck_assert (strstr (text->str, "Budget £0 ·") == NULL);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

START_TEST (test_budget_form_saves_and_refuses)
{
  PathwaysCommissionView *view;
  GtkWidget *window, *error_label;
  AdwEntryRow *year, *amount, *weeks;
  AdwComboRow *kind;
  g_autoptr(GString) text = g_string_new (NULL);

  make_store ();
  window = make_window (&view);
  ck_assert (test_wait_for (page_ready, view));

  year = ADW_ENTRY_ROW (find_by_name (GTK_WIDGET (view), ADW_TYPE_ENTRY_ROW, "Financial year (2026 or 2026/27)"));
  amount = ADW_ENTRY_ROW (find_by_name (GTK_WIDGET (view), ADW_TYPE_ENTRY_ROW, "Gross budget (£)"));
  weeks = ADW_ENTRY_ROW (find_by_name (GTK_WIDGET (view), ADW_TYPE_ENTRY_ROW, "Placement-weeks it pays for"));
  kind = ADW_COMBO_ROW (find_by_name (GTK_WIDGET (view), ADW_TYPE_COMBO_ROW, "Kind of provision"));
  ck_assert_ptr_nonnull (year);
  ck_assert_ptr_nonnull (amount);
  ck_assert_ptr_nonnull (weeks);
  ck_assert_ptr_nonnull (kind);
  /* The year is filled in for this financial year */
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (year)), "2026/27");

  /* A budget without placement-weeks is refused beside the form */
  adw_combo_row_set_selected (kind, 5);  /* Independent fostering agency */
  gtk_editable_set_text (GTK_EDITABLE (amount), "47,008");
  gtk_widget_activate_action (GTK_WIDGET (view), "commission.save-budget", NULL);
  collect_text (GTK_WIDGET (view), text);
  ck_assert_contains (text->str, "Say how many placement-weeks the budget pays for");
  g_string_truncate (text, 0);

  gtk_editable_set_text (GTK_EDITABLE (weeks), "52");
  lines_wanted = 2;
  gtk_widget_activate_action (GTK_WIDGET (view), "commission.save-budget", NULL);
  ck_assert (test_wait_for (budget_lines, NULL));
  ck_assert (test_wait_for (undo_ready, NULL));
  /* Undoable from the toast */
  pathways_context_undo_last (context);
  lines_wanted = 1;
  ck_assert (test_wait_for (budget_lines, NULL));

  /* Not an amount: said in words */
  gtk_editable_set_text (GTK_EDITABLE (amount), "lots");
  gtk_widget_activate_action (GTK_WIDGET (view), "commission.save-budget", NULL);
  error_label = NULL;
  collect_text (GTK_WIDGET (view), text);
  ck_assert_contains (text->str, "Gross budget (£): “lots” is not an amount in pounds");
  (void) error_label;
  (void) error_shown;

  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

START_TEST (test_accepting_an_offer_places_and_undoes)
{
  PathwaysCommissionView *view;
  GtkWidget *window;
  gint64 units;

  make_store ();
  window = make_window (&view);
  ck_assert (test_wait_for (page_ready, view));
  units = pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL);

  gtk_widget_activate_action (GTK_WIDGET (view), "commission.accept-offer", "x", offer_id);
  ck_assert (test_wait_for (referral_placed, (gpointer) "placed"));
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL), units + 1);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_TRANSITION, NULL), 1);
  ck_assert (test_wait_for (undo_ready, NULL));

  pathways_context_undo_last (context);
  ck_assert (test_wait_for (referral_placed, (gpointer) "open"));
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL), units);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_TRANSITION, NULL), 0);

  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static gint64 referrals_wanted;

static gboolean
referrals_made (gpointer data)
{
  return pathways_store_count (store, PATHWAYS_TYPE_REFERRAL, NULL) == referrals_wanted;
}

START_TEST (test_referral_dialog_sends_to_suggested_providers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysProvider) other = g_object_new (PATHWAYS_TYPE_PROVIDER, "name", "Carers Together",
                                                    "route", "approved_list", "kinds", "staying_put", NULL);
  g_autoptr(GArray) chosen = NULL;
  g_autoptr(GListModel) referrals = NULL;
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("C600");
  PathwaysReferralDialog *dialog;
  gint64 person;

  make_store ();
  ck_assert (pathways_provider_save (store, other, NULL, &error));
  person = test_add (store, PATHWAYS_RECORD (yp));
  context = test_gui_context (store);
  dialog = pathways_referral_dialog_new (context, person);
  gtk_window_present (GTK_WINDOW (dialog));

  /* Supported accommodation is the first kind: Spot Homes offers it, Carers Together does not */
  chosen = pathways_referral_dialog_dup_chosen (dialog);
  ck_assert_uint_eq (chosen->len, 1);

  referrals_wanted = 2;
  gtk_widget_activate_action (GTK_WIDGET (dialog), "referral.make", NULL);
  ck_assert (test_wait_for (referrals_made, NULL));
  referrals = pathways_store_list_for_person (store, PATHWAYS_TYPE_REFERRAL, person, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (referrals), 1);
  {
    g_autoptr(PathwaysReferral) r = g_list_model_get_item (referrals, 0);
    ck_assert_str_eq (pathways_referral_get_kind (r), "supported");
    /* Wishes and feelings are not shared unless chosen */
    ck_assert (!pathways_referral_get_include_wishes (r));
    /* Needed in four weeks unless said otherwise */
    ck_assert_str_eq (pathways_referral_get_needed_by (r), "2026-12-20");
  }
  ck_assert (test_wait_for (undo_ready, NULL));
}
END_TEST

static gboolean
offers_listed (gpointer data)
{
  PathwaysOffersDialog *dialog = data;
  guint n = pathways_offers_dialog_get_n_offers (dialog);
  return n != G_MAXUINT && n == (guint) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "want"));
}

static GtkWidget *
find_row (GtkWidget  *widget,
          GType       type,
          const char *title)
{
  return find_by_name (widget, type, title);
}

static gboolean
file_written (gpointer data)
{
  GStatBuf st;
  return g_stat (data, &st) == 0 && st.st_size > 500 && (st.st_mode & 0777) == 0600;
}

START_TEST (test_offers_dialog_records_and_accepts)
{
  g_autoptr(PathwaysReferral) r = NULL;
  PathwaysOffersDialog *dialog;
  GtkWidget *unit, *cost, *available;

  make_store ();
  context = test_gui_context (store);
  r = pathways_store_get (store, PATHWAYS_TYPE_REFERRAL, referral_id, NULL);
  dialog = pathways_offers_dialog_new (context, pathways_referral_get_young_person_id (r));
  gtk_window_present (GTK_WINDOW (dialog));
  g_object_set_data (G_OBJECT (dialog), "want", GINT_TO_POINTER (1));
  ck_assert (test_wait_for (offers_listed, dialog));

  /* A second offer through the form */
  unit = find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Unit offered");
  cost = find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Weekly cost (£)");
  available = find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Available from (dd/mm/yyyy)");
  ck_assert_ptr_nonnull (unit);
  gtk_editable_set_text (GTK_EDITABLE (unit), "Hill House 2");
  gtk_editable_set_text (GTK_EDITABLE (cost), "880");
  gtk_editable_set_text (GTK_EDITABLE (available), "31/02/2027");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "offers.record", NULL);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_OFFER, NULL), 1);  /* not a date: refused */
  gtk_editable_set_text (GTK_EDITABLE (available), "07/12/2026");
  g_object_set_data (G_OBJECT (dialog), "want", GINT_TO_POINTER (2));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "offers.record", NULL);
  ck_assert (test_wait_for (offers_listed, dialog));

  /* The referral pack, saved from the dialog: a private PDF */
  {
    g_autofree char *path = g_build_filename (dir, "pack.pdf", NULL);

    pathways_offers_dialog_save_pack (dialog, referral_id, path);
    ck_assert (test_wait_for (file_written, path));
    ck_assert (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  /* Accepting one places the young person */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "offers.accept", "x", offer_id);
  ck_assert (test_wait_for (referral_placed, (gpointer) "placed"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

static gboolean
answers_recorded (gpointer data)
{
  return pathways_store_count (store, PATHWAYS_TYPE_I_STATEMENT_ANSWER, NULL) == GPOINTER_TO_INT (data);
}

START_TEST (test_i_statement_dialog_records_answers)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person ("C700");
  g_autoptr(GPtrArray) combos = g_ptr_array_new ();
  PathwaysIStatementDialog *dialog;
  GtkWidget *safe;

  make_store ();
  context = test_gui_context (store);
  dialog = pathways_i_statement_dialog_new (context, test_add (store, PATHWAYS_RECORD (yp)));
  gtk_window_present (GTK_WINDOW (dialog));

  /* Only the statements asked at review are offered */
  ck_assert_ptr_null (find_by_name (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                    "I live near my friends, my family and my school or college."));
  safe = find_by_name (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "I feel safe where I live.");
  ck_assert_ptr_nonnull (safe);

  /* Nothing chosen: said so, nothing written */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "statements.save", NULL);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_I_STATEMENT_ANSWER, NULL), 0);

  adw_combo_row_set_selected (ADW_COMBO_ROW (safe), 2);  /* Partly */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "statements.save", NULL);
  ck_assert (test_wait_for (answers_recorded, GINT_TO_POINTER (1)));
  ck_assert (test_wait_for (undo_ready, NULL));
  pathways_context_undo_last (context);
  ck_assert (test_wait_for (answers_recorded, GINT_TO_POINTER (0)));
}
END_TEST

/* The young person's page: the buttons ------------------------------------ */

static gboolean
person_ready (gpointer data)
{
  return !pathways_person_page_is_loading (data) && pathways_person_page_get_details (data) != NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

static gboolean
is_shown (GtkWidget *w)
{
  return w != NULL && gtk_widget_is_visible (w);
}

START_TEST (test_person_page_buttons_by_role)
{
  GtkWidget *window = gtk_window_new ();
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  GtkWidget *page, *split, *offers;
  g_autoptr(PathwaysReferral) r = NULL;
  GtkWindow *dialog;

  make_store ();
  context = test_gui_context (store);
  page = pathways_person_page_new (context);
  adw_toast_overlay_set_child (overlay, page);
  pathways_context_add_toast_overlay (context, overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), window_width (), 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (overlay));
  gtk_window_present (GTK_WINDOW (window));
  r = pathways_store_get (store, PATHWAYS_TYPE_REFERRAL, referral_id, NULL);
  pathways_person_page_show_person (PATHWAYS_PERSON_PAGE (page), pathways_referral_get_young_person_id (r));
  ck_assert (test_wait_for (person_ready, page));

  /* Make a Referral… beside Schedule Move…, which stays the one suggested action */
  split = test_gui_find_type (page, ADW_TYPE_SPLIT_BUTTON);
  ck_assert (is_shown (split));
  ck_assert_str_eq (gtk_actionable_get_action_name (GTK_ACTIONABLE (split)), "person.make-referral");
  ck_assert (!gtk_widget_has_css_class (split, "suggested-action"));
  ck_assert (strstr (gtk_widget_get_tooltip_text (split), "Ctrl+Shift+R") != NULL);
  ck_assert (strstr (adw_split_button_get_dropdown_tooltip (ADW_SPLIT_BUTTON (split)), "Ctrl+Shift+O") != NULL);
  test_gui_screenshot (window, "person-page.png");

  /* Its face opens the referral dialog for this young person */
  {
    GtkWidget *face = NULL;
    for (GtkWidget *c = gtk_widget_get_first_child (split); c && !face; c = gtk_widget_get_next_sibling (c))
      face = test_gui_find_action (c, "person.make-referral");
    ck_assert_ptr_nonnull (face);
    g_signal_emit_by_name (face, "clicked");
  }
  dialog = find_toplevel (PATHWAYS_TYPE_REFERRAL_DIALOG);
  ck_assert_ptr_nonnull (dialog);
  gtk_window_destroy (dialog);
  /* Its menu's actions open Referrals and Offers and the I statements */
  ck_assert (gtk_widget_activate_action (page, "person.show-offers", NULL));
  dialog = find_toplevel (PATHWAYS_TYPE_OFFERS_DIALOG);
  ck_assert_ptr_nonnull (dialog);
  gtk_window_destroy (dialog);
  ck_assert (gtk_widget_activate_action (page, "person.i-statements", NULL));
  dialog = find_toplevel (PATHWAYS_TYPE_I_STATEMENT_DIALOG);
  ck_assert_ptr_nonnull (dialog);
  gtk_window_destroy (dialog);

  /* A housing officer places from offers but makes no referral */
  pathways_context_set_role (context, "housing");
  offers = test_gui_find_action (page, "person.show-offers");
  ck_assert (!is_shown (split));
  ck_assert (is_shown (offers));
  test_gui_screenshot (window, "person-page-housing.png");
  ck_assert (strstr (gtk_widget_get_tooltip_text (offers), "Ctrl+Shift+O") != NULL);
  ck_assert (gtk_widget_is_sensitive (offers));
  /* An administrator has none of them; a personal adviser has all but the income */
  pathways_context_set_role (context, "admin");
  ck_assert (!is_shown (split) && !is_shown (offers));
  pathways_context_set_role (context, "pa");
  ck_assert (is_shown (split));
  ck_assert (gtk_widget_is_sensitive (split));

  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* Providers ---------------------------------------------------------------- */

static GType count_type;
static gint64 count_wanted;

static gboolean
count_is (gpointer data)
{
  return pathways_store_count (store, count_type, NULL) == count_wanted;
}

static gboolean
retired_is (gpointer data)
{
  g_autoptr(PathwaysProvider) p = pathways_store_get (store, PATHWAYS_TYPE_PROVIDER, GPOINTER_TO_INT (data), NULL);
  return p != NULL && pathways_provider_get_retired (p) == (gboolean) count_wanted;
}

static gboolean
providers_idle (gpointer data)
{
  return !pathways_providers_dialog_is_busy (data);
}

static gint64
provider_named (const char *name)
{
  g_autoptr(GListModel) all = pathways_store_list (store, PATHWAYS_TYPE_PROVIDER, NULL);

  for (guint i = 0; all != NULL && i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PathwaysProvider) p = g_list_model_get_item (all, i);
      if (g_strcmp0 (pathways_provider_get_name (p), name) == 0)
        return pathways_record_get_id (PATHWAYS_RECORD (p));
    }
  return 0;
}

static GtkWidget *
kind_check (GtkWidget  *dialog,
            const char *label)
{
  GtkWidget *row = find_by_name (dialog, ADW_TYPE_ACTION_ROW, label);
  return row ? test_gui_find_type (row, GTK_TYPE_CHECK_BUTTON) : NULL;
}

START_TEST (test_providers_dialog_adds_changes_retires)
{
  PathwaysProvidersDialog *dialog;
  GtkWidget *name, *email, *phone;
  g_autoptr(PathwaysProvider) p = NULL;
  gint64 spot, added;

  make_store ();
  context = test_gui_context (store);
  spot = provider_named ("Spot Homes");
  dialog = pathways_providers_dialog_new (context);
  gtk_window_present (GTK_WINDOW (dialog));
  ck_assert_ptr_nonnull (find_by_name (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Spot Homes"));
  name = find_by_name (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name");
  email = find_by_name (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Email");
  phone = find_by_name (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Telephone");
  ck_assert_ptr_nonnull (name);

  /* Refused beside the field: no name, no kind, not an email address, a name taken */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "providers.save", NULL);
  ck_assert_str_eq (pathways_providers_dialog_get_error (dialog), "Name: say what the provider is called");
  ck_assert (gtk_widget_has_css_class (name, "error"));
  gtk_editable_set_text (GTK_EDITABLE (name), "Hill Homes");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "providers.save", NULL);
  ck_assert (strstr (pathways_providers_dialog_get_error (dialog), "Kinds of provision") != NULL);
  ck_assert (!gtk_widget_has_css_class (name, "error"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (kind_check (GTK_WIDGET (dialog), "Staying Close")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (email), "hill homes");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "providers.save", NULL);
  ck_assert_str_eq (pathways_providers_dialog_get_error (dialog), "Email: “hill homes” is not an email address");
  test_gui_screenshot (GTK_WIDGET (dialog), "providers-error.png");
  ck_assert (gtk_widget_has_css_class (email, "error"));
  gtk_editable_set_text (GTK_EDITABLE (email), "");
  gtk_editable_set_text (GTK_EDITABLE (name), "Spot Homes");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "providers.save", NULL);
  ck_assert (test_wait_for (providers_idle, dialog));
  ck_assert_str_eq (pathways_providers_dialog_get_error (dialog), "Name: there is already a provider called “Spot Homes”");
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_PROVIDER, NULL), 1);

  /* Added, and undoable */
  gtk_editable_set_text (GTK_EDITABLE (name), "Hill Homes");
  gtk_editable_set_text (GTK_EDITABLE (phone), "0161 496 0000");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "providers.save", NULL);
  ck_assert (test_wait_for (providers_idle, dialog));
  ck_assert_ptr_null (pathways_providers_dialog_get_error (dialog));
  added = provider_named ("Hill Homes");
  ck_assert_int_gt (added, 0);
  p = pathways_store_get (store, PATHWAYS_TYPE_PROVIDER, added, NULL);
  ck_assert_str_eq (pathways_provider_get_kinds (p), "staying_close");
  ck_assert_str_eq (pathways_provider_get_route (p), "approved_list");
  ck_assert_str_eq (pathways_provider_get_phone (p), "0161 496 0000");
  g_clear_object (&p);
  ck_assert (test_wait_for (undo_ready, NULL));
  pathways_context_undo_last (context);
  count_type = PATHWAYS_TYPE_PROVIDER;
  count_wanted = 1;
  ck_assert (test_wait_for (count_is, NULL));
  ck_assert_int_eq (provider_named ("Hill Homes"), 0);

  /* Retired from its row: no longer suggested; undone from the toast */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "providers.retire", "x", spot);
  ck_assert (test_wait_for (providers_idle, dialog));
  p = pathways_store_get (store, PATHWAYS_TYPE_PROVIDER, spot, NULL);
  ck_assert (pathways_provider_get_retired (p));
  g_clear_object (&p);
  {
    g_autoptr(GPtrArray) suggested = pathways_referral_suggest_providers (store, "supported", NULL);
    ck_assert_uint_eq (suggested->len, 0);
  }
  pathways_context_undo_last (context);
  count_wanted = FALSE;
  ck_assert (test_wait_for (retired_is, GINT_TO_POINTER ((int) spot)));

  /* Changed through the form; a change over someone else's is refused */
  pathways_providers_dialog_edit (dialog, spot);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (name)), "Spot Homes");
  ck_assert (gtk_check_button_get_active (GTK_CHECK_BUTTON (kind_check (GTK_WIDGET (dialog),
                                                                         "Supported accommodation"))));
  {
    g_autoptr(PathwaysProvider) other = pathways_store_get (store, PATHWAYS_TYPE_PROVIDER, spot, NULL);
    g_autoptr(GError) error = NULL;
    pathways_provider_set_contact_name (other, "Someone Else");
    ck_assert (pathways_provider_save (store, other, NULL, &error));
  }
  gtk_editable_set_text (GTK_EDITABLE (phone), "0161 496 0001");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "providers.save", NULL);
  ck_assert (test_wait_for (providers_idle, dialog));
  ck_assert_ptr_nonnull (pathways_providers_dialog_get_error (dialog));
  p = pathways_store_get (store, PATHWAYS_TYPE_PROVIDER, spot, NULL);
  ck_assert_ptr_null (pathways_provider_get_phone (p));
  ck_assert_str_eq (pathways_provider_get_contact_name (p), "Someone Else");
  g_clear_object (&p);
  /* Loaded again, the change saves */
  pathways_providers_dialog_edit (dialog, spot);
  gtk_editable_set_text (GTK_EDITABLE (phone), "0161 496 0001");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "providers.save", NULL);
  ck_assert (test_wait_for (providers_idle, dialog));
  ck_assert_ptr_null (pathways_providers_dialog_get_error (dialog));
  p = pathways_store_get (store, PATHWAYS_TYPE_PROVIDER, spot, NULL);
  ck_assert_str_eq (pathways_provider_get_phone (p), "0161 496 0001");
  ck_assert_str_eq (pathways_provider_get_contact_name (p), "Someone Else");
  test_gui_screenshot (GTK_WIDGET (dialog), "providers.png");

  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

/* Placement income ---------------------------------------------------------- */

static gboolean
income_idle (gpointer data)
{
  return !pathways_income_dialog_is_busy (data);
}

START_TEST (test_income_dialog_records_and_removes)
{
  PathwaysIncomeDialog *dialog;
  GtkWidget *amount, *from, *until, *source, *placement;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GListModel) people = NULL;
  gint64 person = 0;

  make_store ();
  context = test_gui_context (store);
  /* C500, placed at Canal House */
  people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PathwaysYoungPerson) yp = g_list_model_get_item (people, i);
      if (g_strcmp0 (pathways_young_person_get_local_id (yp), "C500") == 0)
        person = pathways_record_get_id (PATHWAYS_RECORD (yp));
    }
  dialog = pathways_income_dialog_new (context, person);
  gtk_window_present (GTK_WINDOW (dialog));
  amount = find_by_name (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Weekly amount (£)");
  from = find_by_name (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "From (dd/mm/yyyy)");
  until = find_by_name (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Until (dd/mm/yyyy, if it ends)");
  source = find_by_name (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Source of income");
  placement = find_by_name (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Placement");
  ck_assert_ptr_nonnull (amount);
  ck_assert_ptr_nonnull (placement);
  /* The current placement is chosen; today is filled in */
  ck_assert_uint_eq (adw_combo_row_get_selected (ADW_COMBO_ROW (placement)), 1);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (from)), "22/11/2026");

  /* Refused beside the field */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "income.add", NULL);
  ck_assert_str_eq (pathways_income_dialog_get_error (dialog), "Weekly amount (£): say how much comes in each week");
  ck_assert (gtk_widget_has_css_class (amount, "error"));
  gtk_editable_set_text (GTK_EDITABLE (amount), "85.50");
  gtk_editable_set_text (GTK_EDITABLE (until), "31/13/2027");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "income.add", NULL);
  ck_assert (strstr (pathways_income_dialog_get_error (dialog), "Until:") != NULL);
  ck_assert (gtk_widget_has_css_class (until, "error"));
  gtk_editable_set_text (GTK_EDITABLE (from), "01/04/2026");
  gtk_editable_set_text (GTK_EDITABLE (until), "01/03/2026");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "income.add", NULL);
  ck_assert (test_wait_for (income_idle, dialog));
  ck_assert_str_eq (pathways_income_dialog_get_error (dialog), "The income cannot end before it starts");
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_PLACEMENT_INCOME, NULL), 0);

  /* Housing benefit against the placement, undoable */
  gtk_editable_set_text (GTK_EDITABLE (until), "");
  adw_combo_row_set_selected (ADW_COMBO_ROW (source), 3);  /* Housing benefit */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "income.add", NULL);
  ck_assert (test_wait_for (income_idle, dialog));
  ck_assert_ptr_null (pathways_income_dialog_get_error (dialog));
  rows = pathways_store_list_for_person (store, PATHWAYS_TYPE_PLACEMENT_INCOME, person, NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (rows), 1);
  {
    g_autoptr(PathwaysPlacementIncome) in = g_list_model_get_item (rows, 0);
    g_autoptr(GString) text = g_string_new (NULL);

    ck_assert_str_eq (pathways_placement_income_get_source (in), "housing_benefit");
    ck_assert_int_eq (pathways_placement_income_get_weekly_amount (in), 8550);
    ck_assert_str_eq (pathways_placement_income_get_start_date (in), "2026-04-01");
    ck_assert_int_gt (pathways_placement_income_get_spell_id (in), 0);
    collect_text (GTK_WIDGET (dialog), text);
    test_gui_screenshot (GTK_WIDGET (dialog), "income.png");
    ck_assert_contains (text->str, "Housing benefit\n£85.50 a week from 01/04/2026 · Canal House, from 01/04/2026");

    /* Removed from its row, and back from the toast */
    gtk_widget_activate_action (GTK_WIDGET (dialog), "income.remove", "x", pathways_record_get_id (PATHWAYS_RECORD (in)));
    ck_assert (test_wait_for (income_idle, dialog));
    ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_PLACEMENT_INCOME, NULL), 0);
    ck_assert (test_wait_for (undo_ready, NULL));
    pathways_context_undo_last (context);
    count_type = PATHWAYS_TYPE_PLACEMENT_INCOME;
    count_wanted = 1;
    ck_assert (test_wait_for (count_is, NULL));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

/* I statements on the Sufficiency page ----------------------------------------- */

static gboolean
statements_shown (gpointer data)
{
  PathwaysIStatementSection *section = PATHWAYS_I_STATEMENT_SECTION (test_gui_find_type (data, PATHWAYS_TYPE_I_STATEMENT_SECTION));
  return pathways_sufficiency_view_get_sufficiency (data) != NULL && !pathways_i_statement_section_is_loading (section);
}

START_TEST (test_sufficiency_page_scores_i_statements)
{
  GtkWidget *window = gtk_window_new ();
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  GtkWidget *view, *section;
  g_autoptr(GString) text = g_string_new (NULL);

  make_store ();
  context = test_gui_context (store);
  view = pathways_sufficiency_view_new (context);
  adw_toast_overlay_set_child (overlay, view);
  pathways_context_add_toast_overlay (context, overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), window_width (), 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (overlay));
  gtk_window_present (GTK_WINDOW (window));
  ck_assert (test_wait_for (statements_shown, view));

  section = test_gui_find_type (view, PATHWAYS_TYPE_I_STATEMENT_SECTION);
  collect_text (section, text);
  if (g_getenv ("TEST_DUMP"))
    g_printerr ("%s", text->str);
  /* Under the committee report's headings, per provider and per kind */
  ck_assert_contains (text->str, "I statements: how young people placed with each provider score");
  ck_assert_contains (text->str, "I statements: how young people in each kind of provision score");
  ck_assert_contains (text->str, "Block Housing\n1 young person placed");
  ck_assert_contains (text->str, "Supported accommodation\n1 young person placed");
  ck_assert_contains (text->str, "I live near my friends, my family and my school or college.\n100% — 1 yes, 0 partly, 0 no");
  ck_assert_contains (text->str, "I feel safe where I live.\nNo answers yet");
  /* (the section in view, for the picture) */
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (section, GTK_TYPE_SCROLLED_WINDOW);
    double x, y;

    if (g_getenv ("PATHWAYS_SCREENSHOT_DIR"))
      gtk_test_widget_wait_for_draw (window);
    if (scroller && gtk_widget_translate_coordinates (section, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                                      0, 0, &x, &y))
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), y - 12);
    for (GtkWidget *r = gtk_widget_get_first_child (test_gui_find_type (section, GTK_TYPE_LIST_BOX)); r; r = gtk_widget_get_next_sibling (r))
      if (ADW_IS_EXPANDER_ROW (r))
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (r), TRUE);
  }
  test_gui_screenshot (window, "sufficiency-i-statements.png");

  /* An answer at review scores at once */
  {
    g_autoptr(GListModel) statements = pathways_store_list (store, PATHWAYS_TYPE_I_STATEMENT, NULL);
    g_autoptr(GListModel) people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL);
    g_autoptr(GError) error = NULL;
    gint64 safe = 0, placed = 0;

    for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
      {
        g_autoptr(PathwaysIStatement) st = g_list_model_get_item (statements, i);
        if (g_strcmp0 (pathways_i_statement_get_text (st), "I feel safe where I live.") == 0)
          safe = pathways_record_get_id (PATHWAYS_RECORD (st));
      }
    for (guint i = 0; i < g_list_model_get_n_items (people); i++)
      {
        g_autoptr(PathwaysYoungPerson) yp = g_list_model_get_item (people, i);
        if (g_strcmp0 (pathways_young_person_get_local_id (yp), "C500") == 0)
          placed = pathways_record_get_id (PATHWAYS_RECORD (yp));
      }
    ck_assert (pathways_i_statement_answer (store, placed, safe, "partly", "2026-11-20", NULL, &error));
    ck_assert_no_error (error);
    pathways_sufficiency_view_reload (PATHWAYS_SUFFICIENCY_VIEW (view));
    ck_assert (test_wait_for (statements_shown, view));
    g_string_truncate (text, 0);
    collect_text (section, text);
    ck_assert_contains (text->str, "I feel safe where I live.\n50% — 0 yes, 1 partly, 0 no");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static Suite *
commission_gui_suite (void)
{
  Suite *s = suite_create ("gui-commission");
  TCase *tc = tcase_create ("commissioning");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_page_shows_budget_mix_referrals_and_scores);
  tcase_add_test (tc, test_budget_form_saves_and_refuses);
  tcase_add_test (tc, test_accepting_an_offer_places_and_undoes);
  tcase_add_test (tc, test_referral_dialog_sends_to_suggested_providers);
  tcase_add_test (tc, test_offers_dialog_records_and_accepts);
  tcase_add_test (tc, test_i_statement_dialog_records_answers);
  tcase_add_test (tc, test_person_page_buttons_by_role);
  tcase_add_test (tc, test_providers_dialog_adds_changes_retires);
  tcase_add_test (tc, test_income_dialog_records_and_removes);
  tcase_add_test (tc, test_sufficiency_page_scores_i_statements);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  test_gui_require_display ();
  return test_run_suite (commission_gui_suite ());
}
