/* fuzz-903.c — 903 tables: recognition, row mapping, checks, merge and export checks
 *
 * The first byte picks a table whose header row is put in front of the
 * rest, so that the fuzzer spends its time on the rows; past the table
 * count the input is read as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "pathways-903.h"
#include "pathways-903-export.h"
#include "pathways-903-plan.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static Pathways903CodeTable *
codes_table (void)
{
  static Pathways903CodeTable *table;

  if (table == NULL)
    {
      const char *env = g_getenv ("PATHWAYS_903_CODES");
      g_autoptr(GError) error = NULL;

      table = pathways_903_code_table_new_from_file (env ? env : FUZZ_903_CODES, &error);
      g_assert_no_error (error);
    }
  return table;
}

static void
check_problems (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      PathwaysExchangeProblem *p = g_ptr_array_index (problems, i);
      g_assert (p->message != NULL && p->message[0] != '\0');
      g_assert (g_utf8_validate (p->message, -1, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  PathwaysCsvLimits limits = { .max_file_size = 1 << 20, .max_field_length = 256, .max_rows = 400 };
  Pathways903Codes codes = pathways_903_code_table_as_codes (codes_table ());
  g_autoptr(Pathways903Data) d = pathways_903_data_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) known = pathways_903_known_table_new ();
  Pathways903Plan *plan;
  Pathways903Table t;

  if (size == 0)
    return 0;
  if (data[0] > PATHWAYS_903_TABLE_NONE && data[0] < PATHWAYS_903_N_TABLES)
    {
      guint n = 0;
      g_autofree const char **cols = (const char **) pathways_903_table_columns (data[0], &n);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (text, "%s%s", cols[i], i + 1 < n ? "," : "\n");
    }
  g_string_append_len (text, (const char *) data + 1, (gssize) size - 1);

  t = pathways_903_read_table (d, "fuzz.csv", text->str, text->len, &limits, NULL, NULL, NULL, &error);
  if (error != NULL)
    {
      g_assert (t == PATHWAYS_903_TABLE_NONE);
      g_assert (g_utf8_validate (error->message, -1, NULL));
    }

  /* What the episodes would merge with: the same episodes, held */
  for (guint i = 0; i < d->episodes->len && i < 50; i++)
    {
      Pathways903Episode *e = pathways_903_episode_copy (g_ptr_array_index (d->episodes, i));
      Pathways903Known *k;

      if (e->child == NULL)
        {
          pathways_903_episode_free (e);
          continue;
        }
      k = g_hash_table_lookup (known, e->child);
      if (k == NULL)
        {
          k = g_new0 (Pathways903Known, 1);
          k->episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_903_episode_free);
          g_hash_table_insert (known, g_strdup (e->child), k);
        }
      e->src.file = NULL;
      g_ptr_array_add (k->episodes, e);
    }

  /* The export check over the same rows, then the plan (which takes the data) */
  pathways_903_check_return (d, 2026, &codes);
  check_problems (d->problems);
  plan = pathways_903_plan_build_from_data (g_steal_pointer (&d), NULL, &codes, known, NULL);
  check_problems (plan->data->problems);
  for (guint i = 0; i < plan->children->len; i++)
    {
      Pathways903ChildPlan *c = g_ptr_array_index (plan->children, i);
      g_assert (c->episodes_added + c->episodes_changed + c->episodes_unchanged + c->episodes_kept ==
                c->episodes->len);
    }
  {
    g_autofree char *summary = pathways_903_plan_summary (plan);
    g_assert (summary != NULL);
  }
  pathways_903_plan_free (plan);
  return 0;
}
