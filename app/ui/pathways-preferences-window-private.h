/* pathways-preferences-window-private.h — for the tests: what a person
 * would choose
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-preferences-window.h"

G_BEGIN_DECLS

gboolean pathways_preferences_window_is_busy        (PathwaysPreferencesWindow *self);
void     pathways_preferences_window_select_staff   (PathwaysPreferencesWindow *self,
                                                     gint64                     staff_id);
void     pathways_preferences_window_set_readiness  (PathwaysPreferencesWindow *self,
                                                     int                        percent);

void     pathways_preferences_window_connect_server (PathwaysPreferencesWindow *self,
                                                     const char                *address,
                                                     const char                *user,
                                                     const char                *password);
const char *pathways_preferences_window_get_server_status (PathwaysPreferencesWindow *self);

/* The areas list: what Add and Remove do; the reason an area was refused */
gboolean    pathways_preferences_window_add_area       (PathwaysPreferencesWindow *self,
                                                        const char                *name);
void        pathways_preferences_window_remove_area    (PathwaysPreferencesWindow *self,
                                                        const char                *name);
const char *pathways_preferences_window_get_area_error (PathwaysPreferencesWindow *self);
GPtrArray  *pathways_preferences_window_dup_areas      (PathwaysPreferencesWindow *self);

G_END_DECLS
