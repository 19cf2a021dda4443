/* pathways-referral-buttons.h — the young person's page's buttons for
 * referrals to providers and I statements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PATHWAYS_TYPE_REFERRAL_BUTTONS (pathways_referral_buttons_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysReferralButtons, pathways_referral_buttons, PATHWAYS, REFERRAL_BUTTONS, GtkWidget)

void pathways_referral_buttons_set_role (PathwaysReferralButtons *self,
                                         const char              *role);

G_END_DECLS
