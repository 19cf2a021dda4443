/* pathways-903-import.c — an SSDA903 import plan applied to the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-903-import.h"
#include "pathways-care-history.h"
#include "pathways-entities.h"
#include "pathways-snapshot.h"

static Pathways903Episode *
episode_from_record (const char      *child,
                     PathwaysEpisode *e)
{
  Pathways903Episode *x = g_new0 (Pathways903Episode, 1);

  x->child = g_strdup (child);
  x->decom = g_strdup (pathways_episode_get_decom (e));
  x->rne = g_strdup (pathways_episode_get_rne (e));
  x->ls = g_strdup (pathways_episode_get_ls (e));
  x->cin = g_strdup (pathways_episode_get_cin (e));
  x->place = g_strdup (pathways_episode_get_place (e));
  x->place_provider = g_strdup (pathways_episode_get_place_provider (e));
  x->dec = g_strdup (pathways_episode_get_dec (e));
  x->rec = g_strdup (pathways_episode_get_rec (e));
  x->reason_place_change = g_strdup (pathways_episode_get_reason_place_change (e));
  x->home_post = g_strdup (pathways_episode_get_home_post (e));
  x->pl_post = g_strdup (pathways_episode_get_pl_post (e));
  x->urn = g_strdup (pathways_episode_get_urn (e));
  return x;
}

static void
episode_to_record (const Pathways903Episode *x,
                   PathwaysEpisode          *e)
{
  g_object_set (e,
                "decom", x->decom, "rne", x->rne, "ls", x->ls, "cin", x->cin, "place", x->place,
                "place-provider", x->place_provider, "dec", x->dec, "rec", x->rec,
                "reason-place-change", x->reason_place_change, "home-post", x->home_post,
                "pl-post", x->pl_post, "urn", x->urn, NULL);
}

/**
 * pathways_903_known_from_store:
 *
 * Returns: (transfer full): CHILD → Pathways903Known for every young
 *   person the store holds (episodes made from typed figures left out:
 *   an import replaces them)
 */
GHashTable *
pathways_903_known_from_store (PathwaysStore  *store,
                               GError        **error)
{
  g_autoptr(GHashTable) known = pathways_903_known_table_new ();
  g_autoptr(GListModel) people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, error);
  g_autoptr(GListModel) episodes = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (people == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PathwaysYoungPerson) p = g_list_model_get_item (people, i);
      Pathways903Known *k = g_new0 (Pathways903Known, 1);
      const char *child = pathways_young_person_get_local_id (p);

      k->header = g_new0 (Pathways903Child, 1);
      k->header->child = g_strdup (child);
      k->header->sex = g_strdup (pathways_young_person_get_sex (p));
      k->header->dob = g_strdup (pathways_young_person_get_date_of_birth (p));
      k->header->ethnic = g_strdup (pathways_young_person_get_ethnicity (p));
      k->episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_903_episode_free);
      g_hash_table_insert (known, g_strdup (child), k);
    }
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PathwaysYoungPerson) p = g_list_model_get_item (people, i);
      gint64 *id = g_new (gint64, 1);

      *id = pathways_record_get_id (PATHWAYS_RECORD (p));
      g_hash_table_insert (by_id, id, g_hash_table_lookup (known, pathways_young_person_get_local_id (p)));
    }

  episodes = pathways_store_list (store, PATHWAYS_TYPE_EPISODE, error);
  if (episodes == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (episodes); i++)
    {
      g_autoptr(PathwaysEpisode) e = g_list_model_get_item (episodes, i);
      gint64 pid = pathways_episode_get_young_person_id (e);
      Pathways903Known *k = g_hash_table_lookup (by_id, &pid);

      if (k == NULL || g_strcmp0 (pathways_episode_get_origin (e), PATHWAYS_EPISODE_FROM_TYPED_FIGURES) == 0)
        continue;
      g_ptr_array_add (k->episodes, episode_from_record (k->header->child, e));
    }
  return g_steal_pointer (&known);
}

static const char *
sex_code (const char *sex)
{
  if (g_strcmp0 (sex, "1") == 0 || g_strcmp0 (sex, "M") == 0)
    return "M";
  if (g_strcmp0 (sex, "2") == 0 || g_strcmp0 (sex, "F") == 0)
    return "F";
  return NULL;
}

