/* pathways-postgres-reads.c — the named reads of the PostgreSQL backend
 *
 * The same queries as the embedded backend's, in PostgreSQL's dialect
 * ($n parameters, typed NULL tests, json for the audit's before and
 * after).  Each bulk read runs in one REPEATABLE READ snapshot so its
 * queries agree with each other.  Row-level security decides which rows
 * come back; a column the signed-in role may not read is NULL, and a
 * table it may not read at all (a housing officer's notes and
 * milestones) reads as empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-postgres"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-postgres-internal.h"

typedef void (*RowFunc) (PGresult *res,
                         int       row,
                         gpointer  data);

static gboolean
each_row (PathwaysPostgresStore  *self,
          PathwaysPgConn         *conn,
          const char             *sql,
          const char             *param1,
          const char             *param2,
          RowFunc                 row,
          gpointer                data,
          GError                **error)
{
  g_autofree char *visible = pathways_pg_hide_columns (self, sql);
  const char *params[] = { param1, param2 };
  int n_params = param2 ? 2 : param1 ? 1 : 0;
  PGresult *res = pathways_pg_query (self, conn, visible, n_params, params, error);
  int n;

  if (res == NULL)
    return FALSE;
  n = PQntuples (res);
  for (int r = 0; r < n; r++)
    row (res, r, data);
  PQclear (res);
  return TRUE;
}

static PathwaysPgConn *
begin_bulk (PathwaysPostgresStore  *self,
            GError                **error)
{
  PathwaysPgConn *conn;

  if (!pathways_store_begin_read (PATHWAYS_STORE (self), error))
    return NULL;
  conn = pathways_pg_acquire (self, error);
  if (conn == NULL)
    pathways_store_end_read (PATHWAYS_STORE (self));
  return conn;
}

static void
end_bulk (PathwaysPostgresStore *self,
          PathwaysPgConn        *conn)
{
  pathways_pg_release (self, conn);
  pathways_store_end_read (PATHWAYS_STORE (self));
}

static const char *
chunk (GStringChunk *strings,
       PGresult     *res,
       int           row,
       int           col)
{
  const char *s = PG_TEXT (res, row, col);

  return s ? g_string_chunk_insert (strings, s) : NULL;
}

#define INT(c) pathways_pg_int (res, row, (c))
#define BOOL(c) pathways_pg_bool (res, row, (c))
#define TEXT(c) PG_TEXT (res, row, (c))

/* Reference codes, settings, bank holidays, audit --------------------- */

static GListModel *
pg_list_ref_codes (PathwaysStore  *store,
                   const char     *list,
                   const char     *code,
                   const char     *on_date,
                   GError        **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  g_autoptr(GTypeClass) klass = g_type_class_ref (PATHWAYS_TYPE_REF_CODE);
  g_autofree char *sql = NULL;
  const char *params[] = { list, code, on_date };
  GListModel *result = NULL;
  PathwaysPgConn *conn;
  PGresult *res;

  sql = pathways_pg_select_sql (self, PATHWAYS_RECORD_CLASS (klass),
                                "WHERE list = $1 AND ($2::text IS NULL OR code = $2) AND ($3::text IS NULL OR "
                                "((valid_from IS NULL OR valid_from <= $3) AND (valid_to IS NULL OR valid_to > $3)))"
                                " ORDER BY code, valid_from NULLS FIRST");
  if ((conn = pathways_pg_acquire (self, error)) == NULL)
    return NULL;
  res = pathways_pg_query (self, conn, sql, 3, params, error);
  pathways_pg_release (self, conn);
  if (res != NULL)
    {
      result = pathways_pg_collect (PATHWAYS_TYPE_REF_CODE, res);
      PQclear (res);
    }
  return result;
}

static void
setting_row (PGresult *res,
             int       row,
             gpointer  data)
{
  g_hash_table_replace (data, g_strdup (TEXT (0)), g_strdup (TEXT (1)));
}

static GHashTable *
read_settings (PathwaysPostgresStore  *self,
               PathwaysPgConn         *conn,
               GError                **error)
{
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!each_row (self, conn, "SELECT key, value FROM setting", NULL, NULL, setting_row, map, error))
    return NULL;
  return g_steal_pointer (&map);
}

static void
holiday_row (PGresult *res,
             int       row,
             gpointer  data)
{
  g_ptr_array_add (data, g_strdup (TEXT (0)));
}

static GPtrArray *
read_bank_holidays (PathwaysPostgresStore  *self,
                    PathwaysPgConn         *conn,
                    GError                **error)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);

  if (!each_row (self, conn, "SELECT day FROM bank_holiday WHERE region = 'england-and-wales' ORDER BY day",
                 NULL, NULL, holiday_row, days, error))
    return NULL;
  return g_steal_pointer (&days);
}

static GHashTable *
pg_dup_settings (PathwaysStore  *store,
                 GError        **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  PathwaysPgConn *conn = pathways_pg_acquire (self, error);
  GHashTable *map;

  if (conn == NULL)
    return NULL;
  map = read_settings (self, conn, error);
  pathways_pg_release (self, conn);
  return map;
}

