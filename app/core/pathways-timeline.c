/* pathways-timeline.c — every young person's pathway, laid out in time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-timeline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "pathways-format.h"
#include "pathways-snapshot.h"
#include "pathways-timeline.h"
#include "pathways-vocab.h"

struct _PathwaysTimeline
{
  gatomicrefcount  ref_count;
  char            *on;
  char            *authority;  /* its name, or NULL */
  guint32          today;
  guint32          first_day;
  guint32          last_day;
  GStringChunk    *strings;
  GPtrArray       *rows;       /* PathwaysTimelineRow*, by family name */
  GHashTable      *by_id;      /* gint64* → PathwaysTimelineRow* */
  PathwaysTimeline *base;      /* a scaled copy borrows its strings from it */

  /* What the layout reads, row by row in order, in one block: no row
   * struct is visited unless it is laid out, and the groups are dense
   * indexes, found without hashing */
  struct RowKey   *keys;
  guint            n_pa_groups;
  guint            n_team_groups;
  const char     **pa_labels;
  const char     **team_labels;
  guint           *pa_rank;    /* each group's place among the groups, by name */
  guint           *team_rank;
};

typedef struct RowKey {
  PathwaysTimelineRow *row;
  gint64               pa_id;
  const char          *team;
  const char          *status_code;
  int                  age;
  PathwaysStage        stage;
  int                  alert_count;
  int                  pa_group;    /* -1: no PA */
  int                  team_group;  /* -1: no team */
} RowKey;

G_DEFINE_BOXED_TYPE (PathwaysTimeline, pathways_timeline, pathways_timeline_ref, pathways_timeline_unref)

/* How far the timeline reaches either side of the day, at most */
#define MAX_YEARS_BACK  12
#define MAX_YEARS_AHEAD 12

/* Helpers */

static const char *
intern (PathwaysTimeline *self,
        const char       *s)
{
  return s ? g_string_chunk_insert_const (self->strings, s) : NULL;
}

guint32
pathways_timeline_day_from_iso (const char *iso)
{
  GDate d;

  if (iso == NULL || !pathways_date_parse_iso (iso, &d))
    return 0;
  return g_date_get_julian (&d);
}

/**
 * pathways_timeline_day_to_iso:
 *
 * Returns: (transfer full): the ISO date of Julian day @day
 */
char *
pathways_timeline_day_to_iso (guint32 day)
{
  GDate d;

  g_return_val_if_fail (g_date_valid_julian (day), NULL);
  g_date_clear (&d, 1);
  g_date_set_julian (&d, day);
  return pathways_date_to_iso (&d);
}

const char *
pathways_timeline_kind_code (PathwaysTimelineKind kind)
{
  static const char * const codes[] = {
    "in-care", "supported", "staying-put", "staying-close", "move-on", "emergency", "other",
  };

  g_return_val_if_fail (kind < PATHWAYS_TIMELINE_N_KINDS, "other");
  return codes[kind];
}

const char *
pathways_timeline_kind_label (PathwaysTimelineKind kind)
{
  switch (kind)
    {
    case PATHWAYS_TIMELINE_KIND_IN_CARE:
      return _("In care");
    case PATHWAYS_TIMELINE_KIND_SUPPORTED:
      return _("Supported accommodation");
    case PATHWAYS_TIMELINE_KIND_STAYING_PUT:
      return _("Staying Put");
    case PATHWAYS_TIMELINE_KIND_STAYING_CLOSE:
      return _("Staying Close");
    case PATHWAYS_TIMELINE_KIND_MOVE_ON:
      return _("Own tenancy (move-on)");
    case PATHWAYS_TIMELINE_KIND_EMERGENCY:
      return _("Emergency or B&B");
    case PATHWAYS_TIMELINE_KIND_OTHER:
    case PATHWAYS_TIMELINE_N_KINDS:
    default:
      return _("Other");
    }
}

/**
 * pathways_timeline_kind_for:
 *
 * The colour category of a spell: its pathway stage by the rules,
 * except that emergency accommodation, B&B and no fixed abode (903 V, W,
 * S) stand apart.
 */
