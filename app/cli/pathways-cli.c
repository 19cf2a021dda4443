/* pathways-cli.c — the command-line companion to Pathways
 *
 *   pathways-cli generate --size demo|large | --people N --seed N --database PATH [--today D]
 *   pathways-cli caseload [--database PATH] [--today D] [--format text|csv]
 *   pathways-cli alerts [--database PATH] [--date D] [--person ID] [--format text|csv]
 *   pathways-cli agenda [--pa STAFF | --team TEAM] [--weeks N] [--ics FILE] [--format text|csv]
 *   pathways-cli stock [--available-on D] [--kind K] [--format text|csv]
 *   pathways-cli match --unit ID | --person ID [--date D] [--format text|csv]
 *   pathways-cli info [--database PATH]
 *   pathways-cli report --format pdf|csv|xlsx --output PATH [--date D]
 *   pathways-cli plan [--database PATH] [--months 36] [--what-if FILE] [--format text|csv|json]
 *   pathways-cli check 903 FILE_OR_FOLDER… | check stock FILE  (pathways-cli-exchange.c)
 *   pathways-cli server init|add-user …, copy --from FILE --to ADDRESS  (pathways-cli-server.c)
 *   pathways-cli audit verify|repair|log, erase PERSON --confirm, check-db  (pathways-cli-audit.c)
 *
 * --as STAFF names the staff member acting, recorded in the audit log.
 *   pathways-cli budget|provider|referral|istatement …  (pathways-cli-commission.c)
 *
 * --database takes a file or a team server address (postgresql://…).
 *
 * Links the core library only: no display needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "pathways-cli-audit.h"
#include "pathways-cli-commission.h"
#include "pathways-cli-episodes.h"
#include "pathways-cli-exchange.h"
#include "pathways-cli-people.h"
#include "pathways-cli-server.h"
#include "pathways-903-codes.h"
#include "pathways-903-import.h"
#include "pathways-core.h"
#include "pathways-report.h"

static char *opt_database;
static char *opt_today;
static char *opt_size;
static char *opt_export_903;
static char *opt_format;
static int opt_seed = 1;
static gint64 opt_person = 0;
static gint64 opt_unit = 0;
static char *opt_available_on;
static char *opt_kind;
static char *opt_output;
static char *opt_people;
static int opt_months = 0;
static char *opt_what_if;
static char *opt_as;
static char *opt_pa;
static char *opt_team;
static char *opt_ics;
static int opt_weeks = 6;

static const GOptionEntry common_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
    N_("The database file or team server address (default: $PATHWAYS_DATABASE or the app's own)"), N_("PATH") },
  { "today", 0, 0, G_OPTION_ARG_STRING, &opt_today,
    N_("Treat this date (YYYY-MM-DD or DD/MM/YYYY) as today"), N_("DATE") },
  { "date", 0, 0, G_OPTION_ARG_STRING, &opt_today, N_("The same as --today"), N_("DATE") },
  { "as", 0, 0, G_OPTION_ARG_STRING, &opt_as,
    N_("The staff member acting (their id or name), recorded in the audit log"), N_("STAFF") },
  { NULL }
};

static const GOptionEntry generate_entries[] = {
  { "size", 0, 0, G_OPTION_ARG_STRING, &opt_size, N_("demo (about 60 young people) or large (2,000)"),
    N_("SIZE") },
  { "seed", 0, 0, G_OPTION_ARG_INT, &opt_seed, N_("Random seed: the same seed gives the same data"),
    N_("N") },
  { "people", 0, 0, G_OPTION_ARG_STRING, &opt_people,
    N_("Any number of young people instead of a size, with the large authority’s proportions of units and staff"),
    N_("N") },
  { "export-903", 0, 0, G_OPTION_ARG_FILENAME, &opt_export_903,
    N_("Also write the authority as SSDA903 returns, one folder per collection year (DIR/2026 …)"), N_("DIR") },
  { NULL }
};

static const GOptionEntry format_entries[] = {
  { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, N_("text or csv"), N_("FORMAT") },
  { NULL }
};

static const GOptionEntry stock_entries[] = {
  { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, N_("text or csv"), N_("FORMAT") },
  { "available-on", 0, 0, G_OPTION_ARG_STRING, &opt_available_on, N_("Only units free on this date"), N_("DATE") },
  { "kind", 0, 0, G_OPTION_ARG_STRING, &opt_kind, N_("Only this kind (council, supported, staying_put, …)"), N_("KIND") },
  { NULL }
};

static const GOptionEntry match_entries[] = {
  { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, N_("text or csv"), N_("FORMAT") },
  { "unit", 0, 0, G_OPTION_ARG_INT64, &opt_unit, N_("Who could live in this unit (its id)?"), N_("ID") },
  { "person", 0, 0, G_OPTION_ARG_INT64, &opt_person, N_("Where could this young person go (their id)?"), N_("ID") },
  { NULL }
};

static const GOptionEntry alerts_entries[] = {
  { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, N_("text or csv"), N_("FORMAT") },
  { "person", 0, 0, G_OPTION_ARG_INT64, &opt_person, N_("Only this young person (their id)"), N_("ID") },
  { NULL }
};

static const GOptionEntry agenda_entries[] = {
  { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, N_("text or csv"), N_("FORMAT") },
  { "pa", 0, 0, G_OPTION_ARG_STRING, &opt_pa, N_("Only this personal adviser's young people (name or id)"), N_("STAFF") },
  { "team", 0, 0, G_OPTION_ARG_STRING, &opt_team, N_("Only this team's young people"), N_("TEAM") },
  { "weeks", 0, 0, G_OPTION_ARG_INT, &opt_weeks, N_("How many weeks ahead, 1 to 52 (default 6)"), N_("N") },
  { "ics", 0, 0, G_OPTION_ARG_FILENAME, &opt_ics, N_("Write the key dates to this iCalendar file for a calendar app"), N_("FILE") },
  { NULL }
};

static const GOptionEntry report_entries[] = {
  { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, N_("pdf, csv or xlsx (default: from the file name)"),
    N_("FORMAT") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("Write the report to this file"), N_("PATH") },
  { NULL }
};

static const GOptionEntry plan_entries[] = {
  { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, N_("text, csv or json"), N_("FORMAT") },
  { "months", 0, 0, G_OPTION_ARG_INT, &opt_months, N_("How far ahead to plan, 1 to 120 months (default 36)"),
    N_("N") },
  { "what-if", 0, 0, G_OPTION_ARG_FILENAME, &opt_what_if,
    N_("Plan again with the units this file adds or removes, and compare"), N_("FILE") },
  { NULL }
};

static void
usage (FILE *out)
{
  fprintf (out, "%s",
           _("Usage: pathways-cli COMMAND [OPTIONS]\n"
             "\n"
             "Commands:\n"
             "  generate   Fill a new database with a synthetic authority\n"
             "  caseload   List every young person with their status, PA and accommodation\n"
             "  alerts     List what needs attention, worst first\n"
             "  agenda     Key dates coming up for a PA or team (reviews, birthdays, moves); --ics for a calendar\n"
             "  stock      List the housing register, or what is free on a date\n"
             "  match      Rank young people for a unit, or units for a young person\n"
             "  info       Show what a database holds\n"
             "  report     Write the sufficiency report for committee (PDF, CSV or Excel)\n"
             "  episodes   List a young person's care history (SSDA903 episodes)\n"
             "  episode    Add, end or delete an episode of care (add, end, delete)\n"
             "  import     Import SSDA903 files into a database (a preview first; --dry-run writes nothing)\n"
             "  export     Write the SSDA903 return for a collection year (checked against the DfE rules)\n"
             "  plan       Propose a move for everyone who needs one, and what to commission\n"
             "  check      Check SSDA903 files or a stock list as an import would, without a database\n"
             "  server     Set up a team server database (init) and its users (add-user)\n"
             "  copy       Copy an embedded database onto a new team server\n"
             "  audit      Verify the audit log's chain (verify), repair its triggers (repair), list it (log)\n"
             "  erase      Erase a young person's records after the retention period\n"
             "  check-db   Check every page of the database for damage\n"
             "  budget     The placements budget: set, import, report (variance explained)\n"
             "  provider   Providers and the frameworks they are on: add, list\n"
             "  referral   Referrals to providers and their offers: make, offer, offers, accept, …\n"
             "  istatement What young people said matters: list, answer, scores per provider or kind\n"
             "  person     Add a young person (add), close or reopen their case (close, reopen)\n"
             "  staff      Add, edit, list staff, or record that someone left (add, edit, list, leave)\n"
             "  team       Add or list teams (add, list)\n"
             "  reassign   Give young people another personal adviser (--to STAFF PERSON…)\n"
             "  contact    Record or list contacts with a young person (add, list)\n"
             "  retention  List closed cases past the retention period\n"
             "\n"
             "Run “pathways-cli COMMAND --help” for a command's options.\n"));
}

static gboolean
parse (const char          *command,
       const GOptionEntry  *extra,
       int                 *argc,
       char              ***argv,
       GError             **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *summary = g_strdup_printf ("pathways-cli %s", command);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);
  if (extra)
    g_option_context_add_main_entries (context, extra, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;
  if (*argc > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unexpected argument “%s”"), (*argv)[1]);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_format (GError **error)
{
  if (opt_format != NULL && !g_str_equal (opt_format, "text") && !g_str_equal (opt_format, "csv"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--format: “%s” is not text or csv"), opt_format);
      return FALSE;
    }
  return TRUE;
}

static char *
parse_date_option (const char  *name,
                   const char  *text,
                   GError     **error)
{
  g_autoptr(GError) local = NULL;
  PathwaysDay day;

  if (!pathways_day_parse_user (text, &day, &local))
    {
      if (g_error_matches (local, PATHWAYS_FORMAT_ERROR, PATHWAYS_FORMAT_ERROR_OUT_OF_RANGE))
        /* Translators: the first %s is an option (--today), the second a date */
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("%s: “%s” is outside the dates Pathways can record (01/01/1900 to 31/12/9999)"),
                     name, text);
      else
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("%s: “%s” is not a date (use DD/MM/YYYY or YYYY-MM-DD)"), name, text);
      return NULL;
    }
  return pathways_day_to_iso (day);
}

