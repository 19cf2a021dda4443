/* pathways-fold.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-fold"

#include "config.h"

#include "pathways-fold.h"
#include "pathways-table.h"

typedef struct {
  GtkColumnView *column_view;  /* unowned: the data lives on it */
  GPtrArray     *columns;      /* GtkColumnViewColumn, owned */
  int            min_width;
  gboolean       folded;
  guint          idle_id;
} Fold;

static void
fold_free (gpointer data)
{
  Fold *fold = data;

  g_clear_handle_id (&fold->idle_id, g_source_remove);
  g_ptr_array_unref (fold->columns);
  g_free (fold);
}

static gboolean
apply_cb (gpointer data)
{
  Fold *fold = data;

  fold->idle_id = 0;
  /* A column the person hid stays hidden when the window widens */
  for (guint i = 0; i < fold->columns->len; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (fold->columns, i);

      gtk_column_view_column_set_visible (column, !fold->folded && pathways_table_column_chosen (column));
    }
  return G_SOURCE_REMOVE;
}

static void
width_changed_cb (GtkAdjustment *adjustment,
                  GParamSpec    *pspec,
                  GtkColumnView *column_view)
{
  Fold *fold = g_object_get_data (G_OBJECT (column_view), "pathways-fold");
  double width = gtk_adjustment_get_page_size (adjustment);
  gboolean folded = width > 0 && width < fold->min_width;

  if (folded == fold->folded)
    return;
  fold->folded = folded;
  /* Not from inside a size allocation: change the columns afterwards */
  if (fold->idle_id == 0)
    fold->idle_id = g_idle_add (apply_cb, fold);
}

/**
 * pathways_fold_columns:
 * @min_width: below this width (pixels) the columns are hidden
 * @first_column: the columns to hide, %NULL-terminated
 *
 * The column view must already be inside its GtkScrolledWindow.
 */
void
pathways_fold_columns (GtkColumnView       *column_view,
                       int                  min_width,
                       GtkColumnViewColumn *first_column,
                       ...)
{
  GtkWidget *scroller;
  GtkAdjustment *adjustment;
  Fold *fold;
  va_list args;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));

  scroller = gtk_widget_get_ancestor (GTK_WIDGET (column_view), GTK_TYPE_SCROLLED_WINDOW);
  g_return_if_fail (scroller != NULL);
  adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));

  fold = g_new0 (Fold, 1);
  fold->column_view = column_view;
  fold->min_width = min_width;
  fold->columns = g_ptr_array_new_with_free_func (g_object_unref);

  va_start (args, first_column);
  for (GtkColumnViewColumn *c = first_column; c != NULL; c = va_arg (args, GtkColumnViewColumn *))
    g_ptr_array_add (fold->columns, g_object_ref (c));
  va_end (args);

  g_object_set_data_full (G_OBJECT (column_view), "pathways-fold", fold, fold_free);
  /* Disconnected when the column view goes; the state lives on it */
  g_signal_connect_object (adjustment, "notify::page-size", G_CALLBACK (width_changed_cb), column_view, 0);
}

/**
 * pathways_fold_is_folded:
 *
 * Returns: whether the secondary columns are all hidden now (for tests)
 */
gboolean
pathways_fold_is_folded (GtkColumnView *column_view)
{
  Fold *fold = g_object_get_data (G_OBJECT (column_view), "pathways-fold");

  if (fold == NULL)
    return FALSE;
  for (guint i = 0; i < fold->columns->len; i++)
    if (gtk_column_view_column_get_visible (g_ptr_array_index (fold->columns, i)))
      return FALSE;
  return fold->columns->len > 0;
}

/**
 * pathways_fold_hides:
 *
 * Returns: whether the window is narrow enough now that @column is
 *   folded away, chosen or not
 */
gboolean
pathways_fold_hides (GtkColumnView       *column_view,
                     GtkColumnViewColumn *column)
{
  Fold *fold = g_object_get_data (G_OBJECT (column_view), "pathways-fold");

  return fold != NULL && fold->folded && g_ptr_array_find (fold->columns, column, NULL);
}
