/* pathways-window.c — the main window
 *
 * A header bar with a view switcher over the eight pages (Caseload,
 * Stock, … My Day); where it does not fit (a narrow window), a menu
 * button named after the page shown lists the pages instead — eight
 * tabs are more than a bottom switcher bar can show in 360 px, and
 * libadwaita 1.2 has no icon-only switcher.  The window knows its
 * pages only as PathwaysPages made with the application's context:
 * each loads itself when the store is there and refreshes itself when
 * the store changes.  The caseload is
 * built (and so loads) first; the other pages, and a young person's
 * page, are built the first time they are shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-add-person-dialog.h"
#include "pathways-import-dialog.h"
#include "pathways-annex-a-export.h"
#include "pathways-903-export-dialog.h"
#include "pathways-stock-import-dialog.h"
#include "pathways-caseload-view.h"
#include "pathways-person-page.h"
#include "pathways-stock-view.h"
#include "pathways-commission-view.h"
#include "pathways-my-day-view.h"
#include "pathways-team-view.h"
#include "pathways-plan-view.h"
#include "pathways-sufficiency-view.h"
#include "pathways-timeline-view.h"
#include "pathways-window.h"
#include "pathways-accessibility.h"
#include "pathways-window-private.h"

struct _PathwaysWindow
{
  AdwApplicationWindow parent_instance;

  PathwaysContext *context;
  GSettings       *settings;
  GtkWidget       *caseload_view;
  GtkWidget       *person_page;
  GtkWidget       *stock_view;
  GtkWidget       *timeline_view;
  GtkWidget       *sufficiency_view;
  GtkWidget       *commission_view;
  GtkWidget       *my_day_view;
  char            *pending_person_action;  /* win.open-person-for: run once the page has loaded */
  GtkWidget       *team_view;
  GtkWidget       *plan_view;
  gboolean         opened_debug_person;
  gboolean         closing;         /* the user said to leave unsaved edits behind */
  gint64           leave_to;        /* after "Discard": 0 back, -1 close, or a person */
  GWeakRef         leave_dialog;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwViewStack    *stack;
  GtkStack        *caseload_stack;
  AdwBin          *caseload_bin;
  AdwBin          *person_bin;
  AdwBin          *stock_bin;
  AdwBin          *timeline_bin;
  AdwBin          *sufficiency_bin;
  AdwBin          *commission_bin;
  AdwBin          *my_day_bin;
  AdwBin          *team_bin;
  AdwBin          *plan_bin;
  GtkWidget       *back_button;
  GtkRevealer     *server_banner;
  GtkRevealer     *read_only_banner;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton   *page_menu_button;
  GtkLabel        *page_menu_label;
  char            *subtitle;        /* "Signed in as …", shown with the title */
  GCancellable    *signed_in_cancellable;
  GtkLabel        *read_only_banner_label;
};

G_DEFINE_FINAL_TYPE (PathwaysWindow, pathways_window, ADW_TYPE_APPLICATION_WINDOW)

/* The pages of the view stack built when first shown */
typedef GtkWidget *(*PageNew) (PathwaysContext *context);

static void update_back_button (PathwaysWindow *self);

/* Helpers */