/* --today, else PATHWAYS_TODAY, else the system clock: a day outside the
 * calendar is refused, never worked with */
static PathwaysClock *
make_clock (GError **error)
{
  const char *env = g_getenv ("PATHWAYS_TODAY");
  g_autofree char *iso = NULL;

  if (opt_today != NULL)
    iso = parse_date_option ("--today", opt_today, error);
  else if (env != NULL)
    iso = parse_date_option ("PATHWAYS_TODAY", env, error);
  else
    return pathways_clock_new ();
  return iso ? pathways_clock_new_fixed (iso) : NULL;
}

static PathwaysStore *
open_store (PathwaysClock  *clock,
            gboolean        must_exist,
            GError        **error)
{
  g_autofree char *path = opt_database ? g_strdup (opt_database) : pathways_store_default_path ();

  if (must_exist && !pathways_store_location_is_server (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("No database at %s"), path);
      return NULL;
    }
  {
    g_autoptr(PathwaysStore) store = pathways_store_open (path, clock, error);

    if (store != NULL && opt_as != NULL)
      {
        gint64 id = pathways_cli_resolve_staff (store, opt_as, error);

        if (id == 0 || !pathways_store_set_acting_staff (store, id, error))
          return NULL;
      }
    return g_steal_pointer (&store);
  }
}

