/* pathways-store-private.h — for core modules and tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "pathways-store.h"

G_BEGIN_DECLS

typedef struct {
  int          version;
  const char  *description;
  gboolean   (*apply) (sqlite3 *db, GError **error);
} PathwaysMigration;

const PathwaysMigration *pathways_migrations_get        (guint          *n_migrations);
gboolean                 pathways_migrations_audit      (sqlite3        *db,
                                                         GError        **error);

/* Opens (creating or migrating) but stops at @target_version: used by
 * the tests to make a database of an older schema */
PathwaysStore  *pathways_store_open_at_version (const char     *path,
                                                PathwaysClock  *clock,
                                                int             target_version,
                                                GError        **error);

sqlite3        *pathways_store_get_db           (PathwaysStore  *self);
void            pathways_store_lock             (PathwaysStore  *self);
void            pathways_store_unlock           (PathwaysStore  *self);
sqlite3_stmt   *pathways_store_prepare          (PathwaysStore  *self,
                                                 const char     *sql,
                                                 GError        **error);
gboolean        pathways_store_set_sqlite_error (PathwaysStore  *self,
                                                 int             rc,
                                                 GError        **error);
PathwaysRecord *pathways_store_record_from_row  (GType           type,
                                                 sqlite3_stmt   *stmt);
gboolean        pathways_store_exists           (PathwaysStore  *self,
                                                 const char     *table,
                                                 gint64          id);

gboolean        pathways_validate_record        (PathwaysStore  *store,
                                                 PathwaysRecord *record,
                                                 GError        **error);

G_END_DECLS
