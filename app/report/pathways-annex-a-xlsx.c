/* pathways-annex-a-xlsx.c — Ofsted's Annex A, List 9, as an Excel workbook
 *
 * One sheet, Ofsted's headings in the first row, dates as real Excel
 * dates shown DD/MM/YYYY.  The workbook is written to a private
 * temporary file in the target folder and renamed into place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-report"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <xlsxwriter.h>

#include "pathways-annex-a-xlsx.h"
#include "pathways-file.h"
#include "pathways-exchange.h"

static gboolean
write_date (lxw_worksheet *ws,
            lxw_row_t      y,
            lxw_col_t      x,
            const char    *iso,
            lxw_format    *format)
{
  lxw_datetime dt = { 0 };
  int yy, mm, dd;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &yy, &mm, &dd) != 3)
    return FALSE;
  dt.year = yy;
  dt.month = mm;
  dt.day = dd;
  worksheet_write_datetime (ws, y, x, &dt, format);
  return TRUE;
}

/**
 * pathways_annex_a_write_xlsx:
 * @rows: (element-type PathwaysAnnexARow)
 */
gboolean
pathways_annex_a_write_xlsx (GPtrArray             *rows,
                             const char            *on_date,
                             Pathways903CodeTable  *codes,
                             const char            *path,
                             GError               **error)
{
  g_autoptr(PathwaysSafeFile) file = pathways_safe_file_new (path, error);
  lxw_workbook *wb;
  lxw_worksheet *ws;
  lxw_format *bold, *date;
  lxw_error rc;

  if (file == NULL)
    return FALSE;
  /* libxlsxwriter writes only to a name: the private temporary file's */
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
  date = workbook_add_format (wb);
  format_set_num_format (date, "dd/mm/yyyy");

  /* Translators: the name of the sheet in the Annex A workbook (at most 31 characters) */
  ws = workbook_add_worksheet (wb, _("List 9 care leavers"));
  for (PathwaysAnnexAColumn c = 0; c < PATHWAYS_ANNEX_A_N_COLUMNS; c++)
    worksheet_write_string (ws, 0, (lxw_col_t) c, pathways_annex_a_column_heading (c), bold);
  worksheet_set_column (ws, 0, PATHWAYS_ANNEX_A_N_COLUMNS - 1, 18, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      PathwaysAnnexARow *r = g_ptr_array_index (rows, i);
      lxw_row_t y = (lxw_row_t) (i + 1);

      for (PathwaysAnnexAColumn c = 0; c < PATHWAYS_ANNEX_A_N_COLUMNS; c++)
        {
          const char *iso = c == PATHWAYS_ANNEX_A_DOB ? r->date_of_birth
                            : c == PATHWAYS_ANNEX_A_PATHWAY_PLAN ? r->pathway_plan_date
                            : c == PATHWAYS_ANNEX_A_LATEST_CONTACT ? r->latest_contact : NULL;
          g_autofree char *v = NULL;

          if (pathways_annex_a_column_is_date (c))
            {
              write_date (ws, y, (lxw_col_t) c, iso, date);
              continue;
            }
          v = pathways_annex_a_cell (r, c, on_date, codes);
          if (c == PATHWAYS_ANNEX_A_AGE && v[0] != '\0')
            worksheet_write_number (ws, y, (lxw_col_t) c, g_ascii_strtod (v, NULL), NULL);
          else if (v[0] != '\0')
            worksheet_write_string (ws, y, (lxw_col_t) c, v, NULL);
        }
    }
  worksheet_freeze_panes (ws, 1, 1);
  worksheet_autofilter (ws, 0, 0, (lxw_row_t) rows->len, PATHWAYS_ANNEX_A_N_COLUMNS - 1);

  rc = workbook_close (wb);
  if (rc != LXW_NO_ERROR)
    {
      g_set_error (error, PATHWAYS_EXCHANGE_ERROR, PATHWAYS_EXCHANGE_ERROR_WRITE,
                   _("Could not write the workbook %s: %s"), path, lxw_strerror (rc));
      return FALSE;
    }
  return pathways_safe_file_commit (file, error);
}
