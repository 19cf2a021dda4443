/* pathways-cli-people.c — pathways-cli's commands for the caseload a
 * team keeps: person, staff, team, reassign, contact, retention (#12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pathways-cli-people.h"
#include "pathways-core.h"

static char *opt_database;
static char *opt_today;
static char *opt_given;
static char *opt_family;
static char *opt_preferred;
static char *opt_dob;
static char *opt_sex;
static char *opt_local_id;
static char *opt_team;
static char *opt_role;
static char *opt_name;
static char *opt_email;
static char *opt_date;
static char *opt_reason;
static char *opt_kind;
static char *opt_note;
static gint64 opt_pa;
static gint64 opt_to;
static gint64 opt_person;
static gint64 opt_id;

static const GOptionEntry common_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
    N_("The database file or team server address (default: the user's database)"), N_("PATH") },
  { "today", 0, 0, G_OPTION_ARG_STRING, &opt_today, N_("Work as if today were this date"), N_("DATE") },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry person_entries[] = {
  { "id", 0, 0, G_OPTION_ARG_INT64, &opt_id, N_("The young person (their id), for close and reopen"), N_("ID") },
  { "given-name", 0, 0, G_OPTION_ARG_STRING, &opt_given, N_("Given name"), N_("NAME") },
  { "family-name", 0, 0, G_OPTION_ARG_STRING, &opt_family, N_("Family name"), N_("NAME") },
  { "preferred-name", 0, 0, G_OPTION_ARG_STRING, &opt_preferred, N_("Preferred name"), N_("NAME") },
  { "date-of-birth", 0, 0, G_OPTION_ARG_STRING, &opt_dob, N_("Date of birth"), N_("DATE") },
  { "sex", 0, 0, G_OPTION_ARG_STRING, &opt_sex, N_("M or F"), N_("SEX") },
  { "local-id", 0, 0, G_OPTION_ARG_STRING, &opt_local_id, N_("Local child ID"), N_("ID") },
  { "pa", 0, 0, G_OPTION_ARG_INT64, &opt_pa, N_("Personal adviser (their staff id)"), N_("ID") },
  { "team", 0, 0, G_OPTION_ARG_STRING, &opt_team, N_("Team"), N_("TEAM") },
  { "date", 0, 0, G_OPTION_ARG_STRING, &opt_date, N_("The day the case was closed"), N_("DATE") },
  { "reason", 0, 0, G_OPTION_ARG_STRING, &opt_reason,
    N_("Why: reached_25, ended_on_request, moved_away, died or other"), N_("REASON") },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry staff_entries[] = {
  { "id", 0, 0, G_OPTION_ARG_INT64, &opt_id, N_("The staff member (their id), for edit and leave"), N_("ID") },
  { "name", 0, 0, G_OPTION_ARG_STRING, &opt_name, N_("Name"), N_("NAME") },
  { "role", 0, 0, G_OPTION_ARG_STRING, &opt_role, N_("pa, housing or manager"), N_("ROLE") },
  { "team", 0, 0, G_OPTION_ARG_STRING, &opt_team, N_("Team"), N_("TEAM") },
  { "email", 0, 0, G_OPTION_ARG_STRING, &opt_email, N_("Email"), N_("EMAIL") },
  { "date", 0, 0, G_OPTION_ARG_STRING, &opt_date, N_("The day they leave"), N_("DATE") },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry team_entries[] = {
  { "name", 0, 0, G_OPTION_ARG_STRING, &opt_name, N_("Team name"), N_("NAME") },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry reassign_entries[] = {
  { "to", 0, 0, G_OPTION_ARG_INT64, &opt_to, N_("The personal adviser (their staff id)"), N_("STAFF") },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry contact_entries[] = {
  { "person", 0, 0, G_OPTION_ARG_INT64, &opt_person, N_("The young person (their id)"), N_("ID") },
  { "date", 0, 0, G_OPTION_ARG_STRING, &opt_date, N_("Date of contact (default today)"), N_("DATE") },
  { "type", 0, 0, G_OPTION_ARG_STRING, &opt_kind,
    N_("visit, phone, video, message or attempted"), N_("TYPE") },
  { "note", 0, 0, G_OPTION_ARG_STRING, &opt_note, N_("Note"), N_("TEXT") },
  G_OPTION_ENTRY_NULL
};

static void
clear_options (void)
{
  g_clear_pointer (&opt_database, g_free);
  g_clear_pointer (&opt_today, g_free);
  g_clear_pointer (&opt_given, g_free);
  g_clear_pointer (&opt_family, g_free);
  g_clear_pointer (&opt_preferred, g_free);
  g_clear_pointer (&opt_dob, g_free);
  g_clear_pointer (&opt_sex, g_free);
  g_clear_pointer (&opt_local_id, g_free);
  g_clear_pointer (&opt_team, g_free);
  g_clear_pointer (&opt_role, g_free);
  g_clear_pointer (&opt_name, g_free);
  g_clear_pointer (&opt_email, g_free);
  g_clear_pointer (&opt_date, g_free);
  g_clear_pointer (&opt_reason, g_free);
  g_clear_pointer (&opt_kind, g_free);
  g_clear_pointer (&opt_note, g_free);
}

/* Options, then the positional arguments left in @argv */
static gboolean
parse (const char          *command,
       const GOptionEntry  *extra,
       int                 *argc,
       char              ***argv,
       GError             **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *summary = g_strdup_printf ("pathways-cli %s", command);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);
  if (extra)
    g_option_context_add_main_entries (context, extra, GETTEXT_PACKAGE);
  return g_option_context_parse (context, argc, argv, error);
}

