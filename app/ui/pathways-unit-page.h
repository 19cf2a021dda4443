/* pathways-unit-page.h — one unit of the register: details, occupancy,
 * who could live there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"
#include "pathways-occupancy-strip.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_UNIT_PAGE (pathways_unit_page_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysUnitPage, pathways_unit_page, PATHWAYS, UNIT_PAGE, GtkWidget)

GtkWidget              *pathways_unit_page_new            (PathwaysContext  *context);
void                    pathways_unit_page_show_unit_on   (PathwaysUnitPage *self,
                                                           gint64            unit_id,
                                                           const char       *date);
void                    pathways_unit_page_show_unit      (PathwaysUnitPage *self,
                                                           gint64            unit_id);
gint64                  pathways_unit_page_get_unit_id    (PathwaysUnitPage *self);
GtkWindow              *pathways_unit_page_offer          (PathwaysUnitPage *self,
                                                           gint64            young_person_id);

G_END_DECLS
