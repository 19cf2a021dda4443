/* pathways-cli-server.h — pathways-cli's commands for a team server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int pathways_cli_server (int      argc,
                         char   **argv,
                         GError **error);
int pathways_cli_copy   (int      argc,
                         char   **argv,
                         GError **error);

G_END_DECLS
