/* pathways-sqlite-reads.c — the named reads of the SQLite backend
 *
 * Plain SELECTs with ? parameters (portable to a PostgreSQL backend but
 * for json_extract and json_each, which only the conflict history and
 * the watcher use); each bulk read runs inside one read transaction so
 * its queries agree with each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-sqlite"

#include "config.h"

#include <string.h>

#include "pathways-sqlite-internal.h"

#define TEXT PATHWAYS_SQLITE_TEXT

/* Steps @stmt, calling @row for each row; FALSE with @error on failure */
typedef void (*RowFunc) (sqlite3_stmt *stmt,
                         gpointer      data);

static gboolean
each_row (PathwaysSqliteStore  *self,
          PathwaysSqliteConn   *conn,
          const char           *sql,
          const char           *param1,
          const char           *param2,
          RowFunc               row,
          gpointer              data,
          GError              **error)
{
  sqlite3_stmt *stmt = pathways_sqlite_prepare (self, conn, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (param1)
    sqlite3_bind_text (stmt, 1, param1, -1, SQLITE_TRANSIENT);
  if (param2)
    sqlite3_bind_text (stmt, 2, param2, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (row != NULL)
      row (stmt, data);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return pathways_sqlite_set_error (self, conn->db, rc, error);
  return TRUE;
}

/* A read of several queries, in one view of the data */
static PathwaysSqliteConn *
begin_bulk (PathwaysSqliteStore  *self,
            GError              **error)
{
  PathwaysSqliteConn *conn;

  if (!pathways_store_begin_read (PATHWAYS_STORE (self), error))
    return NULL;
  conn = pathways_sqlite_acquire (self, error);
  if (conn == NULL)
    pathways_store_end_read (PATHWAYS_STORE (self));
  return conn;
}

static void
end_bulk (PathwaysSqliteStore *self,
          PathwaysSqliteConn  *conn)
{
  pathways_sqlite_release (self, conn);
  pathways_store_end_read (PATHWAYS_STORE (self));
}

/* Reference codes, settings, bank holidays, audit --------------------- */

#define AUDIT_SELECT "id, at, actor, staff_id, staff_name, table_name, row_id, action, before_values, after_values," \
                     " redacted, content_digest, chain_digest"


static GListModel *
sqlite_list_ref_codes (PathwaysStore  *store,
                       const char     *list,
                       const char     *code,
                       const char     *on_date,
                       GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  g_autoptr(GTypeClass) klass = g_type_class_ref (PATHWAYS_TYPE_REF_CODE);
  g_autofree char *sql = NULL;
  GListModel *result = NULL;
  PathwaysSqliteConn *conn;
  sqlite3_stmt *stmt;

  sql = pathways_sqlite_select_sql (PATHWAYS_RECORD_CLASS (klass),
                                    "WHERE list = ?1 AND (?2 IS NULL OR code = ?2) AND (?3 IS NULL OR "
                                    "((valid_from IS NULL OR valid_from <= ?3) AND (valid_to IS NULL OR valid_to > ?3)))"
                                    " ORDER BY code, valid_from");
  if ((conn = pathways_sqlite_acquire (self, error)) == NULL)
    return NULL;
  stmt = pathways_sqlite_prepare (self, conn, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, list, -1, SQLITE_TRANSIENT);
      if (code)
        sqlite3_bind_text (stmt, 2, code, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 2);
      if (on_date)
        sqlite3_bind_text (stmt, 3, on_date, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 3);
      result = pathways_sqlite_collect (self, conn, PATHWAYS_TYPE_REF_CODE, stmt, error);
    }
  pathways_sqlite_release (self, conn);
  return result;
}

static void
setting_row (sqlite3_stmt *stmt,
             gpointer      data)
{
  g_hash_table_replace (data, g_strdup (TEXT (stmt, 0)), g_strdup (TEXT (stmt, 1)));
}

static GHashTable *
read_settings (PathwaysSqliteStore  *self,
               PathwaysSqliteConn   *conn,
               GError              **error)
{
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!each_row (self, conn, "SELECT key, value FROM setting", NULL, NULL, setting_row, map, error))
    return NULL;
  return g_steal_pointer (&map);
}

static void
holiday_row (sqlite3_stmt *stmt,
             gpointer      data)
{
  g_ptr_array_add (data, g_strdup (TEXT (stmt, 0)));
}

static GPtrArray *
read_bank_holidays (PathwaysSqliteStore  *self,
                    PathwaysSqliteConn   *conn,
                    GError              **error)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);

  if (!each_row (self, conn, "SELECT day FROM bank_holiday WHERE region = 'england-and-wales' ORDER BY day",
                 NULL, NULL, holiday_row, days, error))
    return NULL;
  return g_steal_pointer (&days);
}

static GHashTable *
sqlite_dup_settings (PathwaysStore  *store,
                     GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  PathwaysSqliteConn *conn = pathways_sqlite_acquire (self, error);
  GHashTable *map;

  if (conn == NULL)
    return NULL;
  map = read_settings (self, conn, error);
  pathways_sqlite_release (self, conn);
  return map;
}

