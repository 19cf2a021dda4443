/* pathways-planner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-planner"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-format.h"
#include "pathways-planner.h"
#include "pathways-snapshot.h"
#include "pathways-stock.h"
#include "pathways-store-private.h"
#include "pathways-vocab.h"

static void
add_reason (PathwaysEligibility *e,
            PathwaysSeverity     severity,
            const char          *rule,
            char                *text)
{
  PathwaysReason *r = g_new0 (PathwaysReason, 1);

  r->severity = severity;
  r->rule = g_strdup (rule);
  r->text = text;
  g_ptr_array_add (e->reasons, r);
}

static void
reason_free (gpointer data)
{
  PathwaysReason *r = data;

  g_free (r->rule);
  g_free (r->text);
  g_free (r);
}

static int
compare_reasons (gconstpointer a,
                 gconstpointer b)
{
  const PathwaysReason *x = *(PathwaysReason * const *) a;
  const PathwaysReason *y = *(PathwaysReason * const *) b;

  return (int) y->severity - (int) x->severity;
}

static void
settle_verdict (PathwaysEligibility *e)
{
  gboolean blocked = FALSE, warned = FALSE;

  g_ptr_array_sort (e->reasons, compare_reasons);
  for (guint i = 0; i < e->reasons->len; i++)
    {
      const PathwaysReason *r = g_ptr_array_index (e->reasons, i);
      blocked |= r->severity == PATHWAYS_SEVERITY_HIGH;
      warned |= r->severity == PATHWAYS_SEVERITY_MEDIUM || r->severity == PATHWAYS_SEVERITY_LOW;
    }
  e->verdict = blocked ? PATHWAYS_VERDICT_NOT_ELIGIBLE
             : warned ? PATHWAYS_VERDICT_WARNINGS : PATHWAYS_VERDICT_ELIGIBLE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* The ACCOM digit: the one asked for, except that homeless (S) and in
 * custody (X) can only be "not suitable" (903 rule 133); otherwise
 * emergency accommodation and bed and breakfast are not suitable */
static gboolean
accom_suitable (const char *letter,
                int         asked)
{
  if (g_strcmp0 (letter, "S") == 0 || g_strcmp0 (letter, "X") == 0)
    return FALSE;
  if (asked != 0)
    return asked == 1;
  return !(g_strcmp0 (letter, "W") == 0 || g_strcmp0 (letter, "V") == 0);
}

/* Is @letter an ACCOM letter of the reference table on @date? */
static gboolean
accom_code_valid (PathwaysStore  *store,
                  const char     *letter,
                  const char     *date,
                  GError        **error)
{
  g_autoptr(GListModel) codes = pathways_store_list_ref_codes (store, PATHWAYS_REF_ACCOM, date, error);
  g_autofree char *uk = NULL;

  if (codes == NULL)
    return FALSE;
  /* An empty table (a store without the code lists): nothing to check against */
  if (g_list_model_get_n_items (codes) == 0)
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (codes); i++)
    {
      g_autoptr(PathwaysRefCode) c = g_list_model_get_item (codes, i);
      if (g_strcmp0 (pathways_ref_code_get_code (c), letter) == 0)
        return TRUE;
    }
  uk = pathways_date_format_uk (date);
  /* Translators: an SSDA903 ACCOM code ("Q") and a date */
  g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
               _("Accommodation code “%s” is not in the SSDA903 ACCOM list on %s"), letter, uk);
  return FALSE;
}

static const PathwaysSpellFacts *
current_spell (const PathwaysPersonFacts *p)
{
  const PathwaysSpellFacts *found = NULL;

  for (guint i = 0; i < p->spells->len; i++)
    {
      const PathwaysSpellFacts *s = g_ptr_array_index (p->spells, i);
      if (g_str_equal (s->state, "current") && (found == NULL || strcmp (s->start, found->start) >= 0))
        found = s;
    }
  return found;
}

