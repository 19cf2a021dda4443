/* pathways-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-application.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_WINDOW (pathways_window_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysWindow, pathways_window, PATHWAYS, WINDOW, AdwApplicationWindow)

PathwaysWindow *pathways_window_new         (PathwaysApplication *application);
void            pathways_window_open_person (PathwaysWindow      *self,
                                             gint64               person_id);

G_END_DECLS