static void
restore_window_state (PathwaysWindow *self)
{
  int width, height;

  g_assert (G_IS_SETTINGS (self->settings));

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (PathwaysWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  /* The default size tracks the size of an unmaximized window */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  /* Never g_settings_delay() here: the settings object is the
   * application's, and delay mode, once set, holds every later write
   * (Preferences' too) until the next apply */
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

/* Builds the page @name the first time it is asked for */
static GtkWidget *
ensure_page (PathwaysWindow *self,
             const char     *name)
{
  struct {
    const char *name;
    AdwBin     *bin;
    GtkWidget **page;
    PageNew     page_new;
  } pages[] = {
    { "stock", self->stock_bin, &self->stock_view, pathways_stock_view_new },
    { "timeline", self->timeline_bin, &self->timeline_view, pathways_timeline_view_new },
    { "sufficiency", self->sufficiency_bin, &self->sufficiency_view, pathways_sufficiency_view_new },
    { "commission", self->commission_bin, &self->commission_view, pathways_commission_view_new },
    { "my-day", self->my_day_bin, &self->my_day_view, pathways_my_day_view_new },
    { "team", self->team_bin, &self->team_view, pathways_team_view_new },
    { "plan", self->plan_bin, &self->plan_view, pathways_plan_view_new },
  };

  if (self->context == NULL)
    return NULL;
  if (g_strcmp0 (name, "caseload") == 0)
    return self->caseload_view;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (g_strcmp0 (name, pages[i].name) != 0)
        continue;
      if (*pages[i].page == NULL)
        {
          AdwViewStackPage *stack_page = adw_view_stack_get_page (self->stack, GTK_WIDGET (pages[i].bin));

          *pages[i].page = pages[i].page_new (self->context);
          adw_bin_set_child (pages[i].bin, *pages[i].page);
          /* The switcher says what the page says it is */
          g_object_bind_property (*pages[i].page, "title", stack_page, "title", G_BINDING_SYNC_CREATE);
          g_object_bind_property (*pages[i].page, "icon-name", stack_page, "icon-name", G_BINDING_SYNC_CREATE);
        }
      return *pages[i].page;
    }
  return NULL;
}

static PathwaysPersonPage *
ensure_person_page (PathwaysWindow *self)
{
  if (self->person_page == NULL && self->context != NULL)
    {
      self->person_page = pathways_person_page_new (self->context);
      adw_bin_set_child (self->person_bin, self->person_page);
    }
  return PATHWAYS_PERSON_PAGE (self->person_page);
}

/* Callbacks */

static void
person_activated_cb (PathwaysWindow       *self,
                     gint64                person_id,
                     PathwaysCaseloadView *view)
{
  pathways_window_open_person (self, person_id);
}

/* For screenshots and demonstrations: open a young person's page at once */
static void
caseload_model_cb (PathwaysWindow       *self,
                   GParamSpec           *pspec,
                   PathwaysCaseloadView *view)
{
  const char *env = g_getenv ("PATHWAYS_OPEN_PERSON");

  if (self->opened_debug_person || env == NULL || pathways_caseload_view_get_model (view) == NULL)
    return;
  self->opened_debug_person = TRUE;
  if (g_ascii_strtoll (env, NULL, 10) > 0)
    pathways_window_open_person (self, g_ascii_strtoll (env, NULL, 10));
}

/* The team server away: the banner, and Retry */
static void
store_connected_cb (PathwaysWindow *self,
                    GParamSpec     *pspec,
                    PathwaysStore  *store)
{
  gboolean away = !pathways_store_get_connected (store);

  gtk_revealer_set_reveal_child (self->server_banner, away);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retry-server", away);
}

static void
context_store_cb (PathwaysWindow  *self,
                  GParamSpec      *pspec,
                  PathwaysContext *context)
{
  PathwaysStore *store = pathways_context_get_store (context);

  if (store == NULL)
    return;
  g_signal_connect_object (store, "notify::connected", G_CALLBACK (store_connected_cb), self, G_CONNECT_SWAPPED);
  store_connected_cb (self, NULL, store);

  /* Opened read-only (a read-only file, a tampered audit log): why */
  {
    const char *reason = pathways_store_get_read_only_reason (store);

    if (reason != NULL)
      {
        /* Translators: %s says why, e.g. "the trigger audit_note_insert is missing" */
        g_autofree char *text = g_strdup_printf (_("Nothing can be saved: %s"), reason);

        gtk_label_set_label (self->read_only_banner_label, text);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->read_only_banner_label),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      }
    gtk_revealer_set_reveal_child (self->read_only_banner, reason != NULL);
  }
}

/* A narrow window's header has the page menu in the title's place: the
 * switcher's title ("Pathways", who is signed in) gives the page menu
 * its room, rather than widen the window */
static void
title_visible_cb (PathwaysWindow *self)
{
  gboolean narrow;

  if (self->switcher_title == NULL)
    return;
  narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);
  adw_view_switcher_title_set_title (self->switcher_title, narrow ? NULL : _("Pathways"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, narrow ? NULL : self->subtitle);
}

static void
set_subtitle (PathwaysWindow *self,
              const char     *subtitle)
{
  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);
  title_visible_cb (self);
}

