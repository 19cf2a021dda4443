/* pathways-903-import.c — an SSDA903 import plan applied to the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "pathways-903-import.h"
#include "pathways-care-history.h"
#include "pathways-entities.h"
#include "pathways-format.h"
#include "pathways-oc3-facts.h"
#include "pathways-annex-a.h"
#include "pathways-snapshot.h"
#include "pathways-store-private.h"

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
  /* Typed setters (by field index), not g_object_set() by property name:
   * the name lookups were a large part of a big import's time */
  pathways_episode_set_decom (e, x->decom);
  pathways_episode_set_rne (e, x->rne);
  pathways_episode_set_ls (e, x->ls);
  pathways_episode_set_cin (e, x->cin);
  pathways_episode_set_place (e, x->place);
  pathways_episode_set_place_provider (e, x->place_provider);
  pathways_episode_set_dec (e, x->dec);
  pathways_episode_set_rec (e, x->rec);
  pathways_episode_set_reason_place_change (e, x->reason_place_change);
  pathways_episode_set_home_post (e, x->home_post);
  pathways_episode_set_pl_post (e, x->pl_post);
  pathways_episode_set_urn (e, x->urn);
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

/* The OC3 row's facts for the 17th to 21st birthday in the collection
 * year, added or changed (a fact typed in the app is replaced too: the
 * file is the return the authority made) */
static gboolean
apply_oc3 (PathwaysStore            *store,
           Pathways903Oc3           *o,
           PathwaysYoungPerson      *person,
           int                       year,
           gint64                    import_id,
           Pathways903ImportCounts  *counts,
           GError                  **error)
{
  gint64 id = pathways_record_get_id (PATHWAYS_RECORD (person));
  const char *dob = pathways_young_person_get_date_of_birth (person);
  g_autofree char *day = NULL;
  g_autoptr(GListModel) held = NULL;
  g_autoptr(PathwaysOc3Fact) fact = NULL;
  char start[11], end[11];

  if (o->in_touch == NULL && o->activ == NULL && o->accom == NULL)
    return TRUE;
  pathways_903_collection_dates (year, start, end);
  for (int age = 17; age <= 21 && day == NULL; age++)
    {
      g_autofree char *b = pathways_date_birthday (dob, age);
      if (b != NULL && strcmp (b, start) >= 0 && strcmp (b, end) <= 0)
        day = g_steal_pointer (&b);
    }
  if (day == NULL)
    return TRUE;  /* (the plan's check has said so: rule 391) */

  if ((held = pathways_store_list_for_person (store, PATHWAYS_TYPE_OC3_FACT, id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (held) && fact == NULL; i++)
    {
      g_autoptr(PathwaysOc3Fact) f = g_list_model_get_item (held, i);
      if (g_strcmp0 (pathways_oc3_fact_get_birthday (f), day) == 0)
        fact = g_steal_pointer (&f);
    }
  if (fact != NULL)
    {
      if (g_strcmp0 (pathways_oc3_fact_get_in_touch (fact), o->in_touch) == 0 &&
          g_strcmp0 (pathways_oc3_fact_get_activ (fact), o->activ) == 0 &&
          g_strcmp0 (pathways_oc3_fact_get_accom (fact), o->accom) == 0)
        return TRUE;
      g_object_set (fact, "in-touch", o->in_touch, "activ", o->activ, "accom", o->accom,
                    "origin", PATHWAYS_OC3_FACT_FROM_IMPORT, "import-id", import_id, NULL);
      if (!pathways_store_update (store, PATHWAYS_RECORD (fact), error))
        return FALSE;
    }
  else
    {
      fact = g_object_new (PATHWAYS_TYPE_OC3_FACT, "young-person-id", id, "birthday", day,
                           "in-touch", o->in_touch, "activ", o->activ, "accom", o->accom,
                           "origin", PATHWAYS_OC3_FACT_FROM_IMPORT, "import-id", import_id, NULL);
      if (!pathways_store_insert (store, PATHWAYS_RECORD (fact), error))
        return FALSE;
    }
  counts->facts_recorded++;
  return TRUE;
}

static gboolean
apply_child (PathwaysStore            *store,
             Pathways903ChildPlan     *c,
             GHashTable               *people,
             int                       year,
             gint64                    import_id,
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

  if (c->oc3 != NULL && !apply_oc3 (store, c->oc3, person, year, import_id, counts, error))
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
            pathways_episode_set_import_id (e, import_id);
            if (!pathways_store_insert (store, PATHWAYS_RECORD (e), error))
              return FALSE;
            counts->episodes_added++;
          }
      }
  return TRUE;
}

/* The OC3 row's birthday in the collection year (the 17th to the 21st),
 * or NULL */
static char *
oc3_day (const char *dob,
         int         year)
{
  char start[11], end[11];

  pathways_903_collection_dates (year, start, end);
  for (int age = 17; age <= 21; age++)
    {
      g_autofree char *b = pathways_date_birthday (dob, age);
      if (b != NULL && strcmp (b, start) >= 0 && strcmp (b, end) <= 0)
        return g_steal_pointer (&b);
    }
  return NULL;
}

/* The children Pathways does not hold yet (the whole return, into a new
 * database): their young people, then their episodes, then their OC3
 * facts, each kind written in one pass (pathways_store_insert_checked():
 * the plan has checked the rows against the DfE rules and the code
 * lists).  The same records as apply_child() makes, one audit row each. */
