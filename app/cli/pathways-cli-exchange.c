/* pathways-cli-exchange.c — checking a council's files without a database
 *
 *   pathways-cli check 903 FILE_OR_FOLDER… [--year YEAR] [--refuse] [--codes FILE]
 *   pathways-cli check stock FILE [--format text|csv]
 *
 * Reads the files as an import would, and lists what it would do and
 * every problem (file, row, column, value) without touching a database.
 * The exit status is 0 when nothing is wrong, 1 when there are errors
 * (warnings alone do not count), 2 for bad arguments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "pathways-cli-exchange.h"
#include "pathways-903-import.h"
#include "pathways-903-plan.h"
#include "pathways-annex-a.h"
#include "pathways-annex-a-xlsx.h"
#include "pathways-csv.h"
#include "pathways-format.h"
#include "pathways-stock-import.h"

static int opt_year = 0;
static gboolean opt_refuse = FALSE;
static char *opt_codes = NULL;
static char *opt_check_format = NULL;

static const GOptionEntry check_entries[] = {
  { "year", 0, 0, G_OPTION_ARG_INT, &opt_year,
    N_("The collection year (2026: 01/04/2025 to 31/03/2026); default: from the episodes"), N_("YEAR") },
  { "refuse", 0, 0, G_OPTION_ARG_NONE, &opt_refuse,
    N_("Import nothing when any row has an error (default: skip those rows)"), NULL },
  { "codes", 0, 0, G_OPTION_ARG_FILENAME, &opt_codes,
    N_("The DfE code lists (default: the installed ssda903-codes.csv)"), N_("FILE") },
  { "format", 0, 0, G_OPTION_ARG_STRING, &opt_check_format, N_("text or csv"), N_("FORMAT") },
  { NULL }
};

static const char *
severity_name (PathwaysExchangeSeverity s)
{
  switch (s)
    {
    case PATHWAYS_PROBLEM_ERROR: return C_("problem severity", "error");
    case PATHWAYS_PROBLEM_WARNING: return C_("problem severity", "warning");
    case PATHWAYS_PROBLEM_NOTE:
    default: return C_("problem severity", "note");
    }
}

static void
print_problems (GPtrArray *problems,
                gboolean   csv)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (csv)
    {
      const char *heading[] = { "severity", "file", "row", "column", "value", "child", "rule", "message" };
      pathways_csv_append_row (out, heading, G_N_ELEMENTS (heading));
    }
  for (guint i = 0; i < problems->len; i++)
    {
      PathwaysExchangeProblem *p = g_ptr_array_index (problems, i);

      if (csv)
        {
          g_autofree char *row = p->row ? g_strdup_printf ("%u", p->row) : g_strdup ("");
          const char *values[] = { severity_name (p->severity), p->file, row, p->column, p->value, p->child, p->rule,
                                   p->message };
          pathways_csv_append_row (out, values, G_N_ELEMENTS (values));
        }
      else
        /* Translators: "error: episodes.csv row 214, PLACE ‘H5’: not valid after 31/03/2025" */
        g_string_append_printf (out, _("%s: %s\n"), severity_name (p->severity), p->message);
    }
  fputs (out->str, stdout);
}

static void
progress_cb (double      fraction,
             const char *file,
             gpointer    user_data)
{
  if (file != NULL)
    {
      fputc ('\r', stderr);
      /* Translators: a progress line: "Reading 40%: episodes.csv" */
      fprintf (stderr, _("Reading %3.0f%%: %s"), fraction * 100.0, file);
    }
  else if (fraction >= 1.0)
    fprintf (stderr, "\r\033[K");
}

static gboolean
parse_args (int          *argc,
            char       ***argv,
            const char   *summary,
            GError      **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("903|stock FILE…"));

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, check_entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;
  if (opt_check_format && !g_str_equal (opt_check_format, "text") && !g_str_equal (opt_check_format, "csv"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--format: “%s” is not text or csv"),
                   opt_check_format);
      return FALSE;
    }
  return TRUE;
}