/* "Signed in as": the staff member whose name goes in the audit log */
static void
signed_in_staff_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PathwaysWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysStaff) staff = pathways_store_get_finish (PATHWAYS_STORE (source), result, &error);
  g_autofree char *subtitle = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->switcher_title == NULL)
    return;
  if (staff != NULL)
    /* Translators: %s is a staff member's name */
    subtitle = g_strdup_printf (_("Signed in as %s"), pathways_staff_get_name (staff));
  set_subtitle (self, subtitle);
}

static void
signed_in_changed_cb (PathwaysWindow  *self,
                      GParamSpec      *pspec,
                      PathwaysContext *context)
{
  PathwaysStore *store = pathways_context_get_store (context);
  gint64 id = pathways_context_get_staff_id (context);

  g_cancellable_cancel (self->signed_in_cancellable);
  g_clear_object (&self->signed_in_cancellable);
  if (store == NULL || id <= 0)
    {
      set_subtitle (self, NULL);
      return;
    }
  self->signed_in_cancellable = g_cancellable_new ();
  pathways_store_get_async (store, PATHWAYS_TYPE_STAFF, id, self->signed_in_cancellable,
                            signed_in_staff_cb, g_object_ref (self));
}

/* A role that may not see young people (an administrator) has the stock
 * only: the other pages are hidden, and a toast says why */
static void
role_changed_cb (PathwaysWindow  *self,
                 GParamSpec      *pspec,
                 PathwaysContext *context)
{
  static const char * const people_pages[] = { "caseload", "timeline", "sufficiency", "my-day", "plan" };
  const char *role = pathways_context_get_role (context);
  g_autofree char *why = pathways_role_dup_refusal (role, PATHWAYS_MAY_SEE_PEOPLE);

  for (guint i = 0; i < G_N_ELEMENTS (people_pages); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (self->stack, people_pages[i]);

      if (child != NULL)
        adw_view_stack_page_set_visible (adw_view_stack_get_page (self->stack, child), why == NULL);
    }
  /* Commissioning is for managers (and the embedded database's one user) */
  {
    GtkWidget *child = adw_view_stack_get_child_by_name (self->stack, "commission");

    if (child != NULL)
      adw_view_stack_page_set_visible (adw_view_stack_get_page (self->stack, child),
                                       pathways_role_may (role, PATHWAYS_MAY_COMMISSION));
  }
  if (why != NULL)
    {
      adw_view_stack_set_visible_child_name (self->stack, "stock");
      pathways_context_show_message (context, why);
    }
}

static void
retry_server_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (widget);
  PathwaysStore *store = self->context ? pathways_context_get_store (self->context) : NULL;

  if (store != NULL)
    pathways_store_reconnect (store);
}

/* The application is set after construction, by a property: take the
 * context from it then, before the window is first shown */