static int
cmd_generate (int     argc,
              char  **argv,
              GError **error)
{
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autofree char *today = NULL;
  PathwaysGenerateSize size = PATHWAYS_GENERATE_DEMO;
  PathwaysGenerateStats stats;
  guint n_people = 0;
  g_autoptr(GTimer) timer = g_timer_new ();

  if (!parse ("generate", generate_entries, &argc, &argv, error))
    return 2;
  if (opt_database == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--database is required: generate into a new file"));
      return 2;
    }
  if (opt_people != NULL)
    {
      guint64 n = 0;

      if (opt_size != NULL)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("--people and --size cannot be given together: choose one"));
          return 2;
        }
      if (!g_ascii_string_to_unsigned (opt_people, 10, 1, PATHWAYS_GENERATE_MAX_PEOPLE, &n, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: %s is what was typed, %u the largest number allowed */
                       _("--people: “%s” is not a whole number from 1 to %u"), opt_people,
                       (guint) PATHWAYS_GENERATE_MAX_PEOPLE);
          return 2;
        }
      n_people = (guint) n;
    }
  else if (!pathways_generate_size_from_string (opt_size ? opt_size : "demo", &size))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--size: “%s” is not demo or large"), opt_size);
      return 2;
    }
  if (opt_seed < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--seed must be zero or more"));
      return 2;
    }
  if ((clock = make_clock (error)) == NULL)
    return 2;
  today = pathways_clock_dup_today (clock);
  if (!pathways_generate_check_today (today, error))
    return 2;
  if ((store = open_store (clock, FALSE, error)) == NULL)
    return 1;

  if (n_people > 0 ? !pathways_generate_people (store, n_people, (guint32) opt_seed, today, &stats, error)
                    : !pathways_generate (store, size, (guint32) opt_seed, today, &stats, error))
    return 1;

  printf (_("Generated %u young people, %u units, %u staff, %u spells, %u milestones and "
            "%u transitions in %s (%.1f s)\n"),
          stats.n_young_people, stats.n_units, stats.n_staff, stats.n_spells,
          stats.n_milestones, stats.n_transitions, pathways_store_get_path (store),
          g_timer_elapsed (timer, NULL));
  if (opt_export_903 != NULL)
    {
      g_autoptr(Pathways903CodeTable) table = pathways_903_code_table_load_default (error);
      Pathways903Codes codes;
      guint n_years = 0;

      if (table == NULL)
        return 1;
      codes = pathways_903_code_table_as_codes (table);
      if (!pathways_903_export_all_years (store, &codes, opt_export_903, today, &n_years, error))
        return 1;
      /* Translators: "SSDA903 returns for 11 collection years written to DIR (import them oldest first)" */
      printf (g_dngettext (GETTEXT_PACKAGE, "SSDA903 return for %u collection year written to %s\n",
                           "SSDA903 returns for %u collection years written to %s (import them oldest first)\n",
                           n_years), n_years, opt_export_903);
    }
  return 0;
}

static void
csv_field (GString    *out,
           const char *value,
           gboolean    last)
{
  if (value != NULL && strpbrk (value, ",\"\n") != NULL)
    {
      g_autoptr(GString) quoted = g_string_new (value);
      g_string_replace (quoted, "\"", "\"\"", 0);
      g_string_append_printf (out, "\"%s\"", quoted->str);
    }
  else if (value != NULL)
    g_string_append (out, value);
  g_string_append_c (out, last ? '\n' : ',');
}

