/* pathways-budget-import.c — reading budget lines from finance's CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pathways-budget.h"
#include "pathways-budget-import.h"
#include "pathways-format.h"

#define MAX_BUDGET_ROWS 10000
#define MAX_NOTE 500

enum { COL_YEAR, COL_KIND, COL_AMOUNT, COL_WEEKS, COL_INCOME, COL_NOTE, N_COLS };

static const char * const column_names[N_COLS] = {
  "year", "kind", "amount", "placement_weeks", "income", "note",
};

typedef struct {
  PathwaysBudgetImport *import;
  const char           *file;
  int                   col[N_COLS];
  gboolean              header_ok;
} Reader;

static void
line_free (PathwaysBudgetImportLine *l)
{
  g_free (l->kind);
  g_free (l->note);
  g_free (l);
}

void
pathways_budget_import_free (PathwaysBudgetImport *import)
{
  if (import == NULL)
    return;
  g_free (import->name);
  g_clear_pointer (&import->lines, g_ptr_array_unref);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_free (import);
}

static void
err (Reader     *r,
     guint       row,
     const char *column,
     const char *value,
     char       *message)
{
  r->import->n_errors++;
  pathways_exchange_problem_add (r->import->problems, PATHWAYS_PROBLEM_ERROR, r->file, row, column, value, NULL,
                                 message);
}

static char *
normalise (const char *name)
{
  g_autofree char *down = g_utf8_strdown (name, -1);
  GString *s = g_string_new (NULL);

  for (const char *p = down; *p; p++)
    if (*p != ' ' && *p != '_' && *p != '-')
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

static gboolean
read_header (Reader               *r,
             const PathwaysCsvRow *row)
{
  for (int c = 0; c < N_COLS; c++)
    r->col[c] = -1;
  for (guint i = 0; i < row->n_fields; i++)
    {
      g_autofree char *n = normalise (row->fields[i]);
      gboolean found = FALSE;

      if (*n == '\0')
        continue;
      for (int c = 0; c < N_COLS; c++)
        {
          g_autofree char *want = normalise (column_names[c]);
          if (g_str_equal (n, want))
            {
              found = TRUE;
              if (r->col[c] >= 0)
                err (r, 1, row->fields[i], row->fields[i],
                     g_strdup_printf (_("%s row %u: column ‘%s’ appears twice"), r->file, 1u, row->fields[i]));
              r->col[c] = (int) i;
            }
        }
      if (!found)
        err (r, 1, row->fields[i], row->fields[i],
             /* Translators: "budget.csv row 1: column ‘colour’ is not a column of a budget; …" */
             g_strdup_printf (_("%s row %u: column ‘%s’ is not a column of a budget; the columns are year, kind, "
                                "amount, placement_weeks, income and note"), r->file, 1u, row->fields[i]));
    }
  for (int c = 0; c <= COL_AMOUNT; c++)
    if (r->col[c] < 0)
      err (r, 1, column_names[c], NULL,
           /* Translators: "budget.csv row 1: the column amount is needed" */
           g_strdup_printf (_("%s row %u: the column %s is needed"), r->file, 1u, column_names[c]));
  return r->import->n_errors == 0;
}

static const char *
field (const PathwaysCsvRow *row,
       int                   index)
{
  return index >= 0 && (guint) index < row->n_fields ? row->fields[index] : NULL;
}

static gboolean
blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

