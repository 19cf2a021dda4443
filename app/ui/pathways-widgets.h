/* pathways-widgets.h — small helpers the views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char *pathways_date_entry_read (GtkEditable *entry);

G_END_DECLS
