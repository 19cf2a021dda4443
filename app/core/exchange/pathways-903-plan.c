/* pathways-903-plan.c — what importing a set of 903 files would do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pathways-903-plan.h"

/* Known children ------------------------------------------------------------- */

void
pathways_903_known_free (Pathways903Known *known)
{
  if (known == NULL)
    return;
  g_clear_pointer (&known->header, pathways_903_child_free);
  g_clear_pointer (&known->episodes, g_ptr_array_unref);
  g_free (known);
}

/**
 * pathways_903_known_table_new:
 *
 * Returns: (transfer full): an empty table CHILD (owned string) →
 *   Pathways903Known (owned), for pathways_903_plan_build()
 */
GHashTable *
pathways_903_known_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) pathways_903_known_free);
}

/* Merging -------------------------------------------------------------------- */

static int
by_decom (gconstpointer a,
          gconstpointer b)
{
  const Pathways903Episode *x = *(Pathways903Episode * const *) a;
  const Pathways903Episode *y = *(Pathways903Episode * const *) b;
  return g_strcmp0 (x->decom, y->decom);
}

/**
 * pathways_903_merge_episodes:
 * @existing: (nullable): the child's episodes Pathways holds
 * @incoming: the child's episodes from the files (rows without errors)
 * @out_merged: receives copies of the merged episodes, in DECOM order
 *
 * Same DECOM: the same episode (unchanged or changed); a new DECOM: an
 * added episode; an existing episode the files do not mention: kept.
 */
void
pathways_903_merge_episodes (GPtrArray *existing,
                             GPtrArray *incoming,
                             GPtrArray *out_merged,
                             guint     *out_added,
                             guint     *out_changed,
                             guint     *out_unchanged,
                             guint     *out_kept)
{
  g_autoptr(GHashTable) by_start = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) matched = g_hash_table_new (NULL, NULL);
  guint added = 0, changed = 0, unchanged = 0, kept = 0;

  for (guint i = 0; existing != NULL && i < existing->len; i++)
    {
      Pathways903Episode *e = g_ptr_array_index (existing, i);
      if (e->decom != NULL)
        g_hash_table_insert (by_start, e->decom, e);
    }

  for (guint i = 0; incoming != NULL && i < incoming->len; i++)
    {
      Pathways903Episode *in = g_ptr_array_index (incoming, i);
      Pathways903Episode *old;

      if (in->decom == NULL)
        continue;
      old = g_hash_table_lookup (by_start, in->decom);
      if (old != NULL && g_hash_table_contains (matched, old))
        continue;  /* the same episode twice in the files: reported as a duplicate */
      if (old == NULL)
        added++;
      else if (pathways_903_episode_equal (old, in))
        unchanged++;
      else
        changed++;
      if (old != NULL)
        g_hash_table_add (matched, old);
      g_ptr_array_add (out_merged, pathways_903_episode_copy (old != NULL && pathways_903_episode_equal (old, in) ? old : in));
    }

  for (guint i = 0; existing != NULL && i < existing->len; i++)
    {
      Pathways903Episode *e = g_ptr_array_index (existing, i);
      if (!g_hash_table_contains (matched, e))
        {
          kept++;
          g_ptr_array_add (out_merged, pathways_903_episode_copy (e));
        }
    }
  g_ptr_array_sort (out_merged, by_decom);

  if (out_added)
    *out_added = added;
  if (out_changed)
    *out_changed = changed;
  if (out_unchanged)
    *out_unchanged = unchanged;
  if (out_kept)
    *out_kept = kept;
}

/* Plans ---------------------------------------------------------------------- */

static void
file_info_free (Pathways903FileInfo *f)
{
  g_free (f->path);
  g_free (f->name);
  g_free (f->sha256);
  g_free (f);
}

static void
child_plan_free (Pathways903ChildPlan *c)
{
  g_free (c->child);
  g_clear_pointer (&c->episodes, g_ptr_array_unref);
  g_clear_pointer (&c->reviews, g_ptr_array_unref);
  g_clear_pointer (&c->missing, g_ptr_array_unref);
  g_free (c);
}

void
pathways_903_plan_free (Pathways903Plan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->files, g_ptr_array_unref);
  g_clear_pointer (&plan->children, g_ptr_array_unref);
  g_clear_pointer (&plan->data, pathways_903_data_free);
  g_free (plan);
}