static GPtrArray *
sqlite_dup_bank_holidays (PathwaysStore  *store,
                          GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  PathwaysSqliteConn *conn = pathways_sqlite_acquire (self, error);
  GPtrArray *days;

  if (conn == NULL)
    return NULL;
  days = read_bank_holidays (self, conn, error);
  pathways_sqlite_release (self, conn);
  return days;
}

static GListModel *
sqlite_list_audit_for_person (PathwaysStore  *store,
                              gint64          young_person_id,
                              GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  GListModel *result = NULL;
  PathwaysSqliteConn *conn;
  sqlite3_stmt *stmt;

  if ((conn = pathways_sqlite_acquire (self, error)) == NULL)
    return NULL;
  stmt = pathways_sqlite_prepare (self, conn,
                                  "SELECT " AUDIT_SELECT " FROM audit_log"
                                  " WHERE (table_name = 'young_person' AND row_id = ?1)"
                                  "    OR json_extract(coalesce(after_values, before_values), '$.young_person_id') = ?1"
                                  " ORDER BY id DESC", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, young_person_id);
      result = pathways_sqlite_collect (self, conn, PATHWAYS_TYPE_AUDIT_ENTRY, stmt, error);
    }
  pathways_sqlite_release (self, conn);
  return result;
}

static GListModel *
sqlite_list_audit (PathwaysStore  *store,
                   const char     *table,
                   gint64          row_id,
                   GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  GListModel *result = NULL;
  PathwaysSqliteConn *conn;
  sqlite3_stmt *stmt;

  if ((conn = pathways_sqlite_acquire (self, error)) == NULL)
    return NULL;
  /* audit_log has no version: it is never changed, only added to */
  stmt = pathways_sqlite_prepare (self, conn,
                                  "SELECT " AUDIT_SELECT
                                  " FROM audit_log WHERE (?1 IS NULL OR table_name = ?1) AND (?2 = 0 OR row_id = ?2)"
                                  " ORDER BY id DESC", error);
  if (stmt != NULL)
    {
      if (table)
        sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 1);
      sqlite3_bind_int64 (stmt, 2, row_id);
      result = pathways_sqlite_collect (self, conn, PATHWAYS_TYPE_AUDIT_ENTRY, stmt, error);
    }
  pathways_sqlite_release (self, conn);
  return result;
}

