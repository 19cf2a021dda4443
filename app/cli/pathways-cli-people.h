/* pathways-cli-people.h — pathways-cli's caseload commands (issue #12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int pathways_cli_person    (int argc, char **argv, GError **error);
int pathways_cli_staff     (int argc, char **argv, GError **error);
int pathways_cli_team      (int argc, char **argv, GError **error);
int pathways_cli_reassign  (int argc, char **argv, GError **error);
int pathways_cli_contact   (int argc, char **argv, GError **error);
int pathways_cli_retention (int argc, char **argv, GError **error);

G_END_DECLS