static gboolean
child_equal (const Pathways903Child *a,
             const Pathways903Child *b)
{
  return g_strcmp0 (a->sex, b->sex) == 0 && g_strcmp0 (a->dob, b->dob) == 0 &&
         g_strcmp0 (a->ethnic, b->ethnic) == 0 && g_strcmp0 (a->upn, b->upn) == 0 &&
         g_strcmp0 (a->mother, b->mother) == 0 && g_strcmp0 (a->mc_dob, b->mc_dob) == 0;
}

static Pathways903ChildPlan *
child_plan_for (GHashTable *plans,
                GHashTable *known,
                const char *child)
{
  Pathways903ChildPlan *c = g_hash_table_lookup (plans, child);

  if (c == NULL)
    {
      c = g_new0 (Pathways903ChildPlan, 1);
      c->child = g_strdup (child);
      c->is_new = known == NULL || !g_hash_table_contains (known, child);
      c->episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_903_episode_free);
      c->reviews = g_ptr_array_new ();
      c->missing = g_ptr_array_new ();
      g_hash_table_insert (plans, c->child, c);
    }
  return c;
}

static int
by_child (gconstpointer a,
          gconstpointer b)
{
  const Pathways903ChildPlan *x = *(Pathways903ChildPlan * const *) a;
  const Pathways903ChildPlan *y = *(Pathways903ChildPlan * const *) b;
  return strcmp (x->child, y->child);
}

/* An incoming episode that overlaps one Pathways holds: an error on its row */
static gboolean
check_merged (Pathways903Data      *data,
              Pathways903ChildPlan *c,
              GPtrArray            *incoming)
{
  gboolean found = FALSE;

  for (guint i = 1; i < c->episodes->len; i++)
    {
      Pathways903Episode *prev = g_ptr_array_index (c->episodes, i - 1);
      Pathways903Episode *e = g_ptr_array_index (c->episodes, i);
      Pathways903Episode *from_files = NULL;
      Pathways903Episode *held;

      if (e->decom == NULL || prev->decom == NULL || (prev->dec != NULL && strcmp (e->decom, prev->dec) >= 0))
        continue;
      /* Which of the two came from the files?  (Held episodes have no file.) */
      for (guint j = 0; j < incoming->len && from_files == NULL; j++)
        {
          Pathways903Episode *in = g_ptr_array_index (incoming, j);
          if ((e->src.file != NULL && g_strcmp0 (in->decom, e->decom) == 0) ||
              (prev->src.file != NULL && g_strcmp0 (in->decom, prev->decom) == 0))
            from_files = in;
        }
      if (from_files == NULL || from_files->src.bad)
        continue;
      held = g_strcmp0 (from_files->decom, e->decom) == 0 ? prev : e;
      {
        char a[11], b[11];
        pathways_903_date_format (from_files->decom, a);
        pathways_903_date_format (held->decom, b);
        from_files->src.bad = TRUE;
        data->n_errors++;
        pathways_exchange_problem_add (data->problems, PATHWAYS_PROBLEM_ERROR, from_files->src.file, from_files->src.row,
                                  "DECOM", a, c->child,
                                  /* Translators: "episodes.csv row 5, DECOM 01/05/2024: overlaps the episode Pathways holds for CHILD ‘77’ from 01/01/2024" */
                                  g_strdup_printf (_("%s row %u, %s %s: overlaps the episode Pathways holds for CHILD ‘%s’ from %s"),
                                                   from_files->src.file, from_files->src.row, "DECOM", a, c->child, b));
        found = TRUE;
      }
    }
  return found;
}

static guint
count_bad (GPtrArray *rows)
{
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    n += ((Pathways903Source *) g_ptr_array_index (rows, i))->bad;
  return n;
}

/**
 * pathways_903_plan_build_from_data:
 * @data: (transfer full): rows read by pathways_903_read_table()
 * @files: (transfer full) (nullable): Pathways903FileInfo
 * @known: (nullable): CHILD → Pathways903Known; read, not changed
 *
 * Checks @data and merges it with what Pathways holds.
 *
 * Returns: (transfer full): the plan
 */
