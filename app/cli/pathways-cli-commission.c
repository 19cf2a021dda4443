/* pathways-cli-commission.c — pathways-cli's commissioning commands
 *
 *   pathways-cli budget set --year Y --kind K --amount £ --weeks N [--income £] [--note T]
 *   pathways-cli budget import FILE
 *   pathways-cli budget report [--year Y] [--format text|csv|xlsx] [--output PATH]
 *   pathways-cli budget income --person ID [--spell ID] --source S --weekly £ --from D [--until D]
 *   pathways-cli provider add --name N --route R [--kinds K,K] [--framework F] [--contact C] [--email E]
 *                                   [--phone P] [--registration R]
 *   pathways-cli provider list [--kind K]
 *   pathways-cli provider retire --provider ID [--reinstate]
 *   pathways-cli referral make --person ID --kind K --needed-by D [--providers ID,ID] [--share-wishes]
 *                                   [--risks T] [--output PACK.pdf|.txt]
 *   pathways-cli referral list | pack --referral ID --output PATH | offer --referral ID --provider ID
 *                                   --unit NAME --available D [--cost £] [--area A] [--postcode P]
 *                                   [--address A] [--registration R]
 *   pathways-cli referral offers --referral ID | accept --offer ID [--date D] [--warnings-reason T]
 *                                   [--reason T] | close --referral ID --reason T
 *                                   | close-offer --offer ID --reason T | report
 *   pathways-cli istatement list | answer --person ID --statement ID --answer yes|partly|no [--date D]
 *                                   | scores [--by provider|kind] [--format text|csv]
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
#include "pathways-commission-entities.h"
#include "pathways-core.h"
#include "pathways-istatement.h"
#include "pathways-referral-pdf.h"
#include "pathways-referral.h"

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
  /* providers, referrals, offers, I statements */
  char   *name;
  char   *route;
  char   *framework;
  char   *kinds;
  char   *contact;
  char   *email;
  char   *phone;
  char   *registration;
  char   *providers;
  char   *needed_by;
  char   *risks;
  char   *unit;
  char   *available;
  char   *cost;
  char   *area;
  char   *postcode;
  char   *address;
  char   *date;
  char   *warnings;
  char   *reason;
  char   *answer;
  char   *by;
  gint64  person;
  gint64  referral;
  gint64  provider;
  gint64  offer;
  gint64  statement;
  gboolean share_wishes;
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
  g_free (o->name);
  g_free (o->route);
  g_free (o->framework);
  g_free (o->kinds);
  g_free (o->contact);
  g_free (o->email);
  g_free (o->phone);
  g_free (o->registration);
  g_free (o->providers);
  g_free (o->needed_by);
  g_free (o->risks);
  g_free (o->unit);
  g_free (o->available);
  g_free (o->cost);
  g_free (o->area);
  g_free (o->postcode);
  g_free (o->address);
  g_free (o->date);
  g_free (o->warnings);
  g_free (o->reason);
  g_free (o->answer);
  g_free (o->by);
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

static gboolean date_option (const char *name, const char *text, char **out_iso, GError **error);
static gboolean need (gboolean given, const char *option, GError **error);

