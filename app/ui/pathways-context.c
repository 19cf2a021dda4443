/* pathways-context.c — what every page and dialog is given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-context"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-context.h"

struct _PathwaysContext
{
  GObject parent_instance;

  PathwaysStore     *store;
  PathwaysClock     *clock;
  GSettings         *settings;
  gint64             staff_id;
  char              *role;
  GPtrArray         *overlays;   /* GWeakRef* to AdwToastOverlay, oldest first */
  PathwaysChangeSet *last_undo;

  /* The caseload loaded with the store as it opened, for the caseload
   * page's first load (pathways_context_take_first_caseload()) */
  GListModel        *first_caseload;
  PathwaysStore     *first_caseload_store;   /* not a reference: compared only */
  char              *first_caseload_date;
};

G_DEFINE_FINAL_TYPE (PathwaysContext, pathways_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLOCK,
  PROP_SETTINGS,
  PROP_STAFF_ID,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static AdwToastOverlay *
dup_overlay (PathwaysContext *self)
{
  AdwToastOverlay *fallback = NULL;

  for (guint i = self->overlays->len; i > 0; i--)
    {
      AdwToastOverlay *overlay = g_weak_ref_get (g_ptr_array_index (self->overlays, i - 1));
      GtkRoot *root;

      if (overlay == NULL)
        {
          g_ptr_array_remove_index (self->overlays, i - 1);
          continue;
        }
      root = gtk_widget_get_root (GTK_WIDGET (overlay));
      if (GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root)))
        {
          g_clear_object (&fallback);
          return overlay;
        }
      if (fallback == NULL)
        fallback = overlay;
      else
        g_object_unref (overlay);
    }
  return fallback;
}

/* Callbacks */

static void
undone_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PathwaysContext) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pathways_store_undo_finish (PATHWAYS_STORE (source), result, &error))
    pathways_context_show_error (self, error);
  else
    pathways_context_show_message (self, _("Undone"));
}

static void
undo (PathwaysContext   *self,
      PathwaysChangeSet *changes)
{
  if (self->store == NULL)
    return;
  if (changes == self->last_undo)
    g_clear_pointer (&self->last_undo, pathways_change_set_unref);
  /* The pages refresh from the store's "changed" */
  pathways_store_undo_async (self->store, changes, NULL, undone_cb, g_object_ref (self));
}

static void
undo_clicked_cb (AdwToast        *toast,
                 PathwaysContext *self)
{
  PathwaysChangeSet *changes = g_object_get_data (G_OBJECT (toast), "undo");

  if (changes == NULL)
    return;
  pathways_change_set_ref (changes);
  g_object_set_data (G_OBJECT (toast), "undo", NULL);
  undo (self, changes);
  pathways_change_set_unref (changes);
}

/* The embedded database records the staff member signed in as in every
 * audit row (a team server records its login's own) */
static void
tell_store_who_acts (PathwaysContext *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || pathways_store_is_team_server (self->store))
    return;
  if (!pathways_store_set_acting_staff (self->store, self->staff_id, &error))
    {
      g_debug ("The staff member signed in as is not in this database: %s", error->message);
      pathways_store_set_acting_staff (self->store, 0, NULL);
    }
}

static void
set_staff_id (PathwaysContext *self,
              gint64           id)
{
  if (id != self->staff_id)
    {
      self->staff_id = id;
      tell_store_who_acts (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF_ID]);
    }
}

static void
staff_id_changed_cb (PathwaysContext *self,
                     const char      *key,
                     GSettings       *settings)
{
  /* On a team server, who you are is the server's to say */
  if (self->store != NULL && pathways_store_is_team_server (self->store))
    return;
  set_staff_id (self, g_settings_get_int64 (settings, "my-staff-id"));
}

/* GObject */

static void
pathways_context_constructed (GObject *object)
{
  PathwaysContext *self = PATHWAYS_CONTEXT (object);

  G_OBJECT_CLASS (pathways_context_parent_class)->constructed (object);

  if (self->clock == NULL)
    self->clock = pathways_clock_new ();
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::my-staff-id", G_CALLBACK (staff_id_changed_cb),
                               self, G_CONNECT_SWAPPED);
      staff_id_changed_cb (self, "my-staff-id", self->settings);
    }
}

static void
pathways_context_dispose (GObject *object)
{
  PathwaysContext *self = PATHWAYS_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->last_undo, pathways_change_set_unref);
  g_clear_pointer (&self->overlays, g_ptr_array_unref);
  g_clear_object (&self->first_caseload);

  G_OBJECT_CLASS (pathways_context_parent_class)->dispose (object);
}

