/* test-gui-util.h — what the GUI suites share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"
#include "test-util.h"

G_BEGIN_DECLS

void             test_gui_require_display (void);

/* A context as the application makes one (in-memory settings under
 * test), with @store open on it */
PathwaysContext *test_gui_context         (PathwaysStore *store);

/* The first widget of @type at or under @widget, depth first, or NULL */
GtkWidget       *test_gui_find_type       (GtkWidget     *widget,
                                           GType          type);

/* The first actionable widget (a button, a row) at or under @widget
 * whose action is @action ("win.import-903"), depth first, or NULL */
GtkWidget       *test_gui_find_action     (GtkWidget     *widget,
                                           const char    *action);

/* Fails unless @widget's minimum width is at most @limit px, naming
 * ("the register is 420 px wide at least…") the descendants that hold
 * it, each with its parts' widths */
void             test_gui_assert_fits     (GtkWidget     *widget,
                                           int            limit,
                                           const char    *what);

/* With PATHWAYS_SCREENSHOT_DIR set (never in CI), a picture of the
 * screen as drawn once @widget is, saved there as @name, for a person
 * to look at; nothing otherwise */

void             test_gui_screenshot      (GtkWidget     *widget,
                                           const char    *name);

G_END_DECLS