static int
cmd_caseload (int     argc,
              char  **argv,
              GError **error)
{
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autofree char *today = NULL;
  gboolean csv;
  g_autoptr(GString) out = g_string_new (NULL);

  if (!parse ("caseload", format_entries, &argc, &argv, error))
    return 2;
  if (!check_format (error))
    return 2;
  csv = g_strcmp0 (opt_format, "csv") == 0;
  if ((clock = make_clock (error)) == NULL)
    return 2;
  if ((store = open_store (clock, TRUE, error)) == NULL)
    return 1;
  today = pathways_clock_dup_today (clock);
  if ((rows = pathways_store_load_caseload (store, today, error)) == NULL)
    return 1;

  if (csv)
    g_string_append (out, "id,local_id,name,date_of_birth,age,status,personal_adviser,team,"
                          "accommodation,kind,since,next_key_date,next_key_date_label,alerts,readiness\n");
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PathwaysCaseloadRow) row = g_list_model_get_item (rows, i);
      g_autofree char *dob = pathways_date_format_uk (pathways_caseload_row_get_date_of_birth (row));
      g_autofree char *since = pathways_date_format_uk (pathways_caseload_row_get_accommodation_since (row));
      g_autofree char *age = g_strdup_printf ("%" G_GINT64_FORMAT, pathways_caseload_row_get_age (row));
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, pathways_record_get_id (PATHWAYS_RECORD (row)));
      g_autofree char *next = pathways_date_format_uk (pathways_caseload_row_get_next_key_date (row));
      g_autofree char *alerts = g_strdup_printf ("%" G_GINT64_FORMAT, pathways_caseload_row_get_alert_count (row));
      gint64 ready = pathways_caseload_row_get_readiness (row);
      g_autofree char *readiness = ready >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, ready) : g_strdup ("");

      if (csv)
        {
          csv_field (out, id, FALSE);
          csv_field (out, pathways_caseload_row_get_local_id (row), FALSE);
          csv_field (out, pathways_caseload_row_get_display_name (row), FALSE);
          csv_field (out, dob, FALSE);
          csv_field (out, age, FALSE);
          csv_field (out, pathways_caseload_row_get_status_label (row), FALSE);
          csv_field (out, pathways_caseload_row_get_pa_name (row), FALSE);
          csv_field (out, pathways_caseload_row_get_team (row), FALSE);
          csv_field (out, pathways_caseload_row_get_accommodation (row), FALSE);
          csv_field (out, pathways_caseload_row_get_accommodation_kind (row), FALSE);
          csv_field (out, since, FALSE);
          csv_field (out, next, FALSE);
          csv_field (out, pathways_caseload_row_get_next_key_date_label (row), FALSE);
          csv_field (out, alerts, FALSE);
          csv_field (out, readiness, TRUE);
        }
      else
        {
          const char *acc = pathways_caseload_row_get_accommodation (row);
          g_string_append_printf (out, "%-9s %-22s %3s  %-17s %-20s %-36.36s %s\n",
                                  pathways_caseload_row_get_local_id (row),
                                  pathways_caseload_row_get_display_name (row),
                                  age,
                                  pathways_caseload_row_get_status_label (row),
                                  pathways_caseload_row_get_pa_name (row) ?: _("No PA"),
                                  acc ? acc : _("No current accommodation"),
                                  pathways_caseload_row_get_accommodation_kind (row) ?: "");
        }
    }
  fputs (out->str, stdout);
  return 0;
}

static int
cmd_alerts (int     argc,
            char  **argv,
            GError **error)
{
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(GListModel) alerts = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean csv;
  guint n;

  if (!parse ("alerts", alerts_entries, &argc, &argv, error))
    return 2;
  if (!check_format (error))
    return 2;
  if (opt_person < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--person must be a young person's id"));
      return 2;
    }
  csv = g_strcmp0 (opt_format, "csv") == 0;
  if ((clock = make_clock (error)) == NULL)
    return 2;
  if ((store = open_store (clock, TRUE, error)) == NULL)
    return 1;
  if (opt_person > 0)
    {
      g_autoptr(PathwaysYoungPerson) person = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON,
                                                                  opt_person, NULL);
      if (person == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--person: there is no young person with id %" G_GINT64_FORMAT), opt_person);
          return 2;
        }
    }
  today = pathways_clock_dup_today (clock);
  if ((alerts = pathways_store_load_alerts (store, today, opt_person, error)) == NULL)
    return 1;

  n = g_list_model_get_n_items (alerts);
  if (csv)
    g_string_append (out, "severity,due,young_person_id,local_id,name,rule,reason\n");
  else
    {
      g_autofree char *uk = pathways_date_format_uk (today);
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u alert on %s\n\n",
                                                "%u alerts on %s\n\n", n), n, uk);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysAlert) a = g_list_model_get_item (alerts, i);
      g_autofree char *due = pathways_date_format_uk (pathways_alert_get_due_date (a));
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, pathways_alert_get_young_person_id (a));
      g_autoptr(PathwaysYoungPerson) person = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON,
                                                             pathways_alert_get_young_person_id (a), NULL);
      const char *local_id = person ? pathways_young_person_get_local_id (person) : NULL;

      if (csv)
        {
          csv_field (out, pathways_alert_get_severity_label (a), FALSE);
          csv_field (out, due, FALSE);
          csv_field (out, id, FALSE);
          csv_field (out, local_id, FALSE);
          csv_field (out, pathways_alert_get_person_name (a), FALSE);
          csv_field (out, pathways_alert_get_kind (a), FALSE);
          csv_field (out, pathways_alert_get_reason (a), TRUE);
        }
      else
        g_string_append_printf (out, "%-7s %-10s %-9s %-22s %s\n",
                                pathways_alert_get_severity_label (a), due,
                                local_id ? local_id : "", pathways_alert_get_person_name (a),
                                pathways_alert_get_reason (a));
    }
  fputs (out->str, stdout);
  return 0;
}

