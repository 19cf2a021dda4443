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
/* Lists of figures: rows that say what they show (their accessible
 * name is their title, subtitle and value) */
void       pathways_list_box_clear         (GtkListBox  *list);
GtkWidget *pathways_list_box_add_row       (GtkListBox  *list,
                                            const char  *title,
                                            const char  *subtitle,
                                            const char  *value);
GtkWidget *pathways_list_box_add_empty_row (GtkListBox  *list,
                                            const char  *text);
/* An amount in pounds typed in an entry row (empty: 0); FALSE with an
 * error naming the row's title when it is not one */
gboolean   pathways_money_row_read         (GtkWidget   *row,
                                            gint64      *out_pence,
                                            GError     **error);
/* Shows @dialog over the window that holds @parent */
void       pathways_present_dialog         (GtkWidget   *parent,
                                            GtkWindow   *dialog);
void      pathways_add_page_shortcuts (GtkWidget              *page,
                                       const PathwaysShortcut *shortcuts,
                                       guint                   n);
/* A filter's drop-down keeps one width whatever is picked (the widest
 * choice's), so the filters beside it do not move; kept as its model
 * changes */
void      pathways_drop_down_keep_width (GtkDropDown *drop_down);

G_END_DECLS
