/* pathways-cli-episodes.h — pathways-cli's commands for a young person's care history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int pathways_cli_episodes (int      argc,
                           char   **argv,
                           GError **error);
int pathways_cli_episode  (int      argc,
                           char   **argv,
                           GError **error);

G_END_DECLS