static int
cmd_stock (int     argc,
           char  **argv,
           GError **error)
{
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GHashTable) free_units = NULL;
  g_autofree char *today = NULL;
  g_autofree char *on = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean csv;
  guint shown = 0;

  if (!parse ("stock", stock_entries, &argc, &argv, error) || !check_format (error))
    return 2;
  if (opt_kind != NULL && !pathways_vocab_is_valid (PATHWAYS_VOCAB_UNIT_KIND, opt_kind))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--kind: “%s” is not a kind of unit"), opt_kind);
      return 2;
    }
  if (opt_available_on != NULL && (on = parse_date_option ("--available-on", opt_available_on, error)) == NULL)
    return 2;
  csv = g_strcmp0 (opt_format, "csv") == 0;
  if ((clock = make_clock (error)) == NULL)
    return 2;
  if ((store = open_store (clock, TRUE, error)) == NULL)
    return 1;
  today = pathways_clock_dup_today (clock);
  if ((rows = pathways_store_load_stock (store, today, error)) == NULL)
    return 1;
  if (on != NULL && (free_units = pathways_stock_free_on (store, on, error)) == NULL)
    return 1;

  if (csv)
    g_string_append (out, "id,name,kind,area,in_authority,bedrooms,min_age,max_age,weekly_cost,status,"
                          "available_from,living_there,reserved_for\n");
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PathwaysStockRow) r = g_list_model_get_item (rows, i);
      gint64 id = pathways_record_get_id (PATHWAYS_RECORD (r));
      g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_autofree char *cost = pathways_money_format (pathways_stock_row_get_weekly_cost (r));
      g_autofree char *from = pathways_date_format_uk (pathways_stock_row_get_available_from (r));
      g_autofree char *beds = g_strdup_printf ("%" G_GINT64_FORMAT, pathways_stock_row_get_bedrooms (r));
      g_autofree char *min = g_strdup_printf ("%" G_GINT64_FORMAT, pathways_stock_row_get_min_age (r));
      g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, pathways_stock_row_get_max_age (r));

      if (opt_kind && g_strcmp0 (pathways_stock_row_get_kind (r), opt_kind) != 0)
        continue;
      if (free_units && !g_hash_table_contains (free_units, &id))
        continue;
      shown++;
      if (csv)
        {
          csv_field (out, sid, FALSE);
          csv_field (out, pathways_stock_row_get_name (r), FALSE);
          csv_field (out, pathways_stock_row_get_kind_label (r), FALSE);
          csv_field (out, pathways_stock_row_get_area (r), FALSE);
          csv_field (out, pathways_stock_row_get_in_authority (r) ? "yes" : "no", FALSE);
          csv_field (out, beds, FALSE);
          csv_field (out, min, FALSE);
          csv_field (out, max, FALSE);
          csv_field (out, cost, FALSE);
          csv_field (out, pathways_stock_row_get_status_label (r), FALSE);
          csv_field (out, from, FALSE);
          csv_field (out, pathways_stock_row_get_occupant (r), FALSE);
          csv_field (out, pathways_stock_row_get_reserved_for (r), TRUE);
        }
      else
        g_string_append_printf (out, "%5s  %-40.40s %-34s %-20s %10s  %-9s %s\n", sid,
                                pathways_stock_row_get_name (r),
                                pathways_stock_row_get_kind_label (r),
                                pathways_stock_row_get_area (r) ?: "",
                                cost, pathways_stock_row_get_status_label (r),
                                *from ? from : "—");
    }
  if (!csv)
    {
      if (on != NULL)
        {
          g_autofree char *uk = pathways_date_format_uk (on);
          g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "\n%u unit free on %s\n",
                                                    "\n%u units free on %s\n", shown), shown, uk);
        }
      else
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "\n%u unit\n", "\n%u units\n", shown), shown);
    }
  fputs (out->str, stdout);
  return 0;
}

