/* pathways-spell-strip.h — a young person's accommodation on one line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pathways-core.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_SPELL_STRIP (pathways_spell_strip_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysSpellStrip, pathways_spell_strip, PATHWAYS, SPELL_STRIP, GtkWidget)

GtkWidget *pathways_spell_strip_new         (void);
void       pathways_spell_strip_set_details (PathwaysSpellStrip    *self,
                                             PathwaysPersonDetails *details);
gboolean   pathways_spell_strip_has_planned (PathwaysSpellStrip    *self);
guint      pathways_spell_strip_get_kinds   (PathwaysSpellStrip    *self);
guint      pathways_spell_strip_get_n_bars  (PathwaysSpellStrip    *self);

G_END_DECLS
