/* pathways-contact-dialog.h — recording a contact with a young person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

/* Asks for the type of contact, the day and a note, then records it
 * (the author is who is signed in) with an Undo toast */
AdwMessageDialog *pathways_contact_dialog_present (GtkWindow       *parent,
                                                   PathwaysContext *context,
                                                   gint64           person_id);

/* For the tests: fill in the dialog as a person would (kind: a
 * PATHWAYS_VOCAB_CONTACT_KIND code; day as typed, DD/MM/YYYY) */
void              pathways_contact_dialog_fill    (AdwMessageDialog *dialog,
                                                   const char       *kind,
                                                   const char       *day,
                                                   const char       *note);
const char       *pathways_contact_dialog_get_error (AdwMessageDialog *dialog);

G_END_DECLS
