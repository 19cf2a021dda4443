/* fuzz-stock.c — stock lists: any bytes give units and problems, or one clear error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>

#include "pathways-entities.h"
#include "pathways-stock-import.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysStockImport) import = NULL;

  import = pathways_stock_import_parse_bytes ("fuzz.csv", (const char *) data, size, NULL, NULL, &error);
  if (import == NULL)
    {
      g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert (import->units->len == import->unit_rows->len);
  g_assert (import->units->len + import->rows_skipped <= import->rows_read);
  for (guint i = 0; i < import->problems->len; i++)
    {
      PathwaysExchangeProblem *p = g_ptr_array_index (import->problems, i);
      g_assert (p->message[0] != '\0' && g_utf8_validate (p->message, -1, NULL));
    }
  for (guint i = 0; i < import->units->len; i++)
    g_assert (pathways_record_get_string (g_ptr_array_index (import->units, i), "name") != NULL);
  return 0;
}