static int
budget_income (int argc, char **argv, GError **error)
{
  g_auto(Options) o = { 0, };
  GOptionEntry entries[] = {
    { "person", 0, 0, G_OPTION_ARG_INT64, &o.person, N_("The young person (their id)"), N_("ID") },
    { "spell", 0, 0, G_OPTION_ARG_INT64, &o.offer, N_("The placement (its id), if it is for one"), N_("ID") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &o.kind, N_("health, education, uasc_grant, housing_benefit or other"),
      N_("SOURCE") },
    { "weekly", 0, 0, G_OPTION_ARG_STRING, &o.amount, N_("The weekly amount in pounds"), N_("POUNDS") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.available, N_("The first day"), N_("DATE") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &o.date, N_("The last day (default: open)"), N_("DATE") },
    { NULL }
  };
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(PathwaysPlacementIncome) income = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  gint64 weekly = 0;

  if (!parse ("budget income", entries, &o, &argc, &argv, 0, error))
    return 2;
  if (!need (o.person > 0 && o.kind != NULL && o.amount != NULL && o.available != NULL,
             "--person, --source, --weekly and --from", error) ||
      !money_option ("--weekly", o.amount, &weekly, error) || !date_option ("--from", o.available, &from, error) ||
      (o.date != NULL && !date_option ("--until", o.date, &until, error)))
    return 2;
  if ((store = open_store (&o, &clock, error)) == NULL)
    return 1;
  income = g_object_new (PATHWAYS_TYPE_PLACEMENT_INCOME, "young-person-id", o.person, "spell-id", o.offer,
                         "source", o.kind, "weekly-amount", weekly, "start-date", from, "end-date", until, NULL);
  if (!pathways_budget_add_income (store, income, NULL, error))
    return 1;
  printf (_("%s recorded\n"), pathways_income_source_label (o.kind));
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
               _("Usage: pathways-cli budget set|import|report|income [OPTIONS]\n"
                 "  set      Set the budget for a financial year and kind of provision\n"
                 "  import   Read budget lines from a CSV file (year, kind, amount, placement_weeks, income, note)\n"
                 "  report   Spend actual, committed and forecast against the budget, with the variance explained\n"
                 "  income   Record income against a placement (health, education, uasc_grant, housing_benefit)\n"));
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
  if (g_str_equal (sub, "income"))
    return budget_income (argc, argv, error);
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION, _("“%s” is not set, import, report or income"),
               sub);
  return 2;
}

/* Shared helpers ------------------------------------------------------------ */

static gboolean
date_option (const char  *name,
             const char  *text,
             char       **out_iso,
             GError     **error)
{
  if (!pathways_date_parse_user (text, out_iso))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: “%s” is not a date (YYYY-MM-DD or DD/MM/YYYY)"), name, text ? text : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
need (gboolean     given,
      const char  *option,
      GError     **error)
{
  if (!given)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("Give %s"), option);
  return given;
}

static int
unknown_sub (const char  *sub,
             const char  *choices,
             GError     **error)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION, _("“%s” is not one of: %s"), sub, choices);
  return 2;
}

/* provider --------------------------------------------------------------------- */

static int
provider_add (int argc, char **argv, GError **error)
{
  g_auto(Options) o = { 0, };
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &o.name, N_("The provider's name"), N_("NAME") },
    { "route", 0, 0, G_OPTION_ARG_STRING, &o.route, N_("approved_list, dps, block or spot"), N_("ROUTE") },
    { "framework", 0, 0, G_OPTION_ARG_STRING, &o.framework, N_("The framework's name"), N_("NAME") },
    { "kinds", 0, 0, G_OPTION_ARG_STRING, &o.kinds, N_("Kinds of provision offered, with commas"), N_("KINDS") },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &o.contact, N_("Who to contact"), N_("NAME") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &o.email, N_("Email for referrals"), N_("ADDRESS") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &o.phone, N_("Telephone"), N_("NUMBER") },
    { "registration", 0, 0, G_OPTION_ARG_STRING, &o.registration,
      N_("registered, applied, not_registered or not_required"), N_("REGISTRATION") },
    { NULL }
  };
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(PathwaysProvider) p = NULL;

  if (!parse ("provider add", entries, &o, &argc, &argv, 0, error))
    return 2;
  if (!need (o.name != NULL && o.route != NULL, "--name and --route", error))
    return 2;
  if ((store = open_store (&o, &clock, error)) == NULL)
    return 1;
  p = g_object_new (PATHWAYS_TYPE_PROVIDER, "name", o.name, "route", o.route, "framework", o.framework,
                    "kinds", o.kinds, "contact-name", o.contact, "email", o.email, "phone", o.phone,
                    "registration", o.registration, NULL);
  if (!pathways_provider_save (store, p, NULL, error))
    return 1;
  printf (_("Provider %" G_GINT64_FORMAT " added: %s\n"), pathways_record_get_id (PATHWAYS_RECORD (p)), o.name);
  return 0;
}