PathwaysTimelineKind
pathways_timeline_kind_for (const char *unit_kind,
                            const char *accom,
                            const char *place)
{
  if (g_strcmp0 (unit_kind, "emergency") == 0 || g_strcmp0 (unit_kind, "bed_and_breakfast") == 0 ||
      (unit_kind == NULL && accom != NULL && strchr ("VWS", accom[0]) != NULL && accom[1] == '\0'))
    return PATHWAYS_TIMELINE_KIND_EMERGENCY;

  switch (pathways_rules_stage (unit_kind, accom, place))
    {
    case PATHWAYS_STAGE_LOOKED_AFTER:
      return PATHWAYS_TIMELINE_KIND_IN_CARE;
    case PATHWAYS_STAGE_SUPPORTED:
      return PATHWAYS_TIMELINE_KIND_SUPPORTED;
    case PATHWAYS_STAGE_STAYING_PUT:
      return PATHWAYS_TIMELINE_KIND_STAYING_PUT;
    case PATHWAYS_STAGE_STAYING_CLOSE:
      return PATHWAYS_TIMELINE_KIND_STAYING_CLOSE;
    case PATHWAYS_STAGE_MOVE_ON:
      return PATHWAYS_TIMELINE_KIND_MOVE_ON;
    case PATHWAYS_STAGE_OTHER:
    case PATHWAYS_N_STAGES:
    default:
      return PATHWAYS_TIMELINE_KIND_OTHER;
    }
}

static void
row_free (gpointer data)
{
  PathwaysTimelineRow *row = data;

  g_array_unref (row->spans);
  g_array_unref (row->moves);
  g_array_unref (row->milestones);
  g_free (row);
}

/* Rows by the name they are labelled with: family name, then the given
 * name shown (the preferred name when there is one).  sort_name is
 * loaded as "Family, Given" with the legal given name; the label
 * (row->name) is "Shown Family" (or "Family Shown" where a translation
 * puts the family name first), so the shown given name is the label
 * without the family name. */
static char *
label_sort_name (const PathwaysTimelineRow *row)
{
  const char *comma = row->sort_name ? strstr (row->sort_name, ", ") : NULL;
  g_autofree char *family = NULL;
  gsize name_len, family_len;

  if (row->name == NULL)
    return g_strdup (row->sort_name ? row->sort_name : "");
  if (comma == NULL || comma == row->sort_name)
    return g_strdup (row->name);
  family = g_strndup (row->sort_name, comma - row->sort_name);
  name_len = strlen (row->name);
  family_len = strlen (family);
  if (name_len > family_len + 1 && g_str_has_suffix (row->name, family) && row->name[name_len - family_len - 1] == ' ')
    return g_strdup_printf ("%s, %.*s", family, (int) (name_len - family_len - 1), row->name);
  if (name_len > family_len + 1 && g_str_has_prefix (row->name, family) && row->name[family_len] == ' ')
    return g_strdup_printf ("%s, %s", family, row->name + family_len + 1);
  return g_strdup_printf ("%s, %s", family, row->name);
}

typedef struct {
  PathwaysTimelineRow *row;
  char                *key;   /* collation key of the sort name */
} SortEntry;

typedef struct {
  guint  index;
  char  *key;
} LabelEntry;

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  const LabelEntry *x = a, *y = b;
  int c = strcmp (x->key, y->key);

  return c != 0 ? c : (x->index < y->index ? -1 : x->index > y->index);
}

/* The groups' order by name, once at load (a collation key per group):
 * rank[group] is its place */
static guint *
rank_labels (const char **labels,
             guint        n)
{
  g_autofree LabelEntry *entries = g_new (LabelEntry, MAX (n, 1));
  guint *rank = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    entries[i] = (LabelEntry) { i, g_utf8_collate_key (labels[i], -1) };
  qsort (entries, n, sizeof (LabelEntry), compare_labels);
  for (guint i = 0; i < n; i++)
    {
      rank[entries[i].index] = i;
      g_free (entries[i].key);
    }
  return rank;
}

