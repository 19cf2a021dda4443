/* pathways-annex-a.h — Ofsted's Annex A, List 9: care leavers
 *
 * The list inspectors ask for at the start of an inspection of local
 * authority children's services, one row per care leaver.  The store
 * fills the rows; this writes them as CSV (and app/report/ as Excel),
 * dates as DD/MM/YYYY.  The column headings are Ofsted's and, like the
 * DfE's 903 columns, are not translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pathways-903-codes.h"

G_BEGIN_DECLS

typedef enum {
  PATHWAYS_ANNEX_A_ID,
  PATHWAYS_ANNEX_A_GENDER,
  PATHWAYS_ANNEX_A_ETHNICITY,
  PATHWAYS_ANNEX_A_DOB,
  PATHWAYS_ANNEX_A_AGE,
  PATHWAYS_ANNEX_A_UASC,
  PATHWAYS_ANNEX_A_DISABILITY,
  PATHWAYS_ANNEX_A_TEAM,
  PATHWAYS_ANNEX_A_WORKER,
  PATHWAYS_ANNEX_A_PA,
  PATHWAYS_ANNEX_A_ELIGIBILITY,
  PATHWAYS_ANNEX_A_PATHWAY_PLAN,
  PATHWAYS_ANNEX_A_IN_TOUCH,
  PATHWAYS_ANNEX_A_LATEST_CONTACT,
  PATHWAYS_ANNEX_A_ACCOMMODATION,
  PATHWAYS_ANNEX_A_SUITABILITY,
  PATHWAYS_ANNEX_A_ACTIVITY,
  PATHWAYS_ANNEX_A_N_COLUMNS
} PathwaysAnnexAColumn;

typedef struct {
  char *id;                 /* the local child id */
  char *gender;
  char *ethnicity;
  char *date_of_birth;      /* ISO */
  gboolean uasc;
  char *disability;         /* "Yes", "No" or as recorded */
  char *team;
  char *worker;
  char *personal_adviser;
  char *eligibility;        /* relevant, former relevant, qualifying, … */
  char *pathway_plan_date;  /* ISO: the latest pathway plan (review) */
  char *in_touch;           /* 903 IN_TOUCH code */
  char *latest_contact;     /* ISO */
  char *accom;              /* 903 ACCOM code (letter + suitability), or NULL */
  char *activ;              /* 903 ACTIV code */
} PathwaysAnnexARow;

const char        *pathways_annex_a_column_heading (PathwaysAnnexAColumn     column);
gboolean           pathways_annex_a_column_is_date (PathwaysAnnexAColumn     column);
char              *pathways_annex_a_cell           (const PathwaysAnnexARow *row,
                                                    PathwaysAnnexAColumn     column,
                                                    const char              *on_date,
                                                    Pathways903CodeTable    *codes);
void               pathways_annex_a_row_free       (PathwaysAnnexARow       *row);
GString           *pathways_annex_a_csv            (GPtrArray               *rows,
                                                    const char              *on_date,
                                                    Pathways903CodeTable    *codes);
gboolean           pathways_annex_a_write_csv      (GPtrArray               *rows,
                                                    const char              *on_date,
                                                    Pathways903CodeTable    *codes,
                                                    const char              *path,
                                                    GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysAnnexARow, pathways_annex_a_row_free)

G_END_DECLS
