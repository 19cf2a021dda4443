/* pathways-record.h — base class for rows of the store
 *
 * Every entity of the store (a young person, a unit, a spell …) is a
 * PathwaysRecord: a GObject whose properties are described once, in a
 * table of PathwaysField.  The same table gives the GObject properties,
 * the SQL column names and the field labels used in error messages, so
 * an entity is declared in one place.
 *
 * Besides its fields every record has an id and a version (see
 * pathways_record_get_version()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  PATHWAYS_FIELD_STRING,
  PATHWAYS_FIELD_DATE,   /* ISO 8601 "YYYY-MM-DD" string, or NULL */
  PATHWAYS_FIELD_INT,    /* gint64 */
  PATHWAYS_FIELD_BOOL,
  PATHWAYS_FIELD_MONEY,  /* gint64, pence */
  PATHWAYS_FIELD_REAL,   /* double */
} PathwaysFieldType;

typedef enum {
  PATHWAYS_FIELD_REQUIRED = 1 << 0,
  PATHWAYS_FIELD_DERIVED  = 1 << 1,  /* computed by a query, never written */
  PATHWAYS_FIELD_REFERENCE = 1 << 2, /* id of another record; 0 is stored as NULL */
} PathwaysFieldFlags;

typedef struct {
  const char        *name;   /* property name, kebab-case; the column uses '_' */
  PathwaysFieldType  type;
  const char        *label;  /* N_() label for messages ("Date of birth") */
  guint              flags;
} PathwaysField;

#define PATHWAYS_TYPE_RECORD (pathways_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (PathwaysRecord, pathways_record, PATHWAYS, RECORD, GObject)

struct _PathwaysRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char          *table;    /* SQL table, or NULL for query-only rows */
  const PathwaysField *fields;
  guint                n_fields;
  char               **columns;  /* n_fields column names */
  GParamSpec         **pspecs;   /* n_fields properties, for notifying by pspec */
  GHashTable          *field_index;  /* field and column name → index + 1 */
  gpointer             padding[6];
};

void                 pathways_record_class_install_fields (PathwaysRecordClass *klass,
                                                           const char          *table,
                                                           const PathwaysField *fields,
                                                           guint                n_fields);

const char          *pathways_record_class_get_table      (PathwaysRecordClass *klass);
guint                pathways_record_class_get_n_fields   (PathwaysRecordClass *klass);
const PathwaysField *pathways_record_class_get_field      (PathwaysRecordClass *klass,
                                                           guint                index);
const char          *pathways_record_class_get_column     (PathwaysRecordClass *klass,
                                                           guint                index);
int                  pathways_record_class_find_field     (PathwaysRecordClass *klass,
                                                           const char          *name);

gint64               pathways_record_get_id               (PathwaysRecord *self);
void                 pathways_record_set_id               (PathwaysRecord *self,
                                                           gint64          id);

/* The row's version in the store: 1 when inserted, one more on every
 * update.  A save or delete of a record whose version is no longer the
 * stored one fails with PATHWAYS_STORE_ERROR_CONFLICT.  0 on a record
 * that has never been stored (and on one built by hand: not checked). */
gint64               pathways_record_get_version          (PathwaysRecord *self);
void                 pathways_record_set_version          (PathwaysRecord *self,
                                                           gint64          version);

/* Access by field index (fast) */
const GValue        *pathways_record_peek_value           (PathwaysRecord *self,
                                                           guint           index);
void                 pathways_record_set_value            (PathwaysRecord *self,
                                                           guint           index,
                                                           const GValue   *value);

/* Access by property name (convenient).  Unknown names are programmer
 * errors and return NULL / 0. */
const char          *pathways_record_get_string           (PathwaysRecord *self,
                                                           const char     *name);
gint64               pathways_record_get_int              (PathwaysRecord *self,
                                                           const char     *name);
gboolean             pathways_record_get_bool             (PathwaysRecord *self,
                                                           const char     *name);
double               pathways_record_get_real             (PathwaysRecord *self,
                                                           const char     *name);
void                 pathways_record_set_string           (PathwaysRecord *self,
                                                           const char     *name,
                                                           const char     *value);
void                 pathways_record_set_int              (PathwaysRecord *self,
                                                           const char     *name,
                                                           gint64          value);
void                 pathways_record_set_bool             (PathwaysRecord *self,
                                                           const char     *name,
                                                           gboolean        value);
void                 pathways_record_set_real             (PathwaysRecord *self,
                                                           const char     *name,
                                                           double          value);

PathwaysRecord      *pathways_record_copy                 (PathwaysRecord *self);

G_END_DECLS