static void
application_changed_cb (PathwaysWindow *self,
                        GParamSpec     *pspec,
                        gpointer        user_data)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  const char *start_page = g_getenv ("PATHWAYS_START_PAGE");

  if (self->context != NULL || !PATHWAYS_IS_APPLICATION (application))
    return;

  self->context = g_object_ref (pathways_application_get_context (PATHWAYS_APPLICATION (application)));
  self->settings = g_object_ref (pathways_application_get_settings (PATHWAYS_APPLICATION (application)));
  pathways_context_add_toast_overlay (self->context, self->toast_overlay);
  restore_window_state (self);
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (context_store_cb), self, G_CONNECT_SWAPPED);
  context_store_cb (self, NULL, self->context);
  g_signal_connect_object (self->context, "notify::role", G_CALLBACK (role_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::staff-id", G_CALLBACK (signed_in_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (signed_in_changed_cb), self,
                           G_CONNECT_SWAPPED);
  signed_in_changed_cb (self, NULL, self->context);
  if (pathways_context_get_role (self->context) != NULL)
    role_changed_cb (self, NULL, self->context);

  /* The caseload first: it loads as soon as the store is open */
  self->caseload_view = pathways_caseload_view_new (self->context);
  g_signal_connect_object (self->caseload_view, "person-activated", G_CALLBACK (person_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->caseload_view, "notify::model", G_CALLBACK (caseload_model_cb),
                           self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->caseload_bin, self->caseload_view);

  /* For screenshots and demonstrations: start on another page */
  if (start_page != NULL && adw_view_stack_get_child_by_name (self->stack, start_page) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, start_page);
}

/* The narrow window's page menu: the pages the signed-in role may use,
 * in the switcher's order, each with its Alt+1…8 */
static void
page_menu_cb (GtkMenuButton *button,
              gpointer       data)
{
  PathwaysWindow *self = data;
  g_autoptr(GListModel) pages = G_LIST_MODEL (adw_view_stack_get_pages (self->stack));
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (pages, i);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *accel = NULL;

      if (!adw_view_stack_page_get_visible (page))
        continue;
      item = g_menu_item_new (adw_view_stack_page_get_title (page), NULL);
      g_menu_item_set_action_and_target (item, "win.show-page", "s", adw_view_stack_page_get_name (page));
      accel = g_strdup_printf ("<Alt>%u", i + 1);
      g_menu_item_set_attribute (item, "accel", "s", accel);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* The page menu's button is named after the page shown */
static void
update_page_menu (PathwaysWindow *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->stack);
  const char *title = child != NULL ? adw_view_stack_page_get_title (adw_view_stack_get_page (self->stack, child)) : NULL;

  if (self->page_menu_label == NULL)
    return;
  gtk_label_set_label (self->page_menu_label, title != NULL ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : _("Pages"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Go to another page"),
                                  -1);
}

static void
page_shown_cb (PathwaysWindow *self,
               GParamSpec     *pspec,
               AdwViewStack   *stack)
{
  ensure_page (self, adw_view_stack_get_visible_child_name (stack));
  update_back_button (self);
  update_page_menu (self);
  /* The young person's page stays as it was, under the Caseload tab;
   * what was typed on it is written now rather than in a moment */
  if (self->person_page != NULL && pathways_window_is_showing_person (self) &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "caseload") != 0)
    pathways_person_page_save_edits (PATHWAYS_PERSON_PAGE (self->person_page));
}

/* The back button belongs to the young person's page: it shows only
 * while that page is on screen, not on Stock, Timeline or Sufficiency */
static void
update_back_button (PathwaysWindow *self)
{
  gboolean on_person = g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "caseload") == 0 &&
                       g_strcmp0 (gtk_stack_get_visible_child_name (self->caseload_stack), "person") == 0;

  gtk_widget_set_visible (self->back_button, on_person);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", on_person);
}

static void
caseload_page_changed_cb (PathwaysWindow *self,
                          GParamSpec     *pspec,
                          GtkStack       *stack)
{
  update_back_button (self);
}

/* Leaving the young person's page: what was typed is saved; what cannot
 * be saved as it is is never dropped without asking */
static void go_on_leaving (PathwaysWindow *self);

/* After the dialog's response, not in it: closing the window takes its
 * dialog with it */
static gboolean
leave_discarding_cb (gpointer data)
{
  PathwaysWindow *self = data;

  if (self->person_page != NULL)
    pathways_person_page_discard_edits (PATHWAYS_PERSON_PAGE (self->person_page));
  go_on_leaving (self);
  return G_SOURCE_REMOVE;
}

static void
leave_response_cb (PathwaysWindow   *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "discard") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, leave_discarding_cb, g_object_ref (self), g_object_unref);
}

/* TRUE when the page may be left now; FALSE when the user is asked
 * first (and leaving goes on, to @leave_to, if they say "Discard") */
