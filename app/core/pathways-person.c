/* pathways-person.c — one young person, as the personal adviser sees them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-person"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-format.h"
#include "pathways-person.h"
#include "pathways-snapshot.h"
#include "pathways-vocab.h"

/* Helpers */

static int
category_rank (const char *code)
{
  guint n = 0;
  const PathwaysVocabEntry *entries = pathways_vocab_entries (PATHWAYS_VOCAB_MILESTONE_CATEGORY, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (entries[i].code, code) == 0)
      return (int) i;
  return (int) n;
}

/* NULL dates last */
static int
compare_dates (const char *a,
               const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return strcmp (a, b);
}

static int
compare_milestones (gconstpointer a,
                    gconstpointer b)
{
  PathwaysRecord *x = *(PathwaysRecord * const *) a;
  PathwaysRecord *y = *(PathwaysRecord * const *) b;
  int cx = category_rank (pathways_record_get_string (x, "category"));
  int cy = category_rank (pathways_record_get_string (y, "category"));
  int c;

  if (cx != cy)
    return cx - cy;
  c = compare_dates (pathways_record_get_string (x, "due-date"), pathways_record_get_string (y, "due-date"));
  if (c != 0)
    return c;
  return pathways_record_get_id (x) < pathways_record_get_id (y) ? -1 : 1;
}

static int
compare_spells (gconstpointer a,
                gconstpointer b)
{
  PathwaysRecord *x = *(PathwaysRecord * const *) a;
  PathwaysRecord *y = *(PathwaysRecord * const *) b;
  int c = compare_dates (pathways_record_get_string (x, "start-date"), pathways_record_get_string (y, "start-date"));

  if (c != 0)
    return c;
  return pathways_record_get_id (x) < pathways_record_get_id (y) ? -1 : 1;
}

static int
compare_moves (gconstpointer a,
               gconstpointer b)
{
  PathwaysRecord *x = *(PathwaysRecord * const *) a;
  PathwaysRecord *y = *(PathwaysRecord * const *) b;

  return compare_dates (pathways_record_get_string (x, "planned-date"), pathways_record_get_string (y, "planned-date"));
}

/* Newest first */
static int
compare_notes (gconstpointer a,
               gconstpointer b)
{
  PathwaysRecord *x = *(PathwaysRecord * const *) a;
  PathwaysRecord *y = *(PathwaysRecord * const *) b;
  int c = compare_dates (pathways_record_get_string (y, "written-on"), pathways_record_get_string (x, "written-on"));

  if (c != 0)
    return c;
  return pathways_record_get_id (y) < pathways_record_get_id (x) ? -1 : 1;
}

/* The records of @type for the person, sorted, kept when @keep says so */
static GListModel *
sorted_for_person (PathwaysStore   *store,
                   GType            type,
                   gint64           person_id,
                   GCompareFunc     compare,
                   gboolean       (*keep) (PathwaysRecord *),
                   GError         **error)
{
  g_autoptr(GListModel) all = pathways_store_list_for_person (store, type, person_id, error);
  g_autoptr(GPtrArray) items = NULL;
  GListStore *list;

  if (all == NULL)
    return NULL;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      PathwaysRecord *r = g_list_model_get_item (all, i);

      if (keep == NULL || keep (r))
        g_ptr_array_add (items, r);
      else
        g_object_unref (r);
    }
  g_ptr_array_sort (items, compare);
  list = g_list_store_new (type);
  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (list);
}

static gboolean
move_is_open (PathwaysRecord *move)
{
  const char *state = pathways_record_get_string (move, "state");

  return g_strcmp0 (state, "confirmed") == 0 || g_strcmp0 (state, "proposed") == 0;
}

static gboolean
add_unit (PathwaysStore          *store,
          PathwaysPersonDetails  *d,
          gint64                  unit_id,
          GError                **error)
{
  PathwaysUnit *unit;

  if (unit_id == 0 || g_hash_table_contains (d->units, &unit_id))
    return TRUE;
  unit = pathways_store_get (store, PATHWAYS_TYPE_UNIT, unit_id, error);
  if (unit == NULL)
    return FALSE;
  g_hash_table_insert (d->units, g_memdup2 (&unit_id, sizeof unit_id), unit);
  return TRUE;
}

/* Public API */

