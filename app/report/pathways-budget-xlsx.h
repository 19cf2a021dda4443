/* pathways-budget-xlsx.h — the placements budget as a workbook for finance
 *
 * Three sheets: the year per kind of provision (budget, actual,
 * committed, forecast, variance and its volume / unit cost / income
 * effects, each a formula over the cells beside it so that finance can
 * check them), the months, and the working in words.  Written through a
 * private temporary file, whole or not at all, like every export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-budget.h"

G_BEGIN_DECLS

gboolean pathways_budget_write_xlsx (PathwaysBudgetReport  *report,
                                     const char            *path,
                                     GError               **error);

G_END_DECLS