static GPtrArray *
pg_dup_bank_holidays (PathwaysStore  *store,
                      GError        **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  PathwaysPgConn *conn = pathways_pg_acquire (self, error);
  GPtrArray *days;

  if (conn == NULL)
    return NULL;
  days = read_bank_holidays (self, conn, error);
  pathways_pg_release (self, conn);
  return days;
}

static GListModel *
pg_list_audit (PathwaysStore  *store,
               const char     *table,
               gint64          row_id,
               GError        **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, row_id);
  const char *params[] = { table, sid };
  GListModel *result = NULL;
  PathwaysPgConn *conn;
  PGresult *res;

  if ((conn = pathways_pg_acquire (self, error)) == NULL)
    return NULL;
  res = pathways_pg_query (self, conn,
                           "SELECT id, at, actor, staff_id, staff_name, table_name, row_id, action, before_values,"
                           "       after_values, redacted, content_digest, chain_digest"
                           "  FROM audit_log WHERE ($1::text IS NULL OR table_name = $1)"
                           "   AND ($2::bigint = 0 OR row_id = $2) ORDER BY id DESC",
                           2, params, error);
  pathways_pg_release (self, conn);
  if (res != NULL)
    {
      result = pathways_pg_collect (PATHWAYS_TYPE_AUDIT_ENTRY, res);
      PQclear (res);
    }
  return result;
}

static GListModel *
pg_list_audit_for_person (PathwaysStore  *store,
                          gint64          young_person_id,
                          GError        **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, young_person_id);
  const char *params[] = { sid };
  GListModel *result = NULL;
  PathwaysPgConn *conn;
  PGresult *res;

  if ((conn = pathways_pg_acquire (self, error)) == NULL)
    return NULL;
  res = pathways_pg_query (self, conn,
                           "SELECT id, at, actor, staff_id, staff_name, table_name, row_id, action, before_values,"
                           "       after_values, redacted, content_digest, chain_digest"
                           "  FROM audit_log WHERE (table_name = 'young_person' AND row_id = $1::bigint)"
                           "    OR (coalesce(after_values, before_values)->>'young_person_id')::bigint = $1::bigint"
                           " ORDER BY id DESC",
                           1, params, error);
  pathways_pg_release (self, conn);
  if (res != NULL)
    {
      result = pathways_pg_collect (PATHWAYS_TYPE_AUDIT_ENTRY, res);
      PQclear (res);
    }
  return result;
}

/* The same bytes as the embedded backend's digests (pathways-sqlite-audit.c) */
static void
canon_append (GString    *out,
              const char *value,
              gboolean    integer)
{
  if (value == NULL)
    g_string_append (out, "N;");
  else if (integer)
    g_string_append_printf (out, "I%s;", value);
  else
    {
      g_string_append_printf (out, "T%" G_GSIZE_FORMAT ":", strlen (value));
      g_string_append (out, value);
      g_string_append_c (out, ';');
    }
}

static gboolean
pg_verify_audit (PathwaysStore       *store,
                 PathwaysAuditCheck  *check,
                 GError             **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  const char *role = pathways_store_get_signed_in_role (store);
  g_autofree char *previous = NULL;
  gint64 previous_id = 0;
  PathwaysPgConn *conn;
  PGresult *res;

  /* Row-level security shows a PA or housing officer part of the log only */
  if (g_strcmp0 (role, "pa") == 0 || g_strcmp0 (role, "housing") == 0)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_FORBIDDEN,
                           _("Only a manager or an administrator can verify the audit log: others see part of it"));
      return FALSE;
    }
  if ((conn = pathways_pg_acquire (self, error)) == NULL)
    return FALSE;
  res = pathways_pg_query (self, conn,
                           "SELECT id, at, actor, staff_id, staff_name, table_name, row_id, action,"
                           "       before_values::text, after_values::text, redacted, content_digest, chain_digest"
                           "  FROM audit_log ORDER BY id", 0, NULL, error);
  pathways_pg_release (self, conn);
  if (res == NULL)
    return FALSE;

  for (int r = 0; r < PQntuples (res); r++)
    {
      gint64 id = g_ascii_strtoll (PQgetvalue (res, r, 0), NULL, 10);
      const char *stored_content = PG_TEXT (res, r, 11);
      const char *stored_chain = PG_TEXT (res, r, 12);
      g_autofree char *chain_text = NULL;
      g_autofree char *chain = NULL;

      check->n_rows++;
      if (PG_TEXT (res, r, 10) != NULL)
        {
          check->n_redacted++;
          if (PG_TEXT (res, r, 8) != NULL || PG_TEXT (res, r, 9) != NULL)
            {
              check->broken_row = id;
              check->problem = g_strdup (_("the row is marked as redacted but still holds content"));
              break;
            }
        }
      else
        {
          g_autoptr(GString) canon = g_string_new ("pathways-audit-row-v1:");
          g_autofree char *content = NULL;

          for (int c = 0; c < 10; c++)
            canon_append (canon, PG_TEXT (res, r, c), c == 0 || c == 3 || c == 6);
          content = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) canon->str, canon->len);
          if (g_strcmp0 (content, stored_content) != 0)
            {
              check->broken_row = id;
              check->problem = g_strdup (_("the row's content does not match its digest: it was changed "
                                           "after it was written, or written by another program"));
              break;
            }
        }
      chain_text = g_strconcat ("pathways-audit-chain-v1:", previous ? previous : "", ":",
                                stored_content ? stored_content : "", NULL);
      chain = g_compute_checksum_for_string (G_CHECKSUM_SHA256, chain_text, -1);
      if (g_strcmp0 (chain, stored_chain) != 0)
        {
          check->broken_row = id;
          if (previous_id == 0)
            check->problem = g_strdup (_("the first row does not start the chain: earlier rows were removed, "
                                         "or the row was forged"));
          else
            check->problem = g_strdup_printf (_("the row does not follow row %" G_GINT64_FORMAT
                                                " in the chain: rows between them were removed, or the row "
                                                "was inserted or forged"), previous_id);
          break;
        }
      g_free (previous);
      previous = g_strdup (stored_chain);
      previous_id = id;
    }
  PQclear (res);
  return TRUE;
}

