/* pathways-cli-server.c — making a team server
 *
 *   pathways-cli server init --database postgresql://…
 *   pathways-cli server add-user NAME --role pa|housing|manager|admin [--team TEAM]
 *                [--staff ID | --no-staff] [--password-file FILE | --no-password] --database …
 *   pathways-cli copy --from FILE.db --to postgresql://…
 *
 * Run by the service's IT as a PostgreSQL role that may create roles
 * (the "postgres" superuser, typically: sudo -u postgres pathways-cli …).
 * A password is asked for at the terminal unless --password-file or
 * --no-password (for peer or GSSAPI logins) is given; it goes to the
 * server, which keeps only its hash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "pathways-cli-server.h"
#include "pathways-core.h"
#include "pathways-postgres-store-private.h"

static char *opt_server_database;
static char *opt_role;
static char *opt_team;
static char *opt_password_file;
static gboolean opt_no_password;
static gboolean opt_no_staff;
static gint64 opt_staff;
static char *opt_from;
static char *opt_to;

static const GOptionEntry init_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_STRING, &opt_server_database,
    N_("The team server database (postgresql://HOST/DATABASE or “host=… dbname=…”)"), N_("ADDRESS") },
  { NULL }
};

static const GOptionEntry add_user_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_STRING, &opt_server_database,
    N_("The team server database (postgresql://HOST/DATABASE or “host=… dbname=…”)"), N_("ADDRESS") },
  { "role", 0, 0, G_OPTION_ARG_STRING, &opt_role,
    N_("pa, housing, manager or admin (several separated by commas)"), N_("ROLE") },
  { "team", 0, 0, G_OPTION_ARG_STRING, &opt_team, N_("The team they work in"), N_("TEAM") },
  { "staff", 0, 0, G_OPTION_ARG_INT64, &opt_staff,
    N_("The staff record they are (its id); default: a new one of their name and team"), N_("ID") },
  { "no-staff", 0, 0, G_OPTION_ARG_NONE, &opt_no_staff, N_("No staff record (an administrator from IT)"), NULL },
  { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &opt_password_file,
    N_("Read the password from the first line of this file"), N_("FILE") },
  { "no-password", 0, 0, G_OPTION_ARG_NONE, &opt_no_password,
    N_("No password: the server authenticates them another way (peer, GSSAPI)"), NULL },
  { NULL }
};

static const GOptionEntry copy_entries[] = {
  { "from", 0, 0, G_OPTION_ARG_FILENAME, &opt_from, N_("The team's embedded database file"), N_("FILE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to, N_("The team server database, set up and still empty"),
    N_("ADDRESS") },
  { NULL }
};

static gboolean
parse_args (const char          *summary,
            const GOptionEntry  *entries,
            const char          *parameter,
            int                 *argc,
            char              ***argv,
            GError             **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return g_option_context_parse (context, argc, argv, error);
}

static gboolean
need_server (const char  *option,
             const char  *value,
             GError     **error)
{
  if (value == NULL || *value == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: give the team server database (postgresql://HOST/DATABASE)"), option);
      return FALSE;
    }
  if (!pathways_store_location_is_server (value))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: “%s” is not a team server address (postgresql://HOST/DATABASE)"), option, value);
      return FALSE;
    }
  return TRUE;
}

static int
cmd_init (int      argc,
          char   **argv,
          GError **error)
{
  g_autofree char *where = NULL;
  int from = 0;

  if (!parse_args ("pathways-cli server init", init_entries, NULL, &argc, &argv, error))
    return 2;
  if (argc > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("Unexpected argument “%s”"), argv[1]);
      return 2;
    }
  if (!need_server ("--database", opt_server_database, error))
    return 2;
  if (!pathways_postgres_server_init (opt_server_database, &from, error))
    return 1;

  where = pathways_postgres_describe_location (opt_server_database);
  if (from == 0)
    printf (_("Set up %s for Pathways (schema %d): roles, row-level security, audit and the reference data.\n"),
            where, PATHWAYS_STORE_SCHEMA_VERSION);
  else if (from < PATHWAYS_STORE_SCHEMA_VERSION)
    printf (_("Updated %s from schema %d to %d.\n"), where, from, PATHWAYS_STORE_SCHEMA_VERSION);
  else
    printf (_("%s is up to date (schema %d); its roles and policies were made again.\n"), where, from);
  return 0;
}

/* One line, without the newline; @prompt on the terminal with echo off */
static char *
read_password (GError **error)
{
  struct termios old, quiet;
  char buf[1024];
  char *line;
  FILE *tty;

  if (opt_password_file != NULL)
    {
      g_autofree char *contents = NULL;
      char *nl;

      if (!g_file_get_contents (opt_password_file, &contents, NULL, error))
        return NULL;
      nl = strpbrk (contents, "\r\n");
      if (nl)
        *nl = '\0';
      if (*contents == '\0')
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--password-file: %s holds no password on its first line"), opt_password_file);
          return NULL;
        }
      return g_steal_pointer (&contents);
    }

  tty = fopen ("/dev/tty", "r+");
  if (tty == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("No terminal to ask for the password on: give --password-file FILE, or "
                             "--no-password for a login the server authenticates another way"));
      return NULL;
    }
  fputs (_("Password for the new user: "), tty);
  fflush (tty);
  tcgetattr (fileno (tty), &old);
  quiet = old;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
  line = fgets (buf, sizeof buf, tty);
  tcsetattr (fileno (tty), TCSAFLUSH, &old);
  fputs ("\n", tty);
  fclose (tty);
  if (line == NULL || buf[0] == '\n' || buf[0] == '\0')
    {
      explicit_bzero (buf, sizeof buf);
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("No password was given"));
      return NULL;
    }
  buf[strcspn (buf, "\r\n")] = '\0';
  line = g_strdup (buf);
  explicit_bzero (buf, sizeof buf);
  return line;
}