/* The layout's keys, in row order, and the groups as dense indexes */
static void
index_rows (PathwaysTimeline *self)
{
  g_autoptr(GHashTable) pas = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) teams = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GPtrArray) pa_labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) team_labels = g_ptr_array_new ();

  g_free (self->keys);
  g_free (self->pa_labels);
  g_free (self->team_labels);
  g_free (self->pa_rank);
  g_free (self->team_rank);
  self->keys = g_new0 (RowKey, MAX (self->rows->len, 1));
  for (guint i = 0; i < self->rows->len; i++)
    {
      PathwaysTimelineRow *row = g_ptr_array_index (self->rows, i);
      RowKey *k = &self->keys[i];
      gpointer group;

      *k = (RowKey) { row, row->pa_id, row->team, row->status_code, row->age, row->stage, row->alert_count, -1, -1 };
      if (row->pa_id != 0 && row->pa_name != NULL)
        {
          if (!g_hash_table_lookup_extended (pas, &row->pa_id, NULL, &group))
            {
              group = GUINT_TO_POINTER (pa_labels->len);
              g_hash_table_insert (pas, &row->pa_id, group);
              g_ptr_array_add (pa_labels, (gpointer) row->pa_name);
            }
          k->pa_group = (int) GPOINTER_TO_UINT (group);
        }
      /* Teams are interned: one pointer per name */
      if (row->team != NULL)
        {
          if (!g_hash_table_lookup_extended (teams, row->team, NULL, &group))
            {
              group = GUINT_TO_POINTER (team_labels->len);
              g_hash_table_insert (teams, (gpointer) row->team, group);
              g_ptr_array_add (team_labels, (gpointer) row->team);
            }
          k->team_group = (int) GPOINTER_TO_UINT (group);
        }
    }
  self->n_pa_groups = pa_labels->len;
  self->n_team_groups = team_labels->len;
  self->pa_labels = (const char **) g_ptr_array_free (g_steal_pointer (&pa_labels), FALSE);
  self->team_labels = (const char **) g_ptr_array_free (g_steal_pointer (&team_labels), FALSE);
  self->pa_rank = rank_labels (self->pa_labels, self->n_pa_groups);
  self->team_rank = rank_labels (self->team_labels, self->n_team_groups);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *x = a, *y = b;
  int c = strcmp (x->key, y->key);

  return c != 0 ? c : (x->row->id < y->row->id ? -1 : x->row->id > y->row->id);
}

/* One collation key per row, computed once: sorting compares bytes, not
 * collating (and allocating) twice per comparison */
static void
sort_rows (PathwaysTimeline *self)
{
  g_autofree SortEntry *entries = g_new (SortEntry, MAX (self->rows->len, 1));
  guint n = self->rows->len;

  for (guint i = 0; i < n; i++)
    {
      PathwaysTimelineRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *name = label_sort_name (row);

      row->sort_name = intern (self, name);
      entries[i].row = row;
      entries[i].key = g_utf8_collate_key (name, -1);
    }
  qsort (entries, n, sizeof (SortEntry), compare_entries);
  for (guint i = 0; i < n; i++)
    {
      self->rows->pdata[i] = entries[i].row;
      g_free (entries[i].key);
    }
  index_rows (self);
}

static void
widen (PathwaysTimeline *self,
       guint32           day)
{
  if (day == 0)
    return;
  if (self->first_day == 0 || day < self->first_day)
    self->first_day = day;
  if (day > self->last_day)
    self->last_day = day;
}

/* The names, PAs and teams the snapshot does not carry */
static void
add_people (PathwaysTimeline      *self,
            PathwaysStoreTimeline *rows,
            PathwaysSnapshot      *snap)
{
  for (guint i = 0; i < rows->people->len; i++)
    {
      const PathwaysStoreTimelinePerson *tp = &g_array_index (rows->people, PathwaysStoreTimelinePerson, i);
      const PathwaysPersonFacts *p = pathways_snapshot_get_person (snap, tp->id);
      PathwaysTimelineRow *row;
      g_autofree char *sort_name = NULL;

      /* A closed case is archived: not on the timeline (issue #12) */
      if (p == NULL || tp->closed_on != NULL)
        continue;

      row = g_new0 (PathwaysTimelineRow, 1);
      row->id = tp->id;
      row->name = intern (self, p->name);
      sort_name = g_strdup_printf ("%s, %s", tp->family_name ? tp->family_name : "",
                                   tp->given_name ? tp->given_name : "");
      row->sort_name = intern (self, sort_name);
      row->local_id = intern (self, tp->local_id);
      row->team = intern (self, tp->team ? tp->team : tp->pa_team);
      row->pa_id = p->pa_id;
      row->pa_name = intern (self, tp->pa_name);
      row->uasc = tp->uasc;
      row->date_of_birth = intern (self, p->date_of_birth);
      row->spans = g_array_new (FALSE, TRUE, sizeof (PathwaysTimelineSpan));
      row->moves = g_array_new (FALSE, TRUE, sizeof (PathwaysTimelineMove));
      row->milestones = g_array_new (FALSE, TRUE, sizeof (PathwaysTimelineMilestone));

      g_ptr_array_add (self->rows, row);
      g_hash_table_insert (self->by_id, &row->id, row);
    }
}

