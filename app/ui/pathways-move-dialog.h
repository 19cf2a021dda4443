/* pathways-move-dialog.h — scheduling a young person's move
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-core.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_MOVE_DIALOG (pathways_move_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysMoveDialog, pathways_move_dialog, PATHWAYS, MOVE_DIALOG, AdwWindow)

PathwaysMoveDialog  *pathways_move_dialog_new            (PathwaysStore *store,
                                                          gint64         person_id,
                                                          const char    *person_name,
                                                          gint64         staff_id);

/* For tests: what a person would choose and type */
void                 pathways_move_dialog_set_date       (PathwaysMoveDialog *self,
                                                          const char         *iso);
void                 pathways_move_dialog_select_unit    (PathwaysMoveDialog *self,
                                                          gint64              unit_id);
void                 pathways_move_dialog_set_address    (PathwaysMoveDialog *self,
                                                          const char         *address);
void                 pathways_move_dialog_set_reason     (PathwaysMoveDialog *self,
                                                          const char         *reason);
gboolean             pathways_move_dialog_is_busy        (PathwaysMoveDialog *self);
GListModel          *pathways_move_dialog_get_destinations (PathwaysMoveDialog *self);
PathwaysEligibility *pathways_move_dialog_get_check      (PathwaysMoveDialog *self);
const char          *pathways_move_dialog_get_error      (PathwaysMoveDialog *self);

G_END_DECLS