static PathwaysEligibility *
check_with_snapshot (PathwaysSnapshot           *snap,
                     const PathwaysMoveRequest  *req,
                     GError                    **error)
{
  const PathwaysPersonFacts *p = pathways_snapshot_get_person (snap, req->young_person_id);
  const PathwaysUnitFacts *u = req->unit_id ? pathways_snapshot_get_unit (snap, req->unit_id) : NULL;
  const char *today = pathways_snapshot_get_date (snap);
  const PathwaysSpellFacts *cur;
  PathwaysEligibility *e;
  g_autofree char *uk_date = NULL;

  if (p == NULL)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                           _("This young person is no longer in the database"));
      return NULL;
    }
  if (req->date == NULL || !pathways_date_parse_iso (req->date, NULL))
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("Choose the date of the move"));
      return NULL;
    }
  if (req->unit_id != 0 && u == NULL)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                           _("This unit is no longer in the register"));
      return NULL;
    }
  if (req->unit_id == 0 && (req->address == NULL || *req->address == '\0'))
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("Choose a unit from the register or give an address"));
      return NULL;
    }

  uk_date = pathways_date_format_uk (req->date);
  if (u != NULL)
    e = pathways_rules_check_unit (pathways_snapshot_get_settings (snap), p, u,
                                   pathways_snapshot_get_people (snap), req->date, 0);
  else
    {
      e = g_new0 (PathwaysEligibility, 1);
      e->reasons = g_ptr_array_new_with_free_func (reason_free);
      add_reason (e, PATHWAYS_SEVERITY_INFO, "outside-register",
                  g_strdup (_("An address outside the register: availability and registration cannot be "
                              "checked.")));
    }

  if (strcmp (req->date, today) < 0)
    add_reason (e, PATHWAYS_SEVERITY_HIGH, "date-past",
                g_strdup_printf (_("%s is in the past: record past moves as accommodation history."), uk_date));

  /* A gap before: the current accommodation ends before the move */
  cur = current_spell (p);
  if (cur == NULL)
    add_reason (e, PATHWAYS_SEVERITY_MEDIUM, "gap-before",
                g_strdup (_("No current accommodation is recorded before this move.")));
  else if (cur->planned_end != NULL && strcmp (cur->planned_end, req->date) < 0)
    {
      g_autofree char *uk_end = pathways_date_format_uk (cur->planned_end);
      add_reason (e, PATHWAYS_SEVERITY_MEDIUM, "gap-before",
                  g_strdup_printf (_("Nothing is planned between %s, when the current accommodation ends, "
                                     "and the move on %s."), uk_end, uk_date));
    }

  /* Another move already planned */
  for (guint i = 0; i < p->transitions->len; i++)
    {
      const PathwaysTransitionFacts *t = g_ptr_array_index (p->transitions, i);
      g_autofree char *uk_other = NULL;

      if (!(g_str_equal (t->state, "confirmed") || g_str_equal (t->state, "proposed")))
        continue;
      uk_other = pathways_date_format_uk (t->planned_date);
      add_reason (e, PATHWAYS_SEVERITY_MEDIUM, "another-move",
                  g_strdup_printf (_("Another move is already planned for %s."), uk_other));
      break;
    }

  /* A gap after: they will outgrow the unit */
  if (u != NULL && u->max_age != 0)
    {
      g_autofree char *outgrown = pathways_date_birthday (p->date_of_birth, u->max_age + 1);
      g_autofree char *soon = pathways_date_add_months (req->date, 6);

      /* (NULL: after the end of the calendar — never, or within any horizon) */
      if (outgrown != NULL && strcmp (outgrown, req->date) > 0 && (soon == NULL || strcmp (outgrown, soon) <= 0))
        {
          g_autofree char *uk_out = pathways_date_format_uk (outgrown);
          add_reason (e, PATHWAYS_SEVERITY_MEDIUM, "gap-after",
                      g_strdup_printf (_("They will be too old for this unit on %s, within six months of "
                                         "moving in: plan what comes next."), uk_out));
        }
    }

  /* The SSDA903 ACCOM code given for an address outside the register */
  if (u == NULL && req->accom != NULL && p->date_of_birth != NULL)
    {
      int age = pathways_date_age_on (p->date_of_birth, req->date);

      if (g_str_equal (req->accom, "T") && age < 18)
        add_reason (e, PATHWAYS_SEVERITY_MEDIUM, "accom-foyer-under-18",
                    g_strdup (_("A foyer (ACCOM T) is not for a young person under 18 (SSDA903 rule 347).")));
      else if (g_str_equal (req->accom, "Z") && age < 18)
        add_reason (e, PATHWAYS_SEVERITY_MEDIUM, "accom-staying-put-under-18",
                    g_strdup (_("Staying Put (ACCOM Z) starts at 18: a younger person with their carers is "
                                "still in foster care.")));
    }

  settle_verdict (e);
  return e;
}

/**
 * pathways_planner_check_move:
 *
 * The live checks for the scheduling dialog: the rules engine's verdict
 * on the unit, and the planner's own (date, gaps before and after,
 * another move planned).
 */
PathwaysEligibility *
pathways_planner_check_move (PathwaysStore              *store,
                             const PathwaysMoveRequest  *req,
                             GError                    **error)
{
  g_autofree char *today = pathways_clock_dup_today (pathways_store_get_clock (store));
  g_autoptr(PathwaysSnapshot) snap = pathways_snapshot_load (store, today, error);

  if (snap == NULL)
    return NULL;
  return check_with_snapshot (snap, req, error);
}

/**
 * pathways_planner_list_destinations:
 *
 * Every unit of the register that is not retired, as a
 * #PathwaysDestination with the rules' verdict and score for this young
 * person on @date: eligible first, then with warnings, then not
 * eligible; best fit first within each.  The same ranking as the stock
 * page's (pathways_stock_rank_units()).
 */
GListModel *
pathways_planner_list_destinations (PathwaysStore  *store,
                                    gint64          young_person_id,
                                    const char     *date,
                                    GError        **error)
{
  g_return_val_if_fail (date != NULL, NULL);
  return pathways_stock_rank_units (store, young_person_id, date, NULL, error);
}

static PathwaysSpell *
find_current_spell (PathwaysStore  *store,
                    gint64          person_id,
                    GError        **error)
{
  g_autoptr(GListModel) spells = pathways_store_list_for_person (store, PATHWAYS_TYPE_SPELL, person_id, error);
  PathwaysSpell *found = NULL;

  if (spells == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (spells); i++)
    {
      g_autoptr(PathwaysRecord) s = g_list_model_get_item (spells, i);
      if (g_strcmp0 (pathways_record_get_string (s, "state"), "current") == 0 &&
          (found == NULL || g_strcmp0 (pathways_record_get_string (s, "start-date"),
                                       pathways_record_get_string (PATHWAYS_RECORD (found), "start-date")) >= 0))
        {
          g_clear_object (&found);
          found = PATHWAYS_SPELL (g_object_ref (s));
        }
    }
  return found;
}