static gboolean
apply_child (PathwaysStore            *store,
             Pathways903ChildPlan     *c,
             GHashTable               *people,
             Pathways903ImportCounts  *counts,
             GError                  **error)
{
  g_autoptr(PathwaysYoungPerson) person = NULL;
  g_autoptr(GListModel) held = NULL;
  gint64 id;
  gboolean changed = FALSE;

  person = g_hash_table_lookup (people, c->child);
  if (person != NULL)
    g_object_ref (person);
  else
    {
      const char *sex = c->header ? sex_code (c->header->sex) : NULL;

      if (c->header == NULL || c->header->dob == NULL)
        return g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                            _("no Header row with a date of birth for this child")), FALSE;
      if (sex == NULL)
        return g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                            _("SEX ‘%s’ cannot be recorded (Pathways records M or F)"),
                            c->header->sex ? c->header->sex : ""), FALSE;
      person = pathways_young_person_new ();
      /* The 903 has no names: the local ID stands in until the team adds them */
      g_object_set (person, "given-name", c->child, "family-name", _("(name not in the 903 return)"),
                    "local-id", c->child, "date-of-birth", c->header->dob, "sex", sex,
                    "ethnicity", c->header->ethnic, NULL);
      if (!pathways_store_insert (store, PATHWAYS_RECORD (person), error))
        return FALSE;
      counts->people_added++;
    }
  id = pathways_record_get_id (PATHWAYS_RECORD (person));

  if (c->header != NULL && !c->is_new && c->header_changed)
    {
      const char *sex = sex_code (c->header->sex);

      if (c->header->dob)
        pathways_young_person_set_date_of_birth (person, c->header->dob);
      if (sex)
        pathways_young_person_set_sex (person, sex);
      if (c->header->ethnic)
        pathways_young_person_set_ethnicity (person, c->header->ethnic);
      changed = TRUE;
    }
  if (c->uasc != NULL && !pathways_young_person_get_uasc (person))
    {
      pathways_young_person_set_uasc (person, TRUE);
      counts->uasc_set++;
      changed = TRUE;
    }
  if (changed && !c->is_new)
    {
      if (!pathways_store_update (store, PATHWAYS_RECORD (person), error))
        return FALSE;
      counts->people_updated++;
    }
  else if (changed && !pathways_store_update (store, PATHWAYS_RECORD (person), error))
    return FALSE;

  if (c->episodes == NULL || c->episodes->len == 0)
    return TRUE;

  held = pathways_care_history_list (store, id, error);
  if (held == NULL)
    return FALSE;

  /* The imported history replaces a guess made from typed figures */
  for (guint i = 0; i < g_list_model_get_n_items (held); i++)
    {
      g_autoptr(PathwaysEpisode) e = g_list_model_get_item (held, i);
      if (g_strcmp0 (pathways_episode_get_origin (e), PATHWAYS_EPISODE_FROM_TYPED_FIGURES) != 0)
        continue;
      if (!pathways_store_delete (store, PATHWAYS_RECORD (e), error))
        return FALSE;
      counts->episodes_replaced++;
    }

  /* Changes first (an open episode that has since ended), then the new
   * ones in DECOM order, so that none overlaps on the way */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < c->episodes->len; i++)
      {
        const Pathways903Episode *x = g_ptr_array_index (c->episodes, i);
        g_autoptr(PathwaysEpisode) found = NULL;

        for (guint j = 0; j < g_list_model_get_n_items (held) && found == NULL; j++)
          {
            g_autoptr(PathwaysEpisode) e = g_list_model_get_item (held, j);
            if (g_strcmp0 (pathways_episode_get_origin (e), PATHWAYS_EPISODE_FROM_TYPED_FIGURES) != 0 &&
                g_strcmp0 (pathways_episode_get_decom (e), x->decom) == 0)
              found = g_steal_pointer (&e);
          }
        if (pass == 0 && found != NULL)
          {
            g_autoptr(Pathways903Episode) before = episode_from_record (c->child, found);
            if (pathways_903_episode_equal (before, x))
              continue;
            episode_to_record (x, found);
            if (!pathways_store_update (store, PATHWAYS_RECORD (found), error))
              return FALSE;
            counts->episodes_changed++;
          }
        else if (pass == 1 && found == NULL)
          {
            g_autoptr(PathwaysEpisode) e = pathways_episode_new (id, x->decom);
            episode_to_record (x, e);
            pathways_episode_set_origin (e, PATHWAYS_EPISODE_FROM_IMPORT);
            if (!pathways_store_insert (store, PATHWAYS_RECORD (e), error))
              return FALSE;
            counts->episodes_added++;
          }
      }
  return TRUE;
}

