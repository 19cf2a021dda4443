/* pathways-oc3-facts.c — IN_TOUCH, ACTIV and ACCOM at a care leaver's birthday
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-exchange"

#include "config.h"

#include <string.h>

#include "pathways-format.h"
#include "pathways-oc3-facts.h"
#include "pathways-store-private.h"

void
pathways_oc3_answer_free (PathwaysOc3Answer *a)
{
  if (a == NULL)
    return;
  g_free (a->birthday);
  g_free (a->in_touch);
  g_free (a->activ);
  g_free (a->accom);
  g_free (a);
}

/**
 * pathways_oc3_birthday_in:
 *
 * Returns: (nullable): the 17th to 21st birthday from @start to @end
 *   (ISO, both included), if one falls there
 */
char *
pathways_oc3_birthday_in (const char *date_of_birth,
                          const char *start,
                          const char *end,
                          int        *out_age)
{
  for (int age = 17; date_of_birth != NULL && age <= 21; age++)
    {
      g_autofree char *b = pathways_date_birthday (date_of_birth, age);

      if (b != NULL && strcmp (b, start) >= 0 && strcmp (b, end) <= 0)
        {
          if (out_age)
            *out_age = age;
          return g_steal_pointer (&b);
        }
    }
  return NULL;
}

static gboolean
covers (const char *from,
        const char *until,   /* nullable: still going; the day it ended is not covered */
        const char *day)
{
  return from != NULL && strcmp (from, day) <= 0 && (until == NULL || strcmp (until, day) > 0);
}

/**
 * pathways_oc3_answer_derive:
 * @facts: (element-type PathwaysOc3Fact): the young person's
 * @contacts: (element-type PathwaysContact) (nullable): likewise
 * @activities: (element-type PathwaysActivity) (nullable)
 * @spells: (element-type PathwaysSpell) (nullable)
 *
 * Returns: (transfer full): the answers for @birthday
 */
PathwaysOc3Answer *
pathways_oc3_answer_derive (GListModel *facts,
                            GListModel *contacts,
                            GListModel *activities,
                            GListModel *spells,
                            const char *birthday,
                            int         age)
{
  PathwaysOc3Answer *a = g_new0 (PathwaysOc3Answer, 1);
  g_autofree char *from = pathways_date_add_months (birthday, -3);
  g_autofree char *until = pathways_date_add_months (birthday, 1);

  a->birthday = g_strdup (birthday);
  a->age = age;

  for (guint i = 0; facts != NULL && i < g_list_model_get_n_items (facts); i++)
    {
      g_autoptr(PathwaysOc3Fact) f = g_list_model_get_item (facts, i);

      if (g_strcmp0 (pathways_oc3_fact_get_birthday (f), birthday) != 0)
        continue;
      a->in_touch = g_strdup (pathways_oc3_fact_get_in_touch (f));
      a->activ = g_strdup (pathways_oc3_fact_get_activ (f));
      a->accom = g_strdup (pathways_oc3_fact_get_accom (f));
      a->recorded = TRUE;
      a->fact_id = pathways_record_get_id (PATHWAYS_RECORD (f));
      return a;
    }

  for (guint i = 0; contacts != NULL && i < g_list_model_get_n_items (contacts) && a->in_touch == NULL; i++)
    {
      g_autoptr(PathwaysContact) c = g_list_model_get_item (contacts, i);
      const char *day = pathways_contact_get_contact_date (c);

      if (g_strcmp0 (pathways_contact_get_kind (c), "attempted") != 0 && day != NULL && from != NULL &&
          until != NULL && strcmp (day, from) >= 0 && strcmp (day, until) <= 0)
        a->in_touch = g_strdup ("YES");
    }
  for (guint i = 0; activities != NULL && i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(PathwaysActivity) x = g_list_model_get_item (activities, i);

      if (covers (pathways_activity_get_start_date (x), pathways_activity_get_end_date (x), birthday))
        {
          g_free (a->activ);
          a->activ = g_strdup (pathways_activity_get_activ (x));
        }
    }
  for (guint i = 0; spells != NULL && i < g_list_model_get_n_items (spells); i++)
    {
      g_autoptr(PathwaysSpell) s = g_list_model_get_item (spells, i);
      const char *letter = pathways_spell_get_accom (s);

      if (g_strcmp0 (pathways_spell_get_state (s), "planned") == 0 || letter == NULL || *letter == '\0')
        continue;
      if (covers (pathways_spell_get_start_date (s), pathways_spell_get_actual_end (s), birthday))
        {
          g_free (a->accom);
          a->accom = g_strdup_printf ("%c%c", letter[0], pathways_spell_get_accom_suitable (s) ? '1' : '2');
        }
    }
  return a;
}

/**
 * pathways_oc3_answer_load:
 *
 * Returns: (transfer full): the answers for @birthday from what the
 *   store holds about the young person
 */
PathwaysOc3Answer *
pathways_oc3_answer_load (PathwaysStore  *store,
                          gint64          young_person_id,
                          const char     *birthday,
                          int             age,
                          GError        **error)
{
  g_autoptr(GListModel) facts = NULL, contacts = NULL, activities = NULL, spells = NULL;

  if ((facts = pathways_store_list_for_person (store, PATHWAYS_TYPE_OC3_FACT, young_person_id, error)) == NULL ||
      (contacts = pathways_store_list_for_person (store, PATHWAYS_TYPE_CONTACT, young_person_id, error)) == NULL ||
      (activities = pathways_store_list_for_person (store, PATHWAYS_TYPE_ACTIVITY, young_person_id, error)) == NULL ||
      (spells = pathways_store_list_for_person (store, PATHWAYS_TYPE_SPELL, young_person_id, error)) == NULL)
    return NULL;
  return pathways_oc3_answer_derive (facts, contacts, activities, spells, birthday, age);
}

