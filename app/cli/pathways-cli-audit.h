/* pathways-cli-audit.h — pathways-cli's commands for the audit trail,
 * erasure and the database's health
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-core.h"

G_BEGIN_DECLS

int    pathways_cli_audit         (int             argc,
                                   char          **argv,
                                   GError        **error);
int    pathways_cli_erase         (int             argc,
                                   char          **argv,
                                   GError        **error);
int    pathways_cli_check_db      (int             argc,
                                   char          **argv,
                                   GError        **error);
gint64 pathways_cli_resolve_staff (PathwaysStore  *store,
                                   const char     *text,
                                   GError        **error);

G_END_DECLS
