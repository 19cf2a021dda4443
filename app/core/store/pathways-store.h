/* pathways-store.h — where Pathways keeps its records
 *
 * PathwaysStore is the one interface the rest of Pathways uses to read
 * and write: an abstract class with a backend behind it.  The embedded
 * backend is SQLite (PathwaysSqliteStore, app/core/store/sqlite/, one
 * file in the user's data directory); a shared PostgreSQL backend is to
 * sit behind the same class.  pathways_store_open() picks the backend
 * from the location.
 *
 * What the base class does for every backend:
 *  - transactions that nest, one writer at a time (a writer lock), and
 *    change sets for undo;
 *  - validation (pathways-validate.c) before every write;
 *  - optimistic concurrency: every record carries a version, and a save,
 *    delete or undo of a row that changed since fails with
 *    PATHWAYS_STORE_ERROR_CONFLICT, saying who changed what and when;
 *  - the "changed" signal, emitted on the main context the store was
 *    opened for after every commit and every undo, and for changes made
 *    by other programs on the same database;
 *  - _async/_finish forms (GTask, in a worker thread) of the actions and
 *    loads the UI uses, so that no query runs on the main thread.
 *
 * Reads run in parallel with each other and with the writer.  Every read
 * and write may be called from any thread.  Errors are in
 * PATHWAYS_STORE_ERROR with a message a person can read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pathways-changes.h"
#include "pathways-clock.h"
#include "pathways-entities.h"
#include "pathways-store-rows.h"

G_BEGIN_DECLS

#define PATHWAYS_STORE_ERROR (pathways_store_error_quark ())

typedef enum {
  PATHWAYS_STORE_ERROR_FAILED,
  PATHWAYS_STORE_ERROR_INVALID,      /* a value broke a rule: nothing written */
  PATHWAYS_STORE_ERROR_CONSTRAINT,   /* a record conflicts with another one */
  PATHWAYS_STORE_ERROR_NOT_FOUND,
  PATHWAYS_STORE_ERROR_TOO_NEW,      /* written by a newer Pathways */
  PATHWAYS_STORE_ERROR_NOT_DATABASE,
  PATHWAYS_STORE_ERROR_IO,
  PATHWAYS_STORE_ERROR_NEEDS_REASON, /* allowed with warnings: say why you go ahead */
  PATHWAYS_STORE_ERROR_CONFLICT,     /* changed by someone else since it was loaded: nothing written */
  PATHWAYS_STORE_ERROR_UNSUPPORTED,  /* a kind of database this build cannot open */
  PATHWAYS_STORE_ERROR_FORBIDDEN,    /* the signed-in role may not do this: nothing written */
  PATHWAYS_STORE_ERROR_AUTH,         /* the team server refused the login */
  PATHWAYS_STORE_ERROR_OFFLINE,      /* the team server cannot be reached: nothing written */
  PATHWAYS_STORE_ERROR_NEEDS_UPGRADE, /* a team server database of an older schema */
  PATHWAYS_STORE_ERROR_READ_ONLY,    /* opened read-only (a read-only file, a tampered audit log): nothing written */
  PATHWAYS_STORE_ERROR_CORRUPT,      /* the database file is damaged: the message names the newest backup */
} PathwaysStoreError;

/* The schema version this build writes and understands */
#define PATHWAYS_STORE_SCHEMA_VERSION 13

/* The environment variable that overrides the database location */
#define PATHWAYS_DATABASE_ENV "PATHWAYS_DATABASE"

#define PATHWAYS_TYPE_STORE (pathways_store_get_type ())
G_DECLARE_DERIVABLE_TYPE (PathwaysStore, pathways_store, PATHWAYS, STORE, GObject)

/* What walking the audit chain found */
typedef struct {
  gint64  n_rows;
  gint64  n_redacted;   /* rows whose content was erased after retention */
  gint64  broken_row;   /* the id of the first row whose link is broken; 0 when the chain holds */
  char   *problem;      /* what differs there, in words */
} PathwaysAuditCheck;

void pathways_audit_check_free (PathwaysAuditCheck *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysAuditCheck, pathways_audit_check_free)

