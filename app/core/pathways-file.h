/* pathways-file.h — writing a file so that it is never half there, never
 * readable by others, and never written through a planted link
 *
 * Exports (reports, timelines, 903 files) name young people.  A
 * PathwaysSafeFile is a temporary file created beside the target — in
 * its folder, with O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC and mode
 * 0600 — that is written, synced and only then renamed over the target,
 * and the folder synced.  The target is refused if it is a symbolic
 * link (or not a regular file); on any failure the temporary file is
 * removed and the target left as it was.  No file Pathways did not
 * create is ever chmod-ed.
 *
 *   g_autoptr(PathwaysSafeFile) file = pathways_safe_file_new (path, error);
 *   if (file == NULL || !pathways_safe_file_write (file, data, len, error) ||
 *       !pathways_safe_file_commit (file, error))
 *     return FALSE;
 *
 * A writer that can only be given a file name (libxlsxwriter) writes to
 * pathways_safe_file_get_temp_path(); the commit then checks that the
 * name still leads to the file created here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _PathwaysSafeFile PathwaysSafeFile;

PathwaysSafeFile *pathways_safe_file_new           (const char        *path,
                                                    GError           **error);
const char       *pathways_safe_file_get_path      (PathwaysSafeFile  *self);
const char       *pathways_safe_file_get_temp_path (PathwaysSafeFile  *self);
int               pathways_safe_file_get_fd        (PathwaysSafeFile  *self);
gboolean          pathways_safe_file_write         (PathwaysSafeFile  *self,
                                                    const void        *data,
                                                    gsize              length,
                                                    GError           **error);
gboolean          pathways_safe_file_commit        (PathwaysSafeFile  *self,
                                                    GError           **error);
void              pathways_safe_file_free          (PathwaysSafeFile  *self);

gboolean          pathways_file_set_contents       (const char        *path,
                                                    const void        *data,
                                                    gsize              length,
                                                    GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysSafeFile, pathways_safe_file_free)

G_END_DECLS