static gboolean
apply_new_children (PathwaysStore            *store,
                    GPtrArray                *fresh,
                    int                       year,
                    gint64                    import_id,
                    Pathways903ImportCounts  *counts,
                    GPtrArray                *written,
                    GError                  **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_full (fresh->len, g_object_unref);
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_object_unref);
  const char *no_name = _("(name not in the 903 return)");

  for (guint i = 0; i < fresh->len; i++)
    {
      Pathways903ChildPlan *c = g_ptr_array_index (fresh, i);
      const char *sex = c->header ? sex_code (c->header->sex) : NULL;
      PathwaysYoungPerson *person;

      if (c->header == NULL || c->header->dob == NULL)
        return g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                            _("CHILD %s: no Header row with a date of birth for this child"), c->child), FALSE;
      if (sex == NULL)
        return g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                            _("CHILD %s: SEX ‘%s’ cannot be recorded (Pathways records M or F)"), c->child,
                            c->header->sex ? c->header->sex : ""), FALSE;
      person = pathways_young_person_new ();
      pathways_young_person_set_given_name (person, c->child);
      pathways_young_person_set_family_name (person, no_name);
      pathways_young_person_set_local_id (person, c->child);
      pathways_young_person_set_date_of_birth (person, c->header->dob);
      pathways_young_person_set_sex (person, sex);
      pathways_young_person_set_ethnicity (person, c->header->ethnic);
      pathways_young_person_set_uasc (person, c->uasc != NULL);
      g_ptr_array_add (people, person);
    }
  if (!pathways_store_insert_checked (store, (PathwaysRecord **) people->pdata, people->len, error))
    return FALSE;
  counts->people_added += people->len;

  for (guint i = 0; i < fresh->len; i++)
    {
      Pathways903ChildPlan *c = g_ptr_array_index (fresh, i);
      PathwaysYoungPerson *person = g_ptr_array_index (people, i);
      gint64 id = pathways_record_get_id (PATHWAYS_RECORD (person));
      g_autofree char *day = NULL;
      PathwaysOc3Fact *fact;

      if (c->uasc != NULL)
        counts->uasc_set++;
      for (guint j = 0; c->episodes != NULL && j < c->episodes->len; j++)
        {
          const Pathways903Episode *x = g_ptr_array_index (c->episodes, j);
          PathwaysEpisode *e = pathways_episode_new (id, x->decom);

          episode_to_record (x, e);
          pathways_episode_set_origin (e, PATHWAYS_EPISODE_FROM_IMPORT);
          pathways_episode_set_import_id (e, import_id);
          g_ptr_array_add (episodes, e);
        }
      if (c->oc3 == NULL || (c->oc3->in_touch == NULL && c->oc3->activ == NULL && c->oc3->accom == NULL))
        continue;
      if ((day = oc3_day (c->header->dob, year)) == NULL)
        continue;  /* (the plan's check has said so: rule 391) */
      fact = g_object_new (PATHWAYS_TYPE_OC3_FACT, NULL);
      pathways_oc3_fact_set_young_person_id (fact, id);
      pathways_oc3_fact_set_birthday (fact, day);
      pathways_oc3_fact_set_in_touch (fact, c->oc3->in_touch);
      pathways_oc3_fact_set_activ (fact, c->oc3->activ);
      pathways_oc3_fact_set_accom (fact, c->oc3->accom);
      pathways_oc3_fact_set_origin (fact, PATHWAYS_OC3_FACT_FROM_IMPORT);
      pathways_oc3_fact_set_import_id (fact, import_id);
      g_ptr_array_add (facts, fact);
    }
  if (!pathways_store_insert_checked (store, (PathwaysRecord **) episodes->pdata, episodes->len, error))
    return FALSE;
  if (!pathways_store_insert_checked (store, (PathwaysRecord **) facts->pdata, facts->len, error))
    return FALSE;
  counts->episodes_added += episodes->len;
  counts->facts_recorded += facts->len;
  /* (for the caller to free while the commit writes) */
  g_ptr_array_add (written, g_steal_pointer (&people));
  g_ptr_array_add (written, g_steal_pointer (&episodes));
  g_ptr_array_add (written, g_steal_pointer (&facts));
  return TRUE;
}

static gpointer
free_written (gpointer data)
{
  g_ptr_array_unref (data);
  return NULL;
}

static char *
now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Who imports: the staff member signed in or acting, and the login */
static char *
dup_importer (PathwaysStore *store)
{
  gint64 staff_id = pathways_store_get_acting_staff (store);
  const char *login = pathways_store_get_signed_in_login (store);
  g_autoptr(PathwaysStaff) staff = NULL;

  if (staff_id <= 0)
    staff_id = pathways_store_get_signed_in_staff_id (store);
  if (staff_id > 0)
    staff = pathways_store_get (store, PATHWAYS_TYPE_STAFF, staff_id, NULL);
  if (login == NULL)
    login = g_get_user_name ();
  if (staff != NULL)
    return g_strdup_printf ("%s (%s)", pathways_staff_get_name (staff), login);
  return g_strdup (login);
}

