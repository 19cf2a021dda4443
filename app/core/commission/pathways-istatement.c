/* pathways-istatement.c — I statements and the scores against them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-commission"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-commission-geo.h"
#include "pathways-format.h"
#include "pathways-istatement.h"
#include "pathways-snapshot.h"

static const struct { const char *code; const char *label; } measures[] = {
  { "distance_from_home", N_("Distance from home") },
  { "moves_12_months", N_("Moves in 12 months") },
  { "wishes_recorded", N_("Wishes and feelings recorded") },
  { "pa_contact", N_("Contact with their PA kept") },
  { "asked", N_("Asked at review") },
};

gboolean
pathways_i_statement_measure_is_valid (const char *measure)
{
  for (guint i = 0; measure != NULL && i < G_N_ELEMENTS (measures); i++)
    if (g_str_equal (measures[i].code, measure))
      return TRUE;
  return FALSE;
}

const char *
pathways_i_statement_measure_label (const char *measure)
{
  for (guint i = 0; measure != NULL && i < G_N_ELEMENTS (measures); i++)
    if (g_str_equal (measures[i].code, measure))
      return g_dgettext (GETTEXT_PACKAGE, measures[i].label);
  return measure;
}

gboolean
pathways_i_statement_answer (PathwaysStore      *store,
                             gint64              young_person_id,
                             gint64              statement_id,
                             const char         *answer,
                             const char         *asked_on,
                             PathwaysChangeSet **out_undo,
                             GError            **error)
{
  g_autoptr(PathwaysIStatement) st = NULL;
  g_autoptr(PathwaysIStatementAnswer) a = NULL;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), FALSE);

  if (g_strcmp0 (answer, "yes") != 0 && g_strcmp0 (answer, "partly") != 0 && g_strcmp0 (answer, "no") != 0)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                   _("The answer must be yes, partly or no, not “%s”"), answer ? answer : "");
      return FALSE;
    }
  if (asked_on == NULL || !pathways_date_parse_iso (asked_on, NULL))
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("Give the date the young person was asked"));
      return FALSE;
    }
  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  st = pathways_store_get (store, PATHWAYS_TYPE_I_STATEMENT, statement_id, error);
  if (st == NULL)
    goto failed;
  if (g_strcmp0 (pathways_i_statement_get_measure (st), "asked") != 0)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                   _("“%s” is measured from the records (%s), not asked"), pathways_i_statement_get_text (st),
                   pathways_i_statement_measure_label (pathways_i_statement_get_measure (st)));
      goto failed;
    }
  a = g_object_new (PATHWAYS_TYPE_I_STATEMENT_ANSWER, "young-person-id", young_person_id,
                    "statement-id", statement_id, "answer", answer, "asked-on", asked_on, NULL);
  if (!pathways_store_insert (store, PATHWAYS_RECORD (a), error))
    goto failed;
  return pathways_store_commit_recorded (store, out_undo, error);

failed:
  pathways_store_rollback_recorded (store);
  return FALSE;
}

static void
group_free (PathwaysIStatementGroup *g)
{
  g_free (g->name);
  g_free (g->code);
  g_free (g->tallies);
  g_free (g);
}

void
pathways_i_statement_scores_free (PathwaysIStatementScores *scores)
{
  if (scores == NULL)
    return;
  g_free (scores->on);
  g_clear_pointer (&scores->statements, g_ptr_array_unref);
  g_clear_pointer (&scores->groups, g_ptr_array_unref);
  g_free (scores);
}

static int
statement_compare (gconstpointer a,
                   gconstpointer b)
{
  PathwaysIStatement *x = *(PathwaysIStatement **) a;
  PathwaysIStatement *y = *(PathwaysIStatement **) b;
  gint64 d = pathways_i_statement_get_position (x) - pathways_i_statement_get_position (y);

  if (d != 0)
    return d < 0 ? -1 : 1;
  return pathways_record_get_id (PATHWAYS_RECORD (x)) < pathways_record_get_id (PATHWAYS_RECORD (y)) ? -1 : 1;
}

static int
group_compare (gconstpointer a,
               gconstpointer b)
{
  const PathwaysIStatementGroup *x = *(PathwaysIStatementGroup * const *) a;
  const PathwaysIStatementGroup *y = *(PathwaysIStatementGroup * const *) b;

  return g_utf8_collate (x->name, y->name);
}

typedef enum { ANSWER_UNKNOWN, ANSWER_YES, ANSWER_PARTLY, ANSWER_NO } Answer;

static Answer
answer_of (const char *text)
{
  if (g_strcmp0 (text, "yes") == 0)
    return ANSWER_YES;
  if (g_strcmp0 (text, "partly") == 0)
    return ANSWER_PARTLY;
  if (g_strcmp0 (text, "no") == 0)
    return ANSWER_NO;
  return ANSWER_UNKNOWN;
}

/* Is @s the placement of its young person on @on (day number)? */
static gboolean
spell_on (PathwaysRecord *s,
          PathwaysDay     on)
{
  PathwaysDay start, end;
  const char *actual_end = pathways_record_get_string (s, "actual-end");

  if (g_strcmp0 (pathways_record_get_string (s, "state"), "planned") == 0 ||
      !pathways_day_from_iso (pathways_record_get_string (s, "start-date"), &start) || start > on)
    return FALSE;
  return !(actual_end != NULL && pathways_day_from_iso (actual_end, &end) && end <= on);
}

