/* pathways-store.c — the store, whatever the backend
 *
 * The writer lock, nested transactions, change sets for undo, the
 * "changed" signal, validation, optimistic concurrency and its conflict
 * messages, and the worker-thread forms of reads and writes.  The
 * backend (a subclass) owns the connections, the SQL and the schema.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-format.h"
#include "pathways-rules.h"
#include "pathways-settings.h"
#include "pathways-postgres-store.h"
#include "pathways-sqlite-store.h"
#include "pathways-store-backend.h"
#include "pathways-store-private.h"

typedef struct
{
  char          *location;
  PathwaysClock *clock;
  GMainContext  *main_context;
  int            schema_version;
  char          *backup_path;
  gboolean       created;
  gint           connected;        /* atomic */
  char          *login;
  char          *role;
  gint64         staff_id;

  /* Read-only, and who acts: guarded by state_lock */
  GMutex         state_lock;
  char          *read_only_reason;
  gint64         acting_staff_id;

  /* The writer: only the thread holding the lock touches the rest */
  GRecMutex        writer;
  GThread         *writer_thread;  /* atomic: who is inside a transaction */
  guint            depth;
  GArray          *marks;          /* n_changes of pending at each depth */
  PathwaysChanges *pending;        /* what the open transaction wrote */
  GPtrArray       *recording;      /* PathwaysChangeSet stack */
  guint            n_range_deletes; /* runs of new rows undone by their ids' range, for the tests */

  /* atomic: odd while a transaction is open, moves on at every commit,
   * rollback and announced change (pathways_store_get_generation()) */
  guint            generation;
} PathwaysStorePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PathwaysStore, pathways_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (pathways-store-error-quark, pathways_store_error)

enum {
  PROP_0,
  PROP_LOCATION,
  PROP_CLOCK,
  PROP_PATH,
  PROP_SCHEMA_VERSION,
  PROP_CONNECTED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define CLASS(self) PATHWAYS_STORE_GET_CLASS (self)

/* Change sets, for undo ----------------------------------------------- */

typedef enum {
  RECORDED_INSERT,
  RECORDED_UPDATE,
  RECORDED_DELETE,
} RecordedKind;

typedef struct {
  RecordedKind    kind;
  PathwaysRecord *before;         /* for update and delete; NULL for insert */
  GType           type;
  gint64          id;
  gint64          after_version;  /* the row's version after the change (insert, update) */
} Recorded;

struct _PathwaysChangeSet
{
  gatomicrefcount  ref;
  GPtrArray       *changes;  /* Recorded*, in the order written */
};

static void
recorded_free (gpointer data)
{
  Recorded *c = data;

  g_clear_object (&c->before);
  g_free (c);
}

static PathwaysChangeSet *
change_set_new (void)
{
  PathwaysChangeSet *cs = g_new0 (PathwaysChangeSet, 1);

  g_atomic_ref_count_init (&cs->ref);
  cs->changes = g_ptr_array_new_with_free_func (recorded_free);
  return cs;
}

PathwaysChangeSet *
pathways_change_set_ref (PathwaysChangeSet *cs)
{
  g_return_val_if_fail (cs != NULL, NULL);

  g_atomic_ref_count_inc (&cs->ref);
  return cs;
}

void
pathways_change_set_unref (PathwaysChangeSet *cs)
{
  if (cs != NULL && g_atomic_ref_count_dec (&cs->ref))
    {
      g_ptr_array_unref (cs->changes);
      g_free (cs);
    }
}

G_DEFINE_BOXED_TYPE (PathwaysChangeSet, pathways_change_set,
                     pathways_change_set_ref, pathways_change_set_unref)

guint
pathways_change_set_get_n_changes (PathwaysChangeSet *cs)
{
  g_return_val_if_fail (cs != NULL, 0);

  return cs->changes->len;
}

/* A change set as text, to keep with an import so that it can be undone
 * later (another day, another Pathways).  A GVariant of
 * a(syxxa{sv}): the record's type, the kind, id, version after, and the
 * record as it was before (field → value, with "version") */
static GVariant *
record_to_variant (PathwaysRecord *record)
{
  PathwaysRecordClass *klass;
  GVariantBuilder b;

  g_variant_builder_init (&b, G_VARIANT_TYPE_VARDICT);
  if (record == NULL)
    return g_variant_builder_end (&b);
  klass = PATHWAYS_RECORD_GET_CLASS (record);
  g_variant_builder_add (&b, "{sv}", "version", g_variant_new_int64 (pathways_record_get_version (record)));
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const PathwaysField *f = &klass->fields[i];
      const GValue *v = pathways_record_peek_value (record, i);
      GVariant *x = NULL;

      if (f->flags & PATHWAYS_FIELD_DERIVED)
        continue;
      switch (f->type)
        {
        case PATHWAYS_FIELD_STRING:
        case PATHWAYS_FIELD_DATE:
          if (g_value_get_string (v) != NULL)
            x = g_variant_new_string (g_value_get_string (v));
          break;
        case PATHWAYS_FIELD_INT:
        case PATHWAYS_FIELD_MONEY:
          x = g_variant_new_int64 (g_value_get_int64 (v));
          break;
        case PATHWAYS_FIELD_BOOL:
          x = g_variant_new_boolean (g_value_get_boolean (v));
          break;
        case PATHWAYS_FIELD_REAL:
          x = g_variant_new_double (g_value_get_double (v));
          break;
        default:
          g_assert_not_reached ();
        }
      if (x != NULL)
        g_variant_builder_add (&b, "{sv}", f->name, x);
    }
  return g_variant_builder_end (&b);
}

static PathwaysRecord *
record_from_variant (GType     type,
                     gint64    id,
                     GVariant *fields)
{
  PathwaysRecord *record = g_object_new (type, NULL);
  PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (record);
  gint64 version = 1;

  pathways_record_set_id (record, id);
  if (g_variant_lookup (fields, "version", "x", &version))
    pathways_record_set_version (record, version);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const PathwaysField *f = &klass->fields[i];
      g_autoptr(GVariant) x = g_variant_lookup_value (fields, f->name, NULL);
      g_auto(GValue) v = G_VALUE_INIT;

      if (x == NULL || (f->flags & PATHWAYS_FIELD_DERIVED))
        continue;
      if (g_variant_is_of_type (x, G_VARIANT_TYPE_STRING))
        {
          g_value_init (&v, G_TYPE_STRING);
          g_value_set_string (&v, g_variant_get_string (x, NULL));
        }
      else if (g_variant_is_of_type (x, G_VARIANT_TYPE_INT64))
        {
          g_value_init (&v, G_TYPE_INT64);
          g_value_set_int64 (&v, g_variant_get_int64 (x));
        }
      else if (g_variant_is_of_type (x, G_VARIANT_TYPE_BOOLEAN))
        {
          g_value_init (&v, G_TYPE_BOOLEAN);
          g_value_set_boolean (&v, g_variant_get_boolean (x));
        }
      else if (g_variant_is_of_type (x, G_VARIANT_TYPE_DOUBLE))
        {
          g_value_init (&v, G_TYPE_DOUBLE);
          g_value_set_double (&v, g_variant_get_double (x));
        }
      else
        continue;
      pathways_record_set_value (record, i, &v);
    }
  return record;
}

/* The record types a change set may name: their tables */
static GType
type_for_table (const char *table)
{
  GType types[] = {
    PATHWAYS_TYPE_YOUNG_PERSON, PATHWAYS_TYPE_EPISODE, PATHWAYS_TYPE_OC3_FACT, PATHWAYS_TYPE_UNIT,
    PATHWAYS_TYPE_SPELL, PATHWAYS_TYPE_STAFF, PATHWAYS_TYPE_TEAM, PATHWAYS_TYPE_CONTACT,
    PATHWAYS_TYPE_ACTIVITY, PATHWAYS_TYPE_MILESTONE, PATHWAYS_TYPE_TRANSITION, PATHWAYS_TYPE_NOTE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
      if (g_strcmp0 (PATHWAYS_RECORD_CLASS (klass)->table, table) == 0)
        return types[i];
    }
  return G_TYPE_INVALID;
}

/* In the text only: inserts of ids from the entry's to its "last", one
 * after another, all at the same version */
#define SERIAL_INSERT_RUN 3

/* Whether @next continues the run of inserts @prev is in: one table,
 * ids one after another, all at one version */
static gboolean
continues_run (const Recorded *prev,
               const Recorded *next)
{
  return prev->kind == RECORDED_INSERT && next->kind == RECORDED_INSERT && next->type == prev->type &&
         next->after_version == prev->after_version && next->id == prev->id + 1;
}

/* The index of the last change of the run of inserts starting at
 * @start (@start itself when there is no run) */
static guint
insert_run_end (PathwaysChangeSet *changes,
                guint              start)
{
  guint end = start;

  while (end + 1 < changes->changes->len &&
         continues_run (g_ptr_array_index (changes->changes, end), g_ptr_array_index (changes->changes, end + 1)))
    end++;
  return end;
}

/**
 * pathways_change_set_serialize:
 *
 * Returns: (transfer full): @changes as text for
 *   pathways_change_set_deserialize()
 */
