/* pathways-table.h — columns a person chooses, resizes and reorders,
 * kept in settings; the text a cell cuts short shown in a tooltip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     pathways_table_init           (GtkWidget           *page,
                                        GtkColumnView       *view,
                                        const char          *first_key,
                                        GtkColumnViewColumn *first_column,
                                        ...) G_GNUC_NULL_TERMINATED;
void     pathways_table_bind_settings  (GtkColumnView       *view,
                                        GSettings           *settings,
                                        const char          *settings_key);
void     pathways_table_save_now       (GtkColumnView       *view);
gboolean pathways_table_column_chosen  (GtkColumnViewColumn *column);

void     pathways_truncation_tooltips  (GtkWidget           *view);
gboolean pathways_inscription_is_truncated (GtkInscription  *inscription);
void     pathways_cell_set_tooltip     (GtkWidget           *widget,
                                        const char          *text);
const char *pathways_cell_get_tooltip  (GtkWidget           *widget);

gboolean pathways_list_scroll_to       (GtkScrolledWindow   *scroller,
                                        double               value);

G_END_DECLS
