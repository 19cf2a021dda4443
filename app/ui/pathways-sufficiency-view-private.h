/* pathways-sufficiency-view-private.h — for the tests: what the page
 * shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-sufficiency-view.h"

G_BEGIN_DECLS

void                       pathways_sufficiency_view_reload           (PathwaysSufficiencyView *self);
/* "loading", "empty", "error" or "dashboard" */
const char                *pathways_sufficiency_view_get_visible_page (PathwaysSufficiencyView *self);
const PathwaysSufficiency *pathways_sufficiency_view_get_sufficiency   (PathwaysSufficiencyView *self);
void                       pathways_sufficiency_view_print_operation_async  (PathwaysSufficiencyView *self,
                                                                             GCancellable            *cancellable,
                                                                             GAsyncReadyCallback      callback,
                                                                             gpointer                 user_data);
GtkPrintOperation         *pathways_sufficiency_view_print_operation_finish (PathwaysSufficiencyView *self,
                                                                             GAsyncResult            *result,
                                                                             GError                 **error);

G_END_DECLS
