/* pathways-wrap-box.h — controls side by side at their own widths,
 * wrapping to a new line when the next does not fit
 *
 * GtkFlowBox lines its children up in columns, so a toggle is as wide as
 * the widest drop-down beside it and a row of seven filters cannot be
 * narrower than three of the widest.  A wrap box gives each child its
 * natural width (or the whole line, if that is less) and starts a new
 * line when the next child does not fit; its minimum width is its widest
 * child's minimum, so a phone-wide window still takes it.  A child that
 * expands horizontally (hexpand) shares with the others that do the room
 * its line leaves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PATHWAYS_TYPE_WRAP_BOX (pathways_wrap_box_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysWrapBox, pathways_wrap_box, PATHWAYS, WRAP_BOX, GtkWidget)

GtkWidget *pathways_wrap_box_new                (void);
void       pathways_wrap_box_append             (PathwaysWrapBox *self,
                                                 GtkWidget       *child);
int        pathways_wrap_box_get_column_spacing (PathwaysWrapBox *self);
void       pathways_wrap_box_set_column_spacing (PathwaysWrapBox *self,
                                                 int              spacing);
int        pathways_wrap_box_get_row_spacing    (PathwaysWrapBox *self);
void       pathways_wrap_box_set_row_spacing    (PathwaysWrapBox *self,
                                                 int              spacing);
guint      pathways_wrap_box_get_n_lines        (PathwaysWrapBox *self);

G_END_DECLS
