/* pathways-unit-page-private.h — for the tests: what the page shows,
 * and the day a person would type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-unit-page.h"

G_BEGIN_DECLS

void                    pathways_unit_page_reload         (PathwaysUnitPage *self);
gboolean                pathways_unit_page_is_loading     (PathwaysUnitPage *self);
void                    pathways_unit_page_set_date       (PathwaysUnitPage *self,
                                                           const char       *iso);
const char             *pathways_unit_page_get_date       (PathwaysUnitPage *self);
const char             *pathways_unit_page_get_free_from  (PathwaysUnitPage *self);
GListModel             *pathways_unit_page_get_candidates (PathwaysUnitPage *self);
PathwaysOccupancyStrip *pathways_unit_page_get_strip      (PathwaysUnitPage *self);

G_END_DECLS
