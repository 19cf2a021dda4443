/* pathways-snapshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-snapshot"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-format.h"
#include "pathways-snapshot.h"
#include "pathways-store-private.h"
#include "pathways-vocab.h"

struct _PathwaysSnapshot
{
  char                 *on;
  GStringChunk         *strings;
  PathwaysRuleSettings *settings;
  GHashTable           *people;       /* gint64* → PathwaysPersonFacts* */
  GHashTable           *units;        /* gint64* → PathwaysUnitFacts* */
  GPtrArray            *spells;       /* owns PathwaysSpellFacts */
  GPtrArray            *transitions;  /* owns PathwaysTransitionFacts */
};

static const char *
text (PathwaysSnapshot *snap,
      sqlite3_stmt     *stmt,
      int               col)
{
  const char *s = (const char *) sqlite3_column_text (stmt, col);

  return s ? g_string_chunk_insert (snap->strings, s) : NULL;
}

static void
person_free (gpointer data)
{
  PathwaysPersonFacts *p = data;

  g_ptr_array_unref (p->spells);
  g_ptr_array_unref (p->transitions);
  g_free (p);
}

static void
unit_free (gpointer data)
{
  PathwaysUnitFacts *u = data;

  g_ptr_array_unref (u->spells);
  g_free (u);
}

void
pathways_snapshot_free (PathwaysSnapshot *snap)
{
  if (snap == NULL)
    return;
  g_clear_pointer (&snap->people, g_hash_table_unref);
  g_clear_pointer (&snap->units, g_hash_table_unref);
  g_clear_pointer (&snap->spells, g_ptr_array_unref);
  g_clear_pointer (&snap->transitions, g_ptr_array_unref);
  g_clear_pointer (&snap->settings, pathways_rule_settings_free);
  if (snap->strings)
    g_string_chunk_free (snap->strings);
  g_free (snap->on);
  g_free (snap);
}

typedef gboolean (*RowFunc) (PathwaysSnapshot *snap,
                             sqlite3_stmt     *stmt);