static gint64
sqlite_count_unit_spells (PathwaysStore  *store,
                          gint64          unit_id,
                          gint64          except_spell_id,
                          const char     *state,
                          GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  PathwaysSqliteConn *conn;
  sqlite3_stmt *stmt;
  gint64 n = -1;
  int rc;

  if ((conn = pathways_sqlite_acquire (self, error)) == NULL)
    return -1;
  stmt = pathways_sqlite_prepare (self, conn,
                                  "SELECT count(*) FROM spell WHERE unit_id = ? AND id <> ? AND state = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, unit_id);
      sqlite3_bind_int64 (stmt, 2, except_spell_id);
      sqlite3_bind_text (stmt, 3, state, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        n = sqlite3_column_int64 (stmt, 0);
      else
        pathways_sqlite_set_error (self, conn->db, rc, error);
      sqlite3_reset (stmt);
    }
  pathways_sqlite_release (self, conn);
  return n;
}

/* The rules' facts ---------------------------------------------------- */

static const char *
chunk (GStringChunk *strings,
       sqlite3_stmt *stmt,
       int           col)
{
  const char *s = TEXT (stmt, col);

  return s ? g_string_chunk_insert (strings, s) : NULL;
}

static void
person_facts_row (sqlite3_stmt *stmt,
                  gpointer      data)
{
  PathwaysStoreFacts *f = data;
  PathwaysStorePersonFacts *row = pathways_store_facts_new_row (f, PathwaysStorePersonFacts);
  PathwaysPersonFacts *p = &row->facts;
  int c = 0;

  p->id = sqlite3_column_int64 (stmt, c++);
  row->given_name = chunk (f->strings, stmt, c++);
  row->family_name = chunk (f->strings, stmt, c++);
  row->preferred_name = chunk (f->strings, stmt, c++);
  p->date_of_birth = chunk (f->strings, stmt, c++);
  p->uasc = sqlite3_column_int (stmt, c++) != 0;
  p->immigration_status = chunk (f->strings, stmt, c++);
  p->appeal_stage = chunk (f->strings, stmt, c++);
  p->are_date = chunk (f->strings, stmt, c++);
  p->age_assessment = chunk (f->strings, stmt, c++);
  p->human_rights_assessment_date = chunk (f->strings, stmt, c++);
  p->date_first_looked_after = chunk (f->strings, stmt, c++);
  p->days_since_14 = sqlite3_column_int64 (stmt, c++);
  p->days_since_16 = sqlite3_column_int64 (stmt, c++);
  p->date_care_ended = chunk (f->strings, stmt, c++);
  p->last_placement = chunk (f->strings, stmt, c++);
  p->returned_home_6_months = sqlite3_column_int (stmt, c++) != 0;
  p->special_guardianship = sqlite3_column_int (stmt, c++) != 0;
  p->custody_or_hospital_at_16 = sqlite3_column_int (stmt, c++) != 0;
  p->needs_assessment_date = chunk (f->strings, stmt, c++);
  p->pathway_plan_review_date = chunk (f->strings, stmt, c++);
  p->last_contact_date = chunk (f->strings, stmt, c++);
  p->pa_id = sqlite3_column_int64 (stmt, c++);
  p->preferred_area = chunk (f->strings, stmt, c++);
  p->closed_on = chunk (f->strings, stmt, c++);
  p->pa_support_after_21 = pathways_store_intern (f->strings, TEXT (stmt, c++));
  p->pa_support_offered_on = chunk (f->strings, stmt, c++);
  row->local_id = chunk (f->strings, stmt, c++);
  row->team = pathways_store_intern (f->strings, TEXT (stmt, c++));
  row->pa_name = pathways_store_intern (f->strings, TEXT (stmt, c++));
  g_ptr_array_add (f->people, row);
}

static void
contact_tally_row (sqlite3_stmt *stmt,
                   gpointer      data)
{
  PathwaysStoreFacts *f = data;
  PathwaysStoreContactTally t = { 0 };

  t.young_person_id = sqlite3_column_int64 (stmt, 0);
  t.kind = pathways_store_intern (f->strings, TEXT (stmt, 1));
  t.latest = chunk (f->strings, stmt, 2);
  g_array_append_val (f->contacts, t);
}

static void
activity_facts_row (sqlite3_stmt *stmt,
                    gpointer      data)
{
  PathwaysStoreFacts *f = data;
  PathwaysActivityFacts *a = pathways_store_facts_new_row (f, PathwaysActivityFacts);

  a->person_id = sqlite3_column_int64 (stmt, 0);
  a->activ = pathways_store_intern (f->strings, TEXT (stmt, 1));
  a->start = chunk (f->strings, stmt, 2);
  a->end = chunk (f->strings, stmt, 3);
  g_ptr_array_add (f->activities, a);
}

static void
unit_facts_row (sqlite3_stmt *stmt,
                gpointer      data)
{
  PathwaysStoreFacts *f = data;
  PathwaysUnitFacts *u = pathways_store_facts_new_row (f, PathwaysUnitFacts);
  int c = 0;

  u->id = sqlite3_column_int64 (stmt, c++);
  u->name = chunk (f->strings, stmt, c++);
  u->kind = chunk (f->strings, stmt, c++);
  u->area = chunk (f->strings, stmt, c++);
  u->in_authority = sqlite3_column_int (stmt, c++) != 0;
  u->registration = chunk (f->strings, stmt, c++);
  u->ofsted_urn = chunk (f->strings, stmt, c++);
  u->min_age = sqlite3_column_int (stmt, c++);
  u->max_age = sqlite3_column_int (stmt, c++);
  u->support_hours = sqlite3_column_double (stmt, c++);
  u->status = chunk (f->strings, stmt, c++);
  u->status_from = chunk (f->strings, stmt, c++);
  u->status_to = chunk (f->strings, stmt, c++);
  u->status_reason = chunk (f->strings, stmt, c++);
  u->retired_on = chunk (f->strings, stmt, c++);
  u->weekly_cost = sqlite3_column_int64 (stmt, c++);
  u->provider = chunk (f->strings, stmt, c++);
  u->address = chunk (f->strings, stmt, c++);
  u->postcode = chunk (f->strings, stmt, c++);
  u->bedrooms = sqlite3_column_int (stmt, c++);
  g_ptr_array_add (f->units, u);
}

static void
spell_facts_row (sqlite3_stmt *stmt,
                 gpointer      data)
{
  PathwaysStoreFacts *f = data;
  PathwaysSpellFacts *s = pathways_store_facts_new_row (f, PathwaysSpellFacts);
  int c = 0;

  s->id = sqlite3_column_int64 (stmt, c++);
  s->person_id = sqlite3_column_int64 (stmt, c++);
  s->unit_id = sqlite3_column_int64 (stmt, c++);
  s->accom = chunk (f->strings, stmt, c++);
  s->suitable = sqlite3_column_int (stmt, c++) != 0;
  s->place = chunk (f->strings, stmt, c++);
  s->start = chunk (f->strings, stmt, c++);
  s->planned_end = chunk (f->strings, stmt, c++);
  s->actual_end = chunk (f->strings, stmt, c++);
  s->state = pathways_store_intern (f->strings, TEXT (stmt, c++));
  s->address = chunk (f->strings, stmt, c++);
  g_ptr_array_add (f->spells, s);
}

static void
episode_facts_row (sqlite3_stmt *stmt,
                   gpointer      data)
{
  PathwaysStoreFacts *f = data;
  PathwaysEpisodeFacts *e = pathways_store_facts_new_row (f, PathwaysEpisodeFacts);
  int c = 0;

  e->id = sqlite3_column_int64 (stmt, c++);
  e->person_id = sqlite3_column_int64 (stmt, c++);
  e->decom = chunk (f->strings, stmt, c++);
  e->dec = chunk (f->strings, stmt, c++);
  e->ls = chunk (f->strings, stmt, c++);
  e->place = chunk (f->strings, stmt, c++);
  e->rec = chunk (f->strings, stmt, c++);
  e->needs_check = sqlite3_column_int (stmt, c++) != 0;
  g_ptr_array_add (f->episodes, e);
}

static void
transition_facts_row (sqlite3_stmt *stmt,
                      gpointer      data)
{
  PathwaysStoreFacts *f = data;
  PathwaysTransitionFacts *t = pathways_store_facts_new_row (f, PathwaysTransitionFacts);
  int c = 0;

  t->id = sqlite3_column_int64 (stmt, c++);
  t->person_id = sqlite3_column_int64 (stmt, c++);
  t->from_spell_id = sqlite3_column_int64 (stmt, c++);
  t->to_unit_id = sqlite3_column_int64 (stmt, c++);
  t->to_spell_id = sqlite3_column_int64 (stmt, c++);
  t->planned_date = chunk (f->strings, stmt, c++);
  t->state = chunk (f->strings, stmt, c++);
  g_ptr_array_add (f->transitions, t);
}

static void
tally_row (sqlite3_stmt *stmt,
           gpointer      data)
{
  PathwaysStoreFacts *f = data;
  PathwaysStoreMilestoneTally t = { 0 };

  t.young_person_id = sqlite3_column_int64 (stmt, 0);
  t.category = pathways_store_intern (f->strings, TEXT (stmt, 1));
  t.total = sqlite3_column_int (stmt, 2);
  t.done = sqlite3_column_int (stmt, 3);
  t.overdue = sqlite3_column_int (stmt, 4);
  g_array_append_val (f->milestone_tallies, t);
}

static void
overdue_row (sqlite3_stmt *stmt,
             gpointer      data)
{
  PathwaysStoreFacts *f = data;
  PathwaysStoreOverdueMilestone m = { 0 };

  m.young_person_id = sqlite3_column_int64 (stmt, 0);
  m.name = chunk (f->strings, stmt, 1);
  m.due_date = chunk (f->strings, stmt, 2);
  g_array_append_val (f->overdue_milestones, m);
}

/* The milestone counts and the overdue milestones (the slowest part of
 * the facts: every young person's milestones) */
static gboolean
read_milestones (PathwaysSqliteStore  *self,
                 PathwaysSqliteConn   *conn,
                 const char           *on,
                 const char           *horizon,
                 PathwaysStoreFacts   *f,
                 GError              **error)
{
  return each_row (self, conn,
                   "SELECT young_person_id, category, count(*),"
                   " sum(CASE WHEN done_date IS NOT NULL THEN 1 ELSE 0 END),"
                   " sum(CASE WHEN done_date IS NULL AND due_date < ?1 THEN 1 ELSE 0 END)"
                   " FROM milestone WHERE due_date <= ?2 OR done_date IS NOT NULL"
                   " GROUP BY young_person_id, category",
                   on, horizon, tally_row, f, error) &&
         each_row (self, conn,
                   "SELECT young_person_id, name, due_date FROM milestone"
                   " WHERE done_date IS NULL AND due_date < ?1 ORDER BY young_person_id, due_date, id",
                   on, NULL, overdue_row, f, error);
}

static void
int64_row (sqlite3_stmt *stmt,
           gpointer      data)
{
  *(gint64 *) data = sqlite3_column_int64 (stmt, 0);
}

/* The state of the data a read transaction sees: every commit adds to
 * the audit log, whose ids only grow, so two reads that see the same
 * highest id see the same data */
static gboolean
read_state (PathwaysSqliteStore  *self,
            PathwaysSqliteConn   *conn,
            gint64               *out_state,
            GError              **error)
{
  return each_row (self, conn, "SELECT coalesce(max(id), 0) FROM audit_log", NULL, NULL,
                   int64_row, out_state, error);
}

/* The milestones read by a second thread on a reader of its own, in a
 * read transaction of its own, while the bulk read's thread reads the
 * rest: the two cores of a small machine share the load */
typedef struct {
  PathwaysSqliteStore *self;
  PathwaysSqliteConn  *conn;
  char                *on;
  char                *horizon;
  PathwaysStoreFacts  *read;     /* its own strings: a GStringChunk is for one thread */
  gint64               state;
  gboolean             ok;
  GThread             *thread;
} MilestoneHelper;

static void
milestone_helper_free (MilestoneHelper *h)
{
  pathways_sqlite_release (h->self, h->conn);
  g_clear_pointer (&h->read, pathways_store_facts_free);
  g_free (h->on);
  g_free (h->horizon);
  g_free (h);
}

static gpointer
milestone_helper_thread (gpointer data)
{
  MilestoneHelper *h = data;
  g_autoptr(GError) error = NULL;

  h->ok = each_row (h->self, h->conn, "BEGIN", NULL, NULL, NULL, NULL, &error) &&
          read_state (h->self, h->conn, &h->state, &error) &&
          read_milestones (h->self, h->conn, h->on, h->horizon, h->read, &error);
  /* (a read transaction: nothing to commit, nothing lost) */
  each_row (h->self, h->conn, "ROLLBACK", NULL, NULL, NULL, NULL, NULL);
  if (!h->ok)
    g_debug ("Milestones read beside the facts: %s", error->message);
  return NULL;
}

/* A helper reading the milestones, or NULL when the facts are read in a
 * transaction (the writer's, with its writes), the file has no audit
 * log to name its state by, or no reader or thread is free */
static MilestoneHelper *
start_milestones (PathwaysSqliteStore *self,
                  const char          *on,
                  const char          *horizon)
{
  MilestoneHelper *h;
  PathwaysSqliteConn *conn;

  if (pathways_store_in_transaction (PATHWAYS_STORE (self)) || !pathways_sqlite_has_audit (self) ||
      (conn = pathways_sqlite_try_borrow_reader (self)) == NULL)
    return NULL;
  h = g_new0 (MilestoneHelper, 1);
  h->self = self;
  h->conn = conn;
  h->on = g_strdup (on);
  h->horizon = g_strdup (horizon);
  h->read = pathways_store_facts_new ();
  if ((h->thread = g_thread_try_new ("pathways-facts", milestone_helper_thread, h, NULL)) == NULL)
    {
      milestone_helper_free (h);
      return NULL;
    }
  return h;
}

/* Waits for the helper (always) and, if the rest of the read went well
 * (@ok), takes its milestones into @f when it saw the same state of the
 * data as @conn's read transaction; else (a commit came between the
 * two, or it failed) reads them again here */
static gboolean
join_milestones (PathwaysSqliteStore  *self,
                 PathwaysSqliteConn   *conn,
                 MilestoneHelper      *h,
                 PathwaysStoreFacts   *f,
                 gboolean              ok,
                 GError              **error)
{
  gint64 state = -1;

  ok = ok && read_state (self, conn, &state, error);
  g_thread_join (g_steal_pointer (&h->thread));
  if (ok && h->ok && h->state == state)
    {
      g_array_unref (f->milestone_tallies);
      g_array_unref (f->overdue_milestones);
      f->milestone_tallies = g_steal_pointer (&h->read->milestone_tallies);
      f->overdue_milestones = g_steal_pointer (&h->read->overdue_milestones);
      f->more_strings = g_steal_pointer (&h->read->strings);
    }
  else if (ok)
    ok = read_milestones (self, conn, h->on, h->horizon, f, error);
  milestone_helper_free (h);
  return ok;
}

static PathwaysStoreFacts *
sqlite_load_facts (PathwaysStore  *store,
                   const char     *on,
                   const char     *horizon,
                   GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  g_autoptr(PathwaysStoreFacts) f = pathways_store_facts_new ();
  PathwaysSqliteConn *conn;
  MilestoneHelper *helper;
  gboolean ok;

  if ((conn = begin_bulk (self, error)) == NULL)
    return NULL;
  helper = start_milestones (self, on, horizon);

  /* Spells and episodes in the order they are stored, not by person:
   * read through an index, each row was a look-up in the table; the
   * snapshot sorts each person's own */
  ok = (f->settings = read_settings (self, conn, error)) != NULL &&
       (f->bank_holidays = read_bank_holidays (self, conn, error)) != NULL &&
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
              NULL, NULL, person_facts_row, f, error) &&
    each_row (self, conn,
              "SELECT young_person_id, kind, max(contact_date) FROM contact GROUP BY young_person_id, kind",
              NULL, NULL, contact_tally_row, f, error) &&
    each_row (self, conn,
              "SELECT young_person_id, activ, start_date, end_date FROM activity"
              " ORDER BY young_person_id, start_date, id",
              NULL, NULL, activity_facts_row, f, error) &&
    each_row (self, conn,
              "SELECT id, name, kind, area, in_authority, registration, ofsted_urn, min_age, max_age,"
              " support_hours, status, status_from, status_to, status_reason, retired_on, weekly_cost,"
              " provider, address, postcode, bedrooms FROM unit",
              NULL, NULL, unit_facts_row, f, error) &&
    each_row (self, conn,
              "SELECT id, young_person_id, unit_id, accom, accom_suitable, place, start_date,"
              " planned_end, actual_end, state, address FROM spell",
              NULL, NULL, spell_facts_row, f, error) &&
    each_row (self, conn,
              "SELECT id, young_person_id, decom, dec, ls, place, rec, needs_check FROM episode",
              NULL, NULL, episode_facts_row, f, error) &&
    each_row (self, conn,
              "SELECT id, young_person_id, from_spell_id, to_unit_id, to_spell_id, planned_date, state"
              " FROM transition WHERE state IN ('proposed', 'confirmed') ORDER BY planned_date, id",
              NULL, NULL, transition_facts_row, f, error);
  if (helper != NULL)
    ok = join_milestones (self, conn, helper, f, ok, error);
  else
    ok = ok && read_milestones (self, conn, on, horizon, f, error);
  end_bulk (self, conn);
  return ok ? g_steal_pointer (&f) : NULL;
}

