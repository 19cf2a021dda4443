/* pathways-stock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-stock"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-format.h"
#include "pathways-planner.h"
#include "pathways-snapshot.h"
#include "pathways-stock.h"
#include "pathways-store-private.h"
#include "pathways-vocab.h"

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (pathways_record_get_string (*(PathwaysRecord * const *) a, "name"),
                         pathways_record_get_string (*(PathwaysRecord * const *) b, "name"));
}

static GListModel *
to_model (GType      type,
          GPtrArray *items)
{
  GListStore *list = g_list_store_new (type);

  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (list);
}

/**
 * pathways_store_load_stock:
 * @on: the day "living there", "reserved" and "available from" refer to
 */
GListModel *
pathways_store_load_stock (PathwaysStore  *store,
                           const char     *on,
                           GError        **error)
{
  g_autoptr(PathwaysSnapshot) snap = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GPtrArray) items = NULL;

  /* The units and the snapshot from one state of the data */
  if (!pathways_store_begin_read (store, error))
    return NULL;
  snap = pathways_snapshot_load_shared (store, on, error);
  if (snap != NULL)
    units = pathways_store_list (store, PATHWAYS_TYPE_UNIT, error);
  pathways_store_end_read (store);
  if (units == NULL)
    return NULL;

  items = g_ptr_array_new_full (g_list_model_get_n_items (units), g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(PathwaysRecord) u = g_list_model_get_item (units, i);
      const PathwaysUnitFacts *facts = pathways_snapshot_get_unit (snap, pathways_record_get_id (u));
      PathwaysRecord *row = g_object_new (PATHWAYS_TYPE_STOCK_ROW, NULL);
      PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (u);
      g_autofree char *free_from = NULL;
      g_autofree char *joined = NULL;
      g_autofree char *search = NULL;

      pathways_record_set_id (row, pathways_record_get_id (u));
      g_object_freeze_notify (G_OBJECT (row));
      for (guint f = 0; f < pathways_record_class_get_n_fields (klass); f++)
        {
          const PathwaysField *field = pathways_record_class_get_field (klass, f);
          int idx = pathways_record_class_find_field (PATHWAYS_RECORD_GET_CLASS (row), field->name);
          if (idx >= 0)
            pathways_record_set_value (row, (guint) idx, pathways_record_peek_value (u, f));
        }
      g_object_set (row,
                    "kind-label", pathways_vocab_label (PATHWAYS_VOCAB_UNIT_KIND, pathways_record_get_string (u, "kind")),
                    "status-label", pathways_vocab_label (PATHWAYS_VOCAB_UNIT_STATUS, pathways_record_get_string (u, "status")),
                    NULL);

      for (guint k = 0; facts && k < facts->spells->len; k++)
        {
          const PathwaysSpellFacts *s = g_ptr_array_index (facts->spells, k);
          const PathwaysPersonFacts *p = pathways_snapshot_get_person (snap, s->person_id);

          if (p == NULL)
            continue;
          if (g_str_equal (s->state, "current"))
            g_object_set (row, "occupant", p->name, "occupant-id", p->id, NULL);
          else if (g_str_equal (s->state, "planned") &&
                   (pathways_record_get_string (row, "reserved-from") == NULL ||
                    strcmp (s->start, pathways_record_get_string (row, "reserved-from")) < 0))
            g_object_set (row, "reserved-for", p->name, "reserved-from", s->start, NULL);
        }

      if (facts)
        free_from = pathways_rules_unit_free_from (facts, on);
      g_object_set (row, "available-from", free_from, NULL);

      joined = g_strjoin (" ", pathways_record_get_string (u, "name"),
                          pathways_record_get_string (u, "address") ?: "",
                          pathways_record_get_string (u, "postcode") ?: "",
                          pathways_record_get_string (u, "area") ?: "",
                          pathways_record_get_string (u, "provider") ?: "",
                          pathways_record_get_string (row, "occupant") ?: "",
                          pathways_record_get_string (row, "reserved-for") ?: "", NULL);
      search = g_utf8_casefold (joined, -1);
      g_object_set (row, "search-text", search, NULL);
      g_object_thaw_notify (G_OBJECT (row));
      g_ptr_array_add (items, row);
    }

  g_ptr_array_sort (items, compare_by_name);
  return to_model (PATHWAYS_TYPE_STOCK_ROW, items);
}