/**
 * pathways_planner_schedule_move:
 *
 * Creates the confirmed move, the planned spell, and reserves the unit,
 * in one transaction.  Refused with the rules' reason if a rule forbids
 * it; refused with %PATHWAYS_STORE_ERROR_NEEDS_REASON if there are
 * warnings and no @request->accepted_warnings.
 */
gboolean
pathways_planner_schedule_move (PathwaysStore              *store,
                                const PathwaysMoveRequest  *req,
                                gint64                     *out_transition_id,
                                PathwaysChangeSet         **out_undo,
                                GError                    **error)
{
  g_autofree char *today = pathways_clock_dup_today (pathways_store_get_clock (store));
  g_autoptr(PathwaysSnapshot) snap = NULL;
  g_autoptr(PathwaysEligibility) e = NULL;
  g_autoptr(PathwaysUnit) unit = NULL;
  g_autoptr(PathwaysYoungPerson) person = NULL;
  g_autoptr(PathwaysSpell) from = NULL;
  g_autoptr(PathwaysSpell) planned = NULL;
  g_autoptr(PathwaysTransition) move = NULL;
  g_autoptr(GString) warnings = g_string_new (NULL);
  const char *kind = NULL;
  const char *accom;
  int age;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), FALSE);
  g_return_val_if_fail (req != NULL, FALSE);

  /* Checked and written in one transaction: nobody books the unit in
   * between */
  if (!pathways_store_begin_recorded (store, error))
    return FALSE;

  snap = pathways_snapshot_load (store, today, error);
  if (snap == NULL || (e = check_with_snapshot (snap, req, error)) == NULL)
    goto failed;

  if (e->verdict == PATHWAYS_VERDICT_NOT_ELIGIBLE)
    {
      const PathwaysReason *r = g_ptr_array_index (e->reasons, 0);
      /* Translators: %s is the rule's reason, a sentence */
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                   _("This move cannot be scheduled: %s"), r->text);
      goto failed;
    }
  for (guint i = 0; i < e->reasons->len; i++)
    {
      const PathwaysReason *r = g_ptr_array_index (e->reasons, i);
      if (r->severity >= PATHWAYS_SEVERITY_LOW)
        g_string_append_printf (warnings, "%s%s", warnings->len ? " " : "", r->text);
    }
  if (e->verdict == PATHWAYS_VERDICT_WARNINGS && is_blank (req->accepted_warnings))
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NEEDS_REASON,
                           _("This move has warnings: give the reason for going ahead"));
      goto failed;
    }

  person = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, req->young_person_id, error);
  if (person == NULL)
    goto failed;
  if (req->unit_id != 0)
    {
      unit = pathways_store_get (store, PATHWAYS_TYPE_UNIT, req->unit_id, error);
      if (unit == NULL)
        goto failed;
      kind = pathways_record_get_string (PATHWAYS_RECORD (unit), "kind");
    }
  accom = !is_blank (req->accom) ? req->accom : (kind ? pathways_vocab_extra (PATHWAYS_VOCAB_UNIT_KIND, kind) : "Y");
  if (!accom_code_valid (store, accom, req->date, error))
    goto failed;
  if (req->weekly_cost < 0)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("The weekly cost cannot be less than nothing"));
      goto failed;
    }
  age = pathways_date_age_on (pathways_record_get_string (PATHWAYS_RECORD (person), "date-of-birth"), req->date);

  from = find_current_spell (store, req->young_person_id, error);
  move = pathways_transition_new ();
  if (from != NULL)
    {
      const char *was = pathways_record_get_string (PATHWAYS_RECORD (from), "planned-end");

      g_object_set (move, "from-spell-id", pathways_record_get_id (PATHWAYS_RECORD (from)),
                    "from-planned-end", was, NULL);
      if (was == NULL || strcmp (was, req->date) > 0)
        {
          g_object_set (from, "planned-end", req->date, NULL);
          if (!pathways_store_update (store, PATHWAYS_RECORD (from), error))
            goto failed;
        }
    }

  planned = pathways_spell_new ();
  g_object_set (planned,
                "young-person-id", req->young_person_id,
                "unit-id", req->unit_id,
                "address", req->unit_id ? NULL : req->address,
                "accom", accom,
                "accom-suitable", accom_suitable (accom, req->accom_suitable),
                "start-date", req->date,
                "state", "planned",
                "weekly-cost", unit ? pathways_record_get_int (PATHWAYS_RECORD (unit), "weekly-cost") : req->weekly_cost,
                "reason-for-move", req->note,
                NULL);
  /* Still looked after at 16–17 in supported accommodation: a 903 placement too */
  if (age < 18 && g_strcmp0 (kind, "supported") == 0 && strcmp (req->date, "2024-04-01") >= 0)
    g_object_set (planned, "place", "K3", NULL);
  if (!pathways_store_insert (store, PATHWAYS_RECORD (planned), error))
    goto failed;

  g_object_set (move,
                "young-person-id", req->young_person_id,
                "to-unit-id", req->unit_id,
                "to-address", req->unit_id ? NULL : req->address,
                "to-spell-id", pathways_record_get_id (PATHWAYS_RECORD (planned)),
                "planned-date", req->date,
                "state", "confirmed",
                "scheduled-by", req->scheduled_by,
                "note", req->note,
                "accepted-warnings", e->verdict == PATHWAYS_VERDICT_WARNINGS ? req->accepted_warnings : NULL,
                NULL);
  if (!pathways_store_insert (store, PATHWAYS_RECORD (move), error))
    goto failed;

  if (unit != NULL && g_strcmp0 (pathways_record_get_string (PATHWAYS_RECORD (unit), "status"), "available") == 0)
    {
      g_autofree char *uk = pathways_date_format_uk (req->date);
      g_autofree char *reason = g_strdup_printf (_("Reserved for a move on %s"), uk);

      g_object_set (unit, "status", "reserved", "status-from", today, "status-to", NULL,
                    "status-reason", reason, NULL);
      if (!pathways_store_update (store, PATHWAYS_RECORD (unit), error))
        goto failed;
    }

  if (!pathways_store_commit_recorded (store, out_undo, error))
    return FALSE;
  if (out_transition_id)
    *out_transition_id = pathways_record_get_id (PATHWAYS_RECORD (move));
  return TRUE;

