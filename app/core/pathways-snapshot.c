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
#include "pathways-store-backend.h"
#include "pathways-vocab.h"

struct _PathwaysSnapshot
{
  gatomicrefcount       ref_count;
  char                 *on;
  PathwaysStoreFacts   *facts;        /* owns the rows and their strings */
  PathwaysRuleSettings *settings;
  GHashTable           *people;       /* gint64* → PathwaysPersonFacts* (in facts) */
  GHashTable           *units;        /* gint64* → PathwaysUnitFacts* (in facts) */
};

static void
person_clear (gpointer data)
{
  PathwaysPersonFacts *p = data;

  g_clear_pointer (&p->spells, g_ptr_array_unref);
  g_clear_pointer (&p->transitions, g_ptr_array_unref);
  g_clear_pointer (&p->episodes, g_ptr_array_unref);
  g_clear_pointer (&p->activities, g_ptr_array_unref);
}

static void
unit_clear (gpointer data)
{
  PathwaysUnitFacts *u = data;

  g_clear_pointer (&u->spells, g_ptr_array_unref);
}

PathwaysSnapshot *
pathways_snapshot_ref (PathwaysSnapshot *snap)
{
  g_return_val_if_fail (snap != NULL, NULL);
  g_atomic_ref_count_inc (&snap->ref_count);
  return snap;
}

