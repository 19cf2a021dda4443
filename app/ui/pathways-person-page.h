/* pathways-person-page.h — one young person: status, accommodation,
 * milestones, notes and profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-core.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_PERSON_PAGE (pathways_person_page_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPersonPage, pathways_person_page, PATHWAYS, PERSON_PAGE, GtkWidget)

GtkWidget             *pathways_person_page_new          (void);
void                   pathways_person_page_set_store    (PathwaysPersonPage *self,
                                                          PathwaysStore      *store);
void                   pathways_person_page_set_staff_id (PathwaysPersonPage *self,
                                                          gint64              staff_id);
void                   pathways_person_page_load         (PathwaysPersonPage *self,
                                                          gint64              person_id);
gint64                 pathways_person_page_get_person_id (PathwaysPersonPage *self);

/* For tests */
gboolean               pathways_person_page_is_loading   (PathwaysPersonPage *self);
PathwaysPersonDetails *pathways_person_page_get_details  (PathwaysPersonPage *self);
guint                  pathways_person_page_get_n_spell_rows (PathwaysPersonPage *self);
guint                  pathways_person_page_get_n_milestone_rows (PathwaysPersonPage *self);
guint                  pathways_person_page_get_n_strip_bars (PathwaysPersonPage *self);
double                 pathways_person_page_get_readiness_value (PathwaysPersonPage *self);
void                   pathways_person_page_set_profile_text (PathwaysPersonPage *self,
                                                              const char         *field,
                                                              const char         *text);
const char            *pathways_person_page_get_field_error (PathwaysPersonPage *self,
                                                             const char         *field);
const char            *pathways_person_page_get_profile_error (PathwaysPersonPage *self);
GtkWindow             *pathways_person_page_get_move_dialog (PathwaysPersonPage *self);
GtkWidget             *pathways_person_page_get_destination_list (PathwaysPersonPage *self);

G_END_DECLS