/* The caseload -------------------------------------------------------- */

static void
caseload_row (sqlite3_stmt *stmt,
              gpointer      data)
{
  PathwaysStoreCaseload *cl = data;
  PathwaysStoreCaseloadRow r = { 0 };
  int c = 0;

  r.id = sqlite3_column_int64 (stmt, c++);
  r.given_name = chunk (cl->strings, stmt, c++);
  r.family_name = chunk (cl->strings, stmt, c++);
  r.preferred_name = chunk (cl->strings, stmt, c++);
  r.local_id = chunk (cl->strings, stmt, c++);
  r.date_of_birth = chunk (cl->strings, stmt, c++);
  r.pa_id = sqlite3_column_int64 (stmt, c++);
  r.pa_name = pathways_store_intern (cl->strings, TEXT (stmt, c++));
  r.team = pathways_store_intern (cl->strings, TEXT (stmt, c++));
  r.uasc = sqlite3_column_int (stmt, c++) != 0;
  r.since = chunk (cl->strings, stmt, c++);
  r.accom = pathways_store_intern (cl->strings, TEXT (stmt, c++));
  r.place = pathways_store_intern (cl->strings, TEXT (stmt, c++));
  r.address = chunk (cl->strings, stmt, c++);
  r.unit_name = pathways_store_intern (cl->strings, TEXT (stmt, c++));
  r.unit_kind = pathways_store_intern (cl->strings, TEXT (stmt, c++));
  r.unit_in_authority = sqlite3_column_int (stmt, c++) != 0;
  r.closed_on = chunk (cl->strings, stmt, c++);
  g_array_append_val (cl->rows, r);
}