/* Addresses of spells outside the register: spell id → address (borrowed) */
static GHashTable *
addresses_by_spell (PathwaysStoreTimeline *rows)
{
  GHashTable *map = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < rows->addresses->len; i++)
    {
      PathwaysStoreSpellAddress *a = &g_array_index (rows->addresses, PathwaysStoreSpellAddress, i);
      g_hash_table_insert (map, &a->spell_id, (gpointer) a->address);
    }
  return map;
}

static void
add_moves (PathwaysTimeline      *self,
           PathwaysStoreTimeline *rows)
{
  for (guint i = 0; i < rows->moves->len; i++)
    {
      const PathwaysStoreTimelineMove *tm = &g_array_index (rows->moves, PathwaysStoreTimelineMove, i);
      PathwaysTimelineRow *row = g_hash_table_lookup (self->by_id, &tm->young_person_id);
      PathwaysTimelineMove move = { 0 };

      if (row == NULL)
        continue;
      move.transition_id = tm->id;
      move.date = intern (self, tm->planned_date);
      move.day = pathways_timeline_day_from_iso (move.date);
      move.state = intern (self, tm->state);
      move.to = intern (self, tm->unit_name ? tm->unit_name : tm->to_address);
      if (move.day == 0)
        continue;
      g_array_append_val (row->moves, move);
      widen (self, move.day);
    }
}

static void
add_milestones (PathwaysTimeline      *self,
                PathwaysStoreTimeline *rows)
{
  for (guint i = 0; i < rows->milestones->len; i++)
    {
      const PathwaysStoreTimelineMilestone *tm = &g_array_index (rows->milestones, PathwaysStoreTimelineMilestone, i);
      PathwaysTimelineRow *row = g_hash_table_lookup (self->by_id, &tm->young_person_id);
      PathwaysTimelineMilestone m = { 0 };

      if (row == NULL || tm->due_date == NULL)
        continue;
      m.name = intern (self, tm->name);
      m.due_date = intern (self, tm->due_date);
      m.done_date = intern (self, tm->done_date);
      m.day = pathways_timeline_day_from_iso (m.due_date);
      m.overdue = m.done_date == NULL && strcmp (m.due_date, self->on) < 0;
      if (m.day == 0)
        continue;
      g_array_append_val (row->milestones, m);
    }
}

