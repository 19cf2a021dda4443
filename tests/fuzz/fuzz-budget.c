/* fuzz-budget.c — budget CSV: any bytes give lines and problems, or one clear error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>

#include "pathways-budget.h"
#include "pathways-budget-import.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysBudgetImport) import = NULL;

  import = pathways_budget_import_parse_bytes ("fuzz.csv", (const char *) data, size, &error);
  if (import == NULL)
    {
      g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert (import->lines->len <= import->rows_read);
  g_assert ((import->n_errors == 0) == (import->problems->len == 0));
  for (guint i = 0; i < import->problems->len; i++)
    {
      PathwaysExchangeProblem *p = g_ptr_array_index (import->problems, i);
      g_assert (p->message[0] != '\0' && g_utf8_validate (p->message, -1, NULL));
    }
  for (guint i = 0; i < import->lines->len; i++)
    {
      PathwaysBudgetImportLine *l = g_ptr_array_index (import->lines, i);
      g_autofree char *problem = pathways_budget_check_line (l->year, l->kind, l->amount, l->placement_weeks,
                                                             l->income);
      g_assert (problem == NULL);
    }
  return 0;
}