static void
print_plan (Pathways903Plan *plan,
            gboolean         csv)
{
  g_autofree char *summary = NULL;

  if (!csv)
    {
      char start[11], end[11];
      g_autofree char *s = NULL, *e = NULL;

      pathways_903_collection_dates (plan->collection_year, start, end);
      s = pathways_date_format_uk (start);
      e = pathways_date_format_uk (end);
      /* Translators: "Collection year 2026: 01/04/2025 to 31/03/2026" */
      printf (_("Collection year %d: %s to %s\n"), plan->collection_year, s, e);
      for (guint i = 0; i < plan->files->len; i++)
        {
          Pathways903FileInfo *f = g_ptr_array_index (plan->files, i);
          const char *table_name = pathways_903_table_name (f->table);

          g_autofree char *size = g_strdup_printf ("%'" G_GUINT64_FORMAT, f->size);

          if (f->table == PATHWAYS_903_TABLE_NONE || !pathways_903_table_is_read (f->table))
            /* Translators: "notes.csv: not read (1,024 bytes, SHA-256 ab12…)" */
            printf (_("%s: not read (%s bytes, SHA-256 %s)\n"), f->name, size, f->sha256 ? f->sha256 : "-");
          else
            /* Translators: "episodes.csv: Episodes, 5,000 rows (1,024 bytes, SHA-256 ab12…)" */
            printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s, %'u row (%s bytes, SHA-256 %s)\n",
                                 "%s: %s, %'u rows (%s bytes, SHA-256 %s)\n", f->rows),
                    f->name, table_name, f->rows, size, f->sha256);
        }
    }
  print_problems (plan->data->problems, csv);
  if (!csv)
    {
      summary = pathways_903_plan_summary (plan);
      printf ("%s\n", summary);
    }
}

static int
check_903 (const char * const  *paths,
           GError             **error)
{
  g_autoptr(Pathways903CodeTable) table = NULL;
  g_autoptr(Pathways903Plan) plan = NULL;
  Pathways903PlanOptions options = { 0 };
  Pathways903Codes codes;
  gboolean csv = g_strcmp0 (opt_check_format, "csv") == 0;

  table = opt_codes ? pathways_903_code_table_new_from_file (opt_codes, error)
                    : pathways_903_code_table_load_default (error);
  if (table == NULL)
    return 1;
  codes = pathways_903_code_table_as_codes (table);
  options.collection_year = opt_year;
  options.on_error = opt_refuse ? PATHWAYS_903_REFUSE : PATHWAYS_903_SKIP_BAD_ROWS;

  plan = pathways_903_plan_build (paths, &codes, NULL, &options, isatty (2) ? progress_cb : NULL, NULL, NULL, error);
  if (plan == NULL)
    return 2;

  print_plan (plan, csv);
  return plan->data->n_errors > 0 ? 1 : 0;
}

static int
check_stock (const char *path,
             GError    **error)
{
  g_autoptr(PathwaysStockImport) import = pathways_stock_import_parse_file (path, NULL, NULL, error);
  gboolean csv = g_strcmp0 (opt_check_format, "csv") == 0;

  if (import == NULL)
    return 2;
  print_problems (import->problems, csv);
  if (!csv)
    {
      printf (g_dngettext (GETTEXT_PACKAGE, "%u unit would be added", "%u units would be added", import->units->len),
              import->units->len);
      putchar ('\n');
      printf (g_dngettext (GETTEXT_PACKAGE, "%u row has errors and would be skipped",
                           "%u rows have errors and would be skipped", import->rows_skipped),
              import->rows_skipped);
      putchar ('\n');
    }
  return import->n_errors > 0 ? 1 : 0;
}

/**
 * pathways_cli_check:
 *
 * Returns: the exit status
 */