/* The spells, status, stage, birthdays and alerts, from the snapshot */
static void
apply_snapshot (PathwaysTimeline *self,
                PathwaysSnapshot *snap,
                GHashTable       *addresses,
                GHashTable       *accom_meanings,
                GHashTable       *place_meanings)
{
  g_autoptr(GPtrArray) alerts = pathways_snapshot_alerts (snap, 0);
  static const int years[PATHWAYS_TIMELINE_N_BIRTHDAYS] = { 18, 21, 25 };

  for (guint i = 0; i < alerts->len; i++)
    {
      const PathwaysAlertFacts *a = g_ptr_array_index (alerts, i);
      PathwaysTimelineRow *row = g_hash_table_lookup (self->by_id, &a->person_id);

      if (row == NULL || a->severity == PATHWAYS_SEVERITY_INFO)
        continue;
      row->alert_count++;
      row->alert_severity = MAX (row->alert_severity, a->severity);
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      PathwaysTimelineRow *row = g_ptr_array_index (self->rows, i);
      const PathwaysPersonFacts *p = pathways_snapshot_get_person (snap, row->id);
      const PathwaysSpellFacts *current = NULL;

      row->age = p->date_of_birth ? pathways_date_age_on (p->date_of_birth, self->on) : -1;
      row->status = pathways_rules_care_status (p, self->on, NULL);
      row->status_code = pathways_care_status_code (row->status);
      row->status_label = intern (self, pathways_care_status_label (row->status));

      for (guint b = 0; b < PATHWAYS_TIMELINE_N_BIRTHDAYS && p->date_of_birth; b++)
        {
          g_autofree char *iso = pathways_date_birthday (p->date_of_birth, years[b]);

          row->birthday_dates[b] = intern (self, iso);
          row->birthdays[b] = pathways_timeline_day_from_iso (iso);
        }

      for (guint s = 0; s < p->spells->len; s++)
        {
          const PathwaysSpellFacts *f = g_ptr_array_index (p->spells, s);
          const PathwaysUnitFacts *unit = f->unit_id ? pathways_snapshot_get_unit (snap, f->unit_id) : NULL;
          PathwaysTimelineSpan span = { 0 };
          const char *label = NULL;

          span.spell_id = f->id;
          span.start_date = intern (self, f->start);
          span.start = pathways_timeline_day_from_iso (f->start);
          if (span.start == 0)
            continue;
          span.state = intern (self, f->state);
          span.planned = g_strcmp0 (f->state, "planned") == 0;
          if (f->actual_end != NULL)
            span.end_date = intern (self, f->actual_end);
          else if (f->planned_end != NULL)
            {
              span.end_date = intern (self, f->planned_end);
              span.end_planned = TRUE;
            }
          span.end = pathways_timeline_day_from_iso (span.end_date);
          if (span.end != 0 && span.end < span.start)
            span.end = span.start;
          span.kind = pathways_timeline_kind_for (unit ? unit->kind : NULL, f->accom, f->place);

          if (unit != NULL)
            label = pathways_vocab_label (PATHWAYS_VOCAB_UNIT_KIND, unit->kind);
          else if (f->place != NULL && !span.planned && g_hash_table_contains (place_meanings, f->place))
            label = g_hash_table_lookup (place_meanings, f->place);
          else if (f->accom != NULL)
            label = g_hash_table_lookup (accom_meanings, f->accom);
          else if (f->place != NULL)
            label = g_hash_table_lookup (place_meanings, f->place);
          span.kind_label = intern (self, label ? label : pathways_timeline_kind_label (span.kind));
          span.where = intern (self, unit ? unit->name : g_hash_table_lookup (addresses, &f->id));

          g_array_append_val (row->spans, span);
          widen (self, span.start);
          widen (self, span.end);
          if (g_str_equal (f->state, "current"))
            current = f;
        }

      if (current != NULL)
        {
          const PathwaysUnitFacts *unit = current->unit_id ? pathways_snapshot_get_unit (snap, current->unit_id) : NULL;
          row->stage = pathways_rules_stage (unit ? unit->kind : NULL, current->accom, current->place);
        }
      else
        row->stage = PATHWAYS_STAGE_OTHER;

      widen (self, row->birthdays[PATHWAYS_TIMELINE_BIRTHDAY_18]);
      widen (self, row->birthdays[PATHWAYS_TIMELINE_BIRTHDAY_25]);
    }
}

/* Public API */

/**
 * pathways_timeline_load:
 * @on: the day: "today" on the timeline, and what ages, status and
 *   alerts are computed for
 *
 * Returns: (transfer full): the timeline, or %NULL with @error set
 */
