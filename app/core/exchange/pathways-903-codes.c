/* pathways-903-codes.c — the DfE code lists, valid from and until
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pathways-csv.h"
#include "pathways-903-codes.h"
#include "pathways-exchange.h"
#include "pathways-format.h"

#define KEY_MAX 64

typedef struct {
  char  from[11];
  char  to[11];
  gboolean unsuitable_only;
  char *meaning;
} Range;

struct _Pathways903CodeTable {
  gatomicrefcount ref;
  guint           version;
  guint           n_codes;
  GHashTable     *codes;  /* "LIST\x1fCODE" → GArray of Range, ordered by from */
};

typedef struct {
  Pathways903CodeTable *table;
  gboolean              header_seen;
} Loader;

static const char *const columns[] = { "list", "code", "meaning", "valid_from", "valid_to", "unsuitable_only" };

static void
range_clear (gpointer data)
{
  Range *r = data;
  g_free (r->meaning);
}

static void
ranges_free (gpointer data)
{
  g_array_unref (data);
}

static gboolean
make_key (char        key[KEY_MAX],
          const char *list,
          const char *code)
{
  gsize a = strlen (list), b = strlen (code);

  if (a + b + 2 > KEY_MAX)
    return FALSE;
  memcpy (key, list, a);
  key[a] = '\x1f';
  memcpy (key + a + 1, code, b + 1);
  return TRUE;
}

static gboolean
bad_line (GError               **error,
          const PathwaysCsvRow  *row,
          const char            *why)
{
  g_set_error (error, PATHWAYS_EXCHANGE_ERROR, PATHWAYS_EXCHANGE_ERROR_INVALID,
               /* Translators: "ssda903-codes.csv row 12: valid_to is before valid_from" */
               _("%s row %u: %s"), row->file, row->row, why);
  return FALSE;
}

static gboolean
iso_or_blank (const char *text)
{
  GDate d;
  return text[0] == '\0' || pathways_date_parse_iso (text, &d);
}

static void
insert (Pathways903CodeTable *table,
        const char           *key,
        const char           *meaning,
        const char           *from,
        const char           *to,
        gboolean              unsuitable_only)
{
  GArray *ranges = g_hash_table_lookup (table->codes, key);
  Range r = { 0 };
  guint at;

  g_strlcpy (r.from, from ? from : "", sizeof r.from);
  g_strlcpy (r.to, to ? to : "", sizeof r.to);
  r.unsuitable_only = unsuitable_only;
  r.meaning = g_strdup (meaning);

  if (ranges == NULL)
    {
      ranges = g_array_new (FALSE, TRUE, sizeof (Range));
      g_array_set_clear_func (ranges, range_clear);
      g_hash_table_insert (table->codes, g_strdup (key), ranges);
    }
  /* Keep the ranges ordered by their first day (blank first) */
  at = ranges->len;
  while (at > 0 && strcmp (g_array_index (ranges, Range, at - 1).from, r.from) > 0)
    at--;
  g_array_insert_val (ranges, at, r);
  table->n_codes++;
}

static gboolean
load_row_cb (const PathwaysCsvRow  *row,
             gpointer               user_data,
             GError               **error)
{
  Loader *l = user_data;
  char key[KEY_MAX];

  if (row->fields[0][0] == '#')
    {
      unsigned version = 0;
      if (sscanf (row->fields[0], "# ssda903-codes version %u", &version) == 1)
        l->table->version = version;
      return TRUE;
    }

  if (!l->header_seen)
    {
      if (row->n_fields != G_N_ELEMENTS (columns))
        return bad_line (error, row, _("the columns must be list, code, meaning, valid_from, valid_to, unsuitable_only"));
      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        if (!g_str_equal (row->fields[i], columns[i]))
          return bad_line (error, row, _("the columns must be list, code, meaning, valid_from, valid_to, unsuitable_only"));
      l->header_seen = TRUE;
      return TRUE;
    }

  if (row->n_fields != G_N_ELEMENTS (columns))
    return bad_line (error, row, _("a code needs exactly six values"));
  if (row->fields[0][0] == '\0' || row->fields[1][0] == '\0' || row->fields[2][0] == '\0')
    return bad_line (error, row, _("list, code and meaning must not be blank"));
  if (!iso_or_blank (row->fields[3]) || !iso_or_blank (row->fields[4]))
    return bad_line (error, row, _("valid_from and valid_to are dates written YYYY-MM-DD, or blank"));
  if (row->fields[3][0] && row->fields[4][0] && strcmp (row->fields[3], row->fields[4]) >= 0)
    return bad_line (error, row, _("valid_to must be after valid_from"));
  if (!g_str_equal (row->fields[5], "0") && !g_str_equal (row->fields[5], "1"))
    return bad_line (error, row, _("unsuitable_only is 0 or 1"));
  if (!make_key (key, row->fields[0], row->fields[1]))
    return bad_line (error, row, _("the list or code is too long"));

  insert (l->table, key, row->fields[2], row->fields[3], row->fields[4], row->fields[5][0] == '1');
  return TRUE;
}

