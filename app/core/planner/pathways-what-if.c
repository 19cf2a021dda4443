/* pathways-what-if.c — the what-if file (format in pathways-what-if.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-format.h"
#include "pathways-store.h"
#include "pathways-vocab.h"
#include "pathways-what-if.h"

#define MAX_COUNT  500
#define MAX_ADDED  5000
#define MAX_LINE   1000

struct _PathwaysWhatIf {
  GPtrArray  *added;     /* PathwaysUnitFacts* (owned, strings in strings) */
  GPtrArray  *strings;   /* char*, owned */
  GHashTable *removed;   /* gint64* set */
  gint64      next_id;
};

static void
unit_facts_free (gpointer data)
{
  g_free (data);
}

PathwaysWhatIf *
pathways_what_if_new (void)
{
  PathwaysWhatIf *w = g_new0 (PathwaysWhatIf, 1);

  w->added = g_ptr_array_new_with_free_func (unit_facts_free);
  w->strings = g_ptr_array_new_with_free_func (g_free);
  w->removed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  w->next_id = -1;
  return w;
}

void
pathways_what_if_free (PathwaysWhatIf *w)
{
  if (w == NULL)
    return;
  g_ptr_array_unref (w->added);
  g_ptr_array_unref (w->strings);
  g_hash_table_unref (w->removed);
  g_free (w);
}

GPtrArray *
pathways_what_if_get_added (const PathwaysWhatIf *w)
{
  return w->added;
}

gboolean
pathways_what_if_removes (const PathwaysWhatIf *w,
                          gint64                unit_id)
{
  return g_hash_table_contains (w->removed, &unit_id);
}

guint
pathways_what_if_get_n_removed (const PathwaysWhatIf *w)
{
  return g_hash_table_size (w->removed);
}

gboolean
pathways_what_if_is_empty (const PathwaysWhatIf *w)
{
  return w == NULL || (w->added->len == 0 && g_hash_table_size (w->removed) == 0);
}

static const char *
keep (PathwaysWhatIf *w,
      const char     *text)
{
  char *copy = g_strdup (text);

  g_ptr_array_add (w->strings, copy);
  return copy;
}

static gboolean
fail (GError     **error,
      const char  *file,
      guint        line,
      const char  *message)
{
  /* Translators: a file name, a line number, and what is wrong there (a sentence) */
  g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID, _("%s, line %u: %s"),
               file, line, message);
  return FALSE;
}

/* KEY=VALUE fields; a value may be in double quotes */
static gboolean
split_fields (const char  *line,
              GPtrArray   *keys,
              GPtrArray   *values,
              char       **out_message)
{
  const char *p = line;

  while (*p)
    {
      const char *start;
      GString *value;

      while (*p == ' ' || *p == '\t')
        p++;
      if (*p == '\0')
        break;
      start = p;
      while (*p && *p != '=' && *p != ' ' && *p != '\t')
        p++;
      if (*p != '=')
        {
          g_autofree char *word = g_strndup (start, p - start);
          g_autofree char *shown = g_utf8_make_valid (word, -1);
          *out_message = g_strdup_printf (_("‘%s’ is not KEY=VALUE."), shown);
          return FALSE;
        }
      g_ptr_array_add (keys, g_strndup (start, p - start));
      p++;
      value = g_string_new (NULL);
      if (*p == '"')
        {
          p++;
          while (*p && *p != '"')
            g_string_append_c (value, *p++);
          if (*p != '"')
            {
              g_string_free (value, TRUE);
              g_ptr_array_add (values, g_strdup (""));
              *out_message = g_strdup (_("A quoted value is not closed."));
              return FALSE;
            }
          p++;
        }
      else
        while (*p && *p != ' ' && *p != '\t')
          g_string_append_c (value, *p++);
      g_ptr_array_add (values, g_string_free (value, FALSE));
    }
  return TRUE;
}

static gboolean
parse_int (const char *text,
           gint64      min,
           gint64      max,
           gint64     *out)
{
  guint64 n;

  if (text == NULL || *text == '\0' || !g_ascii_isdigit (*text))
    return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, (guint64) min, (guint64) max, &n, NULL))
    return FALSE;
  *out = (gint64) n;
  return TRUE;
}