void
pathways_snapshot_free (PathwaysSnapshot *snap)
{
  if (snap == NULL || !g_atomic_ref_count_dec (&snap->ref_count))
    return;
  /* The tables first: their values live in the facts */
  g_clear_pointer (&snap->people, g_hash_table_unref);
  g_clear_pointer (&snap->units, g_hash_table_unref);
  g_clear_pointer (&snap->facts, pathways_store_facts_free);
  g_clear_pointer (&snap->settings, pathways_rule_settings_free);
  g_free (snap->on);
  g_free (snap);
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

static int
compare_spells (gconstpointer a,
                gconstpointer b)
{
  const PathwaysSpellFacts *x = *(PathwaysSpellFacts * const *) a;
  const PathwaysSpellFacts *y = *(PathwaysSpellFacts * const *) b;
  int c = strcmp (x->start, y->start);

  return c != 0 ? c : (x->id < y->id ? -1 : x->id > y->id);
}

static int
compare_episodes (gconstpointer a,
                  gconstpointer b)
{
  const PathwaysEpisodeFacts *x = *(PathwaysEpisodeFacts * const *) a;
  const PathwaysEpisodeFacts *y = *(PathwaysEpisodeFacts * const *) b;
  int c = strcmp (x->decom, y->decom);

  return c != 0 ? c : (x->id < y->id ? -1 : x->id > y->id);
}

/* Links the rows the store read into the tables the rules use; each
 * person's spells (by start) and episodes (by start) are sorted here,
 * in whatever order the store read them */
static void
link_facts (PathwaysSnapshot *snap)
{
  PathwaysStoreFacts *f = snap->facts;

  for (guint i = 0; i < f->people->len; i++)
    {
      PathwaysStorePersonFacts *row = g_ptr_array_index (f->people, i);
      PathwaysPersonFacts *p = &row->facts;
      const char *given = row->given_name ? row->given_name : "";
      g_autofree char *name = NULL;

      /* Translators: a person's name: first name, then family name */
      name = g_strdup_printf (C_("person name", "%s %s"), row->preferred_name ? row->preferred_name : given,
                              row->family_name ? row->family_name : "");
      p->name = g_string_chunk_insert (f->strings, name);
      p->spells = g_ptr_array_new ();
      p->transitions = g_ptr_array_new ();
      p->episodes = g_ptr_array_new ();
      p->activities = g_ptr_array_new ();
      /* The latest contact that reached them is read from the contacts
       * (issue #12), never from a typed date */
      p->last_contact_date = NULL;
      g_hash_table_insert (snap->people, &p->id, p);
    }

  for (guint i = 0; i < f->units->len; i++)
    {
      PathwaysUnitFacts *u = g_ptr_array_index (f->units, i);

      u->spells = g_ptr_array_new ();
      g_hash_table_insert (snap->units, &u->id, u);
    }

  for (guint i = 0; i < f->spells->len; i++)
    {
      PathwaysSpellFacts *s = g_ptr_array_index (f->spells, i);
      PathwaysPersonFacts *p = g_hash_table_lookup (snap->people, &s->person_id);
      PathwaysUnitFacts *u = s->unit_id ? g_hash_table_lookup (snap->units, &s->unit_id) : NULL;

      if (p != NULL)
        g_ptr_array_add (p->spells, s);
      if (u != NULL)
        g_ptr_array_add (u->spells, s);
    }

  for (guint i = 0; i < f->episodes->len; i++)
    {
      PathwaysEpisodeFacts *e = g_ptr_array_index (f->episodes, i);
      PathwaysPersonFacts *p = g_hash_table_lookup (snap->people, &e->person_id);

      if (p != NULL)
        g_ptr_array_add (p->episodes, e);
    }

  /* The care-history figures, derived from the episodes on the day
   * (those without episodes keep the figures an older Pathways had) */
  for (guint i = 0; i < f->people->len; i++)
    {
      PathwaysPersonFacts *p = &((PathwaysStorePersonFacts *) g_ptr_array_index (f->people, i))->facts;
      g_autoptr(PathwaysCareHistory) h = NULL;

      g_ptr_array_sort (p->spells, compare_spells);
      if (p->episodes->len == 0)
        continue;
      g_ptr_array_sort (p->episodes, compare_episodes);
      h = pathways_rules_care_history (p->date_of_birth, p->episodes, snap->on);
      pathways_rules_apply_care_history (p, h, f->strings);
    }

  for (guint i = 0; i < f->transitions->len; i++)
    {
      PathwaysTransitionFacts *t = g_ptr_array_index (f->transitions, i);
      PathwaysPersonFacts *p = g_hash_table_lookup (snap->people, &t->person_id);

      if (p != NULL)
        g_ptr_array_add (p->transitions, t);
    }

  for (guint i = 0; i < f->contacts->len; i++)
    {
      const PathwaysStoreContactTally *t = &g_array_index (f->contacts, PathwaysStoreContactTally, i);
      PathwaysPersonFacts *p = g_hash_table_lookup (snap->people, &t->young_person_id);

      if (p != NULL && t->latest != NULL && pathways_rules_contact_reached (t->kind) &&
          (p->last_contact_date == NULL || strcmp (t->latest, p->last_contact_date) > 0))
        p->last_contact_date = t->latest;
    }

  for (guint i = 0; i < f->activities->len; i++)
    {
      PathwaysActivityFacts *a = g_ptr_array_index (f->activities, i);
      PathwaysPersonFacts *p = g_hash_table_lookup (snap->people, &a->person_id);

      if (p != NULL)
        g_ptr_array_add (p->activities, a);
    }

  for (guint i = 0; i < f->milestone_tallies->len; i++)
    {
      const PathwaysStoreMilestoneTally *t = &g_array_index (f->milestone_tallies, PathwaysStoreMilestoneTally, i);
      PathwaysPersonFacts *p = g_hash_table_lookup (snap->people, &t->young_person_id);
      int c = category_index (t->category);

      if (p == NULL || c < 0)
        continue;
      p->milestones_total[c] += t->total;
      p->milestones_done[c] += t->done;
      p->milestones_overdue += t->overdue;
    }

  for (guint i = 0; i < f->overdue_milestones->len; i++)
    {
      const PathwaysStoreOverdueMilestone *m = &g_array_index (f->overdue_milestones,
                                                               PathwaysStoreOverdueMilestone, i);
      PathwaysPersonFacts *p = g_hash_table_lookup (snap->people, &m->young_person_id);

      if (p != NULL && p->first_overdue_due == NULL)
        {
          p->first_overdue_name = m->name;
          p->first_overdue_due = m->due_date;
        }
    }

  /* Unit spells sorted by start, like each person's */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, snap->units);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_ptr_array_sort (((PathwaysUnitFacts *) value)->spells, compare_spells);
  }
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
  g_autoptr(PathwaysSnapshot) snap = NULL;
  g_autofree char *horizon = NULL;
  PathwaysStoreFacts *facts;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), NULL);
  g_return_val_if_fail (pathways_date_parse_iso (on, NULL), NULL);

  /* Readiness counts milestones due within the next six months */
  if ((horizon = pathways_date_add_months (on, 6)) == NULL)
    horizon = g_strdup (PATHWAYS_DATE_ISO_LAST);  /* six months on is past the end of the calendar */
  facts = pathways_store_load_facts (store, on, horizon, error);
  if (facts == NULL)
    return NULL;

  snap = g_new0 (PathwaysSnapshot, 1);
  g_atomic_ref_count_init (&snap->ref_count);
  snap->on = g_strdup (on);
  snap->facts = facts;
  snap->people = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, person_clear);
  snap->units = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, unit_clear);
  snap->settings = pathways_rule_settings_new_from_table (facts->settings, facts->bank_holidays);
  link_facts (snap);

  return g_steal_pointer (&snap);
}

/* The shared snapshot ------------------------------------------------ */

static gpointer
free_snapshot_thread (gpointer data)
{
  pathways_snapshot_free (data);
  return NULL;
}

/* Drops the shared reference to a snapshot no longer current.  Freeing
 * everyone's facts takes milliseconds, which the reader about to load
 * the next one need not wait for: when it was the last reference, the
 * snapshot is freed in a thread of its own. */
static void
drop_old (PathwaysSnapshot *snap)
{
  GThread *thread;

  if (snap == NULL)
    return;
  if (!g_atomic_ref_count_compare (&snap->ref_count, 1) ||
      (thread = g_thread_try_new ("pathways-snapshot-free", free_snapshot_thread, snap, NULL)) == NULL)
    {
      pathways_snapshot_free (snap);
      return;
    }
  g_thread_unref (thread);
}

