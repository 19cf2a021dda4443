/* pathways-annex-a.c — Ofsted's Annex A, List 9: care leavers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pathways-annex-a.h"
#include "pathways-csv.h"
#include "pathways-exchange.h"
#include "pathways-format.h"

/* Ofsted's headings (Annex A, List 9 – Leaving care services) */
static const char *const headings[PATHWAYS_ANNEX_A_N_COLUMNS] = {
  "Child Unique ID",
  "Gender",
  "Ethnicity",
  "Date of Birth",
  "Age",
  "UASC",
  "Disability",
  "Allocated Team",
  "Allocated Worker",
  "Allocated Personal Advisor",
  "Eligibility Category",
  "Latest Pathway Plan Review Date",
  "In Touch",
  "Latest Date of Contact",
  "Accommodation Type",
  "Accommodation Suitability",
  "Activity",
};

const char *
pathways_annex_a_column_heading (PathwaysAnnexAColumn column)
{
  g_return_val_if_fail (column < PATHWAYS_ANNEX_A_N_COLUMNS, NULL);
  return headings[column];
}

gboolean
pathways_annex_a_column_is_date (PathwaysAnnexAColumn column)
{
  return column == PATHWAYS_ANNEX_A_DOB || column == PATHWAYS_ANNEX_A_PATHWAY_PLAN ||
         column == PATHWAYS_ANNEX_A_LATEST_CONTACT;
}

void
pathways_annex_a_row_free (PathwaysAnnexARow *r)
{
  if (r == NULL)
    return;
  g_free (r->id);
  g_free (r->gender);
  g_free (r->ethnicity);
  g_free (r->date_of_birth);
  g_free (r->disability);
  g_free (r->team);
  g_free (r->worker);
  g_free (r->personal_adviser);
  g_free (r->eligibility);
  g_free (r->pathway_plan_date);
  g_free (r->in_touch);
  g_free (r->latest_contact);
  g_free (r->accom);
  g_free (r->activ);
  g_free (r);
}

static char *
uk (const char *iso)
{
  return iso ? pathways_date_format_uk (iso) : g_strdup ("");
}

/* "U1 Independent living…" as the DfE words it, or the code alone */
static char *
described (Pathways903CodeTable *codes,
           const char           *list,
           const char           *code)
{
  const char *meaning = codes && code ? pathways_903_code_table_get_meaning (codes, list, code) : NULL;

  if (code == NULL)
    return g_strdup ("");
  if (meaning == NULL)
    return g_strdup (code);
  /* Translators: a DfE code and its meaning: "F1: Full-time higher education" */
  return g_strdup_printf (C_("code and meaning", "%s: %s"), code, meaning);
}

/**
 * pathways_annex_a_cell:
 * @on_date: the day the list is made (ages are on that day)
 * @codes: (nullable): for the meanings of the 903 codes
 *
 * Returns: (transfer full): the value shown in @column
 */
char *
pathways_annex_a_cell (const PathwaysAnnexARow *r,
                       PathwaysAnnexAColumn     column,
                       const char              *on_date,
                       Pathways903CodeTable    *codes)
{
  switch (column)
    {
    case PATHWAYS_ANNEX_A_ID: return g_strdup (r->id ? r->id : "");
    case PATHWAYS_ANNEX_A_GENDER: return g_strdup (r->gender ? r->gender : "");
    case PATHWAYS_ANNEX_A_ETHNICITY: return g_strdup (r->ethnicity ? r->ethnicity : "");
    case PATHWAYS_ANNEX_A_DOB: return uk (r->date_of_birth);
    case PATHWAYS_ANNEX_A_AGE:
      {
        int age = r->date_of_birth && on_date ? pathways_date_age_on (r->date_of_birth, on_date) : -1;
        return age >= 0 ? g_strdup_printf ("%d", age) : g_strdup ("");
      }
    case PATHWAYS_ANNEX_A_UASC: return g_strdup (r->uasc ? _("Yes") : _("No"));
    case PATHWAYS_ANNEX_A_DISABILITY: return g_strdup (r->disability ? r->disability : "");
    case PATHWAYS_ANNEX_A_TEAM: return g_strdup (r->team ? r->team : "");
    case PATHWAYS_ANNEX_A_WORKER: return g_strdup (r->worker ? r->worker : "");
    case PATHWAYS_ANNEX_A_PA: return g_strdup (r->personal_adviser ? r->personal_adviser : "");
    case PATHWAYS_ANNEX_A_ELIGIBILITY: return g_strdup (r->eligibility ? r->eligibility : "");
    case PATHWAYS_ANNEX_A_PATHWAY_PLAN: return uk (r->pathway_plan_date);
    case PATHWAYS_ANNEX_A_IN_TOUCH: return described (codes, "IN_TOUCH", r->in_touch);
    case PATHWAYS_ANNEX_A_LATEST_CONTACT: return uk (r->latest_contact);
    case PATHWAYS_ANNEX_A_ACCOMMODATION:
      {
        char letter[2] = { r->accom ? r->accom[0] : '\0', '\0' };
        return r->accom ? described (codes, "ACCOM", letter) : g_strdup ("");
      }
    case PATHWAYS_ANNEX_A_SUITABILITY:
      if (r->accom == NULL || strlen (r->accom) != 2)
        return g_strdup ("");
      return g_strdup (r->accom[1] == '1' ? _("Suitable") : _("Not suitable"));
    case PATHWAYS_ANNEX_A_ACTIVITY: return described (codes, "ACTIV", r->activ);
    case PATHWAYS_ANNEX_A_N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * pathways_annex_a_csv:
 * @rows: (element-type PathwaysAnnexARow)
 *
 * Returns: (transfer full): the list as CSV, Ofsted's headings first
 */
GString *
pathways_annex_a_csv (GPtrArray            *rows,
                      const char           *on_date,
                      Pathways903CodeTable *codes)
{
  GString *out = g_string_new (NULL);

  pathways_csv_append_row (out, headings, PATHWAYS_ANNEX_A_N_COLUMNS);
  for (guint i = 0; i < rows->len; i++)
    for (PathwaysAnnexAColumn c = 0; c < PATHWAYS_ANNEX_A_N_COLUMNS; c++)
      {
        g_autofree char *v = pathways_annex_a_cell (g_ptr_array_index (rows, i), c, on_date, codes);
        pathways_csv_append_field (out, v, c + 1 == PATHWAYS_ANNEX_A_N_COLUMNS);
      }
  return out;
}

gboolean
pathways_annex_a_write_csv (GPtrArray             *rows,
                            const char            *on_date,
                            Pathways903CodeTable  *codes,
                            const char            *path,
                            GError               **error)
{
  g_autoptr(GString) out = pathways_annex_a_csv (rows, on_date, codes);
  return pathways_exchange_write_file (path, out->str, out->len, error);
}
