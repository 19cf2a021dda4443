/* pathways-history.c — who changed what and when: a record's history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-history"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-entities.h"
#include "pathways-format.h"
#include "pathways-history.h"

/* Fields that say nothing to a reader */
static const char *const hidden_columns[] = { "id", "version", NULL };

/* The flat JSON of an audit row ----------------------------------------- */

static void
skip_space (const char **p)
{
  while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
    (*p)++;
}

static gboolean
read_hex4 (const char **p,
           gunichar    *out)
{
  gunichar c = 0;

  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value ((*p)[i]);
      if (d < 0)
        return FALSE;
      c = c * 16 + (gunichar) d;
    }
  *p += 4;
  *out = c;
  return TRUE;
}

static char *
read_string (const char **p)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (**p != '"')
    return NULL;
  (*p)++;
  while (**p != '"')
    {
      if (**p == '\0' || (guchar) **p < 0x20)
        return NULL;
      if (**p != '\\')
        {
          g_string_append_c (out, **p);
          (*p)++;
          continue;
        }
      (*p)++;
      switch (**p)
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            gunichar c, low;

            (*p)++;
            if (!read_hex4 (p, &c))
              return NULL;
            if (c >= 0xD800 && c < 0xDC00)
              {
                if ((*p)[0] != '\\' || (*p)[1] != 'u')
                  return NULL;
                *p += 2;
                if (!read_hex4 (p, &low) || low < 0xDC00 || low >= 0xE000)
                  return NULL;
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              }
            else if (c >= 0xDC00 && c < 0xE000)
              return NULL;
            if (c == 0)
              return NULL;
            g_string_append_unichar (out, c);
            continue;
          }
        default:
          return NULL;
        }
      (*p)++;
    }
  (*p)++;
  if (!g_utf8_validate (out->str, (gssize) out->len, NULL))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A number, true, false or null: its text (NULL for null) */
static gboolean
read_scalar (const char **p,
             char       **out)
{
  const char *start = *p;

  *out = NULL;
  if (g_str_has_prefix (*p, "null"))
    {
      *p += 4;
      return TRUE;
    }
  if (g_str_has_prefix (*p, "true") || g_str_has_prefix (*p, "false"))
    {
      *out = g_strdup (**p == 't' ? "1" : "0");
      *p += **p == 't' ? 4 : 5;
      return TRUE;
    }
  if (**p == '-')
    (*p)++;
  if (!g_ascii_isdigit (**p))
    return FALSE;
  while (g_ascii_isdigit (**p) || **p == '.' || **p == 'e' || **p == 'E' || **p == '+' || **p == '-')
    (*p)++;
  *out = g_strndup (start, (gsize) (*p - start));
  return TRUE;
}

/**
 * pathways_history_parse_row:
 *
 * Returns: (transfer full) (nullable): key → value (NULL for null)
 */
GHashTable *
pathways_history_parse_row (const char *text)
{
  g_autoptr(GHashTable) row = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *p = text;

  if (text == NULL)
    return NULL;
  skip_space (&p);
  if (*p++ != '{')
    return NULL;
  skip_space (&p);
  if (*p == '}')
    {
      p++;
      skip_space (&p);
      return *p == '\0' ? g_steal_pointer (&row) : NULL;
    }
  for (;;)
    {
      g_autofree char *key = NULL;
      char *value = NULL;

      skip_space (&p);
      if ((key = read_string (&p)) == NULL)
        return NULL;
      skip_space (&p);
      if (*p++ != ':')
        return NULL;
      skip_space (&p);
      if (*p == '"')
        {
          if ((value = read_string (&p)) == NULL)
            return NULL;
        }
      else if (!read_scalar (&p, &value))
        return NULL;
      g_hash_table_replace (row, g_steal_pointer (&key), value);
      skip_space (&p);
      if (*p == ',')
        {
          p++;
          continue;
        }
      if (*p++ != '}')
        return NULL;
      skip_space (&p);
      return *p == '\0' ? g_steal_pointer (&row) : NULL;
    }
}

/* Words ------------------------------------------------------------------ */

static GType
type_for_table (const char *table)
{
  const GType types[] = {
    PATHWAYS_TYPE_YOUNG_PERSON, PATHWAYS_TYPE_UNIT, PATHWAYS_TYPE_SPELL, PATHWAYS_TYPE_MILESTONE,
    PATHWAYS_TYPE_TRANSITION, PATHWAYS_TYPE_NOTE, PATHWAYS_TYPE_CONTACT, PATHWAYS_TYPE_ACTIVITY,
    PATHWAYS_TYPE_EPISODE, PATHWAYS_TYPE_STAFF, PATHWAYS_TYPE_TEAM,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);

      if (g_strcmp0 (pathways_record_class_get_table (PATHWAYS_RECORD_CLASS (klass)), table) == 0)
        return types[i];
    }
  return G_TYPE_INVALID;
}

