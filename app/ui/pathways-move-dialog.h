/* pathways-move-dialog.h — scheduling a young person's move
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_MOVE_DIALOG (pathways_move_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysMoveDialog, pathways_move_dialog, PATHWAYS, MOVE_DIALOG, AdwWindow)

PathwaysMoveDialog  *pathways_move_dialog_new            (PathwaysContext *context,
                                                          gint64           person_id,
                                                          const char      *person_name);

/* Opening on a day and a unit already chosen */
void                 pathways_move_dialog_set_date       (PathwaysMoveDialog *self,
                                                          const char         *iso);
void                 pathways_move_dialog_select_unit    (PathwaysMoveDialog *self,
                                                          gint64              unit_id);

G_END_DECLS
