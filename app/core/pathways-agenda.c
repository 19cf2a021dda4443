/* pathways-agenda.c — what is coming up for a caseload: My day and the Agenda
 *
 * One timeline load (who the young people are, their PA and team, their
 * planned moves and milestones) and one rules snapshot (their key dates
 * and alerts) give every item; the dates are the rules' own, so the
 * agenda, the young person's page and the timeline agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-agenda"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-agenda.h"
#include "pathways-file.h"
#include "pathways-format.h"
#include "pathways-snapshot.h"
#include "pathways-timeline.h"

struct _PathwaysAgenda
{
  gatomicrefcount  ref_count;
  char            *from;
  char            *to;
  char            *authority;
  GStringChunk    *strings;
  GArray          *items;      /* PathwaysAgendaItem */
};

G_DEFINE_BOXED_TYPE (PathwaysAgenda, pathways_agenda, pathways_agenda_ref, pathways_agenda_unref)

/* Helpers */

static const char *
intern (PathwaysAgenda *self,
        const char     *s)
{
  return s != NULL ? g_string_chunk_insert_const (self->strings, s) : NULL;
}

/* "Family, Given" → "Given F." */
static char *
short_name_for (const PathwaysTimelineRow *row)
{
  const char *comma = row->sort_name ? strstr (row->sort_name, ", ") : NULL;

  if (comma != NULL && comma != row->sort_name && comma[2] != '\0')
    {
      gunichar initial = g_utf8_get_char (row->sort_name);
      char buf[8] = { 0 };

      g_unichar_to_utf8 (g_unichar_toupper (initial), buf);
      /* Translators: a young person's given name and family initial in a
       * calendar: "Yonas A." */
      return g_strdup_printf (_("%s %s."), comma + 2, buf);
    }
  return g_strdup (row->name);
}

static const char *
birthday_title (int years)
{
  switch (years)
    {
    case 16: return _("16th birthday");
    case 17: return _("17th birthday");
    case 18: return _("18th birthday: leaves care");
    case 19: return _("19th birthday");
    case 20: return _("20th birthday");
    case 21: return _("21st birthday: PA support ends unless asked for");
    case 22: return _("22nd birthday");
    case 23: return _("23rd birthday");
    case 24: return _("24th birthday");
    case 25: return _("25th birthday: PA support ends");
    default: return NULL;
    }
}

static void
add_item (PathwaysAgenda            *self,
          const PathwaysTimelineRow *row,
          const char                *short_name,
          PathwaysAgendaKind         kind,
          const char                *code,
          const char                *key_suffix,
          const char                *date,
          const char                *title,
          PathwaysSeverity           severity)
{
  PathwaysAgendaItem item = { 0 };
  g_autofree char *key = NULL;

  if (key_suffix != NULL)
    key = g_strdup_printf ("%" G_GINT64_FORMAT "-%s-%s", row->id, code, key_suffix);
  else
    key = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", row->id, code);

  item.kind = kind;
  item.code = intern (self, code);
  item.key = intern (self, key);
  item.date = intern (self, date);
  item.title = intern (self, title);
  item.severity = severity;
  item.person_id = row->id;
  item.person_name = intern (self, row->name);
  item.short_name = intern (self, short_name);
  item.pa_id = row->pa_id;
  item.pa_name = intern (self, row->pa_name);
  item.team = intern (self, row->team);
  g_array_append_val (self->items, item);
}

static gboolean
in_window (PathwaysAgenda *self,
           const char     *date)
{
  return date != NULL && strcmp (date, self->from) >= 0 && strcmp (date, self->to) <= 0;
}

