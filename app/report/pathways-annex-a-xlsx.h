/* pathways-annex-a-xlsx.h — Ofsted's Annex A, List 9, as an Excel workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pathways-annex-a.h"

G_BEGIN_DECLS

gboolean pathways_annex_a_write_xlsx (GPtrArray             *rows,
                                      const char            *on_date,
                                      Pathways903CodeTable  *codes,
                                      const char            *path,
                                      GError               **error);

G_END_DECLS