static int
provider_list (int argc, char **argv, GError **error)
{
  g_auto(Options) o = { 0, };
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &o.kind, N_("Only those offering this kind, best route first"), N_("KIND") },
    { NULL }
  };
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;

  if (!parse ("provider list", entries, &o, &argc, &argv, 0, error))
    return 2;
  if ((store = open_store (&o, &clock, error)) == NULL)
    return 1;
  if (o.kind != NULL)
    list = pathways_referral_suggest_providers (store, o.kind, error);
  else
    {
      g_autoptr(GListModel) all = pathways_store_list (store, PATHWAYS_TYPE_PROVIDER, error);
      if (all != NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          for (guint i = 0; i < g_list_model_get_n_items (all); i++)
            g_ptr_array_add (list, g_list_model_get_item (all, i));
        }
    }
  if (list == NULL)
    return 1;
  for (guint i = 0; i < list->len; i++)
    {
      PathwaysProvider *p = g_ptr_array_index (list, i);
      printf ("%" G_GINT64_FORMAT "\t%s%s\t%s\t%s\t%s\n", pathways_record_get_id (PATHWAYS_RECORD (p)),
              pathways_provider_get_name (p), pathways_provider_get_retired (p) ? _(" (no longer used)") : "", pathways_provider_route_label (pathways_provider_get_route (p)),
              pathways_provider_get_kinds (p) ? pathways_provider_get_kinds (p) : "",
              pathways_provider_get_email (p) ? pathways_provider_get_email (p) : "");
    }
  return 0;
}

static int
provider_retire (int argc, char **argv, GError **error)
{
  g_auto(Options) o = { 0, };
  gboolean reinstate = FALSE;
  GOptionEntry entries[] = {
    { "provider", 0, 0, G_OPTION_ARG_INT64, &o.provider, N_("The provider no longer used"), N_("ID") },
    { "reinstate", 0, 0, G_OPTION_ARG_NONE, &reinstate, N_("Use the provider again"), NULL },
    { NULL }
  };
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(PathwaysProvider) p = NULL;

  if (!parse ("provider retire", entries, &o, &argc, &argv, 0, error))
    return 2;
  if (!need (o.provider > 0, "--provider", error))
    return 2;
  if ((store = open_store (&o, &clock, error)) == NULL)
    return 1;
  if ((p = pathways_store_get (store, PATHWAYS_TYPE_PROVIDER, o.provider, error)) == NULL)
    return 1;
  pathways_provider_set_retired (p, !reinstate);
  if (!pathways_provider_save (store, p, NULL, error))
    return 1;
  if (reinstate)
    printf (_("%s reinstated\n"), pathways_provider_get_name (p));
  else
    printf (_("%s retired: no longer suggested for referrals\n"), pathways_provider_get_name (p));
  return 0;
}

int
pathways_cli_provider (int      argc,
                       char   **argv,
                       GError **error)
{
  const char *sub = argc > 1 ? argv[1] : NULL;

  if (sub == NULL || g_str_equal (sub, "--help") || g_str_equal (sub, "-h"))
    {
      fprintf (sub ? stdout : stderr, "%s", _("Usage: pathways-cli provider add|list|retire [OPTIONS]\n"));
      return sub ? 0 : 2;
    }
  argv[1] = argv[0];
  argc--;
  argv++;
  if (g_str_equal (sub, "add"))
    return provider_add (argc, argv, error);
  if (g_str_equal (sub, "list"))
    return provider_list (argc, argv, error);
  if (g_str_equal (sub, "retire"))
    return provider_retire (argc, argv, error);
  return unknown_sub (sub, "add, list, retire", error);
}

/* referral ---------------------------------------------------------------------- */

static gboolean
write_pack (PathwaysStore  *store,
            gint64          referral,
            const char     *path,
            GError        **error)
{
  g_autoptr(PathwaysReferralPack) pack = pathways_referral_pack_build (store, referral, error);

  if (pack == NULL)
    return FALSE;
  if (g_str_has_suffix (path, ".pdf"))
    return pathways_referral_pack_write_pdf (pack, path, error);
  {
    g_autofree char *text = pathways_referral_pack_to_text (pack);
    return pathways_file_set_contents (path, text, strlen (text), error);
  }
}

