/* pathways-table.c — columns a person chooses, resizes and reorders
 *
 * Each column of a table gets a key ("local-id") and a stateful boolean
 * action, columns.show-KEY, in a "columns" group on the page; every
 * column header's menu lists them as check items, with "Reset Columns".
 * The first column (the name) is always shown.  The columns' order, which
 * are shown and the widths a person dragged them to are written to one
 * GSettings key of type a(sbi) — (key, shown, width or -1) in order — a
 * moment after the last change, and read back, checked, when the page is
 * made: unknown or repeated keys and silly widths are dropped, columns
 * the setting does not name keep their place at the end.
 *
 * Columns a narrow window folds away (pathways-fold.c) stay chosen: they
 * come back when the window is wide again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-table"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pathways-fold.h"
#include "pathways-table.h"

#define SAVE_DELAY_MS 400
#define MIN_WIDTH     24
#define MAX_WIDTH     4000

typedef struct {
  GtkColumnView      *view;       /* unowned: the table lives on it */
  GSimpleActionGroup *actions;
  GPtrArray          *keys;       /* char *, in the default order */
  GPtrArray          *columns;    /* GtkColumnViewColumn, owned, same order */
  GSettings          *settings;
  char               *settings_key;
  guint               save_id;
  gboolean            restoring;
} Table;

static const char *TABLE_KEY = "pathways-table";
static const char *HIDDEN_KEY = "pathways-column-hidden";
/* Hidden as installed (the template's visible=False): shown on request */
static const char *INSTALLED_HIDDEN_KEY = "pathways-column-installed-hidden";

static void table_save (Table *table);

static void
table_free (gpointer data)
{
  Table *table = data;

  /* The view is finalized: a change still waiting was written when it
   * was disposed (pathways_table_save_now()) */
  g_clear_handle_id (&table->save_id, g_source_remove);
  g_clear_object (&table->actions);
  g_clear_object (&table->settings);
  g_free (table->settings_key);
  g_ptr_array_unref (table->keys);
  g_ptr_array_unref (table->columns);
  g_free (table);
}

static int
table_find_key (Table      *table,
                const char *key)
{
  for (guint i = 0; i < table->keys->len; i++)
    if (g_str_equal (g_ptr_array_index (table->keys, i), key))
      return (int) i;
  return -1;
}

gboolean
pathways_table_column_chosen (GtkColumnViewColumn *column)
{
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column), FALSE);

  return g_object_get_data (G_OBJECT (column), HIDDEN_KEY) == NULL;
}

/* Shown when chosen, unless a narrow window folds it away for now */
static void
table_show (Table               *table,
            GtkColumnViewColumn *column,
            gboolean             chosen)
{
  g_object_set_data (G_OBJECT (column), HIDDEN_KEY, chosen ? NULL : GINT_TO_POINTER (1));
  gtk_column_view_column_set_visible (column, chosen && !pathways_fold_hides (table->view, column));
}

static void
table_save (Table *table)
{
  GListModel *columns = gtk_column_view_get_columns (table->view);
  GVariantBuilder builder;

  if (table->settings == NULL)
    return;
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sbi)"));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      guint index;

      if (!g_ptr_array_find (table->columns, column, &index))
        continue;
      g_variant_builder_add (&builder, "(sbi)", (const char *) g_ptr_array_index (table->keys, index),
                             pathways_table_column_chosen (column),
                             gtk_column_view_column_get_fixed_width (column));
    }
  g_settings_set_value (table->settings, table->settings_key, g_variant_builder_end (&builder));
}

static gboolean
save_timeout_cb (gpointer data)
{
  Table *table = data;

  table->save_id = 0;
  table_save (table);
  return G_SOURCE_REMOVE;
}

static void
table_changed (Table *table)
{
  if (table->restoring || table->settings == NULL)
    return;
  /* A drag of a header changes the width many times a second */
  g_clear_handle_id (&table->save_id, g_source_remove);
  table->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, table);
}

static void
width_changed_cb (GtkColumnViewColumn *column,
                  GParamSpec          *pspec,
                  GtkColumnView       *view)
{
  table_changed (g_object_get_data (G_OBJECT (view), TABLE_KEY));
}

static void
columns_changed_cb (GListModel    *columns,
                    guint          position,
                    guint          removed,
                    guint          added,
                    GtkColumnView *view)
{
  table_changed (g_object_get_data (G_OBJECT (view), TABLE_KEY));
}