static int
cmd_match (int     argc,
           char  **argv,
           GError **error)
{
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(GListModel) ranked = NULL;
  g_autofree char *date = NULL;
  g_autofree char *used = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean csv;

  if (!parse ("match", match_entries, &argc, &argv, error) || !check_format (error))
    return 2;
  if ((opt_unit > 0) == (opt_person > 0))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Give either --unit ID or --person ID"));
      return 2;
    }
  csv = g_strcmp0 (opt_format, "csv") == 0;
  if ((clock = make_clock (error)) == NULL)
    return 2;
  if ((store = open_store (clock, TRUE, error)) == NULL)
    return 1;
  date = pathways_clock_dup_today (clock);

  if (opt_unit > 0)
    {
      if ((ranked = pathways_stock_rank_people (store, opt_unit, date, error)) == NULL)
        return 1;
      if (csv)
        g_string_append (out, "rank,young_person_id,local_id,name,age,verdict,score,reasons\n");
    }
  else
    {
      if ((ranked = pathways_stock_rank_units (store, opt_person, opt_today ? date : NULL, &used, error)) == NULL)
        return 1;
      if (csv)
        g_string_append (out, "rank,unit_id,name,kind,area,verdict,score,reasons\n");
      else
        {
          g_autofree char *uk = pathways_date_format_uk (used);
          g_string_append_printf (out, _("Units for a move on %s, best first\n\n"), uk);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (ranked); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (ranked, i);
      /* Young people ranked for a unit, or units for a young person */
      PathwaysCandidate *c = opt_unit > 0 ? PATHWAYS_CANDIDATE (item) : NULL;
      PathwaysDestination *d = c ? NULL : PATHWAYS_DESTINATION (item);
      const char *name = c ? pathways_candidate_get_name (c) : pathways_destination_get_name (d);
      const char *verdict = c ? pathways_candidate_get_verdict_label (c) : pathways_destination_get_verdict_label (d);
      g_autofree char *rank = g_strdup_printf ("%u", i + 1);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             c ? pathways_candidate_get_young_person_id (c)
                                               : pathways_destination_get_unit_id (d));
      g_autofree char *score = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                c ? pathways_candidate_get_score (c) : pathways_destination_get_score (d));
      g_autofree char *reasons = g_strdup (c ? pathways_candidate_get_reasons (c) : pathways_destination_get_reasons (d));

      if (csv)
        {
          csv_field (out, rank, FALSE);
          csv_field (out, id, FALSE);
          if (c != NULL)
            {
              g_autofree char *age = g_strdup_printf ("%" G_GINT64_FORMAT, pathways_candidate_get_age (c));
              csv_field (out, pathways_candidate_get_local_id (c), FALSE);
              csv_field (out, name, FALSE);
              csv_field (out, age, FALSE);
            }
          else
            {
              csv_field (out, name, FALSE);
              csv_field (out, pathways_destination_get_kind_label (d), FALSE);
              csv_field (out, pathways_destination_get_area (d), FALSE);
            }
          csv_field (out, verdict, FALSE);
          csv_field (out, score, FALSE);
          csv_field (out, reasons, TRUE);
        }
      else
        {
          if (reasons)
            g_strdelimit (reasons, "\n", ' ');
          g_string_append_printf (out, "%4s  %-34.34s %-22s %5s  %s\n", rank, name, verdict, score,
                                  reasons ? reasons : "");
        }
    }
  fputs (out->str, stdout);
  return 0;
}

static int
cmd_info (int     argc,
          char  **argv,
          GError **error)
{
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  const struct { const char *label; GType type; } counts[] = {
    { N_("Staff"), PATHWAYS_TYPE_STAFF },
    { N_("Young people"), PATHWAYS_TYPE_YOUNG_PERSON },
    { N_("Units"), PATHWAYS_TYPE_UNIT },
    { N_("Spells"), PATHWAYS_TYPE_SPELL },
    { N_("Milestones"), PATHWAYS_TYPE_MILESTONE },
    { N_("Transitions"), PATHWAYS_TYPE_TRANSITION },
    { N_("Audit entries"), PATHWAYS_TYPE_AUDIT_ENTRY },
  };

  if (!parse ("info", NULL, &argc, &argv, error))
    return 2;
  if ((clock = make_clock (error)) == NULL)
    return 2;
  if ((store = open_store (clock, TRUE, error)) == NULL)
    return 1;

  printf (_("Database: %s (schema version %d)\n"), pathways_store_get_path (store),
          pathways_store_get_schema_version (store));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      gint64 n = pathways_store_count (store, counts[i].type, error);
      if (n < 0)
        return 1;
      printf ("  %-14s %" G_GINT64_FORMAT "\n", _(counts[i].label), n);
    }
  return 0;
}

static int
cmd_report (int     argc,
            char  **argv,
            GError **error)
{
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(PathwaysSufficiency) sufficiency = NULL;
  g_autofree char *today = NULL;
  PathwaysReportFormat format;

  if (!parse ("report", report_entries, &argc, &argv, error))
    return 2;
  if (opt_output == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--output: say where to write the report"));
      return 2;
    }
  if (opt_format == NULL)
    {
      const char *dot = strrchr (opt_output, '.');
      g_autofree char *ext = dot ? g_ascii_strdown (dot + 1, -1) : NULL;

      if (!pathways_report_format_from_string (ext, &format))
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("--format: give pdf, csv or xlsx"));
          return 2;
        }
    }
  else if (!pathways_report_format_from_string (opt_format, &format))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--format: “%s” is not pdf, csv or xlsx"), opt_format);
      return 2;
    }
  if ((clock = make_clock (error)) == NULL)
    return 2;
  if ((store = open_store (clock, TRUE, error)) == NULL)
    return 1;

  today = pathways_clock_dup_today (clock);
  if ((sufficiency = pathways_sufficiency_compute (store, today, error)) == NULL)
    return 1;
  {
    g_autoptr(PathwaysCommissioning) commissioning = pathways_commissioning_compute (store, today, error);

    if (commissioning == NULL ||
        !pathways_report_write_with_commissioning (sufficiency, commissioning, format, opt_output, error))
      return 1;
  }
  return 0;
}