void
pathways_store_load_stock_async (PathwaysStore       *store,
                                 const char          *on,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  pathways_store_load_in_thread (store, on, (PathwaysStoreLoadFunc) pathways_store_load_stock, g_object_unref,
                                 pathways_store_load_stock_async, cancellable, callback, user_data);
}

GListModel *
pathways_store_load_stock_finish (PathwaysStore  *store,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  return pathways_store_load_in_thread_finish (store, result, pathways_store_load_stock_async, error);
}

GHashTable *
pathways_stock_free_on (PathwaysStore  *store,
                        const char     *date,
                        GError        **error)
{
  g_autoptr(PathwaysSnapshot) snap = pathways_snapshot_load_shared (store, date, error);
  GHashTable *free_units;
  GHashTableIter iter;
  gpointer value;

  if (snap == NULL)
    return NULL;
  free_units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, pathways_snapshot_get_units (snap));
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const PathwaysUnitFacts *u = value;
      if (pathways_rules_unit_free_to_offer (u, date))
        g_hash_table_add (free_units, g_memdup2 (&u->id, sizeof (gint64)));
    }
  return free_units;
}

GListModel *
pathways_stock_counts (PathwaysStore  *store,
                       const char     *today,
                       GError        **error)
{
  g_autoptr(PathwaysSnapshot) snap = pathways_snapshot_load_shared (store, today, error);
  g_autofree char *horizon = pathways_date_add_months (today, 3);
  g_autoptr(GPtrArray) items = NULL;
  const PathwaysVocabEntry *kinds;
  guint n_kinds;

  if (snap == NULL)
    return NULL;

  kinds = pathways_vocab_entries (PATHWAYS_VOCAB_UNIT_KIND, &n_kinds);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint k = 0; k < n_kinds; k++)
    {
      gint64 total = 0, available = 0, void_ = 0, reserved = 0, coming = 0;
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, pathways_snapshot_get_units (snap));
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          const PathwaysUnitFacts *u = value;
          g_autofree char *from = NULL;

          if (!g_str_equal (u->kind, kinds[k].code) ||
              (u->retired_on != NULL && strcmp (u->retired_on, today) <= 0))
            continue;
          total++;
          from = pathways_rules_unit_free_from (u, today);
          if (from != NULL && g_str_equal (from, today))
            {
              /* Free today, but someone may be booked in later */
              gboolean booked = FALSE;
              for (guint i = 0; i < u->spells->len; i++)
                booked |= g_str_equal (((PathwaysSpellFacts *) g_ptr_array_index (u->spells, i))->state, "planned");
              if (booked)
                reserved++;
              else
                available++;
            }
          else if (g_strcmp0 (u->status, "void") == 0)
            void_++;
          /* (a horizon after the end of the calendar takes in every day) */
          if (from != NULL && strcmp (from, today) > 0 && (horizon == NULL || strcmp (from, horizon) <= 0))
            coming++;
        }
      g_ptr_array_add (items, g_object_new (PATHWAYS_TYPE_KIND_COUNT,
                                            "kind", kinds[k].code,
                                            "kind-label", pathways_vocab_label (PATHWAYS_VOCAB_UNIT_KIND, kinds[k].code),
                                            "total", total, "available", available, "void", void_,
                                            "reserved", reserved, "coming-free", coming, NULL));
    }
  return to_model (PATHWAYS_TYPE_KIND_COUNT, items);
}

