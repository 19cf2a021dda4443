/* pathways-unit-editor.h — adding a unit to the register, or editing one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-core.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_UNIT_EDITOR (pathways_unit_editor_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysUnitEditor, pathways_unit_editor, PATHWAYS, UNIT_EDITOR, AdwWindow)

PathwaysUnitEditor *pathways_unit_editor_new             (PathwaysStore      *store,
                                                          PathwaysUnit       *unit);

/* For tests: what a person would type, and what they are told */
void                pathways_unit_editor_set_text        (PathwaysUnitEditor *self,
                                                          const char         *field,
                                                          const char         *text);
void                pathways_unit_editor_set_kind        (PathwaysUnitEditor *self,
                                                          const char         *kind);
const char         *pathways_unit_editor_get_field_error (PathwaysUnitEditor *self,
                                                          const char         *field);
gboolean            pathways_unit_editor_is_busy         (PathwaysUnitEditor *self);

G_END_DECLS
