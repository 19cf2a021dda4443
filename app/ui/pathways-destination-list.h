/* pathways-destination-list.h — "Where could they go?": units ranked for
 * a young person on a date, with the reasons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pathways-core.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_DESTINATION_LIST (pathways_destination_list_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysDestinationList, pathways_destination_list, PATHWAYS, DESTINATION_LIST, GtkWidget)

GtkWidget  *pathways_destination_list_new              (void);
void        pathways_destination_list_set_person       (PathwaysDestinationList *self,
                                                        PathwaysStore           *store,
                                                        gint64                   young_person_id);
void        pathways_destination_list_set_date         (PathwaysDestinationList *self,
                                                        const char              *iso);
void        pathways_destination_list_reload           (PathwaysDestinationList *self);

G_END_DECLS
