/* pathways-import-dialog.h — Import SSDA903 Files…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_IMPORT_DIALOG (pathways_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysImportDialog, pathways_import_dialog, PATHWAYS, IMPORT_DIALOG, AdwWindow)

PathwaysImportDialog *pathways_import_dialog_new        (PathwaysContext      *context);

/* What a person would choose in the file chooser (the tests use it) */
void                  pathways_import_dialog_open_files (PathwaysImportDialog *self,
                                                         const char * const   *paths);

G_END_DECLS