static gboolean
pg_erase_person (PathwaysStore  *store,
                 gint64          young_person_id,
                 gint64         *out_n_redacted,
                 GError        **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, young_person_id);
  const char *params[] = { sid };
  PathwaysPgConn *writer = pathways_pg_acquire (self, error);  /* in the transaction: the writer */
  PGresult *res;

  if (writer == NULL)
    return FALSE;
  res = pathways_pg_query (self, writer, "SELECT pathways_erase_person($1::bigint)", 1, params, error);
  pathways_pg_release (self, writer);
  if (res == NULL)
    return FALSE;
  if (out_n_redacted)
    *out_n_redacted = pathways_pg_int (res, 0, 0);
  PQclear (res);
  return TRUE;
}

static gint64
pg_count_unit_spells (PathwaysStore  *store,
                      gint64          unit_id,
                      gint64          except_spell_id,
                      const char     *state,
                      GError        **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  g_autofree char *su = g_strdup_printf ("%" G_GINT64_FORMAT, unit_id);
  g_autofree char *se = g_strdup_printf ("%" G_GINT64_FORMAT, except_spell_id);
  const char *params[] = { su, se, state };
  PathwaysPgConn *conn;
  PGresult *res;
  gint64 n = -1;

  if ((conn = pathways_pg_acquire (self, error)) == NULL)
    return -1;
  res = pathways_pg_query (self, conn, "SELECT count(*) FROM spell WHERE unit_id = $1 AND id <> $2 AND state = $3",
                           3, params, error);
  pathways_pg_release (self, conn);
  if (res != NULL)
    {
      n = pathways_pg_int (res, 0, 0);
      PQclear (res);
    }
  return n;
}

/* The rules' facts ---------------------------------------------------- */

static void
person_facts_row (PGresult *res,
                  int       row,
                  gpointer  data)
{
  PathwaysStoreFacts *f = data;
  PathwaysStorePersonFacts *pf = pathways_store_facts_new_row (f, PathwaysStorePersonFacts);
  PathwaysPersonFacts *p = &pf->facts;
  int c = 0;

  p->id = INT (c++);
  pf->given_name = chunk (f->strings, res, row, c++);
  pf->family_name = chunk (f->strings, res, row, c++);
  pf->preferred_name = chunk (f->strings, res, row, c++);
  p->date_of_birth = chunk (f->strings, res, row, c++);
  p->uasc = BOOL (c++);
  p->immigration_status = chunk (f->strings, res, row, c++);
  p->appeal_stage = chunk (f->strings, res, row, c++);
  p->are_date = chunk (f->strings, res, row, c++);
  p->age_assessment = chunk (f->strings, res, row, c++);
  p->human_rights_assessment_date = chunk (f->strings, res, row, c++);
  p->date_first_looked_after = chunk (f->strings, res, row, c++);
  p->days_since_14 = INT (c++);
  p->days_since_16 = INT (c++);
  p->date_care_ended = chunk (f->strings, res, row, c++);
  p->last_placement = chunk (f->strings, res, row, c++);
  p->returned_home_6_months = BOOL (c++);
  p->special_guardianship = BOOL (c++);
  p->custody_or_hospital_at_16 = BOOL (c++);
  p->needs_assessment_date = chunk (f->strings, res, row, c++);
  p->pathway_plan_review_date = chunk (f->strings, res, row, c++);
  p->last_contact_date = chunk (f->strings, res, row, c++);
  p->pa_id = INT (c++);
  p->preferred_area = chunk (f->strings, res, row, c++);
  p->closed_on = chunk (f->strings, res, row, c++);
  p->pa_support_after_21 = pathways_store_intern (f->strings, TEXT (c++));
  p->pa_support_offered_on = chunk (f->strings, res, row, c++);
  pf->local_id = chunk (f->strings, res, row, c++);
  pf->team = pathways_store_intern (f->strings, TEXT (c++));
  pf->pa_name = pathways_store_intern (f->strings, TEXT (c++));
  g_ptr_array_add (f->people, pf);
}