static char *
files_text (Pathways903Plan *plan)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < plan->files->len; i++)
    {
      Pathways903FileInfo *f = g_ptr_array_index (plan->files, i);

      if (f->table == PATHWAYS_903_TABLE_NONE)
        continue;
      g_string_append_printf (out, "%s\t%" G_GUINT64_FORMAT "\t%s\n", f->name ? f->name : "",
                              f->size, f->sha256 ? f->sha256 : "");
    }
  return g_string_free (g_steal_pointer (&out), out->len == 0);
}

/**
 * pathways_903_plan_apply:
 *
 * Writes @plan in one transaction, with a row in the import log saying
 * when, who, which files and what changed (what undo needs too); nothing
 * when the plan was refused or the store refuses any record (the error
 * names the child, then the store's reason).
 */
static gboolean
plan_apply (PathwaysStore            *store,
            Pathways903Plan          *plan,
            gboolean                  bulk,
            Pathways903ImportCounts  *out_counts,
            GError                  **error)
{
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GListModel) all = NULL;
  g_autoptr(PathwaysImportLog) log = NULL;
  g_autoptr(PathwaysChangeSet) changes = NULL;
  g_autofree char *at = NULL, *who = NULL, *files = NULL, *text = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GThread *freeing = NULL;
  Pathways903ImportCounts counts = { 0 };
  gint64 import_id;
  gboolean ok;

  if (plan->refused)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("The files have errors and the import was to be refused: nothing was written"));
      return FALSE;
    }
  if (!pathways_store_begin (store, error))
    return FALSE;
  if (!pathways_store_lock_imports (store, error))
    goto failed;

  at = now_utc ();
  who = dup_importer (store);
  files = files_text (plan);
  log = g_object_new (PATHWAYS_TYPE_IMPORT_LOG, "imported-at", at, "imported-by", who, "kind", "903",
                      "files", files, NULL);
  if (!pathways_store_insert (store, PATHWAYS_RECORD (log), error))
    goto failed;
  import_id = pathways_record_get_id (PATHWAYS_RECORD (log));

  if (!pathways_store_begin_recorded (store, error))
    goto failed;
  if ((all = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, error)) == NULL)
    goto failed_recorded;
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      PathwaysYoungPerson *p = g_list_model_get_item (all, i);
      g_hash_table_insert (people, g_strdup (pathways_young_person_get_local_id (p)), p);
    }

  /* Children held already, one by one (their episodes merged); the new
   * ones together, in one pass per kind of record */
  fresh = g_ptr_array_new ();
  for (guint i = 0; i < plan->children->len; i++)
    {
      Pathways903ChildPlan *c = g_ptr_array_index (plan->children, i);

      if (bulk && g_hash_table_lookup (people, c->child) == NULL)
        {
          g_ptr_array_add (fresh, c);
          continue;
        }
      if (!apply_child (store, c, people, plan->collection_year, import_id, &counts, error))
        {
          g_prefix_error (error, _("CHILD %s: "), c->child);
          goto failed_recorded;
        }
    }
  if (!apply_new_children (store, fresh, plan->collection_year, import_id, &counts, written, error))
    goto failed_recorded;
  /* The records written, hundreds of thousands of them for a whole
   * return, are freed by another thread while the commit waits for the
   * disk (nothing else holds them) */
  if (fresh->len > 0)
    freeing = g_thread_new ("pathways-import-free", free_written, g_steal_pointer (&written));
  if (!pathways_store_commit_recorded (store, &changes, error))
    goto failed;

  text = pathways_change_set_serialize (changes);
  g_object_set (log, "people-added", (gint64) counts.people_added, "people-updated", (gint64) counts.people_updated,
                "episodes-added", (gint64) counts.episodes_added,
                "episodes-changed", (gint64) (counts.episodes_changed + counts.episodes_replaced),
                "facts-recorded", (gint64) counts.facts_recorded, "rows-skipped", (gint64) plan->rows_skipped,
                "changes", text, NULL);
  ok = pathways_store_update (store, PATHWAYS_RECORD (log), error) && pathways_store_commit (store, error);
  if (freeing != NULL)
    g_thread_join (g_steal_pointer (&freeing));
  if (!ok)
    goto failed;
  counts.import_id = import_id;
  if (out_counts)
    *out_counts = counts;
  return TRUE;

failed_recorded:
  pathways_store_rollback_recorded (store);
failed:
  if (freeing != NULL)
    g_thread_join (g_steal_pointer (&freeing));
  pathways_store_rollback (store);
  return FALSE;
}

gboolean
pathways_903_plan_apply (PathwaysStore            *store,
                         Pathways903Plan          *plan,
                         Pathways903ImportCounts  *out_counts,
                         GError                  **error)
{
  return plan_apply (store, plan, TRUE, out_counts, error);
}

/**
 * pathways_903_plan_apply_one_by_one:
 *
 * The same as pathways_903_plan_apply(), every record written through
 * the store one at a time, validated as a user's save is (the way
 * imports were written before the bulk path; for tests comparing the
 * two, and the benchmark)
 */
gboolean
pathways_903_plan_apply_one_by_one (PathwaysStore            *store,
                                    Pathways903Plan          *plan,
                                    Pathways903ImportCounts  *out_counts,
                                    GError                  **error)
{
  return plan_apply (store, plan, FALSE, out_counts, error);
}

/**
 * pathways_import_log_latest:
 *
 * Returns: (transfer full) (nullable): the newest import not undone, or
 *   %NULL (without an error when there is none)
 */
