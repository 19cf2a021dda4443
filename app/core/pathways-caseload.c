/* pathways-caseload.c — the caseload query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-caseload"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-format.h"
#include "pathways-snapshot.h"
#include "pathways-store-private.h"
#include "pathways-vocab.h"

static const char caseload_sql[] =
  "SELECT yp.id, yp.given_name, yp.family_name, yp.preferred_name, yp.local_id,"
  "       yp.date_of_birth, yp.pa_id, st.name, yp.team, yp.uasc,"
  "       sp.start_date, sp.accom, sp.place, sp.address, u.name, u.kind, u.in_authority"
  "  FROM young_person yp"
  "  LEFT JOIN staff st ON st.id = yp.pa_id"
  "  LEFT JOIN spell sp ON sp.id = (SELECT s2.id FROM spell s2"
  "                                  WHERE s2.young_person_id = yp.id AND s2.state = 'current'"
  "                                  ORDER BY s2.start_date DESC LIMIT 1)"
  "  LEFT JOIN unit u ON u.id = sp.unit_id"
  " ORDER BY yp.family_name, yp.given_name, yp.id";

enum {
  COL_ID, COL_GIVEN, COL_FAMILY, COL_PREFERRED, COL_LOCAL_ID, COL_DOB, COL_PA_ID, COL_PA_NAME,
  COL_TEAM, COL_UASC, COL_SINCE, COL_ACCOM, COL_PLACE, COL_ADDRESS, COL_UNIT_NAME, COL_UNIT_KIND,
  COL_IN_AUTHORITY,
};

static GHashTable *
meanings (PathwaysStore *store,
          const char    *list)
{
  g_autoptr(GListModel) codes = pathways_store_list_ref_codes (store, list, NULL, NULL);
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; codes && i < g_list_model_get_n_items (codes); i++)
    {
      g_autoptr(PathwaysRecord) code = g_list_model_get_item (codes, i);
      g_hash_table_replace (map, g_strdup (pathways_record_get_string (code, "code")),
                            g_strdup (pathways_record_get_string (code, "meaning")));
    }
  return map;
}

typedef struct {
  int count;
  int worst;
} AlertSummary;

static PathwaysStage
person_stage (PathwaysSnapshot          *snap,
              const PathwaysPersonFacts *p)
{
  const PathwaysSpellFacts *cur = NULL;
  const PathwaysUnitFacts *unit;

  for (guint i = 0; i < p->spells->len; i++)
    {
      const PathwaysSpellFacts *s = g_ptr_array_index (p->spells, i);
      if (g_str_equal (s->state, "current"))
        cur = s;
    }
  if (cur == NULL)
    return PATHWAYS_STAGE_OTHER;
  unit = cur->unit_id ? pathways_snapshot_get_unit (snap, cur->unit_id) : NULL;
  return pathways_rules_stage (unit ? unit->kind : NULL, cur->accom, cur->place);
}

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

/* Status, next key date, alerts and readiness from the rules engine */
static gboolean
apply_rules (PathwaysStore  *self,
             const char     *on_date,
             GPtrArray      *rows,
             GError        **error)
{
  g_autoptr(PathwaysSnapshot) snap = pathways_snapshot_load (self, on_date, error);
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GHashTable) summaries = NULL;

  if (snap == NULL)
    return FALSE;

  alerts = pathways_snapshot_alerts (snap, 0);
  summaries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < alerts->len; i++)
    {
      const PathwaysAlertFacts *a = g_ptr_array_index (alerts, i);
      AlertSummary *sum = g_hash_table_lookup (summaries, &a->person_id);

      if (a->severity == PATHWAYS_SEVERITY_INFO)
        continue;
      if (sum == NULL)
        {
          sum = g_new0 (AlertSummary, 1);
          g_hash_table_insert (summaries, g_memdup2 (&a->person_id, sizeof (gint64)), sum);
        }
      sum->count++;
      sum->worst = MAX (sum->worst, (int) a->severity);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      PathwaysRecord *row = g_ptr_array_index (rows, i);
      gint64 id = pathways_record_get_id (row);
      const PathwaysPersonFacts *p = pathways_snapshot_get_person (snap, id);
      const AlertSummary *sum = g_hash_table_lookup (summaries, &id);
      g_autofree char *why = NULL;
      g_autoptr(PathwaysKeyDates) dates = NULL;
      PathwaysCareStatus status;
      PathwaysStage stage;
      const PathwaysTransitionFacts *move;

      if (p == NULL)
        continue;
      status = pathways_rules_care_status (p, on_date, &why);
      stage = person_stage (snap, p);
      move = next_move (p);
      if (move != NULL)
        {
          const PathwaysUnitFacts *to = move->to_unit_id ? pathways_snapshot_get_unit (snap, move->to_unit_id) : NULL;
          g_object_set (row, "next-move-date", move->planned_date,
                        "next-move-to", to ? to->name : _("An address outside the register"), NULL);
        }
      dates = pathways_rules_key_dates (p, on_date);
      g_object_set (row,
                    "status", pathways_care_status_code (status),
                    "status-label", pathways_care_status_label (status),
                    "status-explanation", why,
                    "next-key-date", dates->next_key_date,
                    "next-key-date-label", dates->next_key_date_label,
                    "alert-count", (gint64) (sum ? sum->count : 0),
                    "alert-severity", (gint64) (sum ? sum->worst : 0),
                    "readiness", (gint64) pathways_rules_readiness (pathways_snapshot_get_settings (snap), p),
                    "stage", pathways_stage_code (stage),
                    "stage-label", pathways_stage_label (stage),
                    NULL);
    }
  return TRUE;
}