static gboolean
may_leave_person (PathwaysWindow *self,
                  gint64          leave_to)
{
  g_autoptr(GtkWidget) open = NULL;
  GtkWidget *dialog;

  if (self->person_page == NULL ||
      pathways_person_page_save_edits (PATHWAYS_PERSON_PAGE (self->person_page)))
    return TRUE;

  self->leave_to = leave_to;
  if ((open = g_weak_ref_get (&self->leave_dialog)) != NULL)
    return FALSE;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                   _("Some of what you typed cannot be saved as it is. The fields are marked in red: "
                                     "correct them to save, or discard the changes."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (leave_response_cb), self, G_CONNECT_SWAPPED);
  g_weak_ref_set (&self->leave_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

static void
go_on_leaving (PathwaysWindow *self)
{
  if (self->leave_to == -1)
    {
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (self->leave_to > 0)
    pathways_window_open_person (self, self->leave_to);
  else
    gtk_stack_set_visible_child_name (self->caseload_stack, "caseload");
}

static void
open_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  pathways_window_open_person (PATHWAYS_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
person_added_cb (PathwaysAddPersonDialog *dialog,
                 PathwaysChangeSet       *undo,
                 gint64                   person_id,
                 gpointer                 user_data)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (user_data);

  pathways_context_show_undoable (self->context, _("Young person added"), undo);
}

/* win.open-person-for (person, action): the young person's page, then
 * one of its actions ("schedule-move", "record-contact",
 * "show-milestones") once it has loaded — My Day's alert buttons */
static void
run_pending_person_action (PathwaysWindow *self)
{
  g_autofree char *action = g_steal_pointer (&self->pending_person_action);
  g_autofree char *name = NULL;

  if (action == NULL || self->person_page == NULL)
    return;
  name = g_strdup_printf ("person.%s", action);
  gtk_widget_activate_action (self->person_page, name, NULL);
}

static void
person_loading_cb (PathwaysWindow *self)
{
  gboolean loading = TRUE;

  g_object_get (self->person_page, "loading", &loading, NULL);
  if (!loading)
    run_pending_person_action (self);
}

static void
open_person_for_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (widget);
  gint64 person_id;
  const char *action;
  gboolean loading = TRUE;

  g_variant_get (parameter, "(x&s)", &person_id, &action);
  pathways_window_open_person (self, person_id);
  if (self->person_page == NULL ||
      pathways_person_page_get_person_id (PATHWAYS_PERSON_PAGE (self->person_page)) != person_id)
    return;
  g_free (self->pending_person_action);
  self->pending_person_action = g_strdup (action);
  g_signal_handlers_disconnect_by_func (self->person_page, person_loading_cb, self);
  g_signal_connect_object (self->person_page, "notify::loading", G_CALLBACK (person_loading_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_get (self->person_page, "loading", &loading, NULL);
  if (!loading)
    run_pending_person_action (self);
}

/* Whether the signed-in role may do @what; if not, says why in a toast
 * (nothing to do without an open store either) */
static gboolean
window_allows (PathwaysWindow     *self,
               PathwaysPermission  what)
{
  const char *role;

  if (self->context == NULL || pathways_context_get_store (self->context) == NULL)
    return FALSE;
  role = pathways_context_get_role (self->context);
  if (!pathways_role_may (role, what))
    {
      g_autofree char *why = pathways_role_dup_refusal (role, what);
      pathways_context_show_message (self->context, why);
      return FALSE;
    }
  return TRUE;
}

/* Import SSDA903 Files… (managers): the dialog previews, then imports */
static void
import_903_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (widget);
  PathwaysImportDialog *dialog;

  if (!window_allows (self, PATHWAYS_MAY_COMMISSION))
    return;
  dialog = pathways_import_dialog_new (self->context);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Export Annex A List…: Ofsted's list of care leavers */
static void
export_annex_a_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (widget);

  if (!window_allows (self, PATHWAYS_MAY_SEE_PRIVATE))
    return;
  pathways_annex_a_export_choose (GTK_WINDOW (self), self->context);
}

/* Import Stock…: a provider's list of units (CSV) */
static void
import_stock_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (widget);

  if (!window_allows (self, PATHWAYS_MAY_EDIT_STOCK))
    return;
  pathways_stock_import_choose (GTK_WINDOW (self), self->context);
}

/* Export SSDA903 Return…: the DfE's return for a collection year */
static void
export_903_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (widget);
  Pathways903ExportDialog *dialog;

  if (!window_allows (self, PATHWAYS_MAY_SEE_PRIVATE))
    return;
  dialog = pathways_903_export_dialog_new (self->context);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Add Young Person… (Ctrl+N): the form, in a dialog of its own */
static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (widget);
  PathwaysAddPersonDialog *dialog;

  if (!window_allows (self, PATHWAYS_MAY_EDIT_PEOPLE))
    return;
  dialog = pathways_add_person_dialog_new (self->context);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "added", G_CALLBACK (person_added_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (widget);

  if (may_leave_person (self, 0))
    gtk_stack_set_visible_child_name (self->caseload_stack, "caseload");
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (widget);

  /* On the stock, its own search; anywhere else, the caseload's */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "stock") == 0 && self->stock_view != NULL)
    {
      gtk_widget_activate_action (self->stock_view, "stock.focus-search", NULL);
      return;
    }
  adw_view_stack_set_visible_child_name (self->stack, "caseload");
  if (pathways_window_is_showing_person (self) && !may_leave_person (self, 0))
    return;
  gtk_stack_set_visible_child_name (self->caseload_stack, "caseload");
  if (self->caseload_view != NULL)
    gtk_widget_activate_action (self->caseload_view, "caseload.focus-search", NULL);
}

