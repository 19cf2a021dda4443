/* pathways-what-if-dialog.h — What If… on the Plan page
 *
 * A window over the Plan page where a manager adds hypothetical units
 * (kind, area, count, weekly cost, from a date) and leaves out units of
 * the register (found by search), then Compare plans again with that
 * PathwaysWhatIf, off the main thread (Cancel stops it), and shows the
 * current plan and the what-if side by side, with the differences.  The
 * data never changes: nothing here writes to the store, and what-if
 * proposals cannot be accepted.
 *
 * Actions (prefix "what-if."): add-unit ((ssxxs): kind code, area,
 * count, weekly cost in pence, from date dd/mm/yyyy or ""), add (from the
 * form), leave-out (x: a unit's id; again to keep it), clear, compare,
 * cancel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"
#include "pathways-plan.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_WHAT_IF_DIALOG (pathways_what_if_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysWhatIfDialog, pathways_what_if_dialog, PATHWAYS, WHAT_IF_DIALOG, AdwWindow)

GtkWidget    *pathways_what_if_dialog_new         (PathwaysContext      *context,
                                                   GtkWindow            *parent);
/* For tests: the last comparison (FALSE before one, or while running);
 * the plans belong to the dialog */
gboolean      pathways_what_if_dialog_get_plans   (PathwaysWhatIfDialog *self,
                                                   PathwaysPlan        **out_current,
                                                   PathwaysPlan        **out_what_if);
gboolean      pathways_what_if_dialog_get_running (PathwaysWhatIfDialog *self);
/* The text of the changes, in the CLI's what-if format */
char         *pathways_what_if_dialog_dup_text    (PathwaysWhatIfDialog *self);

G_END_DECLS
