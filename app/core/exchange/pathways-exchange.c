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
#include "pathways-file.h"

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


/**
 * pathways_exchange_write_files:
 *
 * Writes every file to a private temporary file beside it first
 * (PathwaysSafeFile: 0600, O_EXCL | O_NOFOLLOW, synced); only when all
 * of them are written are they renamed into place.  On a failure before
 * that the temporary files are removed and no target is touched; a
 * rename that still fails (the disk went away) leaves the files renamed
 * before it in place.
 */
gboolean
pathways_exchange_write_files (guint                n_files,
                               const char * const  *paths,
                               GString * const     *contents,
                               GError             **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_safe_file_free);

  for (guint i = 0; i < n_files; i++)
    {
      PathwaysSafeFile *file = pathways_safe_file_new (paths[i], error);

      if (file == NULL)
        return FALSE;
      g_ptr_array_add (files, file);
      if (!pathways_safe_file_write (file, contents[i]->str, contents[i]->len, error))
        return FALSE;
    }

  for (guint i = 0; i < files->len; i++)
    if (!pathways_safe_file_commit (g_ptr_array_index (files, i), error))
      return FALSE;
  return TRUE;
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
