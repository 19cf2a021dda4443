/* main.c — the entry point of the Pathways application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "pathways-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PathwaysApplication) application = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Pathways"));

  application = pathways_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);

  status = g_application_run (G_APPLICATION (application), argc, argv);
  if (status == 0)
    status = pathways_application_get_exit_status (application);
  return status;
}