static void
show_change_state_cb (GSimpleAction *action,
                      GVariant      *state,
                      gpointer       user_data)
{
  Table *table = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  int index = table_find_key (table, name + strlen ("show-"));

  g_return_if_fail (index > 0);
  g_simple_action_set_state (action, state);
  table_show (table, g_ptr_array_index (table->columns, index), g_variant_get_boolean (state));
  table_changed (table);
}

static void
table_sync_actions (Table *table)
{
  for (guint i = 0; i < table->keys->len; i++)
    {
      g_autofree char *name = g_strconcat ("show-", (const char *) g_ptr_array_index (table->keys, i), NULL);
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (table->actions), name);

      g_simple_action_set_state (G_SIMPLE_ACTION (action),
                                 g_variant_new_boolean (pathways_table_column_chosen (g_ptr_array_index (table->columns, i))));
    }
}

static void
table_apply (Table    *table,
             GVariant *value)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autofree gboolean *seen = g_new0 (gboolean, table->keys->len);
  GVariantIter iter;
  const char *key;
  gboolean shown;
  gint32 width;

  table->restoring = TRUE;
  if (value != NULL)
    {
      g_variant_iter_init (&iter, value);
      while (g_variant_iter_next (&iter, "(&sbi)", &key, &shown, &width))
        {
          int index = table_find_key (table, key);
          GtkColumnViewColumn *column;

          if (index < 0 || seen[index])
            {
              g_debug ("Column setting %s: “%s” is not a column, or twice; left out", table->settings_key, key);
              continue;
            }
          seen[index] = TRUE;
          column = g_ptr_array_index (table->columns, index);
          g_ptr_array_add (order, column);
          /* The first column (the name) is never hidden */
          table_show (table, column, shown || index == 0);
          gtk_column_view_column_set_fixed_width (column, width >= MIN_WIDTH && width <= MAX_WIDTH ? width : -1);
        }
    }
  for (guint i = 0; i < table->keys->len; i++)
    if (!seen[i])
      {
        GtkColumnViewColumn *column = g_ptr_array_index (table->columns, i);

        g_ptr_array_add (order, column);
        table_show (table, column, g_object_get_data (G_OBJECT (column), INSTALLED_HIDDEN_KEY) == NULL);
        gtk_column_view_column_set_fixed_width (column, -1);
      }
  for (guint i = 0; i < order->len; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (order, i);
      g_autoptr(GtkColumnViewColumn) at = g_list_model_get_item (gtk_column_view_get_columns (table->view), i);

      if (at != column)
        gtk_column_view_insert_column (table->view, i, column);
    }
  table_sync_actions (table);
  table->restoring = FALSE;
}

static void
reset_activate_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  Table *table = user_data;

  g_clear_handle_id (&table->save_id, g_source_remove);
  table_apply (table, NULL);
  if (table->settings != NULL)
    g_settings_reset (table->settings, table->settings_key);
}

/**
 * pathways_table_init:
 * @page: the widget that gets the "columns" action group
 * @view: the table
 * @first_key: the key of the first column, which is always shown
 * @first_column: that column; then more key, column pairs, %NULL-terminated
 *
 * Gives every column of @view a header menu to choose the columns
 * shown, and shows the text a cell cuts short in a tooltip.
 */
