/* pathways-budget-xlsx.c — the placements budget as a workbook for finance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "pathways-budget-xlsx.h"
#include "pathways-exchange.h"
#include "pathways-file.h"

enum {
  C_PERIOD, C_KIND, C_BUDGET, C_BUDGET_WEEKS, C_BUDGET_INCOME, C_ACTUAL, C_ACTUAL_WEEKS, C_ACTUAL_INCOME,
  C_COMMITTED, C_COMMITTED_WEEKS, C_COMMITTED_INCOME, C_FORECAST, C_FORECAST_WEEKS, C_FORECAST_INCOME,
  C_VARIANCE, C_VOLUME, C_UNIT_COST, C_INCOME, N_COLUMNS
};

static const char *
heading (int c)
{
  switch (c)
    {
    case C_PERIOD: return _("Period");
    case C_KIND: return _("Kind of provision");
    case C_BUDGET: return _("Budget (gross)");
    case C_BUDGET_WEEKS: return _("Placement-weeks budgeted");
    case C_BUDGET_INCOME: return _("Income budgeted");
    case C_ACTUAL: return _("Actual (gross)");
    case C_ACTUAL_WEEKS: return _("Placement-weeks actual");
    case C_ACTUAL_INCOME: return _("Income actual");
    case C_COMMITTED: return _("Committed (gross)");
    case C_COMMITTED_WEEKS: return _("Placement-weeks committed");
    case C_COMMITTED_INCOME: return _("Income committed");
    case C_FORECAST: return _("Forecast (gross)");
    case C_FORECAST_WEEKS: return _("Placement-weeks forecast");
    case C_FORECAST_INCOME: return _("Income forecast");
    case C_VARIANCE: return _("Variance (net)");
    case C_VOLUME: return _("Volume effect");
    case C_UNIT_COST: return _("Unit cost effect");
    case C_INCOME: return _("Income effect");
    default: g_assert_not_reached ();
    }
}

static void
write_row (lxw_worksheet           *ws,
           lxw_row_t                y,
           const char              *period,
           const PathwaysBudgetRow *r,
           lxw_format              *money,
           lxw_format              *weeks)
{
  const struct { int c; double v; gboolean is_weeks; } cells[] = {
    { C_BUDGET, r->budget_gross / 100.0, FALSE }, { C_BUDGET_WEEKS, r->budget_weeks, TRUE },
    { C_BUDGET_INCOME, r->budget_income / 100.0, FALSE }, { C_ACTUAL, r->actual_gross / 100.0, FALSE },
    { C_ACTUAL_WEEKS, r->actual_weeks, TRUE }, { C_ACTUAL_INCOME, r->actual_income / 100.0, FALSE },
    { C_COMMITTED, r->committed_gross / 100.0, FALSE }, { C_COMMITTED_WEEKS, r->committed_weeks, TRUE },
    { C_COMMITTED_INCOME, r->committed_income / 100.0, FALSE },
  };
  /* Row numbers as Excel counts them */
  guint n = y + 1;
  g_autofree char *forecast = g_strdup_printf ("=F%u+I%u", n, n);
  g_autofree char *forecast_weeks = g_strdup_printf ("=G%u+J%u", n, n);
  g_autofree char *forecast_income = g_strdup_printf ("=H%u+K%u", n, n);
  g_autofree char *variance = g_strdup_printf ("=(L%u-N%u)-(C%u-E%u)", n, n, n, n);
  g_autofree char *volume = g_strdup_printf ("=IF(D%u>0,(M%u-D%u)*C%u/D%u,L%u-C%u)", n, n, n, n, n, n, n);
  g_autofree char *unit_cost = g_strdup_printf ("=O%u-P%u-R%u", n, n, n);
  g_autofree char *income = g_strdup_printf ("=E%u-N%u", n, n);

  worksheet_write_string (ws, y, C_PERIOD, period, NULL);
  worksheet_write_string (ws, y, C_KIND, r->kind ? pathways_provision_kind_label (r->kind) : _("All kinds"), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    worksheet_write_number (ws, y, (lxw_col_t) cells[i].c, cells[i].v, cells[i].is_weeks ? weeks : money);
  worksheet_write_formula_num (ws, y, C_FORECAST, forecast, money, r->forecast_gross / 100.0);
  worksheet_write_formula_num (ws, y, C_FORECAST_WEEKS, forecast_weeks, weeks, r->forecast_weeks);
  worksheet_write_formula_num (ws, y, C_FORECAST_INCOME, forecast_income, money, r->forecast_income / 100.0);
  worksheet_write_formula_num (ws, y, C_VARIANCE, variance, money, r->variance.total / 100.0);
  worksheet_write_formula_num (ws, y, C_VOLUME, volume, money, r->variance.volume / 100.0);
  worksheet_write_formula_num (ws, y, C_UNIT_COST, unit_cost, money, r->variance.unit_cost / 100.0);
  worksheet_write_formula_num (ws, y, C_INCOME, income, money, r->variance.income / 100.0);
}

