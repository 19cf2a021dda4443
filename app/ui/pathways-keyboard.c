/* pathways-keyboard.c — the keyboard paths between a search and its results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-keyboard"

#include "config.h"

#include "pathways-keyboard.h"

/**
 * pathways_focus_first_row:
 *
 * Moves the keyboard focus to the first row of @view.
 *
 * Returns: whether there was a row to go to
 */
gboolean
pathways_focus_first_row (GtkColumnView *view)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), FALSE);

  if (model == NULL || g_list_model_get_n_items (model) == 0)
    return FALSE;
  /* GTK 4.8 has no gtk_column_view_scroll_to (): its list goes to the
   * row it has as its cursor, the first until the user moves it */
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (view)); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LIST_VIEW (w) || gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (w)) == GTK_ACCESSIBLE_ROLE_LIST)
      {
        /* The first row's widget, when it is made */
        for (GtkWidget *row = gtk_widget_get_first_child (w); row != NULL; row = gtk_widget_get_next_sibling (row))
          if (gtk_widget_get_mapped (row) && gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row)) == GTK_ACCESSIBLE_ROLE_ROW)
            {
              gtk_widget_activate_action (row, "listitem.select", "(bb)", FALSE, FALSE);
              return gtk_widget_grab_focus (row);
            }
        return gtk_widget_grab_focus (w);
      }
  return gtk_widget_grab_focus (GTK_WIDGET (view));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkColumnView         *results)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
      && (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) == 0)
    return pathways_focus_first_row (results);
  return FALSE;
}

static void
activate_cb (GtkSearchEntry *entry,
             GtkColumnView  *results)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (results));

  if (model != NULL && g_list_model_get_n_items (model) == 1)
    g_signal_emit_by_name (results, "activate", 0);
}

/**
 * pathways_search_leads_to:
 * @entry: a search entry above @results
 * @results: the column view of what it finds
 *
 * Down in @entry moves to the first row of @results, and Enter opens
 * the only row when there is one.
 */
void
pathways_search_leads_to (GtkSearchEntry *entry,
                          GtkColumnView  *results)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_return_if_fail (GTK_IS_SEARCH_ENTRY (entry));
  g_return_if_fail (GTK_IS_COLUMN_VIEW (results));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), results, 0);
  gtk_widget_add_controller (GTK_WIDGET (entry), keys);
  g_signal_connect_object (entry, "activate", G_CALLBACK (activate_cb), results, 0);
}

/**
 * pathways_flow_box_one_stop_each:
 *
 * A flow box of controls (filters) is one Tab stop per control: the
 * boxes GTK wraps each in take no focus of their own, and say nothing to
 * a screen reader but what is in them.
 */
void
pathways_flow_box_one_stop_each (GtkFlowBox *box)
{
  g_return_if_fail (GTK_IS_FLOW_BOX (box));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_FLOW_BOX_CHILD (child))
      {
        GtkWidget *inner = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

        gtk_widget_set_focusable (child, FALSE);
        /* The cell is named by the control in it */
        if (inner != NULL)
          gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY, inner, NULL, -1);
      }
}