Pathways903Plan *
pathways_903_plan_build_from_data (Pathways903Data              *data,
                                   GPtrArray                    *files,
                                   const Pathways903Codes       *codes,
                                   GHashTable                   *known,
                                   const Pathways903PlanOptions *options)
{
  Pathways903Plan *plan = g_new0 (Pathways903Plan, 1);
  g_autoptr(GHashTable) plans = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) incoming = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  plan->data = data;
  plan->files = files ? files : g_ptr_array_new_with_free_func ((GDestroyNotify) file_info_free);
  plan->on_error = options ? options->on_error : PATHWAYS_903_SKIP_BAD_ROWS;
  plan->collection_year = options && options->collection_year > 0 ? options->collection_year
                                                                   : pathways_903_data_guess_year (data);
  pathways_903_data_check (data, codes, plan->collection_year);

  for (guint i = 0; i < data->children->len; i++)
    {
      Pathways903Child *h = g_ptr_array_index (data->children, i);
      Pathways903ChildPlan *c;

      if (h->src.bad)
        continue;
      c = child_plan_for (plans, known, h->child);
      if (c->header == NULL)
        c->header = h;
    }
  for (guint i = 0; i < data->uasc->len; i++)
    {
      Pathways903Uasc *u = g_ptr_array_index (data->uasc, i);
      if (!u->src.bad)
        {
          Pathways903ChildPlan *c = child_plan_for (plans, known, u->child);
          if (c->uasc == NULL)
            c->uasc = u;
        }
    }
  for (guint i = 0; i < data->oc3->len; i++)
    {
      Pathways903Oc3 *o = g_ptr_array_index (data->oc3, i);
      if (!o->src.bad)
        {
          Pathways903ChildPlan *c = child_plan_for (plans, known, o->child);
          if (c->oc3 == NULL)
            c->oc3 = o;
        }
    }
  for (guint i = 0; i < data->reviews->len; i++)
    {
      Pathways903Review *r = g_ptr_array_index (data->reviews, i);
      if (!r->src.bad)
        g_ptr_array_add (child_plan_for (plans, known, r->child)->reviews, r);
    }
  for (guint i = 0; i < data->missing->len; i++)
    {
      Pathways903Missing *m = g_ptr_array_index (data->missing, i);
      if (!m->src.bad)
        g_ptr_array_add (child_plan_for (plans, known, m->child)->missing, m);
    }
  for (guint i = 0; i < data->episodes->len; i++)
    {
      Pathways903Episode *e = g_ptr_array_index (data->episodes, i);
      GPtrArray *list;

      if (e->src.bad)
        continue;
      child_plan_for (plans, known, e->child);
      list = g_hash_table_lookup (incoming, e->child);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (incoming, e->child, list);
        }
      g_ptr_array_add (list, e);
    }

  plan->children = g_ptr_array_new_with_free_func ((GDestroyNotify) child_plan_free);
  g_hash_table_iter_init (&iter, plans);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (plan->children, value);
  g_ptr_array_sort (plan->children, by_child);

  for (guint i = 0; i < plan->children->len; i++)
    {
      Pathways903ChildPlan *c = g_ptr_array_index (plan->children, i);
      Pathways903Known *k = known ? g_hash_table_lookup (known, c->child) : NULL;
      GPtrArray *in = g_hash_table_lookup (incoming, c->child);
      g_autoptr(GPtrArray) good = g_ptr_array_new ();

      for (int pass = 0; pass < 2; pass++)
        {
          g_ptr_array_set_size (good, 0);
          for (guint j = 0; in != NULL && j < in->len; j++)
            if (!((Pathways903Episode *) g_ptr_array_index (in, j))->src.bad)
              g_ptr_array_add (good, g_ptr_array_index (in, j));
          g_ptr_array_set_size (c->episodes, 0);
          pathways_903_merge_episodes (k ? k->episodes : NULL, good, c->episodes, &c->episodes_added,
                                       &c->episodes_changed, &c->episodes_unchanged, &c->episodes_kept);
          if (pass == 0 && !check_merged (data, c, good))
            break;
        }

      c->header_changed = !c->is_new && k != NULL && k->header != NULL && c->header != NULL &&
                          !child_equal (k->header, c->header);
      if (c->is_new)
        plan->children_added++;
      else if (c->header_changed || c->episodes_added > 0 || c->episodes_changed > 0)
        plan->children_updated++;
      else
        plan->children_unchanged++;
      plan->episodes_added += c->episodes_added;
      plan->episodes_changed += c->episodes_changed;
      plan->episodes_unchanged += c->episodes_unchanged;
    }

  plan->rows_read = data->children->len + data->episodes->len + data->uasc->len + data->oc3->len +
                    data->reviews->len + data->missing->len;
  plan->rows_skipped = count_bad (data->children) + count_bad (data->episodes) + count_bad (data->uasc) +
                       count_bad (data->oc3) + count_bad (data->reviews) + count_bad (data->missing);
  plan->refused = plan->on_error == PATHWAYS_903_REFUSE && data->n_errors > 0;
  return plan;
}

