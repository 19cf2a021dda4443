/* pathways-plan-proposal.h — the service plan's proposal for one young person
 *
 * A section of the young person's page: what the last service plan
 * (pathways-plan-service.h) proposes for them — the unit, the date, the
 * weekly cost and why, or that no unit is suitable and what would make
 * one so — with Accept (the move is scheduled, as Schedule Move… would,
 * undoable) and Turn Down… (with a reason, stored).  Before a plan has
 * been made it offers to make one.
 *
 * Actions (prefix "proposal."): run, accept, reject (asks for the reason).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_PLAN_PROPOSAL (pathways_plan_proposal_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPlanProposal, pathways_plan_proposal, PATHWAYS, PLAN_PROPOSAL, GtkWidget)

PathwaysPlanProposal *pathways_plan_proposal_new           (PathwaysContext      *context);
/* The section in a template: its context is given when the page has it */
void                  pathways_plan_proposal_set_context   (PathwaysPlanProposal *self,
                                                            PathwaysContext      *context);
void                  pathways_plan_proposal_set_person_id (PathwaysPlanProposal *self,
                                                            gint64                person_id);

G_END_DECLS
