/* pathways-add-person-dialog-private.h — for the tests: what a person
 * would type, and what the dialog says beside each field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-add-person-dialog.h"

G_BEGIN_DECLS

/* @field: "given-name", "family-name", "preferred-name", "date-of-birth"
 * (as typed, DD/MM/YYYY) or "local-id" */
void        pathways_add_person_dialog_set_text  (PathwaysAddPersonDialog *self,
                                                  const char              *field,
                                                  const char              *text);
/* The message shown beside @field (NULL: none), or under the form for NULL */
const char *pathways_add_person_dialog_get_error (PathwaysAddPersonDialog *self,
                                                  const char              *field);
gboolean    pathways_add_person_dialog_is_busy   (PathwaysAddPersonDialog *self);

G_END_DECLS