static int
by_path (gconstpointer a,
         gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/**
 * pathways_903_expand_paths:
 * @paths: files and folders
 *
 * Returns: (transfer full): the files, each folder replaced by the CSV
 *   files in it (by name)
 */
char **
pathways_903_expand_paths (const char * const  *paths,
                           GError             **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) dir = g_dir_open (paths[i], 0, error);
          g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
          const char *name;

          if (dir == NULL)
            return NULL;
          while ((name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *lower = g_ascii_strdown (name, -1);
              g_autofree char *path = g_build_filename (paths[i], name, NULL);

              if (g_str_has_suffix (lower, ".csv") && g_file_test (path, G_FILE_TEST_IS_REGULAR))
                g_ptr_array_add (found, g_steal_pointer (&path));
            }
          g_ptr_array_sort (found, by_path);
          for (guint j = 0; j < found->len; j++)
            g_ptr_array_add (out, g_strdup (g_ptr_array_index (found, j)));
        }
      else if (g_file_test (paths[i], G_FILE_TEST_EXISTS))
        g_ptr_array_add (out, g_strdup (paths[i]));
      else
        {
          g_autofree char *display = g_filename_display_name (paths[i]);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s does not exist"), display);
          return NULL;
        }
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

/* Moves one file's rows and problems into the import's data */
static void
absorb (Pathways903Data *into,
        Pathways903Data *from)
{
  GPtrArray *pairs[][2] = {
    { into->children, from->children }, { into->episodes, from->episodes }, { into->uasc, from->uasc },
    { into->oc3, from->oc3 }, { into->reviews, from->reviews }, { into->missing, from->missing },
    { into->problems, from->problems },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      GPtrArray *dst = pairs[i][0], *src = pairs[i][1];
      for (guint j = 0; j < src->len; j++)
        g_ptr_array_add (dst, src->pdata[j]);
      g_ptr_array_set_free_func (src, NULL);
      g_ptr_array_set_size (src, 0);
    }
  into->n_errors += from->n_errors;
  into->n_warnings += from->n_warnings;
}

/**
 * pathways_903_plan_build:
 * @paths: files and folders of CSV files
 * @codes: the code lists
 * @known: (nullable): CHILD → Pathways903Known: what Pathways holds
 * @progress: (nullable): called as each file is read
 *
 * Reads, recognises and checks every file and works out what importing
 * them would change.  A file that cannot be read is a problem in the
 * plan, not a failure.
 *
 * Returns: (transfer full): the plan, or %NULL when cancelled or when a
 *   path does not exist
 */
Pathways903Plan *
pathways_903_plan_build (const char * const            *paths,
                         const Pathways903Codes        *codes,
                         GHashTable                    *known,
                         const Pathways903PlanOptions  *options,
                         Pathways903ProgressFunc        progress,
                         gpointer                       progress_data,
                         GCancellable                  *cancellable,
                         GError                       **error)
{
  g_auto(GStrv) files = pathways_903_expand_paths (paths, error);
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(Pathways903Data) data = NULL;
  guint64 total = 0, done = 0;

  if (files == NULL)
    return NULL;

  infos = g_ptr_array_new_with_free_func ((GDestroyNotify) file_info_free);
  for (guint i = 0; files[i] != NULL; i++)
    {
      GStatBuf st;
      if (g_stat (files[i], &st) == 0)
        total += (guint64) st.st_size;
    }

  data = pathways_903_data_new ();
  for (guint i = 0; files[i] != NULL; i++)
    {
      Pathways903FileInfo *info = g_new0 (Pathways903FileInfo, 1);
      g_autoptr(Pathways903Data) one = pathways_903_data_new ();
      g_autoptr(GError) local = NULL;
      g_autofree char *bytes = NULL;
      gsize length = 0;

      info->path = g_strdup (files[i]);
      info->name = g_filename_display_basename (files[i]);
      g_ptr_array_add (infos, info);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (progress)
        progress (total > 0 ? (double) done / (double) total * 0.9 : 0.0, info->name, progress_data);

      bytes = pathways_csv_read_file (files[i], options ? options->limits : NULL, &length, &info->sha256,
                                      cancellable, &local);
      if (bytes != NULL)
        {
          info->size = length;
          info->table = pathways_903_read_table (one, info->name, bytes, length,
                                                 options ? options->limits : NULL, &info->encoding,
                                                 &info->rows, cancellable, &local);
        }
      done += length;

      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (local != NULL)
        {
          Pathways903Data *d = data;
          info->failed = TRUE;
          info->table = PATHWAYS_903_TABLE_NONE;
          d->n_errors++;
          /* The reader's messages already name the file and row */
          pathways_exchange_problem_add (d->problems, PATHWAYS_PROBLEM_ERROR, info->name, 0, NULL, NULL, NULL,
                                    g_strdup (local->message));
          continue;  /* a file that is not whole CSV gives no rows at all */
        }
      if (info->encoding == PATHWAYS_CSV_ENCODING_WINDOWS_1252)
        pathways_exchange_problem_add (one->problems, PATHWAYS_PROBLEM_NOTE, info->name, 0, NULL, NULL, NULL,
                                  /* Translators: "episodes.csv: read as Windows-1252 text (it is not UTF-8)" */
                                  g_strdup_printf (_("%s: read as Windows-1252 text (it is not UTF-8)"), info->name));
      absorb (data, one);
    }

  if (progress)
    progress (0.95, NULL, progress_data);
  {
    Pathways903Plan *plan = pathways_903_plan_build_from_data (g_steal_pointer (&data), g_steal_pointer (&infos),
                                                               codes, known, options);
    if (progress)
      progress (1.0, NULL, progress_data);
    return plan;
  }
}

/* Off the main thread -------------------------------------------------------- */

typedef struct {
  gatomicrefcount         ref;
  Pathways903ProgressFunc func;
  gpointer                data;
  GDestroyNotify          destroy;
  GMainContext           *context;
  double                  last;
} Relay;

typedef struct {
  Relay *relay;
  double fraction;
  char  *file;
} RelayMessage;

typedef struct {
  char                  **paths;
  Pathways903CodeTable   *codes;
  GHashTable             *known;
  Pathways903PlanOptions  options;
  PathwaysCsvLimits       limits;
  Relay                  *relay;
} BuildData;

static gboolean
relay_destroy_cb (gpointer user_data)
{
  Relay *r = user_data;

  if (r->destroy)
    r->destroy (r->data);
  g_main_context_unref (r->context);
  g_free (r);
  return G_SOURCE_REMOVE;
}

/* The last reference may go in the worker thread: the caller's destroy
 * function still runs in the caller's main context */
static void
relay_unref (Relay *r)
{
  if (r != NULL && g_atomic_ref_count_dec (&r->ref))
    {
      /* Not g_main_context_invoke(): from a worker thread it calls the
       * function there when the default context is free */
      GSource *idle = g_idle_source_new ();
      GMainContext *context = r->context;

      g_source_set_callback (idle, relay_destroy_cb, r, NULL);
      g_source_set_static_name (idle, "[pathways] import progress done");
      g_source_attach (idle, context);
      g_source_unref (idle);
    }
}

static gboolean
relay_deliver (gpointer user_data)
{
  RelayMessage *m = user_data;
  m->relay->func (m->fraction, m->file, m->relay->data);
  return G_SOURCE_REMOVE;
}

static void
relay_message_free (gpointer user_data)
{
  RelayMessage *m = user_data;
  relay_unref (m->relay);
  g_free (m->file);
  g_free (m);
}

/* In the worker thread: hand the progress to the caller's main context */
static void
relay_progress (double      fraction,
                const char *file,
                gpointer    user_data)
{
  Relay *r = user_data;
  RelayMessage *m;

  if (file == NULL && fraction - r->last < 0.01 && fraction < 1.0)
    return;
  r->last = fraction;
  m = g_new0 (RelayMessage, 1);
  g_atomic_ref_count_inc (&r->ref);
  m->relay = r;
  m->fraction = fraction;
  m->file = g_strdup (file);
  {
    GSource *idle = g_idle_source_new ();

    g_source_set_priority (idle, G_PRIORITY_DEFAULT);
    g_source_set_callback (idle, relay_deliver, m, relay_message_free);
    g_source_set_static_name (idle, "[pathways] import progress");
    g_source_attach (idle, r->context);
    g_source_unref (idle);
  }
}

static void
build_data_free (BuildData *b)
{
  g_strfreev (b->paths);
  g_clear_pointer (&b->codes, pathways_903_code_table_unref);
  g_clear_pointer (&b->known, g_hash_table_unref);
  relay_unref (b->relay);
  g_free (b);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildData *b = task_data;
  Pathways903Codes codes = pathways_903_code_table_as_codes (b->codes);
  GError *error = NULL;
  Pathways903Plan *plan;

  plan = pathways_903_plan_build ((const char * const *) b->paths, &codes, b->known, &b->options,
                                  b->relay ? relay_progress : NULL, b->relay, cancellable, &error);
  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, (GDestroyNotify) pathways_903_plan_free);
}