/**
 * PathwaysStoreClass:
 *
 * What a backend implements.  The base class calls these with the
 * arguments checked; a backend never validates, never records undo and
 * never emits "changed" itself (except for changes made elsewhere, see
 * pathways-store-backend.h).
 *
 * Writes (@begin … @set_setting) are called by the thread that holds the
 * writer lock, inside a transaction; reads from any thread, and a read
 * made by the thread inside a transaction must see that transaction's
 * writes.  @begin_read … @end_read pins one consistent view of the data
 * to the calling thread, so that several reads agree with each other.
 */
struct _PathwaysStoreClass
{
  GObjectClass parent_class;

  /* Transactions: @depth 0 is the outermost (later ones are savepoints) */
  gboolean                   (*begin)                   (PathwaysStore   *self,
                                                         guint            depth,
                                                         GError         **error);
  gboolean                   (*commit)                  (PathwaysStore   *self,
                                                         guint            depth,
                                                         GError         **error);
  void                       (*rollback)                (PathwaysStore   *self,
                                                         guint            depth);
  gboolean                   (*begin_read)              (PathwaysStore   *self,
                                                         GError         **error);
  void                       (*end_read)                (PathwaysStore   *self);

  /* Rows.  insert: sets the id (unless @keep_id) and the version (the
   * record's own if it has one, else 1).  update and delete: check the
   * record's version when it is not 0 and fail with a bare
   * PATHWAYS_STORE_ERROR_CONFLICT (the base class explains it) if the
   * stored one differs, or PATHWAYS_STORE_ERROR_NOT_FOUND if the row is
   * gone; update bumps the version, in the row and in @record. */
  gboolean                   (*insert_record)           (PathwaysStore   *self,
                                                         PathwaysRecord  *record,
                                                         gboolean         keep_id,
                                                         GError         **error);
  gboolean                   (*update_record)           (PathwaysStore   *self,
                                                         PathwaysRecord  *record,
                                                         GError         **error);
  gboolean                   (*delete_record)           (PathwaysStore   *self,
                                                         PathwaysRecord  *record,
                                                         GError         **error);
  /* Optional: many new rows of one type in one pass, each set and
   * audited as insert_record() does (without it, insert_record() is
   * called for each) */
  gboolean                   (*insert_records)          (PathwaysStore   *self,
                                                         PathwaysRecord **records,
                                                         guint            n_records,
                                                         GError         **error);
  /* Optional: deletes every row of @klass with an id from @first to
   * @last, each audited as delete_record() does, if each is there and at
   * @version.  If one is not, fails with a bare
   * PATHWAYS_STORE_ERROR_CONFLICT, setting @out_conflict to the highest
   * such id (0 if only found on deleting: the caller rolls back) */
  gboolean                   (*delete_id_range)         (PathwaysStore        *self,
                                                         PathwaysRecordClass  *klass,
                                                         gint64                first,
                                                         gint64                last,
                                                         gint64                version,
                                                         gint64               *out_conflict,
                                                         GError              **error);
  gboolean                   (*set_setting)             (PathwaysStore   *self,
                                                         const char      *key,
                                                         const char      *value,
                                                         GError         **error);

  /* Reads of records (list_records: a young person's, or all for 0) */
  PathwaysRecord            *(*get_record)              (PathwaysStore   *self,
                                                         GType            type,
                                                         gint64           id,
                                                         GError         **error);
  GListModel                *(*list_records)            (PathwaysStore   *self,
                                                         GType            type,
                                                         gint64           young_person_id,
                                                         GError         **error);
  gint64                     (*count_records)           (PathwaysStore   *self,
                                                         GType            type,
                                                         GError         **error);
  gboolean                   (*record_exists)           (PathwaysStore   *self,
                                                         const char      *table,
                                                         gint64           id,
                                                         GError         **error);
  gboolean                   (*is_empty)                (PathwaysStore   *self);
  GListModel                *(*list_ref_codes)          (PathwaysStore   *self,
                                                         const char      *list,
                                                         const char      *code,
                                                         const char      *on_date,
                                                         GError         **error);
  GHashTable                *(*dup_settings)            (PathwaysStore   *self,
                                                         GError         **error);
  GPtrArray                 *(*dup_bank_holidays)       (PathwaysStore   *self,
                                                         GError         **error);
  GListModel                *(*list_audit)              (PathwaysStore   *self,
                                                         const char      *table,
                                                         gint64           row_id,
                                                         GError         **error);