/* Keyboard Shortcuts (Ctrl+?): the shortcuts window is built the first
 * time it is asked for, not with every window before its first frame */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) == NULL)
    {
      g_critical ("No page named “%s”", name);
      return;
    }
  /* A page hidden for the signed-in role stays hidden (Alt+5 too) */
  if (!adw_view_stack_page_get_visible (adw_view_stack_get_page (self->stack,
                                                                 adw_view_stack_get_child_by_name (self->stack, name))))
    return;

  adw_view_stack_set_visible_child_name (self->stack, name);
}

/* GtkWindow overrides */

static gboolean
pathways_window_close_request (GtkWindow *window)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (window);

  if (!self->closing && !may_leave_person (self, -1))
    return TRUE;
  return GTK_WINDOW_CLASS (pathways_window_parent_class)->close_request (window);
}

/* GtkWidget overrides */

static void
pathways_window_unmap (GtkWidget *widget)
{
  save_window_state (PATHWAYS_WINDOW (widget));

  GTK_WIDGET_CLASS (pathways_window_parent_class)->unmap (widget);
}

/* GObject overrides */

static void
pathways_window_dispose (GObject *object)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (object);

  g_cancellable_cancel (self->signed_in_cancellable);
  g_clear_object (&self->signed_in_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_WINDOW);
  self->caseload_view = NULL;
  self->person_page = NULL;
  self->stock_view = NULL;
  self->timeline_view = NULL;
  self->sufficiency_view = NULL;
  self->commission_view = NULL;
  self->my_day_view = NULL;
  g_clear_pointer (&self->pending_person_action, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  self->team_view = NULL;
  self->plan_view = NULL;
  g_clear_object (&self->settings);
  g_clear_object (&self->context);
  g_weak_ref_clear (&self->leave_dialog);

  G_OBJECT_CLASS (pathways_window_parent_class)->dispose (object);
}

static void
pathways_window_class_init (PathwaysWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const pages[] = { "caseload", "stock", "timeline", "sufficiency", "commission", "team" };

  object_class->dispose = pathways_window_dispose;

  pathways_accessibility_init ();

  widget_class->unmap = pathways_window_unmap;
  GTK_WINDOW_CLASS (klass)->close_request = pathways_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, caseload_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, caseload_bin);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, person_bin);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, stock_bin);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, timeline_bin);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, sufficiency_bin);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, commission_bin);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, my_day_bin);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, team_bin);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, plan_bin);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, server_banner);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, page_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, page_menu_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, read_only_banner_label);
  gtk_widget_class_bind_template_callback (widget_class, caseload_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_visible_cb);

  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.open-person", "x", open_person_action);
  gtk_widget_class_install_action (widget_class, "win.open-person-for", "(xs)", open_person_for_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.add-person", NULL, add_person_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add-person", NULL);
  gtk_widget_class_install_action (widget_class, "win.retry-server", NULL, retry_server_action);
  gtk_widget_class_install_action (widget_class, "win.import-903", NULL, import_903_action);
  gtk_widget_class_install_action (widget_class, "win.export-annex-a", NULL, export_annex_a_action);
  gtk_widget_class_install_action (widget_class, "win.export-903", NULL, export_903_action);
  gtk_widget_class_install_action (widget_class, "win.import-stock", NULL, import_stock_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_I, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.import-903", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.focus-search", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_7, GDK_ALT_MASK, "win.show-page", "s", "plan");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_8, GDK_ALT_MASK, "win.show-page", "s", "my-day");
}

