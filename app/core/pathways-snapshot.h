/* pathways-snapshot.h — the facts the rules need, loaded in one go
 *
 * A snapshot is everything the rules engine reads (people, units, spells,
 * moves, milestone counts, settings) as plain structs, made from one
 * bulk read of the store (pathways_store_load_facts()).  It is what makes "alerts for two thousand young
 * people" fast enough to run on every refresh.  Snapshots are read-only
 * and may be used from any one thread at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-rules.h"
#include "pathways-store.h"

G_BEGIN_DECLS

typedef struct _PathwaysSnapshot PathwaysSnapshot;

PathwaysSnapshot           *pathways_snapshot_load         (PathwaysStore    *store,
                                                            const char       *on,
                                                            GError          **error);
/* The one snapshot shared by every reader of the same state of the data
 * and day: loaded once per store change (readers asking while it loads
 * wait for it), then given again until the next commit or change.  A
 * thread inside a transaction gets its own, with its writes.  Shared
 * snapshots are read-only and may be read from several threads at once. */
PathwaysSnapshot           *pathways_snapshot_load_shared  (PathwaysStore    *store,
                                                            const char       *on,
                                                            GError          **error);
PathwaysSnapshot           *pathways_snapshot_ref          (PathwaysSnapshot *snapshot);
/* Drops a reference (the last one frees it) */
void                        pathways_snapshot_free         (PathwaysSnapshot *snapshot);
const char                 *pathways_snapshot_get_date     (PathwaysSnapshot *snapshot);
const PathwaysRuleSettings *pathways_snapshot_get_settings (PathwaysSnapshot *snapshot);
const PathwaysPersonFacts  *pathways_snapshot_get_person   (PathwaysSnapshot *snapshot,
                                                            gint64            person_id);
const PathwaysUnitFacts    *pathways_snapshot_get_unit     (PathwaysSnapshot *snapshot,
                                                            gint64            unit_id);
GHashTable                 *pathways_snapshot_get_people   (PathwaysSnapshot *snapshot);
GHashTable                 *pathways_snapshot_get_units    (PathwaysSnapshot *snapshot);
/* Everyone as the store read them, with their names, local ID, team
 * and PA (element-type PathwaysStorePersonFacts*; ->facts is what
 * pathways_snapshot_get_person() gives) */
GPtrArray                  *pathways_snapshot_get_person_rows (PathwaysSnapshot *snapshot);

/* Alerts (PathwaysAlertFacts*), worst first, then by due date.
 * @person_id 0 means everyone. */
GPtrArray                  *pathways_snapshot_alerts       (PathwaysSnapshot *snapshot,
                                                            gint64            person_id);
PathwaysEligibility        *pathways_snapshot_check_unit   (PathwaysSnapshot *snapshot,
                                                            gint64            person_id,
                                                            gint64            unit_id,
                                                            const char       *date,
                                                            gint64            ignore_spell_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysSnapshot, pathways_snapshot_free)

/* The same in a worker thread */
void                        pathways_snapshot_load_async   (PathwaysStore        *store,
                                                            const char           *on,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
PathwaysSnapshot           *pathways_snapshot_load_finish  (PathwaysStore        *store,
                                                            GAsyncResult         *result,
                                                            GError              **error);

/* Alerts as a list model of PathwaysAlert, for views */
GListModel *pathways_store_load_alerts        (PathwaysStore        *store,
                                               const char           *on,
                                               gint64                person_id,
                                               GError              **error);
void        pathways_store_load_alerts_async  (PathwaysStore        *store,
                                               const char           *on,
                                               gint64                person_id,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
GListModel *pathways_store_load_alerts_finish (PathwaysStore        *store,
                                               GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
