/* pathways-move-dialog-private.h — for the tests: what a person would
 * type, and what the dialog shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-move-dialog.h"

G_BEGIN_DECLS

void                 pathways_move_dialog_set_address    (PathwaysMoveDialog *self,
                                                          const char         *address);
void                 pathways_move_dialog_set_reason     (PathwaysMoveDialog *self,
                                                          const char         *reason);
gboolean             pathways_move_dialog_is_busy        (PathwaysMoveDialog *self);
const char          *pathways_move_dialog_get_date_text  (PathwaysMoveDialog *self);
GListModel          *pathways_move_dialog_get_destinations (PathwaysMoveDialog *self);
PathwaysEligibility *pathways_move_dialog_get_check      (PathwaysMoveDialog *self);
const char          *pathways_move_dialog_get_error      (PathwaysMoveDialog *self);
/* The destination search, as typed, and the count shown under it */
void                 pathways_move_dialog_search         (PathwaysMoveDialog *self,
                                                          const char         *text);
const char          *pathways_move_dialog_get_dest_status (PathwaysMoveDialog *self);

/* An address outside the register: its ACCOM letter, weekly cost (as
 * typed) and suitability */
gboolean             pathways_move_dialog_set_accom      (PathwaysMoveDialog *self,
                                                          const char         *code);
void                 pathways_move_dialog_set_weekly_cost (PathwaysMoveDialog *self,
                                                          const char         *text);
const char          *pathways_move_dialog_get_cost_error (PathwaysMoveDialog *self);
gboolean             pathways_move_dialog_get_suitable   (PathwaysMoveDialog *self);

char                *pathways_move_dialog_destination_facts (PathwaysRecord *destination);

G_END_DECLS