char *
pathways_change_set_serialize (PathwaysChangeSet *changes)
{
  g_autoptr(GString) out = NULL;
  GType last_type = G_TYPE_INVALID;
  const char *table = NULL;

  g_return_val_if_fail (changes != NULL, NULL);

  /* The text of the GVariant a(syxxa{sv}) as g_variant_parse() reads it
   * with that type; an insert (no "before": most of an import) is
   * written here directly, as "('episode', 0, 12, 1, {})" — printing a
   * GVariant of hundreds of thousands of them costs seconds — and a run
   * of inserts of one table with ids one after another (a bulk insert's)
   * as one entry, "('episode', 3, 12, 1, {'last': <int64 150055>})":
   * the import log keeps a few bytes, not megabytes twice over (the row
   * and its audit row) */
  out = g_string_sized_new (64);
  g_string_append_c (out, '[');
  for (guint i = 0; i < changes->changes->len; i++)
    {
      Recorded *c = g_ptr_array_index (changes->changes, i);
      guint last = insert_run_end (changes, i);
      char buf[96];

      if (c->type != last_type)
        {
          g_autoptr(GTypeClass) klass = g_type_class_ref (c->type);

          table = PATHWAYS_RECORD_CLASS (klass)->table;  /* (static: the class stays) */
          last_type = c->type;
        }
      if (i > 0)
        g_string_append (out, ", ");
      if (last > i)
        {
          g_string_append (out, "('");
          g_string_append (out, table);
          g_snprintf (buf, sizeof buf, "', %u, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", {'last': <int64 %"
                      G_GINT64_FORMAT ">})", (guint) SERIAL_INSERT_RUN, c->id, c->after_version,
                      ((Recorded *) g_ptr_array_index (changes->changes, last))->id);
          g_string_append (out, buf);
          i = last;
        }
      else if (c->before == NULL)
        {
          g_string_append (out, "('");
          g_string_append (out, table);
          g_snprintf (buf, sizeof buf, "', %u, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", {})", (guint) c->kind,
                      c->id, c->after_version);
          g_string_append (out, buf);
        }
      else
        {
          g_autoptr(GVariant) v = g_variant_ref_sink (g_variant_new ("(syxx@a{sv})", table, (guchar) c->kind, c->id,
                                                                     c->after_version,
                                                                     record_to_variant (c->before)));
          g_autofree char *text = g_variant_print (v, FALSE);

          g_string_append (out, text);
        }
    }
  g_string_append_c (out, ']');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * pathways_change_set_deserialize:
 *
 * Returns: (transfer full): the change set @text describes, or %NULL
 *   with @error set if it cannot be read
 */
PathwaysChangeSet *
pathways_change_set_deserialize (const char  *text,
                                 GError     **error)
{
  g_autoptr(GVariant) v = NULL;
  g_autoptr(PathwaysChangeSet) cs = change_set_new ();
  g_autoptr(GError) local = NULL;
  GVariantIter iter;
  const char *table;
  guchar kind;
  gint64 id, after;
  GVariant *before;

  v = g_variant_parse (G_VARIANT_TYPE ("a(syxxa{sv})"), text ? text : "", NULL, NULL, &local);
  if (v == NULL)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                   _("The record of what the import changed cannot be read: %s"), local->message);
      return NULL;
    }
  g_variant_iter_init (&iter, v);
  while (g_variant_iter_next (&iter, "(&syxx@a{sv})", &table, &kind, &id, &after, &before))
    {
      g_autoptr(GVariant) owned = before;
      GType type = type_for_table (table);
      Recorded *c;

      if (type == G_TYPE_INVALID || kind > SERIAL_INSERT_RUN)
        {
          g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                       _("The record of what the import changed names a table Pathways does not know, ‘%s’"),
                       table);
          return NULL;
        }
      if (kind == SERIAL_INSERT_RUN)
        {
          gint64 last = 0;

          if (!g_variant_lookup (owned, "last", "x", &last) || last < id || last - id >= G_MAXUINT)
            {
              g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                                   _("The record of what the import changed cannot be read: a run of new "
                                     "records has no end"));
              return NULL;
            }
          for (gint64 each = id; each <= last; each++)
            {
              c = g_new0 (Recorded, 1);
              c->kind = RECORDED_INSERT;
              c->type = type;
              c->id = each;
              c->after_version = after;
              g_ptr_array_add (cs->changes, c);
            }
          continue;
        }
      c = g_new0 (Recorded, 1);
      c->kind = kind;
      c->type = type;
      c->id = id;
      c->after_version = after;
      if (kind != RECORDED_INSERT)
        c->before = record_from_variant (type, id, owned);
      g_ptr_array_add (cs->changes, c);
    }
  return g_steal_pointer (&cs);
}

/* Helpers ------------------------------------------------------------- */

static PathwaysRecordClass *
writable_class (PathwaysRecord *record)
{
  PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (record);

  g_return_val_if_fail (klass->table != NULL, NULL);
  return klass;
}

static gint64
int_field (PathwaysRecord *record,
           const char     *name)
{
  int idx = pathways_record_class_find_field (PATHWAYS_RECORD_GET_CLASS (record), name);

  return idx < 0 ? 0 : g_value_get_int64 (pathways_record_peek_value (record, (guint) idx));
}

static void
owners_of (PathwaysRecord *record,
           gint64         *person,
           gint64         *unit)
{
  if (PATHWAYS_IS_YOUNG_PERSON (record))
    *person = pathways_record_get_id (record);
  else
    *person = int_field (record, "young-person-id");

  if (PATHWAYS_IS_UNIT (record))
    *unit = pathways_record_get_id (record);
  else if (PATHWAYS_IS_TRANSITION (record))
    *unit = int_field (record, "to-unit-id");
  else
    *unit = int_field (record, "unit-id");
}

/* What the open transaction wrote, for "changed" */
static void
note_change (PathwaysStore      *self,
             PathwaysChangeKind  kind,
             PathwaysRecord     *record,
             PathwaysRecord     *before)
{
  PathwaysStorePrivate *priv = pathways_store_get_instance_private (self);
  const char *table = PATHWAYS_RECORD_GET_CLASS (record)->table;
  gint64 id = pathways_record_get_id (record);
  gint64 person, unit;

  g_assert (priv->pending != NULL);

  owners_of (record, &person, &unit);
  pathways_changes_add (priv->pending, table, id, kind, person, unit);
  if (before != NULL)
    {
      gint64 was_person, was_unit;

      /* A spell moved to another unit concerns the old one too */
      owners_of (before, &was_person, &was_unit);
      if (was_person != person || was_unit != unit)
        pathways_changes_add (priv->pending, table, id, kind, was_person, was_unit);
    }
}

/* What the open recorded action wrote, for undo */
static void
record_change (PathwaysStore  *self,
               RecordedKind    kind,
               PathwaysRecord *record,
               PathwaysRecord *before)
{
  PathwaysStorePrivate *priv = pathways_store_get_instance_private (self);
  PathwaysChangeSet *cs;
  Recorded *c;

  if (priv->recording == NULL || priv->recording->len == 0)
    return;
  cs = g_ptr_array_index (priv->recording, priv->recording->len - 1);

  c = g_new0 (Recorded, 1);
  c->kind = kind;
  c->type = G_OBJECT_TYPE (record);
  c->id = pathways_record_get_id (record);
  c->before = before ? g_object_ref (before) : NULL;
  c->after_version = kind == RECORDED_DELETE ? 0 : pathways_record_get_version (record);
  g_ptr_array_add (cs->changes, c);
}

/* Conflict messages --------------------------------------------------- */

typedef enum {
  SUBJECT_PERSON,   /* a young person: "Yonas Abdullahi’s record" */
  SUBJECT_NAMED,    /* a unit, a member of staff, a milestone: by name */
  SUBJECT_OTHER,
} Subject;

typedef enum {
  SHAPE_CHANGED_FIELDS,
  SHAPE_CHANGED,
  SHAPE_DELETED,
} Shape;

static const char *
conflict_format (gboolean for_undo,
                 Subject  subject,
                 Shape    shape)
{
  /* Translators: in each, the name (but for "This record …"), then who
   * (a login name), the time (14:02), the date (02/12/2026) and, in
   * brackets, the fields changed */
  if (!for_undo)
    switch (subject * 3 + shape)
      {
      case SUBJECT_PERSON * 3 + SHAPE_CHANGED_FIELDS:
        return _("%s’s record was changed by %s at %s on %s after you opened it (%s).");
      case SUBJECT_PERSON * 3 + SHAPE_CHANGED:
        return _("%s’s record was changed by %s at %s on %s after you opened it.");
      case SUBJECT_PERSON * 3 + SHAPE_DELETED:
        return _("%s’s record was deleted by %s at %s on %s after you opened it.");
      case SUBJECT_NAMED * 3 + SHAPE_CHANGED_FIELDS:
        return _("“%s” was changed by %s at %s on %s after you opened it (%s).");
      case SUBJECT_NAMED * 3 + SHAPE_CHANGED:
        return _("“%s” was changed by %s at %s on %s after you opened it.");
      case SUBJECT_NAMED * 3 + SHAPE_DELETED:
        return _("“%s” was deleted by %s at %s on %s after you opened it.");
      case SUBJECT_OTHER * 3 + SHAPE_CHANGED_FIELDS:
        return _("This record was changed by %s at %s on %s after you opened it (%s).");
      case SUBJECT_OTHER * 3 + SHAPE_CHANGED:
        return _("This record was changed by %s at %s on %s after you opened it.");
      default:
        return _("This record was deleted by %s at %s on %s after you opened it.");
      }

  switch (subject * 3 + shape)
    {
    case SUBJECT_PERSON * 3 + SHAPE_CHANGED_FIELDS:
      return _("Could not undo: %s’s record was changed again by %s at %s on %s (%s).");
    case SUBJECT_PERSON * 3 + SHAPE_CHANGED:
      return _("Could not undo: %s’s record was changed again by %s at %s on %s.");
    case SUBJECT_PERSON * 3 + SHAPE_DELETED:
      return _("Could not undo: %s’s record was deleted by %s at %s on %s.");
    case SUBJECT_NAMED * 3 + SHAPE_CHANGED_FIELDS:
      return _("Could not undo: “%s” was changed again by %s at %s on %s (%s).");
    case SUBJECT_NAMED * 3 + SHAPE_CHANGED:
      return _("Could not undo: “%s” was changed again by %s at %s on %s.");
    case SUBJECT_NAMED * 3 + SHAPE_DELETED:
      return _("Could not undo: “%s” was deleted by %s at %s on %s.");
    case SUBJECT_OTHER * 3 + SHAPE_CHANGED_FIELDS:
      return _("Could not undo: the record was changed again by %s at %s on %s (%s).");
    case SUBJECT_OTHER * 3 + SHAPE_CHANGED:
      return _("Could not undo: the record was changed again by %s at %s on %s.");
    default:
      return _("Could not undo: the record was deleted by %s at %s on %s.");
    }
}

/* "14:02" and "02/12/2026", local time, from the audit log's UTC stamp */
static gboolean
local_time_and_day (const char  *at,
                    char       **out_time,
                    char       **out_day)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = at ? g_date_time_new_from_iso8601 (at, utc) : NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *iso = NULL;

  if (when == NULL)
    return FALSE;
  local = g_date_time_to_local (when);
  iso = g_date_time_format (local, "%Y-%m-%d");
  *out_time = g_date_time_format (local, "%H:%M");
  *out_day = pathways_date_format_uk (iso);
  return TRUE;
}

static char *
changed_labels (PathwaysRecord *record,
                char          **columns)
{
  PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (record);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; columns && columns[i]; i++)
    {
      int idx = pathways_record_class_find_field (klass, columns[i]);
      const PathwaysField *f;

      if (idx < 0)
        continue;
      f = pathways_record_class_get_field (klass, (guint) idx);
      if (f->label == NULL)
        continue;
      if (out->len > 0)
        /* Translators: between the fields in a list: "Preferred name, Date of birth" */
        g_string_append (out, C_("list separator", ", "));
      g_string_append (out, g_dgettext (GETTEXT_PACKAGE, f->label));
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* Replaces the backend's bare conflict (or not-found) with one that says
 * who changed @record, what and when, from the store's history.  @record
 * holds the version the caller had; @named (or @record) gives the name. */
static void
explain_conflict (PathwaysStore   *self,
                  PathwaysRecord  *record,
                  PathwaysRecord  *named,
                  gboolean         for_undo,
                  GError         **error)
{
  PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (record);
  g_autoptr(PathwaysStoreRowHistory) history = NULL;
  g_autofree char *name = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *time = NULL;
  g_autofree char *day = NULL;
  g_autofree char *message = NULL;
  const char *format;
  Subject subject;
  Shape shape;
  int name_idx;

  if (error == NULL || *error == NULL || pathways_record_get_version (record) == 0)
    return;
  if (!g_error_matches (*error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT) &&
      !g_error_matches (*error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND))
    return;

  if (CLASS (self)->describe_changes_since != NULL)
    history = CLASS (self)->describe_changes_since (self, klass->table, pathways_record_get_id (record),
                                                    pathways_record_get_version (record), NULL);

  if (history == NULL || !local_time_and_day (history->at, &time, &day))
    {
      /* Nothing to tell but that it happened */
      if (!g_error_matches (*error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT))
        return;
      g_clear_error (error);
      if (for_undo)
        g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT,
                             _("Could not undo: the record was changed again by someone else since."));
      else
        g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT, "%s %s",
                     _("This record was changed by someone else after you opened it."),
                     _("Reload to see their changes; yours are kept on screen."));
      return;
    }

  if (named == NULL)
    named = record;
  name_idx = pathways_record_class_find_field (klass, "name");
  if (PATHWAYS_IS_YOUNG_PERSON (named) && pathways_young_person_get_family_name (PATHWAYS_YOUNG_PERSON (named)))
    {
      subject = SUBJECT_PERSON;
      name = pathways_young_person_dup_display_name (PATHWAYS_YOUNG_PERSON (named));
    }
  else if (name_idx >= 0 && pathways_record_get_string (named, "name") != NULL)
    {
      subject = SUBJECT_NAMED;
      name = g_strdup (pathways_record_get_string (named, "name"));
    }
  else
    {
      subject = SUBJECT_OTHER;
    }

  fields = history->deleted ? NULL : changed_labels (record, history->columns);
  shape = history->deleted ? SHAPE_DELETED : fields ? SHAPE_CHANGED_FIELDS : SHAPE_CHANGED;
  format = conflict_format (for_undo, subject, shape);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  if (subject == SUBJECT_OTHER)
    message = g_strdup_printf (format, history->actor, time, day, fields);
  else
    message = g_strdup_printf (format, name, history->actor, time, day, fields);
