/* pathways-care-history.h — a young person's care history, as SSDA903 episodes
 *
 * The store actions on episodes (list, add, change, end, delete: each
 * validated by the store, one transaction, undoable) and the facts the
 * rules derive from them (pathways_rules_care_history()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-rules.h"
#include "pathways-store.h"

G_BEGIN_DECLS

/* The episodes of @person_id, by start date (PathwaysEpisode) */
GListModel          *pathways_care_history_list      (PathwaysStore    *store,
                                                      gint64            person_id,
                                                      GError          **error);
/* Ends an open episode on @dec for the reason @rec (a 903 REC code) */
gboolean             pathways_care_history_end       (PathwaysStore    *store,
                                                      PathwaysEpisode  *episode,
                                                      const char       *dec,
                                                      const char       *rec,
                                                      GError          **error);
/* Deletes an episode: one recorded action (@out_undo brings it back) */
gboolean             pathways_care_history_delete    (PathwaysStore       *store,
                                                      PathwaysEpisode     *episode,
                                                      PathwaysChangeSet  **out_undo,
                                                      GError             **error);
/* The same in a worker thread (@episode is copied when called) */
void                 pathways_care_history_delete_async (PathwaysStore       *store,
                                                         PathwaysEpisode     *episode,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean             pathways_care_history_delete_finish (PathwaysStore       *store,
                                                          GAsyncResult        *result,
                                                          PathwaysChangeSet  **out_undo,
                                                          GError             **error);
/* What the episodes of @person_id say on @on */
PathwaysCareHistory *pathways_care_history_derive    (PathwaysStore    *store,
                                                      gint64            person_id,
                                                      const char       *on,
                                                      GError          **error);

G_END_DECLS