  /* Bulk reads for core's computations */
  PathwaysStoreFacts        *(*load_facts)              (PathwaysStore   *self,
                                                         const char      *on,
                                                         const char      *horizon,
                                                         GError         **error);
  PathwaysStoreCaseload     *(*load_caseload_rows)      (PathwaysStore   *self,
                                                         GError         **error);
  PathwaysStoreTimeline     *(*load_timeline_rows)      (PathwaysStore   *self,
                                                         GError         **error);
  PathwaysStoreSufficiency  *(*load_sufficiency_rows)   (PathwaysStore   *self,
                                                         GError         **error);
  gint64                     (*count_unit_spells)       (PathwaysStore   *self,
                                                         gint64           unit_id,
                                                         gint64           except_spell_id,
                                                         const char      *state,
                                                         GError         **error);

  /* Who changed a row after @version, and what: for conflict messages.
   * NULL without an error when nothing is known. */
  PathwaysStoreRowHistory   *(*describe_changes_since)  (PathwaysStore   *self,
                                                         const char      *table,
                                                         gint64           id,
                                                         gint64           version,
                                                         GError         **error);

  /* Try to reach the server again now (optional: a team server) */
  void                       (*reconnect)               (PathwaysStore   *self);

  /* The audit trail (see pathways_store_verify_audit() and below) */
  gboolean                   (*verify_audit)            (PathwaysStore      *self,
                                                         PathwaysAuditCheck *check,
                                                         GError            **error);
  gboolean                   (*repair_audit)            (PathwaysStore      *self,
                                                         char              **out_repaired,
                                                         GError            **error);
  /* Inside a transaction: delete the young person and their records,
   * redact their audit rows, record the erasure */
  gboolean                   (*erase_person)            (PathwaysStore      *self,
                                                         gint64              young_person_id,
                                                         gint64             *out_n_redacted,
                                                         GError            **error);
  GListModel                *(*list_audit_for_person)   (PathwaysStore      *self,
                                                         gint64              young_person_id,
                                                         GError            **error);
  /* The full integrity check of the database's storage: NULL and an
   * error when it is damaged */
  char                      *(*check_integrity)         (PathwaysStore      *self,
                                                         GError            **error);
  /* Optional: see pathways_store_lock_imports() (without it, nothing to
   * do: one writer at a time already) */
  gboolean                   (*lock_imports)            (PathwaysStore      *self,
                                                         GError            **error);

  /*< private >*/
  gpointer padding[5];
};

GQuark          pathways_store_error_quark         (void);

char           *pathways_store_default_path        (void);

gboolean        pathways_store_location_is_server  (const char     *location);
char           *pathways_store_describe_location   (const char     *location);
PathwaysStore  *pathways_store_open                (const char     *location,
                                                    PathwaysClock  *clock,
                                                    GError        **error);
PathwaysStore  *pathways_store_open_with_password  (const char     *location,
                                                    const char     *password,
                                                    PathwaysClock  *clock,
                                                    GError        **error);
const char     *pathways_store_get_location        (PathwaysStore  *self);
const char     *pathways_store_get_path            (PathwaysStore  *self);
PathwaysClock  *pathways_store_get_clock           (PathwaysStore  *self);
int             pathways_store_get_schema_version  (PathwaysStore  *self);
gboolean        pathways_store_was_created         (PathwaysStore  *self);
const char     *pathways_store_get_backup_path     (PathwaysStore  *self);
gboolean        pathways_store_is_empty            (PathwaysStore  *self);
char           *pathways_store_dup_library_versions (void);

/* The team server: whether it can be reached now (always TRUE for the
 * embedded database; the "connected" property), and who is signed in
 * ("pa", "housing", "manager" or "admin", and their staff record; NULL
 * and 0 for the embedded database, where there are no server roles) */