static gboolean
each_row (PathwaysStore     *store,
          PathwaysSnapshot  *snap,
          const char        *sql,
          const char        *param1,
          const char        *param2,
          RowFunc            func,
          GError           **error)
{
  sqlite3_stmt *stmt = pathways_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (param1)
    sqlite3_bind_text (stmt, 1, param1, -1, SQLITE_TRANSIENT);
  if (param2)
    sqlite3_bind_text (stmt, 2, param2, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (snap, stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return pathways_store_set_sqlite_error (store, rc, error);
  return TRUE;
}

static gboolean
person_row (PathwaysSnapshot *snap,
            sqlite3_stmt     *stmt)
{
  PathwaysPersonFacts *p = g_new0 (PathwaysPersonFacts, 1);
  const char *given = (const char *) sqlite3_column_text (stmt, 1);
  const char *family = (const char *) sqlite3_column_text (stmt, 2);
  const char *preferred = (const char *) sqlite3_column_text (stmt, 3);
  g_autofree char *name = NULL;
  int c = 4;

  /* Translators: a person's name: first name, then family name */
  name = g_strdup_printf (C_("person name", "%s %s"), preferred ? preferred : given, family);

  p->id = sqlite3_column_int64 (stmt, 0);
  p->name = g_string_chunk_insert (snap->strings, name);
  p->date_of_birth = text (snap, stmt, c++);
  p->uasc = sqlite3_column_int (stmt, c++) != 0;
  p->immigration_status = text (snap, stmt, c++);
  p->appeal_stage = text (snap, stmt, c++);
  p->are_date = text (snap, stmt, c++);
  p->age_assessment = text (snap, stmt, c++);
  p->human_rights_assessment_date = text (snap, stmt, c++);
  p->date_first_looked_after = text (snap, stmt, c++);
  p->days_since_14 = sqlite3_column_int64 (stmt, c++);
  p->days_since_16 = sqlite3_column_int64 (stmt, c++);
  p->date_care_ended = text (snap, stmt, c++);
  p->last_placement = text (snap, stmt, c++);
  p->returned_home_6_months = sqlite3_column_int (stmt, c++) != 0;
  p->special_guardianship = sqlite3_column_int (stmt, c++) != 0;
  p->custody_or_hospital_at_16 = sqlite3_column_int (stmt, c++) != 0;
  p->needs_assessment_date = text (snap, stmt, c++);
  p->pathway_plan_review_date = text (snap, stmt, c++);
  p->last_contact_date = text (snap, stmt, c++);
  p->pa_id = sqlite3_column_int64 (stmt, c++);
  p->preferred_area = text (snap, stmt, c++);
  p->spells = g_ptr_array_new ();
  p->transitions = g_ptr_array_new ();

  g_hash_table_insert (snap->people, &p->id, p);
  return TRUE;
}

static gboolean
unit_row (PathwaysSnapshot *snap,
          sqlite3_stmt     *stmt)
{
  PathwaysUnitFacts *u = g_new0 (PathwaysUnitFacts, 1);
  int c = 1;

  u->id = sqlite3_column_int64 (stmt, 0);
  u->name = text (snap, stmt, c++);
  u->kind = text (snap, stmt, c++);
  u->area = text (snap, stmt, c++);
  u->in_authority = sqlite3_column_int (stmt, c++) != 0;
  u->registration = text (snap, stmt, c++);
  u->ofsted_urn = text (snap, stmt, c++);
  u->min_age = sqlite3_column_int (stmt, c++);
  u->max_age = sqlite3_column_int (stmt, c++);
  u->support_hours = sqlite3_column_double (stmt, c++);
  u->status = text (snap, stmt, c++);
  u->status_from = text (snap, stmt, c++);
  u->status_to = text (snap, stmt, c++);
  u->status_reason = text (snap, stmt, c++);
  u->retired_on = text (snap, stmt, c++);
  u->weekly_cost = sqlite3_column_int64 (stmt, c++);
  u->spells = g_ptr_array_new ();

  g_hash_table_insert (snap->units, &u->id, u);
  return TRUE;
}

static gboolean
spell_row (PathwaysSnapshot *snap,
           sqlite3_stmt     *stmt)
{
  PathwaysSpellFacts *s = g_new0 (PathwaysSpellFacts, 1);
  PathwaysPersonFacts *p;
  PathwaysUnitFacts *u;
  int c = 0;

  s->id = sqlite3_column_int64 (stmt, c++);
  s->person_id = sqlite3_column_int64 (stmt, c++);
  s->unit_id = sqlite3_column_int64 (stmt, c++);
  s->accom = text (snap, stmt, c++);
  s->suitable = sqlite3_column_int (stmt, c++) != 0;
  s->place = text (snap, stmt, c++);
  s->start = text (snap, stmt, c++);
  s->planned_end = text (snap, stmt, c++);
  s->actual_end = text (snap, stmt, c++);
  s->state = text (snap, stmt, c++);
  g_ptr_array_add (snap->spells, s);

  if ((p = g_hash_table_lookup (snap->people, &s->person_id)) != NULL)
    g_ptr_array_add (p->spells, s);
  if (s->unit_id && (u = g_hash_table_lookup (snap->units, &s->unit_id)) != NULL)
    g_ptr_array_add (u->spells, s);
  return TRUE;
}

static gboolean
transition_row (PathwaysSnapshot *snap,
                sqlite3_stmt     *stmt)
{
  PathwaysTransitionFacts *t = g_new0 (PathwaysTransitionFacts, 1);
  PathwaysPersonFacts *p;
  int c = 0;

  t->id = sqlite3_column_int64 (stmt, c++);
  t->person_id = sqlite3_column_int64 (stmt, c++);
  t->from_spell_id = sqlite3_column_int64 (stmt, c++);
  t->to_unit_id = sqlite3_column_int64 (stmt, c++);
  t->to_spell_id = sqlite3_column_int64 (stmt, c++);
  t->planned_date = text (snap, stmt, c++);
  t->state = text (snap, stmt, c++);
  g_ptr_array_add (snap->transitions, t);

  if ((p = g_hash_table_lookup (snap->people, &t->person_id)) != NULL)
    g_ptr_array_add (p->transitions, t);
  return TRUE;
}

static int
category_index (const char *code)
{
  const PathwaysVocabEntry *entries;
  guint n;

  entries = pathways_vocab_entries (PATHWAYS_VOCAB_MILESTONE_CATEGORY, &n);
  for (guint i = 0; code && i < n; i++)
    if (g_str_equal (entries[i].code, code))
      return (int) i;
  return -1;
}

static gboolean
milestone_row (PathwaysSnapshot *snap,
               sqlite3_stmt     *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  PathwaysPersonFacts *p = g_hash_table_lookup (snap->people, &id);
  int c = category_index ((const char *) sqlite3_column_text (stmt, 1));

  if (p == NULL || c < 0)
    return TRUE;
  p->milestones_total[c] += sqlite3_column_int (stmt, 2);
  p->milestones_done[c] += sqlite3_column_int (stmt, 3);
  p->milestones_overdue += sqlite3_column_int (stmt, 4);
  return TRUE;
}

static gboolean
first_overdue_row (PathwaysSnapshot *snap,
                   sqlite3_stmt     *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  PathwaysPersonFacts *p = g_hash_table_lookup (snap->people, &id);

  if (p != NULL && p->first_overdue_due == NULL)
    {
      p->first_overdue_name = text (snap, stmt, 1);
      p->first_overdue_due = text (snap, stmt, 2);
    }
  return TRUE;
}

static int
compare_spells (gconstpointer a,
                gconstpointer b)
{
  const PathwaysSpellFacts *x = *(PathwaysSpellFacts * const *) a;
  const PathwaysSpellFacts *y = *(PathwaysSpellFacts * const *) b;
  int c = strcmp (x->start, y->start);

  return c != 0 ? c : (x->id < y->id ? -1 : x->id > y->id);
}

/**
 * pathways_snapshot_load:
 * @on: the day the rules are applied for (overdue = before this day)
 */
PathwaysSnapshot *
pathways_snapshot_load (PathwaysStore  *store,
                        const char     *on,
                        GError        **error)
{
  g_autoptr(PathwaysSnapshot) snap = g_new0 (PathwaysSnapshot, 1);
  g_autoptr(GHashTable) settings = NULL;
  g_autoptr(GPtrArray) holidays = NULL;
  g_autofree char *horizon = NULL;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), NULL);
  g_return_val_if_fail (pathways_date_parse_iso (on, NULL), NULL);

  snap->on = g_strdup (on);
  snap->strings = g_string_chunk_new (64 * 1024);
  snap->people = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, person_free);
  snap->units = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, unit_free);
  snap->spells = g_ptr_array_new_with_free_func (g_free);
  snap->transitions = g_ptr_array_new_with_free_func (g_free);
  /* Readiness counts milestones due within the next six months */
  if ((horizon = pathways_date_add_months (on, 6)) == NULL)
    horizon = g_strdup (PATHWAYS_DATE_ISO_LAST);  /* six months on is past the end of the calendar */

  pathways_store_lock (store);

  settings = pathways_store_dup_settings (store, error);
  holidays = settings ? pathways_store_dup_bank_holidays (store, error) : NULL;
  ok = holidays != NULL;
  if (ok)
    snap->settings = pathways_rule_settings_new_from_table (settings, holidays);

  ok = ok &&
    each_row (store, snap,
              "SELECT id, given_name, family_name, preferred_name, date_of_birth, uasc,"
              " immigration_status, appeal_stage, are_date, age_assessment,"
              " human_rights_assessment_date, date_first_looked_after, days_looked_after_since_14,"
              " days_looked_after_since_16, date_care_ended, last_placement, returned_home_6_months,"
              " special_guardianship, custody_or_hospital_at_16, needs_assessment_date,"
              " pathway_plan_review_date, last_contact_date, pa_id, preferred_area FROM young_person",
              NULL, NULL, person_row, error) &&
    each_row (store, snap,
              "SELECT id, name, kind, area, in_authority, registration, ofsted_urn, min_age, max_age,"
              " support_hours, status, status_from, status_to, status_reason, retired_on, weekly_cost FROM unit",
              NULL, NULL, unit_row, error) &&
    each_row (store, snap,
              "SELECT id, young_person_id, unit_id, accom, accom_suitable, place, start_date,"
              " planned_end, actual_end, state FROM spell ORDER BY young_person_id, start_date, id",
              NULL, NULL, spell_row, error) &&
    each_row (store, snap,
              "SELECT id, young_person_id, from_spell_id, to_unit_id, to_spell_id, planned_date, state"
              " FROM transition WHERE state IN ('proposed', 'confirmed') ORDER BY planned_date",
              NULL, NULL, transition_row, error) &&
    each_row (store, snap,
              "SELECT young_person_id, category, count(*),"
              " sum(CASE WHEN done_date IS NOT NULL THEN 1 ELSE 0 END),"
              " sum(CASE WHEN done_date IS NULL AND due_date < ?1 THEN 1 ELSE 0 END)"
              " FROM milestone WHERE due_date <= ?2 OR done_date IS NOT NULL"
              " GROUP BY young_person_id, category",
              on, horizon, milestone_row, error) &&
    each_row (store, snap,
              "SELECT young_person_id, name, due_date FROM milestone"
              " WHERE done_date IS NULL AND due_date < ?1 ORDER BY young_person_id, due_date, id",
              on, NULL, first_overdue_row, error);

  pathways_store_unlock (store);

  if (!ok)
    return NULL;

  /* Unit spells sorted by start, like each person's */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, snap->units);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_ptr_array_sort (((PathwaysUnitFacts *) value)->spells, compare_spells);
  }

  return g_steal_pointer (&snap);
}

