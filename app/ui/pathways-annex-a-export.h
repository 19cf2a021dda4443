/* pathways-annex-a-export.h — Export Annex A List… from the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

/* Asks where (CSV or Excel by the name's ending), then writes the list in
 * a worker thread and says so in a toast */
void     pathways_annex_a_export_choose        (GtkWindow           *parent,
                                                PathwaysContext     *context);

/* The writing alone (the tests use it): Ofsted's List 9 on today */
void     pathways_annex_a_export_async         (PathwaysContext     *context,
                                                const char          *path,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean pathways_annex_a_export_finish        (GAsyncResult        *result,
                                                guint               *out_n_rows,
                                                GError             **error);

G_END_DECLS