static void
add_dates (PathwaysAgenda            *self,
           GHashTable                *units,
           const PathwaysTimelineRow *row,
           const PathwaysPersonFacts *facts,
           const char                *short_name)
{
  g_autoptr(PathwaysKeyDates) kd = pathways_rules_key_dates (facts, units, self->from);
  struct { const char *code; const char *date; const char *title; } rules[] = {
    { PATHWAYS_AGENDA_NEEDS_ASSESSMENT, kd->needs_assessment_due, _("Needs assessment due") },
    { PATHWAYS_AGENDA_PLAN_REVIEW, kd->pathway_plan_review_due, _("Pathway plan review due") },
    { PATHWAYS_AGENDA_STAYING_PUT_END, kd->staying_put_end, _("Staying Put ends") },
    { PATHWAYS_AGENDA_UNIVERSAL_CREDIT, kd->universal_credit_from, _("Universal Credit: advance claim from") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (in_window (self, rules[i].date))
      add_item (self, row, short_name, PATHWAYS_AGENDA_DATE, rules[i].code, NULL,
                rules[i].date, rules[i].title, PATHWAYS_SEVERITY_INFO);

  /* Birthdays 16 to 25: the 18th, 21st and 25th change what is owed */
  if (facts->date_of_birth != NULL)
    for (int years = 16; years <= 25; years++)
      {
        g_autofree char *day = pathways_date_birthday (facts->date_of_birth, years);
        char suffix[4];

        if (!in_window (self, day))
          continue;
        g_snprintf (suffix, sizeof suffix, "%d", years);
        add_item (self, row, short_name, PATHWAYS_AGENDA_DATE, PATHWAYS_AGENDA_BIRTHDAY, suffix,
                  day, birthday_title (years), PATHWAYS_SEVERITY_INFO);
      }

  for (guint i = 0; row->moves && i < row->moves->len; i++)
    {
      const PathwaysTimelineMove *m = &g_array_index (row->moves, PathwaysTimelineMove, i);
      g_autofree char *suffix = NULL;
      g_autofree char *title = NULL;

      if (g_strcmp0 (m->state, "done") == 0 || !in_window (self, m->date))
        continue;
      suffix = g_strdup_printf ("%" G_GINT64_FORMAT, m->transition_id);
      if (m->to != NULL)
        /* Translators: an agenda entry: "Planned move to 5 Larch Road" */
        title = g_strdup_printf (_("Planned move to %s"), m->to);
      else
        title = g_strdup (_("Planned move"));
      add_item (self, row, short_name, PATHWAYS_AGENDA_DATE, PATHWAYS_AGENDA_MOVE, suffix,
                m->date, title, PATHWAYS_SEVERITY_INFO);
    }

  for (guint i = 0; row->milestones && i < row->milestones->len; i++)
    {
      const PathwaysTimelineMilestone *ms = &g_array_index (row->milestones, PathwaysTimelineMilestone, i);
      g_autofree char *suffix = NULL;
      g_autofree char *title = NULL;

      if (ms->done_date != NULL || !in_window (self, ms->due_date))
        continue;
      /* The milestone's name, not its date: a new due date updates the event */
      suffix = g_compute_checksum_for_string (G_CHECKSUM_SHA1, ms->name ? ms->name : "", -1);
      suffix[12] = '\0';
      /* Translators: an agenda entry: "Milestone due: Open a bank account" */
      title = g_strdup_printf (_("Milestone due: %s"), ms->name ? ms->name : "");
      add_item (self, row, short_name, PATHWAYS_AGENDA_DATE, PATHWAYS_AGENDA_MILESTONE, suffix,
                ms->due_date, title, PATHWAYS_SEVERITY_INFO);
    }
}

static void
add_alerts (PathwaysAgenda   *self,
            PathwaysTimeline *timeline,
            PathwaysSnapshot *snap)
{
  g_autoptr(GPtrArray) alerts = pathways_snapshot_alerts (snap, 0);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < alerts->len; i++)
    {
      const PathwaysAlertFacts *a = g_ptr_array_index (alerts, i);
      const PathwaysTimelineRow *row = pathways_timeline_find_row (timeline, a->person_id);
      g_autofree char *short_name = NULL;
      g_autofree char *key = NULL;
      char suffix[16];
      guint n;

      if (row == NULL)   /* a closed case */
        continue;
      /* Two alerts of one kind for one person are told apart by order */
      key = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", a->person_id, a->kind);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key));
      g_hash_table_replace (seen, g_steal_pointer (&key), GUINT_TO_POINTER (n + 1));
      g_snprintf (suffix, sizeof suffix, "%u", n);
      short_name = short_name_for (row);
      add_item (self, row, short_name, PATHWAYS_AGENDA_ALERT, a->kind, n ? suffix : NULL,
                a->due, a->text, a->severity);
    }
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const PathwaysAgendaItem *x = *(PathwaysAgendaItem * const *) a;
  const PathwaysAgendaItem *y = *(PathwaysAgendaItem * const *) b;
  int c;

  if (x->kind != y->kind)
    return x->kind == PATHWAYS_AGENDA_ALERT ? -1 : 1;
  if (x->kind == PATHWAYS_AGENDA_ALERT && x->severity != y->severity)
    return x->severity > y->severity ? -1 : 1;
  /* Undated last */
  if ((x->date == NULL) != (y->date == NULL))
    return x->date == NULL ? 1 : -1;
  if (x->date != NULL && (c = strcmp (x->date, y->date)) != 0)
    return c;
  if ((c = g_utf8_collate (x->person_name ? x->person_name : "", y->person_name ? y->person_name : "")) != 0)
    return c;
  return strcmp (x->key, y->key);
}

/* Public API */

/**
 * pathways_agenda_load:
 * @from: the first day (ISO), today
 * @days: how many days ahead, at least 1
 *
 * Returns: (transfer full): the agenda, or %NULL with @error set
 */
PathwaysAgenda *
pathways_agenda_load (PathwaysStore  *store,
                      const char     *from,
                      int             days,
                      GError        **error)
{
  g_autoptr(PathwaysAgenda) self = NULL;
  g_autoptr(PathwaysTimeline) timeline = NULL;
  g_autoptr(PathwaysSnapshot) snap = NULL;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), NULL);
  g_return_val_if_fail (pathways_date_parse_iso (from, NULL), NULL);
  g_return_val_if_fail (days >= 1, NULL);

  if ((timeline = pathways_timeline_load (store, from, error)) == NULL ||
      (snap = pathways_snapshot_load_shared (store, from, error)) == NULL)
    return NULL;

  self = g_new0 (PathwaysAgenda, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->from = g_strdup (from);
  self->to = pathways_date_add_days (from, days - 1);
  self->authority = g_strdup (pathways_timeline_get_authority_name (timeline));
  self->strings = g_string_chunk_new (16 * 1024);
  self->items = g_array_new (FALSE, FALSE, sizeof (PathwaysAgendaItem));

  add_alerts (self, timeline, snap);
  for (guint i = 0; i < pathways_timeline_get_n_rows (timeline); i++)
    {
      const PathwaysTimelineRow *row = pathways_timeline_get_row (timeline, i);
      const PathwaysPersonFacts *facts = pathways_snapshot_get_person (snap, row->id);
      g_autofree char *short_name = NULL;

      if (facts == NULL)
        continue;
      short_name = short_name_for (row);
      add_dates (self, pathways_snapshot_get_units (snap), row, facts, short_name);
    }

  return g_steal_pointer (&self);
}