static void
pathways_window_init (PathwaysWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_weak_ref_init (&self->leave_dialog, NULL);
  gtk_menu_button_set_create_popup_func (self->page_menu_button, page_menu_cb, self, NULL);
  update_page_menu (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retry-server", FALSE);

  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/* Public API */

PathwaysWindow *
pathways_window_new (PathwaysApplication *application)
{
  g_return_val_if_fail (PATHWAYS_IS_APPLICATION (application), NULL);

  return g_object_new (PATHWAYS_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * pathways_window_open_person:
 *
 * Shows the young person's page; "Back" returns to the caseload as it
 * was left, with its search, filters and scroll position.
 */
void
pathways_window_open_person (PathwaysWindow *self,
                             gint64          person_id)
{
  PathwaysPersonPage *page;

  g_return_if_fail (PATHWAYS_IS_WINDOW (self));

  if ((page = ensure_person_page (self)) == NULL)
    return;
  /* Another young person: what was typed for this one is saved first */
  if (pathways_person_page_get_person_id (page) != person_id && pathways_window_is_showing_person (self) &&
      !may_leave_person (self, person_id))
    return;
  pathways_person_page_show_person (page, person_id);
  adw_view_stack_set_visible_child_name (self->stack, "caseload");
  gtk_stack_set_visible_child_name (self->caseload_stack, "person");
}

/**
 * pathways_window_get_page:
 * @name: "caseload", "person", "stock", "timeline", "sufficiency", "commission", "team", "plan" or "my-day"
 *
 * Returns: (transfer none) (nullable): the page, built if it was not yet
 */
PathwaysPage *
pathways_window_get_page (PathwaysWindow *self,
                          const char     *name)
{
  g_return_val_if_fail (PATHWAYS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "person"))
    return PATHWAYS_PAGE (ensure_person_page (self));
  return PATHWAYS_PAGE (ensure_page (self, name));
}

/**
 * pathways_window_has_page:
 *
 * Returns: %TRUE if the page @name has been built (shown once)
 */
gboolean
pathways_window_has_page (PathwaysWindow *self,
                          const char     *name)
{
  g_return_val_if_fail (PATHWAYS_IS_WINDOW (self), FALSE);

  if (g_str_equal (name, "caseload"))
    return self->caseload_view != NULL;
  if (g_str_equal (name, "person"))
    return self->person_page != NULL;
  if (g_str_equal (name, "stock"))
    return self->stock_view != NULL;
  if (g_str_equal (name, "timeline"))
    return self->timeline_view != NULL;
  if (g_str_equal (name, "sufficiency"))
    return self->sufficiency_view != NULL;
  if (g_str_equal (name, "commission"))
    return self->commission_view != NULL;
  if (g_str_equal (name, "team"))
    return self->team_view != NULL;
  if (g_str_equal (name, "plan"))
    return self->plan_view != NULL;
  if (g_str_equal (name, "my-day"))
    return self->my_day_view != NULL;
  return FALSE;
}

PathwaysCaseloadView *
pathways_window_get_caseload_view (PathwaysWindow *self)
{
  return PATHWAYS_CASELOAD_VIEW (pathways_window_get_page (self, "caseload"));
}

PathwaysPersonPage *
pathways_window_get_person_page (PathwaysWindow *self)
{
  return PATHWAYS_PERSON_PAGE (pathways_window_get_page (self, "person"));
}

PathwaysStockView *
pathways_window_get_stock_view (PathwaysWindow *self)
{
  return PATHWAYS_STOCK_VIEW (pathways_window_get_page (self, "stock"));
}

PathwaysTimelineView *
pathways_window_get_timeline_view (PathwaysWindow *self)
{
  return PATHWAYS_TIMELINE_VIEW (pathways_window_get_page (self, "timeline"));
}

/**
 * pathways_window_is_showing_person:
 */
gboolean
pathways_window_is_showing_person (PathwaysWindow *self)
{
  g_return_val_if_fail (PATHWAYS_IS_WINDOW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->caseload_stack), "person") == 0;
}

/**
 * pathways_window_get_back_button:
 *
 * Returns: (transfer none): the header's back button (the young
 *   person's page's)
 */
GtkWidget *
pathways_window_get_back_button (PathwaysWindow *self)
{
  g_return_val_if_fail (PATHWAYS_IS_WINDOW (self), NULL);

  return self->back_button;
}

/**
 * pathways_window_get_leave_dialog:
 *
 * Returns: (transfer none) (nullable): the "Discard Changes?" dialog,
 *   while it is open
 */
GtkWindow *
pathways_window_get_leave_dialog (PathwaysWindow *self)
{
  g_autoptr(GtkWindow) dialog = NULL;

  g_return_val_if_fail (PATHWAYS_IS_WINDOW (self), NULL);

  dialog = g_weak_ref_get (&self->leave_dialog);
  return dialog;   /* still referenced by GTK while it is open */
}
