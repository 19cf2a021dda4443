/* pathways-cli-episodes.c — a young person's care history from the command line
 *
 *   pathways-cli episodes PERSON [--format text|csv] [--database DB]
 *   pathways-cli episode add PERSON --start DATE [--end DATE --reason REC] [--place PLACE]
 *                [--provider PR] [--legal-status LS] [--rne RNE] [--cin CIN] [--urn URN] [--database DB]
 *   pathways-cli episode end ID --end DATE --reason REC [--database DB]
 *   pathways-cli episode delete ID [--database DB]
 *
 * PERSON is the young person's local child ID (the 903 CHILD) or their
 * record id.  Dates are DD/MM/YYYY (or YYYY-MM-DD).  The store validates
 * every change as the app does and says what is wrong in the same words;
 * nothing is written then.  Exit status: 0 done, 1 refused or failed,
 * 2 bad arguments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pathways-cli-episodes.h"
#include "pathways-core.h"

static char *opt_db;
static char *opt_day;
static char *opt_fmt;
static char *opt_start;
static char *opt_end;
static char *opt_reason;
static char *opt_place;
static char *opt_provider;
static char *opt_ls;
static char *opt_rne;
static char *opt_cin;
static char *opt_urn;

static const GOptionEntry list_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_db, N_("The database (default: the app's own)"), N_("PATH") },
  { "today", 0, 0, G_OPTION_ARG_STRING, &opt_day, N_("Work as if today were this date"), N_("DATE") },
  { "format", 0, 0, G_OPTION_ARG_STRING, &opt_fmt, N_("text or csv"), N_("FORMAT") },
  { NULL }
};

static const GOptionEntry edit_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_db, N_("The database (default: the app's own)"), N_("PATH") },
  { "today", 0, 0, G_OPTION_ARG_STRING, &opt_day, N_("Work as if today were this date"), N_("DATE") },
  { "start", 0, 0, G_OPTION_ARG_STRING, &opt_start, N_("The day the episode started (DECOM)"), N_("DATE") },
  { "end", 0, 0, G_OPTION_ARG_STRING, &opt_end, N_("The day it ended (DEC)"), N_("DATE") },
  { "reason", 0, 0, G_OPTION_ARG_STRING, &opt_reason, N_("Why it ended (REC: E5, E6, X1, …)"), N_("REC") },
  { "place", 0, 0, G_OPTION_ARG_STRING, &opt_place, N_("Placement type (PLACE: U4, K2, K3, …)"), N_("PLACE") },
  { "provider", 0, 0, G_OPTION_ARG_STRING, &opt_provider, N_("Placement provider (PR0 to PR5)"), N_("PR") },
  { "legal-status", 0, 0, G_OPTION_ARG_STRING, &opt_ls, N_("Legal status (LS: C2, V2, V3, …)"), N_("LS") },
  { "rne", 0, 0, G_OPTION_ARG_STRING, &opt_rne, N_("Reason for the new episode (S, L, P, T, B, U)"), N_("RNE") },
  { "cin", 0, 0, G_OPTION_ARG_STRING, &opt_cin, N_("Category of need (N1 to N8)"), N_("CIN") },
  { "urn", 0, 0, G_OPTION_ARG_STRING, &opt_urn, N_("Ofsted URN of the placement"), N_("URN") },
  { NULL }
};

static void
clear_options (void)
{
  g_clear_pointer (&opt_db, g_free);
  g_clear_pointer (&opt_day, g_free);
  g_clear_pointer (&opt_fmt, g_free);
  g_clear_pointer (&opt_start, g_free);
  g_clear_pointer (&opt_end, g_free);
  g_clear_pointer (&opt_reason, g_free);
  g_clear_pointer (&opt_place, g_free);
  g_clear_pointer (&opt_provider, g_free);
  g_clear_pointer (&opt_ls, g_free);
  g_clear_pointer (&opt_rne, g_free);
  g_clear_pointer (&opt_cin, g_free);
  g_clear_pointer (&opt_urn, g_free);
}

static gboolean
parse_args (const char          *command,
            const GOptionEntry  *entries,
            int                  n_args,
            int                 *argc,
            char              ***argv,
            GError             **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *summary = g_strdup_printf ("pathways-cli %s", command);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;
  if (*argc != n_args + 1)
    {
      if (*argc > n_args + 1)
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("Unexpected argument “%s”"), (*argv)[n_args + 1]);
      else
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("Give the young person (local child ID) or the episode's id"));
      return FALSE;
    }
  return TRUE;
}

/* A user's date, as ISO (NULL with @error for bad text; NULL without
 * one for no text) */
