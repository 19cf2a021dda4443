/* pathways-reassign-dialog.h — giving young people another personal adviser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

/* Asks which personal adviser (each with their caseload size) the
 * @n_people young people go to, and reassigns them all as one recorded
 * action with an Undo toast */
AdwMessageDialog *pathways_reassign_dialog_present  (GtkWindow       *parent,
                                                     PathwaysContext *context,
                                                     const gint64    *person_ids,
                                                     guint            n_people);

/* For the tests: the advisers have been loaded; choose @staff_id */
gboolean          pathways_reassign_dialog_is_ready (AdwMessageDialog *dialog);
void              pathways_reassign_dialog_choose   (AdwMessageDialog *dialog,
                                                     gint64            staff_id);
/* The label shown for @staff_id ("Alison Bennett — 3 young people") */
const char       *pathways_reassign_dialog_get_label (AdwMessageDialog *dialog,
                                                      gint64            staff_id);
const char       *pathways_reassign_dialog_get_error (AdwMessageDialog *dialog);

G_END_DECLS