PathwaysIStatementScores *
pathways_i_statement_scores_compute (PathwaysStore              *store,
                                     const char                 *on,
                                     PathwaysIStatementGrouping  grouping,
                                     GError                    **error)
{
  g_autoptr(PathwaysIStatementScores) scores = g_new0 (PathwaysIStatementScores, 1);
  g_autoptr(GListModel) statements = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) spells = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(PathwaysSnapshot) snap = NULL;
  g_autoptr(PathwaysCommissionGeo) geo = NULL;
  g_autoptr(GHashTable) unit_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  PathwaysDay day;
  int contact_days;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), NULL);
  if (on == NULL || !pathways_day_from_iso (on, &day))
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID, _("The scores need a day"));
      return NULL;
    }

  if (!pathways_store_begin_read (store, error))
    return NULL;
  statements = pathways_store_list (store, PATHWAYS_TYPE_I_STATEMENT, error);
  if (statements != NULL)
    people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, error);
  if (people != NULL)
    spells = pathways_store_list (store, PATHWAYS_TYPE_SPELL, error);
  if (spells != NULL)
    units = pathways_store_list (store, PATHWAYS_TYPE_UNIT, error);
  if (units != NULL)
    answers = pathways_store_list (store, PATHWAYS_TYPE_I_STATEMENT_ANSWER, error);
  if (answers != NULL)
    snap = pathways_snapshot_load (store, on, error);
  if (snap != NULL)
    geo = pathways_commission_geo_load (store, error);
  pathways_store_end_read (store);
  if (geo == NULL)
    return NULL;
  contact_days = pathways_snapshot_get_settings (snap)->contact_interval_days;

  scores->on = g_strdup (on);
  scores->statements = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(PathwaysIStatement) st = g_list_model_get_item (statements, i);
      if (!pathways_i_statement_get_retired (st))
        g_ptr_array_add (scores->statements, g_steal_pointer (&st));
    }
  g_ptr_array_sort (scores->statements, statement_compare);
  scores->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      PathwaysRecord *u = g_list_model_get_item (units, i);
      gint64 *key = g_new (gint64, 1);
      *key = pathways_record_get_id (u);
      g_hash_table_insert (unit_index, key, u);
    }
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(PathwaysIStatementAnswer) a = g_list_model_get_item (answers, i);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                                              pathways_i_statement_answer_get_young_person_id (a),
                                              pathways_i_statement_answer_get_statement_id (a));
      PathwaysIStatementAnswer *had = g_hash_table_lookup (latest, key);

      if (strcmp (pathways_i_statement_answer_get_asked_on (a), on) > 0)
        continue;
      if (had == NULL || strcmp (pathways_i_statement_answer_get_asked_on (a),
                                 pathways_i_statement_answer_get_asked_on (had)) >= 0)
        g_hash_table_insert (latest, g_steal_pointer (&key), g_steal_pointer (&a));
    }

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PathwaysYoungPerson) yp = g_list_model_get_item (people, i);
      gint64 id = pathways_record_get_id (PATHWAYS_RECORD (yp));
      PathwaysRecord *current = NULL, *unit = NULL;
      PathwaysIStatementGroup *g;
      const char *name;
      g_autofree char *kind_code = NULL;
      int moves = 0;
      PathwaysDay year_ago = day - 365;

      for (guint j = 0; j < g_list_model_get_n_items (spells); j++)
        {
          g_autoptr(PathwaysRecord) s = g_list_model_get_item (spells, j);
          PathwaysDay start;

          if (pathways_record_get_int (s, "young-person-id") != id)
            continue;
          if (spell_on (s, day))
            g_set_object (&current, s);
          if (g_strcmp0 (pathways_record_get_string (s, "state"), "planned") != 0 &&
              pathways_day_from_iso (pathways_record_get_string (s, "start-date"), &start) &&
              start > year_ago && start <= day)
            moves++;
        }
      if (current == NULL)
        continue;
      {
        gint64 uid = pathways_record_get_int (current, "unit-id");
        unit = g_hash_table_lookup (unit_index, &uid);
      }
      kind_code = g_strdup (pathways_provision_kind_of_spell (pathways_record_get_string (current, "place"),
                                                              pathways_record_get_string (current, "place-provider"),
                                                              unit ? pathways_record_get_string (unit, "kind") : NULL));
      if (grouping == PATHWAYS_I_STATEMENT_BY_PROVIDER)
        {
          name = unit ? pathways_record_get_string (unit, "provider") : NULL;
          if (name == NULL || *name == '\0')
            name = unit ? _("Provider not recorded") : _("Not in the register");
        }
      else
        name = pathways_provision_kind_label (kind_code);

      g = g_hash_table_lookup (groups, name);
      if (g == NULL)
        {
          g = g_new0 (PathwaysIStatementGroup, 1);
          g->name = g_strdup (name);
          g->code = grouping == PATHWAYS_I_STATEMENT_BY_KIND ? g_strdup (kind_code) : NULL;
          g->tallies = g_new0 (PathwaysIStatementTally, MAX (scores->statements->len, 1));
          g_hash_table_insert (groups, g->name, g);
          g_ptr_array_add (scores->groups, g);
        }
      g->young_people++;

      for (guint k = 0; k < scores->statements->len; k++)
        {
          PathwaysIStatement *st = g_ptr_array_index (scores->statements, k);
          const char *measure = pathways_i_statement_get_measure (st);
          double threshold = pathways_i_statement_get_threshold (st);
          Answer a = ANSWER_UNKNOWN;

          if (g_strcmp0 (measure, "distance_from_home") == 0)
            {
              const char *home = pathways_commission_geo_home_area (geo, id);
              const char *area = unit ? pathways_record_get_string (unit, "area") : NULL;
              double miles = pathways_commission_geo_miles (geo, home, area);

              if (miles >= 0)
                a = miles <= threshold ? ANSWER_YES : ANSWER_NO;
            }
          else if (g_strcmp0 (measure, "moves_12_months") == 0)
            /* The start of the placement they are in counts as a move
             * when it began within the year */
            a = moves <= (int) threshold ? ANSWER_YES : ANSWER_NO;
          else if (g_strcmp0 (measure, "wishes_recorded") == 0)
            {
              const char *w = pathways_young_person_get_wishes_feelings (yp);
              g_autofree char *stripped = w ? g_strstrip (g_strdup (w)) : NULL;
              a = stripped && *stripped ? ANSWER_YES : ANSWER_NO;
            }
          else if (g_strcmp0 (measure, "pa_contact") == 0)
            {
              const char *last = pathways_young_person_get_last_contact_date (yp);
              int within = threshold > 0 ? (int) threshold : contact_days;
              PathwaysDay d;

              a = last != NULL && pathways_day_from_iso (last, &d) && d <= day && day - d <= within
                  ? ANSWER_YES : ANSWER_NO;
            }
          else
            {
              g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, id,
                                                      pathways_record_get_id (PATHWAYS_RECORD (st)));
              PathwaysIStatementAnswer *ans = g_hash_table_lookup (latest, key);
              a = ans ? answer_of (pathways_i_statement_answer_get_answer (ans)) : ANSWER_UNKNOWN;
            }
          switch (a)
            {
            case ANSWER_YES: g->tallies[k].yes++; break;
            case ANSWER_PARTLY: g->tallies[k].partly++; break;
            case ANSWER_NO: g->tallies[k].no++; break;
            case ANSWER_UNKNOWN: default: g->tallies[k].unknown++; break;
            }
        }
      g_clear_object (&current);
    }

  for (guint i = 0; i < scores->groups->len; i++)
    {
      PathwaysIStatementGroup *g = g_ptr_array_index (scores->groups, i);
      for (guint k = 0; k < scores->statements->len; k++)
        {
          PathwaysIStatementTally *t = &g->tallies[k];
          int n = t->yes + t->partly + t->no;
          t->score = n > 0 ? 100.0 * (t->yes + 0.5 * t->partly) / n : -1;
        }
    }
  g_ptr_array_sort (scores->groups, group_compare);
  return g_steal_pointer (&scores);
}