typedef struct {
  GMutex            lock;
  PathwaysSnapshot *snap;            /* the last one loaded, or NULL */
  guint             generation;      /* the store's when it was loaded */
  gboolean          loading;         /* a thread is loading one */
} SharedSnapshot;

static void
shared_snapshot_free (gpointer data)
{
  SharedSnapshot *c = data;

  g_clear_pointer (&c->snap, pathways_snapshot_free);
  g_mutex_clear (&c->lock);
  g_free (c);
}

static SharedSnapshot *
shared_snapshot_get (PathwaysStore *store)
{
  static GMutex make_lock;
  static GQuark quark;
  SharedSnapshot *c;

  g_mutex_lock (&make_lock);
  if (quark == 0)
    quark = g_quark_from_static_string ("pathways-shared-snapshot");
  if ((c = g_object_get_qdata (G_OBJECT (store), quark)) == NULL)
    {
      c = g_new0 (SharedSnapshot, 1);
      g_mutex_init (&c->lock);
      g_object_set_qdata_full (G_OBJECT (store), quark, c, shared_snapshot_free);
    }
  g_mutex_unlock (&make_lock);
  return c;
}

/**
 * pathways_snapshot_load_shared:
 * @on: the day the rules are applied for
 *
 * The snapshot for @on of the data as it is now, shared: every page
 * (caseload, timeline, stock, sufficiency, a person's details) that
 * asks between two changes of the store gets the same one, loaded once.
 * A change (a commit here, or one made elsewhere and announced by
 * "changed") makes the next call load a new one.  Called inside a
 * transaction, it loads a snapshot of its own that sees the
 * transaction's writes and shares it with nobody.
 *
 * Returns: (transfer full): a reference to drop with
 * pathways_snapshot_free(), or %NULL with @error set
 */
PathwaysSnapshot *
pathways_snapshot_load_shared (PathwaysStore  *store,
                               const char     *on,
                               GError        **error)
{
  SharedSnapshot *c;
  PathwaysSnapshot *snap;
  PathwaysSnapshot *old = NULL;
  guint generation;
  gboolean own;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), NULL);
  g_return_val_if_fail (pathways_date_parse_iso (on, NULL), NULL);

  if (pathways_store_in_transaction (store))
    return pathways_snapshot_load (store, on, error);

  c = shared_snapshot_get (store);
  g_mutex_lock (&c->lock);
  generation = pathways_store_get_generation (store);
  if (c->snap != NULL && c->generation != generation)
    old = g_steal_pointer (&c->snap);  /* old: not kept alive */
  if (generation % 2 == 0 && c->snap != NULL && g_str_equal (c->snap->on, on))
    {
      snap = pathways_snapshot_ref (c->snap);
      g_mutex_unlock (&c->lock);
      drop_old (old);
      return snap;
    }
  /* Someone writing (what is read now may be old at once), or another
   * reader loading: a snapshot of our own, kept for the others only by
   * the one reader that started first.  Readers never wait for each
   * other: a waiting reader may hold the read connection the loader
   * needs. */
  own = generation % 2 != 0 || c->loading;
  if (!own)
    c->loading = TRUE;
  g_mutex_unlock (&c->lock);
  drop_old (g_steal_pointer (&old));
  if (own)
    return pathways_snapshot_load (store, on, error);

  snap = pathways_snapshot_load (store, on, error);

  g_mutex_lock (&c->lock);
  c->loading = FALSE;
  /* Kept only when nothing changed while it loaded */
  if (snap != NULL && pathways_store_get_generation (store) == generation)
    {
      old = g_steal_pointer (&c->snap);
      c->snap = pathways_snapshot_ref (snap);
      c->generation = generation;
    }
  g_mutex_unlock (&c->lock);
  drop_old (old);
  return snap;
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

GPtrArray *
pathways_snapshot_get_person_rows (PathwaysSnapshot *snap)
{
  return snap->facts->people;
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
  g_autoptr(PathwaysSnapshot) snap = pathways_snapshot_load_shared (store, on, error);
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

/* In a worker thread ---------------------------------------------- */

static gpointer
load_snapshot (PathwaysStore  *store,
               const char     *on,
               GError        **error)
{
  return pathways_snapshot_load (store, on, error);
}

/**
 * pathways_snapshot_load_async:
 *
 * Loads the snapshot for @on in a worker thread.
 */
void
pathways_snapshot_load_async (PathwaysStore       *store,
                              const char          *on,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  pathways_store_load_in_thread (store, on, load_snapshot, (GDestroyNotify) pathways_snapshot_free,
                                 pathways_snapshot_load_async, cancellable, callback, user_data);
}

/**
 * pathways_snapshot_load_finish:
 *
 * Returns: (transfer full): the snapshot, or %NULL with @error set
 */
PathwaysSnapshot *
pathways_snapshot_load_finish (PathwaysStore  *store,
                               GAsyncResult   *result,
                               GError        **error)
{
  return pathways_store_load_in_thread_finish (store, result, pathways_snapshot_load_async, error);
}
