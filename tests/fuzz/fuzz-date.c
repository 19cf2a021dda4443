/* fuzz-date.c — dates typed by people and read from files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>

#include "pathways-format.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *iso = NULL;
  GDate date;

  if (pathways_date_parse_user (text, &iso))
    {
      g_autofree char *uk = pathways_date_format_uk (iso);
      g_autofree char *later = pathways_date_add_days (iso, 1);

      g_assert (uk != NULL);
      (void) later;
    }
  (void) pathways_date_parse_iso (text, &date);
  return 0;
}
