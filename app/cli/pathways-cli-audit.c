/* pathways-cli-audit.c — the audit trail and the database's health
 *
 *   pathways-cli audit verify [--database PATH]
 *   pathways-cli audit repair [--database PATH] [--as STAFF]
 *   pathways-cli audit log [--person ID] [--table TABLE] [--database PATH]
 *   pathways-cli erase PERSON --confirm [--as STAFF] [--database PATH]
 *   pathways-cli check-db [--database PATH]
 *
 * verify exits 1 when the chain is broken (or the audit triggers were
 * tampered with), saying where; check-db exits 1 when the file is
 * damaged, naming the newest backup.  PERSON is a young person's id or
 * local child ID.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pathways-cli-audit.h"
#include "pathways-core.h"

static char *opt_database;
static char *opt_as;
static char *opt_today;
static char *opt_table;
static gint64 opt_person;
static gboolean opt_confirm;

static const GOptionEntry common_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
    N_("The database file or team server address (default: $PATHWAYS_DATABASE or the app's own)"), N_("PATH") },
  { "as", 0, 0, G_OPTION_ARG_STRING, &opt_as,
    N_("The staff member acting (their id or name), recorded in the audit log"), N_("STAFF") },
  { "today", 0, 0, G_OPTION_ARG_STRING, &opt_today,
    N_("Treat this date (YYYY-MM-DD or DD/MM/YYYY) as today"), N_("DATE") },
  { NULL }
};

static const GOptionEntry log_entries[] = {
  { "person", 0, 0, G_OPTION_ARG_INT64, &opt_person, N_("Only what concerns this young person (their id)"),
    N_("ID") },
  { "table", 0, 0, G_OPTION_ARG_STRING, &opt_table, N_("Only changes to this table"), N_("TABLE") },
  { NULL }
};

static const GOptionEntry erase_entries[] = {
  { "confirm", 0, 0, G_OPTION_ARG_NONE, &opt_confirm,
    N_("Really erase: without it, say only what would be erased"), NULL },
  { NULL }
};

static void
clear_options (void)
{
  g_clear_pointer (&opt_database, g_free);
  g_clear_pointer (&opt_as, g_free);
  g_clear_pointer (&opt_today, g_free);
  g_clear_pointer (&opt_table, g_free);
  opt_person = 0;
  opt_confirm = FALSE;
}

static gboolean
parse (const char          *summary,
       const char          *parameter,
       const GOptionEntry  *extra,
       int                 *argc,
       char              ***argv,
       GError             **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);
  if (extra)
    g_option_context_add_main_entries (context, extra, GETTEXT_PACKAGE);
  return g_option_context_parse (context, argc, argv, error);
}

static PathwaysClock *
make_clock (GError **error)
{
  const char *text = opt_today ? opt_today : g_getenv ("PATHWAYS_TODAY");
  g_autofree char *iso = NULL;
  PathwaysDay day;

  if (text == NULL)
    return pathways_clock_new ();
  if (!pathways_day_parse_user (text, &day, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--today: “%s” is not a date (use DD/MM/YYYY or YYYY-MM-DD)"), text);
      return NULL;
    }
  iso = pathways_day_to_iso (day);
  return pathways_clock_new_fixed (iso);
}

/**
 * pathways_cli_resolve_staff:
 *
 * The staff record @text names: its id, or its name exactly (once).
 *
 * Returns: the id, or 0 with @error
 */
gint64
pathways_cli_resolve_staff (PathwaysStore  *store,
                            const char     *text,
                            GError        **error)
{
  g_autoptr(GListModel) staff = NULL;
  gint64 id = 0, found = 0;
  guint n_found = 0;

  if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      if (pathways_store_exists (store, "staff", id))
        return id;
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--as: there is no staff member with id %" G_GINT64_FORMAT), id);
      return 0;
    }
  if ((staff = pathways_store_list (store, PATHWAYS_TYPE_STAFF, error)) == NULL)
    return 0;
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(PathwaysStaff) s = g_list_model_get_item (staff, i);

      if (g_utf8_collate (pathways_staff_get_name (s), text) == 0)
        {
          found = pathways_record_get_id (PATHWAYS_RECORD (s));
          n_found++;
        }
    }
  if (n_found == 1)
    return found;
  if (n_found == 0)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("--as: there is no staff member called “%s”"), text);
  else
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("--as: %u staff members are called “%s”: give the id instead"), n_found, text);
  return 0;
}