static int
referral_make (int argc, char **argv, GError **error)
{
  g_auto(Options) o = { 0, };
  GOptionEntry entries[] = {
    { "person", 0, 0, G_OPTION_ARG_INT64, &o.person, N_("The young person (their id)"), N_("ID") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &o.kind, N_("The kind of provision needed"), N_("KIND") },
    { "needed-by", 0, 0, G_OPTION_ARG_STRING, &o.needed_by, N_("The date the place is needed by"), N_("DATE") },
    { "providers", 0, 0, G_OPTION_ARG_STRING, &o.providers,
      N_("Provider ids, with commas (default: those offering the kind)"), N_("IDS") },
    { "share-wishes", 0, 0, G_OPTION_ARG_NONE, &o.share_wishes,
      N_("Put the young person's wishes and feelings in the pack"), NULL },
    { "risks", 0, 0, G_OPTION_ARG_STRING, &o.risks, N_("What a provider must know to keep them safe"), N_("TEXT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, N_("Write the referral pack here (.pdf or .txt)"),
      N_("PATH") },
    { NULL }
  };
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *needed = NULL;
  PathwaysReferralRequest req = { 0, };
  gint64 id = 0;

  if (!parse ("referral make", entries, &o, &argc, &argv, 0, error))
    return 2;
  if (!need (o.person > 0 && o.kind != NULL && o.needed_by != NULL, "--person, --kind and --needed-by", error) ||
      !date_option ("--needed-by", o.needed_by, &needed, error))
    return 2;
  if ((store = open_store (&o, &clock, error)) == NULL)
    return 1;
  if (o.providers != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (o.providers, ",", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          gint64 pid = g_ascii_strtoll (parts[i], NULL, 10);
          if (pid <= 0)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--providers: “%s” is not an id"),
                           parts[i]);
              return 2;
            }
          g_array_append_val (ids, pid);
        }
    }
  else
    {
      g_autoptr(GPtrArray) suggested = pathways_referral_suggest_providers (store, o.kind, error);
      if (suggested == NULL)
        return 1;
      for (guint i = 0; i < suggested->len; i++)
        {
          gint64 pid = pathways_record_get_id (g_ptr_array_index (suggested, i));
          g_array_append_val (ids, pid);
        }
    }
  req.young_person_id = o.person;
  req.kind = o.kind;
  req.needed_by = needed;
  req.provider_ids = (const gint64 *) ids->data;
  req.n_providers = ids->len;
  req.include_wishes = o.share_wishes;
  req.risks = o.risks;
  if (!pathways_referral_make (store, &req, &id, NULL, error))
    return 1;
  printf (g_dngettext (GETTEXT_PACKAGE, "Referral R%" G_GINT64_FORMAT " made to %u provider\n",
                       "Referral R%" G_GINT64_FORMAT " made to %u providers\n", ids->len), id, ids->len);
  if (o.output != NULL && !write_pack (store, id, o.output, error))
    return 1;
  return 0;
}

static int
referral_list (int argc, char **argv, GError **error)
{
  g_auto(Options) o = { 0, };
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(GListModel) all = NULL;

  if (!parse ("referral list", NULL, &o, &argc, &argv, 0, error))
    return 2;
  if ((store = open_store (&o, &clock, error)) == NULL ||
      (all = pathways_store_list (store, PATHWAYS_TYPE_REFERRAL, error)) == NULL)
    return 1;
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PathwaysReferral) r = g_list_model_get_item (all, i);
      g_autofree char *made = pathways_date_format_uk (pathways_referral_get_made_on (r));
      g_autofree char *needed = pathways_date_format_uk (pathways_referral_get_needed_by (r));

      printf ("R%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n", pathways_record_get_id (PATHWAYS_RECORD (r)),
              pathways_referral_get_young_person_id (r), pathways_provision_kind_label (pathways_referral_get_kind (r)),
              made, needed, pathways_referral_get_state (r));
    }
  return 0;
}