static const char *
table_label (const char *table)
{
  static const struct { const char *table; const char *label; } labels[] = {
    { "young_person", N_("Profile") },
    { "unit", N_("Unit") },
    { "spell", N_("Accommodation") },
    { "milestone", N_("Milestone") },
    { "transition", N_("Move") },
    { "note", N_("Note") },
    { "contact", N_("Contact") },
    { "activity", N_("Education, employment or training") },
    { "episode", N_("Episode of care") },
    { "unit_status", N_("Unit status") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].table, table) == 0)
      return _(labels[i].label);
  return table;
}

static char *
format_value (const PathwaysField *field,
              const char          *value)
{
  if (value == NULL || *value == '\0')
    return NULL;
  switch (field ? field->type : PATHWAYS_FIELD_STRING)
    {
    case PATHWAYS_FIELD_DATE:
      {
        char *uk = pathways_date_format_uk (value);
        return uk ? uk : g_strdup (value);
      }
    case PATHWAYS_FIELD_BOOL:
      return g_strdup (g_str_equal (value, "0") ? _("No") : _("Yes"));
    case PATHWAYS_FIELD_MONEY:
      return pathways_money_format (g_ascii_strtoll (value, NULL, 10));
    case PATHWAYS_FIELD_STRING:
    case PATHWAYS_FIELD_INT:
    case PATHWAYS_FIELD_REAL:
    default:
      return g_strdup (value);
    }
}

static char *
local_when (const char *at)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = at ? g_date_time_new_from_iso8601 (at, utc) : NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *time = NULL;

  if (when == NULL)
    return g_strdup (at ? at : "");
  local = g_date_time_to_local (when);
  iso = g_date_time_format (local, "%Y-%m-%d");
  day = pathways_date_format_long (iso);
  time = g_date_time_format (local, "%H:%M");
  /* Translators: when a change was made: "2 December 2026, 14:02" */
  return g_strdup_printf (_("%s, %s"), day, time);
}

/* What names the row: a name, a title, a date */
static const char *
row_name (GHashTable *row)
{
  static const char *const keys[] = { "name", "given_name", "title", "kind", "place", "planned_date", "start_date",
                                      "decom", NULL };

  for (guint i = 0; row != NULL && keys[i]; i++)
    {
      const char *v = g_hash_table_lookup (row, keys[i]);
      if (v != NULL && *v != '\0')
        return v;
    }
  return NULL;
}

void
pathways_history_event_free (PathwaysHistoryEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->at);
  g_free (event->when);
  g_free (event->who);
  g_free (event->what);
  g_free (event->action);
  g_free (event->summary);
  g_ptr_array_unref (event->changes);
  g_free (event);
}

