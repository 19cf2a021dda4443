/* pathways-plan-service.c — the service plan, shared by the pages that show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-plan-service"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-plan-service.h"

/* A plan and the names it is shown with, shared by the rows made from
 * it and by the writes that accept or reject its proposals */
typedef struct {
  PathwaysPlan *plan;
  GHashTable   *pa_names;   /* gint64* → char* */
} Holder;

static void
holder_clear (gpointer data)
{
  Holder *h = data;

  g_clear_pointer (&h->plan, pathways_plan_free);
  g_clear_pointer (&h->pa_names, g_hash_table_unref);
}

static Holder *
holder_ref (Holder *h)
{
  return g_rc_box_acquire (h);
}

static void
holder_unref (Holder *h)
{
  g_rc_box_release_full (h, holder_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Holder, holder_unref)

/* The row ------------------------------------------------------------------- */

struct _PathwaysPlanRow
{
  GObject                 parent_instance;
  Holder                 *holder;
  const PathwaysProposal *proposal;
};

G_DEFINE_FINAL_TYPE (PathwaysPlanRow, pathways_plan_row, G_TYPE_OBJECT)

static void
pathways_plan_row_finalize (GObject *object)
{
  PathwaysPlanRow *self = PATHWAYS_PLAN_ROW (object);

  g_clear_pointer (&self->holder, holder_unref);
  G_OBJECT_CLASS (pathways_plan_row_parent_class)->finalize (object);
}

static void
pathways_plan_row_class_init (PathwaysPlanRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pathways_plan_row_finalize;
}

static void
pathways_plan_row_init (PathwaysPlanRow *self)
{
}

static PathwaysPlanRow *
plan_row_new (Holder                 *holder,
              const PathwaysProposal *proposal)
{
  PathwaysPlanRow *self = g_object_new (PATHWAYS_TYPE_PLAN_ROW, NULL);

  self->holder = holder_ref (holder);
  self->proposal = proposal;
  return self;
}

const PathwaysProposal *
pathways_plan_row_get_proposal (PathwaysPlanRow *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PLAN_ROW (self), NULL);
  return self->proposal;
}

const char *
pathways_plan_row_get_pa_name (PathwaysPlanRow *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PLAN_ROW (self), NULL);
  if (self->proposal->pa_id <= 0 || self->holder->pa_names == NULL)
    return NULL;
  return g_hash_table_lookup (self->holder->pa_names, &self->proposal->pa_id);
}

/* The service ------------------------------------------------------------------ */

/* Progress from the planning thread, read on the main thread */
typedef struct {
  int per_mille;
} Progress;

struct _PathwaysPlanService
{
  GObject          parent_instance;

  PathwaysContext *context;     /* not owned: the service is the context's */
  PathwaysStore   *store;
  gulong           changed_id;
  GCancellable    *cancellable;
  Progress        *progress;    /* rc box, while running */
  guint            progress_id;
  guint            rerun_id;
  gboolean         wanted;      /* a plan has been asked for: keep it up to date */
  Holder          *holder;
  GError          *error;
  GListStore      *rows;
};

G_DEFINE_FINAL_TYPE (PathwaysPlanService, pathways_plan_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  PROP_PROGRESS,
  N_PROPS
};

enum {
  UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define SERVICE_KEY "pathways-plan-service"

/* Planning, off the main thread ------------------------------------------------- */

static void
progress_cb (double   fraction,
             gpointer data)
{
  Progress *p = data;

  g_atomic_int_set (&p->per_mille, (int) CLAMP (fraction * 1000.0, 0.0, 1000.0));
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  PathwaysStore *store = source_object;
  GError *error = NULL;
  g_autoptr(GHashTable) settings = pathways_store_dup_settings (store, &error);
  g_autoptr(GListModel) staff = NULL;
  PathwaysPlanOptions options;
  Holder *h;

  if (settings == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  pathways_plan_options_init (&options);
  pathways_plan_weights_from_settings (&options.weights, settings);
  options.progress = progress_cb;
  options.progress_data = task_data;

  h = g_rc_box_new0 (Holder);
  h->plan = pathways_plan_run (store, &options, cancellable, &error);
  if (h->plan != NULL)
    staff = pathways_store_list (store, PATHWAYS_TYPE_STAFF, &error);
  if (staff == NULL)
    {
      holder_unref (h);
      g_task_return_error (task, error);
      return;
    }
  h->pa_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(PathwaysStaff) s = g_list_model_get_item (staff, i);

      g_hash_table_insert (h->pa_names, g_memdup2 (&(gint64) { pathways_record_get_id (PATHWAYS_RECORD (s)) },
                                                   sizeof (gint64)),
                           g_strdup (pathways_staff_get_name (s)));
    }
  g_task_return_pointer (task, h, (GDestroyNotify) holder_unref);
}

static void
set_holder (PathwaysPlanService *self,
            Holder              *h)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (h != NULL)
    for (guint i = 0; i < h->plan->proposals->len; i++)
      g_ptr_array_add (rows, plan_row_new (h, g_ptr_array_index (h->plan->proposals, i)));
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
  g_clear_pointer (&self->holder, holder_unref);
  self->holder = h;
}