PathwaysImportLog *
pathways_import_log_latest (PathwaysStore  *store,
                            GError        **error)
{
  g_autoptr(GListModel) logs = pathways_store_list (store, PATHWAYS_TYPE_IMPORT_LOG, error);

  if (logs == NULL)
    return NULL;
  for (guint i = g_list_model_get_n_items (logs); i > 0; i--)
    {
      g_autoptr(PathwaysImportLog) log = g_list_model_get_item (logs, i - 1);
      if (pathways_import_log_get_undone_at (log) == NULL)
        return g_steal_pointer (&log);
    }
  return NULL;
}

/* "2 December 2026 at 18:20" in local time, from the log's UTC time */
static char *
format_when (const char *at)
{
  g_autoptr(GDateTime) utc = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup (at ? at : "");
  /* Translators: a date and time, as strftime: "2 December 2026 at 18:20" */
  return g_date_time_format (local, _("%-d %B %Y at %H:%M"));
}

/**
 * pathways_import_log_describe:
 *
 * Returns: one line: "Import 3, 2 December 2026 at 18:20 by alex: …"
 */
char *
pathways_import_log_describe (PathwaysImportLog *log)
{
  g_autofree char *when = format_when (pathways_import_log_get_imported_at (log));
  g_autofree char *undone = pathways_import_log_get_undone_at (log)
                              ? format_when (pathways_import_log_get_undone_at (log)) : NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) files = g_strsplit (pathways_import_log_get_files (log) ? pathways_import_log_get_files (log) : "",
                                    "\n", -1);

  if (g_strcmp0 (pathways_import_log_get_kind (log), "stock") == 0)
    {
      g_autoptr(PathwaysChangeSet) changes =
        pathways_import_log_get_changes (log) ? pathways_change_set_deserialize (pathways_import_log_get_changes (log),
                                                                                 NULL)
                                              : NULL;
      guint n_units = changes ? pathways_change_set_get_n_changes (changes) : 0;

      /* Translators: "Import 4, 2 December 2026 at 18:20, by alex: stock list, 5 units added, 1 row skipped" */
      g_string_append_printf (out, _("Import %" G_GINT64_FORMAT ", %s, by %s: stock list, %u units added, %"
                                     G_GINT64_FORMAT " rows skipped"),
                              pathways_record_get_id (PATHWAYS_RECORD (log)), when,
                              pathways_import_log_get_imported_by (log) ? pathways_import_log_get_imported_by (log)
                                                                         : "?",
                              n_units, pathways_import_log_get_rows_skipped (log));
    }
  else
  /* Translators: "Import 3, 2 December 2026 at 18:20, by alex: 2 young people added, 1 updated, 5 episodes
   * added, 2 changed, 3 OC3 facts recorded, 0 rows skipped" */
  g_string_append_printf (out, _("Import %" G_GINT64_FORMAT ", %s, by %s: %" G_GINT64_FORMAT " young people added, %"
                                 G_GINT64_FORMAT " updated, %" G_GINT64_FORMAT " episodes added, %" G_GINT64_FORMAT
                                 " changed, %" G_GINT64_FORMAT " OC3 facts recorded, %" G_GINT64_FORMAT
                                 " rows skipped"),
                          pathways_record_get_id (PATHWAYS_RECORD (log)), when,
                          pathways_import_log_get_imported_by (log) ? pathways_import_log_get_imported_by (log) : "?",
                          pathways_import_log_get_people_added (log), pathways_import_log_get_people_updated (log),
                          pathways_import_log_get_episodes_added (log), pathways_import_log_get_episodes_changed (log),
                          pathways_import_log_get_facts_recorded (log), pathways_import_log_get_rows_skipped (log));
  if (undone != NULL)
    /* Translators: after an import's description */
    g_string_append_printf (out, _(" (undone on %s)"), undone);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (files[i], "\t", 3);

      if (g_strv_length (f) < 3)
        continue;
      /* Translators: a file of an import: "  episodes.csv, 5120 bytes, SHA-256 ab12…" */
      g_string_append_printf (out, _("\n  %s, %s bytes, SHA-256 %s"), f[0], f[1], f[2]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * pathways_import_undo:
 * @import_id: the import to undo (its log's id), or 0 for the newest
 * @out_undone: (out) (optional): the import undone
 *
 * Undoes an import, as one transaction: the young people it added are
 * removed, the records it changed put back.  Only the newest import not
 * yet undone can be undone, and that is checked inside the transaction,
 * so an import made meanwhile (in another window, or on another desktop)
 * is never undone in its place: @import_id not being the newest is
 * refused with %PATHWAYS_STORE_ERROR_CONFLICT (a later import must be
 * undone first, or it has been undone already), changing nothing.  Also
 * refused with %PATHWAYS_STORE_ERROR_CONFLICT if any record it wrote was
 * changed since (the message says who changed what and when), and with
 * %PATHWAYS_STORE_ERROR_NOT_FOUND if there is no import to undo.
 */
gboolean
pathways_import_undo (PathwaysStore      *store,
                      gint64              import_id,
                      PathwaysImportLog **out_undone,
                      GError            **error)
{
  g_autoptr(PathwaysImportLog) log = NULL;
  g_autoptr(PathwaysChangeSet) changes = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *at = NULL;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), FALSE);
  g_return_val_if_fail (import_id >= 0, FALSE);

  /* Which import is the newest, and whether it was undone, stays so
   * until this commits: two desktops undoing at once cannot both pass */
  if (!pathways_store_begin (store, error))
    return FALSE;
  if (!pathways_store_lock_imports (store, error))
    {
      pathways_store_rollback (store);
      return FALSE;
    }
  log = pathways_import_log_latest (store, &local);
  if (local != NULL)
    {
      pathways_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (import_id > 0 && (log == NULL || pathways_record_get_id (PATHWAYS_RECORD (log)) != import_id))
    {
      g_autoptr(PathwaysImportLog) wanted = pathways_store_get (store, PATHWAYS_TYPE_IMPORT_LOG, import_id, NULL);

      pathways_store_rollback (store);
      if (wanted == NULL)
        g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                             _("This import cannot be undone: it is no longer in the import log"));
      else if (pathways_import_log_get_undone_at (wanted) != NULL)
        {
          g_autofree char *when = format_when (pathways_import_log_get_undone_at (wanted));

          /* Translators: "…it was undone on 2 December 2026 at 18:20" */
          g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT,
                       _("This import cannot be undone: it was undone on %s"), when);
        }
      else
        {
          g_autofree char *when = format_when (log ? pathways_import_log_get_imported_at (log) : NULL);

          /* Translators: "…the later import of 2 December 2026 at 18:20 must be undone first" */
          g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT,
                       _("This import cannot be undone: the later import of %s must be undone first"), when);
        }
      return FALSE;
    }
  if (log == NULL)
    {
      pathways_store_rollback (store);
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                           _("There is no import to undo"));
      return FALSE;
    }
  if ((changes = pathways_change_set_deserialize (pathways_import_log_get_changes (log), error)) == NULL ||
      !pathways_store_undo (store, changes, error))
    {
      g_autofree char *when = format_when (pathways_import_log_get_imported_at (log));

      pathways_store_rollback (store);
      /* Translators: "The import of 2 December 2026 at 18:20 cannot be undone: <why>" */
      g_prefix_error (error, _("The import of %s cannot be undone: "), when);
      return FALSE;
    }
  at = now_utc ();
  pathways_import_log_set_undone_at (log, at);
  if (!pathways_store_update (store, PATHWAYS_RECORD (log), error) || !pathways_store_commit (store, error))
    {
      pathways_store_rollback (store);
      return FALSE;
    }
  if (out_undone)
    *out_undone = g_steal_pointer (&log);
  return TRUE;
}

