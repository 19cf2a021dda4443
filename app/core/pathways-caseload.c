/* pathways-caseload.c — the caseload: the store's rows and the rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-caseload"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-format.h"
#include "pathways-snapshot.h"
#include "pathways-vocab.h"

/* The soonest confirmed or proposed move */
static const PathwaysTransitionFacts *
next_move (const PathwaysPersonFacts *p)
{
  const PathwaysTransitionFacts *found = NULL;

  for (guint i = 0; i < p->transitions->len; i++)
    {
      const PathwaysTransitionFacts *t = g_ptr_array_index (p->transitions, i);
      if (found == NULL || strcmp (t->planned_date, found->planned_date) < 0)
        found = t;
    }
  return found;
}

/* The columns' sort keys are made here, in the worker thread that loads
 * the caseload, so that sorting on the main thread only compares bytes:
 * collation keys of the case-folded text ("" for none).  Many rows share
 * a value (a PA, a status, a house): each is collated once per load. */
static const char *
sort_key (GHashTable *keys,
          const char *text)
{
  const char *key;

  if (text == NULL)
    text = "";
  if ((key = g_hash_table_lookup (keys, text)) == NULL)
    {
      g_autofree char *folded = g_utf8_casefold (text, -1);
      char *made = g_utf8_collate_key (folded, -1);

      g_hash_table_insert (keys, g_strdup (text), made);
      key = made;
    }
  return key;
}

/* Status, next key date, alerts and readiness from the rules engine:
 * one pass of the rules per young person (pathways_rules_person_summary()),
 * for rows [from, to) of the caseload */
typedef struct {
  PathwaysSnapshot      *snap;
  const char            *on;
  GPtrArray             *people;   /* PathwaysStorePersonFacts*, by row */
  PathwaysPersonSummary *sums;     /* by row */
  guint                  from;
  guint                  to;
} RulesPart;

static gpointer
summarise (gpointer data)
{
  RulesPart *part = data;
  const PathwaysRuleSettings *settings = pathways_snapshot_get_settings (part->snap);
  GHashTable *units = pathways_snapshot_get_units (part->snap);
  GHashTable *people = pathways_snapshot_get_people (part->snap);

  for (guint i = part->from; i < part->to; i++)
    {
      const PathwaysStorePersonFacts *r = g_ptr_array_index (part->people, i);

      pathways_rules_person_summary (settings, &r->facts, units, people, part->on, &part->sums[i]);
    }
  return NULL;
}

/* The rules' figures into the rows, and the summaries cleared */
static void
apply_rules (PathwaysSnapshot      *snap,
             GPtrArray             *people,
             PathwaysPersonSummary *sums,
             GPtrArray             *rows,
             GHashTable            *keys)
{
  for (guint i = 0; i < rows->len; i++)
    {
      PathwaysCaseloadRow *r = g_ptr_array_index (rows, i);
      const PathwaysPersonFacts *p = &((PathwaysStorePersonFacts *) g_ptr_array_index (people, i))->facts;
      PathwaysPersonSummary *sum = &sums[i];
      const PathwaysTransitionFacts *move = next_move (p);

      /* Typed setters: no property looked up by name for each value */
      g_object_freeze_notify (G_OBJECT (r));
      if (move != NULL)
        {
          const PathwaysUnitFacts *to = move->to_unit_id ? pathways_snapshot_get_unit (snap, move->to_unit_id) : NULL;
          pathways_caseload_row_set_next_move_date (r, move->planned_date);
          pathways_caseload_row_set_next_move_to (r, to ? to->name : _("An address outside the register"));
        }
      pathways_caseload_row_set_status (r, pathways_care_status_code (sum->status));
      pathways_caseload_row_set_status_label (r, pathways_care_status_label (sum->status));
      pathways_caseload_row_set_status_explanation (r, sum->status_explanation);
      pathways_caseload_row_set_next_key_date (r, sum->dates->next_key_date);
      pathways_caseload_row_set_next_key_date_label (r, sum->dates->next_key_date_label);
      pathways_caseload_row_set_alert_count (r, sum->alert_count);
      pathways_caseload_row_set_alert_severity (r, sum->worst_alert);
      pathways_caseload_row_set_readiness (r, sum->readiness);
      pathways_caseload_row_set_status_sort_key (r, sort_key (keys, pathways_care_status_label (sum->status)));
      g_object_thaw_notify (G_OBJECT (r));
      pathways_person_summary_clear (sum);
    }
}

