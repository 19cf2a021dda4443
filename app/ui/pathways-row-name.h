/* pathways-row-name.h — a name for a list or table row, for screen readers
 *
 * GTK 4.8 names a GtkListView or GtkColumnView row after its class
 * ("GtkListItemWidget"): the row widget is GTK's own, made by the view,
 * and a factory only sees the cells inside it.  These set the accessible
 * label on the row around a cell's widget instead: directly from a
 * signal factory's bind, or declaratively from a builder factory with a
 * PathwaysRowName (an invisible widget whose "label" is bound to the
 * item) in the cell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PATHWAYS_TYPE_ROW_NAME (pathways_row_name_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysRowName, pathways_row_name, PATHWAYS, ROW_NAME, GtkWidget)

const char *pathways_row_name_get_label (PathwaysRowName *self);
void        pathways_row_name_set_label (PathwaysRowName *self,
                                         const char      *label);

void        pathways_row_set_accessible_label (GtkWidget  *inside,
                                               const char *label);

void        pathways_column_view_name_header  (GtkColumnView *view);
void        pathways_expander_row_name        (AdwExpanderRow *row);

G_END_DECLS
