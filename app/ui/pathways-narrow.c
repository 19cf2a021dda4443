/* pathways-narrow.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-narrow"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-narrow.h"
#include "pathways-record.h"

struct _PathwaysNarrow
{
  GtkWidget          *page;          /* unowned: it owns this */
  GtkStack           *layout_stack;  /* unowned, the page's */
  GtkListView        *list;          /* unowned, the page's */
  GtkSelectionModel  *model;         /* what the list shows when narrow */
  PathwaysNarrowFunc  changed;
  gboolean            narrow;
  guint               idle_id;

  /* The filters, behind a toggle when narrow (all unowned, the page's) */
  GtkToggleButton    *filters_toggle;
  GtkRevealer        *filters_revealer;
  GtkLabel           *filters_badge;
  guint               n_filters;
};

static void
update_filters (PathwaysNarrow *self)
{
  g_autofree char *count = NULL;
  g_autofree char *name = NULL;

  if (self->filters_toggle == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->filters_toggle), self->narrow);
  gtk_revealer_set_reveal_child (self->filters_revealer,
                                 !self->narrow || gtk_toggle_button_get_active (self->filters_toggle));
  count = g_strdup_printf ("%u", self->n_filters);
  gtk_label_set_label (self->filters_badge, count);
  gtk_widget_set_visible (GTK_WIDGET (self->filters_badge), self->n_filters > 0);
  if (self->n_filters > 0)
    /* Translators: the Filters button of a narrow window, read by a
     * screen reader: "Filters, 2 in use" */
    name = g_strdup_printf (ngettext ("Filters, %u in use", "Filters, %u in use", self->n_filters), self->n_filters);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filters_toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name != NULL ? name : _("Filters"), -1);
}

static void
filters_toggled_cb (GtkToggleButton *toggle,
                    PathwaysNarrow  *self)
{
  update_filters (self);
}

static gboolean
idle_cb (gpointer data)
{
  PathwaysNarrow *self = data;
  gboolean narrow = gtk_widget_get_width (self->page) < PATHWAYS_NARROW_WIDTH;
  gboolean changed = narrow != self->narrow;

  self->idle_id = 0;
  if (changed)
    {
      self->narrow = narrow;
      gtk_list_view_set_model (self->list, narrow ? self->model : NULL);
      gtk_stack_set_visible_child_name (self->layout_stack, narrow ? "narrow" : "table");
      update_filters (self);
    }
  if (self->changed != NULL)
    self->changed (self->page, changed);
  return G_SOURCE_REMOVE;
}

/**
 * pathways_narrow_new:
 * @page: the page, a bin of one child
 * @layout_stack: the stack with the pages "table" and "narrow"
 * @list: the list of the "narrow" page
 * @changed: (nullable): called after the page folded or unfolded
 *
 * Returns: (transfer full): the page's narrow layout, wide to begin with;
 *   free it in the page's dispose
 */
PathwaysNarrow *
pathways_narrow_new (GtkWidget          *page,
                     GtkStack           *layout_stack,
                     GtkListView        *list,
                     PathwaysNarrowFunc  changed)
{
  PathwaysNarrow *self;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (GTK_IS_STACK (layout_stack), NULL);
  g_return_val_if_fail (GTK_IS_LIST_VIEW (list), NULL);

  self = g_new0 (PathwaysNarrow, 1);
  self->page = page;
  self->layout_stack = layout_stack;
  self->list = list;
  self->changed = changed;
  /* What is cut short for a frame (pathways_narrow_allocate()) */
  gtk_widget_set_overflow (page, GTK_OVERFLOW_HIDDEN);
  return self;
}

void
pathways_narrow_free (PathwaysNarrow *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->filters_toggle != NULL)
    g_signal_handlers_disconnect_by_func (self->filters_toggle, filters_toggled_cb, self);
  g_clear_object (&self->model);
  g_free (self);
}

/**
 * pathways_narrow_is_narrow:
 *
 * Returns: whether the page shows its list rather than its table
 */
gboolean
pathways_narrow_is_narrow (PathwaysNarrow *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->narrow;
}

/**
 * pathways_narrow_set_model:
 * @model: (nullable): the rows, as the table has them (its selection)
 *
 * What the list shows while the page is narrow.
 */
