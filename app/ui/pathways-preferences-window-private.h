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

G_END_DECLS
