/* test-gui-util.h — for the GUI suites
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void test_gui_require_display (void);

G_END_DECLS