static gboolean
parse_line (PathwaysWhatIf  *w,
            const char      *line,
            const char      *today,
            char           **out_message)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  const char *verb_end = line;
  g_autofree char *verb = NULL;

  while (*verb_end && *verb_end != ' ' && *verb_end != '\t')
    verb_end++;
  verb = g_strndup (line, verb_end - line);
  if (!split_fields (verb_end, keys, values, out_message))
    return FALSE;

  if (g_str_equal (verb, "remove"))
    {
      gint64 id = 0;
      for (guint i = 0; i < keys->len; i++)
        if (!g_str_equal (g_ptr_array_index (keys, i), "unit"))
          {
            g_autofree char *shown = g_utf8_make_valid (g_ptr_array_index (keys, i), -1);
            *out_message = g_strdup_printf (_("‘remove’ takes only unit=ID, not ‘%s’."), shown);
            return FALSE;
          }
      if (keys->len != 1 || !parse_int (g_ptr_array_index (values, 0), 1, G_MAXINT64, &id))
        {
          *out_message = g_strdup (_("‘remove’ needs unit=ID, the number of a unit of the register."));
          return FALSE;
        }
      g_hash_table_add (w->removed, g_memdup2 (&id, sizeof id));
      return TRUE;
    }
  if (g_str_equal (verb, "add"))
    {
      const char *kind = NULL, *area = NULL, *name = NULL, *registration = NULL;
      gint64 count = 1, cost = -1, min_age = -1, max_age = -1, support = -1;
      gboolean in_authority = TRUE;
      g_autofree char *from = g_strdup (today);

      for (guint i = 0; i < keys->len; i++)
        {
          const char *k = g_ptr_array_index (keys, i);
          const char *v = g_ptr_array_index (values, i);
          g_autofree char *shown_k = g_utf8_make_valid (k, -1);
          g_autofree char *shown_v = g_utf8_make_valid (v, -1);

          if (g_str_equal (k, "kind"))
            {
              if (!pathways_vocab_is_valid (PATHWAYS_VOCAB_UNIT_KIND, v))
                {
                  *out_message = g_strdup_printf (_("kind ‘%s’ is not a kind of unit."), shown_v);
                  return FALSE;
                }
              kind = v;
            }
          else if (g_str_equal (k, "area"))
            {
              if (*v == '\0' || !g_utf8_validate (v, -1, NULL) || g_utf8_strlen (v, -1) > 100)
                {
                  *out_message = g_strdup (_("area must be a name of up to 100 characters."));
                  return FALSE;
                }
              area = v;
            }
          else if (g_str_equal (k, "name"))
            {
              if (*v == '\0' || !g_utf8_validate (v, -1, NULL) || g_utf8_strlen (v, -1) > 200)
                {
                  *out_message = g_strdup (_("name must be up to 200 characters."));
                  return FALSE;
                }
              name = v;
            }
          else if (g_str_equal (k, "count"))
            {
              if (!parse_int (v, 1, MAX_COUNT, &count))
                {
                  *out_message = g_strdup_printf (_("count must be a whole number from 1 to %d."), MAX_COUNT);
                  return FALSE;
                }
            }
          else if (g_str_equal (k, "cost"))
            {
              if (!pathways_money_parse (v, &cost, NULL) || cost < 0 || cost > 10000000)
                {
                  *out_message = g_strdup_printf (_("cost ‘%s’ is not an amount of money a week, such as "
                                                    "250.00."), shown_v);
                  return FALSE;
                }
            }
          else if (g_str_equal (k, "from"))
            {
              g_autofree char *iso = NULL;
              if (!pathways_date_parse_user (v, &iso) || iso == NULL)
                {
                  *out_message = g_strdup_printf (_("from ‘%s’ is not a date (dd/mm/yyyy)."), shown_v);
                  return FALSE;
                }
              g_free (from);
              from = g_steal_pointer (&iso);
            }
          else if (g_str_equal (k, "min-age") || g_str_equal (k, "max-age"))
            {
              gint64 *target = g_str_equal (k, "min-age") ? &min_age : &max_age;
              if (!parse_int (v, 0, 30, target))
                {
                  *out_message = g_strdup_printf (_("%s must be an age from 0 to 30."), shown_k);
                  return FALSE;
                }
            }
          else if (g_str_equal (k, "support-hours"))
            {
              if (!parse_int (v, 0, 168, &support))
                {
                  *out_message = g_strdup (_("support-hours must be a whole number of hours a week from 0 to 168."));
                  return FALSE;
                }
            }
          else if (g_str_equal (k, "registration"))
            {
              if (!pathways_vocab_is_valid (PATHWAYS_VOCAB_REGISTRATION, v))
                {
                  *out_message = g_strdup_printf (_("registration ‘%s’ is not a registration status."), shown_v);
                  return FALSE;
                }
              registration = v;
            }
          else if (g_str_equal (k, "in-authority"))
            {
              if (g_str_equal (v, "yes"))
                in_authority = TRUE;
              else if (g_str_equal (v, "no"))
                in_authority = FALSE;
              else
                {
                  *out_message = g_strdup (_("in-authority must be yes or no."));
                  return FALSE;
                }
            }
          else
            {
              *out_message = g_strdup_printf (_("‘%s’ is not a field of ‘add’."), shown_k);
              return FALSE;
            }
        }
      if (kind == NULL)
        {
          *out_message = g_strdup (_("‘add’ needs kind=, the kind of unit."));
          return FALSE;
        }
      if (area == NULL)
        {
          *out_message = g_strdup (_("‘add’ needs area=, where the units are."));
          return FALSE;
        }
      if (cost < 0)
        {
          *out_message = g_strdup (_("‘add’ needs cost=, the weekly cost in pounds."));
          return FALSE;
        }
      if (min_age >= 0 && max_age >= 0 && max_age != 0 && max_age < min_age)
        {
          *out_message = g_strdup (_("max-age is below min-age."));
          return FALSE;
        }
      if (w->added->len + count > MAX_ADDED)
        {
          *out_message = g_strdup_printf (_("A what-if adds at most %d units."), MAX_ADDED);
          return FALSE;
        }
      {
        g_autofree char *label = name ? g_strdup (name)
                                      : g_strdup_printf (_("New %s in %s"),
                                                         pathways_vocab_label (PATHWAYS_VOCAB_UNIT_KIND, kind), area);
        const char *k_kept = keep (w, kind), *a_kept = keep (w, area);
        const char *from_kept = keep (w, from);
        const char *reg_kept = registration ? keep (w, registration)
                               : keep (w, g_str_equal (kind, "supported") || g_str_equal (kind, "supported_lodgings") ||
                                          g_str_equal (kind, "foyer") ? "registered" : "not_required");

        for (gint64 i = 0; i < count; i++)
          {
            PathwaysUnitFacts *u = g_new0 (PathwaysUnitFacts, 1);
            g_autofree char *unit_name = count > 1 ? g_strdup_printf ("%s (%" G_GINT64_FORMAT ")", label, i + 1)
                                                   : g_strdup (label);
            u->id = w->next_id--;
            u->name = keep (w, unit_name);
            u->kind = k_kept;
            u->area = a_kept;
            u->in_authority = in_authority;
            u->registration = reg_kept;
            u->ofsted_urn = g_str_equal (reg_kept, "registered") ? keep (w, "WHATIF") : NULL;
            u->min_age = min_age >= 0 ? (int) min_age : (g_str_equal (kind, "council") ||
                                                         g_str_equal (kind, "housing_association") ||
                                                         g_str_equal (kind, "private_rented") ? 18 : 16);
            u->max_age = max_age >= 0 ? (int) max_age : 0;
            u->support_hours = support >= 0 ? (double) support : 10;
            /* Not there before the date: offline until then */
            if (strcmp (from_kept, today) > 0)
              {
                u->status = "offline";
                u->status_to = from_kept;
              }
            else
              u->status = "available";
            u->weekly_cost = cost;
            u->spells = NULL;
            g_ptr_array_add (w->added, u);
          }
      }
      return TRUE;
    }
  {
    g_autofree char *shown = g_utf8_make_valid (verb, -1);
    *out_message = g_strdup_printf (_("‘%s’ is not a change: use add or remove."), shown);
  }
  return FALSE;
}

