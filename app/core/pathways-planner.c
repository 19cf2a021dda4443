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

  snap = pathways_snapshot_load (store, today, error);
  if (snap == NULL || (e = check_with_snapshot (snap, req, error)) == NULL)
    return FALSE;

  if (e->verdict == PATHWAYS_VERDICT_NOT_ELIGIBLE)
    {
      const PathwaysReason *r = g_ptr_array_index (e->reasons, 0);
      /* Translators: %s is the rule's reason, a sentence */
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                   _("This move cannot be scheduled: %s"), r->text);
      return FALSE;
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
      return FALSE;
    }

  person = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, req->young_person_id, error);
  if (person == NULL)
    return FALSE;
  if (req->unit_id != 0)
    {
      unit = pathways_store_get (store, PATHWAYS_TYPE_UNIT, req->unit_id, error);
      if (unit == NULL)
        return FALSE;
      kind = pathways_record_get_string (PATHWAYS_RECORD (unit), "kind");
    }
  accom = req->accom ? req->accom : (kind ? pathways_vocab_extra (PATHWAYS_VOCAB_UNIT_KIND, kind) : "Y");
  age = pathways_date_age_on (pathways_record_get_string (PATHWAYS_RECORD (person), "date-of-birth"), req->date);

  if (!pathways_store_begin_recorded (store, error))
    return FALSE;

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
                "accom-suitable", !(g_strcmp0 (accom, "W") == 0 || g_strcmp0 (accom, "V") == 0 ||
                                    g_strcmp0 (accom, "S") == 0 || g_strcmp0 (accom, "X") == 0),
                "start-date", req->date,
                "state", "planned",
                "weekly-cost", unit ? pathways_record_get_int (PATHWAYS_RECORD (unit), "weekly-cost") : (gint64) 0,
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

/* Is anyone else living in (state "current") or booked into ("planned") @unit_id? */
static gboolean
unit_has_other_spells (PathwaysStore *store,
                       gint64         unit_id,
                       gint64         except_spell,
                       const char    *state)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  pathways_store_lock (store);
  stmt = pathways_store_prepare (store, "SELECT count(*) FROM spell WHERE unit_id = ? AND id <> ? AND state = ?",
                                 NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, unit_id);
      sqlite3_bind_int64 (stmt, 2, except_spell);
      sqlite3_bind_text (stmt, 3, state, -1, SQLITE_TRANSIENT);
      found = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0;
      sqlite3_reset (stmt);
    }
  pathways_store_unlock (store);
  return found;
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
      if (g_strcmp0 (pathways_record_get_string (PATHWAYS_RECORD (unit), "status"), "occupied") == 0 &&
          !unit_has_other_spells (store, old_unit, from_id, "current"))
        {
          gboolean booked = unit_has_other_spells (store, old_unit, from_id, "planned");
          g_object_set (unit, "status", booked ? "reserved" : "available", "status-from", day,
                        "status-to", NULL, "status-reason", NULL, NULL);
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
      if (unit == NULL)
        goto failed;
      if (g_strcmp0 (pathways_record_get_string (PATHWAYS_RECORD (unit), "status"), "reserved") == 0 &&
          !unit_has_other_spells (store, to_unit, to_id, "planned"))
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