/**
 * pathways_import_undo_latest:
 * @out_undone: (out) (optional): the import undone
 *
 * pathways_import_undo() of the newest import not yet undone.
 */
gboolean
pathways_import_undo_latest (PathwaysStore      *store,
                             PathwaysImportLog **out_undone,
                             GError            **error)
{
  return pathways_import_undo (store, 0, out_undone, error);
}

/* Each young person's records of @type: id → GListStore */
static GHashTable *
by_person (PathwaysStore  *store,
           GType           type,
           GError        **error)
{
  g_autoptr(GListModel) all = pathways_store_list (store, type, error);
  g_autoptr(GHashTable) out = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  if (all == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PathwaysRecord) r = g_list_model_get_item (all, i);
      gint64 pid = pathways_record_get_int (r, "young-person-id");
      GListStore *list = g_hash_table_lookup (out, &pid);

      if (list == NULL)
        {
          list = g_list_store_new (type);
          g_hash_table_insert (out, g_memdup2 (&pid, sizeof pid), list);
        }
      g_list_store_append (list, r);
    }
  return g_steal_pointer (&out);
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
  g_autoptr(GHashTable) facts = NULL, contacts = NULL, activities = NULL, spells = NULL;
  char start[11], end[11];

  if (people == NULL)
    return NULL;
  pathways_903_collection_dates (year, start, end);
  if ((facts = by_person (store, PATHWAYS_TYPE_OC3_FACT, error)) == NULL ||
      (contacts = by_person (store, PATHWAYS_TYPE_CONTACT, error)) == NULL ||
      (activities = by_person (store, PATHWAYS_TYPE_ACTIVITY, error)) == NULL ||
      (spells = by_person (store, PATHWAYS_TYPE_SPELL, error)) == NULL)
    return NULL;
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
        int age = 0;
        g_autofree char *bday = pathways_oc3_birthday_in (h->dob, start, end, &age);

        g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), c);
        /* IN_TOUCH, ACTIV and ACCOM at the birthday: recorded, or what
         * the record knows */
        if (bday != NULL)
          {
            g_autoptr(PathwaysOc3Answer) a =
              pathways_oc3_answer_derive (g_hash_table_lookup (facts, &id), g_hash_table_lookup (contacts, &id),
                                          g_hash_table_lookup (activities, &id), g_hash_table_lookup (spells, &id),
                                          bday, age);
            /* (without IN_TOUCH the others alone would break rule 153:
             * the row stays blank and the check says what is missing) */
            if (a->in_touch != NULL)
              pathways_903_export_child_add_contact (c, bday, a->in_touch, a->activ, a->accom);
          }
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