#pragma GCC diagnostic pop

  g_clear_error (error);
  if (!for_undo && !history->deleted)
    g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT, "%s %s", message,
                 _("Reload to see their changes; yours are kept on screen."));
  else
    g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT, message);
}

/* Writing records ----------------------------------------------------- */

/* The row as stored now, inside the transaction: NULL, with an error that
 * says so in words, if it is gone */
static PathwaysRecord *
stored_row (PathwaysStore   *self,
            PathwaysRecord  *record,
            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  PathwaysRecord *row;

  row = CLASS (self)->get_record (self, G_OBJECT_TYPE (record), pathways_record_get_id (record), &local_error);
  if (row == NULL)
    {
      if (g_error_matches (local_error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND))
        g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                             _("This record no longer exists: someone may have deleted it"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return row;
}

static gboolean write_insert (PathwaysStore   *self,
                              PathwaysRecord  *record,
                              gboolean         validate,
                              gboolean         keep_id,
                              GError         **error);

/* A staff member's or young person's team names a row of the team table
 * (issue #12): a name not seen before is added as a team in the same
 * transaction (so it is undone with the change that brought it), and an
 * empty one is no team */
static gboolean
ensure_team (PathwaysStore   *self,
             PathwaysRecord  *record,
             GError         **error)
{
  g_autoptr(GListModel) teams = NULL;
  g_autoptr(PathwaysTeam) team = NULL;
  const char *name;

  if (!PATHWAYS_IS_STAFF (record) && !PATHWAYS_IS_YOUNG_PERSON (record))
    return TRUE;
  name = pathways_record_get_string (record, "team");
  if (name != NULL && *name == '\0')
    {
      g_object_set (record, "team", NULL, NULL);
      return TRUE;
    }
  if (name == NULL)
    return TRUE;

  teams = CLASS (self)->list_records (self, PATHWAYS_TYPE_TEAM, 0, error);
  if (teams == NULL)
    return FALSE;
  for (guint i = 0, n = g_list_model_get_n_items (teams); i < n; i++)
    {
      g_autoptr(PathwaysTeam) t = g_list_model_get_item (teams, i);

      if (g_strcmp0 (pathways_team_get_name (t), name) == 0)
        return TRUE;
    }
  team = g_object_new (PATHWAYS_TYPE_TEAM, "name", name, NULL);
  return write_insert (self, PATHWAYS_RECORD (team), TRUE, FALSE, error);
}

static gboolean
write_insert (PathwaysStore   *self,
              PathwaysRecord  *record,
              gboolean         validate,
              gboolean         keep_id,
              GError         **error)
{
  gint64 version = pathways_record_get_version (record);

  if (writable_class (record) == NULL)
    return FALSE;
  if (!pathways_store_begin (self, error))
    return FALSE;

  if (validate && (!ensure_team (self, record, error) || !pathways_validate_record (self, record, error)))
    goto failed;
  if (!CLASS (self)->insert_record (self, record, keep_id, error))
    goto failed;

  record_change (self, RECORDED_INSERT, record, NULL);
  note_change (self, PATHWAYS_CHANGE_INSERT, record, NULL);

  if (!pathways_store_commit (self, error))
    goto failed_commit;
  return TRUE;

failed:
  pathways_store_rollback (self);
failed_commit:
  if (!keep_id)
    pathways_record_set_id (record, 0);
  pathways_record_set_version (record, version);
  return FALSE;
}

static gboolean
write_update (PathwaysStore   *self,
              PathwaysRecord  *record,
              gboolean         validate,
              gboolean         for_undo,
              GError         **error)
{
  g_autoptr(PathwaysRecord) before = NULL;
  gint64 version = pathways_record_get_version (record);

  if (writable_class (record) == NULL)
    return FALSE;
  if (!pathways_store_begin (self, error))
    return FALSE;

  if (validate && (!ensure_team (self, record, error) || !pathways_validate_record (self, record, error)))
    goto failed;

  /* For undo, and to tell the pages which young person and unit the row
   * belonged to before */
  before = stored_row (self, record, error);
  if (before == NULL)
    {
      explain_conflict (self, record, NULL, for_undo, error);
      goto failed;
    }

  if (!CLASS (self)->update_record (self, record, error))
    {
      explain_conflict (self, record, NULL, for_undo, error);
      goto failed;
    }

  record_change (self, RECORDED_UPDATE, record, before);
  note_change (self, PATHWAYS_CHANGE_UPDATE, record, before);

  if (!pathways_store_commit (self, error))
    goto failed_commit;
  return TRUE;

failed:
  pathways_store_rollback (self);
failed_commit:
  pathways_record_set_version (record, version);
  return FALSE;
}

static gboolean
write_delete (PathwaysStore   *self,
              PathwaysRecord  *record,
              gboolean         for_undo,
              GError         **error)
{
  g_autoptr(PathwaysRecord) before = NULL;

  if (writable_class (record) == NULL)
    return FALSE;
  if (!pathways_store_begin (self, error))
    return FALSE;

  before = stored_row (self, record, error);
  if (before == NULL)
    {
      explain_conflict (self, record, NULL, for_undo, error);
      goto failed;
    }
  if (!CLASS (self)->delete_record (self, record, error))
    {
      /* @record may be no more than an id and a version: name it by the row */
      explain_conflict (self, record, before, for_undo, error);
      goto failed;
    }

  record_change (self, RECORDED_DELETE, record, before);
  note_change (self, PATHWAYS_CHANGE_DELETE, before, NULL);

  return pathways_store_commit (self, error);

failed:
  pathways_store_rollback (self);
  return FALSE;
}

/* GObject ------------------------------------------------------------- */

static void
pathways_store_constructed (GObject *object)
{
  PathwaysStore *self = PATHWAYS_STORE (object);
  PathwaysStorePrivate *priv = pathways_store_get_instance_private (self);

  G_OBJECT_CLASS (pathways_store_parent_class)->constructed (object);

  if (priv->clock == NULL)
    priv->clock = pathways_clock_new ();
}

static void
pathways_store_finalize (GObject *object)
{
  PathwaysStore *self = PATHWAYS_STORE (object);
  PathwaysStorePrivate *priv = pathways_store_get_instance_private (self);

  g_clear_pointer (&priv->location, g_free);
  g_clear_pointer (&priv->backup_path, g_free);
  g_clear_pointer (&priv->login, g_free);
  g_clear_pointer (&priv->role, g_free);
  g_clear_pointer (&priv->read_only_reason, g_free);
  g_mutex_clear (&priv->state_lock);
  g_clear_object (&priv->clock);
  g_clear_pointer (&priv->main_context, g_main_context_unref);
  g_clear_pointer (&priv->marks, g_array_unref);
  g_clear_pointer (&priv->pending, pathways_changes_unref);
  g_clear_pointer (&priv->recording, g_ptr_array_unref);
  g_rec_mutex_clear (&priv->writer);

  G_OBJECT_CLASS (pathways_store_parent_class)->finalize (object);
}

static void
pathways_store_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PathwaysStore *self = PATHWAYS_STORE (object);
  PathwaysStorePrivate *priv = pathways_store_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_LOCATION:
    case PROP_PATH:
      g_value_set_string (value, priv->location);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, priv->clock);
      break;
    case PROP_SCHEMA_VERSION:
      g_value_set_int (value, priv->schema_version);
      break;
    case PROP_CONNECTED:
      g_value_set_boolean (value, g_atomic_int_get (&priv->connected));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_store_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PathwaysStore *self = PATHWAYS_STORE (object);
  PathwaysStorePrivate *priv = pathways_store_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_LOCATION:
      g_assert (priv->location == NULL);
      priv->location = g_value_dup_string (value);
      break;
    case PROP_CLOCK:
      g_assert (priv->clock == NULL);
      priv->clock = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_store_class_init (PathwaysStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pathways_store_constructed;
  object_class->finalize = pathways_store_finalize;
  object_class->get_property = pathways_store_get_property;
  object_class->set_property = pathways_store_set_property;

  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, PATHWAYS_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEMA_VERSION] =
    g_param_spec_int ("schema-version", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * PathwaysStore:connected:
   *
   * Whether the database can be reached: FALSE while a team server is
   * away (reads and writes fail with %PATHWAYS_STORE_ERROR_OFFLINE and
   * nothing is half-written); TRUE again once it is back.  Notified on
   * the store's main context.
   */
  properties[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PathwaysStore::changed:
   * @changes: what the commit, the undo or the other program changed
   *
   * Emitted on the store's main context (the thread-default main
   * context of the thread that opened it) after every commit of a
   * change and every undo, whichever thread made it, and when another
   * program changed the database.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PATHWAYS_TYPE_CHANGES | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
pathways_store_init (PathwaysStore *self)
{
  PathwaysStorePrivate *priv = pathways_store_get_instance_private (self);

  g_rec_mutex_init (&priv->writer);
  g_mutex_init (&priv->state_lock);
  priv->marks = g_array_new (FALSE, FALSE, sizeof (guint));
  priv->main_context = g_main_context_ref_thread_default ();
  priv->connected = TRUE;
}

/**
 * pathways_store_get_generation:
 *
 * A number that moves on whenever the data may have changed: odd while
 * a transaction is open (in any thread), a new even number after each
 * commit or rollback and after each change announced by "changed"
 * (changes made by other programs included).  Two reads made while it
 * held the same even number saw the same data, so what was computed
 * from the first may be given to the second (the shared rules snapshot,
 * pathways_snapshot_load_shared()).
 */
guint
pathways_store_get_generation (PathwaysStore *self)
{
  PathwaysStorePrivate *priv;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), 0);
  priv = pathways_store_get_instance_private (self);
  return (guint) g_atomic_int_get (&priv->generation);
}

/* For backends -------------------------------------------------------- */

gboolean
pathways_store_in_transaction (PathwaysStore *self)
{
  PathwaysStorePrivate *priv = pathways_store_get_instance_private (self);

  return g_atomic_pointer_get (&priv->writer_thread) == (gpointer) g_thread_self ();
}

void
pathways_store_set_opened (PathwaysStore *self,
                           int            schema_version,
                           gboolean       created,
                           const char    *backup_path)
{
  PathwaysStorePrivate *priv = pathways_store_get_instance_private (self);

  priv->schema_version = schema_version;
  priv->created = created;
  g_free (priv->backup_path);
  priv->backup_path = g_strdup (backup_path);
}