int
pathways_cli_check (int      argc,
                    char   **argv,
                    GError **error)
{
  int status;

  if (!parse_args (&argc, &argv,
                   _("Check SSDA903 files (Header, Episodes, UASC, OC3, Reviews, Missing) or a stock list "
                     "as an import would read them, without a database."), error))
    return 2;

  if (argc < 3 || (!g_str_equal (argv[1], "903") && !g_str_equal (argv[1], "stock")))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Say what to check: “check 903 FILE_OR_FOLDER…” or “check stock FILE”"));
      return 2;
    }
  if (g_str_equal (argv[1], "stock"))
    {
      if (argc != 3)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("“check stock” reads one file"));
          return 2;
        }
      status = check_stock (argv[2], error);
    }
  else
    {
      g_autoptr(GPtrArray) paths = g_ptr_array_new ();
      for (int i = 2; i < argc; i++)
        g_ptr_array_add (paths, argv[i]);
      g_ptr_array_add (paths, NULL);
      status = check_903 ((const char * const *) paths->pdata, error);
    }

  g_clear_pointer (&opt_codes, g_free);
  g_clear_pointer (&opt_check_format, g_free);
  return status;
}

/* pathways-cli import 903 ------------------------------------------------ */

static char *opt_import_db;
static char *opt_import_today;
static gboolean opt_dry_run;
static gboolean opt_skip_bad_rows;

static const GOptionEntry import_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_import_db,
    N_("The database to import into (a new, empty one when the file does not exist)"), N_("PATH") },
  { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &opt_dry_run, N_("Show what would be imported; write nothing"), NULL },
  { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &opt_skip_bad_rows,
    N_("Import the rows without errors (default: import nothing when any row has an error)"), NULL },
  { "year", 0, 0, G_OPTION_ARG_INT, &opt_year,
    N_("The collection year (2026: 01/04/2025 to 31/03/2026); default: from the episodes"), N_("YEAR") },
  { "codes", 0, 0, G_OPTION_ARG_FILENAME, &opt_codes,
    N_("The DfE code lists (default: the installed ssda903-codes.csv)"), N_("FILE") },
  { "today", 0, 0, G_OPTION_ARG_STRING, &opt_import_today, N_("Work as if today were this date"), N_("DATE") },
  { NULL }
};

