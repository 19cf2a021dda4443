/* fuzz-csv.c — the CSV reader: any bytes give rows or one clear error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "pathways-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

typedef struct {
  guint last_row;
  guint rows;
} State;

static gboolean
row_cb (const PathwaysCsvRow  *row,
        gpointer               user_data,
        GError               **error)
{
  State *s = user_data;

  /* Rows only go forward, and every value is UTF-8 */
  g_assert (row->row > s->last_row);
  s->last_row = row->row;
  g_assert (row->n_fields > 0);
  for (guint i = 0; i < row->n_fields; i++)
    g_assert (g_utf8_validate (row->fields[i], -1, NULL));
  s->rows++;
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* Small bounds, so that the fuzzer reaches them */
  PathwaysCsvLimits limits = { .max_file_size = 1 << 20, .max_field_length = 256, .max_rows = 500,
                               .max_columns = 40 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  State s = { 0 };

  if (!pathways_csv_parse_bytes ("fuzz.csv", (const char *) data, size, &limits, row_cb, &s, NULL, NULL, &error))
    {
      g_assert (error != NULL && error->message[0] != '\0');
      g_assert (g_utf8_validate (error->message, -1, NULL));
      g_assert (strstr (error->message, "fuzz.csv") != NULL);
    }
  else
    g_assert (s.rows > 0);

  /* Writing quotes whatever it must */
  {
    g_autofree char *text = g_utf8_make_valid ((const char *) data, (gssize) MIN (size, 200));
    pathways_csv_append_field (out, text, TRUE);
  }
  return 0;
}
