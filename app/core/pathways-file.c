/* pathways-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pathways-file.h"

struct _PathwaysSafeFile
{
  char     *path;
  char     *temp_path;
  char     *folder;
  int       fd;
  dev_t     dev;
  ino_t     ino;
  gboolean  committed;
};

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  /* Translators: a file name, then why ("No space left on device") */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("Could not write “%s”: %s"),
               name, g_strerror (saved_errno));
  return FALSE;
}

/* The target must be a regular file, or not there yet */
static gboolean
check_target (const char  *path,
              GError     **error)
{
  GStatBuf st;
  g_autofree char *name = NULL;

  if (g_lstat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return TRUE;
      return set_errno_error (error, errno, path);
    }
  if (S_ISREG (st.st_mode))
    return TRUE;

  name = g_filename_display_basename (path);
  if (S_ISLNK (st.st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is a symbolic link: Pathways does not write through links, so choose another name"),
                 name);
  else if (S_ISDIR (st.st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("“%s” is a folder: choose a file name"), name);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is not an ordinary file: choose another name"), name);
  return FALSE;
}

/**
 * pathways_safe_file_new:
 * @path: the file to write (created or replaced by the commit)
 *
 * Creates the temporary file beside @path, private to the user (0600).
 *
 * Returns: (transfer full) (nullable): the file to write, or %NULL with
 * @error saying why (the target is a link, its folder is missing …)
 */
PathwaysSafeFile *
pathways_safe_file_new (const char  *path,
                        GError     **error)
{
  g_autoptr(PathwaysSafeFile) self = NULL;
  g_autofree char *base = NULL;
  struct stat st;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);

  if (!check_target (path, error))
    return NULL;

  self = g_new0 (PathwaysSafeFile, 1);
  self->fd = -1;
  self->path = g_strdup (path);
  self->folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Hidden, beside the target (so the rename stays on one file system) */
  self->temp_path = g_strdup_printf ("%s%c.%s.XXXXXX", self->folder, G_DIR_SEPARATOR, base);
  /* g_mkstemp_full() adds O_CREAT | O_EXCL */
  self->fd = g_mkstemp_full (self->temp_path, O_RDWR | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      int saved_errno = errno;
      g_clear_pointer (&self->temp_path, g_free);
      set_errno_error (error, saved_errno, path);
      return NULL;
    }
  /* Ours, just made: exactly 0600 whatever the umask */
  if (fchmod (self->fd, 0600) != 0 || fstat (self->fd, &st) != 0)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }
  self->dev = st.st_dev;
  self->ino = st.st_ino;
  return g_steal_pointer (&self);
}

const char *
pathways_safe_file_get_path (PathwaysSafeFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

/**
 * pathways_safe_file_get_temp_path:
 *
 * Returns: the temporary file's name, for writers that open by name
 */
const char *
pathways_safe_file_get_temp_path (PathwaysSafeFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->temp_path;
}

int
pathways_safe_file_get_fd (PathwaysSafeFile *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->fd;
}

gboolean
pathways_safe_file_write (PathwaysSafeFile  *self,
                          const void        *data,
                          gsize              length,
                          GError           **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL && self->fd >= 0 && !self->committed, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  while (length > 0)
    {
      gssize n = write (self->fd, p, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return set_errno_error (error, n < 0 ? errno : ENOSPC, self->path);
      p += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/**
 * pathways_safe_file_commit:
 *
 * Syncs the temporary file, renames it over the target (refused if the
 * target has become a link or the temporary name no longer leads to the
 * file made by pathways_safe_file_new()) and syncs the folder.  On
 * failure the temporary file is removed and the target is untouched.
 */
gboolean
pathways_safe_file_commit (PathwaysSafeFile  *self,
                           GError           **error)
{
  GStatBuf st;
  int saved_errno, dir_fd;

  g_return_val_if_fail (self != NULL && self->fd >= 0 && !self->committed, FALSE);

  if (fsync (self->fd) != 0)
    goto failed;
  if (close (self->fd) != 0)
    {
      self->fd = -1;
      goto failed;
    }
  self->fd = -1;

  if (g_lstat (self->temp_path, &st) != 0)
    goto failed;
  if (!S_ISREG (st.st_mode) || st.st_dev != self->dev || st.st_ino != self->ino)
    {
      g_autofree char *name = g_filename_display_basename (self->path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: its temporary file was replaced while it was written"), name);
      return FALSE;
    }
  if (!check_target (self->path, error))
    return FALSE;
  if (g_rename (self->temp_path, self->path) != 0)
    goto failed;
  self->committed = TRUE;

  /* The rename itself, on disk: best effort where a folder cannot be synced */
  dir_fd = g_open (self->folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      if (fsync (dir_fd) != 0 && errno == EIO)
        {
          saved_errno = errno;
          close (dir_fd);
          return set_errno_error (error, saved_errno, self->path);
        }
      close (dir_fd);
    }
  return TRUE;

failed:
  saved_errno = errno;
  return set_errno_error (error, saved_errno, self->path);
}

/**
 * pathways_safe_file_free:
 *
 * Removes the temporary file unless it was committed.
 */
void
pathways_safe_file_free (PathwaysSafeFile *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  if (!self->committed && self->temp_path != NULL)
    g_unlink (self->temp_path);
  g_free (self->path);
  g_free (self->temp_path);
  g_free (self->folder);
  g_free (self);
}

/**
 * pathways_file_set_contents:
 *
 * g_file_set_contents(), safely: see pathways_safe_file_new().
 */
gboolean
pathways_file_set_contents (const char  *path,
                            const void  *data,
                            gsize        length,
                            GError     **error)
{
  g_autoptr(PathwaysSafeFile) file = pathways_safe_file_new (path, error);

  return file != NULL && pathways_safe_file_write (file, data, length, error) &&
         pathways_safe_file_commit (file, error);
}