static const char caseload_sql[] =
  "SELECT yp.id, yp.given_name, yp.family_name, yp.preferred_name, yp.local_id,"
  "       yp.date_of_birth, yp.pa_id, st.name, yp.team, yp.uasc,"
  "       sp.start_date, sp.accom, sp.place, sp.address, u.name, u.kind, u.in_authority, yp.closed_on"
  "  FROM young_person yp"
  "  LEFT JOIN staff st ON st.id = yp.pa_id"
  "  LEFT JOIN spell sp ON sp.id = (SELECT s2.id FROM spell s2"
  "                                  WHERE s2.young_person_id = yp.id AND s2.state = 'current'"
  "                                  ORDER BY s2.start_date DESC LIMIT 1)"
  "  LEFT JOIN unit u ON u.id = sp.unit_id"
  " ORDER BY yp.family_name, yp.given_name, yp.id";

/**
 * pathways_sqlite_store_caseload_sql:
 *
 * Returns: the query the caseload's rows are read with, for the
 *   benchmark to run in the sqlite3 shell beside the store's own load
 */
const char *
pathways_sqlite_store_caseload_sql (void)
{
  return caseload_sql;
}

static PathwaysStoreCaseload *
sqlite_load_caseload_rows (PathwaysStore  *store,
                           GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  g_autoptr(PathwaysStoreCaseload) cl = pathways_store_caseload_new ();
  PathwaysSqliteConn *conn;
  gboolean ok;

  if ((conn = pathways_sqlite_acquire (self, error)) == NULL)
    return NULL;
  ok = each_row (self, conn, caseload_sql, NULL, NULL, caseload_row, cl, error);
  pathways_sqlite_release (self, conn);
  return ok ? g_steal_pointer (&cl) : NULL;
}