static void
pathways_context_finalize (GObject *object)
{
  PathwaysContext *self = PATHWAYS_CONTEXT (object);

  g_free (self->role);
  g_free (self->first_caseload_date);

  G_OBJECT_CLASS (pathways_context_parent_class)->finalize (object);
}

static void
pathways_context_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PathwaysContext *self = PATHWAYS_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_STAFF_ID:
      g_value_set_int64 (value, self->staff_id);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_context_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PathwaysContext *self = PATHWAYS_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      pathways_context_set_store (self, g_value_get_object (value));
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_ROLE:
      pathways_context_set_role (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_context_class_init (PathwaysContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pathways_context_constructed;
  object_class->dispose = pathways_context_dispose;
  object_class->finalize = pathways_context_finalize;
  object_class->get_property = pathways_context_get_property;
  object_class->set_property = pathways_context_set_property;

  /**
   * PathwaysContext:store:
   *
   * The open store, or %NULL while it is being opened.  Pages follow it
   * (see pathways-page.h).
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PATHWAYS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, PATHWAYS_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAFF_ID] =
    g_param_spec_int64 ("staff-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathways_context_init (PathwaysContext *self)
{
  self->overlays = g_ptr_array_new_with_free_func (weak_ref_free);
}

/* Public API */

/**
 * pathways_context_new:
 * @clock: (nullable): what "today" is (a new clock if %NULL)
 * @settings: (nullable): the application's settings
 */
PathwaysContext *
pathways_context_new (PathwaysClock *clock,
                      GSettings     *settings)
{
  return g_object_new (PATHWAYS_TYPE_CONTEXT, "clock", clock, "settings", settings, NULL);
}

/**
 * pathways_context_get_store:
 *
 * Returns: (transfer none) (nullable): the store, or %NULL until it is open
 */
PathwaysStore *
pathways_context_get_store (PathwaysContext *self)
{
  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (self), NULL);

  return self->store;
}

void
pathways_context_set_store (PathwaysContext *self,
                            PathwaysStore   *store)
{
  g_return_if_fail (PATHWAYS_IS_CONTEXT (self));
  g_return_if_fail (store == NULL || PATHWAYS_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      if (store != self->first_caseload_store)
        g_clear_object (&self->first_caseload);
      /* On a team server the server says who is signed in */
      if (store != NULL && pathways_store_is_team_server (store))
        {
          pathways_context_set_role (self, pathways_store_get_signed_in_role (store));
          if (pathways_store_get_signed_in_staff_id (store) > 0)
            set_staff_id (self, pathways_store_get_signed_in_staff_id (store));
        }
      tell_store_who_acts (self);
      g_clear_pointer (&self->last_undo, pathways_change_set_unref);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
}

/**
 * pathways_context_set_first_caseload:
 * @store: the store @caseload was loaded from, before it is set
 * @on_date: the day its ages and alerts are for
 * @caseload: (transfer none): what pathways_store_load_caseload() gave
 *
 * Keeps the caseload that was loaded in the thread that opened @store,
 * so that the caseload page shows it at once instead of loading it again
 * after the window's first frame.  Only the first caller of
 * pathways_context_take_first_caseload() gets it.
 */
void
pathways_context_set_first_caseload (PathwaysContext *self,
                                     PathwaysStore   *store,
                                     const char      *on_date,
                                     GListModel      *caseload)
{
  g_return_if_fail (PATHWAYS_IS_CONTEXT (self));
  g_return_if_fail (PATHWAYS_IS_STORE (store));
  g_return_if_fail (on_date != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (caseload));

  g_set_object (&self->first_caseload, caseload);
  self->first_caseload_store = store;
  g_free (self->first_caseload_date);
  self->first_caseload_date = g_strdup (on_date);
}

/**
 * pathways_context_take_first_caseload:
 *
 * Returns: (transfer full) (nullable): the caseload kept by
 *   pathways_context_set_first_caseload() if it was loaded from @store
 *   for @on_date and nobody has taken it yet, else %NULL (load it)
 */
GListModel *
pathways_context_take_first_caseload (PathwaysContext *self,
                                      PathwaysStore   *store,
                                      const char      *on_date)
{
  g_autoptr(GListModel) caseload = NULL;

  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (self), NULL);

  caseload = g_steal_pointer (&self->first_caseload);
  if (caseload == NULL || store != self->first_caseload_store ||
      g_strcmp0 (on_date, self->first_caseload_date) != 0)
    return NULL;
  return g_steal_pointer (&caseload);
}

PathwaysClock *
pathways_context_get_clock (PathwaysContext *self)
{
  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (self), NULL);

  return self->clock;
}