static gint
annex_row_order (gconstpointer a,
                 gconstpointer b)
{
  const PathwaysAnnexARow *x = *(PathwaysAnnexARow * const *) a;
  const PathwaysAnnexARow *y = *(PathwaysAnnexARow * const *) b;

  return g_strcmp0 (x->id, y->id);
}

GPtrArray *
pathways_annex_a_rows_from_store (PathwaysStore  *store,
                                  const char     *on_date,
                                  GError        **error)
{
  g_autoptr(GListModel) people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, error);
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) contacts = NULL, activities = NULL, spells = NULL;
  g_autoptr(PathwaysSnapshot) snap = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_annex_a_row_free);

  if (people == NULL || (staff = pathways_store_list (store, PATHWAYS_TYPE_STAFF, error)) == NULL ||
      (snap = pathways_snapshot_load (store, on_date, error)) == NULL ||
      (contacts = by_person (store, PATHWAYS_TYPE_CONTACT, error)) == NULL ||
      (activities = by_person (store, PATHWAYS_TYPE_ACTIVITY, error)) == NULL ||
      (spells = by_person (store, PATHWAYS_TYPE_SPELL, error)) == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(PathwaysStaff) s = g_list_model_get_item (staff, i);
      gint64 id = pathways_record_get_id (PATHWAYS_RECORD (s));
      g_hash_table_insert (names, g_memdup2 (&id, sizeof id), g_strdup (pathways_staff_get_name (s)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PathwaysYoungPerson) p = g_list_model_get_item (people, i);
      gint64 id = pathways_record_get_id (PATHWAYS_RECORD (p));
      gint64 pa = pathways_young_person_get_pa_id (p);
      const PathwaysPersonFacts *f = pathways_snapshot_get_person (snap, id);
      PathwaysCareStatus status = f ? pathways_rules_care_status (f, on_date, NULL) : PATHWAYS_CARE_STATUS_NONE;
      const char *closed = pathways_young_person_get_closed_on (p);
      GListModel *mine = g_hash_table_lookup (contacts, &id);
      g_autofree char *from = pathways_date_add_months (on_date, -3);
      g_autoptr(PathwaysOc3Answer) now = NULL;
      PathwaysAnnexARow *row;
      char *latest = NULL;

      if (status != PATHWAYS_CARE_STATUS_RELEVANT && status != PATHWAYS_CARE_STATUS_FORMER_RELEVANT &&
          status != PATHWAYS_CARE_STATUS_QUALIFYING)
        continue;
      if (closed != NULL && strcmp (closed, on_date) <= 0)
        continue;

      row = g_new0 (PathwaysAnnexARow, 1);
      row->id = g_strdup (pathways_young_person_get_local_id (p));
      row->gender = g_strdup (pathways_young_person_get_sex (p));
      row->ethnicity = g_strdup (pathways_young_person_get_ethnicity (p));
      row->date_of_birth = g_strdup (pathways_young_person_get_date_of_birth (p));
      row->uasc = pathways_young_person_get_uasc (p);
      row->disability = g_strdup (pathways_young_person_get_disability (p) ? "Yes" : "No");
      row->team = g_strdup (pathways_young_person_get_team (p));
      row->personal_adviser = pa > 0 ? g_strdup (g_hash_table_lookup (names, &pa)) : NULL;
      row->eligibility = g_strdup (pathways_care_status_label (status));
      row->pathway_plan_date = g_strdup (pathways_young_person_get_pathway_plan_review_date (p));
      for (guint j = 0; mine != NULL && j < g_list_model_get_n_items (mine); j++)
        {
          g_autoptr(PathwaysContact) c = g_list_model_get_item (mine, j);
          const char *day = pathways_contact_get_contact_date (c);

          if (g_strcmp0 (pathways_contact_get_kind (c), "attempted") != 0 && day != NULL &&
              strcmp (day, on_date) <= 0 && (latest == NULL || strcmp (day, latest) > 0))
            {
              g_free (latest);
              latest = g_strdup (day);
            }
        }
      row->latest_contact = latest;
      /* In touch, activity and accommodation as on the day: a fact
       * recorded for the day, or what the record says then */
      now = pathways_oc3_answer_derive (NULL, mine, g_hash_table_lookup (activities, &id),
                                        g_hash_table_lookup (spells, &id), on_date, 0);
      if (now->in_touch == NULL && (latest == NULL || from == NULL || strcmp (latest, from) < 0))
        now->in_touch = g_strdup ("NO");
      row->in_touch = g_steal_pointer (&now->in_touch);
      row->accom = g_steal_pointer (&now->accom);
      row->activ = g_steal_pointer (&now->activ);
      g_ptr_array_add (rows, row);
    }
  g_ptr_array_sort (rows, annex_row_order);
  return g_steal_pointer (&rows);
}

/* In a worker thread -------------------------------------------------------- */

static gpointer
known_work (PathwaysStore  *store,
            gpointer        data,
            GError        **error)
{
  return pathways_903_known_from_store (store, error);
}

void
pathways_903_known_load_async (PathwaysStore       *store,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  pathways_store_run_async (store, known_work, NULL, NULL, (GDestroyNotify) g_hash_table_unref,
                            pathways_903_known_load_async, cancellable, callback, user_data);
}

GHashTable *
pathways_903_known_load_finish (PathwaysStore  *store,
                                GAsyncResult   *result,
                                GError        **error)
{
  return pathways_store_run_finish (store, result, pathways_903_known_load_async, error);
}