static int
compare_by_available (gconstpointer a,
                      gconstpointer b)
{
  int c = g_strcmp0 (pathways_record_get_string (*(PathwaysRecord * const *) a, "available-from"),
                     pathways_record_get_string (*(PathwaysRecord * const *) b, "available-from"));
  return c != 0 ? c : compare_by_name (a, b);
}

GListModel *
pathways_stock_coming_free (PathwaysStore  *store,
                            const char     *today,
                            int             months,
                            GError        **error)
{
  g_autoptr(GListModel) stock = pathways_store_load_stock (store, today, error);
  g_autofree char *horizon = pathways_date_add_months (today, months);
  g_autoptr(GPtrArray) items = NULL;

  if (stock == NULL)
    return NULL;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (stock); i++)
    {
      g_autoptr(PathwaysRecord) row = g_list_model_get_item (stock, i);
      const char *from = pathways_record_get_string (row, "available-from");

      if (from != NULL && strcmp (from, today) > 0 && (horizon == NULL || strcmp (from, horizon) <= 0))
        g_ptr_array_add (items, g_object_ref (row));
    }
  g_ptr_array_sort (items, compare_by_available);
  return to_model (PATHWAYS_TYPE_STOCK_ROW, items);
}

static char *
reasons_text (GPtrArray *reasons)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < reasons->len; i++)
    {
      const PathwaysReason *r = g_ptr_array_index (reasons, i);
      g_string_append_printf (text, "%s%s", text->len ? "\n" : "", r->text);
    }
  return g_string_free (text, FALSE);
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  PathwaysRecord *x = *(PathwaysRecord * const *) a;
  PathwaysRecord *y = *(PathwaysRecord * const *) b;
  gint64 vx = pathways_record_get_int (x, "verdict"), vy = pathways_record_get_int (y, "verdict");
  gint64 sx = pathways_record_get_int (x, "score"), sy = pathways_record_get_int (y, "score");

  if (vx != vy)
    return vx < vy ? -1 : 1;
  if (sx != sy)
    return sx > sy ? -1 : 1;
  return compare_by_name (a, b);
}

GListModel *
pathways_stock_rank_people (PathwaysStore  *store,
                            gint64          unit_id,
                            const char     *date,
                            GError        **error)
{
  g_autofree char *today = pathways_clock_dup_today (pathways_store_get_clock (store));
  g_autoptr(PathwaysSnapshot) snap = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const PathwaysUnitFacts *u;
  GHashTableIter iter;
  gpointer value;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GHashTable) local_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (!pathways_store_begin_read (store, error))
    return NULL;
  snap = pathways_snapshot_load_shared (store, today, error);
  if (snap != NULL)
    people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, error);
  pathways_store_end_read (store);
  if (people == NULL)
    return NULL;
  u = pathways_snapshot_get_unit (snap, unit_id);
  if (u == NULL)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                           _("This unit is no longer in the register"));
      return NULL;
    }
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PathwaysRecord) yp = g_list_model_get_item (people, i);
      g_hash_table_insert (local_ids, g_memdup2 (&(gint64) { pathways_record_get_id (yp) }, sizeof (gint64)),
                           g_strdup (pathways_record_get_string (yp, "local-id")));
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, pathways_snapshot_get_people (snap));
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const PathwaysPersonFacts *p = value;
      PathwaysCareStatus status = pathways_rules_care_status (p, today, NULL);
      g_autoptr(PathwaysMatch) m = NULL;
      g_autofree char *reasons = NULL;
      g_autofree char *need = NULL;

      /* Care leavers, and those looked after who will be */
      if (status == PATHWAYS_CARE_STATUS_NONE)
        continue;
      m = pathways_rules_match (pathways_snapshot_get_settings (snap), p, u, pathways_snapshot_get_units (snap),
                                pathways_snapshot_get_people (snap), date, today);
      reasons = reasons_text (m->reasons);
      need = pathways_rules_need_date (p, pathways_snapshot_get_units (snap), today);
      g_ptr_array_add (items, g_object_new (PATHWAYS_TYPE_CANDIDATE,
                                            "young-person-id", p->id,
                                            "name", p->name,
                                            "local-id", g_hash_table_lookup (local_ids, &p->id),
                                            "age", (gint64) pathways_date_age_on (p->date_of_birth, date),
                                            "status-label", pathways_care_status_label (status),
                                            "need-date", need,
                                            "verdict", (gint64) m->verdict,
                                            "verdict-label", pathways_verdict_label (m->verdict),
                                            "score", (gint64) m->score,
                                            "score-terms", m->terms->len ? m->terms->str : NULL,
                                            "reasons", *reasons ? reasons : NULL,
                                            NULL));
    }
  g_ptr_array_sort (items, compare_ranked);
  return to_model (PATHWAYS_TYPE_CANDIDATE, items);
}

