/* pathways-keyboard.h — the keyboard paths between a search and its results
 *
 * Down in a search entry goes to the first result; Enter in it opens the
 * result when there is only one (as in Files and Contacts).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     pathways_search_leads_to (GtkSearchEntry *entry,
                                   GtkColumnView  *results);
gboolean pathways_focus_first_row (GtkColumnView  *view);
void     pathways_column_view_set_narrow_list (GtkColumnView *view,
                                               GtkListView   *list);
void     pathways_flow_box_one_stop_each (GtkFlowBox *box);

G_END_DECLS
