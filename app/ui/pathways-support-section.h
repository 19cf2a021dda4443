/* pathways-support-section.h — a young person's contacts and their
 * education, employment and training, on their page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_SUPPORT_SECTION (pathways_support_section_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysSupportSection, pathways_support_section, PATHWAYS, SUPPORT_SECTION, GtkWidget)

/* Shows @person_id's contacts and activities (loaded in a worker thread,
 * again on every call, as the page does on each refresh) */
void              pathways_support_section_set_person (PathwaysSupportSection *self,
                                                       PathwaysContext        *context,
                                                       gint64                  person_id);

/* For the tests */
gboolean          pathways_support_section_is_loading (PathwaysSupportSection *self);
guint             pathways_support_section_get_n_contacts (PathwaysSupportSection *self);
/* The title of the contact row at @position (0: the newest) */
const char       *pathways_support_section_get_contact_title (PathwaysSupportSection *self,
                                                              guint                   position);
guint             pathways_support_section_get_n_activities (PathwaysSupportSection *self);
/* The dialog Add Activity… opened; fill it in as a person would
 * ("activ": a 903 ACTIV code; "start-date", "end-date" as typed) */
AdwMessageDialog *pathways_support_section_get_dialog (PathwaysSupportSection *self);
void              pathways_support_section_dialog_set (AdwMessageDialog *dialog,
                                                       const char       *field,
                                                       const char       *value);
const char       *pathways_support_section_dialog_get_error (AdwMessageDialog *dialog,
                                                             const char       *field);

G_END_DECLS