static void
contact_tally_row (PGresult *res,
                   int       row,
                   gpointer  data)
{
  PathwaysStoreFacts *f = data;
  PathwaysStoreContactTally t = { 0 };

  t.young_person_id = INT (0);
  t.kind = pathways_store_intern (f->strings, TEXT (1));
  t.latest = chunk (f->strings, res, row, 2);
  g_array_append_val (f->contacts, t);
}

static void
activity_facts_row (PGresult *res,
                    int       row,
                    gpointer  data)
{
  PathwaysStoreFacts *f = data;
  PathwaysActivityFacts *a = pathways_store_facts_new_row (f, PathwaysActivityFacts);

  a->person_id = INT (0);
  a->activ = pathways_store_intern (f->strings, TEXT (1));
  a->start = chunk (f->strings, res, row, 2);
  a->end = chunk (f->strings, res, row, 3);
  g_ptr_array_add (f->activities, a);
}

static void
unit_facts_row (PGresult *res,
                int       row,
                gpointer  data)
{
  PathwaysStoreFacts *f = data;
  PathwaysUnitFacts *u = pathways_store_facts_new_row (f, PathwaysUnitFacts);
  int c = 0;

  u->id = INT (c++);
  u->name = chunk (f->strings, res, row, c++);
  u->kind = chunk (f->strings, res, row, c++);
  u->area = chunk (f->strings, res, row, c++);
  u->in_authority = BOOL (c++);
  u->registration = chunk (f->strings, res, row, c++);
  u->ofsted_urn = chunk (f->strings, res, row, c++);
  u->min_age = (int) INT (c++);
  u->max_age = (int) INT (c++);
  u->support_hours = pathways_pg_double (res, row, c++);
  u->status = chunk (f->strings, res, row, c++);
  u->status_from = chunk (f->strings, res, row, c++);
  u->status_to = chunk (f->strings, res, row, c++);
  u->status_reason = chunk (f->strings, res, row, c++);
  u->retired_on = chunk (f->strings, res, row, c++);
  u->weekly_cost = INT (c++);
  u->provider = chunk (f->strings, res, row, c++);
  u->address = chunk (f->strings, res, row, c++);
  u->postcode = chunk (f->strings, res, row, c++);
  u->bedrooms = (int) INT (c++);
  g_ptr_array_add (f->units, u);
}

static void
spell_facts_row (PGresult *res,
                 int       row,
                 gpointer  data)
{
  PathwaysStoreFacts *f = data;
  PathwaysSpellFacts *s = pathways_store_facts_new_row (f, PathwaysSpellFacts);
  int c = 0;

  s->id = INT (c++);
  s->person_id = INT (c++);
  s->unit_id = INT (c++);
  s->accom = chunk (f->strings, res, row, c++);
  s->suitable = BOOL (c++);
  s->place = chunk (f->strings, res, row, c++);
  s->start = chunk (f->strings, res, row, c++);
  s->planned_end = chunk (f->strings, res, row, c++);
  s->actual_end = chunk (f->strings, res, row, c++);
  s->state = pathways_store_intern (f->strings, TEXT (c++));
  s->address = chunk (f->strings, res, row, c++);
  g_ptr_array_add (f->spells, s);
}

static void
episode_facts_row (PGresult *res,
                   int       row,
                   gpointer  data)
{
  PathwaysStoreFacts *f = data;
  PathwaysEpisodeFacts *e = pathways_store_facts_new_row (f, PathwaysEpisodeFacts);
  int c = 0;

  e->id = INT (c++);
  e->person_id = INT (c++);
  e->decom = chunk (f->strings, res, row, c++);
  e->dec = chunk (f->strings, res, row, c++);
  e->ls = chunk (f->strings, res, row, c++);
  e->place = chunk (f->strings, res, row, c++);
  e->rec = chunk (f->strings, res, row, c++);
  e->needs_check = BOOL (c++);
  g_ptr_array_add (f->episodes, e);
}

static void
transition_facts_row (PGresult *res,
                      int       row,
                      gpointer  data)
{
  PathwaysStoreFacts *f = data;
  PathwaysTransitionFacts *t = pathways_store_facts_new_row (f, PathwaysTransitionFacts);
  int c = 0;

  t->id = INT (c++);
  t->person_id = INT (c++);
  t->from_spell_id = INT (c++);
  t->to_unit_id = INT (c++);
  t->to_spell_id = INT (c++);
  t->planned_date = chunk (f->strings, res, row, c++);
  t->state = chunk (f->strings, res, row, c++);
  g_ptr_array_add (f->transitions, t);
}

