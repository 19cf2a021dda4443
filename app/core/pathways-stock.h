/* pathways-stock.h — the housing register: availability, pipeline,
 * matching, status changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-store.h"

G_BEGIN_DECLS

/* The register as PathwaysStockRow, ordered by name */
GListModel *pathways_store_load_stock          (PathwaysStore        *store,
                                                const char           *on,
                                                GError              **error);
void        pathways_store_load_stock_async    (PathwaysStore        *store,
                                                const char           *on,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GListModel *pathways_store_load_stock_finish   (PathwaysStore        *store,
                                                GAsyncResult         *result,
                                                GError              **error);

/* Ids (gint64 keys) of the units free on @date */
GHashTable *pathways_stock_free_on             (PathwaysStore        *store,
                                                const char           *date,
                                                GError              **error);

/* PathwaysKindCount for each kind of unit, as of @today */
GListModel *pathways_stock_counts              (PathwaysStore        *store,
                                                const char           *today,
                                                GError              **error);

/* Units coming free after @today and within @months, soonest first
 * (PathwaysStockRow with available-from set) */
GListModel *pathways_stock_coming_free         (PathwaysStore        *store,
                                                const char           *today,
                                                int                   months,
                                                GError              **error);

/* "Who could live here?": PathwaysCandidate, best first, not eligible last */
GListModel *pathways_stock_rank_people         (PathwaysStore        *store,
                                                gint64                unit_id,
                                                const char           *date,
                                                GError              **error);

/* "Where could they go?": PathwaysDestination, best first; @date NULL
 * means the day the young person needs to move */
GListModel *pathways_stock_rank_units          (PathwaysStore        *store,
                                                gint64                young_person_id,
                                                const char           *date,
                                                char                **out_date,
                                                GError              **error);

/* Status changes, each one recorded action */
gboolean    pathways_stock_set_status          (PathwaysStore        *store,
                                                gint64                unit_id,
                                                const char           *status,
                                                const char           *from,
                                                const char           *to,
                                                const char           *reason,
                                                PathwaysChangeSet   **out_undo,
                                                GError              **error);
gboolean    pathways_stock_retire              (PathwaysStore        *store,
                                                gint64                unit_id,
                                                const char           *on,
                                                const char           *reason,
                                                PathwaysChangeSet   **out_undo,
                                                GError              **error);

/* The same in a worker thread */
void        pathways_stock_set_status_async    (PathwaysStore        *store,
                                                gint64                unit_id,
                                                const char           *status,
                                                const char           *from,
                                                const char           *to,
                                                const char           *reason,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
void        pathways_stock_retire_async        (PathwaysStore        *store,
                                                gint64                unit_id,
                                                const char           *on,
                                                const char           *reason,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean    pathways_stock_write_finish        (PathwaysStore        *store,
                                                GAsyncResult         *result,
                                                PathwaysChangeSet   **out_undo,
                                                GError              **error);
void        pathways_stock_rank_people_async   (PathwaysStore        *store,
                                                gint64                unit_id,
                                                const char           *date,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
void        pathways_stock_rank_units_async    (PathwaysStore        *store,
                                                gint64                young_person_id,
                                                const char           *date,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GListModel *pathways_stock_rank_finish         (PathwaysStore        *store,
                                                GAsyncResult         *result,
                                                char                **out_date,
                                                GError              **error);

G_END_DECLS