gboolean        pathways_store_get_connected       (PathwaysStore  *self);
const char     *pathways_store_get_signed_in_login (PathwaysStore  *self);
const char     *pathways_store_get_signed_in_role  (PathwaysStore  *self);
gint64          pathways_store_get_signed_in_staff_id (PathwaysStore *self);
gboolean        pathways_store_is_team_server      (PathwaysStore  *self);
void            pathways_store_reconnect           (PathwaysStore  *self);

/* Transactions: one per user action.  They nest; only the outermost
 * commit makes the changes durable (and emits "changed"), and a rollback
 * undoes everything since the matching begin.  One writer at a time:
 * begin waits while another thread is in a transaction. */
gboolean        pathways_store_begin               (PathwaysStore  *self,
                                                    GError        **error);
gboolean        pathways_store_commit              (PathwaysStore  *self,
                                                    GError        **error);
void            pathways_store_rollback            (PathwaysStore  *self);
/* Inside a transaction: imports and their undo one at a time, to the
 * end of the transaction (another desktop's waits here) */
gboolean        pathways_store_lock_imports        (PathwaysStore  *self,
                                                    GError        **error);

/* Consistent reads: the reads between these see one state of the data
 * (they nest; a thread inside a transaction sees its own writes) */
gboolean        pathways_store_begin_read          (PathwaysStore  *self,
                                                    GError        **error);
void            pathways_store_end_read            (PathwaysStore  *self);

/* Moves on whenever the data may have changed (odd while a transaction
 * is open): what was read at one even number may be reused at it */
guint           pathways_store_get_generation      (PathwaysStore  *self);

/* Undo: a recorded user action can be undone as one */
typedef struct _PathwaysChangeSet PathwaysChangeSet;