/**
 * pathways_903_plan_build_async:
 * @codes: the code lists (a reference is kept while the work runs)
 * @known: (nullable): as for pathways_903_plan_build(); a reference is
 *   kept, and it must not be changed until the work is finished
 * @progress: (nullable): called in the calling thread's main context
 *
 * Builds the plan in a worker thread.
 */
void
pathways_903_plan_build_async (const char * const            *paths,
                               Pathways903CodeTable          *codes,
                               GHashTable                    *known,
                               const Pathways903PlanOptions  *options,
                               Pathways903ProgressFunc        progress,
                               gpointer                       progress_data,
                               GDestroyNotify                 progress_destroy,
                               GCancellable                  *cancellable,
                               GAsyncReadyCallback            callback,
                               gpointer                       user_data)
{
  g_autoptr(GTask) task = NULL;
  BuildData *b;

  g_return_if_fail (paths != NULL);
  g_return_if_fail (codes != NULL);

  b = g_new0 (BuildData, 1);
  b->paths = g_strdupv ((char **) paths);
  b->codes = pathways_903_code_table_ref (codes);
  b->known = known ? g_hash_table_ref (known) : NULL;
  if (options)
    {
      b->options = *options;
      if (options->limits)
        {
          b->limits = *options->limits;
          b->options.limits = &b->limits;
        }
    }
  if (progress)
    {
      b->relay = g_new0 (Relay, 1);
      g_atomic_ref_count_init (&b->relay->ref);
      b->relay->func = progress;
      b->relay->data = progress_data;
      b->relay->destroy = progress_destroy;
      b->relay->context = g_main_context_ref_thread_default ();
    }
  else if (progress_destroy)
    progress_destroy (progress_data);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pathways_903_plan_build_async);
  g_task_set_task_data (task, b, (GDestroyNotify) build_data_free);
  g_task_run_in_thread (task, build_thread);
}