static void
tally_row (PGresult *res,
           int       row,
           gpointer  data)
{
  PathwaysStoreFacts *f = data;
  PathwaysStoreMilestoneTally t = { 0 };

  t.young_person_id = INT (0);
  t.category = pathways_store_intern (f->strings, TEXT (1));
  t.total = (int) INT (2);
  t.done = (int) INT (3);
  t.overdue = (int) INT (4);
  g_array_append_val (f->milestone_tallies, t);
}

static void
overdue_row (PGresult *res,
             int       row,
             gpointer  data)
{
  PathwaysStoreFacts *f = data;
  PathwaysStoreOverdueMilestone m = { 0 };

  m.young_person_id = INT (0);
  m.name = chunk (f->strings, res, row, 1);
  m.due_date = chunk (f->strings, res, row, 2);
  g_array_append_val (f->overdue_milestones, m);
}

static PathwaysStoreFacts *
pg_load_facts (PathwaysStore  *store,
               const char     *on,
               const char     *horizon,
               GError        **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  g_autoptr(PathwaysStoreFacts) f = pathways_store_facts_new ();
  gboolean milestones = pathways_pg_can_read (self, "milestone");
  PathwaysPgConn *conn;
  gboolean ok;

  if ((conn = begin_bulk (self, error)) == NULL)
    return NULL;

  ok = (f->settings = read_settings (self, conn, error)) != NULL &&
       (f->bank_holidays = read_bank_holidays (self, conn, error)) != NULL &&
    (!pathways_pg_can_read (self, "young_person") ||
     each_row (self, conn,
               "SELECT yp.id, yp.given_name, yp.family_name, yp.preferred_name, yp.date_of_birth, yp.uasc,"
               " yp.immigration_status, yp.appeal_stage, yp.are_date, yp.age_assessment,"
               " yp.human_rights_assessment_date, yp.date_first_looked_after, yp.days_looked_after_since_14,"
               " yp.days_looked_after_since_16, yp.date_care_ended, yp.last_placement, yp.returned_home_6_months,"
               " yp.special_guardianship, yp.custody_or_hospital_at_16, yp.needs_assessment_date,"
               " yp.pathway_plan_review_date, yp.last_contact_date, yp.pa_id, yp.preferred_area,"
               " yp.closed_on, yp.pa_support_after_21, yp.pa_support_offered_on,"
               " yp.local_id, yp.team, st.name"
               " FROM young_person yp LEFT JOIN staff st ON st.id = yp.pa_id",
               NULL, NULL, person_facts_row, f, error)) &&
    (!pathways_pg_can_read (self, "contact") ||
     each_row (self, conn,
               "SELECT young_person_id, kind, max(contact_date) FROM contact GROUP BY young_person_id, kind",
               NULL, NULL, contact_tally_row, f, error)) &&
    (!pathways_pg_can_read (self, "activity") ||
     each_row (self, conn,
               "SELECT young_person_id, activ, start_date, end_date FROM activity"
               " ORDER BY young_person_id, start_date, id",
               NULL, NULL, activity_facts_row, f, error)) &&
    each_row (self, conn,
               "SELECT id, name, kind, area, in_authority, registration, ofsted_urn, min_age, max_age,"
               " support_hours, status, status_from, status_to, status_reason, retired_on, weekly_cost,"
               " provider, address, postcode, bedrooms FROM unit",
               NULL, NULL, unit_facts_row, f, error) &&
    (!pathways_pg_can_read (self, "spell") ||
     each_row (self, conn,
               "SELECT id, young_person_id, unit_id, accom, accom_suitable, place, start_date,"
               " planned_end, actual_end, state, address FROM spell ORDER BY young_person_id, start_date, id",
               NULL, NULL, spell_facts_row, f, error)) &&
    (!pathways_pg_can_read (self, "episode") ||
     each_row (self, conn,
               "SELECT id, young_person_id, decom, dec, ls, place, rec, needs_check FROM episode"
               " ORDER BY young_person_id, decom, id",
               NULL, NULL, episode_facts_row, f, error)) &&
    (!pathways_pg_can_read (self, "transition") ||
     each_row (self, conn,
               "SELECT id, young_person_id, from_spell_id, to_unit_id, to_spell_id, planned_date, state"
               " FROM transition WHERE state IN ('proposed', 'confirmed') ORDER BY planned_date, id",
               NULL, NULL, transition_facts_row, f, error)) &&
    (!milestones ||
     each_row (self, conn,
               "SELECT young_person_id, category, count(*),"
               " sum(CASE WHEN done_date IS NOT NULL THEN 1 ELSE 0 END),"
               " sum(CASE WHEN done_date IS NULL AND due_date < $1 THEN 1 ELSE 0 END)"
               " FROM milestone WHERE due_date <= $2 OR done_date IS NOT NULL"
               " GROUP BY young_person_id, category",
               on, horizon, tally_row, f, error)) &&
    (!milestones ||
     each_row (self, conn,
               "SELECT young_person_id, name, due_date FROM milestone"
               " WHERE done_date IS NULL AND due_date < $1 ORDER BY young_person_id, due_date, id",
               on, NULL, overdue_row, f, error));

  end_bulk (self, conn);
  return ok ? g_steal_pointer (&f) : NULL;
}