GListModel *
pathways_stock_rank_units (PathwaysStore  *store,
                           gint64          young_person_id,
                           const char     *date,
                           char          **out_date,
                           GError        **error)
{
  g_autofree char *today = pathways_clock_dup_today (pathways_store_get_clock (store));
  g_autoptr(PathwaysSnapshot) snap = pathways_snapshot_load_shared (store, today, error);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *day = NULL;
  const PathwaysPersonFacts *p;
  GHashTableIter iter;
  gpointer value;

  if (snap == NULL)
    return NULL;
  p = pathways_snapshot_get_person (snap, young_person_id);
  if (p == NULL)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                           _("This young person is no longer in the database"));
      return NULL;
    }
  day = date ? g_strdup (date) : pathways_rules_need_date (p, pathways_snapshot_get_units (snap), today);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, pathways_snapshot_get_units (snap));
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const PathwaysUnitFacts *u = value;
      g_autoptr(PathwaysMatch) m = NULL;
      g_autofree char *reasons = NULL;
      g_autofree char *joined = NULL;
      g_autofree char *search = NULL;
      g_autofree char *free_from = NULL;

      if (u->retired_on != NULL && strcmp (u->retired_on, day) <= 0)
        continue;
      m = pathways_rules_match (pathways_snapshot_get_settings (snap), p, u, pathways_snapshot_get_units (snap),
                                pathways_snapshot_get_people (snap), day, today);
      reasons = reasons_text (m->reasons);
      free_from = pathways_rules_unit_free_from (u, today);
      joined = g_strjoin (" ", u->name, u->area ? u->area : "",
                          pathways_vocab_label (PATHWAYS_VOCAB_UNIT_KIND, u->kind),
                          u->provider ? u->provider : "", u->address ? u->address : "",
                          u->postcode ? u->postcode : "", NULL);
      search = g_utf8_casefold (joined, -1);
      g_ptr_array_add (items, g_object_new (PATHWAYS_TYPE_DESTINATION,
                                            "unit-id", u->id,
                                            "name", u->name,
                                            "kind", u->kind,
                                            "kind-label", pathways_vocab_label (PATHWAYS_VOCAB_UNIT_KIND, u->kind),
                                            "area", u->area,
                                            "provider", u->provider,
                                            "address", u->address,
                                            "postcode", u->postcode,
                                            "bedrooms", (gint64) u->bedrooms,
                                            "in-authority", u->in_authority,
                                            "weekly-cost", u->weekly_cost,
                                            "verdict", (gint64) m->verdict,
                                            "verdict-label", pathways_verdict_label (m->verdict),
                                            "score", (gint64) m->score,
                                            "score-terms", m->terms->len ? m->terms->str : NULL,
                                            "reasons", *reasons ? reasons : NULL,
                                            "available-from", free_from,
                                            "search-text", search,
                                            NULL));
    }
  g_ptr_array_sort (items, compare_ranked);
  if (out_date)
    *out_date = g_steal_pointer (&day);
  return to_model (PATHWAYS_TYPE_DESTINATION, items);
}

