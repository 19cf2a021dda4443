/* pathways-window.c — the main window
 *
 * A header bar with a view switcher over four pages (Caseload, Stock,
 * Timeline, Sufficiency); on narrow windows the switcher moves to a bar
 * at the bottom.  The window asks the store for the caseload and hands
 * the result to the caseload view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-person-page.h"
#include "pathways-stock-view.h"
#include "pathways-window.h"
#include "pathways-sufficiency-view.h"
#include "pathways-timeline-view.h"

struct _PathwaysWindow
{
  AdwApplicationWindow parent_instance;

  GSettings    *settings;
  GCancellable *cancellable;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  GtkStack             *caseload_stack;
  PathwaysCaseloadView *caseload_view;
  PathwaysPersonPage   *person_page;
  GtkWidget            *back_button;
  PathwaysStockView    *stock_view;
  PathwaysSufficiencyView *sufficiency_view;
  PathwaysTimelineView *timeline_view;

  gboolean              caseload_stale;
  gboolean              opened_debug_person;
};

G_DEFINE_FINAL_TYPE (PathwaysWindow, pathways_window, ADW_TYPE_APPLICATION_WINDOW)

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

  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

/* Callbacks */

/* The application is set after construction, by a property: take the
 * settings from it then, before the window is first shown */
static void
application_changed_cb (PathwaysWindow *self,
                        GParamSpec     *pspec,
                        gpointer        user_data)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (self->settings != NULL || !PATHWAYS_IS_APPLICATION (application))
    return;

  self->settings = g_object_ref (pathways_application_get_settings (PATHWAYS_APPLICATION (application)));
  restore_window_state (self);
  g_settings_bind (self->settings, "my-staff-id", self->caseload_view, "my-staff-id", G_SETTINGS_BIND_GET);
}

static void
caseload_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PathwaysWindow) self = user_data;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  model = pathways_store_load_caseload_finish (PATHWAYS_STORE (source), result, &error);
  if (model == NULL)
    {
      AdwToast *toast;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_warning ("Could not load the caseload: %s", error->message);

      /* Translators: %s is an error message from the database */
      toast = adw_toast_new_format (_("Could not load the caseload: %s"), error->message);
      adw_toast_set_timeout (toast, 0);
      pathways_window_add_toast (self, toast);

      model = G_LIST_MODEL (g_list_store_new (PATHWAYS_TYPE_CASELOAD_ROW));
    }

  pathways_caseload_view_set_model (self->caseload_view, model);

  /* For screenshots and demonstrations: open a young person's page at once */
  if (!self->opened_debug_person && g_getenv ("PATHWAYS_OPEN_PERSON") != NULL)
    {
      gint64 id = g_ascii_strtoll (g_getenv ("PATHWAYS_OPEN_PERSON"), NULL, 10);

      self->opened_debug_person = TRUE;
      if (id > 0)
        pathways_window_open_person (self, id);
    }
}

static void
refreshed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PathwaysWindow) self = user_data;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  model = pathways_store_load_caseload_finish (PATHWAYS_STORE (source), result, &error);
  if (model == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not refresh the caseload: %s", error->message);
      return;
    }
  pathways_caseload_view_set_model (self->caseload_view, model);
}

/* Reloads the caseload in the background, keeping the rows shown until
 * the new ones are there */
static void
refresh_caseload (PathwaysWindow *self)
{
  PathwaysApplication *application = PATHWAYS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  PathwaysStore *store = application ? pathways_application_get_store (application) : NULL;
  g_autofree char *today = NULL;

  self->caseload_stale = FALSE;
  if (store == NULL)
    return;
  today = pathways_clock_dup_today (pathways_application_get_clock (application));
  pathways_store_load_caseload_async (store, today, self->cancellable, refreshed_cb, g_object_ref (self));
  pathways_timeline_view_load (self->timeline_view, store, today);
}

static void
person_activated_cb (PathwaysWindow       *self,
                     gint64                person_id,
                     PathwaysCaseloadView *view)
{
  pathways_window_open_person (self, person_id);
}

static void
person_changed_cb (PathwaysWindow     *self,
                   PathwaysPersonPage *page)
{
  self->caseload_stale = TRUE;
}

static void
caseload_page_changed_cb (PathwaysWindow *self,
                          GParamSpec     *pspec,
                          GtkStack       *stack)
{
  gboolean on_person = g_strcmp0 (gtk_stack_get_visible_child_name (stack), "person") == 0;

  gtk_widget_set_visible (self->back_button, on_person);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", on_person);
  if (!on_person && self->caseload_stale)
    refresh_caseload (self);
}

static void
open_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  pathways_window_open_person (PATHWAYS_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->caseload_stack, "caseload");
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "caseload");
  gtk_stack_set_visible_child_name (self->caseload_stack, "caseload");
  gtk_widget_activate_action (GTK_WIDGET (self->caseload_view), "caseload.focus-search", NULL);
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

  adw_view_stack_set_visible_child_name (self->stack, name);
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

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pathways_window_parent_class)->dispose (object);
}

