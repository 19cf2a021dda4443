/* fuzz-history-row.c — the audit log's rows, as the History reads them
 *
 * Any bytes are read as a flat JSON object: refused (NULL), or read into
 * keys and values that are all valid UTF-8 and no longer than the input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "pathways-history.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GHashTable) row = pathways_history_parse_row (text);
  GHashTableIter iter;
  gpointer key, value;

  if (row == NULL)
    return 0;
  g_hash_table_iter_init (&iter, row);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_assert (g_utf8_validate (key, -1, NULL));
      g_assert (strlen (key) <= size);
      g_assert (value == NULL || g_utf8_validate (value, -1, NULL));
      g_assert (value == NULL || strlen (value) <= size);
    }
  return 0;
}