PathwaysTimeline *
pathways_timeline_load (PathwaysStore  *store,
                        const char     *on,
                        GError        **error)
{
  g_autoptr(PathwaysTimeline) self = NULL;
  g_autoptr(PathwaysSnapshot) snap = NULL;
  g_autoptr(PathwaysStoreTimeline) rows = NULL;
  g_autoptr(GHashTable) addresses = NULL;
  g_autoptr(GHashTable) accom_meanings = NULL;
  g_autoptr(GHashTable) place_meanings = NULL;
  guint32 low, high;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), NULL);
  g_return_val_if_fail (pathways_date_parse_iso (on, NULL), NULL);

  /* Everything from one state of the data */
  if (!pathways_store_begin_read (store, error))
    return NULL;
  if ((accom_meanings = pathways_store_dup_ref_meanings (store, PATHWAYS_REF_ACCOM, error)) != NULL &&
      (place_meanings = pathways_store_dup_ref_meanings (store, PATHWAYS_REF_PLACE, error)) != NULL &&
      (rows = pathways_store_load_timeline_rows (store, error)) != NULL)
    snap = pathways_snapshot_load_shared (store, on, error);
  pathways_store_end_read (store);
  if (snap == NULL)
    return NULL;

  self = g_new0 (PathwaysTimeline, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->on = g_strdup (on);
  if (pathways_snapshot_get_settings (snap)->authority_name != NULL &&
      *pathways_snapshot_get_settings (snap)->authority_name != '\0')
    self->authority = g_strdup (pathways_snapshot_get_settings (snap)->authority_name);
  self->today = pathways_timeline_day_from_iso (on);
  self->strings = g_string_chunk_new (64 * 1024);
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  add_people (self, rows, snap);
  addresses = addresses_by_spell (rows);
  add_moves (self, rows);
  add_milestones (self, rows);

  apply_snapshot (self, snap, addresses, accom_meanings, place_meanings);
  sort_rows (self);

  /* The reach: everything there is, a month's margin, within bounds */
  widen (self, self->today);
  low = self->today - (guint32) (MAX_YEARS_BACK * 366);
  high = self->today + (guint32) (MAX_YEARS_AHEAD * 366);
  self->first_day = CLAMP (self->first_day, low, self->today) - 31;
  self->last_day = CLAMP (self->last_day, self->today, high) + 31;

  return g_steal_pointer (&self);
}

/**
 * pathways_timeline_load_async:
 *
 * Loads the timeline in a worker thread.
 */
void
pathways_timeline_load_async (PathwaysStore       *store,
                              const char          *on,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  pathways_store_load_in_thread (store, on, (PathwaysStoreLoadFunc) pathways_timeline_load,
                                 (GDestroyNotify) pathways_timeline_unref, pathways_timeline_load_async,
                                 cancellable, callback, user_data);
}

/**
 * pathways_timeline_load_finish:
 *
 * Returns: (transfer full): the timeline, or %NULL with @error set
 */
PathwaysTimeline *
pathways_timeline_load_finish (PathwaysStore  *store,
                               GAsyncResult   *result,
                               GError        **error)
{
  return pathways_store_load_in_thread_finish (store, result, pathways_timeline_load_async, error);
}

PathwaysTimeline *
pathways_timeline_ref (PathwaysTimeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pathways_timeline_unref (PathwaysTimeline *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->rows);
  g_string_chunk_free (self->strings);
  g_clear_pointer (&self->base, pathways_timeline_unref);
  g_free (self->keys);
  g_free (self->pa_labels);
  g_free (self->team_labels);
  g_free (self->pa_rank);
  g_free (self->team_rank);
  g_free (self->on);
  g_free (self->authority);
  g_free (self);
}

const char *
pathways_timeline_get_date (PathwaysTimeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->on;
}

/* The local authority's name, or NULL when it is not set */
const char *
pathways_timeline_get_authority_name (PathwaysTimeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->authority;
}

guint32
pathways_timeline_get_today (PathwaysTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->today;
}

/**
 * pathways_timeline_get_range:
 *
 * The days the timeline covers, with a margin: from the earliest spell
 * to the latest end, move or 25th birthday, within twelve years of the
 * day either way.
 */
void
pathways_timeline_get_range (PathwaysTimeline *self,
                             guint32          *first_day,
                             guint32          *last_day)
{
  g_return_if_fail (self != NULL);

  if (first_day)
    *first_day = self->first_day;
  if (last_day)
    *last_day = self->last_day;
}

