/* pathways-exchange.c — writing exported files safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-exchange"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pathways-exchange.h"

G_DEFINE_QUARK (pathways-exchange-error-quark, pathways_exchange_error)

void
pathways_exchange_problem_free (PathwaysExchangeProblem *p)
{
  if (p == NULL)
    return;
  g_free (p->file);
  g_free (p->column);
  g_free (p->value);
  g_free (p->child);
  g_free (p->rule);
  g_free (p->message);
  g_free (p);
}

/**
 * pathways_exchange_problem_add:
 * @message: (transfer full): the whole sentence
 */
PathwaysExchangeProblem *
pathways_exchange_problem_add (GPtrArray           *problems,
                          PathwaysExchangeSeverity  severity,
                          const char          *file,
                          guint                row,
                          const char          *column,
                          const char          *value,
                          const char          *child,
                          char                *message)
{
  PathwaysExchangeProblem *p = g_new0 (PathwaysExchangeProblem, 1);

  p->severity = severity;
  p->file = g_strdup (file);
  p->row = row;
  p->column = g_strdup (column);
  p->value = g_strdup (value);
  p->child = g_strdup (child);
  p->message = message;
  g_ptr_array_add (problems, p);
  return p;
}


static gboolean
fail_errno (GError    **error,
            const char *path,
            int         saved)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: "Could not write /home/x/oc3.csv: No space left on device" */
  g_set_error (error, PATHWAYS_EXCHANGE_ERROR, PATHWAYS_EXCHANGE_ERROR_WRITE,
               _("Could not write %s: %s"), display, g_strerror (saved));
  return FALSE;
}

static int
open_temp (const char  *target,
           char       **out_temp,
           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *template = NULL;
  int fd;

  template = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  /* g_mkstemp_full adds O_CREAT | O_EXCL */
  fd = g_mkstemp_full (template, O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      fail_errno (error, target, errno);
      return -1;
    }
  *out_temp = g_steal_pointer (&template);
  return fd;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

char *
pathways_exchange_temp_create (const char  *target,
                               GError     **error)
{
  char *temp = NULL;
  int fd;

  g_return_val_if_fail (target != NULL, NULL);

  fd = open_temp (target, &temp, error);
  if (fd < 0)
    return NULL;
  close (fd);
  return temp;
}

gboolean
pathways_exchange_temp_commit (const char  *temp_path,
                               const char  *target,
                               GError     **error)
{
  int fd;
  int saved;

  g_return_val_if_fail (temp_path != NULL && target != NULL, FALSE);

  fd = g_open (temp_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0 || g_chmod (temp_path, 0600) != 0)
    {
      saved = errno;
      if (fd >= 0)
        close (fd);
      g_unlink (temp_path);
      return fail_errno (error, target, saved);
    }
  close (fd);
  if (g_rename (temp_path, target) != 0)
    {
      saved = errno;
      g_unlink (temp_path);
      return fail_errno (error, target, saved);
    }
  return TRUE;
}

void
pathways_exchange_temp_discard (const char *temp_path)
{
  if (temp_path != NULL)
    g_unlink (temp_path);
}

/**
 * pathways_exchange_write_files:
 *
 * Writes every file to a temporary file first; only when all of them
 * are written and synced (and no target is a folder) are they renamed
 * into place.  On a failure before that the temporary files are removed
 * and no target is touched; a rename that still fails (the disk went
 * away) leaves the files renamed before it in place.
 */
gboolean
pathways_exchange_write_files (guint                n_files,
                               const char * const  *paths,
                               GString * const     *contents,
                               GError             **error)
{
  g_autoptr(GPtrArray) temps = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;
  guint renamed = 0;

  for (guint i = 0; i < n_files && ok; i++)
    {
      char *temp = NULL;
      int fd = open_temp (paths[i], &temp, error);

      if (fd < 0)
        {
          ok = FALSE;
          break;
        }
      g_ptr_array_add (temps, temp);
      if (!write_all (fd, contents[i]->str, contents[i]->len) || fsync (fd) != 0)
        {
          int saved = errno;
          close (fd);
          ok = fail_errno (error, paths[i], saved);
          break;
        }
      if (close (fd) != 0)
        ok = fail_errno (error, paths[i], errno);
    }

  /* A target that is a folder would fail its rename half-way through */
  for (guint i = 0; i < n_files && ok; i++)
    if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
      ok = fail_errno (error, paths[i], EISDIR);

  for (guint i = 0; i < temps->len && ok; i++)
    {
      if (g_rename (g_ptr_array_index (temps, i), paths[i]) != 0)
        {
          ok = fail_errno (error, paths[i], errno);
          break;
        }
      renamed = i + 1;
    }

  if (!ok)
    for (guint i = renamed; i < temps->len; i++)
      g_unlink (g_ptr_array_index (temps, i));
  return ok;
}

gboolean
pathways_exchange_write_file (const char  *path,
                              const char  *data,
                              gsize        length,
                              GError     **error)
{
  g_autoptr(GString) s = g_string_new_len (data, (gssize) length);
  const char *paths[] = { path };
  GString *contents[] = { s };

  return pathways_exchange_write_files (1, paths, contents, error);
}
