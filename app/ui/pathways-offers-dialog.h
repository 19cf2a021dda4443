/* pathways-offers-dialog.h — a young person's referrals and the offers made
 *
 * The open referrals with their offers side by side (the rules' verdict,
 * distance from home, cost, registration); "offers.accept" (x: an
 * offer) accepts one, undoable from the toast; "offers.record" records
 * an offer from one of the providers a referral went to; each referral
 * has "Save pack…" for its referral pack as a PDF.  The person
 * page installs "person.show-offers" (Ctrl+Shift+O) with
 * pathways_offers_dialog_install_action().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_OFFERS_DIALOG (pathways_offers_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysOffersDialog, pathways_offers_dialog, PATHWAYS, OFFERS_DIALOG, AdwWindow)

PathwaysOffersDialog *pathways_offers_dialog_new            (PathwaysContext *context,
                                                             gint64           person_id);
void                  pathways_offers_dialog_install_action (GtkWidgetClass  *widget_class,
                                                             const char      *action_name);
/* Writes a referral's pack (PDF, private) to @path in a worker thread;
 * "offers.save-pack" (x: the referral) asks where first */
void                  pathways_offers_dialog_save_pack      (PathwaysOffersDialog *self,
                                                             gint64                referral_id,
                                                             const char           *path);
/* For tests: how many offers are listed (after the last load) */
guint                 pathways_offers_dialog_get_n_offers   (PathwaysOffersDialog *self);

G_END_DECLS