static PathwaysPersonDetails *
load_details (PathwaysStore  *store,
              gint64          person_id,
              const char     *on,
              GError        **error)
{
  g_autoptr(PathwaysPersonDetails) d = NULL;
  g_autoptr(PathwaysSnapshot) snap = NULL;
  g_autoptr(PathwaysKeyDates) dates = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const PathwaysPersonFacts *facts;
  const PathwaysSpellFacts *current = NULL;
  GListStore *list;
  gboolean private;

  d = g_new0 (PathwaysPersonDetails, 1);
  d->on = g_strdup (on);
  d->units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  d->person = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, person_id, error);
  if (d->person == NULL)
    return NULL;
  d->display_name = pathways_young_person_dup_display_name (d->person);
  d->age = pathways_date_age_on (pathways_record_get_string (PATHWAYS_RECORD (d->person), "date-of-birth"), on);

  snap = pathways_snapshot_load_shared (store, on, error);
  if (snap == NULL)
    return NULL;
  facts = pathways_snapshot_get_person (snap, person_id);
  if (facts == NULL)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                           _("This young person is no longer in the database"));
      return NULL;
    }

  d->status = pathways_rules_care_status (facts, on, &d->status_explanation);
  d->status_label = pathways_care_status_label (d->status);
  dates = pathways_rules_key_dates (facts, pathways_snapshot_get_units (snap), on);
  d->key_dates = pathways_key_dates_list (dates);
  d->readiness = pathways_rules_readiness (pathways_snapshot_get_settings (snap), facts);
  d->need_date = pathways_rules_need_date (facts, pathways_snapshot_get_units (snap), on);
  d->readiness_threshold = pathways_snapshot_get_settings (snap)->readiness_threshold;

  for (guint i = 0; i < facts->spells->len; i++)
    {
      const PathwaysSpellFacts *s = g_ptr_array_index (facts->spells, i);
      if (g_str_equal (s->state, "current") && (current == NULL || strcmp (s->start, current->start) >= 0))
        current = s;
    }
  if (current != NULL)
    {
      const PathwaysUnitFacts *u = current->unit_id ? pathways_snapshot_get_unit (snap, current->unit_id) : NULL;
      d->stage = pathways_rules_stage (u ? u->kind : NULL, current->accom, current->place);
    }
  else
    d->stage = PATHWAYS_STAGE_OTHER;

  /* Alerts, as list items */
  alerts = pathways_snapshot_alerts (snap, person_id);
  items = g_ptr_array_new_full (alerts->len, g_object_unref);
  for (guint i = 0; i < alerts->len; i++)
    {
      const PathwaysAlertFacts *a = g_ptr_array_index (alerts, i);

      g_ptr_array_add (items, g_object_new (PATHWAYS_TYPE_ALERT,
                                            "severity", (gint64) a->severity,
                                            "severity-label", pathways_severity_label (a->severity),
                                            "kind", a->kind,
                                            "due-date", a->due,
                                            "young-person-id", a->person_id,
                                            "person-name", facts->name,
                                            "reason", a->text,
                                            NULL));
    }
  list = g_list_store_new (PATHWAYS_TYPE_ALERT);
  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  d->alerts = G_LIST_MODEL (list);

  /* A role that may not read a young person's own records (a housing
   * officer on a team server) gets none: the server would refuse them */
  private = pathways_role_may (pathways_store_get_signed_in_role (store), PATHWAYS_MAY_SEE_PRIVATE);
  if ((d->spells = sorted_for_person (store, PATHWAYS_TYPE_SPELL, person_id, compare_spells, NULL, error)) == NULL ||
      (d->milestones = private ? sorted_for_person (store, PATHWAYS_TYPE_MILESTONE, person_id, compare_milestones,
                                                    NULL, error)
                               : G_LIST_MODEL (g_list_store_new (PATHWAYS_TYPE_MILESTONE))) == NULL ||
      (d->moves = sorted_for_person (store, PATHWAYS_TYPE_TRANSITION, person_id, compare_moves,
                                     move_is_open, error)) == NULL ||
      (d->notes = private ? sorted_for_person (store, PATHWAYS_TYPE_NOTE, person_id, compare_notes, NULL, error)
                          : G_LIST_MODEL (g_list_store_new (PATHWAYS_TYPE_NOTE))) == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (d->spells); i++)
    {
      g_autoptr(PathwaysRecord) s = g_list_model_get_item (d->spells, i);
      if (!add_unit (store, d, pathways_record_get_int (s, "unit-id"), error))
        return NULL;
    }
  for (guint i = 0; i < g_list_model_get_n_items (d->moves); i++)
    {
      g_autoptr(PathwaysRecord) m = g_list_model_get_item (d->moves, i);
      if (!add_unit (store, d, pathways_record_get_int (m, "to-unit-id"), error))
        return NULL;
    }

  return g_steal_pointer (&d);
}

