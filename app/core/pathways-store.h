/* pathways-store.h — where Pathways keeps its records
 *
 * One store is one database.  The embedded backend is SQLite (one file
 * in the user's data directory); every query is written in portable SQL
 * so that a shared PostgreSQL backend can sit behind the same API.
 *
 * Every write is a transaction: a failed write leaves nothing behind.
 * Errors are in PATHWAYS_STORE_ERROR with a message a person can read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pathways-clock.h"
#include "pathways-entities.h"

G_BEGIN_DECLS

#define PATHWAYS_STORE_ERROR (pathways_store_error_quark ())

typedef enum {
  PATHWAYS_STORE_ERROR_FAILED,
  PATHWAYS_STORE_ERROR_INVALID,     /* a value broke a rule: nothing written */
  PATHWAYS_STORE_ERROR_CONSTRAINT,  /* a record conflicts with another one */
  PATHWAYS_STORE_ERROR_NOT_FOUND,
  PATHWAYS_STORE_ERROR_TOO_NEW,     /* written by a newer Pathways */
  PATHWAYS_STORE_ERROR_NOT_DATABASE,
  PATHWAYS_STORE_ERROR_IO,
  PATHWAYS_STORE_ERROR_NEEDS_REASON, /* allowed with warnings: say why you go ahead */
} PathwaysStoreError;

/* The schema version this build writes and understands */
#define PATHWAYS_STORE_SCHEMA_VERSION 5

/* The environment variable that overrides the database location */
#define PATHWAYS_DATABASE_ENV "PATHWAYS_DATABASE"

#define PATHWAYS_TYPE_STORE (pathways_store_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysStore, pathways_store, PATHWAYS, STORE, GObject)

GQuark          pathways_store_error_quark         (void);

char           *pathways_store_default_path        (void);

PathwaysStore  *pathways_store_open                (const char     *path,
                                                    PathwaysClock  *clock,
                                                    GError        **error);
const char     *pathways_store_get_path            (PathwaysStore  *self);
PathwaysClock  *pathways_store_get_clock           (PathwaysStore  *self);
int             pathways_store_get_schema_version  (PathwaysStore  *self);
gboolean        pathways_store_was_created         (PathwaysStore  *self);
const char     *pathways_store_get_backup_path     (PathwaysStore  *self);
gboolean        pathways_store_is_empty            (PathwaysStore  *self);

/* Transactions: one per user action.  They nest; only the outermost
 * commit makes the changes durable, and a rollback undoes everything
 * since the matching begin. */
gboolean        pathways_store_begin               (PathwaysStore  *self,
                                                    GError        **error);
gboolean        pathways_store_commit              (PathwaysStore  *self,
                                                    GError        **error);
void            pathways_store_rollback            (PathwaysStore  *self);

/* Undo: a recorded user action can be undone as one */
typedef struct _PathwaysChangeSet PathwaysChangeSet;

#define PATHWAYS_TYPE_CHANGE_SET (pathways_change_set_get_type ())
GType              pathways_change_set_get_type      (void) G_GNUC_CONST;
PathwaysChangeSet *pathways_change_set_ref           (PathwaysChangeSet *changes);
void               pathways_change_set_unref         (PathwaysChangeSet *changes);
guint              pathways_change_set_get_n_changes (PathwaysChangeSet *changes);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysChangeSet, pathways_change_set_unref)

gboolean        pathways_store_begin_recorded      (PathwaysStore       *self,
                                                    GError             **error);
gboolean        pathways_store_commit_recorded     (PathwaysStore       *self,
                                                    PathwaysChangeSet  **out_changes,
                                                    GError             **error);
void            pathways_store_rollback_recorded   (PathwaysStore       *self);
gboolean        pathways_store_undo                (PathwaysStore       *self,
                                                    PathwaysChangeSet   *changes,
                                                    GError             **error);

/* Records.  Each is validated before it is written. */
gboolean        pathways_store_insert              (PathwaysStore  *self,
                                                    PathwaysRecord *record,
                                                    GError        **error);
gboolean        pathways_store_update              (PathwaysStore  *self,
                                                    PathwaysRecord *record,
                                                    GError        **error);
gboolean        pathways_store_delete              (PathwaysStore  *self,
                                                    PathwaysRecord *record,
                                                    GError        **error);
gpointer        pathways_store_get                 (PathwaysStore  *self,
                                                    GType           type,
                                                    gint64          id,
                                                    GError        **error);
GListModel     *pathways_store_list                (PathwaysStore  *self,
                                                    GType           type,
                                                    GError        **error);
GListModel     *pathways_store_list_for_person     (PathwaysStore  *self,
                                                    GType           type,
                                                    gint64          young_person_id,
                                                    GError        **error);
gint64          pathways_store_count               (PathwaysStore  *self,
                                                    GType           type,
                                                    GError        **error);

/* Reference codes (903) */
GListModel     *pathways_store_list_ref_codes      (PathwaysStore  *self,
                                                    const char     *list,
                                                    const char     *on_date,
                                                    GError        **error);
PathwaysRefCode *pathways_store_lookup_ref_code    (PathwaysStore  *self,
                                                    const char     *list,
                                                    const char     *code,
                                                    const char     *on_date,
                                                    gboolean       *out_known,
                                                    GError        **error);

/* Settings of the authority (rule settings live here, not in code) */
char           *pathways_store_dup_setting         (PathwaysStore  *self,
                                                    const char     *key);
gboolean        pathways_store_set_setting         (PathwaysStore  *self,
                                                    const char     *key,
                                                    const char     *value,
                                                    GError        **error);
GHashTable     *pathways_store_dup_settings        (PathwaysStore  *self,
                                                    GError        **error);
GPtrArray      *pathways_store_dup_bank_holidays   (PathwaysStore  *self,
                                                    GError        **error);

/* Audit trail, newest first */
GListModel     *pathways_store_list_audit          (PathwaysStore  *self,
                                                    const char     *table,
                                                    gint64          row_id,
                                                    GError        **error);

/* Running a slow query for a day in a worker thread: @func(store, on,
 * error) returns a new result freed with @free_result */
typedef gpointer (*PathwaysStoreLoadFunc) (PathwaysStore  *store,
                                           const char     *on,
                                           GError        **error);

void            pathways_store_load_in_thread      (PathwaysStore        *self,
                                                    const char           *on,
                                                    PathwaysStoreLoadFunc func,
                                                    GDestroyNotify        free_result,
                                                    gpointer              source_tag,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gpointer        pathways_store_load_in_thread_finish (PathwaysStore      *self,
                                                      GAsyncResult       *result,
                                                      gpointer            source_tag,
                                                      GError            **error);

/* The caseload: every young person with their PA and current
 * accommodation, as PathwaysCaseloadRow, ages on @on_date */
GListModel     *pathways_store_load_caseload       (PathwaysStore  *self,
                                                    const char     *on_date,
                                                    GError        **error);
void            pathways_store_load_caseload_async (PathwaysStore       *self,
                                                    const char          *on_date,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GListModel     *pathways_store_load_caseload_finish (PathwaysStore  *self,
                                                     GAsyncResult   *result,
                                                     GError        **error);

G_END_DECLS