#define COLTEXT(c) ((const char *) sqlite3_column_text (stmt, (c)))

/**
 * pathways_store_load_caseload:
 * @on_date: the day ages and durations are computed for
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
  g_autoptr(GHashTable) accom_meanings = NULL;
  g_autoptr(GHashTable) place_meanings = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (on_date != NULL, NULL);

  pathways_store_lock (self);

  accom_meanings = meanings (self, PATHWAYS_REF_ACCOM);
  place_meanings = meanings (self, PATHWAYS_REF_PLACE);

  stmt = pathways_store_prepare (self, caseload_sql, error);
  if (stmt == NULL)
    {
      pathways_store_unlock (self);
      return NULL;
    }

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PathwaysRecord *row = g_object_new (PATHWAYS_TYPE_CASELOAD_ROW, NULL);
      const char *given = COLTEXT (COL_GIVEN);
      const char *family = COLTEXT (COL_FAMILY);
      const char *preferred = COLTEXT (COL_PREFERRED);
      const char *local_id = COLTEXT (COL_LOCAL_ID);
      const char *dob = COLTEXT (COL_DOB);
      const char *since = COLTEXT (COL_SINCE);
      const char *unit_kind = COLTEXT (COL_UNIT_KIND);
      const char *accom = COLTEXT (COL_ACCOM);
      const char *place = COLTEXT (COL_PLACE);
      const char *where = COLTEXT (COL_UNIT_NAME);
      const char *kind = NULL;
      g_autofree char *display = NULL;
      g_autofree char *sort_name = NULL;
      g_autofree char *search = NULL;
      g_autofree char *joined = NULL;

      /* Translators: a person's name: first name, then family name */
      display = g_strdup_printf (C_("person name", "%s %s"), preferred ? preferred : given, family);
      sort_name = g_strdup_printf ("%s, %s", family, given);
      joined = g_strjoin (" ", given, family, preferred ? preferred : "", local_id, NULL);
      search = g_utf8_casefold (joined, -1);

      if (unit_kind != NULL)
        kind = pathways_vocab_label (PATHWAYS_VOCAB_UNIT_KIND, unit_kind);
      else if (place != NULL && since != NULL)
        kind = g_hash_table_lookup (place_meanings, place);
      else if (accom != NULL)
        kind = g_hash_table_lookup (accom_meanings, accom);
      if (where == NULL)
        where = COLTEXT (COL_ADDRESS);

      pathways_record_set_id (row, sqlite3_column_int64 (stmt, COL_ID));
      g_object_set (row,
                    "display-name", display,
                    "sort-name", sort_name,
                    "search-text", search,
                    "local-id", local_id,
                    "date-of-birth", dob,
                    "age", (gint64) pathways_date_age_on (dob, on_date),
                    "pa-id", sqlite3_column_int64 (stmt, COL_PA_ID),
                    "pa-name", COLTEXT (COL_PA_NAME),
                    "team", COLTEXT (COL_TEAM),
                    "uasc", sqlite3_column_int (stmt, COL_UASC) != 0,
                    "accommodation", since ? where : NULL,
                    "accommodation-kind", kind,
                    "accommodation-since", since,
                    "days-in-accommodation",
                    (gint64) (since ? MAX (0, pathways_date_days_between (since, on_date)) : 0),
                    "in-authority", sqlite3_column_int (stmt, COL_IN_AUTHORITY) != 0,
                    NULL);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      pathways_store_set_sqlite_error (self, rc, error);
      pathways_store_unlock (self);
      return NULL;
    }
  pathways_store_unlock (self);

  if (!apply_rules (self, on_date, rows, error))
    return NULL;

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
