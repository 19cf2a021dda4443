/* pathways-cli-commission.c — pathways-cli's commissioning commands
 *
 *   pathways-cli budget set --year Y --kind K --amount £ --weeks N [--income £] [--note T]
 *   pathways-cli budget import FILE
 *   pathways-cli budget report [--year Y] [--format text|csv|xlsx] [--output PATH]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pathways-budget-import.h"
#include "pathways-budget-xlsx.h"
#include "pathways-budget.h"
#include "pathways-cli-commission.h"
#include "pathways-core.h"

typedef struct {
  char   *database;
  char   *today;
  char   *year;
  char   *kind;
  char   *amount;
  char   *weeks;
  char   *income;
  char   *note;
  char   *format;
  char   *output;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->database);
  g_free (o->today);
  g_free (o->year);
  g_free (o->kind);
  g_free (o->amount);
  g_free (o->weeks);
  g_free (o->income);
  g_free (o->note);
  g_free (o->format);
  g_free (o->output);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
parse (const char      *command,
       GOptionEntry    *entries,
       Options         *o,
       int             *argc,
       char          ***argv,
       guint            n_args,
       GError         **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *summary = g_strdup_printf ("pathways-cli %s", command);
  GOptionEntry common[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &o->database,
      N_("The database file or team server address (default: $PATHWAYS_DATABASE or the app's own)"), N_("PATH") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &o->today, N_("Treat this date (YYYY-MM-DD or DD/MM/YYYY) as today"),
      N_("DATE") },
    { NULL }
  };

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (entries)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;
  if ((guint) *argc - 1 != n_args)
    {
      if ((guint) *argc - 1 > n_args)
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("Unexpected argument “%s”"),
                     (*argv)[n_args + 1]);
      else
        g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("Say which file to read"));
      return FALSE;
    }
  return TRUE;
}

static PathwaysStore *
open_store (Options        *o,
            PathwaysClock **out_clock,
            GError        **error)
{
  const char *env = g_getenv ("PATHWAYS_TODAY");
  const char *given = o->today ? o->today : env;
  g_autofree char *path = o->database ? g_strdup (o->database) : pathways_store_default_path ();
  g_autoptr(PathwaysClock) clock = NULL;

  if (given != NULL)
    {
      g_autofree char *iso = NULL;

      if (!pathways_date_parse_user (given, &iso))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--today: “%s” is not a date (YYYY-MM-DD or DD/MM/YYYY)"), given);
          return NULL;
        }
      clock = pathways_clock_new_fixed (iso);
    }
  else
    clock = pathways_clock_new ();
  if (!pathways_store_location_is_server (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("No database at %s"), path);
      return NULL;
    }
  *out_clock = g_steal_pointer (&clock);
  return pathways_store_open (path, *out_clock, error);
}

static gboolean
money_option (const char  *name,
              const char  *text,
              gint64      *out,
              GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (text == NULL)
    {
      *out = 0;
      return TRUE;
    }
  if (!pathways_money_parse (text, out, &local) || *out < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: “%s” is not an amount in pounds, such as 1,250.00"), name, text);
      return FALSE;
    }
  return TRUE;
}

/* budget ---------------------------------------------------------------- */

static int
budget_set (int argc, char **argv, GError **error)
{
  g_auto(Options) o = { 0, };
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &o.year, N_("The financial year: 2026 or 2026/27"), N_("YEAR") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &o.kind, N_("The kind of provision (supported, ifa, …)"), N_("KIND") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &o.amount, N_("The gross budget in pounds"), N_("POUNDS") },
    { "weeks", 0, 0, G_OPTION_ARG_STRING, &o.weeks, N_("The placement-weeks it pays for"), N_("WEEKS") },
    { "income", 0, 0, G_OPTION_ARG_STRING, &o.income, N_("The income expected, in pounds"), N_("POUNDS") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &o.note, N_("A note"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  gint64 amount = 0, income = 0;
  double weeks = 0;
  int year = 0;
  g_autofree char *label = NULL;

  if (!parse ("budget set", entries, &o, &argc, &argv, 0, error))
    return 2;
  if (o.year == NULL || o.kind == NULL || o.amount == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Give --year, --kind and --amount (and --weeks for an amount above nothing)"));
      return 2;
    }
  if (!pathways_budget_year_parse (o.year, &year, error) || !money_option ("--amount", o.amount, &amount, error) ||
      !money_option ("--income", o.income, &income, error))
    return 2;
  if (o.weeks != NULL)
    {
      char *end = NULL;
      weeks = g_ascii_strtod (o.weeks, &end);
      if (end == o.weeks || *end != '\0')
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--weeks: “%s” is not a number"), o.weeks);
          return 2;
        }
    }
  {
    g_autofree char *problem = pathways_budget_check_line (year, o.kind, amount, weeks, income);
    if (problem != NULL)
      {
        g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, problem);
        return 2;
      }
  }
  if ((store = open_store (&o, &clock, error)) == NULL)
    return 1;
  if (!pathways_budget_set (store, year, o.kind, amount, weeks, income, o.note, NULL, error))
    return 1;
  label = pathways_budget_year_label (year);
  printf (_("Budget for %s in %s set\n"), pathways_provision_kind_label (o.kind), label);
  return 0;
}

