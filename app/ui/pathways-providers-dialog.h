/* pathways-providers-dialog.h — the authority's providers: list, add,
 * change, retire
 *
 * Each provider with its framework and kinds of place; "Edit" loads it
 * into the form, "providers.save" (Ctrl+S) saves the form (a new
 * provider, or the one loaded: refused as a conflict if someone changed
 * it meanwhile), "providers.retire" / "providers.reinstate" (with the
 * provider's id) retire a provider no longer used or bring it back.
 * Every save is one action, undoable from the toast.  The Commissioning
 * page opens it ("commission.providers", Ctrl+Shift+P) for managers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_PROVIDERS_DIALOG (pathways_providers_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysProvidersDialog, pathways_providers_dialog, PATHWAYS, PROVIDERS_DIALOG, AdwWindow)

PathwaysProvidersDialog *pathways_providers_dialog_new         (PathwaysContext         *context);
/* For tests: load provider @id into the form (0: a new one) */
void                     pathways_providers_dialog_edit        (PathwaysProvidersDialog *self,
                                                                gint64                   id);
/* The message beside the form, or NULL when none is shown */
const char              *pathways_providers_dialog_get_error   (PathwaysProvidersDialog *self);
gboolean                 pathways_providers_dialog_is_busy     (PathwaysProvidersDialog *self);

G_END_DECLS