static gpointer
apply_work (PathwaysStore  *store,
            gpointer        data,
            GError        **error)
{
  Pathways903ImportCounts *counts = g_new0 (Pathways903ImportCounts, 1);

  if (!pathways_903_plan_apply (store, data, counts, error))
    {
      g_free (counts);
      return NULL;
    }
  return counts;
}

void
pathways_903_plan_apply_async (PathwaysStore       *store,
                               Pathways903Plan     *plan,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  pathways_store_run_async (store, apply_work, plan, NULL, g_free, pathways_903_plan_apply_async, cancellable,
                            callback, user_data);
}

gboolean
pathways_903_plan_apply_finish (PathwaysStore            *store,
                                GAsyncResult             *result,
                                Pathways903ImportCounts  *out_counts,
                                GError                  **error)
{
  g_autofree Pathways903ImportCounts *counts =
    pathways_store_run_finish (store, result, pathways_903_plan_apply_async, error);

  if (counts == NULL)
    return FALSE;
  if (out_counts)
    *out_counts = *counts;
  return TRUE;
}

static gpointer
undo_work (PathwaysStore  *store,
           gpointer        data,
           GError        **error)
{
  PathwaysImportLog *log = NULL;

  if (!pathways_import_undo (store, *(gint64 *) data, &log, error))
    return NULL;
  return log;
}

/**
 * pathways_import_undo_async:
 * @import_id: the import to undo, or 0 for the newest
 *
 * pathways_import_undo() in a worker thread.
 */
void
pathways_import_undo_async (PathwaysStore       *store,
                            gint64               import_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  pathways_store_run_async (store, undo_work, g_memdup2 (&import_id, sizeof import_id), g_free, g_object_unref,
                            pathways_import_undo_async, cancellable, callback, user_data);
}

/* Returns: (transfer full) (nullable): the import undone */
PathwaysImportLog *
pathways_import_undo_finish (PathwaysStore  *store,
                             GAsyncResult   *result,
                             GError        **error)
{
  return pathways_store_run_finish (store, result, pathways_import_undo_async, error);
}

void
pathways_import_undo_latest_async (PathwaysStore       *store,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  pathways_import_undo_async (store, 0, cancellable, callback, user_data);
}

gboolean
pathways_import_undo_latest_finish (PathwaysStore  *store,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_autoptr(PathwaysImportLog) log = pathways_import_undo_finish (store, result, error);
  return log != NULL;
}

/* All the returns ------------------------------------------------------------ */

gboolean
pathways_903_export_all_years (PathwaysStore           *store,
                               const Pathways903Codes  *codes,
                               const char              *directory,
                               const char              *today,
                               guint                   *out_n_years,
                               GError                 **error)
{
  g_autoptr(GListModel) episodes = pathways_store_list (store, PATHWAYS_TYPE_EPISODE, error);
  const char *first = NULL;
  int from, to;
  guint n = 0;

  if (episodes == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (episodes); i++)
    {
      g_autoptr(PathwaysEpisode) e = g_list_model_get_item (episodes, i);
      const char *d = pathways_episode_get_decom (e);

      if (d != NULL && (first == NULL || strcmp (d, first) < 0))
        first = g_intern_string (d);
    }
  to = pathways_903_collection_year_of (today);
  from = first ? pathways_903_collection_year_of (first) : to;
  for (int year = from; year <= to; year++)
    {
      g_autofree char *sub = g_strdup_printf ("%s/%d", directory, year);
      g_autoptr(Pathways903Export) x = NULL;

      if (g_mkdir_with_parents (sub, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("Could not make the folder %s: %s"),
                       sub, g_strerror (saved));
          return FALSE;
        }
      if ((x = pathways_903_export_from_store (store, year, codes, error)) == NULL ||
          !pathways_903_export_write (x, sub, TRUE, error))
        return FALSE;
      n++;
    }
  if (out_n_years)
    *out_n_years = n;
  return TRUE;
}

/* Stock lists ---------------------------------------------------------------- */

GHashTable *
pathways_stock_known_keys (PathwaysStore  *store,
                           GError        **error)
{
  g_autoptr(GListModel) units = pathways_store_list (store, PATHWAYS_TYPE_UNIT, error);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (units == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(PathwaysUnit) u = g_list_model_get_item (units, i);
      g_hash_table_add (keys, pathways_stock_import_key (pathways_unit_get_name (u), pathways_unit_get_postcode (u)));
    }
  return g_steal_pointer (&keys);
}

gboolean
pathways_stock_import_apply (PathwaysStore        *store,
                             PathwaysStockImport  *import,
                             GError              **error)
{
  return pathways_stock_import_apply_full (store, import, NULL, NULL, error);
}

/**
 * pathways_stock_import_apply_full:
 * @cancellable: (nullable): checked between units; cancelling rolls
 *   everything back
 * @out_import_id: (out) (optional): the import log's row, 0 when there
 *   was nothing to add
 *
 * Adds the new units of @import in one transaction, with a row in the
 * import log (kind "stock": when, who, the file's name, size and SHA-256,
 * the rows skipped and what undo needs), so that
 * pathways_import_undo_latest() removes them again.  Nothing is written
 * when the store refuses any unit (the error names the row).
 */