/**
 * pathways_person_load:
 * @on: the day (ISO) the rules are applied for
 *
 * Returns: (transfer full): everything the young person's page shows,
 *   read from one state of the data
 */
PathwaysPersonDetails *
pathways_person_load (PathwaysStore  *store,
                      gint64          person_id,
                      const char     *on,
                      GError        **error)
{
  PathwaysPersonDetails *d;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), NULL);
  g_return_val_if_fail (on != NULL, NULL);

  if (!pathways_store_begin_read (store, error))
    return NULL;
  d = load_details (store, person_id, on, error);
  pathways_store_end_read (store);
  return d;
}

void
pathways_person_details_free (PathwaysPersonDetails *d)
{
  if (d == NULL)
    return;
  g_clear_object (&d->person);
  g_free (d->display_name);
  g_free (d->status_explanation);
  g_clear_pointer (&d->key_dates, g_ptr_array_unref);
  g_clear_object (&d->spells);
  g_clear_pointer (&d->units, g_hash_table_unref);
  g_clear_object (&d->milestones);
  g_clear_object (&d->moves);
  g_clear_object (&d->notes);
  g_clear_object (&d->alerts);
  g_free (d->on);
  g_free (d->need_date);
  g_free (d);
}

/**
 * pathways_person_details_get_unit:
 *
 * Returns: (transfer none) (nullable): a unit of the young person's
 *   accommodation or moves
 */
PathwaysUnit *
pathways_person_details_get_unit (PathwaysPersonDetails *d,
                                  gint64                 unit_id)
{
  g_return_val_if_fail (d != NULL, NULL);

  return g_hash_table_lookup (d->units, &unit_id);
}

typedef struct {
  gint64  person_id;
  char   *on;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *l = data;

  g_free (l->on);
  g_free (l);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *l = task_data;
  GError *error = NULL;
  PathwaysPersonDetails *d;

  if (g_task_return_error_if_cancelled (task))
    return;
  d = pathways_person_load (source_object, l->person_id, l->on, &error);
  if (d == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, d, (GDestroyNotify) pathways_person_details_free);
}

void
pathways_person_load_async (PathwaysStore       *store,
                            gint64               person_id,
                            const char          *on,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *l;

  g_return_if_fail (PATHWAYS_IS_STORE (store));
  g_return_if_fail (on != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  l = g_new0 (LoadData, 1);
  l->person_id = person_id;
  l->on = g_strdup (on);
  g_task_set_source_tag (task, pathways_person_load_async);
  g_task_set_task_data (task, l, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

PathwaysPersonDetails *
pathways_person_load_finish (PathwaysStore  *store,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

PathwaysAgeBand
pathways_age_band (int age)
{
  if (age >= 16 && age <= 17)
    return PATHWAYS_AGE_BAND_16_17;
  if (age >= 18 && age <= 20)
    return PATHWAYS_AGE_BAND_18_20;
  if (age >= 21 && age <= 25)
    return PATHWAYS_AGE_BAND_21_25;
  return PATHWAYS_AGE_BAND_OTHER;
}

gboolean
pathways_milestone_is_overdue (PathwaysRecord *milestone,
                               const char     *on)
{
  const char *due, *done;

  g_return_val_if_fail (PATHWAYS_IS_RECORD (milestone), FALSE);

  due = pathways_record_get_string (milestone, "due-date");
  done = pathways_record_get_string (milestone, "done-date");
  return done == NULL && due != NULL && on != NULL && strcmp (due, on) < 0;
}

/**
 * pathways_person_field_for_error:
 *
 * Returns: (nullable): the property name of the field of @record that
 *   @error's message begins with (the longest label wins), or %NULL
 */
const char *
pathways_person_field_for_error (PathwaysRecord *record,
                                 const GError   *error)
{
  PathwaysRecordClass *klass;
  const char *found = NULL;
  gsize found_len = 0;

  g_return_val_if_fail (PATHWAYS_IS_RECORD (record), NULL);

  if (error == NULL || error->message == NULL)
    return NULL;

  klass = PATHWAYS_RECORD_GET_CLASS (record);
  for (guint i = 0; i < pathways_record_class_get_n_fields (klass); i++)
    {
      const PathwaysField *f = pathways_record_class_get_field (klass, i);
      const char *label;
      gsize len;

      if (f->label == NULL)
        continue;
      label = g_dgettext (GETTEXT_PACKAGE, f->label);
      len = strlen (label);
      if (len > found_len && g_str_has_prefix (error->message, label) &&
          (error->message[len] == ' ' || error->message[len] == '\0'))
        {
          found = f->name;
          found_len = len;
        }
    }
  return found;
}