static char *
date_option (const char  *name,
             const char  *text,
             GError     **error)
{
  PathwaysDay day;

  if (text == NULL)
    return NULL;
  if (!pathways_day_parse_user (text, &day, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: “%s” is not a date (use DD/MM/YYYY or YYYY-MM-DD)"), name, text);
      return NULL;
    }
  return pathways_day_to_iso (day);
}

static PathwaysStore *
open_database (GError **error)
{
  g_autofree char *path = opt_db ? g_strdup (opt_db) : pathways_store_default_path ();
  g_autoptr(PathwaysClock) clock = NULL;
  const char *day = opt_day ? opt_day : g_getenv ("PATHWAYS_TODAY");

  if (day != NULL)
    {
      g_autofree char *iso = date_option ("--today", day, error);
      if (iso == NULL)
        return NULL;
      clock = pathways_clock_new_fixed (iso);
    }
  else
    clock = pathways_clock_new ();

  if (!pathways_store_location_is_server (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("No database at %s"), path);
      return NULL;
    }
  return pathways_store_open (path, clock, error);
}

/* By local child ID first, then by record id */
static gint64
find_person (PathwaysStore  *store,
             const char     *which,
             GError        **error)
{
  g_autoptr(GListModel) people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, error);
  char *end = NULL;
  gint64 id;

  if (people == NULL)
    return 0;
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PathwaysYoungPerson) p = g_list_model_get_item (people, i);
      if (g_strcmp0 (pathways_young_person_get_local_id (p), which) == 0)
        return pathways_record_get_id (PATHWAYS_RECORD (p));
    }
  id = g_ascii_strtoll (which, &end, 10);
  if (end != which && *end == '\0' && id > 0)
    for (guint i = 0; i < g_list_model_get_n_items (people); i++)
      {
        g_autoptr(PathwaysRecord) p = g_list_model_get_item (people, i);
        if (pathways_record_get_id (p) == id)
          return id;
      }
  g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
               _("No young person with the local child ID or id “%s”"), which);
  return 0;
}

static gint64
episode_id (const char  *text,
            GError     **error)
{
  char *end = NULL;
  gint64 id = g_ascii_strtoll (text, &end, 10);

  if (end == text || *end != '\0' || id <= 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("“%s” is not an episode id"), text);
      return 0;
    }
  return id;
}

static char *
uk_or_blank (const char *iso)
{
  return iso ? pathways_date_format_uk (iso) : g_strdup ("");
}