failed:
  pathways_store_rollback_recorded (store);
  return FALSE;
}

/* Is anyone else living in (state "current") or booked into ("planned")
 * @unit_id?  -1 with @error when it cannot be told */
static int
unit_has_other_spells (PathwaysStore  *store,
                       gint64          unit_id,
                       gint64          except_spell,
                       const char     *state,
                       GError        **error)
{
  gint64 n = pathways_store_count_unit_spells (store, unit_id, except_spell, state, error);

  return n < 0 ? -1 : n > 0;
}

static PathwaysTransition *
open_transition (PathwaysStore  *store,
                 gint64          transition_id,
                 GError        **error)
{
  g_autoptr(PathwaysTransition) move = pathways_store_get (store, PATHWAYS_TYPE_TRANSITION, transition_id, error);
  const char *state;

  if (move == NULL)
    return NULL;
  state = pathways_record_get_string (PATHWAYS_RECORD (move), "state");
  if (!g_str_equal (state, "confirmed") && !g_str_equal (state, "proposed"))
    {
      if (g_str_equal (state, "done"))
        g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                             _("This move has already happened"));
      else
        g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                             _("This move was cancelled"));
      return NULL;
    }
  return g_steal_pointer (&move);
}

/**
 * pathways_planner_mark_moved:
 * @moved_on: (nullable): the day they moved; %NULL for the planned day
 *
 * Ends the old spell, starts the new one, marks the move done and the
 * units occupied and free.
 */
gboolean
pathways_planner_mark_moved (PathwaysStore       *store,
                             gint64               transition_id,
                             const char          *moved_on,
                             PathwaysChangeSet  **out_undo,
                             GError             **error)
{
  g_autofree char *today = pathways_clock_dup_today (pathways_store_get_clock (store));
  g_autoptr(PathwaysTransition) move = NULL;
  g_autoptr(PathwaysSpell) from = NULL;
  g_autoptr(PathwaysSpell) to = NULL;
  g_autofree char *day = NULL;
  gint64 from_id, to_id, to_unit;

  if (!pathways_store_begin_recorded (store, error))
    return FALSE;

  move = open_transition (store, transition_id, error);
  if (move == NULL)
    goto failed;
  day = g_strdup (moved_on ? moved_on : pathways_record_get_string (PATHWAYS_RECORD (move), "planned-date"));
  if (strcmp (day, today) > 0)
    {
      g_autofree char *uk = pathways_date_format_uk (day);
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                   _("The move is on %s: it can be marked as done on or after that day"), uk);
      goto failed;
    }

  from_id = pathways_record_get_int (PATHWAYS_RECORD (move), "from-spell-id");
  to_id = pathways_record_get_int (PATHWAYS_RECORD (move), "to-spell-id");
  to_unit = pathways_record_get_int (PATHWAYS_RECORD (move), "to-unit-id");

  if (from_id != 0)
    {
      from = pathways_store_get (store, PATHWAYS_TYPE_SPELL, from_id, error);
      if (from == NULL)
        goto failed;
      if (g_strcmp0 (pathways_record_get_string (PATHWAYS_RECORD (from), "state"), "current") == 0)
        {
          g_object_set (from, "state", "ended", "actual-end", day, NULL);
          if (!pathways_store_update (store, PATHWAYS_RECORD (from), error))
            goto failed;
        }
    }

  to = pathways_store_get (store, PATHWAYS_TYPE_SPELL, to_id, error);
  if (to == NULL)
    goto failed;
  g_object_set (to, "state", "current", "start-date", day, NULL);
  if (!pathways_store_update (store, PATHWAYS_RECORD (to), error))
    goto failed;

  g_object_set (move, "state", "done", "planned-date", day, NULL);
  if (!pathways_store_update (store, PATHWAYS_RECORD (move), error))
    goto failed;

  if (to_unit != 0)
    {
      g_autoptr(PathwaysUnit) unit = pathways_store_get (store, PATHWAYS_TYPE_UNIT, to_unit, error);
      if (unit == NULL)
        goto failed;
      g_object_set (unit, "status", "occupied", "status-from", day, "status-to", NULL,
                    "status-reason", NULL, NULL);
      if (!pathways_store_update (store, PATHWAYS_RECORD (unit), error))
        goto failed;
    }

  /* The old unit is free again, unless someone else is there or coming */
  if (from != NULL && pathways_record_get_int (PATHWAYS_RECORD (from), "unit-id") != 0)
    {
      gint64 old_unit = pathways_record_get_int (PATHWAYS_RECORD (from), "unit-id");
      g_autoptr(PathwaysUnit) unit = pathways_store_get (store, PATHWAYS_TYPE_UNIT, old_unit, error);

      if (unit == NULL)
        goto failed;
      if (g_strcmp0 (pathways_unit_get_status (unit), "occupied") == 0)
        {
          int living = unit_has_other_spells (store, old_unit, from_id, "current", error);
          int booked = living == 0 ? unit_has_other_spells (store, old_unit, from_id, "planned", error) : 0;

          if (living < 0 || booked < 0)
            goto failed;
          if (living > 0)
            goto done;
          g_object_set (unit, "status", booked ? "reserved" : "available", "status-from", day,
                        "status-to", NULL, "status-reason", NULL, NULL);
          if (!pathways_store_update (store, PATHWAYS_RECORD (unit), error))
            goto failed;
        }
    }