void
pathways_table_init (GtkWidget           *page,
                     GtkColumnView       *view,
                     const char          *first_key,
                     GtkColumnViewColumn *first_column,
                     ...)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) choices = g_menu_new ();
  g_autoptr(GMenu) reset = g_menu_new ();
  const char *key = first_key;
  GtkColumnViewColumn *column = first_column;
  Table *table;
  va_list args;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (g_object_get_data (G_OBJECT (view), TABLE_KEY) == NULL);

  table = g_new0 (Table, 1);
  table->view = view;
  table->actions = g_simple_action_group_new ();
  table->keys = g_ptr_array_new_with_free_func (g_free);
  table->columns = g_ptr_array_new_with_free_func (g_object_unref);

  va_start (args, first_column);
  while (key != NULL)
    {
      g_autofree char *name = g_strconcat ("show-", key, NULL);
      g_autofree char *detailed = g_strconcat ("columns.", name, NULL);
      g_autoptr(GSimpleAction) action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (TRUE));

      g_assert (GTK_IS_COLUMN_VIEW_COLUMN (column));
      /* A column the template hides is one the table starts without */
      if (!gtk_column_view_column_get_visible (column) && table->keys->len > 0)
        g_object_set_data (G_OBJECT (column), INSTALLED_HIDDEN_KEY, GINT_TO_POINTER (1));
      g_ptr_array_add (table->keys, g_strdup (key));
      g_ptr_array_add (table->columns, g_object_ref (column));
      g_signal_connect (action, "change-state", G_CALLBACK (show_change_state_cb), table);
      /* The name column cannot be hidden: its item is there, greyed */
      g_simple_action_set_enabled (action, table->keys->len > 1);
      g_action_map_add_action (G_ACTION_MAP (table->actions), G_ACTION (action));
      g_menu_append (choices, gtk_column_view_column_get_title (column), detailed);
      g_signal_connect_object (column, "notify::fixed-width", G_CALLBACK (width_changed_cb), view, 0);
      gtk_column_view_column_set_resizable (column, TRUE);

      key = va_arg (args, const char *);
      if (key != NULL)
        column = va_arg (args, GtkColumnViewColumn *);
    }
  va_end (args);

  {
    g_autoptr(GSimpleAction) action = g_simple_action_new ("reset", NULL);

    g_signal_connect (action, "activate", G_CALLBACK (reset_activate_cb), table);
    g_action_map_add_action (G_ACTION_MAP (table->actions), G_ACTION (action));
  }
  g_menu_append (reset, _("_Reset Columns"), "columns.reset");
  g_menu_append_section (menu, _("Show Columns"), G_MENU_MODEL (choices));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (reset));
  for (guint i = 0; i < table->columns->len; i++)
    gtk_column_view_column_set_header_menu (g_ptr_array_index (table->columns, i), G_MENU_MODEL (menu));

  g_object_set_data_full (G_OBJECT (view), TABLE_KEY, table, table_free);
  /* The columns as installed, until settings say otherwise */
  table_apply (table, NULL);
  gtk_widget_insert_action_group (page, "columns", G_ACTION_GROUP (table->actions));
  g_signal_connect_object (gtk_column_view_get_columns (view), "items-changed",
                           G_CALLBACK (columns_changed_cb), view, 0);
  gtk_column_view_set_reorderable (view, TRUE);
  pathways_truncation_tooltips (GTK_WIDGET (view));
}

/**
 * pathways_table_bind_settings:
 * @settings: (nullable): where the columns are kept; %NULL keeps them
 *   only while the table lives
 * @settings_key: a key of type a(sbi) in @settings
 *
 * Shows the columns as they were last left, and keeps them from now on.
 */
void
pathways_table_bind_settings (GtkColumnView *view,
                              GSettings     *settings,
                              const char    *settings_key)
{
  Table *table = g_object_get_data (G_OBJECT (view), TABLE_KEY);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GVariant) value = NULL;

  g_return_if_fail (table != NULL);
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (settings == NULL)
    return;
  g_object_get (settings, "settings-schema", &schema, NULL);
  if (schema == NULL || !g_settings_schema_has_key (schema, settings_key))
    {
      g_warning ("No settings key %s: the columns are not kept", settings_key);
      return;
    }
  g_set_object (&table->settings, settings);
  g_free (table->settings_key);
  table->settings_key = g_strdup (settings_key);

  value = g_settings_get_value (settings, settings_key);
  if (!g_variant_is_of_type (value, G_VARIANT_TYPE ("a(sbi)")))
    g_clear_pointer (&value, g_variant_unref);
  table_apply (table, value);
}

/**
 * pathways_table_save_now:
 *
 * Writes a change still waiting for its moment: the page calls it when
 * it is disposed, so nothing is lost.
 */
void
pathways_table_save_now (GtkColumnView *view)
{
  Table *table = g_object_get_data (G_OBJECT (view), TABLE_KEY);

  g_return_if_fail (table != NULL);

  if (table->save_id != 0)
    {
      g_clear_handle_id (&table->save_id, g_source_remove);
      table_save (table);
    }
}

/* Tooltips ------------------------------------------------------------ */

/**
 * pathways_inscription_is_truncated:
 *
 * Returns: whether @inscription shows less than its whole text now
 */
gboolean
pathways_inscription_is_truncated (GtkInscription *inscription)
{
  const char *text = gtk_inscription_get_text (inscription);
  g_autoptr(PangoLayout) layout = NULL;
  int width = 0;

  g_return_val_if_fail (GTK_IS_INSCRIPTION (inscription), FALSE);

  if (text == NULL || *text == '\0' || !gtk_widget_get_mapped (GTK_WIDGET (inscription)))
    return FALSE;
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (inscription), text);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width > gtk_widget_get_width (GTK_WIDGET (inscription));
}

