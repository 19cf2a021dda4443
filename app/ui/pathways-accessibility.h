/* pathways-accessibility.h — what GTK 4.8 tells a screen reader, mended
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pathways_accessibility_init (void);

G_END_DECLS
