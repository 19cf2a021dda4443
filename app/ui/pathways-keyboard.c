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

/* The list a narrow window shows in place of @view, when it does */
static GtkListView *
narrow_list_shown (GtkColumnView *view)
{
  GtkListView *list = g_object_get_data (G_OBJECT (view), "pathways-narrow-list");

  if (list != NULL && gtk_widget_get_mapped (GTK_WIDGET (list)) && !gtk_widget_get_mapped (GTK_WIDGET (view)))
    return list;
  return NULL;
}

static gboolean
focus_first_list_row (GtkListView *list)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));

  if (model == NULL || g_list_model_get_n_items (model) == 0)
    return FALSE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_mapped (row) && gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
      {
        gtk_widget_activate_action (row, "listitem.select", "(bb)", FALSE, FALSE);
        return gtk_widget_grab_focus (row);
      }
  return gtk_widget_grab_focus (GTK_WIDGET (list));
}

/**
 * pathways_column_view_set_narrow_list:
 * @list: the list a narrow window shows instead of @view, over the same
 *   rows
 *
 * The keyboard paths into @view (pathways_search_leads_to()) go to
 * @list while it is the one shown.
 */
void
pathways_column_view_set_narrow_list (GtkColumnView *view,
                                      GtkListView   *list)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (GTK_IS_LIST_VIEW (list));

  g_object_set_data (G_OBJECT (view), "pathways-narrow-list", list);
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
    {
      GtkListView *list = narrow_list_shown (results);

      return list != NULL ? focus_first_list_row (list) : pathways_focus_first_row (results);
    }
  return FALSE;
}

static void
activate_cb (GtkSearchEntry *entry,
             GtkColumnView  *results)
{
  GtkListView *list = narrow_list_shown (results);
  GListModel *model = list != NULL ? G_LIST_MODEL (gtk_list_view_get_model (list))
                                   : G_LIST_MODEL (gtk_column_view_get_model (results));

  if (model != NULL && g_list_model_get_n_items (model) == 1)
    g_signal_emit_by_name (list != NULL ? (gpointer) list : (gpointer) results, "activate", 0);
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