/* The lookup --------------------------------------------------------------- */

static void
table_lookup (const char             *list,
              const char             *code,
              const char             *on_date,
              Pathways903CodeAnswer  *answer,
              gpointer                user_data)
{
  Pathways903CodeTable *table = user_data;
  char key[KEY_MAX];
  GArray *ranges;

  memset (answer, 0, sizeof *answer);
  if (!make_key (key, list, code))
    return;
  ranges = g_hash_table_lookup (table->codes, key);
  if (ranges == NULL || ranges->len == 0)
    return;

  answer->known = TRUE;
  for (guint i = 0; i < ranges->len; i++)
    {
      Range *r = &g_array_index (ranges, Range, i);

      if (on_date == NULL ||
          ((r->from[0] == '\0' || strcmp (r->from, on_date) <= 0) &&
           (r->to[0] == '\0' || strcmp (r->to, on_date) > 0)))
        {
          answer->valid = TRUE;
          answer->unsuitable_only = r->unsuitable_only;
          memcpy (answer->valid_from, r->from, sizeof r->from);
          memcpy (answer->valid_to, r->to, sizeof r->to);
          return;
        }
    }

  /* Not valid on the day: say when it starts, or when it ended */
  {
    Range *first = &g_array_index (ranges, Range, 0);
    Range *chosen = first;

    if (first->from[0] == '\0' || strcmp (on_date, first->from) >= 0)
      for (guint i = 0; i < ranges->len; i++)
        {
          Range *r = &g_array_index (ranges, Range, i);
          if (r->to[0] != '\0' && strcmp (r->to, on_date) <= 0)
            chosen = r;
        }
    answer->unsuitable_only = chosen->unsuitable_only;
    memcpy (answer->valid_from, chosen->from, sizeof chosen->from);
    memcpy (answer->valid_to, chosen->to, sizeof chosen->to);
  }
}

/* Public API --------------------------------------------------------------- */

/**
 * pathways_903_code_table_new:
 *
 * An empty table, to fill with pathways_903_code_table_add() (from the
 * store's ref_code rows, say).
 */
Pathways903CodeTable *
pathways_903_code_table_new (void)
{
  Pathways903CodeTable *table = g_new0 (Pathways903CodeTable, 1);

  g_atomic_ref_count_init (&table->ref);
  table->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, ranges_free);
  table->version = 1;
  return table;
}

/**
 * pathways_903_code_table_add:
 * @valid_from: (nullable): ISO; the first day the code may be used
 * @valid_to: (nullable): ISO; the first day it may no longer be used
 *
 * Returns: %FALSE (and adds nothing) when a value is malformed
 */
gboolean
pathways_903_code_table_add (Pathways903CodeTable *table,
                             const char           *list,
                             const char           *code,
                             const char           *meaning,
                             const char           *valid_from,
                             const char           *valid_to,
                             gboolean              unsuitable_only)
{
  char key[KEY_MAX];

  g_return_val_if_fail (table != NULL && list != NULL && code != NULL, FALSE);

  if (!make_key (key, list, code) || !iso_or_blank (valid_from ? valid_from : "") ||
      !iso_or_blank (valid_to ? valid_to : ""))
    return FALSE;
  insert (table, key, meaning ? meaning : code, valid_from, valid_to, unsuitable_only);
  return TRUE;
}

