/* pathways-archived-banner.h — "This case was closed", with Reopen, on
 * a young person's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pathways-context.h"
#include "pathways-core.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_ARCHIVED_BANNER (pathways_archived_banner_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysArchivedBanner, pathways_archived_banner, PATHWAYS, ARCHIVED_BANNER, GtkWidget)

/* Shown while @person's case is closed */
void        pathways_archived_banner_set_person (PathwaysArchivedBanner *self,
                                                 PathwaysContext        *context,
                                                 PathwaysYoungPerson    *person);
/* For the tests: the sentence shown, NULL while hidden */
const char *pathways_archived_banner_get_text   (PathwaysArchivedBanner *self);

G_END_DECLS