static void
stop_progress (PathwaysPlanService *self)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_pointer (&self->progress, g_rc_box_release);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PathwaysPlanService) self = user_data;
  g_autoptr(GError) error = NULL;
  Holder *h = g_task_propagate_pointer (G_TASK (result), &error);

  /* A run cancelled for a newer one: that one reports */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      g_clear_pointer (&h, holder_unref);
      return;
    }
  g_clear_object (&self->cancellable);
  stop_progress (self);
  g_clear_error (&self->error);
  if (h != NULL)
    set_holder (self, h);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_holder (self, NULL);
      self->error = g_steal_pointer (&error);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  g_signal_emit (self, signals[UPDATED], 0);
}

static gboolean
progress_tick_cb (gpointer data)
{
  g_object_notify_by_pspec (G_OBJECT (data), properties[PROP_PROGRESS]);
  return G_SOURCE_CONTINUE;
}

/* Keeping up with the store ------------------------------------------------------- */

static gboolean
rerun_cb (gpointer data)
{
  PathwaysPlanService *self = data;

  self->rerun_id = 0;
  pathways_plan_service_run (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (PathwaysStore       *store,
                  PathwaysChanges     *changes,
                  PathwaysPlanService *self)
{
  static const char * const tables[] = {
    "transition", "spell", "unit", "young_person", "milestone", "plan_rejection", "setting", "episode",
  };
  gboolean touched = pathways_changes_is_everything (changes);

  if (!self->wanted)
    return;
  for (guint i = 0; !touched && i < G_N_ELEMENTS (tables); i++)
    touched = pathways_changes_has_table (changes, tables[i]);
  /* A moment later: one run for a burst of changes */
  if (touched && self->rerun_id == 0)
    self->rerun_id = g_timeout_add (150, rerun_cb, self);
}

static void
context_store_cb (PathwaysPlanService *self,
                  GParamSpec          *pspec,
                  PathwaysContext     *context)
{
  PathwaysStore *store = pathways_context_get_store (context);

  if (store == self->store)
    return;
  pathways_plan_service_cancel (self);
  g_clear_handle_id (&self->rerun_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  /* Another database: the plan was of the other one */
  set_holder (self, NULL);
  g_clear_error (&self->error);
  self->wanted = FALSE;
  g_signal_emit (self, signals[UPDATED], 0);
}

/* Writes ---------------------------------------------------------------------------- */

typedef struct {
  Holder            *holder;
  GPtrArray         *proposals;  /* const PathwaysProposal*, not owned */
  char              *reason;     /* rejecting */
  gint64             scheduled_by;
  PathwaysChangeSet *undo;
  guint              scheduled;
} Write;

static void
write_free (gpointer data)
{
  Write *w = data;

  g_clear_pointer (&w->holder, holder_unref);
  g_clear_pointer (&w->proposals, g_ptr_array_unref);
  g_free (w->reason);
  g_clear_pointer (&w->undo, pathways_change_set_unref);
  g_free (w);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Write *w = task_data;
  GError *error = NULL;
  gboolean ok;

  if (w->reason != NULL)
    ok = pathways_plan_reject_many (source_object, (const PathwaysProposal **) w->proposals->pdata,
                                    w->proposals->len, w->reason, &w->undo, &error);
  else
    {
      for (guint i = 0; i < w->proposals->len; i++)
        if (((const PathwaysProposal *) g_ptr_array_index (w->proposals, i))->unit_id > 0)
          w->scheduled++;
      ok = pathways_plan_accept (source_object, w->holder->plan,
                                 (const PathwaysProposal **) w->proposals->pdata, w->proposals->len,
                                 w->scheduled_by, NULL, &w->undo, &error);
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PathwaysPlanService) self = user_data;
  g_autoptr(GError) error = NULL;
  Write *w = g_task_get_task_data (G_TASK (result));
  g_autofree char *text = NULL;

  if (self->context == NULL)
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      pathways_context_show_error (self->context, error);
      return;
    }
  if (w->reason != NULL && w->proposals->len > 1)
    text = g_strdup_printf (ngettext ("%u proposal turned down; it will not be made again",
                                      "%u proposals turned down; they will not be made again", w->proposals->len),
                            w->proposals->len);
  else if (w->reason != NULL)
    {
      const PathwaysProposal *p = g_ptr_array_index (w->proposals, 0);
      /* Translators: the first %s is a unit, the second a young person's name */
      text = g_strdup_printf (_("%s will not be proposed again for %s"), p->unit_name, p->person_name);
    }
  else if (w->scheduled == 1)
    {
      const PathwaysProposal *p = NULL;

      for (guint i = 0; i < w->proposals->len && p == NULL; i++)
        if (((const PathwaysProposal *) g_ptr_array_index (w->proposals, i))->unit_id > 0)
          p = g_ptr_array_index (w->proposals, i);
      if (p != NULL)
        /* Translators: the first %s is a young person's name, the second a unit */
        text = g_strdup_printf (_("Move scheduled for %s to %s"), p->person_name, p->unit_name);
      else
        text = g_strdup (_("Move scheduled"));
    }
  else
    text = g_strdup_printf (ngettext ("%u move scheduled", "%u moves scheduled", w->scheduled), w->scheduled);
  pathways_context_show_undoable (self->context, text, w->undo);
}

static gboolean
may_schedule (PathwaysPlanService *self)
{
  const char *role = pathways_context_get_role (self->context);
  g_autofree char *why = pathways_role_dup_refusal (role, PATHWAYS_MAY_SCHEDULE_MOVES);

  if (why != NULL)
    pathways_context_show_message (self->context, why);
  return why == NULL;
}

static void
run_write (PathwaysPlanService *self,
           Write               *w)
{
  g_autoptr(GTask) task = g_task_new (self->store, NULL, written_cb, g_object_ref (self));

  g_task_set_source_tag (task, run_write);
  g_task_set_task_data (task, w, write_free);
  g_task_run_in_thread (task, write_thread);
}

/* GObject ---------------------------------------------------------------------------- */

static void
pathways_plan_service_dispose (GObject *object)
{
  PathwaysPlanService *self = PATHWAYS_PLAN_SERVICE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_progress (self);
  g_clear_handle_id (&self->rerun_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  if (self->context != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->context, self);
      g_object_remove_weak_pointer (G_OBJECT (self->context), (gpointer *) &self->context);
      self->context = NULL;
    }
  if (self->rows != NULL)
    g_list_store_remove_all (self->rows);

  G_OBJECT_CLASS (pathways_plan_service_parent_class)->dispose (object);
}

static void
pathways_plan_service_finalize (GObject *object)
{
  PathwaysPlanService *self = PATHWAYS_PLAN_SERVICE (object);

  g_clear_object (&self->rows);
  g_clear_pointer (&self->holder, holder_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (pathways_plan_service_parent_class)->finalize (object);
}

static void
pathways_plan_service_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PathwaysPlanService *self = PATHWAYS_PLAN_SERVICE (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, pathways_plan_service_get_running (self));
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, pathways_plan_service_get_progress (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_plan_service_class_init (PathwaysPlanServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pathways_plan_service_dispose;
  object_class->finalize = pathways_plan_service_finalize;
  object_class->get_property = pathways_plan_service_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
pathways_plan_service_init (PathwaysPlanService *self)
{
  self->rows = g_list_store_new (PATHWAYS_TYPE_PLAN_ROW);
}

/* Public API --------------------------------------------------------------------------- */

/**
 * pathways_plan_service_get_for_context:
 *
 * Returns: (transfer none): the context's plan service, made the first
 *   time it is asked for and kept as long as the context
 */
PathwaysPlanService *
pathways_plan_service_get_for_context (PathwaysContext *context)
{
  PathwaysPlanService *self;

  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);

  self = g_object_get_data (G_OBJECT (context), SERVICE_KEY);
  if (self != NULL)
    return self;
  self = g_object_new (PATHWAYS_TYPE_PLAN_SERVICE, NULL);
  /* The context keeps the service; a page may keep it a moment longer */
  self->context = context;
  g_object_add_weak_pointer (G_OBJECT (context), (gpointer *) &self->context);
  g_signal_connect_swapped (context, "notify::store", G_CALLBACK (context_store_cb), self);
  context_store_cb (self, NULL, context);
  g_object_set_data_full (G_OBJECT (context), SERVICE_KEY, self, g_object_unref);
  return self;
}

void
pathways_plan_service_run (PathwaysPlanService *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PATHWAYS_IS_PLAN_SERVICE (self));

  if (self->store == NULL)
    return;
  self->wanted = TRUE;
  g_clear_handle_id (&self->rerun_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_progress (self);
  self->cancellable = g_cancellable_new ();
  self->progress = g_rc_box_new0 (Progress);
  self->progress_id = g_timeout_add (100, progress_tick_cb, self);

  task = g_task_new (self->store, self->cancellable, run_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, pathways_plan_service_run);
  g_task_set_task_data (task, g_rc_box_acquire (self->progress), g_rc_box_release);
  g_task_run_in_thread (task, run_thread);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/**
 * pathways_plan_service_cancel:
 *
 * Stops a run under way; the plan before it (if any) stays.
 */
void
pathways_plan_service_cancel (PathwaysPlanService *self)
{
  g_return_if_fail (PATHWAYS_IS_PLAN_SERVICE (self));

  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_progress (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_signal_emit (self, signals[UPDATED], 0);
}

gboolean
pathways_plan_service_get_running (PathwaysPlanService *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PLAN_SERVICE (self), FALSE);
  return self->cancellable != NULL;
}

double
pathways_plan_service_get_progress (PathwaysPlanService *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PLAN_SERVICE (self), 0.0);
  if (self->progress == NULL)
    return self->holder != NULL ? 1.0 : 0.0;
  return g_atomic_int_get (&self->progress->per_mille) / 1000.0;
}

PathwaysPlan *
pathways_plan_service_get_plan (PathwaysPlanService *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PLAN_SERVICE (self), NULL);
  return self->holder != NULL ? self->holder->plan : NULL;
}

const GError *
pathways_plan_service_get_error (PathwaysPlanService *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PLAN_SERVICE (self), NULL);
  return self->error;
}

GListModel *
pathways_plan_service_get_rows (PathwaysPlanService *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PLAN_SERVICE (self), NULL);
  return G_LIST_MODEL (self->rows);
}

/**
 * pathways_plan_service_find_person:
 *
 * Returns: (transfer none) (nullable): the row of the young person's
 *   proposal in the last plan
 */
PathwaysPlanRow *
pathways_plan_service_find_person (PathwaysPlanService *self,
                                   gint64               person_id)
{
  g_return_val_if_fail (PATHWAYS_IS_PLAN_SERVICE (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i++)
    {
      g_autoptr(PathwaysPlanRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (row->proposal->person_id == person_id)
        return row;  /* the list keeps it */
    }
  return NULL;
}

void
pathways_plan_service_accept (PathwaysPlanService *self,
                              const gint64        *person_ids,
                              guint                n_people)
{
  Write *w;

  g_return_if_fail (PATHWAYS_IS_PLAN_SERVICE (self));

  if (self->context == NULL || self->store == NULL || self->holder == NULL || n_people == 0 || !may_schedule (self))
    return;
  w = g_new0 (Write, 1);
  w->holder = holder_ref (self->holder);
  w->proposals = g_ptr_array_new ();
  w->scheduled_by = pathways_context_get_staff_id (self->context);
  for (guint i = 0; i < n_people; i++)
    {
      const PathwaysProposal *p = pathways_plan_find_person (self->holder->plan, person_ids[i]);

      if (p != NULL)
        g_ptr_array_add (w->proposals, (gpointer) p);
    }
  if (w->proposals->len == 0)
    {
      write_free (w);
      return;
    }
  run_write (self, w);
}

void
pathways_plan_service_reject (PathwaysPlanService *self,
                              gint64               person_id,
                              const char          *reason)
{
  pathways_plan_service_reject_many (self, &person_id, 1, reason);
}

void
pathways_plan_service_reject_many (PathwaysPlanService *self,
                                   const gint64        *person_ids,
                                   guint                n_people,
                                   const char          *reason)
{
  Write *w;

  g_return_if_fail (PATHWAYS_IS_PLAN_SERVICE (self));

  if (self->context == NULL || self->store == NULL || self->holder == NULL || n_people == 0 || !may_schedule (self))
    return;
  w = g_new0 (Write, 1);
  w->holder = holder_ref (self->holder);
  w->proposals = g_ptr_array_new ();
  for (guint i = 0; i < n_people; i++)
    {
      const PathwaysProposal *p = pathways_plan_find_person (self->holder->plan, person_ids[i]);

      if (p != NULL && p->unit_id > 0)
        g_ptr_array_add (w->proposals, (gpointer) p);
    }
  if (w->proposals->len == 0)
    {
      write_free (w);
      return;
    }
  w->reason = g_strdup (reason != NULL ? reason : "");
  run_write (self, w);
}

static void
reject_text_changed_cb (GtkEditable      *entry,
                        AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "reject", *text != '\0');
}

static void
reject_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    PathwaysPlanService *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "person-ids");

  if (g_strcmp0 (response, "reject") == 0)
    pathways_plan_service_reject_many (self, (const gint64 *) ids->data, ids->len, gtk_editable_get_text (entry));
}

