/* pathways-destination-list-private.h — for the tests: what the list
 * shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-destination-list.h"

G_BEGIN_DECLS

const char *pathways_destination_list_get_date         (PathwaysDestinationList *self);
GListModel *pathways_destination_list_get_destinations (PathwaysDestinationList *self);
gboolean    pathways_destination_list_is_loading       (PathwaysDestinationList *self);

G_END_DECLS
