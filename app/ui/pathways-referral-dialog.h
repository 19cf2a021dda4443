/* pathways-referral-dialog.h — Make a Referral… for a young person
 *
 * The kind of place, the date needed, risks, whether to share their
 * wishes and feelings, and the providers to send it to (those offering
 * the kind are ticked).  "referral.make" (Ctrl+Return) sends it in a
 * worker thread; the toast offers Undo.  The person page installs
 * "person.make-referral" (Ctrl+Shift+R) with
 * pathways_referral_dialog_install_action().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_REFERRAL_DIALOG (pathways_referral_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysReferralDialog, pathways_referral_dialog, PATHWAYS, REFERRAL_DIALOG, AdwWindow)

PathwaysReferralDialog *pathways_referral_dialog_new            (PathwaysContext *context,
                                                                 gint64           person_id);
/* Installs @action_name on a PathwaysPersonPage class: opens the dialog
 * for the young person shown */
void                    pathways_referral_dialog_install_action (GtkWidgetClass  *widget_class,
                                                                 const char      *action_name);
/* For tests: the providers ticked (gint64 ids) */
GArray                 *pathways_referral_dialog_dup_chosen     (PathwaysReferralDialog *self);

G_END_DECLS
