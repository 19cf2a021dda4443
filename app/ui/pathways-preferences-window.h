/* pathways-preferences-window.h — who I am, and the authority's settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_PREFERENCES_WINDOW (pathways_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPreferencesWindow, pathways_preferences_window, PATHWAYS, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

PathwaysPreferencesWindow *pathways_preferences_window_new (PathwaysContext *context);

G_END_DECLS