guint
pathways_timeline_get_n_rows (PathwaysTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

const PathwaysTimelineRow *
pathways_timeline_get_row (PathwaysTimeline *self,
                           guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}

const PathwaysTimelineRow *
pathways_timeline_find_row (PathwaysTimeline *self,
                            gint64            person_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_hash_table_lookup (self->by_id, &person_id);
}

static int
compare_choices (gconstpointer a,
                 gconstpointer b)
{
  const PathwaysTimelineChoice *x = a, *y = b;
  return g_utf8_collate (x->label, y->label);
}

/**
 * pathways_timeline_list_pas:
 *
 * Returns: (transfer full) (element-type PathwaysTimelineChoice): the
 * personal advisers with someone on the timeline, by name
 */
GArray *
pathways_timeline_list_pas (PathwaysTimeline *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *out = g_array_new (FALSE, TRUE, sizeof (PathwaysTimelineChoice));

  g_return_val_if_fail (self != NULL, out);

  for (guint i = 0; i < self->rows->len; i++)
    {
      PathwaysTimelineRow *row = g_ptr_array_index (self->rows, i);
      PathwaysTimelineChoice c = { row->pa_id, row->pa_name };

      if (row->pa_id == 0 || row->pa_name == NULL || g_hash_table_contains (seen, &row->pa_id))
        continue;
      g_hash_table_add (seen, &row->pa_id);
      g_array_append_val (out, c);
    }
  g_array_sort (out, compare_choices);
  return out;
}

/**
 * pathways_timeline_list_teams:
 *
 * Returns: (transfer full) (element-type PathwaysTimelineChoice): the
 * teams with someone on the timeline, by name
 */
GArray *
pathways_timeline_list_teams (PathwaysTimeline *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *out = g_array_new (FALSE, TRUE, sizeof (PathwaysTimelineChoice));

  g_return_val_if_fail (self != NULL, out);

  for (guint i = 0; i < self->rows->len; i++)
    {
      PathwaysTimelineRow *row = g_ptr_array_index (self->rows, i);
      PathwaysTimelineChoice c = { 0, row->team };

      if (row->team == NULL || !g_hash_table_add (seen, (gpointer) row->team))
        continue;
      g_array_append_val (out, c);
    }
  g_array_sort (out, compare_choices);
  return out;
}

gboolean
pathways_timeline_row_matches (const PathwaysTimelineRow  *row,
                               const PathwaysPersonFilter *filter)
{
  g_return_val_if_fail (row != NULL, FALSE);

  if (filter == NULL)
    return TRUE;
  return pathways_person_filter_matches (filter, row->pa_id, row->team, row->status_code,
                                         row->age, row->stage, row->alert_count);
}

static gboolean
key_matches (const RowKey               *k,
             const PathwaysPersonFilter *filter)
{
  return filter == NULL || pathways_person_filter_matches (filter, k->pa_id, k->team, k->status_code, k->age,
                                                           k->stage, k->alert_count);
}

/**
 * pathways_timeline_layout:
 *
 * Linear in the rows: each row's key is looked at once, in order, in
 * one block of memory; its group is a dense index made at load (no
 * hashing, no string built per row), and the groups' order by name is
 * fixed at load, so the rows are placed by a counting sort: no sorting
 * and no allocation per group at layout time.
 *
 * Returns: (transfer full) (element-type PathwaysTimelineLine): the
 * lines, top to bottom; they borrow from @self
 */
GArray *
pathways_timeline_layout (PathwaysTimeline           *self,
                          const PathwaysPersonFilter *filter,
                          PathwaysTimelineGroup       group,
                          guint                      *out_n_people)
{
  GArray *lines;
  g_autofree guint *slot_of = NULL;   /* each row's group place, or G_MAXUINT when filtered out */
  g_autofree guint *count = NULL;     /* rows in each group place (the last: nobody's) */
  g_autofree guint *next = NULL;      /* where the next row of each place goes */
  const char **labels;
  const guint *rank;
  guint n_groups, n_lines = 0;
  guint n_people = 0;

  g_return_val_if_fail (self != NULL, g_array_new (FALSE, TRUE, sizeof (PathwaysTimelineLine)));

  lines = g_array_sized_new (FALSE, TRUE, sizeof (PathwaysTimelineLine), self->rows->len);
  if (group == PATHWAYS_TIMELINE_GROUP_NONE)
    {
      for (guint i = 0; i < self->rows->len; i++)
        {
          const RowKey *k = &self->keys[i];
          PathwaysTimelineLine line = { k->row, NULL, 0 };

          if (!key_matches (k, filter))
            continue;
          g_array_append_val (lines, line);
          n_people++;
        }
      if (out_n_people)
        *out_n_people = n_people;
      return lines;
    }

  /* A counting sort by group place: two passes over the rows, no
   * allocation per group, no sorting at all (the places were fixed at
   * load), so linear in the rows */
  n_groups = group == PATHWAYS_TIMELINE_GROUP_PA ? self->n_pa_groups : self->n_team_groups;
  labels = group == PATHWAYS_TIMELINE_GROUP_PA ? self->pa_labels : self->team_labels;
  rank = group == PATHWAYS_TIMELINE_GROUP_PA ? self->pa_rank : self->team_rank;
  slot_of = g_new (guint, MAX (self->rows->len, 1));
  count = g_new0 (guint, n_groups + 1);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const RowKey *k = &self->keys[i];
      int index = group == PATHWAYS_TIMELINE_GROUP_PA ? k->pa_group : k->team_group;

      if (!key_matches (k, filter))
        {
          slot_of[i] = G_MAXUINT;
          continue;
        }
      slot_of[i] = index < 0 ? n_groups : rank[index];
      count[slot_of[i]]++;
      n_people++;
    }

  /* Each group's header, then room for its rows */
  {
    g_autofree const char **label_at = g_new0 (const char *, n_groups + 1);

    for (guint g = 0; g < n_groups; g++)
      label_at[rank[g]] = labels[g];
    label_at[n_groups] = group == PATHWAYS_TIMELINE_GROUP_PA ? _("No personal adviser") : _("No team");
    next = g_new (guint, n_groups + 1);
    g_array_set_size (lines, n_people + n_groups + 1);
    for (guint r = 0; r <= n_groups; r++)
      {
        PathwaysTimelineLine *header;

        if (count[r] == 0)
          continue;
        header = &g_array_index (lines, PathwaysTimelineLine, n_lines);
        *header = (PathwaysTimelineLine) { NULL, label_at[r], count[r] };
        next[r] = n_lines + 1;
        n_lines += count[r] + 1;
      }
    g_array_set_size (lines, n_lines);

    for (guint i = 0; i < self->rows->len; i++)
      {
        guint r = slot_of[i];

        if (r == G_MAXUINT)
          continue;
        g_array_index (lines, PathwaysTimelineLine, next[r]++) =
          (PathwaysTimelineLine) { self->keys[i].row, label_at[r], count[r] };
      }
  }

  if (out_n_people)
    *out_n_people = n_people;
  return lines;
}