/* By family name, given name and id, as the caseload's own query sorts
 * them (bytewise, as SQLite's BINARY collation; both names are required) */
static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  const PathwaysStorePersonFacts *x = *(PathwaysStorePersonFacts * const *) a;
  const PathwaysStorePersonFacts *y = *(PathwaysStorePersonFacts * const *) b;
  int c;

  if ((c = g_strcmp0 (x->family_name, y->family_name)) != 0 ||
      (c = g_strcmp0 (x->given_name, y->given_name)) != 0)
    return c;
  return x->facts.id < y->facts.id ? -1 : x->facts.id > y->facts.id;
}

/**
 * pathways_store_load_caseload:
 * @on_date: the day ages and durations are computed for
 *
 * The rows are made from the rules snapshot (shared with the other
 * pages), which holds everything they show: no query of their own.
 *
 * Returns: (transfer full): #PathwaysCaseloadRow items, by family name
 */
GListModel *
pathways_store_load_caseload (PathwaysStore  *self,
                              const char     *on_date,
                              GError        **error)
{
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GHashTable) accom_meanings = NULL;
  g_autoptr(GHashTable) place_meanings = NULL;
  g_autoptr(PathwaysSnapshot) snap = NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree PathwaysPersonSummary *sums = NULL;
  RulesPart first, rest;
  GThread *helper;
  GPtrArray *read;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (on_date != NULL, NULL);

  /* The meanings and the rules' facts from one state of the data */
  if (!pathways_store_begin_read (self, error))
    return NULL;
  if ((accom_meanings = pathways_store_dup_ref_meanings (self, PATHWAYS_REF_ACCOM, error)) != NULL &&
      (place_meanings = pathways_store_dup_ref_meanings (self, PATHWAYS_REF_PLACE, error)) != NULL)
    snap = pathways_snapshot_load_shared (self, on_date, error);
  pathways_store_end_read (self);
  if (snap == NULL)
    return NULL;

  read = pathways_snapshot_get_person_rows (snap);
  people = g_ptr_array_new_full (read->len, NULL);
  for (guint i = 0; i < read->len; i++)
    g_ptr_array_add (people, g_ptr_array_index (read, i));
  g_ptr_array_sort (people, compare_by_name);

  /* The rules for the first rows in a second thread while this one makes
   * the rows (about as long as the rules for a third of them) and then
   * runs the rules for the rest: the two cores of a small machine share
   * the load.  The snapshot is read-only, and the rules read nothing else. */
  sums = g_new0 (PathwaysPersonSummary, MAX (1, people->len));
  first = (RulesPart) { snap, on_date, people, sums, 0, people->len * 2 / 3 };
  rest = (RulesPart) { snap, on_date, people, sums, first.to, people->len };
  if ((helper = g_thread_try_new ("pathways-rules", summarise, &first, NULL)) == NULL)
    rest.from = 0;

  rows = g_ptr_array_new_full (people->len, g_object_unref);
  for (guint i = 0; i < people->len; i++)
    {
      const PathwaysStorePersonFacts *r = g_ptr_array_index (people, i);
      const PathwaysSpellFacts *cur = pathways_rules_current_spell (&r->facts);
      const PathwaysUnitFacts *unit = cur && cur->unit_id ? pathways_snapshot_get_unit (snap, cur->unit_id) : NULL;
      PathwaysCaseloadRow *row = g_object_new (PATHWAYS_TYPE_CASELOAD_ROW, NULL);
      const char *given = r->given_name ? r->given_name : "";
      const char *family = r->family_name ? r->family_name : "";
      const char *since = cur ? cur->start : NULL;
      const char *where = unit ? unit->name : cur ? cur->address : NULL;
      const char *kind = NULL;
      PathwaysStage stage = cur ? pathways_rules_stage (unit ? unit->kind : NULL, cur->accom, cur->place)
                                : PATHWAYS_STAGE_OTHER;
      g_autofree char *sort_name = NULL;
      g_autofree char *search = NULL;
      g_autofree char *joined = NULL;

      sort_name = g_strdup_printf ("%s, %s", family, given);
      joined = g_strjoin (" ", given, family, r->preferred_name ? r->preferred_name : "",
                          r->local_id ? r->local_id : "", NULL);
      search = pathways_search_key (joined);

      if (unit != NULL && unit->kind != NULL)
        kind = pathways_vocab_label (PATHWAYS_VOCAB_UNIT_KIND, unit->kind);
      else if (cur != NULL && cur->place != NULL)
        kind = g_hash_table_lookup (place_meanings, cur->place);
      else if (cur != NULL && cur->accom != NULL)
        kind = g_hash_table_lookup (accom_meanings, cur->accom);

      pathways_record_set_id (PATHWAYS_RECORD (row), r->facts.id);
      g_object_freeze_notify (G_OBJECT (row));
      /* The snapshot made the display name the same way */
      pathways_caseload_row_set_display_name (row, r->facts.name);
      pathways_caseload_row_set_sort_name (row, sort_name);
      pathways_caseload_row_set_search_text (row, search);
      pathways_caseload_row_set_local_id (row, r->local_id);
      pathways_caseload_row_set_date_of_birth (row, r->facts.date_of_birth);
      pathways_caseload_row_set_age (row, pathways_date_age_on (r->facts.date_of_birth, on_date));
      pathways_caseload_row_set_pa_id (row, r->facts.pa_id);
      pathways_caseload_row_set_pa_name (row, r->pa_name);
      pathways_caseload_row_set_team (row, r->team);
      pathways_caseload_row_set_uasc (row, r->facts.uasc);
      pathways_caseload_row_set_accommodation (row, where);
      pathways_caseload_row_set_accommodation_kind (row, kind);
      pathways_caseload_row_set_accommodation_since (row, since);
      pathways_caseload_row_set_days_in_accommodation (row, since ? MAX (0, pathways_date_days_between (since, on_date)) : 0);
      pathways_caseload_row_set_in_authority (row, unit ? unit->in_authority : FALSE);
      pathways_caseload_row_set_closed_on (row, r->facts.closed_on);
      pathways_caseload_row_set_stage (row, pathways_stage_code (stage));
      pathways_caseload_row_set_stage_label (row, pathways_stage_label (stage));
      pathways_caseload_row_set_name_sort_key (row, sort_key (keys, sort_name));
      pathways_caseload_row_set_accommodation_sort_key (row, sort_key (keys, where));
      pathways_caseload_row_set_pa_sort_key (row, sort_key (keys, r->pa_name));
      g_object_thaw_notify (G_OBJECT (row));
      g_ptr_array_add (rows, row);
    }

  summarise (&rest);
  if (helper != NULL)
    g_thread_join (helper);
  apply_rules (snap, people, sums, rows, keys);

  list = g_list_store_new (PATHWAYS_TYPE_CASELOAD_ROW);
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}
/**
 * pathways_store_load_caseload_async:
 *
 * Loads the caseload in a worker thread.
 */
void
pathways_store_load_caseload_async (PathwaysStore       *self,
                                    const char          *on_date,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  pathways_store_load_in_thread (self, on_date, (PathwaysStoreLoadFunc) pathways_store_load_caseload,
                                 g_object_unref, pathways_store_load_caseload_async,
                                 cancellable, callback, user_data);
}

/**
 * pathways_store_load_caseload_finish:
 *
 * Returns: (transfer full): the caseload, or %NULL with @error set
 */
GListModel *
pathways_store_load_caseload_finish (PathwaysStore  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return pathways_store_load_in_thread_finish (self, result, pathways_store_load_caseload_async, error);
}