static int
import_903 (const char * const  *paths,
            GError             **error)
{
  g_autoptr(Pathways903CodeTable) table = NULL;
  g_autoptr(Pathways903Plan) plan = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(PathwaysClock) clock = NULL;
  g_autofree char *path = opt_import_db ? g_strdup (opt_import_db) : pathways_store_default_path ();
  const char *day = opt_import_today ? opt_import_today : g_getenv ("PATHWAYS_TODAY");
  Pathways903PlanOptions options = { 0 };
  Pathways903ImportCounts counts = { 0 };
  Pathways903Codes codes;
  gboolean exists = pathways_store_location_is_server (path) || g_file_test (path, G_FILE_TEST_EXISTS);

  if (day != NULL)
    {
      PathwaysDay d;
      g_autofree char *iso = NULL;

      if (!pathways_day_parse_user (day, &d, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--today: “%s” is not a date (use DD/MM/YYYY or YYYY-MM-DD)"), day);
          return 2;
        }
      iso = pathways_day_to_iso (d);
      clock = pathways_clock_new_fixed (iso);
    }
  else
    clock = pathways_clock_new ();

  table = opt_codes ? pathways_903_code_table_new_from_file (opt_codes, error)
                    : pathways_903_code_table_load_default (error);
  if (table == NULL)
    return 2;
  codes = pathways_903_code_table_as_codes (table);
  options.collection_year = opt_year;
  options.on_error = opt_skip_bad_rows ? PATHWAYS_903_SKIP_BAD_ROWS : PATHWAYS_903_REFUSE;

  /* A dry run into a database that does not exist yet makes none */
  if (exists || !opt_dry_run)
    {
      if ((store = pathways_store_open (path, clock, error)) == NULL)
        return 1;
      if ((known = pathways_903_known_from_store (store, error)) == NULL)
        return 1;
    }

  plan = pathways_903_plan_build (paths, &codes, known, &options, isatty (2) ? progress_cb : NULL, NULL, NULL,
                                  error);
  if (plan == NULL)
    return 2;
  print_plan (plan, FALSE);

  if (opt_dry_run)
    {
      puts (_("Dry run: nothing was written."));
      return plan->refused ? 1 : 0;
    }
  if (plan->refused)
    {
      puts (_("Nothing was imported: the files have errors (use --skip-bad-rows to import the rows without)."));
      return 1;
    }
  if (!pathways_903_plan_apply (store, plan, &counts, error))
    return 1;
  /* Translators: what an import wrote */
  printf (_("Imported: %u young people added, %u updated; %u episodes added, %u changed; "
            "%u episodes from typed figures replaced; %u marked UASC.\n"),
          counts.people_added, counts.people_updated, counts.episodes_added, counts.episodes_changed,
          counts.episodes_replaced, counts.uasc_set);
  /* Translators: after an import; %u OC3 facts, then the import's number */
  printf (_("OC3 facts recorded: %u. Logged as import %" G_GINT64_FORMAT " (undo it with "
            "“pathways-cli import undo”).\n"), counts.facts_recorded, counts.import_id);
  return 0;
}

/* pathways-cli import stock FILE */
static int
import_stock (const char  *file,
              GError     **error)
{
  g_autofree char *path = opt_import_db ? g_strdup (opt_import_db) : pathways_store_default_path ();
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(PathwaysStockImport) import = NULL;
  gint64 import_id = 0;

  if (!pathways_store_location_is_server (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("%s: no such database"), path);
      return 1;
    }
  if ((store = pathways_store_open (path, NULL, error)) == NULL ||
      (known = pathways_stock_known_keys (store, error)) == NULL)
    return 1;
  if ((import = pathways_stock_import_parse_file (file, known, NULL, error)) == NULL)
    return 2;
  print_problems (import->problems, FALSE);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u unit would be added", "%u units would be added", import->units->len),
          import->units->len);
  putchar ('\n');
  printf (g_dngettext (GETTEXT_PACKAGE, "%u unit is already held", "%u units are already held", import->rows_known),
          import->rows_known);
  putchar ('\n');
  printf (g_dngettext (GETTEXT_PACKAGE, "%u row has errors and would be skipped",
                       "%u rows have errors and would be skipped", import->rows_skipped),
          import->rows_skipped);
  putchar ('\n');
  if (opt_dry_run)
    {
      puts (_("Dry run: nothing was written."));
      return import->n_errors > 0 ? 1 : 0;
    }
  if (import->n_errors > 0 && !opt_skip_bad_rows)
    {
      puts (_("Nothing was imported: the file has errors (use --skip-bad-rows to import the rows without)."));
      return 1;
    }
  if (!pathways_stock_import_apply_full (store, import, NULL, &import_id, error))
    return 1;
  printf (g_dngettext (GETTEXT_PACKAGE, "Imported: %u unit added.\n", "Imported: %u units added.\n",
                       import->units->len), import->units->len);
  if (import_id > 0)
    printf (_("Logged as import %" G_GINT64_FORMAT " (undo it with “pathways-cli import undo”).\n"), import_id);
  return 0;
}

/* pathways-cli import log | undo */
static int
import_log_or_undo (gboolean   undo,
                    GError   **error)
{
  g_autofree char *path = opt_import_db ? g_strdup (opt_import_db) : pathways_store_default_path ();
  g_autoptr(PathwaysStore) store = NULL;

  if (!pathways_store_location_is_server (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("%s: no such database"), path);
      return 1;
    }
  if ((store = pathways_store_open (path, NULL, error)) == NULL)
    return 1;
  if (undo)
    {
      g_autoptr(PathwaysImportLog) undone = NULL;
      g_autofree char *text = NULL;

      if (!pathways_import_undo_latest (store, &undone, error))
        return 1;
      text = pathways_import_log_describe (undone);
      /* Translators: %s describes the import */
      printf (_("Undone: %s\n"), text);
      return 0;
    }
  else
    {
      g_autoptr(GListModel) logs = pathways_store_list (store, PATHWAYS_TYPE_IMPORT_LOG, error);

      if (logs == NULL)
        return 1;
      if (g_list_model_get_n_items (logs) == 0)
        puts (_("No imports yet."));
      for (guint i = 0; i < g_list_model_get_n_items (logs); i++)
        {
          g_autoptr(PathwaysImportLog) log = g_list_model_get_item (logs, i);
          g_autofree char *text = pathways_import_log_describe (log);
          puts (text);
        }
      return 0;
    }
}