static void
pathways_window_class_init (PathwaysWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const pages[] = { "caseload", "stock", "timeline", "sufficiency" };

  object_class->dispose = pathways_window_dispose;

  widget_class->unmap = pathways_window_unmap;

  g_type_ensure (PATHWAYS_TYPE_CASELOAD_VIEW);
  g_type_ensure (PATHWAYS_TYPE_PERSON_PAGE);
  g_type_ensure (PATHWAYS_TYPE_STOCK_VIEW);
  g_type_ensure (PATHWAYS_TYPE_SUFFICIENCY_VIEW);
  g_type_ensure (PATHWAYS_TYPE_TIMELINE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, caseload_view);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, caseload_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, person_page);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, stock_view);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, sufficiency_view);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, timeline_view);
  gtk_widget_class_bind_template_callback (widget_class, person_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, caseload_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.open-person", "x", open_person_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.focus-search", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i]);
}

static void
pathways_window_init (PathwaysWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", FALSE);

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
 * pathways_window_add_toast:
 * @toast: (transfer full): the toast to show
 */
void
pathways_window_add_toast (PathwaysWindow *self,
                           AdwToast       *toast)
{
  g_return_if_fail (PATHWAYS_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * pathways_window_load_caseload:
 *
 * Shows the caseload as loading and (re)loads it from the application's
 * store in a worker thread.  The store must be open.
 */
void
pathways_window_load_caseload (PathwaysWindow *self)
{
  PathwaysApplication *application;
  PathwaysStore *store;
  g_autofree char *today = NULL;

  g_return_if_fail (PATHWAYS_IS_WINDOW (self));

  application = PATHWAYS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_return_if_fail (application != NULL);
  store = pathways_application_get_store (application);
  g_return_if_fail (store != NULL);

  /* A load still under way is superseded by this one */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  pathways_caseload_view_set_model (self->caseload_view, NULL);
  pathways_stock_view_set_store (self->stock_view, store);

  /* For screenshots and demonstrations: start on another page */
  if (g_getenv ("PATHWAYS_START_PAGE") != NULL &&
      adw_view_stack_get_child_by_name (self->stack, g_getenv ("PATHWAYS_START_PAGE")) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, g_getenv ("PATHWAYS_START_PAGE"));

  today = pathways_clock_dup_today (pathways_application_get_clock (application));
  /* The Sufficiency page works its figures out each time it is shown */
  pathways_sufficiency_view_set_store (self->sufficiency_view, store, today);
  pathways_timeline_view_load (self->timeline_view, store, today);
  pathways_store_load_caseload_async (store, today, self->cancellable,
                                      caseload_loaded_cb, g_object_ref (self));
}

/**
 * pathways_window_get_stock_view:
 *
 * Returns: (transfer none): the housing stock page
 */
PathwaysStockView *
pathways_window_get_stock_view (PathwaysWindow *self)
{
  g_return_val_if_fail (PATHWAYS_IS_WINDOW (self), NULL);

  return self->stock_view;
}

/**
 * pathways_window_get_caseload_view:
 *
 * Returns: (transfer none): the caseload page
 */
PathwaysCaseloadView *
pathways_window_get_caseload_view (PathwaysWindow *self)
{
  g_return_val_if_fail (PATHWAYS_IS_WINDOW (self), NULL);

  return self->caseload_view;
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
  PathwaysApplication *application;
  PathwaysStore *store;

  g_return_if_fail (PATHWAYS_IS_WINDOW (self));

  application = PATHWAYS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  store = application ? pathways_application_get_store (application) : NULL;
  if (store == NULL)
    return;

  pathways_person_page_set_store (self->person_page, store);
  if (self->settings != NULL)
    pathways_person_page_set_staff_id (self->person_page, g_settings_get_int64 (self->settings, "my-staff-id"));
  pathways_person_page_load (self->person_page, person_id);
  adw_view_stack_set_visible_child_name (self->stack, "caseload");
  gtk_stack_set_visible_child_name (self->caseload_stack, "person");
}

/**
 * pathways_window_get_person_page:
 *
 * Returns: (transfer none): the young person's page
 */
PathwaysPersonPage *
pathways_window_get_person_page (PathwaysWindow *self)
{
  g_return_val_if_fail (PATHWAYS_IS_WINDOW (self), NULL);

  return self->person_page;
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
 * pathways_window_get_timeline_view:
 *
 * Returns: (transfer none): the Timeline page
 */
PathwaysTimelineView *
pathways_window_get_timeline_view (PathwaysWindow *self)
{
  g_return_val_if_fail (PATHWAYS_IS_WINDOW (self), NULL);

  return self->timeline_view;
}