static gboolean
notify_connected_cb (gpointer data)
{
  g_autoptr(PathwaysStore) store = g_weak_ref_get (data);

  if (store != NULL)
    g_object_notify_by_pspec (G_OBJECT (store), properties[PROP_CONNECTED]);
  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

void
pathways_store_set_connected (PathwaysStore *self,
                              gboolean       connected)
{
  PathwaysStorePrivate *priv = pathways_store_get_instance_private (self);
  GWeakRef *ref;

  connected = !!connected;
  if (g_atomic_int_exchange (&priv->connected, connected) == connected)
    return;
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  g_main_context_invoke_full (priv->main_context, G_PRIORITY_DEFAULT, notify_connected_cb, ref, weak_ref_free);
}

void
pathways_store_set_signed_in (PathwaysStore *self,
                              const char    *login,
                              const char    *role,
                              gint64         staff_id)
{
  PathwaysStorePrivate *priv = pathways_store_get_instance_private (self);

  g_free (priv->login);
  priv->login = g_strdup (login);
  g_free (priv->role);
  priv->role = g_strdup (role);
  priv->staff_id = staff_id;
}

GMainContext *
pathways_store_get_main_context (PathwaysStore *self)
{
  PathwaysStorePrivate *priv = pathways_store_get_instance_private (self);

  return priv->main_context;
}

typedef struct {
  GWeakRef         store;
  PathwaysChanges *changes;
} Emission;

static gboolean
emit_changes_cb (gpointer data)
{
  Emission *e = data;
  g_autoptr(PathwaysStore) store = g_weak_ref_get (&e->store);

  if (store != NULL)
    g_signal_emit (store, signals[CHANGED], 0, e->changes);
  return G_SOURCE_REMOVE;
}

static void
emission_free (gpointer data)
{
  Emission *e = data;

  g_weak_ref_clear (&e->store);
  pathways_changes_unref (e->changes);
  g_free (e);
}

void
pathways_store_post_changes (PathwaysStore   *self,
                             PathwaysChanges *changes)
{
  PathwaysStorePrivate *priv = pathways_store_get_instance_private (self);
  Emission *e;

  g_return_if_fail (PATHWAYS_IS_STORE (self));
  g_return_if_fail (changes != NULL);

  /* A change made elsewhere (or announced late) makes what was read
   * before it old: two steps keep the parity */
  g_atomic_int_add (&priv->generation, 2);
  e = g_new0 (Emission, 1);
  g_weak_ref_init (&e->store, self);
  e->changes = pathways_changes_ref (changes);
  /* At once when called on the main context's own thread */
  g_main_context_invoke_full (priv->main_context, G_PRIORITY_DEFAULT, emit_changes_cb, e, emission_free);
}

/* Table dumps --------------------------------------------------------- */

PathwaysTableDump *
pathways_table_dump_new (const char *table,
                         GStrv       columns)
{
  PathwaysTableDump *dump = g_new0 (PathwaysTableDump, 1);

  dump->table = g_strdup (table);
  dump->columns = columns;
  dump->rows = g_ptr_array_new ();
  return dump;
}

void
pathways_table_dump_add (PathwaysTableDump  *dump,
                         char              **values)
{
  g_ptr_array_add (dump->rows, values);
}

void
pathways_table_dump_free (PathwaysTableDump *dump)
{
  guint n;

  if (dump == NULL)
    return;
  n = g_strv_length (dump->columns);
  for (guint r = 0; r < dump->rows->len; r++)
    {
      char **values = g_ptr_array_index (dump->rows, r);

      for (guint c = 0; c < n; c++)
        g_free (values[c]);
      g_free (values);
    }
  g_ptr_array_unref (dump->rows);
  g_strfreev (dump->columns);
  g_free (dump->table);
  g_free (dump);
}

/* Opening ------------------------------------------------------------- */

/**
 * pathways_store_location_is_server:
 *
 * Returns: %TRUE if @location names a team server database
 *   ("postgresql://…", "postgres://…" or a "host=… dbname=…" string)
 *   rather than a file
 */
gboolean
pathways_store_location_is_server (const char *location)
{
  return pathways_postgres_is_location (location);
}

/**
 * pathways_store_describe_location:
 *
 * Returns: (transfer full): @location for people: a file's path, or a team
 *   server's database and host (never its password)
 */
char *
pathways_store_describe_location (const char *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (pathways_postgres_is_location (location))
    return pathways_postgres_describe_location (location);
  return g_strdup (location);
}

/**
 * pathways_store_default_path:
 *
 * Returns: $PATHWAYS_DATABASE if set, else
 * $XDG_DATA_HOME/pathways/pathways.db
 */
char *
pathways_store_default_path (void)
{
  const char *env = g_getenv (PATHWAYS_DATABASE_ENV);

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "pathways", "pathways.db", NULL);
}

/**
 * pathways_store_open:
 * @location: a file (or "sqlite:PATH", or a "file:" URI) for the
 *   embedded database; created if missing
 * @clock: (nullable): what "today" is, for validation
 *
 * Opens the database, creating it or bringing its schema up to date (a
 * backup copy is made first).  A database from a newer Pathways is
 * refused with %PATHWAYS_STORE_ERROR_TOO_NEW.  A team server location
 * ("postgresql://…", or a "host=… dbname=…" connection string) opens
 * the PostgreSQL backend, which never creates or migrates the schema
 * (`pathways-cli server init` does) and refuses a login that is a
 * superuser or bypasses row-level security.
 *
 * "changed" is emitted on the thread-default main context of the
 * calling thread (the global default one for a worker thread).
 */
PathwaysStore *
pathways_store_open (const char     *location,
                     PathwaysClock  *clock,
                     GError        **error)
{
  return pathways_store_open_with_password (location, NULL, clock, error);
}

/**
 * pathways_store_open_with_password:
 * @password: (nullable): for a team server, the password to sign in with
 *   (from the desktop's keyring); NULL lets libpq find one (.pgpass,
 *   PGPASSWORD) or sign in without (peer, GSSAPI).  Not used for a file.
 *
 * See pathways_store_open().
 */
PathwaysStore *
pathways_store_open_with_password (const char     *location,
                                   const char     *password,
                                   PathwaysClock  *clock,
                                   GError        **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (clock == NULL || PATHWAYS_IS_CLOCK (clock), NULL);

  if (pathways_postgres_is_location (location))
    return pathways_postgres_store_open (location, password, clock, error);

  if (g_str_has_prefix (location, "file:"))
    {
      path = g_filename_from_uri (location, NULL, NULL);
      if (path == NULL)
        {
          g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_IO,
                       _("“%s” is not a file address Pathways can open"), location);
          return NULL;
        }
    }
  else if (g_str_has_prefix (location, "sqlite:"))
    {
      const char *rest = location + strlen ("sqlite:");

      /* sqlite:///srv/pathways.db and sqlite:/srv/pathways.db alike */
      if (g_str_has_prefix (rest, "//"))
        rest += 2;
      path = g_strdup (rest);
    }
  else
    path = g_strdup (location);

  if (*path == '\0')
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_IO,
                           _("No database file was given"));
      return NULL;
    }

  return pathways_sqlite_store_open (path, clock, error);
}

/**
 * pathways_store_get_location:
 *
 * Returns: where the store is: the file of an embedded database
 */
const char *
pathways_store_get_location (PathwaysStore *self)
{
  PathwaysStorePrivate *priv;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  priv = pathways_store_get_instance_private (self);
  return priv->location;
}

/**
 * pathways_store_get_path:
 *
 * Returns: the database file (the location, for the embedded backend)
 */
const char *
pathways_store_get_path (PathwaysStore *self)
{
  return pathways_store_get_location (self);
}

PathwaysClock *
pathways_store_get_clock (PathwaysStore *self)
{
  PathwaysStorePrivate *priv;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  priv = pathways_store_get_instance_private (self);
  return priv->clock;
}

int
pathways_store_get_schema_version (PathwaysStore *self)
{
  PathwaysStorePrivate *priv;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), 0);

  priv = pathways_store_get_instance_private (self);
  return priv->schema_version;
}

/**
 * pathways_store_was_created:
 *
 * Returns: %TRUE if opening the store created the database
 */
gboolean
pathways_store_was_created (PathwaysStore *self)
{
  PathwaysStorePrivate *priv;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  priv = pathways_store_get_instance_private (self);
  return priv->created;
}

/**
 * pathways_store_get_backup_path:
 *
 * Returns: (nullable): the copy made before the last migration
 */
const char *
pathways_store_get_backup_path (PathwaysStore *self)
{
  PathwaysStorePrivate *priv;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  priv = pathways_store_get_instance_private (self);
  return priv->backup_path;
}

/**
 * pathways_store_get_connected:
 *
 * Returns: %FALSE while a team server cannot be reached
 */
gboolean
pathways_store_get_connected (PathwaysStore *self)
{
  PathwaysStorePrivate *priv;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  priv = pathways_store_get_instance_private (self);
  return g_atomic_int_get (&priv->connected);
}

/**
 * pathways_store_get_signed_in_login:
 *
 * Returns: (nullable): the team server login, or %NULL for the embedded
 *   database
 */
const char *
pathways_store_get_signed_in_login (PathwaysStore *self)
{
  PathwaysStorePrivate *priv;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  priv = pathways_store_get_instance_private (self);
  return priv->login;
}

/**
 * pathways_store_get_signed_in_role:
 *
 * Returns: (nullable): "pa", "housing", "manager" or "admin" as the team
 *   server says, or %NULL for the embedded database
 */
const char *
pathways_store_get_signed_in_role (PathwaysStore *self)
{
  PathwaysStorePrivate *priv;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  priv = pathways_store_get_instance_private (self);
  return priv->role;
}

/**
 * pathways_store_get_signed_in_staff_id:
 *
 * Returns: the staff record of the signed-in login, or 0
 */
gint64
pathways_store_get_signed_in_staff_id (PathwaysStore *self)
{
  PathwaysStorePrivate *priv;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), 0);

  priv = pathways_store_get_instance_private (self);
  return priv->staff_id;
}

/**
 * pathways_store_is_team_server:
 *
 * Returns: %TRUE for a store shared through a server (roles, live changes
 *   from other desktops, outages)
 */
gboolean
pathways_store_is_team_server (PathwaysStore *self)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  return pathways_store_get_signed_in_role (self) != NULL;
}

/**
 * pathways_store_reconnect:
 *
 * While the team server is away, tries again now instead of at the next
 * retry (Retry in the window's banner).  Nothing for the embedded database.
 */
void
pathways_store_reconnect (PathwaysStore *self)
{
  g_return_if_fail (PATHWAYS_IS_STORE (self));

  if (CLASS (self)->reconnect != NULL)
    CLASS (self)->reconnect (self);
}

/**
 * pathways_store_is_empty:
 *
 * Returns: %TRUE if there are no young people, units or staff yet
 */
gboolean
pathways_store_is_empty (PathwaysStore *self)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), TRUE);

  return CLASS (self)->is_empty (self);
}

/* Transactions -------------------------------------------------------- */