static gboolean
query_tooltip_cb (GtkWidget  *view,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  GtkWidget *picked;
  graphene_rect_t bounds;

  if (keyboard)
    return FALSE;
  picked = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT);
  while (picked != NULL && picked != view && !GTK_IS_INSCRIPTION (picked))
    picked = gtk_widget_get_parent (picked);
  if (picked == NULL || !GTK_IS_INSCRIPTION (picked) || !pathways_inscription_is_truncated (GTK_INSCRIPTION (picked)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_inscription_get_text (GTK_INSCRIPTION (picked)));
  if (gtk_widget_compute_bounds (picked, view, &bounds))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                          bounds.size.width, bounds.size.height });
  return TRUE;
}

#define CELL_TOOLTIP_KEY "pathways-cell-tooltip"
#define CELL_TOOLTIP_CONNECTED_KEY "pathways-cell-tooltip-connected"

static gboolean
cell_query_tooltip_cb (GtkWidget  *widget,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), CELL_TOOLTIP_KEY);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * pathways_cell_set_tooltip:
 * @text: (nullable): the tooltip, or %NULL for none
 *
 * A tooltip for a widget in a row of a list or column view, set each
 * time the row is bound: what gtk_widget_set_tooltip_text() does (the
 * tooltip on hover, the accessible description) without what GTK 4.8
 * does besides at every call — ask the display server where the pointer
 * is, three round trips to the X server, which were most of the time the
 * caseload's first rows took to bind.
 */
void
pathways_cell_set_tooltip (GtkWidget  *widget,
                           const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_strcmp0 (pathways_cell_get_tooltip (widget), text) == 0)
    return;
  if (g_object_get_data (G_OBJECT (widget), CELL_TOOLTIP_CONNECTED_KEY) == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
      g_object_set_data (G_OBJECT (widget), CELL_TOOLTIP_CONNECTED_KEY, GINT_TO_POINTER (TRUE));
    }
  g_object_set_data_full (G_OBJECT (widget), CELL_TOOLTIP_KEY, g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * pathways_cell_get_tooltip:
 *
 * Returns: (nullable): what pathways_cell_set_tooltip() last set
 */
const char *
pathways_cell_get_tooltip (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_data (G_OBJECT (widget), CELL_TOOLTIP_KEY);
}

/**
 * pathways_truncation_tooltips:
 * @view: a column view or list view
 *
 * A cell's text cut short (an ellipsis) is shown whole in a tooltip, as
 * Files does; a cell that shows all of its text has none.
 */
void
pathways_truncation_tooltips (GtkWidget *view)
{
  g_return_if_fail (GTK_IS_WIDGET (view));

  gtk_widget_set_has_tooltip (view, TRUE);
  g_signal_connect (view, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

/**
 * pathways_list_scroll_to:
 * @scroller: the scrolled window around a column view or list view
 * @value: where to scroll, in pixels from the top
 *
 * Scrolls a list only when it can be: it is laid out and has rows.  A
 * list without them (its filter just emptied it, its page not shown)
 * cannot find a row at @value and warns "failed to scroll to given
 * position"; it starts at the top anyway when its rows come.
 *
 * Returns: whether the list was scrolled
 */
gboolean
pathways_list_scroll_to (GtkScrolledWindow *scroller,
                         double             value)
{
  GtkAdjustment *adjustment;
  GtkWidget *list;
  GtkSelectionModel *model = NULL;

  g_return_val_if_fail (GTK_IS_SCROLLED_WINDOW (scroller), FALSE);

  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  list = gtk_scrolled_window_get_child (scroller);
  if (gtk_adjustment_get_value (adjustment) == value)
    return FALSE;
  if (GTK_IS_COLUMN_VIEW (list))
    model = gtk_column_view_get_model (GTK_COLUMN_VIEW (list));
  else if (GTK_IS_LIST_VIEW (list))
    model = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  if (list == NULL || !gtk_widget_get_mapped (list) || gtk_widget_get_height (list) <= 0 ||
      model == NULL || g_list_model_get_n_items (G_LIST_MODEL (model)) == 0)
    return FALSE;
  gtk_adjustment_set_value (adjustment, value);
  return TRUE;
}