static int
cmd_plan (int     argc,
          char  **argv,
          GError **error)
{
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(PathwaysSnapshot) snap = NULL;
  g_autoptr(GHashTable) settings = NULL;
  g_autoptr(PathwaysWhatIf) what_if = NULL;
  g_autoptr(PathwaysPlan) plan = NULL;
  g_autoptr(PathwaysPlan) alternative = NULL;
  g_autofree char *today = NULL;
  g_autofree char *text = NULL;
  PathwaysPlanOptions options;
  PathwaysPlanFormat format = PATHWAYS_PLAN_FORMAT_TEXT;

  if (!parse ("plan", plan_entries, &argc, &argv, error))
    return 2;
  if (opt_format == NULL || g_str_equal (opt_format, "text"))
    format = PATHWAYS_PLAN_FORMAT_TEXT;
  else if (g_str_equal (opt_format, "csv"))
    format = PATHWAYS_PLAN_FORMAT_CSV;
  else if (g_str_equal (opt_format, "json"))
    format = PATHWAYS_PLAN_FORMAT_JSON;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--format: “%s” is not text, csv or json"), opt_format);
      return 2;
    }
  if (opt_months != 0 && (opt_months < 1 || opt_months > PATHWAYS_PLAN_MAX_MONTHS))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--months must be a whole number from 1 to %d"), PATHWAYS_PLAN_MAX_MONTHS);
      return 2;
    }
  if ((clock = make_clock (error)) == NULL)
    return 2;
  today = pathways_clock_dup_today (clock);
  if (opt_what_if != NULL)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;
      g_autofree char *shown = g_filename_display_name (opt_what_if);

      if (!g_file_get_contents (opt_what_if, &contents, &length, error))
        return 2;
      if ((what_if = pathways_what_if_parse (contents, (gssize) length, shown, today, error)) == NULL)
        return 2;
    }
  if ((store = open_store (clock, TRUE, error)) == NULL)
    return 1;
  if ((settings = pathways_store_dup_settings (store, error)) == NULL)
    return 1;
  if ((snap = pathways_snapshot_load (store, today, error)) == NULL)
    return 1;

  pathways_plan_options_init (&options);
  pathways_plan_weights_from_settings (&options.weights, settings);
  if (opt_months != 0)
    options.months = opt_months;
  if ((plan = pathways_plan_compute (snap, &options, NULL, error)) == NULL)
    return 1;
  if (what_if != NULL)
    {
      options.what_if = what_if;
      if ((alternative = pathways_plan_compute (snap, &options, NULL, error)) == NULL)
        return 1;
      text = pathways_plan_format (alternative, plan, format);
    }
  else
    text = pathways_plan_format (plan, NULL, format);
  fputs (text, stdout);
  return 0;
}

/* The key dates coming up for a PA or a team: a list, or an iCalendar
 * file (0600) with as little personal data as a calendar needs */
