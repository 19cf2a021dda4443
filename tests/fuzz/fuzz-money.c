/* fuzz-money.c — amounts typed by people, and every amount formatted
 *
 * The text is read as money: refused with a message, or read as an
 * amount that formats and reads back to itself.  The bytes after it are
 * any gint64 number of pence, formatted and read back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>

#include "fuzz-common.h"
#include "pathways-format.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
round_trip (gint64 pence)
{
  g_autofree char *text = pathways_money_format (pence);
  g_autoptr(GError) error = NULL;
  gint64 back = 0;

  g_assert (g_utf8_validate (text, -1, NULL));
  g_assert (pathways_money_parse (text, &back, &error));
  g_assert (back == pence);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  FuzzInput in;
  g_autoptr(GError) error = NULL;
  gint64 pence = 42;

  fuzz_input_init (&in, data, size);
  if (pathways_money_parse (in.text, &pence, &error))
    round_trip (pence);
  else
    {
      g_assert (pence == 42);
      g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
      g_assert (strlen (error->message) < 400);
    }
  round_trip (fuzz_input_int64 (&in));
  round_trip (G_MININT64);
  fuzz_input_clear (&in);
  return 0;
}
