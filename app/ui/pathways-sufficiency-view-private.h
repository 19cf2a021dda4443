/* pathways-sufficiency-view-private.h — for the tests: what the page
 * shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-sufficiency-view.h"

G_BEGIN_DECLS

void                       pathways_sufficiency_view_reload           (PathwaysSufficiencyView *self);
/* "loading", "empty", "error" or "dashboard" */
const char                *pathways_sufficiency_view_get_visible_page (PathwaysSufficiencyView *self);
const PathwaysSufficiency *pathways_sufficiency_view_get_sufficiency   (PathwaysSufficiencyView *self);

G_END_DECLS