/* The caseload -------------------------------------------------------- */

static void
caseload_row (PGresult *res,
               int       row,
               gpointer  data)
{
  PathwaysStoreCaseload *cl = data;
  PathwaysStoreCaseloadRow r = { 0 };
  int c = 0;

  r.id = INT (c++);
  r.given_name = chunk (cl->strings, res, row, c++);
  r.family_name = chunk (cl->strings, res, row, c++);
  r.preferred_name = chunk (cl->strings, res, row, c++);
  r.local_id = chunk (cl->strings, res, row, c++);
  r.date_of_birth = chunk (cl->strings, res, row, c++);
  r.pa_id = INT (c++);
  r.pa_name = pathways_store_intern (cl->strings, TEXT (c++));
  r.team = pathways_store_intern (cl->strings, TEXT (c++));
  r.uasc = BOOL (c++);
  r.since = chunk (cl->strings, res, row, c++);
  r.accom = pathways_store_intern (cl->strings, TEXT (c++));
  r.place = pathways_store_intern (cl->strings, TEXT (c++));
  r.address = chunk (cl->strings, res, row, c++);
  r.unit_name = pathways_store_intern (cl->strings, TEXT (c++));
  r.unit_kind = pathways_store_intern (cl->strings, TEXT (c++));
  r.unit_in_authority = BOOL (c++);
  r.closed_on = chunk (cl->strings, res, row, c++);
  g_array_append_val (cl->rows, r);
}

static PathwaysStoreCaseload *
pg_load_caseload_rows (PathwaysStore  *store,
                       GError        **error)
{
  static const char sql[] =
    "SELECT yp.id, yp.given_name, yp.family_name, yp.preferred_name, yp.local_id,"
    "       yp.date_of_birth, yp.pa_id, st.name, yp.team, yp.uasc,"
    "       sp.start_date, sp.accom, sp.place, sp.address, u.name, u.kind, u.in_authority, yp.closed_on"
    "  FROM young_person yp"
    "  LEFT JOIN staff st ON st.id = yp.pa_id"
    "  LEFT JOIN LATERAL (SELECT s2.start_date, s2.accom, s2.place, s2.address, s2.unit_id FROM spell s2"
    "                      WHERE s2.young_person_id = yp.id AND s2.state = 'current'"
    "                      ORDER BY s2.start_date DESC LIMIT 1) sp ON true"
    "  LEFT JOIN unit u ON u.id = sp.unit_id"
    " ORDER BY yp.family_name, yp.given_name, yp.id";
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  g_autoptr(PathwaysStoreCaseload) cl = pathways_store_caseload_new ();
  PathwaysPgConn *conn;
  gboolean ok;

  /* A login that may not read young people (an administrator) has none */
  if (!pathways_pg_can_read (self, "young_person"))
    return g_steal_pointer (&cl);
  if ((conn = pathways_pg_acquire (self, error)) == NULL)
    return NULL;
  ok = each_row (self, conn, sql, NULL, NULL, caseload_row, cl, error);
  pathways_pg_release (self, conn);
  return ok ? g_steal_pointer (&cl) : NULL;
}

/* The timeline -------------------------------------------------------- */

static void
timeline_person_row (PGresult *res,
                     int       row,
                     gpointer  data)
{
  PathwaysStoreTimeline *t = data;
  PathwaysStoreTimelinePerson p = { 0 };

  p.id = INT (0);
  p.given_name = chunk (t->strings, res, row, 1);
  p.family_name = chunk (t->strings, res, row, 2);
  p.local_id = chunk (t->strings, res, row, 3);
  p.team = pathways_store_intern (t->strings, TEXT (4));
  p.pa_name = pathways_store_intern (t->strings, TEXT (5));
  p.pa_team = pathways_store_intern (t->strings, TEXT (6));
  p.uasc = BOOL (7);
  p.closed_on = chunk (t->strings, res, row, 8);
  g_array_append_val (t->people, p);
}

static void
address_row (PGresult *res,
             int       row,
             gpointer  data)
{
  PathwaysStoreTimeline *t = data;
  PathwaysStoreSpellAddress a = { 0 };

  a.spell_id = INT (0);
  a.address = chunk (t->strings, res, row, 1);
  g_array_append_val (t->addresses, a);
}

static void
timeline_move_row (PGresult *res,
                   int       row,
                   gpointer  data)
{
  PathwaysStoreTimeline *t = data;
  PathwaysStoreTimelineMove m = { 0 };

  m.id = INT (0);
  m.young_person_id = INT (1);
  m.planned_date = chunk (t->strings, res, row, 2);
  m.state = pathways_store_intern (t->strings, TEXT (3));
  m.unit_name = pathways_store_intern (t->strings, TEXT (4));
  m.to_address = chunk (t->strings, res, row, 5);
  g_array_append_val (t->moves, m);
}