#define PATHWAYS_TYPE_CHANGE_SET (pathways_change_set_get_type ())
GType              pathways_change_set_get_type      (void) G_GNUC_CONST;
PathwaysChangeSet *pathways_change_set_ref           (PathwaysChangeSet *changes);
void               pathways_change_set_unref         (PathwaysChangeSet *changes);
guint              pathways_change_set_get_n_changes (PathwaysChangeSet *changes);
char              *pathways_change_set_serialize     (PathwaysChangeSet *changes);
PathwaysChangeSet *pathways_change_set_deserialize   (const char        *text,
                                                      GError           **error);
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
void            pathways_store_undo_async          (PathwaysStore       *self,
                                                    PathwaysChangeSet   *changes,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean        pathways_store_undo_finish         (PathwaysStore       *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* Records.  Each is validated before it is written. */
gboolean        pathways_store_insert              (PathwaysStore  *self,
                                                    PathwaysRecord *record,
                                                    GError        **error);
/* Many new records of one type in one pass (an import): not validated —
 * the caller has checked them — each audited, recorded for undo and
 * announced as pathways_store_insert() does; all or none */
gboolean        pathways_store_insert_checked      (PathwaysStore   *self,
                                                    PathwaysRecord **records,
                                                    guint            n_records,
                                                    GError         **error);
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
void            pathways_store_get_async           (PathwaysStore        *self,
                                                    GType                 type,
                                                    gint64                id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gpointer        pathways_store_get_finish          (PathwaysStore        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
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
gboolean        pathways_store_exists              (PathwaysStore  *self,
                                                    const char     *table,
                                                    gint64          id);

/* The same writes in a worker thread.  @record is copied first: the
 * caller's object is not touched; _finish hands back the stored copy
 * (with its id and new version). */
void            pathways_store_insert_async        (PathwaysStore        *self,
                                                    PathwaysRecord       *record,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
void            pathways_store_update_async        (PathwaysStore        *self,
                                                    PathwaysRecord       *record,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
void            pathways_store_delete_async        (PathwaysStore        *self,
                                                    PathwaysRecord       *record,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean        pathways_store_write_finish        (PathwaysStore        *self,
                                                    GAsyncResult         *result,
                                                    PathwaysRecord      **out_record,
                                                    GError              **error);

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
GHashTable     *pathways_store_dup_ref_meanings    (PathwaysStore  *self,
                                                    const char     *list,
                                                    GError        **error);

/* Settings of the authority (rule settings live here, not in code) */
char           *pathways_store_dup_setting         (PathwaysStore  *self,
                                                    const char     *key);
gboolean        pathways_store_set_setting         (PathwaysStore  *self,
                                                    const char     *key,
                                                    const char     *value,
                                                    GError        **error);
void            pathways_store_set_setting_async   (PathwaysStore        *self,
                                                    const char           *key,
                                                    const char           *value,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean        pathways_store_set_setting_finish  (PathwaysStore        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
GHashTable     *pathways_store_dup_settings        (PathwaysStore  *self,
                                                    GError        **error);
GPtrArray      *pathways_store_dup_bank_holidays   (PathwaysStore  *self,
                                                    GError        **error);

/* Audit trail, newest first */
/* The audit trail: verify walks the chain (FALSE only when it cannot be
 * read); repair remakes the audit triggers and records the repair in the
 * chain (@out_repaired: what was wrong); erase deletes a young person past
 * the retention period and redacts their audit rows, in one
 * transaction, refused before retention ends */
PathwaysAuditCheck *pathways_store_verify_audit    (PathwaysStore  *self,
                                                    GError        **error);
gboolean        pathways_store_repair_audit        (PathwaysStore  *self,
                                                    char          **out_repaired,
                                                    GError        **error);
gboolean        pathways_store_erase_person        (PathwaysStore  *self,
                                                    gint64          young_person_id,
                                                    gint64         *out_n_redacted,
                                                    GError        **error);
/* The same in a worker thread (the desktop's Erase Records…) */
void            pathways_store_erase_person_async  (PathwaysStore       *self,
                                                    gint64               young_person_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean        pathways_store_erase_person_finish (PathwaysStore       *self,
                                                    GAsyncResult        *result,
                                                    gint64              *out_n_redacted,
                                                    GError             **error);
char           *pathways_store_dup_retention_end   (PathwaysStore  *self,
                                                    gint64          young_person_id,
                                                    GError        **error);
GListModel     *pathways_store_list_audit_for_person (PathwaysStore *self,
                                                    gint64          young_person_id,
                                                    GError        **error);
char           *pathways_store_check_integrity     (PathwaysStore  *self,
                                                    GError        **error);

/* A damaged file (PATHWAYS_STORE_ERROR_CORRUPT): the newest backup
 * beside it, and going back to it (the damaged file is moved aside) */
char           *pathways_store_find_newest_backup  (const char     *path);
gboolean        pathways_store_restore_backup      (const char     *path,
                                                    const char     *backup,
                                                    char          **out_aside,
                                                    GError        **error);

/* Opened read-only: why (a read-only file, a tampered audit log), or
 * NULL; every write is refused with PATHWAYS_STORE_ERROR_READ_ONLY and
 * this reason */
const char     *pathways_store_get_read_only_reason (PathwaysStore *self);

/* Who acts: the staff member signed in as in this session (0: nobody
 * chosen), recorded with the OS login in every audit row.  A team
 * server records its login's own staff member instead. */
gboolean        pathways_store_set_acting_staff    (PathwaysStore  *self,
                                                    gint64          staff_id,
                                                    GError        **error);
gint64          pathways_store_get_acting_staff    (PathwaysStore  *self);

GListModel     *pathways_store_list_audit          (PathwaysStore  *self,
                                                    const char     *table,
                                                    gint64          row_id,
                                                    GError        **error);

/* Bulk reads (see pathways-store-rows.h) */
PathwaysStoreFacts        *pathways_store_load_facts            (PathwaysStore  *self,
                                                                 const char     *on,
                                                                 const char     *horizon,
                                                                 GError        **error);
PathwaysStoreCaseload     *pathways_store_load_caseload_rows    (PathwaysStore  *self,
                                                                 GError        **error);
PathwaysStoreTimeline     *pathways_store_load_timeline_rows    (PathwaysStore  *self,
                                                                 GError        **error);
PathwaysStoreSufficiency  *pathways_store_load_sufficiency_rows (PathwaysStore  *self,
                                                                 GError        **error);
gint64                     pathways_store_count_unit_spells     (PathwaysStore  *self,
                                                                 gint64          unit_id,
                                                                 gint64          except_spell_id,
                                                                 const char     *state,
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
 * accommodation, as PathwaysCaseloadRow, ages on @on_date
 * (pathways-caseload.c) */
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
