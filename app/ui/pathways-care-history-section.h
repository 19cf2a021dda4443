/* pathways-care-history-section.h — the care history on a young person's
 * page: their SSDA903 episodes, and what is worked out from them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pathways-context.h"
#include "pathways-episode-dialog.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_CARE_HISTORY_SECTION (pathways_care_history_section_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysCareHistorySection, pathways_care_history_section, PATHWAYS, CARE_HISTORY_SECTION, GtkWidget)

/* Shows @person_id's episodes (loaded in a worker thread; again on every
 * call, as the page does on each refresh) */
void                   pathways_care_history_section_set_person  (PathwaysCareHistorySection *self,
                                                                  PathwaysContext            *context,
                                                                  gint64                      person_id);
/* How many episodes there are ("n-episodes", notified when it changes):
 * with any, the typed care figures of the profile are not used */
guint                  pathways_care_history_section_get_n_episodes (PathwaysCareHistorySection *self);

/* For the tests */
gboolean               pathways_care_history_section_is_loading  (PathwaysCareHistorySection *self);
PathwaysEpisodeDialog *pathways_care_history_section_get_dialog  (PathwaysCareHistorySection *self);
/* The derived value shown for @what: "days-since-14", "days-since-16",
 * "first-looked-after", "care-ended", "last-placement" (NULL: not shown) */
const char            *pathways_care_history_section_get_derived (PathwaysCareHistorySection *self,
                                                                  const char                 *what);

G_END_DECLS