/* The timeline -------------------------------------------------------- */

static void
timeline_person_row (sqlite3_stmt *stmt,
                     gpointer      data)
{
  PathwaysStoreTimeline *t = data;
  PathwaysStoreTimelinePerson p = { 0 };

  p.id = sqlite3_column_int64 (stmt, 0);
  p.given_name = chunk (t->strings, stmt, 1);
  p.family_name = chunk (t->strings, stmt, 2);
  p.local_id = chunk (t->strings, stmt, 3);
  p.team = pathways_store_intern (t->strings, TEXT (stmt, 4));
  p.pa_name = pathways_store_intern (t->strings, TEXT (stmt, 5));
  p.pa_team = pathways_store_intern (t->strings, TEXT (stmt, 6));
  p.uasc = sqlite3_column_int (stmt, 7) != 0;
  p.closed_on = chunk (t->strings, stmt, 8);
  g_array_append_val (t->people, p);
}

static void
address_row (sqlite3_stmt *stmt,
             gpointer      data)
{
  PathwaysStoreTimeline *t = data;
  PathwaysStoreSpellAddress a = { 0 };

  a.spell_id = sqlite3_column_int64 (stmt, 0);
  a.address = chunk (t->strings, stmt, 1);
  g_array_append_val (t->addresses, a);
}