static void
write_headings (lxw_worksheet *ws,
                lxw_format    *bold)
{
  for (int c = 0; c < N_COLUMNS; c++)
    worksheet_write_string (ws, 0, (lxw_col_t) c, heading (c), bold);
  worksheet_set_column (ws, 0, N_COLUMNS - 1, 16, NULL);
  worksheet_freeze_panes (ws, 1, 2);
}

gboolean
pathways_budget_write_xlsx (PathwaysBudgetReport  *report,
                            const char            *path,
                            GError               **error)
{
  g_autoptr(PathwaysSafeFile) file = pathways_safe_file_new (path, error);
  lxw_workbook *wb;
  lxw_worksheet *year, *months, *working;
  lxw_format *bold, *money, *weeks, *wrap;
  lxw_error rc;
  lxw_row_t y;

  g_return_val_if_fail (report != NULL, FALSE);

  if (file == NULL)
    return FALSE;
  wb = workbook_new (pathways_safe_file_get_temp_path (file));
  if (wb == NULL)
    {
      g_set_error (error, PATHWAYS_EXCHANGE_ERROR, PATHWAYS_EXCHANGE_ERROR_WRITE,
                   _("Could not create the workbook %s"), path);
      return FALSE;
    }
  bold = workbook_add_format (wb);
  format_set_bold (bold);
  format_set_bottom (bold, LXW_BORDER_THIN);
  format_set_text_wrap (bold);
  money = workbook_add_format (wb);
  format_set_num_format (money, "£#,##0.00;-£#,##0.00");
  weeks = workbook_add_format (wb);
  format_set_num_format (weeks, "0.0");
  wrap = workbook_add_format (wb);
  format_set_text_wrap (wrap);

  /* Translators: names of sheets in the budget workbook (at most 31 characters) */
  year = workbook_add_worksheet (wb, _("Year by kind"));
  months = workbook_add_worksheet (wb, _("Month by month"));
  working = workbook_add_worksheet (wb, _("Working"));

  write_headings (year, bold);
  for (guint i = 0; i < report->rows->len; i++)
    write_row (year, (lxw_row_t) (i + 1), report->label, g_ptr_array_index (report->rows, i), money, weeks);
  write_row (year, (lxw_row_t) (report->rows->len + 1), report->label, report->total, money, weeks);

  write_headings (months, bold);
  y = 1;
  for (guint m = 0; m < report->months->len; m++)
    {
      PathwaysBudgetMonth *month = g_ptr_array_index (report->months, m);

      for (guint i = 0; i < month->rows->len; i++)
        write_row (months, y++, month->label, g_ptr_array_index (month->rows, i), money, weeks);
      write_row (months, y++, month->label, month->total, money, weeks);
    }

  worksheet_write_string (working, 0, 0, _("Kind of provision"), bold);
  worksheet_write_string (working, 0, 1, _("How the variance is made up"), bold);
  worksheet_set_column (working, 0, 0, 28, NULL);
  worksheet_set_column (working, 1, 1, 110, wrap);
  for (guint i = 0; i <= report->rows->len; i++)
    {
      const PathwaysBudgetRow *r = i < report->rows->len ? g_ptr_array_index (report->rows, i) : report->total;

      worksheet_write_string (working, (lxw_row_t) (i + 1), 0,
                              r->kind ? pathways_provision_kind_label (r->kind) : _("All kinds"), NULL);
      worksheet_write_string (working, (lxw_row_t) (i + 1), 1, r->working, wrap);
    }

  rc = workbook_close (wb);
  if (rc != LXW_NO_ERROR)
    {
      g_set_error (error, PATHWAYS_EXCHANGE_ERROR, PATHWAYS_EXCHANGE_ERROR_WRITE,
                   _("Could not write the workbook %s: %s"), path, lxw_strerror (rc));
      return FALSE;
    }
  return pathways_safe_file_commit (file, error);
}
