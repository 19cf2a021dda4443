/* pathways-changes.c — what a committed change touched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-changes"

#include "config.h"

#include "pathways-changes.h"
#include "pathways-record.h"

/* Beyond this many rows (a generated authority, a large import) a list of
 * ids helps nobody: the set becomes "everything" */
#define MAX_CHANGES 20000

struct _PathwaysChanges
{
  gatomicrefcount  ref;
  GArray          *changes;     /* PathwaysChange */
  guint            everything : 1;
  guint            external : 1;
};

G_DEFINE_BOXED_TYPE (PathwaysChanges, pathways_changes, pathways_changes_ref, pathways_changes_unref)

PathwaysChanges *
pathways_changes_new (void)
{
  PathwaysChanges *self = g_new0 (PathwaysChanges, 1);

  g_atomic_ref_count_init (&self->ref);
  self->changes = g_array_new (FALSE, TRUE, sizeof (PathwaysChange));
  return self;
}

PathwaysChanges *
pathways_changes_ref (PathwaysChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
pathways_changes_unref (PathwaysChanges *self)
{
  if (self != NULL && g_atomic_ref_count_dec (&self->ref))
    {
      g_array_unref (self->changes);
      g_free (self);
    }
}

/**
 * pathways_changes_add:
 * @table: the table of the row
 * @young_person_id: the young person the row belongs to, or 0
 * @unit_id: the unit the row concerns, or 0
 */
void
pathways_changes_add (PathwaysChanges    *self,
                      const char         *table,
                      gint64              id,
                      PathwaysChangeKind  kind,
                      gint64              young_person_id,
                      gint64              unit_id)
{
  PathwaysChange c = { 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (table != NULL);

  if (self->everything)
    return;
  if (self->changes->len >= MAX_CHANGES)
    {
      pathways_changes_set_everything (self);
      return;
    }

  c.table = g_intern_string (table);
  c.id = id;
  c.kind = kind;
  c.young_person_id = young_person_id;
  c.unit_id = unit_id;
  g_array_append_val (self->changes, c);
}

/**
 * pathways_changes_set_everything:
 *
 * The changes cannot be described row by row: anything may have changed.
 */
void
pathways_changes_set_everything (PathwaysChanges *self)
{
  g_return_if_fail (self != NULL);

  self->everything = TRUE;
  g_array_set_size (self->changes, 0);
}

void
pathways_changes_set_external (PathwaysChanges *self,
                               gboolean         external)
{
  g_return_if_fail (self != NULL);

  self->external = !!external;
}

/* Forgets the changes after the first @n_changes (a rolled-back savepoint) */
void
pathways_changes_truncate (PathwaysChanges *self,
                           guint            n_changes)
{
  g_return_if_fail (self != NULL);

  if (!self->everything && n_changes < self->changes->len)
    g_array_set_size (self->changes, n_changes);
}

gboolean
pathways_changes_is_everything (PathwaysChanges *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->everything;
}

/**
 * pathways_changes_is_external:
 *
 * Returns: %TRUE if the changes were made by another program (or another
 *   Pathways) on the same database, not through this store
 */
gboolean
pathways_changes_is_external (PathwaysChanges *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->external;
}

gboolean
pathways_changes_is_empty (PathwaysChanges *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return !self->everything && self->changes->len == 0;
}

guint
pathways_changes_get_n_changes (PathwaysChanges *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->changes->len;
}

/**
 * pathways_changes_get_change:
 *
 * Returns: (transfer none): the change at @index, in the order written
 */
const PathwaysChange *
pathways_changes_get_change (PathwaysChanges *self,
                             guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->changes->len, NULL);

  return &g_array_index (self->changes, PathwaysChange, index);
}

gboolean
pathways_changes_has_table (PathwaysChanges *self,
                            const char      *table)
{
  const char *interned;

  g_return_val_if_fail (self != NULL, TRUE);
  g_return_val_if_fail (table != NULL, TRUE);

  if (self->everything)
    return TRUE;
  interned = g_intern_string (table);
  for (guint i = 0; i < self->changes->len; i++)
    if (g_array_index (self->changes, PathwaysChange, i).table == interned)
      return TRUE;
  return FALSE;
}

static const char *
table_of (GType record_type)
{
  g_autoptr(GTypeClass) klass = NULL;

  g_return_val_if_fail (g_type_is_a (record_type, PATHWAYS_TYPE_RECORD), NULL);

  klass = g_type_class_ref (record_type);
  return pathways_record_class_get_table (PATHWAYS_RECORD_CLASS (klass));
}

/**
 * pathways_changes_has_type:
 * @record_type: a stored record type (PATHWAYS_TYPE_SPELL …)
 *
 * Returns: %TRUE if any record of @record_type changed
 */
gboolean
pathways_changes_has_type (PathwaysChanges *self,
                           GType            record_type)
{
  const char *table = table_of (record_type);

  return table != NULL && pathways_changes_has_table (self, table);
}

/**
 * pathways_changes_lookup:
 * @out_kind: (out) (optional): what happened to the row: how it began
 *   (inserted, updated), or deleted if it was deleted in the end
 *
 * Returns: %TRUE if the record @id of @record_type is among the changes
 *   (always %FALSE when the changes are "everything": nothing is known
 *   of single rows then)
 */
gboolean
pathways_changes_lookup (PathwaysChanges    *self,
                         GType               record_type,
                         gint64              id,
                         PathwaysChangeKind *out_kind)
{
  const char *table = table_of (record_type);
  const char *interned;
  gboolean found = FALSE;
  PathwaysChangeKind kind = PATHWAYS_CHANGE_UPDATE;

  g_return_val_if_fail (self != NULL, FALSE);

  if (table == NULL)
    return FALSE;
  interned = g_intern_string (table);
  for (guint i = 0; i < self->changes->len; i++)
    {
      const PathwaysChange *c = &g_array_index (self->changes, PathwaysChange, i);

      if (c->table != interned || c->id != id)
        continue;
      if (!found || c->kind == PATHWAYS_CHANGE_DELETE)
        kind = c->kind;
      found = TRUE;
    }
  if (found && out_kind)
    *out_kind = kind;
  return found;
}

/**
 * pathways_changes_has_person:
 *
 * Returns: %TRUE if the young person's record, or anything of theirs
 *   (a spell, a milestone, a move, a note), changed
 */
gboolean
pathways_changes_has_person (PathwaysChanges *self,
                             gint64           young_person_id)
{
  const char *young_person = g_intern_static_string ("young_person");

  g_return_val_if_fail (self != NULL, TRUE);

  if (self->everything)
    return TRUE;
  for (guint i = 0; i < self->changes->len; i++)
    {
      const PathwaysChange *c = &g_array_index (self->changes, PathwaysChange, i);

      if (c->young_person_id == young_person_id || (c->table == young_person && c->id == young_person_id))
        return TRUE;
    }
  return FALSE;
}

/**
 * pathways_changes_has_unit:
 *
 * Returns: %TRUE if the unit's record, or a spell in it or a move to it,
 *   changed
 */
gboolean
pathways_changes_has_unit (PathwaysChanges *self,
                           gint64           unit_id)
{
  const char *unit = g_intern_static_string ("unit");

  g_return_val_if_fail (self != NULL, TRUE);

  if (self->everything)
    return TRUE;
  for (guint i = 0; i < self->changes->len; i++)
    {
      const PathwaysChange *c = &g_array_index (self->changes, PathwaysChange, i);

      if (c->unit_id == unit_id || (c->table == unit && c->id == unit_id))
        return TRUE;
    }
  return FALSE;
}

/**
 * pathways_changes_describe:
 *
 * Returns: (transfer full): the changes in one line, for logs and tests:
 *   "insert young_person 3; update unit 7" or "everything"
 */
char *
pathways_changes_describe (PathwaysChanges *self)
{
  static const char * const kinds[] = { "insert", "update", "delete" };
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->everything)
    return g_strdup ("everything");
  out = g_string_new (NULL);
  for (guint i = 0; i < self->changes->len; i++)
    {
      const PathwaysChange *c = &g_array_index (self->changes, PathwaysChange, i);
      g_string_append_printf (out, "%s%s %s %" G_GINT64_FORMAT, i ? "; " : "", kinds[c->kind], c->table, c->id);
    }
  return g_string_free (out, FALSE);
}