gboolean
pathways_stock_import_apply_full (PathwaysStore        *store,
                                  PathwaysStockImport  *import,
                                  GCancellable         *cancellable,
                                  gint64               *out_import_id,
                                  GError              **error)
{
  g_autoptr(PathwaysImportLog) log = NULL;
  g_autoptr(PathwaysChangeSet) changes = NULL;
  g_autofree char *at = NULL, *who = NULL, *files = NULL, *text = NULL;

  g_return_val_if_fail (import != NULL, FALSE);

  if (out_import_id)
    *out_import_id = 0;
  if (import->units->len == 0)
    return TRUE;
  if (!pathways_store_begin (store, error))
    return FALSE;
  if (!pathways_store_lock_imports (store, error))
    goto failed;
  at = now_utc ();
  who = dup_importer (store);
  files = g_strdup_printf ("%s\t%" G_GUINT64_FORMAT "\t%s\n", import->name ? import->name : "", import->size,
                           import->sha256 ? import->sha256 : "");
  log = g_object_new (PATHWAYS_TYPE_IMPORT_LOG, "imported-at", at, "imported-by", who, "kind", "stock",
                      "files", files, "rows-skipped", (gint64) import->rows_skipped, NULL);
  if (!pathways_store_insert (store, PATHWAYS_RECORD (log), error))
    goto failed;
  if (!pathways_store_begin_recorded (store, error))
    goto failed;
  for (guint i = 0; i < import->units->len; i++)
    {
      PathwaysRecord *u = g_ptr_array_index (import->units, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto failed_recorded;
      if (!pathways_store_insert (store, u, error))
        {
          /* Translators: "stock.csv row 4: <the store's reason>" */
          g_prefix_error (error, _("%s row %u: "), import->name,
                          g_array_index (import->unit_rows, guint, i));
          goto failed_recorded;
        }
    }
  if (!pathways_store_commit_recorded (store, &changes, error))
    goto failed;

  text = pathways_change_set_serialize (changes);
  g_object_set (log, "changes", text, NULL);
  if (!pathways_store_update (store, PATHWAYS_RECORD (log), error) ||
      !pathways_store_commit (store, error))
    goto failed;
  if (out_import_id)
    *out_import_id = pathways_record_get_id (PATHWAYS_RECORD (log));
  return TRUE;

failed_recorded:
  pathways_store_rollback_recorded (store);
failed:
  /* The units keep no id from the rolled-back transaction */
  for (guint i = 0; i < import->units->len; i++)
    pathways_record_set_id (g_ptr_array_index (import->units, i), 0);
  pathways_store_rollback (store);
  return FALSE;
}

/* The same in a worker thread ------------------------------------------------- */

typedef struct {
  char         *path;
  GCancellable *cancellable;
} StockReadData;

static void
stock_read_data_free (gpointer data)
{
  StockReadData *d = data;

  g_free (d->path);
  g_clear_object (&d->cancellable);
  g_free (d);
}

static gpointer
stock_read_work (PathwaysStore  *store,
                 gpointer        data,
                 GError        **error)
{
  StockReadData *d = data;
  g_autoptr(GHashTable) known = pathways_stock_known_keys (store, error);

  if (known == NULL)
    return NULL;
  return pathways_stock_import_parse_file (d->path, known, d->cancellable, error);
}

void
pathways_stock_import_read_async (PathwaysStore       *store,
                                  const char          *path,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  StockReadData *d = g_new0 (StockReadData, 1);

  d->path = g_strdup (path);
  d->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  pathways_store_run_async (store, stock_read_work, d, stock_read_data_free,
                            (GDestroyNotify) pathways_stock_import_free, pathways_stock_import_read_async,
                            cancellable, callback, user_data);
}

PathwaysStockImport *
pathways_stock_import_read_finish (PathwaysStore  *store,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  return pathways_store_run_finish (store, result, pathways_stock_import_read_async, error);
}

typedef struct {
  PathwaysStockImport *import;
  GCancellable        *cancellable;
} StockApplyData;

static void
stock_apply_data_free (gpointer data)
{
  StockApplyData *d = data;

  g_clear_object (&d->cancellable);
  g_free (d);
}

static gpointer
stock_apply_work (PathwaysStore  *store,
                  gpointer        data,
                  GError        **error)
{
  StockApplyData *d = data;
  gint64 *id = g_new0 (gint64, 1);

  if (!pathways_stock_import_apply_full (store, d->import, d->cancellable, id, error))
    {
      g_free (id);
      return NULL;
    }
  return id;
}

void
pathways_stock_import_apply_async (PathwaysStore       *store,
                                   PathwaysStockImport *import,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  StockApplyData *d = g_new0 (StockApplyData, 1);

  d->import = import;
  d->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  pathways_store_run_async (store, stock_apply_work, d, stock_apply_data_free, g_free,
                            pathways_stock_import_apply_async, cancellable, callback, user_data);
}

gboolean
pathways_stock_import_apply_finish (PathwaysStore  *store,
                                    GAsyncResult   *result,
                                    gint64         *out_import_id,
                                    GError        **error)
{
  g_autofree gint64 *id = pathways_store_run_finish (store, result, pathways_stock_import_apply_async, error);

  if (id == NULL)
    return FALSE;
  if (out_import_id)
    *out_import_id = *id;
  return TRUE;
}
