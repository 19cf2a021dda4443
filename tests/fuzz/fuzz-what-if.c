/* fuzz-what-if.c — the planner's what-if files
 *
 * The whole input is a what-if file.  It is either accepted, with every
 * added unit well formed (an id below 0, a kind of the vocabulary, a
 * weekly cost from £0 to £100,000, ages from 0 to 30), or refused with an
 * error in UTF-8 that names the file and a line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "pathways-vocab.h"
#include "pathways-what-if.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysWhatIf) w = pathways_what_if_parse ((const char *) data, (gssize) size, "fuzz.txt",
                                                        "2026-11-22", &error);

  if (w == NULL)
    {
      g_assert (error != NULL);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      g_assert (g_str_has_prefix (error->message, "fuzz.txt, line "));
      return 0;
    }
  g_assert (error == NULL);
  {
    GPtrArray *added = pathways_what_if_get_added (w);
    g_assert (added->len <= 5000);
    for (guint i = 0; i < added->len; i++)
      {
        const PathwaysUnitFacts *u = g_ptr_array_index (added, i);
        g_assert (u->id < 0);
        g_assert (pathways_vocab_is_valid (PATHWAYS_VOCAB_UNIT_KIND, u->kind));
        g_assert (u->weekly_cost >= 0 && u->weekly_cost <= 10000000);
        g_assert (u->min_age >= 0 && u->min_age <= 30 && u->max_age >= 0 && u->max_age <= 30);
        g_assert (g_utf8_validate (u->name, -1, NULL) && g_utf8_validate (u->area, -1, NULL));
      }
  }
  return 0;
}