const char *
pathways_snapshot_get_date (PathwaysSnapshot *snap)
{
  return snap->on;
}

const PathwaysRuleSettings *
pathways_snapshot_get_settings (PathwaysSnapshot *snap)
{
  return snap->settings;
}

const PathwaysPersonFacts *
pathways_snapshot_get_person (PathwaysSnapshot *snap,
                              gint64            person_id)
{
  return g_hash_table_lookup (snap->people, &person_id);
}

const PathwaysUnitFacts *
pathways_snapshot_get_unit (PathwaysSnapshot *snap,
                            gint64            unit_id)
{
  return g_hash_table_lookup (snap->units, &unit_id);
}

GHashTable *
pathways_snapshot_get_people (PathwaysSnapshot *snap)
{
  return snap->people;
}

GHashTable *
pathways_snapshot_get_units (PathwaysSnapshot *snap)
{
  return snap->units;
}

static int
compare_alerts (gconstpointer a,
                gconstpointer b)
{
  const PathwaysAlertFacts *x = *(PathwaysAlertFacts * const *) a;
  const PathwaysAlertFacts *y = *(PathwaysAlertFacts * const *) b;
  int c;

  if (x->severity != y->severity)
    return (int) y->severity - (int) x->severity;
  if ((c = g_strcmp0 (x->due, y->due)) != 0)
    return c;
  return x->person_id < y->person_id ? -1 : x->person_id > y->person_id;
}

