/* pathways-commission-geo.h — where young people's homes and places are
 * (private to app/core/commission: postcode districts to areas, and
 * miles between areas, from the store's reference tables)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-store.h"

G_BEGIN_DECLS

typedef struct _PathwaysCommissionGeo PathwaysCommissionGeo;

PathwaysCommissionGeo *pathways_commission_geo_load      (PathwaysStore         *store,
                                                          GError               **error);
void                   pathways_commission_geo_free      (PathwaysCommissionGeo *geo);
/* The area of a young person's home postcode, or NULL */
const char            *pathways_commission_geo_home_area (PathwaysCommissionGeo *geo,
                                                          gint64                 young_person_id);
const char            *pathways_commission_geo_area_of_postcode (PathwaysCommissionGeo *geo,
                                                          const char            *postcode);
/* Miles between two areas: 0 for the same, -1 when not known */
double                 pathways_commission_geo_miles     (PathwaysCommissionGeo *geo,
                                                          const char            *a,
                                                          const char            *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysCommissionGeo, pathways_commission_geo_free)

G_END_DECLS
