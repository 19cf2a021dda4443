/* pathways-person-page-private.h — what the tests look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-person-page.h"

G_BEGIN_DECLS

gboolean               pathways_person_page_is_loading   (PathwaysPersonPage *self);
PathwaysPersonDetails *pathways_person_page_get_details  (PathwaysPersonPage *self);
guint                  pathways_person_page_get_n_spell_rows (PathwaysPersonPage *self);
guint                  pathways_person_page_get_n_milestone_rows (PathwaysPersonPage *self);
guint                  pathways_person_page_get_n_strip_bars (PathwaysPersonPage *self);
double                 pathways_person_page_get_readiness_value (PathwaysPersonPage *self);
void                   pathways_person_page_set_profile_text (PathwaysPersonPage *self,
                                                              const char         *field,
                                                              const char         *text);
const char            *pathways_person_page_get_profile_text (PathwaysPersonPage *self,
                                                              const char         *field);
GtkWidget             *pathways_person_page_get_field_widget (PathwaysPersonPage *self,
                                                              const char         *field);
const char            *pathways_person_page_get_field_error (PathwaysPersonPage *self,
                                                             const char         *field);
const char            *pathways_person_page_get_profile_error (PathwaysPersonPage *self);
GtkWindow             *pathways_person_page_get_move_dialog (PathwaysPersonPage *self);
GtkWindow             *pathways_person_page_get_conflict_dialog (PathwaysPersonPage *self);
GtkWidget             *pathways_person_page_get_destination_list (PathwaysPersonPage *self);
GtkPrintOperation     *pathways_person_page_print_operation (PathwaysPersonPage *self);

G_END_DECLS