static void
timeline_milestone_row (PGresult *res,
                        int       row,
                        gpointer  data)
{
  PathwaysStoreTimeline *t = data;
  PathwaysStoreTimelineMilestone m = { 0 };

  m.young_person_id = INT (0);
  m.name = pathways_store_intern (t->strings, TEXT (1));
  m.due_date = pathways_store_intern (t->strings, TEXT (2));
  m.done_date = pathways_store_intern (t->strings, TEXT (3));
  g_array_append_val (t->milestones, m);
}

static PathwaysStoreTimeline *
pg_load_timeline_rows (PathwaysStore  *store,
                       GError        **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  g_autoptr(PathwaysStoreTimeline) t = pathways_store_timeline_new ();
  PathwaysPgConn *conn;
  gboolean ok;

  if (!pathways_pg_can_read (self, "young_person"))
    return g_steal_pointer (&t);
  if ((conn = begin_bulk (self, error)) == NULL)
    return NULL;
  ok = each_row (self, conn,
                 "SELECT yp.id, yp.given_name, yp.family_name, yp.local_id, yp.team,"
                 " st.name, st.team, yp.uasc, yp.closed_on"
                 " FROM young_person yp LEFT JOIN staff st ON st.id = yp.pa_id",
                 NULL, NULL, timeline_person_row, t, error) &&
       each_row (self, conn, "SELECT id, address FROM spell WHERE address IS NOT NULL",
                 NULL, NULL, address_row, t, error) &&
       each_row (self, conn,
                 "SELECT t.id, t.young_person_id, t.planned_date, t.state, u.name, t.to_address"
                 " FROM transition t LEFT JOIN unit u ON u.id = t.to_unit_id"
                 " WHERE t.state <> 'cancelled'"
                 " ORDER BY t.young_person_id, t.planned_date, t.id",
                 NULL, NULL, timeline_move_row, t, error) &&
       (!pathways_pg_can_read (self, "milestone") ||
        each_row (self, conn,
                  "SELECT young_person_id, name, due_date, done_date FROM milestone"
                  " WHERE due_date IS NOT NULL ORDER BY young_person_id, due_date, id",
                  NULL, NULL, timeline_milestone_row, t, error));
  end_bulk (self, conn);
  return ok ? g_steal_pointer (&t) : NULL;
}

/* Sufficiency --------------------------------------------------------- */

static void
sufficiency_person_row (PGresult *res,
                        int       row,
                        gpointer  data)
{
  PathwaysStoreSufficiency *s = data;
  PathwaysStoreSufficiencyPerson p = { 0 };

  p.id = INT (0);
  p.local_id = chunk (s->strings, res, row, 1);
  p.home_postcode = chunk (s->strings, res, row, 2);
  g_array_append_val (s->people, p);
}

static void
sufficiency_unit_row (PGresult *res,
                      int       row,
                      gpointer  data)
{
  PathwaysStoreSufficiency *s = data;
  PathwaysStoreSufficiencyUnit u = { 0 };

  u.id = INT (0);
  u.provider_type = pathways_store_intern (s->strings, TEXT (1));
  u.postcode = chunk (s->strings, res, row, 2);
  g_array_append_val (s->units, u);
}

static void
sufficiency_spell_row (PGresult *res,
                       int       row,
                       gpointer  data)
{
  PathwaysStoreSufficiency *s = data;
  PathwaysStoreSufficiencySpell sp = { 0 };

  sp.id = INT (0);
  sp.place_provider = pathways_store_intern (s->strings, TEXT (1));
  sp.weekly_cost = INT (2);
  g_array_append_val (s->spells, sp);
}

static void
district_row (PGresult *res,
              int       row,
              gpointer  data)
{
  PathwaysStoreSufficiency *s = data;
  PathwaysStoreDistrict d = { 0 };

  d.district = chunk (s->strings, res, row, 0);
  d.area = pathways_store_intern (s->strings, TEXT (1));
  if (d.district != NULL && d.area != NULL)
    g_array_append_val (s->districts, d);
}

static void
distance_row (PGresult *res,
              int       row,
              gpointer  data)
{
  PathwaysStoreSufficiency *s = data;
  PathwaysStoreDistance d = { 0 };

  d.from_area = pathways_store_intern (s->strings, TEXT (0));
  d.to_area = pathways_store_intern (s->strings, TEXT (1));
  d.miles = pathways_pg_double (res, row, 2);
  if (d.from_area != NULL && d.to_area != NULL)
    g_array_append_val (s->distances, d);
}

