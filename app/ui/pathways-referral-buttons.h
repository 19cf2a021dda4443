/* pathways-referral-buttons.h — the young person's page's buttons for
 * referrals to providers and I statements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_REFERRAL_BUTTONS (pathways_referral_buttons_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysReferralButtons, pathways_referral_buttons, PATHWAYS, REFERRAL_BUTTONS, GtkWidget)

/* Installs @action_name on the person page's class (with Ctrl+Shift+@key):
 * it opens the dialog @make_dialog makes for the young person shown */
typedef GtkWindow *(*PathwaysPersonDialogNew) (PathwaysContext *context,
                                               gint64           person_id);
void pathways_person_dialog_install_action (GtkWidgetClass          *widget_class,
                                            const char              *action_name,
                                            guint                    key,
                                            PathwaysPersonDialogNew  make_dialog);

void pathways_referral_buttons_set_role (PathwaysReferralButtons *self,
                                         const char              *role);

G_END_DECLS