static int
referral_pack (int argc, char **argv, GError **error)
{
  g_auto(Options) o = { 0, };
  GOptionEntry entries[] = {
    { "referral", 0, 0, G_OPTION_ARG_INT64, &o.referral, N_("The referral (its number)"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, N_("Where to write it (.pdf or .txt)"), N_("PATH") },
    { NULL }
  };
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;

  if (!parse ("referral pack", entries, &o, &argc, &argv, 0, error))
    return 2;
  if (!need (o.referral > 0 && o.output != NULL, "--referral and --output", error))
    return 2;
  if ((store = open_store (&o, &clock, error)) == NULL)
    return 1;
  return write_pack (store, o.referral, o.output, error) ? 0 : 1;
}

static int
referral_offer (int argc, char **argv, GError **error)
{
  g_auto(Options) o = { 0, };
  GOptionEntry entries[] = {
    { "referral", 0, 0, G_OPTION_ARG_INT64, &o.referral, N_("The referral (its number)"), N_("ID") },
    { "provider", 0, 0, G_OPTION_ARG_INT64, &o.provider, N_("The provider offering"), N_("ID") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &o.unit, N_("The unit offered"), N_("NAME") },
    { "available", 0, 0, G_OPTION_ARG_STRING, &o.available, N_("The date it is available from"), N_("DATE") },
    { "cost", 0, 0, G_OPTION_ARG_STRING, &o.cost, N_("The weekly cost in pounds"), N_("POUNDS") },
    { "area", 0, 0, G_OPTION_ARG_STRING, &o.area, N_("The area it is in"), N_("AREA") },
    { "postcode", 0, 0, G_OPTION_ARG_STRING, &o.postcode, N_("Its postcode"), N_("POSTCODE") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &o.address, N_("Its address"), N_("ADDRESS") },
    { "registration", 0, 0, G_OPTION_ARG_STRING, &o.registration,
      N_("registered, applied, not_registered or not_required"), N_("REGISTRATION") },
    { NULL }
  };
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(PathwaysOffer) offer = NULL;
  g_autofree char *available = NULL;
  gint64 cost = 0;

  if (!parse ("referral offer", entries, &o, &argc, &argv, 0, error))
    return 2;
  if (!need (o.referral > 0 && o.provider > 0 && o.unit != NULL && o.available != NULL,
             "--referral, --provider, --unit and --available", error) ||
      !date_option ("--available", o.available, &available, error) ||
      !money_option ("--cost", o.cost, &cost, error))
    return 2;
  if ((store = open_store (&o, &clock, error)) == NULL)
    return 1;
  offer = g_object_new (PATHWAYS_TYPE_OFFER, "referral-id", o.referral, "provider-id", o.provider, "unit-name", o.unit,
                        "available-from", available, "weekly-cost", cost, "area", o.area, "postcode", o.postcode,
                        "address", o.address, "registration", o.registration, NULL);
  if (!pathways_offer_record (store, offer, NULL, error))
    return 1;
  printf (_("Offer %" G_GINT64_FORMAT " recorded\n"), pathways_record_get_id (PATHWAYS_RECORD (offer)));
  return 0;
}

static int
referral_offers (int argc, char **argv, GError **error)
{
  g_auto(Options) o = { 0, };
  GOptionEntry entries[] = {
    { "referral", 0, 0, G_OPTION_ARG_INT64, &o.referral, N_("The referral (its number)"), N_("ID") },
    { NULL }
  };
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(GPtrArray) cmp = NULL;

  if (!parse ("referral offers", entries, &o, &argc, &argv, 0, error))
    return 2;
  if (!need (o.referral > 0, "--referral", error))
    return 2;
  if ((store = open_store (&o, &clock, error)) == NULL ||
      (cmp = pathways_offer_compare (store, o.referral, error)) == NULL)
    return 1;
  for (guint i = 0; i < cmp->len; i++)
    {
      PathwaysOfferComparison *c = g_ptr_array_index (cmp, i);
      g_autofree char *cost = pathways_money_format (c->weekly_cost);
      g_autofree char *from = pathways_date_format_uk (c->available_from);
      g_autofree char *miles = c->miles >= 0 ? g_strdup_printf (_("%.1f miles from home"), c->miles)
                                             : g_strdup (_("distance from home not known"));

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c->offer_id, c->provider, c->unit_name,
              cost, c->cheapest ? _(" (cheapest)") : "", from, miles, c->registration, c->state, c->verdict_label,
              c->reasons);
    }
  return 0;
}