done:
  return pathways_store_commit_recorded (store, out_undo, error);

failed:
  pathways_store_rollback_recorded (store);
  return FALSE;
}

/**
 * pathways_planner_cancel_move:
 *
 * Cancels a planned move: the planned spell goes, the current spell's
 * planned end is what it was before, and the unit is released.
 */
gboolean
pathways_planner_cancel_move (PathwaysStore       *store,
                              gint64               transition_id,
                              PathwaysChangeSet  **out_undo,
                              GError             **error)
{
  g_autofree char *today = pathways_clock_dup_today (pathways_store_get_clock (store));
  g_autoptr(PathwaysTransition) move = NULL;
  gint64 from_id, to_id, to_unit;

  if (!pathways_store_begin_recorded (store, error))
    return FALSE;

  move = open_transition (store, transition_id, error);
  if (move == NULL)
    goto failed;
  from_id = pathways_record_get_int (PATHWAYS_RECORD (move), "from-spell-id");
  to_id = pathways_record_get_int (PATHWAYS_RECORD (move), "to-spell-id");
  to_unit = pathways_record_get_int (PATHWAYS_RECORD (move), "to-unit-id");

  g_object_set (move, "state", "cancelled", "to-spell-id", (gint64) 0, NULL);
  if (!pathways_store_update (store, PATHWAYS_RECORD (move), error))
    goto failed;

  if (to_id != 0)
    {
      g_autoptr(PathwaysSpell) planned = pathways_store_get (store, PATHWAYS_TYPE_SPELL, to_id, error);
      if (planned == NULL || !pathways_store_delete (store, PATHWAYS_RECORD (planned), error))
        goto failed;
    }

  if (from_id != 0)
    {
      g_autoptr(PathwaysSpell) from = pathways_store_get (store, PATHWAYS_TYPE_SPELL, from_id, error);
      if (from == NULL)
        goto failed;
      if (g_strcmp0 (pathways_record_get_string (PATHWAYS_RECORD (from), "state"), "ended") != 0 &&
          g_strcmp0 (pathways_record_get_string (PATHWAYS_RECORD (from), "planned-end"),
                     pathways_record_get_string (PATHWAYS_RECORD (move), "planned-date")) == 0)
        {
          g_object_set (from, "planned-end",
                        pathways_record_get_string (PATHWAYS_RECORD (move), "from-planned-end"), NULL);
          if (!pathways_store_update (store, PATHWAYS_RECORD (from), error))
            goto failed;
        }
    }

  if (to_unit != 0)
    {
      g_autoptr(PathwaysUnit) unit = pathways_store_get (store, PATHWAYS_TYPE_UNIT, to_unit, error);
      int booked = 0;

      if (unit == NULL)
        goto failed;

      if (g_strcmp0 (pathways_unit_get_status (unit), "reserved") == 0 &&
          (booked = unit_has_other_spells (store, to_unit, to_id, "planned", error)) < 0)
        goto failed;
      if (g_strcmp0 (pathways_unit_get_status (unit), "reserved") == 0 && booked == 0)
        {
          g_object_set (unit, "status", "available", "status-from", today, "status-to", NULL,
                        "status-reason", NULL, NULL);
          if (!pathways_store_update (store, PATHWAYS_RECORD (unit), error))
            goto failed;
        }
    }

  return pathways_store_commit_recorded (store, out_undo, error);

failed:
  pathways_store_rollback_recorded (store);
  return FALSE;
}

/**
 * pathways_planner_set_milestone_done:
 * @done_on: (nullable): the day it was done; %NULL to untick
 */
gboolean
pathways_planner_set_milestone_done (PathwaysStore       *store,
                                     gint64               milestone_id,
                                     const char          *done_on,
                                     PathwaysChangeSet  **out_undo,
                                     GError             **error)
{
  g_autoptr(PathwaysMilestone) m = NULL;

  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  m = pathways_store_get (store, PATHWAYS_TYPE_MILESTONE, milestone_id, error);
  if (m == NULL)
    goto failed;
  g_object_set (m, "done-date", done_on, NULL);
  if (!pathways_store_update (store, PATHWAYS_RECORD (m), error))
    goto failed;
  return pathways_store_commit_recorded (store, out_undo, error);

failed:
  pathways_store_rollback_recorded (store);
  return FALSE;
}