static int
cmd_add_user (int      argc,
              char   **argv,
              GError **error)
{
  g_autofree char *password = NULL;

  if (!parse_args ("pathways-cli server add-user", add_user_entries, _("NAME"), &argc, &argv, error))
    return 2;
  if (argc != 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Give the new user's login name (one word), then the options"));
      return 2;
    }
  if (!need_server ("--database", opt_server_database, error))
    return 2;
  if (opt_role == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--role: give pa, housing, manager or admin"));
      return 2;
    }
  if (opt_password_file != NULL && opt_no_password)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--password-file and --no-password cannot both be given"));
      return 2;
    }
  if (opt_staff < 0 || (opt_staff > 0 && opt_no_staff))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--staff: give the id of a staff record, or --no-staff, not both"));
      return 2;
    }
  if (!opt_no_password && (password = read_password (error)) == NULL)
    return 2;

  if (!pathways_postgres_server_add_user (opt_server_database, argv[1], opt_role, opt_team, password, opt_staff,
                                          opt_no_staff, error))
    {
      if (password)
        explicit_bzero (password, strlen (password));
      return 1;
    }
  if (password)
    explicit_bzero (password, strlen (password));
  printf (_("Added %s (%s).\n"), argv[1], opt_role);
  return 0;
}

int
pathways_cli_server (int      argc,
                     char   **argv,
                     GError **error)
{
  const char *sub = argc > 1 ? argv[1] : NULL;
  int status;

  if (sub == NULL || g_str_equal (sub, "--help") || g_str_equal (sub, "-h"))
    {
      fputs (_("Usage: pathways-cli server init --database ADDRESS\n"
               "       pathways-cli server add-user NAME --role ROLE [--team TEAM] --database ADDRESS\n"), 
             sub ? stdout : stderr);
      return sub ? 0 : 2;
    }
  argv[1] = argv[0];
  if (g_str_equal (sub, "init"))
    status = cmd_init (argc - 1, argv + 1, error);
  else if (g_str_equal (sub, "add-user"))
    status = cmd_add_user (argc - 1, argv + 1, error);
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a server command: use init or add-user"), sub);
      status = 2;
    }
  g_clear_pointer (&opt_server_database, g_free);
  g_clear_pointer (&opt_role, g_free);
  g_clear_pointer (&opt_team, g_free);
  g_clear_pointer (&opt_password_file, g_free);
  return status;
}

int
pathways_cli_copy (int      argc,
                   char   **argv,
                   GError **error)
{
  g_autoptr(PathwaysStore) from = NULL;
  g_autofree char *where = NULL;
  gint64 people;
  int status = 0;

  if (!parse_args ("pathways-cli copy", copy_entries, NULL, &argc, &argv, error))
    return 2;
  if (argc > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("Unexpected argument “%s”"), argv[1]);
      status = 2;
    }
  else if (opt_from == NULL || pathways_store_location_is_server (opt_from))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--from: give the embedded database file to copy"));
      status = 2;
    }
  else if (!g_file_test (opt_from, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("No database at %s"), opt_from);
      status = 2;
    }
  else if (!need_server ("--to", opt_to, error))
    status = 2;
  else if ((from = pathways_store_open (opt_from, NULL, error)) == NULL)
    status = 1;
  else if (!pathways_postgres_server_copy_from (opt_to, from, error))
    status = 1;
  else
    {
      where = pathways_postgres_describe_location (opt_to);
      people = pathways_store_count (from, PATHWAYS_TYPE_YOUNG_PERSON, NULL);
      printf (g_dngettext (GETTEXT_PACKAGE, "Copied %s onto %s: %d young person, with every record and the "
                           "audit log.\n",
                           "Copied %s onto %s: %d young people, with every record and the audit log.\n",
                           (gulong) people),
              opt_from, where, (int) people);
    }
  g_clear_pointer (&opt_from, g_free);
  g_clear_pointer (&opt_to, g_free);
  return status;
}