static PathwaysStore *
open_store (GError **error)
{
  g_autofree char *path = opt_database ? g_strdup (opt_database) : pathways_store_default_path ();
  g_autoptr(PathwaysClock) clock = make_clock (error);
  g_autoptr(PathwaysStore) store = NULL;

  if (clock == NULL)
    return NULL;
  if (!pathways_store_location_is_server (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("No database at %s"), path);
      return NULL;
    }
  if ((store = pathways_store_open (path, clock, error)) == NULL)
    return NULL;
  if (opt_as != NULL)
    {
      gint64 id = pathways_cli_resolve_staff (store, opt_as, error);

      if (id == 0 || !pathways_store_set_acting_staff (store, id, error))
        return NULL;
    }
  return g_steal_pointer (&store);
}

static char *
format_stamp (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%d/%m/%Y %H:%M:%S") : g_strdup (iso ? iso : "");
}

static int
audit_verify (int      argc,
              char   **argv,
              GError **error)
{
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(PathwaysAuditCheck) check = NULL;
  const char *tampered;

  if (!parse (_("Walk the audit log's chain, recomputing every digest"), NULL, NULL, &argc, &argv, error))
    return 2;
  if ((store = open_store (error)) == NULL)
    return 1;
  if ((check = pathways_store_verify_audit (store, error)) == NULL)
    return 1;

  if (check->broken_row != 0)
    {
      printf (_("The audit log is broken at row %" G_GINT64_FORMAT ": %s.\n"), check->broken_row, check->problem);
      printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " row was checked up to it.\n",
                           "%" G_GINT64_FORMAT " rows were checked up to it.\n", check->n_rows),
              check->n_rows);
      return 1;
    }

  printf (g_dngettext (GETTEXT_PACKAGE, "The audit log verifies: %" G_GINT64_FORMAT " row, each chained to the one before.\n",
                       "The audit log verifies: %" G_GINT64_FORMAT " rows, each chained to the one before.\n",
                       check->n_rows), check->n_rows);
  if (check->n_redacted > 0)
    printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " row was redacted when a young person was erased.\n",
                         "%" G_GINT64_FORMAT " rows were redacted when young people were erased.\n",
                         check->n_redacted), check->n_redacted);
  tampered = pathways_store_get_read_only_reason (store);
  if (tampered != NULL && strstr (tampered, "pathways-cli audit repair") != NULL)
    {
      printf ("%s\n", tampered);
      return 1;
    }
  return 0;
}

static int
audit_repair (int      argc,
              char   **argv,
              GError **error)
{
  g_autoptr(PathwaysStore) store = NULL;
  g_autofree char *repaired = NULL;

  if (!parse (_("Remake the audit triggers and record the repair in the audit log"), NULL, NULL,
              &argc, &argv, error))
    return 2;
  if ((store = open_store (error)) == NULL)
    return 1;
  if (!pathways_store_repair_audit (store, &repaired, error))
    return 1;
  if (repaired != NULL)
    printf (_("Repaired. %s\nThe repair is recorded in the audit log; changes made while the audit was "
              "switched off were not recorded.\n"), repaired);
  else
    printf (_("Nothing needed repairing: every audit trigger is as Pathways made it.\n"));
  return 0;
}

static int
audit_log (int      argc,
           char   **argv,
           GError **error)
{
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (!parse (_("List the audit log, newest first"), NULL, log_entries, &argc, &argv, error))
    return 2;
  if (opt_person < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--person must be a young person's id"));
      return 2;
    }
  if ((store = open_store (error)) == NULL)
    return 1;
  if (opt_person > 0)
    entries = pathways_store_list_audit_for_person (store, opt_person, error);
  else
    entries = pathways_store_list_audit (store, opt_table, 0, error);
  if (entries == NULL)
    return 1;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PathwaysAuditEntry) e = g_list_model_get_item (entries, i);
      g_autofree char *when = format_stamp (pathways_audit_entry_get_at (e));
      const char *staff = pathways_audit_entry_get_staff_name (e);
      g_autofree char *who = staff ? g_strdup_printf ("%s (%s)", pathways_audit_entry_get_actor (e), staff)
                                   : g_strdup (pathways_audit_entry_get_actor (e));
      const char *after = pathways_audit_entry_get_after_values (e);

      if (opt_person > 0 && opt_table != NULL && g_strcmp0 (opt_table, pathways_audit_entry_get_table_name (e)) != 0)
        continue;
      g_string_append_printf (out, "%6" G_GINT64_FORMAT "  %s  %-28s %-7s %s %" G_GINT64_FORMAT,
                              pathways_record_get_id (PATHWAYS_RECORD (e)), when, who,
                              pathways_audit_entry_get_action (e), pathways_audit_entry_get_table_name (e),
                              pathways_audit_entry_get_row_id (e));
      if (pathways_audit_entry_get_redacted (e) != NULL)
        {
          g_autofree char *on = format_stamp (pathways_audit_entry_get_redacted (e));
          g_string_append_printf (out, "  %s", "");
          g_string_append_printf (out, _("[content redacted on %s]"), on);
        }
      else if (after != NULL && (g_str_equal (pathways_audit_entry_get_action (e), "erase") ||
                                 g_str_equal (pathways_audit_entry_get_action (e), "repair") ||
                                 g_str_equal (pathways_audit_entry_get_action (e), "chain")))
        g_string_append_printf (out, "  %s", after);
      g_string_append_c (out, '\n');
    }
  fputs (out->str, stdout);
  return 0;
}