/**
 * pathways_context_dup_today:
 *
 * Returns: (transfer full): today, ISO
 */
char *
pathways_context_dup_today (PathwaysContext *self)
{
  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (self), NULL);

  return pathways_clock_dup_today (self->clock);
}

/**
 * pathways_context_get_settings:
 *
 * Returns: (transfer none) (nullable): the application's settings
 */
GSettings *
pathways_context_get_settings (PathwaysContext *self)
{
  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (self), NULL);

  return self->settings;
}

gint64
pathways_context_get_staff_id (PathwaysContext *self)
{
  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (self), 0);

  return self->staff_id;
}

const char *
pathways_context_get_role (PathwaysContext *self)
{
  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (self), NULL);

  return self->role;
}

void
pathways_context_set_role (PathwaysContext *self,
                           const char      *role)
{
  g_return_if_fail (PATHWAYS_IS_CONTEXT (self));

  if (g_strcmp0 (self->role, role) == 0)
    return;
  g_free (self->role);
  self->role = g_strdup (role);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

/**
 * pathways_context_add_toast_overlay:
 *
 * Where toasts go: each window registers its overlay.
 */
void
pathways_context_add_toast_overlay (PathwaysContext *self,
                                    AdwToastOverlay *overlay)
{
  GWeakRef *ref;

  g_return_if_fail (PATHWAYS_IS_CONTEXT (self));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, overlay);
  g_ptr_array_add (self->overlays, ref);
}

/**
 * pathways_context_add_toast:
 * @toast: (transfer full): the toast
 */
void
pathways_context_add_toast (PathwaysContext *self,
                            AdwToast        *toast)
{
  g_autoptr(AdwToastOverlay) overlay = NULL;

  g_return_if_fail (PATHWAYS_IS_CONTEXT (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = dup_overlay (self);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, toast);
  else
    {
      /* No window to show it in (a test without one): said only to a
       * developer who asks (G_MESSAGES_DEBUG), as toasts may name people */
      if (adw_toast_get_title (toast) != NULL)
        g_debug ("A notification with no window to show it: %s", adw_toast_get_title (toast));
      g_object_unref (g_object_ref_sink (toast));
    }
}

/* A message that stays until dismissed: something went wrong */
void
pathways_context_show_message (PathwaysContext *self,
                               const char      *message)
{
  g_return_if_fail (PATHWAYS_IS_CONTEXT (self));

  pathways_context_add_toast (self, adw_toast_new (message));
}

void
pathways_context_show_error (PathwaysContext *self,
                             const GError    *error)
{
  AdwToast *toast;

  g_return_if_fail (PATHWAYS_IS_CONTEXT (self));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  toast = adw_toast_new (error->message);
  adw_toast_set_timeout (toast, 0);
  pathways_context_add_toast (self, toast);
}

/**
 * pathways_context_show_undoable:
 * @undo: (nullable): what undoes the action the toast reports
 *
 * Reports a done action with "Undo", which runs in a worker thread; the
 * pages refresh from the store's "changed".  The last such action is
 * also what pathways_context_undo_last() undoes.
 */
void
pathways_context_show_undoable (PathwaysContext   *self,
                                const char        *message,
                                PathwaysChangeSet *undo)
{
  AdwToast *toast;

  g_return_if_fail (PATHWAYS_IS_CONTEXT (self));
  g_return_if_fail (message != NULL);

  toast = adw_toast_new (message);
  if (undo != NULL)
    {
      g_clear_pointer (&self->last_undo, pathways_change_set_unref);
      self->last_undo = pathways_change_set_ref (undo);
      adw_toast_set_button_label (toast, _("_Undo"));
      g_object_set_data_full (G_OBJECT (toast), "undo", pathways_change_set_ref (undo),
                              (GDestroyNotify) pathways_change_set_unref);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
    }
  pathways_context_add_toast (self, toast);
}

/**
 * pathways_context_get_last_undo:
 *
 * Returns: (transfer none) (nullable): what undoes the last reported action
 */
PathwaysChangeSet *
pathways_context_get_last_undo (PathwaysContext *self)
{
  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (self), NULL);

  return self->last_undo;
}

/* Undoes the last reported action, if it was not undone already */
void
pathways_context_undo_last (PathwaysContext *self)
{
  g_autoptr(PathwaysChangeSet) changes = NULL;

  g_return_if_fail (PATHWAYS_IS_CONTEXT (self));

  if (self->last_undo == NULL)
    return;
  changes = pathways_change_set_ref (self->last_undo);
  undo (self, changes);
}
