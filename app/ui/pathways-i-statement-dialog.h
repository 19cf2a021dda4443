/* pathways-i-statement-dialog.h — the I statements asked at a review
 *
 * One row per statement the authority asks (yes, partly, no or not
 * asked) and the day; "statements.save" (Ctrl+S) records the answers in
 * one action, undoable from the toast.  The person page installs
 * "person.i-statements" (Ctrl+Shift+A) with
 * pathways_i_statement_dialog_install_action().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_I_STATEMENT_DIALOG (pathways_i_statement_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysIStatementDialog, pathways_i_statement_dialog, PATHWAYS, I_STATEMENT_DIALOG, AdwWindow)

PathwaysIStatementDialog *pathways_i_statement_dialog_new            (PathwaysContext *context,
                                                                      gint64           person_id);
void                      pathways_i_statement_dialog_install_action (GtkWidgetClass  *widget_class,
                                                                      const char      *action_name);

G_END_DECLS