typedef struct {
  char *from;
  int   days;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->from);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  PathwaysAgenda *agenda;

  if (g_task_return_error_if_cancelled (task))
    return;
  agenda = pathways_agenda_load (PATHWAYS_STORE (source_object), data->from, data->days, &error);
  if (agenda == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, agenda, (GDestroyNotify) pathways_agenda_unref);
}

/**
 * pathways_agenda_load_async:
 *
 * Loads the agenda in a worker thread.
 */
void
pathways_agenda_load_async (PathwaysStore       *store,
                            const char          *from,
                            int                  days,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (PATHWAYS_IS_STORE (store));
  g_return_if_fail (pathways_date_parse_iso (from, NULL));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, pathways_agenda_load_async);
  data = g_new0 (LoadData, 1);
  data->from = g_strdup (from);
  data->days = MAX (days, 1);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * pathways_agenda_load_finish:
 *
 * Returns: (transfer full): the agenda, or %NULL with @error set
 */
PathwaysAgenda *
pathways_agenda_load_finish (PathwaysStore  *store,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pathways_agenda_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

PathwaysAgenda *
pathways_agenda_ref (PathwaysAgenda *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pathways_agenda_unref (PathwaysAgenda *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->items);
  g_string_chunk_free (self->strings);
  g_free (self->from);
  g_free (self->to);
  g_free (self->authority);
  g_free (self);
}

const char *
pathways_agenda_get_from (PathwaysAgenda *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->from;
}

const char *
pathways_agenda_get_to (PathwaysAgenda *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->to;
}

/* The local authority's name, or NULL when it is not set */
const char *
pathways_agenda_get_authority_name (PathwaysAgenda *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->authority;
}

/**
 * pathways_agenda_select:
 *
 * Returns: (transfer container) (element-type PathwaysAgendaItem): items
 *   borrowed from @self
 */
GPtrArray *
pathways_agenda_select (PathwaysAgenda *self,
                        gint64          pa_id,
                        const char     *team,
                        guint           kinds)
{
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, out);

  for (guint i = 0; i < self->items->len; i++)
    {
      PathwaysAgendaItem *item = &g_array_index (self->items, PathwaysAgendaItem, i);

      if ((kinds & (1u << item->kind)) == 0)
        continue;
      if (pa_id != 0 && item->pa_id != pa_id)
        continue;
      if (team != NULL && g_strcmp0 (item->team, team) != 0)
        continue;
      g_ptr_array_add (out, item);
    }
  g_ptr_array_sort (out, compare_items);
  return out;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/**
 * pathways_agenda_list_pas:
 * @out_ids: (out) (optional) (element-type gint64): their ids, in the same order
 *
 * Returns: (transfer container) (element-type utf8): the PAs' names, by name
 */
GPtrArray *
pathways_agenda_list_pas (PathwaysAgenda *self,
                          GArray        **out_ids)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < self->items->len; i++)
    {
      PathwaysAgendaItem *item = &g_array_index (self->items, PathwaysAgendaItem, i);

      if (item->pa_id != 0 && item->pa_name != NULL &&
          !g_hash_table_contains (names, item->pa_name))
        {
          g_hash_table_insert (names, (gpointer) item->pa_name, item);
          g_ptr_array_add (out, (gpointer) item->pa_name);
        }
    }
  g_ptr_array_sort (out, compare_strings);
  if (out_ids != NULL)
    {
      *out_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < out->len; i++)
        {
          PathwaysAgendaItem *item = g_hash_table_lookup (names, g_ptr_array_index (out, i));
          g_array_append_val (*out_ids, item->pa_id);
        }
    }
  return out;
}