gboolean
pathways_store_begin (PathwaysStore  *self,
                      GError        **error)
{
  PathwaysStorePrivate *priv;
  guint mark;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  priv = pathways_store_get_instance_private (self);

  /* Opened read-only: refused in words, before any database error */
  g_mutex_lock (&priv->state_lock);
  if (priv->read_only_reason != NULL)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_READ_ONLY,
                   _("Nothing can be saved: %s"), priv->read_only_reason);
      g_mutex_unlock (&priv->state_lock);
      return FALSE;
    }
  g_mutex_unlock (&priv->state_lock);

  g_rec_mutex_lock (&priv->writer);

  if (priv->depth == 0)
    {
      g_atomic_pointer_set (&priv->writer_thread, g_thread_self ());
      g_clear_pointer (&priv->pending, pathways_changes_unref);
      priv->pending = pathways_changes_new ();
      g_atomic_int_inc (&priv->generation);  /* odd: writing */
    }

  if (!CLASS (self)->begin (self, priv->depth, error))
    {
      if (priv->depth == 0)
        {
          g_atomic_pointer_set (&priv->writer_thread, NULL);
          g_clear_pointer (&priv->pending, pathways_changes_unref);
          g_atomic_int_inc (&priv->generation);
        }
      g_rec_mutex_unlock (&priv->writer);
      return FALSE;
    }

  mark = pathways_changes_get_n_changes (priv->pending);
  g_array_append_val (priv->marks, mark);
  priv->depth++;
  return TRUE;
}

gboolean
pathways_store_commit (PathwaysStore  *self,
                       GError        **error)
{
  PathwaysStorePrivate *priv;
  g_autoptr(PathwaysChanges) changes = NULL;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  priv = pathways_store_get_instance_private (self);
  g_return_val_if_fail (priv->depth > 0, FALSE);
  g_return_val_if_fail (pathways_store_in_transaction (self), FALSE);

  if (!CLASS (self)->commit (self, priv->depth - 1, error))
    {
      pathways_store_rollback (self);
      return FALSE;
    }

  priv->depth--;
  g_array_set_size (priv->marks, priv->depth);
  if (priv->depth == 0)
    {
      changes = g_steal_pointer (&priv->pending);
      g_atomic_pointer_set (&priv->writer_thread, NULL);
      g_atomic_int_inc (&priv->generation);  /* even: committed */
    }
  g_rec_mutex_unlock (&priv->writer);

  /* Outside the lock: a handler may write again */
  if (changes != NULL && !pathways_changes_is_empty (changes))
    pathways_store_post_changes (self, changes);
  return TRUE;
}

void
pathways_store_rollback (PathwaysStore *self)
{
  PathwaysStorePrivate *priv;

  g_return_if_fail (PATHWAYS_IS_STORE (self));

  priv = pathways_store_get_instance_private (self);
  g_return_if_fail (priv->depth > 0);
  g_return_if_fail (pathways_store_in_transaction (self));

  CLASS (self)->rollback (self, priv->depth - 1);

  priv->depth--;
  pathways_changes_truncate (priv->pending, g_array_index (priv->marks, guint, priv->depth));
  g_array_set_size (priv->marks, priv->depth);
  if (priv->depth == 0)
    {
      g_clear_pointer (&priv->pending, pathways_changes_unref);
      g_atomic_pointer_set (&priv->writer_thread, NULL);
      g_atomic_int_inc (&priv->generation);
    }
  g_rec_mutex_unlock (&priv->writer);
}

/**
 * pathways_store_begin_read:
 *
 * Until the matching pathways_store_end_read(), every read made by the
 * calling thread sees the same state of the data, whatever commits
 * meanwhile.  Nests; inside a transaction it changes nothing.
 */
gboolean
pathways_store_begin_read (PathwaysStore  *self,
                           GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  return CLASS (self)->begin_read (self, error);
}

void
pathways_store_end_read (PathwaysStore *self)
{
  g_return_if_fail (PATHWAYS_IS_STORE (self));

  CLASS (self)->end_read (self);
}

/**
 * pathways_store_lock_imports:
 *
 * Inside a transaction, waits until no other transaction (another
 * desktop's, on a team server) is importing or undoing an import, and
 * keeps them waiting until this one ends: what an undo reads of the
 * import log (which import is the newest, whether it was undone
 * already) stays true until it commits.  On a file, where one writer at
 * a time holds the whole database, there is nothing more to do.
 */
gboolean
pathways_store_lock_imports (PathwaysStore  *self,
                             GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (pathways_store_in_transaction (self), FALSE);

  if (CLASS (self)->lock_imports == NULL)
    return TRUE;
  return CLASS (self)->lock_imports (self, error);
}

/* Recorded actions and undo ------------------------------------------- */

/**
 * pathways_store_begin_recorded:
 *
 * Like pathways_store_begin(), and every write until the matching
 * pathways_store_commit_recorded() is remembered so that it can be
 * undone as one user action.
 */
gboolean
pathways_store_begin_recorded (PathwaysStore  *self,
                               GError        **error)
{
  PathwaysStorePrivate *priv;

  if (!pathways_store_begin (self, error))
    return FALSE;

  priv = pathways_store_get_instance_private (self);
  if (priv->recording == NULL)
    priv->recording = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_change_set_unref);
  g_ptr_array_add (priv->recording, change_set_new ());
  return TRUE;
}

static PathwaysChangeSet *
pop_recording (PathwaysStore *self)
{
  PathwaysStorePrivate *priv = pathways_store_get_instance_private (self);

  g_return_val_if_fail (priv->recording != NULL && priv->recording->len > 0, NULL);
  return g_ptr_array_steal_index (priv->recording, priv->recording->len - 1);
}

/**
 * pathways_store_commit_recorded:
 * @out_changes: (out) (optional): what to pass to pathways_store_undo()
 */
gboolean
pathways_store_commit_recorded (PathwaysStore       *self,
                                PathwaysChangeSet  **out_changes,
                                GError             **error)
{
  PathwaysStorePrivate *priv = pathways_store_get_instance_private (self);
  g_autoptr(PathwaysChangeSet) cs = pop_recording (self);
  PathwaysChangeSet *outer = NULL;
  guint outer_len = 0;

  g_return_val_if_fail (cs != NULL, FALSE);

  /* Inside an outer recorded action, the changes belong to it too (taken
   * before the commit: the outermost one releases the writer) */
  if (priv->recording->len > 0)
    outer = g_ptr_array_index (priv->recording, priv->recording->len - 1);
  if (outer != NULL)
    {
      outer_len = outer->changes->len;
      for (guint i = 0; i < cs->changes->len; i++)
        {
          Recorded *c = g_ptr_array_index (cs->changes, i);
          Recorded *copy = g_new0 (Recorded, 1);

          *copy = *c;
          copy->before = c->before ? g_object_ref (c->before) : NULL;
          g_ptr_array_add (outer->changes, copy);
        }
    }

  if (!pathways_store_commit (self, error))
    {
      if (outer != NULL)
        g_ptr_array_set_size (outer->changes, outer_len);
      return FALSE;
    }

  if (out_changes)
    *out_changes = g_steal_pointer (&cs);
  return TRUE;
}

void
pathways_store_rollback_recorded (PathwaysStore *self)
{
  g_autoptr(PathwaysChangeSet) cs = pop_recording (self);

  pathways_store_rollback (self);
}

static char *
row_key (GType  type,
         gint64 id)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, g_type_name (type), id);
}

/* A run of at least this many new rows (an import's) is deleted by its
 * ids' range, in one statement, not row by row (the "changed" signal
 * then says "everything": which young people and units, it cannot say
 * without reading the rows; a shorter run is undone row by row, in less
 * than a second, and the signal lists each) */
#define UNDO_RUN_MIN 1000

/* The index of the first change of the run of inserts that ends at
 * @end (@end itself when there is no run) */
static guint
insert_run_start (PathwaysChangeSet *changes,
                  guint              end)
{
  guint start = end;

  while (start > 0 &&
         continues_run (g_ptr_array_index (changes->changes, start - 1), g_ptr_array_index (changes->changes, start)))
    start--;
  return start;
}

/* Undoes the inserts @start … @end of @changes (a run) by deleting the
 * range of their ids, each deleted row audited by the backend.  Sets
 * @out_done to FALSE, changing nothing, when that is not the way: a run
 * too short to be worth it, a row of it written again later in @changes
 * (it is in @versions), an undo being recorded (it keeps every row it
 * deletes), a backend with no range delete; the caller then undoes the
 * run row by row.  A row changed or deleted since is refused as
 * write_delete() refuses it, naming that row */
static gboolean
undo_insert_run (PathwaysStore      *self,
                 PathwaysChangeSet  *changes,
                 guint               start,
                 guint               end,
                 GHashTable         *versions,
                 gboolean           *out_done,
                 GError            **error)
{
  PathwaysStorePrivate *priv = pathways_store_get_instance_private (self);
  Recorded *first = g_ptr_array_index (changes->changes, start);
  Recorded *last = g_ptr_array_index (changes->changes, end);
  g_autoptr(GTypeClass) klass = NULL;
  gint64 conflict = 0;

  *out_done = FALSE;
  if (CLASS (self)->delete_id_range == NULL || end - start + 1 < UNDO_RUN_MIN ||
      (priv->recording != NULL && priv->recording->len > 0))
    return TRUE;
  if (g_hash_table_size (versions) > 0)
    for (guint i = start; i <= end; i++)
      {
        Recorded *c = g_ptr_array_index (changes->changes, i);
        g_autofree char *key = row_key (c->type, c->id);

        if (g_hash_table_contains (versions, key))
          return TRUE;
      }

  klass = g_type_class_ref (first->type);
  if (!CLASS (self)->delete_id_range (self, PATHWAYS_RECORD_CLASS (klass), first->id, last->id,
                                      first->after_version, &conflict, error))
    {
      if (conflict != 0)
        {
          g_autoptr(PathwaysRecord) row = g_object_new (first->type, NULL);

          /* Refused as that row alone would be, saying who changed it */
          g_clear_error (error);
          pathways_record_set_id (row, conflict);
          pathways_record_set_version (row, first->after_version);
          if (write_delete (self, row, TRUE, error))
            g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT,
                                 _("This record was changed by someone else after you opened it."));
        }
      return FALSE;
    }
  pathways_changes_set_everything (priv->pending);
  priv->n_range_deletes++;
  *out_done = TRUE;
  return TRUE;
}

/**
 * pathways_store_undo:
 * @changes: what a recorded action wrote
 *
 * Puts every row the action touched back as it was, in one transaction
 * (itself audited, and announced by "changed").  Refused with
 * %PATHWAYS_STORE_ERROR_CONFLICT, changing nothing, if any of those rows
 * was changed again since (by anyone): the message says who, when and
 * what.
 */
