/* pathways-unit-editor-private.h — for the tests: what a person would
 * type, and what they are told
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-unit-editor.h"

G_BEGIN_DECLS

void                pathways_unit_editor_set_text        (PathwaysUnitEditor *self,
                                                          const char         *field,
                                                          const char         *text);
void                pathways_unit_editor_set_kind        (PathwaysUnitEditor *self,
                                                          const char         *kind);
const char         *pathways_unit_editor_get_field_error (PathwaysUnitEditor *self,
                                                          const char         *field);
gboolean            pathways_unit_editor_is_busy         (PathwaysUnitEditor *self);
GtkWindow          *pathways_unit_editor_get_conflict_dialog (PathwaysUnitEditor *self);
GtkWindow          *pathways_unit_editor_get_discard_dialog (PathwaysUnitEditor *self);

G_END_DECLS
