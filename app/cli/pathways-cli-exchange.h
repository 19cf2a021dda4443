/* pathways-cli-exchange.h — pathways-cli's commands for council files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int pathways_cli_check (int      argc,
                        char   **argv,
                        GError **error);

int pathways_cli_import (int      argc,
                         char   **argv,
                         GError **error);
int pathways_cli_export (int      argc,
                         char   **argv,
                         GError **error);

G_END_DECLS