static int
cmd_agenda (int     argc,
            char  **argv,
            GError **error)
{
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(PathwaysAgenda) agenda = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 pa_id = 0;
  gboolean csv;

  if (!parse ("agenda", agenda_entries, &argc, &argv, error))
    return 2;
  if (!check_format (error))
    return 2;
  if (opt_weeks < 1 || opt_weeks > 52)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--weeks: %d is not between 1 and 52"), opt_weeks);
      return 2;
    }
  if (opt_pa != NULL && opt_team != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Give --pa or --team, not both"));
      return 2;
    }
  csv = g_strcmp0 (opt_format, "csv") == 0;
  if ((clock = make_clock (error)) == NULL)
    return 2;
  if ((store = open_store (clock, TRUE, error)) == NULL)
    return 1;
  if (opt_pa != NULL && (pa_id = pathways_cli_resolve_staff (store, opt_pa, error)) == 0)
    return 2;
  today = pathways_clock_dup_today (clock);
  if ((agenda = pathways_agenda_load (store, today, opt_weeks * 7, error)) == NULL)
    return 1;
  if (opt_team != NULL)
    {
      g_autoptr(GPtrArray) teams = pathways_agenda_list_teams (agenda);
      gboolean found = FALSE;

      for (guint i = 0; i < teams->len && !found; i++)
        found = g_str_equal (g_ptr_array_index (teams, i), opt_team);
      if (!found)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--team: no young person is with a team called “%s”"), opt_team);
          return 2;
        }
    }
  items = pathways_agenda_select (agenda, pa_id, opt_team, 1u << PATHWAYS_AGENDA_DATE);

  if (opt_ics != NULL)
    {
      g_autofree char *from = pathways_date_format_uk (pathways_agenda_get_from (agenda));
      g_autofree char *to = pathways_date_format_uk (pathways_agenda_get_to (agenda));

      if (!pathways_agenda_write_ics (items, _("Pathways key dates"), opt_ics, error))
        return 1;
      /* Translators: "12 key dates from 22/11/2026 to 03/01/2027 written to agenda.ics" */
      printf (g_dngettext (GETTEXT_PACKAGE, "%u key date from %s to %s written to %s\n",
                           "%u key dates from %s to %s written to %s\n", items->len),
              items->len, from, to, opt_ics);
      return 0;
    }

  if (csv)
    g_string_append (out, "date,young_person_id,name,what,pa,team\n");
  for (guint i = 0; i < items->len; i++)
    {
      const PathwaysAgendaItem *item = g_ptr_array_index (items, i);
      g_autofree char *uk = pathways_date_format_uk (item->date);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, item->person_id);

      if (csv)
        {
          csv_field (out, uk, FALSE);
          csv_field (out, id, FALSE);
          csv_field (out, item->person_name, FALSE);
          csv_field (out, item->title, FALSE);
          csv_field (out, item->pa_name, FALSE);
          csv_field (out, item->team, TRUE);
        }
      else
        g_string_append_printf (out, "%-10s  %-24s  %s\n", uk, item->person_name, item->title);
    }
  if (!csv && items->len == 0)
    g_string_append (out, _("No key dates in these weeks\n"));
  fputs (out->str, stdout);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *command;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("pathways-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  command = argv[1];
  argv[1] = argv[0];
  argc--;
  argv++;

  if (g_str_equal (command, "generate"))
    status = cmd_generate (argc, argv, &error);
  else if (g_str_equal (command, "caseload"))
    status = cmd_caseload (argc, argv, &error);
  else if (g_str_equal (command, "alerts"))
    status = cmd_alerts (argc, argv, &error);
  else if (g_str_equal (command, "agenda"))
    status = cmd_agenda (argc, argv, &error);
  else if (g_str_equal (command, "stock"))
    status = cmd_stock (argc, argv, &error);
  else if (g_str_equal (command, "match"))
    status = cmd_match (argc, argv, &error);
  else if (g_str_equal (command, "info"))
    status = cmd_info (argc, argv, &error);
  else if (g_str_equal (command, "report"))
    status = cmd_report (argc, argv, &error);
  else if (g_str_equal (command, "episodes"))
    status = pathways_cli_episodes (argc, argv, &error);
  else if (g_str_equal (command, "episode"))
    status = pathways_cli_episode (argc, argv, &error);
  else if (g_str_equal (command, "import"))
    status = pathways_cli_import (argc, argv, &error);
  else if (g_str_equal (command, "export"))
    status = pathways_cli_export (argc, argv, &error);
  else if (g_str_equal (command, "plan"))
    status = cmd_plan (argc, argv, &error);
  else if (g_str_equal (command, "check"))
    status = pathways_cli_check (argc, argv, &error);
  else if (g_str_equal (command, "server"))
    status = pathways_cli_server (argc, argv, &error);
  else if (g_str_equal (command, "copy"))
    status = pathways_cli_copy (argc, argv, &error);
  else if (g_str_equal (command, "audit"))
    status = pathways_cli_audit (argc, argv, &error);
  else if (g_str_equal (command, "erase"))
    status = pathways_cli_erase (argc, argv, &error);
  else if (g_str_equal (command, "check-db"))
    status = pathways_cli_check_db (argc, argv, &error);
  else if (g_str_equal (command, "budget"))
    status = pathways_cli_budget (argc, argv, &error);
  else if (g_str_equal (command, "provider"))
    status = pathways_cli_provider (argc, argv, &error);
  else if (g_str_equal (command, "referral"))
    status = pathways_cli_referral (argc, argv, &error);
  else if (g_str_equal (command, "istatement"))
    status = pathways_cli_istatement (argc, argv, &error);
  else if (g_str_equal (command, "person"))
    status = pathways_cli_person (argc, argv, &error);
  else if (g_str_equal (command, "staff"))
    status = pathways_cli_staff (argc, argv, &error);
  else if (g_str_equal (command, "team"))
    status = pathways_cli_team (argc, argv, &error);
  else if (g_str_equal (command, "reassign"))
    status = pathways_cli_reassign (argc, argv, &error);
  else if (g_str_equal (command, "contact"))
    status = pathways_cli_contact (argc, argv, &error);
  else if (g_str_equal (command, "retention"))
    status = pathways_cli_retention (argc, argv, &error);
  else
    {
      fprintf (stderr, _("pathways-cli: unknown command “%s”\n\n"), command);
      usage (stderr);
      return 2;
    }

  if (error != NULL)
    fprintf (stderr, "pathways-cli %s: %s\n", command, error->message);
  g_free (opt_database);
  g_free (opt_today);
  g_free (opt_size);
  g_free (opt_export_903);
  g_free (opt_people);
  g_free (opt_format);
  g_free (opt_what_if);
  g_free (opt_available_on);
  g_free (opt_kind);
  g_free (opt_output);
  g_free (opt_as);
  g_free (opt_pa);
  g_free (opt_team);
  g_free (opt_ics);
  return status;
}