/**
 * pathways_planner_save:
 *
 * Inserts @record if it has no id yet, otherwise updates it: one
 * recorded action (a profile edit, a new note, a custom milestone).
 */
gboolean
pathways_planner_save (PathwaysStore       *store,
                       PathwaysRecord      *record,
                       PathwaysChangeSet  **out_undo,
                       GError             **error)
{
  gboolean ok;

  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  if (pathways_record_get_id (record) == 0)
    ok = pathways_store_insert (store, record, error);
  else
    ok = pathways_store_update (store, record, error);
  if (!ok)
    {
      pathways_store_rollback_recorded (store);
      return FALSE;
    }
  return pathways_store_commit_recorded (store, out_undo, error);
}

/**
 * pathways_milestone_new_from_template:
 *
 * Returns: (transfer full) (nullable): the young person's milestone from
 * the template, due at the template's age; %NULL if the template does
 * not apply (a UASC-only milestone for someone who is not)
 */
PathwaysMilestone *
pathways_milestone_new_from_template (PathwaysRecord *t,
                                      PathwaysRecord *yp)
{
  g_autofree char *due = NULL;
  PathwaysMilestone *m;

  if (pathways_record_get_bool (t, "uasc-only") && !pathways_record_get_bool (yp, "uasc"))
    return NULL;
  due = pathways_date_add_months (pathways_record_get_string (yp, "date-of-birth"),
                                  (int) pathways_record_get_int (t, "due-age-months"));
  m = pathways_milestone_new ();
  g_object_set (m,
                "young-person-id", pathways_record_get_id (yp),
                "template-id", pathways_record_get_id (t),
                "name", pathways_record_get_string (t, "name"),
                "category", pathways_record_get_string (t, "category"),
                "due-date", due,
                NULL);
  return m;
}

/**
 * pathways_planner_add_person:
 *
 * Adds a young person and their milestones from the templates (those
 * due from their age on), in one recorded action.
 */
gboolean
pathways_planner_add_person (PathwaysStore        *store,
                             PathwaysYoungPerson  *yp,
                             PathwaysChangeSet   **out_undo,
                             GError              **error)
{
  g_autoptr(GListModel) templates = NULL;

  g_return_val_if_fail (pathways_record_get_id (PATHWAYS_RECORD (yp)) == 0, FALSE);

  templates = pathways_store_list (store, PATHWAYS_TYPE_MILESTONE_TEMPLATE, error);
  if (templates == NULL)
    return FALSE;

  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  if (!pathways_store_insert (store, PATHWAYS_RECORD (yp), error))
    goto failed;
  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(PathwaysRecord) t = g_list_model_get_item (templates, i);
      g_autoptr(PathwaysMilestone) m = pathways_milestone_new_from_template (t, PATHWAYS_RECORD (yp));

      if (m != NULL && !pathways_store_insert (store, PATHWAYS_RECORD (m), error))
        goto failed;
    }
  return pathways_store_commit_recorded (store, out_undo, error);

failed:
  pathways_store_rollback_recorded (store);
  pathways_record_set_id (PATHWAYS_RECORD (yp), 0);
  return FALSE;
}

/* The same actions in a worker thread --------------------------------- */

typedef struct {
  PathwaysMoveRequest  request;   /* its strings point into the copies below */
  char                *date;
  char                *address;
  char                *accom;
  char                *note;
  char                *accepted_warnings;
  gint64               id;        /* a transition or milestone */
  char                *day;       /* moved on / done on */
  PathwaysRecord      *record;    /* a copy, for save and add-person */
} ActionData;

static void
action_data_free (gpointer data)
{
  ActionData *d = data;

  g_free (d->date);
  g_free (d->address);
  g_free (d->accom);
  g_free (d->note);
  g_free (d->accepted_warnings);
  g_free (d->day);
  g_clear_object (&d->record);
  g_free (d);
}

static ActionData *
action_data_new_for_request (const PathwaysMoveRequest *req)
{
  ActionData *d = g_new0 (ActionData, 1);

  d->request = *req;
  d->request.date = d->date = g_strdup (req->date);
  d->request.address = d->address = g_strdup (req->address);
  d->request.accom = d->accom = g_strdup (req->accom);
  d->request.note = d->note = g_strdup (req->note);
  d->request.accepted_warnings = d->accepted_warnings = g_strdup (req->accepted_warnings);
  return d;
}

static gpointer
schedule_work (PathwaysStore  *store,
               gpointer        data,
               GError        **error)
{
  ActionData *d = data;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  PathwaysStoreActionResult *r;
  gint64 id = 0;

  if (!pathways_planner_schedule_move (store, &d->request, &id, &undo, error))
    return NULL;
  r = pathways_store_action_result_new ();
  r->id = id;
  r->undo = g_steal_pointer (&undo);
  return r;
}

/**
 * pathways_planner_schedule_move_async:
 * @request: copied: need not outlive the call
 *
 * pathways_planner_schedule_move() in a worker thread.
 */