static void
timeline_move_row (sqlite3_stmt *stmt,
                   gpointer      data)
{
  PathwaysStoreTimeline *t = data;
  PathwaysStoreTimelineMove m = { 0 };

  m.id = sqlite3_column_int64 (stmt, 0);
  m.young_person_id = sqlite3_column_int64 (stmt, 1);
  m.planned_date = chunk (t->strings, stmt, 2);
  m.state = pathways_store_intern (t->strings, TEXT (stmt, 3));
  m.unit_name = pathways_store_intern (t->strings, TEXT (stmt, 4));
  m.to_address = chunk (t->strings, stmt, 5);
  g_array_append_val (t->moves, m);
}

static void
timeline_milestone_row (sqlite3_stmt *stmt,
                        gpointer      data)
{
  PathwaysStoreTimeline *t = data;
  PathwaysStoreTimelineMilestone m = { 0 };

  m.young_person_id = sqlite3_column_int64 (stmt, 0);
  m.name = pathways_store_intern (t->strings, TEXT (stmt, 1));
  m.due_date = pathways_store_intern (t->strings, TEXT (stmt, 2));
  m.done_date = pathways_store_intern (t->strings, TEXT (stmt, 3));
  g_array_append_val (t->milestones, m);
}

static PathwaysStoreTimeline *
sqlite_load_timeline_rows (PathwaysStore  *store,
                           GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  g_autoptr(PathwaysStoreTimeline) t = pathways_store_timeline_new ();
  PathwaysSqliteConn *conn;
  gboolean ok;

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
       each_row (self, conn,
                 "SELECT young_person_id, name, due_date, done_date FROM milestone"
                 " WHERE due_date IS NOT NULL ORDER BY young_person_id, due_date, id",
                 NULL, NULL, timeline_milestone_row, t, error);
  end_bulk (self, conn);
  return ok ? g_steal_pointer (&t) : NULL;
}

/* Sufficiency --------------------------------------------------------- */

static void
sufficiency_person_row (sqlite3_stmt *stmt,
                        gpointer      data)
{
  PathwaysStoreSufficiency *s = data;
  PathwaysStoreSufficiencyPerson p = { 0 };

  p.id = sqlite3_column_int64 (stmt, 0);
  p.local_id = chunk (s->strings, stmt, 1);
  p.home_postcode = chunk (s->strings, stmt, 2);
  g_array_append_val (s->people, p);
}

static void
sufficiency_unit_row (sqlite3_stmt *stmt,
                      gpointer      data)
{
  PathwaysStoreSufficiency *s = data;
  PathwaysStoreSufficiencyUnit u = { 0 };

  u.id = sqlite3_column_int64 (stmt, 0);
  u.provider_type = pathways_store_intern (s->strings, TEXT (stmt, 1));
  u.postcode = chunk (s->strings, stmt, 2);
  g_array_append_val (s->units, u);
}

static void
sufficiency_spell_row (sqlite3_stmt *stmt,
                       gpointer      data)
{
  PathwaysStoreSufficiency *s = data;
  PathwaysStoreSufficiencySpell sp = { 0 };

  sp.id = sqlite3_column_int64 (stmt, 0);
  sp.place_provider = pathways_store_intern (s->strings, TEXT (stmt, 1));
  sp.weekly_cost = sqlite3_column_int64 (stmt, 2);
  g_array_append_val (s->spells, sp);
}

static void
district_row (sqlite3_stmt *stmt,
              gpointer      data)
{
  PathwaysStoreSufficiency *s = data;
  PathwaysStoreDistrict d = { 0 };

  d.district = chunk (s->strings, stmt, 0);
  d.area = pathways_store_intern (s->strings, TEXT (stmt, 1));
  if (d.district != NULL && d.area != NULL)
    g_array_append_val (s->districts, d);
}

static void
distance_row (sqlite3_stmt *stmt,
              gpointer      data)
{
  PathwaysStoreSufficiency *s = data;
  PathwaysStoreDistance d = { 0 };

  d.from_area = pathways_store_intern (s->strings, TEXT (stmt, 0));
  d.to_area = pathways_store_intern (s->strings, TEXT (stmt, 1));
  d.miles = sqlite3_column_double (stmt, 2);
  if (d.from_area != NULL && d.to_area != NULL)
    g_array_append_val (s->distances, d);
}

