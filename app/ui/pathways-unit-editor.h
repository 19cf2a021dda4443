/* pathways-unit-editor.h — adding a unit to the register, or editing one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_UNIT_EDITOR (pathways_unit_editor_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysUnitEditor, pathways_unit_editor, PATHWAYS, UNIT_EDITOR, AdwWindow)

PathwaysUnitEditor *pathways_unit_editor_new             (PathwaysContext    *context,
                                                          PathwaysUnit       *unit);

G_END_DECLS
