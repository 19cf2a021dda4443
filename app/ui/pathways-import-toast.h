/* pathways-import-toast.h — the toast after an import, with its Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

/* A toast saying @title with an Undo button that undoes the import
 * @import_id (pathways_import_undo_async(): refused, with the reason in a
 * toast, unless it is still the newest import not undone when the undo's
 * transaction runs); @undone_message is shown once it is undone.  Both
 * Import SSDA903… and Import Stock… use it. */
AdwToast *pathways_import_toast_new (PathwaysContext *context,
                                     const char      *title,
                                     gint64           import_id,
                                     const char      *undone_message);

/* What the toast's Undo does */
void      pathways_import_toast_undo (PathwaysContext *context,
                                      gint64           import_id,
                                      const char      *undone_message);

G_END_DECLS