void
pathways_planner_schedule_move_async (PathwaysStore             *store,
                                      const PathwaysMoveRequest *request,
                                      GCancellable              *cancellable,
                                      GAsyncReadyCallback        callback,
                                      gpointer                   user_data)
{
  g_return_if_fail (PATHWAYS_IS_STORE (store));
  g_return_if_fail (request != NULL);

  pathways_store_run_async (store, schedule_work, action_data_new_for_request (request), action_data_free,
                            pathways_store_action_result_free, pathways_planner_schedule_move_async,
                            cancellable, callback, user_data);
}

/* What every action's _finish does: hands out the undo (and the id) */
static gboolean
finish_action (PathwaysStore       *store,
               GAsyncResult        *result,
               gpointer             source_tag,
               gint64              *out_id,
               PathwaysRecord     **out_record,
               PathwaysChangeSet  **out_undo,
               GError             **error)
{
  PathwaysStoreActionResult *r = pathways_store_run_finish (store, result, source_tag, error);

  if (r == NULL)
    return FALSE;
  if (out_id)
    *out_id = r->id;
  if (out_record)
    *out_record = g_steal_pointer (&r->record);
  if (out_undo)
    *out_undo = g_steal_pointer (&r->undo);
  pathways_store_action_result_free (r);
  return TRUE;
}

/**
 * pathways_planner_schedule_move_finish:
 * @out_transition_id: (out) (optional): the move's id
 * @out_undo: (out) (optional) (transfer full): for pathways_store_undo()
 */
gboolean
pathways_planner_schedule_move_finish (PathwaysStore       *store,
                                       GAsyncResult        *result,
                                       gint64              *out_transition_id,
                                       PathwaysChangeSet  **out_undo,
                                       GError             **error)
{
  return finish_action (store, result, pathways_planner_schedule_move_async, out_transition_id, NULL,
                        out_undo, error);
}

typedef enum {
  ACTION_MARK_MOVED,
  ACTION_CANCEL_MOVE,
  ACTION_MILESTONE_DONE,
  ACTION_SAVE,
  ACTION_ADD_PERSON,
} ActionKind;

typedef struct {
  ActionData base;
  ActionKind kind;
} KindedData;

static gpointer
action_work (PathwaysStore  *store,
             gpointer        data,
             GError        **error)
{
  KindedData *k = data;
  ActionData *d = &k->base;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  PathwaysStoreActionResult *r;
  gboolean ok;

  switch (k->kind)
    {
    case ACTION_MARK_MOVED:
      ok = pathways_planner_mark_moved (store, d->id, d->day, &undo, error);
      break;
    case ACTION_CANCEL_MOVE:
      ok = pathways_planner_cancel_move (store, d->id, &undo, error);
      break;
    case ACTION_MILESTONE_DONE:
      ok = pathways_planner_set_milestone_done (store, d->id, d->day, &undo, error);
      break;
    case ACTION_SAVE:
      ok = pathways_planner_save (store, d->record, &undo, error);
      break;
    case ACTION_ADD_PERSON:
    default:
      ok = pathways_planner_add_person (store, PATHWAYS_YOUNG_PERSON (d->record), &undo, error);
      break;
    }
  if (!ok)
    return NULL;

  r = pathways_store_action_result_new ();
  r->undo = g_steal_pointer (&undo);
  r->record = g_steal_pointer (&d->record);
  r->id = r->record ? pathways_record_get_id (r->record) : d->id;
  return r;
}

static void
run_action (PathwaysStore       *store,
            ActionKind           kind,
            gint64               id,
            const char          *day,
            PathwaysRecord      *record,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  KindedData *k = g_new0 (KindedData, 1);

  k->kind = kind;
  k->base.id = id;
  k->base.day = g_strdup (day);
  k->base.record = record ? pathways_record_copy (record) : NULL;
  /* KindedData starts with its ActionData: one free function for both */
  pathways_store_run_async (store, action_work, k, action_data_free, pathways_store_action_result_free,
                            source_tag, cancellable, callback, user_data);
}

/**
 * pathways_planner_mark_moved_async:
 *
 * pathways_planner_mark_moved() in a worker thread; finish with
 * pathways_planner_action_finish().
 */
void
pathways_planner_mark_moved_async (PathwaysStore       *store,
                                   gint64               transition_id,
                                   const char          *moved_on,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (PATHWAYS_IS_STORE (store));

  run_action (store, ACTION_MARK_MOVED, transition_id, moved_on, NULL, pathways_planner_action_finish,
              cancellable, callback, user_data);
}

/**
 * pathways_planner_cancel_move_async:
 *
 * pathways_planner_cancel_move() in a worker thread; finish with
 * pathways_planner_action_finish().
 */
void
pathways_planner_cancel_move_async (PathwaysStore       *store,
                                    gint64               transition_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (PATHWAYS_IS_STORE (store));

  run_action (store, ACTION_CANCEL_MOVE, transition_id, NULL, NULL, pathways_planner_action_finish,
              cancellable, callback, user_data);
}

/**
 * pathways_planner_set_milestone_done_async:
 * @done_on: (nullable): the day it was done; %NULL to untick
 *
 * pathways_planner_set_milestone_done() in a worker thread; finish with
 * pathways_planner_action_finish().
 */
void
pathways_planner_set_milestone_done_async (PathwaysStore       *store,
                                           gint64               milestone_id,
                                           const char          *done_on,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (PATHWAYS_IS_STORE (store));

  run_action (store, ACTION_MILESTONE_DONE, milestone_id, done_on, NULL, pathways_planner_action_finish,
              cancellable, callback, user_data);
}

