/* pathways-array-model.h — another list model's items, by position at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PATHWAYS_TYPE_ARRAY_MODEL (pathways_array_model_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysArrayModel, pathways_array_model, PATHWAYS, ARRAY_MODEL, GObject)

PathwaysArrayModel *pathways_array_model_new       (void);
void                pathways_array_model_set_model (PathwaysArrayModel *self,
                                                    GListModel         *model);
GListModel         *pathways_array_model_get_model (PathwaysArrayModel *self);

G_END_DECLS
