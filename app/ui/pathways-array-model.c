/* pathways-array-model.c — another list model's items, by position at once
 *
 * A GListStore finds an item by position by walking its tree from the
 * root, unless the position is next to the last one asked for.  A sort
 * model over it asks in sorted order, which is no order at all for the
 * store: a filter over the sorted caseload (every keystroke of a search)
 * paid a tree walk, and its cache misses, for each row it checked.
 * This model mirrors the one it is given in an array — the same items,
 * in the same order, following its changes — and answers in one step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-array-model"

#include "config.h"

#include "pathways-array-model.h"

#include <string.h>

struct _PathwaysArrayModel
{
  GObject     parent_instance;

  GListModel *model;
  GPtrArray  *items;   /* the model's items, referenced */
  GType       item_type;
};

static void pathways_array_model_list_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PathwaysArrayModel, pathways_array_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, pathways_array_model_list_init))

/* GListModel */

static GType
pathways_array_model_get_item_type (GListModel *list)
{
  return PATHWAYS_ARRAY_MODEL (list)->item_type;
}

static guint
pathways_array_model_get_n_items (GListModel *list)
{
  return PATHWAYS_ARRAY_MODEL (list)->items->len;
}

static gpointer
pathways_array_model_get_item (GListModel *list,
                               guint       position)
{
  PathwaysArrayModel *self = PATHWAYS_ARRAY_MODEL (list);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
pathways_array_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = pathways_array_model_get_item_type;
  iface->get_n_items = pathways_array_model_get_n_items;
  iface->get_item = pathways_array_model_get_item;
}

/* Callbacks */

static void
items_changed_cb (PathwaysArrayModel *self,
                  guint               position,
                  guint               removed,
                  guint               added,
                  GListModel         *model)
{
  g_assert (position + removed <= self->items->len);

  g_ptr_array_remove_range (self->items, position, removed);
  if (added > 0)
    {
      guint tail = self->items->len - position;

      /* Room for the new items at @position (GLib 2.74 has no insert of
       * several); they are read in order, which a store answers in a step */
      g_ptr_array_set_size (self->items, self->items->len + added);
      memmove (self->items->pdata + position + added, self->items->pdata + position, tail * sizeof (gpointer));
      for (guint i = 0; i < added; i++)
        self->items->pdata[position + i] = g_list_model_get_item (model, position + i);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* GObject overrides */

static void
pathways_array_model_dispose (GObject *object)
{
  PathwaysArrayModel *self = PATHWAYS_ARRAY_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);
  if (self->items != NULL)
    g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (pathways_array_model_parent_class)->dispose (object);
}

static void
pathways_array_model_finalize (GObject *object)
{
  PathwaysArrayModel *self = PATHWAYS_ARRAY_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (pathways_array_model_parent_class)->finalize (object);
}

static void
pathways_array_model_class_init (PathwaysArrayModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pathways_array_model_dispose;
  object_class->finalize = pathways_array_model_finalize;
}

static void
pathways_array_model_init (PathwaysArrayModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->item_type = G_TYPE_OBJECT;
}

/* Public API */

/**
 * pathways_array_model_new:
 *
 * Returns: (transfer full): an empty model; give it one to mirror with
 *   pathways_array_model_set_model()
 */
PathwaysArrayModel *
pathways_array_model_new (void)
{
  return g_object_new (PATHWAYS_TYPE_ARRAY_MODEL, NULL);
}

/**
 * pathways_array_model_set_model:
 * @model: (nullable): the model to mirror
 *
 * Mirrors @model from now on: its items, and each change it announces.
 */
void
pathways_array_model_set_model (PathwaysArrayModel *self,
                                GListModel         *model)
{
  guint removed, added;

  g_return_if_fail (PATHWAYS_IS_ARRAY_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_set_object (&self->model, model);

  removed = self->items->len;
  g_ptr_array_set_size (self->items, 0);
  if (model != NULL)
    {
      added = g_list_model_get_n_items (model);
      self->item_type = g_list_model_get_item_type (model);
      for (guint i = 0; i < added; i++)
        g_ptr_array_add (self->items, g_list_model_get_item (model, i));
      g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
    }
  else
    added = 0;
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}

/**
 * pathways_array_model_get_model:
 *
 * Returns: (transfer none) (nullable): the model mirrored
 */
GListModel *
pathways_array_model_get_model (PathwaysArrayModel *self)
{
  g_return_val_if_fail (PATHWAYS_IS_ARRAY_MODEL (self), NULL);

  return self->model;
}