static int
budget_import (int argc, char **argv, GError **error)
{
  g_auto(Options) o = { 0, };
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(PathwaysBudgetImport) import = NULL;

  if (!parse ("budget import FILE", NULL, &o, &argc, &argv, 1, error))
    return 2;
  if ((import = pathways_budget_import_parse_file (argv[1], error)) == NULL)
    return 1;
  for (guint i = 0; i < import->problems->len; i++)
    {
      PathwaysExchangeProblem *p = g_ptr_array_index (import->problems, i);
      fprintf (stderr, "%s\n", p->message);
    }
  if (import->n_errors > 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   g_dngettext (GETTEXT_PACKAGE, "%s has %u error: nothing was imported",
                                "%s has %u errors: nothing was imported", import->n_errors),
                   import->name, import->n_errors);
      return 1;
    }
  if ((store = open_store (&o, &clock, error)) == NULL)
    return 1;
  if (!pathways_budget_import_apply (store, import, NULL, error))
    return 1;
  printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u budget line from %s\n", "Imported %u budget lines from %s\n",
                       import->lines->len), import->lines->len, import->name);
  return 0;
}

static int
budget_report (int argc, char **argv, GError **error)
{
  g_auto(Options) o = { 0, };
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &o.year, N_("The financial year (default: this one)"), N_("YEAR") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o.format, N_("text, csv or xlsx"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, N_("Write to this file (xlsx: needed)"), N_("PATH") },
    { NULL }
  };
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(PathwaysBudgetReport) report = NULL;
  g_autofree char *today = NULL;
  g_autofree char *out = NULL;
  const char *format;
  int year = 0;

  if (!parse ("budget report", entries, &o, &argc, &argv, 0, error))
    return 2;
  format = o.format ? o.format : (o.output && g_str_has_suffix (o.output, ".xlsx") ? "xlsx" : "text");
  if (!g_str_equal (format, "text") && !g_str_equal (format, "csv") && !g_str_equal (format, "xlsx"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--format: “%s” is not text, csv or xlsx"),
                   format);
      return 2;
    }
  if (g_str_equal (format, "xlsx") && o.output == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--output: say where to write the workbook"));
      return 2;
    }
  if (o.year != NULL && !pathways_budget_year_parse (o.year, &year, error))
    return 2;
  if ((store = open_store (&o, &clock, error)) == NULL)
    return 1;
  today = pathways_clock_dup_today (clock);
  if (o.year == NULL)
    year = pathways_budget_year_of (today);
  if ((report = pathways_budget_report_compute (store, year, today, error)) == NULL)
    return 1;
  if (g_str_equal (format, "xlsx"))
    return pathways_budget_write_xlsx (report, o.output, error) ? 0 : 1;
  out = g_str_equal (format, "csv") ? pathways_budget_report_to_csv (report) : pathways_budget_report_to_text (report);
  if (o.output != NULL)
    return pathways_file_set_contents (o.output, out, strlen (out), error) ? 0 : 1;
  fputs (out, stdout);
  return 0;
}

int
pathways_cli_budget (int      argc,
                     char   **argv,
                     GError **error)
{
  const char *sub = argc > 1 ? argv[1] : NULL;

  if (sub == NULL || g_str_equal (sub, "--help") || g_str_equal (sub, "-h"))
    {
      fprintf (sub ? stdout : stderr, "%s",
               _("Usage: pathways-cli budget set|import|report [OPTIONS]\n"
                 "  set      Set the budget for a financial year and kind of provision\n"
                 "  import   Read budget lines from a CSV file (year, kind, amount, placement_weeks, income, note)\n"
                 "  report   Spend actual, committed and forecast against the budget, with the variance explained\n"));
      return sub ? 0 : 2;
    }
  argv[1] = argv[0];
  argc--;
  argv++;
  if (g_str_equal (sub, "set"))
    return budget_set (argc, argv, error);
  if (g_str_equal (sub, "import"))
    return budget_import (argc, argv, error);
  if (g_str_equal (sub, "report"))
    return budget_report (argc, argv, error);
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION, _("“%s” is not set, import or report"), sub);
  return 2;
}
