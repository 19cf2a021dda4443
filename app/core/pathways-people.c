/* pathways-people.c — closing and reopening cases, reassigning, contacts,
 * staff who leave, retention (issue #12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-people"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-format.h"
#include "pathways-people.h"
#include "pathways-settings.h"
#include "pathways-store-private.h"
#include "pathways-vocab.h"

/**
 * pathways_people_close_case:
 * @closed_on: the day support ended (not before birth, not after today)
 * @reason: a PATHWAYS_VOCAB_CLOSE_REASON code
 *
 * Closes a young person's case: they leave the caseload, the timeline
 * and the alerts, and stay findable as archived.  One recorded action.
 */
gboolean
pathways_people_close_case (PathwaysStore       *store,
                            gint64               person_id,
                            const char          *closed_on,
                            const char          *reason,
                            PathwaysChangeSet  **out_undo,
                            GError             **error)
{
  g_autoptr(PathwaysYoungPerson) yp = NULL;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), FALSE);

  if (closed_on == NULL || *closed_on == '\0')
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("Give the date the case was closed"));
      return FALSE;
    }
  if (reason == NULL || !pathways_vocab_is_valid (PATHWAYS_VOCAB_CLOSE_REASON, reason))
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("Give the reason the case was closed"));
      return FALSE;
    }

  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  yp = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, person_id, error);
  if (yp == NULL)
    goto failed;
  if (pathways_young_person_get_closed_on (yp) != NULL)
    {
      g_autofree char *name = pathways_young_person_dup_display_name (yp);
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONSTRAINT,
                   _("The case of %s is already closed"), name);
      goto failed;
    }
  g_object_set (yp, "closed-on", closed_on, "close-reason", reason, NULL);
  if (!pathways_store_update (store, PATHWAYS_RECORD (yp), error))
    goto failed;
  return pathways_store_commit_recorded (store, out_undo, error);

failed:
  pathways_store_rollback_recorded (store);
  return FALSE;
}

/**
 * pathways_people_reopen_case:
 *
 * Reopens a closed case: the young person is back on the caseload.
 */
gboolean
pathways_people_reopen_case (PathwaysStore       *store,
                             gint64               person_id,
                             PathwaysChangeSet  **out_undo,
                             GError             **error)
{
  g_autoptr(PathwaysYoungPerson) yp = NULL;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), FALSE);

  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  yp = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, person_id, error);
  if (yp == NULL)
    goto failed;
  if (pathways_young_person_get_closed_on (yp) == NULL)
    {
      g_autofree char *name = pathways_young_person_dup_display_name (yp);
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONSTRAINT,
                   _("The case of %s is open"), name);
      goto failed;
    }
  g_object_set (yp, "closed-on", NULL, "close-reason", NULL, NULL);
  if (!pathways_store_update (store, PATHWAYS_RECORD (yp), error))
    goto failed;
  return pathways_store_commit_recorded (store, out_undo, error);

failed:
  pathways_store_rollback_recorded (store);
  return FALSE;
}

static gboolean
staff_has_left (PathwaysStaff *staff,
                const char    *today)
{
  const char *left = pathways_staff_get_left_on (staff);

  return left != NULL && strcmp (left, today) <= 0;
}

/**
 * pathways_people_reassign:
 * @staff_id: the personal adviser they move to
 *
 * Gives every one of @person_ids the personal adviser @staff_id (and
 * that adviser's team, when they have one), as one recorded action: all
 * of them or, on any error, none.
 */
