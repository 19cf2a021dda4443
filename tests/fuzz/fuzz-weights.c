/* fuzz-weights.c — readiness weights, and readiness with them
 *
 * The text is the readiness_weights setting; the bytes after it give
 * milestone counts.  Weights are accepted only when finite, from 0 to
 * 100 and not all 0; readiness is -1 or a whole percentage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <math.h>
#include <stdint.h>

#include "fuzz-common.h"
#include "pathways-rules.h"
#include "pathways-settings.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
quiet (const char     *domain,
       GLogLevelFlags  level,
       const char     *message,
       gpointer        data)
{
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  FuzzInput in;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) table = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(PathwaysRuleSettings) rules = NULL;
  double weights[PATHWAYS_N_MILESTONE_CATEGORIES];
  PathwaysPersonFacts person = { 0 };
  int readiness;

  g_log_set_handler ("pathways-settings", G_LOG_LEVEL_WARNING, quiet, NULL);
  fuzz_input_init (&in, data, size);

  if (pathways_readiness_weights_parse (in.text, weights, &error))
    {
      double total = 0;
      for (guint c = 0; c < PATHWAYS_N_MILESTONE_CATEGORIES; c++)
        {
          g_assert (isfinite (weights[c]) && weights[c] >= 0 && weights[c] <= 100);
          total += weights[c];
        }
      g_assert (total > 0);
    }
  else
    g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));

  g_hash_table_insert (table, "readiness_weights", in.text);
  rules = pathways_rule_settings_new_from_table (table, NULL);
  for (guint c = 0; c < PATHWAYS_N_MILESTONE_CATEGORIES; c++)
    {
      gint64 n = fuzz_input_int64 (&in);
      person.milestones_total[c] = (int) ((guint64) n % 1000000);
      person.milestones_done[c] = (int) ((guint64) (n >> 32) % ((guint64) person.milestones_total[c] + 1));
    }
  readiness = pathways_rules_readiness (rules, &person);
  g_assert (readiness == -1 || (readiness >= 0 && readiness <= 100));

  fuzz_input_clear (&in);
  return 0;
}