/**
 * pathways_stock_set_status:
 * @status: "available", "void", "offline" (occupied and reserved follow
 *   from bookings)
 *
 * Records a change of status with its dates and reason.
 */
gboolean
pathways_stock_set_status (PathwaysStore       *store,
                           gint64               unit_id,
                           const char          *status,
                           const char          *from,
                           const char          *to,
                           const char          *reason,
                           PathwaysChangeSet  **out_undo,
                           GError             **error)
{
  g_autofree char *today = pathways_clock_dup_today (pathways_store_get_clock (store));
  g_autoptr(PathwaysSnapshot) snap = NULL;
  g_autoptr(PathwaysUnit) unit = NULL;
  const PathwaysUnitFacts *facts;
  const char *start = from ? from : today;

  if (!g_strv_contains ((const char *[]) { "available", "void", "offline", NULL }, status))
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                   _("A unit is made “%s” by booking someone into it, not by changing its status"),
                   pathways_vocab_label (PATHWAYS_VOCAB_UNIT_STATUS, status));
      return FALSE;
    }
  if (g_str_equal (status, "void") && (reason == NULL || *reason == '\0'))
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("Give the reason the unit is void"));
      return FALSE;
    }

  /* Checked and written in one transaction */
  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  snap = pathways_snapshot_load (store, today, error);
  if (snap == NULL)
    goto failed;
  facts = pathways_snapshot_get_unit (snap, unit_id);
  if (facts == NULL)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                           _("This unit is no longer in the register"));
      goto failed;
    }
  if (!g_str_equal (status, "available"))
    for (guint i = 0; i < facts->spells->len; i++)
      {
        const PathwaysSpellFacts *s = g_ptr_array_index (facts->spells, i);
        const PathwaysPersonFacts *p = pathways_snapshot_get_person (snap, s->person_id);
        const char *end = g_str_equal (s->state, "ended") ? s->actual_end : s->planned_end;

        if (g_str_equal (s->state, "ended") || (end != NULL && strcmp (end, start) <= 0) ||
            (to != NULL && strcmp (s->start, to) >= 0))
          continue;
        {
          g_autofree char *uk = pathways_date_format_uk (s->start);
          g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONSTRAINT,
                       _("%s is living or booked there from %s: move or cancel that first"),
                       p ? p->name : _("A young person"), uk);
          goto failed;
        }
      }

  unit = pathways_store_get (store, PATHWAYS_TYPE_UNIT, unit_id, error);
  if (unit == NULL)
    goto failed;
  g_object_set (unit, "status", status, "status-from", start, "status-to", to, "status-reason", reason, NULL);
  if (!pathways_store_update (store, PATHWAYS_RECORD (unit), error))
    goto failed;
  return pathways_store_commit_recorded (store, out_undo, error);

failed:
  pathways_store_rollback_recorded (store);
  return FALSE;
}

/**
 * pathways_stock_retire:
 *
 * Takes a unit out of the register from @on.  Refused, with who is
 * booked, while anyone lives there or is booked in on or after @on.
 */
gboolean
pathways_stock_retire (PathwaysStore       *store,
                       gint64               unit_id,
                       const char          *on,
                       const char          *reason,
                       PathwaysChangeSet  **out_undo,
                       GError             **error)
{
  g_autoptr(PathwaysSnapshot) snap = NULL;
  g_autoptr(PathwaysUnit) unit = NULL;
  const PathwaysUnitFacts *facts;

  /* Checked and written in one transaction */
  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  snap = pathways_snapshot_load (store, on, error);
  if (snap == NULL)
    goto failed;
  facts = pathways_snapshot_get_unit (snap, unit_id);
  if (facts == NULL)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                           _("This unit is no longer in the register"));
      goto failed;
    }
  for (guint i = 0; i < facts->spells->len; i++)
    {
      const PathwaysSpellFacts *s = g_ptr_array_index (facts->spells, i);
      const PathwaysPersonFacts *p = pathways_snapshot_get_person (snap, s->person_id);
      const char *end = s->planned_end;

      if (g_str_equal (s->state, "ended") || (end != NULL && strcmp (end, on) <= 0))
        continue;
      {
        g_autofree char *uk = pathways_date_format_uk (strcmp (s->start, on) > 0 ? s->start : on);
        g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONSTRAINT,
                     _("%s cannot be retired: %s is booked there on %s. Move or cancel that booking first."),
                     facts->name, p ? p->name : _("a young person"), uk);
        goto failed;
      }
    }

  unit = pathways_store_get (store, PATHWAYS_TYPE_UNIT, unit_id, error);
  if (unit == NULL)
    goto failed;
  g_object_set (unit, "retired-on", on, "status", "offline", "status-from", on, "status-to", NULL,
                "status-reason", reason, NULL);
  if (!pathways_store_update (store, PATHWAYS_RECORD (unit), error))
    goto failed;
  return pathways_store_commit_recorded (store, out_undo, error);

