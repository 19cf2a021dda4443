/* pathways-cli-commission.h — pathways-cli's commissioning commands
 *
 *   budget set|import|report, provider add|list, referral make|list|offer|offers|accept|close|report,
 *   istatement list|answer|scores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int pathways_cli_budget     (int      argc,
                             char   **argv,
                             GError **error);
int pathways_cli_provider   (int      argc,
                             char   **argv,
                             GError **error);
int pathways_cli_referral   (int      argc,
                             char   **argv,
                             GError **error);
int pathways_cli_istatement (int      argc,
                             char   **argv,
                             GError **error);

G_END_DECLS