Pathways903Plan *
pathways_903_plan_build_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pathways_903_plan_build_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * pathways_903_plan_summary:
 *
 * Returns: (transfer full): what the import would do, one sentence a line
 */
char *
pathways_903_plan_summary (Pathways903Plan *plan)
{
  GString *s = g_string_new (NULL);

  if (plan->refused)
    g_string_append_printf (s, "%s\n", _("Nothing would be imported: the files have errors and the import refuses them all."));
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u young person would be added", "%u young people would be added",
                                          plan->children_added), plan->children_added);
  g_string_append_c (s, '\n');
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u young person would be updated", "%u young people would be updated",
                                          plan->children_updated), plan->children_updated);
  g_string_append_c (s, '\n');
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u episode would be added", "%u episodes would be added",
                                          plan->episodes_added), plan->episodes_added);
  g_string_append_c (s, '\n');
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u episode would be changed", "%u episodes would be changed",
                                          plan->episodes_changed), plan->episodes_changed);
  g_string_append_c (s, '\n');
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u episode is already held unchanged", "%u episodes are already held unchanged",
                                          plan->episodes_unchanged), plan->episodes_unchanged);
  g_string_append_c (s, '\n');
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u row has errors and would be skipped", "%u rows have errors and would be skipped",
                                          plan->rows_skipped), plan->rows_skipped);
  g_string_append_c (s, '\n');
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", plan->data->n_warnings),
                          plan->data->n_warnings);
  return g_string_free (s, FALSE);
}
