/* pathways-preferences-window.h — who I am, and the authority's settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-core.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_PREFERENCES_WINDOW (pathways_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPreferencesWindow, pathways_preferences_window, PATHWAYS, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

PathwaysPreferencesWindow *pathways_preferences_window_new (PathwaysStore *store,
                                                            GSettings     *settings);

/* For tests */
void pathways_preferences_window_select_staff   (PathwaysPreferencesWindow *self,
                                                 gint64                     staff_id);
void pathways_preferences_window_set_readiness  (PathwaysPreferencesWindow *self,
                                                 int                        percent);

G_END_DECLS
