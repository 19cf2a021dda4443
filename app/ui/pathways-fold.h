/* pathways-fold.h — hide a column view's secondary columns when narrow
 *
 * libadwaita 1.2 has no AdwBreakpoint: this watches the width of the
 * scrolled window around a column view and folds the columns that matter
 * least below a width, so a narrow window shows whole names rather than
 * eleven columns cut to three letters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     pathways_fold_columns   (GtkColumnView       *column_view,
                                  int                  min_width,
                                  GtkColumnViewColumn *first_column,
                                  ...) G_GNUC_NULL_TERMINATED;
gboolean pathways_fold_is_folded (GtkColumnView       *column_view);
gboolean pathways_fold_hides     (GtkColumnView       *column_view,
                                  GtkColumnViewColumn *column);

G_END_DECLS
