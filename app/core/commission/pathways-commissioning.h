/* pathways-commissioning.h — the commissioning figures for a day, in one go
 *
 * What the committee report's commissioning section and the
 * Commissioning page show: the placements budget of the financial year
 * the day is in, the placement mix with its weekly costs, the
 * I statement scores per provider and per kind, and the time from
 * referral to placement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-budget.h"
#include "pathways-istatement.h"
#include "pathways-referral.h"

G_BEGIN_DECLS

typedef struct {
  char                     *date;
  PathwaysBudgetReport     *budget;
  PathwaysPlacementMix     *mix;
  PathwaysIStatementScores *by_provider;
  PathwaysIStatementScores *by_kind;
  PathwaysReferralTimes     times;
} PathwaysCommissioning;

PathwaysCommissioning *pathways_commissioning_compute (PathwaysStore          *store,
                                                       const char             *date,
                                                       GError                **error);
void                   pathways_commissioning_free    (PathwaysCommissioning  *commissioning);

void                   pathways_commissioning_compute_async  (PathwaysStore        *store,
                                                              const char           *date,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
PathwaysCommissioning *pathways_commissioning_compute_finish (PathwaysStore        *store,
                                                              GAsyncResult         *result,
                                                              GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysCommissioning, pathways_commissioning_free)

G_END_DECLS
