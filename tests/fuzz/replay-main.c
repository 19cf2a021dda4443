/* replay-main.c — feeds every file of a corpus folder to a fuzz harness
 *
 * Linked with each fuzz-NAME.c, so the committed corpus is replayed as
 * an ordinary test by every build (plain and sanitized), with or
 * without clang.  A crash, a sanitizer report or a hang fails the test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n = 0;

  if (argc != 2)
    {
      g_printerr ("usage: %s CORPUS-DIR\n", argv[0]);
      return 2;
    }

  dir = g_dir_open (argv[1], 0, &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (argv[1], name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
      n++;
    }

  if (n == 0)
    {
      g_printerr ("%s: the corpus is empty\n", argv[1]);
      return 1;
    }
  printf ("%u inputs replayed, 0 failed\n", n);
  return 0;
}