static PathwaysStoreSufficiency *
sqlite_load_sufficiency_rows (PathwaysStore  *store,
                              GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  g_autoptr(PathwaysStoreSufficiency) s = pathways_store_sufficiency_new ();
  PathwaysSqliteConn *conn;
  gboolean ok;

  if ((conn = begin_bulk (self, error)) == NULL)
    return NULL;
  ok = each_row (self, conn, "SELECT id, local_id, home_postcode FROM young_person",
                 NULL, NULL, sufficiency_person_row, s, error) &&
       each_row (self, conn, "SELECT id, provider_type, postcode FROM unit",
                 NULL, NULL, sufficiency_unit_row, s, error) &&
       each_row (self, conn, "SELECT id, place_provider, weekly_cost FROM spell",
                 NULL, NULL, sufficiency_spell_row, s, error) &&
       each_row (self, conn, "SELECT district, area FROM postcode_area",
                 NULL, NULL, district_row, s, error) &&
       each_row (self, conn, "SELECT from_area, to_area, miles FROM area_distance",
                 NULL, NULL, distance_row, s, error);
  end_bulk (self, conn);
  return ok ? g_steal_pointer (&s) : NULL;
}

/* Conflict history ---------------------------------------------------- */

static char **
changed_columns (PathwaysSqliteStore *self,
                 PathwaysSqliteConn  *conn,
                 const char          *before,
                 const char          *after)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  sqlite3_stmt *stmt;

  if (before == NULL || after == NULL)
    return NULL;
  stmt = pathways_sqlite_prepare (self, conn,
                                  "SELECT a.key FROM json_each(?1) a JOIN json_each(?2) b ON b.key = a.key"
                                  " WHERE a.key <> 'version' AND a.value IS NOT b.value ORDER BY a.id", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, before, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, after, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (columns, g_strdup (TEXT (stmt, 0)));
  sqlite3_reset (stmt);
  g_ptr_array_add (columns, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&columns), FALSE);
}

/* Who changed row @id of @table after @version, when, and which of its
 * columns differ now from what they were at @version: from the audit
 * rows that moved the version past it (or deleted the row) */
static PathwaysStoreRowHistory *
sqlite_describe_changes_since (PathwaysStore  *store,
                               const char     *table,
                               gint64          id,
                               gint64          version,
                               GError        **error)
{
  PathwaysSqliteStore *self = PATHWAYS_SQLITE_STORE (store);
  g_autoptr(PathwaysStoreRowHistory) history = NULL;
  g_autofree char *first_before = NULL;
  g_autofree char *last_after = NULL;
  PathwaysSqliteConn *conn;
  sqlite3_stmt *stmt;
  int rc;

  if (!pathways_sqlite_is_table (table))
    return NULL;
  if ((conn = pathways_sqlite_acquire (self, error)) == NULL)
    return NULL;
  stmt = pathways_sqlite_prepare (self, conn,
                                  "SELECT actor, at, action, before_values, after_values FROM audit_log"
                                  " WHERE table_name = ?1 AND row_id = ?2 AND"
                                  " (coalesce(json_extract(after_values, '$.version'), 0) > ?3 OR action = 'delete')"
                                  " ORDER BY id", error);
  if (stmt == NULL)
    {
      pathways_sqlite_release (self, conn);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_int64 (stmt, 3, version);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (history == NULL)
        {
          history = g_new0 (PathwaysStoreRowHistory, 1);
          first_before = g_strdup (TEXT (stmt, 3));
        }
      g_free (history->actor);
      g_free (history->at);
      history->actor = g_strdup (TEXT (stmt, 0));
      history->at = g_strdup (TEXT (stmt, 1));
      history->deleted = g_strcmp0 (TEXT (stmt, 2), "delete") == 0;
      g_free (last_after);
      last_after = g_strdup (TEXT (stmt, 4));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      pathways_sqlite_set_error (self, conn->db, rc, error);
      pathways_sqlite_release (self, conn);
      return NULL;
    }

  if (history != NULL && !history->deleted)
    history->columns = changed_columns (self, conn, first_before, last_after);
  pathways_sqlite_release (self, conn);
  return g_steal_pointer (&history);
}

void
pathways_sqlite_store_class_init_reads (PathwaysStoreClass *klass)
{
  klass->list_ref_codes = sqlite_list_ref_codes;
  klass->dup_settings = sqlite_dup_settings;
  klass->dup_bank_holidays = sqlite_dup_bank_holidays;
  klass->list_audit = sqlite_list_audit;
  klass->list_audit_for_person = sqlite_list_audit_for_person;
  klass->load_facts = sqlite_load_facts;
  klass->load_caseload_rows = sqlite_load_caseload_rows;
  klass->load_timeline_rows = sqlite_load_timeline_rows;
  klass->load_sufficiency_rows = sqlite_load_sufficiency_rows;
  klass->count_unit_spells = sqlite_count_unit_spells;
  klass->describe_changes_since = sqlite_describe_changes_since;
}