gboolean
pathways_store_undo (PathwaysStore      *self,
                     PathwaysChangeSet  *changes,
                     GError            **error)
{
  g_autoptr(GHashTable) versions = NULL;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  if (!pathways_store_begin (self, error))
    return FALSE;

  /* The version each row is at as this undo goes: a row the action wrote
   * twice is first put back to its middle state */
  versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = changes->changes->len, run_floor = G_MAXUINT; i > 0; i--)
    {
      Recorded *c = g_ptr_array_index (changes->changes, i - 1);
      g_autofree char *key = row_key (c->type, c->id);
      gint64 *now = g_hash_table_lookup (versions, key);
      gint64 expected = now ? *now : c->after_version;
      g_autoptr(PathwaysRecord) row = NULL;
      gboolean ok = TRUE;

      /* A run of new rows is deleted by the range of its ids if it can
       * be; once not, row by row down to its first */
      if (run_floor == G_MAXUINT || i - 1 < run_floor)
        {
          guint start = insert_run_start (changes, i - 1);
          gboolean done = FALSE;

          run_floor = G_MAXUINT;
          if (start < i - 1)
            {
              ok = undo_insert_run (self, changes, start, i - 1, versions, &done, error);
              if (ok && done)
                {
                  i = start + 1;
                  continue;
                }
              run_floor = start;
            }
        }

      if (ok)
        switch (c->kind)
        {
        case RECORDED_INSERT:
          row = g_object_new (c->type, NULL);
          pathways_record_set_id (row, c->id);
          pathways_record_set_version (row, expected);
          ok = write_delete (self, row, TRUE, error);
          break;
        case RECORDED_UPDATE:
          row = pathways_record_copy (c->before);
          pathways_record_set_version (row, expected);
          ok = write_update (self, row, FALSE, TRUE, error);
          break;
        case RECORDED_DELETE:
          row = pathways_record_copy (c->before);
          pathways_record_set_version (row, pathways_record_get_version (c->before) + 1);
          ok = write_insert (self, row, FALSE, TRUE, error);
          break;
        default:
          g_assert_not_reached ();
        }

      if (!ok)
        {
          pathways_store_rollback (self);
          if (error != NULL && *error != NULL &&
              !g_error_matches (*error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT))
            g_prefix_error (error, _("Could not undo: "));
          return FALSE;
        }
      g_hash_table_replace (versions, g_steal_pointer (&key),
                            g_memdup2 (&(gint64) { pathways_record_get_version (row) }, sizeof (gint64)));
    }

  return pathways_store_commit (self, error);
}

/**
 * pathways_store_get_n_range_deletes:
 *
 * Returns: how many runs of new rows undo has deleted by the range of
 *   their ids (not row by row) since the store was opened, for the tests
 */
guint
pathways_store_get_n_range_deletes (PathwaysStore *self)
{
  PathwaysStorePrivate *priv = pathways_store_get_instance_private (self);

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), 0);
  return priv->n_range_deletes;
}

/* Records ------------------------------------------------------------- */

/**
 * pathways_store_insert:
 *
 * Validates @record and inserts it; on success its id and version are
 * set.  On failure nothing is written and @error says why.
 */
gboolean
pathways_store_insert (PathwaysStore   *self,
                       PathwaysRecord  *record,
                       GError         **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (PATHWAYS_IS_RECORD (record), FALSE);

  return write_insert (self, record, TRUE, FALSE, error);
}

/**
 * pathways_store_insert_checked:
 * @records: (array length=n_records): new records, all of one type
 *
 * Inserts @records as one pass: the backend writes them with statements
 * prepared once and one audit row each, as for pathways_store_insert(),
 * but they are not validated (nor their team names added): the caller
 * has checked them, as an import's plan has.  Recorded for undo (inside
 * pathways_store_begin_recorded()) and announced by "changed" like any
 * insert.  On failure nothing is written and every id is back at 0.
 */
gboolean
pathways_store_insert_checked (PathwaysStore   *self,
                               PathwaysRecord **records,
                               guint            n_records,
                               GError         **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_records == 0 || records != NULL, FALSE);

  if (n_records == 0)
    return TRUE;
  for (guint i = 0; i < n_records; i++)
    {
      g_return_val_if_fail (PATHWAYS_IS_RECORD (records[i]), FALSE);
      g_return_val_if_fail (G_OBJECT_TYPE (records[i]) == G_OBJECT_TYPE (records[0]), FALSE);
    }
  if (writable_class (records[0]) == NULL)
    return FALSE;
  if (!pathways_store_begin (self, error))
    return FALSE;

  if (CLASS (self)->insert_records != NULL)
    ok = CLASS (self)->insert_records (self, records, n_records, error);
  else
    for (guint i = 0; i < n_records && ok; i++)
      ok = CLASS (self)->insert_record (self, records[i], FALSE, error);

  if (ok)
    for (guint i = 0; i < n_records; i++)
      {
        record_change (self, RECORDED_INSERT, records[i], NULL);
        note_change (self, PATHWAYS_CHANGE_INSERT, records[i], NULL);
      }
  if (!ok)
    pathways_store_rollback (self);
  else if (pathways_store_commit (self, error))
    return TRUE;

  for (guint i = 0; i < n_records; i++)
    pathways_record_set_id (records[i], 0);
  return FALSE;
}

/**
 * pathways_store_update:
 *
 * Validates @record and writes all its fields over the stored row.  If
 * the row changed since @record was read (its version is not the
 * stored one), nothing is written and the error is
 * %PATHWAYS_STORE_ERROR_CONFLICT with who changed what, and when.
 */
gboolean
pathways_store_update (PathwaysStore   *self,
                       PathwaysRecord  *record,
                       GError         **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (PATHWAYS_IS_RECORD (record), FALSE);

  return write_update (self, record, TRUE, FALSE, error);
}

/**
 * pathways_store_delete:
 *
 * Deletes the row of @record, refused like pathways_store_update() if
 * it changed since @record was read (a record with version 0 is not
 * checked).
 */
gboolean
pathways_store_delete (PathwaysStore   *self,
                       PathwaysRecord  *record,
                       GError         **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (PATHWAYS_IS_RECORD (record), FALSE);

  return write_delete (self, record, FALSE, error);
}

/**
 * pathways_store_get:
 *
 * Returns: (transfer full) (type PathwaysRecord): the record, or %NULL
 * with %PATHWAYS_STORE_ERROR_NOT_FOUND
 */
gpointer
pathways_store_get (PathwaysStore  *self,
                    GType           type,
                    gint64          id,
                    GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, PATHWAYS_TYPE_RECORD), NULL);

  return CLASS (self)->get_record (self, type, id, error);
}

/**
 * pathways_store_list:
 *
 * Returns: (transfer full): every record of @type, in id order
 */
GListModel *
pathways_store_list (PathwaysStore  *self,
                     GType           type,
                     GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, PATHWAYS_TYPE_RECORD), NULL);

  return CLASS (self)->list_records (self, type, 0, error);
}

/**
 * pathways_store_list_for_person:
 * @type: a record type with a young-person-id field
 *
 * Returns: (transfer full): the young person's records, in id order
 */
GListModel *
pathways_store_list_for_person (PathwaysStore  *self,
                                GType           type,
                                gint64          young_person_id,
                                GError        **error)
{
  g_autoptr(GTypeClass) klass = NULL;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, PATHWAYS_TYPE_RECORD), NULL);

  klass = g_type_class_ref (type);
  g_return_val_if_fail (pathways_record_class_find_field (PATHWAYS_RECORD_CLASS (klass),
                                                          "young-person-id") >= 0, NULL);
  if (young_person_id <= 0)
    return G_LIST_MODEL (g_list_store_new (type));
  return CLASS (self)->list_records (self, type, young_person_id, error);
}

gint64
pathways_store_count (PathwaysStore  *self,
                      GType           type,
                      GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), -1);
  g_return_val_if_fail (g_type_is_a (type, PATHWAYS_TYPE_RECORD), -1);

  return CLASS (self)->count_records (self, type, error);
}

/**
 * pathways_store_exists:
 * @table: a table ("young_person", "unit" …)
 *
 * Returns: %TRUE if the row @id is there
 */
gboolean
pathways_store_exists (PathwaysStore *self,
                       const char    *table,
                       gint64         id)
{
  g_autoptr(GError) error = NULL;
  gboolean found;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  found = CLASS (self)->record_exists (self, table, id, &error);
  if (error != NULL)
    g_warning ("Could not look up %s %" G_GINT64_FORMAT ": %s", table, id, error->message);
  return found;
}

/* Reference codes ----------------------------------------------------- */

/**
 * pathways_store_list_ref_codes:
 * @list: PATHWAYS_REF_ACCOM, …
 * @on_date: (nullable): only codes valid on this day; %NULL for all
 *
 * Returns: (transfer full): PathwaysRefCode records ordered by code
 */
GListModel *
pathways_store_list_ref_codes (PathwaysStore  *self,
                               const char     *list,
                               const char     *on_date,
                               GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (list != NULL, NULL);

  return CLASS (self)->list_ref_codes (self, list, NULL, on_date, error);
}

/**
 * pathways_store_lookup_ref_code:
 * @out_known: (out) (optional): set to whether @code is in @list at all,
 *   whatever its dates
 *
 * Returns: (transfer full) (nullable): the code as valid on @on_date
 */
PathwaysRefCode *
pathways_store_lookup_ref_code (PathwaysStore  *self,
                                const char     *list,
                                const char     *code,
                                const char     *on_date,
                                gboolean       *out_known,
                                GError        **error)
{
  g_autoptr(GListModel) all = NULL;
  PathwaysRefCode *found = NULL;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (list != NULL && code != NULL, NULL);

  all = CLASS (self)->list_ref_codes (self, list, code, NULL, error);
  if (out_known)
    *out_known = all != NULL && g_list_model_get_n_items (all) > 0;
  if (all == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (all) && found == NULL; i++)
    {
      g_autoptr(PathwaysRefCode) rc = g_list_model_get_item (all, i);
      const char *from = pathways_ref_code_get_valid_from (rc);
      const char *to = pathways_ref_code_get_valid_to (rc);

      if (on_date == NULL ||
          ((from == NULL || strcmp (from, on_date) <= 0) && (to == NULL || strcmp (to, on_date) > 0)))
        found = g_steal_pointer (&rc);
    }

  return found;
}

/**
 * pathways_store_dup_ref_meanings:
 *
 * Returns: (transfer full): code → meaning for every code of @list
 *   (whatever its dates; the latest meaning of a code wins)
 */
GHashTable *
pathways_store_dup_ref_meanings (PathwaysStore  *self,
                                 const char     *list,
                                 GError        **error)
{
  g_autoptr(GListModel) codes = pathways_store_list_ref_codes (self, list, NULL, error);
  GHashTable *map;

  if (codes == NULL)
    return NULL;
  map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (codes); i++)
    {
      g_autoptr(PathwaysRefCode) code = g_list_model_get_item (codes, i);
      g_hash_table_replace (map, g_strdup (pathways_ref_code_get_code (code)),
                            g_strdup (pathways_ref_code_get_meaning (code)));
    }
  return map;
}

/* Settings, bank holidays, audit -------------------------------------- */

/**
 * pathways_store_dup_setting:
 *
 * Returns: (transfer full) (nullable): the value of @key
 */
char *
pathways_store_dup_setting (PathwaysStore *self,
                            const char    *key)
{
  g_autoptr(GHashTable) settings = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  settings = CLASS (self)->dup_settings (self, &error);
  if (settings == NULL)
    {
      g_warning ("Could not read the settings: %s", error->message);
      return NULL;
    }
  return g_strdup (g_hash_table_lookup (settings, key));
}

/**
 * pathways_store_dup_settings:
 *
 * Returns: (transfer full): key → value (values may be %NULL)
 */
GHashTable *
pathways_store_dup_settings (PathwaysStore  *self,
                             GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  return CLASS (self)->dup_settings (self, error);
}

/**
 * pathways_store_set_setting:
 *
 * Writes one setting (audited, and announced by "changed" as a change
 * to the "setting" table).  Unknown keys are refused: the settings a
 * release understands are created by its migrations.
 */
