/* fuzz-common.h — splitting a fuzzer's input into text and numbers
 *
 * An input is text, then (after the first NUL or newline) bytes read as
 * the numbers a harness needs; missing bytes are zero.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <string.h>

typedef struct {
  char          *text;   /* NUL-terminated copy of the text part */
  const uint8_t *rest;
  size_t         n_rest;
} FuzzInput;

static inline void
fuzz_input_init (FuzzInput     *in,
                 const uint8_t *data,
                 size_t         size)
{
  size_t n = 0;

  while (n < size && data[n] != '\0' && data[n] != '\n')
    n++;
  in->text = g_strndup ((const char *) data, n);
  in->rest = n < size ? data + n + 1 : data + size;
  in->n_rest = n < size ? size - n - 1 : 0;
}

static inline gint64
fuzz_input_int64 (FuzzInput *in)
{
  gint64 v = 0;
  size_t n = MIN (in->n_rest, sizeof v);

  memcpy (&v, in->rest, n);
  in->rest += n;
  in->n_rest -= n;
  return v;
}

static inline void
fuzz_input_clear (FuzzInput *in)
{
  g_clear_pointer (&in->text, g_free);
}