static int
cmd_list (int      argc,
          char   **argv,
          GError **error)
{
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(GListModel) episodes = NULL;
  g_autoptr(PathwaysCareHistory) history = NULL;
  g_autofree char *today = NULL;
  gboolean csv;
  gint64 person;

  if (!parse_args ("episodes", list_entries, 1, &argc, &argv, error))
    return 2;
  if (opt_fmt != NULL && !g_str_equal (opt_fmt, "text") && !g_str_equal (opt_fmt, "csv"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--format: “%s” is not text or csv"), opt_fmt);
      return 2;
    }
  csv = g_strcmp0 (opt_fmt, "csv") == 0;
  if ((store = open_database (error)) == NULL)
    return 1;
  if ((person = find_person (store, argv[1], error)) == 0)
    return 1;
  if ((episodes = pathways_care_history_list (store, person, error)) == NULL)
    return 1;

  if (csv)
    printf ("id,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,URN,needs_check\n");
  for (guint i = 0; i < g_list_model_get_n_items (episodes); i++)
    {
      g_autoptr(PathwaysEpisode) e = g_list_model_get_item (episodes, i);
      g_autofree char *from = uk_or_blank (pathways_episode_get_decom (e));
      g_autofree char *to = uk_or_blank (pathways_episode_get_dec (e));
#define S(x) ((x) ? (x) : "")
      if (csv)
        printf ("%" G_GINT64_FORMAT ",%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n",
                pathways_record_get_id (PATHWAYS_RECORD (e)), from, S (pathways_episode_get_rne (e)),
                S (pathways_episode_get_ls (e)), S (pathways_episode_get_cin (e)),
                S (pathways_episode_get_place (e)), S (pathways_episode_get_place_provider (e)), to,
                S (pathways_episode_get_rec (e)), S (pathways_episode_get_reason_place_change (e)),
                S (pathways_episode_get_urn (e)), pathways_episode_get_needs_check (e) ? "1" : "0");
      else
        /* Translators: one episode: id, from, to, legal status, placement, reason ended */
        printf (_("%6" G_GINT64_FORMAT "  %s to %-10s  LS %-3s  PLACE %-4s  REC %-4s%s\n"),
                pathways_record_get_id (PATHWAYS_RECORD (e)), from,
                pathways_episode_get_dec (e) ? to : _("now"), S (pathways_episode_get_ls (e)),
                S (pathways_episode_get_place (e)), S (pathways_episode_get_rec (e)),
                pathways_episode_get_needs_check (e) ? _("  (from typed figures — check)") : "");
#undef S
    }

  if (!csv)
    {
      today = pathways_clock_dup_today (pathways_store_get_clock (store));
      history = pathways_care_history_derive (store, person, today, error);
      if (history == NULL)
        return 1;
      printf (_("Looked after since the 14th birthday: %" G_GINT64_FORMAT " days; since the 16th: %"
                G_GINT64_FORMAT " days (short breaks not counted)\n"),
              history->days_since_14, history->days_since_16);
    }
  return 0;
}

static void
set_codes (PathwaysEpisode *e)
{
  if (opt_place)
    pathways_episode_set_place (e, opt_place);
  if (opt_provider)
    pathways_episode_set_place_provider (e, opt_provider);
  if (opt_ls)
    pathways_episode_set_ls (e, opt_ls);
  if (opt_rne)
    pathways_episode_set_rne (e, opt_rne);
  if (opt_cin)
    pathways_episode_set_cin (e, opt_cin);
  if (opt_urn)
    pathways_episode_set_urn (e, opt_urn);
  if (opt_reason)
    pathways_episode_set_rec (e, opt_reason);
}

static int
cmd_add (int      argc,
         char   **argv,
         GError **error)
{
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(PathwaysEpisode) e = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  GError *local = NULL;
  gint64 person;

  if (!parse_args ("episode add", edit_entries, 1, &argc, &argv, error))
    return 2;
  if (opt_start == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--start: give the day the episode started"));
      return 2;
    }
  if ((start = date_option ("--start", opt_start, error)) == NULL)
    return 2;
  end = date_option ("--end", opt_end, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return 2;
    }
  if ((store = open_database (error)) == NULL)
    return 1;
  if ((person = find_person (store, argv[1], error)) == 0)
    return 1;

  e = pathways_episode_new (person, start);
  pathways_episode_set_dec (e, end);
  set_codes (e);
  if (!pathways_store_insert (store, PATHWAYS_RECORD (e), error))
    return 1;
  printf (_("Added episode %" G_GINT64_FORMAT "\n"), pathways_record_get_id (PATHWAYS_RECORD (e)));
  return 0;
}

static int
cmd_end (int      argc,
         char   **argv,
         GError **error)
{
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(PathwaysEpisode) e = NULL;
  g_autofree char *end = NULL;
  gint64 id;

  if (!parse_args ("episode end", edit_entries, 1, &argc, &argv, error))
    return 2;
  if ((id = episode_id (argv[1], error)) == 0)
    return 2;
  if (opt_end == NULL || opt_reason == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--end and --reason: give the day the episode ended and why (REC)"));
      return 2;
    }
  if ((end = date_option ("--end", opt_end, error)) == NULL)
    return 2;
  if ((store = open_database (error)) == NULL)
    return 1;
  if ((e = pathways_store_get (store, PATHWAYS_TYPE_EPISODE, id, error)) == NULL)
    return 1;
  if (!pathways_care_history_end (store, e, end, opt_reason, error))
    return 1;
  printf (_("Ended episode %" G_GINT64_FORMAT "\n"), id);
  return 0;
}

static int
cmd_delete (int      argc,
            char   **argv,
            GError **error)
{
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(PathwaysEpisode) e = NULL;
  gint64 id;

  if (!parse_args ("episode delete", edit_entries, 1, &argc, &argv, error))
    return 2;
  if ((id = episode_id (argv[1], error)) == 0)
    return 2;
  if ((store = open_database (error)) == NULL)
    return 1;
  if ((e = pathways_store_get (store, PATHWAYS_TYPE_EPISODE, id, error)) == NULL)
    return 1;
  if (!pathways_store_delete (store, PATHWAYS_RECORD (e), error))
    return 1;
  printf (_("Deleted episode %" G_GINT64_FORMAT "\n"), id);
  return 0;
}

int
pathways_cli_episodes (int      argc,
                       char   **argv,
                       GError **error)
{
  int status = cmd_list (argc, argv, error);

  clear_options ();
  return status;
}

int
pathways_cli_episode (int      argc,
                      char   **argv,
                      GError **error)
{
  const char *sub = argc > 1 ? argv[1] : NULL;
  int status;

  if (sub == NULL || !(g_str_equal (sub, "add") || g_str_equal (sub, "end") || g_str_equal (sub, "delete")))
    {
      fputs (_("Usage: pathways-cli episode add PERSON --start DATE [--end DATE --reason REC] [--place PLACE] …\n"
               "       pathways-cli episode end ID --end DATE --reason REC\n"
               "       pathways-cli episode delete ID\n"), stderr);
      return 2;
    }
  argv[1] = argv[0];
  argc--;
  argv++;
  if (g_str_equal (sub, "add"))
    status = cmd_add (argc, argv, error);
  else if (g_str_equal (sub, "end"))
    status = cmd_end (argc, argv, error);
  else
    status = cmd_delete (argc, argv, error);
  clear_options ();
  return status;
}