gboolean
pathways_store_set_setting (PathwaysStore  *self,
                            const char     *key,
                            const char     *value,
                            GError        **error)
{
  PathwaysStorePrivate *priv;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!pathways_setting_validate (key, value, error))
    return FALSE;
  if (!pathways_store_begin (self, error))
    return FALSE;
  if (!CLASS (self)->set_setting (self, key, (value != NULL && *value != '\0') ? value : NULL, error))
    {
      pathways_store_rollback (self);
      return FALSE;
    }
  priv = pathways_store_get_instance_private (self);
  pathways_changes_add (priv->pending, "setting", 0, PATHWAYS_CHANGE_UPDATE, 0, 0);
  return pathways_store_commit (self, error);
}

/**
 * pathways_store_dup_bank_holidays:
 *
 * Returns: (transfer full) (element-type utf8): England and Wales bank
 * holidays, ISO dates in order
 */
GPtrArray *
pathways_store_dup_bank_holidays (PathwaysStore  *self,
                                  GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  return CLASS (self)->dup_bank_holidays (self, error);
}

/**
 * pathways_store_list_audit:
 * @table: (nullable): only changes to this table
 * @row_id: only changes to this row (0 for all)
 *
 * Returns: (transfer full): PathwaysAuditEntry records, newest first
 */
GListModel *
pathways_store_list_audit (PathwaysStore  *self,
                           const char     *table,
                           gint64          row_id,
                           GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  return CLASS (self)->list_audit (self, table, row_id, error);
}

/* The audit trail, read-only, who acts ------------------------------- */

void
pathways_audit_check_free (PathwaysAuditCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->problem);
  g_free (check);
}

/**
 * pathways_store_verify_audit:
 *
 * Walks the audit chain from its first row, recomputing every digest
 * from what the rows hold.
 *
 * Returns: (transfer full): what it found (broken_row 0 when the chain
 *   holds), or NULL with @error when the log cannot be read
 */
PathwaysAuditCheck *
pathways_store_verify_audit (PathwaysStore  *self,
                             GError        **error)
{
  g_autoptr(PathwaysAuditCheck) check = g_new0 (PathwaysAuditCheck, 1);

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  if (CLASS (self)->verify_audit == NULL)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_UNSUPPORTED,
                           _("This database cannot verify its audit log"));
      return NULL;
    }
  if (!CLASS (self)->verify_audit (self, check, error))
    return NULL;
  return g_steal_pointer (&check);
}

/**
 * pathways_store_repair_audit:
 * @out_repaired: (out) (optional): what was wrong, in words (NULL when
 *   nothing was)
 *
 * Remakes every audit trigger as Pathways makes it (dropping any it did
 * not make), records the repair in the chain, and lets writes through
 * again if tampering was all that held them back.
 */
gboolean
pathways_store_repair_audit (PathwaysStore  *self,
                             char          **out_repaired,
                             GError        **error)
{
  PathwaysStorePrivate *priv;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  priv = pathways_store_get_instance_private (self);
  if (CLASS (self)->repair_audit == NULL)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_UNSUPPORTED,
                           _("This database keeps its audit log itself: there is nothing to repair here"));
      return FALSE;
    }
  g_rec_mutex_lock (&priv->writer);
  ok = CLASS (self)->repair_audit (self, out_repaired, error);
  g_rec_mutex_unlock (&priv->writer);
  if (ok)
    {
      g_autoptr(PathwaysChanges) changes = pathways_changes_new ();

      pathways_changes_set_everything (changes);
      pathways_store_post_changes (self, changes);
    }
  return ok;
}

static gboolean
get_person_dob (PathwaysStore  *self,
                gint64          id,
                char          **out_name,
                char          **out_dob,
                GError        **error)
{
  g_autoptr(PathwaysYoungPerson) person = pathways_store_get (self, PATHWAYS_TYPE_YOUNG_PERSON, id, error);

  if (person == NULL)
    return FALSE;
  *out_dob = g_strdup (pathways_young_person_get_date_of_birth (person));
  if (out_name)
    *out_name = g_strdup_printf ("%s %s", pathways_young_person_get_given_name (person),
                                 pathways_young_person_get_family_name (person));
  return TRUE;
}

/**
 * pathways_store_dup_retention_end:
 *
 * Returns: (transfer full): the first day young person @id's records
 *   may be erased (ISO), from the retention setting; NULL with @error
 *   when there is no such person
 */
char *
pathways_store_dup_retention_end (PathwaysStore  *self,
                                  gint64          young_person_id,
                                  GError        **error)
{
  g_autoptr(GHashTable) settings = NULL;
  g_autofree char *dob = NULL;
  const char *years;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  if (!get_person_dob (self, young_person_id, NULL, &dob, error))
    return NULL;
  if ((settings = pathways_store_dup_settings (self, error)) == NULL)
    return NULL;
  years = g_hash_table_lookup (settings, "retention_years");
  return pathways_rules_retention_end (dob, years ? (int) g_ascii_strtoll (years, NULL, 10) : 75, error);
}

/**
 * pathways_store_erase_person:
 * @out_n_redacted: (out) (optional): how many audit rows were redacted
 *
 * The erasure of a young person after the retention period: deletes
 * them and every record of theirs, and replaces the content of their
 * audit rows with a redaction marker (their digests stay, so the chain
 * still verifies), in one transaction.  Refused before the retention
 * period ends, and on a read-only store.  Not undoable: confirm first.
 */
gboolean
pathways_store_erase_person (PathwaysStore  *self,
                             gint64          young_person_id,
                             gint64         *out_n_redacted,
                             GError        **error)
{
  g_autoptr(PathwaysChanges) changes = NULL;
  g_autofree char *end = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  if (CLASS (self)->erase_person == NULL)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_UNSUPPORTED,
                           _("This database cannot erase records"));
      return FALSE;
    }
  if ((end = pathways_store_dup_retention_end (self, young_person_id, error)) == NULL)
    return FALSE;
  today = pathways_clock_dup_today (pathways_store_get_clock (self));
  if (g_strcmp0 (today, end) < 0)
    {
      g_autofree char *uk = pathways_date_format_uk (end);

      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FORBIDDEN,
                   _("This young person's records must be kept until %s (the retention period): "
                     "they cannot be erased yet"), uk);
      return FALSE;
    }

  if (!pathways_store_begin (self, error))
    return FALSE;
  if (!CLASS (self)->erase_person (self, young_person_id, out_n_redacted, error))
    {
      pathways_store_rollback (self);
      return FALSE;
    }
  {
    PathwaysStorePrivate *priv = pathways_store_get_instance_private (self);
    pathways_changes_set_everything (priv->pending);
  }
  return pathways_store_commit (self, error);
}

static gpointer
erase_work (PathwaysStore  *store,
            gpointer        data,
            GError        **error)
{
  gint64 *n = g_new0 (gint64, 1);

  if (!pathways_store_erase_person (store, *(gint64 *) data, n, error))
    {
      g_free (n);
      return NULL;
    }
  return n;
}

void
pathways_store_erase_person_async (PathwaysStore       *self,
                                   gint64               young_person_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  gint64 *id = g_new (gint64, 1);

  *id = young_person_id;
  pathways_store_run_async (self, erase_work, id, g_free, g_free, pathways_store_erase_person_async,
                            cancellable, callback, user_data);
}

gboolean
pathways_store_erase_person_finish (PathwaysStore  *self,
                                    GAsyncResult   *result,
                                    gint64         *out_n_redacted,
                                    GError        **error)
{
  g_autofree gint64 *n = pathways_store_run_finish (self, result, pathways_store_erase_person_async, error);

  if (n == NULL)
    return FALSE;
  if (out_n_redacted)
    *out_n_redacted = *n;
  return TRUE;
}

/**
 * pathways_store_list_audit_for_person:
 *
 * Returns: (transfer full): the audit rows about young person @id (their
 *   own row and every record of theirs), newest first
 */
GListModel *
pathways_store_list_audit_for_person (PathwaysStore  *self,
                                      gint64          young_person_id,
                                      GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  if (CLASS (self)->list_audit_for_person == NULL)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_UNSUPPORTED,
                           _("This database cannot list a young person's audit rows"));
      return NULL;
    }
  return CLASS (self)->list_audit_for_person (self, young_person_id, error);
}

/**
 * pathways_store_check_integrity:
 *
 * The full check of the database's storage (every page, every index).
 *
 * Returns: (transfer full): what was checked, when all is well; NULL
 *   with PATHWAYS_STORE_ERROR_CORRUPT naming the problems (and the newest
 *   backup) when it is damaged
 */
char *
pathways_store_check_integrity (PathwaysStore  *self,
                                GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  if (CLASS (self)->check_integrity == NULL)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_UNSUPPORTED,
                           _("A team server checks its own storage: ask its administrator"));
      return NULL;
    }
  return CLASS (self)->check_integrity (self, error);
}

void
pathways_store_set_read_only (PathwaysStore *self,
                              const char    *reason)
{
  PathwaysStorePrivate *priv = pathways_store_get_instance_private (self);

  g_mutex_lock (&priv->state_lock);
  g_free (priv->read_only_reason);
  priv->read_only_reason = g_strdup (reason);
  g_mutex_unlock (&priv->state_lock);
}

/**
 * pathways_store_get_read_only_reason:
 *
 * Returns: (nullable): why nothing can be written, or NULL
 */
const char *
pathways_store_get_read_only_reason (PathwaysStore *self)
{
  PathwaysStorePrivate *priv;
  const char *reason;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  priv = pathways_store_get_instance_private (self);
  g_mutex_lock (&priv->state_lock);
  reason = priv->read_only_reason;
  g_mutex_unlock (&priv->state_lock);
  return reason;
}

/**
 * pathways_store_set_acting_staff:
 * @staff_id: a staff record, or 0 for nobody chosen
 *
 * The staff member signed in as for this session: recorded, beside the
 * OS login, in every audit row written from now on.
 */
gboolean
pathways_store_set_acting_staff (PathwaysStore  *self,
                                 gint64          staff_id,
                                 GError        **error)
{
  PathwaysStorePrivate *priv;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  priv = pathways_store_get_instance_private (self);
  if (staff_id < 0 || (staff_id > 0 && !pathways_store_exists (self, "staff", staff_id)))
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                   _("There is no staff member with id %" G_GINT64_FORMAT), staff_id);
      return FALSE;
    }
  g_mutex_lock (&priv->state_lock);
  priv->acting_staff_id = staff_id;
  g_mutex_unlock (&priv->state_lock);
  return TRUE;
}

gint64
pathways_store_get_acting_staff (PathwaysStore *self)
{
  PathwaysStorePrivate *priv;
  gint64 id;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), 0);

  priv = pathways_store_get_instance_private (self);
  g_mutex_lock (&priv->state_lock);
  id = priv->acting_staff_id;
  g_mutex_unlock (&priv->state_lock);
  return id;
}

/* Bulk reads ---------------------------------------------------------- */

/**
 * pathways_store_load_facts:
 * @on: the day the rules are applied for (overdue = before this day)
 * @horizon: milestones not done count for readiness when due by this day
 *
 * Returns: (transfer full): everything the rules snapshot is made of,
 *   read in one consistent view
 */
PathwaysStoreFacts *
pathways_store_load_facts (PathwaysStore  *self,
                           const char     *on,
                           const char     *horizon,
                           GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (on != NULL && horizon != NULL, NULL);

  return CLASS (self)->load_facts (self, on, horizon, error);
}

/**
 * pathways_store_load_caseload_rows:
 *
 * Returns: (transfer full): each young person with their PA and current
 *   accommodation, by family name
 */