/**
 * pathways_timeline_new_scaled:
 * @n_rows: how many young people the new timeline has
 *
 * A timeline of @n_rows young people made of copies of @self's rows:
 * the same pathways under new ids, each copy with its own personal
 * advisers (so that groups grow with the rows, as in a bigger
 * authority).  For benchmarks at sizes the generator does not make; not
 * for display.
 *
 * Returns: (transfer full): the new timeline
 */
PathwaysTimeline *
pathways_timeline_new_scaled (PathwaysTimeline *self,
                              guint             n_rows)
{
  PathwaysTimeline *big;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->rows->len > 0, NULL);

  big = g_new0 (PathwaysTimeline, 1);
  g_atomic_ref_count_init (&big->ref_count);
  big->on = g_strdup (self->on);
  big->authority = g_strdup (self->authority);
  big->base = pathways_timeline_ref (self);
  big->today = self->today;
  big->first_day = self->first_day;
  big->last_day = self->last_day;
  big->strings = g_string_chunk_new (64 * 1024);
  big->rows = g_ptr_array_new_full (n_rows, row_free);
  big->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < n_rows; i++)
    {
      const PathwaysTimelineRow *from = g_ptr_array_index (self->rows, i % self->rows->len);
      guint copy = i / self->rows->len;
      PathwaysTimelineRow *row = g_new (PathwaysTimelineRow, 1);

      *row = *from;
      row->id = from->id + (gint64) copy * G_GINT64_CONSTANT (1000000000);
      if (copy > 0)
        {
          g_autofree char *name = g_strdup_printf ("%s %u", from->name, copy + 1);
          g_autofree char *sort_name = g_strdup_printf ("%s %u", from->sort_name, copy + 1);

          row->name = intern (big, name);
          row->sort_name = intern (big, sort_name);
          if (from->pa_id != 0 && from->pa_name != NULL)
            {
              g_autofree char *pa = g_strdup_printf ("%s %u", from->pa_name, copy + 1);

              row->pa_id = from->pa_id + (gint64) copy * G_GINT64_CONSTANT (1000000000);
              row->pa_name = intern (big, pa);
            }
        }
      row->spans = g_array_ref (from->spans);
      row->moves = g_array_ref (from->moves);
      row->milestones = g_array_ref (from->milestones);
      g_ptr_array_add (big->rows, row);
      g_hash_table_insert (big->by_id, &row->id, row);
    }
  sort_rows (big);
  return big;
}
