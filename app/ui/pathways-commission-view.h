/* pathways-commission-view.h — the Commissioning page, for managers
 *
 * The placements budget (forecast and the variance explained, month by
 * month; a form to set a line and an import), the placement mix with
 * its weekly costs, open referrals with their offers side by side (each
 * can be accepted: the unit joins the register and the move is
 * scheduled, undoable from the toast), the providers, and the
 * I statement scores per provider.  Hidden for roles that may not
 * commission (everyone but managers on a team server).
 *
 * Actions (prefix "commission."): refresh (F5), save-budget (Ctrl+S),
 * import-budget (Ctrl+I), accept-offer (x: the offer's id).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-commissioning.h"
#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_COMMISSION_VIEW (pathways_commission_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysCommissionView, pathways_commission_view, PATHWAYS, COMMISSION_VIEW, GtkWidget)

GtkWidget                   *pathways_commission_view_new              (PathwaysContext        *context);
void                         pathways_commission_view_reload           (PathwaysCommissionView *self);
/* For tests: "loading", "error" or "page", and the figures shown (NULL before the first) */
const char                  *pathways_commission_view_get_visible_page (PathwaysCommissionView *self);
const PathwaysCommissioning *pathways_commission_view_get_figures      (PathwaysCommissionView *self);

G_END_DECLS