/**
 * pathways_agenda_list_teams:
 *
 * Returns: (transfer container) (element-type utf8): the teams, by name
 */
GPtrArray *
pathways_agenda_list_teams (PathwaysAgenda *self)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < self->items->len; i++)
    {
      PathwaysAgendaItem *item = &g_array_index (self->items, PathwaysAgendaItem, i);

      if (item->team != NULL && g_hash_table_add (names, (gpointer) item->team))
        g_ptr_array_add (out, (gpointer) item->team);
    }
  g_ptr_array_sort (out, compare_strings);
  return out;
}

/* iCalendar ------------------------------------------------------------ */

/* TEXT escaping (RFC 5545 3.3.11) */
static void
append_text (GString    *line,
             const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (line, "\\\\"); break;
      case ';': g_string_append (line, "\\;"); break;
      case ',': g_string_append (line, "\\,"); break;
      case '\n': g_string_append (line, "\\n"); break;
      case '\r': break;
      default: g_string_append_c (line, *p);
      }
}

/* A content line, folded at 75 octets without splitting a UTF-8
 * character (3.1), ended with CRLF */
static void
append_line (GString    *out,
             const char *line)
{
  gsize len = strlen (line);
  gsize start = 0;
  gsize limit = 75;

  while (len - start > limit)
    {
      gsize cut = start + limit;

      while (cut > start && (line[cut] & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, line + start, (gssize) (cut - start));
      g_string_append (out, "\r\n ");
      start = cut;
      limit = 74;   /* the leading space counts */
    }
  g_string_append (out, line + start);
  g_string_append (out, "\r\n");
}

static void
append_property (GString    *out,
                 const char *name,
                 const char *text)
{
  g_autoptr(GString) line = g_string_new (name);

  g_string_append_c (line, ':');
  append_text (line, text);
  append_line (out, line->str);
}

static char *
ics_date (const char *iso,
          int         plus_days)
{
  g_autofree char *day = plus_days ? pathways_date_add_days (iso, plus_days) : g_strdup (iso);
  GString *s = g_string_new (NULL);

  for (const char *p = day; p != NULL && *p; p++)
    if (*p != '-')
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

/**
 * pathways_agenda_to_ics:
 * @items: (element-type PathwaysAgendaItem)
 * @calendar_name: (nullable): X-WR-CALNAME
 * @stamp: (nullable): DTSTAMP, NULL for now
 *
 * Returns: (transfer full): the calendar, CRLF line ends
 */
char *
pathways_agenda_to_ics (GPtrArray  *items,
                        const char *calendar_name,
                        GDateTime  *stamp)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GDateTime) now = stamp ? g_date_time_to_utc (stamp) : g_date_time_new_now_utc ();
  g_autofree char *dtstamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");

  append_line (out, "BEGIN:VCALENDAR");
  append_line (out, "VERSION:2.0");
  append_line (out, "PRODID:-//Pathways//Pathways " PACKAGE_VERSION "//EN");
  append_line (out, "CALSCALE:GREGORIAN");
  append_line (out, "METHOD:PUBLISH");
  if (calendar_name != NULL)
    append_property (out, "X-WR-CALNAME", calendar_name);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const PathwaysAgendaItem *item = g_ptr_array_index (items, i);
      g_autofree char *uid = NULL;
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *line = NULL;

      if (item->kind != PATHWAYS_AGENDA_DATE || item->date == NULL)
        continue;
      uid = g_strdup_printf ("UID:%s@pathways.invalid", item->key);
      start = ics_date (item->date, 0);
      end = ics_date (item->date, 1);
      /* Translators: a calendar event: "18th birthday: leaves care — Yonas A." */
      summary = g_strdup_printf (_("%s — %s"), item->title, item->short_name);

      append_line (out, "BEGIN:VEVENT");
      append_line (out, uid);
      line = g_strdup_printf ("DTSTAMP:%s", dtstamp);
      append_line (out, line);
      g_clear_pointer (&line, g_free);
      line = g_strdup_printf ("DTSTART;VALUE=DATE:%s", start);
      append_line (out, line);
      g_clear_pointer (&line, g_free);
      line = g_strdup_printf ("DTEND;VALUE=DATE:%s", end);
      append_line (out, line);
      append_property (out, "SUMMARY", summary);
      append_property (out, "CATEGORIES", item->code);
      append_line (out, "CLASS:CONFIDENTIAL");
      append_line (out, "TRANSP:TRANSPARENT");
      append_line (out, "END:VEVENT");
    }
  append_line (out, "END:VCALENDAR");
  return g_string_free (out, FALSE);
}

/**
 * pathways_agenda_write_ics:
 *
 * Writes pathways_agenda_to_ics() to @path, 0600, replaced whole.
 */
gboolean
pathways_agenda_write_ics (GPtrArray   *items,
                           const char  *calendar_name,
                           const char  *path,
                           GError     **error)
{
  g_autofree char *text = pathways_agenda_to_ics (items, calendar_name, NULL);

  return pathways_file_set_contents (path, text, strlen (text), error);
}
