/* pathways-add-person-dialog.h — adding a young person to the caseload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_ADD_PERSON_DIALOG (pathways_add_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysAddPersonDialog, pathways_add_person_dialog, PATHWAYS, ADD_PERSON_DIALOG, AdwWindow)

PathwaysAddPersonDialog *pathways_add_person_dialog_new (PathwaysContext *context);

G_END_DECLS
