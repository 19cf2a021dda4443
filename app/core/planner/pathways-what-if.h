/* pathways-what-if.h — hypothetical changes to the stock, for a re-plan
 *
 * A what-if file is UTF-8 text, one change a line; blank lines and lines
 * starting with '#' are ignored; fields are KEY=VALUE separated by
 * spaces (a value with spaces in double quotes):
 *
 *   add kind=supported area=North count=3 cost=250.00 from=01/06/2027
 *       [min-age=16] [max-age=17] [registration=registered] [support-hours=10]
 *       [in-authority=yes|no] [name="New supported flats"]
 *   remove unit=123
 *
 * kind is a unit kind code (pathways-vocab); cost is pounds a week; from
 * is dd/mm/yyyy (default: today); count 1–500.  An error names the line
 * and the field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pathways-rules.h"

G_BEGIN_DECLS

typedef struct _PathwaysWhatIf PathwaysWhatIf;

PathwaysWhatIf  *pathways_what_if_new          (void);
PathwaysWhatIf  *pathways_what_if_parse        (const char      *text,
                                                gssize           length,
                                                const char      *file_name,
                                                const char      *today,
                                                GError         **error);
void             pathways_what_if_free         (PathwaysWhatIf  *what_if);
/* (element-type PathwaysUnitFacts): the hypothetical units, with ids
 * below 0 and no spells */
GPtrArray       *pathways_what_if_get_added    (const PathwaysWhatIf *what_if);
gboolean         pathways_what_if_removes      (const PathwaysWhatIf *what_if,
                                                gint64           unit_id);
guint            pathways_what_if_get_n_removed (const PathwaysWhatIf *what_if);
gboolean         pathways_what_if_is_empty     (const PathwaysWhatIf *what_if);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysWhatIf, pathways_what_if_free)

G_END_DECLS
