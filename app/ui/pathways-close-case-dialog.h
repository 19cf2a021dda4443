/* pathways-close-case-dialog.h — closing a young person's case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

/* Asks for the reason and the day support ended, and closes the case
 * when confirmed (one recorded action, with an Undo toast).  @name: the
 * young person's display name. */
AdwMessageDialog *pathways_close_case_dialog_present (GtkWindow       *parent,
                                                      PathwaysContext *context,
                                                      gint64           person_id,
                                                      const char      *name);

/* Installs @action_name on a PathwaysPersonPage class: opens the dialog
 * for the page's young person */
void              pathways_close_case_dialog_install_action (GtkWidgetClass *widget_class,
                                                             const char     *action_name);

/* For the tests: fill in the dialog as a person would (reason: a
 * PATHWAYS_VOCAB_CLOSE_REASON code; day as typed, DD/MM/YYYY) */
void              pathways_close_case_dialog_fill      (AdwMessageDialog *dialog,
                                                        const char       *reason,
                                                        const char       *day);
const char       *pathways_close_case_dialog_get_error (AdwMessageDialog *dialog);

G_END_DECLS