static void
change_free (PathwaysHistoryChange *change)
{
  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

/**
 * pathways_history_describe:
 *
 * Returns: (transfer full): @entry in words
 */
PathwaysHistoryEvent *
pathways_history_describe (PathwaysAuditEntry *entry)
{
  PathwaysHistoryEvent *event = g_new0 (PathwaysHistoryEvent, 1);
  const char *table = pathways_audit_entry_get_table_name (entry);
  const char *action = pathways_audit_entry_get_action (entry);
  const char *staff = pathways_audit_entry_get_staff_name (entry);
  g_autoptr(GHashTable) before = pathways_history_parse_row (pathways_audit_entry_get_before_values (entry));
  g_autoptr(GHashTable) after = pathways_history_parse_row (pathways_audit_entry_get_after_values (entry));
  GType type = type_for_table (table);
  g_autoptr(GTypeClass) klass = type != G_TYPE_INVALID ? g_type_class_ref (type) : NULL;
  const char *name = row_name (after ? after : before);

  event->at = g_strdup (pathways_audit_entry_get_at (entry));
  event->when = local_when (event->at);
  event->who = g_strdup (staff && *staff ? staff : pathways_audit_entry_get_actor (entry));
  event->what = g_strdup (table_label (table));
  event->action = g_strdup (action);
  event->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);

  /* The fields, in the record's order, that differ (all of them for an
   * insert or a delete that have values) */
  if (klass != NULL && (before != NULL || after != NULL))
    {
      PathwaysRecordClass *rc = PATHWAYS_RECORD_CLASS (klass);

      for (guint i = 0; i < pathways_record_class_get_n_fields (rc); i++)
        {
          const PathwaysField *f = pathways_record_class_get_field (rc, i);
          const char *column = pathways_record_class_get_column (rc, i);
          const char *b = before ? g_hash_table_lookup (before, column) : NULL;
          const char *a = after ? g_hash_table_lookup (after, column) : NULL;
          PathwaysHistoryChange *change;

          if (g_strv_contains (hidden_columns, column) || f->label == NULL || (f->flags & PATHWAYS_FIELD_DERIVED))
            continue;
          if (g_strcmp0 (a, b) == 0)
            continue;
          if ((f->flags & PATHWAYS_FIELD_REFERENCE) == 0 && a == NULL && b == NULL)
            continue;
          change = g_new0 (PathwaysHistoryChange, 1);
          change->label = g_dgettext (GETTEXT_PACKAGE, f->label);
          change->before = format_value (f, b);
          change->after = format_value (f, a);
          if (change->before == NULL && change->after == NULL)
            {
              change_free (change);
              continue;
            }
          g_ptr_array_add (event->changes, change);
        }
    }

  if (g_strcmp0 (action, "insert") == 0)
    event->summary = name ? g_strdup_printf (_("%s added: %s"), event->what, name)
                          : g_strdup_printf (_("%s added"), event->what);
  else if (g_strcmp0 (action, "delete") == 0)
    event->summary = name ? g_strdup_printf (_("%s removed: %s"), event->what, name)
                          : g_strdup_printf (_("%s removed"), event->what);
  else if (g_strcmp0 (action, "update") == 0)
    {
      if (event->changes->len == 1)
        {
          PathwaysHistoryChange *c = g_ptr_array_index (event->changes, 0);
          /* Translators: one field changed: "Preferred name changed from “Jo” to “Joanna”" */
          if (c->before && c->after)
            event->summary = g_strdup_printf (_("%s changed from “%s” to “%s”"), c->label, c->before, c->after);
          else if (c->after)
            event->summary = g_strdup_printf (_("%s set to “%s”"), c->label, c->after);
          else
            event->summary = g_strdup_printf (_("%s cleared (was “%s”)"), c->label, c->before);
        }
      else
        event->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u field changed",
                                                       "%s: %u fields changed", event->changes->len),
                                          event->what, event->changes->len);
    }
  else if (g_strcmp0 (action, "erase") == 0)
    event->summary = g_strdup (_("Records erased after the retention period"));
  else
    /* Translators: an audit row of another kind: "Repair: Profile" */
    event->summary = g_strdup_printf (_("%s: %s"), action ? action : "", event->what);

  return event;
}

/**
 * pathways_history_load:
 *
 * Returns: (transfer container) (element-type PathwaysHistoryEvent):
 *   newest first, or %NULL with @error set
 */
GPtrArray *
pathways_history_load (PathwaysStore  *store,
                       const char     *table,
                       gint64          row_id,
                       GError        **error)
{
  g_autoptr(GListModel) entries = NULL;
  GPtrArray *out;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  if (g_str_equal (table, "young_person"))
    entries = pathways_store_list_audit_for_person (store, row_id, error);
  else
    entries = pathways_store_list_audit (store, table, row_id, error);
  if (entries == NULL)
    return NULL;

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_history_event_free);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PathwaysAuditEntry) e = g_list_model_get_item (entries, i);
      PathwaysHistoryEvent *event = pathways_history_describe (e);

      /* An update that changed nothing a reader sees (a version bump) */
      if (g_strcmp0 (event->action, "update") == 0 && event->changes->len == 0)
        {
          pathways_history_event_free (event);
          continue;
        }
      g_ptr_array_add (out, event);
    }
  return out;
}

typedef struct {
  char   *table;
  gint64  row_id;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->table);
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
  GPtrArray *events = pathways_history_load (PATHWAYS_STORE (source_object), data->table, data->row_id, &error);

  if (events == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, events, (GDestroyNotify) g_ptr_array_unref);
}

void
pathways_history_load_async (PathwaysStore       *store,
                             const char          *table,
                             gint64               row_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (PATHWAYS_IS_STORE (store));
  g_return_if_fail (table != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, pathways_history_load_async);
  data = g_new0 (LoadData, 1);
  data->table = g_strdup (table);
  data->row_id = row_id;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * pathways_history_load_finish:
 *
 * Returns: (transfer container) (element-type PathwaysHistoryEvent)
 */
GPtrArray *
pathways_history_load_finish (PathwaysStore  *store,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pathways_history_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