static PathwaysStoreSufficiency *
pg_load_sufficiency_rows (PathwaysStore  *store,
                          GError        **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  g_autoptr(PathwaysStoreSufficiency) s = pathways_store_sufficiency_new ();
  PathwaysPgConn *conn;
  gboolean ok;

  if ((conn = begin_bulk (self, error)) == NULL)
    return NULL;
  /* In row order, as SQLite's plain scans return them */
  ok = (!pathways_pg_can_read (self, "young_person") ||
        each_row (self, conn, "SELECT id, local_id, home_postcode FROM young_person ORDER BY id",
                  NULL, NULL, sufficiency_person_row, s, error)) &&
       each_row (self, conn, "SELECT id, provider_type, postcode FROM unit ORDER BY id",
                 NULL, NULL, sufficiency_unit_row, s, error) &&
       (!pathways_pg_can_read (self, "spell") ||
        each_row (self, conn, "SELECT id, place_provider, weekly_cost FROM spell ORDER BY id",
                  NULL, NULL, sufficiency_spell_row, s, error)) &&
       each_row (self, conn, "SELECT district, area FROM postcode_area ORDER BY id",
                 NULL, NULL, district_row, s, error) &&
       each_row (self, conn, "SELECT from_area, to_area, miles FROM area_distance ORDER BY id",
                 NULL, NULL, distance_row, s, error);
  end_bulk (self, conn);
  return ok ? g_steal_pointer (&s) : NULL;
}

/* Conflict history ---------------------------------------------------- */

/* Who changed row @id of @table after @version, when, and which of its
 * columns differ now from what they were at @version (in the table's
 * column order): from the server's audit of the rows that moved the
 * version past it (or deleted the row) */
static PathwaysStoreRowHistory *
pg_describe_changes_since (PathwaysStore  *store,
                           const char     *table,
                           gint64          id,
                           gint64          version,
                           GError        **error)
{
  PathwaysPostgresStore *self = PATHWAYS_POSTGRES_STORE (store);
  g_autoptr(PathwaysStoreRowHistory) history = NULL;
  g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *sversion = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  const char *params[] = { table, sid, sversion };
  g_autoptr(GPtrArray) columns = NULL;
  PathwaysPgConn *conn;
  PGresult *res;
  int n;

  if (!pathways_pg_is_table (table))
    return NULL;
  if ((conn = pathways_pg_acquire (self, error)) == NULL)
    return NULL;
  res = pathways_pg_query (self, conn,
                           "WITH later AS ("
                           "  SELECT id, actor, at, action, before_values, after_values FROM audit_log"
                           "   WHERE table_name = $1 AND row_id = $2"
                           "     AND (coalesce((after_values->>'version')::bigint, 0) > $3 OR action = 'delete')),"
                           " first AS (SELECT before_values FROM later ORDER BY id LIMIT 1),"
                           " last AS (SELECT actor, at, action, after_values FROM later ORDER BY id DESC LIMIT 1)"
                           " SELECT last.actor, last.at, last.action, k.key"
                           "   FROM last CROSS JOIN first"
                           "   LEFT JOIN LATERAL ("
                           "     SELECT a.key FROM json_each(first.before_values) a"
                           "       JOIN json_each(last.after_values) b ON b.key = a.key"
                           "       LEFT JOIN pg_attribute att ON att.attrelid = to_regclass($1)"
                           "                                 AND att.attname = a.key"
                           "      WHERE a.key <> 'version' AND a.value::text IS DISTINCT FROM b.value::text"
                           "      ORDER BY att.attnum) k ON true",
                           3, params, error);
  pathways_pg_release (self, conn);
  if (res == NULL)
    return NULL;

  n = PQntuples (res);
  if (n > 0)
    {
      int row = 0;

      history = g_new0 (PathwaysStoreRowHistory, 1);
      history->actor = g_strdup (TEXT (0));
      history->at = g_strdup (TEXT (1));
      history->deleted = g_strcmp0 (TEXT (2), "delete") == 0;
      columns = g_ptr_array_new_with_free_func (g_free);
      for (row = 0; row < n; row++)
        if (!PQgetisnull (res, row, 3))
          g_ptr_array_add (columns, g_strdup (TEXT (3)));
      if (!history->deleted && columns->len > 0)
        {
          g_ptr_array_add (columns, NULL);
          history->columns = (char **) g_ptr_array_free (g_steal_pointer (&columns), FALSE);
        }
    }
  PQclear (res);
  return g_steal_pointer (&history);
}

void
pathways_postgres_store_class_init_reads (PathwaysStoreClass *klass)
{
  klass->list_ref_codes = pg_list_ref_codes;
  klass->dup_settings = pg_dup_settings;
  klass->dup_bank_holidays = pg_dup_bank_holidays;
  klass->list_audit = pg_list_audit;
  klass->list_audit_for_person = pg_list_audit_for_person;
  klass->verify_audit = pg_verify_audit;
  klass->erase_person = pg_erase_person;
  klass->load_facts = pg_load_facts;
  klass->load_caseload_rows = pg_load_caseload_rows;
  klass->load_timeline_rows = pg_load_timeline_rows;
  klass->load_sufficiency_rows = pg_load_sufficiency_rows;
  klass->count_unit_spells = pg_count_unit_spells;
  klass->describe_changes_since = pg_describe_changes_since;
}