void
pathways_oc3_form_free (PathwaysOc3Form *form)
{
  if (form == NULL)
    return;
  g_clear_pointer (&form->answers, g_ptr_array_unref);
  g_clear_object (&form->in_touch);
  g_clear_object (&form->activ);
  g_clear_object (&form->accom);
  g_free (form);
}

typedef struct {
  gint64 person_id;
  char  *today;
} FormData;

static void
form_data_free (gpointer data)
{
  FormData *d = data;

  g_free (d->today);
  g_free (d);
}

static gpointer
form_work (PathwaysStore  *store,
           gpointer        data,
           GError        **error)
{
  FormData *d = data;
  g_autoptr(PathwaysOc3Form) form = g_new0 (PathwaysOc3Form, 1);
  g_autoptr(PathwaysYoungPerson) person = NULL;

  if ((person = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, d->person_id, error)) == NULL)
    return NULL;
  form->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_oc3_answer_free);
  for (int age = 17; age <= 21; age++)
    {
      g_autofree char *b = pathways_date_birthday (pathways_young_person_get_date_of_birth (person), age);
      PathwaysOc3Answer *a;

      if (b == NULL || strcmp (b, d->today) > 0)
        break;
      if ((a = pathways_oc3_answer_load (store, d->person_id, b, age, error)) == NULL)
        return NULL;
      g_ptr_array_add (form->answers, a);
    }
  if ((form->in_touch = pathways_store_list_ref_codes (store, PATHWAYS_REF_IN_TOUCH, d->today, error)) == NULL ||
      (form->activ = pathways_store_list_ref_codes (store, PATHWAYS_REF_ACTIV, d->today, error)) == NULL ||
      (form->accom = pathways_store_list_ref_codes (store, PATHWAYS_REF_ACCOM, d->today, error)) == NULL)
    return NULL;
  return g_steal_pointer (&form);
}

void
pathways_oc3_form_load_async (PathwaysStore       *store,
                              gint64               young_person_id,
                              const char          *today,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  FormData *d = g_new0 (FormData, 1);

  d->person_id = young_person_id;
  d->today = g_strdup (today);
  pathways_store_run_async (store, form_work, d, form_data_free, (GDestroyNotify) pathways_oc3_form_free,
                            pathways_oc3_form_load_async, cancellable, callback, user_data);
}

PathwaysOc3Form *
pathways_oc3_form_load_finish (PathwaysStore  *store,
                               GAsyncResult   *result,
                               GError        **error)
{
  return pathways_store_run_finish (store, result, pathways_oc3_form_load_async, error);
}

static gpointer
save_work (PathwaysStore  *store,
           gpointer        data,
           GError        **error)
{
  PathwaysRecord *fact = data;
  PathwaysStoreActionResult *r;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GListModel) held = NULL;
  gint64 person = pathways_record_get_int (fact, "young-person-id");
  gboolean ok;

  if (!pathways_store_begin_recorded (store, error))
    return NULL;
  /* The fact already held for the birthday is changed, not doubled */
  held = pathways_store_list_for_person (store, PATHWAYS_TYPE_OC3_FACT, person, error);
  ok = held != NULL;
  for (guint i = 0; ok && i < g_list_model_get_n_items (held); i++)
    {
      g_autoptr(PathwaysRecord) f = g_list_model_get_item (held, i);

      if (g_strcmp0 (pathways_record_get_string (f, "birthday"), pathways_record_get_string (fact, "birthday")) == 0)
        {
          pathways_record_set_id (fact, pathways_record_get_id (f));
          if (pathways_record_get_version (fact) == 0)
            pathways_record_set_version (fact, pathways_record_get_version (f));
        }
    }
  if (ok)
    ok = pathways_record_get_id (fact) > 0 ? pathways_store_update (store, fact, error)
                                           : pathways_store_insert (store, fact, error);
  if (!ok)
    {
      pathways_store_rollback_recorded (store);
      return NULL;
    }
  if (!pathways_store_commit_recorded (store, &undo, error))
    return NULL;
  r = pathways_store_action_result_new ();
  r->undo = g_steal_pointer (&undo);
  return r;
}

void
pathways_oc3_fact_save_async (PathwaysStore       *store,
                              PathwaysOc3Fact     *fact,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  pathways_store_run_async (store, save_work, pathways_record_copy (PATHWAYS_RECORD (fact)), g_object_unref,
                            pathways_store_action_result_free, pathways_oc3_fact_save_async, cancellable,
                            callback, user_data);
}

gboolean
pathways_oc3_fact_save_finish (PathwaysStore       *store,
                               GAsyncResult        *result,
                               PathwaysChangeSet  **out_undo,
                               GError             **error)
{
  PathwaysStoreActionResult *r = pathways_store_run_finish (store, result, pathways_oc3_fact_save_async, error);

  if (r == NULL)
    return FALSE;
  if (out_undo != NULL)
    *out_undo = g_steal_pointer (&r->undo);
  pathways_store_action_result_free (r);
  return TRUE;
}