static char *
parse_date (const char  *name,
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
open_store (PathwaysClock **out_clock,
            GError        **error)
{
  g_autofree char *path = opt_database ? g_strdup (opt_database) : pathways_store_default_path ();
  const char *env = g_getenv ("PATHWAYS_TODAY");
  const char *today = opt_today ? opt_today : env;
  g_autofree char *iso = NULL;

  if (today != NULL && (iso = parse_date (opt_today ? "--today" : "PATHWAYS_TODAY", today, error)) == NULL)
    return NULL;
  *out_clock = iso ? pathways_clock_new_fixed (iso) : pathways_clock_new ();
  if (!pathways_store_location_is_server (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("No database at %s"), path);
      return NULL;
    }
  return pathways_store_open (path, *out_clock, error);
}

static gboolean
need_id (gint64       value,
         const char  *option,
         GError     **error)
{
  if (value <= 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("%s is required"), option);
      return FALSE;
    }
  return TRUE;
}

/* The start every subcommand shares: its options, which of @subs was
 * asked for (@usage says which there are when none was), and the store.
 * Returns the exit status so far: 0 to go on, 2 for a usage error, 1 when
 * the store could not be opened */
static int
begin (const char          *command,
       const GOptionEntry  *entries,
       const char * const  *subs,
       const char          *usage,
       int                 *argc,
       char              ***argv,
       const char         **sub,
       PathwaysClock      **clock,
       PathwaysStore      **store,
       GError             **error)
{
  if (!parse (command, entries, argc, argv, error))
    return 2;
  *sub = *argc > 1 ? (*argv)[1] : "";
  if (!g_strv_contains (subs, *sub))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, usage);
      return 2;
    }
  if ((*store = open_store (clock, error)) == NULL)
    return 1;
  return 0;
}

/* pathways-cli person add|close|reopen ------------------------------- */

int
pathways_cli_person (int      argc,
                     char   **argv,
                     GError **error)
{
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autofree char *day = NULL;
  const char *sub;
  int status = 1;

  status = begin ("person add|close|reopen", person_entries, (const char *[]) { "add", "close", "reopen", NULL },
                  _("Say what to do: person add, person close or person reopen"),
                  &argc, &argv, &sub, &clock, &store, error);
  if (status != 0)
    goto out;
  status = 1;

  if (g_str_equal (sub, "add"))
    {
      g_autoptr(PathwaysYoungPerson) yp = pathways_young_person_new ();
      g_autofree char *dob = NULL;

      if (opt_dob != NULL && (dob = parse_date ("--date-of-birth", opt_dob, error)) == NULL)
        {
          status = 2;
          goto out;
        }
      g_object_set (yp, "given-name", opt_given, "family-name", opt_family, "preferred-name", opt_preferred,
                    "date-of-birth", dob, "sex", opt_sex, "local-id", opt_local_id, "pa-id", opt_pa,
                    "team", opt_team, NULL);
      if (!pathways_planner_add_person (store, yp, NULL, error))
        goto out;
      printf ("%" G_GINT64_FORMAT "\n", pathways_record_get_id (PATHWAYS_RECORD (yp)));
      status = 0;
    }
  else if (g_str_equal (sub, "close"))
    {
      if (!need_id (opt_id, "--id", error))
        {
          status = 2;
          goto out;
        }
      day = opt_date ? parse_date ("--date", opt_date, error) : pathways_clock_dup_today (clock);
      if (day == NULL)
        {
          status = 2;
          goto out;
        }
      if (pathways_people_close_case (store, opt_id, day, opt_reason, NULL, error))
        status = 0;
    }
  else
    {
      if (!need_id (opt_id, "--id", error))
        {
          status = 2;
          goto out;
        }
      if (pathways_people_reopen_case (store, opt_id, NULL, error))
        status = 0;
    }

out:
  clear_options ();
  opt_id = opt_pa = 0;
  return status;
}