failed:
  pathways_store_rollback_recorded (store);
  return FALSE;
}

/* In a worker thread -------------------------------------------------- */

typedef enum {
  STOCK_SET_STATUS,
  STOCK_RETIRE,
  STOCK_RANK_PEOPLE,
  STOCK_RANK_UNITS,
} StockJob;

typedef struct {
  StockJob  job;
  gint64    id;        /* unit, or young person for rank-units */
  char     *status;
  char     *from;      /* also: the day to rank for, retire on */
  char     *to;
  char     *reason;
} StockData;

typedef struct {
  GListModel *model;
  char       *date;
} Ranked;

static void
stock_data_free (gpointer data)
{
  StockData *d = data;

  g_free (d->status);
  g_free (d->from);
  g_free (d->to);
  g_free (d->reason);
  g_free (d);
}

static void
ranked_free (gpointer data)
{
  Ranked *r = data;

  g_clear_object (&r->model);
  g_free (r->date);
  g_free (r);
}

static gpointer
stock_work (PathwaysStore  *store,
            gpointer        data,
            GError        **error)
{
  StockData *d = data;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  PathwaysStoreActionResult *r;
  Ranked *ranked;
  gboolean ok;

  switch (d->job)
    {
    case STOCK_RANK_PEOPLE:
    case STOCK_RANK_UNITS:
      ranked = g_new0 (Ranked, 1);
      if (d->job == STOCK_RANK_PEOPLE)
        ranked->model = pathways_stock_rank_people (store, d->id, d->from, error);
      else
        ranked->model = pathways_stock_rank_units (store, d->id, d->from, &ranked->date, error);
      if (ranked->model == NULL)
        {
          ranked_free (ranked);
          return NULL;
        }
      return ranked;
    case STOCK_SET_STATUS:
      ok = pathways_stock_set_status (store, d->id, d->status, d->from, d->to, d->reason, &undo, error);
      break;
    case STOCK_RETIRE:
    default:
      ok = pathways_stock_retire (store, d->id, d->from, d->reason, &undo, error);
      break;
    }
  if (!ok)
    return NULL;
  r = pathways_store_action_result_new ();
  r->undo = g_steal_pointer (&undo);
  r->id = d->id;
  return r;
}

static void
run_stock (PathwaysStore       *store,
           StockData           *d,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  gboolean rank = d->job == STOCK_RANK_PEOPLE || d->job == STOCK_RANK_UNITS;

  pathways_store_run_async (store, stock_work, d, stock_data_free,
                            rank ? ranked_free : pathways_store_action_result_free,
                            source_tag, cancellable, callback, user_data);
}

/**
 * pathways_stock_set_status_async:
 *
 * pathways_stock_set_status() in a worker thread; finish with
 * pathways_stock_write_finish().
 */
