/* pathways-income-dialog.h — income recorded against a young person's
 * placements
 *
 * Health and education contributions, the Home Office UASC grant,
 * housing benefit: each from a day (and until one), a weekly amount,
 * against one of the young person's placements or none.
 * "income.add" (Ctrl+S) records the form, "income.remove" (with the
 * income's id) takes one away; each is one action, undoable from the
 * toast, and a removal of income changed meanwhile is refused.  The
 * person page installs "person.placement-income" (Ctrl+Shift+B), for
 * managers, with pathways_income_dialog_install_action().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_INCOME_DIALOG (pathways_income_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysIncomeDialog, pathways_income_dialog, PATHWAYS, INCOME_DIALOG, AdwWindow)

PathwaysIncomeDialog *pathways_income_dialog_new            (PathwaysContext *context,
                                                             gint64           person_id);
void                  pathways_income_dialog_install_action (GtkWidgetClass  *widget_class,
                                                             const char      *action_name);
/* For tests: the message beside the form, or NULL */
const char           *pathways_income_dialog_get_error      (PathwaysIncomeDialog *self);
gboolean              pathways_income_dialog_is_busy        (PathwaysIncomeDialog *self);

G_END_DECLS