gboolean
pathways_people_reassign (PathwaysStore       *store,
                          const gint64        *person_ids,
                          guint                n_people,
                          gint64               staff_id,
                          PathwaysChangeSet  **out_undo,
                          GError             **error)
{
  g_autofree char *today = NULL;
  g_autoptr(PathwaysStaff) pa = NULL;
  const char *team;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), FALSE);

  if (n_people == 0)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("Choose the young people to reassign"));
      return FALSE;
    }

  today = pathways_clock_dup_today (pathways_store_get_clock (store));
  if (!pathways_store_begin_recorded (store, error))
    return FALSE;

  pa = pathways_store_get (store, PATHWAYS_TYPE_STAFF, staff_id, NULL);
  if (pa == NULL)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                           _("That staff member is not in the list of staff"));
      goto failed;
    }
  if (!g_str_equal (pathways_staff_get_role (pa), "pa"))
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                   _("%s is not a personal adviser"), pathways_staff_get_name (pa));
      goto failed;
    }
  if (staff_has_left (pa, today))
    {
      g_autofree char *uk = pathways_date_format_uk (pathways_staff_get_left_on (pa));
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                   _("%s left on %s"), pathways_staff_get_name (pa), uk);
      goto failed;
    }
  team = pathways_staff_get_team (pa);

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(PathwaysYoungPerson) yp = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON,
                                                              person_ids[i], error);

      if (yp == NULL)
        goto failed;
      if (pathways_young_person_get_pa_id (yp) == staff_id &&
          (team == NULL || g_strcmp0 (team, pathways_young_person_get_team (yp)) == 0))
        continue;
      pathways_young_person_set_pa_id (yp, staff_id);
      if (team != NULL)
        pathways_young_person_set_team (yp, team);
      if (!pathways_store_update (store, PATHWAYS_RECORD (yp), error))
        goto failed;
    }
  return pathways_store_commit_recorded (store, out_undo, error);

failed:
  pathways_store_rollback_recorded (store);
  return FALSE;
}

/**
 * pathways_people_dup_author:
 *
 * Returns: the name recorded as the author of a contact: the signed-in
 * staff member on a team server, else the desktop user's name
 */
char *
pathways_people_dup_author (PathwaysStore *store)
{
  gint64 staff_id = pathways_store_get_signed_in_staff_id (store);
  const char *real;

  if (staff_id > 0)
    {
      g_autoptr(PathwaysStaff) staff = pathways_store_get (store, PATHWAYS_TYPE_STAFF, staff_id, NULL);

      if (staff != NULL)
        return g_strdup (pathways_staff_get_name (staff));
    }
  if (pathways_store_get_signed_in_login (store) != NULL)
    return g_strdup (pathways_store_get_signed_in_login (store));
  real = g_get_real_name ();
  if (real != NULL && *real != '\0' && !g_str_equal (real, "Unknown"))
    return g_strdup (real);
  return g_strdup (g_get_user_name ());
}

/**
 * pathways_people_record_contact:
 *
 * Records a contact with a young person (the author, when not given, is
 * who is signed in).  One recorded action.
 */
gboolean
pathways_people_record_contact (PathwaysStore       *store,
                                PathwaysContact     *contact,
                                PathwaysChangeSet  **out_undo,
                                GError             **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (store), FALSE);
  g_return_val_if_fail (PATHWAYS_IS_CONTACT (contact), FALSE);

  if (pathways_contact_get_author (contact) == NULL)
    {
      g_autofree char *author = pathways_people_dup_author (store);
      pathways_contact_set_author (contact, author);
    }
  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  if (!pathways_store_insert (store, PATHWAYS_RECORD (contact), error))
    {
      pathways_store_rollback_recorded (store);
      return FALSE;
    }
  return pathways_store_commit_recorded (store, out_undo, error);
}

/**
 * pathways_people_staff_leaves:
 *
 * Records that a staff member left (or leaves) on @left_on.  Refused
 * while young people with an open case still have them as their
 * personal adviser: reassign them first.
 */