void
pathways_narrow_set_model (PathwaysNarrow    *self,
                           GtkSelectionModel *model)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (model == NULL || GTK_IS_SELECTION_MODEL (model));

  g_set_object (&self->model, model);
  if (self->narrow)
    gtk_list_view_set_model (self->list, model);
}

/**
 * pathways_narrow_measure:
 *
 * The page's measure: its child's, except that a wide page asks for no
 * more width than the narrowest window leaves it, which the list layout
 * fits.  The wide layout (a toolbar
 * with its search, cards) needs more than a phone has; asking for it
 * would make the window grow before the page has seen its width and
 * folded, and a window never shrinks back.  A window narrower than the
 * wide layout folds it on the next frame.  Once the page is disposed
 * (@self is %NULL) it measures nothing.
 */
void
pathways_narrow_measure (PathwaysNarrow *self,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  GtkWidget *child;

  if (self == NULL || (child = gtk_widget_get_first_child (self->page)) == NULL)
    return;
  gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL && !self->narrow)
    *minimum = MIN (*minimum, PATHWAYS_NARROW_MIN_PAGE_WIDTH);
}

/**
 * pathways_narrow_allocate:
 * @relayout: whether something else of the page's layout changes at
 *   this size (the callback is called then too)
 *
 * The page's size_allocate: gives its child the size, never less than
 * the child's minimum width and height (the page is cut short, its
 * overflow hidden, for the frame until it folds), and folds or unfolds the page just
 * after if @width asks for it.  Once the page is disposed (@self is
 * %NULL) it does nothing.
 */
void
pathways_narrow_allocate (PathwaysNarrow *self,
                          int             width,
                          int             height,
                          int             baseline,
                          gboolean        relayout)
{
  GtkWidget *child;

  if (self == NULL)
    return;
  child = gtk_widget_get_first_child (self->page);
  if (child != NULL)
    {
      int minimum = 0, minimum_height = 0;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      width = MAX (width, minimum);
      /* Nor less than its height for that width, if the page asked for
       * less (what it will hide on the next frame) */
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &minimum_height, NULL, NULL, NULL);
      gtk_widget_allocate (child, width, MAX (height, minimum_height), baseline, NULL);
    }
  if (((width < PATHWAYS_NARROW_WIDTH) != self->narrow || relayout) && self->idle_id == 0)
    self->idle_id = g_idle_add (idle_cb, self);
}

/**
 * pathways_narrow_row_id:
 * @position: a row of @list, as its "activate" signal gives it
 *
 * Returns: the id of the record at @position, 0 if there is none
 */
gint64
pathways_narrow_row_id (GtkListView *list,
                        guint        position)
{
  GtkSelectionModel *model;
  g_autoptr(PathwaysRecord) row = NULL;

  g_return_val_if_fail (GTK_IS_LIST_VIEW (list), 0);

  model = gtk_list_view_get_model (list);
  if (model != NULL)
    row = g_list_model_get_item (G_LIST_MODEL (model), position);
  return row != NULL ? pathways_record_get_id (row) : 0;
}

/**
 * pathways_narrow_add_filters:
 * @toggle: the Filters button, shown only when narrow
 * @revealer: around the filters
 * @badge: in @toggle, for the number of filters in use
 *
 * A narrow page shows its filters only while @toggle is down; a wide
 * page always, and no @toggle.
 */
void
pathways_narrow_add_filters (PathwaysNarrow  *self,
                             GtkToggleButton *toggle,
                             GtkRevealer     *revealer,
                             GtkLabel        *badge)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (GTK_IS_TOGGLE_BUTTON (toggle));
  g_return_if_fail (GTK_IS_REVEALER (revealer));
  g_return_if_fail (GTK_IS_LABEL (badge));
  g_return_if_fail (self->filters_toggle == NULL);

  self->filters_toggle = toggle;
  self->filters_revealer = revealer;
  self->filters_badge = badge;
  g_signal_connect (toggle, "toggled", G_CALLBACK (filters_toggled_cb), self);
  update_filters (self);
}

/**
 * pathways_narrow_count_filters:
 * @n_in_use: how many filters narrow the rows now (the search aside)
 *
 * Shown on the Filters button.
 */
void
pathways_narrow_count_filters (PathwaysNarrow *self,
                               guint           n_in_use)
{
  g_return_if_fail (self != NULL);

  if (self->n_filters == n_in_use)
    return;
  self->n_filters = n_in_use;
  update_filters (self);
}
