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