/**
 * pathways_what_if_parse:
 * @file_name: for messages
 * @today: ISO: the default of from=
 *
 * Returns: the changes, or %NULL with an error naming the line
 */
PathwaysWhatIf *
pathways_what_if_parse (const char  *text,
                        gssize       length,
                        const char  *file_name,
                        const char  *today,
                        GError     **error)
{
  g_autoptr(PathwaysWhatIf) w = pathways_what_if_new ();
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;
  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (today != NULL && pathways_date_parse_iso (today, NULL), NULL);
  if (length < 0)
    length = (gssize) strlen (text);
  if (file_name == NULL)
    file_name = _("what-if");
  if (memchr (text, '\0', (size_t) length) != NULL || !g_utf8_validate (text, length, NULL))
    {
      fail (error, file_name, 1, _("The file is not UTF-8 text."));
      return NULL;
    }
  copy = g_strndup (text, (gsize) length);
  lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      g_autofree char *message = NULL;

      if (*line == '\0' || *line == '#')
        continue;
      if (strlen (line) > MAX_LINE)
        {
          fail (error, file_name, i + 1, _("The line is longer than 1000 characters."));
          return NULL;
        }
      if (!parse_line (w, line, today, &message))
        {
          fail (error, file_name, i + 1, message);
          return NULL;
        }
    }
  return g_steal_pointer (&w);
}