void
pathways_stock_set_status_async (PathwaysStore       *store,
                                 gint64               unit_id,
                                 const char          *status,
                                 const char          *from,
                                 const char          *to,
                                 const char          *reason,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  StockData *d;

  g_return_if_fail (PATHWAYS_IS_STORE (store));
  g_return_if_fail (status != NULL);

  d = g_new0 (StockData, 1);
  d->job = STOCK_SET_STATUS;
  d->id = unit_id;
  d->status = g_strdup (status);
  d->from = g_strdup (from);
  d->to = g_strdup (to);
  d->reason = g_strdup (reason);
  run_stock (store, d, pathways_stock_write_finish, cancellable, callback, user_data);
}

/**
 * pathways_stock_retire_async:
 *
 * pathways_stock_retire() in a worker thread; finish with
 * pathways_stock_write_finish().
 */
void
pathways_stock_retire_async (PathwaysStore       *store,
                             gint64               unit_id,
                             const char          *on,
                             const char          *reason,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  StockData *d;

  g_return_if_fail (PATHWAYS_IS_STORE (store));
  g_return_if_fail (on != NULL);

  d = g_new0 (StockData, 1);
  d->job = STOCK_RETIRE;
  d->id = unit_id;
  d->from = g_strdup (on);
  d->reason = g_strdup (reason);
  run_stock (store, d, pathways_stock_write_finish, cancellable, callback, user_data);
}

/**
 * pathways_stock_write_finish:
 * @out_undo: (out) (optional) (transfer full): for pathways_store_undo()
 */
gboolean
pathways_stock_write_finish (PathwaysStore       *store,
                             GAsyncResult        *result,
                             PathwaysChangeSet  **out_undo,
                             GError             **error)
{
  PathwaysStoreActionResult *r = pathways_store_run_finish (store, result, pathways_stock_write_finish, error);

  if (r == NULL)
    return FALSE;
  if (out_undo)
    *out_undo = g_steal_pointer (&r->undo);
  pathways_store_action_result_free (r);
  return TRUE;
}

/**
 * pathways_stock_rank_people_async:
 *
 * pathways_stock_rank_people() in a worker thread; finish with
 * pathways_stock_rank_finish().
 */
void
pathways_stock_rank_people_async (PathwaysStore       *store,
                                  gint64               unit_id,
                                  const char          *date,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  StockData *d;

  g_return_if_fail (PATHWAYS_IS_STORE (store));
  g_return_if_fail (date != NULL);

  d = g_new0 (StockData, 1);
  d->job = STOCK_RANK_PEOPLE;
  d->id = unit_id;
  d->from = g_strdup (date);
  run_stock (store, d, pathways_stock_rank_finish, cancellable, callback, user_data);
}

/**
 * pathways_stock_rank_units_async:
 * @date: (nullable): %NULL for the day the young person needs to move
 *
 * pathways_stock_rank_units() in a worker thread; finish with
 * pathways_stock_rank_finish().
 */
void
pathways_stock_rank_units_async (PathwaysStore       *store,
                                 gint64               young_person_id,
                                 const char          *date,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  StockData *d;

  g_return_if_fail (PATHWAYS_IS_STORE (store));

  d = g_new0 (StockData, 1);
  d->job = STOCK_RANK_UNITS;
  d->id = young_person_id;
  d->from = g_strdup (date);
  run_stock (store, d, pathways_stock_rank_finish, cancellable, callback, user_data);
}

/**
 * pathways_stock_rank_finish:
 * @out_date: (out) (optional) (transfer full): for rank-units, the day
 *   ranked for
 *
 * Returns: (transfer full): the ranked candidates or destinations
 */
GListModel *
pathways_stock_rank_finish (PathwaysStore  *store,
                            GAsyncResult   *result,
                            char          **out_date,
                            GError        **error)
{
  Ranked *r = pathways_store_run_finish (store, result, pathways_stock_rank_finish, error);
  GListModel *model;

  if (r == NULL)
    return NULL;
  model = g_steal_pointer (&r->model);
  if (out_date)
    *out_date = g_steal_pointer (&r->date);
  ranked_free (r);
  return model;
}
