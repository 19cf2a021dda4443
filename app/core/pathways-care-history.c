/* pathways-care-history.c — a young person's care history, as SSDA903 episodes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-care-history"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-care-history.h"
#include "pathways-format.h"
#include "pathways-store-private.h"

static int
compare_episodes (gconstpointer a,
                  gconstpointer b)
{
  PathwaysEpisode *x = *(PathwaysEpisode * const *) a;
  PathwaysEpisode *y = *(PathwaysEpisode * const *) b;
  int c = g_strcmp0 (pathways_episode_get_decom (x), pathways_episode_get_decom (y));
  gint64 ix = pathways_record_get_id (PATHWAYS_RECORD (x));
  gint64 iy = pathways_record_get_id (PATHWAYS_RECORD (y));

  return c != 0 ? c : (ix < iy ? -1 : ix > iy);
}

GListModel *
pathways_care_history_list (PathwaysStore  *store,
                            gint64          person_id,
                            GError        **error)
{
  g_autoptr(GListModel) all = pathways_store_list_for_person (store, PATHWAYS_TYPE_EPISODE, person_id, error);
  g_autoptr(GPtrArray) items = NULL;
  GListStore *list;

  if (all == NULL)
    return NULL;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    g_ptr_array_add (items, g_list_model_get_item (all, i));
  g_ptr_array_sort (items, compare_episodes);
  list = g_list_store_new (PATHWAYS_TYPE_EPISODE);
  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (list);
}

gboolean
pathways_care_history_end (PathwaysStore    *store,
                           PathwaysEpisode  *episode,
                           const char       *dec,
                           const char       *rec,
                           GError          **error)
{
  g_autoptr(PathwaysRecord) copy = pathways_record_copy (PATHWAYS_RECORD (episode));

  g_return_val_if_fail (PATHWAYS_IS_EPISODE (episode), FALSE);

  if (pathways_episode_get_dec (episode) != NULL)
    {
      g_autofree char *uk = pathways_date_format_uk (pathways_episode_get_dec (episode));
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                   _("This episode already ended on %s"), uk);
      return FALSE;
    }
  pathways_episode_set_dec (PATHWAYS_EPISODE (copy), dec);
  pathways_episode_set_rec (PATHWAYS_EPISODE (copy), rec);
  if (!pathways_store_update (store, copy, error))
    return FALSE;
  pathways_episode_set_dec (episode, dec);
  pathways_episode_set_rec (episode, rec);
  pathways_record_set_version (PATHWAYS_RECORD (episode), pathways_record_get_version (copy));
  return TRUE;
}

PathwaysCareHistory *
pathways_care_history_derive (PathwaysStore  *store,
                              gint64          person_id,
                              const char     *on,
                              GError        **error)
{
  g_autoptr(PathwaysYoungPerson) person = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, person_id, error);
  g_autoptr(GListModel) episodes = NULL;
  g_autoptr(GPtrArray) facts = NULL;

  if (person == NULL)
    return NULL;
  episodes = pathways_care_history_list (store, person_id, error);
  if (episodes == NULL)
    return NULL;
  facts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (episodes); i++)
    {
      g_autoptr(PathwaysEpisode) e = g_list_model_get_item (episodes, i);
      PathwaysEpisodeFacts *f = g_new0 (PathwaysEpisodeFacts, 1);

      /* The strings stay with the records, alive until the model goes */
      f->id = pathways_record_get_id (PATHWAYS_RECORD (e));
      f->person_id = person_id;
      f->decom = pathways_episode_get_decom (e);
      f->dec = pathways_episode_get_dec (e);
      f->ls = pathways_episode_get_ls (e);
      f->place = pathways_episode_get_place (e);
      f->rec = pathways_episode_get_rec (e);
      f->needs_check = pathways_episode_get_needs_check (e);
      g_ptr_array_add (facts, f);
    }
  return pathways_rules_care_history (pathways_young_person_get_date_of_birth (person), facts, on);
}

/**
 * pathways_care_history_delete:
 *
 * Deletes @episode as one recorded action: undoing it brings the
 * episode back as it was.
 */
gboolean
pathways_care_history_delete (PathwaysStore       *store,
                              PathwaysEpisode     *episode,
                              PathwaysChangeSet  **out_undo,
                              GError             **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (store), FALSE);
  g_return_val_if_fail (PATHWAYS_IS_EPISODE (episode), FALSE);

  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  if (!pathways_store_delete (store, PATHWAYS_RECORD (episode), error))
    {
      pathways_store_rollback_recorded (store);
      return FALSE;
    }
  return pathways_store_commit_recorded (store, out_undo, error);
}

static gpointer
delete_work (PathwaysStore  *store,
             gpointer        data,
             GError        **error)
{
  g_autoptr(PathwaysChangeSet) undo = NULL;
  PathwaysStoreActionResult *r;

  if (!pathways_care_history_delete (store, PATHWAYS_EPISODE (data), &undo, error))
    return NULL;
  r = pathways_store_action_result_new ();
  r->undo = g_steal_pointer (&undo);
  r->id = pathways_record_get_id (PATHWAYS_RECORD (data));
  return r;
}

void
pathways_care_history_delete_async (PathwaysStore       *store,
                                    PathwaysEpisode     *episode,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (PATHWAYS_IS_STORE (store));
  g_return_if_fail (PATHWAYS_IS_EPISODE (episode));

  pathways_store_run_async (store, delete_work, pathways_record_copy (PATHWAYS_RECORD (episode)), g_object_unref,
                            pathways_store_action_result_free, pathways_care_history_delete_finish,
                            cancellable, callback, user_data);
}

gboolean
pathways_care_history_delete_finish (PathwaysStore       *store,
                                     GAsyncResult        *result,
                                     PathwaysChangeSet  **out_undo,
                                     GError             **error)
{
  PathwaysStoreActionResult *r = pathways_store_run_finish (store, result, pathways_care_history_delete_finish, error);

  if (r == NULL)
    return FALSE;
  if (out_undo != NULL)
    *out_undo = g_steal_pointer (&r->undo);
  pathways_store_action_result_free (r);
  return TRUE;
}
