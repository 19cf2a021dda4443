/* pathways-sqlite-internal.h — shared by the files of the SQLite backend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <nettle/sha2.h>

#include "pathways-sqlite-store-private.h"
#include "pathways-store-backend.h"

G_BEGIN_DECLS

/* The schema version from which audit_log is append-only and chained */
#define PATHWAYS_SQLITE_AUDIT_CHAINED 8

/* One SQLite connection and its prepared statements.  Used by one
 * thread at a time: the writer by the holder of the writer lock, a
 * reader by whoever borrowed it. */
typedef struct {
  sqlite3    *db;
  GHashTable *statements;  /* SQL → sqlite3_stmt */
  guint       pin_depth;   /* begin_read nesting, while pinned to a thread */
  gboolean    redacting;   /* an erasure is redacting audit rows (the writer only) */
  gboolean    big_cache;   /* a bulk insert raised cache_size until the transaction ends */
} PathwaysSqliteConn;

/* The connection for a read by the calling thread: the writer inside a
 * transaction, the thread's pinned reader inside begin_read, else one
 * from the pool (waiting if all are out).  Give it back with _release. */
PathwaysSqliteConn *pathways_sqlite_acquire      (PathwaysSqliteStore  *self,
                                                  GError              **error);
void                pathways_sqlite_release      (PathwaysSqliteStore  *self,
                                                  PathwaysSqliteConn   *conn);
PathwaysSqliteConn *pathways_sqlite_get_writer   (PathwaysSqliteStore  *self);
PathwaysSqliteConn *pathways_sqlite_try_borrow_reader (PathwaysSqliteStore *self);
gboolean            pathways_sqlite_has_audit    (PathwaysSqliteStore  *self);

/* A cached statement, reset and unbound */
sqlite3_stmt       *pathways_sqlite_prepare      (PathwaysSqliteStore  *self,
                                                  PathwaysSqliteConn   *conn,
                                                  const char           *sql,
                                                  GError              **error);
gboolean            pathways_sqlite_set_error    (PathwaysSqliteStore  *self,
                                                  sqlite3              *db,
                                                  int                   rc,
                                                  GError              **error);
gboolean            pathways_sqlite_step_done    (PathwaysSqliteStore  *self,
                                                  PathwaysSqliteConn   *conn,
                                                  sqlite3_stmt         *stmt,
                                                  GError              **error);

/* A field's value bound as every write binds it (NULL for an empty
 * text or a reference of 0); @text_destructor SQLITE_STATIC when the
 * record outlives the statement's step, else SQLITE_TRANSIENT */
void                pathways_sqlite_bind_field   (sqlite3_stmt         *stmt,
                                                  int                   pos,
                                                  const PathwaysField  *field,
                                                  const GValue         *value,
                                                  sqlite3_destructor_type text_destructor);

PathwaysRecord     *pathways_sqlite_record_from_row (GType                 type,
                                                  sqlite3_stmt         *stmt);
GListModel         *pathways_sqlite_collect      (PathwaysSqliteStore  *self,
                                                  PathwaysSqliteConn   *conn,
                                                  GType                 type,
                                                  sqlite3_stmt         *stmt,
                                                  GError              **error);
char               *pathways_sqlite_select_sql   (PathwaysRecordClass  *klass,
                                                  const char           *where_and_order);
gboolean            pathways_sqlite_is_table     (const char           *table);

/* The bulk reads, in pathways-sqlite-reads.c */
void                pathways_sqlite_store_class_init_reads (PathwaysStoreClass *klass);

/* Many new rows of one table, audited in the same pass, in pathways-sqlite-bulk.c */
gboolean            pathways_sqlite_insert_records (PathwaysSqliteStore  *self,
                                                    gboolean              chained,
                                                    PathwaysRecord      **records,
                                                    guint                 n_records,
                                                    GError              **error);
void                pathways_sqlite_bulk_cache     (PathwaysSqliteConn   *conn);
void                pathways_sqlite_hex_digest     (struct sha256_ctx    *ctx,
                                                    char                  out[65]);

/* The audit trail, in pathways-sqlite-audit.c */
const char * const *pathways_sqlite_audited_tables (guint *n_tables);
void                pathways_sqlite_audit_register (PathwaysSqliteConn   *conn);
GHashTable         *pathways_sqlite_audit_expected (sqlite3              *db,
                                                    int                   version,
                                                    GError              **error);
gboolean            pathways_sqlite_audit_make_triggers (sqlite3         *db,
                                                    int                   version,
                                                    gboolean              drop_unknown,
                                                    GError              **error);
char               *pathways_sqlite_audit_inspect  (sqlite3              *db,
                                                    int                   version);
gboolean            pathways_sqlite_audit_append   (sqlite3              *db,
                                                    const char           *table,
                                                    gint64                row_id,
                                                    const char           *action,
                                                    const char           *after_json,
                                                    GError              **error);
gboolean            pathways_sqlite_audit_table_exists (sqlite3          *db);
gboolean            pathways_sqlite_audit_columns_ok (sqlite3            *db);
gboolean            pathways_sqlite_audit_create_table (sqlite3          *db,
                                                    GError              **error);
char               *pathways_sqlite_newest_backup  (const char           *path);
gboolean            pathways_sqlite_audit_migrate_v7 (sqlite3            *db,
                                                    GError              **error);
gboolean            pathways_sqlite_audit_verify   (sqlite3              *db,
                                                    PathwaysAuditCheck   *check,
                                                    GError              **error);
gboolean            pathways_sqlite_audit_erase    (PathwaysSqliteConn   *conn,
                                                    gint64                id,
                                                    gint64               *out_n_redacted,
                                                    GError              **error);

/* The chain's head kept outside the database, in pathways-sqlite-anchor.c */
void                pathways_sqlite_anchor_save    (const char           *anchor_file,
                                                    const char           *db_path,
                                                    gint64                seq,
                                                    const char           *digest);
void                pathways_sqlite_anchor_forget  (const char           *db_path);
gboolean            pathways_sqlite_audit_head     (sqlite3              *db,
                                                    gint64               *out_seq,
                                                    char                **out_digest);
char               *pathways_sqlite_anchor_check   (sqlite3              *db,
                                                    const char           *anchor_file,
                                                    gint64               *out_row);

#define PATHWAYS_SQLITE_TEXT(stmt, col) ((const char *) sqlite3_column_text ((stmt), (col)))

G_END_DECLS
