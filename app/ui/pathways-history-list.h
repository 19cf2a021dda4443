/* pathways-history-list.h — a record's history: who changed what and when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-core.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_HISTORY_LIST (pathways_history_list_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysHistoryList, pathways_history_list, PATHWAYS, HISTORY_LIST, GtkWidget)

/* Shows the history of @table's row @row_id ("young_person": everything
 * about them; "unit"), loaded in a thread; again when called again */
void     pathways_history_list_show   (PathwaysHistoryList *self,
                                       PathwaysStore       *store,
                                       const char          *table,
                                       gint64               row_id);
/* How many changes are shown (for tests); -1 while loading */
int      pathways_history_list_get_n_events (PathwaysHistoryList *self);

G_END_DECLS