int
pathways_cli_import (int      argc,
                     char   **argv,
                     GError **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("903 FILE_OR_FOLDER…"));
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  int status;

  g_option_context_set_summary (context, _("Import SSDA903 files into the database: a preview of what changes "
                                           "and every problem, then one transaction."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, import_entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  if (argc == 2 && (g_str_equal (argv[1], "log") || g_str_equal (argv[1], "undo")))
    {
      status = import_log_or_undo (g_str_equal (argv[1], "undo"), error);
      g_clear_pointer (&opt_codes, g_free);
      g_clear_pointer (&opt_import_db, g_free);
      g_clear_pointer (&opt_import_today, g_free);
      return status;
    }
  if (argc == 3 && g_str_equal (argv[1], "stock"))
    {
      status = import_stock (argv[2], error);
      g_clear_pointer (&opt_codes, g_free);
      g_clear_pointer (&opt_import_db, g_free);
      g_clear_pointer (&opt_import_today, g_free);
      return status;
    }
  if (argc < 3 || !g_str_equal (argv[1], "903"))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Usage: pathways-cli import 903 FILE_OR_FOLDER… --database DB [--dry-run] "
                             "[--skip-bad-rows], pathways-cli import stock FILE.csv --database DB [--dry-run] [--skip-bad-rows], "
                             "or pathways-cli import log|undo --database DB"));
      return 2;
    }
  for (int i = 2; i < argc; i++)
    g_ptr_array_add (paths, argv[i]);
  g_ptr_array_add (paths, NULL);
  status = import_903 ((const char * const *) paths->pdata, error);

  g_clear_pointer (&opt_codes, g_free);
  g_clear_pointer (&opt_import_db, g_free);
  g_clear_pointer (&opt_import_today, g_free);
  return status;
}

/* pathways-cli export 903 ------------------------------------------------ */

static char *opt_export_output;
static gboolean opt_force;

static const GOptionEntry export_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_import_db, N_("The database (default: the app's own)"), N_("PATH") },
  { "year", 0, 0, G_OPTION_ARG_INT, &opt_year, N_("The collection year (2026: 01/04/2025 to 31/03/2026)"), N_("YEAR") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_export_output,
    N_("The folder for header.csv, episodes.csv and oc3.csv"), N_("DIR") },
  { "force", 0, 0, G_OPTION_ARG_NONE, &opt_force, N_("Write the files even when the return breaches the DfE rules"),
    NULL },
  { "codes", 0, 0, G_OPTION_ARG_FILENAME, &opt_codes,
    N_("The DfE code lists (default: the installed ssda903-codes.csv)"), N_("FILE") },
  { "today", 0, 0, G_OPTION_ARG_STRING, &opt_import_today, N_("Work as if today were this date"), N_("DATE") },
  { NULL }
};

static int
export_903 (GError **error)
{
  g_autoptr(Pathways903CodeTable) table = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(Pathways903Export) export = NULL;
  g_autofree char *path = opt_import_db ? g_strdup (opt_import_db) : pathways_store_default_path ();
  Pathways903Codes codes;

  if (opt_year < 1901 || opt_year > 9999 || opt_export_output == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Give the collection year (--year 2026) and the folder to write (--output DIR)"));
      return 2;
    }
  if (!pathways_store_location_is_server (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("No database at %s"), path);
      return 1;
    }
  table = opt_codes ? pathways_903_code_table_new_from_file (opt_codes, error)
                    : pathways_903_code_table_load_default (error);
  if (table == NULL)
    return 2;
  codes = pathways_903_code_table_as_codes (table);
  clock = opt_import_today ? pathways_clock_new_fixed (opt_import_today) : pathways_clock_new ();
  if ((store = pathways_store_open (path, clock, error)) == NULL)
    return 1;
  if ((export = pathways_903_export_from_store (store, opt_year, &codes, error)) == NULL)
    return 1;

  print_problems (export->tables->problems, FALSE);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u breach of the DfE rules\n", "%u breaches of the DfE rules\n",
                       export->n_breaches), export->n_breaches);
  if (g_mkdir_with_parents (opt_export_output, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("Could not make the folder %s: %s"),
                   opt_export_output, g_strerror (saved));
      return 1;
    }
  if (!pathways_903_export_write (export, opt_export_output, opt_force, error))
    return 1;
  printf (_("Written to %s: header.csv, episodes.csv, oc3.csv\n"), opt_export_output);
  return 0;
}