void
pathways_plan_service_ask_reject (PathwaysPlanService *self,
                                  GtkWidget           *parent,
                                  gint64               person_id)
{
  pathways_plan_service_ask_reject_many (self, parent, &person_id, 1);
}

/**
 * pathways_plan_service_ask_reject_many:
 *
 * Returns: (transfer none) (nullable): the dialog asking for the reason,
 *   or %NULL when none of them can be turned down
 */
GtkWidget *
pathways_plan_service_ask_reject_many (PathwaysPlanService *self,
                                       GtkWidget           *parent,
                                       const gint64        *person_ids,
                                       guint                n_people)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  const PathwaysProposal *first = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *body = NULL;
  GtkWidget *dialog, *entry;

  g_return_val_if_fail (PATHWAYS_IS_PLAN_SERVICE (self), NULL);

  if (self->holder == NULL)
    return NULL;
  for (guint i = 0; i < n_people; i++)
    {
      const PathwaysProposal *p = pathways_plan_find_person (self->holder->plan, person_ids[i]);

      if (p == NULL || p->unit_id <= 0)
        continue;
      if (first == NULL)
        first = p;
      g_array_append_val (ids, person_ids[i]);
    }
  if (first == NULL)
    return NULL;
  if (ids->len == 1)
    /* Translators: the first %s is a young person's name, the second a unit */
    body = g_strdup_printf (_("Say why %s should not move to %s. The planner will not propose it again; "
                              "you can undo this from the notification."), first->person_name, first->unit_name);
  else
    body = g_strdup_printf (ngettext ("Say why these %u proposals should not be made. The planner will not make "
                                      "them again; you can undo this from the notification.",
                                      "Say why these %u proposals should not be made. The planner will not make "
                                      "them again; you can undo this from the notification.", ids->len),
                            ids->len);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   ids->len == 1 ? _("Turn Down This Proposal?") : _("Turn Down These Proposals?"),
                                   body);
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "reject", _("_Turn Down"),
                                    NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reject", FALSE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reject", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reject");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "person-ids", g_steal_pointer (&ids), (GDestroyNotify) g_array_unref);
  g_signal_connect (entry, "changed", G_CALLBACK (reject_text_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reject_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Widgets the plan's sections share ------------------------------------------------- */

/* An action row naming itself by what it says (GTK 4.8 has no row label API) */
GtkWidget *
pathways_plan_add_row (GtkListBox *list,
                       const char *title,
                       const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  name = subtitle != NULL ? g_strdup_printf ("%s, %s", title, subtitle) : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* That label alone: libadwaita 1.2 labels an action row by its title as well */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_list_box_append (list, row);
  return row;
}

GtkWidget *
pathways_plan_button (const char *label,
                      const char *action,
                      GVariant   *target)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *child = gtk_label_new_with_mnemonic (label);

  gtk_label_set_mnemonic_widget (GTK_LABEL (child), button);
  gtk_button_set_child (GTK_BUTTON (button), child);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

