/* pathways-widgets.h — small helpers the views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct {
  const char *trigger;   /* as gtk_shortcut_trigger_parse_string() reads it */
  const char *action;
} PathwaysShortcut;

char     *pathways_date_entry_read (GtkEditable *entry);
gboolean  pathways_merge_records   (GListStore  *rows,
                                    GListModel  *fresh);
GtkWidget *pathways_score_label_new (gint64      score,
                                     const char *terms);
void      pathways_add_page_shortcuts (GtkWidget              *page,
                                       const PathwaysShortcut *shortcuts,
                                       guint                   n);

G_END_DECLS