/* pathways-cli export annex-a: Ofsted's List 9, CSV or Excel by the
 * output's name, on --today (default today) */
static int
export_annex_a (GError **error)
{
  g_autoptr(Pathways903CodeTable) table = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *path = opt_import_db ? g_strdup (opt_import_db) : pathways_store_default_path ();
  g_autofree char *today = NULL;
  gboolean ok;

  if (opt_export_output == NULL ||
      (!g_str_has_suffix (opt_export_output, ".csv") && !g_str_has_suffix (opt_export_output, ".xlsx")))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Give the file to write, ending .csv or .xlsx (--output annex-a.xlsx)"));
      return 2;
    }
  if (!pathways_store_location_is_server (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("No database at %s"), path);
      return 1;
    }
  if ((table = opt_codes ? pathways_903_code_table_new_from_file (opt_codes, error)
                         : pathways_903_code_table_load_default (error)) == NULL)
    return 2;
  if (opt_import_today != NULL)
    {
      PathwaysDay d;
      g_autofree char *iso = NULL;

      if (!pathways_day_parse_user (opt_import_today, &d, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--today: “%s” is not a date (use DD/MM/YYYY or YYYY-MM-DD)"), opt_import_today);
          return 2;
        }
      iso = pathways_day_to_iso (d);
      clock = pathways_clock_new_fixed (iso);
    }
  else
    clock = pathways_clock_new ();
  today = pathways_clock_dup_today (clock);
  if ((store = pathways_store_open (path, clock, error)) == NULL)
    return 1;
  if ((rows = pathways_annex_a_rows_from_store (store, today, error)) == NULL)
    return 1;
  ok = g_str_has_suffix (opt_export_output, ".xlsx")
         ? pathways_annex_a_write_xlsx (rows, today, table, opt_export_output, error)
         : pathways_annex_a_write_csv (rows, today, table, opt_export_output, error);
  if (!ok)
    return 1;
  /* Translators: "Annex A, List 9: 14 care leavers written to annex-a.xlsx" */
  printf (g_dngettext (GETTEXT_PACKAGE, "Annex A, List 9: %u care leaver written to %s\n",
                       "Annex A, List 9: %u care leavers written to %s\n", rows->len), rows->len, opt_export_output);
  return 0;
}

int
pathways_cli_export (int      argc,
                     char   **argv,
                     GError **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("903|annex-a"));
  int status;

  g_option_context_set_summary (context, _("Write the SSDA903 return (Header, Episodes, OC3) for a collection year, "
                                           "checked against the DfE rules first; or Ofsted's Annex A, List 9 "
                                           "(care leavers) as CSV or Excel."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, export_entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  if (argc == 2 && g_str_equal (argv[1], "annex-a"))
    status = export_annex_a (error);
  else if (argc != 2 || !g_str_equal (argv[1], "903"))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Usage: pathways-cli export 903 --year YEAR --output DIR [--force] [--database DB], "
                             "or pathways-cli export annex-a --output FILE.csv|FILE.xlsx [--today DATE] [--database DB]"));
      return 2;
    }
  else
    status = export_903 (error);
  g_clear_pointer (&opt_codes, g_free);
  g_clear_pointer (&opt_import_db, g_free);
  g_clear_pointer (&opt_import_today, g_free);
  g_clear_pointer (&opt_export_output, g_free);
  return status;
}
