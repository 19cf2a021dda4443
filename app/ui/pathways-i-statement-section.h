/* pathways-i-statement-section.h — the I statement scores, per provider
 * and per kind of provision, for the Sufficiency page
 *
 * Works the scores out for a day in a worker thread (the last scores
 * stay on screen meanwhile) and shows them under the committee report's
 * headings.  pathways_i_statement_rows_fill() makes the rows, for the
 * Commissioning page too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pathways-core.h"
#include "pathways-istatement.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_I_STATEMENT_SECTION (pathways_i_statement_section_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysIStatementSection, pathways_i_statement_section, PATHWAYS, I_STATEMENT_SECTION, GtkWidget)

void     pathways_i_statement_section_reload     (PathwaysIStatementSection *self,
                                                  PathwaysStore             *store,
                                                  const char                *on);
gboolean pathways_i_statement_section_is_loading (PathwaysIStatementSection *self);

/* One expander row per provider or kind in @scores, a row per statement
 * with its score; @list emptied first */
void     pathways_i_statement_rows_fill          (GtkListBox               *list,
                                                  PathwaysIStatementScores *scores);

G_END_DECLS