const PathwaysIStatementGroup *
pathways_i_statement_scores_find (PathwaysIStatementScores *scores,
                                  const char               *name)
{
  for (guint i = 0; scores != NULL && i < scores->groups->len; i++)
    {
      const PathwaysIStatementGroup *g = g_ptr_array_index (scores->groups, i);
      if (g_strcmp0 (g->name, name) == 0 || g_strcmp0 (g->code, name) == 0)
        return g;
    }
  return NULL;
}

static char *
score_text (const PathwaysIStatementTally *t)
{
  if (t->score < 0)
    return g_strdup (_("no answers"));
  /* Translators: a score against an I statement: percent, then how many said yes, partly, no */
  return g_strdup_printf (_("%.0f%% (%d yes, %d partly, %d no)"), t->score, t->yes, t->partly, t->no);
}

char *
pathways_i_statement_scores_to_text (PathwaysIStatementScores *scores)
{
  GString *s = g_string_new (NULL);
  g_autofree char *uk = pathways_date_format_uk (scores->on);

  g_string_append_printf (s, _("I statements: how young people placed on %s score\n"), uk);
  for (guint i = 0; i < scores->groups->len; i++)
    {
      PathwaysIStatementGroup *g = g_ptr_array_index (scores->groups, i);

      g_autofree char *who = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d young person",
                                                           "%d young people", g->young_people),
                                              g->young_people);

      g_string_append_printf (s, "\n%s — %s\n", g->name, who);
      for (guint k = 0; k < scores->statements->len; k++)
        {
          PathwaysIStatement *st = g_ptr_array_index (scores->statements, k);
          g_autofree char *score = score_text (&g->tallies[k]);
          g_string_append_printf (s, "  “%s” %s\n", pathways_i_statement_get_text (st), score);
        }
    }
  return g_string_free (s, FALSE);
}

char *
pathways_i_statement_scores_to_csv (PathwaysIStatementScores *scores)
{
  GString *s = g_string_new ("group,young_people,statement,measure,yes,partly,no,unknown,score\n");

  for (guint i = 0; i < scores->groups->len; i++)
    {
      PathwaysIStatementGroup *g = g_ptr_array_index (scores->groups, i);
      for (guint k = 0; k < scores->statements->len; k++)
        {
          PathwaysIStatement *st = g_ptr_array_index (scores->statements, k);
          const PathwaysIStatementTally *t = &g->tallies[k];
          g_autoptr(GString) name = g_string_new (g->name);
          g_autoptr(GString) text = g_string_new (pathways_i_statement_get_text (st));

          g_string_replace (name, "\"", "\"\"", 0);
          g_string_replace (text, "\"", "\"\"", 0);
          g_string_append_printf (s, "\"%s\",%d,\"%s\",%s,%d,%d,%d,%d,", name->str, g->young_people, text->str,
                                  pathways_i_statement_get_measure (st), t->yes, t->partly, t->no, t->unknown);
          if (t->score >= 0)
            g_string_append_printf (s, "%.1f", t->score);
          g_string_append_c (s, '\n');
        }
    }
  return g_string_free (s, FALSE);
}