/**
 * pathways_planner_save_async:
 * @record: copied first: the caller's object is not touched
 *
 * pathways_planner_save() in a worker thread; finish with
 * pathways_planner_action_finish(), which hands back the stored copy.
 */
void
pathways_planner_save_async (PathwaysStore       *store,
                             PathwaysRecord      *record,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (PATHWAYS_IS_STORE (store));
  g_return_if_fail (PATHWAYS_IS_RECORD (record));

  run_action (store, ACTION_SAVE, 0, NULL, record, pathways_planner_action_finish,
              cancellable, callback, user_data);
}

/**
 * pathways_planner_add_person_async:
 * @young_person: copied first: the caller's object is not touched
 *
 * pathways_planner_add_person() in a worker thread; finish with
 * pathways_planner_action_finish(), which hands back the stored copy.
 */
void
pathways_planner_add_person_async (PathwaysStore       *store,
                                   PathwaysYoungPerson *young_person,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (PATHWAYS_IS_STORE (store));
  g_return_if_fail (PATHWAYS_IS_YOUNG_PERSON (young_person));
  g_return_if_fail (pathways_record_get_id (PATHWAYS_RECORD (young_person)) == 0);

  run_action (store, ACTION_ADD_PERSON, 0, NULL, PATHWAYS_RECORD (young_person), pathways_planner_action_finish,
              cancellable, callback, user_data);
}

/**
 * pathways_planner_action_finish:
 * @out_record: (out) (optional) (transfer full): for save and add-person,
 *   the record as stored (its id and version)
 * @out_undo: (out) (optional) (transfer full): for pathways_store_undo()
 *
 * Finishes pathways_planner_mark_moved_async(), _cancel_move_async(),
 * _set_milestone_done_async(), _save_async() and _add_person_async().
 */
gboolean
pathways_planner_action_finish (PathwaysStore       *store,
                                GAsyncResult        *result,
                                PathwaysRecord     **out_record,
                                PathwaysChangeSet  **out_undo,
                                GError             **error)
{
  return finish_action (store, result, pathways_planner_action_finish, NULL, out_record, out_undo, error);
}

static gpointer
check_work (PathwaysStore  *store,
            gpointer        data,
            GError        **error)
{
  ActionData *d = data;

  return pathways_planner_check_move (store, &d->request, error);
}

/**
 * pathways_planner_check_move_async:
 *
 * pathways_planner_check_move() in a worker thread.
 */
void
pathways_planner_check_move_async (PathwaysStore             *store,
                                   const PathwaysMoveRequest *request,
                                   GCancellable              *cancellable,
                                   GAsyncReadyCallback        callback,
                                   gpointer                   user_data)
{
  g_return_if_fail (PATHWAYS_IS_STORE (store));
  g_return_if_fail (request != NULL);

  pathways_store_run_async (store, check_work, action_data_new_for_request (request), action_data_free,
                            (GDestroyNotify) pathways_eligibility_free, pathways_planner_check_move_async,
                            cancellable, callback, user_data);
}

/**
 * pathways_planner_check_move_finish:
 *
 * Returns: (transfer full): the verdict, or %NULL with @error set
 */
PathwaysEligibility *
pathways_planner_check_move_finish (PathwaysStore  *store,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return pathways_store_run_finish (store, result, pathways_planner_check_move_async, error);
}

/**
 * pathways_planner_list_move_accom_codes:
 * @date: (nullable): ISO; %NULL: every code whatever its dates
 *
 * Returns: (transfer full): the ACCOM letters a scheduled move outside
 *   the register can have, from the store's reference table
 */
GListModel *
pathways_planner_list_move_accom_codes (PathwaysStore  *store,
                                        const char     *date,
                                        GError        **error)
{
  g_autoptr(GListModel) all = NULL;
  GListStore *codes;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), NULL);

  all = pathways_store_list_ref_codes (store, PATHWAYS_REF_ACCOM, date, error);
  if (all == NULL)
    return NULL;
  codes = g_list_store_new (PATHWAYS_TYPE_REF_CODE);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PathwaysRefCode) c = g_list_model_get_item (all, i);

      /* "0" is for a care leaver not in touch (or who died): not a place to move to */
      if (g_strcmp0 (pathways_ref_code_get_code (c), "0") != 0)
        g_list_store_append (codes, c);
    }
  return G_LIST_MODEL (codes);
}

static gpointer
accom_codes_work (PathwaysStore  *store,
                  gpointer        data,
                  GError        **error)
{
  return pathways_planner_list_move_accom_codes (store, data, error);
}

void
pathways_planner_list_move_accom_codes_async (PathwaysStore       *store,
                                              const char          *date,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_return_if_fail (PATHWAYS_IS_STORE (store));

  pathways_store_run_async (store, accom_codes_work, g_strdup (date), g_free, g_object_unref,
                            pathways_planner_list_move_accom_codes_async, cancellable, callback, user_data);
}

GListModel *
pathways_planner_list_move_accom_codes_finish (PathwaysStore  *store,
                                               GAsyncResult   *result,
                                               GError        **error)
{
  return pathways_store_run_finish (store, result, pathways_planner_list_move_accom_codes_async, error);
}