gboolean
pathways_people_staff_leaves (PathwaysStore       *store,
                              gint64               staff_id,
                              const char          *left_on,
                              PathwaysChangeSet  **out_undo,
                              GError             **error)
{
  g_autoptr(PathwaysStaff) staff = NULL;
  g_autoptr(GHashTable) sizes = NULL;
  int open;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), FALSE);

  if (left_on == NULL || *left_on == '\0')
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("Give the date they leave"));
      return FALSE;
    }
  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  staff = pathways_store_get (store, PATHWAYS_TYPE_STAFF, staff_id, error);
  if (staff == NULL)
    goto failed;
  sizes = pathways_people_caseload_sizes (store, error);
  if (sizes == NULL)
    goto failed;
  open = GPOINTER_TO_INT (g_hash_table_lookup (sizes, &staff_id));
  if (open > 0)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s is still the personal adviser of %d young person: reassign them first",
                                "%s is still the personal adviser of %d young people: reassign them first",
                                open),
                   pathways_staff_get_name (staff), open);
      goto failed;
    }
  pathways_staff_set_left_on (staff, left_on);
  if (!pathways_store_update (store, PATHWAYS_RECORD (staff), error))
    goto failed;
  return pathways_store_commit_recorded (store, out_undo, error);

failed:
  pathways_store_rollback_recorded (store);
  return FALSE;
}

/**
 * pathways_people_rename_team:
 * @new_name: the team's new name (not a name another team has)
 *
 * Renames a team, and with it the team of its staff and young people:
 * one recorded action.  (The team server's foreign keys cascade; the
 * embedded database's text columns are changed here.)
 */
gboolean
pathways_people_rename_team (PathwaysStore       *store,
                             gint64               team_id,
                             const char          *new_name,
                             PathwaysChangeSet  **out_undo,
                             GError             **error)
{
  g_autoptr(PathwaysTeam) team = NULL;
  g_autofree char *old_name = NULL;
  GType kinds[2];

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), FALSE);
  if (new_name == NULL || *new_name == '\0')
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("Team name is required"));
      return FALSE;
    }
  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  team = pathways_store_get (store, PATHWAYS_TYPE_TEAM, team_id, error);
  if (team == NULL)
    goto failed;
  old_name = g_strdup (pathways_team_get_name (team));
  if (g_str_equal (old_name, new_name))
    {
      pathways_store_rollback_recorded (store);
      if (out_undo != NULL)
        *out_undo = NULL;
      return TRUE;
    }
  pathways_team_set_name (team, new_name);
  if (!pathways_store_update (store, PATHWAYS_RECORD (team), error))
    goto failed;

  kinds[0] = PATHWAYS_TYPE_STAFF;
  kinds[1] = PATHWAYS_TYPE_YOUNG_PERSON;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GListModel) rows = pathways_store_list (store, kinds[k], error);

      if (rows == NULL)
        goto failed;
      for (guint i = 0, n = g_list_model_get_n_items (rows); i < n; i++)
        {
          g_autoptr(PathwaysRecord) r = g_list_model_get_item (rows, i);

          if (g_strcmp0 (pathways_record_get_string (r, "team"), old_name) != 0)
            continue;
          pathways_record_set_string (r, "team", new_name);
          if (!pathways_store_update (store, r, error))
            goto failed;
        }
    }
  return pathways_store_commit_recorded (store, out_undo, error);

failed:
  pathways_store_rollback_recorded (store);
  return FALSE;
}

/**
 * pathways_people_caseload_sizes:
 *
 * Returns: (transfer full): staff id → number of open cases they are the
 * personal adviser of (staff without any are not in the table)
 */
GHashTable *
pathways_people_caseload_sizes (PathwaysStore  *store,
                                GError        **error)
{
  g_autoptr(GListModel) people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, error);
  GHashTable *sizes;

  if (people == NULL)
    return NULL;
  sizes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0, n = g_list_model_get_n_items (people); i < n; i++)
    {
      g_autoptr(PathwaysYoungPerson) yp = g_list_model_get_item (people, i);
      gint64 pa = pathways_young_person_get_pa_id (yp);

      if (pa <= 0 || pathways_young_person_get_closed_on (yp) != NULL)
        continue;
      g_hash_table_insert (sizes, g_memdup2 (&pa, sizeof pa),
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (sizes, &pa)) + 1));
    }
  return sizes;
}

