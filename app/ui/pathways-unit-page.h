/* pathways-unit-page.h — one unit of the register: details, occupancy,
 * who could live there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-core.h"
#include "pathways-occupancy-strip.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_UNIT_PAGE (pathways_unit_page_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysUnitPage, pathways_unit_page, PATHWAYS, UNIT_PAGE, GtkWidget)

GtkWidget              *pathways_unit_page_new            (void);
void                    pathways_unit_page_set_store      (PathwaysUnitPage *self,
                                                           PathwaysStore    *store);
void                    pathways_unit_page_show_unit      (PathwaysUnitPage *self,
                                                           gint64            unit_id);
gint64                  pathways_unit_page_get_unit_id    (PathwaysUnitPage *self);
void                    pathways_unit_page_reload         (PathwaysUnitPage *self);

/* For tests, and for what a person would choose */
gboolean                pathways_unit_page_is_loading     (PathwaysUnitPage *self);
void                    pathways_unit_page_set_date       (PathwaysUnitPage *self,
                                                           const char       *iso);
const char             *pathways_unit_page_get_date       (PathwaysUnitPage *self);
const char             *pathways_unit_page_get_free_from  (PathwaysUnitPage *self);
GListModel             *pathways_unit_page_get_candidates (PathwaysUnitPage *self);
PathwaysOccupancyStrip *pathways_unit_page_get_strip      (PathwaysUnitPage *self);
GtkWindow              *pathways_unit_page_offer          (PathwaysUnitPage *self,
                                                           gint64            young_person_id);

G_END_DECLS
