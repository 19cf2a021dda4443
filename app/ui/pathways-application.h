/* pathways-application.h — the application and the services it owns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"
#include "pathways-core.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_APPLICATION (pathways_application_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysApplication, pathways_application, PATHWAYS, APPLICATION, AdwApplication)

PathwaysApplication *pathways_application_new          (const char          *application_id,
                                                        GApplicationFlags    flags);
PathwaysContext     *pathways_application_get_context  (PathwaysApplication *self);
PathwaysStore       *pathways_application_get_store    (PathwaysApplication *self);
PathwaysClock       *pathways_application_get_clock    (PathwaysApplication *self);
GSettings           *pathways_application_get_settings (PathwaysApplication *self);
int                  pathways_application_get_exit_status (PathwaysApplication *self);

G_END_DECLS