/**
 * pathways_people_retention_end:
 *
 * Returns: the day the records of a closed case may be erased: the
 * birthday the retention setting names (75th by default)
 */
char *
pathways_people_retention_end (PathwaysStore *store,
                               const char    *date_of_birth)
{
  g_autofree char *value = pathways_store_dup_setting (store, "retention_years");
  gint64 years = pathways_setting_int_or_default ("retention_years", value);

  return pathways_date_birthday (date_of_birth, (int) years);
}

static int
compare_births (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return g_strcmp0 (pathways_young_person_get_date_of_birth ((PathwaysYoungPerson *) a),
                    pathways_young_person_get_date_of_birth ((PathwaysYoungPerson *) b));
}

/**
 * pathways_people_past_retention:
 *
 * Returns: (transfer full): the closed cases whose retention period has
 * ended by @on, oldest first.  Erasing them is for the audit tools.
 */
GListModel *
pathways_people_past_retention (PathwaysStore  *store,
                                const char     *on,
                                GError        **error)
{
  g_autoptr(GListModel) people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, error);
  GListStore *past;

  if (people == NULL)
    return NULL;
  past = g_list_store_new (PATHWAYS_TYPE_YOUNG_PERSON);
  for (guint i = 0, n = g_list_model_get_n_items (people); i < n; i++)
    {
      g_autoptr(PathwaysYoungPerson) yp = g_list_model_get_item (people, i);
      g_autofree char *end = NULL;

      if (pathways_young_person_get_closed_on (yp) == NULL)
        continue;
      end = pathways_people_retention_end (store, pathways_young_person_get_date_of_birth (yp));
      if (end != NULL && strcmp (end, on) <= 0)
        g_list_store_insert_sorted (past, yp, compare_births, NULL);
    }
  return G_LIST_MODEL (past);
}

static int
compare_contacts (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  int c = g_strcmp0 (pathways_contact_get_contact_date ((PathwaysContact *) b),
                     pathways_contact_get_contact_date ((PathwaysContact *) a));
  gint64 ia = pathways_record_get_id ((PathwaysRecord *) a);
  gint64 ib = pathways_record_get_id ((PathwaysRecord *) b);

  return c != 0 ? c : (ib > ia) - (ib < ia);
}

/**
 * pathways_people_list_contacts:
 *
 * Returns: (transfer full): a young person's contacts, newest first
 */
GListModel *
pathways_people_list_contacts (PathwaysStore  *store,
                               gint64          person_id,
                               GError        **error)
{
  g_autoptr(GListModel) all = pathways_store_list_for_person (store, PATHWAYS_TYPE_CONTACT, person_id, error);
  GListStore *sorted;

  if (all == NULL)
    return NULL;
  sorted = g_list_store_new (PATHWAYS_TYPE_CONTACT);
  for (guint i = 0, n = g_list_model_get_n_items (all); i < n; i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (all, i);
      g_list_store_insert_sorted (sorted, c, compare_contacts, NULL);
    }
  return G_LIST_MODEL (sorted);
}

/* In a worker thread ----------------------------------------------- */

typedef enum {
  ACTION_CLOSE,
  ACTION_REOPEN,
  ACTION_REASSIGN,
  ACTION_CONTACT,
  ACTION_LEAVES,
  ACTION_RENAME_TEAM,
} ActionKind;

typedef struct {
  ActionKind      kind;
  gint64          id;
  char           *day;
  char           *reason;
  GArray         *ids;
  PathwaysRecord *record;
} ActionData;

static void
action_data_free (gpointer data)
{
  ActionData *d = data;

  g_free (d->day);
  g_free (d->reason);
  g_clear_pointer (&d->ids, g_array_unref);
  g_clear_object (&d->record);
  g_free (d);
}

