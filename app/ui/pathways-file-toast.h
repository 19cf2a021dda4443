/* pathways-file-toast.h — "Saved as …" with Open and Show in Files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A toast for a file just written: @title, an Open button (the file's
 * default application) and Show in Files (the file manager, with the file
 * selected; its folder where there is no file manager service) */
AdwToast *pathways_file_toast_new (const char *title,
                                   GFile      *file);

G_END_DECLS