/**
 * pathways_903_plan_apply:
 *
 * Writes @plan in one transaction; nothing when the plan was refused or
 * the store refuses any record (the error names the child, then the
 * store's reason).
 */
gboolean
pathways_903_plan_apply (PathwaysStore            *store,
                         Pathways903Plan          *plan,
                         Pathways903ImportCounts  *out_counts,
                         GError                  **error)
{
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GListModel) all = NULL;
  Pathways903ImportCounts counts = { 0 };

  if (plan->refused)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("The files have errors and the import was to be refused: nothing was written"));
      return FALSE;
    }
  if (!pathways_store_begin (store, error))
    return FALSE;
  if ((all = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, error)) == NULL)
    goto failed;
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      PathwaysYoungPerson *p = g_list_model_get_item (all, i);
      g_hash_table_insert (people, g_strdup (pathways_young_person_get_local_id (p)), p);
    }

  for (guint i = 0; i < plan->children->len; i++)
    {
      Pathways903ChildPlan *c = g_ptr_array_index (plan->children, i);

      if (!apply_child (store, c, people, &counts, error))
        {
          g_prefix_error (error, _("CHILD %s: "), c->child);
          goto failed;
        }
    }
  if (!pathways_store_commit (store, error))
    goto failed;
  if (out_counts)
    *out_counts = counts;
  return TRUE;

failed:
  pathways_store_rollback (store);
  return FALSE;
}

Pathways903Export *
pathways_903_export_from_store (PathwaysStore          *store,
                                int                     year,
                                const Pathways903Codes *codes,
                                GError                **error)
{
  g_autoptr(GListModel) people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, error);
  g_autoptr(GListModel) episodes = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(PathwaysSnapshot) snap = NULL;
  char start[11], end[11];

  if (people == NULL)
    return NULL;
  pathways_903_collection_dates (year, start, end);
  if ((snap = pathways_snapshot_load (store, end, error)) == NULL)
    return NULL;
  if ((episodes = pathways_store_list (store, PATHWAYS_TYPE_EPISODE, error)) == NULL)
    return NULL;

  children = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_903_export_child_free);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PathwaysYoungPerson) p = g_list_model_get_item (people, i);
      Pathways903Child *h = g_new0 (Pathways903Child, 1);
      Pathways903ExportChild *c;
      const PathwaysPersonFacts *f;
      PathwaysCareStatus status;

      h->child = g_strdup (pathways_young_person_get_local_id (p));
      h->sex = g_strdup (pathways_young_person_get_sex (p));
      h->dob = g_strdup (pathways_young_person_get_date_of_birth (p));
      h->ethnic = g_strdup (pathways_young_person_get_ethnicity (p));
      c = pathways_903_export_child_new (h);
      f = pathways_snapshot_get_person (snap, pathways_record_get_id (PATHWAYS_RECORD (p)));
      status = f ? pathways_rules_care_status (f, end, NULL) : PATHWAYS_CARE_STATUS_NONE;
      c->care_leaver = status == PATHWAYS_CARE_STATUS_RELEVANT || status == PATHWAYS_CARE_STATUS_FORMER_RELEVANT;
      g_ptr_array_add (children, c);
      {
        gint64 id = pathways_record_get_id (PATHWAYS_RECORD (p));
        g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), c);
      }
    }
  for (guint i = 0; i < g_list_model_get_n_items (episodes); i++)
    {
      g_autoptr(PathwaysEpisode) e = g_list_model_get_item (episodes, i);
      gint64 pid = pathways_episode_get_young_person_id (e);
      Pathways903ExportChild *c = g_hash_table_lookup (by_id, &pid);

      if (c != NULL)
        g_ptr_array_add (c->episodes, episode_from_record (c->header->child, e));
    }
  return pathways_903_export_build (children, year, codes);
}