static int
referral_accept (int argc, char **argv, GError **error)
{
  g_auto(Options) o = { 0, };
  GOptionEntry entries[] = {
    { "offer", 0, 0, G_OPTION_ARG_INT64, &o.offer, N_("The offer to accept"), N_("ID") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date, N_("The day of the move (default: when available and needed)"),
      N_("DATE") },
    { "warnings-reason", 0, 0, G_OPTION_ARG_STRING, &o.warnings, N_("Why to go ahead despite warnings"), N_("TEXT") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &o.reason, N_("Why the other offers are closed"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autofree char *date = NULL;
  gint64 transition = 0;

  if (!parse ("referral accept", entries, &o, &argc, &argv, 0, error))
    return 2;
  if (!need (o.offer > 0, "--offer", error) || (o.date != NULL && !date_option ("--date", o.date, &date, error)))
    return 2;
  if ((store = open_store (&o, &clock, error)) == NULL)
    return 1;
  if (!pathways_offer_accept (store, o.offer, date, o.warnings, o.reason, &transition, NULL, error))
    return 1;
  printf (_("Offer %" G_GINT64_FORMAT " accepted: the unit is in the register and move %" G_GINT64_FORMAT
            " is scheduled\n"), o.offer, transition);
  return 0;
}

static int
referral_close (int argc, char **argv, GError **error, gboolean offer)
{
  g_auto(Options) o = { 0, };
  GOptionEntry entries[] = {
    { "referral", 0, 0, G_OPTION_ARG_INT64, &o.referral, N_("The referral to close"), N_("ID") },
    { "offer", 0, 0, G_OPTION_ARG_INT64, &o.offer, N_("The offer to close"), N_("ID") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &o.reason, N_("Why"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  gboolean ok;

  if (!parse (offer ? "referral close-offer" : "referral close", entries, &o, &argc, &argv, 0, error))
    return 2;
  if (!need ((offer ? o.offer : o.referral) > 0 && o.reason != NULL,
             offer ? "--offer and --reason" : "--referral and --reason", error))
    return 2;
  if ((store = open_store (&o, &clock, error)) == NULL)
    return 1;
  ok = offer ? pathways_offer_close (store, o.offer, o.reason, NULL, error)
             : pathways_referral_close (store, o.referral, o.reason, NULL, error);
  return ok ? 0 : 1;
}

static int
referral_report (int argc, char **argv, GError **error)
{
  g_auto(Options) o = { 0, };
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  PathwaysReferralTimes t;

  if (!parse ("referral report", NULL, &o, &argc, &argv, 0, error))
    return 2;
  if ((store = open_store (&o, &clock, error)) == NULL || !pathways_referral_times (store, &t, error))
    return 1;
  printf (_("Referrals made: %u; placed: %u; open: %u; closed: %u\n"), t.made, t.placed, t.open, t.closed);
  if (t.placed > 0)
    printf (_("Days from referral to placement: median %d, mean %.1f, longest %d\n"), t.median_days, t.mean_days,
            t.longest_days);
  return 0;
}

int
pathways_cli_referral (int      argc,
                       char   **argv,
                       GError **error)
{
  const char *sub = argc > 1 ? argv[1] : NULL;

  if (sub == NULL || g_str_equal (sub, "--help") || g_str_equal (sub, "-h"))
    {
      fprintf (sub ? stdout : stderr, "%s",
               _("Usage: pathways-cli referral make|list|pack|offer|offers|accept|close|close-offer|report "
                 "[OPTIONS]\n"));
      return sub ? 0 : 2;
    }
  argv[1] = argv[0];
  argc--;
  argv++;
  if (g_str_equal (sub, "make"))
    return referral_make (argc, argv, error);
  if (g_str_equal (sub, "list"))
    return referral_list (argc, argv, error);
  if (g_str_equal (sub, "pack"))
    return referral_pack (argc, argv, error);
  if (g_str_equal (sub, "offer"))
    return referral_offer (argc, argv, error);
  if (g_str_equal (sub, "offers"))
    return referral_offers (argc, argv, error);
  if (g_str_equal (sub, "accept"))
    return referral_accept (argc, argv, error);
  if (g_str_equal (sub, "close"))
    return referral_close (argc, argv, error, FALSE);
  if (g_str_equal (sub, "close-offer"))
    return referral_close (argc, argv, error, TRUE);
  if (g_str_equal (sub, "report"))
    return referral_report (argc, argv, error);
  return unknown_sub (sub, "make, list, pack, offer, offers, accept, close, close-offer, report", error);
}

/* istatement ------------------------------------------------------------------------ */

static int
istatement_list (int argc, char **argv, GError **error)
{
  g_auto(Options) o = { 0, };
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(GListModel) all = NULL;

  if (!parse ("istatement list", NULL, &o, &argc, &argv, 0, error))
    return 2;
  if ((store = open_store (&o, &clock, error)) == NULL ||
      (all = pathways_store_list (store, PATHWAYS_TYPE_I_STATEMENT, error)) == NULL)
    return 1;
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PathwaysIStatement) st = g_list_model_get_item (all, i);
      printf ("%" G_GINT64_FORMAT "\t%s\t%s\n", pathways_record_get_id (PATHWAYS_RECORD (st)),
              pathways_i_statement_get_text (st),
              pathways_i_statement_measure_label (pathways_i_statement_get_measure (st)));
    }
  return 0;
}

static int
istatement_answer (int argc, char **argv, GError **error)
{
  g_auto(Options) o = { 0, };
  GOptionEntry entries[] = {
    { "person", 0, 0, G_OPTION_ARG_INT64, &o.person, N_("The young person (their id)"), N_("ID") },
    { "statement", 0, 0, G_OPTION_ARG_INT64, &o.statement, N_("The I statement (its id)"), N_("ID") },
    { "answer", 0, 0, G_OPTION_ARG_STRING, &o.answer, N_("yes, partly or no"), N_("ANSWER") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date, N_("The day of the review (default: today)"), N_("DATE") },
    { NULL }
  };
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autofree char *date = NULL;

  if (!parse ("istatement answer", entries, &o, &argc, &argv, 0, error))
    return 2;
  if (!need (o.person > 0 && o.statement > 0 && o.answer != NULL, "--person, --statement and --answer", error) ||
      (o.date != NULL && !date_option ("--date", o.date, &date, error)))
    return 2;
  if ((store = open_store (&o, &clock, error)) == NULL)
    return 1;
  if (date == NULL)
    date = pathways_clock_dup_today (clock);
  return pathways_i_statement_answer (store, o.person, o.statement, o.answer, date, NULL, error) ? 0 : 1;
}

static int
istatement_scores (int argc, char **argv, GError **error)
{
  g_auto(Options) o = { 0, };
  GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &o.by, N_("provider (the default) or kind"), N_("GROUPING") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o.format, N_("text or csv"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(PathwaysIStatementScores) scores = NULL;
  g_autofree char *today = NULL;
  g_autofree char *out = NULL;
  PathwaysIStatementGrouping grouping = PATHWAYS_I_STATEMENT_BY_PROVIDER;

  if (!parse ("istatement scores", entries, &o, &argc, &argv, 0, error))
    return 2;
  if (o.by != NULL && g_str_equal (o.by, "kind"))
    grouping = PATHWAYS_I_STATEMENT_BY_KIND;
  else if (o.by != NULL && !g_str_equal (o.by, "provider"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--by: “%s” is not provider or kind"), o.by);
      return 2;
    }
  if (o.format != NULL && !g_str_equal (o.format, "text") && !g_str_equal (o.format, "csv"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--format: “%s” is not text or csv"), o.format);
      return 2;
    }
  if ((store = open_store (&o, &clock, error)) == NULL)
    return 1;
  today = pathways_clock_dup_today (clock);
  if ((scores = pathways_i_statement_scores_compute (store, today, grouping, error)) == NULL)
    return 1;
  out = o.format && g_str_equal (o.format, "csv") ? pathways_i_statement_scores_to_csv (scores)
                                                  : pathways_i_statement_scores_to_text (scores);
  fputs (out, stdout);
  return 0;
}

int
pathways_cli_istatement (int      argc,
                         char   **argv,
                         GError **error)
{
  const char *sub = argc > 1 ? argv[1] : NULL;

  if (sub == NULL || g_str_equal (sub, "--help") || g_str_equal (sub, "-h"))
    {
      fprintf (sub ? stdout : stderr, "%s", _("Usage: pathways-cli istatement list|answer|scores [OPTIONS]\n"));
      return sub ? 0 : 2;
    }
  argv[1] = argv[0];
  argc--;
  argv++;
  if (g_str_equal (sub, "list"))
    return istatement_list (argc, argv, error);
  if (g_str_equal (sub, "answer"))
    return istatement_answer (argc, argv, error);
  if (g_str_equal (sub, "scores"))
    return istatement_scores (argc, argv, error);
  return unknown_sub (sub, "list, answer, scores", error);
}