/* pathways-cli staff add|edit|leave|list ---------------------------- */

int
pathways_cli_staff (int      argc,
                    char   **argv,
                    GError **error)
{
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  const char *sub;
  int status = 1;

  status = begin ("staff add|edit|leave|list", staff_entries, (const char *[]) { "add", "edit", "leave", "list", NULL },
                  _("Say what to do: staff add, staff edit, staff leave or staff list"),
                  &argc, &argv, &sub, &clock, &store, error);
  if (status != 0)
    goto out;
  status = 1;

  if (g_str_equal (sub, "add"))
    {
      g_autoptr(PathwaysStaff) staff = pathways_staff_new (opt_name, opt_role, opt_team);

      pathways_staff_set_email (staff, opt_email);
      if (!pathways_store_insert (store, PATHWAYS_RECORD (staff), error))
        goto out;
      printf ("%" G_GINT64_FORMAT "\n", pathways_record_get_id (PATHWAYS_RECORD (staff)));
      status = 0;
    }
  else if (g_str_equal (sub, "edit"))
    {
      g_autoptr(PathwaysStaff) staff = NULL;

      if (!need_id (opt_id, "--id", error))
        {
          status = 2;
          goto out;
        }
      if ((staff = pathways_store_get (store, PATHWAYS_TYPE_STAFF, opt_id, error)) == NULL)
        goto out;
      if (opt_name)
        pathways_staff_set_name (staff, opt_name);
      if (opt_role)
        pathways_staff_set_role (staff, opt_role);
      if (opt_team)
        pathways_staff_set_team (staff, opt_team);
      if (opt_email)
        pathways_staff_set_email (staff, opt_email);
      if (pathways_store_update (store, PATHWAYS_RECORD (staff), error))
        status = 0;
    }
  else if (g_str_equal (sub, "leave"))
    {
      g_autofree char *day = NULL;

      if (!need_id (opt_id, "--id", error))
        {
          status = 2;
          goto out;
        }
      day = opt_date ? parse_date ("--date", opt_date, error) : pathways_clock_dup_today (clock);
      if (day == NULL)
        {
          status = 2;
          goto out;
        }
      if (pathways_people_staff_leaves (store, opt_id, day, NULL, error))
        status = 0;
    }
  else
    {
      g_autoptr(GListModel) staff = pathways_store_list (store, PATHWAYS_TYPE_STAFF, error);
      g_autoptr(GHashTable) sizes = NULL;

      if (staff == NULL || (sizes = pathways_people_caseload_sizes (store, error)) == NULL)
        goto out;
      /* Translators: the columns of "pathways-cli staff list" */
      printf ("%s\n", _("ID\tName\tRole\tTeam\tCaseload\tLeft on"));
      for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
        {
          g_autoptr(PathwaysStaff) s = g_list_model_get_item (staff, i);
          gint64 id = pathways_record_get_id (PATHWAYS_RECORD (s));
          g_autofree char *left = pathways_staff_get_left_on (s)
                                  ? pathways_date_format_uk (pathways_staff_get_left_on (s)) : g_strdup ("");

          printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%d\t%s\n", id, pathways_staff_get_name (s),
                  pathways_vocab_label (PATHWAYS_VOCAB_STAFF_ROLE, pathways_staff_get_role (s)),
                  pathways_staff_get_team (s) ? pathways_staff_get_team (s) : "",
                  GPOINTER_TO_INT (g_hash_table_lookup (sizes, &id)), left);
        }
      status = 0;
    }

out:
  clear_options ();
  opt_id = 0;
  return status;
}

/* pathways-cli team add|list ------------------------------------------ */

int
pathways_cli_team (int      argc,
                   char   **argv,
                   GError **error)
{
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  const char *sub;
  int status = 1;

  status = begin ("team add|list", team_entries, (const char *[]) { "add", "list", NULL },
                  _("Say what to do: team add or team list"), &argc, &argv, &sub, &clock, &store, error);
  if (status != 0)
    goto out;
  status = 1;
  if (g_str_equal (sub, "add"))
    {
      g_autoptr(PathwaysTeam) team = g_object_new (PATHWAYS_TYPE_TEAM, "name", opt_name, NULL);

      if (!pathways_store_insert (store, PATHWAYS_RECORD (team), error))
        goto out;
      printf ("%" G_GINT64_FORMAT "\n", pathways_record_get_id (PATHWAYS_RECORD (team)));
      status = 0;
    }
  else
    {
      g_autoptr(GListModel) teams = pathways_store_list (store, PATHWAYS_TYPE_TEAM, error);

      if (teams == NULL)
        goto out;
      for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
        {
          g_autoptr(PathwaysTeam) t = g_list_model_get_item (teams, i);
          printf ("%" G_GINT64_FORMAT "\t%s\n", pathways_record_get_id (PATHWAYS_RECORD (t)),
                  pathways_team_get_name (t));
        }
      status = 0;
    }

out:
  clear_options ();
  return status;
}