static gboolean
on_row (const PathwaysCsvRow  *row,
        gpointer               user_data,
        GError               **error)
{
  Reader *r = user_data;
  g_autoptr(GError) local = NULL;
  PathwaysBudgetImportLine *line;
  const char *v;
  gboolean ok = TRUE;
  gboolean empty = TRUE;

  if (row->row == 1)
    {
      r->header_ok = read_header (r, row);
      return TRUE;
    }
  if (!r->header_ok)
    return TRUE;
  for (guint i = 0; i < row->n_fields; i++)
    empty &= blank (row->fields[i]);
  if (empty)
    return TRUE;
  if (++r->import->rows_read > MAX_BUDGET_ROWS)
    {
      g_set_error (error, PATHWAYS_CSV_ERROR, PATHWAYS_CSV_ERROR_TOO_MANY_ROWS,
                   _("%s has more than %u budget lines"), r->file, (guint) MAX_BUDGET_ROWS);
      return FALSE;
    }

  line = g_new0 (PathwaysBudgetImportLine, 1);
  line->row = row->row;

  v = field (row, r->col[COL_YEAR]);
  if (!pathways_budget_year_parse (v, &line->year, NULL))
    {
      err (r, row->row, "year", v,
           /* Translators: "budget.csv row 3, year ‘soon’: must be a financial year, such as 2026 or 2026/27" */
           g_strdup_printf (_("%s row %u, year ‘%s’: must be a financial year, such as 2026 or 2026/27"), r->file,
                            row->row, v ? v : ""));
      ok = FALSE;
    }
  v = field (row, r->col[COL_KIND]);
  if (v != NULL)
    line->kind = g_strstrip (g_ascii_strdown (v, -1));
  if (!pathways_provision_kind_is_valid (line->kind))
    {
      err (r, row->row, "kind", v,
           g_strdup_printf (_("%s row %u, kind ‘%s’: not a kind of provision (supported, staying_put, "
                              "staying_close, in_house_fostering, ifa, residential, emergency, …)"), r->file,
                            row->row, v ? v : ""));
      ok = FALSE;
    }
  v = field (row, r->col[COL_AMOUNT]);
  if (blank (v) || !pathways_money_parse (v, &line->amount, NULL) || line->amount < 0)
    {
      err (r, row->row, "amount", v,
           g_strdup_printf (_("%s row %u, amount ‘%s’: must be an amount in pounds, such as 1,250.00"), r->file,
                            row->row, v ? v : ""));
      ok = FALSE;
    }
  v = field (row, r->col[COL_WEEKS]);
  if (!blank (v))
    {
      char *end = NULL;
      g_autofree char *t = g_strstrip (g_strdup (v));

      line->placement_weeks = g_ascii_strtod (t, &end);
      if (end == t || *end != '\0' || !isfinite (line->placement_weeks) || line->placement_weeks < 0 ||
          line->placement_weeks > 1e7)
        {
          err (r, row->row, "placement_weeks", v,
               g_strdup_printf (_("%s row %u, placement_weeks ‘%s’: must be a number of weeks from 0"), r->file,
                                row->row, v));
          ok = FALSE;
        }
    }
  v = field (row, r->col[COL_INCOME]);
  if (!blank (v) && (!pathways_money_parse (v, &line->income, NULL) || line->income < 0))
    {
      err (r, row->row, "income", v,
           g_strdup_printf (_("%s row %u, income ‘%s’: must be an amount in pounds, such as 1,250.00"), r->file,
                            row->row, v));
      ok = FALSE;
    }
  v = field (row, r->col[COL_NOTE]);
  if (!blank (v))
    {
      if (g_utf8_strlen (v, -1) > MAX_NOTE)
        {
          err (r, row->row, "note", NULL,
               g_strdup_printf (_("%s row %u, note: longer than %u characters"), r->file, row->row, (guint) MAX_NOTE));
          ok = FALSE;
        }
      else
        line->note = g_strdup (v);
    }
  if (ok)
    {
      g_autofree char *problem = pathways_budget_check_line (line->year, line->kind, line->amount,
                                                             line->placement_weeks, line->income);
      if (problem != NULL)
        {
          err (r, row->row, "placement_weeks", field (row, r->col[COL_WEEKS]),
               /* Translators: "budget.csv row 3: Say how many placement-weeks …" */
               g_strdup_printf (_("%s row %u: %s"), r->file, row->row, problem));
          ok = FALSE;
        }
    }
  if (ok)
    {
      for (guint i = 0; i < r->import->lines->len; i++)
        {
          PathwaysBudgetImportLine *o = g_ptr_array_index (r->import->lines, i);
          if (o->year == line->year && g_str_equal (o->kind, line->kind))
            {
              err (r, row->row, "kind", line->kind,
                   g_strdup_printf (_("%s row %u: the line for %s in this year is already on row %u"), r->file,
                                    row->row, line->kind, o->row));
              ok = FALSE;
              break;
            }
        }
    }
  if (ok)
    g_ptr_array_add (r->import->lines, line);
  else
    line_free (line);
  return TRUE;
}

PathwaysBudgetImport *
pathways_budget_import_parse_bytes (const char  *name,
                                    const char  *bytes,
                                    gsize        length,
                                    GError     **error)
{
  g_autoptr(PathwaysBudgetImport) import = g_new0 (PathwaysBudgetImport, 1);
  PathwaysCsvLimits limits = { 16 * 1024 * 1024, 4096, MAX_BUDGET_ROWS + 1000, 64 };
  Reader r = { 0, };

  import->name = g_strdup (name);
  import->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  import->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_exchange_problem_free);
  r.import = import;
  r.file = import->name;
  if (!pathways_csv_parse_bytes (name, bytes, length, &limits, on_row, &r, NULL, NULL, error))
    return NULL;
  if (!r.header_ok && import->n_errors == 0)
    {
      g_set_error (error, PATHWAYS_CSV_ERROR, PATHWAYS_CSV_ERROR_EMPTY, _("%s has no header row"), name);
      return NULL;
    }
  return g_steal_pointer (&import);
}

PathwaysBudgetImport *
pathways_budget_import_parse_file (const char  *path,
                                   GError     **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *data = NULL;
  gsize length = 0;
  PathwaysCsvLimits limits = { 16 * 1024 * 1024, 4096, MAX_BUDGET_ROWS + 1000, 64 };

  data = pathways_csv_read_file (path, &limits, &length, NULL, NULL, error);
  if (data == NULL)
    return NULL;
  return pathways_budget_import_parse_bytes (base, data, length, error);
}

gboolean
pathways_budget_import_apply (PathwaysStore         *store,
                              PathwaysBudgetImport  *import,
                              PathwaysChangeSet    **out_undo,
                              GError               **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (store), FALSE);
  g_return_val_if_fail (import != NULL, FALSE);

  if (import->n_errors > 0)
    {
      g_set_error (error, PATHWAYS_EXCHANGE_ERROR, PATHWAYS_EXCHANGE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%s has %u error: nothing was imported",
                                "%s has %u errors: nothing was imported", import->n_errors),
                   import->name, import->n_errors);
      return FALSE;
    }
  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  for (guint i = 0; i < import->lines->len; i++)
    {
      PathwaysBudgetImportLine *l = g_ptr_array_index (import->lines, i);

      if (!pathways_budget_set (store, l->year, l->kind, l->amount, l->placement_weeks, l->income, l->note,
                                NULL, error))
        {
          g_prefix_error (error, _("%s row %u: "), import->name, l->row);
          pathways_store_rollback_recorded (store);
          return FALSE;
        }
    }
  return pathways_store_commit_recorded (store, out_undo, error);
}
