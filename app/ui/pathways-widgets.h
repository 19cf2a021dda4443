/* pathways-widgets.h — small helpers the views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char     *pathways_date_entry_read (GtkEditable *entry);
gboolean  pathways_merge_records   (GListStore  *rows,
                                    GListModel  *fresh);

G_END_DECLS
