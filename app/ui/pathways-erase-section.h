/* pathways-erase-section.h — erasing a young person's records after the
 * retention period, from their page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"
#include "pathways-core.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_ERASE_SECTION (pathways_erase_section_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysEraseSection, pathways_erase_section, PATHWAYS, ERASE_SECTION, GtkWidget)

GtkWidget        *pathways_erase_section_new         (void);

/* The young person the page shows (NULL: none), on @context's store.
 * The section shows itself only when the signed-in role may erase
 * (PATHWAYS_MAY_ERASE), the case is closed and the retention period has
 * ended. */
void              pathways_erase_section_set_person  (PathwaysEraseSection *self,
                                                      PathwaysContext      *context,
                                                      PathwaysYoungPerson  *person);

/* For the tests */
gboolean          pathways_erase_section_is_offered  (PathwaysEraseSection *self);
gboolean          pathways_erase_section_is_checking (PathwaysEraseSection *self);
AdwMessageDialog *pathways_erase_section_get_dialog  (PathwaysEraseSection *self);
void              pathways_erase_dialog_type_confirmation (AdwMessageDialog *dialog,
                                                           const char       *text);
const char       *pathways_erase_dialog_get_error    (AdwMessageDialog *dialog);

G_END_DECLS