/* pathways-cli reassign --to STAFF PERSON… ------------------------------ */

int
pathways_cli_reassign (int      argc,
                       char   **argv,
                       GError **error)
{
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int status = 2;

  if (!parse ("reassign --to STAFF PERSON…", reassign_entries, &argc, &argv, error))
    return 2;
  if (!need_id (opt_to, "--to", error))
    goto out;
  for (int i = 1; i < argc; i++)
    {
      gint64 id;

      if (!g_ascii_string_to_signed (argv[i], 10, 1, G_MAXINT64, &id, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not the id of a young person"), argv[i]);
          goto out;
        }
      g_array_append_val (ids, id);
    }
  status = 1;
  if ((store = open_store (&clock, error)) == NULL)
    goto out;
  if (pathways_people_reassign (store, (const gint64 *) (gpointer) ids->data, ids->len, opt_to, NULL, error))
    status = 0;

out:
  clear_options ();
  opt_to = 0;
  return status;
}

/* pathways-cli contact add|list --------------------------------------- */

int
pathways_cli_contact (int      argc,
                      char   **argv,
                      GError **error)
{
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  const char *sub;
  int status = 1;

  status = begin ("contact add|list", contact_entries, (const char *[]) { "add", "list", NULL },
                  _("Say what to do: contact add or contact list"), &argc, &argv, &sub, &clock, &store, error);
  if (status == 0 && !need_id (opt_person, "--person", error))
    status = 2;
  if (status != 0)
    goto out;
  status = 1;
  if (g_str_equal (sub, "add"))
    {
      g_autoptr(PathwaysContact) c = NULL;
      g_autofree char *day = opt_date ? parse_date ("--date", opt_date, error) : pathways_clock_dup_today (clock);

      if (day == NULL)
        {
          status = 2;
          goto out;
        }
      c = g_object_new (PATHWAYS_TYPE_CONTACT, "young-person-id", opt_person, "contact-date", day,
                        "kind", opt_kind ? opt_kind : "visit", "note", opt_note, NULL);
      if (pathways_people_record_contact (store, c, NULL, error))
        status = 0;
    }
  else
    {
      g_autoptr(GListModel) contacts = pathways_people_list_contacts (store, opt_person, error);

      if (contacts == NULL)
        goto out;
      for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
        {
          g_autoptr(PathwaysContact) c = g_list_model_get_item (contacts, i);
          g_autofree char *uk = pathways_date_format_uk (pathways_contact_get_contact_date (c));

          printf ("%s\t%s\t%s\t%s\n", uk,
                  pathways_vocab_label (PATHWAYS_VOCAB_CONTACT_KIND, pathways_contact_get_kind (c)),
                  pathways_contact_get_author (c) ? pathways_contact_get_author (c) : "",
                  pathways_contact_get_note (c) ? pathways_contact_get_note (c) : "");
        }
      status = 0;
    }

out:
  clear_options ();
  opt_person = 0;
  return status;
}

/* pathways-cli retention ------------------------------------------------ */

int
pathways_cli_retention (int      argc,
                        char   **argv,
                        GError **error)
{
  g_autoptr(PathwaysClock) clock = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(GListModel) past = NULL;
  g_autofree char *today = NULL;
  g_autofree char *years = NULL;
  int status = 1;

  if (!parse ("retention", NULL, &argc, &argv, error))
    return 2;
  if ((store = open_store (&clock, error)) == NULL)
    goto out;
  today = pathways_clock_dup_today (clock);
  if ((past = pathways_people_past_retention (store, today, error)) == NULL)
    goto out;
  years = pathways_store_dup_setting (store, "retention_years");
  printf (g_dngettext (GETTEXT_PACKAGE,
                       "%u closed case is past the retention period (%s years from birth):\n",
                       "%u closed cases are past the retention period (%s years from birth):\n",
                       g_list_model_get_n_items (past)),
          g_list_model_get_n_items (past), years ? years : "75");
  for (guint i = 0; i < g_list_model_get_n_items (past); i++)
    {
      g_autoptr(PathwaysYoungPerson) yp = g_list_model_get_item (past, i);
      g_autofree char *name = pathways_young_person_dup_display_name (yp);
      g_autofree char *end = pathways_people_retention_end (store, pathways_young_person_get_date_of_birth (yp));
      g_autofree char *uk = pathways_date_format_uk (end);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", pathways_record_get_id (PATHWAYS_RECORD (yp)),
              pathways_young_person_get_local_id (yp), name, uk);
    }
  status = 0;

out:
  clear_options ();
  return status;
}
