/* pathways-changes.h — what a committed change touched
 *
 * The store's "changed" signal carries one PathwaysChanges: the rows
 * that a transaction (or an undo, an import, or another program on the
 * same database) inserted, updated or deleted, each with the table it
 * is in, its id and — so that a page can tell whether it is concerned
 * without reading anything — the young person and the unit it belongs
 * to.  When the store cannot say precisely what changed (a change made
 * elsewhere that it could not read back, or a very large one), the set
 * is "everything": every question below answers TRUE.
 *
 * A PathwaysChanges is immutable once emitted and may be kept or passed
 * between threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  PATHWAYS_CHANGE_INSERT,
  PATHWAYS_CHANGE_UPDATE,
  PATHWAYS_CHANGE_DELETE,
} PathwaysChangeKind;

typedef struct {
  const char         *table;            /* "young_person", "spell", "setting" … (interned) */
  gint64              id;               /* the row; 0 when not known (a setting by key) */
  PathwaysChangeKind  kind;
  gint64              young_person_id;  /* the young person it belongs to, or 0 */
  gint64              unit_id;          /* the unit it concerns, or 0 */
} PathwaysChange;

typedef struct _PathwaysChanges PathwaysChanges;

#define PATHWAYS_TYPE_CHANGES (pathways_changes_get_type ())
GType                  pathways_changes_get_type       (void) G_GNUC_CONST;

PathwaysChanges       *pathways_changes_new            (void);
PathwaysChanges       *pathways_changes_ref            (PathwaysChanges    *self);
void                   pathways_changes_unref          (PathwaysChanges    *self);

/* Building (the store and its backends) */
void                   pathways_changes_add            (PathwaysChanges    *self,
                                                        const char         *table,
                                                        gint64              id,
                                                        PathwaysChangeKind  kind,
                                                        gint64              young_person_id,
                                                        gint64              unit_id);
void                   pathways_changes_set_everything (PathwaysChanges    *self);
void                   pathways_changes_set_external   (PathwaysChanges    *self,
                                                        gboolean            external);
void                   pathways_changes_truncate       (PathwaysChanges    *self,
                                                        guint               n_changes);

/* Reading */
gboolean               pathways_changes_is_everything  (PathwaysChanges    *self);
gboolean               pathways_changes_is_external    (PathwaysChanges    *self);
gboolean               pathways_changes_is_empty       (PathwaysChanges    *self);
guint                  pathways_changes_get_n_changes  (PathwaysChanges    *self);
const PathwaysChange  *pathways_changes_get_change     (PathwaysChanges    *self,
                                                        guint               index);
gboolean               pathways_changes_has_table      (PathwaysChanges    *self,
                                                        const char         *table);
gboolean               pathways_changes_has_type       (PathwaysChanges    *self,
                                                        GType               record_type);
gboolean               pathways_changes_lookup         (PathwaysChanges    *self,
                                                        GType               record_type,
                                                        gint64              id,
                                                        PathwaysChangeKind *out_kind);
gboolean               pathways_changes_has_person     (PathwaysChanges    *self,
                                                        gint64              young_person_id);
gboolean               pathways_changes_has_unit       (PathwaysChanges    *self,
                                                        gint64              unit_id);
char                  *pathways_changes_describe       (PathwaysChanges    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysChanges, pathways_changes_unref)

G_END_DECLS