static gpointer
action_work (PathwaysStore  *store,
             gpointer        data,
             GError        **error)
{
  ActionData *d = data;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  PathwaysStoreActionResult *r;
  gboolean ok;

  switch (d->kind)
    {
    case ACTION_CLOSE:
      ok = pathways_people_close_case (store, d->id, d->day, d->reason, &undo, error);
      break;
    case ACTION_REOPEN:
      ok = pathways_people_reopen_case (store, d->id, &undo, error);
      break;
    case ACTION_REASSIGN:
      ok = pathways_people_reassign (store, (const gint64 *) (gpointer) d->ids->data, d->ids->len, d->id,
                                     &undo, error);
      break;
    case ACTION_LEAVES:
      ok = pathways_people_staff_leaves (store, d->id, d->day, &undo, error);
      break;
    case ACTION_RENAME_TEAM:
      ok = pathways_people_rename_team (store, d->id, d->reason, &undo, error);
      break;
    case ACTION_CONTACT:
    default:
      ok = pathways_people_record_contact (store, PATHWAYS_CONTACT (d->record), &undo, error);
      break;
    }
  if (!ok)
    return NULL;
  r = pathways_store_action_result_new ();
  r->undo = g_steal_pointer (&undo);
  r->id = d->id;
  return r;
}

static void
run_action (PathwaysStore       *store,
            ActionData          *d,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  pathways_store_run_async (store, action_work, d, action_data_free, pathways_store_action_result_free,
                            pathways_people_action_finish, cancellable, callback, user_data);
}

void
pathways_people_close_case_async (PathwaysStore       *store,
                                  gint64               person_id,
                                  const char          *closed_on,
                                  const char          *reason,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  ActionData *d = g_new0 (ActionData, 1);

  d->kind = ACTION_CLOSE;
  d->id = person_id;
  d->day = g_strdup (closed_on);
  d->reason = g_strdup (reason);
  run_action (store, d, cancellable, callback, user_data);
}

void
pathways_people_reopen_case_async (PathwaysStore       *store,
                                   gint64               person_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  ActionData *d = g_new0 (ActionData, 1);

  d->kind = ACTION_REOPEN;
  d->id = person_id;
  run_action (store, d, cancellable, callback, user_data);
}

void
pathways_people_reassign_async (PathwaysStore       *store,
                                const gint64        *person_ids,
                                guint                n_people,
                                gint64               staff_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ActionData *d = g_new0 (ActionData, 1);

  d->kind = ACTION_REASSIGN;
  d->id = staff_id;
  d->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_people);
  g_array_append_vals (d->ids, person_ids, n_people);
  run_action (store, d, cancellable, callback, user_data);
}

void
pathways_people_record_contact_async (PathwaysStore       *store,
                                      PathwaysContact     *contact,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  ActionData *d = g_new0 (ActionData, 1);

  d->kind = ACTION_CONTACT;
  d->record = pathways_record_copy (PATHWAYS_RECORD (contact));
  run_action (store, d, cancellable, callback, user_data);
}

void
pathways_people_staff_leaves_async (PathwaysStore       *store,
                                    gint64               staff_id,
                                    const char          *left_on,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  ActionData *d = g_new0 (ActionData, 1);

  d->kind = ACTION_LEAVES;
  d->id = staff_id;
  d->day = g_strdup (left_on);
  run_action (store, d, cancellable, callback, user_data);
}

void
pathways_people_rename_team_async (PathwaysStore       *store,
                                   gint64               team_id,
                                   const char          *new_name,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  ActionData *d = g_new0 (ActionData, 1);

  d->kind = ACTION_RENAME_TEAM;
  d->id = team_id;
  d->reason = g_strdup (new_name);
  run_action (store, d, cancellable, callback, user_data);
}

gboolean
pathways_people_action_finish (PathwaysStore       *store,
                               GAsyncResult        *result,
                               PathwaysChangeSet  **out_undo,
                               GError             **error)
{
  PathwaysStoreActionResult *r = pathways_store_run_finish (store, result, pathways_people_action_finish, error);

  if (r == NULL)
    return FALSE;
  if (out_undo != NULL)
    *out_undo = g_steal_pointer (&r->undo);
  pathways_store_action_result_free (r);
  return TRUE;
}