int
pathways_cli_audit (int      argc,
                    char   **argv,
                    GError **error)
{
  const char *sub = argc > 1 ? argv[1] : NULL;
  int status;

  if (sub == NULL || (!g_str_equal (sub, "verify") && !g_str_equal (sub, "repair") && !g_str_equal (sub, "log")))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Say what to do: audit verify, audit repair or audit log"));
      return 2;
    }
  argv[1] = argv[0];
  argc--;
  argv++;
  if (g_str_equal (sub, "verify"))
    status = audit_verify (argc, argv, error);
  else if (g_str_equal (sub, "repair"))
    status = audit_repair (argc, argv, error);
  else
    status = audit_log (argc, argv, error);
  clear_options ();
  return status;
}

static gint64
resolve_person (PathwaysStore  *store,
                const char     *text,
                GError        **error)
{
  g_autoptr(GListModel) people = NULL;
  gint64 id;

  if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL) &&
      pathways_store_exists (store, "young_person", id))
    return id;
  if ((people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, error)) == NULL)
    return 0;
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PathwaysYoungPerson) p = g_list_model_get_item (people, i);

      if (g_strcmp0 (pathways_young_person_get_local_id (p), text) == 0)
        return pathways_record_get_id (PATHWAYS_RECORD (p));
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("There is no young person with id or local child ID “%s”"), text);
  return 0;
}

int
pathways_cli_erase (int      argc,
                    char   **argv,
                    GError **error)
{
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(PathwaysYoungPerson) person = NULL;
  g_autofree char *end = NULL;
  g_autofree char *end_uk = NULL;
  g_autofree char *today = NULL;
  g_autofree char *name = NULL;
  gint64 id, n = 0;
  int status = 0;

  if (!parse (_("Erase a young person's records after the retention period, redacting their audit rows"),
              _("PERSON"), erase_entries, &argc, &argv, error))
    {
      clear_options ();
      return 2;
    }
  if (argc != 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Name one young person: their id or local child ID"));
      clear_options ();
      return 2;
    }
  if ((store = open_store (error)) == NULL || (id = resolve_person (store, argv[1], error)) == 0 ||
      (person = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, id, error)) == NULL ||
      (end = pathways_store_dup_retention_end (store, id, error)) == NULL)
    {
      clear_options ();
      return 1;
    }

  name = g_strdup_printf ("%s %s (%s)", pathways_young_person_get_given_name (person),
                          pathways_young_person_get_family_name (person), pathways_young_person_get_local_id (person));
  end_uk = pathways_date_format_uk (end);
  today = pathways_clock_dup_today (pathways_store_get_clock (store));
  if (!opt_confirm)
    {
      if (g_strcmp0 (today, end) < 0)
        printf (_("%s may not be erased before %s, when the retention period ends.\n"), name, end_uk);
      else
        printf (_("This would erase %s: every record of theirs, and the content of their audit rows. "
                  "It cannot be undone. Run again with --confirm to erase.\n"), name);
      clear_options ();
      return 2;
    }

  if (!pathways_store_erase_person (store, id, &n, error))
    status = 1;
  else
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "Erased %s: their records are deleted and %" G_GINT64_FORMAT " audit row redacted.\n",
                         "Erased %s: their records are deleted and %" G_GINT64_FORMAT " audit rows redacted.\n", n),
            name, n);
  clear_options ();
  return status;
}

int
pathways_cli_check_db (int      argc,
                       char   **argv,
                       GError **error)
{
  g_autoptr(PathwaysStore) store = NULL;
  g_autofree char *report = NULL;
  int status = 0;

  if (!parse (_("Check every page, row and index of the database (the full integrity check)"), NULL, NULL,
              &argc, &argv, error))
    status = 2;
  else if ((store = open_store (error)) == NULL || (report = pathways_store_check_integrity (store, error)) == NULL)
    status = 1;
  else
    printf ("%s\n", report);
  clear_options ();
  return status;
}