PathwaysStoreCaseload *
pathways_store_load_caseload_rows (PathwaysStore  *self,
                                   GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  return CLASS (self)->load_caseload_rows (self, error);
}

/**
 * pathways_store_load_timeline_rows:
 *
 * Returns: (transfer full): the names, teams, addresses, moves and
 *   milestones the timeline draws besides the snapshot
 */
PathwaysStoreTimeline *
pathways_store_load_timeline_rows (PathwaysStore  *self,
                                   GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  return CLASS (self)->load_timeline_rows (self, error);
}

/**
 * pathways_store_load_sufficiency_rows:
 *
 * Returns: (transfer full): home postcodes, provider types, costs of
 *   spells and the geography (districts, distances between areas)
 */
PathwaysStoreSufficiency *
pathways_store_load_sufficiency_rows (PathwaysStore  *self,
                                      GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  return CLASS (self)->load_sufficiency_rows (self, error);
}

/**
 * pathways_store_count_unit_spells:
 * @except_spell_id: a spell not to count, or 0
 * @state: "current" (living there) or "planned" (booked in)
 *
 * Returns: how many spells in @unit_id are in @state, or -1 with @error
 */
gint64
pathways_store_count_unit_spells (PathwaysStore  *self,
                                  gint64          unit_id,
                                  gint64          except_spell_id,
                                  const char     *state,
                                  GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), -1);
  g_return_val_if_fail (state != NULL, -1);

  return CLASS (self)->count_unit_spells (self, unit_id, except_spell_id, state, error);
}

/* Work in threads ----------------------------------------------------- */

typedef struct {
  PathwaysStoreWorkFunc  func;
  gpointer               data;
  GDestroyNotify         free_data;
  GDestroyNotify         free_result;
} Work;

static void
work_free (gpointer data)
{
  Work *w = data;

  if (w->free_data != NULL)
    w->free_data (w->data);
  g_free (w);
}

static void
work_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *w = task_data;
  GError *error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;
  result = w->func (source_object, w->data, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, w->free_result);
}

/**
 * pathways_store_run_async:
 * @source_tag: the public _async function, checked by the _finish
 *
 * Runs @func(store, @data) in a worker thread.  A cancelled
 * @cancellable stops it before it starts; once started it finishes (a
 * write is not cut off half way).
 */
void
pathways_store_run_async (PathwaysStore        *self,
                          PathwaysStoreWorkFunc func,
                          gpointer              data,
                          GDestroyNotify        free_data,
                          GDestroyNotify        free_result,
                          gpointer              source_tag,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *w;

  g_return_if_fail (PATHWAYS_IS_STORE (self));
  g_return_if_fail (func != NULL);

  w = g_new0 (Work, 1);
  w->func = func;
  w->data = data;
  w->free_data = free_data;
  w->free_result = free_result;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, w, work_free);
  g_task_run_in_thread (task, work_thread);
}

gpointer
pathways_store_run_finish (PathwaysStore  *self,
                           GAsyncResult   *result,
                           gpointer        source_tag,
                           GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

PathwaysStoreActionResult *
pathways_store_action_result_new (void)
{
  return g_new0 (PathwaysStoreActionResult, 1);
}

void
pathways_store_action_result_free (gpointer data)
{
  PathwaysStoreActionResult *r = data;

  if (r == NULL)
    return;
  g_clear_pointer (&r->undo, pathways_change_set_unref);
  g_clear_object (&r->record);
  g_free (r);
}

typedef struct {
  char                  *on;
  PathwaysStoreLoadFunc  func;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *d = data;

  g_free (d->on);
  g_free (d);
}

static gpointer
load_work (PathwaysStore  *store,
           gpointer        data,
           GError        **error)
{
  LoadData *d = data;

  return d->func (store, d->on, error);
}

/**
 * pathways_store_load_in_thread:
 * @source_tag: the public _async function, checked by the _finish
 *
 * Runs @func for @on in a worker thread: the slow queries of the views
 * (caseload, stock, timeline, sufficiency) go through here, so none of
 * them blocks the main loop.
 */
void
pathways_store_load_in_thread (PathwaysStore         *self,
                               const char            *on,
                               PathwaysStoreLoadFunc  func,
                               GDestroyNotify         free_result,
                               gpointer               source_tag,
                               GCancellable          *cancellable,
                               GAsyncReadyCallback    callback,
                               gpointer               user_data)
{
  LoadData *d;

  g_return_if_fail (PATHWAYS_IS_STORE (self));
  g_return_if_fail (on != NULL);

  d = g_new0 (LoadData, 1);
  d->on = g_strdup (on);
  d->func = func;
  pathways_store_run_async (self, load_work, d, load_data_free, free_result, source_tag,
                            cancellable, callback, user_data);
}

gpointer
pathways_store_load_in_thread_finish (PathwaysStore  *self,
                                      GAsyncResult   *result,
                                      gpointer        source_tag,
                                      GError        **error)
{
  return pathways_store_run_finish (self, result, source_tag, error);
}

/* Writes in a worker thread */

typedef enum {
  WRITE_INSERT,
  WRITE_UPDATE,
  WRITE_DELETE,
} WriteKind;

typedef struct {
  WriteKind       kind;
  PathwaysRecord *record;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *d = data;

  g_clear_object (&d->record);
  g_free (d);
}

static gpointer
write_work (PathwaysStore  *store,
            gpointer        data,
            GError        **error)
{
  WriteData *d = data;
  PathwaysStoreActionResult *r;
  gboolean ok;

  switch (d->kind)
    {
    case WRITE_INSERT:
      ok = pathways_store_insert (store, d->record, error);
      break;
    case WRITE_UPDATE:
      ok = pathways_store_update (store, d->record, error);
      break;
    case WRITE_DELETE:
    default:
      ok = pathways_store_delete (store, d->record, error);
      break;
    }
  if (!ok)
    return NULL;

  r = pathways_store_action_result_new ();
  r->record = g_steal_pointer (&d->record);
  return r;
}

static void
write_async (PathwaysStore       *self,
             WriteKind            kind,
             PathwaysRecord      *record,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  WriteData *d;

  g_return_if_fail (PATHWAYS_IS_STORE (self));
  g_return_if_fail (PATHWAYS_IS_RECORD (record));

  d = g_new0 (WriteData, 1);
  d->kind = kind;
  d->record = pathways_record_copy (record);
  pathways_store_run_async (self, write_work, d, write_data_free, pathways_store_action_result_free,
                            pathways_store_write_finish, cancellable, callback, user_data);
}

void
pathways_store_insert_async (PathwaysStore       *self,
                             PathwaysRecord      *record,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  write_async (self, WRITE_INSERT, record, cancellable, callback, user_data);
}

void
pathways_store_update_async (PathwaysStore       *self,
                             PathwaysRecord      *record,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  write_async (self, WRITE_UPDATE, record, cancellable, callback, user_data);
}

void
pathways_store_delete_async (PathwaysStore       *self,
                             PathwaysRecord      *record,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  write_async (self, WRITE_DELETE, record, cancellable, callback, user_data);
}

/**
 * pathways_store_write_finish:
 * @out_record: (out) (optional) (transfer full): the record as stored
 *   (its id and version), a copy of the one passed
 *
 * Finishes pathways_store_insert_async(), _update_async() or
 * _delete_async().
 */
gboolean
pathways_store_write_finish (PathwaysStore   *self,
                             GAsyncResult    *result,
                             PathwaysRecord **out_record,
                             GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  PathwaysStoreActionResult *r;

  r = pathways_store_run_finish (self, result, pathways_store_write_finish, &local_error);
  if (r == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (out_record)
    *out_record = g_steal_pointer (&r->record);
  pathways_store_action_result_free (r);
  return TRUE;
}

typedef struct {
  char *key;
  char *value;
} SettingData;

static void
setting_data_free (gpointer data)
{
  SettingData *d = data;

  g_free (d->key);
  g_free (d->value);
  g_free (d);
}

static gpointer
set_setting_work (PathwaysStore  *store,
                  gpointer        data,
                  GError        **error)
{
  SettingData *d = data;

  if (!pathways_store_set_setting (store, d->key, d->value, error))
    return NULL;
  return pathways_store_action_result_new ();
}

void
pathways_store_set_setting_async (PathwaysStore       *self,
                                  const char          *key,
                                  const char          *value,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  SettingData *d;

  g_return_if_fail (PATHWAYS_IS_STORE (self));
  g_return_if_fail (key != NULL);

  d = g_new0 (SettingData, 1);
  d->key = g_strdup (key);
  d->value = g_strdup (value);
  pathways_store_run_async (self, set_setting_work, d, setting_data_free, pathways_store_action_result_free,
                            pathways_store_set_setting_async, cancellable, callback, user_data);
}

gboolean
pathways_store_set_setting_finish (PathwaysStore  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  PathwaysStoreActionResult *r = pathways_store_run_finish (self, result, pathways_store_set_setting_async, error);

  pathways_store_action_result_free (r);
  return r != NULL;
}

static gpointer
undo_work (PathwaysStore  *store,
           gpointer        data,
           GError        **error)
{
  if (!pathways_store_undo (store, data, error))
    return NULL;
  return pathways_store_action_result_new ();
}

void
pathways_store_undo_async (PathwaysStore       *self,
                           PathwaysChangeSet   *changes,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (PATHWAYS_IS_STORE (self));
  g_return_if_fail (changes != NULL);

  pathways_store_run_async (self, undo_work, pathways_change_set_ref (changes),
                            (GDestroyNotify) pathways_change_set_unref, pathways_store_action_result_free,
                            pathways_store_undo_async, cancellable, callback, user_data);
}

gboolean
pathways_store_undo_finish (PathwaysStore  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  PathwaysStoreActionResult *r = pathways_store_run_finish (self, result, pathways_store_undo_async, error);

  pathways_store_action_result_free (r);
  return r != NULL;
}

typedef struct {
  GType  type;
  gint64 id;
} GetData;

static gpointer
get_work (PathwaysStore  *store,
          gpointer        data,
          GError        **error)
{
  GetData *d = data;

  return pathways_store_get (store, d->type, d->id, error);
}

/**
 * pathways_store_get_async:
 *
 * pathways_store_get() in a worker thread.
 */
void
pathways_store_get_async (PathwaysStore       *self,
                          GType                type,
                          gint64               id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GetData *d;

  g_return_if_fail (PATHWAYS_IS_STORE (self));
  g_return_if_fail (g_type_is_a (type, PATHWAYS_TYPE_RECORD));

  d = g_new0 (GetData, 1);
  d->type = type;
  d->id = id;
  pathways_store_run_async (self, get_work, d, g_free, g_object_unref, pathways_store_get_async,
                            cancellable, callback, user_data);
}

/**
 * pathways_store_get_finish:
 *
 * Returns: (transfer full) (type PathwaysRecord): the record, or %NULL
 *   with @error set
 */
gpointer
pathways_store_get_finish (PathwaysStore  *self,
                           GAsyncResult   *result,
                           GError        **error)
{
  return pathways_store_run_finish (self, result, pathways_store_get_async, error);
}

/**
 * pathways_store_dup_library_versions:
 *
 * Returns: the database libraries Pathways runs on, for About's debug
 *   information ("SQLite 3.40.1, libpq 15.5")
 */
char *
pathways_store_dup_library_versions (void)
{
  g_autofree char *pq = pathways_postgres_dup_library_version ();

  return g_strdup_printf ("SQLite %s, libpq %s", pathways_sqlite_library_version (), pq);
}
