/* pathways-person-page.h — one young person: status, accommodation,
 * milestones, notes and profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_PERSON_PAGE (pathways_person_page_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPersonPage, pathways_person_page, PATHWAYS, PERSON_PAGE, GtkWidget)

GtkWidget *pathways_person_page_new           (PathwaysContext    *context);
gboolean   pathways_person_page_save_edits    (PathwaysPersonPage *self);
gboolean   pathways_person_page_has_unsaved_edits (PathwaysPersonPage *self);
void       pathways_person_page_discard_edits (PathwaysPersonPage *self);
void       pathways_person_page_show_person   (PathwaysPersonPage *self,
                                               gint64              person_id);
gint64     pathways_person_page_get_person_id (PathwaysPersonPage *self);

G_END_DECLS
