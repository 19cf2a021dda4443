/* pathways-903-export-dialog.h — Export → SSDA903 Return… from the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_903_EXPORT_DIALOG (pathways_903_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (Pathways903ExportDialog, pathways_903_export_dialog, PATHWAYS, 903_EXPORT_DIALOG, AdwWindow)

/* The collection year (1 April to 31 March; by default the last complete
 * year on the context's today) and the folder to write header.csv,
 * episodes.csv and oc3.csv into.  Its actions: "export-903.export" (checks
 * the return in a worker thread, then writes it or lists the breaches),
 * "export-903.force" (Export Anyway, once breaches are listed) and
 * "export-903.cancel" */
Pathways903ExportDialog *pathways_903_export_dialog_new        (PathwaysContext         *context);

int                      pathways_903_export_dialog_get_year   (Pathways903ExportDialog *self);
void                     pathways_903_export_dialog_set_year   (Pathways903ExportDialog *self,
                                                                int                      year);
GFile                   *pathways_903_export_dialog_get_folder (Pathways903ExportDialog *self);
void                     pathways_903_export_dialog_set_folder (Pathways903ExportDialog *self,
                                                                GFile                   *folder);

/* For the tests: working in the worker thread; the breaches listed (0
 * when none are); their list (one row a breach); the error shown; and
 * whether the files were written */
gboolean                 pathways_903_export_dialog_is_busy        (Pathways903ExportDialog *self);
guint                    pathways_903_export_dialog_get_n_breaches (Pathways903ExportDialog *self);
GtkListBox              *pathways_903_export_dialog_get_breach_list (Pathways903ExportDialog *self);
const char              *pathways_903_export_dialog_get_error      (Pathways903ExportDialog *self);
gboolean                 pathways_903_export_dialog_get_written    (Pathways903ExportDialog *self);
AdwMessageDialog        *pathways_903_export_dialog_get_confirm    (Pathways903ExportDialog *self);

/* The default collection year on @today (ISO): the last that has ended */
int                      pathways_903_export_default_year      (const char              *today);

G_END_DECLS