Pathways903CodeTable *
pathways_903_code_table_new_from_data (const char  *name,
                                       const char  *data,
                                       gsize        length,
                                       GError     **error)
{
  g_autoptr(Pathways903CodeTable) table = pathways_903_code_table_new ();
  Loader l = { table, FALSE };

  table->version = 0;
  if (!pathways_csv_parse_bytes (name, data, length, NULL, load_row_cb, &l, NULL, NULL, error))
    return NULL;
  if (table->version == 0)
    {
      g_set_error (error, PATHWAYS_EXCHANGE_ERROR, PATHWAYS_EXCHANGE_ERROR_INVALID,
                   _("%s has no “# ssda903-codes version N” line"), name);
      return NULL;
    }
  return g_steal_pointer (&table);
}

Pathways903CodeTable *
pathways_903_code_table_new_from_file (const char  *path,
                                       GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *bytes = NULL;
  gsize length = 0;

  bytes = pathways_csv_read_file (path, NULL, &length, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;
  return pathways_903_code_table_new_from_data (display, bytes, length, error);
}

/**
 * pathways_903_code_table_default_path:
 *
 * Returns: $PATHWAYS_903_CODES; else the copy in the build folder of an
 *   uninstalled executable (build/app/pathways and build/app/cli/pathways-cli
 *   find build/data/ssda903-codes.csv); else the installed file
 */
char *
pathways_903_code_table_default_path (void)
{
  const char *env = g_getenv ("PATHWAYS_903_CODES");
  g_autofree char *exe = NULL, *exe_dir = NULL;

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  exe = g_file_read_link ("/proc/self/exe", NULL);
  exe_dir = exe != NULL ? g_path_get_dirname (exe) : NULL;
  if (exe_dir != NULL)
    {
      const char *ups[] = { "..", ".." G_DIR_SEPARATOR_S ".." };
      for (guint i = 0; i < G_N_ELEMENTS (ups); i++)
        {
          g_autofree char *path = g_build_filename (exe_dir, ups[i], "data", "ssda903-codes.csv", NULL);
          g_autofree char *marker = g_build_filename (exe_dir, ups[i], "meson-private", NULL);
          /* Only inside a meson build folder, never beside an installed program */
          if (g_file_test (marker, G_FILE_TEST_IS_DIR) && g_file_test (path, G_FILE_TEST_IS_REGULAR))
            return g_steal_pointer (&path);
        }
    }
  return g_build_filename (PKGDATADIR, "ref", "ssda903-codes.csv", NULL);
}

Pathways903CodeTable *
pathways_903_code_table_load_default (GError **error)
{
  g_autofree char *path = pathways_903_code_table_default_path ();
  return pathways_903_code_table_new_from_file (path, error);
}

Pathways903CodeTable *
pathways_903_code_table_ref (Pathways903CodeTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_atomic_ref_count_inc (&table->ref);
  return table;
}

void
pathways_903_code_table_unref (Pathways903CodeTable *table)
{
  g_return_if_fail (table != NULL);
  if (g_atomic_ref_count_dec (&table->ref))
    {
      g_hash_table_unref (table->codes);
      g_free (table);
    }
}

guint
pathways_903_code_table_get_version (Pathways903CodeTable *table)
{
  return table->version;
}

guint
pathways_903_code_table_get_n_codes (Pathways903CodeTable *table)
{
  return table->n_codes;
}

/* Returns: (nullable): the latest meaning of a code, untranslated (DfE wording) */
const char *
pathways_903_code_table_get_meaning (Pathways903CodeTable *table,
                                     const char           *list,
                                     const char           *code)
{
  char key[KEY_MAX];
  GArray *ranges;

  if (!make_key (key, list, code))
    return NULL;
  ranges = g_hash_table_lookup (table->codes, key);
  if (ranges == NULL || ranges->len == 0)
    return NULL;
  return g_array_index (ranges, Range, ranges->len - 1).meaning;
}

/* The table stays owned by the caller, who keeps it alive while the codes are used */
Pathways903Codes
pathways_903_code_table_as_codes (Pathways903CodeTable *table)
{
  return (Pathways903Codes) { table_lookup, table };
}

void
pathways_903_codes_lookup (const Pathways903Codes *codes,
                           const char             *list,
                           const char             *code,
                           const char             *on_date,
                           Pathways903CodeAnswer  *answer)
{
  memset (answer, 0, sizeof *answer);
  if (codes != NULL && codes->func != NULL)
    codes->func (list, code, on_date, answer, codes->user_data);
}
