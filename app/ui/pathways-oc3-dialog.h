/* pathways-oc3-dialog.h — a care leaver's OC3 answers at their birthdays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

/* Shows IN_TOUCH, ACTIV and ACCOM at each 17th to 21st birthday so far
 * (recorded, or worked out from the record) and records what is chosen,
 * with an Undo toast */
AdwMessageDialog *pathways_oc3_dialog_present   (GtkWindow        *parent,
                                                 PathwaysContext  *context,
                                                 gint64            person_id);

/* For the tests: choose as a person would (codes; accom with its digit) */
gboolean          pathways_oc3_dialog_is_loaded (AdwMessageDialog *dialog);
void              pathways_oc3_dialog_fill      (AdwMessageDialog *dialog,
                                                 guint             birthday_index,
                                                 const char       *in_touch,
                                                 const char       *activ,
                                                 const char       *accom);
const char       *pathways_oc3_dialog_get_status (AdwMessageDialog *dialog);

G_END_DECLS