/**
 * pathways_snapshot_alerts:
 *
 * Returns: (transfer full) (element-type PathwaysAlertFacts): worst
 * first, then soonest due
 */
GPtrArray *
pathways_snapshot_alerts (PathwaysSnapshot *snap,
                          gint64            person_id)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_alert_facts_free);

  if (person_id != 0)
    {
      const PathwaysPersonFacts *p = pathways_snapshot_get_person (snap, person_id);
      if (p != NULL)
        pathways_rules_alerts_for (snap->settings, p, snap->units, snap->people, snap->on, out);
    }
  else
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, snap->people);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        pathways_rules_alerts_for (snap->settings, value, snap->units, snap->people, snap->on, out);
    }

  g_ptr_array_sort (out, compare_alerts);
  return out;
}

/**
 * pathways_snapshot_check_unit:
 *
 * Returns: (transfer full) (nullable): %NULL if the person or unit is unknown
 */
PathwaysEligibility *
pathways_snapshot_check_unit (PathwaysSnapshot *snap,
                              gint64            person_id,
                              gint64            unit_id,
                              const char       *date,
                              gint64            ignore_spell_id)
{
  const PathwaysPersonFacts *p = pathways_snapshot_get_person (snap, person_id);
  const PathwaysUnitFacts *u = pathways_snapshot_get_unit (snap, unit_id);

  if (p == NULL || u == NULL)
    return NULL;
  return pathways_rules_check_unit (snap->settings, p, u, snap->people, date, ignore_spell_id);
}

/* List models for views ------------------------------------------- */

GListModel *
pathways_store_load_alerts (PathwaysStore  *store,
                            const char     *on,
                            gint64          person_id,
                            GError        **error)
{
  g_autoptr(PathwaysSnapshot) snap = pathways_snapshot_load (store, on, error);
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GListStore *list;

  if (snap == NULL)
    return NULL;

  alerts = pathways_snapshot_alerts (snap, person_id);
  items = g_ptr_array_new_full (alerts->len, g_object_unref);
  for (guint i = 0; i < alerts->len; i++)
    {
      const PathwaysAlertFacts *a = g_ptr_array_index (alerts, i);
      const PathwaysPersonFacts *p = pathways_snapshot_get_person (snap, a->person_id);

      g_ptr_array_add (items, g_object_new (PATHWAYS_TYPE_ALERT,
                                            "severity", (gint64) a->severity,
                                            "severity-label", pathways_severity_label (a->severity),
                                            "kind", a->kind,
                                            "due-date", a->due,
                                            "young-person-id", a->person_id,
                                            "person-name", p ? p->name : NULL,
                                            "reason", a->text,
                                            NULL));
    }

  list = g_list_store_new (PATHWAYS_TYPE_ALERT);
  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (list);
}

typedef struct {
  char   *on;
  gint64  person_id;
} AlertsTaskData;

static void
alerts_task_data_free (gpointer data)
{
  AlertsTaskData *d = data;

  g_free (d->on);
  g_free (d);
}

static void
load_alerts_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  AlertsTaskData *d = task_data;
  GError *error = NULL;
  GListModel *model;

  if (g_task_return_error_if_cancelled (task))
    return;
  model = pathways_store_load_alerts (source_object, d->on, d->person_id, &error);
  if (model == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, model, g_object_unref);
}

void
pathways_store_load_alerts_async (PathwaysStore       *store,
                                  const char          *on,
                                  gint64               person_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  AlertsTaskData *d = g_new0 (AlertsTaskData, 1);

  d->on = g_strdup (on);
  d->person_id = person_id;
  g_task_set_source_tag (task, pathways_store_load_alerts_async);
  g_task_set_task_data (task, d, alerts_task_data_free);
  g_task_run_in_thread (task, load_alerts_thread);
}

GListModel *
pathways_store_load_alerts_finish (PathwaysStore  *store,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
